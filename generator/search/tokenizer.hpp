// lunr.tokenizer (lunr.js:413-465): a field value -> lower-cased tokens, in UTF-16 code units.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace hindsight::search {

// A field's value as lunr.tokenizer receives it, already through JavaScript's ToString:
// nothing (null or missing: no tokens), one string (lower-cased, then split on separators), or
// the elements of an array (each one token, never split; null elements are "").
using FieldValue = std::variant<std::monostate, std::string, std::vector<std::string>>;

// String.prototype.toLowerCase: full Unicode lowering (İ -> i̇, final sigma), locale-independent.
std::u16string js_to_lower(std::u16string_view text);

// lunr.tokenizer.separator, /[\s\-]/ on one code unit: JavaScript's \s set plus '-'. Inline,
// since it runs on every code unit indexed.
inline bool is_separator(char16_t unit) {
    if (unit > u' ' && unit < 0x80) {
        return unit == u'-';
    }
    // JavaScript's \s (WhiteSpace and LineTerminator), enumerated from V8; differs from isspace
    // and from Unicode White_Space (U+0085 is not in it, U+FEFF is).
    switch (unit) {
        case 0x0009:
        case 0x000A:
        case 0x000B:
        case 0x000C:
        case 0x000D:
        case 0x0020:
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

// Tokenizes field after field, reusing its buffers: indexing calls it for every field of every
// document, so it allocates nothing once warm.
//
// lunr lowers the whole value, then splits it. Lowering is per code point for all but Σ, whose
// lower case depends on its neighbours (even across a separator: U+FEFF is both a separator and
// case-ignorable). So text without Σ can be split first and each token lowered on its own with
// the same result, and the caller can look tokens up as written and lower only new ones, which
// is most of the speed of indexing. Text with Σ (or invalid UTF-8) is lowered whole by ICU.
class Tokenizer {
  public:
    // For each token of the value, in order, calls either raw(std::string_view), with the token
    // as written (its lower case is lower_token of it), or lowered(std::u16string_view), with the
    // token lowered already. The views last until the next call.
    template <typename Raw, typename Lowered>
    void tokenize(const FieldValue& value, Raw&& raw, Lowered&& lowered) {
        if (const auto* text = std::get_if<std::string>(&value)) {
            if (lowers_per_token(*text)) {
                split_utf8(*text, raw);
            } else {
                lower_whole(*text);
                split_utf16(lowered);
            }
        } else if (const auto* items = std::get_if<std::vector<std::string>>(&value)) {
            for (const auto& item : *items) {  // one token each, never split
                if (lowers_per_token(item)) {
                    raw(std::string_view(item));
                } else {
                    lower_whole(item);
                    lowered(std::u16string_view(lowered_));
                }
            }
        }
    }

    // For each token, lowered: emit(std::u16string_view).
    template <typename Emit>
    void tokenize(const FieldValue& value, Emit&& emit) {
        tokenize(
            value,
            [&](std::string_view token) {
                lower_token(token, token_);
                emit(std::u16string_view(token_));
            },
            emit);
    }

    // toLowerCase of a token given to `raw`, in UTF-16.
    static void lower_token(std::string_view raw, std::u16string& out);

    // Every token lowered, with the metadata lunr.tokenizer gives it: emit(std::u16string_view
    // token, const TokenPosition&). The slow path, lowering every string whole: positions are
    // in UTF-16 code units of the lowered string, which only whole-string lowering gives.
    struct TokenPosition {
        std::int32_t start = -1;  // -1: an array element, which has no position or index
        std::int32_t length = 0;
        std::int32_t index = -1;  // tokens of the field before this one, stop words included
    };
    template <typename Emit>
    void tokenize_with_positions(const FieldValue& value, Emit&& emit) {
        if (const auto* text = std::get_if<std::string>(&value)) {
            lower_whole(*text);
            const std::u16string_view lowered = lowered_;
            std::int32_t index = 0;
            std::size_t start = 0;
            for (std::size_t end = 0; end <= lowered.size(); ++end) {
                if (end == lowered.size() || is_separator(lowered[end])) {
                    if (end > start) {
                        emit(lowered.substr(start, end - start),
                             TokenPosition{static_cast<std::int32_t>(start),
                                           static_cast<std::int32_t>(end - start), index++});
                    }
                    start = end + 1;
                }
            }
        } else if (const auto* items = std::get_if<std::vector<std::string>>(&value)) {
            for (const auto& item : *items) {
                lower_whole(item);
                emit(std::u16string_view(lowered_), TokenPosition{});
            }
        }
    }

  private:
    // Valid UTF-8 without Σ.
    static bool lowers_per_token(std::string_view text);
    // lowered_ = toLowerCase(the UTF-16 of utf8), by ICU.
    void lower_whole(std::string_view utf8);

    // The separator at text[i] (a lead byte), if it is one: its length in bytes, else 0.
    static std::size_t separator_at(std::string_view text, std::size_t i);

    // What a byte of valid UTF-8 starts: one of these, by table, since this runs on every byte.
    enum ByteClass : unsigned char { kWordByte, kSeparatorByte, kMultiByte };
    static const std::array<ByteClass, 256> kByteClass;

    // The first byte at or after `from` that may end a token: a separator, a control byte, or
    // any byte of a multi-byte sequence; text.size() if none. Sixteen bytes at a time where
    // SSE2 is there: a byte-at-a-time loop mispredicted its exit at the end of every token.
    static std::size_t next_special(std::string_view text, std::size_t from) {
        std::size_t i = from;
#if defined(__SSE2__)
        const __m128i space_and_below = _mm_set1_epi8(0x21);
        const __m128i hyphen = _mm_set1_epi8('-');
        for (; i + 16 <= text.size(); i += 16) {
            const __m128i bytes =
                _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
            // Signed, bytes of 0x80 and above are negative: below 0x21 takes them in too.
            const __m128i special =
                _mm_or_si128(_mm_cmplt_epi8(bytes, space_and_below), _mm_cmpeq_epi8(bytes, hyphen));
            const auto mask = static_cast<unsigned>(_mm_movemask_epi8(special));
            if (mask != 0) {
                return i + static_cast<std::size_t>(__builtin_ctz(mask));
            }
        }
#endif
        for (; i < text.size(); ++i) {
            const auto byte = static_cast<unsigned char>(text[i]);
            if (byte <= 0x20 || byte >= 0x80 || byte == '-') {
                return i;
            }
        }
        return text.size();
    }

    template <typename Raw>
    static void split_utf8(std::string_view text, Raw& raw) {
        std::size_t start = 0;
        for (std::size_t i = next_special(text, 0); i < text.size(); i = next_special(text, i)) {
            const auto byte = static_cast<unsigned char>(text[i]);
            const ByteClass kind = kByteClass[byte];
            if (kind == kWordByte) {  // a control byte that is not \s
                ++i;
                continue;
            }
            std::size_t separator = 1;
            if (kind == kMultiByte && (separator = separator_at(text, i)) == 0) {
                i += byte < 0xE0 ? 2 : (byte < 0xF0 ? 3 : 4);  // lowers_per_token checked it
                continue;
            }
            if (i > start) {
                raw(text.substr(start, i - start));
            }
            i += separator;
            start = i;
        }
        if (text.size() > start) {
            raw(text.substr(start));
        }
    }

    template <typename Lowered>
    void split_utf16(Lowered& lowered) const {
        const std::u16string_view text = lowered_;
        std::size_t start = 0;
        for (std::size_t end = 0; end < text.size(); ++end) {
            if (is_separator(text[end])) {
                if (end > start) {
                    lowered(text.substr(start, end - start));
                }
                start = end + 1;
            }
        }
        if (text.size() > start) {
            lowered(text.substr(start));
        }
    }

    std::u16string utf16_;
    std::u16string lowered_;
    std::u16string token_;
};

// One-off tokenizing, for callers that index a value or two.
template <typename Emit>
void tokenize(const FieldValue& value, Emit&& emit) {
    Tokenizer tokenizer;
    tokenizer.tokenize(value, emit);
}

}  // namespace hindsight::search
