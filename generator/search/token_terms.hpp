// Tokens to terms through lunr's index pipeline, each distinct token run through it once, and
// the terms numbered in the order they are first seen (which is lunr's _index).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "search/string_table.hpp"
#include "search/tokenizer.hpp"

namespace hindsight::search {

class TokenTerms {
  public:
    static constexpr std::uint32_t kStopWord = UINT32_MAX;

    // The term of a token as written (Tokenizer's `raw`), or kStopWord. Most tokens have been
    // seen before, as written: that lookup is inline, and only a new token calls out. A new one
    // is lowered there and goes through the pipeline without a second table for its lowered
    // form: the few tokens that differ only in case would not pay for the memory it takes.
    std::uint32_t of_raw(std::string_view raw) {
        const std::uint32_t known = raw_tokens_.find(raw);
        return known != StringTable<char>::kMissing ? raw_terms_[known] : of_new_raw(raw);
    }
    // The term of a token ICU lowered whole (Tokenizer's `lowered`), or kStopWord.
    std::uint32_t of_lowered(std::u16string_view lowered);
    // The number of a term already through the pipeline, numbering it if it is new.
    std::uint32_t intern(std::u16string_view term) {
        bool added = false;
        return terms_.insert(term, added);
    }

    std::size_t size() const { return terms_.size(); }
    std::u16string_view term(std::uint32_t id) const { return terms_.at(id); }

  private:
    std::uint32_t of_new_raw(std::string_view raw);
    std::uint32_t of_new(std::u16string_view lowered);

    StringTable<char> raw_tokens_;  // a token as written -> raw_terms_[id]
    std::vector<std::uint32_t> raw_terms_;
    StringTable<char16_t> lowered_tokens_;  // a token lowered whole -> lowered_terms_[id]
    std::vector<std::uint32_t> lowered_terms_;
    StringTable<char16_t> terms_;  // term -> its number
    std::u16string scratch_;
};

}  // namespace hindsight::search
