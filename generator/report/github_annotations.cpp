// Workflow commands and the step summary for GitHub Actions.
#include "report/github_annotations.hpp"

#include <fmt/format.h>

#include "core/text.hpp"
#include "report/rule_names.hpp"

namespace hindsight {
namespace {

const char* command_for(Severity severity) {
    switch (severity) {
        case Severity::error:
            return "error";
        case Severity::warning:
            return "warning";
        case Severity::note:
            return "notice";
    }
    return "error";
}

// Text in a Markdown table cell: HTML's specials as entities (the summary renders HTML), the
// punctuation Markdown would read as emphasis, links or a cell's end escaped, line breaks as
// <br>.
std::string table_cell(std::string_view text) {
    std::string out;
    for (const char c : xml_escape(text)) {
        if (c == '\n') {
            out += "<br>";
        } else if (c == '|' || c == '\\' || c == '`' || c == '*' || c == '_' || c == '[' ||
                   c == ']' || c == '~') {
            out += '\\';
            out += c;
        } else if (c != '\r') {
            out += c;
        }
    }
    return out;
}

}  // namespace

std::string escape_workflow_data(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '%':
                out += "%25";
                break;
            case '\r':
                out += "%0D";
                break;
            case '\n':
                out += "%0A";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string escape_workflow_property(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : escape_workflow_data(text)) {
        switch (c) {
            case ':':
                out += "%3A";
                break;
            case ',':
                out += "%2C";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string github_annotation(const Diagnostic& d, const RepositoryPaths& paths) {
    std::string properties;
    const auto add = [&](std::string_view name, const std::string& value) {
        properties += properties.empty() ? " " : ",";
        properties += fmt::format("{}={}", name, escape_workflow_property(value));
    };
    const auto file = paths.relative(d.location.path);
    if (file) {
        add("file", *file);
        if (d.location.line > 0) {
            add("line", std::to_string(d.location.line));
            if (d.location.column > 0) {
                add("col", std::to_string(d.location.column));
            }
        }
    }
    add("title", "hindsight: " + rule_name(d.message));
    std::string message = d.message;
    if (!file && !d.location.path.empty()) {
        // A location that is no file (a command-line option) still says where.
        message = format_location(d.location) + ": " + message;
    }
    if (!d.hint.empty()) {
        message += "\nhint: " + d.hint;
    }
    return fmt::format("::{}{}::{}", command_for(d.severity), properties,
                       escape_workflow_data(message));
}

std::string github_step_summary(const Diagnostics& diagnostics, const RepositoryPaths& paths,
                                std::string_view heading) {
    std::string out = fmt::format("### hindsight check: {}\n\n", table_cell(heading));
    if (diagnostics.empty()) {
        return out;
    }
    out += "| severity | file | line | problem |\n|---|---|--:|---|\n";
    for (const auto& d : diagnostics) {
        const auto file = paths.relative(d.location.path);
        std::string problem = d.message;
        if (!d.hint.empty()) {
            problem += "\nhint: " + d.hint;
        }
        out += fmt::format("| {} | {} | {} | {} |\n", severity_name(d.severity),
                           table_cell(file ? *file : d.location.path),
                           d.location.line > 0 ? std::to_string(d.location.line) : "",
                           table_cell(problem));
    }
    out += "\n";
    return out;
}

}  // namespace hindsight
