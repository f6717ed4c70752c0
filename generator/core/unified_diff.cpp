// The insertion is found as the longest common prefix of whole lines; the rest follows from it.
#include "core/unified_diff.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

namespace hindsight {
namespace {

// Lines without their ends; a last line without an end counts as a line.
std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        lines.push_back(line);
        start = end + 1;
    }
    return lines;
}

// "@@ -3,6 +3,9 @@": a range of zero lines starts one line earlier, as diff writes it.
std::string range(std::size_t first, std::size_t count) {
    return fmt::format("{},{}", count == 0 ? first : first + 1, count);
}

}  // namespace

std::string insertion_diff(std::string_view path, std::string_view before, std::string_view after) {
    if (before == after) {
        return {};
    }
    const auto old_lines = split_lines(before);
    const auto new_lines = split_lines(after);
    const std::size_t added = new_lines.size() - std::min(new_lines.size(), old_lines.size());
    std::size_t at = 0;  // index of the first inserted line
    while (at < old_lines.size() && old_lines[at] == new_lines[at]) {
        ++at;
    }
    constexpr std::size_t kContext = 3;
    const std::size_t from = at - std::min(at, kContext);
    const std::size_t to = std::min(old_lines.size(), at + kContext);  // old lines, exclusive
    std::string out = fmt::format("--- a/{}\n+++ b/{}\n@@ -{} +{} @@\n", path, path,
                                  range(from, to - from), range(from, to - from + added));
    for (std::size_t i = from; i < at; ++i) {
        out += fmt::format(" {}\n", old_lines[i]);
    }
    for (std::size_t i = at; i < at + added; ++i) {
        out += fmt::format("+{}\n", new_lines[i]);
    }
    for (std::size_t i = at; i < to; ++i) {
        out += fmt::format(" {}\n", old_lines[i]);
    }
    return out;
}

}  // namespace hindsight
