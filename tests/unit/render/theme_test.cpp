// Tests for render/theme and render_site: embedded files, overrides, template errors.
#include <catch2/catch.hpp>

#include "render/render_site.hpp"
#include "render/theme.hpp"
#include "support/temp_dir.hpp"

using namespace hindsight;

TEST_CASE("the default theme is compiled in", "[theme]") {
    const auto result = load_theme(std::nullopt);
    CHECK(result.diagnostics.empty());
    CHECK(result.theme.find("templates/home.mustache") != nullptr);
    CHECK(result.theme.find("templates/postmortem.mustache") != nullptr);
    CHECK(result.theme.find("templates/404.mustache") != nullptr);
    CHECK(result.theme.find("assets/style.css") != nullptr);
}

TEST_CASE("a user theme overrides files by name", "[theme]") {
    test::TempDir dir;
    test::write_text(dir.path() / "templates/404.mustache", "gone {{site.title}}");
    const auto result = load_theme(dir.path());
    REQUIRE(result.diagnostics.empty());
    CHECK(*result.theme.find("templates/404.mustache") == "gone {{site.title}}");
    CHECK(result.theme.display_path("templates/404.mustache") ==
          (dir.path() / "templates/404.mustache").generic_string());

    SiteConfig config;
    config.title = "A & B";
    const auto site = render_site(Archive{}, config, result.theme);
    REQUIRE(site.diagnostics.empty());
    const auto it = std::find_if(site.files.begin(), site.files.end(),
                                 [](const auto& f) { return f.path == "404.html"; });
    REQUIRE(it != site.files.end());
    CHECK(it->bytes == "gone A &amp; B");
}

TEST_CASE("a broken template is an error naming its file", "[theme]") {
    test::TempDir dir;
    test::write_text(dir.path() / "templates/home.mustache", "{{#open}} never closed");
    const auto theme = load_theme(dir.path());
    const auto site = render_site(Archive{}, SiteConfig{}, theme.theme);
    REQUIRE(site.diagnostics.size() == 1);
    CHECK(site.diagnostics[0].location.path ==
          (dir.path() / "templates/home.mustache").generic_string());
    CHECK(site.diagnostics[0].message.rfind("template error: ", 0) == 0);
}

TEST_CASE("a missing theme folder is an error", "[theme]") {
    const auto result = load_theme(std::filesystem::path("/nonexistent/theme"));
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].message == "theme folder does not exist");
}
