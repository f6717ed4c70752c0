// Formatting and ordering of diagnostics.
#include "core/diagnostic.hpp"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

namespace hindsight {

Diagnostic make_error(Location location, std::string message, std::string hint) {
    return {Severity::error, std::move(location), std::move(message), std::move(hint)};
}

Diagnostic make_warning(Location location, std::string message, std::string hint) {
    return {Severity::warning, std::move(location), std::move(message), std::move(hint)};
}

Diagnostic make_note(Location location, std::string message, std::string hint) {
    return {Severity::note, std::move(location), std::move(message), std::move(hint)};
}

const char* severity_name(Severity severity) {
    switch (severity) {
        case Severity::note:
            return "note";
        case Severity::warning:
            return "warning";
        case Severity::error:
            return "error";
    }
    return "error";
}

Diagnostics without_notes(const Diagnostics& diagnostics) {
    Diagnostics kept;
    for (const auto& d : diagnostics) {
        if (d.severity != Severity::note) {
            kept.push_back(d);
        }
    }
    return kept;
}

std::string format_location(const Location& location) {
    std::string where = location.path;
    if (location.line > 0) {
        where += fmt::format(":{}", location.line);
        if (location.column > 0) {
            where += fmt::format(":{}", location.column);
        }
    }
    return where;
}

std::string format_diagnostic(const Diagnostic& d) {
    const std::string where = format_location(d.location);
    const char* kind = severity_name(d.severity);
    std::string text = fmt::format("{}: {}: {}", where, kind, d.message);
    if (!d.hint.empty()) {
        text += fmt::format("\n    hint: {}", d.hint);
    }
    return text;
}

void sort_diagnostics(Diagnostics& diagnostics) {
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const auto& a, const auto& b) {
        return std::tie(a.location.path, a.location.line, a.location.column, a.severity,
                        a.message) <
               std::tie(b.location.path, b.location.line, b.location.column, b.severity, b.message);
    });
}

int count_errors(const Diagnostics& diagnostics) {
    return static_cast<int>(
        std::count_if(diagnostics.begin(), diagnostics.end(),
                      [](const auto& d) { return d.severity == Severity::error; }));
}

int count_warnings(const Diagnostics& diagnostics) {
    return static_cast<int>(
        std::count_if(diagnostics.begin(), diagnostics.end(),
                      [](const auto& d) { return d.severity == Severity::warning; }));
}

}  // namespace hindsight
