// Lowering as JavaScript does (ICU, like V8) and lunr's separator set.
#include "search/tokenizer.hpp"

#include <cstdint>
#include <cstring>

#include <unicode/uchar.h>
#include <unicode/ustring.h>

#include "core/text.hpp"
#include "search/utf16.hpp"

namespace hindsight::search {
namespace {

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

// The code point of the valid UTF-8 sequence of `length` bytes at text[i].
char32_t decode(std::string_view text, std::size_t i, std::size_t length) {
    char32_t c = static_cast<unsigned char>(text[i]) & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
        c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    return c;
}

}  // namespace

std::u16string js_to_lower(std::u16string_view text) {
    std::u16string out;
    icu_lower(text, out);
    return out;
}

const std::array<Tokenizer::ByteClass, 256> Tokenizer::kByteClass = [] {
    std::array<ByteClass, 256> table{};
    for (std::size_t byte = 0; byte < table.size(); ++byte) {
        table[byte] = byte >= 0x80                                ? kMultiByte
                      : is_separator(static_cast<char16_t>(byte)) ? kSeparatorByte
                                                                  : kWordByte;
    }
    return table;
}();

bool Tokenizer::lowers_per_token(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
#if defined(__SSE2__)
        if (i + 16 <= text.size()) {  // sixteen ASCII bytes at a time
            const __m128i bytes =
                _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
            if (_mm_movemask_epi8(bytes) == 0) {
                i += 16;
                continue;
            }
        }
#endif
        if (i + 8 <= text.size()) {  // eight ASCII bytes at a time
            std::uint64_t word;
            std::memcpy(&word, text.data() + i, 8);
            if ((word & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        const std::size_t length = valid_utf8_sequence_length(text.substr(i));
        if (length == 0 || decode(text, i, length) == 0x03A3) {
            return false;
        }
        i += length;
    }
    return true;
}

std::size_t Tokenizer::separator_at(std::string_view text, std::size_t i) {
    // Lead bytes of the non-ASCII separators: U+00A0, U+1680, U+2000-U+205F, U+3000, U+FEFF.
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead != 0xC2 && lead != 0xE1 && lead != 0xE2 && lead != 0xE3 && lead != 0xEF) {
        return 0;
    }
    const std::size_t length = lead == 0xC2 ? 2 : 3;
    const char32_t c = decode(text, i, length);
    return is_separator(static_cast<char16_t>(c)) ? length : 0;
}

// Each code point by its simple lower-case mapping (u_tolower), which is toLowerCase's for all
// but Σ (not in a raw token) and İ, which always lowers to i + U+0307.
void Tokenizer::lower_token(std::string_view raw, std::u16string& out) {
    out.resize(raw.size());  // never more UTF-16 code units than UTF-8 bytes
    std::size_t n = 0;
    for (std::size_t i = 0; i < raw.size();) {
        const auto byte = static_cast<unsigned char>(raw[i]);
        if (byte < 0x80) {
            out[n++] = static_cast<char16_t>(byte >= 'A' && byte <= 'Z' ? byte + 32 : byte);
            ++i;
            continue;
        }
        const std::size_t length = byte < 0xE0 ? 2 : (byte < 0xF0 ? 3 : 4);
        char32_t c = decode(raw, i, length);
        i += length;
        if (c == 0x0130) {  // two UTF-8 bytes, two UTF-16 code units: still fits
            out[n++] = u'i';
            out[n++] = 0x0307;
            continue;
        }
        c = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
        if (c < 0x10000) {
            out[n++] = static_cast<char16_t>(c);
        } else {
            out[n++] = static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10));
            out[n++] = static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF));
        }
    }
    out.resize(n);
}

void Tokenizer::lower_whole(std::string_view utf8) {
    to_utf16(utf8, utf16_);
    icu_lower(utf16_, lowered_);
}

}  // namespace hindsight::search
