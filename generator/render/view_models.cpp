// Building the view models of the home page, postmortem pages and the 404 page.
#include "render/view_models.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include <fmt/format.h>

#include "core/slug.hpp"
#include "core/version.hpp"

namespace hindsight {
namespace {

using json = nlohmann::json;

std::string cause_label(const std::string& key, const SiteConfig& config) {
    const auto* cause = config.taxonomy.find(key);
    return cause != nullptr ? cause->label : key;
}

json causes_view(const Postmortem& pm, const SiteConfig& config) {
    json causes = json::array();
    for (const auto& key : pm.causes) {
        std::string because;
        for (const auto& trigger : pm.cause_triggers) {
            if (trigger.cause == key) {
                because = fmt::format("{}", fmt::join(trigger.words, ", "));
            }
        }
        causes.push_back({{"key", key},
                          {"label", cause_label(key, config)},
                          {"inferred", pm.is_inferred(Field::causes)},
                          {"because", because}});
    }
    return causes;
}

json names_view(const std::vector<std::string>& names) {
    json list = json::array();
    for (const auto& name : names) {
        list.push_back({{"name", name}});
    }
    return list;
}

std::string join(const std::vector<std::string>& values) {
    return fmt::format("{}", fmt::join(values, ", "));
}

std::string date_text(const std::optional<date::sys_days>& day) {
    return day ? format_date(*day) : std::string{};
}

std::string date_display(const std::optional<date::sys_days>& day) {
    return day ? format_display_date(*day) : std::string{};
}

std::string duration_text(const Postmortem& pm) {
    return pm.duration ? format_duration(*pm.duration) : std::string{};
}

std::string users_text(const Postmortem& pm) {
    return pm.users_affected_pct ? format_percent(*pm.users_affected_pct) : std::string{};
}

class MetaRows {
  public:
    explicit MetaRows(const Postmortem& pm) : pm_(pm) {}

    void add(const char* label, const std::string& value, Field field) {
        if (!value.empty()) {
            const bool inferred = pm_.is_inferred(field);
            std::string evidence;
            if (const auto it = pm_.evidence.find(field); inferred && it != pm_.evidence.end()) {
                evidence = it->second.line > 0
                               ? fmt::format("line {}: {}", it->second.line, it->second.text)
                               : it->second.text;
            }
            rows_.push_back({{"label", label},
                             {"value", value},
                             {"inferred", inferred},
                             {"evidence", evidence}});
        }
    }

    void add_time(const char* label, const std::optional<Timestamp>& time, Field field) {
        add(label, time ? format_display_time(*time) : std::string{}, field);
    }

    json take() { return std::move(rows_); }

  private:
    const Postmortem& pm_;
    json rows_ = json::array();
};

json meta_view(const Postmortem& pm) {
    MetaRows rows(pm);
    rows.add("Date", date_display(pm.date), Field::date);
    rows.add("Severity", pm.severity, Field::severity);
    rows.add_time("Started", pm.started, Field::started);
    rows.add_time("Detected", pm.detected, Field::detected);
    rows.add_time("Mitigated", pm.mitigated, Field::mitigated);
    rows.add_time("Resolved", pm.resolved, Field::resolved);
    rows.add("Duration", duration_text(pm), Field::duration_minutes);
    rows.add("Users affected", users_text(pm), Field::users_affected_pct);
    rows.add("Impact", pm.impact_summary, Field::impact);
    rows.add("Authors", join(pm.authors), Field::authors);
    rows.add("Tags", join(pm.tags), Field::tags);
    rows.add("ID", pm.id, Field::id);
    rows.add("Source", pm.source, Field::source);
    return rows.take();
}

const char* status_label(ActionStatus status) {
    switch (status) {
        case ActionStatus::open:
            return "Open";
        case ActionStatus::in_progress:
            return "In progress";
        case ActionStatus::done:
            return "Done";
        case ActionStatus::wont_do:
            return "Won't do";
    }
    return "Open";
}

json action_items_view(const Postmortem& pm) {
    json items = json::array();
    for (const auto& item : pm.action_items) {
        items.push_back({{"title", item.title},
                         {"owner", item.owner},
                         {"status", to_string(item.status)},
                         {"status_label", status_label(item.status)},
                         {"due", date_text(item.due)},
                         {"link", item.link},
                         {"done", item.status == ActionStatus::done},
                         {"has_owner", !item.owner.empty()},
                         {"has_due", item.due.has_value()},
                         {"has_details", !item.owner.empty() || item.due.has_value()},
                         {"has_link", !item.link.empty()}});
    }
    return items;
}

json toc_view(const Postmortem& pm) {
    json toc = json::array();
    for (const auto& heading : pm.headings) {
        if (heading.level >= 2 && heading.level <= 4) {
            toc.push_back({{"level", heading.level}, {"id", heading.id}, {"text", heading.text}});
        }
    }
    return toc;
}

std::string scalar_text(const json& value) {
    if (value.is_string()) {
        return value.get<std::string>();
    }
    if (value.is_array()) {
        std::vector<std::string> parts;
        for (const auto& item : value) {
            parts.push_back(scalar_text(item));
        }
        return join(parts);
    }
    return value.is_null() ? std::string{} : value.dump();
}

json extra_view(const Postmortem& pm) {
    json extra = json::array();
    for (const auto& [key, value] : pm.extra.items()) {
        extra.push_back({{"key", key}, {"value", scalar_text(value)}});
    }
    return extra;
}

std::string severity_class(const std::string& severity) {
    return slugify(severity);
}

// The home page's headline: the median, not the mean, and the promise made most often.
json headline_view(const Archive& archive) {
    const auto& durations = archive.stats.overall.duration_minutes;
    json headline = {{"has_median", durations.count > 0},
                     {"median", durations.count > 0
                                    ? format_duration(std::chrono::minutes{
                                          static_cast<long long>(std::llround(durations.median))})
                                    : std::string{}},
                     {"with_duration", durations.count},
                     {"has_top_cause", !archive.causes.empty()},
                     {"has_recurring", false}};
    if (!archive.causes.empty()) {
        headline["top_cause"] = archive.causes.front().label;
        headline["top_cause_url"] = "causes/" + archive.causes.front().key + "/index.html";
        headline["top_cause_count"] = archive.causes.front().postmortems.size();
    }
    if (!archive.clusters.empty() && archive.clusters.front().postmortems.size() > 1) {
        const auto& top = archive.clusters.front();
        headline["has_recurring"] = true;
        headline["recurring_label"] = top.label;
        headline["recurring_url"] = "actions/" + top.id + "/index.html";
        headline["recurring_count"] = top.postmortems.size();
    }
    return headline;
}

}  // namespace

json list_item_view(const Postmortem& pm, const SiteConfig& config) {
    return {{"title", pm.title},
            {"url", postmortem_url(pm)},
            {"has_date", pm.date.has_value()},
            {"date", date_text(pm.date)},
            {"date_display", date_display(pm.date)},
            {"has_duration", pm.duration.has_value()},
            {"duration", duration_text(pm)},
            {"has_users_affected", pm.users_affected_pct.has_value()},
            {"users_affected", users_text(pm)},
            {"has_impact", !pm.impact_summary.empty()},
            {"impact_summary", pm.impact_summary},
            {"has_lede", !pm.impact_summary.empty() || !pm.summary.empty()},
            {"lede", pm.impact_summary.empty() ? pm.summary : pm.impact_summary},
            {"has_severity", !pm.severity.empty()},
            {"severity", pm.severity},
            {"severity_class", severity_class(pm.severity)},
            {"has_causes", !pm.causes.empty()},
            {"causes", causes_view(pm, config)},
            {"has_services", !pm.services.empty()},
            {"services", names_view(pm.services)}};
}

std::string format_percent(double value) {
    const double rounded = std::round(value * 10) / 10;
    if (rounded == std::floor(rounded)) {
        return fmt::format("{}%", static_cast<long long>(rounded));
    }
    return fmt::format("{:.1f}%", rounded);
}

json page_frame(const SiteConfig& config, const std::string& root, const std::string& page_title) {
    return {
        {"site", {{"title", config.title}, {"generator", fmt::format("Hindsight {}", kVersion)}}},
        {"root", root},
        {"page_title", page_title}};
}

std::vector<YearSpan> year_spans(const Archive& archive) {
    std::vector<YearSpan> spans;
    for (std::size_t i = 0; i < archive.newest_first.size(); ++i) {
        const Postmortem& pm = archive.postmortems[archive.newest_first[i]];
        std::string year =
            pm.date ? fmt::format("{}", static_cast<int>(date::year_month_day{*pm.date}.year()))
                    : "Undated";
        if (spans.empty() || spans.back().year != year) {
            spans.push_back({std::move(year), i, 0});
        }
        ++spans.back().count;
    }
    return spans;
}

json home_view(const Archive& archive, const SiteConfig& config, const std::vector<YearSpan>& spans,
               const ListPage& page) {
    json view = page_frame(
        config, list_page_root("", page.number),
        page.number > 1 ? fmt::format("{} · page {}", config.title, page.number) : config.title);
    const std::size_t size = std::max<std::size_t>(1, static_cast<std::size_t>(config.page_size));
    json years = json::array();
    json year_nav = json::array();
    for (const auto& span : spans) {
        // The year list names every year, each linked to the page its first postmortem is on.
        year_nav.push_back(
            {{"year", span.year},
             {"url", list_page_path("", span.first / size + 1) + "#y-" + span.year}});
        const std::size_t from = std::max(span.first, page.begin);
        const std::size_t to = std::min(span.first + span.count, page.end);
        if (from >= to) {
            continue;
        }
        json items = json::array();
        for (std::size_t i = from; i < to; ++i) {
            items.push_back(list_item_view(archive.postmortems[archive.newest_first[i]], config));
        }
        years.push_back({{"year", span.year},
                         {"count", span.count},
                         {"continued", from > span.first},
                         {"postmortems", std::move(items)}});
    }
    view["count"] = archive.postmortems.size();
    view["has_postmortems"] = !archive.postmortems.empty();
    view["years"] = std::move(years);
    view["year_nav"] = std::move(year_nav);
    view["headline"] = headline_view(archive);
    view["pagination"] = pager_view("", page);
    view["first_page"] = page.number == 1;
    return view;
}

json postmortem_view(const Postmortem& pm, const SiteConfig& config) {
    json view = page_frame(config, "../../", fmt::format("{} · {}", pm.title, config.title));
    json causes = causes_view(pm, config);
    json toc = toc_view(pm);
    json items = action_items_view(pm);
    json extra = extra_view(pm);
    view["page"] = {{"title", pm.title},
                    {"slug", pm.slug},
                    {"source", pm.source},
                    {"has_date", pm.date.has_value()},
                    {"date", date_text(pm.date)},
                    {"date_display", date_display(pm.date)},
                    {"has_severity", !pm.severity.empty()},
                    {"severity", pm.severity},
                    {"severity_class", severity_class(pm.severity)},
                    {"status", pm.draft ? "draft" : "published"},
                    {"is_draft", pm.draft},
                    {"meta", meta_view(pm)},
                    {"has_summary", !pm.summary.empty()},
                    {"summary", pm.summary},
                    {"causes_inferred", pm.is_inferred(Field::causes)},
                    {"action_items_inferred", pm.is_inferred(Field::action_items)},
                    {"action_items_evidence", pm.evidence.count(Field::action_items) > 0
                                                  ? pm.evidence.at(Field::action_items).text
                                                  : std::string{}},
                    {"has_causes", !causes.empty()},
                    {"causes", std::move(causes)},
                    {"has_services", !pm.services.empty()},
                    {"services", names_view(pm.services)},
                    {"has_action_items", !items.empty()},
                    {"action_items", std::move(items)},
                    {"has_toc", toc.size() >= 2},
                    {"toc", std::move(toc)},
                    {"has_extra", !extra.empty()},
                    {"extra", std::move(extra)},
                    {"body_html", pm.body_html}};
    return view;
}

json not_found_view(const SiteConfig& config) {
    // The 404 page is served at any depth, so its links cannot be relative.
    std::string root = config.base_url.empty() ? "/" : config.base_url;
    if (root.back() != '/') {
        root += '/';
    }
    return page_frame(config, root, fmt::format("Page not found · {}", config.title));
}

}  // namespace hindsight
