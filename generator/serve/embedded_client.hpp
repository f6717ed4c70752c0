// The preview's own page assets (serve/client/): the reload script and the panel's styles,
// compiled in by cmake/embed_files.cmake.
#pragma once

#include <string_view>
#include <vector>

namespace hindsight::serve {

struct EmbeddedFile {
    std::string_view name;  // relative to serve/client: "live.js"
    std::string_view content;
};

const std::vector<EmbeddedFile>& embedded_client();

}  // namespace hindsight::serve
