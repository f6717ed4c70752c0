// A file of the site in memory: what render hands to output.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

namespace hindsight {

struct OutputFile {
    std::string path;  // '/'-separated, relative to the output folder
    std::string bytes;
};

using OutputFiles = std::vector<OutputFile>;

// Sites are handed over sorted by path, so that every listing of them is deterministic.
inline void sort_by_path(OutputFiles& files) {
    std::sort(files.begin(), files.end(),
              [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; });
}

}  // namespace hindsight
