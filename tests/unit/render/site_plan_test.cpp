// Tests for render/site_plan: one file made on request is the file the whole build writes.
#include <catch2/catch.hpp>

#include "cli/pipeline.hpp"
#include "render/render_site.hpp"
#include "render/site_plan.hpp"

using namespace hindsight;

TEST_CASE("each file of the plan, made alone, is the build's file byte for byte", "[render]") {
    PipelineOptions pipeline;
    pipeline.content = std::filesystem::path(HINDSIGHT_SOURCE_DIR) / "content";
    PipelineResult loaded = load_archive(pipeline);
    REQUIRE(count_errors(loaded.diagnostics) == 0);
    loaded.config.base_url = "https://incidents.example.com/";  // so that there is a sitemap
    const ThemeResult theme = load_theme(std::nullopt);
    const RenderResult built = render_site(loaded.archive, loaded.config, theme.theme, 2);
    REQUIRE(built.diagnostics.empty());

    const SitePlan plan = plan_site(loaded.archive, loaded.config, theme.theme);
    const PlannedFiles files(plan, theme.theme);
    CHECK(plan.files.size() + plan.pages.size() == built.files.size());
    bool sitemap = false;
    for (const auto& file : built.files) {
        INFO(file.path);
        const PlannedFiles::Made made = files.make(file.path);
        REQUIRE(made.found);
        CHECK_FALSE(made.problem);
        CHECK(made.bytes == file.bytes);
        sitemap = sitemap || file.path == "sitemap.xml";
    }
    CHECK(sitemap);
    CHECK_FALSE(files.make("postmortems/no-such-postmortem/index.html").found);
    CHECK_FALSE(files.make("search/manifest.js").found);  // the search files are search's
}

TEST_CASE("a template that does not compile is found before any page is made", "[render]") {
    ThemeResult theme = load_theme(std::nullopt);
    CHECK(template_problems(theme.theme).empty());
    theme.theme.files["templates/home.mustache"] = "{{#entries}}never closed";
    const Diagnostics problems = template_problems(theme.theme);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].severity == Severity::error);
    CHECK(problems[0].message.rfind("template error: ", 0) == 0);
}
