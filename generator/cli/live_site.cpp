// An in-memory build for the preview: pipeline and analyze on every save, pages made on request.
#include "cli/live_site.hpp"

#include <map>

#include <fmt/format.h>

#include "cli/print_diagnostics.hpp"
#include "render/site_plan.hpp"
#include "render/theme.hpp"
#include "search/site_files.hpp"

namespace hindsight {

// One build's site: its records and the plan of every file, which refers into them (hence
// held by pointer, never moved). The search files are made together, the first time one of
// them is asked for: the index needs the whole archive, and most previews never search.
struct LiveSite::Built {
    SiteConfig config;
    Archive archive;
    Theme theme;
    std::string assets_version;  // the theme's digest, hex
    SitePlan plan;
    std::optional<PlannedFiles> files;
    std::once_flag search_once;
    std::map<std::string, std::string, std::less<>> search_files;

    std::optional<std::string> file(const std::string& path) {
        PlannedFiles::Made made = files->make(path);
        if (made.found) {
            if (made.problem) {
                print_diagnostics({*made.problem});
                return std::nullopt;
            }
            return std::move(made.bytes);
        }
        if (path.rfind("search/", 0) != 0) {
            return std::nullopt;
        }
        std::call_once(search_once, [this] {
            for (auto& made_file : search::site_search_files(archive, config)) {
                search_files.emplace(std::move(made_file.path), std::move(made_file.bytes));
            }
        });
        const auto it = search_files.find(path);
        return it == search_files.end() ? std::nullopt : std::optional<std::string>(it->second);
    }
};

LiveSite::LiveSite(BuildOptions options) : options_(std::move(options)) {
    options_.pipeline.cache_dir.reset();  // the memo is the preview's cache: nothing on disk
    options_.pipeline.memo = &memo_;
    options_.pipeline.analyze_memo = &analyze_memo_;
}

LiveSite::~LiveSite() = default;

BuildOutcome LiveSite::rebuild() {
    DiagnosticsCapture capture;
    const auto failed = [&capture](const Diagnostics& shown, bool summarise) {
        print_diagnostics(shown);
        if (summarise) {
            fmt::print(stderr, "{}; the preview keeps the last good site\n",
                       problem_summary(shown));
        }
        return BuildOutcome{capture.diagnostics(), true};
    };
    PipelineResult loaded = load_archive(options_.pipeline);
    // Notes explain what check infers; a build shows only what needs fixing.
    Diagnostics diagnostics = without_notes(loaded.diagnostics);
    if (loaded.io_error) {
        return failed(diagnostics, false);
    }
    if (content_exit_code(diagnostics, options_.pipeline.strict) != 0) {
        return failed(diagnostics, true);
    }
    ThemeResult theme = load_theme(theme_dir(options_, loaded.config));
    diagnostics.insert(diagnostics.end(), theme.diagnostics.begin(), theme.diagnostics.end());
    // Pages are made one at a time, later: a template that does not compile is found now, so
    // that a broken theme keeps the last good site as a broken build does.
    const Digest theme_key = theme_digest(theme.theme);
    if (theme.diagnostics.empty() && checked_theme_ != theme_key) {
        const Diagnostics problems = template_problems(theme.theme);
        diagnostics.insert(diagnostics.end(), problems.begin(), problems.end());
        if (problems.empty()) {
            checked_theme_ = theme_key;
        }
    }
    if (count_errors(diagnostics) > 0) {
        return failed(diagnostics, true);
    }
    auto built = std::make_shared<Built>();
    built->config = std::move(loaded.config);
    built->archive = std::move(loaded.archive);
    built->theme = std::move(theme.theme);
    built->assets_version = theme_key.hex();
    built->plan = plan_site(built->archive, built->config, built->theme);
    built->files.emplace(built->plan, built->theme);
    print_diagnostics(diagnostics);
    {
        const std::lock_guard lock(mutex_);
        previous_ = std::move(current_);
        current_ = std::move(built);
    }
    return BuildOutcome{capture.diagnostics(), false};
}

void LiveSite::release_previous() {
    std::shared_ptr<Built> previous;
    const std::lock_guard lock(mutex_);
    previous = std::move(previous_);
}

std::optional<std::string> LiveSite::file(const std::string& path) {
    std::shared_ptr<Built> built;
    {
        const std::lock_guard lock(mutex_);
        built = current_;
    }
    return built ? built->file(path) : std::nullopt;
}

std::string LiveSite::assets_version() {
    const std::lock_guard lock(mutex_);
    return current_ ? current_->assets_version : std::string();
}

std::size_t LiveSite::postmortems() const {
    const std::lock_guard lock(mutex_);
    return current_ ? current_->archive.postmortems.size() : 0;
}

}  // namespace hindsight
