// Tests for core/suggest.
#include <catch2/catch.hpp>

#include "core/suggest.hpp"

using namespace hindsight;

TEST_CASE("edit distance", "[suggest]") {
    CHECK(edit_distance("kitten", "sitting") == 3);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("same", "same") == 0);
}

TEST_CASE("closest match suggests near misses only", "[suggest]") {
    const std::vector<std::string> keys = {"started", "resolved", "severity", "services"};
    CHECK(closest_match("serverity", keys) == "severity");
    CHECK(closest_match("Resolvd", keys) == "resolved");
    CHECK_FALSE(closest_match("customer_tickets", keys));
}
