// lunr.tokenizer (lunr.js:413-465): a field value -> lower-cased tokens, in UTF-16 code units.
#pragma once

#include <functional>
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

// Calls emit(token) for each token of the value, in order. The views are valid during the call.
void tokenize(const FieldValue& value, const std::function<void(std::u16string_view)>& emit);

}  // namespace hindsight::search
