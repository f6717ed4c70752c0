// Tests for analyze: drafts, duplicate slugs, newest-first order, related lists on threads.
#include <catch2/catch.hpp>

#include <fmt/format.h>

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

TEST_CASE("related postmortems are the same whatever the number of threads", "[analyze]") {
    const SiteConfig config;
    const std::vector<std::string> causes = {"database", "network", "deploy", "dns"};
    const std::vector<std::string> services = {"api", "web", "billing"};
    std::vector<Postmortem> pms;
    for (int i = 0; i < 300; ++i) {
        const std::string day = fmt::format("2024-{:02}-{:02}", 1 + i % 12, 1 + i % 28);
        auto pm = make(fmt::format("pm-{:03}", i), day.c_str());
        pm.title = fmt::format("{} outage number {}", causes[i % 4], i % 7);
        pm.causes = {causes[i % 4], causes[(i / 4) % 4]};
        pm.services = {services[i % 3]};
        pms.push_back(std::move(pm));
    }
    const auto one = analyze(pms, config, {false, 1}).archive;
    const auto four = analyze(pms, config, {false, 4}).archive;
    REQUIRE(one.related.size() == pms.size());
    REQUIRE(four.related.size() == pms.size());
    std::size_t listed = 0;
    for (std::size_t p = 0; p < pms.size(); ++p) {
        REQUIRE(one.related[p].size() == four.related[p].size());
        for (std::size_t r = 0; r < one.related[p].size(); ++r) {
            CHECK(one.related[p][r].postmortem == four.related[p][r].postmortem);
            CHECK(one.related[p][r].score == four.related[p][r].score);
            CHECK(one.related[p][r].reason == four.related[p][r].reason);
            ++listed;
        }
    }
    CHECK(listed > pms.size());  // the archive has related postmortems to compare
}
