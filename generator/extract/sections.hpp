// Which part of a postmortem each line belongs to, read from headings, bold lines and "Label:"
// lines.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/source_line.hpp"

namespace hindsight {

// The parts extraction cares about. A heading may name several ("Root Cause and Resolution").
enum SectionKind : unsigned {
    kSummary = 1u << 0,
    kImpact = 1u << 1,
    kTimeline = 1u << 2,
    kRootCause = 1u << 3,
    kResolution = 1u << 4,
    kActions = 1u << 5,
    kDuration = 1u << 6,
    kLessons = 1u << 7,  // lessons learned, what went well or badly, takeaways
};

struct LineContext {
    unsigned section = 0;     // SectionKind bits of the innermost section with a known kind
    std::string label;        // "duration" for "Duration: June 4 ...", normalised; may be empty
    std::string value;        // the text after the label
    bool is_heading = false;  // a heading, bold line or bare "Label:" line
};

// Lower-case, with punctuation, markup dashes ("--Impact--:") and extra spaces removed.
std::string normalize_label(std::string_view text);

// The kinds a heading or label names.
unsigned section_kinds(std::string_view normalized_label);

std::vector<LineContext> annotate_sections(const std::vector<SourceLine>& lines);

}  // namespace hindsight
