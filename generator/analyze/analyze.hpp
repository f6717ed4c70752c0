// The analyze stage: all parsed postmortems -> one Archive, with whole-archive checks.
#pragma once

#include <vector>

#include "config/site_config.hpp"
#include "core/diagnostic.hpp"
#include "model/archive.hpp"

namespace hindsight {

struct AnalyzeOptions {
    bool include_drafts = false;
    unsigned threads = 1;  // for the steps that score each postmortem on its own
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
