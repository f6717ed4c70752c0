// The site as a list of jobs, each making one file when asked: a build makes them all, the
// preview only those a browser asks for.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "config/site_config.hpp"
#include "core/diagnostic.hpp"
#include "core/hash.hpp"
#include "core/output_file.hpp"
#include "model/archive.hpp"
#include "render/mustache_data.hpp"
#include "render/theme.hpp"

namespace hindsight {

// A page: its template, the output path, and how to build its view model. The view is built
// when the page is made, by the thread that makes it.
struct PageJob {
    std::string template_name;
    std::string output_path;
    std::function<nlohmann::json()> view;
};

// A file made without a template (an export, an asset, a sitemap): it is not a page.
struct FileJob {
    std::string path;
    std::function<std::string()> make;
};

// Every file of the site. The jobs read the archive, config and theme by reference: those must
// outlive the plan and stay where they are.
struct SitePlan {
    std::vector<FileJob> files;
    std::vector<PageJob> pages;
};

SitePlan plan_site(const Archive& archive, const SiteConfig& config, const Theme& theme);

// What making one page gave: the file, or the problem with its template; or, when the sink
// still holds the page made from the same key, nothing at all (kept).
struct PageOutput {
    std::optional<OutputFile> file;
    std::optional<Diagnostic> problem;
    Digest key;         // what the page is made from: theme, template, path and view
    bool kept = false;  // the sink kept last build's file for the same key: nothing was made
};

// Every file of the theme, templates and partials included: a page's key covers the theme whole.
Digest theme_digest(const Theme& theme);
// The theme's partials ("partials/head.mustache" as "head"), for a TemplateCache.
std::map<std::string, std::string> partials_of(const Theme& theme);

// Makes one page; `sink` (if any) may keep last build's file for the same key instead.
PageOutput make_page(const Theme& theme, const Digest& theme_key, TemplateCache& templates,
                     const PageJob& job, FileSink* sink);

// The syntax errors of the theme's templates (each compiled once, against an empty view): what
// the preview checks when the theme changes, before it makes pages one at a time.
Diagnostics template_problems(const Theme& theme);

// One file of a plan at a time, by path, for the preview. Thread-safe: each call compiles the
// templates it needs.
class PlannedFiles {
  public:
    PlannedFiles(const SitePlan& plan, const Theme& theme);
    PlannedFiles(const PlannedFiles&) = delete;
    PlannedFiles& operator=(const PlannedFiles&) = delete;

    struct Made {
        bool found = false;  // the plan has a file at the path
        std::string bytes;
        std::optional<Diagnostic> problem;  // its template failed: no bytes
    };
    Made make(std::string_view path) const;

  private:
    const SitePlan& plan_;
    const Theme& theme_;
    Digest theme_key_;
    std::map<std::string, std::string> partials_;
    // Path to a job: n < files.size() is files[n], else pages[n - files.size()].
    std::unordered_map<std::string_view, std::size_t> index_;
};

}  // namespace hindsight
