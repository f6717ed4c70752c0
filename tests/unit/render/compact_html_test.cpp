// Tests for render/compact_html: indentation goes, preformatted text stays.
#include <catch2/catch.hpp>

#include "render/compact_html.hpp"

using namespace hindsight;

TEST_CASE("indentation between tags becomes one line break", "[compact_html]") {
    CHECK(compact_html("<ul>\n    <li>a</li>\n\n      <li>b</li>\n</ul>\n") ==
          "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n");
    // Spaces with no line break are left alone: they may separate words.
    CHECK(compact_html("<p>two  spaces <b>x</b> y</p>") == "<p>two  spaces <b>x</b> y</p>");
}

TEST_CASE("preformatted elements keep every space", "[compact_html]") {
    const std::string code = "<pre><code>if x:\n    return 1\n\n\n  done\n</code></pre>";
    CHECK(compact_html("<div>\n   " + code + "\n   </div>") == "<div>\n" + code + "\n</div>");
    CHECK(compact_html("<textarea rows=\"2\">a\n   b</textarea>\n  x") ==
          "<textarea rows=\"2\">a\n   b</textarea>\nx");
    CHECK(compact_html("<script>\n  var a = 1;\n</script>") == "<script>\n  var a = 1;\n</script>");
    CHECK(compact_html("<PRE>a\n   b</PRE>\n  c") == "<PRE>a\n   b</PRE>\nc");
    // A tag that only starts like one is not one.
    CHECK(compact_html("<prefix>\n   a</prefix>") == "<prefix>\na</prefix>");
    // An unclosed <pre> keeps the rest of the page as it is.
    CHECK(compact_html("<pre>a\n   b") == "<pre>a\n   b");
}
