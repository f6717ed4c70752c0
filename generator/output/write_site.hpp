// The output stage: files in memory -> a staging folder beside the output -> swapped in at once.
#pragma once

#include <filesystem>
#include <string>

#include "core/output_file.hpp"

namespace hindsight {

// Returns an error message, empty on success. The previous site stays as it was until the
// final exchange, which is one rename(2): a failed or killed build never leaves a mix.
std::string write_site(const std::filesystem::path& output, const OutputFiles& files);

// The staging folder's name for an output folder, e.g. ".public.staging-1234" beside "public".
std::filesystem::path staging_path(const std::filesystem::path& output, long pid);

}  // namespace hindsight
