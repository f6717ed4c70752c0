// Action items: what the postmortem promises to do, from lists under measures/tasks/follow-up
// parts.
#pragma once

#include <string>
#include <vector>

#include "extract/action_words.hpp"
#include "extract/sections.hpp"
#include "model/postmortem.hpp"
#include "model/source_line.hpp"

namespace hindsight {

struct ExtractedActions {
    std::vector<ActionItem> items;
    Evidence from;  // the heading of the first list they came from
};

ExtractedActions extract_action_items(const std::vector<SourceLine>& lines,
                                      const std::vector<LineContext>& contexts, int line_offset);

}  // namespace hindsight
