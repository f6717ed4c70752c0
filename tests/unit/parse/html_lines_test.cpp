// Tests for parse/html_lines: raw HTML blocks read as the lines a browser shows.
#include <catch2/catch.hpp>

#include <string>

#include "parse/html_lines.hpp"

using namespace hindsight;

TEST_CASE("a post written as HTML on one line is read a paragraph a line", "[html_lines]") {
    const auto lines = html_lines(
        "<p>Jobs have been failing since 5 am.</p><p>Update 2:10 pm - The problem has been "
        "fixed &amp; the datasets are updating.</p>");
    REQUIRE(lines);
    REQUIRE(lines->size() == 2);
    CHECK((*lines)[0].text == "Jobs have been failing since 5 am.");
    CHECK((*lines)[1].text ==
          "Update 2:10 pm - The problem has been fixed & the datasets are updating.");
    CHECK((*lines)[1].line == 1);
    CHECK((*lines)[1].list_depth == 0);
}

TEST_CASE("line breaks, bold labels, headings and nested items", "[html_lines]") {
    const auto lines = html_lines(
        "<h3>Timeline</h3>\n<p><b>Remediation plan:</b><br/>Our backups were\n  sufficient."
        "</p>\n<ul><li>Add <span>alerts</span>\n<ul><li>for disks</li></ul></li><li>Test</li>"
        "</ul>");
    REQUIRE(lines);
    REQUIRE(lines->size() == 6);
    CHECK((*lines)[0].text == "Timeline");
    CHECK((*lines)[0].heading_level == 3);
    CHECK((*lines)[1].text == "Remediation plan:");
    CHECK((*lines)[1].bold_only);
    CHECK((*lines)[1].bold_lead);
    CHECK((*lines)[1].line == 2);
    CHECK((*lines)[2].text == "Our backups were sufficient.");
    CHECK_FALSE((*lines)[2].bold_only);
    CHECK((*lines)[3].text == "Add alerts");
    CHECK((*lines)[3].list_depth == 1);
    CHECK((*lines)[3].item_start);
    CHECK((*lines)[3].line == 4);
    CHECK((*lines)[4].text == "for disks");
    CHECK((*lines)[4].list_depth == 2);
    CHECK((*lines)[4].item_start);
    CHECK((*lines)[5].text == "Test");
    CHECK((*lines)[5].list_depth == 1);
}

TEST_CASE("scripts, styles and empty blocks give no lines", "[html_lines]") {
    const auto lines =
        html_lines("<div><script>alert(1)</script><style>p{}</style></div>\n<p> </p>");
    REQUIRE(lines);
    CHECK(lines->empty());
}

TEST_CASE("a block with more tags than a document has is left to the caller", "[html_lines]") {
    std::string nested;
    for (int i = 0; i < 6000; ++i) {
        nested += "<b>";
    }
    CHECK_FALSE(html_lines(nested).has_value());
}

TEST_CASE("a <pre> keeps its lines, as code", "[html_lines]") {
    const auto lines =
        html_lines("<p>The log:</p>\n<pre>10:02 ERROR disk full\n10:05 retry\n</pre>");
    REQUIRE(lines);
    REQUIRE(lines->size() == 3);
    CHECK_FALSE((*lines)[0].code);
    CHECK((*lines)[1].text == "10:02 ERROR disk full");
    CHECK((*lines)[1].code);
    CHECK((*lines)[1].line == 2);
    CHECK((*lines)[2].text == "10:05 retry");
    CHECK((*lines)[2].code);
    CHECK((*lines)[2].line == 3);
}
