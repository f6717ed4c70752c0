// Finding dates, times of day, time zones and ranges in one line of prose, as people write them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/time_zones.hpp"

namespace hindsight {

struct Instant {
    std::optional<CalendarDate> date;
    std::optional<ClockTime> time;
    std::optional<WrittenZone> zone;
    std::size_t begin = 0;  // byte span in the line
    std::size_t end = 0;
};

struct InstantRange {
    std::size_t start = 0;  // indices into LineTimes::instants
    std::size_t end = 0;
};

struct LineTimes {
    std::vector<Instant> instants;
    std::vector<InstantRange> ranges;
};

LineTimes scan_times(std::string_view line);

}  // namespace hindsight
