// Tests for extract/time_zones and extract/durations: zones as written, stated durations.
#include <catch2/catch.hpp>

#include "extract/durations.hpp"
#include "extract/time_tokens.hpp"
#include "extract/time_zones.hpp"

using namespace hindsight;

TEST_CASE("zone abbreviations are fixed offsets; regional names follow the date", "[zones]") {
    const auto pst = zone_abbreviation("pst");
    REQUIRE(pst);
    CHECK(pst->name == "PST");
    CHECK(pst->offset_minutes == -480);
    CHECK(zone_offset_on(*pst, {2023, 7, 1}) == -480);
    const auto pt = zone_abbreviation("pt");
    REQUIRE(pt);
    CHECK(zone_offset_on(*pt, {2023, 7, 1}) == -420);
    CHECK(zone_offset_on(*pt, {2023, 1, 15}) == -480);
    CHECK_FALSE(zone_abbreviation("pizza"));
}

TEST_CASE("zones written in words", "[zones]") {
    const auto tokens = tokenize_for_times("at 10:00 Pacific Standard Time");
    const auto found = zone_in_words(tokens, 4);
    REQUIRE(found);
    CHECK(found->first.name == "PST");
    CHECK(found->second == 3);
    CHECK_FALSE(zone_in_words(tokens, 0));
    CHECK_FALSE(zone_in_words(tokenize_for_times("Pacific"), 0));  // cut short at the end
}

TEST_CASE("find_zone_word reads upper-case zone words only", "[zones]") {
    CHECK(find_zone_word("All times in PST.")->name == "PST");
    CHECK(find_zone_word("All times are GMT+1")->offset_minutes == 60);
    CHECK_FALSE(find_zone_word("the pt of the matter"));
}

TEST_CASE("stated durations", "[durations]") {
    CHECK(stated_duration("the outage lasted 3 hours and 20 minutes")->minutes == 200);
    CHECK(stated_duration("about an hour and a half")->minutes == 90);
    CHECK(stated_duration("about an hour and a half")->approximate);
    CHECK(stated_duration("(7.5 hours)")->minutes == 450);
    CHECK(stated_duration("ten minutes of errors")->minutes == 10);
    CHECK_FALSE(stated_duration("a few hours"));
    CHECK_FALSE(stated_duration("at least 7 hours"));
    CHECK_FALSE(stated_duration("2-3 hours"));
}

TEST_CASE("every stated duration of a line, with the words around it", "[durations]") {
    const auto all =
        stated_durations("It took 1 hour and 31 minutes from the start, after a 7-minute outage");
    REQUIRE(all.size() == 2);
    CHECK(all[0].minutes == 91);
    CHECK(all[0].before == "took");
    CHECK(all[0].after == "from");  // the next word, past the compound amount
    CHECK(all[1].minutes == 7);
    CHECK(all[1].before == "a");
    CHECK(all[1].after == "outage");
    CHECK(stated_durations("about 2 hours, then 5 minutes")[0].approximate);
    CHECK_FALSE(stated_durations("about 2 hours, then 5 minutes")[1].approximate);
    CHECK(stated_durations("a 2-3 hour window").empty());
}

TEST_CASE("a city's time is its zone of the tz database", "[zones]") {
    // real13/004 "9:10 AM Winnipeg time", corpus/real/051 "6:37 Denver time"
    const auto tokens = tokenize_for_times("at about 9:10 AM Winnipeg time");
    const auto found = zone_in_words(tokens, 6);
    REQUIRE(found);
    CHECK(found->first.region == "America/Winnipeg");
    CHECK(found->second == 2);
    CHECK(zone_offset_on(found->first, {2025, 4, 23}) == -300);  // CDT in April
    CHECK(zone_offset_on(found->first, {2025, 1, 23}) == -360);
    // Not a city of a zone, or not followed by "time"; the Pacific's and Indian Ocean's names
    // ("Christmas time", "Easter time") are not read.
    CHECK_FALSE(zone_in_words(tokenize_for_times("lunch time"), 0));
    CHECK_FALSE(zone_in_words(tokenize_for_times("Winnipeg office"), 0));
    CHECK_FALSE(zone_in_words(tokenize_for_times("Christmas time"), 0));
    CHECK_FALSE(zone_in_words(tokenize_for_times("Easter time"), 0));
}
