// Building the view models of the home page, postmortem pages and the 404 page.
#include "render/view_models.hpp"

#include <chrono>
#include <cmath>

#include <fmt/format.h>

#include "core/slug.hpp"
#include "core/url.hpp"
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
                         {"has_link", !item.link.empty()},
                         // A link the allowlist refuses (javascript:) is shown as text; parse
                         // warned about it. Checked here too, whatever built the record.
                         {"link_is_safe", is_safe_url(item.link)}});
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
            {"severity_rank", config.severity_rank(pm.severity)},
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

json home_view(const Archive& archive, const SiteConfig& config) {
    json view = page_frame(config, "", config.title);
    json years = json::array();
    for (const std::size_t index : archive.newest_first) {
        const Postmortem& pm = archive.postmortems[index];
        const std::string year =
            pm.date ? fmt::format("{}", static_cast<int>(date::year_month_day{*pm.date}.year()))
                    : "Undated";
        if (years.empty() || years.back()["year"] != year) {
            years.push_back({{"year", year}, {"count", 0}, {"postmortems", json::array()}});
        }
        years.back()["postmortems"].push_back(list_item_view(pm, config));
        years.back()["count"] = years.back()["count"].get<int>() + 1;
    }
    view["count"] = archive.postmortems.size();
    view["has_postmortems"] = !archive.postmortems.empty();
    view["years"] = std::move(years);
    view["headline"] = headline_view(archive);
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
                    {"severity_rank", config.severity_rank(pm.severity)},
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

std::string site_base_url(const SiteConfig& config) {
    if (config.base_url.empty() || !is_safe_url(config.base_url)) {
        return {};
    }
    return config.base_url.back() == '/' ? config.base_url : config.base_url + '/';
}

json not_found_view(const SiteConfig& config) {
    // The 404 page is served at any depth, so its links cannot be relative.
    const std::string base = site_base_url(config);
    return page_frame(config, base.empty() ? std::string("/") : base,
                      fmt::format("Page not found · {}", config.title));
}

}  // namespace hindsight
