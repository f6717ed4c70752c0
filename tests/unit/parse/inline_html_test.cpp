// Tests for parse/inline_html: which inline tags only format text.
#include <catch2/catch.hpp>

#include "parse/inline_html.hpp"

using namespace hindsight;

TEST_CASE("editor formatting tags with presentational attributes only format", "[inline_html]") {
    CHECK(is_formatting_tag("<span style=\"color: #6A5ACD;\">"));
    CHECK(is_formatting_tag("</span>"));
    CHECK(is_formatting_tag("<B>"));
    CHECK(is_formatting_tag("<font face='Arial' size=3 color=red>"));
    CHECK(is_formatting_tag("<br/>"));
    CHECK(is_formatting_tag("<br />"));
    CHECK(is_formatting_tag("<strong class=\"x\" dir=ltr>"));
}

TEST_CASE("tags with content or behaviour of their own are not formatting", "[inline_html]") {
    CHECK_FALSE(is_formatting_tag("<b onclick=x>"));
    CHECK_FALSE(is_formatting_tag("<span onmouseover=\"alert(1)\">"));
    CHECK_FALSE(is_formatting_tag("<a href=\"https://example.com\">"));
    CHECK_FALSE(is_formatting_tag("<img src=x>"));
    CHECK_FALSE(is_formatting_tag("<script>"));
    CHECK_FALSE(is_formatting_tag("<service-name>"));
    CHECK_FALSE(is_formatting_tag("<bold>"));
    CHECK_FALSE(is_formatting_tag("<span style=\"unterminated>"));
}

TEST_CASE("only <br> breaks a line", "[inline_html]") {
    CHECK(is_line_break_tag("<br>"));
    CHECK(is_line_break_tag("<BR/>"));
    CHECK_FALSE(is_line_break_tag("<b>"));
    CHECK_FALSE(is_line_break_tag("<brand>"));
}
