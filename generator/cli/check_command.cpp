// `hindsight check`: every problem in the archive, without writing anything; the CI gate.
#include <cstdlib>
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/pipeline.hpp"
#include "cli/print_diagnostics.hpp"
#include "core/file_system.hpp"
#include "report/changed_files.hpp"
#include "report/github_annotations.hpp"
#include "report/gitlab_code_quality.hpp"

namespace hindsight {
namespace {

struct CheckOptions {
    PipelineOptions pipeline;
    std::string format = "text";
    std::optional<std::filesystem::path> output;  // the json or gitlab report, instead of stdout
    std::optional<std::string> changed_since;     // a git revision
    std::vector<std::string> changed;             // or the changed files themselves
};

// What each file declares, what was inferred from its text (and where), what is missing.
nlohmann::ordered_json file_report(const Postmortem& pm) {
    auto declared = nlohmann::ordered_json::array();
    auto inferred = nlohmann::ordered_json::array();
    auto missing = nlohmann::ordered_json::array();
    for (const Field field : kRecordFields) {
        if (pm.is_inferred(field)) {
            const auto it = pm.evidence.find(field);
            inferred.push_back({{"field", field_name(field)},
                                {"line", it == pm.evidence.end() ? 0 : it->second.line},
                                {"text", it == pm.evidence.end() ? "" : it->second.text}});
        } else if (has_value(pm, field)) {
            declared.push_back(field_name(field));
        } else {
            missing.push_back(field_name(field));
        }
    }
    auto aliases = nlohmann::ordered_json::array();
    for (const auto& alias : pm.aliases) {
        aliases.push_back({{"alias", alias.alias}, {"field", alias.field}, {"line", alias.line}});
    }
    auto causes = nlohmann::ordered_json::array();
    for (const auto& trigger : pm.cause_triggers) {
        causes.push_back({{"cause", trigger.cause}, {"words", trigger.words}});
    }
    return {{"path", pm.source_path},
            {"slug", pm.slug},
            {"declared", std::move(declared)},
            {"inferred", std::move(inferred)},
            {"missing", std::move(missing)},
            {"aliases", std::move(aliases)},
            {"cause_keywords", std::move(causes)}};
}

std::string diagnostics_json(const PipelineResult& result, const Diagnostics& diagnostics) {
    auto list = nlohmann::ordered_json::array();
    for (const auto& d : diagnostics) {
        list.push_back({{"path", d.location.path},
                        {"line", d.location.line},
                        {"column", d.location.column},
                        {"severity", severity_name(d.severity)},
                        {"message", d.message},
                        {"hint", d.hint}});
    }
    auto files = nlohmann::ordered_json::array();
    for (const auto& pm : result.archive.postmortems) {
        files.push_back(file_report(pm));
    }
    nlohmann::ordered_json report = {{"postmortems", result.archive.postmortems.size()},
                                     {"errors", count_errors(diagnostics)},
                                     {"warnings", count_warnings(diagnostics)},
                                     {"diagnostics", std::move(list)},
                                     {"files", std::move(files)}};
    return report.dump(2);
}

// With --changed-since or --changed: the problems of the changed files (and those in no file),
// plus one error standing for whatever in the other files would fail the build, so that the
// exit code still says what `build` would.
std::optional<Diagnostics> changed_only(const CheckOptions& options, const Diagnostics& all) {
    if (!options.changed_since && options.changed.empty()) {
        return all;
    }
    const ChangedFiles changed =
        options.changed_since
            ? files_changed_since(*options.changed_since, options.pipeline.content)
            : named_files(options.changed);
    if (!changed.error.empty()) {
        print_tool_error(changed.error, changed.hint);
        return std::nullopt;
    }
    ChangedDiagnostics split = split_by_change(all, changed);
    Diagnostics failing;  // what would fail the build in the other files
    for (const auto& d : split.hidden) {
        if (d.severity == Severity::error ||
            (options.pipeline.strict && d.severity == Severity::warning)) {
            failing.push_back(d);
        }
    }
    if (!failing.empty()) {
        const std::string content = options.pipeline.content.generic_string();
        split.shown.push_back(make_error(
            {content},
            fmt::format("{} in files this change does not touch; the build fails on {} too",
                        problem_summary(failing), failing.size() == 1 ? "it" : "them"),
            fmt::format("see them with: hindsight check {}", content)));
    }
    return split.shown;
}

std::string summary_line(const PipelineResult& result, const Diagnostics& shown) {
    const auto count = result.archive.postmortems.size();
    return fmt::format("checked {} postmortem{}: {}", count, count == 1 ? "" : "s",
                       problem_summary(shown));
}

// --format github: annotations on stdout, where the runner reads workflow commands, and the
// whole table in the step summary.
void print_github(const PipelineResult& result, const Diagnostics& shown) {
    const RepositoryPaths paths(repository_root());
    for (const auto& d : shown) {
        fmt::print("{}\n", github_annotation(d, paths));
    }
    fmt::print(stderr, "{}\n", summary_line(result, shown));
    const char* summary_file = std::getenv("GITHUB_STEP_SUMMARY");
    if (summary_file == nullptr || *summary_file == '\0') {
        return;
    }
    std::FILE* file = std::fopen(summary_file, "a");
    const std::string table = github_step_summary(shown, paths, summary_line(result, shown));
    if (file == nullptr || std::fwrite(table.data(), 1, table.size(), file) != table.size()) {
        print_tool_error(fmt::format("cannot append to GITHUB_STEP_SUMMARY '{}'", summary_file));
    }
    if (file != nullptr) {
        std::fclose(file);
    }
}

// The json and gitlab reports go to stdout, or to --output with the text diagnostics on stderr.
bool emit_report(const CheckOptions& options, const std::string& report) {
    if (!options.output) {
        fmt::print("{}\n", report);
        return true;
    }
    if (auto error = write_file(*options.output, report + "\n"); !error.empty()) {
        print_tool_error(error);
        return false;
    }
    return true;
}

int run_check(const CheckOptions& options) {
    if (options.output && options.format != "json" && options.format != "gitlab") {
        print_tool_error("--output writes a report: it needs --format json or --format gitlab");
        return 2;
    }
    PipelineResult result = load_archive(options.pipeline);
    const auto shown = result.io_error ? std::optional(result.diagnostics)
                                       : changed_only(options, result.diagnostics);
    if (!shown) {
        return 2;
    }
    bool written = true;
    if (options.format == "json") {
        written = emit_report(options, diagnostics_json(result, *shown));
    } else if (options.format == "gitlab") {
        written =
            emit_report(options, gitlab_code_quality(*shown, RepositoryPaths(repository_root())));
    } else if (options.format == "github") {
        print_github(result, *shown);
    }
    if (options.format == "text" || (options.output && options.format == "gitlab")) {
        print_diagnostics(*shown);
        if (!result.io_error) {
            fmt::print(stderr, "{}\n", summary_line(result, *shown));
        }
    }
    if (result.io_error || !written) {
        return 2;
    }
    return content_exit_code(result.diagnostics, options.pipeline.strict);
}

}  // namespace

void add_check_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<CheckOptions>();
    CLI::App* cmd =
        app.add_subcommand("check", "Report every problem in the archive; write nothing");
    cmd->add_option("content", options->pipeline.content, "Folder of postmortems")
        ->capture_default_str();
    cmd->add_option("--config", options->pipeline.config_file,
                    "Site configuration file [default: CONTENT/hindsight.yaml]");
    cmd->add_flag("--drafts", options->pipeline.drafts, "Check drafts too (as the build would)");
    cmd->add_flag("--strict", options->pipeline.strict,
                  "Treat warnings as errors and warn about unknown front-matter keys");
    cmd->add_option("--format", options->format,
                    "text, json, github (Actions annotations and step summary) or gitlab (Code "
                    "Quality report)")
        ->check(CLI::IsMember({"text", "json", "github", "gitlab"}))
        ->capture_default_str();
    cmd->add_option("--output", options->output,
                    "Write the json or gitlab report to this file instead of stdout");
    auto* since = cmd->add_option("--changed-since", options->changed_since,
                                  "Report only the problems of files changed since this git "
                                  "revision (the exit code still covers every file)");
    cmd->add_option("--changed", options->changed,
                    "Report only the problems of these files (the exit code still covers every "
                    "file)")
        ->excludes(since);
    cmd->add_option("-j,--jobs", options->pipeline.jobs, "Parallel parse jobs")
        ->check(CLI::Range(1u, 1024u));
    cmd->callback([options, &exit_code] { exit_code = run_check(*options); });
}

}  // namespace hindsight
