// Tests for core/slug.
#include <catch2/catch.hpp>

#include "core/slug.hpp"

using namespace hindsight;

TEST_CASE("slugify keeps letters and digits and joins the rest with dashes", "[slug]") {
    CHECK(slugify("INC-2023-042") == "inc-2023-042");
    CHECK(slugify("  Root Cause & Resolution: ") == "root-cause-resolution");
    CHECK(slugify("../../etc/passwd") == "etc-passwd");
    CHECK(slugify("Caf\xC3\xA9 outage") == "caf-outage");
    CHECK(slugify("///") == "");
}

TEST_CASE("is_slug accepts only clean slugs", "[slug]") {
    CHECK(is_slug("db-outage-2"));
    CHECK_FALSE(is_slug("../db"));
    CHECK_FALSE(is_slug("a/b"));
    CHECK_FALSE(is_slug("Upper"));
    CHECK_FALSE(is_slug(""));
}
