// Tests for core/yaml_guard: the limits that keep hostile YAML away from yaml-cpp.
#include <catch2/catch.hpp>

#include "core/yaml_guard.hpp"

using namespace hindsight;

TEST_CASE("ordinary front matter passes", "[yaml_guard]") {
    CHECK_FALSE(check_yaml_limits("title: x\ncauses: [a, b]\nimpact:\n  summary: y\n"));
}

TEST_CASE("deep flow nesting is refused with its position", "[yaml_guard]") {
    const std::string deep = "a: " + std::string(40, '[') + std::string(40, ']') + "\n";
    const auto violation = check_yaml_limits(deep);
    REQUIRE(violation);
    CHECK(violation->message == "front matter nests deeper than 32 levels");
    CHECK(violation->line == 1);
    CHECK(violation->column == 36);
}

TEST_CASE("deep block nesting is refused", "[yaml_guard]") {
    std::string yaml;
    for (int i = 0; i < 40; ++i) {
        yaml += std::string(static_cast<std::size_t>(i) * 2, ' ') + "k:\n";
    }
    REQUIRE(check_yaml_limits(yaml));
}

TEST_CASE("alias bombs are refused", "[yaml_guard]") {
    std::string yaml = "a: &a [x, x]\n";
    for (int i = 0; i < 70; ++i) {
        yaml += "b" + std::to_string(i) + ": [*a, *a]\n";
    }
    const auto violation = check_yaml_limits(yaml);
    REQUIRE(violation);
    CHECK(violation->message == "front matter uses more than 64 aliases");
}

TEST_CASE("brackets and stars inside quotes do not count", "[yaml_guard]") {
    CHECK_FALSE(check_yaml_limits("title: '" + std::string(50, '[') + " *a *b'\n"));
}

TEST_CASE("oversized front matter is refused", "[yaml_guard]") {
    const auto violation = check_yaml_limits("t: " + std::string(70 * 1024, 'x'));
    REQUIRE(violation);
    CHECK(violation->message == "front matter is 71683 bytes, over the limit of 65536 bytes");
}

TEST_CASE("an apostrophe inside a plain scalar hides no aliases", "[yaml_guard]") {
    // "it's" is no quoted scalar: taking it for one left the rest of each line unscanned.
    std::string yaml = "a: &a [x, x]\n";
    for (int i = 0; i < 40; ++i) {
        yaml += "b" + std::to_string(i) + ": [it's, *a, *a]\n";
    }
    const auto violation = check_yaml_limits(yaml);
    REQUIRE(violation);
    CHECK(violation->message == "front matter uses more than 64 aliases");
    CHECK(violation->line == 34);
}

TEST_CASE("aliases after tabs count", "[yaml_guard]") {
    std::string yaml = "a: &a [x, x]\nb: [*a";
    for (int i = 0; i < 70; ++i) {
        yaml += ",\t*a";
    }
    REQUIRE(check_yaml_limits(yaml + "]\n"));
}

TEST_CASE("an escaped backslash ends a double-quoted string where YAML ends it", "[yaml_guard]") {
    const std::string yaml = "a: [\"x\\\\\", " + std::string(40, '[') + "]\n";
    const auto violation = check_yaml_limits(yaml);
    REQUIRE(violation);
    CHECK(violation->message == "front matter nests deeper than 32 levels");
    CHECK_FALSE(check_yaml_limits("a: \"say \\\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\\"\"\n"));
}
