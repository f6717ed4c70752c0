// The default theme's files, compiled into the binary by cmake/embed_files.cmake.
#pragma once

#include <string_view>
#include <vector>

namespace hindsight::render {

struct EmbeddedFile {
    std::string_view name;  // relative to themes/default: "templates/home.mustache"
    std::string_view content;
};

const std::vector<EmbeddedFile>& embedded_theme();

}  // namespace hindsight::render
