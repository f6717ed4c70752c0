// lunr.stopWordFilter (lunr.js:1170-1314): the 119 English stop words lunr drops before stemming.
#pragma once

#include <string_view>

namespace hindsight::search {

// True when the trimmed token is exactly one of lunr's stop words. "" is not one.
bool is_stop_word(std::u16string_view token);

}  // namespace hindsight::search
