// Tests for render/view_models: what templates receive.
#include <catch2/catch.hpp>

#include "render/pagination.hpp"
#include "render/view_models.hpp"

using namespace hindsight;

TEST_CASE("percentages print like a person writes them", "[view_models]") {
    CHECK(format_percent(30) == "30%");
    CHECK(format_percent(12.5) == "12.5%");
    CHECK(format_percent(33.333) == "33.3%");
}

TEST_CASE("a postmortem view marks inferred values", "[view_models]") {
    SiteConfig config;
    config.title = "Acme";
    Postmortem pm;
    pm.slug = "x";
    pm.title = "T";
    pm.severity = "SEV2";
    pm.duration = std::chrono::minutes{135};
    pm.causes = {"dns", "made-up"};
    pm.inferred = {Field::duration_minutes};
    pm.headings = {{2, "a", "A"}, {3, "b", "B"}, {5, "c", "C"}};
    const auto view = postmortem_view(pm, config);
    CHECK(view["root"] == "../../");
    CHECK(view["page_title"] == "T · Acme");
    const auto& page = view["page"];
    CHECK(page["severity_class"] == "sev2");
    CHECK(page["causes"][0]["label"] == "DNS");
    CHECK(page["causes"][1]["label"] == "made-up");
    bool found = false;
    for (const auto& row : page["meta"]) {
        if (row["label"] == "Duration") {
            found = true;
            CHECK(row["value"] == "2 h 15 min");
            CHECK(row["inferred"] == true);
        }
        CHECK(row["label"] != "Detected");  // unknown values leave no empty row
    }
    CHECK(found);
    CHECK(page["toc"].size() == 2);
}

TEST_CASE("a list row marks what the text gave, and its page says what the marks mean",
          "[view_models]") {
    const SiteConfig config;
    Archive archive;
    for (const bool inferred : {false, true}) {
        Postmortem pm;
        pm.slug = inferred ? "guessed" : "declared";
        pm.title = pm.slug;
        pm.date = parse_date("2024-05-01");
        pm.duration = std::chrono::minutes{40};
        pm.users_affected_pct = 12;
        pm.causes = {"dns"};
        if (inferred) {
            pm.inferred = {Field::causes, Field::duration_minutes};
        }
        archive.postmortems.push_back(pm);
    }
    const auto declared = list_item_view(archive.postmortems[0], config);
    CHECK(declared["causes_inferred"] == false);
    CHECK(declared["duration_inferred"] == false);
    const auto guessed = list_item_view(archive.postmortems[1], config);
    CHECK(guessed["causes_inferred"] == true);
    CHECK(guessed["duration_inferred"] == true);
    CHECK(guessed["users_affected_inferred"] == false);  // declared, though its causes were not

    archive.newest_first = {0};
    CHECK(home_view(archive, config, year_spans(archive), list_page(1, 50, 1))["marks_inferred"] ==
          false);
    archive.newest_first = {0, 1};
    // The second row is on the second page only: the first page has nothing to explain.
    CHECK(home_view(archive, config, year_spans(archive), list_page(2, 1, 1))["marks_inferred"] ==
          false);
    CHECK(home_view(archive, config, year_spans(archive), list_page(2, 1, 2))["marks_inferred"] ==
          true);
}

TEST_CASE("the home view groups by year, newest first", "[view_models]") {
    const SiteConfig config;
    Archive archive;
    for (const auto& [slug, day] : std::vector<std::pair<std::string, const char*>>{
             {"a", "2023-03-01"}, {"b", "2024-01-01"}, {"c", "2023-09-01"}}) {
        Postmortem pm;
        pm.slug = slug;
        pm.title = slug;
        pm.date = parse_date(day);
        archive.postmortems.push_back(pm);
    }
    archive.newest_first = {1, 2, 0};
    const auto view = home_view(archive, config, year_spans(archive), list_page(3, 50, 1));
    REQUIRE(view["years"].size() == 2);
    CHECK(view["years"][0]["year"] == "2024");
    CHECK(view["years"][1]["count"] == 2);
    CHECK(view["years"][1]["postmortems"][0]["title"] == "c");
    CHECK(view["root"] == "");
    CHECK(view["pagination"]["has_pager"] == false);
}

TEST_CASE("a home page shows only its slice, with every year in the year list", "[view_models]") {
    SiteConfig config;
    config.page_size = 2;
    Archive archive;
    for (const auto& [slug, day] :
         std::vector<std::pair<std::string, const char*>>{{"a", "2022-03-01"},
                                                          {"b", "2024-01-01"},
                                                          {"c", "2023-09-01"},
                                                          {"d", "2023-02-01"},
                                                          {"e", "2022-01-01"}}) {
        Postmortem pm;
        pm.slug = slug;
        pm.title = slug;
        pm.date = parse_date(day);
        archive.postmortems.push_back(pm);
    }
    archive.newest_first = {1, 2, 3, 0, 4};  // 2024 b; 2023 c d; 2022 a e
    const auto spans = year_spans(archive);
    const auto second = home_view(archive, config, spans, list_page(5, 2, 2));
    CHECK(second["root"] == "../../");
    CHECK(second["page_title"] == "Incident archive · page 2");
    // Page 2 holds d (the rest of 2023) and a (the start of 2022).
    REQUIRE(second["years"].size() == 2);
    CHECK(second["years"][0]["year"] == "2023");
    CHECK(second["years"][0]["continued"] == true);
    CHECK(second["years"][0]["count"] == 2);  // the year's total, not the page's
    CHECK(second["years"][0]["postmortems"].size() == 1);
    CHECK(second["years"][1]["year"] == "2022");
    CHECK(second["years"][1]["continued"] == false);
    REQUIRE(second["year_nav"].size() == 3);
    CHECK(second["year_nav"][0]["url"] == "index.html#y-2024");
    CHECK(second["year_nav"][1]["url"] == "index.html#y-2023");
    CHECK(second["year_nav"][2]["url"] == "page/2/index.html#y-2022");
    CHECK(second["count"] == 5);
    CHECK(second["pagination"]["prev_url"] == "index.html");
    CHECK(second["pagination"]["next_url"] == "page/3/index.html");
}

TEST_CASE("the 404 page links from the site root, on the site's own server", "[view_models]") {
    SiteConfig config;
    CHECK(not_found_view(config)["root"] == "/");
    config.base_url = "https://wiki.example.com/incidents";
    CHECK(not_found_view(config)["root"] == "/incidents/");
    config.base_url = "https://wiki.example.com";
    CHECK(not_found_view(config)["root"] == "/");
    config.base_url = "//wiki.example.com/a/b/";
    CHECK(not_found_view(config)["root"] == "/a/b/");
    config.base_url = "/docs";
    CHECK(not_found_view(config)["root"] == "/docs/");
    // Config reading drops such a base_url with a warning; the page does not rely on that.
    config.base_url = "javascript:alert(1)//";
    CHECK(not_found_view(config)["root"] == "/");
    CHECK(site_base_url(config).empty());
}

TEST_CASE("an action item link outside the allowlist is marked to be shown as text",
          "[view_models]") {
    const SiteConfig config;
    Postmortem pm;
    pm.slug = "x";
    pm.title = "T";
    pm.action_items.push_back({});
    pm.action_items.back().title = "a";
    pm.action_items.back().link = "https://tracker.example/1";
    pm.action_items.push_back(pm.action_items.back());
    pm.action_items.back().link = "javascript:alert(3)";
    const auto view = postmortem_view(pm, config);
    const auto& items = view["page"]["action_items"];
    CHECK(items[0]["link_is_safe"] == true);
    CHECK(items[1]["has_link"] == true);
    CHECK(items[1]["link_is_safe"] == false);
}

TEST_CASE("the home headline gives the median and the most-promised action", "[view_models]") {
    const SiteConfig config;
    Archive archive;
    archive.stats.overall.duration_minutes = Distribution{3, 90, 600, 600, 250, {30, 90, 600}};
    archive.causes.push_back({"dns", "DNS", {0, 1}, {}});
    ActionCluster cluster;
    cluster.id = "monitoring";
    cluster.label = "Improve monitoring";
    cluster.postmortems = {0, 1};
    archive.clusters.push_back(cluster);
    const auto headline = home_view(archive, config, year_spans(archive),
                                    list_page(archive.postmortems.size(), 50, 1))["headline"];
    CHECK(headline["median"] == "1 h 30 min");
    CHECK(headline["top_cause_url"] == "causes/dns/index.html");
    CHECK(headline["has_recurring"] == true);
    CHECK(headline["recurring_count"] == 2);
    CHECK(home_view(Archive{}, config, {}, list_page(0, 50, 1))["headline"]["has_median"] == false);
}

TEST_CASE("evidence is text: one entry per source line, naming the rows read from it",
          "[view_models]") {
    const SiteConfig config;
    Postmortem pm;
    pm.slug = "x";
    pm.title = "T";
    pm.started = parse_timestamp("2024-05-01T10:00:00Z", config.time_zone)->utc;
    pm.duration = std::chrono::minutes{90};
    pm.users_affected_pct = 40;
    pm.inferred = {Field::started, Field::duration_minutes, Field::users_affected_pct};
    pm.evidence[Field::started] = {9, "Duration: 10:00 - 11:30 UTC"};
    pm.evidence[Field::duration_minutes] = {9, "Duration: 10:00 - 11:30 UTC"};
    pm.evidence[Field::users_affected_pct] = {4, std::string(300, 'a') + " b"};
    const auto page = postmortem_view(pm, config)["page"];
    REQUIRE(page["has_evidence"] == true);
    REQUIRE(page["evidence"].size() == 2);
    // In the order of the file, each with the rows it gave.
    CHECK(page["evidence"][0]["where"] == "line 4");
    CHECK(page["evidence"][0]["fields"] == "Users affected");
    CHECK(page["evidence"][0]["text"].get<std::string>().size() < 210);  // cut, with an ellipsis
    CHECK(page["evidence"][1]["fields"] == "Started, Duration");
    CHECK(page["evidence"][1]["text"] == "Duration: 10:00 - 11:30 UTC");
    for (const auto& row : page["meta"]) {
        if (row["label"] == "Started" || row["label"] == "Duration") {
            CHECK(row["evidence_id"] == page["evidence"][1]["id"]);
            CHECK(row["evidence_where"] == "line 9");
        }
    }
}
