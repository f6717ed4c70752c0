// Finding the postmortem sources under a content folder, in a stable order.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "model/source_file.hpp"

namespace hindsight {

struct DiscoverResult {
    std::vector<SourceFile> files;  // sorted by relative path, byte-wise
    Diagnostics diagnostics;
};

// Takes *.md, *.markdown and *.txt; skips dot-files and dot-folders, '_'-prefixed names, and
// symlinks whose target lies outside the content folder, and folder symlinks. An unreadable file is
// an error that names it; the rest are still read.
DiscoverResult discover_sources(const std::filesystem::path& content_dir);

bool is_source_name(const std::string& file_name);

}  // namespace hindsight
