// The fields of a postmortem record, named once: what a file declares, what extraction infers,
// what exports and `check` report all use these names.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/dates.hpp"

namespace hindsight {

struct Postmortem;

enum class Field {
    source,
    title,
    id,
    slug,
    date,
    started,
    detected,
    mitigated,
    resolved,
    duration_minutes,
    users_affected_pct,
    impact,
    severity,
    causes,
    tags,
    services,
    authors,
    action_items,
    summary,
};

// The record's name of a field, as in postmortems.json: "users_affected_pct".
std::string_view field_name(Field field);

// The field a record name names, or nothing.
std::optional<Field> field_named(std::string_view name);

// The names of a set of fields, sorted by name (the order postmortems.json lists them in).
std::vector<std::string> field_names(const std::set<Field>& fields);

// The fields a postmortem can declare or have inferred, in the order of DESIGN.md §4.
inline constexpr Field kRecordFields[] = {
    Field::title,     Field::date,     Field::started,          Field::detected,
    Field::mitigated, Field::resolved, Field::duration_minutes, Field::users_affected_pct,
    Field::severity,  Field::causes,   Field::services,         Field::action_items,
    Field::summary,
};

// Whether the record holds a value for the field, declared or inferred.
bool has_value(const Postmortem& pm, Field field);

// The record's slot for a moment of the incident (started, detected, mitigated, resolved); null
// for any other field.
std::optional<Timestamp>* moment(Postmortem& pm, Field field);

}  // namespace hindsight
