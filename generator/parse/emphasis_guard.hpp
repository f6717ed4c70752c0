// Keeping cmark-gfm's emphasis parsing linear: too many emphasis marks in one paragraph are
// escaped before cmark-gfm reads them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hindsight {

// cmark-gfm 0.29.0.gfm.6, Debian 12's, takes time quadratic in how deeply emphasis and
// strikethrough nest within one paragraph (CVE-2023-24824, fixed upstream in 0.29.0.gfm.10):
// "*a **a " 65,000 times then the closers runs for minutes, and 50,000 '*', a letter and
// 50,000 '*' for seconds. Past this many '*', '_' and '~' in one paragraph (a few hundred
// nested levels at most; measured: 2 MB of paragraphs at this limit parse in well under a
// second more than plain text), the paragraph's marks are escaped and shown as written.
inline constexpr std::size_t kMaxEmphasisMarks = 1000;

struct EscapedEmphasis {
    std::string text;    // the Markdown with the marks of every such paragraph escaped
    int first_line = 0;  // 1-based line where the first such paragraph starts
};

// Nothing when no paragraph has too many marks. Paragraphs are approximated by lines: a blank
// line, a heading, a list item, a table row, a thematic break or a fenced code block starts a
// new one. Lines keep their number. Left as written: list markers, fenced code, code spans,
// backslash escapes, tags and autolinks (<...>), and bare URLs.
std::optional<EscapedEmphasis> escape_excess_emphasis(std::string_view markdown);

}  // namespace hindsight
