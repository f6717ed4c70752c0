// Renders each page through its template and adds the theme's assets and the exports.
#include "render/render_site.hpp"

#include <algorithm>

#include <fmt/format.h>

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

class PageRenderer {
  public:
    PageRenderer(const Theme& theme, RenderResult& result)
        : theme_(theme), partials_(partials_of(theme)), result_(result) {}

    void render(const std::string& template_name, const nlohmann::json& view,
                const std::string& output_path) {
        const std::string name = "templates/" + template_name + ".mustache";
        const std::string* text = theme_.find(name);
        if (text == nullptr) {
            result_.diagnostics.push_back(make_error(
                {theme_.display_path(name)}, "template is missing from the theme",
                "a theme folder overrides the default theme's files; do not delete them"));
            return;
        }
        TemplateOutput output = render_template(*text, view, partials_);
        if (!output.error.empty()) {
            result_.diagnostics.push_back(make_error(
                {theme_.display_path(name)}, fmt::format("template error: {}", output.error)));
            return;
        }
        result_.files.push_back({output_path, std::move(output.text)});
        ++result_.pages;
    }

  private:
    const Theme& theme_;
    std::map<std::string, std::string> partials_;
    RenderResult& result_;
};

void add_assets(const Theme& theme, RenderResult& result) {
    for (const auto& [name, text] : theme.files) {
        if (name.rfind("assets/", 0) == 0) {
            result.files.push_back({name, text});
        }
    }
}

}  // namespace

RenderResult render_site(const Archive& archive, const SiteConfig& config, const Theme& theme) {
    RenderResult result;
    PageRenderer pages(theme, result);
    pages.render("home", home_view(archive, config), "index.html");
    for (std::size_t i = 0; i < archive.postmortems.size(); ++i) {
        auto view = postmortem_view(archive.postmortems[i], config);
        add_insight_links(archive, i, view);
        pages.render("postmortem", view, postmortem_url(archive.postmortems[i]));
    }
    pages.render("404", not_found_view(config), "404.html");
    const struct {
        const char* kind;
        const char* heading;
        const char* noun;
        const std::vector<ArchiveGroup>& groups;
    } kinds[] = {{"causes", "Causes", "Cause", archive.causes},
                 {"services", "Services", "Service", archive.services},
                 {"severities", "Severities", "Severity", archive.severities}};
    for (const auto& k : kinds) {
        pages.render("groups", groups_view(archive, config, k.kind, k.heading, k.groups),
                     std::string(k.kind) + "/index.html");
        for (const auto& group : k.groups) {
            pages.render("group", group_view(archive, config, k.kind, k.noun, group),
                         std::string(k.kind) + "/" + group.key + "/index.html");
        }
    }
    pages.render("actions", actions_view(archive, config), "actions/index.html");
    for (const auto& cluster : archive.clusters) {
        pages.render("action", action_view(archive, config, cluster),
                     "actions/" + cluster.id + "/index.html");
    }
    pages.render("stats", stats_view(archive, config), "stats/index.html");
    pages.render("search", search_view(archive, config), "search/index.html");
    add_assets(theme, result);
    result.files.push_back({"postmortems.json", postmortems_json(archive)});
    result.files.push_back({"postmortems.csv", postmortems_csv(archive)});
    result.files.push_back({"actions.json", actions_json(archive)});
    result.files.push_back({"stats.json", stats_json(archive)});
    result.files.push_back({"atom.xml", atom_feed(archive, config)});
    if (auto map = sitemap(result.files, config)) {
        result.files.push_back({"sitemap.xml", std::move(*map)});
    }
    std::sort(result.files.begin(), result.files.end(),
              [](const auto& a, const auto& b) { return a.path < b.path; });
    return result;
}

}  // namespace hindsight
