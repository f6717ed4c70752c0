// Keys other tools write for whom an incident affected (users_affected, customers_affected,
// affected_users_pct, impact_pct, ...), and how their values are read. A share comes only from a
// value with '%', a fraction of people written out ("30% of users", "1 in 4 customers"), or a
// key that says percent; a bare number under a key that names people is a count, never a share.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hindsight {

enum class ImpactKey {
    none,          // not about whom the incident affected
    share,         // says percent: users_affected_pct, impact_percent, pct_customers_impacted
    share_either,  // says share: 30 is a percentage, 0.3 could be either and is not read
    fraction,      // says ratio or fraction: a number from 0 to 1
    people,        // names people without a unit: users_affected, customers_impacted
    summary,       // inside an impact mapping: summary, description, details
};

// What a key says. Inside an `impact:` mapping the word "affected" goes without saying, so
// `users` and `pct` are enough there.
ImpactKey impact_key(std::string_view key, bool inside_impact);

struct ImpactValue {
    std::optional<double> share_pct;  // 0 to 100
    std::optional<double> count;      // a number of people
    std::string problem;              // why a value under a share key cannot be a share
};

// A share from '%' or people written out under any key; else what the key says a bare number
// is. A value under a share key that is no share has a problem; under a people key it may be a
// count, and anything else is no impact value at all (kept as written).
ImpactValue read_impact_value(ImpactKey kind, std::string_view written);

}  // namespace hindsight
