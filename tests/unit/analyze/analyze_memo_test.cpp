// Tests for AnalyzeMemo: a run that reuses the last run's clusters and related lists gives what a
// run without the memo gives, after every kind of edit the preview sees.
#include <catch2/catch.hpp>

#include <functional>

#include <fmt/format.h>

#include "analyze/analyze.hpp"

using namespace hindsight;

namespace {

std::vector<Postmortem> archive_of(int count) {
    const std::vector<std::string> causes = {"database", "network", "deploy", "dns"};
    const std::vector<std::string> services = {"api", "web", "billing"};
    const std::vector<std::string> promises = {"Add an alert on replication lag",
                                               "Write a runbook for failover",
                                               "Load test the checkout path", "Review the deploy"};
    std::vector<Postmortem> pms;
    for (int i = 0; i < count; ++i) {
        Postmortem pm;
        pm.slug = fmt::format("pm-{:03}", i);
        pm.source = pm.slug + ".md";
        pm.source_path = "content/" + pm.source;
        pm.date = parse_date(fmt::format("2024-{:02}-{:02}", 1 + i % 12, 1 + i % 28));
        pm.title = fmt::format("{} outage number {}", causes[i % 4], i % 7);
        pm.causes = {causes[i % 4], causes[(i / 4) % 4]};
        pm.services = {services[i % 3]};
        for (const auto& promise : {promises[i % 4], promises[(i / 3) % 4]}) {
            ActionItem item;
            item.title = promise;
            pm.action_items.push_back(std::move(item));
        }
        pms.push_back(std::move(pm));
    }
    return pms;
}

// Everything the two steps fill, compared field by field.
void require_same(const Archive& with_memo, const Archive& without) {
    REQUIRE(with_memo.related.size() == without.related.size());
    for (std::size_t p = 0; p < without.related.size(); ++p) {
        REQUIRE(with_memo.related[p].size() == without.related[p].size());
        for (std::size_t r = 0; r < without.related[p].size(); ++r) {
            CHECK(with_memo.related[p][r].postmortem == without.related[p][r].postmortem);
            CHECK(with_memo.related[p][r].score == without.related[p][r].score);
            CHECK(with_memo.related[p][r].reason == without.related[p][r].reason);
        }
    }
    CHECK(with_memo.cluster_of == without.cluster_of);
    REQUIRE(with_memo.clusters.size() == without.clusters.size());
    for (std::size_t c = 0; c < without.clusters.size(); ++c) {
        const auto& a = with_memo.clusters[c];
        const auto& b = without.clusters[c];
        CHECK(a.id == b.id);
        CHECK(a.label == b.label);
        CHECK(a.postmortems == b.postmortems);
        CHECK(a.promised_again == b.promised_again);
        CHECK(a.open == b.open);
        CHECK(a.done == b.done);
        REQUIRE(a.members.size() == b.members.size());
        for (std::size_t m = 0; m < a.members.size(); ++m) {
            CHECK(a.members[m].postmortem == b.members[m].postmortem);
            CHECK(a.members[m].item == b.members[m].item);
        }
    }
}

}  // namespace

TEST_CASE("a run with the memo gives what a run without it gives, after each kind of edit",
          "[analyze]") {
    const SiteConfig config;
    using Edit = std::function<void(std::vector<Postmortem>&)>;
    const std::vector<std::pair<std::string, Edit>> edits = {
        {"nothing", [](auto&) {}},
        {"a title", [](auto& pms) { pms[40].title = "dns resolver outage, edited"; }},
        {"a title shared with others", [](auto& pms) { pms[41].title = pms[42].title; }},
        {"a cause", [](auto& pms) { pms[7].causes = {"network"}; }},
        {"a service",
         [](auto& pms) {
             pms[8].services = {"billing", "web"};
         }},
        {"a date", [](auto& pms) { pms[9].date = parse_date("2021-06-01"); }},
        {"an action item's wording",
         [](auto& pms) { pms[10].action_items[0].title = "Page on replication lag"; }},
        {"an action item's status",
         [](auto& pms) { pms[11].action_items[1].status = ActionStatus::done; }},
        {"a postmortem added",
         [](auto& pms) {
             auto pm = pms[3];
             pm.slug = "pm-000-added";
             pms.push_back(std::move(pm));
         }},
        {"a postmortem deleted", [](auto& pms) { pms.erase(pms.begin() + 20); }},
        {"a slug changed", [](auto& pms) { pms[30].slug = "zz-renamed"; }},
    };
    AnalyzeMemo memo;
    std::vector<Postmortem> pms = archive_of(200);
    (void)analyze(pms, config, {false, 2, &memo});
    for (const auto& [name, edit] : edits) {
        SECTION(name) {
            edit(pms);
            // Twice: the second run reuses what the first, after the edit, left in the memo.
            for (int run = 0; run < 2; ++run) {
                const auto with_memo = analyze(pms, config, {false, 2, &memo}).archive;
                const auto without = analyze(pms, config, {false, 2}).archive;
                require_same(with_memo, without);
            }
        }
    }
}

TEST_CASE("the memo holds the last run's results", "[analyze]") {
    const SiteConfig config;
    AnalyzeMemo memo;
    const auto pms = archive_of(50);
    const auto archive = analyze(pms, config, {false, 1, &memo}).archive;
    CHECK(memo.related.size() == pms.size());
    CHECK(memo.related_keys.size() == pms.size());
    CHECK(memo.clusters.size() == archive.clusters.size());
    CHECK(memo.cluster_of == archive.cluster_of);
}
