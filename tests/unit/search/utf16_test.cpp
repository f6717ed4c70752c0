// Tests for search/utf16: the string model of JavaScript, and repairs of bad UTF-8.
#include <catch2/catch.hpp>

#include "search/utf16.hpp"

using namespace hindsight::search;

TEST_CASE("UTF-8 round-trips through UTF-16, astral characters as surrogate pairs", "[utf16]") {
    CHECK(to_utf16("a\xF0\x9F\x98\x80") == u"a\U0001F600");
    CHECK(to_utf16("a\xF0\x9F\x98\x80").size() == 3);
    CHECK(to_utf8(u"caf\u00E9 \U0001F600") == "caf\xC3\xA9 \xF0\x9F\x98\x80");
}

TEST_CASE("invalid UTF-8 becomes U+FFFD per maximal subpart", "[utf16]") {
    CHECK(to_utf16("\xF0\x9F\x98") == u"\uFFFD");              // truncated sequence: one
    CHECK(to_utf16("\xC0\xAF") == u"\uFFFD\uFFFD");            // overlong: one per byte
    CHECK(to_utf16("\xED\xA0\x80") == u"\uFFFD\uFFFD\uFFFD");  // encoded surrogate
}

TEST_CASE("lone surrogates become U+FFFD in UTF-8", "[utf16]") {
    CHECK(to_utf8(std::u16string(1, char16_t(0xD800))) == "\xEF\xBF\xBD");
}
