// Renders each page through its template and adds the theme's assets and the exports.
#include "render/render_site.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "core/parallel.hpp"
#include "render/exports.hpp"
#include "render/feeds.hpp"
#include "render/insight_views.hpp"
#include "render/mustache_data.hpp"
#include "render/search_page.hpp"
#include "render/view_models.hpp"

namespace hindsight {
namespace {

constexpr std::string_view kPartialsDir = "partials/";
constexpr std::string_view kPartialSuffix = ".mustache";

std::map<std::string, std::string> partials_of(const Theme& theme) {
    std::map<std::string, std::string> partials;
    for (const auto& [name, text] : theme.files) {
        if (name.rfind(kPartialsDir, 0) == 0 && name.size() > kPartialSuffix.size() &&
            name.compare(name.size() - kPartialSuffix.size(), kPartialSuffix.size(),
                         kPartialSuffix) == 0) {
            const auto stem = name.substr(
                kPartialsDir.size(), name.size() - kPartialsDir.size() - kPartialSuffix.size());
            partials.emplace(stem, text);
        }
    }
    return partials;
}

// A page to render: its template, the output path, and how to build its view model. Views are
// built by the worker that renders the page, so that this work is spread over the threads too.
struct PageJob {
    std::string template_name;
    std::string output_path;
    std::function<nlohmann::json()> view;
};

struct PageOutput {
    std::optional<OutputFile> file;
    std::optional<Diagnostic> problem;
};

PageOutput render_page(const Theme& theme, TemplateCache& templates, const PageJob& job) {
    const std::string name = "templates/" + job.template_name + ".mustache";
    const std::string* text = theme.find(name);
    if (text == nullptr) {
        return {std::nullopt,
                make_error({theme.display_path(name)}, "template is missing from the theme",
                           "a theme folder overrides the default theme's files; do not delete "
                           "them")};
    }
    TemplateOutput output = templates.render(*text, job.view());
    if (!output.error.empty()) {
        return {std::nullopt, make_error({theme.display_path(name)},
                                         fmt::format("template error: {}", output.error))};
    }
    return {OutputFile{job.output_path, std::move(output.text)}, std::nullopt};
}

// Outputs land in their job's slot, so the site is the same whatever the number of threads.
// Template errors are reported once per template.
void render_pages(const Theme& theme, const std::vector<PageJob>& jobs, unsigned threads,
                  RenderResult& result) {
    const auto partials = partials_of(theme);
    std::vector<PageOutput> outputs(jobs.size());
    run_on_threads(jobs.size(), threads, [&](IndexQueue& queue) {
        TemplateCache templates(partials);
        for (std::size_t i = 0; queue.next(i);) {
            outputs[i] = render_page(theme, templates, jobs[i]);
        }
    });
    std::set<std::string> reported;
    for (auto& output : outputs) {
        if (output.file) {
            result.files.push_back(std::move(*output.file));
            ++result.pages;
        } else if (output.problem && reported.insert(output.problem->location.path).second) {
            result.diagnostics.push_back(std::move(*output.problem));
        }
    }
}

void add_assets(const Theme& theme, RenderResult& result) {
    for (const auto& [name, text] : theme.files) {
        if (name.rfind("assets/", 0) == 0) {
            result.files.push_back({name, text});
        }
    }
}

}  // namespace

RenderResult render_site(const Archive& archive, const SiteConfig& config, const Theme& theme,
                         unsigned threads) {
    std::vector<PageJob> jobs;
    const auto page = [&](std::string name, std::string path,
                          std::function<nlohmann::json()> view) {
        jobs.push_back({std::move(name), std::move(path), std::move(view)});
    };
    page("home", "index.html", [&] { return home_view(archive, config); });
    for (std::size_t i = 0; i < archive.postmortems.size(); ++i) {
        page("postmortem", postmortem_url(archive.postmortems[i]), [&archive, &config, i] {
            auto view = postmortem_view(archive.postmortems[i], config);
            add_insight_links(archive, i, view);
            return view;
        });
    }
    page("404", "404.html", [&] { return not_found_view(config); });
    struct Kind {
        const char* kind;
        const char* heading;
        const char* noun;
        const std::vector<ArchiveGroup>& groups;
    };
    static constexpr std::size_t kKinds = 3;
    const std::array<Kind, kKinds> kinds = {
        Kind{"causes", "Causes", "Cause", archive.causes},
        Kind{"services", "Services", "Service", archive.services},
        Kind{"severities", "Severities", "Severity", archive.severities}};
    for (const Kind& k : kinds) {
        page("groups", std::string(k.kind) + "/index.html", [&archive, &config, k] {
            return groups_view(archive, config, k.kind, k.heading, k.noun, k.groups);
        });
        for (const auto& group : k.groups) {
            page("group", std::string(k.kind) + "/" + group.key + "/index.html",
                 [&archive, &config, k, &group] {
                     return group_view(archive, config, k.kind, k.noun, group);
                 });
        }
    }
    page("actions", "actions/index.html", [&] { return actions_view(archive, config); });
    for (const auto& cluster : archive.clusters) {
        page("action", "actions/" + cluster.id + "/index.html",
             [&archive, &config, &cluster] { return action_view(archive, config, cluster); });
    }
    page("stats", "stats/index.html", [&] { return stats_view(archive, config); });
    page("search", "search/index.html", [&] { return search_view(archive, config); });

    RenderResult result;
    render_pages(theme, jobs, threads, result);
    add_assets(theme, result);
    result.files.push_back({"postmortems.json", postmortems_json(archive)});
    result.files.push_back({"postmortems.csv", postmortems_csv(archive)});
    result.files.push_back({"actions.json", actions_json(archive)});
    result.files.push_back({"stats.json", stats_json(archive)});
    result.files.push_back({"atom.xml", atom_feed(archive, config)});
    if (auto map = sitemap(result.files, config)) {
        result.files.push_back({"sitemap.xml", std::move(*map)});
    }
    sort_by_path(result.files);
    return result;
}

}  // namespace hindsight
