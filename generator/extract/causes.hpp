// Causes classified from the root-cause text with the taxonomy's keywords: explainable,
// configurable.
#pragma once

#include <vector>

#include "config/taxonomy.hpp"
#include "extract/sections.hpp"
#include "model/postmortem.hpp"
#include "model/source_line.hpp"

namespace hindsight {

struct ExtractedCauses {
    std::vector<CauseTrigger> causes;  // mechanisms first, then components, each by weight
    Evidence from;                     // the first line of the text they were read from
};

inline constexpr std::size_t kMaxInferredCauses = 4;

ExtractedCauses extract_causes(const std::vector<SourceLine>& lines,
                               const std::vector<LineContext>& contexts, const Taxonomy& taxonomy,
                               int line_offset);

// Keyword hits of each cause in a text, for tests and for the classifier itself.
std::vector<CauseTrigger> classify_causes(std::string_view text, const Taxonomy& taxonomy);

}  // namespace hindsight
