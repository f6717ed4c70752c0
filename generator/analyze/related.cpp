// Scores candidate pairs found through shared causes, services and clusters, with the reason.
#include "analyze/related.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "extract/action_words.hpp"

namespace hindsight {

void find_related(Archive& archive) {
    const auto& pms = archive.postmortems;
    const std::size_t n = pms.size();
    std::map<std::string, std::vector<std::size_t>> by_cause, by_service;
    std::vector<std::set<std::size_t>> clusters_of(n);
    for (std::size_t p = 0; p < n; ++p) {
        for (const auto& c : pms[p].causes) {
            by_cause[c].push_back(p);
        }
        for (const auto& s : pms[p].services) {
            by_service[s].push_back(p);
        }
        for (const auto c : archive.cluster_of[p]) {
            if (archive.clusters[c].postmortems.size() > 1) {
                clusters_of[p].insert(c);
            }
        }
    }
    std::vector<std::vector<std::string>> title_words(n);
    for (std::size_t p = 0; p < n; ++p) {
        title_words[p] = content_words(pms[p].title);
    }
    archive.related.assign(n, {});
    for (std::size_t p = 0; p < n; ++p) {
        std::set<std::size_t> candidates;
        for (const auto& c : pms[p].causes) {
            candidates.insert(by_cause[c].begin(), by_cause[c].end());
        }
        for (const auto& s : pms[p].services) {
            candidates.insert(by_service[s].begin(), by_service[s].end());
        }
        for (const auto c : clusters_of[p]) {
            candidates.insert(archive.clusters[c].postmortems.begin(),
                              archive.clusters[c].postmortems.end());
        }
        candidates.erase(p);
        std::vector<RelatedPostmortem> scored;
        for (const std::size_t q : candidates) {
            std::vector<std::string> causes, services;
            for (const auto& c : pms[p].causes) {
                if (std::find(pms[q].causes.begin(), pms[q].causes.end(), c) !=
                    pms[q].causes.end()) {
                    causes.push_back(c);
                }
            }
            for (const auto& s : pms[p].services) {
                if (std::find(pms[q].services.begin(), pms[q].services.end(), s) !=
                    pms[q].services.end()) {
                    services.push_back(s);
                }
            }
            std::size_t actions = 0;
            for (const auto c : clusters_of[p]) {
                actions += clusters_of[q].count(c);
            }
            std::size_t words = 0;
            for (const auto& w : title_words[p]) {
                words += std::binary_search(title_words[q].begin(), title_words[q].end(), w);
            }
            const double score = 2.0 * static_cast<double>(causes.size()) +
                                 1.0 * static_cast<double>(services.size()) +
                                 2.0 * static_cast<double>(actions) +
                                 0.5 * static_cast<double>(words);
            if (score < 3.0) {
                continue;
            }
            std::vector<std::string> reasons;
            if (!causes.empty()) {
                reasons.push_back(fmt::format("same cause: {}", fmt::join(causes, ", ")));
            }
            if (!services.empty()) {
                reasons.push_back(fmt::format("same service: {}", fmt::join(services, ", ")));
            }
            if (actions > 0) {
                reasons.push_back(
                    fmt::format("{} shared action item{}", actions, actions == 1 ? "" : "s"));
            }
            scored.push_back({q, score, fmt::format("{}", fmt::join(reasons, "; "))});
        }
        std::stable_sort(scored.begin(), scored.end(), [&](const auto& a, const auto& b) {
            if (a.score != b.score) {
                return a.score > b.score;
            }
            return pms[a.postmortem].slug < pms[b.postmortem].slug;
        });
        if (scored.size() > kMaxRelated) {
            scored.resize(kMaxRelated);
        }
        archive.related[p] = std::move(scored);
    }
}

}  // namespace hindsight
