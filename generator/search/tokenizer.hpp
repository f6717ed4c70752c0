// lunr.tokenizer (lunr.js:413-465): a field value -> lower-cased tokens, in UTF-16 code units.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace hindsight::search {

// A field's value as lunr.tokenizer receives it, already through JavaScript's ToString:
// nothing (null or missing: no tokens), one string (lower-cased, then split on separators), or
// the elements of an array (each one token, never split; null elements are "").
using FieldValue = std::variant<std::monostate, std::string, std::vector<std::string>>;

// String.prototype.toLowerCase: full Unicode lowering (İ -> i̇, final sigma), locale-independent.
std::u16string js_to_lower(std::u16string_view text);

// lunr.tokenizer.separator, /[\s\-]/ on one code unit: JavaScript's \s set plus '-'.
bool is_separator(char16_t unit);

// Tokenizes field after field, reusing its buffers: indexing calls it for every field of every
// document, so it allocates nothing once warm.
class Tokenizer {
  public:
    // Calls emit(std::u16string_view token) for each token of the value, in order. The views
    // last until the next call.
    template <typename Emit>
    void tokenize(const FieldValue& value, Emit&& emit) {
        if (const auto* text = std::get_if<std::string>(&value)) {
            // The whole string is lowered before splitting, as lunr does, so the final-sigma
            // context (which spans separators) is the same.
            lower_utf8(*text);
            split(emit);
        } else if (const auto* items = std::get_if<std::vector<std::string>>(&value)) {
            for (const auto& item : *items) {
                lower_utf8(item);
                emit(std::u16string_view(lowered_));
            }
        }
    }

  private:
    // lowered_ = toLowerCase(the UTF-16 of utf8).
    void lower_utf8(std::string_view utf8);

    template <typename Emit>
    void split(Emit& emit) const {
        const std::u16string_view text = lowered_;
        std::size_t start = 0;
        for (std::size_t end = 0; end < text.size(); ++end) {
            if (is_separator(text[end])) {
                if (end > start) {
                    emit(text.substr(start, end - start));
                }
                start = end + 1;
            }
        }
        if (text.size() > start) {
            emit(text.substr(start));
        }
    }

    std::u16string utf16_;
    std::u16string lowered_;
};

// One-off tokenizing, for callers that index a value or two.
template <typename Emit>
void tokenize(const FieldValue& value, Emit&& emit) {
    Tokenizer tokenizer;
    tokenizer.tokenize(value, emit);
}

}  // namespace hindsight::search
