// Renders each page through its template and adds the theme's assets and the exports.
#include "render/render_site.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "core/parallel.hpp"
#include "render/compact_html.hpp"
#include "render/exports.hpp"
#include "render/feeds.hpp"
#include "render/insight_views.hpp"
#include "render/mustache_data.hpp"
#include "render/pagination.hpp"
#include "render/search_page.hpp"
#include "render/view_digest.hpp"
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
    Digest key;         // what the page is made from: theme, template, path and view
    bool kept = false;  // the sink kept last build's file for the same key: nothing was made
};

// Every file of the theme, templates and partials included: a page's key covers the theme whole.
Digest theme_digest(const Theme& theme) {
    Hasher h;
    for (const auto& [name, text] : theme.files) {
        h.add(name).add(text);
    }
    return h.digest();
}

PageOutput render_page(const Theme& theme, const Digest& theme_key, TemplateCache& templates,
                       const PageJob& job, FileSink& sink) {
    const std::string name = "templates/" + job.template_name + ".mustache";
    const std::string* text = theme.find(name);
    if (text == nullptr) {
        return {std::nullopt,
                make_error({theme.display_path(name)}, "template is missing from the theme",
                           "a theme folder overrides the default theme's files; do not delete "
                           "them"),
                {}};
    }
    nlohmann::json view = job.view();
    Hasher h;
    h.add(theme_key.hex()).add(name).add(job.output_path);
    add_view(h, view);
    const Digest key = h.digest();
    if (sink.keep(job.output_path, key)) {
        return {std::nullopt, std::nullopt, key, true};
    }
    TemplateOutput output = templates.render(*text, std::move(view));
    if (!output.error.empty()) {
        return {
            std::nullopt,
            make_error({theme.display_path(name)}, fmt::format("template error: {}", output.error)),
            {}};
    }
    const bool html = job.output_path.size() >= 5 &&
                      job.output_path.compare(job.output_path.size() - 5, 5, ".html") == 0;
    return {OutputFile{job.output_path, html ? compact_html(output.text) : std::move(output.text)},
            std::nullopt, key};
}

// A file made without a template (an export): it is not a page, and has no key.
using FileJob = std::function<OutputFile()>;

// Each page goes to the sink from the thread that made it. Template errors are reported once per
// template, in job order, so that the diagnostics are the same whatever the number of threads.
// The files are handed out first: the exports are the largest single items, and made by one
// thread after the pages they left the others idle.
void render_pages(const Theme& theme, const std::vector<FileJob>& files,
                  const std::vector<PageJob>& jobs, unsigned threads, FileSink& sink,
                  RenderResult& result) {
    const auto partials = partials_of(theme);
    std::vector<std::optional<Diagnostic>> problems(jobs.size());
    std::mutex sink_error_mutex;
    const auto keep_error = [&](std::string error) {
        if (!error.empty()) {
            const std::lock_guard lock(sink_error_mutex);
            if (result.sink_error.empty()) {
                result.sink_error = std::move(error);
            }
        }
    };
    std::atomic<int> pages{0};
    const Digest theme_key = theme_digest(theme);
    run_on_threads(files.size() + jobs.size(), threads, [&](IndexQueue& queue) {
        TemplateCache templates(partials);
        for (std::size_t n = 0; queue.next(n);) {
            if (n < files.size()) {
                keep_error(sink.add(files[n]()));
                continue;
            }
            const std::size_t i = n - files.size();
            PageOutput output = render_page(theme, theme_key, templates, jobs[i], sink);
            if (output.kept) {
                ++pages;
                continue;
            }
            if (!output.file) {
                problems[i] = std::move(output.problem);
                continue;
            }
            ++pages;
            keep_error(sink.add(*output.file, output.key));
        }
    });
    result.pages = pages;
    std::set<std::string> reported;
    for (auto& problem : problems) {
        if (problem && reported.insert(problem->location.path).second) {
            result.diagnostics.push_back(std::move(*problem));
        }
    }
}

void add_to(FileSink& sink, const OutputFile& file, RenderResult& result) {
    if (auto error = sink.add(file); !error.empty() && result.sink_error.empty()) {
        result.sink_error = std::move(error);
    }
}

}  // namespace

RenderResult render_site(const Archive& archive, const SiteConfig& config, const Theme& theme,
                         unsigned threads) {
    MemorySink sink;
    RenderResult result = render_site(archive, config, theme, threads, sink);
    result.files = sink.take();
    return result;
}

RenderResult render_site(const Archive& archive, const SiteConfig& config, const Theme& theme,
                         unsigned threads, FileSink& sink) {
    std::vector<PageJob> jobs;
    const auto page = [&](std::string name, std::string path,
                          std::function<nlohmann::json()> view) {
        jobs.push_back({std::move(name), std::move(path), std::move(view)});
    };
    const auto size = static_cast<std::size_t>(config.page_size);
    // Each list is cut into numbered pages; a page's view reads only its own slice.
    const auto paged = [&](const std::string& name, const std::string& dir, std::size_t entries,
                           const std::function<nlohmann::json(const ListPage&)>& view) {
        const std::size_t count = page_count(entries, size);
        for (std::size_t n = 1; n <= count; ++n) {
            page(name, list_page_path(dir, n),
                 [view, slice = list_page(entries, size, n)] { return view(slice); });
        }
    };
    const auto years = std::make_shared<const std::vector<YearSpan>>(year_spans(archive));
    paged("home", "", archive.newest_first.size(), [&archive, &config, years](const ListPage& p) {
        return home_view(archive, config, *years, p);
    });
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
            paged("group", std::string(k.kind) + "/" + group.key + "/", group.postmortems.size(),
                  [&archive, &config, k, &group](const ListPage& p) {
                      return group_view(archive, config, k.kind, k.noun, group, p);
                  });
        }
    }
    const auto recurring =
        std::make_shared<const std::vector<std::size_t>>(recurring_clusters(archive));
    paged("actions", "actions/", recurring->size(),
          [&archive, &config, recurring](const ListPage& p) {
              return actions_view(archive, config, *recurring, p);
          });
    for (const auto& cluster : archive.clusters) {
        paged("action", "actions/" + cluster.id + "/", cluster.members.size(),
              [&archive, &config, &cluster](const ListPage& p) {
                  return action_view(archive, config, cluster, p);
              });
    }
    page("stats", "stats/index.html", [&] { return stats_view(archive, config); });
    page("search", "search/index.html", [&] { return search_view(archive, config); });

    const std::vector<FileJob> files = {
        [&] {
            return OutputFile{"postmortems.json", postmortems_json(archive)};
        },
        [&] {
            return OutputFile{"postmortems.csv", postmortems_csv(archive)};
        },
        [&] {
            return OutputFile{"actions.json", actions_json(archive)};
        },
        [&] {
            return OutputFile{"stats.json", stats_json(archive)};
        },
        [&] {
            return OutputFile{"atom.xml", atom_feed(archive, config)};
        },
    };

    RenderResult result;
    render_pages(theme, files, jobs, threads, sink, result);
    // The sitemap lists every page, in job order: the paths are known without holding the pages.
    OutputFiles pages;
    pages.reserve(jobs.size());
    for (const auto& job : jobs) {
        pages.push_back({job.output_path, {}});
    }
    for (const auto& [name, text] : theme.files) {
        if (name.rfind("assets/", 0) == 0) {
            add_to(sink, {name, text}, result);
        }
    }
    for (auto& map : sitemaps(pages, config)) {
        add_to(sink, map, result);
    }
    return result;
}

}  // namespace hindsight
