// `hindsight adopt`: the front matter each postmortem would declare from what was extracted from
// its text, as a unified diff; with --write, written into the files (parse/declare_front_matter).
#include <algorithm>
#include <filesystem>
#include <memory>
#include <set>
#include <system_error>
#include <vector>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/pipeline.hpp"
#include "cli/print_diagnostics.hpp"
#include "core/file_system.hpp"
#include "core/unified_diff.hpp"
#include "parse/declare_front_matter.hpp"
#include "parse/front_matter.hpp"

namespace hindsight {
namespace {

namespace fs = std::filesystem;

struct AdoptOptions {
    PipelineOptions pipeline;
    bool write = false;
};

// Replaces the file in one step, so an interrupted run never leaves half a postmortem.
std::string replace_file(const fs::path& path, const std::string& bytes) {
    fs::path temporary = path;
    temporary += ".hindsight-adopt";
    if (auto error = write_file(temporary, bytes); !error.empty()) {
        return error;
    }
    std::error_code ec;
    fs::permissions(temporary, fs::status(path, ec).permissions(), ec);
    fs::rename(temporary, path, ec);
    if (ec) {
        fs::remove(temporary, ec);
        return fmt::format("could not replace {}: {}", path.generic_string(), ec.message());
    }
    return {};
}

int run_adopt(const AdoptOptions& options) {
    PipelineOptions pipeline = options.pipeline;
    pipeline.drafts = true;  // drafts are postmortems too
    PipelineResult result = load_archive(pipeline);
    if (result.io_error) {
        print_diagnostics(result.diagnostics);
        return 2;
    }
    // A file with an error is refused: what it declares cannot be trusted to read back.
    std::set<std::string> refused;
    Diagnostics errors;
    for (const auto& d : result.diagnostics) {
        if (d.severity == Severity::error) {
            refused.insert(d.location.path);
            errors.push_back(d);
        }
    }
    print_diagnostics(errors);
    std::vector<const Postmortem*> order;
    for (const auto& pm : result.archive.postmortems) {
        order.push_back(&pm);
    }
    // An error in hindsight.yaml changes how every file reads (the time zone the times are
    // written in, the taxonomy): nothing is adopted until it is fixed.
    const fs::path config =
        options.pipeline.config_file.value_or(options.pipeline.content / "hindsight.yaml");
    if (refused.count(config.generic_string()) > 0) {
        fmt::print(stderr, "nothing adopted: fix the errors in {} first\n",
                   config.generic_string());
        return 1;
    }
    std::sort(order.begin(), order.end(),
              [](const Postmortem* a, const Postmortem* b) { return a->source < b->source; });
    int changed = 0;
    int unchanged = 0;
    int failed = 0;
    std::vector<std::string> other_syntax;  // TOML or JSON front matter: adopt writes YAML
    for (const Postmortem* pm : order) {
        if (refused.count(pm->source_path) > 0) {
            continue;
        }
        const fs::path path = options.pipeline.content / fs::path(pm->source);
        const ReadResult read = read_file(path);
        if (!read.bytes) {
            print_tool_error(read.error);
            ++failed;
            continue;
        }
        // Keys are written in YAML; inserting them into Hugo's TOML or JSON would break it.
        if (const FrontMatterSplit split = split_front_matter(*read.bytes);
            split.present && (split.toml || split.json || split.json_members)) {
            other_syntax.push_back(
                fmt::format("{} ({})", pm->source_path, split.toml ? "TOML" : "JSON"));
            continue;
        }
        const Adoption adoption = declare_front_matter(*read.bytes, *pm, result.config);
        if (!adoption.problem.empty()) {
            print_tool_error(fmt::format("{}: not adopted: {}", pm->source_path, adoption.problem),
                             "please report this with the file");
            ++failed;
            continue;
        }
        if (!adoption.changed) {
            ++unchanged;
            continue;
        }
        ++changed;
        fmt::print("{}", insertion_diff(pm->source_path, *read.bytes, adoption.bytes));
        if (options.write) {
            if (const auto error = replace_file(path, adoption.bytes); !error.empty()) {
                print_tool_error(error);
                ++failed;
            }
        }
    }
    for (const auto& path : refused) {
        fmt::print(stderr, "refused: {} (fix its errors first)\n", path);
    }
    for (const auto& file : other_syntax) {
        fmt::print(stderr,
                   "left as it is: {}: adopt writes YAML front matter; convert this file's to "
                   "YAML between '---' lines to adopt it\n",
                   file);
    }
    fmt::print(stderr, "{} postmortem{}: {} {}, {} unchanged, {} refused", order.size(),
               order.size() == 1 ? "" : "s", changed,
               options.write ? "adopted" : "to adopt (run with --write to write them)", unchanged,
               refused.size());
    if (!other_syntax.empty()) {
        fmt::print(stderr, ", {} in TOML or JSON left as they are", other_syntax.size());
    }
    fmt::print(stderr, "\n");
    if (failed > 0) {
        return 2;
    }
    return refused.empty() ? 0 : 1;
}

}  // namespace

void add_adopt_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<AdoptOptions>();
    CLI::App* cmd = app.add_subcommand(
        "adopt", "Show (or --write) the front matter each postmortem would declare from its text");
    cmd->add_option("content", options->pipeline.content, "Folder of postmortems")
        ->capture_default_str();
    cmd->add_option("--config", options->pipeline.config_file,
                    "Site configuration file [default: CONTENT/hindsight.yaml]");
    cmd->add_flag("--write", options->write,
                  "Write the front matter into the files (the body and existing keys unchanged)");
    cmd->add_option("-j,--jobs", options->pipeline.jobs, "Parallel parse jobs")
        ->check(CLI::Range(1u, 1024u));
    cmd->callback([options, &exit_code] { exit_code = run_adopt(*options); });
}

}  // namespace hindsight
