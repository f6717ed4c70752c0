// Hugo's TOML front matter (between '+++' lines), rewritten as YAML whose top-level keys sit on
// the lines the TOML wrote them on, so that one reader, and its diagnostics, serve both.
#pragma once

#include <string>
#include <string_view>
#include <variant>

namespace hindsight {

struct TomlProblem {
    int line = 0;  // 1-based, within the front matter
    int column = 0;
    std::string message;
};

// The YAML text, or where and why the TOML could not be read.
std::variant<std::string, TomlProblem> toml_as_yaml(std::string_view toml);

}  // namespace hindsight
