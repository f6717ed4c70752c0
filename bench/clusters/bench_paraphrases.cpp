// Benchmark: clusters N action items drawn (with repeats, as an archive repeats its promises) from
// one half of tests/analyze/action_paraphrases.json and prints pairwise precision and recall over
// the items, the largest cluster and the CPU time. With "varied", each item names one of 20
// services ("... for billing"), so that the archive holds thousands of distinct wordings, as a
// real one does, rather than the few hundred of the set. Run by hand:
//   cmake --build build --target bench_paraphrases
//   build/bench/bench_paraphrases 40000 tuning|test|all [varied]
// N 0 takes each wording of the half once. HINDSIGHT_PARAPHRASES=FILE reads another labelled set
// of the same form (tests/analyze/action_intents3.json, written apart from the synonym table).
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyze/action_clusters.hpp"

namespace {

// The split of action_clusters_test.cpp: an intent is in the test half when the FNV-1a 32-bit
// hash of its name is odd.
bool in_test_half(const std::string& intent) {
    std::uint32_t hash = 0x811c9dc5u;
    for (const unsigned char c : intent) {
        hash = (hash ^ c) * 0x01000193u;
    }
    return hash % 2 == 1;
}

double pairs(double count) {
    return count * (count - 1) / 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t n = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 40000;
    const std::string half = argc > 2 ? argv[2] : "tuning";
    const bool test = half == "test";
    const char* file_env = std::getenv("HINDSIGHT_PARAPHRASES");
    std::ifstream in(file_env != nullptr ? std::string(file_env)
                                         : std::string(HINDSIGHT_SOURCE_DIR) +
                                               "/tests/analyze/action_paraphrases.json");
    const auto labelled = nlohmann::json::parse(in);
    std::vector<std::string> pool_texts, pool_intents;
    for (const auto& item : labelled) {
        if (half == "all" || in_test_half(item["intent"]) == test) {
            pool_texts.push_back(item["text"]);
            pool_intents.push_back(item["intent"]);
        }
    }
    const bool varied = argc > 3 && std::string(argv[3]) == "varied";
    const std::vector<std::string> services = {
        "checkout", "billing", "search",   "auth",    "payments", "gateway",   "ingestion",
        "reports",  "mobile",  "identity", "catalog", "orders",   "inventory", "shipping",
        "pricing",  "ledger",  "profile",  "media",   "email",    "analytics"};
    std::uint32_t state = 42;
    std::vector<std::string> texts, intents;
    const bool once = n == 0;
    if (once) {
        n = pool_texts.size();
    }
    for (std::size_t k = 0; k < n; ++k) {
        state = state * 1103515245u + 12345u;
        const std::size_t pick = once ? k : (state >> 8) % pool_texts.size();
        texts.push_back(pool_texts[pick]);
        if (varied) {
            state = state * 1103515245u + 12345u;
            texts.back() += " (" + services[(state >> 8) % services.size()] + ")";
        }
        intents.push_back(pool_intents[pick]);
    }
    const std::clock_t start = std::clock();
    // HINDSIGHT_THRESHOLD=0.4 tries another average-link threshold (the build uses 0.3).
    const char* threshold_env = std::getenv("HINDSIGHT_THRESHOLD");
    const double threshold =
        threshold_env != nullptr ? std::strtod(threshold_env, nullptr) : hindsight::kClusterThreshold;
    const auto clusters = hindsight::cluster_texts(texts, hindsight::default_synonyms(), threshold);
    const double seconds = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
    // HINDSIGHT_PARAPHRASES_SHOW=1 prints each cluster's items with their intents, for reading a
    // tuning half's misses (never run it on a test half that is to stay held out).
    if (const char* show = std::getenv("HINDSIGHT_PARAPHRASES_SHOW"); show && *show == '1') {
        std::map<std::size_t, std::vector<std::size_t>> members;
        for (std::size_t k = 0; k < n; ++k) {
            members[clusters[k]].push_back(k);
        }
        for (const auto& [cluster, items] : members) {
            std::printf("cluster %zu (%zu)\n", cluster, items.size());
            for (const std::size_t k : items) {
                std::printf("  %-28s %s\n", intents[k].c_str(), texts[k].c_str());
            }
        }
    }
    // Pairs counted from the cluster-by-intent table: linear in the items.
    std::map<std::pair<std::size_t, std::string>, double> cell;
    std::map<std::size_t, double> per_cluster;
    std::map<std::string, double> per_intent;
    for (std::size_t k = 0; k < n; ++k) {
        cell[{clusters[k], intents[k]}] += 1;
        per_cluster[clusters[k]] += 1;
        per_intent[intents[k]] += 1;
    }
    double together = 0, clustered = 0, same_intent = 0, largest = 0;
    for (const auto& [_, count] : cell) {
        together += pairs(count);
    }
    for (const auto& [_, count] : per_cluster) {
        clustered += pairs(count);
        largest = std::max(largest, count);
    }
    for (const auto& [_, count] : per_intent) {
        same_intent += pairs(count);
    }
    std::printf(
        "%zu %sitems from the %s half: pairwise precision %.3f, recall %.3f; %zu clusters, largest "
        "%.0f; %.3f s of CPU\n",
        n, varied ? "varied " : "", half.c_str(), together / clustered,
        together / same_intent, per_cluster.size(), largest, seconds);
    return 0;
}
