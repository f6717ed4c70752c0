// One reader per front-matter field, each accepting the spellings people and other tools write.
#include "parse/read_fields.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <initializer_list>
#include <set>
#include <tuple>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <yaml-cpp/yaml.h>

#include "core/slug.hpp"
#include "core/suggest.hpp"
#include "core/text.hpp"
#include "core/url.hpp"
#include "extract/action_details.hpp"
#include "extract/causes.hpp"
#include "extract/time_expressions.hpp"
#include "extract/time_zones.hpp"
#include "extract/written_values.hpp"
#include "parse/field_aliases.hpp"
#include "parse/field_report.hpp"
#include "parse/impact_keys.hpp"
#include "parse/time_fields.hpp"

namespace hindsight {
namespace {

bool is_boolean(const YAML::Node& node) {
    bool flag = false;
    return node.IsScalar() && node.Tag() == "?" && YAML::convert<bool>::decode(node, flag);
}

bool boolean_value(const YAML::Node& node) {
    bool flag = false;
    YAML::convert<bool>::decode(node, flag);
    return flag;
}

// `""`, `~`, `[]`, `{}` and a key with nothing after it: exports write these for what they do
// not know, so they declare nothing.
bool is_empty(const YAML::Node& node) {
    if (node.IsNull()) {
        return true;
    }
    if (node.IsScalar()) {
        return trim(node.Scalar()).empty();
    }
    return (node.IsSequence() || node.IsMap()) && node.size() == 0;
}

const char* kind(const YAML::Node& node) {
    if (node.IsSequence()) {
        return "list";
    }
    if (node.IsMap()) {
        return "mapping";
    }
    return "null";
}

nlohmann::json to_json(const YAML::Node& node) {
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

// A value as the page shows it when it could not be used.
std::string as_written(const YAML::Node& node) {
    if (node.IsScalar()) {
        return node.Scalar();
    }
    return to_json(node).dump();
}

bool mapped(const std::string& written, std::string_view canonical) {
    return trim(written) != canonical;
}

class FieldReader {
  public:
    FieldReader(FieldContext& context, Postmortem& postmortem)
        : ctx_(context),
          pm_(postmortem),
          report_(context.diagnostics, postmortem),
          times_(context.config.time_zone, report_) {}

    void read_all(const YAML::Node& root) {
        // A field written under its own name wins over an alias of it, wherever each stands.
        for (const auto& entry : root) {
            const std::string key = entry.first.Scalar();
            const std::string field = field_for_key(key);
            if (!field.empty() && fold_spelling(key) == fold_spelling(field) &&
                !is_empty(entry.second) && !(is_time_field(field) && is_boolean(entry.second))) {
                own_.insert(field);
            }
        }
        // The zone of the times written without one, wherever its key stands.
        for (const auto& entry : root) {
            if (field_for_key(entry.first.Scalar()) == "time_zone" && entry.second.IsScalar() &&
                !is_empty(entry.second)) {
                if (const auto zone = declared_zone(entry.second.Scalar())) {
                    times_.use_zone(*TimeZone::from_name(*zone));
                    pm_.time_zone = *zone;
                }
                break;
            }
        }
        for (const auto& entry : root) {
            const std::string key = entry.first.Scalar();
            const YAML::Node& value = entry.second;
            if (!seen_.insert(key).second) {
                report_.warning(at(entry.first),
                                fmt::format("'{}' is set twice; the last value wins", key));
            }
            if (is_empty(value)) {
                report_.note(at(entry.first), fmt::format("'{}' is empty; read as absent", key));
                continue;
            }
            const std::string field = field_for_key(key);
            const bool alias = !field.empty() && fold_spelling(key) != fold_spelling(field);
            // `tags: {severity: critical}` (Squadcast): tags written as a mapping are fields.
            const bool tag_fields =
                value.IsMap() && is_one_of(fold_spelling(key), {"tags", "labels"});
            if ((field.empty() || tag_fields) && read_grouped_fields(key, value)) {
                continue;
            }
            if (field.empty() && read_window(key, value)) {
                continue;
            }
            if (field.empty() && read_moment(key, value)) {
                continue;
            }
            // `resolved: true` (cState), `customer_impacted: true`: a flag, not a time.
            if (field.empty() || (is_time_field(field) && is_boolean(value))) {
                read_other(key, entry.first, value);
                continue;
            }
            // Causes add up: a root cause and contributing factors under keys of their own.
            if (alias && given(field) && !(field == "causes" && names_a_cause(key))) {
                pm_.extra[key] = to_json(value);  // ours, or the first alias, wins
                continue;
            }
            read_.insert(field);
            if (key != field) {
                pm_.aliases.push_back({key, field, line_of(entry.first)});
            }
            from_alias_ = alias;
            if (read_field(field, key, value)) {
                note_declared(field);
            }
            from_alias_ = false;
        }
        times_.finish(pm_);
        ctx_.zoneless_times = times_.zoneless();
    }

  private:
    bool given(const std::string& field) const {
        return own_.count(field) > 0 || read_.count(field) > 0;
    }

    static bool is_time_field(const std::string& field) {
        return time_field(field) || field == "duration";
    }

    // A field read under another key than its own (a group's, an impact's, a wrapper's), unless
    // its own key or an earlier one gave it.
    void read_as_alias(const std::string& field, const std::string& written, const YAML::Node& node,
                       int line) {
        if (given(field)) {
            return;
        }
        read_.insert(field);
        pm_.aliases.push_back({written, field, line});
        const bool was_alias = from_alias_;
        from_alias_ = true;
        if (read_field(field, written, node)) {
            note_declared(field);
        }
        from_alias_ = was_alias;
    }

    // `Detection: customer report at 09:40 UTC`: a key naming a moment and how it came, whose
    // value holds one time; any other value (how it was found, in words) is kept as written.
    bool read_moment(const std::string& key, const YAML::Node& value) {
        const std::string field = moment_key_field(key);
        if (field.empty() || !value.IsScalar() || given(field)) {
            return false;
        }
        const std::string& text = value.Scalar();
        const auto instant = read_instant(text);
        if (!(instant && instant->time) && !read_instant_in_words(text)) {
            return false;
        }
        read_as_alias(field, key, value, line_of(value));
        return true;
    }

    // Fields other tools group under a key of their own: a wrapper of fields (`fields:`,
    // `params:`), a mapping of time keys
    // (`impact_window: {start: ..., end: ...}`), or a list of named moments, as incident.io
    // (`timestamps: [{name: Impact started, value: ...}]`) and FireHydrant
    // (`milestones: [{type: resolved, occurred_at: ...}]`) export them. Each is read as the
    // field it names, unless that field was given already; false when the value is none of these.
    bool read_grouped_fields(const std::string& key, const YAML::Node& value) {
        std::vector<std::tuple<std::string, std::string, YAML::Node>> moments;
        const std::string folded = fold_spelling(key);
        const bool wrapper =
            is_one_of(folded, {"fields", "params", "extra", "metadata", "meta", "attributes",
                               "properties", "incident", "overview", "details", "postmortem",
                               "report", "summary", "tags", "labels"});
        if (value.IsMap() && wrapper) {
            // Jira's `fields:`, Hugo's `params:`: the fields one level down. What is not one
            // of ours stays under its own name.
            for (const auto& entry : value) {
                const std::string sub = entry.first.Scalar();
                const std::string field = field_for_key(sub);
                if (is_empty(entry.second)) {
                    continue;
                }
                if (const ImpactKey kind = impact_key(sub, false);
                    field.empty() && kind != ImpactKey::none && kind != ImpactKey::summary) {
                    read_impact_entry(key + "." + sub, kind, entry.second, false);
                } else if (field.empty() && !read_grouped_fields(key + "." + sub, entry.second)) {
                    pm_.extra[key + "." + sub] = to_json(entry.second);
                }
                if (!field.empty()) {
                    moments.emplace_back(field, key + "." + sub, entry.second);
                }
            }
        } else if (value.IsMap()) {
            for (const auto& entry : value) {
                const std::string sub = entry.first.Scalar();
                const std::string field = field_for_key(sub);
                if (is_empty(entry.second)) {
                    continue;
                }
                if (!is_time_field(field)) {
                    return false;  // a mapping of other things: kept as written
                }
                moments.emplace_back(field, key + "." + sub, entry.second);
            }
        } else if (value.IsSequence()) {
            for (const auto& item : value) {
                if (!item.IsMap()) {
                    return false;
                }
                std::optional<std::string> name;
                YAML::Node when;
                for (const auto& entry : item) {
                    const std::string sub = fold_spelling(entry.first.Scalar());
                    if (entry.second.IsScalar() && is_one_of(sub, {"name", "type", "label", "event",
                                                                   "kind", "milestone", "title"})) {
                        name = entry.second.Scalar();
                    } else if (is_one_of(sub, {"value", "time", "timestamp", "at", "occurredat",
                                               "date", "datetime", "when"})) {
                        when = entry.second;
                    }
                }
                if (!name || !when.IsDefined() || is_empty(when)) {
                    continue;
                }
                std::string field = field_for_key(*name);
                if (!is_time_field(field)) {
                    field = time_field_by_words(*name + " time");
                }
                if (is_time_field(field) && field != "duration") {
                    moments.emplace_back(field, fmt::format("{} '{}'", key, *name), when);
                }
            }
        } else {
            return false;
        }
        if (moments.empty() && !wrapper) {
            return false;
        }
        for (const auto& [field, written, node] : moments) {
            read_as_alias(field, written, node, line_of(node));
        }
        return true;
    }

    // `Outage window: 13:45-15:20 UTC`, `impact_period: 2023-08-10 13:45 – 15:20 CEST`: one value
    // holding the start and the end, read as `started` and `resolved` when neither is given. An
    // end written without a day takes the start's, and runs past midnight when earlier.
    bool read_window(const std::string& key, const YAML::Node& value) {
        const auto words = spelling_words(key);
        const bool names_window = std::any_of(words.begin(), words.end(), [](const auto& w) {
            return w == "window" || w == "period" || w == "timeframe";
        });
        if (!names_window || !value.IsScalar() || given("started") || given("resolved")) {
            return false;
        }
        const std::string& text = value.Scalar();
        const LineTimes times = scan_times(text);
        if (times.ranges.size() != 1 || times.instants.size() != 2) {
            return false;
        }
        const Instant& from = times.instants[times.ranges[0].start];
        const Instant& to = times.instants[times.ranges[0].end];
        if (!from.time || !to.time) {
            return false;
        }
        // Each end as a value of its own: the zone written once at the end holds for both.
        const auto span = [&](const Instant& instant) {
            return std::string(text.substr(instant.begin, instant.end - instant.begin));
        };
        std::string start = span(from);
        std::string end = span(to);
        if (!from.zone && to.zone) {
            start += " " + to.zone->name;
        }
        if (from.zone && !to.zone) {
            end += " " + from.zone->name;
        }
        read_.insert("started");
        read_.insert("resolved");
        pm_.aliases.push_back({key, "started", line_of(value)});
        pm_.aliases.push_back({key, "resolved", line_of(value)});
        if (times_.read_time(Field::started, key, start, at(value))) {
            note_declared("started");
        }
        if (times_.read_time(Field::resolved, key, end, at(value))) {
            note_declared("resolved");
        }
        return true;
    }

    // The record's names for what a front-matter key declares.
    void note_declared(const std::string& field) {
        if (const auto named = field_named(field); named && *named != Field::impact) {
            pm_.declared.insert(*named);
        } else if (field == "duration") {
            pm_.declared.insert(Field::duration_minutes);
        } else if (field == "impact") {
            pm_.declared.insert(Field::impact);
        }
    }

    int line_of(const YAML::Node& node) const { return node.Mark().line + 1 + ctx_.line_offset; }

    Location at(const YAML::Node& node) const {
        return {ctx_.path, line_of(node), node.Mark().column + 1};
    }

    // A choice exported as a mapping: the value under its first key that is one of `names`,
    // with a note; nothing for anything else.
    std::optional<std::string> choice_name(const YAML::Node& node, const std::string& key,
                                           std::initializer_list<std::string_view> names) {
        if (!node.IsMap()) {
            return std::nullopt;
        }
        for (const auto& entry : node) {
            if (is_one_of(fold_spelling(entry.first.Scalar()), names) && entry.second.IsScalar() &&
                !is_empty(entry.second)) {
                report_.note(at(node), fmt::format("read '{}: {}' as '{}'", key, as_written(node),
                                                   entry.second.Scalar()));
                return entry.second.Scalar();
            }
        }
        return std::nullopt;
    }

    std::optional<std::string> scalar(const YAML::Node& node, const std::string& key) {
        // incident.io and Jira export a choice as a mapping: `severity: {name: Major, rank: 2}`.
        if (auto name = choice_name(node, key, {"name", "label", "value"})) {
            return name;
        }
        if (!node.IsScalar()) {
            report_.unread(at(node), key, as_written(node),
                           fmt::format("is a {}, not a single value", kind(node)),
                           "write one value after the key");
            return std::nullopt;
        }
        return node.Scalar();
    }

    // A list of strings, or one string standing for a list of one.
    std::optional<std::vector<std::string>> string_list(const YAML::Node& node,
                                                        const std::string& key) {
        // `root_cause: {category: Configuration}`: one name, as exports write a choice.
        if (auto name = choice_name(node, key, {"name", "label", "value", "category", "type"})) {
            return std::vector<std::string>{std::move(*name)};
        }
        if (node.IsScalar()) {
            // "api, web": Hugo and Jekyll sites write lists as one comma-separated string;
            // spreadsheets export them with semicolons.
            std::vector<std::string> values;
            std::string_view rest = node.Scalar();
            while (!rest.empty()) {
                const auto comma = rest.find_first_of(",;");
                const auto name = trim(rest.substr(0, comma));
                if (!name.empty()) {
                    values.emplace_back(name);
                }
                rest =
                    comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
            }
            return values;
        }
        if (!node.IsSequence()) {
            report_.unread(at(node), key, as_written(node), "is not a list of names",
                           fmt::format("write it as [a, b] or one name"));
            return std::nullopt;
        }
        std::vector<std::string> values;
        for (const auto& item : node) {
            if (item.IsScalar() && !trim(item.Scalar()).empty()) {
                values.push_back(item.Scalar());
            } else if (!is_empty(item)) {
                report_.unread(at(item), key, as_written(item),
                               fmt::format("holds a {}, not a name", kind(item)),
                               "write each entry as a plain name");
            }
        }
        return values;
    }

    // Reads one field; false when its value turned out to declare nothing (a placeholder).
    bool read_field(const std::string& field, const std::string& key, const YAML::Node& value) {
        if (field == "title") {
            if (auto text = scalar(value, key)) {
                pm_.title = std::string(trim(*text));
            }
        } else if (field == "id") {
            if (auto text = scalar(value, key)) {
                pm_.id = *text;
                read_slug_from_id(value);
            }
        } else if (field == "slug") {
            read_slug(value);
        } else if (field == "date") {
            const auto text = scalar(value, key);
            return !text || times_.read_date(key, *text, at(value));
        } else if (const auto time = time_field(field)) {
            const auto text = scalar(value, key);
            return !text || times_.read_time(*time, key, *text, at(value));
        } else if (field == "duration") {
            const auto text = scalar(value, key);
            return !text || times_.read_duration(key, *text, at(value), duration_unit_seconds(key));
        } else if (field == "severity") {
            return read_severity(key, value);
        } else if (field == "status") {
            read_status(key, value);
        } else if (field == "impact") {
            return read_impact(key, value);
        } else if (field == "causes") {
            read_causes(key, value);
        } else if (field == "services") {
            if (auto list = string_list(value, key)) {
                pm_.services = *list;
            }
        } else if (field == "authors") {
            if (auto list = string_list(value, key)) {
                pm_.authors = *list;
            }
        } else if (field == "action_items") {
            read_action_items(key, value);
        } else if (field == "time_zone") {
            read_time_zone(key, value);
        }
        return true;
    }

    // "Europe/Berlin", "+02:00", "UTC+2", "PST", "Pacific Time": the name TimeZone::from_name
    // takes for it (an IANA name, or a fixed offset as +HH:MM), or nothing.
    static std::optional<std::string> declared_zone(const std::string& written) {
        const std::string text(trim(written));
        // The shared abbreviation table first: CET is +01:00 whatever the season, as in the
        // text, where the tz database's "CET" follows daylight saving time.
        std::optional<WrittenZone> zone = zone_abbreviation(to_lower_ascii(text));
        if (!zone && TimeZone::from_name(text)) {
            return text;
        }
        if (!zone) {
            zone = region_zone(text);
        }
        if (!zone) {
            zone = find_zone_word(text);
        }
        if (!zone) {
            return std::nullopt;
        }
        if (!zone->region.empty()) {
            return zone->region;
        }
        const int minutes = std::abs(zone->offset_minutes);
        return fmt::format("{}{:02}:{:02}", zone->offset_minutes < 0 ? '-' : '+', minutes / 60,
                           minutes % 60);
    }

    void read_time_zone(const std::string& key, const YAML::Node& value) {
        const auto text = scalar(value, key);
        if (!text) {
            return;
        }
        if (pm_.time_zone.empty()) {
            report_.unread(at(value), key, *text, "is not a time zone",
                           "write an IANA name (Europe/Berlin), an abbreviation (PST) or an "
                           "offset (+02:00)");
            return;
        }
        report_.note(at(value), fmt::format("times written without a zone are read in {} ('{}: "
                                            "{}')",
                                            pm_.time_zone, key, *text));
    }

    static std::optional<Field> time_field(const std::string& field) {
        for (const Field f : {Field::started, Field::detected, Field::mitigated, Field::resolved}) {
            if (field == field_name(f)) {
                return f;
            }
        }
        return std::nullopt;
    }

    void read_slug_from_id(const YAML::Node& node) {
        if (slug_from_key_) {
            return;  // an explicit 'slug' wins over the id
        }
        pm_.slug = slugify(pm_.id);
        pm_.slug_line = line_of(node);
        if (pm_.slug.empty()) {
            report_.error(at(node), fmt::format("id '{}' gives an empty slug", pm_.id),
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
            report_.error(
                at(node),
                fmt::format("slug '{}' may contain only a-z, 0-9 and '-' (no '/' or '..')", *text),
                fixed.empty() ? std::string("remove the slug to use the file name")
                              : fmt::format("did you mean '{}'?", fixed));
            return;
        }
        pm_.slug = *text;
        pm_.slug_line = line_of(node);
        slug_from_key_ = true;
    }

    bool read_severity(const std::string& key, const YAML::Node& node) {
        const auto text = scalar(node, key);
        if (!text) {
            return true;
        }
        if (is_placeholder(*text)) {
            report_.note(at(node), fmt::format("read '{}: {}' as no value", key, *text));
            return false;
        }
        if (const auto* level = ctx_.config.find_severity(*text)) {
            pm_.severity = level->name;
            if (mapped(*text, level->name)) {
                report_.note(at(node),
                             fmt::format("read severity '{}' as '{}'", *text, level->name));
            }
            return true;
        }
        const auto known = ctx_.config.severity_names();
        const auto suggestion = closest_match(*text, known);
        report_.unread(at(node), key, *text, "is not a severity level",
                       suggestion ? fmt::format("did you mean '{}'? (known: {})", *suggestion,
                                                fmt::join(known, ", "))
                                  : fmt::format("use one of {}, or list it under 'severities' in "
                                                "hindsight.yaml",
                                                fmt::join(known, ", ")));
        return true;
    }

    void set_publication(Publication publication, const Location& where,
                         const std::string& written) {
        pm_.draft = publication == Publication::held_back;
        if (mapped(written, to_string(publication))) {
            report_.note(where,
                         fmt::format("read status '{}' as '{}'", written, to_string(publication)));
        }
    }

    void read_status(const std::string& key, const YAML::Node& node) {
        const auto text = scalar(node, key);
        if (!text) {
            pm_.draft = true;  // unreadable: held back, like an unknown status
            return;
        }
        if (const auto publication = read_publication(*text)) {
            set_publication(*publication, at(node), *text);
            return;
        }
        // Publishing a document nobody reviewed is the worse mistake: hold it back.
        pm_.draft = true;
        report_.unread(at(node), key, *text, "is not a known status; the postmortem is held back",
                       "write 'published' (or final, approved, reviewed, done) to publish it, "
                       "or 'draft' (or wip, in review) to hold it back; drafts are built only "
                       "with --drafts");
    }

    // A share from a key that says percent, a value with '%' or people written out; a bare
    // number under a key naming people is a count, kept as written.
    void read_impact_entry(const std::string& key, ImpactKey kind, const YAML::Node& value,
                           bool canonical) {
        const bool says_share = kind == ImpactKey::share || kind == ImpactKey::share_either ||
                                kind == ImpactKey::fraction;
        if (!value.IsScalar() && !says_share) {
            pm_.extra[key] = to_json(value);  // "customers_affected: [acme, globex]": names
            return;
        }
        const auto text = scalar(value, key);
        if (!text) {
            return;
        }
        if (is_placeholder(*text)) {
            report_.note(at(value), fmt::format("read '{}: {}' as no value", key, *text));
            return;
        }
        const ImpactValue read = read_impact_value(kind, *text);
        if (read.share_pct) {
            if (pm_.users_affected_pct && share_is_declared_) {
                pm_.extra[key] = to_json(value);  // the first share written wins
                return;
            }
            pm_.users_affected_pct = read.share_pct;
            share_is_declared_ = true;
            pm_.declared.insert(Field::users_affected_pct);
            // users_affected_pct: 30 needs no note; "~30%" or "all" under it does.
            const bool plain = text->find_first_not_of("0123456789.") == std::string::npos;
            if (!canonical || !plain) {
                report_.note(at(value), fmt::format("read '{}: {}' as users_affected_pct {}", key,
                                                    *text, *read.share_pct));
            }
        } else if (!read.problem.empty()) {
            pm_.declared.insert(Field::users_affected_pct);  // never guessed from the text
            report_.unread(at(value), key, *text, read.problem,
                           "write the share of users affected as a percentage, e.g. "
                           "users_affected_pct: 30 (or 30%)");
        } else if (read.count) {
            pm_.extra[key] = to_json(value);
            report_.note(at(value),
                         fmt::format("read '{}: {}' as a number of people affected, not a share; "
                                     "it is kept under \"Other fields\"",
                                     key, *text),
                         "write users_affected_pct for the share of users affected");
        } else {
            pm_.extra[key] = to_json(value);
        }
    }

    bool read_impact(const std::string& key, const YAML::Node& node) {
        if (node.IsScalar()) {
            if (is_placeholder(node.Scalar())) {
                report_.note(at(node),
                             fmt::format("read '{}: {}' as no value", key, node.Scalar()));
                return false;
            }
            pm_.impact_summary = node.Scalar();
            const ImpactValue read = read_impact_value(ImpactKey::none, node.Scalar());
            if (read.share_pct) {
                pm_.users_affected_pct = read.share_pct;
                share_is_declared_ = true;
                pm_.declared.insert(Field::users_affected_pct);
            }
            return true;
        }
        if (!node.IsMap()) {
            report_.unread(at(node), key, as_written(node), "is neither a text nor a mapping",
                           "write a sentence, or users_affected_pct and summary under it");
            return true;
        }
        for (const auto& entry : node) {
            const std::string name = entry.first.Scalar();
            const std::string path = key + "." + name;
            if (is_empty(entry.second)) {
                report_.note(at(entry.first), fmt::format("'{}' is empty; read as absent", path));
                continue;
            }
            const ImpactKey kind = impact_key(name, true);
            if (kind == ImpactKey::summary) {
                if (auto text = scalar(entry.second, path)) {
                    pm_.impact_summary = *text;
                }
            } else if (kind != ImpactKey::none) {
                read_impact_entry(path, kind, entry.second, name == "users_affected_pct");
            } else if (const std::string field = field_for_key(name);
                       is_time_field(field) && !given(field)) {
                // The impact's own window: `impact: {start: ..., end: ...}`.
                read_as_alias(field, path, entry.second, line_of(entry.first));
            } else {
                pm_.extra[path] = to_json(entry.second);
                if (ctx_.strict) {
                    report_.warning(at(entry.first), fmt::format("unknown impact field '{}'", name),
                                    "impact takes users_affected_pct and summary; it is kept "
                                    "and passed to templates as page.extra");
                }
            }
        }
        return true;
    }

    void read_causes(const std::string& key, const YAML::Node& node) {
        const auto list = string_list(node, key);
        if (!list) {
            return;
        }
        const auto& taxonomy = ctx_.config.taxonomy;
        for (const auto& name : *list) {
            std::string cause;
            if (const auto* found = taxonomy.find(name)) {
                cause = found->key;
            } else if (from_alias_ && is_cause_sentence(key, name)) {
                // "root_cause: Connection pool exhausted by a retry storm": the sentence is
                // classified as the body's root-cause text is.
                read_cause_sentence(key, node, name);
                continue;
            } else if (from_alias_) {
                // Another tool's tags or categories: keep what the taxonomy does not know.
                pm_.tags.push_back(name);
                continue;
            } else if (const auto words = classify_causes(name, taxonomy); !words.empty()) {
                // "Bad deploy", "TLS certificate expiry": read by the words that say a cause
                // in the text, the first the name says.
                cause = words.front().cause;
                report_.note(at(node), fmt::format("read cause '{}' as '{}'", name, cause),
                             "write it as the taxonomy key to silence this note");
            } else {
                cause = slugify(name);
                const auto suggestion = closest_match(cause, taxonomy.keys());
                report_.warning(
                    at(node), fmt::format("unknown cause '{}'", name),
                    suggestion
                        ? fmt::format("did you mean '{}'? Or add '{}' to "
                                      "taxonomy.causes in hindsight.yaml",
                                      *suggestion, cause)
                        : fmt::format("add '{}' to taxonomy.causes in hindsight.yaml", cause));
            }
            if (!cause.empty() &&
                std::find(pm_.causes.begin(), pm_.causes.end(), cause) == pm_.causes.end()) {
                pm_.causes.push_back(cause);
            }
        }
    }

    // A key that names causes ("root_cause", "contributing_factors"), not another tool's tags.
    static bool names_a_cause(const std::string& key) {
        const std::string folded = fold_spelling(key);
        return folded.find("cause") != std::string::npos ||
               folded.find("factor") != std::string::npos;
    }

    // A sentence (two words or more) under a key that names a cause.
    static bool is_cause_sentence(const std::string& key, const std::string& value) {
        return names_a_cause(key) && trim(value).find(' ') != std::string_view::npos;
    }

    void read_cause_sentence(const std::string& key, const YAML::Node& node,
                             const std::string& sentence) {
        const auto triggers = classify_causes(sentence, ctx_.config.taxonomy);
        std::vector<std::string> read;
        for (const auto& trigger : triggers) {
            if (read.size() == kMaxInferredCauses) {
                break;
            }
            read.push_back(trigger.cause);
            if (std::find(pm_.causes.begin(), pm_.causes.end(), trigger.cause) ==
                pm_.causes.end()) {
                pm_.causes.push_back(trigger.cause);
            }
        }
        pm_.extra[key] = sentence;  // the writer's own words stay on the page
        if (read.empty()) {
            report_.note(at(node),
                         fmt::format("'{}: {}' names no cause of the taxonomy; it is kept under "
                                     "\"Other fields\"",
                                     key, sentence),
                         "write causes as taxonomy keys, e.g. causes: [database]");
            return;
        }
        report_.note(at(node), fmt::format("read '{}: {}' as causes [{}]", key, sentence,
                                           fmt::join(read, ", ")));
    }

    void read_item_status(ActionItem& item, const YAML::Node& node, const std::string& text) {
        // "[x] done": a task-list mark before the state; the state is read.
        std::optional<ActionStatus> read = read_action_status(text);
        const std::string_view marked = trim(text);
        if (!read &&
            (marked.starts_with("[x]") || marked.starts_with("[X]") || marked.starts_with("[ ]"))) {
            read = read_action_status(std::string(trim(marked.substr(3))));
        }
        if (const auto status = read) {
            item.status = status;
            if (mapped(text, to_string(*status))) {
                report_.note(at(node), fmt::format("read action item status '{}' as '{}'", text,
                                                   to_string(*status)));
            }
            return;
        }
        item.status.reset();
        item.status_text = text;
        report_.warning(at(node), fmt::format("unknown action item status '{}'", text),
                        "use open, in-progress, blocked, done or wont-do (or a synonym such as "
                        "todo, wip, on hold, completed, cancelled); it is shown as written and "
                        "not counted");
    }

    // "[x] Add a canary stage": a task-list mark before a title written as a string.
    static void read_title_mark(ActionItem& item) {
        const std::string_view title = trim(item.title);
        for (const auto& [mark, status] :
             {std::pair{"[ ]", ActionStatus::open}, std::pair{"[x]", ActionStatus::done},
              std::pair{"[X]", ActionStatus::done}}) {
            if (title.starts_with(mark)) {
                item.status = status;
                item.title = std::string(trim(title.substr(3)));
                return;
            }
        }
    }

    std::optional<ActionItem> action_item(const std::string& key, const YAML::Node& node) {
        ActionItem item;
        item.line = line_of(node);
        if (node.IsScalar()) {
            item.title = node.Scalar();
            read_title_mark(item);
            // "Add a dead-letter queue (owner: hank, status: open)": the details the text's
            // items are read with.
            take_action_details(item, {});
            return item;
        }
        if (!node.IsMap()) {
            report_.unread(at(node), key, as_written(node), "holds an item that is not a mapping",
                           "write each action item as a string or a mapping with a title");
            return std::nullopt;
        }
        std::set<std::string> own;
        for (const auto& entry : node) {
            const std::string name = entry.first.Scalar();
            if (fold_spelling(name) == fold_spelling(action_item_field_for_key(name)) &&
                !is_empty(entry.second)) {
                own.insert(action_item_field_for_key(name));
            }
        }
        std::set<std::string> read;
        for (const auto& entry : node) {
            const std::string name = entry.first.Scalar();
            const std::string path = key + "." + name;
            if (is_empty(entry.second)) {
                continue;
            }
            std::string field = action_item_field_for_key(name);
            if (field.empty() && is_boolean(entry.second) &&
                read_action_status(name) == ActionStatus::done) {
                // "done: true", "completed: false"
                item.status = boolean_value(entry.second) ? ActionStatus::done : ActionStatus::open;
                continue;
            }
            if (!field.empty() && fold_spelling(name) != fold_spelling(field) &&
                (own.count(field) > 0 || read.count(field) > 0)) {
                continue;  // the item's own key (or the first alias) wins
            }
            if (field == "owner" && entry.second.IsSequence()) {
                if (const auto owners = string_list(entry.second, path)) {
                    item.owner = fmt::format("{}", fmt::join(*owners, ", "));
                }
                read.insert(field);
                continue;
            }
            if (field.empty()) {
                const auto suggestion = closest_match(name, action_item_fields());
                if (suggestion || ctx_.strict) {
                    report_.warning(at(entry.first),
                                    fmt::format("unknown action item field '{}'", name),
                                    suggestion ? fmt::format("did you mean '{}'?", *suggestion)
                                               : std::string("an action item takes title, "
                                                             "owner, status, due and link"));
                }
                continue;
            }
            const auto text = scalar(entry.second, path);
            if (!text) {
                continue;
            }
            read.insert(field);
            if (field == "title") {
                item.title = *text;
            } else if (field == "owner") {
                if (!is_placeholder(*text)) {
                    item.owner = *text;
                }
            } else if (field == "link") {
                // The SRE book's template: `Bug: Bug 5554825 DONE`, `Bug: n/a TODO`: a state in
                // capitals after the ticket, when the item has no status of its own.
                std::string link = *text;
                if (const auto space = link.find_last_of(' '); space != std::string::npos &&
                                                               own.count("status") == 0 &&
                                                               read.count("status") == 0) {
                    const std::string last = link.substr(space + 1);
                    const auto status = read_action_status(last);
                    const bool capitals =
                        std::none_of(last.begin(), last.end(),
                                     [](unsigned char c) { return std::islower(c) != 0; });
                    if (status && capitals) {
                        item.status = status;
                        link = std::string(trim(std::string_view(link).substr(0, space)));
                        report_.note(at(entry.second),
                                     fmt::format("read '{}' after the ticket as status '{}'", last,
                                                 to_string(*status)));
                    }
                }
                if (is_placeholder(link)) {
                    continue;
                }
                // Kept: the page shows a refused address as text (render checks it too).
                item.link = link;
                if (!is_safe_url(link)) {
                    report_.warning(at(entry.second),
                                    fmt::format("action item link '{}' is not allowed; it is "
                                                "shown as text, not as a link",
                                                link),
                                    kAllowedUrlsHint);
                }
            } else if (field == "status") {
                read_item_status(item, entry.second, *text);
            } else if (field == "due") {
                read_due(item, entry.second, path, *text);
            }
        }
        if (trim(item.title).empty()) {
            report_.warning(at(node), "action item has no title; it is left out",
                            "add 'title: what will be done'");
            return std::nullopt;
        }
        return item;
    }

    void read_due(ActionItem& item, const YAML::Node& node, const std::string& key,
                  const std::string& text) {
        if (is_placeholder(text)) {
            return;
        }
        if (const auto day = parse_date(text)) {
            item.due = *day;
            return;
        }
        if (const auto time = parse_timestamp(text, ctx_.config.time_zone)) {
            item.due = ctx_.config.time_zone.day_of(time->utc);
            return;
        }
        const auto instant = read_instant(text);
        if (instant && instant->date && instant->date->year != 0) {
            const auto& d = *instant->date;
            const date::year_month_day ymd{date::year{d.year} / d.month / d.day};
            if (ymd.ok()) {
                item.due = date::sys_days{ymd};
                report_.note(at(node),
                             fmt::format("read '{}: {}' as {}", key, text, format_date(*item.due)));
                return;
            }
        }
        report_.warning(at(node), fmt::format("'{}: {}' is not a date; it is left out", key, text),
                        "write it as YYYY-MM-DD");
    }

    // "Add alerting: done": a mapping of titles to states, as some templates list them.
    bool read_titles_to_states(const std::string& key, const YAML::Node& node) {
        for (const auto& entry : node) {
            if (!action_item_field_for_key(entry.first.Scalar()).empty() ||
                !(entry.second.IsScalar() || entry.second.IsNull())) {
                return false;  // one item written as a mapping of its fields
            }
        }
        for (const auto& entry : node) {
            ActionItem item;
            item.line = line_of(entry.first);
            item.title = entry.first.Scalar();
            if (!is_empty(entry.second)) {
                read_item_status(item, entry.second, entry.second.Scalar());
            }
            pm_.action_items.push_back(std::move(item));
        }
        report_.note(at(node), fmt::format("read '{}' as titles and their states", key));
        return true;
    }

    // `alice: [Add alerting, ...]`, `sre-team: [...]`: items listed under their owners.
    bool read_owners_to_items(const std::string& key, const YAML::Node& node) {
        for (const auto& entry : node) {
            if (!action_item_field_for_key(entry.first.Scalar()).empty() ||
                !entry.second.IsSequence()) {
                return false;
            }
        }
        for (const auto& entry : node) {
            for (const auto& listed : entry.second) {
                if (is_empty(listed)) {
                    continue;
                }
                if (auto item = action_item(key, listed)) {
                    if (item->owner.empty()) {
                        item->owner = entry.first.Scalar();
                    }
                    pm_.action_items.push_back(std::move(*item));
                }
            }
        }
        report_.note(at(node), fmt::format("read '{}' as owners and their items", key));
        return true;
    }

    void read_action_items(const std::string& key, const YAML::Node& node) {
        if (node.IsMap() && (read_titles_to_states(key, node) || read_owners_to_items(key, node))) {
            return;
        }
        if (node.IsScalar() || node.IsMap()) {
            if (auto item = action_item(key, node)) {
                pm_.action_items.push_back(std::move(*item));
            }
            return;
        }
        for (const auto& entry : node) {
            if (is_empty(entry)) {
                continue;
            }
            if (auto item = action_item(key, entry)) {
                pm_.action_items.push_back(std::move(*item));
            }
        }
    }

    // Keys that are no field of ours: Hugo's and Jekyll's `draft` and `published` flags, other
    // tools' impact keys, and everything else, kept for templates as page.extra.
    void read_other(const std::string& key, const YAML::Node& key_node, const YAML::Node& value) {
        const std::string folded = fold_spelling(key);
        // Hugo's `draft`, Jekyll's `published`, Obsidian Publish's `publish`.
        if ((folded == "draft" || folded == "published" || folded == "publish") &&
            is_boolean(value) && !status_declared()) {
            const bool held = (folded == "draft") == boolean_value(value);
            pm_.draft = held;
            report_.note(at(key_node), fmt::format("read '{}: {}' as 'status: {}'", key,
                                                   value.Scalar(), held ? "draft" : "published"));
            return;
        }
        if (const ImpactKey kind = impact_key(key, false);
            kind == ImpactKey::summary && value.IsScalar() && pm_.impact_summary.empty()) {
            // Another tool's impact summary: the text of `impact`, a share it states included.
            report_.note(at(key_node), fmt::format("read '{}' as 'impact.summary'", key));
            if (read_impact(key, value)) {
                pm_.declared.insert(Field::impact);
            }
            return;
        } else if (kind != ImpactKey::none && kind != ImpactKey::summary) {
            read_impact_entry(key, kind, value, false);
            return;
        }
        pm_.extra[key] = to_json(value);
        if (!ctx_.strict) {
            return;
        }
        const auto suggestion = closest_match(key, known_fields());
        report_.warning(at(key_node), fmt::format("unknown front-matter key '{}'", key),
                        suggestion ? fmt::format("did you mean '{}'?", *suggestion)
                                   : std::string("it is kept and passed to templates as "
                                                 "page.extra"));
    }

    bool status_declared() const {
        return std::any_of(seen_.begin(), seen_.end(),
                           [](const std::string& k) { return field_for_key(k) == "status"; });
    }

    FieldContext& ctx_;
    Postmortem& pm_;
    FieldReport report_;
    TimeFields times_;
    bool slug_from_key_ = false;
    std::set<std::string> seen_;
    std::set<std::string> own_;   // fields given under their own key
    std::set<std::string> read_;  // fields read so far
    bool from_alias_ = false;
    bool share_is_declared_ = false;
};

}  // namespace

void read_front_matter(const YAML::Node& root, FieldContext& context, Postmortem& postmortem) {
    FieldReader(context, postmortem).read_all(root);
}

}  // namespace hindsight
