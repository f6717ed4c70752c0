// Durations stated in words: "lasted 3 hours and 20 minutes", "(7.5 hours)", "ten minutes".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hindsight {

struct StatedDuration {
    int minutes = 0;
    bool approximate = false;  // "approximately three hours", "about 2 hours", "~45 minutes"
    std::string before;        // the word before the amount ("for", "took"), lower-case
    std::string after;         // the word after the unit ("outage" in "a 7 minute outage")
};

// The first duration a line states. Vague amounts ("a few hours", "at least 7 hours",
// "2-3 hours") give nothing.
std::optional<StatedDuration> stated_duration(std::string_view line);

// Every duration a line states, in order.
std::vector<StatedDuration> stated_durations(std::string_view line);

// A word for seconds ("sec", "seconds"): read only after minutes ("4 min, 51 sec").
bool is_seconds(std::string_view word);

}  // namespace hindsight
