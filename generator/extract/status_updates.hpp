// Status pages write an incident as updates, each with its state and a timestamp
// ("**Resolved**: ... {{< track "2021-02-10T22:10:00Z" >}}", "::: update Resolved | 2021-...").
#pragma once

#include <optional>
#include <vector>

#include "core/dates.hpp"
#include "model/postmortem.hpp"
#include "model/source_line.hpp"

namespace hindsight {

struct ResolvedUpdate {
    Timestamp at;
    Evidence from;
};

// The last update marked Resolved that carries a full ISO 8601 timestamp with its offset: the
// time the status page says the incident ended. Nothing when no update says so.
std::optional<ResolvedUpdate> resolved_update(const std::vector<SourceLine>& lines,
                                              int line_offset);

}  // namespace hindsight
