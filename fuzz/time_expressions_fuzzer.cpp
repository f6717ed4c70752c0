// libFuzzer target: any bytes as lines of prose, through the time-expression scanner (tokens,
// zones, dates, ranges), stated durations and extract_times over the whole text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "extract/durations.hpp"
#include "extract/sections.hpp"
#include "extract/time_expressions.hpp"
#include "extract/time_zones.hpp"
#include "extract/times.hpp"

namespace {

// The scanner's results index into the line and into each other; out of range is a bug even
// when it does not crash here.
void check_spans(const hindsight::LineTimes& times, std::size_t line_size) {
    for (const auto& instant : times.instants) {
        if (instant.begin > instant.end || instant.end > line_size) {
            std::abort();
        }
    }
    for (const auto& range : times.ranges) {
        if (range.start >= times.instants.size() || range.end >= times.instants.size()) {
            std::abort();
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::vector<hindsight::SourceLine> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        const std::string_view line = text.substr(start, end - start);
        check_spans(hindsight::scan_times(line), line.size());
        (void)hindsight::stated_duration(line);
        (void)hindsight::find_zone_word(line);

        // A line opening with '#' stands for a heading, with '-' for a list item, so that the
        // section rules (Timeline, Duration:, ...) decide what extract_times reads.
        hindsight::SourceLine source;
        source.line = static_cast<int>(lines.size()) + 1;
        source.block = source.line;
        if (!line.empty() && line.front() == '#') {
            source.kind = hindsight::LineKind::heading;
            source.heading_level = 2;
            source.text = std::string(line.substr(1));
        } else if (!line.empty() && line.front() == '-') {
            source.kind = hindsight::LineKind::item;
            source.list_depth = 1;
            source.item_start = true;
            source.text = std::string(line.substr(1));
        } else {
            source.text = std::string(line);
        }
        lines.push_back(std::move(source));
        start = end + 1;
    }
    static const hindsight::TimeZone utc = hindsight::TimeZone::utc();
    const auto contexts = hindsight::annotate_sections(lines);
    (void)hindsight::extract_times(lines, contexts, {utc, std::nullopt, 0});
    return 0;
}
