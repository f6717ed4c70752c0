// Refuses YAML that could exhaust yaml-cpp (deep nesting, alias bombs, huge blocks) before it
// parses.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hindsight {

struct YamlLimits {
    std::size_t max_bytes = 64 * 1024;
    int max_depth = 32;
    int max_aliases = 64;
    // The tree as its readers walk it, each alias a copy of its anchor: scalar bytes plus one
    // per value (config/yaml_tree.hpp checks it after yaml-cpp has loaded the text). Front matter
    // within max_bytes stays below this without aliases, so only aliases can reach it.
    std::size_t max_expanded_bytes = 256 * 1024;
};

struct YamlLimitViolation {
    std::string message;
    int line = 1;  // 1-based, within the YAML text
    int column = 1;
    std::string hint = {};  // when the limit calls for more than the caller's general hint
};

// Whether a quote at yaml[at] opens a quoted scalar: only where a value starts (after ':', '-',
// '?', '[', '{' or ',' and any spaces, or at the start of its line, which begins at line_start).
// Inside a plain scalar ("[it's, *a]") a quote is an ordinary character.
bool opens_quoted_scalar(std::string_view yaml, std::size_t line_start, std::size_t at);

// A conservative textual scan: indentation and flow brackets bound the depth, '*name' tokens
// count aliases. It may overestimate depth (never under), which only matters past the limit.
std::optional<YamlLimitViolation> check_yaml_limits(std::string_view yaml,
                                                    const YamlLimits& limits = {});

}  // namespace hindsight
