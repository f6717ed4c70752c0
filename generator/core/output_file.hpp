// A file of the site in memory: what render hands to output.
#pragma once

#include <string>
#include <vector>

namespace hindsight {

struct OutputFile {
    std::string path;  // '/'-separated, relative to the output folder
    std::string bytes;
};

using OutputFiles = std::vector<OutputFile>;

}  // namespace hindsight
