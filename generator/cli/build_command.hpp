// The build itself, as `hindsight build` runs it: `serve` runs the same on every change.
#pragma once

#include <filesystem>
#include <optional>

#include "cli/pipeline.hpp"

namespace hindsight {

struct BuildOptions {
    PipelineOptions pipeline;
    std::filesystem::path output = "public";
    std::optional<std::filesystem::path> theme;
    bool quiet = false;
    bool timings = false;
    std::optional<std::filesystem::path> cache_dir;  // default: .hindsight-cache beside output
    bool no_cache = false;
};

// Builds the site into options.output, printing its problems; returns the exit status.
int run_build(const BuildOptions& options);

// The theme folder a build uses: --theme, else the config's `theme:` (relative to the config
// file's folder), else none.
std::optional<std::filesystem::path> theme_dir(const BuildOptions& options,
                                               const SiteConfig& config);

}  // namespace hindsight
