// lunr.Builder (lunr.js:2354-2626): documents -> postings, field lengths and BM25 field vectors.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "search/document_terms.hpp"
#include "search/token_terms.hpp"
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

// Every field vector, one after the other in flat arrays rather than a vector per (document,
// field), which cost an allocation each; terms and weights apart, 12 bytes an element rather than
// a padded 16. Every page of them is a page fault. vectors[slot] reads like a vector.
struct FieldVectors {
    class Vector {
      public:
        Vector(std::span<const std::uint32_t> terms, std::span<const double> weights)
            : terms_(terms), weights_(weights) {}
        std::size_t size() const { return terms_.size(); }
        bool empty() const { return terms_.empty(); }
        TermWeight operator[](std::size_t i) const { return {terms_[i], weights_[i]}; }
        std::span<const std::uint32_t> terms() const { return terms_; }
        std::span<const double> weights() const { return weights_; }

      private:
        std::span<const std::uint32_t> terms_;
        std::span<const double> weights_;
    };

    // Slot s holds elements offsets[s] .. offsets[s + 1] of terms and weights.
    std::vector<std::uint32_t> offsets{0};
    std::vector<std::uint32_t> terms;
    std::vector<double> weights;

    std::size_t size() const { return offsets.size() - 1; }
    Vector operator[](std::size_t slot) const {
        const std::size_t begin = offsets[slot];
        const std::size_t count = offsets[slot + 1] - begin;
        return {std::span<const std::uint32_t>(terms).subspan(begin, count),
                std::span<const double>(weights).subspan(begin, count)};
    }
};

// The tuning lunr's builder takes besides fields: builder.b(), builder.k1() and
// builder.metadataWhitelist.
struct BuilderOptions {
    double b = 0.75;  // clamped to [0, 1] as builder.b() does
    double k1 = 1.2;
    // Token metadata kept in the postings, in whitelist order: "position" ([start, length] in
    // UTF-16 code units of the lowered field), "index" (the token's number in its field),
    // "fields" ([field name]); any other key is null for every token, as in lunr.js.
    std::vector<std::string> metadata_whitelist;
};

// One token's metadata, as lunr.tokenizer gives it.
struct TokenMetadata {
    std::int32_t start = -1;  // -1: an array element, whose position and index are null
    std::int32_t length = 0;
    std::int32_t index = -1;
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
    FieldVectors vectors;
    // With a metadata whitelist: its distinct keys in JavaScript's key order (array indices
    // first), how many times the whitelist names each, and for posting entry i (an index into
    // posting_refs) its tokens' metadata, metadata[metadata_offsets[i] .. metadata_offsets[i + 1]).
    std::vector<std::string> metadata_keys;
    std::vector<std::uint32_t> metadata_repeats;
    std::vector<std::uint32_t> metadata_offsets;
    std::vector<TokenMetadata> metadata;

    std::span<const std::uint32_t> posting(std::uint32_t term, std::size_t field) const {
        const std::size_t k = term * fields.size() + field;
        return std::span<const std::uint32_t>(posting_refs)
            .subspan(posting_offsets[k], posting_offsets[k + 1] - posting_offsets[k]);
    }
    // Where posting(term, field) starts in posting_refs.
    std::size_t posting_start(std::uint32_t term, std::size_t field) const {
        return posting_offsets[term * fields.size() + field];
    }
};

// Why lunr cannot index a field of this name, if it cannot: a '/' (lunr throws), "_index"
// (it would overwrite the posting's term number) or an Object.prototype member such as
// "constructor" (lunr's plain-object accumulators then turn every score in it into NaN).
std::optional<std::string> field_name_problem(std::string_view name);

// lunr's builder with the default pipeline (trimmer, stopWordFilter, stemmer) and the given
// b, k1 and metadata whitelist. The fields must have passed field_name_problem.
class IndexBuilder {
  public:
    explicit IndexBuilder(const std::vector<LunrField>& fields, const BuilderOptions& options = {});

    // Room for the documents of about this much JSON text, so that a large input is indexed
    // without growing the builder's arrays. Optional.
    void expect_text(std::size_t bytes);

    void add(const LunrDocument& document);
    // The same document, its fields already read (TermReader), by ref and boost: the same index
    // as add() of its values gives, without metadata (a whitelist needs the tokens' positions).
    void add(const std::string& ref, const DocumentTerms& document, double boost = 1);
    LunrIndex build() &&;

  private:
    struct Field {
        std::string name;
        double boost;
        std::size_t value_index;  // where its value is in LunrDocument::values
    };
    // Where a (document, field) slot's term counts are in count_terms_ and count_values_.
    struct Range {
        std::uint32_t begin = 0;
        std::uint32_t size = 0;
    };
    // (term * fields + field, ref): a term a field of a document got, in the order added.
    struct Posting {
        std::uint32_t key;
        std::uint32_t ref;
    };
    // A token a field of a document got, with its metadata, in the order added.
    struct Occurrence {
        std::uint32_t key;
        std::uint32_t ref;
        TokenMetadata metadata;
    };
    // The counts by key = term * fields + field: those of key k are [offsets[k], offsets[k + 1])
    // of refs and counts.
    struct ByKey {
        std::vector<std::uint32_t> offsets;
        std::vector<std::uint32_t> refs;
        std::vector<std::uint32_t> counts;
    };

    std::pair<std::uint32_t, bool> intern_ref(const std::string& ref);
    std::uint32_t begin_document(const std::string& ref, double boost);
    void add_field(const FieldValue& value, std::size_t slot);
    void count_token(std::uint32_t term, std::uint32_t& length, std::size_t& distinct);
    void end_field(std::size_t slot, std::uint32_t length, std::size_t distinct);
    void add_field_with_metadata(const FieldValue& value, std::size_t slot);
    void index_metadata(LunrIndex& index);
    void start_posting_log();
    void log_postings(std::size_t slot);
    ByKey group_by_key() const;
    void deal_vectors(const ByKey& grouped, FieldVectors& vectors) const;
    void index_logged_postings(LunrIndex& index) const;
    std::vector<double> average_field_lengths() const;
    std::vector<double> inverse_document_frequencies(const LunrIndex& index) const;
    void weigh_vectors(LunrIndex& index) const;

    std::vector<Field> fields_;
    double b_;
    double k1_;
    std::vector<std::string> metadata_whitelist_;
    std::vector<Occurrence> occurrences_;  // only with a metadata whitelist
    std::unordered_map<std::string, std::uint32_t> ref_ids_;
    std::vector<std::string> refs_;
    std::vector<double> document_boosts_;  // by ref: the last copy's
    std::uint32_t document_count_ = 0;     // duplicates counted again, as lunr does
    Tokenizer tokenizer_;
    // Lowering and the index pipeline are functions of the token alone, so they run once per
    // distinct token; the terms are numbered as first seen, which is their _index.
    TokenTerms tokens_;
    // The term counts of every slot, in the order its terms first occurred, in two flat arrays
    // in the order the fields were added; ranges_[slot] says where.
    std::vector<std::uint32_t> count_terms_;
    std::vector<std::uint32_t> count_values_;
    std::vector<Range> ranges_;
    std::vector<std::uint32_t> field_lengths_;  // by field slot
    // Without duplicate refs, every posting list is its refs in ascending order, read off the
    // counts at the end. A duplicate ref changes that (a ref keeps its first place in a posting,
    // and its later copy may add terms after other refs), so from the first one on, every term
    // added is logged, and the log, sorted stably by key, gives each posting in lunr's order.
    bool logging_ = false;
    std::vector<Posting> posting_log_;
    std::vector<bool> repeated_refs_;  // by ref: added more than once
    // By term + 1, zero between fields; [0] counts stop words, and is never read.
    std::vector<std::uint32_t> scratch_counts_ = std::vector<std::uint32_t>(1, 0);
    std::vector<std::uint32_t> scratch_terms_;  // the field's distinct terms so far, and room
};

}  // namespace hindsight::search
