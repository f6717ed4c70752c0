// Tests for parse/field_aliases: other tools' keys, matched folded, and documented.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "parse/field_aliases.hpp"

using namespace hindsight;

TEST_CASE("keys are matched without case or separators, aliases included", "[field_aliases]") {
    CHECK(field_for_key("title") == "title");
    CHECK(field_for_key("Title") == "title");
    CHECK(field_for_key("Action Items") == "action_items");
    CHECK(field_for_key("start_time") == "started");
    CHECK(field_for_key("Start Time") == "started");
    CHECK(field_for_key("startedAt") == "started");
    CHECK(field_for_key("resolvedWhen") == "resolved");
    CHECK(field_for_key("resolved_on") == "resolved");
    CHECK(field_for_key("incident-id") == "id");
    CHECK(field_for_key("team") == "");
    CHECK(action_item_field_for_key("Assignee") == "owner");
    CHECK(action_item_field_for_key("due date") == "due");
    CHECK(action_item_field_for_key("priority") == "");
}

TEST_CASE("an alias never names two fields, and no alias is a field's own name",
          "[field_aliases]") {
    for (const auto& field : known_fields()) {
        CHECK(field_for_key(field) == field);
    }
    for (const auto& alias : field_aliases()) {
        INFO(std::string(alias.alias));
        CHECK(field_for_key(alias.alias) == alias.field);
    }
    for (const auto& alias : action_item_aliases()) {
        INFO(std::string(alias.alias));
        CHECK(action_item_field_for_key(alias.alias) == alias.field);
    }
}

TEST_CASE("placeholders are what exports write for nothing known", "[field_aliases]") {
    for (const char* value : {"TBD", "N/A", "n/a", "unknown", "None", "-", "?", "ongoing"}) {
        INFO(value);
        CHECK(is_placeholder(value));
    }
    for (const char* value : {"2024-01-01", "SEV1", "x", "30%", "nothing much"}) {
        INFO(value);
        CHECK_FALSE(is_placeholder(value));
    }
}

TEST_CASE("README lists every alias", "[field_aliases]") {
    std::ifstream in(std::string(HINDSIGHT_SOURCE_DIR) + "/README.md");
    std::stringstream text;
    text << in.rdbuf();
    const std::string readme = text.str();
    for (const auto& alias : field_aliases()) {
        INFO(std::string(alias.alias));
        CHECK(readme.find("`" + std::string(alias.alias) + "`") != std::string::npos);
    }
    for (const auto& alias : action_item_aliases()) {
        INFO(std::string(alias.alias));
        CHECK(readme.find("`" + std::string(alias.alias) + "`") != std::string::npos);
    }
}
