// Flattening a cmark-gfm document into SourceLines (kept apart so only parse/ sees cmark types).
#pragma once

#include <vector>

#include "parse/source_lines.hpp"

struct cmark_node;

namespace hindsight {

std::vector<SourceLine> collect_source_lines(cmark_node* document);

}  // namespace hindsight
