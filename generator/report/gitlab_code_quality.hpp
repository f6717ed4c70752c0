// GitLab's view of diagnostics: a Code Quality report, which merge requests show on their diff.
#pragma once

#include <string>

#include "core/diagnostic.hpp"
#include "report/repository_paths.hpp"

namespace hindsight {

// A JSON array with one issue per diagnostic: description (the message and its hint),
// check_name (report/rule_names.hpp), fingerprint, severity (error: major, warning: minor, note:
// info) and location {path relative to the repository root, lines.begin}. The fingerprint hashes
// the path, the message and how many identical problems came before in the same file, not the
// line, so a problem keeps its fingerprint when lines above it move and GitLab can tell new
// problems from old ones. A problem in no file of the repository is placed on the path as
// written and line 1, since GitLab requires both.
std::string gitlab_code_quality(const Diagnostics& diagnostics, const RepositoryPaths& paths);

}  // namespace hindsight
