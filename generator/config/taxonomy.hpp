// The cause taxonomy: keys, labels, the aliases front matter may use, and classifier keywords.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hindsight {

struct CauseDefinition {
    std::string key;  // a slug: race-condition
    std::string label;
    std::vector<std::string> aliases;
    std::vector<std::string> keywords;
    // Mechanisms (what broke: a race, exhaustion, a bad config) are listed before components
    // (where: the database, the load balancer), so "misconfiguration" leads "load-balancer".
    bool mechanism = false;
};

struct Taxonomy {
    std::vector<CauseDefinition> causes;  // sorted by key

    // The definition whose key or alias matches (case-insensitive, spaces and '_' read as '-').
    const CauseDefinition* find(std::string_view key_or_alias) const;
    std::vector<std::string> keys() const;
};

Taxonomy default_taxonomy();

}  // namespace hindsight
