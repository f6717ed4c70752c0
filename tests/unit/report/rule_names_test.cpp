// Tests for report/rule_names.cpp: the kind of problem, without the values a message quotes.
#include <catch2/catch.hpp>

#include "report/rule_names.hpp"

using hindsight::rule_name;

TEST_CASE("rule names keep a message's words and drop what it quotes or counts", "[report]") {
    CHECK(rule_name("unknown severity 'SEV9'") == "unknown-severity");
    CHECK(rule_name("unknown front-matter key 'owner'") == "unknown-front-matter-key");
    CHECK(rule_name("'started' is not a date and time: '2024-13-01'") == "is-not-a-date-and-time");
    CHECK(rule_name("slug 'a' is already used by content/b.md:3") == "slug-is-already-used-by");
    CHECK(rule_name("cannot read site configuration: No such file") ==
          "cannot-read-site-configuration");
    CHECK(rule_name("3 errors in files this change does not touch") ==
          "errors-in-files-this-change-does");
    CHECK(rule_name("the page doesn't build") == "the-page-doesn-t-build");
    CHECK(rule_name("'x'") == "problem");
}
