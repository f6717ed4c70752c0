// View models of the archive-insight pages: cause, service and severity pages, recurring
// actions, statistics; and the links a postmortem page gets to them.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "config/site_config.hpp"
#include "model/archive.hpp"

namespace hindsight {

// kind: "causes", "services" or "severities"; the folder the pages live in. noun ("Cause")
// heads the table's first column.
nlohmann::json groups_view(const Archive& archive, const SiteConfig& config,
                           const std::string& kind, const std::string& heading,
                           const std::string& noun, const std::vector<ArchiveGroup>& groups);
nlohmann::json group_view(const Archive& archive, const SiteConfig& config, const std::string& kind,
                          const std::string& noun, const ArchiveGroup& group);

nlohmann::json actions_view(const Archive& archive, const SiteConfig& config);
nlohmann::json action_view(const Archive& archive, const SiteConfig& config,
                           const ActionCluster& cluster);
nlohmann::json stats_view(const Archive& archive, const SiteConfig& config);

// Adds cause/service/severity links, action-item clusters and related postmortems to a
// postmortem page's view model.
void add_insight_links(const Archive& archive, std::size_t index, nlohmann::json& view);

// "2 h 15 min" for a number of minutes, "" for none.
std::string minutes_text(double minutes);

}  // namespace hindsight
