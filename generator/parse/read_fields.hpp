// Reading the front-matter fields of DESIGN.md §2 from a YAML mapping into a Postmortem.
#pragma once

#include <string>
#include <vector>

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
    // Filled by read_front_matter: the times written with no zone and no `time_zone` key.
    std::vector<Field> zoneless_times = {};
};

// Liberal in what it accepts: other tools' keys, synonyms of enumerations, human dates and
// durations are read, each with a note; an empty value is an absent one. A value that cannot be
// understood, or contradicts another, is a warning: it is left out of the record (and listed in
// postmortem.unread, as written), never guessed. Unknown keys go to postmortem.extra. Only a slug
// that cannot be a path is an error here.
void read_front_matter(const YAML::Node& root, FieldContext& context, Postmortem& postmortem);

}  // namespace hindsight
