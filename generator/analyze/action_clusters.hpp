// Recurring action items: the same promise, worded differently, grouped across postmortems.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analyze/average_link.hpp"
#include "config/site_config.hpp"
#include "model/archive.hpp"

namespace hindsight {

// Two clusters merge while the average cosine similarity of their members across them is at
// least this (tuned on the tuning halves of tests/analyze; see action_clusters_test.cpp).
inline constexpr double kClusterThreshold = 0.3;

// Action items as unit vectors: each distinct wording once, weighted by the concepts of the
// synonym table it names (the first, in order of priority, most) and its other words, each by
// its rarity among the wordings.
struct IntentUnits {
    std::vector<SparseVector> units;   // in order of first appearance
    std::vector<std::size_t> unit_of;  // per text
    std::vector<double> count;         // per unit: how many texts read as it
};

IntentUnits intent_units(const std::vector<std::string>& texts,
                         const std::vector<SynonymGroup>& synonyms);

// Clusters texts given in a deterministic order; returns, for each text, its cluster number
// (clusters numbered in order of first appearance). Average link: an item joins a cluster only
// when close to its members on average, so no cluster chains one promise into the next. Each
// item is compared only with candidates from an index, never with every other item.
std::vector<std::size_t> cluster_texts(const std::vector<std::string>& texts,
                                       const std::vector<SynonymGroup>& synonyms,
                                       double threshold = kClusterThreshold);

// Gives each cluster an id from its label, unique within the list whatever the labels.
void assign_cluster_ids(std::vector<ActionCluster>& clusters);

struct AnalyzeMemo;

// Clusters every action item of the archive; fills archive.clusters and archive.cluster_of.
// With a memo, the last run's clusters are reused when every item's wording and status, in
// archive order, and the synonyms are the same.
void cluster_actions(Archive& archive, const SiteConfig& config, AnalyzeMemo* memo = nullptr);

}  // namespace hindsight
