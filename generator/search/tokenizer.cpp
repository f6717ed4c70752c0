// Lowering as JavaScript does (ICU, like V8) and lunr's separator set.
#include "search/tokenizer.hpp"

#include <unicode/ustring.h>

#include "search/utf16.hpp"

namespace hindsight::search {
namespace {

bool is_ascii(std::string_view text) {
    for (const char c : text) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            return false;
        }
    }
    return true;
}

// V8 lowers through ICU's u_strToLower with the root locale (""), which is what this calls.
// Lowering can lengthen a string (İ is two code units in lower case): it retries once if so.
void icu_lower(std::u16string_view text, std::u16string& out) {
    out.resize(text.size());
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
}

}  // namespace

std::u16string js_to_lower(std::u16string_view text) {
    std::u16string out;
    icu_lower(text, out);
    return out;
}

bool is_separator(char16_t unit) {
    // JavaScript's \s (WhiteSpace and LineTerminator), enumerated from V8; differs from isspace
    // and from Unicode White_Space (U+0085 is not in it, U+FEFF is).
    switch (unit) {
        case 0x0009:
        case 0x000A:
        case 0x000B:
        case 0x000C:
        case 0x000D:
        case 0x0020:
        case 0x002D:  // '-'
        case 0x00A0:
        case 0x1680:
        case 0x2028:
        case 0x2029:
        case 0x202F:
        case 0x205F:
        case 0x3000:
        case 0xFEFF:
            return true;
        default:
            return unit >= 0x2000 && unit <= 0x200A;
    }
}

void Tokenizer::lower_utf8(std::string_view utf8) {
    if (is_ascii(utf8)) {
        // Most text, and the case V8 also handles without ICU: A-Z is all there is to lower,
        // and decoding is widening.
        lowered_.resize(utf8.size());
        for (std::size_t i = 0; i < utf8.size(); ++i) {
            const char c = utf8[i];
            lowered_[i] = static_cast<char16_t>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        }
        return;
    }
    to_utf16(utf8, utf16_);
    icu_lower(utf16_, lowered_);
}

}  // namespace hindsight::search
