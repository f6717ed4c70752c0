// Tests for extract/written_values: whole front-matter values through the sentence scanners.
#include <catch2/catch.hpp>

#include "extract/written_values.hpp"

using namespace hindsight;

namespace {

std::string utc(std::string_view value) {
    const auto instant = read_instant(value);
    if (!instant || !instant->date || !instant->time) {
        return "none";
    }
    return format_iso_utc(
        local_to_utc(*instant->date, *instant->time, instant->zone, TimeZone::utc()));
}

}  // namespace

TEST_CASE("a datetime value in the forms the text is read in", "[written_values]") {
    CHECK(utc("2024-03-05 14:05 PST") == "2024-03-05T22:05:00Z");
    CHECK(utc("2024-03-05 2:05 PM PST") == "2024-03-05T22:05:00Z");
    CHECK(utc("March 5, 2024 14:05 UTC") == "2024-03-05T14:05:00Z");
    CHECK(utc("Tuesday, March 5, 2024 at 2:05pm EST") == "2024-03-05T19:05:00Z");
    CHECK(utc("5 March 2024 14:05 +01:00") == "2024-03-05T13:05:00Z");
    CHECK(utc("2024-03-05 14:05:00 +0100") == "2024-03-05T13:05:00Z");
    CHECK(utc("2024-03-05 2:05 PM -5") == "2024-03-05T19:05:00Z");
    CHECK(utc("2024-03-05 @ 14:05 UTC") == "2024-03-05T14:05:00Z");
    CHECK(utc("2024-07-05 14:05 Europe/Berlin") == "2024-07-05T12:05:00Z");  // CEST in July
    CHECK(utc("Tue Mar 5 14:05:00 UTC 2024") == "2024-03-05T14:05:00Z");     // date(1)
    CHECK(utc("2024-03-05 14:05 IST") == "2024-03-05T08:35:00Z");
    CHECK(utc("2024-03-05 14:05 BST") == "2024-03-05T13:05:00Z");
    CHECK(utc("2024-03-05T14:05:00Z") == "2024-03-05T14:05:00Z");
    CHECK(utc("03/05/2024 14:05 UTC") == "2024-03-05T14:05:00Z");
    CHECK(utc("2024-07-05 10:00 PT") == "2024-07-05T17:00:00Z");    // PT follows the date
    CHECK(utc("10/Aug/23 1:45 PM UTC") == "2023-08-10T13:45:00Z");  // Jira's dd/MMM/yy
}

TEST_CASE("a value with more than one instant is not read", "[written_values]") {
    CHECK_FALSE(read_instant("2024-03-05 14:05 to 15:00"));
    CHECK_FALSE(read_instant("sometime on Tuesday"));
    CHECK_FALSE(read_instant("2024-03-05 14:05 per the pager log"));
    CHECK_FALSE(read_instant("build 14:05 2"));
    CHECK_FALSE(read_instant("2024-03-05 14:05 Nowhere/Town"));
    CHECK_FALSE(read_instant("Mar 5 14:05 UTC 2024 2025"));
    CHECK_FALSE(read_instant(""));
}

TEST_CASE("one instant after words that say what happened at it", "[written_values]") {
    const auto alert = read_instant_in_words("PagerDuty alert, 2023-06-01 14:02 UTC");
    REQUIRE(alert);
    CHECK(alert->text == "2023-06-01 14:02 UTC");
    CHECK(alert->instant.zone->name == "UTC");
    CHECK(read_instant_in_words("customer report at 09:40 UTC"));
    CHECK_FALSE(read_instant_in_words("before 09:40 UTC"));
    CHECK_FALSE(read_instant_in_words("09:40 or 10:10 UTC"));
    CHECK_FALSE(read_instant_in_words("ticket 4411 at 09:40"));
    CHECK_FALSE(read_instant_in_words("alert at 09:40?"));
    CHECK_FALSE(read_instant_in_words("18h00 (heure de Paris)"));  // its zone is in words
    CHECK_FALSE(read_instant_in_words("a customer wrote to support"));
}

TEST_CASE("a clock time alone and a date without a year are read as written", "[written_values]") {
    const auto time = read_instant("11:10 PM");
    REQUIRE(time);
    CHECK_FALSE(time->date);
    CHECK(time->time->hour == 23);
    const auto day = read_instant("Aug 10 14:00 UTC");
    REQUIRE(day);
    CHECK(day->date->year == 0);
    CHECK(day->date->month == 8);
}

TEST_CASE("durations in the forms teams write", "[written_values]") {
    CHECK(read_duration_minutes("19h35m") == 19 * 60 + 35);
    CHECK(read_duration_minutes("1h30") == 90);
    CHECK(read_duration_minutes("1h 30m") == 90);
    CHECK(read_duration_minutes("90 min") == 90);
    CHECK(read_duration_minutes("90") == 90);
    CHECK(read_duration_minutes("1:30") == 90);
    CHECK(read_duration_minutes("01:30:00") == 90);
    CHECK(read_duration_minutes("PT1H30M") == 90);
    CHECK(read_duration_minutes("2 hours and 5 minutes") == 125);
    CHECK(read_duration_minutes("2 hours 5 minutes") == 125);
    CHECK(read_duration_minutes("an hour and a half") == 90);
    CHECK(read_duration_minutes("1.5 hours") == 90);
    CHECK(read_duration_minutes("about 3 hours") == 180);
    CHECK(read_duration_minutes("ten minutes") == 10);
    CHECK(read_duration_minutes("2 hours 30") == 150);  // as "1h30"
    CHECK(read_duration_minutes("3 days") == 3 * 24 * 60);
    CHECK(read_duration_minutes("2 hours, 15 minutes") == 135);
    CHECK(read_duration_minutes("2 hrs 15 mins") == 135);
    CHECK(read_duration_minutes("~2h") == 120);
    CHECK(read_duration_minutes("135 minutes (approx)") == 135);
    // Seconds after minutes, rounded (bench/frontmatter-probe2 duration-min-sec.md, probe3 27).
    CHECK(read_duration_minutes("4 min, 51 sec") == 5);
    CHECK(read_duration_minutes("1 minute and 20 seconds") == 1);
    // Seconds alone, or after hours, are not the length of an incident as people state it.
    CHECK_FALSE(read_duration_minutes("45 seconds"));
    CHECK_FALSE(read_duration_minutes("2 hours 30 seconds"));
}

TEST_CASE("vague, ranged or wordy durations are not read", "[written_values]") {
    // "forty-five minutes" is two words to the scanner: read as 5 minutes, it would be wrong.
    for (const char* value : {"a few hours", "2-3 hours", "at least 7 hours", "forty-five minutes",
                              "until the vendor fixed it", "1:75", "ongoing", "3 hours per day",
                              "2 hours 30 seconds", "1 day, 2 hours and 30 minutes"}) {
        INFO(value);
        CHECK_FALSE(read_duration_minutes(value));
    }
}
