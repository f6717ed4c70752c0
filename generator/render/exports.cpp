// Writing the exports; keys in schema order, rows sorted by slug, so the bytes are stable.
#include "render/exports.hpp"

#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "render/view_models.hpp"

namespace hindsight {
namespace {

using ordered = nlohmann::ordered_json;

// A record key: the field's one name (model/field.hpp).
std::string key(Field field) {
    return std::string(field_name(field));
}

ordered optional_time(const std::optional<Timestamp>& time) {
    return time ? ordered(format_iso_utc(*time)) : ordered(nullptr);
}

ordered optional_day(const std::optional<date::sys_days>& day) {
    return day ? ordered(format_date(*day)) : ordered(nullptr);
}

// Whole percentages print as integers ("30", not "30.0"), as a person would write them.
ordered percent_value(const std::optional<double>& pct) {
    if (!pct) {
        return nullptr;
    }
    if (*pct == std::floor(*pct)) {
        return static_cast<long long>(*pct);
    }
    return *pct;
}

// A state no table knows is left out of the record (the page shows it as written).
ordered status_value(const ActionItem& item) {
    return item.status ? ordered(to_string(*item.status)) : ordered(nullptr);
}

ordered record(const Archive& archive, std::size_t index) {
    const Postmortem& pm = archive.postmortems[index];
    ordered items = ordered::array();
    for (std::size_t i = 0; i < pm.action_items.size(); ++i) {
        const auto& item = pm.action_items[i];
        const bool clustered =
            index < archive.cluster_of.size() && i < archive.cluster_of[index].size();
        items.push_back(
            {{"title", item.title},
             {"owner", item.owner.empty() ? ordered(nullptr) : ordered(item.owner)},
             {"status", status_value(item)},
             {"due", optional_day(item.due)},
             {"cluster", clustered ? ordered(archive.clusters[archive.cluster_of[index][i]].id)
                                   : ordered(nullptr)}});
    }
    return {{key(Field::slug), pm.slug},
            {key(Field::title), pm.title},
            {"url", postmortem_url(pm)},
            {key(Field::source), pm.source},
            {key(Field::date), optional_day(pm.date)},
            {key(Field::started), optional_time(pm.started)},
            {key(Field::detected), optional_time(pm.detected)},
            {key(Field::mitigated), optional_time(pm.mitigated)},
            {key(Field::resolved), optional_time(pm.resolved)},
            {key(Field::duration_minutes),
             pm.duration ? ordered(pm.duration->count()) : ordered(nullptr)},
            {key(Field::users_affected_pct), percent_value(pm.users_affected_pct)},
            {key(Field::severity), pm.severity.empty() ? ordered(nullptr) : ordered(pm.severity)},
            {key(Field::causes), pm.causes},
            {key(Field::services), pm.services},
            {key(Field::action_items), std::move(items)},
            {"inferred", field_names(pm.inferred)}};
}

// An array with one compact record a line: a tenth of the indented form's bytes at scale, and a
// diff of two builds still shows which records changed.
std::string one_per_line(const ordered& records) {
    std::string out = "[";
    for (std::size_t i = 0; i < records.size(); ++i) {
        out += i == 0 ? "\n" : ",\n";
        out += records[i].dump();
    }
    return out + (records.empty() ? "]" : "\n]");
}

std::string joined(const std::vector<std::string>& values) {
    return fmt::format("{}", fmt::join(values, "; "));
}

}  // namespace

std::string postmortems_json(const Archive& archive) {
    ordered all = ordered::array();
    for (std::size_t i = 0; i < archive.postmortems.size(); ++i) {
        all.push_back(record(archive, i));
    }
    return one_per_line(all) + "\n";
}

std::string actions_json(const Archive& archive) {
    ordered clusters = ordered::array();
    for (const auto& cluster : archive.clusters) {
        ordered slugs = ordered::array();
        for (const auto p : cluster.postmortems) {
            slugs.push_back(archive.postmortems[p].slug);
        }
        ordered again = ordered::array();
        for (const auto p : cluster.promised_again) {
            again.push_back(archive.postmortems[p].slug);
        }
        ordered items = ordered::array();
        for (const auto& m : cluster.members) {
            const auto& pm = archive.postmortems[m.postmortem];
            const auto& item = pm.action_items[m.item];
            items.push_back({{"slug", pm.slug},
                             {"title", item.title},
                             {"owner", item.owner.empty() ? ordered(nullptr) : ordered(item.owner)},
                             {"status", status_value(item)},
                             {"due", optional_day(item.due)}});
        }
        clusters.push_back({{"id", cluster.id},
                            {"label", cluster.label},
                            {"postmortems", std::move(slugs)},
                            {"promised_again", std::move(again)},
                            {"items", std::move(items)}});
    }
    return "{\"clusters\": " + one_per_line(clusters) + "}\n";
}

namespace {

ordered distribution_json(const Distribution& d) {
    if (d.count == 0) {
        return {{"count", 0},
                {"median", nullptr},
                {"p90", nullptr},
                {"max", nullptr},
                {"mean", nullptr}};
    }
    return {{"count", d.count},
            {"median", d.median},
            {"p90", d.p90},
            {"max", d.max},
            {"mean", std::round(d.mean * 10) / 10}};
}

ordered group_stats_json(const GroupStats& s) {
    return {{"incidents", s.incidents},
            {"duration_minutes", distribution_json(s.duration_minutes)},
            {"time_to_detect_minutes", distribution_json(s.time_to_detect_minutes)},
            {"users_affected_pct", distribution_json(s.users_affected_pct)}};
}

ordered groups_json(const std::vector<ArchiveGroup>& groups) {
    ordered list = ordered::array();
    for (const auto& g : groups) {
        ordered entry = {{"key", g.key}, {"label", g.label}};
        entry.update(group_stats_json(g.stats));
        list.push_back(std::move(entry));
    }
    return list;
}

}  // namespace

std::string stats_json(const Archive& archive) {
    const auto& s = archive.stats;
    ordered months = ordered::array();
    for (const auto& [month, count] : s.incidents_per_month) {
        months.push_back({{"month", month}, {"incidents", count}});
    }
    const auto& a = s.actions;
    ordered report = {{"as_of", optional_day(s.as_of)},
                      {"percentile", "nearest-rank"},
                      {"overall", group_stats_json(s.overall)},
                      {"by_cause", groups_json(archive.causes)},
                      {"by_service", groups_json(archive.services)},
                      {"by_severity", groups_json(archive.severities)},
                      {"by_year", groups_json(archive.years)},
                      {"incidents_per_month", std::move(months)},
                      {"action_items",
                       {{"open", a.open},
                        {"in_progress", a.in_progress},
                        {"blocked", a.blocked},
                        {"done", a.done},
                        {"wont_do", a.wont_do},
                        {"overdue", a.overdue},
                        {"open_by_age",
                         {{"under_30_days", a.age_under_30_days},
                          {"30_to_90_days", a.age_30_to_90_days},
                          {"90_to_365_days", a.age_90_to_365_days},
                          {"over_a_year", a.age_over_a_year}}}}}};
    return report.dump(2) + "\n";
}

std::string csv_field(const std::string& value) {
    std::string text = value;
    if (!text.empty() && std::string_view("=+-@\t\r").find(text[0]) != std::string_view::npos) {
        text.insert(text.begin(), '\'');
    }
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
        return text;
    }
    std::string quoted = "\"";
    for (const char c : text) {
        quoted += c;
        if (c == '"') {
            quoted += '"';
        }
    }
    return quoted + "\"";
}

std::string postmortems_csv(const Archive& archive) {
    std::string out =
        "slug,title,url,source,date,started,detected,mitigated,resolved,duration_minutes,"
        "users_affected_pct,severity,causes,services,action_items,inferred\r\n";
    for (std::size_t index = 0; index < archive.postmortems.size(); ++index) {
        const Postmortem& pm = archive.postmortems[index];
        const ordered r = record(archive, index);
        std::vector<std::string> titles;
        for (const auto& item : pm.action_items) {
            titles.push_back(item.title);
        }
        const auto text = [&](const std::string& name) {
            const auto& v = r[name];
            return v.is_null() ? std::string{} : v.is_string() ? v.get<std::string>() : v.dump();
        };
        const std::vector<std::string> cells = {text(key(Field::slug)),
                                                text(key(Field::title)),
                                                text("url"),
                                                text(key(Field::source)),
                                                text(key(Field::date)),
                                                text(key(Field::started)),
                                                text(key(Field::detected)),
                                                text(key(Field::mitigated)),
                                                text(key(Field::resolved)),
                                                text(key(Field::duration_minutes)),
                                                text(key(Field::users_affected_pct)),
                                                text(key(Field::severity)),
                                                joined(pm.causes),
                                                joined(pm.services),
                                                joined(titles),
                                                joined(field_names(pm.inferred))};
        for (std::size_t i = 0; i < cells.size(); ++i) {
            out += (i == 0 ? "" : ",") + csv_field(cells[i]);
        }
        out += "\r\n";
    }
    return out;
}

}  // namespace hindsight
