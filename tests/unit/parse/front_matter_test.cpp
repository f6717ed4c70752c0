// Tests for parse/front_matter: fences and line bookkeeping.
#include <catch2/catch.hpp>

#include "parse/front_matter.hpp"

using namespace hindsight;

TEST_CASE("front matter between fences", "[front_matter]") {
    const auto split = split_front_matter("---\ntitle: x\n---\n# Body\n");
    CHECK(split.present);
    CHECK(split.terminated);
    CHECK(split.yaml == "title: x\n");
    CHECK(split.yaml_first_line == 2);
    CHECK(split.body == "# Body\n");
    CHECK(split.body_first_line == 4);
}

TEST_CASE("'...' also closes, trailing spaces are allowed", "[front_matter]") {
    const auto split = split_front_matter("---  \na: 1\n...\nbody");
    CHECK(split.terminated);
    CHECK(split.body == "body");
}

TEST_CASE("no front matter leaves the text as body", "[front_matter]") {
    const auto split = split_front_matter("# Title\n---\n");
    CHECK_FALSE(split.present);
    CHECK(split.body == "# Title\n---\n");
}

TEST_CASE("unterminated front matter keeps the whole text", "[front_matter]") {
    const auto split = split_front_matter("---\ntitle: x\nbody\n");
    CHECK(split.present);
    CHECK_FALSE(split.terminated);
    CHECK(split.body == "---\ntitle: x\nbody\n");
}

TEST_CASE("front matter with nothing after it", "[front_matter]") {
    const auto split = split_front_matter("---\ntitle: x\n---");
    CHECK(split.terminated);
    CHECK(split.body.empty());
}

TEST_CASE("tabs in indentation are found", "[front_matter]") {
    const auto tab = find_indentation_tab("a:\n  b: 1\n\tc: 2\n");
    REQUIRE(tab);
    CHECK(tab->line == 3);
    CHECK(tab->column == 1);
    CHECK_FALSE(find_indentation_tab("a: \"x\ty\"\n"));
}
