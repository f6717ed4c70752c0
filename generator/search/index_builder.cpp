// Builder.add and Builder.build of lunr 2.3.9: counts, postings, average lengths, BM25 weights.
#include "search/index_builder.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "search/fdlibm_log.hpp"
#include "search/js_number.hpp"
#include "search/js_value.hpp"
#include "search/stemmer.hpp"
#include "search/stop_words.hpp"
#include "search/trimmer.hpp"

namespace hindsight::search {
namespace {

// lunr's defaults (lunr.js:2360-2361).
constexpr double kB = 0.75;
constexpr double kK1 = 1.2;
constexpr std::uint32_t kStopWord = UINT32_MAX;

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

IndexBuilder::IndexBuilder(const std::vector<LunrField>& fields) {
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

void IndexBuilder::add(const LunrDocument& document) {
    const auto [ref, new_ref] = intern_ref(document.ref);
    if (!new_ref) {
        repeated_refs_[ref] = true;
    }
    document_boosts_[ref] = effective_boost(document.boost);
    ++document_count_;
    for (std::size_t f = 0; f < fields_.size(); ++f) {
        const std::size_t slot = ref * fields_.size() + f;
        const std::size_t value_index = fields_[f].value_index;
        static const FieldValue kMissing;  // a document with fewer values than fields
        add_field(value_index < document.values.size() ? document.values[value_index] : kMissing,
                  slot);
        for (const TermCount& tc : term_counts_[slot]) {
            log_posting({static_cast<std::uint32_t>(tc.term * fields_.size() + f), ref});
        }
    }
}

std::pair<std::uint32_t, bool> IndexBuilder::intern_ref(const std::string& ref) {
    const auto [it, inserted] = ref_ids_.try_emplace(ref, static_cast<std::uint32_t>(refs_.size()));
    if (inserted) {
        refs_.push_back(ref);
        document_boosts_.push_back(1);
        repeated_refs_.push_back(false);
        term_counts_.resize(term_counts_.size() + fields_.size());
        field_lengths_.resize(field_lengths_.size() + fields_.size());
    }
    return {it->second, inserted};
}

// A duplicate ref replaces the first copy's counts and length but keeps its slot, as
// fieldTermFrequencies[fieldRef] = {} does on an existing key.
void IndexBuilder::add_field(const FieldValue& value, std::size_t slot) {
    std::uint32_t length = 0;
    scratch_terms_.clear();
    const auto count = [&](std::uint32_t term) {
        if (term == kStopWord) {
            return;
        }
        ++length;  // "" terms count toward the length; stop words do not
        if (scratch_counts_[term]++ == 0) {
            scratch_terms_.push_back(term);
        }
    };
    tokenizer_.tokenize(
        value, [&](std::string_view raw) { count(term_of_raw_token(raw)); },
        [&](std::u16string_view lowered) { count(term_of_token(lowered)); });
    std::sort(scratch_terms_.begin(), scratch_terms_.end());
    auto& counts = term_counts_[slot];
    counts.clear();
    counts.reserve(scratch_terms_.size());
    for (const std::uint32_t term : scratch_terms_) {
        counts.push_back({term, scratch_counts_[term]});
        scratch_counts_[term] = 0;
    }
    field_lengths_[slot] = length;
}

std::uint32_t IndexBuilder::term_of_raw_token(std::string_view raw) {
    const std::uint32_t known = raw_tokens_.find(raw);
    if (known != StringTable<char>::kMissing) {
        return raw_terms_[known];
    }
    Tokenizer::lower_token(raw, lowered_);
    const std::uint32_t term = term_of_token(lowered_);
    bool added = false;
    raw_tokens_.insert(raw, added);
    raw_terms_.push_back(term);
    return term;
}

std::uint32_t IndexBuilder::term_of_token(std::u16string_view token) {
    const std::uint32_t known = tokens_.find(token);
    return known != StringTable<char16_t>::kMissing ? token_terms_[known]
                                                    : term_of_new_token(token);
}

// The index pipeline, trimmer -> stopWordFilter -> stemmer, for a token not seen before. A new
// term gets the next _index.
std::uint32_t IndexBuilder::term_of_new_token(std::u16string_view token) {
    const std::u16string_view trimmed = trim_token(token);
    std::uint32_t term = kStopWord;
    if (!is_stop_word(trimmed)) {
        bool added = false;
        term = terms_.insert(stem(std::u16string(trimmed)), added);
        if (added) {
            scratch_counts_.push_back(0);
        }
    }
    bool added = false;
    tokens_.insert(token, added);
    token_terms_.push_back(term);
    return term;
}

void IndexBuilder::log_posting(Posting posting) {
    if (posting_log_size_ % kLogBlock == 0) {
        posting_log_.push_back(std::make_unique_for_overwrite<Posting[]>(kLogBlock));
    }
    posting_log_.back()[posting_log_size_ % kLogBlock] = posting;
    ++posting_log_size_;
}

// The log, counting-sorted by (term, field). A ref added twice may have logged a term twice;
// only its first place counts, as in lunr's `if (posting[field][ref] == undefined)`.
void IndexBuilder::index_postings(LunrIndex& index) const {
    const std::size_t keys = terms_.size() * fields_.size();
    const auto for_each_logged = [&](auto&& visit) {
        for (std::size_t i = 0; i < posting_log_size_; ++i) {
            visit(posting_log_[i / kLogBlock][i % kLogBlock]);
        }
    };
    std::vector<std::uint32_t> ends(keys + 1, 0);
    for_each_logged([&](const Posting& p) { ++ends[p.key + 1]; });
    for (std::size_t k = 0; k < keys; ++k) {
        ends[k + 1] += ends[k];
    }
    index.posting_offsets = ends;
    index.posting_refs.resize(posting_log_size_);
    bool skipped = false;
    for_each_logged([&](const Posting& p) {
        const auto first = index.posting_refs.begin() + index.posting_offsets[p.key];
        const auto end = index.posting_refs.begin() + ends[p.key];
        if (repeated_refs_[p.ref] && std::find(first, end, p.ref) != end) {
            skipped = true;
            return;
        }
        *end = p.ref;
        ++ends[p.key];
    });
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
    std::vector<double> idf(terms_.size());
    for (std::uint32_t term = 0; term < terms_.size(); ++term) {
        const std::size_t first = term * fields_.size();
        const double with_term =
            index.posting_offsets[first + fields_.size()] - index.posting_offsets[first];
        const double x = (documents - with_term + 0.5) / (with_term + 0.5);
        idf[term] = fdlibm_log(1 + std::fabs(x));
    }
    return idf;
}

// Builder#createFieldVectors: BM25 with lunr's exact order of operations (lunr.js:2608-2611).
LunrIndex IndexBuilder::build() && {
    LunrIndex index;
    index_postings(index);
    const std::vector<double> averages = average_field_lengths();
    const std::vector<double> idf = inverse_document_frequencies(index);
    index.vectors.resize(term_counts_.size());
    for (std::size_t slot = 0; slot < term_counts_.size(); ++slot) {
        const std::size_t f = slot % fields_.size();
        const double field_length = field_lengths_[slot];
        const double doc_boost = document_boosts_[slot / fields_.size()];
        auto& vector = index.vectors[slot];
        vector.reserve(term_counts_[slot].size());
        for (const TermCount& tc : term_counts_[slot]) {
            const double tf = tc.count;
            double score = idf[tc.term] * ((kK1 + 1) * tf) /
                           (kK1 * (1 - kB + kB * (field_length / averages[f])) + tf);
            score *= fields_[f].boost;
            score *= doc_boost;
            vector.push_back({tc.term, js_round(score * 1000) / 1000});
        }
        std::vector<TermCount>().swap(term_counts_[slot]);  // keep the peak memory down
    }
    for (const Field& field : fields_) {
        index.fields.push_back(field.name);
    }
    index.refs = std::move(refs_);
    index.terms.reserve(terms_.size());
    for (std::uint32_t term = 0; term < terms_.size(); ++term) {
        index.terms.emplace_back(terms_.at(term));
    }
    return index;
}

}  // namespace hindsight::search
