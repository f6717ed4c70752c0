// Benchmark: clusters N synthetic action items (default 100,000) and prints the wall time.
// Run by hand: cmake --build build --target bench_clusters && build/bench/bench_clusters 100000
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

#include "analyze/action_clusters.hpp"

int main(int argc, char** argv) {
    const std::size_t n = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 100000;
    // Wordings in the styles of the corpus, crossed with services and details, so the items
    // are as varied as a large archive's and repeat the way real promises do.
    const std::vector<std::string> verbs = {"Improve", "Add", "Enhance", "Set up", "Implement",
                                            "Introduce", "Review", "Automate", "Create", "Write"};
    const std::vector<std::string> promises = {
        "monitoring and alerting on error rates", "a runbook for failover",
        "load testing before peak season", "code review for config changes",
        "a canary stage in the deploy pipeline", "connection pool limits per pod",
        "certificate renewal and expiry alerts", "integration tests for the token refresh",
        "a rollback procedure for migrations", "capacity planning for the database",
        "documentation of the recovery steps", "rate limits per merchant",
        "backups of the configuration store", "a staging environment that mirrors production",
        "incident response training for on-call", "retry with exponential backoff"};
    const std::vector<std::string> services = {"checkout", "auth", "search", "billing", "tracking",
                                               "notifications", "gateway", "warehouse"};
    std::vector<std::string> texts;
    texts.reserve(n);
    unsigned state = 12345;
    const auto next = [&] { return state = state * 1103515245u + 12345u, (state >> 16) & 0x7fff; };
    for (std::size_t i = 0; i < n; ++i) {
        texts.push_back(verbs[next() % verbs.size()] + " " + promises[next() % promises.size()] +
                        " for " + services[next() % services.size()] + " (ticket " +
                        std::to_string(next() % 5000) + ")");
    }
    const auto start = std::chrono::steady_clock::now();
    const auto clusters = hindsight::cluster_texts(texts, hindsight::default_synonyms());
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const std::set<std::size_t> distinct(clusters.begin(), clusters.end());
    std::printf("clustered %zu action items into %zu clusters in %.3f s\n", n, distinct.size(),
                seconds);
    return 0;
}
