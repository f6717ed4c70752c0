// One reader per front-matter field, each checking the type and value it accepts.
#include "parse/read_fields.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "core/slug.hpp"
#include "core/suggest.hpp"
#include "core/text.hpp"
#include "core/url.hpp"
#include "extract/impact.hpp"

namespace hindsight {
namespace {

const std::vector<std::string> kKnownFields = {
    "title",    "id",       "slug",   "date",   "started", "detected", "mitigated", "resolved",
    "duration", "severity", "status", "impact", "causes",  "services", "authors",   "action_items"};

// Keys other postmortem tools and status pages write, read as ours (README: "Front matter
// written for other tools"). The declared name of ours wins when both are present.
struct FieldAlias {
    const char* alias;
    const char* field;
};
constexpr FieldAlias kAliases[] = {
    {"start", "started"},         {"start_time", "started"},   {"startedAt", "started"},
    {"started_at", "started"},    {"end", "resolved"},         {"end_time", "resolved"},
    {"resolvedWhen", "resolved"}, {"resolved_at", "resolved"}, {"tags", "causes"},
    {"categories", "causes"},     {"category", "causes"},      {"affected", "services"},
    {"systems", "services"},
};

const char* canonical_field(const std::string& key) {
    for (const auto& alias : kAliases) {
        if (key == alias.alias) {
            return alias.field;
        }
    }
    return nullptr;
}

const char* kTimeHint =
    "write an ISO 8601 time like 2023-08-10T13:45:00Z or 2023-08-10 13:45+02:00";

class FieldReader {
  public:
    FieldReader(FieldContext& context, Postmortem& postmortem) : ctx_(context), pm_(postmortem) {}

    void read_all(const YAML::Node& root) {
        std::set<std::string> declared;
        for (const auto& entry : root) {
            // A boolean 'resolved' is cState's flag, and leaves room for resolvedWhen.
            if (!(entry.first.Scalar() == "resolved" && is_boolean(entry.second))) {
                declared.insert(entry.first.Scalar());
            }
        }
        for (const auto& entry : root) {
            const std::string key = entry.first.Scalar();
            if (!seen_.insert(key).second) {
                warning(entry.first, fmt::format("'{}' is set twice; the last value wins", key));
            }
            if (entry.second.IsNull()) {
                // A key with nothing after it (`hindsight new` writes them to be filled in).
                ctx_.diagnostics.push_back(
                    make_note(at(entry.first), fmt::format("'{}' is empty; read as absent", key)));
                continue;
            }
            const char* field = canonical_field(key);
            if (field == nullptr) {
                read_field(key, entry.first, entry.second);
                note_declared(key);
            } else if (declared.count(field) == 0) {
                from_alias_ = true;
                read_field(field, entry.first, entry.second);
                from_alias_ = false;
                pm_.aliases.push_back({key, field, line_of(entry.first)});
                note_declared(field);
            } else {
                pm_.extra[key] = to_json(entry.second);
            }
        }
        // cState and similar status pages write the start as 'date': a full timestamp there
        // is the start when nothing else says so.
        if (!pm_.started && date_time_ && pm_.declared.count(Field::started) == 0) {
            pm_.started = date_time_;
            pm_.declared.insert(Field::started);
        }
        check_times();
    }

    // The record's names for what a front-matter key declares.
    void note_declared(const std::string& key) {
        if (const auto field = field_named(key); field && *field != Field::impact) {
            pm_.declared.insert(*field);
        } else if (key == "duration") {
            pm_.declared.insert(Field::duration_minutes);
        } else if (key == "impact") {
            pm_.declared.insert(Field::impact);
            if (pm_.users_affected_pct) {
                pm_.declared.insert(Field::users_affected_pct);
            }
        }
    }

  private:
    int line_of(const YAML::Node& node) const { return node.Mark().line + 1 + ctx_.line_offset; }

    Location at(const YAML::Node& node) const {
        return {ctx_.path, line_of(node), node.Mark().column + 1};
    }

    void error(const YAML::Node& node, std::string message, std::string hint = {}) {
        error(at(node), std::move(message), std::move(hint));
    }

    void error(Location location, std::string message, std::string hint = {}) {
        ctx_.diagnostics.push_back(
            make_error(std::move(location), std::move(message), std::move(hint)));
    }

    void warning(const YAML::Node& node, std::string message, std::string hint = {}) {
        warning(at(node), std::move(message), std::move(hint));
    }

    void warning(Location location, std::string message, std::string hint = {}) {
        ctx_.diagnostics.push_back(
            make_warning(std::move(location), std::move(message), std::move(hint)));
    }

    std::optional<std::string> scalar(const YAML::Node& node, std::string_view key) {
        if (!node.IsScalar()) {
            error(node, fmt::format("'{}' must be a single value, not a {}", key, kind(node)));
            return std::nullopt;
        }
        return node.Scalar();
    }

    static bool is_boolean(const YAML::Node& node) {
        bool flag = false;
        return node.IsScalar() && node.Tag() == "?" && YAML::convert<bool>::decode(node, flag);
    }

    static const char* kind(const YAML::Node& node) {
        if (node.IsSequence()) {
            return "list";
        }
        if (node.IsMap()) {
            return "mapping";
        }
        return "null";
    }

    // A list of strings, or one string standing for a list of one.
    std::optional<std::vector<std::string>> string_list(const YAML::Node& node,
                                                        std::string_view key) {
        if (node.IsNull()) {
            return std::vector<std::string>{};
        }
        if (node.IsScalar()) {
            return std::vector<std::string>{node.Scalar()};
        }
        if (!node.IsSequence()) {
            error(node, fmt::format("'{}' must be a list of strings", key));
            return std::nullopt;
        }
        std::vector<std::string> values;
        for (const auto& item : node) {
            if (!item.IsScalar()) {
                error(item, fmt::format("each entry of '{}' must be a string, not a {}", key,
                                        kind(item)));
                return std::nullopt;
            }
            values.push_back(item.Scalar());
        }
        return values;
    }

    std::optional<Timestamp> timestamp(const YAML::Node& node, std::string_view key) {
        const auto text = scalar(node, key);
        if (!text) {
            return std::nullopt;
        }
        const auto parsed = parse_timestamp(*text, ctx_.config.time_zone);
        if (!parsed) {
            error(node, fmt::format("'{}' is not a date and time: '{}'", key, *text), kTimeHint);
            return std::nullopt;
        }
        return parsed->utc;
    }

    void read_field(const std::string& key, const YAML::Node& key_node, const YAML::Node& value) {
        if (key == "title") {
            if (auto text = scalar(value, key)) {
                pm_.title = std::string(trim(*text));
            }
        } else if (key == "id") {
            if (auto text = scalar(value, key)) {
                pm_.id = *text;
                read_slug_from_id(value);
            }
        } else if (key == "slug") {
            read_slug(value);
        } else if (key == "date") {
            read_date(value);
        } else if (key == "started") {
            pm_.started = timestamp(value, key);
        } else if (key == "detected") {
            pm_.detected = timestamp(value, key);
        } else if (key == "mitigated") {
            pm_.mitigated = timestamp(value, key);
        } else if (key == "resolved" && is_boolean(value)) {
            // cState writes "resolved: true" and the time as resolvedWhen; the flag adds nothing.
            pm_.extra[key] = to_json(value);
        } else if (key == "resolved") {
            pm_.resolved = timestamp(value, key);
            resolved_at_ = at(value);
        } else if (key == "duration") {
            read_duration(value);
        } else if (key == "severity") {
            read_severity(value);
        } else if (key == "status") {
            read_status(value);
        } else if (key == "impact") {
            read_impact(value);
        } else if (key == "causes") {
            read_causes(value);
        } else if (key == "services") {
            if (auto list = string_list(value, key)) {
                pm_.services = *list;
            }
        } else if (key == "authors") {
            if (auto list = string_list(value, key)) {
                pm_.authors = *list;
            }
        } else if (key == "action_items") {
            read_action_items(value);
        } else {
            read_unknown(key, key_node, value);
        }
    }

    void read_slug_from_id(const YAML::Node& node) {
        if (slug_from_key_) {
            return;  // an explicit 'slug' wins over the id
        }
        pm_.slug = slugify(pm_.id);
        pm_.slug_line = line_of(node);
        if (pm_.slug.empty()) {
            error(node, fmt::format("id '{}' gives an empty slug", pm_.id),
                  "use letters or digits in the id, e.g. INC-2023-042");
        }
    }

    void read_slug(const YAML::Node& node) {
        const auto text = scalar(node, "slug");
        if (!text) {
            return;
        }
        if (!is_slug(*text)) {
            const std::string fixed = slugify(*text);
            error(
                node,
                fmt::format("slug '{}' may contain only a-z, 0-9 and '-' (no '/' or '..')", *text),
                fixed.empty() ? std::string("remove the slug to use the file name")
                              : fmt::format("did you mean '{}'?", fixed));
            return;
        }
        pm_.slug = *text;
        pm_.slug_line = line_of(node);
        slug_from_key_ = true;
    }

    void read_date(const YAML::Node& node) {
        const auto text = scalar(node, "date");
        if (!text) {
            return;
        }
        if (const auto day = parse_date(*text)) {
            pm_.date = *day;
        } else if (const auto time = parse_timestamp(*text, ctx_.config.time_zone)) {
            pm_.date = ctx_.config.time_zone.day_of(time->utc);
            date_time_ = time->utc;
        } else {
            error(node, fmt::format("'date' is not a date: '{}'", *text),
                  "write it as YYYY-MM-DD, e.g. 2023-08-10");
        }
    }

    void read_duration(const YAML::Node& node) {
        const auto text = scalar(node, "duration");
        if (!text) {
            return;
        }
        const auto minutes = parse_duration(*text);
        if (!minutes) {
            error(node, fmt::format("'duration' is not a duration: '{}'", *text),
                  "write it like 19h35m, 2h, 45m or 1d2h");
            return;
        }
        pm_.duration = *minutes;
        duration_at_ = at(node);
    }

    void read_severity(const YAML::Node& node) {
        const auto text = scalar(node, "severity");
        if (!text) {
            return;
        }
        if (const auto* level = ctx_.config.find_severity(*text)) {
            pm_.severity = level->name;
            return;
        }
        const auto known = ctx_.config.severity_names();
        const auto suggestion = closest_match(*text, known);
        error(node, fmt::format("unknown severity '{}'", *text),
              suggestion ? fmt::format("did you mean '{}'? (known: {})", *suggestion,
                                       fmt::join(known, ", "))
                         : fmt::format("use one of {}, or list it under 'severities' in "
                                       "hindsight.yaml",
                                       fmt::join(known, ", ")));
    }

    void read_status(const YAML::Node& node) {
        const auto text = scalar(node, "status");
        if (!text) {
            return;
        }
        if (*text == "published") {
            pm_.draft = false;
        } else if (*text == "draft") {
            pm_.draft = true;
        } else {
            error(node, fmt::format("unknown status '{}'", *text),
                  "use 'published' or 'draft' (drafts are built only with --drafts)");
        }
    }

    void read_percentage(const YAML::Node& node) {
        const auto text = scalar(node, "users_affected_pct");
        if (!text) {
            return;
        }
        std::string digits(trim(*text));
        if (!digits.empty() && digits.back() == '%') {
            digits.pop_back();
        }
        char* end = nullptr;
        const double value = std::strtod(digits.c_str(), &end);
        if (digits.empty() || end != digits.c_str() + digits.size() || !std::isfinite(value) ||
            value < 0 || value > 100) {
            error(node, fmt::format("'users_affected_pct' must be a number from 0 to 100, not '{}'",
                                    *text));
            return;
        }
        pm_.users_affected_pct = value;
    }

    void read_impact(const YAML::Node& node) {
        if (node.IsScalar()) {
            pm_.impact_summary = node.Scalar();
            pm_.users_affected_pct = users_share_in(node.Scalar());
            return;
        }
        if (!node.IsMap()) {
            error(node, "'impact' must be a string or a mapping of users_affected_pct and summary");
            return;
        }
        for (const auto& entry : node) {
            const std::string key = entry.first.Scalar();
            if (key == "users_affected_pct") {
                read_percentage(entry.second);
            } else if (key == "summary") {
                if (auto text = scalar(entry.second, "impact.summary")) {
                    pm_.impact_summary = *text;
                }
            } else {
                error(entry.first, fmt::format("unknown impact field '{}'", key),
                      "impact takes users_affected_pct and summary");
            }
        }
    }

    void read_causes(const YAML::Node& node) {
        const auto list = string_list(node, "causes");
        if (!list) {
            return;
        }
        const auto& taxonomy = ctx_.config.taxonomy;
        for (const auto& name : *list) {
            std::string key;
            if (const auto* cause = taxonomy.find(name)) {
                key = cause->key;
            } else if (from_alias_) {
                // Another tool's tags or categories: keep what the taxonomy does not know.
                if (!name.empty()) {
                    pm_.tags.push_back(name);
                }
                continue;
            } else {
                key = slugify(name);
                const auto suggestion = closest_match(key, taxonomy.keys());
                warning(node, fmt::format("unknown cause '{}'", name),
                        suggestion
                            ? fmt::format("did you mean '{}'? Or add '{}' to "
                                          "taxonomy.causes in hindsight.yaml",
                                          *suggestion, key)
                            : fmt::format("add '{}' to taxonomy.causes in hindsight.yaml", key));
            }
            if (!key.empty() &&
                std::find(pm_.causes.begin(), pm_.causes.end(), key) == pm_.causes.end()) {
                pm_.causes.push_back(key);
            }
        }
    }

    std::optional<ActionItem> action_item(const YAML::Node& node) {
        ActionItem item;
        item.line = line_of(node);
        if (node.IsScalar()) {
            item.title = node.Scalar();
            return item;
        }
        if (!node.IsMap()) {
            error(node, "an action item must be a string or a mapping with a title");
            return std::nullopt;
        }
        for (const auto& entry : node) {
            const std::string key = entry.first.Scalar();
            const auto text = scalar(entry.second, "action_items." + key);
            if (!text) {
                continue;
            }
            if (key == "title") {
                item.title = *text;
            } else if (key == "owner") {
                item.owner = *text;
            } else if (key == "link") {
                // Kept: the page shows a refused address as text (render checks it too).
                item.link = *text;
                if (!is_safe_url(*text)) {
                    warning(entry.second,
                            fmt::format("action item link '{}' is not allowed; it is shown as "
                                        "text, not as a link",
                                        *text),
                            kAllowedUrlsHint);
                }
            } else if (key == "status") {
                if (const auto status = parse_action_status(*text)) {
                    item.status = *status;
                } else {
                    error(entry.second, fmt::format("unknown action item status '{}'", *text),
                          "use open, in-progress, done or wont-do");
                }
            } else if (key == "due") {
                if (const auto day = parse_date(*text)) {
                    item.due = *day;
                } else {
                    error(entry.second, fmt::format("'due' is not a date: '{}'", *text),
                          "write it as YYYY-MM-DD");
                }
            } else {
                const std::vector<std::string> known = {"title", "owner", "status", "due", "link"};
                const auto suggestion = closest_match(key, known);
                warning(entry.first, fmt::format("unknown action item field '{}'", key),
                        suggestion ? fmt::format("did you mean '{}'?", *suggestion)
                                   : std::string("an action item takes title, owner, status, "
                                                 "due and link"));
            }
        }
        if (trim(item.title).empty()) {
            error(node, "action item has no title", "add 'title: what will be done'");
            return std::nullopt;
        }
        return item;
    }

    void read_action_items(const YAML::Node& node) {
        if (node.IsNull()) {
            return;
        }
        if (!node.IsSequence()) {
            error(node, "'action_items' must be a list");
            return;
        }
        for (const auto& entry : node) {
            if (auto item = action_item(entry)) {
                pm_.action_items.push_back(std::move(*item));
            }
        }
    }

    static nlohmann::json to_json(const YAML::Node& node) {
        if (node.IsSequence()) {
            auto array = nlohmann::json::array();
            for (const auto& item : node) {
                array.push_back(to_json(item));
            }
            return array;
        }
        if (node.IsMap()) {
            auto object = nlohmann::json::object();
            for (const auto& entry : node) {
                object[entry.first.Scalar()] = to_json(entry.second);
            }
            return object;
        }
        if (!node.IsScalar()) {
            return nullptr;
        }
        // Plain scalars keep their YAML type; quoted ones ("42") stay strings.
        if (node.Tag() == "?") {
            long long integer = 0;
            double number = 0;
            bool flag = false;
            if (YAML::convert<long long>::decode(node, integer)) {
                return integer;
            }
            if (YAML::convert<double>::decode(node, number) && std::isfinite(number)) {
                return number;
            }
            if (YAML::convert<bool>::decode(node, flag)) {
                return flag;
            }
        }
        return node.Scalar();
    }

    void read_unknown(const std::string& key, const YAML::Node& key_node, const YAML::Node& value) {
        pm_.extra[key] = to_json(value);
        if (!ctx_.strict) {
            return;
        }
        const auto suggestion = closest_match(key, kKnownFields);
        warning(key_node, fmt::format("unknown front-matter key '{}'", key),
                suggestion ? fmt::format("did you mean '{}'?", *suggestion)
                           : std::string("it is kept and passed to templates as page.extra"));
    }

    void check_times() {
        if (pm_.started && pm_.resolved && *pm_.resolved < *pm_.started) {
            error(resolved_at_,
                  fmt::format("'resolved' ({}) is before 'started' ({})",
                              format_iso_utc(*pm_.resolved), format_iso_utc(*pm_.started)),
                  "check the dates and the time zones of both");
            pm_.resolved.reset();
            return;
        }
        if (pm_.started && pm_.resolved && pm_.declared.count(Field::resolved) > 0) {
            const auto span = date::floor<std::chrono::minutes>(*pm_.resolved - *pm_.started);
            if (pm_.duration && *pm_.duration != span) {
                warning(duration_at_,
                        fmt::format("'duration' ({}) disagrees with started..resolved ({})",
                                    format_duration(*pm_.duration), format_duration(span)),
                        "the times win; remove 'duration' or correct it");
            }
            pm_.duration = span;
        }
    }

    FieldContext& ctx_;
    Postmortem& pm_;
    bool slug_from_key_ = false;
    std::set<std::string> seen_;
    bool from_alias_ = false;
    std::optional<Timestamp> date_time_;  // 'date' written with a time of day
    Location resolved_at_;
    Location duration_at_;
};

}  // namespace

void read_front_matter(const YAML::Node& root, FieldContext& context, Postmortem& postmortem) {
    FieldReader(context, postmortem).read_all(root);
}

}  // namespace hindsight
