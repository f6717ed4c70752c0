// The lines a reader sees in a raw HTML block: one for each paragraph, list item, heading or row.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hindsight {

struct HtmlLine {
    std::string text;         // entities decoded, whitespace collapsed, trimmed
    int line = 1;             // 1-based line of the block where the text starts
    int list_depth = 0;       // how many <li> hold it
    bool item_start = false;  // the first line of an <li>
    int heading_level = 0;    // <h1> to <h6>; 0 for any other line
    bool bold_only = false;   // every letter of it in <strong> or <b>: a heading written bold
    bool bold_lead = false;   // it opens with bold text
    bool code = false;        // a line of a <pre>: a log or a command, kept as written
};

// A post written in HTML (a blog migrated from Tumblr or WordPress often has its whole body as
// `<p>...</p><p>...</p>` on one line) read as the lines a browser would show. nullopt when the
// block has more tags than any pasted document (gumbo's tree building is quadratic in nesting):
// the caller then reads it line by line with the tags removed.
std::optional<std::vector<HtmlLine>> html_lines(std::string_view html);

}  // namespace hindsight
