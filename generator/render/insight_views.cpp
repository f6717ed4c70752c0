// Building the insight pages' view models from the analysed archive.
#include "render/insight_views.hpp"

#include <cmath>

#include <fmt/format.h>

#include "core/slug.hpp"
#include "core/text.hpp"
#include "render/svg_charts.hpp"
#include "render/view_models.hpp"

namespace hindsight {
namespace {

using json = nlohmann::json;

// Two wordings that differ only in case, spacing or punctuation: a cluster page or a postmortem
// page shows the second one only when it says something the first did not.
// (Text with no ASCII letter or digit folds to nothing, so it must be the same bytes.)
bool same_wording(const std::string& a, const std::string& b) {
    const std::string folded = fold_spelling(a);
    return folded == fold_spelling(b) && (!folded.empty() || a == b);
}

json distribution_view(const Distribution& d, bool minutes) {
    const auto show = [&](double v) { return minutes ? minutes_text(v) : format_percent(v); };
    if (d.count == 0) {
        return {{"count", 0}, {"has_values", false}};
    }
    return {{"count", d.count},   {"has_values", true}, {"median", show(d.median)},
            {"p90", show(d.p90)}, {"max", show(d.max)}, {"mean", show(d.mean)}};
}

json stats_row(const std::string& label, const std::string& url, const GroupStats& s) {
    return {{"label", label},
            {"url", url},
            {"has_url", !url.empty()},
            {"incidents", s.incidents},
            {"duration", distribution_view(s.duration_minutes, true)},
            {"detect", distribution_view(s.time_to_detect_minutes, true)},
            {"users", distribution_view(s.users_affected_pct, false)}};
}

json postmortem_list(const Archive& archive, const SiteConfig& config,
                     const std::vector<std::size_t>& members, const ListPage& page) {
    json list = json::array();
    for (std::size_t i = page.begin; i < page.end; ++i) {
        list.push_back(list_item_view(archive.postmortems[members[i]], config));
    }
    return list;
}

std::string paged_title(const std::string& label, const ListPage& page, const SiteConfig& config) {
    return page.number > 1 ? fmt::format("{} · page {} · {}", label, page.number, config.title)
                           : fmt::format("{} · {}", label, config.title);
}

}  // namespace

std::string minutes_text(double minutes) {
    return format_duration(std::chrono::minutes{static_cast<long long>(std::llround(minutes))});
}

json groups_view(const Archive& archive, const SiteConfig& config, const std::string& kind,
                 const std::string& heading, const std::string& noun,
                 const std::vector<ArchiveGroup>& groups) {
    json view = page_frame(config, "../", fmt::format("{} · {}", heading, config.title));
    json rows = json::array();
    for (const auto& group : groups) {
        rows.push_back(stats_row(group.label, kind + "/" + group.key + "/index.html", group.stats));
    }
    view["heading"] = heading;
    view["stats_heading"] = noun;  // an empty column header is lost on screen-reader users
    view["rows"] = std::move(rows);
    view["has_rows"] = !groups.empty();
    (void)archive;
    return view;
}

json group_view(const Archive& archive, const SiteConfig& config, const std::string& kind,
                const std::string& noun, const ArchiveGroup& group, const ListPage& page) {
    const std::string dir = kind + "/" + group.key + "/";
    json view = page_frame(config, list_page_root(dir, page.number),
                           paged_title(group.label, page, config));
    view["kind"] = kind;
    view["noun"] = noun;
    view["stats_heading"] = noun;
    view["label"] = group.label;
    view["count"] = group.postmortems.size();
    view["stats"] = stats_row(group.label, "", group.stats);
    view["postmortems"] = postmortem_list(archive, config, group.postmortems, page);
    bool marks = false;
    for (std::size_t i = page.begin; i < page.end && !marks; ++i) {
        marks = marks_inferred(archive.postmortems[group.postmortems[i]]);
    }
    view["marks_inferred"] = marks;
    view["pagination"] = pager_view(dir, page);
    return view;
}

std::vector<std::size_t> recurring_clusters(const Archive& archive) {
    std::vector<std::size_t> recurring;
    for (std::size_t c = 0; c < archive.clusters.size(); ++c) {
        if (archive.clusters[c].postmortems.size() > 1) {
            recurring.push_back(c);
        }
    }
    return recurring;
}

json actions_view(const Archive& archive, const SiteConfig& config,
                  const std::vector<std::size_t>& recurring_index, const ListPage& page) {
    json view = page_frame(config, list_page_root("actions/", page.number),
                           paged_title("Recurring action items", page, config));
    json recurring = json::array();
    for (std::size_t i = page.begin; i < page.end; ++i) {
        const ActionCluster& cluster = archive.clusters[recurring_index[i]];
        recurring.push_back({{"id", cluster.id},
                             {"label", cluster.label},
                             {"url", "actions/" + cluster.id + "/index.html"},
                             {"postmortems", cluster.postmortems.size()},
                             {"items", cluster.members.size()},
                             {"open", cluster.open},
                             {"done", cluster.done},
                             {"promised_again", cluster.promised_again.size()}});
    }
    view["has_recurring"] = !recurring.empty();
    view["recurring"] = std::move(recurring);
    view["recurring_count"] = recurring_index.size();
    view["one_off"] = archive.clusters.size() - recurring_index.size();
    view["pagination"] = pager_view("actions/", page);
    return view;
}

json action_view(const Archive& archive, const SiteConfig& config, const ActionCluster& cluster,
                 const ListPage& page) {
    const std::string dir = "actions/" + cluster.id + "/";
    json view = page_frame(config, list_page_root(dir, page.number),
                           paged_title(cluster.label, page, config));
    view["label"] = cluster.label;
    view["postmortem_count"] = cluster.postmortems.size();
    view["postmortems_plural"] = cluster.postmortems.size() != 1;
    view["item_count"] = cluster.members.size();
    view["items_plural"] = cluster.members.size() != 1;
    json items = json::array();
    for (std::size_t i = page.begin; i < page.end; ++i) {
        const ClusterMember& m = cluster.members[i];
        const Postmortem& pm = archive.postmortems[m.postmortem];
        const ActionItem& item = pm.action_items[m.item];
        const bool again = m.promised_again;
        items.push_back({{"title", item.title},
                         {"reworded", !same_wording(item.title, cluster.label)},
                         {"owner", item.owner},
                         {"has_owner", !item.owner.empty()},
                         {"status", item.status ? to_string(*item.status) : "unknown"},
                         {"due", item.due ? format_date(*item.due) : ""},
                         {"has_due", item.due.has_value()},
                         {"postmortem", pm.title},
                         {"url", postmortem_url(pm)},
                         {"date", pm.date ? format_display_date(*pm.date) : ""},
                         {"promised_again", again}});
    }
    view["items"] = std::move(items);
    view["pagination"] = pager_view(dir, page);
    view["has_promised_again"] = !cluster.promised_again.empty();
    return view;
}

json stats_view(const Archive& archive, const SiteConfig& config) {
    json view = page_frame(config, "../", fmt::format("Statistics · {}", config.title));
    const auto& s = archive.stats;
    view["overall"] = stats_row("All incidents", "", s.overall);
    const auto rows = [](const std::vector<ArchiveGroup>& groups, const std::string& kind) {
        json list = json::array();
        for (const auto& g : groups) {
            list.push_back(stats_row(
                g.label, kind.empty() ? "" : kind + "/" + g.key + "/index.html", g.stats));
        }
        return list;
    };
    view["by_cause"] = rows(archive.causes, "causes");
    view["by_service"] = rows(archive.services, "services");
    view["by_severity"] = rows(archive.severities, "severities");
    view["by_year"] = rows(archive.years, "");
    // The page has one statistics table per grouping; each names what its rows are, through
    // a section the stats-head partial reads its heading from.
    const auto head = [](const char* heading) { return json{{"stats_heading", heading}}; };
    view["heads"] = {{"overall", head("Scope")},
                     {"cause", head("Cause")},
                     {"service", head("Service")},
                     {"severity", head("Severity")},
                     {"year", head("Year")}};
    std::vector<Bar> months;
    json month_rows = json::array();
    for (const auto& [month, count] : s.incidents_per_month) {
        months.push_back({month, static_cast<double>(count)});
        month_rows.push_back({{"month", month}, {"incidents", count}});
    }
    view["months"] = std::move(month_rows);
    view["chart_months"] = bar_chart(months, "Incidents per month",
                                     "Number of postmortems dated in each month, oldest first.");
    const auto histogram = duration_histogram(s.overall.duration_minutes.values);
    json buckets = json::array();
    for (const auto& bar : histogram) {
        buckets.push_back({{"bucket", bar.label}, {"incidents", static_cast<int>(bar.value)}});
    }
    view["histogram"] = std::move(buckets);
    view["chart_histogram"] = bar_chart(
        histogram, "Incident durations",
        "Number of incidents in each duration range; the ranges double in length, because "
        "durations are heavy-tailed.");
    std::vector<Strip> strips;
    for (const auto& g : archive.causes) {
        if (g.stats.duration_minutes.count > 0) {
            strips.push_back(
                {g.label, g.stats.duration_minutes.values, g.stats.duration_minutes.median});
        }
    }
    view["chart_causes"] =
        strip_plot(strips, "Duration by cause",
                   "Each dot is one incident's duration on a log scale; the bar marks the median.");
    const auto& a = s.actions;
    view["actions"] = {{"open", a.open},
                       {"in_progress", a.in_progress},
                       {"blocked", a.blocked},
                       {"done", a.done},
                       {"wont_do", a.wont_do},
                       {"overdue", a.overdue},
                       {"age_under_30_days", a.age_under_30_days},
                       {"age_30_to_90_days", a.age_30_to_90_days},
                       {"age_90_to_365_days", a.age_90_to_365_days},
                       {"age_over_a_year", a.age_over_a_year}};
    view["as_of"] = s.as_of ? format_display_date(*s.as_of) : "";
    // How many of the figures averaged here a postmortem declared, and how many its text gave:
    // a reader who knows the extractor can be wrong weighs the statistics by it.
    std::size_t durations = 0, durations_inferred = 0, shares = 0, shares_inferred = 0;
    for (const auto& pm : archive.postmortems) {
        if (pm.duration) {
            ++durations;
            durations_inferred += pm.is_inferred(Field::duration_minutes) ? 1 : 0;
        }
        if (pm.users_affected_pct) {
            ++shares;
            shares_inferred += pm.is_inferred(Field::users_affected_pct) ? 1 : 0;
        }
    }
    view["inferred"] = {{"any", durations_inferred + shares_inferred > 0},
                        {"durations", durations_inferred},
                        {"durations_total", durations},
                        {"users", shares_inferred},
                        {"users_total", shares}};
    return view;
}

void add_insight_links(const Archive& archive, std::size_t index, json& view) {
    const Postmortem& pm = archive.postmortems[index];
    json& page = view["page"];
    for (auto& cause : page["causes"]) {
        cause["url"] = "causes/" + cause["key"].get<std::string>() + "/index.html";
    }
    for (auto& service : page["services"]) {
        service["url"] = "services/" + slugify(service["name"].get<std::string>()) + "/index.html";
    }
    page["severity_url"] =
        pm.severity.empty() ? "" : "severities/" + slugify(pm.severity) + "/index.html";
    auto& items = page["action_items"];
    for (std::size_t i = 0; i < items.size() && index < archive.cluster_of.size(); ++i) {
        const ActionCluster& cluster = archive.clusters[archive.cluster_of[index][i]];
        // The most recent few others by name (cluster.postmortems is oldest first); the cluster
        // page has the rest.
        json others = json::array();
        for (auto p = cluster.postmortems.rbegin();
             p != cluster.postmortems.rend() && others.size() < kMaxAlsoPromised; ++p) {
            if (*p != index) {
                others.push_back({{"title", archive.postmortems[*p].title},
                                  {"url", postmortem_url(archive.postmortems[*p])},
                                  {"sep", "; "}});
            }
        }
        if (!others.empty()) {
            others.back()["sep"] = "";
        }
        const std::size_t other_count = cluster.postmortems.size() - 1;
        items[i]["cluster_url"] = "actions/" + cluster.id + "/index.html";
        items[i]["cluster_label"] = cluster.label;
        // The cluster's name is shown only when it is not the item's own wording again.
        items[i]["cluster_renamed"] = !same_wording(pm.action_items[i].title, cluster.label);
        items[i]["recurring"] = other_count > 0;
        items[i]["other_count"] = other_count;
        items[i]["other_plural"] = other_count != 1;
        items[i]["has_more_others"] = other_count > others.size();
        items[i]["more_others"] = other_count - others.size();
        items[i]["also_promised_in"] = std::move(others);
    }
    json related = json::array();
    for (const auto& r : archive.related[index]) {
        related.push_back({{"title", archive.postmortems[r.postmortem].title},
                           {"url", postmortem_url(archive.postmortems[r.postmortem])},
                           {"reason", r.reason}});
    }
    page["has_related"] = !related.empty();
    page["related"] = std::move(related);
}

}  // namespace hindsight
