// Diagnostics are values: a severity, a location in a source file and a message, printed only by
// the CLI.
#pragma once

#include <string>
#include <vector>

namespace hindsight {

enum class Severity { note, warning, error };

struct Location {
    std::string path;  // as the user named it (content dir joined with the relative path)
    int line = 0;      // 1-based; 0 when the problem concerns the whole file
    int column = 0;    // 1-based; 0 when unknown
};

struct Diagnostic {
    Severity severity = Severity::error;
    Location location;
    std::string message;
    std::string hint;  // what to do about it; may be empty
};

using Diagnostics = std::vector<Diagnostic>;

Diagnostic make_error(Location location, std::string message, std::string hint = {});
Diagnostic make_warning(Location location, std::string message, std::string hint = {});
// Notes explain (what was inferred, which alias was read); they never fail a build.
Diagnostic make_note(Location location, std::string message, std::string hint = {});

// "path:line:col" (line and column left out when unknown).
std::string format_location(const Location& location);

// "path:line:col: error: message" (line and column left out when unknown), then the hint on
// a line of its own, indented, when there is one.
std::string format_diagnostic(const Diagnostic& diagnostic);

// Orders by path, line, column, then severity and message, so output never depends on threads.
void sort_diagnostics(Diagnostics& diagnostics);

const char* severity_name(Severity severity);
Diagnostics without_notes(const Diagnostics& diagnostics);

int count_errors(const Diagnostics& diagnostics);
int count_warnings(const Diagnostics& diagnostics);

}  // namespace hindsight
