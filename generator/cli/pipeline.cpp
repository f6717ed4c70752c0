// Runs config, discover, parse and analyze; parse fans out over a fixed pool of threads.
#include "cli/pipeline.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

#include <fmt/format.h>

#include "analyze/analyze.hpp"
#include "cache/parse_cache.hpp"
#include "core/file_system.hpp"
#include "core/parallel.hpp"
#include "core/url.hpp"
#include "discover/discover.hpp"
#include "parse/parse_postmortem.hpp"

namespace fs = std::filesystem;

namespace hindsight {
namespace {

// The config stage, keeping the file's bytes for the parse cache's key.
bool load_config(const PipelineOptions& options, PipelineResult& result,
                 std::string& config_bytes) {
    fs::path path;
    std::error_code ec;
    if (options.config_file) {
        path = *options.config_file;
    } else if (fs::exists(options.content / "hindsight.yaml", ec)) {
        path = options.content / "hindsight.yaml";
    } else {
        return true;
    }
    auto read = read_file(path);
    if (!read.bytes) {
        result.diagnostics.push_back(
            make_error({path.generic_string()},
                       fmt::format("cannot read site configuration: {}", read.error)));
        result.io_error = true;
        return false;
    }
    config_bytes = *read.bytes;
    auto parsed = parse_site_config(path.generic_string(), *read.bytes);
    result.config = std::move(parsed.config);
    result.diagnostics.insert(result.diagnostics.end(), parsed.diagnostics.begin(),
                              parsed.diagnostics.end());
    return true;
}

// Everything parsing reads besides the file itself: the binary, the configuration file, the
// options, and the time-zone database zone names are looked up in.
Digest parse_context(const std::string& config_bytes, const PipelineOptions& options) {
    Hasher h;
    h.add(build_id().value_or(Digest{}).hex()).add(config_bytes).add(options.base_url.value_or(""));
    h.add_number(options.strict ? 1 : 0);
    const auto tzdata = read_file("/usr/share/zoneinfo/tzdata.zi");
    h.add(tzdata.bytes ? hash_bytes(*tzdata.bytes).hex() : "no tzdata.zi");
    return h.digest();
}

}  // namespace

bool load_config(const PipelineOptions& options, PipelineResult& result) {
    std::string config_bytes;
    return load_config(options, result, config_bytes);
}

namespace {

std::vector<ParseResult> parse_all(const std::vector<SourceFile>& files, const SiteConfig& config,
                                   const ParseOptions& options, unsigned jobs, ParseCache* cache,
                                   ParseMemo* memo, const Digest& context) {
    std::vector<ParseResult> results(files.size());
    run_on_threads(files.size(), jobs, [&](IndexQueue& queue) {
        for (std::size_t i = 0; queue.next(i);) {
            const SourceFile& file = files[i];
            if (cache == nullptr && memo == nullptr) {
                results[i] = parse_postmortem(file, config, options);
                continue;
            }
            const Digest key = parse_key(context, file.relative, file.display, file.bytes);
            auto found = memo != nullptr ? memo->find(key) : std::nullopt;
            if (!found && cache != nullptr) {
                found = cache->find(key);
                if (found && memo != nullptr) {
                    memo->store(key, *found);
                }
            }
            if (found) {
                results[i].postmortem = std::move(found->postmortem);
                results[i].diagnostics = std::move(found->diagnostics);
                continue;
            }
            results[i] = parse_postmortem(file, config, options);
            const ParsedFile parsed{results[i].postmortem, results[i].diagnostics};
            if (cache != nullptr) {
                cache->store(key, parsed);
            }
            if (memo != nullptr) {
                memo->store(key, parsed);
            }
        }
    });
    return results;
}

}  // namespace

PipelineResult load_archive(const PipelineOptions& options) {
    PipelineResult result;
    std::error_code ec;
    if (!fs::is_directory(options.content, ec)) {
        result.diagnostics.push_back(make_error({options.content.generic_string()},
                                                "content folder does not exist",
                                                "pass the folder holding the postmortems"));
        result.io_error = true;
        return result;
    }
    using Clock = std::chrono::steady_clock;
    const auto seconds_since = [](Clock::time_point t) {
        return std::chrono::duration<double>(Clock::now() - t).count();
    };
    auto stage_start = Clock::now();
    std::string config_bytes;
    if (!load_config(options, result, config_bytes)) {
        return result;
    }
    result.times.config = seconds_since(stage_start);
    if (options.base_url) {
        if (const auto problem = base_url_problem(*options.base_url)) {
            result.diagnostics.push_back(make_warning({"--base-url"}, *problem, kAllowedUrlsHint));
        } else {
            result.config.base_url = *options.base_url;
        }
    }
    stage_start = Clock::now();
    DiscoverResult discovered = discover_sources(options.content);
    result.times.discover = seconds_since(stage_start);
    result.sources = static_cast<int>(discovered.files.size());
    result.diagnostics.insert(result.diagnostics.end(), discovered.diagnostics.begin(),
                              discovered.diagnostics.end());

    stage_start = Clock::now();
    const Digest context = options.cache_dir || options.memo != nullptr
                               ? parse_context(config_bytes, options)
                               : Digest{};
    std::optional<ParseCache> cache;
    if (options.cache_dir) {
        cache.emplace(*options.cache_dir, context);
    }
    ParseCache* usable_cache = cache && cache->usable() ? &*cache : nullptr;
    auto parsed = parse_all(discovered.files, result.config, ParseOptions{options.strict},
                            job_count(options.jobs), usable_cache, options.memo, context);
    if (cache) {
        cache->finish();
        result.cache = {usable_cache != nullptr, cache->hits(), cache->misses(), cache->notes(),
                        usable_cache != nullptr ? std::optional(cache->inputs()) : std::nullopt};
    }
    if (options.memo != nullptr) {
        options.memo->finish();
    }
    const double parse_wall = seconds_since(stage_start);
    std::vector<Postmortem> postmortems;
    double extract_share = 0;
    for (auto& one : parsed) {
        extract_share += one.extract_seconds;
        result.diagnostics.insert(result.diagnostics.end(), one.diagnostics.begin(),
                                  one.diagnostics.end());
        if (one.postmortem) {
            postmortems.push_back(std::move(*one.postmortem));
        }
    }
    // The summed extract time is thread time: scale it to the stage's wall time.
    const double threads = static_cast<double>(
        std::min<std::size_t>(job_count(options.jobs), std::max<std::size_t>(parsed.size(), 1)));
    result.times.extract = std::min(parse_wall, extract_share / threads);
    result.times.parse = parse_wall - result.times.extract;
    // The sources' bytes and the parse results are not needed past this point: free them before
    // the whole-archive stages, which hold the most.
    parsed = {};
    discovered.files = {};
    stage_start = Clock::now();
    auto analyzed =
        analyze(std::move(postmortems), result.config,
                AnalyzeOptions{options.drafts, job_count(options.jobs), options.analyze_memo});
    result.times.analyze = seconds_since(stage_start);
    result.archive = std::move(analyzed.archive);
    result.diagnostics.insert(result.diagnostics.end(), analyzed.diagnostics.begin(),
                              analyzed.diagnostics.end());
    sort_diagnostics(result.diagnostics);
    return result;
}

unsigned job_count(unsigned requested) {
    return requested > 0 ? requested : std::max(1u, std::thread::hardware_concurrency());
}

int content_exit_code(const Diagnostics& diagnostics, bool strict) {
    if (count_errors(diagnostics) > 0 || (strict && count_warnings(diagnostics) > 0)) {
        return 1;
    }
    return 0;
}

}  // namespace hindsight
