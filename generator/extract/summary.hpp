// The summary: the issue-summary paragraph, else the first paragraph of the text.
#pragma once

#include <string>
#include <vector>

#include "extract/sections.hpp"
#include "model/postmortem.hpp"
#include "model/source_line.hpp"

namespace hindsight {

inline constexpr std::size_t kMaxSummaryLength = 400;

struct ExtractedSummary {
    std::string text;
    Evidence from;
};

ExtractedSummary extract_summary(const std::vector<SourceLine>& lines,
                                 const std::vector<LineContext>& contexts, int line_offset);

}  // namespace hindsight
