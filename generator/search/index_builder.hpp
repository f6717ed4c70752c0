// lunr.Builder (lunr.js:2354-2626): documents -> postings, field lengths and BM25 field vectors.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "search/string_table.hpp"
#include "search/tokenizer.hpp"

namespace hindsight::search {

// One indexed field, as builder.field(name, {boost}). A boost of 0 or NaN means 1 (lunr's `|| 1`).
struct LunrField {
    std::string name;
    double boost = 1;
};

// One document, as builder.add(doc, {boost}): its ref already through ToString, and one value
// per field, in the order the fields were given to the builder. A boost of 0 or NaN means 1.
struct LunrDocument {
    std::string ref;
    std::vector<FieldValue> values;
    double boost = 1;
};

// One element of a field vector: a term's _index and its rounded BM25 weight.
struct TermWeight {
    std::uint32_t term = 0;
    double weight = 0;
};

// What lunr.Index#toJSON holds, with terms and refs numbered instead of spelled out.
struct LunrIndex {
    std::vector<std::string> fields;    // Object.keys order: array-index names first
    std::vector<std::string> refs;      // distinct refs, in order of first appearance
    std::vector<std::u16string> terms;  // indexed by _index: order of first appearance
    // The refs having a term in a field, in the order they got it, one array for all:
    // those of (term, field) are posting_refs[posting_offsets[k] .. posting_offsets[k + 1]),
    // where k = term * fields.size() + field.
    std::vector<std::uint32_t> posting_offsets;
    std::vector<std::uint32_t> posting_refs;
    // vectors[ref * fields.size() + field]: ascending by term. This is also the order of
    // lunr's fieldVectors keys: documents by first appearance, then fields.
    std::vector<std::vector<TermWeight>> vectors;

    std::span<const std::uint32_t> posting(std::uint32_t term, std::size_t field) const {
        const std::size_t k = term * fields.size() + field;
        return std::span<const std::uint32_t>(posting_refs)
            .subspan(posting_offsets[k], posting_offsets[k + 1] - posting_offsets[k]);
    }
};

// Why lunr cannot index a field of this name, if it cannot: a '/' (lunr throws), "_index"
// (it would overwrite the posting's term number) or an Object.prototype member such as
// "constructor" (lunr's plain-object accumulators then turn every score in it into NaN).
std::optional<std::string> field_name_problem(std::string_view name);

// lunr's builder with the default pipeline (trimmer, stopWordFilter, stemmer), b = 0.75,
// k1 = 1.2 and no metadata whitelist. The fields must have passed field_name_problem.
class IndexBuilder {
  public:
    explicit IndexBuilder(const std::vector<LunrField>& fields);

    void add(const LunrDocument& document);
    LunrIndex build() &&;

  private:
    struct TermCount {
        std::uint32_t term;
        std::uint32_t count;
    };
    struct Field {
        std::string name;
        double boost;
        std::size_t value_index;  // where its value is in LunrDocument::values
    };

    std::pair<std::uint32_t, bool> intern_ref(const std::string& ref);
    std::uint32_t term_of_raw_token(std::string_view raw);
    std::uint32_t term_of_token(std::u16string_view token);
    std::uint32_t term_of_new_token(std::u16string_view token);
    void add_field(const FieldValue& value, std::size_t slot);
    void index_postings(LunrIndex& index) const;
    std::vector<double> average_field_lengths() const;
    std::vector<double> inverse_document_frequencies(const LunrIndex& index) const;

    std::vector<Field> fields_;
    std::unordered_map<std::string, std::uint32_t> ref_ids_;
    std::vector<std::string> refs_;
    std::vector<double> document_boosts_;  // by ref: the last copy's
    std::uint32_t document_count_ = 0;     // duplicates counted again, as lunr does
    Tokenizer tokenizer_;
    // Lowering and the index pipeline are functions of the token alone, so they run once per
    // distinct token: raw_terms_[id in raw_tokens_] is the term a token as written gives (or
    // kStopWord), and token_terms_[id in tokens_] the term a lowered token gives.
    StringTable<char> raw_tokens_;
    std::vector<std::uint32_t> raw_terms_;
    StringTable<char16_t> tokens_;
    std::vector<std::uint32_t> token_terms_;
    StringTable<char16_t> terms_;  // term -> _index: terms are numbered as they are first seen
    std::u16string lowered_;       // scratch
    // (term * fields + field, ref) for each term of each field added, in order: sorted by
    // (term, field) at the end, stably, it gives every posting in lunr's insertion order.
    struct Posting {
        std::uint32_t key;
        std::uint32_t ref;
    };
    // Blocks of fixed size, not one vector: growing by doubling would copy the log each time
    // and touch three times its memory, for millions of entries.
    static constexpr std::size_t kLogBlock = std::size_t{1} << 16;
    std::vector<std::unique_ptr<Posting[]>> posting_log_;
    std::size_t posting_log_size_ = 0;
    void log_posting(Posting posting);
    std::vector<bool> repeated_refs_;                  // by ref: added more than once
    std::vector<std::vector<TermCount>> term_counts_;  // by field slot, ascending by term
    std::vector<std::uint32_t> field_lengths_;         // by field slot
    std::vector<std::uint32_t> scratch_counts_;        // by term, zero between fields
    std::vector<std::uint32_t> scratch_terms_;
};

}  // namespace hindsight::search
