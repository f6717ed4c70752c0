// Textual pre-checks on YAML size, nesting depth and alias count.
#include "core/yaml_guard.hpp"

#include <fmt/format.h>

namespace hindsight {

bool opens_quoted_scalar(std::string_view yaml, std::size_t line_start, std::size_t at) {
    std::size_t j = at;
    while (j > line_start && (yaml[j - 1] == ' ' || yaml[j - 1] == '\t')) {
        --j;
    }
    return j == line_start ||
           std::string_view(":-?[{,").find(yaml[j - 1]) != std::string_view::npos;
}

std::optional<YamlLimitViolation> check_yaml_limits(std::string_view yaml,
                                                    const YamlLimits& limits) {
    if (yaml.size() > limits.max_bytes) {
        return YamlLimitViolation{
            fmt::format("front matter is {} bytes, over the limit of {} bytes", yaml.size(),
                        limits.max_bytes),
            1, 1};
    }
    int line = 1;
    int flow_depth = 0;
    int aliases = 0;
    std::size_t line_start = 0;
    bool in_single = false;
    bool in_double = false;
    // A quote opens a quoted scalar only where a value starts: taking one inside a plain scalar
    // for a quote would leave the rest of the line unscanned. An alias is counted after any
    // space or tab too: counting too many only refuses sooner.
    const auto after_indicator = [&](std::size_t i) {
        return opens_quoted_scalar(yaml, line_start, i);
    };
    for (std::size_t i = 0; i < yaml.size(); ++i) {
        const char c = yaml[i];
        const int column = static_cast<int>(i - line_start) + 1;
        if (c == '\n') {
            ++line;
            line_start = i + 1;
            in_single = in_double = false;
            continue;
        }
        if (in_single || in_double) {
            if (in_double && c == '\\' && i + 1 < yaml.size() && yaml[i + 1] != '\n') {
                ++i;  // an escape: "\"" does not close the string, "\\" does not escape it
            } else if ((in_single && c == '\'') || (in_double && c == '"')) {
                in_single = in_double = false;
            }
            continue;
        }
        if (c == '#' && (i == line_start || yaml[i - 1] == ' ')) {
            const auto end = yaml.find('\n', i);
            i = (end == std::string_view::npos ? yaml.size() : end) - 1;
            continue;
        }
        if ((c == '\'' || c == '"') && after_indicator(i)) {
            (c == '\'' ? in_single : in_double) = true;
            continue;
        }
        if (c == '[' || c == '{') {
            if (++flow_depth > limits.max_depth) {
                return YamlLimitViolation{
                    fmt::format("front matter nests deeper than {} levels", limits.max_depth), line,
                    column};
            }
        } else if ((c == ']' || c == '}') && flow_depth > 0) {
            --flow_depth;
        } else if (c == '*' && (after_indicator(i) || yaml[i - 1] == ' ' || yaml[i - 1] == '\t')) {
            if (i + 1 < yaml.size() && yaml[i + 1] != ' ' && ++aliases > limits.max_aliases) {
                return YamlLimitViolation{
                    fmt::format("front matter uses more than {} aliases", limits.max_aliases), line,
                    column};
            }
        } else if (i == line_start) {
            // Block nesting: every two columns of indentation (or each "- ") may open a level.
            std::size_t j = i;
            int depth = 0;
            while (j < yaml.size() && (yaml[j] == ' ' || yaml[j] == '-')) {
                depth += yaml[j] == '-' ? 2 : 1;
                ++j;
            }
            if (depth / 2 > limits.max_depth) {
                return YamlLimitViolation{
                    fmt::format("front matter nests deeper than {} levels", limits.max_depth), line,
                    column};
            }
        }
    }
    return std::nullopt;
}

}  // namespace hindsight
