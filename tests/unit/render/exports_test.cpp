// Tests for render/exports: postmortems.json schema and CSV quoting.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "render/exports.hpp"

using namespace hindsight;

namespace {

Archive one_postmortem() {
    Postmortem pm;
    pm.slug = "db";
    pm.title = "DB, \"the\" outage";
    pm.source = "2023/db.md";
    pm.started = parse_timestamp("2023-08-10T13:45:00+02:00", TimeZone::utc())->utc;
    pm.duration = std::chrono::minutes{90};
    pm.users_affected_pct = 30;
    pm.causes = {"database"};
    pm.action_items.push_back(
        {"Add alerts", "sre", ActionStatus::done, parse_date("2023-09-01"), "", 0});
    pm.inferred = {Field::title};
    Archive archive;
    archive.postmortems.push_back(pm);
    archive.newest_first = {0};
    return archive;
}

}  // namespace

TEST_CASE("postmortems.json follows DESIGN.md section 4", "[exports]") {
    const auto json = nlohmann::json::parse(postmortems_json(one_postmortem()));
    REQUIRE(json.size() == 1);
    const auto& r = json[0];
    CHECK(r["slug"] == "db");
    CHECK(r["url"] == "postmortems/db/index.html");
    CHECK(r["source"] == "2023/db.md");
    CHECK(r["started"] == "2023-08-10T11:45:00Z");
    CHECK(r["resolved"].is_null());
    CHECK(r["duration_minutes"] == 90);
    CHECK(r["users_affected_pct"].dump() == "30");
    CHECK(r["severity"].is_null());
    CHECK(r["action_items"][0]["status"] == "done");
    CHECK(r["action_items"][0]["due"] == "2023-09-01");
    CHECK(r["action_items"][0].contains("cluster"));
    CHECK(r["inferred"] == nlohmann::json::array({"title"}));
}

TEST_CASE("CSV quotes and defuses formulas", "[exports]") {
    CHECK(csv_field("plain") == "plain");
    CHECK(csv_field("a, b") == "\"a, b\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
    const std::string csv = postmortems_csv(one_postmortem());
    CHECK(csv.rfind("slug,title,url,", 0) == 0);
    CHECK(csv.find("\r\ndb,\"DB, \"\"the\"\" outage\",postmortems/db/index.html,2023/db.md,,"
                   "2023-08-10T11:45:00Z,,,,90,30,,database,,Add alerts,title\r\n") !=
          std::string::npos);
}
