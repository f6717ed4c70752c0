// Timestamps, time zones and durations as the front matter writes them (ISO 8601, "19h35m").
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

namespace date {
class time_zone;
}

namespace hindsight {

using Timestamp = date::sys_seconds;

// The zone for times written without an offset: "UTC", a fixed offset ("+02:00", "-0500") or
// an IANA name ("Europe/Berlin") looked up in the system's tz database.
class TimeZone {
  public:
    static TimeZone utc();
    static std::optional<TimeZone> from_name(std::string_view name);

    Timestamp to_utc(date::local_seconds local) const;
    date::local_seconds to_local(Timestamp utc) const;
    // A local time the clocks pass twice (when they go back) or skip (when they go forward):
    // it names two moments, or none.
    bool at_clock_change(date::local_seconds local) const;
    // The calendar day a moment falls on in this zone: what "the date of the incident" means.
    date::sys_days day_of(Timestamp utc) const;
    const std::string& name() const { return name_; }

  private:
    std::string name_ = "UTC";
    std::chrono::minutes offset_{0};
    const date::time_zone* zone_ = nullptr;
};

struct ParsedTimestamp {
    Timestamp utc;
    bool date_only = false;  // "2023-08-10": midnight in the zone
};

// YYYY-MM-DD, optionally followed by 'T' or ' ', HH:MM[:SS[.fraction]] and Z or ±HH[:MM].
std::optional<ParsedTimestamp> parse_timestamp(std::string_view text, const TimeZone& zone);

// A calendar date alone, YYYY-MM-DD.
std::optional<date::sys_days> parse_date(std::string_view text);

std::string format_iso_utc(Timestamp t);              // 2023-08-10T13:45:00Z
std::string format_date(date::sys_days day);          // 2023-08-10
std::string format_display_date(date::sys_days day);  // 10 Aug 2023
std::string format_display_time(Timestamp t);         // 2023-08-10 13:45 UTC

// "19h35m", "2h", "45m", "1d 2h", "1h30", "90" (minutes), ISO 8601 "PT2H15M"; nothing when
// unreadable.
std::optional<std::chrono::minutes> parse_duration(std::string_view text);

// "45 min", "2 h 15 min", "3 d 4 h"; minutes are left out past a day.
std::string format_duration(std::chrono::minutes duration);

}  // namespace hindsight
