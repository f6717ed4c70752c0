// One postmortem source as discover hands it to parse: where it is and its bytes.
#pragma once

#include <string>

namespace hindsight {

struct SourceFile {
    std::string relative;  // '/'-separated path under the content folder: "2023/db-outage.md"
    std::string display;   // the path diagnostics print: the content folder as given, joined
    std::string bytes;
};

}  // namespace hindsight
