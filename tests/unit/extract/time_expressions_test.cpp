// Tests for extract/time_expressions: the scanner never reads past a line's last token.
#include <catch2/catch.hpp>

#include "extract/time_expressions.hpp"

using namespace hindsight;

TEST_CASE("a year and month at the end of a line are no date, and no read past the end",
          "[time_expressions]") {
    // "2023-08" matched YYYY-M-D up to the month, then compared the token after it, past the
    // end of the token list (caught by the sanitizer build's libstdc++ assertions).
    for (const char* line : {"in 2023-08", "2023-08", "2023/1", "2024.06"}) {
        INFO(line);
        const LineTimes times = scan_times(line);
        for (const auto& instant : times.instants) {
            CHECK_FALSE(instant.date);
        }
    }
    const LineTimes full = scan_times("on 2023-08-10");
    REQUIRE(full.instants.size() == 1);
    REQUIRE(full.instants[0].date);
    CHECK(full.instants[0].date->day == 10);
}

TEST_CASE("ranges on a line of thousands of times are each found", "[time_expressions]") {
    // Each pair used to scan the whole line for its connector (quadratic: 50,000 ranges took
    // minutes); tests/e2e/bad_input_test.cpp times such a line through the whole build.
    std::string line;
    for (int i = 0; i < 5000; ++i) {
        line += "13:45 UTC to 14:00 UTC, ";
    }
    const LineTimes times = scan_times(line);
    REQUIRE(times.instants.size() == 10000);
    REQUIRE(times.ranges.size() == 5000);
    CHECK(times.ranges.back().start == 9998);
    CHECK(times.ranges.back().end == 9999);
    CHECK(scan_times("from 10:00 to 11:00 UTC").ranges.size() == 1);
    CHECK(scan_times("10:00 then, much later and after many words, 11:00").ranges.empty());
}

TEST_CASE("a minus after a clock time is a range's dash unless it is a dated time's offset",
          "[time_expressions]") {
    // "23:10-01:05 UTC" was read as 23:10 at offset -01:05 (bench/frontmatter-probe4).
    const LineTimes night = scan_times("23:10-01:05 UTC");
    REQUIRE(night.instants.size() == 2);
    CHECK(night.ranges.size() == 1);
    CHECK(night.instants[1].time->hour == 1);
    const LineTimes dated = scan_times("2023-08-10 22:00-01:00 UTC");
    CHECK(dated.instants.size() == 2);
    // An offset after a dated time, in whole or half hours and with no zone after it, stays one.
    for (const char* written : {"2023-08-10T13:45-05:00", "2023-08-10 13:45-05:00",
                                "2023-08-10 13:45-03:30", "13:45+02:00"}) {
        INFO(written);
        const LineTimes times = scan_times(written);
        REQUIRE(times.instants.size() == 1);
        REQUIRE(times.instants[0].zone);
    }
}
