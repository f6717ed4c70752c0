// Tests for parse/impact_keys: which keys are about whom an incident affected, and when their
// values are shares.
#include <catch2/catch.hpp>

#include "parse/impact_keys.hpp"

using namespace hindsight;

TEST_CASE("keys other tools write for the users affected", "[impact_keys]") {
    CHECK(impact_key("users_affected_pct", false) == ImpactKey::share);
    CHECK(impact_key("users_affected_percent", false) == ImpactKey::share);
    CHECK(impact_key("affected_users_pct", false) == ImpactKey::share);
    CHECK(impact_key("impact_pct", false) == ImpactKey::share);
    CHECK(impact_key("affectedUsersPct", false) == ImpactKey::share);
    CHECK(impact_key("Customers Impacted %", false) == ImpactKey::share);
    CHECK(impact_key("users_affected", false) == ImpactKey::people);
    CHECK(impact_key("customers_affected", false) == ImpactKey::people);
    CHECK(impact_key("impacted_users", false) == ImpactKey::people);
    CHECK(impact_key("affected_users_ratio", false) == ImpactKey::fraction);
    CHECK(impact_key("user_share_affected", false) == ImpactKey::share_either);
    // Not about the users affected.
    CHECK(impact_key("total_users", false) == ImpactKey::none);
    CHECK(impact_key("error_rate", false) == ImpactKey::none);
    CHECK(impact_key("company", false) == ImpactKey::none);
    CHECK(impact_key("users", false) == ImpactKey::none);
    CHECK(impact_key("impact_scope", false) == ImpactKey::affected);
    // Inside an impact mapping "affected" goes without saying.
    CHECK(impact_key("users", true) == ImpactKey::people);
    CHECK(impact_key("pct", true) == ImpactKey::share);
    CHECK(impact_key("summary", true) == ImpactKey::summary);
    CHECK(impact_key("description", true) == ImpactKey::summary);
    CHECK(impact_key("impact_summary", false) == ImpactKey::summary);
    CHECK(impact_key("customer_impact_description", false) == ImpactKey::summary);
}

TEST_CASE("a share only from '%', people written out, or a key that says percent",
          "[impact_keys]") {
    CHECK(read_impact_value(ImpactKey::share, "30").share_pct == 30);
    CHECK(read_impact_value(ImpactKey::share, "12.5%").share_pct == 12.5);
    CHECK(read_impact_value(ImpactKey::people, "30%").share_pct == 30);
    CHECK(read_impact_value(ImpactKey::people, "30% of users").share_pct == 30);
    CHECK(read_impact_value(ImpactKey::people, "1 in 4 customers").share_pct == 25);
    CHECK(read_impact_value(ImpactKey::fraction, "0.25").share_pct == 25);
    CHECK(read_impact_value(ImpactKey::share_either, "25").share_pct == 25);
    // A bare number under a key naming people is a count, never a share.
    const auto count = read_impact_value(ImpactKey::people, "1200");
    CHECK_FALSE(count.share_pct);
    CHECK(count.count == 1200);
    CHECK(read_impact_value(ImpactKey::people, "1,200 users").count == 1200);
    CHECK_FALSE(read_impact_value(ImpactKey::people, "30").share_pct);
    // Values a share key cannot hold.
    CHECK_FALSE(read_impact_value(ImpactKey::share, "130").problem.empty());
    CHECK_FALSE(read_impact_value(ImpactKey::share, "most").problem.empty());
    CHECK_FALSE(read_impact_value(ImpactKey::fraction, "25").problem.empty());
    CHECK_FALSE(read_impact_value(ImpactKey::share_either, "0.3").problem.empty());
    CHECK_FALSE(read_impact_value(ImpactKey::people, "130%").problem.empty());
    // A key that says affected without naming people: a share from '%', nothing from a number.
    CHECK(read_impact_value(ImpactKey::affected, "30%").share_pct == 30);
    const auto level = read_impact_value(ImpactKey::affected, "1200");
    CHECK_FALSE(level.share_pct);
    CHECK_FALSE(level.count);
}

TEST_CASE("shares written as people write them", "[impact_keys]") {
    // Estimates are the share they state.
    CHECK(read_impact_value(ImpactKey::people, "about 40%").share_pct == 40);
    CHECK(read_impact_value(ImpactKey::share, "~12%").share_pct == 12);
    CHECK(read_impact_value(ImpactKey::people, "approximately 25% of users").share_pct == 25);
    CHECK(read_impact_value(ImpactKey::people, "15 percent").share_pct == 15);
    CHECK(read_impact_value(ImpactKey::people, "15 per cent of customers").share_pct == 15);
    CHECK(read_impact_value(ImpactKey::people, "40 %").share_pct == 40);
    // Everyone.
    CHECK(read_impact_value(ImpactKey::people, "All").share_pct == 100);
    CHECK(read_impact_value(ImpactKey::people, "everyone").share_pct == 100);
    CHECK(read_impact_value(ImpactKey::people, "all of our customers").share_pct == 100);
    CHECK_FALSE(read_impact_value(ImpactKey::people, "all EU regions").share_pct);
    CHECK_FALSE(read_impact_value(ImpactKey::summary, "all").share_pct);
    // Bounds and ranges are no single share: a problem, never a guess.
    for (const char* bound : {"up to 30%", "less than 1%", "< 5%", "over 50 percent", "10-20%",
                              "10 \u2013 20 %", "10 to 20%", "at least 3%"}) {
        INFO(bound);
        const auto read = read_impact_value(ImpactKey::people, bound);
        CHECK_FALSE(read.share_pct);
        CHECK_FALSE(read.problem.empty());
    }
    // A sentence that only starts with such a word still states its share.
    CHECK(
        read_impact_value(ImpactKey::none, "Over the weekend 30% of users saw errors").share_pct ==
        30);
    CHECK(read_impact_value(ImpactKey::none, "2024-01-02: 30% of users saw errors").share_pct ==
          30);
}
