// Statistics over postmortems; deterministic, with "now" taken from the archive itself.
#include "analyze/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include <fmt/format.h>

namespace hindsight {

double nearest_rank(const std::vector<double>& sorted, double p) {
    const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(sorted.size())));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

Distribution distribution_of(std::vector<double> values) {
    Distribution d;
    std::sort(values.begin(), values.end());
    d.count = static_cast<int>(values.size());
    if (!values.empty()) {
        d.median = nearest_rank(values, 0.5);
        d.p90 = nearest_rank(values, 0.9);
        d.max = values.back();
        d.mean =
            std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
    }
    d.values = std::move(values);
    return d;
}

GroupStats group_stats(const std::vector<Postmortem>& postmortems,
                       const std::vector<std::size_t>& members) {
    std::vector<double> durations, detect, users;
    for (const std::size_t i : members) {
        const Postmortem& pm = postmortems[i];
        if (pm.duration) {
            durations.push_back(static_cast<double>(pm.duration->count()));
        }
        if (pm.started && pm.detected && *pm.detected >= *pm.started) {
            detect.push_back(static_cast<double>(
                date::floor<std::chrono::minutes>(*pm.detected - *pm.started).count()));
        }
        if (pm.users_affected_pct) {
            users.push_back(*pm.users_affected_pct);
        }
    }
    return {static_cast<int>(members.size()), distribution_of(std::move(durations)),
            distribution_of(std::move(detect)), distribution_of(std::move(users))};
}

namespace {

std::vector<std::pair<std::string, int>> per_month(const std::vector<Postmortem>& postmortems) {
    std::map<int, int> counts;  // months since year 0
    for (const auto& pm : postmortems) {
        if (pm.date) {
            const date::year_month_day ymd{*pm.date};
            ++counts[static_cast<int>(ymd.year()) * 12 + static_cast<int>(unsigned(ymd.month())) -
                     1];
        }
    }
    std::vector<std::pair<std::string, int>> months;
    if (counts.empty()) {
        return months;
    }
    for (int m = counts.begin()->first; m <= counts.rbegin()->first; ++m) {
        const auto it = counts.find(m);
        months.emplace_back(fmt::format("{:04}-{:02}", m / 12, m % 12 + 1),
                            it == counts.end() ? 0 : it->second);
    }
    return months;
}

}  // namespace

ArchiveStats archive_stats(const std::vector<Postmortem>& postmortems) {
    ArchiveStats stats;
    std::vector<std::size_t> all(postmortems.size());
    std::iota(all.begin(), all.end(), std::size_t{0});
    stats.overall = group_stats(postmortems, all);
    stats.incidents_per_month = per_month(postmortems);
    for (const auto& pm : postmortems) {
        if (pm.date && (!stats.as_of || *pm.date > *stats.as_of)) {
            stats.as_of = pm.date;
        }
    }
    for (const auto& pm : postmortems) {
        for (const auto& item : pm.action_items) {
            auto& a = stats.actions;
            if (!item.status) {
                continue;  // a state the front matter gave and no table knows: not counted
            }
            switch (*item.status) {
                case ActionStatus::open:
                    ++a.open;
                    break;
                case ActionStatus::in_progress:
                    ++a.in_progress;
                    break;
                case ActionStatus::blocked:
                    ++a.blocked;
                    break;
                case ActionStatus::done:
                    ++a.done;
                    continue;
                case ActionStatus::wont_do:
                    ++a.wont_do;
                    continue;
            }
            if (!stats.as_of) {
                continue;
            }
            if (item.due && *item.due < *stats.as_of) {
                ++a.overdue;
            }
            if (pm.date) {
                const auto age = (*stats.as_of - *pm.date).count();
                (age < 30    ? a.age_under_30_days
                 : age < 90  ? a.age_30_to_90_days
                 : age < 365 ? a.age_90_to_365_days
                             : a.age_over_a_year)++;
            }
        }
    }
    return stats;
}

}  // namespace hindsight
