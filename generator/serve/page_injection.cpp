// Building the problems panel and splicing it, and the reload script, into a page.
#include "serve/page_injection.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "core/text.hpp"
#include "serve/embedded_client.hpp"

namespace hindsight {
namespace {

// The position of `<tag` (case-insensitive, followed by '>' or a space) in page, or npos.
std::size_t find_tag(std::string_view page, std::string_view tag) {
    for (std::size_t at = page.find('<'); at != std::string_view::npos;
         at = page.find('<', at + 1)) {
        if (page.size() - at <= tag.size() + 1) {
            return std::string_view::npos;
        }
        bool same = true;
        for (std::size_t i = 0; i < tag.size() && same; ++i) {
            same = std::tolower(static_cast<unsigned char>(page[at + 1 + i])) == tag[i];
        }
        const char after = page[at + 1 + tag.size()];
        if (same && (after == '>' || after == ' ' || after == '\n' || after == '\t')) {
            return at;
        }
    }
    return std::string_view::npos;
}

// Every error is listed; warnings up to this many. An archive being adopted can have hundreds,
// and a panel of them all, on every page of the preview, was most of each page's bytes and
// of the browser's time to show it.
constexpr int kListedWarnings = 50;

std::string problem_item(const Diagnostic& d) {
    const std::string where = format_location(d.location);
    const char* kind = severity_name(d.severity);
    std::string item = fmt::format(
        "<li><span class=\"hindsight-where\">{}</span>: <span class=\"hindsight-{}\">{}:</span> "
        "{}",
        xml_escape(where), kind, kind, xml_escape(d.message));
    if (!d.hint.empty()) {
        item += fmt::format("<span class=\"hindsight-hint\">hint: {}</span>", xml_escape(d.hint));
    }
    return item + "</li>";
}

}  // namespace

std::string problems_overlay(const Diagnostics& problems, bool build_failed) {
    if (problems.empty()) {
        return {};
    }
    const int errors = count_errors(problems);
    const int warnings = count_warnings(problems);
    std::string items;
    int listed_warnings = 0;
    for (const auto& d : problems) {
        if (d.severity != Severity::error && listed_warnings++ >= kListedWarnings) {
            continue;
        }
        items += problem_item(d);
    }
    if (warnings > kListedWarnings) {
        const int more = warnings - kListedWarnings;
        items += fmt::format(
            "<li>and {} more warning{}: <code>hindsight check</code> lists every one</li>", more,
            more == 1 ? "" : "s");
    }
    const auto count = [](int n, const char* word) {
        return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
    };
    std::string counts = errors > 0 && warnings > 0
                             ? count(errors, "error") + ", " + count(warnings, "warning")
                         : errors > 0 ? count(errors, "error")
                                      : count(warnings, "warning");
    const std::string style =
        fmt::format("<style>{}</style>", embedded_content(serve::embedded_client(), "overlay.css"));
    if (build_failed) {
        return fmt::format(
            "<aside id=\"hindsight-overlay\" role=\"alert\" aria-label=\"Build problems\">{}"
            "<h2>The build failed: {}</h2><ol>{}</ol><p>This is the last site that built. Fix "
            "the files and save: the page updates by itself.</p></aside>",
            style, counts, items);
    }
    return fmt::format(
        "<aside id=\"hindsight-overlay\" class=\"hindsight-warnings\" aria-label=\"Build "
        "warnings\">{}<details><summary>Built with {}</summary><ol>{}</ol></details></aside>",
        style, counts, items);
}

std::string inject_preview(std::string_view page, std::uint64_t epoch,
                           std::string_view assets_version, std::string_view overlay) {
    const std::string head = fmt::format(
        "<meta name=\"hindsight-epoch\" content=\"{}\"><meta name=\"hindsight-assets\" "
        "content=\"{}\"><script src=\"/__hindsight/live.js\" defer></script>",
        epoch, xml_escape(assets_version));
    std::string out;
    out.reserve(page.size() + head.size() + overlay.size());
    std::size_t head_end = find_tag(page, "/head");
    std::size_t body = find_tag(page, "body");
    std::size_t body_end =
        body == std::string_view::npos ? std::string_view::npos : page.find('>', body);
    if (head_end == std::string_view::npos || body_end == std::string_view::npos ||
        body_end < head_end) {
        out += head;
        out += overlay;
        out += page;
        return out;
    }
    out += page.substr(0, head_end);
    out += head;
    out += page.substr(head_end, body_end + 1 - head_end);
    out += overlay;
    out += page.substr(body_end + 1);
    return out;
}

}  // namespace hindsight
