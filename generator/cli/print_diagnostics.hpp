// Printing diagnostics and summaries: the only place below main that writes to the terminal.
#pragma once

#include <string>

#include "core/diagnostic.hpp"

namespace hindsight {

// Prints each diagnostic once to stderr, coloured when stderr is a terminal and NO_COLOR is unset.
void print_diagnostics(const Diagnostics& diagnostics);

// "2 errors, 1 warning" (or "no problems").
std::string problem_summary(const Diagnostics& diagnostics);

// One-line messages of the tool itself: "hindsight: error: ...".
void print_tool_error(const std::string& message, const std::string& hint = {});

}  // namespace hindsight
