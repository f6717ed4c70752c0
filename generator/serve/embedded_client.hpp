// The preview's own page assets (serve/client/): the reload script and the panel's styles,
// compiled in by cmake/embed_files.cmake.
#pragma once

#include <vector>

#include "core/embedded_file.hpp"

namespace hindsight::serve {

// Names are relative to serve/client.
const std::vector<EmbeddedFile>& embedded_client();

}  // namespace hindsight::serve
