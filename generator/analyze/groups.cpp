// Building the groups: members newest first, groups ordered for reading (biggest first).
#include "analyze/groups.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "analyze/statistics.hpp"
#include "core/slug.hpp"

namespace hindsight {
namespace {

using KeyOf = std::vector<std::pair<std::string, std::string>> (*)(const Postmortem&,
                                                                   const SiteConfig&);

std::vector<ArchiveGroup> build(const Archive& archive, const SiteConfig& config, KeyOf keys) {
    std::map<std::string, ArchiveGroup> groups;
    for (const std::size_t index : archive.newest_first) {
        for (const auto& [key, label] : keys(archive.postmortems[index], config)) {
            auto& group = groups[key];
            group.key = key;
            group.label = label;
            group.postmortems.push_back(index);
        }
    }
    std::vector<ArchiveGroup> list;
    for (auto& [key, group] : groups) {
        group.stats = group_stats(archive.postmortems, group.postmortems);
        list.push_back(std::move(group));
    }
    return list;
}

void most_first(std::vector<ArchiveGroup>& groups) {
    std::stable_sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) {
        return a.postmortems.size() > b.postmortems.size();
    });
}

}  // namespace

std::vector<ArchiveGroup> group_by_cause(const Archive& archive, const SiteConfig& config) {
    auto groups = build(archive, config, [](const Postmortem& pm, const SiteConfig& c) {
        std::vector<std::pair<std::string, std::string>> keys;
        for (const auto& cause : pm.causes) {
            const auto* definition = c.taxonomy.find(cause);
            keys.emplace_back(cause, definition != nullptr ? definition->label : cause);
        }
        return keys;
    });
    most_first(groups);
    return groups;
}

std::vector<ArchiveGroup> group_by_service(const Archive& archive, const SiteConfig& config) {
    auto groups = build(archive, config, [](const Postmortem& pm, const SiteConfig&) {
        std::vector<std::pair<std::string, std::string>> keys;
        for (const auto& service : pm.services) {
            if (!slugify(service).empty()) {
                keys.emplace_back(slugify(service), service);
            }
        }
        return keys;
    });
    most_first(groups);
    return groups;
}

std::vector<ArchiveGroup> group_by_severity(const Archive& archive, const SiteConfig& config) {
    auto groups = build(archive, config, [](const Postmortem& pm, const SiteConfig&) {
        std::vector<std::pair<std::string, std::string>> keys;
        if (!pm.severity.empty()) {
            keys.emplace_back(slugify(pm.severity), pm.severity);
        }
        return keys;
    });
    const auto names = config.severity_names();
    const auto rank = [&](const ArchiveGroup& g) {
        return std::find(names.begin(), names.end(), g.label) - names.begin();
    };
    std::stable_sort(groups.begin(), groups.end(),
                     [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
    return groups;
}

std::vector<ArchiveGroup> group_by_year(const Archive& archive, const SiteConfig& config) {
    auto groups = build(archive, config, [](const Postmortem& pm, const SiteConfig&) {
        std::vector<std::pair<std::string, std::string>> keys;
        if (pm.date) {
            const auto year =
                fmt::format("{}", static_cast<int>(date::year_month_day{*pm.date}.year()));
            keys.emplace_back(year, year);
        }
        return keys;
    });
    std::reverse(groups.begin(), groups.end());
    return groups;
}

}  // namespace hindsight
