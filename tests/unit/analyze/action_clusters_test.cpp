// Tests for analyze/action_clusters: pairwise precision and recall against 350 hand-labelled
// action items (tests/analyze/action_intents.json, from the seeds, the real corpus and the demo),
// the pairs known to be wrong (tests/analyze/action_cluster_expectations.tsv), which may only
// shrink, and 385 paraphrases of 37 intents (tests/analyze/action_paraphrases.json) split into a
// tuning half and a held-out test half.
#include <catch2/catch.hpp>

#include <cstdint>
#include <fstream>
#include <iostream>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "analyze/action_clusters.hpp"
#include "analyze/action_phrases.hpp"
#include "support/expectations.hpp"

using namespace hindsight;
using namespace hindsight::test;

namespace {

// Every pair of labelled items is right unless listed: "wrongly-joined" (one cluster, two
// intents) or "wrongly-split" (one intent, two clusters).
const Ratchet kKnownWrongPairs{
    std::string(HINDSIGHT_SOURCE_DIR) + "/tests/analyze/action_cluster_expectations.tsv",
    "The pairs of tests/analyze/action_intents.json that clustering gets wrong, one per line:\n"
    "wrongly-joined (one cluster, different intents) or wrongly-split (one intent, two clusters);\n"
    "every pair not listed is right. The test fails when a pair goes wrong, and when a listed\n"
    "pair comes right until this table is tightened. Regenerate it only to tighten it or in the\n"
    "commit that revises the intents (CONTRIBUTING.md):\n"
    "  HINDSIGHT_UPDATE_EXPECTATIONS=1 ctest --test-dir build -R 'agrees with hand-assigned'\n"
    "item\titem\toutcome (the two items in the order of action_intents.json)",
    "agrees with hand-assigned", [](const std::string& outcome) { return outcome == "right"; },
    "right"};

// The half of tests/analyze/action_paraphrases.json an intent belongs to, by a rule fixed before
// the items were written: test when the FNV-1a 32-bit hash of its name is odd.
bool in_test_half(const std::string& intent) {
    std::uint32_t hash = 0x811c9dc5u;
    for (const unsigned char c : intent) {
        hash = (hash ^ c) * 0x01000193u;
    }
    return hash % 2 == 1;
}

// Pairwise: a pair is positive when both items share an intent (truth) or a cluster.
struct PairScore {
    double precision = 0;
    double recall = 0;
    Outcomes wrong_pairs;  // "wrongly-joined" (two intents) or "wrongly-split" (one intent)
};

PairScore pairwise(const std::vector<std::string>& texts, const std::vector<std::string>& intents) {
    const auto clusters = cluster_texts(texts, default_synonyms());
    long true_positive = 0, false_positive = 0, false_negative = 0;
    PairScore score;
    for (std::size_t a = 0; a < texts.size(); ++a) {
        for (std::size_t b = a + 1; b < texts.size(); ++b) {
            const bool same_intent = intents[a] == intents[b];
            const bool same_cluster = clusters[a] == clusters[b];
            true_positive += same_intent && same_cluster;
            false_positive += !same_intent && same_cluster;
            false_negative += same_intent && !same_cluster;
            if (same_intent != same_cluster) {
                score.wrong_pairs[texts[a] + "\t" + texts[b]] =
                    same_cluster ? "wrongly-joined" : "wrongly-split";
            }
        }
    }
    score.precision =
        static_cast<double>(true_positive) / static_cast<double>(true_positive + false_positive);
    score.recall =
        static_cast<double>(true_positive) / static_cast<double>(true_positive + false_negative);
    return score;
}

// The items of a labelled set in tests/analyze/, and the intent of each.
std::pair<std::vector<std::string>, std::vector<std::string>> read_labelled(
    const std::string& name) {
    std::ifstream in(std::string(HINDSIGHT_SOURCE_DIR) + "/tests/analyze/" + name);
    std::vector<std::string> texts;
    std::vector<std::string> intents;
    for (const auto& item : nlohmann::json::parse(in)) {
        texts.push_back(item["text"]);
        intents.push_back(item["intent"]);
    }
    return {texts, intents};
}

// A score that may only go up: below its floor fails, and so does more than 0.005 above it
// until the floor is raised to what is measured (never lowered to let a change through).
void check_floor(std::string_view what, double measured, double floor) {
    INFO(what << ": measured " << measured << ", floor " << floor);
    CHECK(measured >= floor);
    CHECK(measured < floor + 0.005);
}

}  // namespace

TEST_CASE("action clustering agrees with hand-assigned intents", "[action_clusters]") {
    const auto [texts, intents] = read_labelled("action_intents.json");
    REQUIRE(texts.size() >= 300);
    const auto score = pairwise(texts, intents);
    std::cout << fmt::format(
        "action clustering over {} items: pairwise precision {:.3f}, recall {:.3f}\n", texts.size(),
        score.precision, score.recall);
    // These labels are themes more than intents: one "monitoring-alerting" holds 68 items about
    // error rates, disks, uptime probes, pools and memory, which clustering by intent keeps
    // apart (issue 13); recall on them is therefore low by design. Tuning data.
    check_floor("precision on action_intents.json", score.precision, 0.733);
    check_floor("recall on action_intents.json", score.recall, 0.422);
    // Per pair: one pair going wrong fails even while precision and recall hold.
    check_ratchet(kKnownWrongPairs, score.wrong_pairs);
}

TEST_CASE("action clustering on paraphrases, tuning half and held-out half", "[action_clusters]") {
    std::ifstream in(std::string(HINDSIGHT_SOURCE_DIR) + "/tests/analyze/action_paraphrases.json");
    const auto labelled = nlohmann::json::parse(in);
    REQUIRE(labelled.size() >= 350);
    std::map<bool, std::pair<std::vector<std::string>, std::vector<std::string>>> halves;
    for (const auto& item : labelled) {
        auto& half = halves[in_test_half(item["intent"])];
        half.first.push_back(item["text"]);
        half.second.push_back(item["intent"]);
    }
    const auto tuning = pairwise(halves[false].first, halves[false].second);
    const auto test = pairwise(halves[true].first, halves[true].second);
    std::cout << fmt::format(
        "paraphrases: tuning half ({} items) precision {:.3f}, recall {:.3f}; test half ({} "
        "items) precision {:.3f}, recall {:.3f}\n",
        halves[false].first.size(), tuning.precision, tuning.recall, halves[true].first.size(),
        test.precision, test.recall);
    // Ratchets at what is measured; the targets are 0.90 and 0.75 on both halves. The test half
    // is never tuned on: its floor records how far what was tuned elsewhere carries.
    check_floor("tuning-half precision", tuning.precision, 0.901);
    check_floor("tuning-half recall", tuning.recall, 0.720);
    check_floor("test-half precision", test.precision, 0.741);
    check_floor("test-half recall", test.recall, 0.449);
}

TEST_CASE("action clustering on a set written apart from the synonym table", "[action_clusters]") {
    // tests/analyze/action_intents3.json: 57 intents, 450 items (171 verbatim from real
    // postmortems), written by a helper who read neither the table nor the earlier sets, with
    // close neighbours kept apart (disk, memory, queue-lag and certificate alerts; dashboards;
    // restore drills beside backups; chaos testing beside training). Never tuned on: one attempt
    // raised its tuning half (0.559/0.479 to 0.679/0.577) and lowered its test half and both
    // earlier held-out figures, so it was not kept (bench/RESULTS.md).
    const auto [texts, intents] = read_labelled("action_intents3.json");
    REQUIRE(texts.size() >= 400);
    const auto score = pairwise(texts, intents);
    std::cout << fmt::format(
        "action_intents3: {} items, pairwise precision {:.3f}, recall {:.3f}\n", texts.size(),
        score.precision, score.recall);
    check_floor("precision on action_intents3.json", score.precision, 0.379);
    check_floor("recall on action_intents3.json", score.recall, 0.486);
}

TEST_CASE("alerts on a signal that is its own promise leave general alerting",
          "[action_clusters]") {
    // Issue 13: one monitoring cluster swallowed disk alerts, queue-lag alerts, clock checks,
    // SLOs and synthetic probes. Each is its own promise; general alerting is one too.
    const auto clusters = cluster_texts(
        {"Improve alerting so the on-call engineer is paged on errors",
         "Set up alerts for critical metrics", "Alert when the root partition is 90% full",
         "Page when consumer lag on the events topic keeps growing",
         "Alert when NTP drift on a host passes 50 ms",
         "Page on a fast burn of the checkout error budget",
         "Add an uptime probe for the login page from outside the network",
         "Add monitoring and alerting on error rates", "Watch free disk space on the log hosts",
         "Alert on the error budget burn rate of search"},
        default_synonyms());
    CHECK(clusters[0] == clusters[1]);
    CHECK(clusters[0] == clusters[7]);
    CHECK(clusters[2] == clusters[8]);
    CHECK(clusters[5] == clusters[9]);
    for (std::size_t specific = 2; specific <= 6; ++specific) {
        INFO("item " << specific);
        CHECK(clusters[specific] != clusters[0]);
    }
}

TEST_CASE("a phrase word matches its inflections, not every word it begins", "[action_clusters]") {
    CHECK(phrase_word_matches("alert", "alerting"));
    CHECK(phrase_word_matches("alert", "alerts"));
    CHECK(phrase_word_matches("throttle", "throttling"));
    CHECK(phrase_word_matches("log", "logging"));
    CHECK(phrase_word_matches("pin", "pinned"));
    CHECK_FALSE(phrase_word_matches("log", "login"));
    CHECK_FALSE(phrase_word_matches("cert", "certain"));
    CHECK(phrase_word_matches("autoscal*", "autoscaler"));
}

TEST_CASE("a site's own concept ranks before the general ones", "[action_clusters]") {
    // "Alert on replication lag" names monitoring (general) and the site's concept: the
    // concept is the promise, so its items cluster with the site's other wording of it.
    auto synonyms = default_synonyms();
    synonyms.push_back({"replication-lag", {"replication lag", "replica delay"}});
    const auto clusters =
        cluster_texts({"Alert on replication lag", "Add monitoring",
                       "Page when the replica delay passes a minute", "Improve alerting"},
                      synonyms);
    CHECK(clusters[0] == clusters[2]);
    CHECK(clusters[1] == clusters[3]);
    CHECK(clusters[0] != clusters[1]);
}

TEST_CASE("items with nothing to compare by are one cluster only when worded alike",
          "[action_clusters]") {
    const auto clusters = cluster_texts({"Done", "Improve it", "Done"}, default_synonyms());
    CHECK(clusters[0] == clusters[2]);
    CHECK(clusters[0] != clusters[1]);
}

TEST_CASE("load testing is not load balancing", "[action_clusters]") {
    const auto clusters = cluster_texts(
        {"Increase load testing before launches", "Review the load balancer configuration",
         "Conduct load testing with realistic traffic"},
        default_synonyms());
    CHECK(clusters[0] == clusters[2]);
    CHECK(clusters[0] != clusters[1]);
}

TEST_CASE("monitoring promises worded differently cluster together", "[action_clusters]") {
    const auto clusters = cluster_texts(
        {"Enhance monitoring to proactively detect unusual spikes in errors",
         "Implement more granular monitoring and alerting", "Set up alerts for critical metrics"},
        default_synonyms());
    CHECK(clusters[0] == clusters[1]);
    CHECK(clusters[1] == clusters[2]);
}

TEST_CASE("a cluster of 20,000 promises is labelled by its most central wording",
          "[action_clusters]") {
    // Labelling compared every pair of members: minutes for one postmortem's pasted tracker
    // export. Now each distinct wording is scored once, weighted by its count.
    Archive archive;
    Postmortem pm;
    pm.slug = "export";
    for (int i = 0; i < 20000; ++i) {
        ActionItem item;
        item.title = i % 4 == 0 ? "Add an alert on disk usage for host " + std::to_string(i)
                                : "Add an alert on disk usage";
        pm.action_items.push_back(item);
    }
    archive.postmortems.push_back(pm);
    archive.newest_first = {0};
    cluster_actions(archive, SiteConfig{});
    REQUIRE_FALSE(archive.clusters.empty());
    CHECK(archive.clusters[0].label == "Add an alert on disk usage");
    CHECK(archive.clusters[0].postmortems == std::vector<std::size_t>{0});
}
