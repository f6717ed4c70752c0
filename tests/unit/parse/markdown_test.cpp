// Tests for parse/markdown: GFM rendering, raw HTML, heading ids.
#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include "parse/cmark_special_chars.hpp"
#include "parse/markdown.hpp"

using namespace hindsight;

namespace {
std::string html(std::string_view text, bool unsafe = false) {
    MarkdownOptions options;
    options.unsafe_html = unsafe;
    options.known_title = "keep";
    return render_markdown(text, options).html;
}
}  // namespace

TEST_CASE("GFM extensions are on", "[markdown]") {
    CHECK(html("| a | b |\n|---|---|\n| 1 | 2 |\n").find("<table>") != std::string::npos);
    CHECK(html("~~gone~~") == "<p><del>gone</del></p>\n");
    CHECK(html("see https://example.com now").find("<a href=\"https://example.com\">") !=
          std::string::npos);
    CHECK(html("- [x] done\n- [ ] open\n").find("type=\"checkbox\" checked=\"\" disabled=\"\"") !=
          std::string::npos);
}

// axe-core's scrollable-region-focusable and label rules, on what cmark-gfm writes.
TEST_CASE("code blocks take focus and task-list checkboxes have names", "[markdown]") {
    CHECK(html("```\nlog line\n```\n") == "<pre tabindex=\"0\"><code>log line\n</code></pre>\n");
    CHECK(html("```text\nx\n```\n") ==
          "<pre tabindex=\"0\"><code class=\"language-text\">x\n</code></pre>\n");
    const std::string tasks = html("- [x] done\n- [ ] open\n");
    CHECK(tasks.find("checked=\"\" disabled=\"\" aria-label=\"Done\" />") != std::string::npos);
    CHECK(tasks.find("<input type=\"checkbox\" disabled=\"\" aria-label=\"Not done\" />") !=
          std::string::npos);
    // Quoted markup stays text.
    CHECK(html("`<pre>`") == "<p><code>&lt;pre&gt;</code></p>\n");
}

TEST_CASE("raw HTML is shown as text by default", "[markdown]") {
    CHECK(html("<script>alert(1)</script>\n") == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
    CHECK(html("a <b onclick=x>b</b>") == "<p>a &lt;b onclick=x&gt;b&lt;/b&gt;</p>\n");
}

// The same allowlist as raw HTML and front matter (core/url.hpp), not cmark's list of bad
// schemes: a refused link keeps its words, a refused image its description, as text.
TEST_CASE("links and images outside the scheme allowlist become their text", "[markdown]") {
    CHECK(html("[x](javascript:alert(1))") == "<p>x</p>\n");
    CHECK(html("[a *b*](JaVaScRiPt:alert(1)) c") == "<p>a <em>b</em> c</p>\n");
    CHECK(html("[x](vbscript:msgbox)") == "<p>x</p>\n");
    CHECK(html("[x](java&#x09;script:alert(1))") == "<p>x</p>\n");
    CHECK(html("[x](&#106;avascript:alert(1))") == "<p>x</p>\n");
    CHECK(html("![a chart](data:image/png;base64,AAAA)") == "<p>a chart</p>\n");
    CHECK(html("![](file:///etc/passwd)") == "<p></p>\n");
    CHECK(html("[x]\n\n[x]: javascript:alert(1)\n") == "<p>x</p>\n");
    CHECK(html("[ok](https://example.com) [rel](../a.html) [m](mailto:a@example.com)") ==
          "<p><a href=\"https://example.com\">ok</a> <a href=\"../a.html\">rel</a> "
          "<a href=\"mailto:a@example.com\">m</a></p>\n");
}

TEST_CASE("refused addresses are reported where they stand", "[markdown]") {
    MarkdownOptions options;
    const auto result =
        render_markdown("Intro\n\nsee [x](javascript:alert(1)) and ![i](data:x)\n", options);
    REQUIRE(result.refused_urls.size() == 2);
    CHECK(result.refused_urls[0].line == 3);
    CHECK(result.refused_urls[0].column == 5);
    CHECK(result.refused_urls[0].url == "javascript:alert(1)");
    CHECK_FALSE(result.refused_urls[0].image);
    CHECK(result.refused_urls[1].url == "data:x");
    CHECK(result.refused_urls[1].image);
    // An autolink on a paragraph's later line: cmark counts its column from the paragraph.
    const auto autolink = render_markdown(
        "a long first line of the paragraph, long enough to matter\nthen <javascript:alert(1)>\n",
        options);
    REQUIRE(autolink.refused_urls.size() == 1);
    CHECK(autolink.refused_urls[0].line == 2);
    CHECK(autolink.refused_urls[0].column == 6);
    // Trusted HTML (unsafe_html) is the site's own choice: nothing is refused there.
    options.unsafe_html = true;
    CHECK(render_markdown("[x](ftp://example.com)", options).refused_urls.empty());
}

TEST_CASE("formatting tags pasted from an editor are dropped, their text kept", "[markdown]") {
    CHECK(html("<span style=\"color: red;\">Start:</span> 10:00<br>End: 11:00") ==
          "<p>Start: 10:00<br />\nEnd: 11:00</p>\n");
    // A table cell holds no line break: there "<br>" is a space.
    const std::string table = html("| When | What |\n|---|---|\n| 10:00 | paged<br>acked |\n");
    CHECK(table.find("<td>paged acked</td>") != std::string::npos);
    CHECK(table.find("&lt;br") == std::string::npos);
    CHECK(html("### <span style=\"color: #4682B4;\">Stay safe</span>") ==
          "<h3 id=\"stay-safe\">Stay safe</h3>\n");
    // One tag that is more than formatting, and the paragraph quotes markup: all stay visible.
    CHECK(html("<b>bold</b> <img src=y onerror=alert(2)>") ==
          "<p>&lt;b&gt;bold&lt;/b&gt; &lt;img src=y onerror=alert(2)&gt;</p>\n");
    CHECK(html("<b>bold</b>\n\n<i onclick=x>it</i>") ==
          "<p>bold</p>\n<p>&lt;i onclick=x&gt;it&lt;/i&gt;</p>\n");
}

TEST_CASE("unsafe_html lets HTML through, minus the tag filter", "[markdown]") {
    CHECK(html("a <b>bold</b>", true) == "<p>a <b>bold</b></p>\n");
    CHECK(html("<script>x</script>\n", true).find("&lt;script>") != std::string::npos);
}

TEST_CASE("headings get stable, unique ids", "[markdown]") {
    MarkdownOptions options;
    options.known_title = "x";
    const auto result = render_markdown(
        "## Root Cause\n\n## Root cause\n\n### `code` & *more*\n\n## Main\n", options);
    CHECK(result.html ==
          "<h2 id=\"root-cause\">Root Cause</h2>\n<h2 id=\"root-cause-1\">Root cause</h2>\n"
          "<h3 id=\"code-more\"><code>code</code> &amp; <em>more</em></h3>\n"
          "<h2 id=\"main-1\">Main</h2>\n");
    REQUIRE(result.headings.size() == 4);
    CHECK(result.headings[2].text == "code & more");
    CHECK(result.headings[2].level == 3);
}

TEST_CASE("a repeated heading takes the first free suffix, past ids other headings took",
          "[markdown]") {
    MarkdownOptions options;
    options.known_title = "x";
    const auto result =
        render_markdown("## Foo\n\n## Foo 1\n\n## Foo\n\n## Foo 3\n\n## Foo\n\n## Foo\n", options);
    std::vector<std::string> ids;
    for (const auto& heading : result.headings) {
        ids.push_back(heading.id);
    }
    CHECK(ids == std::vector<std::string>{"foo", "foo-1", "foo-2", "foo-3", "foo-4", "foo-5"});
    // 20,000 repeats used to try every lower suffix again for each (quadratic: minutes);
    // tests/e2e/bad_input_test.cpp times the whole build of such a file.
    std::string many;
    for (int i = 0; i < 20000; ++i) {
        many += "## Same\n\n";
    }
    const auto repeated = render_markdown(many, options);
    REQUIRE(repeated.headings.size() == 20000);
    CHECK(repeated.headings.back().id == "same-19999");
}

TEST_CASE("a leading H1 is taken as the title", "[markdown]") {
    const auto result = render_markdown("# Outage: DB\n\nText\n", {});
    CHECK(result.leading_h1 == "Outage: DB");
    CHECK(result.html == "<p>Text</p>\n");
}

TEST_CASE("a leading H1 that differs from the declared title stays", "[markdown]") {
    MarkdownOptions options;
    options.known_title = "Something else";
    const auto result = render_markdown("# Outage\n", options);
    CHECK(result.html == "<h1 id=\"outage\">Outage</h1>\n");
}

TEST_CASE("rendering from many threads at once gives the same HTML", "[markdown]") {
    // Guards against cmark-gfm's global special-character table: parse/cmark_special_chars.cpp
    // keeps it constant, which is all that makes parsing without a lock sound.
    const std::string text = "Some ~~struck~~ text, a | b\n\n| x | y |\n|---|---|\n| 1 | 2 |\n";
    const std::string expected = html(text);
    std::atomic<int> mismatches{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 300; ++i) {
                if (html(text) != expected) {
                    ++mismatches;
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    CHECK(mismatches == 0);
    CHECK(expected.find("<del>struck</del>") != std::string::npos);
    CHECK(cmark_special_chars_frozen());
}

TEST_CASE("a line with too many pipes turns tables off instead of taking seconds", "[markdown]") {
    const std::string wide = std::string(100000, '|') + "\n" + std::string(100000, '-') + "\n";
    const auto result = render_markdown("| a |\n|---|\n| 1 |\n\n" + wide, {});
    CHECK(result.tables_disabled_at_line == 5);
    CHECK(result.html.find("<table>") == std::string::npos);
    CHECK(render_markdown("| a |\n|---|\n| 1 |\n", {}).tables_disabled_at_line == 0);
}

// A URL alone on a line above a '---' is a setext heading whose text is an autolink. Its URL
// lives in the heading's buffer; freeing the heading when its id is added made the renderer read
// freed memory (AddressSanitizer: heap-use-after-free in houdini_escape_href) and the release
// build publish a garbled href.
TEST_CASE("an autolink in a setext heading keeps its exact href", "[markdown]") {
    for (const auto* text : {"https://status.example.com/incidents/123\n---\n", "https://u\n-\n",
                             "# See https://example.com/a?b=c\n\nhttps://x.example/y\n===\n"}) {
        const std::string out = html(text);
        INFO(out);
        if (std::string_view(text).find("status.example.com") != std::string_view::npos) {
            CHECK(out.find("href=\"https://status.example.com/incidents/123\"") !=
                  std::string::npos);
        } else if (std::string_view(text) == "https://u\n-\n") {
            CHECK(out.find("href=\"https://u\"") != std::string::npos);
        } else {
            CHECK(out.find("href=\"https://example.com/a?b=c\"") != std::string::npos);
            CHECK(out.find("href=\"https://x.example/y\"") != std::string::npos);
        }
    }
}
