// Scores candidate pairs found through shared causes, services and clusters, with the reason.
#include "analyze/related.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "analyze/analyze.hpp"
#include "core/parallel.hpp"
#include "extract/action_words.hpp"

namespace hindsight {

namespace {

// A postmortem meets, through each cause, service and recurring action it shares, at most this
// many others on each side of it in date order: the nearest in time, where a large group (every
// database incident of ten years) would otherwise make every pair a candidate. Groups of up to
// 2 * kWindow + 1 postmortems are taken whole, so small archives score every pair.
constexpr std::size_t kWindow = 32;

void add_window(const std::vector<std::size_t>& list, std::size_t at,
                std::vector<std::size_t>& candidates) {
    const std::size_t from = at > kWindow ? at - kWindow : 0;
    const std::size_t to = std::min(list.size(), at + kWindow + 1);
    candidates.insert(candidates.end(), list.begin() + static_cast<std::ptrdiff_t>(from),
                      list.begin() + static_cast<std::ptrdiff_t>(to));
}

// What a postmortem is compared by, as small integers so that scoring a pair compares no strings.
struct Features {
    std::vector<std::uint32_t> causes;    // in the postmortem's order (reasons list them so)
    std::vector<std::uint32_t> services;  // in the postmortem's order
    std::vector<std::uint32_t> sorted_causes;
    std::vector<std::uint32_t> sorted_services;
    std::vector<std::size_t> clusters;       // recurring clusters, sorted
    std::vector<std::uint32_t> title_words;  // sorted
};

std::uint32_t intern(std::unordered_map<std::string, std::uint32_t>& ids, const std::string& s) {
    return ids.emplace(s, static_cast<std::uint32_t>(ids.size())).first->second;
}

template <typename T>
std::vector<T> sorted(std::vector<T> values) {
    std::sort(values.begin(), values.end());
    return values;
}

template <typename T>
std::size_t count_in(const std::vector<T>& wanted, const std::vector<T>& sorted_values) {
    std::size_t n = 0;
    for (const T& v : wanted) {
        n += std::binary_search(sorted_values.begin(), sorted_values.end(), v) ? 1 : 0;
    }
    return n;
}

std::string reason(const Postmortem& p, const Postmortem& q, std::size_t actions) {
    std::vector<std::string> causes, services;
    for (const auto& c : p.causes) {
        if (std::find(q.causes.begin(), q.causes.end(), c) != q.causes.end()) {
            causes.push_back(c);
        }
    }
    for (const auto& s : p.services) {
        if (std::find(q.services.begin(), q.services.end(), s) != q.services.end()) {
            services.push_back(s);
        }
    }
    std::vector<std::string> reasons;
    if (!causes.empty()) {
        reasons.push_back(fmt::format("same cause: {}", fmt::join(causes, ", ")));
    }
    if (!services.empty()) {
        reasons.push_back(fmt::format("same service: {}", fmt::join(services, ", ")));
    }
    if (actions > 0) {
        reasons.push_back(fmt::format("{} shared action item{}", actions, actions == 1 ? "" : "s"));
    }
    return fmt::format("{}", fmt::join(reasons, "; "));
}

// A postmortem's features and its candidates', each with its features, hashed in one call over
// a buffer (about 400 candidates a postmortem: a call per value cost more than the hashing).
Digest candidates_key(const std::vector<Digest>& features, std::size_t p,
                      const std::vector<std::size_t>& candidates,
                      std::vector<std::uint64_t>& buffer) {
    buffer.clear();
    buffer.push_back(features[p].high);
    buffer.push_back(features[p].low);
    for (const std::size_t q : candidates) {
        buffer.push_back(q);
        buffer.push_back(features[q].high);
        buffer.push_back(features[q].low);
    }
    return hash_bytes(std::string_view(reinterpret_cast<const char*>(buffer.data()),
                                       buffer.size() * sizeof(std::uint64_t)));
}

}  // namespace

void find_related(Archive& archive, unsigned threads, AnalyzeMemo* memo) {
    const auto& pms = archive.postmortems;
    const std::size_t n = pms.size();
    std::unordered_map<std::string, std::uint32_t> cause_ids, service_ids, word_ids;
    std::vector<Features> features(n);
    // With a memo: a hash of everything a postmortem is scored by (and shown by, in a reason),
    // and of the archive's slugs, which give postmortems their numbers.
    std::vector<Digest> feature_digests(memo != nullptr ? n : 0);
    Hasher slugs;
    for (std::size_t p = 0; p < n; ++p) {
        Features& f = features[p];
        for (const auto& c : pms[p].causes) {
            f.causes.push_back(intern(cause_ids, c));
        }
        for (const auto& s : pms[p].services) {
            f.services.push_back(intern(service_ids, s));
        }
        f.sorted_causes = sorted(f.causes);
        f.sorted_services = sorted(f.services);
        for (const auto c : archive.cluster_of[p]) {
            if (archive.clusters[c].postmortems.size() > 1) {
                f.clusters.push_back(c);
            }
        }
        f.clusters = sorted(std::move(f.clusters));
        f.clusters.erase(std::unique(f.clusters.begin(), f.clusters.end()), f.clusters.end());
        const auto words = content_words(pms[p].title);
        for (const auto& w : words) {
            f.title_words.push_back(intern(word_ids, w));
        }
        f.title_words = sorted(std::move(f.title_words));
        if (memo != nullptr) {
            slugs.add(pms[p].slug);
            Hasher h;
            h.add(pms[p].slug).add_number(pms[p].causes.size());
            for (const auto& c : pms[p].causes) {
                h.add(c);
            }
            h.add_number(pms[p].services.size());
            for (const auto& service : pms[p].services) {
                h.add(service);
            }
            h.add_number(f.clusters.size());
            for (const auto c : f.clusters) {
                h.add_number(c);
            }
            h.add_number(words.size());
            for (const auto& w : words) {
                h.add(w);
            }
            feature_digests[p] = h.digest();
        }
    }
    // A list is reused when the postmortem's features and its candidates (each with its
    // features) are what they were: nothing else enters its scores or its reasons.
    const bool reuse = memo != nullptr && memo->related_slugs == slugs.digest() &&
                       memo->related_keys.size() == n && memo->related.size() == n;
    std::vector<Digest> keys(memo != nullptr ? n : 0);
    // Lists are filled in date order (newest first), so neighbours in a list are near in time.
    std::vector<std::vector<std::size_t>> by_cause(cause_ids.size()),
        by_service(service_ids.size());
    std::vector<std::vector<std::size_t>> by_cluster(archive.clusters.size());
    // Where p sits in each of its lists, in the order: causes, services, clusters.
    std::vector<std::vector<std::size_t>> positions(n);
    for (const std::size_t p : archive.newest_first) {
        const auto place = [&](std::vector<std::size_t>& list) {
            positions[p].push_back(list.size());
            list.push_back(p);
        };
        for (const auto c : features[p].causes) {
            place(by_cause[c]);
        }
        for (const auto s : features[p].services) {
            place(by_service[s]);
        }
        for (const auto c : features[p].clusters) {
            place(by_cluster[c]);
        }
    }
    // The candidates of each postmortem follow from where every postmortem sits in the lists:
    // when that is as it was (only titles or other text changed), last run's candidates stand.
    Hasher placement;
    if (memo != nullptr) {
        for (const std::size_t p : archive.newest_first) {
            placement.add_number(p).add_number(features[p].causes.size());
            for (const auto& c : pms[p].causes) {
                placement.add(c);
            }
            placement.add_number(features[p].services.size());
            for (const auto& service : pms[p].services) {
                placement.add(service);
            }
            placement.add_number(features[p].clusters.size());
            for (const auto c : features[p].clusters) {
                placement.add_number(c);
            }
        }
    }
    const bool same_candidates = reuse && memo->related_placement == placement.digest() &&
                                 memo->related_candidates.size() == n;
    std::vector<std::vector<std::uint32_t>> kept_candidates(memo != nullptr ? n : 0);
    archive.related.assign(n, {});
    struct Scored {
        std::size_t postmortem;
        double score;
        std::size_t actions;
    };
    // Each postmortem's list is its own: they are scored on several threads, each writing only
    // the lists it takes.
    run_on_threads(n, threads, [&](IndexQueue& queue) {
        std::vector<std::size_t> candidates;
        std::vector<std::uint64_t> key_buffer;
        std::vector<Scored> scored;
        for (std::size_t p = 0; queue.next(p);) {
            const Features& f = features[p];
            candidates.clear();
            if (same_candidates) {
                const auto& last = memo->related_candidates[p];
                candidates.assign(last.begin(), last.end());
            } else {
                std::size_t k = 0;
                for (const auto c : f.causes) {
                    add_window(by_cause[c], positions[p][k++], candidates);
                }
                for (const auto s : f.services) {
                    add_window(by_service[s], positions[p][k++], candidates);
                }
                for (const auto c : f.clusters) {
                    add_window(by_cluster[c], positions[p][k++], candidates);
                }
                std::sort(candidates.begin(), candidates.end());
                candidates.erase(std::unique(candidates.begin(), candidates.end()),
                                 candidates.end());
            }
            if (memo != nullptr) {
                kept_candidates[p].assign(candidates.begin(), candidates.end());
                keys[p] = candidates_key(feature_digests, p, candidates, key_buffer);
                if (reuse && memo->related_keys[p] == keys[p]) {
                    archive.related[p] = memo->related[p];
                    continue;
                }
            }
            scored.clear();
            for (const std::size_t q : candidates) {
                if (q == p) {
                    continue;
                }
                const Features& g = features[q];
                const std::size_t actions = count_in(f.clusters, g.clusters);
                const double score =
                    2.0 * static_cast<double>(count_in(f.causes, g.sorted_causes)) +
                    1.0 * static_cast<double>(count_in(f.services, g.sorted_services)) +
                    2.0 * static_cast<double>(actions) +
                    0.5 * static_cast<double>(count_in(f.title_words, g.title_words));
                if (score >= 3.0) {
                    scored.push_back({q, score, actions});
                }
            }
            const auto better = [&](const Scored& a, const Scored& b) {
                if (a.score != b.score) {
                    return a.score > b.score;
                }
                return pms[a.postmortem].slug < pms[b.postmortem].slug;
            };
            const std::size_t keep = std::min(scored.size(), kMaxRelated);
            std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(keep),
                              scored.end(), better);
            for (std::size_t i = 0; i < keep; ++i) {
                const auto q = scored[i].postmortem;
                archive.related[p].push_back(
                    {q, scored[i].score, reason(pms[p], pms[q], scored[i].actions)});
            }
        }
    });
    if (memo != nullptr) {
        memo->related_slugs = slugs.digest();
        memo->related_keys = std::move(keys);
        memo->related_placement = placement.digest();
        memo->related_candidates = std::move(kept_candidates);
        memo->related = archive.related;
    }
}

}  // namespace hindsight
