// The share of users affected, as the text states it: "30% of users", "all users", "1 in 4 users".
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "extract/sections.hpp"
#include "model/postmortem.hpp"
#include "model/source_line.hpp"

namespace hindsight {

// A percentage of users in one line, tiers added ("78% ... the remaining 22%" is 100).
// Percentages of anything else (CPU, errors, requests, "20% degradation") do not count.
std::optional<double> users_share_in(std::string_view line);

// A noun for the people a share is of: users, customers, visitors, members...
bool is_people_word(std::string_view word);

struct ExtractedImpact {
    std::optional<double> users_affected_pct;
    Evidence from;
    // When the text gives shares that disagree ("80% of users" here, "100% of users" there),
    // none is used: the first two that disagree, for the note that says so.
    std::optional<std::pair<Evidence, Evidence>> conflict;
    std::pair<double, double> conflicting_values;
};

ExtractedImpact extract_users_affected(const std::vector<SourceLine>& lines,
                                       const std::vector<LineContext>& contexts, int line_offset);

}  // namespace hindsight
