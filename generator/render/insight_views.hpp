// View models of the archive-insight pages: cause, service and severity pages, recurring
// actions, statistics; and the links a postmortem page gets to them.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "config/site_config.hpp"
#include "model/archive.hpp"
#include "render/pagination.hpp"

namespace hindsight {

// kind: "causes", "services" or "severities"; the folder the pages live in. noun ("Cause")
// heads the table's first column.
nlohmann::json groups_view(const Archive& archive, const SiteConfig& config,
                           const std::string& kind, const std::string& heading,
                           const std::string& noun, const std::vector<ArchiveGroup>& groups);
// One page of a group's postmortems; the statistics cover the whole group.
nlohmann::json group_view(const Archive& archive, const SiteConfig& config, const std::string& kind,
                          const std::string& noun, const ArchiveGroup& group, const ListPage& page);

// The clusters promised in more than one postmortem, most-recurring first (actions/ lists them).
std::vector<std::size_t> recurring_clusters(const Archive& archive);
nlohmann::json actions_view(const Archive& archive, const SiteConfig& config,
                            const std::vector<std::size_t>& recurring, const ListPage& page);
// One page of a cluster's items; the counts cover the whole cluster.
nlohmann::json action_view(const Archive& archive, const SiteConfig& config,
                           const ActionCluster& cluster, const ListPage& page);
nlohmann::json stats_view(const Archive& archive, const SiteConfig& config);

// At most this many other postmortems are named beside an action item of a postmortem page;
// the cluster page lists them all, so the page does not grow with the archive. One, the most
// recent: the cluster page is one click away, and each name costs a postmortem page about 130
// bytes per recurring action item. At 10,000 postmortems three names took the site past its
// budget of 24 KiB a postmortem, and two left it under by less than 1 KiB (bench/RESULTS.md).
inline constexpr std::size_t kMaxAlsoPromised = 1;

// Adds cause/service/severity links, action-item clusters and related postmortems to a
// postmortem page's view model.
void add_insight_links(const Archive& archive, std::size_t index, nlohmann::json& view);

// "2 h 15 min" for a number of minutes, "" for none.
std::string minutes_text(double minutes);

}  // namespace hindsight
