// Tests for search/trimmer: \W is [^A-Za-z0-9_] on code units, so non-ASCII letters are trimmed.
#include <catch2/catch.hpp>

#include "search/trimmer.hpp"

using namespace hindsight::search;

TEST_CASE("the trimmer strips non-word units at both ends only", "[trimmer]") {
    CHECK(trim_token(u"caf\u00E9") == u"caf");
    CHECK(trim_token(u"na\u00EFve") == u"na\u00EFve");
    CHECK(trim_token(u"\"quoted\"") == u"quoted");
    CHECK(trim_token(u"30%") == u"30");
    CHECK(trim_token(u"<script>") == u"script");
    CHECK(trim_token(u"don't") == u"don't");
    CHECK(trim_token(u"https://x.com/a") == u"https://x.com/a");
    CHECK(trim_token(u"_under_") == u"_under_");
    CHECK(trim_token(u"\u00C9T\u00C9") == u"T");
}

TEST_CASE("tokens with no ASCII word character trim to the empty term", "[trimmer]") {
    CHECK(trim_token(u"\u6771\u4EAC").empty());
    CHECK(trim_token(u"\u039F\u0394\u039F\u03A3").empty());
    CHECK(trim_token(u"\U0001F525").empty());
    CHECK(trim_token(u"\u2026").empty());
    CHECK(trim_token(u"").empty());
}
