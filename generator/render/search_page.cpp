// The search page's options come from the archive's groups, so every filter value has results.
#include "render/search_page.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "render/view_models.hpp"

namespace hindsight {
namespace {

using nlohmann::json;

json option(const ArchiveGroup& group) {
    return {{"key", group.key}, {"label", group.label}, {"count", group.stats.incidents}};
}

json options(const std::vector<ArchiveGroup>& groups) {
    json list = json::array();
    for (const auto& group : groups) {
        list.push_back(option(group));
    }
    return list;
}

// Causes and services read best alphabetically in a menu; severities keep the site's order
// and years run newest first.
json sorted_by_label(const std::vector<ArchiveGroup>& groups) {
    std::vector<const ArchiveGroup*> order;
    for (const auto& group : groups) {
        order.push_back(&group);
    }
    std::stable_sort(order.begin(), order.end(),
                     [](const auto* a, const auto* b) { return a->label < b->label; });
    json list = json::array();
    for (const auto* group : order) {
        list.push_back(option(*group));
    }
    return list;
}

// The most frequent causes, as links that filter: a way in for someone without a query yet.
json suggestions(const std::vector<ArchiveGroup>& causes) {
    json list = json::array();
    for (std::size_t i = 0; i < causes.size() && i < 6; ++i) {
        list.push_back(option(causes[i]));
    }
    return list;
}

}  // namespace

json search_view(const Archive& archive, const SiteConfig& config) {
    json view = page_frame(config, "../", fmt::format("Search · {}", config.title));
    view["is_search"] = true;
    view["causes"] = sorted_by_label(archive.causes);
    view["services"] = sorted_by_label(archive.services);
    view["severities"] = options(archive.severities);
    view["years"] = options(archive.years);
    view["has_services"] = !archive.services.empty();
    view["has_severities"] = !archive.severities.empty();
    view["suggestions"] = suggestions(archive.causes);
    view["has_suggestions"] = !archive.causes.empty();
    view["count"] = archive.postmortems.size();
    return view;
}

}  // namespace hindsight
