// `hindsight check`: every problem in the archive, without writing anything; the CI gate.
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/pipeline.hpp"
#include "cli/print_diagnostics.hpp"

namespace hindsight {
namespace {

struct CheckOptions {
    PipelineOptions pipeline;
    std::string format = "text";
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

std::string diagnostics_json(const PipelineResult& result) {
    auto list = nlohmann::ordered_json::array();
    for (const auto& d : result.diagnostics) {
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
                                     {"errors", count_errors(result.diagnostics)},
                                     {"warnings", count_warnings(result.diagnostics)},
                                     {"diagnostics", std::move(list)},
                                     {"files", std::move(files)}};
    return report.dump(2);
}

int run_check(const CheckOptions& options) {
    PipelineResult result = load_archive(options.pipeline);
    if (options.format == "json") {
        fmt::print("{}\n", diagnostics_json(result));
    } else {
        print_diagnostics(result.diagnostics);
        if (!result.io_error) {
            const auto count = result.archive.postmortems.size();
            fmt::print(stderr, "checked {} postmortem{}: {}\n", count, count == 1 ? "" : "s",
                       problem_summary(result.diagnostics));
        }
    }
    if (result.io_error) {
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
    cmd->add_option("--format", options->format, "Output format")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    cmd->add_option("-j,--jobs", options->pipeline.jobs, "Parallel parse jobs")
        ->check(CLI::Range(1u, 1024u));
    cmd->callback([options, &exit_code] { exit_code = run_check(*options); });
}

}  // namespace hindsight
