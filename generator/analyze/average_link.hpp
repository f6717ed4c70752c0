// Average-link clustering of unit vectors, through a nearest-neighbour graph found by
// locality-sensitive hashing: no item is compared with every other, and no cluster chains.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace hindsight {

// Feature id and weight, sorted by id; unit length, so the dot product of two is their cosine.
using SparseVector = std::vector<std::pair<std::uint32_t, float>>;

double dot(const SparseVector& a, const SparseVector& b);

struct LinkParams {
    // Two clusters merge only while the average similarity of their members across them is at
    // least this: a member joins what it is close to as a whole, never through one neighbour.
    double threshold = 0.3;
    std::size_t neighbours = 12;          // graph edges kept per unit (its most similar)
    std::size_t tables = 10;              // hash tables (each a signature of random hyperplanes)
    std::size_t window = 24;              // units compared with each within a bucket
    std::size_t cluster_neighbours = 32;  // candidate clusters a cluster keeps after a merge
};

// The cluster of each unit, numbered in order of the units; `weight` is how many items each
// unit stands for (the average is over items).
std::vector<std::size_t> average_link(const std::vector<SparseVector>& units,
                                      const std::vector<double>& weight,
                                      const LinkParams& params = {});

}  // namespace hindsight
