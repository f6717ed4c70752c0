// The whole archive after analysis: what render and index read.
#pragma once

#include <vector>

#include "model/postmortem.hpp"

namespace hindsight {

struct Archive {
    std::vector<Postmortem> postmortems;    // sorted by slug
    std::vector<std::size_t> newest_first;  // indices into postmortems: date desc, then slug
};

}  // namespace hindsight
