// Where pages live in the built site, for every stage that links to one (render, search).
#pragma once

#include <string>

#include "model/postmortem.hpp"

namespace hindsight {

// Relative to the site root, ending in index.html so links also work from file://.
inline std::string postmortem_url(const Postmortem& postmortem) {
    return "postmortems/" + postmortem.slug + "/index.html";
}

}  // namespace hindsight
