// Tests for core/diagnostic: the printed form and the ordering.
#include <catch2/catch.hpp>

#include "core/diagnostic.hpp"

using namespace hindsight;

TEST_CASE("diagnostics print as path:line:col: severity: message", "[diagnostic]") {
    CHECK(format_diagnostic(make_error({"content/a.md", 3, 7}, "bad")) ==
          "content/a.md:3:7: error: bad");
    CHECK(format_diagnostic(make_warning({"content/a.md", 3, 0}, "meh", "fix it")) ==
          "content/a.md:3: warning: meh\n    hint: fix it");
    CHECK(format_diagnostic(make_error({"content/a.md"}, "whole file")) ==
          "content/a.md: error: whole file");
}

TEST_CASE("diagnostics sort by file, then position", "[diagnostic]") {
    Diagnostics list = {make_error({"b.md", 1, 1}, "x"), make_warning({"a.md", 9, 1}, "y"),
                        make_error({"a.md", 2, 5}, "z")};
    sort_diagnostics(list);
    CHECK(list[0].message == "z");
    CHECK(list[1].message == "y");
    CHECK(list[2].message == "x");
    CHECK(count_errors(list) == 2);
    CHECK(count_warnings(list) == 1);
}
