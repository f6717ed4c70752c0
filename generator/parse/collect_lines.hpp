// Flattening a cmark-gfm document into SourceLines (kept apart so only parse/ sees cmark types).
#pragma once

#include <string>
#include <vector>

#include "model/source_line.hpp"

struct cmark_node;

namespace hindsight {

std::vector<SourceLine> collect_source_lines(cmark_node* document);

// The text of a node's inline content, markup removed, line breaks as spaces (untrimmed).
std::string inline_text(cmark_node* node);

}  // namespace hindsight
