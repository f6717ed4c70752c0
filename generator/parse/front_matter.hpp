// Splitting a postmortem's text into its YAML (or TOML) front matter and its Markdown body.
#pragma once

#include <optional>
#include <string_view>

namespace hindsight {

struct FrontMatterSplit {
    bool present = false;       // the text opens with a '---' line
    bool terminated = false;    // and a closing '---' or '...' line was found
    bool toml = false;          // Hugo's TOML front matter, between '+++' lines
    bool json = false;          // Hugo's JSON front matter, from a line '{' to a line '}'
    bool json_members = false;  // Hexo's: JSON members without braces, closed by a line ';;;'
                                // (`yaml` holds the object, braces included)
    std::string_view yaml;      // between the fences
    int yaml_first_line = 0;    // 1-based line of the first YAML line in the file
    std::string_view body;      // everything after the closing fence (the whole text if none)
    int body_first_line = 1;
};

// An unterminated block leaves the whole text as the body, so nothing is silently dropped.
FrontMatterSplit split_front_matter(std::string_view text);

// Line and column (1-based) of the first tab in the YAML's indentation, if any.
struct TextSpot {
    int line = 0;
    int column = 0;
};
std::optional<TextSpot> find_indentation_tab(std::string_view yaml);

// Where a quoted scalar ('...' or "...") opens that is never closed: the YAML ends inside it, or
// a later line at its key's indentation or less reads as a key or a list item. yaml-cpp may
// otherwise read the keys after it as part of the string, or fail somewhere else.
std::optional<TextSpot> find_unterminated_quote(std::string_view yaml);

}  // namespace hindsight
