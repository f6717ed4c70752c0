// Picks the paragraph that says what happened, skipping titles, labels and metadata lines.
#include "extract/summary.hpp"

#include "core/text.hpp"

namespace hindsight {
namespace {

// "Duration: ...", "Start Time: ..." and the like describe the incident but do not summarise it.
bool is_metadata(const LineContext& context) {
    const auto& label = context.label;
    return !label.empty() &&
           (label.find("duration") != std::string::npos ||
            label.find("time") != std::string::npos || label.find("date") != std::string::npos ||
            label.find("impact") != std::string::npos ||
            label.find("severity") != std::string::npos ||
            label.find("status") != std::string::npos || label.find("author") != std::string::npos);
}

std::string shorten(std::string text) {
    if (text.size() <= kMaxSummaryLength) {
        return text;
    }
    std::size_t cut = text.rfind(". ", kMaxSummaryLength);
    if (cut != std::string::npos && cut > kMaxSummaryLength / 2) {
        return text.substr(0, cut + 1);
    }
    cut = text.rfind(' ', kMaxSummaryLength);
    return text.substr(0, cut == std::string::npos ? kMaxSummaryLength : cut) + "…";
}

}  // namespace

ExtractedSummary extract_summary(const std::vector<SourceLine>& lines,
                                 const std::vector<LineContext>& contexts, int line_offset) {
    ExtractedSummary result;
    for (const bool summary_part : {true, false}) {
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const SourceLine& line = lines[i];
            const LineContext& context = contexts[i];
            if (line.kind != LineKind::text || line.in_quote || context.is_heading ||
                is_metadata(context) || line.text.size() < 40) {
                continue;
            }
            if (summary_part && (context.section & kSummary) == 0) {
                continue;
            }
            // The whole paragraph, its lines joined.
            std::string text;
            for (std::size_t j = i; j < lines.size() && lines[j].block == line.block; ++j) {
                text += (text.empty() ? "" : " ") + lines[j].text;
            }
            result.text = shorten(std::string(trim(text)));
            result.from = {line.line + line_offset, line.text};
            return result;
        }
    }
    return result;
}

}  // namespace hindsight
