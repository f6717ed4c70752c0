// Tests for analyze/statistics: nearest-rank percentiles and the archive figures, computed by hand.
#include <catch2/catch.hpp>

#include "analyze/statistics.hpp"

using namespace hindsight;

TEST_CASE("nearest-rank median and p90, by hand", "[statistics]") {
    // Five durations: the median is the 3rd value (rank ceil(0.5*5)=3), p90 the 5th.
    const auto d = distribution_of({40, 10, 1000, 30, 20});
    CHECK(d.count == 5);
    CHECK(d.median == 30);
    CHECK(d.p90 == 1000);
    CHECK(d.max == 1000);
    CHECK(d.mean == 220);
    // Ten values 1..10: median rank 5, p90 rank 9.
    const auto ten = distribution_of({10, 9, 8, 7, 6, 5, 4, 3, 2, 1});
    CHECK(ten.median == 5);
    CHECK(ten.p90 == 9);
    CHECK(distribution_of({}).count == 0);
}

TEST_CASE("archive statistics on a small fixture", "[statistics]") {
    const auto at = [](const char* s) { return parse_timestamp(s, TimeZone::utc())->utc; };
    std::vector<Postmortem> pms(3);
    pms[0].date = parse_date("2024-01-05");
    pms[0].started = at("2024-01-05T10:00:00Z");
    pms[0].detected = at("2024-01-05T10:12:00Z");
    pms[0].duration = std::chrono::minutes{60};
    pms[0].action_items = {{"a", "", ActionStatus::open, parse_date("2024-02-01"), "", 0},
                           {"b", "", ActionStatus::done, std::nullopt, "", 0}};
    pms[1].date = parse_date("2024-03-20");
    pms[1].duration = std::chrono::minutes{30};
    pms[1].users_affected_pct = 40;
    pms[1].action_items = {{"c", "", ActionStatus::in_progress, std::nullopt, "", 0}};
    pms[2].date = parse_date("2024-03-01");
    pms[2].duration = std::chrono::minutes{600};
    const auto stats = archive_stats(pms);
    CHECK(format_date(*stats.as_of) == "2024-03-20");
    CHECK(stats.overall.duration_minutes.median == 60);  // of 30, 60, 600: rank 2
    CHECK(stats.overall.duration_minutes.p90 == 600);
    CHECK(stats.overall.time_to_detect_minutes.count == 1);
    CHECK(stats.overall.time_to_detect_minutes.median == 12);
    CHECK(stats.overall.users_affected_pct.median == 40);
    REQUIRE(stats.incidents_per_month.size() == 3);  // January to March, February empty
    CHECK(stats.incidents_per_month[1] == std::pair<std::string, int>{"2024-02", 0});
    CHECK(stats.incidents_per_month[2].second == 2);
    CHECK(stats.actions.open == 1);
    CHECK(stats.actions.in_progress == 1);
    CHECK(stats.actions.done == 1);
    CHECK(stats.actions.overdue == 1);            // due 2024-02-01, before as_of
    CHECK(stats.actions.age_30_to_90_days == 1);  // from 2024-01-05: 75 days
    CHECK(stats.actions.age_under_30_days == 1);  // from 2024-03-20: 0 days
}
