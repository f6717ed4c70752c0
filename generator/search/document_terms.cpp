// A document's fields through lunr's index pipeline: its terms, their counts, the lengths.
#include "search/document_terms.hpp"

namespace hindsight::search {

DocumentTerms TermReader::read(const std::vector<FieldValue>& values) {
    DocumentTerms document;
    document.fields.resize(values.size());
    for (std::size_t f = 0; f < values.size(); ++f) {
        FieldTerms& field = document.fields[f];
        tokenizer_.tokenize(
            values[f], [&](std::string_view raw) { count(tokens_.of_raw(raw), field); },
            [&](std::u16string_view lowered) { count(tokens_.of_lowered(lowered), field); });
        for (const std::uint32_t term : in_this_field_) {  // cleared for the next field
            in_field_[term] = 0;
        }
        in_this_field_.clear();
    }
    return document;
}

// "" terms count toward the length; stop words do not, and are not terms.
void TermReader::count(std::uint32_t term, FieldTerms& field) {
    if (term == TokenTerms::kStopWord) {
        return;
    }
    if (term >= in_field_.size()) {
        in_field_.resize(tokens_.size(), 0);
    }
    ++field.length;
    std::uint32_t& at = in_field_[term];
    if (at == 0) {
        field.text += tokens_.term(term);
        field.ends.push_back(static_cast<std::uint32_t>(field.text.size()));
        field.counts.push_back(0);
        at = static_cast<std::uint32_t>(field.counts.size());
        in_this_field_.push_back(term);
    }
    ++field.counts[at - 1];
}

}  // namespace hindsight::search
