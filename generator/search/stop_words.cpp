// The stop word list, each word packed into one number, sorted, so a binary search finds a word.
#include "search/stop_words.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace hindsight::search {
namespace {

// lunr.js:1194-1314, in the same (alphabetical) order.
constexpr std::array<std::u16string_view, 119> kStopWords = {
    u"a",       u"able",    u"about",  u"across", u"after",  u"all",     u"almost", u"also",
    u"am",      u"among",   u"an",     u"and",    u"any",    u"are",     u"as",     u"at",
    u"be",      u"because", u"been",   u"but",    u"by",     u"can",     u"cannot", u"could",
    u"dear",    u"did",     u"do",     u"does",   u"either", u"else",    u"ever",   u"every",
    u"for",     u"from",    u"get",    u"got",    u"had",    u"has",     u"have",   u"he",
    u"her",     u"hers",    u"him",    u"his",    u"how",    u"however", u"i",      u"if",
    u"in",      u"into",    u"is",     u"it",     u"its",    u"just",    u"least",  u"let",
    u"like",    u"likely",  u"may",    u"me",     u"might",  u"most",    u"must",   u"my",
    u"neither", u"no",      u"nor",    u"not",    u"of",     u"off",     u"often",  u"on",
    u"only",    u"or",      u"other",  u"our",    u"own",    u"rather",  u"said",   u"say",
    u"says",    u"she",     u"should", u"since",  u"so",     u"some",    u"than",   u"that",
    u"the",     u"their",   u"them",   u"then",   u"there",  u"these",   u"they",   u"this",
    u"tis",     u"to",      u"too",    u"twas",   u"us",     u"wants",   u"was",    u"we",
    u"were",    u"what",    u"when",   u"where",  u"which",  u"while",   u"who",    u"whom",
    u"why",     u"will",    u"with",   u"would",  u"yet",    u"you",     u"your",
};

// A word of 1 to 8 units a to z as one number (5 bits a unit, after a 1 that marks its length);
// nothing else can be a stop word. This runs on every distinct token, and a binary search of
// numbers does without comparing strings unit by unit.
constexpr std::optional<std::uint64_t> pack(std::u16string_view word) {
    if (word.empty() || word.size() > 8) {
        return std::nullopt;
    }
    std::uint64_t packed = 1;
    for (const char16_t unit : word) {
        if (unit < u'a' || unit > u'z') {
            return std::nullopt;
        }
        packed = packed << 5 | static_cast<std::uint64_t>(unit - u'a');
    }
    return packed;
}

constexpr std::array<std::uint64_t, kStopWords.size()> kPackedStopWords = [] {
    std::array<std::uint64_t, kStopWords.size()> packed{};
    for (std::size_t i = 0; i < kStopWords.size(); ++i) {
        packed[i] = *pack(kStopWords[i]);
    }
    std::sort(packed.begin(), packed.end());
    return packed;
}();

}  // namespace

bool is_stop_word(std::u16string_view token) {
    const auto packed = pack(token);
    return packed && std::binary_search(kPackedStopWords.begin(), kPackedStopWords.end(), *packed);
}

}  // namespace hindsight::search
