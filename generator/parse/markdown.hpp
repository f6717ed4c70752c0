// Markdown to HTML with cmark-gfm and its GFM extensions, with stable heading ids.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/postmortem.hpp"
#include "model/source_line.hpp"

namespace hindsight {

struct MarkdownOptions {
    bool unsafe_html = false;  // false: raw HTML is shown as text, links outside the allowlist too
    // The leading H1 is taken out of the body when it is the title (the page prints the title
    // itself): always when no title is known yet, else only when it says the same thing.
    std::optional<std::string> known_title;
};

// cmark-gfm's table extension slows down quadratically with the number of columns (a 100 KB
// line of pipes takes seconds); past this many '|' on one line tables are off for the file.
inline constexpr int kMaxTableColumns = 256;

// A link or image whose address is_safe_url refused: shown as its text, reported as a warning.
struct RefusedUrl {
    int line = 0;    // 1-based, in the Markdown text
    int column = 0;  // 1-based
    std::string url;
    bool image = false;
};

struct MarkdownResult {
    std::string html;
    std::string text;  // the body as plain text, without markup, for the search index
    int tables_disabled_at_line = 0;  // the first line with too many '|', 0 when tables are on
    // The first paragraph whose emphasis marks were escaped (parse/emphasis_guard.hpp), or 0.
    int emphasis_escaped_at_line = 0;
    std::vector<Heading> headings;
    std::optional<std::string> leading_h1;  // text of an H1 that opened the document
    std::vector<SourceLine> lines;          // the body as the extractors read it
    std::vector<RefusedUrl> refused_urls;   // in the order they appear
};

MarkdownResult render_markdown(std::string_view text, const MarkdownOptions& options);

}  // namespace hindsight
