// Filling what the front matter left out from what the text says, and checking what it declared.
#pragma once

#include <string>
#include <vector>

#include "config/site_config.hpp"
#include "core/diagnostic.hpp"
#include "model/postmortem.hpp"
#include "model/source_line.hpp"

namespace hindsight {

struct InferContext {
    const SiteConfig& config;
    std::string path;     // for diagnostics
    int line_offset = 0;  // the body's first line is this file line + 1
    Diagnostics& diagnostics;
    // The front matter's times written with no zone, read in the site's: a clock time the text
    // writes with a zone says which zone they are in.
    std::vector<Field> zoneless_times = {};
};

// Declared values win; a declared value the text contradicts is a warning naming both.
// Each inferred field is named in postmortem.inferred, with its evidence.
void infer_from_text(const std::vector<SourceLine>& lines, Postmortem& postmortem,
                     InferContext& context);

}  // namespace hindsight
