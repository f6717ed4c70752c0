// What the preview adds to each HTML page: its build epoch, the live-reload script, and the panel
// listing the latest build's problems.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"

namespace hindsight {

// The panel for a build's problems: "" when there are none; for a failed build, every error
// (path:line:col, severity, message, hint) and the first 50 warnings under a heading saying
// that the page shows the last good site; for a build that succeeded with warnings, the same
// list folded away.
// Everything in it is HTML-escaped: messages quote the user's text.
std::string problems_overlay(const Diagnostics& problems, bool build_failed);

// The page with `<meta name="hindsight-epoch">`, `<meta name="hindsight-assets">` (the site's
// assets_version, which tells the script whether the page may be updated in place) and the
// script before </head>, and the panel right after <body ...>, so that it is painted with the
// page, before any script runs. A page without those tags gets them at its start and end.
std::string inject_preview(std::string_view page, std::uint64_t epoch,
                           std::string_view assets_version, std::string_view overlay);

}  // namespace hindsight
