// Inline HTML tags that only format text, as pasted from rich-text editors.
#pragma once

#include <string_view>

namespace hindsight {

// "<span style=...>", "</font>", "<b>", "<br/>": tags that carry no words of their own and
// only presentational attributes, so the text between them is what the author wrote.
// "<service-name>", "<script>" and "<b onclick=...>" are not.
bool is_formatting_tag(std::string_view html);

// Attributes that only change how text looks (style, class, color, face, size, dir, lang):
// dropping them loses nothing the author said. `name` is lower-case.
bool only_changes_looks(std::string_view name);

// "<br>", "<br/>", "<BR />".
bool is_line_break_tag(std::string_view html);

}  // namespace hindsight
