// lunr.Builder (lunr.js:2354-2626): documents -> postings, field lengths and BM25 field vectors.
#pragma once

#include <cstdint>
#include <optional>
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
    // postings[term * fields.size() + field]: the refs having the term in the field, in the
    // order they got it.
    std::vector<std::vector<std::uint32_t>> postings;
    // vectors[ref * fields.size() + field]: ascending by term. This is also the order of
    // lunr's fieldVectors keys: documents by first appearance, then fields.
    std::vector<std::vector<TermWeight>> vectors;
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
    std::uint32_t term_of_token(std::u16string_view token);
    std::uint32_t term_of_new_token(std::u16string_view token);
    void add_field(const FieldValue& value, std::size_t slot);
    void add_posting(std::uint32_t term, std::size_t field, std::uint32_t ref, bool new_ref);
    std::vector<double> average_field_lengths() const;
    std::vector<double> inverse_document_frequencies() const;

    std::vector<Field> fields_;
    std::unordered_map<std::string, std::uint32_t> ref_ids_;
    std::vector<std::string> refs_;
    std::vector<double> document_boosts_;  // by ref: the last copy's
    std::uint32_t document_count_ = 0;     // duplicates counted again, as lunr does
    Tokenizer tokenizer_;
    // The index pipeline is a function of the token alone, so it runs once per distinct
    // token: token_terms_[token id] is the term it gives, or kStopWord.
    StringTable tokens_;
    std::vector<std::uint32_t> token_terms_;
    StringTable terms_;  // term -> _index: terms are numbered as they are first seen
    std::vector<std::vector<std::uint32_t>> postings_;
    std::vector<std::vector<TermCount>> term_counts_;  // by field slot, ascending by term
    std::vector<std::uint32_t> field_lengths_;         // by field slot
    std::vector<std::uint32_t> scratch_counts_;        // by term, zero between fields
    std::vector<std::uint32_t> scratch_terms_;
};

}  // namespace hindsight::search
