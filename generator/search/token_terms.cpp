// lunr's index pipeline (trimmer, stopWordFilter, stemmer) run once per distinct token.
#include "search/token_terms.hpp"

#include "search/stemmer.hpp"
#include "search/stop_words.hpp"
#include "search/trimmer.hpp"

namespace hindsight::search {
namespace {

// Notes that a token (the next one numbered in `tokens`) gives `term`.
template <typename Char>
std::uint32_t remember(StringTable<Char>& tokens, std::vector<std::uint32_t>& terms,
                       std::basic_string_view<Char> token, std::uint32_t term) {
    bool added = false;
    tokens.insert(token, added);
    terms.push_back(term);
    return term;
}

}  // namespace

std::uint32_t TokenTerms::of_new_raw(std::string_view raw) {
    Tokenizer::lower_token(raw, scratch_);
    return remember(raw_tokens_, raw_terms_, raw, of_new(scratch_));
}

std::uint32_t TokenTerms::of_lowered(std::u16string_view lowered) {
    const std::uint32_t known = lowered_tokens_.find(lowered);
    if (known != StringTable<char16_t>::kMissing) {
        return lowered_terms_[known];
    }
    return remember(lowered_tokens_, lowered_terms_, lowered, of_new(lowered));
}

// trimmer -> stopWordFilter -> stemmer for a lowered token. A new term gets the next number.
std::uint32_t TokenTerms::of_new(std::u16string_view lowered) {
    const std::u16string_view trimmed = trim_token(lowered);
    if (is_stop_word(trimmed)) {
        return kStopWord;
    }
    return intern(stem(std::u16string(trimmed)));
}

}  // namespace hindsight::search
