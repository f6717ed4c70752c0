// Tests for scaffold/postmortem_templates.cpp: shipped templates, and a site's own first.
#include <catch2/catch.hpp>

#include "scaffold/postmortem_templates.hpp"
#include "support/temp_dir.hpp"

using namespace hindsight;
using hindsight::test::TempDir;
using hindsight::test::write_text;

TEST_CASE("the four shipped templates are found, each crediting its source", "[scaffold]") {
    TempDir content;
    CHECK(template_names(content.path()) ==
          std::vector<std::string>{"atlassian", "default", "google-sre", "pagerduty"});
    const std::pair<const char*, const char*> credits[] = {
        {"google-sre", "https://sre.google/sre-book/example-postmortem/"},
        {"pagerduty", "https://response.pagerduty.com/after/post_mortem_template/"},
        {"atlassian", "https://www.atlassian.com/incident-management/postmortem/templates"},
        {"default", "## Root cause"},
    };
    for (const auto& [name, text] : credits) {
        const auto found = find_template(content.path(), name);
        REQUIRE(found.found);
        CHECK(found.found->origin == "built in");
        CHECK(found.found->text.find(text) != std::string::npos);
    }
}

TEST_CASE("a site's _templates folder overrides a shipped template and adds its own",
          "[scaffold]") {
    TempDir content;
    write_text(content.path() / "_templates/default.md", "## Our summary\n");
    write_text(content.path() / "_templates/security.md", "## Exposure\n");
    write_text(content.path() / "_templates/notes.txt", "not a template");
    CHECK(template_names(content.path()) ==
          std::vector<std::string>{"atlassian", "default", "google-sre", "pagerduty", "security"});
    CHECK(find_template(content.path(), "default").found->text == "## Our summary\n");
    const auto security = find_template(content.path(), "security");
    REQUIRE(security.found);
    CHECK(security.found->origin == (content.path() / "_templates/security.md").generic_string());
}

TEST_CASE("an unknown template names the known ones; a path is no name", "[scaffold]") {
    TempDir content;
    const auto missing = find_template(content.path(), "sre");
    CHECK_FALSE(missing.found);
    CHECK(missing.error ==
          "no template named 'sre' (known: atlassian, default, google-sre, pagerduty)");
    write_text(content.path() / "secret.md", "x");
    CHECK_FALSE(find_template(content.path(), "../secret").found);
}
