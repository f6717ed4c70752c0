// One front-matter value read the way the text is read: a date and time as people write it
// ("Aug 10, 2023 1:45 PM PDT"), a duration ("1h30", "2 hours and 5 minutes"). The scanners are
// the text's own (time_expressions, durations), so a value the body parser reads in a sentence
// is read in front matter too.
#pragma once

#include <optional>
#include <string_view>
#include <utility>

#include "core/dates.hpp"
#include "extract/time_zones.hpp"

namespace hindsight {

struct WrittenInstant {
    std::optional<CalendarDate> date;  // year 0 when the value leaves it out ("Aug 10")
    std::optional<ClockTime> time;
    std::optional<WrittenZone> zone;
};

// A value that is one instant and nothing more (weekdays, "at", "on" and brackets aside);
// nothing when it holds other words or numbers, two instants, or neither a date nor a time.
std::optional<WrittenInstant> read_instant(std::string_view value);

// The one instant a value names among words that only say what happened at it ("PagerDuty
// alert, 2023-06-01 14:02 UTC", "customer report at 09:40 UTC"), and the text it was read
// from. Nothing when the words bound or hedge it ("before 14:00", "maybe 14:00") or the value
// holds other numbers or a second instant.
struct InstantInWords {
    WrittenInstant instant;
    std::string_view text;
};
std::optional<InstantInWords> read_instant_in_words(std::string_view value);

// A day and a time of day as a local time, in no zone yet.
date::local_seconds local_time(const CalendarDate& day, const ClockTime& time);

// The day and the time of day of a local time: local_time's inverse.
std::pair<CalendarDate, ClockTime> day_and_time(date::local_seconds local);

// The moment a day and a time of day name: in the written zone, at its offset on that day
// (regions such as PT follow daylight-saving time), else in the site's zone.
Timestamp local_to_utc(const CalendarDate& day, const ClockTime& time,
                       const std::optional<WrittenZone>& zone, const TimeZone& site_zone);

// A duration written as a value: compact ("1h30", "1h 30m", "90 min", "45" minutes, "1d2h"),
// clock-like ("1:30" is 90 minutes), ISO 8601 ("PT1H30M") or words ("2 hours and 5 minutes",
// "an hour and a half", "about 3 hours"). Nothing for vague or ranged amounts ("a few hours",
// "2-3 hours") or for a value with other words in it.
std::optional<int> read_duration_minutes(std::string_view value);

}  // namespace hindsight
