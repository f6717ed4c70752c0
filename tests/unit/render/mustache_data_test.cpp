// Tests for render/mustache_data: view models through kainjow, partials inlined once per template.
#include <catch2/catch.hpp>

#include "render/mustache_data.hpp"

using namespace hindsight;
using nlohmann::json;

TEST_CASE("views render with partials, nested and repeated", "[mustache]") {
    const std::map<std::string, std::string> partials = {{"row", "<li>{{name}}{{> badge}}</li>"},
                                                         {"badge", "{{#sev}} [{{sev}}]{{/sev}}"}};
    TemplateCache cache(partials);
    const std::string text = "<ul>{{#rows}}{{> row}}{{/rows}}</ul>{{>missing}}";
    const json view = {{"rows", {{{"name", "a & b"}, {"sev", "SEV1"}}, {{"name", "c"}}}}};
    const auto first = cache.render(text, view);
    CHECK(first.error.empty());
    CHECK(first.text == "<ul><li>a &amp; b [SEV1]</li><li>c</li></ul>");
    // The second render reuses the compiled template and must not keep the first one's data.
    const auto second = cache.render(text, json{{"rows", json::array({{{"name", "d"}}})}});
    CHECK(second.text == "<ul><li>d</li></ul>");
}

TEST_CASE("a partial that includes itself stops at the nesting limit", "[mustache]") {
    const std::map<std::string, std::string> partials = {{"loop", "x{{#more}}{{> loop}}{{/more}}"}};
    TemplateCache cache(partials);
    const auto output = cache.render("{{> loop}}", json{{"more", false}});
    CHECK(output.error.empty());
    CHECK(output.text == "x");
}

TEST_CASE("a template that changes delimiters keeps kainjow's own partials", "[mustache]") {
    const std::map<std::string, std::string> partials = {{"p", "[{{v}}]"}};
    TemplateCache cache(partials);
    const auto output = cache.render("{{=<% %>=}}<%> p%>", json{{"v", "ok"}});
    CHECK(output.text == "[ok]");
}

TEST_CASE("a partial's delimiter change stays inside the partial", "[mustache]") {
    const std::map<std::string, std::string> partials = {{"p", "{{=<% %>=}}(<% v %>)"}};
    TemplateCache cache(partials);
    const auto output = cache.render("{{> p}} {{v}}", json{{"v", "ok"}});
    CHECK(output.text == "(ok) ok");
}

TEST_CASE("template syntax errors come back as text", "[mustache]") {
    const std::map<std::string, std::string> partials;
    TemplateCache cache(partials);
    const auto output = cache.render("{{#open}} never closed", json::object());
    CHECK(output.text.empty());
    CHECK_FALSE(output.error.empty());
}
