// Refusing output folders whose replacement would destroy something that is not a built site.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace hindsight {

// The file every built site carries, so a rebuild knows the folder it replaces is its own.
inline constexpr const char* kSiteMarker = ".hindsight-site";

struct OutputRefusal {
    std::string message;
    std::string hint;
};

// Refuses "/", the home folder, a repository root, the content folder, a folder that contains
// it or lies inside it, and an existing non-empty folder that was not built by hindsight.
std::optional<OutputRefusal> check_output_dir(const std::filesystem::path& output,
                                              const std::filesystem::path& content);

}  // namespace hindsight
