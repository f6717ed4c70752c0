// The analyze stage: all parsed postmortems -> one Archive, with whole-archive checks.
#pragma once

#include <vector>

#include "config/site_config.hpp"
#include "core/diagnostic.hpp"
#include "core/hash.hpp"
#include "model/archive.hpp"

namespace hindsight {

// What analyze keeps between runs for a caller that runs it again and again on nearly the same
// archive (the preview, on every save): a step's result is reused when a hash of everything
// the step reads is the same as last time, so the output is the same as without the memo.
struct AnalyzeMemo {
    // The action-item clusters, keyed by every item's wording and status in archive order.
    Digest clusters_key;
    std::vector<ActionCluster> clusters;
    std::vector<std::vector<std::size_t>> cluster_of;
    // Related postmortems, one list per postmortem, reused for a postmortem whose own features
    // and whose candidates' features are unchanged (while the archive's slugs are the same).
    Digest related_slugs;
    std::vector<Digest> related_keys;
    std::vector<std::vector<RelatedPostmortem>> related;
    // Each postmortem's candidates, kept while every postmortem's date order, causes, services
    // and recurring clusters (which place it in the lists candidates come from) are unchanged.
    Digest related_placement;
    std::vector<std::vector<std::uint32_t>> related_candidates;
};

struct AnalyzeOptions {
    bool include_drafts = false;
    unsigned threads = 1;  // for the steps that score each postmortem on its own
    AnalyzeMemo* memo = nullptr;
};

struct AnalyzeResult {
    Archive archive;
    Diagnostics diagnostics;
};

// Postmortems arrive in source-path order. A slug used twice is an error naming both files;
// the first file (by path) keeps it, so the outcome never depends on thread timing.
AnalyzeResult analyze(std::vector<Postmortem> postmortems, const SiteConfig& config,
                      const AnalyzeOptions& options);

}  // namespace hindsight
