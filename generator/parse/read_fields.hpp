// Reading the front-matter fields of DESIGN.md §2 from a YAML mapping into a Postmortem.
#pragma once

#include <string>

#include "config/site_config.hpp"
#include "core/diagnostic.hpp"
#include "model/postmortem.hpp"

namespace YAML {
class Node;
}

namespace hindsight {

struct FieldContext {
    std::string path;     // for diagnostics
    int line_offset = 0;  // file line of the YAML's first line, minus one
    const SiteConfig& config;
    bool strict = false;  // unknown keys are warnings only when strict
    Diagnostics& diagnostics;
};

// Every known field is type-checked; a bad value is an error and the field stays unset, so
// the rest of the file is still checked. Unknown keys go to postmortem.extra.
void read_front_matter(const YAML::Node& root, FieldContext& context, Postmortem& postmortem);

}  // namespace hindsight
