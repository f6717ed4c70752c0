// Tests for search/tokenizer: JavaScript's toLowerCase and \s, on tricky Unicode.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/text.hpp"
#include "search/tokenizer.hpp"
#include "search/utf16.hpp"

using namespace hindsight::search;

namespace {

std::vector<std::string> tokens(const FieldValue& value) {
    std::vector<std::string> out;
    tokenize(value, [&](std::u16string_view token) { out.push_back(to_utf8(token)); });
    return out;
}

std::string lower(const std::string& text) {
    return to_utf8(js_to_lower(to_utf16(text)));
}

}  // namespace

TEST_CASE("lower-casing is full Unicode, as String#toLowerCase", "[tokenizer]") {
    CHECK(lower("\u0130STANBUL") == "i\u0307stanbul");  // İ becomes two code units
    CHECK(lower("\u1E9ETRASSE") == "\u00DFtrasse");
    CHECK(lower("\u01C5EMAL") == "\u01C6emal");
    CHECK(lower("\u13A0") == "\uAB70");          // Cherokee lowers to a later block
    CHECK(lower("\U00010400") == "\U00010428");  // astral: Deseret
    CHECK(lower("\u212A") == "k");               // the Kelvin sign
}

TEST_CASE("final sigma depends on context across separators", "[tokenizer]") {
    CHECK(lower("\u0391\u03A3-\u0392") == "\u03B1\u03C2-\u03B2");  // ΑΣ-Β -> ας-β
    CHECK(lower("\u0391\u03A3.\u0392") == "\u03B1\u03C3.\u03B2");  // ΑΣ.Β -> ασ.β
    CHECK(lower("\u0391.\u03A3") == "\u03B1.\u03C2");              // Α.Σ  -> α.ς
    // Lowered as a whole before splitting: the sigma before '-' is final.
    CHECK(tokens(std::string("\u0391\u03A3-\u0392")) ==
          std::vector<std::string>{"\u03B1\u03C2", "\u03B2"});
}

TEST_CASE("a sigma's context reaches across a U+FEFF separator", "[tokenizer]") {
    // U+FEFF separates tokens but is case-ignorable, so the Σ before it is not final: the value
    // must be lowered whole, not token by token.
    CHECK(tokens(std::string("\u0391\u03A3\uFEFF\u0392")) ==
          std::vector<std::string>{"\u03B1\u03C3", "\u03B2"});
    CHECK(tokens(std::string("\u0391\u03A3 \u0392")) ==
          std::vector<std::string>{"\u03B1\u03C2", "\u03B2"});
}

TEST_CASE("strings split on JavaScript's \\s and '-' only", "[tokenizer]") {
    CHECK(tokens(std::string("Load-Balancer  down\u00A0now\u3000x\uFEFFy")) ==
          std::vector<std::string>{"load", "balancer", "down", "now", "x", "y"});
    // NEL, zero-width space, soft hyphen and typographic dashes are not separators.
    CHECK(tokens(std::string("a\u0085b c\u200Bd e\u00ADf g\u2013h")) ==
          std::vector<std::string>{"a\u0085b", "c\u200Bd", "e\u00ADf", "g\u2013h"});
    CHECK(tokens(std::string("--")).empty());
    CHECK(tokens(std::string("")).empty());
}

TEST_CASE("arrays give one token per element and nothing gives no tokens", "[tokenizer]") {
    CHECK(tokens(std::vector<std::string>{"Load Balancer", "", "x-y"}) ==
          std::vector<std::string>{"load balancer", "", "x-y"});
    CHECK(tokens(std::monostate{}).empty());
}

TEST_CASE("the one-pass lowering equals ICU's u_strToLower on every code point", "[tokenizer]") {
    // The tokenizer lowers most text by simple per-code-point mappings; js_to_lower is the
    // whole-string ICU call V8 makes. Array elements are lowered whole, never split.
    Tokenizer tokenizer;
    int differences = 0;
    for (char32_t c = 0; c <= 0x10FFFF; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF) {
            continue;  // not encodable in UTF-8
        }
        std::string utf8;
        hindsight::append_utf8(utf8, c);
        const std::u16string expected = js_to_lower(to_utf16(utf8));
        tokenizer.tokenize(std::vector<std::string>{utf8}, [&](std::u16string_view token) {
            if (token != expected && ++differences <= 5) {
                UNSCOPED_INFO("U+" << std::hex << static_cast<unsigned>(c));
            }
        });
    }
    CHECK(differences == 0);
}

TEST_CASE("the separator set is exactly JavaScript's", "[tokenizer]") {
    int count = 0;
    for (char32_t unit = 0; unit <= 0xFFFF; ++unit) {
        count += is_separator(static_cast<char16_t>(unit)) ? 1 : 0;
    }
    CHECK(count == 26);  // \t..\r, space, '-', NBSP, ogham, U+2000..200A, 2028, 2029, 202F, 205F,
                         // 3000, FEFF
    CHECK_FALSE(is_separator(0x0085));
    CHECK_FALSE(is_separator(0x180E));
    CHECK_FALSE(is_separator(0x200B));
}
