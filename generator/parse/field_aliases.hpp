// The names other postmortem tools, status pages and templates give our front-matter fields
// ("start_time", "Start Time", "startedAt"), and the values that mean "nothing known yet".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hindsight {

// The front-matter fields of DESIGN.md §2, as written in a canonical file.
const std::vector<std::string>& known_fields();

// The field a key names: itself when it is one (any case or separators: "Title", "action items"),
// else the field it is an alias of, else "".
std::string field_for_key(std::string_view key);

// A key no table lists that names a moment of the incident in words: one of start, end, detected
// or mitigated ("began", "restored", "reported") among words saying whose moment it is or that it
// is a time ("customer_impact_start", "impactStartTime", "outage_began_at"). Else "".
std::string time_field_by_words(std::string_view key);

// A key that names a moment and may also name how it came ("Detection", "Detected by/at",
// "Resolution"): the field, whose value is read as that moment only when it holds one (it is as
// often a sentence on how the problem was found). Else "".
std::string moment_key_field(std::string_view key);

// A length's key that names its unit ("duration_seconds", "downtime_mins", "ttr_hours"): the
// unit in seconds, by which a bare number under it is read. Else nothing.
std::optional<int> duration_unit_seconds(std::string_view key);

// The action-item field a key names ("assignee" is owner, "deadline" is due), else "".
std::string action_item_field_for_key(std::string_view key);
const std::vector<std::string>& action_item_fields();

struct KeyAlias {
    std::string_view alias;
    std::string_view field;
};
// The documented tables (README "Front matter written for other tools").
const std::vector<KeyAlias>& field_aliases();
const std::vector<KeyAlias>& action_item_aliases();

// "TBD", "N/A", "unknown", "none", "-": what exports and templates write where nothing is known.
// Such a value under a typed field (a time, a duration, a severity, a share) means the field is
// absent, so the text may still supply it.
bool is_placeholder(std::string_view value);

}  // namespace hindsight
