// Tests for core/dates: ISO 8601 timestamps, zones and durations.
#include <catch2/catch.hpp>

#include "core/dates.hpp"

using namespace hindsight;

namespace {
std::string utc(std::string_view text, const TimeZone& zone = TimeZone::utc()) {
    const auto parsed = parse_timestamp(text, zone);
    return parsed ? format_iso_utc(parsed->utc) : "invalid";
}
}  // namespace

TEST_CASE("timestamps with Z, offsets and none", "[dates]") {
    CHECK(utc("2023-08-10T13:45:00Z") == "2023-08-10T13:45:00Z");
    CHECK(utc("2023-08-10 13:45+02:00") == "2023-08-10T11:45:00Z");
    CHECK(utc("2018-11-22T08:19:00+09:00") == "2018-11-21T23:19:00Z");
    CHECK(utc("2025-01-08T22:00:00-00:00") == "2025-01-08T22:00:00Z");
    CHECK(utc("2023-08-10T13:45:12.345Z") == "2023-08-10T13:45:12Z");
    CHECK(utc("2023-08-10") == "2023-08-10T00:00:00Z");
}

TEST_CASE("invalid timestamps are refused", "[dates]") {
    CHECK(utc("2023-02-30") == "invalid");
    CHECK(utc("2023-08-10T25:00Z") == "invalid");
    CHECK(utc("yesterday") == "invalid");
    CHECK(utc("2023-08-10T13:45Zjunk") == "invalid");
}

TEST_CASE("times without an offset take the site's zone", "[dates]") {
    const auto fixed = TimeZone::from_name("-05:00");
    REQUIRE(fixed);
    CHECK(utc("2023-08-10T13:45", *fixed) == "2023-08-10T18:45:00Z");
    const auto berlin = TimeZone::from_name("Europe/Berlin");
    REQUIRE(berlin);
    CHECK(utc("2023-07-01T12:00", *berlin) == "2023-07-01T10:00:00Z");  // CEST
    CHECK(utc("2023-01-01T12:00", *berlin) == "2023-01-01T11:00:00Z");  // CET
    CHECK_FALSE(TimeZone::from_name("Mars/Olympus"));
}

TEST_CASE("durations in the forms people write", "[dates]") {
    CHECK(parse_duration("19h35m")->count() == 19 * 60 + 35);
    CHECK(parse_duration("2h")->count() == 120);
    CHECK(parse_duration("45m")->count() == 45);
    CHECK(parse_duration("1d 2h")->count() == 26 * 60);
    CHECK(parse_duration("90")->count() == 90);
    CHECK(parse_duration("PT2H15M")->count() == 135);
    CHECK(parse_duration("2 hours 5 minutes")->count() == 125);
    CHECK(parse_duration("1h30")->count() == 90);
    CHECK(parse_duration("1h 30")->count() == 90);
    CHECK_FALSE(parse_duration("1d30"));
    CHECK_FALSE(parse_duration("30m15"));
    CHECK_FALSE(parse_duration("a while"));
    CHECK_FALSE(parse_duration("2x"));
    CHECK_FALSE(parse_duration(""));
}

TEST_CASE("display formats", "[dates]") {
    CHECK(format_duration(std::chrono::minutes{45}) == "45 min");
    CHECK(format_duration(std::chrono::minutes{135}) == "2 h 15 min");
    CHECK(format_duration(std::chrono::minutes{120}) == "2 h");
    CHECK(format_duration(std::chrono::minutes{26 * 60 + 5}) == "1 d 2 h");
    CHECK(format_display_date(*parse_date("2023-08-05")) == "5 Aug 2023");
    CHECK(format_display_time(parse_timestamp("2023-08-10T13:45:00Z", TimeZone::utc())->utc) ==
          "2023-08-10 13:45 UTC");
}

TEST_CASE("the day of a moment depends on the zone", "[dates]") {
    const auto t = parse_timestamp("2024-01-16T23:30:00Z", TimeZone::utc())->utc;
    CHECK(format_date(TimeZone::utc().day_of(t)) == "2024-01-16");
    CHECK(format_date(TimeZone::from_name("+02:00")->day_of(t)) == "2024-01-17");
    CHECK(format_date(TimeZone::from_name("America/New_York")->day_of(t)) == "2024-01-16");
}
