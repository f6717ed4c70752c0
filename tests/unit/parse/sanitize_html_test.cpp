// Tests for parse/sanitize_html: pasted HTML blocks through the allowlist.
#include <catch2/catch.hpp>

#include <string>

#include "parse/sanitize_html.hpp"

using namespace hindsight;

TEST_CASE("lists, tables and emphasis pasted as HTML render", "[sanitize_html]") {
    CHECK(sanitize_html_block("<ol><li>Add <strong>alerts</strong></li>\n<li>Test</li></ol>\n") ==
          "<ol><li>Add <strong>alerts</strong></li>\n<li>Test</li></ol>\n");
    CHECK(sanitize_html_block("<table><tr><td colspan=\"2\" align=\"right\">x</td></tr></table>") ==
          "<table><tbody><tr><td colspan=\"2\" align=\"right\">x</td></tr></tbody></table>\n");
    CHECK(sanitize_html_block("<p align=\"center\">\n<img src=\"https://example.com/a.png\" "
                              "alt=\"diagram\" width=\"75%\"/>\n</p>\n") ==
          "<p align=\"center\">\n<img src=\"https://example.com/a.png\" alt=\"diagram\" "
          "width=\"75%\">\n</p>\n");
}

TEST_CASE("items pasted without their list get one", "[sanitize_html]") {
    CHECK(sanitize_html_block("<li>one</li>\n<li>two</li>\n") ==
          "<ul><li>one</li>\n<li>two</li>\n</ul>\n");
}

TEST_CASE("presentational attributes and wrappers go, their text stays", "[sanitize_html]") {
    CHECK(sanitize_html_block("<div style=\"color:red\" class=\"x\"><span style=\"a\">Hi</span> "
                              "<font color=red>there</font></div>") == "<div>Hi there</div>\n");
    CHECK(sanitize_html_block("<!-- a note to the authors -->\n").empty());
}

TEST_CASE("inline content alone is a paragraph", "[sanitize_html]") {
    CHECK(sanitize_html_block("<b>bold</b> words\n") == "<p><b>bold</b> words</p>\n");
}

TEST_CASE("anything that could run is shown as the author wrote it", "[sanitize_html]") {
    CHECK(sanitize_html_block("<script>alert(1)</script>\n") ==
          "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
    CHECK(sanitize_html_block("<div onclick=\"x()\">hi</div>") ==
          "<p>&lt;div onclick=&quot;x()&quot;&gt;hi&lt;/div&gt;</p>\n");
    CHECK(sanitize_html_block("<a href=\"javascript:alert(1)\">x</a>") ==
          "<p>&lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;</p>\n");
    CHECK(sanitize_html_block("<img src=\"data:image/png;base64,AAAA\">") ==
          "<p>&lt;img src=&quot;data:image/png;base64,AAAA&quot;&gt;</p>\n");
    CHECK(sanitize_html_block("<iframe src=\"https://example.com\"></iframe>") ==
          "<p>&lt;iframe src=&quot;https://example.com&quot;&gt;&lt;/iframe&gt;</p>\n");
    CHECK(sanitize_html_block("<svg><script>alert(1)</script></svg>").find("<script") ==
          std::string::npos);
    CHECK(sanitize_html_block("<a href='https://example.com/?q=\"x\"&a=1'>l</a>") ==
          "<p><a href=\"https://example.com/?q=&quot;x&quot;&amp;a=1\">l</a></p>\n");
}

TEST_CASE("links keep safe addresses only", "[sanitize_html]") {
    CHECK(sanitize_html_block("<a href=\"../runbook.html#db\">r</a>") ==
          "<p><a href=\"../runbook.html#db\">r</a></p>\n");
    CHECK(sanitize_html_block("<a href=\"mailto:sre@example.com\">m</a>") ==
          "<p><a href=\"mailto:sre@example.com\">m</a></p>\n");
    CHECK(sanitize_html_block("<a href=\" JavaScript:x\">j</a>").find("<a ") == std::string::npos);
}

TEST_CASE("a block with more tags than any document is shown unparsed", "[sanitize_html]") {
    std::string deep;
    std::string shown;
    for (int i = 0; i < 200000; ++i) {
        deep += "<b>";
        shown += "&lt;b&gt;";
    }
    CHECK(sanitize_html_block(deep) == "<p>" + shown + "</p>\n");
}

TEST_CASE("nesting deeper than any document is flattened to its text", "[sanitize_html]") {
    std::string deep;
    for (int i = 0; i < 4000; ++i) {
        deep += "<div>";
    }
    deep += "bottom";
    const std::string safe = sanitize_html_block(deep);
    CHECK(safe.find("bottom") != std::string::npos);
    CHECK(safe.size() < 64 * std::string("<div></div>").size() + 100);
}
