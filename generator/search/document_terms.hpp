// What lunr keeps of one document's text: per field, its terms with their counts and the field's
// length. A plain value made from the document alone, so that a build cache can keep it and the
// whole index be rebuilt without tokenizing again.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "search/token_terms.hpp"
#include "search/tokenizer.hpp"

namespace hindsight::search {

// One field of a document after lunr's index pipeline (tokenizer, trimmer, stop words, stemmer).
struct FieldTerms {
    // The distinct terms in the order they first occur, one after the other in `text`: term i is
    // text[ends[i - 1] .. ends[i]) (from 0 for the first). One buffer, not a string per term.
    std::u16string text;
    std::vector<std::uint32_t> ends;
    std::vector<std::uint32_t> counts;  // occurrences of term i in the field
    std::uint32_t length = 0;           // terms in the field: stop words left out, "" counted

    std::size_t size() const { return ends.size(); }
    std::u16string_view term(std::size_t i) const {
        const std::uint32_t begin = i == 0 ? 0 : ends[i - 1];
        return std::u16string_view(text).substr(begin, ends[i] - begin);
    }
    friend bool operator==(const FieldTerms&, const FieldTerms&) = default;
};

// A document's fields in the order of the values given (the order of the fields as configured,
// not lunr's: IndexBuilder::add_terms maps them).
struct DocumentTerms {
    std::vector<FieldTerms> fields;
    friend bool operator==(const DocumentTerms&, const DocumentTerms&) = default;
};

// Turns field values into terms, each distinct token through the pipeline once. One per thread.
class TermReader {
  public:
    DocumentTerms read(const std::vector<FieldValue>& values);

  private:
    void count(std::uint32_t term, FieldTerms& field);

    Tokenizer tokenizer_;
    TokenTerms tokens_;
    // By term: where it is in the field being read, + 1 (0: not in it yet).
    std::vector<std::uint32_t> in_field_;
    std::vector<std::uint32_t> in_this_field_;
};

}  // namespace hindsight::search
