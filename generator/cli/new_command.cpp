// `hindsight new`: a new draft postmortem from a template, its id continuing the archive's.
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/pipeline.hpp"
#include "cli/print_diagnostics.hpp"
#include "discover/discover.hpp"
#include "scaffold/new_postmortem.hpp"
#include "scaffold/next_id.hpp"
#include "scaffold/postmortem_templates.hpp"

namespace fs = std::filesystem;

namespace hindsight {
namespace {

struct NewOptions {
    std::string title;
    fs::path content = "content";
    std::optional<fs::path> config_file;
    std::string template_name = "default";
    std::optional<std::string> date;
};

// The site's configuration, for its severity levels, cause taxonomy and time zone. Its problems
// are printed (the writer learns of them now rather than at the build) but stop nothing.
SiteConfig read_config(const NewOptions& options) {
    PipelineOptions pipeline;
    pipeline.content = options.content;
    pipeline.config_file = options.config_file;
    PipelineResult loaded;
    load_config(pipeline, loaded);
    print_diagnostics(without_notes(loaded.diagnostics));
    return loaded.config;
}

// Creates the file only if it does not exist ("x": O_EXCL), so that two writers, or a writer
// and an existing postmortem, never overwrite each other.
std::string write_new_file(const fs::path& path, const std::string& text) {
    std::FILE* file = std::fopen(path.c_str(), "wx");
    if (file == nullptr) {
        return std::strerror(errno);
    }
    const bool written = std::fwrite(text.data(), 1, text.size(), file) == text.size();
    const bool closed = std::fclose(file) == 0;
    return written && closed ? "" : std::strerror(errno);
}

int run_new(const NewOptions& options) {
    if (options.title.find_first_not_of(" \t") == std::string::npos) {
        print_tool_error("the title is empty", "hindsight new \"Checkout errors after deploy\"");
        return 2;
    }
    std::error_code ec;
    if (fs::exists(options.content, ec) && !fs::is_directory(options.content, ec)) {
        print_tool_error(fmt::format("{} is not a folder", options.content.generic_string()));
        return 2;
    }
    const SiteConfig config = read_config(options);
    NewPostmortem pm;
    pm.title = options.title;
    if (options.date) {
        const auto day = parse_date(*options.date);
        if (!day) {
            print_tool_error(fmt::format("--date '{}' is not a date", *options.date),
                             "write it as YYYY-MM-DD");
            return 2;
        }
        pm.date = *day;
    } else {
        // Today where the site's incidents are dated.
        pm.date = config.time_zone.day_of(
            std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()));
    }
    const TemplateLookup chosen = find_template(options.content, options.template_name);
    if (!chosen.found) {
        print_tool_error(chosen.error,
                         fmt::format("add your own as {}/{}.md",
                                     site_templates_dir(options.content).generic_string(),
                                     options.template_name));
        return 2;
    }
    const DiscoverResult existing = discover_sources(options.content);
    pm.id = next_id(declared_ids(existing.files), pm.date, pm.title);
    const fs::path path = options.content / new_postmortem_file_name(pm);
    if (fs::exists(path, ec)) {
        print_tool_error(
            fmt::format("{} already exists; it was left as it was", path.generic_string()),
            "give another title or --date, or edit that file");
        return 2;
    }
    fs::create_directories(options.content, ec);
    if (auto error = write_new_file(path, new_postmortem_text(pm, *chosen.found, config));
        !error.empty()) {
        print_tool_error(fmt::format("cannot write {}: {}", path.generic_string(), error));
        return 2;
    }
    fmt::print("{}\n", path.generic_string());
    return 0;
}

}  // namespace

void add_new_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<NewOptions>();
    CLI::App* cmd = app.add_subcommand(
        "new", "Write a new draft postmortem from a template and print its path");
    cmd->add_option("title", options->title, "The postmortem's title")->required();
    cmd->add_option("content", options->content, "Folder of postmortems")->capture_default_str();
    cmd->add_option("--config", options->config_file,
                    "Site configuration file [default: CONTENT/hindsight.yaml]");
    cmd->add_option("-t,--template", options->template_name,
                    "default, google-sre, pagerduty, atlassian, or CONTENT/_templates/NAME.md")
        ->capture_default_str();
    cmd->add_option("--date", options->date, "The incident's date, YYYY-MM-DD [default: today]");
    cmd->callback([options, &exit_code] { exit_code = run_new(*options); });
}

}  // namespace hindsight
