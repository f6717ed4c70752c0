// Textual pre-checks on YAML size, nesting depth and alias count.
#include "core/yaml_guard.hpp"

#include <fmt/format.h>

namespace hindsight {

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
            if ((in_single && c == '\'') || (in_double && c == '"' && yaml[i - 1] != '\\')) {
                in_single = in_double = false;
            }
            continue;
        }
        if (c == '#' && (i == line_start || yaml[i - 1] == ' ')) {
            const auto end = yaml.find('\n', i);
            i = (end == std::string_view::npos ? yaml.size() : end) - 1;
            continue;
        }
        if (c == '\'' || c == '"') {
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
        } else if (c == '*' && (i == line_start || yaml[i - 1] == ' ' || yaml[i - 1] == '[' ||
                                yaml[i - 1] == ',' || yaml[i - 1] == '{')) {
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
