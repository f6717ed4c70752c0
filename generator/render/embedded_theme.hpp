// The default theme's files, compiled into the binary by cmake/embed_files.cmake.
#pragma once

#include <vector>

#include "core/embedded_file.hpp"

namespace hindsight::render {

// Names are relative to themes/default.
const std::vector<EmbeddedFile>& embedded_theme();

}  // namespace hindsight::render
