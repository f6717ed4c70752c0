// Splitting field values into tokens the way lunr 2.3.9 does, after JavaScript's toLowerCase.
#include "search/tokenizer.hpp"

#include <unicode/ustring.h>

#include "search/utf16.hpp"

namespace hindsight::search {
namespace {

bool is_ascii(std::u16string_view text) {
    for (const char16_t unit : text) {
        if (unit >= 0x80) {
            return false;
        }
    }
    return true;
}

// The whole string is split after lowering, as lunr does, so positions and the final-sigma
// context (which spans separators) match.
void split(std::u16string_view text, const std::function<void(std::u16string_view)>& emit) {
    std::size_t start = 0;
    for (std::size_t end = 0; end <= text.size(); ++end) {
        if (end == text.size() || is_separator(text[end])) {
            if (end > start) {
                emit(text.substr(start, end - start));
            }
            start = end + 1;
        }
    }
}

}  // namespace

std::u16string js_to_lower(std::u16string_view text) {
    std::u16string out(text);
    if (is_ascii(text)) {
        // The common case, and the one V8 also takes without ICU: A-Z is all there is to lower.
        for (char16_t& unit : out) {
            if (unit >= u'A' && unit <= u'Z') {
                unit = static_cast<char16_t>(unit + (u'a' - u'A'));
            }
        }
        return out;
    }
    // V8 lowers through ICU's u_strToLower with the root locale (""), which is what we call.
    // Lowering can lengthen a string (İ is two code units in lower case): retry once if so.
    UErrorCode status = U_ZERO_ERROR;
    const int32_t length = u_strToLower(out.data(), static_cast<int32_t>(out.size()), text.data(),
                                        static_cast<int32_t>(text.size()), "", &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        out.resize(static_cast<std::size_t>(length));
        status = U_ZERO_ERROR;
        u_strToLower(out.data(), length, text.data(), static_cast<int32_t>(text.size()), "",
                     &status);
    }
    out.resize(U_SUCCESS(status) ? static_cast<std::size_t>(length) : 0);
    return out;
}

bool is_separator(char16_t unit) {
    // JavaScript's \s (WhiteSpace and LineTerminator), enumerated from V8; differs from isspace
    // and from Unicode White_Space (U+0085 is not in it, U+FEFF is).
    switch (unit) {
        case 0x0009: case 0x000A: case 0x000B: case 0x000C: case 0x000D:
        case 0x0020: case 0x002D: case 0x00A0: case 0x1680:
        case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000: case 0xFEFF:
            return true;
        default:
            return unit >= 0x2000 && unit <= 0x200A;
    }
}

void tokenize(const FieldValue& value, const std::function<void(std::u16string_view)>& emit) {
    if (const auto* text = std::get_if<std::string>(&value)) {
        split(js_to_lower(to_utf16(*text)), emit);
    } else if (const auto* items = std::get_if<std::vector<std::string>>(&value)) {
        for (const auto& item : *items) {
            emit(js_to_lower(to_utf16(item)));
        }
    }
}

}  // namespace hindsight::search
