// Key aliases collected from other tools' exports and templates (Statuspage, cState, incident.io,
// FireHydrant, Rootly, PagerDuty, Jira and GitHub issue templates, Hugo and Jekyll postmortem
// templates). Keys are compared folded, so "start_time", "Start Time" and "startTime" are one.
#include "parse/field_aliases.hpp"

#include <algorithm>
#include <initializer_list>
#include <map>

#include "core/text.hpp"

namespace hindsight {
namespace {

std::map<std::string, std::string> folded(const std::vector<KeyAlias>& aliases,
                                          const std::vector<std::string>& fields) {
    std::map<std::string, std::string> table;
    for (const auto& field : fields) {
        table.emplace(fold_spelling(field), field);
    }
    for (const auto& alias : aliases) {
        table.emplace(fold_spelling(alias.alias), std::string(alias.field));
    }
    return table;
}

// The moment of an incident a word names: "began" the start, "restored" the end.
std::string_view event_field(std::string_view word) {
    if (is_one_of(word, {"start", "started", "starts", "begin", "began", "begins", "beginning",
                         "onset"})) {
        return "started";
    }
    if (is_one_of(word, {"end", "ended", "ends", "resolved", "resolution", "recovered", "recovery",
                         "restored", "restoration"})) {
        return "resolved";
    }
    if (is_one_of(word, {"detected", "detection", "discovered", "discovery", "identified",
                         "alerted", "reported", "noticed"})) {
        return "detected";
    }
    if (is_one_of(word, {"mitigated", "mitigation"})) {
        return "mitigated";
    }
    return {};
}

// Words that say whose moment it is, or that the value is a time, and nothing else.
bool qualifies_a_time(std::string_view word) {
    return is_one_of(
        word,
        {"impact", "impacted", "customer", "customers",  "user",        "users",       "incident",
         "outage", "downtime", "service",  "disruption", "degradation", "problem",     "issue",
         "time",   "at",       "on",       "date",       "datetime",    "timestamp",   "ts",
         "utc",    "when",     "first",    "actual",     "custom",      "customfield", "cf"});
}

}  // namespace

std::string time_field_by_words(std::string_view key) {
    std::string_view field;
    bool qualified = false;
    const auto words = spelling_words(key);
    // "FirstEventTime", "last_seen_at": when the first and the last of the incident's events
    // were seen (Kaspersky's and Sentry's exports), its start and its end.
    const auto has = [&](std::initializer_list<std::string_view> any) {
        return std::any_of(words.begin(), words.end(),
                           [&](const std::string& w) { return is_one_of(w, any); });
    };
    if (has({"event", "events", "seen", "occurrence", "occurred"}) && words.size() <= 4 &&
        std::all_of(words.begin(), words.end(), [](const std::string& w) {
            return is_one_of(w, {"first", "last", "event", "events", "seen", "occurrence",
                                 "occurred", "time", "at", "date", "datetime", "timestamp", "ts"});
        })) {
        if (has({"first"}) && !has({"last"})) {
            return "started";
        }
        if (has({"last"}) && !has({"first"})) {
            return "resolved";
        }
        return {};
    }
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& word = words[i];
        // "end_user_impact": an end user, not the end of anything.
        if (word == "end" && i + 1 < words.size() &&
            is_one_of(words[i + 1], {"user", "users", "customer", "customers"})) {
            return {};
        }
        const std::string_view named = event_field(word);
        if (!named.empty()) {
            if (!field.empty() && field != named) {
                return {};  // "start_to_end": two moments
            }
            field = named;
        } else if (qualifies_a_time(word)) {
            qualified = true;
        } else {
            return {};
        }
    }
    return qualified ? std::string(field) : std::string{};
}

std::string moment_key_field(std::string_view key) {
    std::string_view field;
    for (const auto& word : spelling_words(key)) {
        const std::string_view named = event_field(word);
        if (!named.empty()) {
            if (!field.empty() && field != named) {
                return {};
            }
            field = named;
        } else if (!qualifies_a_time(word) &&
                   !is_one_of(word, {"by", "how", "and", "method", "source", "via"})) {
            return {};
        }
    }
    return std::string(field);
}

namespace {

// A length's key: a word that names a length ("duration", "downtime", "ttr") among words that
// say whose it is or its unit ("duration_of_outage", "ttr_seconds"). The unit in seconds, 0
// when it names none.
std::optional<int> length_key_unit(std::string_view key) {
    int unit = 0;
    bool length = false;
    const auto words = spelling_words(key);
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& word = words[i];
        const bool after_to = i > 0 && words[i - 1] == "to";
        if (is_one_of(word, {"seconds", "second", "secs", "sec", "s"})) {
            unit = 1;
        } else if (is_one_of(word, {"minutes", "minute", "mins", "min", "m"})) {
            unit = 60;
        } else if (is_one_of(word, {"hours", "hour", "hrs", "hr", "h"})) {
            unit = 3600;
        } else if (is_one_of(word, {"days", "day", "d"})) {
            unit = 86400;
        } else if (is_one_of(word, {"duration", "downtime", "length", "ttr", "ttm", "mttr"}) ||
                   (after_to && is_one_of(word, {"recovery", "restoration", "restore"}))) {
            // "time to recovery", "time to restore": how long the impact lasted (not "time to
            // detect", which is how long it went unseen).
            length = true;
        } else if (!is_one_of(word,
                              {"impact", "incident", "outage", "customer", "total", "in", "time",
                               "to", "resolve", "recover", "mitigate", "of", "the"})) {
            return std::nullopt;
        }
    }
    return length ? std::optional<int>(unit) : std::nullopt;
}

}  // namespace

std::optional<int> duration_unit_seconds(std::string_view key) {
    const auto unit = length_key_unit(key);
    return unit && *unit > 0 ? unit : std::nullopt;
}

const std::vector<std::string>& known_fields() {
    static const std::vector<std::string> fields = {
        "title",     "id",       "slug",     "date",         "started",  "detected",
        "mitigated", "resolved", "duration", "severity",     "status",   "impact",
        "causes",    "services", "authors",  "action_items", "time_zone"};
    return fields;
}

const std::vector<KeyAlias>& field_aliases() {
    static const std::vector<KeyAlias> aliases = {
        {"start", "started"},
        {"start_time", "started"},
        {"started_at", "started"},
        {"start_date", "started"},
        {"start_datetime", "started"},
        {"began", "started"},
        {"began_at", "started"},
        {"incident_start", "started"},
        {"impact_start", "started"},
        {"outage_start", "started"},
        {"end", "resolved"},
        {"end_time", "resolved"},
        {"ended", "resolved"},
        {"ended_at", "resolved"},
        {"end_date", "resolved"},
        {"end_datetime", "resolved"},
        {"resolved_at", "resolved"},
        {"resolvedWhen", "resolved"},
        {"resolved_on", "resolved"},
        {"resolution_time", "resolved"},
        {"recovered_at", "resolved"},
        {"restored_at", "resolved"},
        {"incident_end", "resolved"},
        {"impact_end", "resolved"},
        {"outage_end", "resolved"},
        {"detected_at", "detected"},
        {"detection_time", "detected"},
        {"discovered_at", "detected"},
        {"alerted_at", "detected"},
        {"identified_at", "detected"},
        {"mitigated_at", "mitigated"},
        {"mitigation_time", "mitigated"},
        {"timezone", "time_zone"},
        {"all_times", "time_zone"},
        {"all_times_in", "time_zone"},
        {"times_in", "time_zone"},
        {"tz", "time_zone"},
        {"zone", "time_zone"},
        {"timezone_name", "time_zone"},
        {"incident_date", "date"},
        {"occurred_on", "date"},
        {"duration_minutes", "duration"},
        {"outage_duration", "duration"},
        {"impact_duration", "duration"},
        {"incident_duration", "duration"},
        {"downtime", "duration"},
        {"time_to_resolve", "duration"},
        {"sev", "severity"},
        {"severity_level", "severity"},
        {"incident_severity", "severity"},
        {"priority", "severity"},
        {"incident_priority", "severity"},
        {"level", "severity"},
        {"incident_level", "severity"},
        {"postmortem_status", "status"},
        {"post_mortem_status", "status"},
        {"review_status", "status"},
        {"report_status", "status"},
        {"document_status", "status"},
        {"doc_status", "status"},
        {"incident_title", "title"},
        {"subject", "title"},
        {"headline", "title"},
        {"display_name", "title"},
        {"name", "title"},
        {"incident_name", "title"},
        {"incident_id", "id"},
        {"incident_number", "id"},
        {"tags", "causes"},
        {"categories", "causes"},
        {"category", "causes"},
        {"cause", "causes"},
        {"root_cause", "causes"},
        {"root_causes", "causes"},
        {"root_cause_category", "causes"},
        {"cause_category", "causes"},
        {"primary_cause", "causes"},
        {"contributing_factors", "causes"},
        {"contributing_factor", "causes"},
        {"contributing_causes", "causes"},
        {"secondary_causes", "causes"},
        {"affected", "services"},
        {"systems", "services"},
        {"service", "services"},
        {"affected_services", "services"},
        {"services_affected", "services"},
        {"affected_systems", "services"},
        {"components", "services"},
        {"affected_components", "services"},
        {"author", "authors"},
        {"written_by", "authors"},
        {"actions", "action_items"},
        {"action_item", "action_items"},
        {"follow_ups", "action_items"},
        {"followups", "action_items"},
        {"follow_up_actions", "action_items"},
        {"follow_up_tasks", "action_items"},
        {"follow_up_items", "action_items"},
        {"follow_up", "action_items"},
        {"action_plan", "action_items"},
        {"next_steps", "action_items"},
        {"tasks", "action_items"},
        {"todos", "action_items"},
        {"remediations", "action_items"},
        {"remediation", "action_items"},
        {"remediation_items", "action_items"},
        {"corrective_actions", "action_items"},
        {"preventive_actions", "action_items"},
    };
    return aliases;
}

const std::vector<std::string>& action_item_fields() {
    static const std::vector<std::string> fields = {"title", "owner", "status", "due", "link"};
    return fields;
}

const std::vector<KeyAlias>& action_item_aliases() {
    static const std::vector<KeyAlias> aliases = {
        {"action", "title"},    {"task", "title"},
        {"item", "title"},      {"action_item", "title"},
        {"bug", "link"},        {"name", "title"},
        {"summary", "title"},   {"description", "title"},
        {"text", "title"},      {"what", "title"},
        {"assignee", "owner"},  {"assigned_to", "owner"},
        {"owners", "owner"},    {"responsible", "owner"},
        {"who", "owner"},       {"team", "owner"},
        {"state", "status"},    {"due_date", "due"},
        {"deadline", "due"},    {"due_by", "due"},
        {"target_date", "due"}, {"eta", "due"},
        {"by", "due"},          {"url", "link"},
        {"ticket", "link"},     {"issue", "link"},
        {"tracker", "link"},    {"jira", "link"},
        {"href", "link"},
    };
    return aliases;
}

std::string field_for_key(std::string_view key) {
    static const auto table = folded(field_aliases(), known_fields());
    const auto it = table.find(fold_spelling(key));
    if (it != table.end()) {
        return it->second;
    }
    if (length_key_unit(key)) {
        return "duration";  // "duration_of_outage", "duration_seconds"
    }
    return time_field_by_words(key);
}

std::string action_item_field_for_key(std::string_view key) {
    static const auto table = folded(action_item_aliases(), action_item_fields());
    const auto it = table.find(fold_spelling(key));
    return it == table.end() ? std::string{} : it->second;
}

bool is_placeholder(std::string_view value) {
    const std::string_view text = trim(value);
    const std::string f = fold_spelling(text);
    if (f.empty()) {
        // "-", "?", "--", "…": marks alone
        return !text.empty() && text.size() <= 3;
    }
    for (const std::string_view word : {"na",
                                        "tbd",
                                        "tba",
                                        "tbc",
                                        "unknown",
                                        "unk",
                                        "none",
                                        "null",
                                        "nil",
                                        "notapplicable",
                                        "notknown",
                                        "ongoing",
                                        "notyetknown",
                                        "notyet",
                                        "pending",
                                        "todo",
                                        "xxx",
                                        "yyyymmdd",
                                        "hhmm",
                                        "yyyymmddhhmm",
                                        "yyyymmddthhmmssz",
                                        "yyyymmddthhmmz"}) {
        if (f == word) {
            return true;
        }
    }
    return false;
}

}  // namespace hindsight
