// Builder.add and Builder.build of lunr 2.3.9: counts, postings, average lengths, BM25 weights.
#include "search/index_builder.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "search/fdlibm_log.hpp"
#include "search/js_number.hpp"
#include "search/js_value.hpp"

namespace hindsight::search {
namespace {

constexpr std::uint32_t kStopWord = TokenTerms::kStopWord;

// builder.b() (lunr.js:2430-2438): below 0 is 0, above 1 is 1, anything else (NaN too) as given.
double clamped_b(double b) {
    if (b < 0) {
        return 0;
    }
    return b > 1 ? 1 : b;
}

// `boost || 1`: 0 and NaN are falsy in JavaScript.
double effective_boost(double boost) {
    return boost == 0 || std::isnan(boost) ? 1.0 : boost;
}

bool array_index_first(const LunrField& a, const LunrField& b) {
    const auto ia = array_index(a.name);
    const auto ib = array_index(b.name);
    return ia && (!ib || *ia < *ib);
}

}  // namespace

std::optional<std::string> field_name_problem(std::string_view name) {
    if (name.empty()) {
        return "a field name must not be empty";
    }
    if (name.find('/') != std::string_view::npos) {
        return "a field name must not contain '/' (lunr joins field and ref with it)";
    }
    if (name == "_index") {
        return "\"_index\" is the key lunr numbers terms with; it cannot be a field";
    }
    if (is_object_prototype_member(name)) {
        return "\"" + std::string(name) +
               "\" is a member of JavaScript's Object.prototype, which breaks lunr.js";
    }
    return std::nullopt;
}

IndexBuilder::IndexBuilder(const std::vector<LunrField>& fields, const BuilderOptions& options)
    : b_(clamped_b(options.b)), k1_(options.k1), metadata_whitelist_(options.metadata_whitelist) {
    // builder.field() on a name already there replaces its boost but keeps its place; and
    // Object.keys puts array-index names first.
    std::vector<LunrField> distinct;
    std::vector<std::size_t> value_index;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const auto same = std::find_if(distinct.begin(), distinct.end(), [&](const LunrField& f) {
            return f.name == fields[i].name;
        });
        if (same != distinct.end()) {
            same->boost = fields[i].boost;
            continue;
        }
        distinct.push_back(fields[i]);
        value_index.push_back(i);
    }
    std::vector<std::size_t> order(distinct.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return array_index_first(distinct[a], distinct[b]);
    });
    for (const std::size_t i : order) {
        fields_.push_back({distinct[i].name, effective_boost(distinct[i].boost), value_index[i]});
    }
}

void IndexBuilder::expect_text(std::size_t bytes) {
    // The benchmark's documents have one (field, term) count per 19 bytes of docs.json. Reserved
    // memory costs nothing until written (its pages are not touched), while growing by doubling
    // copied the counts and touched twice their memory.
    count_terms_.reserve(count_terms_.size() + bytes / 12);
    count_values_.reserve(count_values_.size() + bytes / 12);
}

std::uint32_t IndexBuilder::begin_document(const std::string& ref_text, double boost) {
    const auto [ref, new_ref] = intern_ref(ref_text);
    if (!new_ref) {
        repeated_refs_[ref] = true;
        if (!logging_) {
            start_posting_log();
        }
    }
    document_boosts_[ref] = effective_boost(boost);
    ++document_count_;
    return ref;
}

void IndexBuilder::add(const std::string& ref_text, const DocumentTerms& document, double boost) {
    const std::uint32_t ref = begin_document(ref_text, boost);
    for (std::size_t f = 0; f < fields_.size(); ++f) {
        const std::size_t slot = ref * fields_.size() + f;
        const std::size_t value_index = fields_[f].value_index;
        static const FieldTerms kMissing;
        const FieldTerms& terms =
            value_index < document.fields.size() ? document.fields[value_index] : kMissing;
        ranges_[slot] = {static_cast<std::uint32_t>(count_terms_.size()),
                         static_cast<std::uint32_t>(terms.size())};
        for (std::size_t i = 0; i < terms.size(); ++i) {
            const std::uint32_t term = tokens_.intern(terms.term(i));
            count_terms_.push_back(term);
            count_values_.push_back(terms.counts[i]);
        }
        field_lengths_[slot] = terms.length;
        if (logging_) {
            log_postings(slot);
        }
    }
}

void IndexBuilder::add(const LunrDocument& document) {
    const std::uint32_t ref = begin_document(document.ref, document.boost);
    for (std::size_t f = 0; f < fields_.size(); ++f) {
        const std::size_t slot = ref * fields_.size() + f;
        const std::size_t value_index = fields_[f].value_index;
        static const FieldValue kMissing;  // a document with fewer values than fields
        const FieldValue& value =
            value_index < document.values.size() ? document.values[value_index] : kMissing;
        if (metadata_whitelist_.empty()) {
            add_field(value, slot);
        } else {
            add_field_with_metadata(value, slot);
        }
        if (logging_) {
            log_postings(slot);
        }
    }
}

std::pair<std::uint32_t, bool> IndexBuilder::intern_ref(const std::string& ref) {
    const auto [it, inserted] = ref_ids_.try_emplace(ref, static_cast<std::uint32_t>(refs_.size()));
    if (inserted) {
        refs_.push_back(ref);
        document_boosts_.push_back(1);
        repeated_refs_.push_back(false);
        ranges_.resize(ranges_.size() + fields_.size());
        field_lengths_.resize(field_lengths_.size() + fields_.size());
    }
    return {it->second, inserted};
}

// A duplicate ref replaces the first copy's counts and length but keeps its slot, as
// fieldTermFrequencies[fieldRef] = {} does on an existing key. The first copy's counts stay in
// the flat arrays, unused.
// Without a branch on the token: whether it is a stop word, or new in the field, is as good as
// random, and mispredicting it cost more than the counting. A stop word's kStopWord + 1 wraps to
// 0, the counter no term has.
inline void IndexBuilder::count_token(std::uint32_t term, std::uint32_t& length,
                                      std::size_t& distinct) {
    if (tokens_.size() >= scratch_counts_.size()) {  // a new term: a counter for it
        scratch_counts_.resize(tokens_.size() + 1, 0);
    }
    const bool stop_word = term == kStopWord;
    length += stop_word ? 0 : 1;  // "" terms count toward the length; stop words do not
    const bool first = scratch_counts_[term + 1]++ == 0;
    if (distinct == scratch_terms_.size()) {
        scratch_terms_.resize(2 * distinct + 64);
    }
    scratch_terms_[distinct] = term;
    distinct += first && !stop_word ? 1 : 0;
}

// The field's counts, gathered by count_token, moved to the flat arrays, the scratch counters
// cleared for the next field.
void IndexBuilder::end_field(std::size_t slot, std::uint32_t length, std::size_t distinct) {
    ranges_[slot] = {static_cast<std::uint32_t>(count_terms_.size()),
                     static_cast<std::uint32_t>(distinct)};
    for (std::size_t i = 0; i < distinct; ++i) {
        const std::uint32_t term = scratch_terms_[i];
        count_terms_.push_back(term);
        count_values_.push_back(scratch_counts_[term + 1]);
        scratch_counts_[term + 1] = 0;
    }
    field_lengths_[slot] = length;
}

void IndexBuilder::add_field(const FieldValue& value, std::size_t slot) {
    std::uint32_t length = 0;
    std::size_t distinct = 0;
    tokenizer_.tokenize(
        value, [&](std::string_view raw) { count_token(tokens_.of_raw(raw), length, distinct); },
        [&](std::u16string_view lowered) {
            count_token(tokens_.of_lowered(lowered), length, distinct);
        });
    end_field(slot, length, distinct);
}

// As add_field, and each token's metadata logged: the whole value lowered first, since the
// positions are in code units of the lowered value.
void IndexBuilder::add_field_with_metadata(const FieldValue& value, std::size_t slot) {
    std::uint32_t length = 0;
    std::size_t distinct = 0;
    const auto ref = static_cast<std::uint32_t>(slot / fields_.size());
    const auto field = static_cast<std::uint32_t>(slot % fields_.size());
    tokenizer_.tokenize_with_positions(
        value, [&](std::u16string_view token, const Tokenizer::TokenPosition& position) {
            const std::uint32_t term = tokens_.of_lowered(token);
            count_token(term, length, distinct);
            if (term != kStopWord) {
                occurrences_.push_back(
                    {static_cast<std::uint32_t>(term * fields_.size() + field), ref,
                     TokenMetadata{position.start, position.length, position.index}});
            }
        });
    end_field(slot, length, distinct);
}

// Until the first duplicate ref, fields were added in slot order, one slot each, so the log
// they would have written is their counts read in that order.
void IndexBuilder::start_posting_log() {
    logging_ = true;
    posting_log_.reserve(count_terms_.size());
    for (std::size_t slot = 0; slot < ranges_.size(); ++slot) {
        log_postings(slot);
    }
}

void IndexBuilder::log_postings(std::size_t slot) {
    const auto ref = static_cast<std::uint32_t>(slot / fields_.size());
    const std::size_t f = slot % fields_.size();
    const Range range = ranges_[slot];
    for (std::uint32_t i = range.begin; i < range.begin + range.size; ++i) {
        posting_log_.push_back(
            {static_cast<std::uint32_t>(count_terms_[i] * fields_.size() + f), ref});
    }
}

// The current counts regrouped by key = term * fields + field, and within a key by slot: the
// transpose of the counts, by two counting-sort passes. Without duplicate refs, its refs are
// the postings, each in the order lunr's insertion gives (refs ascending).
IndexBuilder::ByKey IndexBuilder::group_by_key() const {
    const std::size_t field_count = fields_.size();
    const std::size_t keys = tokens_.size() * field_count;
    ByKey grouped;
    // Counted into offsets[key + 2], so that after the prefix sum offsets[key + 1] is where a
    // key starts, and after the scatter, where it ends: offsets[0..keys] are then the offsets.
    std::vector<std::uint32_t>& offsets = grouped.offsets;
    offsets.assign(keys + 2, 0);
    for (std::size_t slot = 0; slot < ranges_.size(); ++slot) {
        const std::size_t f = slot % field_count;
        const Range range = ranges_[slot];
        for (std::uint32_t i = range.begin; i < range.begin + range.size; ++i) {
            ++offsets[count_terms_[i] * field_count + f + 2];
        }
    }
    for (std::size_t k = 2; k < offsets.size(); ++k) {
        offsets[k] += offsets[k - 1];
    }
    grouped.refs.resize(offsets.back());
    grouped.counts.resize(offsets.back());
    for (std::size_t slot = 0; slot < ranges_.size(); ++slot) {
        const auto ref = static_cast<std::uint32_t>(slot / field_count);
        const std::size_t f = slot % field_count;
        const Range range = ranges_[slot];
        for (std::uint32_t i = range.begin; i < range.begin + range.size; ++i) {
            const std::uint32_t at = offsets[count_terms_[i] * field_count + f + 1]++;
            grouped.refs[at] = ref;
            grouped.counts[at] = count_values_[i];
        }
    }
    offsets.pop_back();
    return grouped;
}

// From the log, with duplicate refs: a ref added twice may have logged a term twice, and only
// its first place counts, as in lunr's `if (posting[field][ref] == undefined)`.
void IndexBuilder::index_logged_postings(LunrIndex& index) const {
    const std::size_t keys = tokens_.size() * fields_.size();
    std::vector<std::uint32_t> ends(keys + 1, 0);
    for (const Posting& p : posting_log_) {
        ++ends[p.key + 1];
    }
    for (std::size_t k = 0; k < keys; ++k) {
        ends[k + 1] += ends[k];
    }
    index.posting_offsets = ends;
    index.posting_refs.resize(posting_log_.size());
    bool skipped = false;
    for (const Posting& p : posting_log_) {
        const auto first = index.posting_refs.begin() + index.posting_offsets[p.key];
        const auto end = index.posting_refs.begin() + ends[p.key];
        if (repeated_refs_[p.ref] && std::find(first, end, p.ref) != end) {
            skipped = true;
            continue;
        }
        *end = p.ref;
        ++ends[p.key];
    }
    if (skipped) {  // close the gaps the skipped entries left
        std::size_t out = 0;
        for (std::size_t k = 0; k < keys; ++k) {
            const std::uint32_t begin = index.posting_offsets[k];
            index.posting_offsets[k] = static_cast<std::uint32_t>(out);
            for (std::uint32_t i = begin; i < ends[k]; ++i) {
                index.posting_refs[out++] = index.posting_refs[i];
            }
        }
        index.posting_offsets[keys] = static_cast<std::uint32_t>(out);
        index.posting_refs.resize(out);
    }
}

// Builder#calculateAverageFieldLengths: every document has every field, empty ones included.
std::vector<double> IndexBuilder::average_field_lengths() const {
    std::vector<double> averages(fields_.size(), 0);
    for (std::size_t f = 0; f < fields_.size(); ++f) {
        double total = 0;  // exact: integers far below 2^53
        for (std::size_t ref = 0; ref < refs_.size(); ++ref) {
            total += field_lengths_[ref * fields_.size() + f];
        }
        averages[f] = total / static_cast<double>(refs_.size());
    }
    return averages;
}

// lunr.idf (lunr.js:319-330). df counts (field, document) pairs, so it can exceed the number
// of documents, which is why the absolute value is there.
std::vector<double> IndexBuilder::inverse_document_frequencies(const LunrIndex& index) const {
    const double documents = document_count_;
    std::vector<double> idf(tokens_.size());
    for (std::uint32_t term = 0; term < tokens_.size(); ++term) {
        const std::size_t first = term * fields_.size();
        const double with_term =
            index.posting_offsets[first + fields_.size()] - index.posting_offsets[first];
        const double x = (documents - with_term + 0.5) / (with_term + 0.5);
        idf[term] = fdlibm_log(1 + std::fabs(x));
    }
    return idf;
}

// The vectors' terms and counts, from the counts grouped by key: visiting keys in ascending
// order and dealing each entry back to its slot gives every slot its terms in ascending order,
// as lunr's vectors have them, without sorting each slot's terms (which took 8% of the run on
// 1,000 documents, in mispredicted comparisons). The counts go to vectors.weights, which
// weigh_vectors turns into the weights in place.
void IndexBuilder::deal_vectors(const ByKey& grouped, FieldVectors& vectors) const {
    const std::size_t field_count = fields_.size();
    // As in group_by_key: sizes at slot + 2, starts at slot + 1, then ends at slot + 1.
    std::vector<std::uint32_t>& offsets = vectors.offsets;
    offsets.assign(ranges_.size() + 2, 0);
    for (std::size_t slot = 0; slot < ranges_.size(); ++slot) {
        offsets[slot + 2] = offsets[slot + 1] + ranges_[slot].size;
    }
    vectors.terms.resize(offsets.back());
    vectors.weights.resize(offsets.back());
    std::size_t key = 0;
    for (std::uint32_t term = 0; term < tokens_.size(); ++term) {
        for (std::size_t f = 0; f < field_count; ++f, ++key) {
            for (std::uint32_t i = grouped.offsets[key]; i < grouped.offsets[key + 1]; ++i) {
                const std::uint32_t at = offsets[grouped.refs[i] * field_count + f + 1]++;
                vectors.terms[at] = term;
                vectors.weights[at] = grouped.counts[i];
            }
        }
    }
    offsets.pop_back();
}

// Builder#createFieldVectors: BM25 with lunr's exact order of operations (lunr.js:2608-2611).
void IndexBuilder::weigh_vectors(LunrIndex& index) const {
    const std::vector<double> averages = average_field_lengths();
    const std::vector<double> idf = inverse_document_frequencies(index);
    FieldVectors& vectors = index.vectors;
    for (std::size_t slot = 0; slot + 1 < vectors.offsets.size(); ++slot) {
        const std::size_t f = slot % fields_.size();
        const double field_length = field_lengths_[slot];
        const double doc_boost = document_boosts_[slot / fields_.size()];
        const double field_boost = fields_[f].boost;
        // The same subexpression lunr computes for each term, computed once: same value.
        const double length_norm = k1_ * (1 - b_ + b_ * (field_length / averages[f]));
        for (std::uint32_t i = vectors.offsets[slot]; i < vectors.offsets[slot + 1]; ++i) {
            const double tf = vectors.weights[i];
            double score = idf[vectors.terms[i]] * ((k1_ + 1) * tf) / (length_norm + tf);
            score *= field_boost;
            score *= doc_boost;
            vectors.weights[i] = js_round(score * 1000) / 1000;
        }
    }
}

// The logged tokens, grouped by posting entry: sorted stably by (key, ref), each entry's tokens
// stay in the order added, a duplicate ref's second copy after its first, as lunr pushes them.
void IndexBuilder::index_metadata(LunrIndex& index) {
    // The whitelist's distinct keys: a key the whitelist names twice gets each token's value
    // twice, since lunr's loop pushes once per name.
    for (const auto& key : metadata_whitelist_) {
        const auto same = std::find(index.metadata_keys.begin(), index.metadata_keys.end(), key);
        if (same != index.metadata_keys.end()) {
            ++index.metadata_repeats[static_cast<std::size_t>(same - index.metadata_keys.begin())];
            continue;
        }
        index.metadata_keys.push_back(key);
        index.metadata_repeats.push_back(1);
    }
    std::vector<std::size_t> order(index.metadata_keys.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const auto ia = array_index(index.metadata_keys[a]);
        const auto ib = array_index(index.metadata_keys[b]);
        return ia && (!ib || *ia < *ib);
    });
    std::vector<std::string> keys;
    std::vector<std::uint32_t> repeats;
    for (const std::size_t i : order) {
        keys.push_back(index.metadata_keys[i]);
        repeats.push_back(index.metadata_repeats[i]);
    }
    index.metadata_keys = std::move(keys);
    index.metadata_repeats = std::move(repeats);

    std::stable_sort(occurrences_.begin(), occurrences_.end(),
                     [](const Occurrence& a, const Occurrence& b) {
                         return a.key != b.key ? a.key < b.key : a.ref < b.ref;
                     });
    const std::size_t keys_count = tokens_.size() * fields_.size();
    index.metadata_offsets.assign(index.posting_refs.size() + 1, 0);
    index.metadata.reserve(occurrences_.size());
    auto next = occurrences_.begin();
    for (std::size_t key = 0; key < keys_count; ++key) {
        const auto key_end = std::partition_point(
            next, occurrences_.end(), [&](const Occurrence& o) { return o.key <= key; });
        for (std::uint32_t i = index.posting_offsets[key]; i < index.posting_offsets[key + 1];
             ++i) {
            const std::uint32_t ref = index.posting_refs[i];
            auto first = std::partition_point(next, key_end,
                                              [&](const Occurrence& o) { return o.ref < ref; });
            index.metadata_offsets[i] = static_cast<std::uint32_t>(index.metadata.size());
            for (; first != key_end && first->ref == ref; ++first) {
                index.metadata.push_back(first->metadata);
            }
        }
        next = key_end;
    }
    index.metadata_offsets.back() = static_cast<std::uint32_t>(index.metadata.size());
    std::vector<Occurrence>().swap(occurrences_);
}

LunrIndex IndexBuilder::build() && {
    LunrIndex index;
    {
        ByKey grouped = group_by_key();
        std::vector<std::uint32_t>().swap(count_terms_);  // keep the peak memory down
        std::vector<std::uint32_t>().swap(count_values_);
        deal_vectors(grouped, index.vectors);
        if (logging_) {
            index_logged_postings(index);
        } else {
            index.posting_offsets = std::move(grouped.offsets);
            index.posting_refs = std::move(grouped.refs);
        }
    }
    std::vector<Posting>().swap(posting_log_);
    weigh_vectors(index);
    if (!metadata_whitelist_.empty()) {
        index_metadata(index);
    }
    for (const Field& field : fields_) {
        index.fields.push_back(field.name);
    }
    index.refs = std::move(refs_);
    index.terms.reserve(tokens_.size());
    for (std::uint32_t term = 0; term < tokens_.size(); ++term) {
        index.terms.emplace_back(tokens_.term(term));
    }
    return index;
}

}  // namespace hindsight::search
