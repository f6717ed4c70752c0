// Tests for analyze: drafts, duplicate slugs, newest-first order.
#include <catch2/catch.hpp>

#include "analyze/analyze.hpp"

using namespace hindsight;

namespace {

Postmortem make(const std::string& slug, const char* day = nullptr, bool draft = false) {
    Postmortem pm;
    pm.slug = slug;
    pm.source = slug + ".md";
    pm.source_path = "content/" + slug + ".md";
    pm.draft = draft;
    if (day != nullptr) {
        pm.date = parse_date(day);
    }
    return pm;
}

}  // namespace

TEST_CASE("drafts are left out unless asked for", "[analyze]") {
    const SiteConfig config;
    std::vector<Postmortem> pms = {make("a"), make("b", nullptr, true)};
    CHECK(analyze(pms, config, {false}).archive.postmortems.size() == 1);
    CHECK(analyze(pms, config, {true}).archive.postmortems.size() == 2);
}

TEST_CASE("a slug used twice is an error naming both files", "[analyze]") {
    const SiteConfig config;
    auto first = make("db");
    first.source_path = "content/2023/db.md";
    auto second = make("db");
    second.source_path = "content/other.md";
    second.slug_line = 3;
    const auto result = analyze({first, second}, config, {});
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(format_diagnostic(result.diagnostics[0]) ==
          "content/other.md:3:1: error: slug 'db' is already used by content/2023/db.md\n    "
          "hint: give one of them another 'id' or 'slug' in its front matter, or rename the file");
    CHECK(result.archive.postmortems.size() == 1);
}

TEST_CASE("archive order: by slug, and newest first with undated last", "[analyze]") {
    const SiteConfig config;
    const auto result = analyze(
        {make("c", "2023-01-01"), make("a"), make("b", "2024-05-01"), make("d", "2024-05-01")},
        config, {});
    const auto& pms = result.archive.postmortems;
    CHECK(pms[0].slug == "a");
    std::vector<std::string> order;
    for (auto i : result.archive.newest_first) {
        order.push_back(pms[i].slug);
    }
    CHECK(order == std::vector<std::string>{"b", "d", "c", "a"});
}
