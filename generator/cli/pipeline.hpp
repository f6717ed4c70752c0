// The stages up to the archive, in order: config, discover, parse (in parallel), analyze.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "analyze/analyze.hpp"
#include "cache/parse_memo.hpp"
#include "config/site_config.hpp"
#include "core/diagnostic.hpp"
#include "model/archive.hpp"

namespace hindsight {

struct PipelineOptions {
    std::filesystem::path content = "content";
    std::optional<std::filesystem::path> config_file;  // default: CONTENT/hindsight.yaml if present
    std::optional<std::string> base_url;               // overrides the config's
    bool strict = false;
    bool drafts = false;
    unsigned jobs = 0;  // 0: one per core
    // Where parse results are kept between builds; none: every file is parsed.
    std::optional<std::filesystem::path> cache_dir;
    // Parse results kept in memory between builds by a long-running caller (the preview),
    // looked up before the cache on disk.
    ParseMemo* memo = nullptr;
    // Likewise for analyze's whole-archive steps (clusters, related postmortems).
    AnalyzeMemo* analyze_memo = nullptr;
};

// Wall-clock seconds of each stage, for --timings. Parse and extract run together on each
// file's thread; their wall time is split by the share of it each took.
struct StageTimes {
    double config = 0;
    double discover = 0;
    double parse = 0;
    double extract = 0;
    double analyze = 0;
};

// How much of the parse came from the cache.
struct CacheUse {
    bool enabled = false;
    int hits = 0;                  // files whose parse result was reused
    int misses = 0;                // files parsed (new, changed, or not cached)
    Diagnostics notes;             // about the cache itself: another build's, damaged entries
    std::optional<Digest> inputs;  // ParseCache::inputs(), when the cache was usable
};

struct PipelineResult {
    SiteConfig config;
    Archive archive;
    Diagnostics diagnostics;
    bool io_error = false;  // the content or config could not be read at all: exit 2
    int sources = 0;        // files discovered
    StageTimes times;
    CacheUse cache;
};

PipelineResult load_archive(const PipelineOptions& options);

// The config stage alone (hindsight.yaml, or --config), into result.config and its diagnostics;
// false when the file could not be read (result.io_error is set). `new` and `serve` read the
// severities, taxonomy and theme from it.
bool load_config(const PipelineOptions& options, PipelineResult& result);

// Exit status for content diagnostics: 1 on errors, or on warnings when strict; else 0.
// The threads --jobs asks for; 0 asks for one per core.
unsigned job_count(unsigned requested);

int content_exit_code(const Diagnostics& diagnostics, bool strict);

}  // namespace hindsight
