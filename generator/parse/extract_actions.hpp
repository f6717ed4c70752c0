// Action items: what the postmortem promises to do, from lists under measures/tasks/follow-up
// parts.
#pragma once

#include <string>
#include <vector>

#include "core/action_words.hpp"
#include "model/postmortem.hpp"
#include "parse/sections.hpp"
#include "parse/source_lines.hpp"

namespace hindsight {

struct ExtractedActions {
    std::vector<ActionItem> items;
    Evidence from;  // the heading of the first list they came from
};

ExtractedActions extract_action_items(const std::vector<SourceLine>& lines,
                                      const std::vector<LineContext>& contexts, int line_offset);

}  // namespace hindsight
