// What a draft still lacks before it can be published: the facts every postmortem needs.
#pragma once

#include "core/diagnostic.hpp"
#include "model/postmortem.hpp"

namespace hindsight {

// A warning for each of `started` and `resolved` that a draft has neither declared nor had
// extracted from its text, naming the key to fill in and its format. `hindsight new` leaves them
// empty, so check lists what is left to write; published postmortems are read as they are (a
// real postmortem often gives no times, and that is no fault of the build).
Diagnostics unfinished_draft_fields(const Postmortem& postmortem);

}  // namespace hindsight
