// Grouping postmortems by cause, service, severity and year, each group with its statistics.
#pragma once

#include <vector>

#include "config/site_config.hpp"
#include "model/archive.hpp"

namespace hindsight {

std::vector<ArchiveGroup> group_by_cause(const Archive& archive, const SiteConfig& config);
std::vector<ArchiveGroup> group_by_service(const Archive& archive, const SiteConfig& config);
std::vector<ArchiveGroup> group_by_severity(const Archive& archive, const SiteConfig& config);
std::vector<ArchiveGroup> group_by_year(const Archive& archive, const SiteConfig& config);

}  // namespace hindsight
