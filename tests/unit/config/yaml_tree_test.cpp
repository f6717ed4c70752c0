// Tests for config/yaml_tree: what aliases do to a loaded tree is bounded before anyone reads it.
#include <catch2/catch.hpp>

#include <yaml-cpp/yaml.h>

#include "config/yaml_tree.hpp"

using namespace hindsight;

namespace {

// An anchor holding `fanout` aliases of the one before, `levels` times: fanout^levels values
// once expanded, in few enough aliases for the text guard (4 x 16 = its limit of 64).
std::string alias_bomb(int levels, int fanout) {
    std::string yaml = "a0: &a0 [lol]\n";
    for (int i = 1; i <= levels; ++i) {
        const std::string name = "a" + std::to_string(i);
        yaml += name + ": &" + name + " [";
        for (int j = 0; j < fanout; ++j) {
            yaml += (j ? ", *a" : "*a") + std::to_string(i - 1);
        }
        yaml += "]\n";
    }
    return yaml;
}

}  // namespace

TEST_CASE("front matter with a few aliases passes", "[yaml_tree]") {
    CHECK_FALSE(
        check_yaml_tree(YAML::Load("owner: &team platform\n"
                                   "action_items:\n"
                                   "  - {title: a, owner: *team}\n"
                                   "  - {title: b, owner: *team}\n")));
    CHECK_FALSE(check_yaml_tree(YAML::Load(alias_bomb(4, 4))));  // 4^4 values: fine
    CHECK_FALSE(check_yaml_tree(YAML::Load("")));
}

TEST_CASE("the largest front matter the text guard lets through passes", "[yaml_tree]") {
    std::string yaml;
    while (yaml.size() < 64 * 1024 - 8) {
        yaml += "- [a, b, c]\n";
    }
    CHECK_FALSE(check_yaml_tree(YAML::Load(yaml)));
}

TEST_CASE("a tree multiplied by aliases within their count is refused by its size", "[yaml_tree]") {
    // This one expands to 4^16 values: reading it used to run until memory ran out.
    const auto violation = check_yaml_tree(YAML::Load(alias_bomb(16, 4)));
    REQUIRE(violation);
    CHECK(violation->message == "front matter's aliases expand it to more than 262144 bytes");
}

TEST_CASE("a few aliases of a long string are refused by their bytes", "[yaml_tree]") {
    std::string yaml = "a: &a '" + std::string(60000, 'x') + "'\nb: [*a, *a, *a, *a, *a]\n";
    const auto violation = check_yaml_tree(YAML::Load(yaml));
    REQUIRE(violation);
    CHECK(violation->message == "front matter's aliases expand it to more than 262144 bytes");
}

TEST_CASE("an alias inside its own anchor is refused, not walked forever", "[yaml_tree]") {
    // yaml-cpp builds it as a cycle; reading page.extra from it overflowed the stack.
    const auto violation = check_yaml_tree(YAML::Load("title: t\nx: &a [1, *a]\n"));
    REQUIRE(violation);
    CHECK(violation->message == "front matter has an alias inside the anchor it refers to");
    CHECK(violation->line == 2);
    const auto in_a_map = check_yaml_tree(YAML::Load("x: &a {k: {j: *a}}\n"));
    REQUIRE(in_a_map);
    CHECK(in_a_map->message == "front matter has an alias inside the anchor it refers to");
}

TEST_CASE("nesting through aliases counts as nesting", "[yaml_tree]") {
    std::string yaml = "a0: &a0 [x]\n";
    for (int i = 1; i <= 40; ++i) {
        yaml += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [*a" +
                std::to_string(i - 1) + "]\n";
    }
    const auto violation = check_yaml_tree(YAML::Load(yaml));
    REQUIRE(violation);
    CHECK(violation->message == "front matter nests deeper than 32 levels");
}
