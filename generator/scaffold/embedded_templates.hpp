// The shipped postmortem templates (scaffold/templates/), compiled in by cmake/embed_files.cmake.
#pragma once

#include <vector>

#include "core/embedded_file.hpp"

namespace hindsight::scaffold {

// Names are relative to scaffold/templates.
const std::vector<EmbeddedFile>& embedded_templates();

}  // namespace hindsight::scaffold
