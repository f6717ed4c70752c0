// Tests for analyze/action_clusters: pairwise precision and recall against 350 hand-labelled
// action items (tests/analyze/action_intents.json, from the seeds, the real corpus and the demo),
// and the pairs known to be wrong (tests/analyze/action_cluster_expectations.tsv), which may only
// shrink.
#include <catch2/catch.hpp>

#include <fstream>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "analyze/action_clusters.hpp"
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

}  // namespace

TEST_CASE("action clustering agrees with hand-assigned intents", "[action_clusters]") {
    std::ifstream in(std::string(HINDSIGHT_SOURCE_DIR) + "/tests/analyze/action_intents.json");
    const auto labelled = nlohmann::json::parse(in);
    REQUIRE(labelled.size() >= 300);
    std::vector<std::string> texts;
    std::vector<std::string> intents;
    for (const auto& item : labelled) {
        texts.push_back(item["text"]);
        intents.push_back(item["intent"]);
    }
    const auto clusters = cluster_texts(texts, default_synonyms());
    // Pairwise: a pair is positive when both items share an intent (truth) or a cluster.
    long true_positive = 0, false_positive = 0, false_negative = 0;
    Outcomes wrong_pairs;
    for (std::size_t a = 0; a < texts.size(); ++a) {
        for (std::size_t b = a + 1; b < texts.size(); ++b) {
            const bool same_intent = intents[a] == intents[b];
            const bool same_cluster = clusters[a] == clusters[b];
            true_positive += same_intent && same_cluster;
            false_positive += !same_intent && same_cluster;
            false_negative += same_intent && !same_cluster;
            if (same_intent != same_cluster) {
                wrong_pairs[texts[a] + "\t" + texts[b]] =
                    same_cluster ? "wrongly-joined" : "wrongly-split";
            }
        }
    }
    const double precision =
        static_cast<double>(true_positive) / static_cast<double>(true_positive + false_positive);
    const double recall =
        static_cast<double>(true_positive) / static_cast<double>(true_positive + false_negative);
    std::cout << fmt::format(
        "action clustering over {} items: pairwise precision {:.3f}, recall {:.3f}\n", texts.size(),
        precision, recall);
    CHECK(precision >= 0.9);
    CHECK(recall >= 0.9);
    // Per pair: one pair going wrong fails even while precision and recall hold.
    check_ratchet(kKnownWrongPairs, wrong_pairs);
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
