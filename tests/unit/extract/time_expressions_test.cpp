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
