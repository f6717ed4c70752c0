// `hindsight build`: the whole pipeline, then the atomic write of the site.
#include <algorithm>
#include <chrono>
#include <exception>
#include <iterator>
#include <memory>
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "cache/parse_cache.hpp"
#include "cli/build_command.hpp"
#include "cli/commands.hpp"
#include "cli/print_diagnostics.hpp"
#include "output/output_guard.hpp"
#include "output/site_stamp.hpp"
#include "output/write_site.hpp"
#include "render/render_site.hpp"
#include "render/site_plan.hpp"
#include "render/theme.hpp"
#include "search/site_files.hpp"

namespace fs = std::filesystem;

namespace hindsight {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// --timings: the wall-clock time of each stage, on stderr so that it never mixes with output.
void print_timings(const StageTimes& pipeline, double render, double index, double write,
                   double total) {
    const std::pair<const char*, double> rows[] = {{"config", pipeline.config},
                                                   {"discover", pipeline.discover},
                                                   {"parse", pipeline.parse},
                                                   {"extract", pipeline.extract},
                                                   {"analyze", pipeline.analyze},
                                                   {"render", render},
                                                   {"index", index},
                                                   {"write", write}};
    fmt::print(stderr, "stage      seconds\n");
    for (const auto& [name, seconds] : rows) {
        fmt::print(stderr, "{:<10} {:>7.3f}\n", name, seconds);
    }
    fmt::print(stderr, "{:<10} {:>7.3f}\n", "total", total);
    fmt::print(stderr,
               "(render and index include writing their files into the staging folder, and run at "
               "once with more than one job; write is the swap and the removal of the previous "
               "site)\n");
}

}  // namespace

std::optional<fs::path> theme_dir(const BuildOptions& options, const SiteConfig& config) {
    if (options.theme) {
        return options.theme;
    }
    if (!config.theme.empty()) {
        // Relative to the folder of the file that names it, as paths in a config file read.
        const auto& file = options.pipeline.config_file;
        return (file ? file->parent_path() : options.pipeline.content) / config.theme;
    }
    return std::nullopt;
}

fs::path output_folder(const BuildOptions& options) {
    fs::path out = fs::absolute(options.output).lexically_normal();
    return out.has_filename() ? out : out.parent_path();
}

// The cache lives beside the output folder, where its staging folder goes too: never inside
// what gets deployed, so a draft's parse result cannot leak with the site.
std::optional<fs::path> cache_dir(const BuildOptions& options) {
    if (options.no_cache) {
        return std::nullopt;
    }
    if (options.cache_dir) {
        return options.cache_dir;
    }
    return output_folder(options).parent_path() / ".hindsight-cache";
}

int run_build(const BuildOptions& options) {
    const auto start = Clock::now();
    if (auto refusal = check_output_dir(options.output, options.pipeline.content)) {
        print_tool_error(refusal->message, refusal->hint);
        return 2;
    }
    PipelineOptions pipeline = options.pipeline;
    pipeline.cache_dir = cache_dir(options);
    PipelineResult loaded = load_archive(pipeline);
    // What is said of the cache itself is shown by every build: it explains a slow one.
    print_diagnostics(loaded.cache.notes);
    // Notes explain what check infers; a build shows only what needs fixing.
    Diagnostics diagnostics = without_notes(loaded.diagnostics);
    if (loaded.io_error) {
        print_diagnostics(diagnostics);
        return 2;
    }
    const int content_status = content_exit_code(diagnostics, options.pipeline.strict);
    if (content_status != 0) {
        print_diagnostics(diagnostics);
        fmt::print(stderr, "{}; the site was not written\n", problem_summary(diagnostics));
        return content_status;
    }
    auto stage_start = Clock::now();
    ThemeResult theme = load_theme(theme_dir(options, loaded.config));
    diagnostics.insert(diagnostics.end(), theme.diagnostics.begin(), theme.diagnostics.end());
    if (!theme.diagnostics.empty()) {
        print_diagnostics(diagnostics);
        fmt::print(stderr, "{}; the site was not written\n", problem_summary(diagnostics));
        return 1;
    }
    // Nothing the site is made from changed since the build that wrote the output folder, and
    // the folder is still the one it left: the site is there already, byte for byte.
    const fs::path out = output_folder(options);
    std::optional<SiteStamp> stamp;
    std::optional<Digest> inputs;
    if (pipeline.cache_dir && loaded.cache.inputs) {
        Hasher h;
        h.add(loaded.cache.inputs->hex()).add(theme_digest(theme.theme).hex());
        h.add_number(options.pipeline.drafts ? 1 : 0).add(out.string());
        inputs = h.digest();
        const std::string name = out.filename().string();
        stamp.emplace(*pipeline.cache_dir / ("site-" + name),
                      *pipeline.cache_dir / ("pages-" + name));
        if (stamp->matches(*inputs, out)) {
            print_diagnostics(diagnostics);
            if (options.timings) {
                print_timings(loaded.times, 0, 0, 0, seconds_since(start));
                fmt::print(stderr, "cache: {} file{} parsed, {} reused; the site is up to date\n",
                           loaded.cache.misses, loaded.cache.misses == 1 ? "" : "s",
                           loaded.cache.hits);
            }
            if (!options.quiet) {
                const auto count = loaded.archive.postmortems.size();
                fmt::print(
                    "{} postmortem{}: nothing the site is made from changed; {} is up to "
                    "date ({:.2f} s)\n",
                    count, count == 1 ? "" : "s", options.output.string(), seconds_since(start));
            }
            return 0;
        }
        stamp->forget();
    }
    // Pages stream into a staging folder as they are made; it replaces the output only if the
    // whole site was written, and is removed otherwise (the writer's destructor).
    // Each output folder has its own record of the pages in it, in a cache they may share.
    std::optional<SiteWriter::PageRecord> record;
    if (pipeline.cache_dir && loaded.cache.enabled) {
        record = SiteWriter::PageRecord{*pipeline.cache_dir / ("pages-" + out.filename().string()),
                                        *build_id()};
    }
    SiteWriter writer(options.output, record);
    if (auto error = writer.open(); !error.empty()) {
        print_tool_error(error, "the previous site, if any, was left as it was");
        return 2;
    }
    // The search files read only the archive, as the pages do: with more than one job they are
    // made on a thread of their own while the pages render. Made after the pages, the index (a
    // fifth of a build's CPU, mostly on one thread) left the other cores idle for seconds.
    const unsigned jobs = job_count(options.pipeline.jobs);
    std::string search_error;
    std::exception_ptr search_failure;
    double index_seconds = 0;
    const auto make_search_files = [&] {
        const auto start_search = Clock::now();
        try {
            search_error = search::site_search_files(loaded.archive, loaded.config, writer);
        } catch (...) {
            search_failure = std::current_exception();
        }
        index_seconds = seconds_since(start_search);
    };
    std::optional<std::jthread> searching;  // joined on every way out, an exception's too
    if (jobs > 1) {
        searching.emplace(make_search_files);
    }
    RenderResult rendered = render_site(loaded.archive, loaded.config, theme.theme, jobs, writer);
    const double render_seconds = seconds_since(stage_start);
    if (searching) {
        searching->join();
    } else {
        make_search_files();
    }
    if (search_failure) {
        std::rethrow_exception(search_failure);
    }
    std::string write_error = std::move(rendered.sink_error);
    if (write_error.empty()) {
        write_error = std::move(search_error);
    }
    diagnostics.insert(diagnostics.end(), rendered.diagnostics.begin(), rendered.diagnostics.end());
    print_diagnostics(writer.notes());
    print_diagnostics(diagnostics);
    if (count_errors(diagnostics) > 0) {
        fmt::print(stderr, "{}; the site was not written\n", problem_summary(diagnostics));
        return 1;
    }
    stage_start = Clock::now();
    if (write_error.empty()) {
        write_error = writer.commit();
    }
    if (!write_error.empty()) {
        print_tool_error(write_error, "the previous site, if any, was left as it was");
        return 2;
    }
    // A site whose making said something of its own (a page's problem) is made again next
    // time, so that what it said is said again.
    if (stamp && rendered.diagnostics.empty()) {
        stamp->record(*inputs, out);
    }
    if (options.timings) {
        print_timings(loaded.times, render_seconds, index_seconds, seconds_since(stage_start),
                      seconds_since(start));
        if (loaded.cache.enabled) {
            fmt::print(stderr, "cache: {} file{} parsed, {} reused; {} of {} pages rendered\n",
                       loaded.cache.misses, loaded.cache.misses == 1 ? "" : "s", loaded.cache.hits,
                       rendered.pages - writer.kept(), rendered.pages);
        }
    }
    if (!options.quiet) {
        const double seconds = seconds_since(start);
        const auto count = loaded.archive.postmortems.size();
        fmt::print("built {} postmortem{}, {} pages in {:.2f} s", count, count == 1 ? "" : "s",
                   rendered.pages, seconds);
        if (!diagnostics.empty()) {
            fmt::print(" ({})", problem_summary(diagnostics));
        }
        fmt::print("\n");
    }
    return 0;
}

void add_build_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<BuildOptions>();
    CLI::App* cmd =
        app.add_subcommand("build", "Build the static site from a folder of postmortems");
    cmd->add_option("content", options->pipeline.content,
                    "Folder of postmortems (*.md, *.markdown, *.txt)")
        ->capture_default_str();
    cmd->add_option("-o,--output", options->output, "Output folder, replaced atomically")
        ->capture_default_str();
    cmd->add_option("--config", options->pipeline.config_file,
                    "Site configuration file [default: CONTENT/hindsight.yaml]");
    cmd->add_option("--theme", options->theme,
                    "Theme folder whose files override the default theme's by name");
    cmd->add_option("--base-url", options->pipeline.base_url,
                    "Absolute URL the site is published at (overrides base_url)");
    cmd->add_flag("--drafts", options->pipeline.drafts, "Include postmortems with status: draft");
    cmd->add_flag("--strict", options->pipeline.strict,
                  "Treat warnings as errors and warn about unknown front-matter keys");
    cmd->add_option("-j,--jobs", options->pipeline.jobs,
                    "Parallel parse and render jobs [default: number of cores]")
        ->check(CLI::Range(1u, 1024u));
    cmd->add_option("--cache-dir", options->cache_dir,
                    "Where parse results are kept between builds [default: .hindsight-cache "
                    "beside the output folder]");
    cmd->add_flag("--no-cache", options->no_cache,
                  "Parse every file and neither read nor write the cache");
    cmd->add_flag("-q,--quiet", options->quiet, "Print only problems");
    cmd->add_flag("--timings", options->timings,
                  "Print the wall-clock time of each stage to stderr");
    cmd->callback([options, &exit_code] { exit_code = run_build(*options); });
}

}  // namespace hindsight
