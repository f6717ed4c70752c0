// Turning a file's bytes into clean UTF-8 text with LF line ends, noting what had to be repaired.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hindsight {

struct TextPosition {
    int line = 1;    // 1-based
    int column = 1;  // 1-based, in bytes of the original line
};

struct DecodedText {
    std::string text;                                // valid UTF-8, LF line ends, no BOM, no NUL
    std::optional<TextPosition> first_invalid_utf8;  // set when bytes were decoded as Windows-1252
    int invalid_utf8_bytes = 0;
    std::optional<TextPosition> first_nul;  // set when NUL bytes were replaced by U+FFFD
    int nul_bytes = 0;
    bool had_bom = false;
};

// Line numbers are preserved: CRLF and lone CR both become one LF, so line N of the result is
// line N of the file as an editor shows it. Invalid UTF-8 is decoded byte by byte as
// Windows-1252, since that is what text pasted from Office or old web pages nearly always is.
DecodedText decode_source(std::string_view bytes);

struct MojibakeRepair {
    int repaired = 0;  // sequences turned back into the character they stood for
    std::optional<TextPosition> first;
};

// Text that was UTF-8, read as Windows-1252 and saved as UTF-8 again shows "â€™" for "’" and
// "Ã©" for "é". Runs of such characters that spell a valid UTF-8 sequence are put back.
MojibakeRepair repair_mojibake(std::string& text);

// Appends the UTF-8 encoding of a code point.
void append_utf8(std::string& out, char32_t code_point);

// Length in bytes of the valid UTF-8 sequence starting at s[0], or 0 when it is not valid.
std::size_t valid_utf8_sequence_length(std::string_view s);

std::string_view trim(std::string_view s);

// & < > " ' as XML and HTML character references, for text written into markup by hand.
std::string xml_escape(std::string_view text);
std::string to_lower_ascii(std::string_view s);

// A spelling with everything but its ASCII letters and digits left out, lower-cased: "In
// Progress", "in_progress", "IN-PROGRESS", "InProgress" and "🚧 in progress" all fold to
// "inprogress", "Won't fix" to "wontfix". Enumerations compare written values by this.
std::string fold_spelling(std::string_view s);

// What a value says before any aside: the text up to the first '(', '[', ':', ';', ',' or
// spaced dash ("Done (PR #12)", "Blocked: waiting on the vendor", "SEV1 - Critical"), trimmed.
// The whole text when there is no such mark.
std::string_view leading_phrase(std::string_view s);

// The folded spellings an enumeration tries for a written value, most specific first: the whole
// value, its leading phrase, then the leading phrase's first words, longest first ("Draft do not
// share" tries "draftdonotshare", then "draftdonot", "draftdo", "draft"). Words split at
// anything but letters and digits, and at camelCase. A table is looked up with each in turn.
// No first words are tried past a word that turns the meaning ("not", "pending", "but", "won't":
// "Approved pending legal" is not "approved").
std::vector<std::string> spelling_candidates(std::string_view s);

// Whether `word` is one of `words`: the small fixed lists the readers match words against.
bool is_one_of(std::string_view word, std::initializer_list<std::string_view> words);

// The words of a spelling, lower case, split at anything but letters and digits and at
// camelCase: "customerImpactStart" and "customer_impact_start" are customer, impact, start.
std::vector<std::string> spelling_words(std::string_view s);

}  // namespace hindsight
