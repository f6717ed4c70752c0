// Draft filtering, slug uniqueness and the archive's orderings.
#include "analyze/analyze.hpp"

#include <algorithm>
#include <map>
#include <numeric>

#include <fmt/format.h>

#include "analyze/action_clusters.hpp"
#include "analyze/groups.hpp"
#include "analyze/related.hpp"
#include "analyze/statistics.hpp"
#include "analyze/unfinished_drafts.hpp"

namespace hindsight {
namespace {

std::string where(const Postmortem& pm) {
    return pm.slug_line > 0 ? fmt::format("{}:{}", pm.source_path, pm.slug_line) : pm.source_path;
}

}  // namespace

AnalyzeResult analyze(std::vector<Postmortem> postmortems, const SiteConfig& config,
                      const AnalyzeOptions& options) {
    AnalyzeResult result;
    std::map<std::string, std::string> first_use;  // slug -> where it was first declared
    std::vector<Postmortem> kept;
    for (auto& pm : postmortems) {
        for (auto& d : unfinished_draft_fields(pm)) {
            result.diagnostics.push_back(std::move(d));
        }
        if (pm.draft && !options.include_drafts) {
            continue;
        }
        if (pm.slug.empty()) {
            continue;  // parse already reported why
        }
        const auto [it, inserted] = first_use.emplace(pm.slug, where(pm));
        if (!inserted) {
            result.diagnostics.push_back(make_error(
                {pm.source_path, pm.slug_line, pm.slug_line > 0 ? 1 : 0},
                fmt::format("slug '{}' is already used by {}", pm.slug, it->second),
                "give one of them another 'id' or 'slug' in its front matter, or rename the file"));
            continue;
        }
        kept.push_back(std::move(pm));
    }
    std::sort(kept.begin(), kept.end(),
              [](const auto& a, const auto& b) { return a.slug < b.slug; });
    result.archive.postmortems = std::move(kept);

    auto& order = result.archive.newest_first;
    order.resize(result.archive.postmortems.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    const auto& pms = result.archive.postmortems;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const auto& x = pms[a];
        const auto& y = pms[b];
        if (x.date.has_value() != y.date.has_value()) {
            return x.date.has_value();  // undated postmortems go last
        }
        if (x.date != y.date) {
            return *x.date > *y.date;
        }
        return x.slug < y.slug;
    });
    Archive& archive = result.archive;
    archive.causes = group_by_cause(archive, config);
    archive.services = group_by_service(archive, config);
    archive.severities = group_by_severity(archive, config);
    archive.years = group_by_year(archive, config);
    cluster_actions(archive, config, options.memo);
    find_related(archive, options.threads, options.memo);
    archive.stats = archive_stats(archive.postmortems);
    return result;
}

}  // namespace hindsight
