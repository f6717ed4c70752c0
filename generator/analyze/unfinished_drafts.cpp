// Warnings for drafts whose start or end of impact is not written yet.
#include "analyze/unfinished_drafts.hpp"

#include <fmt/format.h>

#include "core/dates.hpp"

namespace hindsight {

Diagnostics unfinished_draft_fields(const Postmortem& pm) {
    Diagnostics found;
    if (!pm.draft) {
        return found;
    }
    const std::string day = pm.date ? format_date(*pm.date) : "YYYY-MM-DD";
    if (!pm.started) {
        found.push_back(
            make_warning({pm.source_path}, "draft: fill in 'started', when the impact began",
                         fmt::format("write it in ISO 8601, e.g. started: {}T14:05:00Z", day)));
    }
    if (!pm.resolved && !pm.duration) {
        found.push_back(
            make_warning({pm.source_path}, "draft: fill in 'resolved', when the impact ended",
                         fmt::format("write it in ISO 8601, e.g. resolved: {}T15:35:00Z, or give "
                                     "duration: 1h30m",
                                     day)));
    }
    return found;
}

}  // namespace hindsight
