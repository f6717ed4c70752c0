// Writing the exports; keys in schema order, rows sorted by slug, so the bytes are stable.
#include "render/exports.hpp"

#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "render/view_models.hpp"

namespace hindsight {
namespace {

using ordered = nlohmann::ordered_json;

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

ordered record(const Postmortem& pm) {
    ordered items = ordered::array();
    for (const auto& item : pm.action_items) {
        items.push_back({{"title", item.title},
                         {"owner", item.owner.empty() ? ordered(nullptr) : ordered(item.owner)},
                         {"status", to_string(item.status)},
                         {"due", optional_day(item.due)},
                         {"cluster", nullptr}});
    }
    return {{"slug", pm.slug},
            {"title", pm.title},
            {"url", postmortem_url(pm)},
            {"source", pm.source},
            {"date", optional_day(pm.date)},
            {"started", optional_time(pm.started)},
            {"detected", optional_time(pm.detected)},
            {"mitigated", optional_time(pm.mitigated)},
            {"resolved", optional_time(pm.resolved)},
            {"duration_minutes", pm.duration ? ordered(pm.duration->count()) : ordered(nullptr)},
            {"users_affected_pct", percent_value(pm.users_affected_pct)},
            {"severity", pm.severity.empty() ? ordered(nullptr) : ordered(pm.severity)},
            {"causes", pm.causes},
            {"services", pm.services},
            {"action_items", std::move(items)},
            {"inferred", std::vector<std::string>(pm.inferred.begin(), pm.inferred.end())}};
}

std::string joined(const std::vector<std::string>& values) {
    return fmt::format("{}", fmt::join(values, "; "));
}

}  // namespace

std::string postmortems_json(const Archive& archive) {
    ordered all = ordered::array();
    for (const auto& pm : archive.postmortems) {
        all.push_back(record(pm));
    }
    return all.dump(2) + "\n";
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
    for (const auto& pm : archive.postmortems) {
        const ordered r = record(pm);
        std::vector<std::string> titles;
        for (const auto& item : pm.action_items) {
            titles.push_back(item.title);
        }
        const auto text = [&](const char* key) {
            const auto& v = r[key];
            return v.is_null() ? std::string{} : v.is_string() ? v.get<std::string>() : v.dump();
        };
        const std::vector<std::string> cells = {
            text("slug"),
            text("title"),
            text("url"),
            text("source"),
            text("date"),
            text("started"),
            text("detected"),
            text("mitigated"),
            text("resolved"),
            text("duration_minutes"),
            text("users_affected_pct"),
            text("severity"),
            joined(pm.causes),
            joined(pm.services),
            joined(titles),
            joined(std::vector<std::string>(pm.inferred.begin(), pm.inferred.end()))};
        for (std::size_t i = 0; i < cells.size(); ++i) {
            out += (i == 0 ? "" : ",") + csv_field(cells[i]);
        }
        out += "\r\n";
    }
    return out;
}

}  // namespace hindsight
