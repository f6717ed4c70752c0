// Where pages live in the built site, for every stage that links to one (render, search).
#pragma once

#include <string>
#include <string_view>

#include "model/postmortem.hpp"

namespace hindsight {

// Relative to the site root, ending in index.html so links also work from file://: what comes
// before and after the slug (the search page builds URLs from slugs with them).
inline constexpr std::string_view kPostmortemUrlBefore = "postmortems/";
inline constexpr std::string_view kPostmortemUrlAfter = "/index.html";

inline std::string postmortem_url(const Postmortem& postmortem) {
    std::string url(kPostmortemUrlBefore);
    url += postmortem.slug;
    url += kPostmortemUrlAfter;
    return url;
}

}  // namespace hindsight
