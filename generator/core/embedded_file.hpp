// A file compiled into the binary by cmake/embed_files.cmake: the theme, the postmortem templates
// and the preview's client assets each have a table of these.
#pragma once

#include <string_view>

namespace hindsight {

struct EmbeddedFile {
    std::string_view name;  // relative to the embedded folder, e.g. "templates/home.mustache"
    std::string_view content;
};

}  // namespace hindsight
