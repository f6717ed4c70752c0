// Dropping the templates' indentation from rendered pages, which no reader sees.
#pragma once

#include <string>

namespace hindsight {

// Replaces every run of whitespace that holds a line break with one line break, outside <pre>,
// <textarea>, <script> and <style>, where whitespace is content. Outside them a browser renders
// such a run exactly as it renders one line break (a single space, or nothing between blocks),
// so the page looks the same; the templates' indentation was a sixth of a list page's bytes.
std::string compact_html(const std::string& html);

}  // namespace hindsight
