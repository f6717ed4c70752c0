// "Did you mean" suggestions for misspelled keys and values.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hindsight {

std::size_t edit_distance(std::string_view a, std::string_view b);

// The closest candidate within a distance that still reads as a typo (about a third of the
// word), or nothing. Ties go to the earlier candidate, so the answer is deterministic.
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates);

}  // namespace hindsight
