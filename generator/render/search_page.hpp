// View model of the search page (search/index.html): the filters and the empty-state suggestions.
#pragma once

#include <nlohmann/json.hpp>

#include "config/site_config.hpp"
#include "model/archive.hpp"

namespace hindsight {

nlohmann::json search_view(const Archive& archive, const SiteConfig& config);

}  // namespace hindsight
