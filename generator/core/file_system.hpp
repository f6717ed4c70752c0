// The few file-system operations the stages need, returning errors as values.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace hindsight {

struct ReadResult {
    std::optional<std::string> bytes;
    std::string error;  // why it could not be read, when bytes is empty
};

ReadResult read_file(const std::filesystem::path& path);

// Writes bytes to path, creating parent folders; returns an error message, empty on success.
std::string write_file(const std::filesystem::path& path, std::string_view bytes);

}  // namespace hindsight
