// Tests for parse/emphasis_guard: paragraphs with too many emphasis marks are escaped, the rest
// of the text is left as written.
#include <catch2/catch.hpp>

#include "parse/emphasis_guard.hpp"
#include "parse/markdown.hpp"

using namespace hindsight;

namespace {

std::string repeat(const std::string& text, std::size_t times) {
    std::string out;
    for (std::size_t i = 0; i < times; ++i) {
        out += text;
    }
    return out;
}

}  // namespace

TEST_CASE("text with a few emphasis marks is left alone", "[emphasis_guard]") {
    CHECK_FALSE(escape_excess_emphasis("**Impact:** _all_ users, ~~some~~ none\n"));
    // Many marks, but spread over paragraphs and list items of ordinary size.
    CHECK_FALSE(escape_excess_emphasis(repeat("- **10:00** restarted *db*\n", 300)));
    CHECK_FALSE(escape_excess_emphasis(repeat("**a** *b*\n\n", 400)));
    // Fenced code does not count.
    CHECK_FALSE(escape_excess_emphasis("```\n" + std::string(5000, '*') + "\n```\n"));
}

TEST_CASE("a paragraph with too many marks is shown as written", "[emphasis_guard]") {
    const std::string marks(kMaxEmphasisMarks + 1, '*');
    const auto escaped = escape_excess_emphasis("# T\n\n*kept*\n\ntext " + marks + "\nmore _x_\n");
    REQUIRE(escaped);
    CHECK(escaped->first_line == 5);
    CHECK(escaped->text ==
          "# T\n\n*kept*\n\ntext " + repeat("\\*", marks.size()) + "\nmore \\_x\\_\n");
}

TEST_CASE("list markers, code spans, escapes, tags and URLs keep their marks", "[emphasis_guard]") {
    const std::string marks(kMaxEmphasisMarks, '~');
    const std::string text = "* a `x*y` \\* <b_c> https://a.example/x_y *" + marks + "\n";
    const auto escaped = escape_excess_emphasis(text);
    REQUIRE(escaped);
    CHECK(escaped->text ==
          "* a `x*y` \\* <b_c> https://a.example/x_y \\*" + repeat("\\~", marks.size()) + "\n");
    // Rendered, the marks are text and the list is still a list.
    const auto html = render_markdown(text, {}).html;
    CHECK(html.rfind("<ul>\n<li>a <code>x*y</code> * ", 0) == 0);
}

TEST_CASE("cmark-gfm's pathological emphasis renders in linear time", "[emphasis_guard]") {
    // From cmark's pathological_tests.py: minutes with Debian's cmark-gfm 0.29.0.gfm.6
    // (CVE-2023-24824); tests/e2e/bad_input_test.cpp times these through the whole build.
    const std::string nested = repeat("*a **a ", 65000) + "b" + repeat(" a** a*", 65000);
    const auto result = render_markdown(nested, {});
    CHECK(result.emphasis_escaped_at_line == 1);
    CHECK(result.html.find("<em>") == std::string::npos);
    CHECK(render_markdown(repeat("~~a ", 30000) + "b" + repeat(" a~~", 30000), {})
              .emphasis_escaped_at_line == 1);
}
