// `hindsight adopt`: the front matter a postmortem would declare from what was extracted from
// its text, written into the file's bytes. The body and the existing front matter are kept byte
// for byte (BOM and line ends too): the new keys go after the existing ones, or into a new front
// matter at the top. A value extracted with a doubt (Evidence::doubt) is not declared: a comment
// names it and the line it came from, for a reviewer to uncomment.
#pragma once

#include <string>
#include <string_view>

#include "config/site_config.hpp"
#include "model/postmortem.hpp"

namespace hindsight {

struct Adoption {
    std::string bytes;  // the file with the declaration in it
    bool changed = false;
    int declared = 0;     // keys written
    int commented = 0;    // values left out, with a comment
    std::string problem;  // why nothing could be written, when the declaration would not read back
};

// `pm` is the file's record as parse made it from `bytes`, inferred values and evidence included.
// The result, read again, declares exactly the values it writes (checked: a declaration that
// would read back differently is refused with a problem). Adopting an adopted file changes
// nothing.
Adoption declare_front_matter(std::string_view bytes, const Postmortem& pm,
                              const SiteConfig& config);

}  // namespace hindsight
