// GitHub Actions' view of diagnostics: workflow-command annotations and the step summary table.
#pragma once

#include <string>
#include <string_view>

#include "core/diagnostic.hpp"
#include "report/repository_paths.hpp"

namespace hindsight {

// Workflow-command escaping, as GitHub's own toolkit does it: the message escapes '%', '\r' and
// '\n'; a property value escapes ':' and ',' as well, which would otherwise end it.
std::string escape_workflow_data(std::string_view text);
std::string escape_workflow_property(std::string_view text);

// One `::error file=PATH,line=L,col=C,title=...::message` line (`::warning`, `::notice` for the
// other severities), without its line break. `file` is left out when the path names no file in
// the repository, `line` and `col` when unknown. The hint follows the message on a line of its
// own, as the terminal shows it.
std::string github_annotation(const Diagnostic& diagnostic, const RepositoryPaths& paths);

// The Markdown appended to $GITHUB_STEP_SUMMARY: a heading with the counts, then a table of
// every diagnostic (GitHub shows only the first few annotations of a step). `heading` is the
// summary line ("checked 18 postmortems: 1 error").
std::string github_step_summary(const Diagnostics& diagnostics, const RepositoryPaths& paths,
                                std::string_view heading);

}  // namespace hindsight
