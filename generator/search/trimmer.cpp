// The trimmer: ASCII word characters are all that survive at the ends of a token.
#include "search/trimmer.hpp"

namespace hindsight::search {
namespace {

bool is_word_unit(char16_t unit) {
    return (unit >= u'a' && unit <= u'z') || (unit >= u'A' && unit <= u'Z') ||
           (unit >= u'0' && unit <= u'9') || unit == u'_';
}

}  // namespace

std::u16string_view trim_token(std::u16string_view token) {
    std::size_t start = 0;
    while (start < token.size() && !is_word_unit(token[start])) {
        ++start;
    }
    std::size_t end = token.size();
    while (end > start && !is_word_unit(token[end - 1])) {
        --end;
    }
    return token.substr(start, end - start);
}

}  // namespace hindsight::search
