// Candidate pairs from random-hyperplane signatures, then greedy average-link merges over them,
// best first, each cluster keeping its sums so that an average costs one dot product.
#include "analyze/average_link.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <queue>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace hindsight {
namespace {

std::uint64_t mix(std::uint64_t x) {  // splitmix64: the same planes on every machine
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// Signs of the projections on random ±1 hyperplanes (a feature's coordinate on a plane is a
// hash of the two), `bits` per table.
std::vector<std::uint32_t> signatures(const SparseVector& v, std::size_t tables, std::size_t bits) {
    std::vector<std::uint32_t> keys(tables, 0);
    for (std::size_t t = 0; t < tables; ++t) {
        for (std::size_t b = 0; b < bits; ++b) {
            const std::uint64_t plane = t * 32 + b;
            double projection = 0;
            for (const auto& [f, w] : v) {
                projection += mix((std::uint64_t{f} << 16) ^ plane ^ 0x5bd1e995ULL) & 1 ? w : -w;
            }
            keys[t] = (keys[t] << 1) | (projection >= 0 ? 1u : 0u);
        }
    }
    return keys;
}

}  // namespace

double dot(const SparseVector& a, const SparseVector& b) {
    double sum = 0;
    auto i = a.begin();
    auto j = b.begin();
    while (i != a.end() && j != b.end()) {
        if (i->first < j->first) {
            ++i;
        } else if (j->first < i->first) {
            ++j;
        } else {
            sum += static_cast<double>(i->second) * j->second;
            ++i;
            ++j;
        }
    }
    return sum;
}

namespace {

// Rounds of candidate search at most: each needs a merge in the one before, and a round's
// candidates are the clusters the last one made, so a few suffice (three in the benches).
constexpr std::size_t kMaxRounds = 8;

struct Neighbours {  // the most similar units found so far, best first
    std::vector<std::pair<double, std::uint32_t>> list;
    void offer(double sim, std::uint32_t other, std::size_t keep) {
        for (const auto& [_, o] : list) {
            if (o == other) {
                return;
            }
        }
        const auto better = [](const auto& a, const auto& b) {
            return a.first > b.first || (a.first == b.first && a.second < b.second);
        };
        const std::pair<double, std::uint32_t> entry{sim, other};
        if (list.size() == keep && !better(entry, list.back())) {
            return;
        }
        list.insert(std::upper_bound(list.begin(), list.end(), entry, better), entry);
        if (list.size() > keep) {
            list.pop_back();
        }
    }
};

// Pairs of vectors worth scoring: each vector's most similar among those it meets, by
// `similarity` (of the vectors' indices).
template <typename Similarity>
std::vector<std::pair<std::uint32_t, std::uint32_t>> candidate_edges(
    const std::vector<SparseVector>& units, const LinkParams& params, Similarity&& similarity) {
    const std::size_t n = units.size();
    // About 16 units a bucket, whatever the archive's size: the work per unit stays bounded.
    std::size_t bits = 0;
    while (bits < 24 && (n >> bits) > 16) {
        ++bits;
    }
    std::vector<std::vector<std::uint32_t>> keys(n);
    for (std::size_t u = 0; u < n; ++u) {
        keys[u] = signatures(units[u], std::max<std::size_t>(params.tables, 1), bits);
    }
    std::vector<Neighbours> best(n);
    const double floor = 0.5 * params.threshold;
    // Each unit is compared with the next `window` units of a list in which similar units lie
    // close: within one bucket of a hash table, or among the units sharing a feature, ordered
    // by their signature (so that a word or concept that few units share finds all of them,
    // and one that many share, those most alike).
    const auto compare_along = [&](const std::vector<std::uint32_t>& list, std::size_t t,
                                   bool same_bucket) {
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::uint32_t a = list[i];
            for (std::size_t j = i + 1; j < list.size() && j <= i + params.window; ++j) {
                const std::uint32_t b = list[j];
                if (same_bucket && keys[b][t] != keys[a][t]) {
                    break;
                }
                const double sim = similarity(a, b);
                if (sim >= floor) {
                    best[a].offer(sim, b, params.neighbours);
                    best[b].offer(sim, a, params.neighbours);
                }
            }
        }
    };
    std::vector<std::uint32_t> order(n);
    for (std::size_t t = 0; t < params.tables; ++t) {
        for (std::size_t u = 0; u < n; ++u) {
            order[u] = static_cast<std::uint32_t>(u);
        }
        std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
            return std::tie(keys[a][t], a) < std::tie(keys[b][t], b);
        });
        compare_along(order, t, true);
    }
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> with_feature;
    for (std::size_t u = 0; u < n; ++u) {
        for (const auto& [f, _] : units[u]) {
            with_feature[f].push_back(static_cast<std::uint32_t>(u));
        }
    }
    std::vector<std::uint32_t> features;
    for (const auto& [f, _] : with_feature) {
        features.push_back(f);
    }
    std::sort(features.begin(), features.end());  // the same order on every build
    for (const std::uint32_t f : features) {
        auto& list = with_feature[f];
        std::sort(list.begin(), list.end(), [&](std::uint32_t a, std::uint32_t b) {
            return std::tie(keys[a][0], a) < std::tie(keys[b][0], b);
        });
        compare_along(list, 0, false);
    }
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    for (std::size_t u = 0; u < n; ++u) {
        for (const auto& [_, v] : best[u].list) {
            edges.emplace_back(std::min<std::uint32_t>(u, v), std::max<std::uint32_t>(u, v));
        }
    }
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    return edges;
}

// A cluster's members summed (weighted by how many items each unit stands for).
struct Sum {
    std::unordered_map<std::uint32_t, double> sparse;
    double weight = 0;
};

double sum_dot(const Sum& a, const Sum& b) {
    const Sum& small = a.sparse.size() <= b.sparse.size() ? a : b;
    const Sum& large = a.sparse.size() <= b.sparse.size() ? b : a;
    // Summed in the small map's order, which depends on its insertions only: deterministic.
    double sparse = 0;
    for (const auto& [f, w] : small.sparse) {
        const auto it = large.sparse.find(f);
        if (it != large.sparse.end()) {
            sparse += w * it->second;
        }
    }
    return sparse;
}

double average(const Sum& a, const Sum& b) {
    return sum_dot(a, b) / (a.weight * b.weight);
}

}  // namespace

std::vector<std::size_t> average_link(const std::vector<SparseVector>& units,
                                      const std::vector<double>& weight, const LinkParams& params) {
    const std::size_t n = units.size();
    std::vector<Sum> sums(n);
    for (std::size_t u = 0; u < n; ++u) {
        for (const auto& [f, w] : units[u]) {
            sums[u].sparse[f] = w * weight[u];
        }
        sums[u].weight = weight[u];
    }
    std::vector<std::uint32_t> parent(n);
    for (std::size_t u = 0; u < n; ++u) {
        parent[u] = static_cast<std::uint32_t>(u);
    }
    const auto find = [&](std::uint32_t x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    };
    std::vector<std::uint32_t> version(n, 0);
    std::vector<std::vector<std::uint32_t>> adjacent(n);
    // Best merge first; ties by the lower ids, so the result never depends on the heap.
    using Entry = std::tuple<double, std::uint32_t, std::uint32_t, std::uint32_t, std::uint32_t>;
    const auto later = [](const Entry& x, const Entry& y) {
        if (std::get<0>(x) != std::get<0>(y)) {
            return std::get<0>(x) < std::get<0>(y);
        }
        return std::tie(std::get<1>(x), std::get<2>(x)) > std::tie(std::get<1>(y), std::get<2>(y));
    };
    std::priority_queue<Entry, std::vector<Entry>, decltype(later)> heap(later);
    // Rounds: the first finds candidates among the units; a unit's nearest are mostly its
    // near-copies ("... for checkout" beside "... for billing"), so the clusters they form are
    // met again as wholes (their summed vectors) in the next round, until one merges nothing.
    std::vector<std::uint32_t> live(n);
    for (std::size_t u = 0; u < n; ++u) {
        live[u] = static_cast<std::uint32_t>(u);
    }
    for (std::size_t round = 0; round < kMaxRounds && live.size() > 1; ++round) {
        std::vector<SparseVector> wholes;
        if (round > 0) {
            wholes.resize(live.size());
            for (std::size_t i = 0; i < live.size(); ++i) {
                for (const auto& [f, w] : sums[live[i]].sparse) {
                    wholes[i].emplace_back(f, static_cast<float>(w));
                }
                std::sort(wholes[i].begin(), wholes[i].end());
            }
        }
        const auto edges = candidate_edges(round == 0 ? units : wholes, params,
                                           [&](std::uint32_t i, std::uint32_t j) {
                                               return average(sums[live[i]], sums[live[j]]);
                                           });
        for (const std::uint32_t c : live) {
            adjacent[c].clear();
        }
        for (const auto& [i, j] : edges) {
            const std::uint32_t a = live[i];
            const std::uint32_t b = live[j];
            adjacent[a].push_back(b);
            adjacent[b].push_back(a);
            const double sim = average(sums[a], sums[b]);
            if (sim >= params.threshold) {
                heap.emplace(sim, a, b, version[a], version[b]);
            }
        }
        std::size_t merges = 0;
        while (!heap.empty()) {
            const auto [sim, a, b, va, vb] = heap.top();
            heap.pop();
            if (parent[a] != a || parent[b] != b || version[a] != va || version[b] != vb) {
                continue;  // one side has merged since: its averages were pushed again then
            }
            ++merges;
            // b joins a (a < b): the merged cluster keeps the lower id.
            parent[b] = a;
            ++version[a];
            Sum& into = sums[a];
            Sum& from = sums[b];
            if (into.sparse.size() < from.sparse.size()) {
                std::swap(into.sparse, from.sparse);
            }
            for (const auto& [f, w] : from.sparse) {
                into.sparse[f] += w;
            }
            from.sparse.clear();
            into.weight += from.weight;
            std::vector<std::uint32_t> around;
            for (const std::uint32_t x : adjacent[a]) {
                around.push_back(find(x));
            }
            for (const std::uint32_t x : adjacent[b]) {
                around.push_back(find(x));
            }
            std::vector<std::uint32_t>().swap(adjacent[b]);
            std::sort(around.begin(), around.end());
            around.erase(std::unique(around.begin(), around.end()), around.end());
            around.erase(std::remove(around.begin(), around.end(), a), around.end());
            std::vector<std::pair<double, std::uint32_t>> scored;
            for (const std::uint32_t c : around) {
                scored.emplace_back(average(into, sums[c]), c);
            }
            std::sort(scored.begin(), scored.end(), [](const auto& x, const auto& y) {
                return x.first > y.first || (x.first == y.first && x.second < y.second);
            });
            if (scored.size() > params.cluster_neighbours) {
                scored.resize(params.cluster_neighbours);
            }
            adjacent[a].clear();
            for (const auto& [s, c] : scored) {
                adjacent[a].push_back(c);
                adjacent[c].push_back(a);
                if (s >= params.threshold) {
                    heap.emplace(s, std::min(a, c), std::max(a, c), version[std::min(a, c)],
                                 version[std::max(a, c)]);
                }
            }
        }
        if (merges == 0) {
            break;
        }
        live.erase(std::remove_if(live.begin(), live.end(),
                                  [&](std::uint32_t c) { return parent[c] != c; }),
                   live.end());
    }
    std::vector<std::size_t> cluster(n);
    std::unordered_map<std::uint32_t, std::size_t> number;
    for (std::size_t u = 0; u < n; ++u) {
        const auto [it, _] = number.emplace(find(static_cast<std::uint32_t>(u)), number.size());
        cluster[u] = it->second;
    }
    return cluster;
}

}  // namespace hindsight
