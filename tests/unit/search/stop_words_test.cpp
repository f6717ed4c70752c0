// Tests for search/stop_words: exact matches of lunr's 119 words, after trimming.
#include <catch2/catch.hpp>

#include "search/stop_words.hpp"

using namespace hindsight::search;

TEST_CASE("lunr's stop words are dropped and nothing else is", "[stop_words]") {
    for (const std::u16string_view word : {u"a", u"the", u"your", u"twas", u"tis", u"wants"}) {
        CHECK(is_stop_word(word));
    }
    for (const std::u16string_view word :
         {u"", u"The", u"thee", u"constructor", u"toString", u"above", u"want"}) {
        CHECK_FALSE(is_stop_word(word));
    }
}
