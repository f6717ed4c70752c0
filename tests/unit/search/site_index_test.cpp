// Tests for search/site_index: what the site's search-index and search-docs files hold.
#include <catch2/catch.hpp>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "analyze/analyze.hpp"
#include "search/site_index.hpp"

using namespace hindsight;
using nlohmann::json;

namespace {

Postmortem postmortem(std::string slug, std::string title, int year, std::string body) {
    Postmortem pm;
    pm.slug = std::move(slug);
    pm.source = pm.slug + ".md";
    pm.title = std::move(title);
    pm.date = date::sys_days{date::year{year} / 3 / 1};
    pm.body_text = std::move(body);
    return pm;
}

const std::string& file(const OutputFiles& files, const std::string& path) {
    const auto it =
        std::find_if(files.begin(), files.end(), [&](const auto& f) { return f.path == path; });
    REQUIRE(it != files.end());
    return it->bytes;
}

Archive archive_of(std::vector<Postmortem> postmortems, const SiteConfig& config) {
    return analyze(std::move(postmortems), config, AnalyzeOptions{}).archive;
}

}  // namespace

TEST_CASE("capped_words keeps the first words and their spacing", "[site_index]") {
    CHECK(search::capped_words("one two  three four", 2) == "one two  ");
    CHECK(search::capped_words("  one two", 2) == "  one two");
    CHECK(search::capped_words("one two three", 0) == "one two three");
    CHECK(search::capped_words("", 5).empty());
}

TEST_CASE("the site index holds the configured fields, newest first in the docs", "[site_index]") {
    SiteConfig config;
    auto older = postmortem("old", "Cache stampede", 2023, "Redis evicted keys");
    older.causes = {"cache", "race-condition"};
    older.services = {"tracking"};
    older.severity = "SEV2";
    older.summary = "Tracking pages were slow.";
    older.duration = std::chrono::minutes{130};
    older.action_items.push_back({"Add request coalescing", "", ActionStatus::open, {}, {}, 3});
    auto newer = postmortem("new", "DNS forwarder broke", 2024, "CoreDNS lost its upstream");
    const Archive archive = archive_of({older, newer}, config);
    const OutputFiles files = search::site_search_files(archive, config);

    REQUIRE(files.size() == 4);
    const json index = json::parse(file(files, "search-index.json"));
    CHECK(index["version"] == "2.3.9");
    CHECK(index["fields"] ==
          json({"title", "causes", "services", "summary", "action_items", "body"}));
    const json& terms = index["invertedIndex"];
    const auto has_term = [&](const std::string& term) {
        return std::any_of(terms.begin(), terms.end(), [&](const json& t) { return t[0] == term; });
    };
    CHECK(has_term("coalesc"));  // action item
    CHECK(has_term("concurr"));  // an alias of the race-condition cause
    CHECK(has_term("coredn"));   // body

    const json docs = json::parse(file(files, "search-docs.json"));
    REQUIRE(docs.size() == 2);
    CHECK(docs[0]["ref"] == "new");
    const json& old_doc = docs[1];
    CHECK(old_doc["url"] == "postmortems/old/index.html");
    CHECK(old_doc["date"] == "2023-03-01");
    CHECK(old_doc["year"] == "2023");
    CHECK(old_doc["duration"] == "2 h 10 min");
    CHECK(old_doc["duration_minutes"] == 130);
    CHECK(old_doc["causes"][1] == json({{"key", "race-condition"}, {"label", "Race condition"}}));
    CHECK(old_doc["filters"]["cause"] == json({"cache", "race-condition"}));
    CHECK(old_doc["filters"]["service"] == json({"tracking"}));
    CHECK(old_doc["filters"]["severity"] == json({"sev2"}));
    CHECK(old_doc["text"] == "Redis evicted keys");
    CHECK(docs[0]["duration"].is_null());

    const std::string& script = file(files, "search-docs.js");
    CHECK(script.rfind("window.HindsightSearch = window.HindsightSearch || {};\n"
                       "window.HindsightSearch.docs = [",
                       0) == 0);
    CHECK(script.find(file(files, "search-docs.json")) != std::string::npos);
}

TEST_CASE("the word cap bounds what the body adds to the index", "[site_index]") {
    SiteConfig config;
    config.search.fields = {{"body", 1}};
    config.search.max_words = 3;
    const Archive archive =
        archive_of({postmortem("a", "A", 2024, "alpha bravo charlie delta echo")}, config);
    const OutputFiles files = search::site_search_files(archive, config);
    const json index = json::parse(file(files, "search-index.json"));
    std::vector<std::string> terms;
    for (const auto& term : index["invertedIndex"]) {
        terms.push_back(term[0]);
    }
    CHECK(terms == std::vector<std::string>{"alpha", "bravo", "charli"});
    CHECK(json::parse(file(files, "search-docs.json"))[0]["text"] == "alpha bravo charlie ");
}
