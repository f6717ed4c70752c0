// A postmortem body as plain-text lines with their Markdown role: what the extractors read.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace hindsight {

enum class LineKind { heading, text, item, table_row, code };

struct SourceLine {
    LineKind kind = LineKind::text;
    int line = 0;             // 1-based line in the body
    std::string text;         // markup removed, trimmed
    int heading_level = 0;    // headings only
    int list_depth = 0;       // 1 for a top-level list item (and the text inside it)
    bool item_start = false;  // the first line of a list item
    bool task = false;        // "- [ ]" or "- [x]"
    bool checked = false;
    bool bold_lead = false;  // the line opens with bold text, as in "**Impact:** ..."
    bool bold_only = false;  // the whole line is bold: a heading written as a bold line
    bool in_quote = false;   // inside a block quote: quoted chat, status updates, mail
    int block = 0;           // lines of one paragraph, heading or item share a number
    // The links written in the line, as (text, destination): "[JIRA-9193](url)" is only
    // "JIRA-9193" in `text`, and an action item's ticket link is its destination.
    std::vector<std::pair<std::string, std::string>> links;
};

}  // namespace hindsight
