// The shipped postmortem templates (scaffold/templates/), compiled in by cmake/embed_files.cmake.
#pragma once

#include <string_view>
#include <vector>

namespace hindsight::scaffold {

struct EmbeddedFile {
    std::string_view name;  // relative to scaffold/templates: "default.md"
    std::string_view content;
};

const std::vector<EmbeddedFile>& embedded_templates();

}  // namespace hindsight::scaffold
