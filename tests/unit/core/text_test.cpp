// Tests for core/text: decoding, repair and line preservation.
#include <catch2/catch.hpp>

#include "core/text.hpp"

using namespace hindsight;

TEST_CASE("valid UTF-8 passes through unchanged", "[text]") {
    const auto decoded = decode_source("Caf\xC3\xA9 \xE2\x80\x94 ok\n");
    CHECK(decoded.text == "Caf\xC3\xA9 \xE2\x80\x94 ok\n");
    CHECK_FALSE(decoded.first_invalid_utf8);
    CHECK_FALSE(decoded.had_bom);
}

TEST_CASE("a BOM is dropped", "[text]") {
    const auto decoded = decode_source("\xEF\xBB\xBF# Title\n");
    CHECK(decoded.had_bom);
    CHECK(decoded.text == "# Title\n");
}

TEST_CASE("CRLF and lone CR become LF, keeping line numbers", "[text]") {
    CHECK(decode_source("a\r\nb\rc\n").text == "a\nb\nc\n");
}

TEST_CASE("invalid UTF-8 is read as Windows-1252 and located", "[text]") {
    // "it\x92s" is Windows-1252 for it's with a right single quote.
    const auto decoded = decode_source("line one\nit\x92s \x80 5\n");
    CHECK(decoded.text == "line one\nit\xE2\x80\x99s \xE2\x82\xAC 5\n");
    REQUIRE(decoded.first_invalid_utf8);
    CHECK(decoded.first_invalid_utf8->line == 2);
    CHECK(decoded.first_invalid_utf8->column == 3);
    CHECK(decoded.invalid_utf8_bytes == 2);
}

TEST_CASE("overlong and surrogate encodings are invalid", "[text]") {
    CHECK(valid_utf8_sequence_length("\xC0\xAF") == 0);
    CHECK(valid_utf8_sequence_length("\xED\xA0\x80") == 0);
    CHECK(valid_utf8_sequence_length("\xF0\x9F\x98\x80") == 4);
}

TEST_CASE("NUL bytes become U+FFFD and are counted", "[text]") {
    const auto decoded = decode_source(std::string("a\0b\0", 4));
    CHECK(decoded.text ==
          "a\xEF\xBF\xBD"
          "b\xEF\xBF\xBD");
    CHECK(decoded.nul_bytes == 2);
    REQUIRE(decoded.first_nul);
    CHECK(decoded.first_nul->column == 2);
}

TEST_CASE("trim and lower-casing", "[text]") {
    CHECK(trim("  \tx y\n ") == "x y");
    CHECK(to_lower_ascii("SEV1 Ü") == "sev1 Ü");
}

TEST_CASE("UTF-8 read as Windows-1252 and saved again is repaired, and located",
          "[text][mojibake]") {
    // "It’s — done" whose UTF-8 bytes were read as cp1252 and written back as UTF-8.
    std::string text =
        "Plain line\nCaf\xC3\xA9 ok. It\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s done\n\xFF end\n";
    const auto repair = repair_mojibake(text);
    CHECK(repair.repaired == 1);
    REQUIRE(repair.first);
    CHECK(repair.first->line == 2);
    CHECK(repair.first->column == 13);  // the byte offset in the line, 1-based
    // The valid é and the invalid byte are kept; only the mojibake is replaced.
    CHECK(text == "Plain line\nCaf\xC3\xA9 ok. It\xE2\x80\x99s done\n\xFF end\n");
}

TEST_CASE("text without mojibake is left as it is", "[text][mojibake]") {
    std::string ascii = "only ascii\nlines\n";
    CHECK(repair_mojibake(ascii).repaired == 0);
    CHECK(ascii == "only ascii\nlines\n");
    std::string accented = "na\xC3\xAFve caf\xC3\xA9 \xE2\x80\x94 \xC3\xA9t\xC3\xA9\n";
    const std::string before = accented;
    CHECK(repair_mojibake(accented).repaired == 0);
    CHECK(accented == before);
}

TEST_CASE("spellings fold to their letters and digits, lower-cased", "[text]") {
    for (const char* written : {"In Progress", "in_progress", "IN-PROGRESS", "InProgress",
                                "  in progress  ", "\xF0\x9F\x9A\xA7 in progress"}) {
        INFO(written);
        CHECK(fold_spelling(written) == "inprogress");
    }
    CHECK(fold_spelling("Won't fix") == "wontfix");
    CHECK(fold_spelling("SEV-1") == "sev1");
    CHECK(fold_spelling("\xE2\x9C\x85") == "");
}

TEST_CASE("the leading phrase of a value stops at its aside", "[text]") {
    CHECK(leading_phrase("Done (PR #12)") == "Done");
    CHECK(leading_phrase("Blocked: waiting on the vendor") == "Blocked");
    CHECK(leading_phrase("SEV1 - Critical") == "SEV1");
    CHECK(leading_phrase("In progress \xE2\x80\x94 Ana") == "In progress");
    CHECK(leading_phrase("wont-do") == "wont-do");
    CHECK(leading_phrase("n/a") == "n/a");
}
