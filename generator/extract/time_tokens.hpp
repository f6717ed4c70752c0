// Splitting a line of prose into the words, numbers and symbols that dates, times, zones and
// durations are read from, and the calendar values they are read into.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hindsight {

struct CalendarDate {
    int year = 0;  // 0 when the text leaves it out ("July 2nd")
    int month = 0;
    int day = 0;
    bool operator==(const CalendarDate&) const = default;
};

struct ClockTime {
    int hour = 0;
    int minute = 0;
    int second = 0;
    bool operator==(const ClockTime&) const = default;
};

enum class TimeTokenKind { word, number, symbol };

struct TimeToken {
    TimeTokenKind kind = TimeTokenKind::word;
    std::string text;  // words lower-cased; symbols: one of : , - / ( ) . + ' and '~' for dashes
    int value = 0;     // numbers
    int digits = 0;    // numbers
    bool ordinal = false;  // "11th"
    bool space_before = false;
    std::size_t begin = 0;
    std::size_t end = 0;
};

// Words are runs of ASCII letters, numbers runs of digits ("11th" is one ordinal number); en and
// em dashes read as '~', the minus sign as '-', other non-ASCII characters as '?'.
std::vector<TimeToken> tokenize_for_times(std::string_view line);

}  // namespace hindsight
