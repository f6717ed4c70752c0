// lunr.trimmer (lunr.js:1337-1341): strips non-word characters from both ends of a token.
#pragma once

#include <string_view>

namespace hindsight::search {

// s.replace(/^\W+/, '').replace(/\W+$/, ''), where \W is [^A-Za-z0-9_] on UTF-16 code units, so
// every non-ASCII character counts as non-word: "café" -> "caf", "東京" -> "". An empty result is
// still a token (indexed as the term ""), not a dropped one.
std::u16string_view trim_token(std::u16string_view token);

}  // namespace hindsight::search
