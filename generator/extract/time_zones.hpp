// Time zones as postmortems write them: abbreviations, names in words, offsets, and the regions
// whose offset follows daylight-saving time.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/time_tokens.hpp"

namespace hindsight {

// A zone as written: a fixed offset (PST is -08:00 whatever the season), or a region whose
// offset follows the date (PT, ET), named by its IANA zone.
struct WrittenZone {
    std::string name;  // as the text wrote it, upper-cased: "PST", "GMT+1", "UTC-05:00"
    int offset_minutes = 0;
    std::string region;  // "America/Los_Angeles" for PT; empty for fixed offsets
};

// The zone a lower-case abbreviation names ("pst", "utc", "pt"), or nothing.
std::optional<WrittenZone> zone_abbreviation(std::string_view lower_word);

// A zone written out in words starting at tokens[at] ("Pacific Standard Time"), with the number
// of tokens it takes.
std::optional<std::pair<WrittenZone, std::size_t>> zone_in_words(
    const std::vector<TimeToken>& tokens, std::size_t at);

// The first time-zone abbreviation or offset written anywhere in a line ("All times in PST."),
// else the first zone named in words ("all times are in Pacific Time").
std::optional<WrittenZone> find_zone_word(std::string_view line);

// "Europe/Berlin", "America/New_York", "US/Pacific": a region of the tz database, whose offset
// follows the date; nothing for a name the database does not know ("and/or", "TCP/IP").
std::optional<WrittenZone> region_zone(std::string_view name);

// UTC offset of a written zone on a given day (regions follow their daylight-saving rules).
int zone_offset_on(const WrittenZone& zone, const CalendarDate& date);

}  // namespace hindsight
