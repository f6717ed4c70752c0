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
