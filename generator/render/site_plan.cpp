// Lists every page and file of the site with the job that makes it, and makes one on request.
#include "render/site_plan.hpp"

#include <array>
#include <memory>

#include <fmt/format.h>

#include "render/compact_html.hpp"
#include "render/exports.hpp"
#include "render/feeds.hpp"
#include "render/insight_views.hpp"
#include "render/pagination.hpp"
#include "render/search_page.hpp"
#include "render/view_digest.hpp"
#include "render/view_models.hpp"

namespace hindsight {
namespace {

constexpr std::string_view kPartialsDir = "partials/";
constexpr std::string_view kTemplatesDir = "templates/";
constexpr std::string_view kTemplateSuffix = ".mustache";

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

std::map<std::string, std::string> partials_of(const Theme& theme) {
    std::map<std::string, std::string> partials;
    for (const auto& [name, text] : theme.files) {
        if (name.rfind(kPartialsDir, 0) == 0 && name.size() > kTemplateSuffix.size() &&
            ends_with(name, kTemplateSuffix)) {
            const auto stem = name.substr(
                kPartialsDir.size(), name.size() - kPartialsDir.size() - kTemplateSuffix.size());
            partials.emplace(stem, text);
        }
    }
    return partials;
}

Digest theme_digest(const Theme& theme) {
    Hasher h;
    for (const auto& [name, text] : theme.files) {
        h.add(name).add(text);
    }
    return h.digest();
}

PageOutput make_page(const Theme& theme, const Digest& theme_key, TemplateCache& templates,
                     const PageJob& job, FileSink* sink) {
    const std::string name = std::string(kTemplatesDir) + job.template_name + ".mustache";
    const std::string* text = theme.find(name);
    if (text == nullptr) {
        return {std::nullopt,
                make_error({theme.display_path(name)}, "template is missing from the theme",
                           "a theme folder overrides the default theme's files; do not delete "
                           "them"),
                {}};
    }
    nlohmann::json view = job.view();
    Digest key;
    if (sink != nullptr) {
        Hasher h;
        h.add(theme_key.hex()).add(name).add(job.output_path);
        add_view(h, view);
        key = h.digest();
        if (sink->keep(job.output_path, key)) {
            return {std::nullopt, std::nullopt, key, true};
        }
    }
    TemplateOutput output = templates.render(*text, std::move(view));
    if (!output.error.empty()) {
        return {
            std::nullopt,
            make_error({theme.display_path(name)}, fmt::format("template error: {}", output.error)),
            {}};
    }
    const bool html = ends_with(job.output_path, ".html");
    return {OutputFile{job.output_path, html ? compact_html(output.text) : std::move(output.text)},
            std::nullopt, key};
}

Diagnostics template_problems(const Theme& theme) {
    Diagnostics problems;
    const auto partials = partials_of(theme);
    TemplateCache templates(partials);
    for (const auto& [name, text] : theme.files) {
        if (name.rfind(kTemplatesDir, 0) == 0 && ends_with(name, kTemplateSuffix)) {
            TemplateOutput output = templates.render(text, nlohmann::json::object());
            if (!output.error.empty()) {
                problems.push_back(make_error({theme.display_path(name)},
                                              fmt::format("template error: {}", output.error)));
            }
        }
    }
    return problems;
}

SitePlan plan_site(const Archive& archive, const SiteConfig& config, const Theme& theme) {
    SitePlan plan;
    auto& jobs = plan.pages;
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
    page("404", "404.html", [&config] { return not_found_view(config); });
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
    page("stats", "stats/index.html", [&archive, &config] { return stats_view(archive, config); });
    page("search", "search/index.html",
         [&archive, &config] { return search_view(archive, config); });

    plan.files = {
        {"postmortems.json", [&archive] { return postmortems_json(archive); }},
        {"postmortems.csv", [&archive] { return postmortems_csv(archive); }},
        {"actions.json", [&archive] { return actions_json(archive); }},
        {"stats.json", [&archive] { return stats_json(archive); }},
        {"atom.xml", [&archive, &config] { return atom_feed(archive, config); }},
    };
    for (const auto& [name, text] : theme.files) {
        if (name.rfind("assets/", 0) == 0) {
            plan.files.push_back({name, [&text = text] { return text; }});
        }
    }
    // The sitemaps list every page, in job order: the paths are known without making the pages.
    OutputFiles paths;
    paths.reserve(jobs.size());
    for (const auto& job : jobs) {
        paths.push_back({job.output_path, {}});
    }
    for (auto& map : sitemaps(paths, config)) {
        plan.files.push_back({map.path, [bytes = std::move(map.bytes)] { return bytes; }});
    }
    return plan;
}

PlannedFiles::PlannedFiles(const SitePlan& plan, const Theme& theme)
    : plan_(plan), theme_(theme), theme_key_(theme_digest(theme)), partials_(partials_of(theme)) {
    index_.reserve(plan.files.size() + plan.pages.size());
    for (std::size_t i = 0; i < plan.files.size(); ++i) {
        index_.emplace(plan.files[i].path, i);
    }
    for (std::size_t i = 0; i < plan.pages.size(); ++i) {
        index_.emplace(plan.pages[i].output_path, plan.files.size() + i);
    }
}

PlannedFiles::Made PlannedFiles::make(std::string_view path) const {
    const auto it = index_.find(path);
    if (it == index_.end()) {
        return {};
    }
    if (it->second < plan_.files.size()) {
        return {true, plan_.files[it->second].make(), std::nullopt};
    }
    TemplateCache templates(partials_);
    PageOutput output = make_page(theme_, theme_key_, templates,
                                  plan_.pages[it->second - plan_.files.size()], nullptr);
    if (!output.file) {
        return {true, {}, std::move(output.problem)};
    }
    return {true, std::move(output.file->bytes), std::nullopt};
}

}  // namespace hindsight
