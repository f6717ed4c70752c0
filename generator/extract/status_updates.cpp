// The end of an incident from a status page's updates: an update's own state and timestamp, not a
// time read from its prose.
#include "extract/status_updates.hpp"

#include <cctype>
#include <string_view>

#include "core/text.hpp"

namespace hindsight {
namespace {

// "**Resolved**: ...", "Resolved: ...", "::: update Resolved | ...": the state an update opens
// with (markup is already removed from the line).
bool opens_as_resolved(std::string_view text) {
    text = trim(text);
    if (text.starts_with(":::")) {
        text = trim(text.substr(3));
        if (!text.starts_with("update")) {
            return false;
        }
        text = trim(text.substr(6));
    }
    constexpr std::string_view kState = "resolved";
    if (text.size() <= kState.size() || to_lower_ascii(text.substr(0, kState.size())) != kState) {
        return false;
    }
    const std::string_view rest = trim(text.substr(kState.size()));
    return rest.starts_with(":") || rest.starts_with("|") || rest.starts_with("-");
}

// The first "YYYY-MM-DDTHH:MM...Z" or "...+HH:MM" in a line: a machine-written timestamp, which
// names its zone.
std::optional<Timestamp> iso_timestamp_in(std::string_view text) {
    for (std::size_t at = text.find('T'); at != std::string_view::npos;
         at = text.find('T', at + 1)) {
        if (at < 10 || !std::isdigit(static_cast<unsigned char>(text[at - 1]))) {
            continue;
        }
        std::size_t end = at + 1;
        while (end < text.size() &&
               (std::isdigit(static_cast<unsigned char>(text[end])) != 0 || text[end] == ':' ||
                text[end] == '.' || text[end] == '+' || text[end] == '-' || text[end] == 'Z')) {
            ++end;
        }
        const std::string_view candidate = text.substr(at - 10, end - (at - 10));
        const bool zoned =
            candidate.back() == 'Z' || candidate.find_first_of("+-", 11) != std::string_view::npos;
        if (!zoned) {
            continue;
        }
        if (const auto parsed = parse_timestamp(candidate, TimeZone::utc())) {
            return parsed->utc;
        }
    }
    return std::nullopt;
}

// "17:45", "9:05": a clock time written in prose.
bool has_clock_time(std::string_view text) {
    for (std::size_t at = text.find(':'); at != std::string_view::npos;
         at = text.find(':', at + 1)) {
        if (at > 0 && at + 2 < text.size() &&
            std::isdigit(static_cast<unsigned char>(text[at - 1])) != 0 &&
            std::isdigit(static_cast<unsigned char>(text[at + 1])) != 0 &&
            std::isdigit(static_cast<unsigned char>(text[at + 2])) != 0) {
            return true;
        }
    }
    return false;
}

}  // namespace

std::optional<ResolvedUpdate> resolved_update(const std::vector<SourceLine>& lines,
                                              int line_offset) {
    std::optional<ResolvedUpdate> found;
    for (const auto& line : lines) {
        if (line.kind != LineKind::text && line.kind != LineKind::item) {
            continue;
        }
        const auto at = iso_timestamp_in(line.text);
        if (!at && has_clock_time(line.text)) {
            // The prose gives times of its own ("unavailable from 17:45 to 20:20 CEST"): which
            // account is the impact's window is unclear, so the updates give no end.
            return std::nullopt;
        }
        if (at && opens_as_resolved(line.text)) {
            found = ResolvedUpdate{*at, Evidence{line.line + line_offset, line.text}};
        }
    }
    return found;
}

}  // namespace hindsight
