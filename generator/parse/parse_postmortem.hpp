// One source file to one Postmortem: a pure function of (path, bytes, config), safe to run in
// parallel.
#pragma once

#include "config/site_config.hpp"
#include "core/diagnostic.hpp"
#include "model/postmortem.hpp"
#include "model/source_file.hpp"

namespace hindsight {

struct ParseOptions {
    bool strict = false;
};

struct ParseResult {
    std::optional<Postmortem> postmortem;  // empty when the file is skipped (an empty file)
    Diagnostics diagnostics;
    double extract_seconds = 0;  // of the parse, the time spent extracting (for --timings)
};

ParseResult parse_postmortem(const SourceFile& file, const SiteConfig& config,
                             const ParseOptions& options);

}  // namespace hindsight
