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

// While one is alive on a thread, whatever print_diagnostics and print_tool_error print on that
// thread is kept in it as well (a tool error as an error located at "hindsight"): `serve` shows
// what a build printed in the page's problems panel too.
class DiagnosticsCapture {
  public:
    DiagnosticsCapture();
    ~DiagnosticsCapture();
    DiagnosticsCapture(const DiagnosticsCapture&) = delete;
    DiagnosticsCapture& operator=(const DiagnosticsCapture&) = delete;

    const Diagnostics& diagnostics() const { return diagnostics_; }

  private:
    friend void print_diagnostics(const Diagnostics&);
    friend void print_tool_error(const std::string&, const std::string&);
    Diagnostics diagnostics_;
    DiagnosticsCapture* outer_;
};

}  // namespace hindsight
