// A file compiled into the binary by cmake/embed_files.cmake: the theme, the postmortem templates
// and the preview's client assets each have a table of these.
#pragma once

#include <string_view>
#include <vector>

namespace hindsight {

struct EmbeddedFile {
    std::string_view name;  // relative to the embedded folder, e.g. "templates/home.mustache"
    std::string_view content;
};

// The content of the file called `name` in a table; empty when the table has none.
inline std::string_view embedded_content(const std::vector<EmbeddedFile>& files,
                                         std::string_view name) {
    for (const auto& file : files) {
        if (file.name == name) {
            return file.content;
        }
    }
    return {};
}

}  // namespace hindsight
