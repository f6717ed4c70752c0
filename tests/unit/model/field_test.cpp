// Tests for model/field: one name per field, read back, and presence on a record.
#include <catch2/catch.hpp>

#include <set>

#include "model/field.hpp"
#include "model/postmortem.hpp"

using namespace hindsight;

TEST_CASE("every field has one name that reads back as it", "[field]") {
    std::set<std::string> names;
    for (int f = static_cast<int>(Field::source); f <= static_cast<int>(Field::summary); ++f) {
        const Field field = static_cast<Field>(f);
        const std::string name(field_name(field));
        CHECK(name != "unknown");
        CHECK(field_named(name) == field);
        CHECK(names.insert(name).second);
    }
    CHECK_FALSE(field_named("users_affected"));  // another tool's key is read_fields' business
}

TEST_CASE("field_names sorts by name, as postmortems.json lists them", "[field]") {
    CHECK(field_names({Field::title, Field::causes, Field::users_affected_pct, Field::date}) ==
          std::vector<std::string>{"causes", "date", "title", "users_affected_pct"});
}

TEST_CASE("has_value", "[field]") {
    Postmortem pm;
    CHECK_FALSE(has_value(pm, Field::duration_minutes));
    pm.duration = std::chrono::minutes{5};
    pm.users_affected_pct = 30;
    CHECK(has_value(pm, Field::duration_minutes));
    CHECK(has_value(pm, Field::users_affected_pct));
    CHECK_FALSE(has_value(pm, Field::summary));
}
