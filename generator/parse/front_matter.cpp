// Front-matter fences: '---' on the first line, closed by '---' or '...'.
#include "parse/front_matter.hpp"

namespace hindsight {
namespace {

bool is_fence(std::string_view line, std::string_view fence) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) {
        line.remove_suffix(1);
    }
    return line == fence;
}

}  // namespace

FrontMatterSplit split_front_matter(std::string_view text) {
    FrontMatterSplit split;
    split.body = text;
    const auto first_end = text.find('\n');
    if (!is_fence(text.substr(0, first_end), "---") || first_end == std::string_view::npos) {
        split.present = is_fence(text, "---");
        return split;
    }
    split.present = true;
    std::size_t pos = first_end + 1;
    int line = 2;
    while (pos <= text.size()) {
        const auto end = text.find('\n', pos);
        const std::string_view current =
            text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
        if (is_fence(current, "---") || is_fence(current, "...")) {
            split.terminated = true;
            split.yaml = text.substr(first_end + 1, pos - first_end - 1);
            split.yaml_first_line = 2;
            split.body = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
            split.body_first_line = line + 1;
            return split;
        }
        if (end == std::string_view::npos) {
            break;
        }
        pos = end + 1;
        ++line;
    }
    return split;
}

std::optional<TextSpot> find_indentation_tab(std::string_view yaml) {
    int line = 1;
    bool at_line_start = true;
    int column = 1;
    for (const char c : yaml) {
        if (c == '\n') {
            ++line;
            column = 1;
            at_line_start = true;
            continue;
        }
        if (at_line_start && c == '\t') {
            return TextSpot{line, column};
        }
        if (c != ' ') {
            at_line_start = false;
        }
        ++column;
    }
    return std::nullopt;
}

}  // namespace hindsight
