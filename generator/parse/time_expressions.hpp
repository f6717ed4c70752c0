// Finding dates, times of day, time zones and ranges in one line of prose, as people write them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dates.hpp"

namespace hindsight {

struct CalendarDate {
    int year = 0;  // 0 when the text leaves it out ("July 2nd")
    int month = 0;
    int day = 0;
};

struct ClockTime {
    int hour = 0;
    int minute = 0;
    int second = 0;
};

// A zone as written: a fixed offset (PST is -08:00 whatever the season), or a region whose
// offset follows the date (PT, ET), named by its IANA zone.
struct WrittenZone {
    std::string name;  // as the text wrote it, upper-cased: "PST", "GMT+1", "UTC-05:00"
    int offset_minutes = 0;
    std::string region;  // "America/Los_Angeles" for PT; empty for fixed offsets
};

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

struct StatedDuration {
    int minutes = 0;
    bool approximate = false;  // "approximately three hours", "about 2 hours", "~45 minutes"
};

// A duration stated in words: "lasted 3 hours and 20 minutes", "(7.5 hours)", "ten minutes".
// Vague amounts ("a few hours", "at least 7 hours", "2-3 hours") give nothing.
std::optional<StatedDuration> stated_duration(std::string_view line);

// The first time-zone name or offset written anywhere in a line ("All times in PST.").
std::optional<WrittenZone> find_zone_word(std::string_view line);

// UTC offset of a written zone on a given day (regions follow their daylight-saving rules).
int zone_offset_on(const WrittenZone& zone, const CalendarDate& date);

}  // namespace hindsight
