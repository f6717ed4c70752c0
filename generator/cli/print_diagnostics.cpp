// Terminal output of diagnostics.
#include "cli/print_diagnostics.hpp"

#include <unistd.h>
#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>

namespace hindsight {
namespace {

bool use_colour() {
    static const bool colour = ::isatty(STDERR_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr;
    return colour;
}

thread_local DiagnosticsCapture* capture = nullptr;

std::string plural(int n, const char* word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

}  // namespace

DiagnosticsCapture::DiagnosticsCapture() : outer_(capture) {
    capture = this;
}

DiagnosticsCapture::~DiagnosticsCapture() {
    capture = outer_;
}

void print_diagnostics(const Diagnostics& diagnostics) {
    if (capture != nullptr) {
        capture->diagnostics_.insert(capture->diagnostics_.end(), diagnostics.begin(),
                                     diagnostics.end());
    }
    for (const auto& d : diagnostics) {
        std::string text = format_diagnostic(d);
        if (use_colour()) {
            const std::string kind = std::string(severity_name(d.severity)) + ":";
            const char* colour = d.severity == Severity::error     ? "\x1b[1;31m"
                                 : d.severity == Severity::warning ? "\x1b[1;35m"
                                                                   : "\x1b[1;36m";
            const auto at = text.find(kind);
            if (at != std::string::npos) {
                text.replace(at, kind.size(), fmt::format("{}{}\x1b[0m", colour, kind));
            }
        }
        std::fprintf(stderr, "%s\n", text.c_str());
    }
}

std::string problem_summary(const Diagnostics& diagnostics) {
    const int errors = count_errors(diagnostics);
    const int warnings = count_warnings(diagnostics);
    if (errors == 0 && warnings == 0) {
        return "no problems";
    }
    if (warnings == 0) {
        return plural(errors, "error");
    }
    if (errors == 0) {
        return plural(warnings, "warning");
    }
    return fmt::format("{}, {}", plural(errors, "error"), plural(warnings, "warning"));
}

void print_tool_error(const std::string& message, const std::string& hint) {
    if (capture != nullptr) {
        capture->diagnostics_.push_back(make_error({"hindsight"}, message, hint));
    }
    std::fprintf(stderr, "hindsight: error: %s\n", message.c_str());
    if (!hint.empty()) {
        std::fprintf(stderr, "    hint: %s\n", hint.c_str());
    }
}

}  // namespace hindsight
