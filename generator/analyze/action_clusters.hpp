// Recurring action items: the same promise, worded differently, grouped across postmortems.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "config/site_config.hpp"
#include "model/archive.hpp"

namespace hindsight {

// Items whose weighted word vectors have a cosine similarity at least this high with a
// cluster's centroid join it (tuned on tests/analyze/action_intents.json).
inline constexpr double kClusterThreshold = 0.5;

// The first concept of the synonym table (in its order of priority) an item names, if any.
std::optional<std::size_t> primary_concept(std::string_view text,
                                           const std::vector<SynonymGroup>& synonyms);

// The words an action item is compared by: synonyms read as their canonical word, stop words
// and generic verbs dropped, stems joined; words of a "Label:" count twice.
std::vector<std::pair<std::string, double>> action_terms(std::string_view text,
                                                         const std::vector<SynonymGroup>& synonyms);

// Clusters texts given in a deterministic order; returns, for each text, its cluster number
// (clusters numbered in order of first appearance). Each item is compared only with the
// clusters sharing one of its words, never with every other item.
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
