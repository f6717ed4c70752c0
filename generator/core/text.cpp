// UTF-8 validation, Windows-1252 fallback and line-end normalisation.
#include "core/text.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace hindsight {
namespace {

// Windows-1252 bytes 0x80..0x9F; the five unassigned ones become U+FFFD.
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

char32_t cp1252_to_code_point(unsigned char byte) {
    if (byte >= 0x80 && byte < 0xA0) {
        return kCp1252High[byte - 0x80];
    }
    return byte;
}

// The Windows-1252 byte a code point came from, when it came from a byte >= 0x80.
int cp1252_byte(char32_t cp) {
    if (cp >= 0xA0 && cp <= 0xFF) {
        return static_cast<int>(cp);
    }
    if (cp >= 0x80 && cp < 0xA0) {
        return static_cast<int>(cp);  // C1 controls stand for the five unassigned bytes
    }
    for (std::size_t i = 0; i < kCp1252High.size(); ++i) {
        if (kCp1252High[i] == cp && cp != 0xFFFD) {
            return static_cast<int>(0x80 + i);
        }
    }
    return -1;
}

char32_t decode_one(std::string_view s, std::size_t length) {
    const auto b0 = static_cast<unsigned char>(s[0]);
    char32_t cp = length == 1   ? b0
                  : length == 2 ? (b0 & 0x1F)
                  : length == 3 ? (b0 & 0x0F)
                                : (b0 & 0x07);
    for (std::size_t i = 1; i < length; ++i) {
        cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
    }
    return cp;
}

}  // namespace

MojibakeRepair repair_mojibake(std::string& text) {
    MojibakeRepair result;
    // Most text is ASCII or well-formed UTF-8 with nothing to repair: it is only scanned, and
    // the repaired copy is started at the first repair (this ran at 2% of a whole build when it
    // copied every character).
    std::string out;
    std::size_t copied = 0;  // text[0, copied) is in out, once a repair has started it
    const std::string_view view(text);
    std::size_t i = 0;
    while (i < text.size()) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        const std::size_t length = valid_utf8_sequence_length(view.substr(i));
        if (length < 2) {
            ++i;  // an invalid byte: kept as it is
            continue;
        }
        // Gather up to four following characters that each stand for one cp1252 byte.
        std::string bytes;
        std::array<std::size_t, 4> ends{};
        std::size_t j = i;
        while (j < text.size() && bytes.size() < 4) {
            const std::size_t l = valid_utf8_sequence_length(view.substr(j));
            if (l < 2) {
                break;
            }
            const int byte = cp1252_byte(decode_one(view.substr(j), l));
            if (byte < 0) {
                break;
            }
            j += l;
            ends[bytes.size()] = j;
            bytes += static_cast<char>(byte);
        }
        const std::size_t fixed = valid_utf8_sequence_length(bytes);
        if (fixed >= 2 && static_cast<unsigned char>(bytes[0]) >= 0xC2) {
            if (!result.first) {
                const std::size_t line_end = view.rfind('\n', i);
                const std::size_t line_start =
                    line_end == std::string_view::npos ? 0 : line_end + 1;
                const auto lines =
                    std::count(view.begin(), view.begin() + static_cast<long>(i), '\n');
                result.first =
                    TextPosition{static_cast<int>(lines) + 1, static_cast<int>(i - line_start) + 1};
            }
            ++result.repaired;
            out.append(text, copied, i - copied);
            out.append(bytes, 0, fixed);
            i = ends[fixed - 1];
            copied = i;
            continue;
        }
        i += length;
    }
    if (result.repaired > 0) {
        out.append(text, copied);
        text = std::move(out);
    }
    return result;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::size_t valid_utf8_sequence_length(std::string_view s) {
    if (s.empty()) {
        return 0;
    }
    const auto b0 = static_cast<unsigned char>(s[0]);
    if (b0 < 0x80) {
        return 1;
    }
    std::size_t length = 0;
    char32_t cp = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        length = 2;
        cp = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        length = 3;
        cp = b0 & 0x0F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        length = 4;
        cp = b0 & 0x07;
    } else {
        return 0;
    }
    if (s.size() < length) {
        return 0;
    }
    for (std::size_t i = 1; i < length; ++i) {
        const auto b = static_cast<unsigned char>(s[i]);
        if ((b & 0xC0) != 0x80) {
            return 0;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    // Reject overlong forms, surrogates and code points past U+10FFFF.
    if ((length == 3 && cp < 0x800) || (length == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
        return 0;
    }
    return length;
}

DecodedText decode_source(std::string_view bytes) {
    DecodedText result;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        result.had_bom = true;
        bytes.remove_prefix(3);
    }
    result.text.reserve(bytes.size());
    int line = 1;
    std::size_t line_start = 0;
    std::size_t i = 0;
    while (i < bytes.size()) {
        const char c = bytes[i];
        const auto position = [&] {
            return TextPosition{line, static_cast<int>(i - line_start) + 1};
        };
        if (c == '\r' || c == '\n') {
            result.text += '\n';
            i += (c == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') ? 2 : 1;
            ++line;
            line_start = i;
            continue;
        }
        if (c == '\0') {
            if (!result.first_nul) {
                result.first_nul = position();
            }
            ++result.nul_bytes;
            append_utf8(result.text, 0xFFFD);
            ++i;
            continue;
        }
        const std::size_t length = valid_utf8_sequence_length(bytes.substr(i));
        if (length == 0) {
            if (!result.first_invalid_utf8) {
                result.first_invalid_utf8 = position();
            }
            ++result.invalid_utf8_bytes;
            append_utf8(result.text, cp1252_to_code_point(static_cast<unsigned char>(c)));
            ++i;
            continue;
        }
        result.text.append(bytes.substr(i, length));
        i += length;
    }
    return result;
}

std::string_view trim(std::string_view s) {
    const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!s.empty() && is_space(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && is_space(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&apos;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string to_lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

std::string fold_spelling(std::string_view s) {
    std::string out;
    for (const char c : s) {
        if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out += c;
        }
    }
    return out;
}

std::string_view leading_phrase(std::string_view s) {
    std::size_t end = s.find_first_of("([:;,");
    for (const std::string_view dash : {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
        end = std::min(end, s.find(dash));
    }
    return trim(s.substr(0, end));
}

bool is_one_of(std::string_view word, std::initializer_list<std::string_view> words) {
    return std::find(words.begin(), words.end(), word) != words.end();
}

std::vector<std::string> spelling_words(std::string_view s) {
    std::vector<std::string> words;
    std::string word;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const bool upper = c >= 'A' && c <= 'Z';
        const bool alnum = upper || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        const bool after_lower = i > 0 && s[i - 1] >= 'a' && s[i - 1] <= 'z';
        if (!alnum || (upper && after_lower)) {
            if (!word.empty()) {
                words.push_back(std::move(word));
                word.clear();
            }
        }
        if (alnum) {
            word += upper ? static_cast<char>(c - 'A' + 'a') : c;
        }
    }
    if (!word.empty()) {
        words.push_back(std::move(word));
    }
    return words;
}

std::vector<std::string> spelling_candidates(std::string_view s) {
    std::vector<std::string> out;
    const auto add = [&](std::string folded) {
        if (!folded.empty() && std::find(out.begin(), out.end(), folded) == out.end()) {
            out.push_back(std::move(folded));
        }
    };
    add(fold_spelling(s));
    const std::string_view phrase = leading_phrase(s);
    add(fold_spelling(phrase));
    const std::vector<std::string> words = spelling_words(phrase);
    // "Approved pending legal", "Done but reverted", "Closed as won't fix": past a word that
    // turns the meaning, the first words alone would say the opposite.
    for (const auto& w : words) {
        for (const char* turn : {"not", "no", "never", "pending", "awaiting", "but", "except",
                                 "partially", "partly", "won", "wont", "without", "yet"}) {
            if (w == turn) {
                return out;
            }
        }
    }
    for (std::size_t n = words.size(); n > 0; --n) {
        std::string prefix;
        for (std::size_t i = 0; i < n; ++i) {
            prefix += words[i];
        }
        add(std::move(prefix));
    }
    return out;
}

}  // namespace hindsight
