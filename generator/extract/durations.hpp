// Durations stated in words: "lasted 3 hours and 20 minutes", "(7.5 hours)", "ten minutes".
#pragma once

#include <optional>
#include <string_view>

namespace hindsight {

struct StatedDuration {
    int minutes = 0;
    bool approximate = false;  // "approximately three hours", "about 2 hours", "~45 minutes"
};

// The first duration a line states. Vague amounts ("a few hours", "at least 7 hours",
// "2-3 hours") give nothing.
std::optional<StatedDuration> stated_duration(std::string_view line);

}  // namespace hindsight
