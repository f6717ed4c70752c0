// Raw HTML blocks of a postmortem made safe to show: an allowlist, and everything else as text.
#pragma once

#include <string>
#include <string_view>

namespace hindsight {

// Parses an HTML fragment as a browser would (gumbo) and writes it back with only the
// elements and attributes a postmortem needs to look as its author pasted it: lists, tables,
// emphasis, headings, links and images with http(s) or relative addresses. Presentational
// attributes (style, class, color, ...) and wrappers (span, font, center) are dropped, their
// text kept; comments are dropped. Any other element, or one with any other attribute
// (onclick, a javascript: link), is shown as the text the author wrote, so a postmortem
// that quotes "<script>" shows it and nothing runs. Inline content alone is wrapped in <p>.
std::string sanitize_html_block(std::string_view html);

}  // namespace hindsight
