// The tokenizer under every time expression: words, numbers with their digit count, symbols.
#include "extract/time_tokens.hpp"

namespace hindsight {
namespace {

// The "C" locale's character classes (hindsight never sets another locale), written out: the
// tokenizer reads every byte of every line that holds a digit, and a call into the C library
// for each byte was a third of its time.
bool is_space(unsigned char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}
bool is_digit(unsigned char c) {
    return c >= '0' && c <= '9';
}
bool is_alpha(unsigned char c) {
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}
char to_lower(unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

std::vector<TimeToken> tokenize_for_times(std::string_view s) {
    std::vector<TimeToken> tokens;
    tokens.reserve(s.size() / 4);  // a token and its space take about four bytes in prose
    bool space = false;
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (is_space(c)) {
            space = true;
            ++i;
            continue;
        }
        TimeToken& t = tokens.emplace_back();  // made in place: no string is moved
        t.begin = i;
        t.space_before = space;
        if (is_digit(c)) {
            t.kind = TimeTokenKind::number;
            while (i < s.size() && is_digit(static_cast<unsigned char>(s[i]))) {
                if (t.digits < 9) {
                    t.value = t.value * 10 + (s[i] - '0');
                }
                ++t.digits;
                ++i;
            }
            t.text.assign(s.substr(t.begin, i - t.begin));
            for (const char* suffix : {"st", "nd", "rd", "th"}) {
                const std::string_view rest = s.substr(i, 2);
                if (rest.size() == 2 &&
                    to_lower(static_cast<unsigned char>(rest[0])) == suffix[0] &&
                    to_lower(static_cast<unsigned char>(rest[1])) == suffix[1] &&
                    (i + 2 >= s.size() || !is_alpha(static_cast<unsigned char>(s[i + 2])))) {
                    t.ordinal = true;
                    i += 2;
                    break;
                }
            }
        } else if (is_alpha(c)) {
            t.kind = TimeTokenKind::word;
            while (i < s.size() && is_alpha(static_cast<unsigned char>(s[i]))) {
                ++i;
            }
            t.text.assign(s.substr(t.begin, i - t.begin));
            for (char& letter : t.text) {
                letter = to_lower(static_cast<unsigned char>(letter));
            }
        } else if (starts_with(s.substr(i), "\xE2\x80\x93") ||
                   starts_with(s.substr(i), "\xE2\x80\x94")) {
            t.kind = TimeTokenKind::symbol;  // en and em dashes join ranges
            t.text = "~";
            i += 3;
        } else if (starts_with(s.substr(i), "\xE2\x88\x92")) {
            t.kind = TimeTokenKind::symbol;  // U+2212 minus sign, as in "UTC−5"
            t.text = "-";
            i += 3;
        } else if (c == '~' && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '9' &&
                   (i == 0 || s[i - 1] == ' ' || s[i - 1] == '(')) {
            // "(~1324)", "~14:00": a tilde against a number is "about", not a range's dash.
            t.kind = TimeTokenKind::word;
            t.text = "about";
            ++i;
        } else if (c < 0x80) {
            t.kind = TimeTokenKind::symbol;
            t.text = std::string(1, static_cast<char>(c));
            ++i;
        } else {
            // Other non-ASCII characters separate words and never belong to a time.
            t.kind = TimeTokenKind::symbol;
            t.text = "?";
            ++i;
            while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) {
                ++i;
            }
        }
        t.end = i;
        space = false;
    }
    return tokens;
}

}  // namespace hindsight
