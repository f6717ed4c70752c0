// Inline HTML tags that only format text, as pasted from rich-text editors.
#pragma once

#include <string_view>

namespace hindsight {

// "<span style=...>", "</font>", "<b>", "<br/>": tags that carry no words of their own and
// only presentational attributes, so the text between them is what the author wrote.
// "<service-name>", "<script>" and "<b onclick=...>" are not.
bool is_formatting_tag(std::string_view html);

// "<br>", "<br/>", "<BR />".
bool is_line_break_tag(std::string_view html);

}  // namespace hindsight
