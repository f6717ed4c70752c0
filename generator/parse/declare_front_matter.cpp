// Composing the declaration: YAML lines for the inferred values, placed in the file's raw bytes,
// then read back through parse_postmortem to make sure they say what was extracted.
#include "parse/declare_front_matter.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>
#include <vector>

#include <fmt/format.h>

#include "core/text.hpp"
#include "extract/sections.hpp"
#include "parse/parse_postmortem.hpp"

namespace hindsight {
namespace {

// Where the file's parts are, in its raw bytes.
struct Layout {
    std::size_t start = 0;   // after the BOM
    std::string eol = "\n";  // the file's line end
    bool has_front_matter = false;
    std::size_t insert_at = 0;  // where new lines go: the closing fence, or the start
    std::string_view yaml;      // the existing front matter, fences excluded
};

std::string_view fence_text(std::string_view line) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
        line.remove_suffix(1);
    }
    return line;
}

Layout layout_of(std::string_view bytes) {
    Layout layout;
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        layout.start = 3;
    }
    layout.insert_at = layout.start;
    const auto first_end = bytes.find('\n', layout.start);
    if (first_end != std::string_view::npos && first_end > 0 && bytes[first_end - 1] == '\r') {
        layout.eol = "\r\n";
    }
    if (first_end == std::string_view::npos ||
        fence_text(bytes.substr(layout.start, first_end - layout.start)) != "---") {
        return layout;
    }
    for (std::size_t pos = first_end + 1; pos < bytes.size();) {
        auto end = bytes.find('\n', pos);
        if (end == std::string_view::npos) {
            end = bytes.size();
        }
        const auto line = fence_text(bytes.substr(pos, end - pos));
        if (line == "---" || line == "...") {
            layout.has_front_matter = true;
            layout.insert_at = pos;
            layout.yaml = bytes.substr(first_end + 1, pos - first_end - 1);
            return layout;
        }
        pos = end + 1;
    }
    return layout;  // never closed: parse reported an error and the file is refused before this
}

// Top-level keys of the existing front matter, and the keys of its comments ("# started: ..."),
// folded.
struct ExistingKeys {
    std::set<std::string> keys;
    std::set<std::string> commented;
};

ExistingKeys existing_keys(std::string_view yaml) {
    ExistingKeys out;
    std::size_t pos = 0;
    while (pos < yaml.size()) {
        auto end = yaml.find('\n', pos);
        if (end == std::string_view::npos) {
            end = yaml.size();
        }
        std::string_view line = yaml.substr(pos, end - pos);
        pos = end + 1;
        bool comment = false;
        if (line.starts_with("#")) {
            comment = true;
            line.remove_prefix(1);
            line = trim(line);
        } else if (line.empty() || line.front() == ' ' || line.front() == '-' ||
                   line.front() == '\t') {
            continue;  // nested, a list item, or blank
        }
        const auto colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0) {
            continue;
        }
        std::string_view key = trim(line.substr(0, colon));
        if (key.size() >= 2 && (key.front() == '"' || key.front() == '\'') &&
            key.back() == key.front()) {
            key = key.substr(1, key.size() - 2);
        }
        (comment ? out.commented : out.keys).insert(fold_spelling(key));
    }
    return out;
}

// A YAML double-quoted scalar: always safe, whatever the text holds.
std::string yaml_quoted(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (static_cast<unsigned char>(c) < 0x20) {
            out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
        } else {
            out += c;
        }
    }
    return out + "\"";
}

// The instant on the site's clock, with the offset that clock had: "2023-08-10T15:45:00+02:00".
// A time the text wrote without a zone was read in the site's zone, so this is what it said.
std::string local_time(Timestamp t, const TimeZone& zone) {
    const auto local = zone.to_local(t);
    const auto offset = std::chrono::duration_cast<std::chrono::minutes>(local.time_since_epoch() -
                                                                         t.time_since_epoch())
                            .count();
    const std::string clock = date::format("%Y-%m-%dT%H:%M:%S", local);
    if (offset == 0) {
        return clock + "Z";
    }
    const long long a = std::llabs(offset);
    return fmt::format("{}{}{:02}:{:02}", clock, offset < 0 ? '-' : '+', a / 60, a % 60);
}

std::string compact_duration(std::chrono::minutes duration) {
    const long long total = duration.count();
    if (total < 60) {
        return fmt::format("{}m", total);
    }
    return total % 60 == 0 ? fmt::format("{}h", total / 60)
                           : fmt::format("{}h{}m", total / 60, total % 60);
}

std::string number(double value) {
    return value == std::floor(value) ? fmt::format("{}", static_cast<long long>(value))
                                      : fmt::format("{}", value);
}

// One line of the text, as a comment can quote it.
std::string excerpt(std::string_view text) {
    std::string out;
    for (const char c : text) {
        out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    }
    out = std::string(trim(out));
    if (out.size() > 70) {
        std::size_t cut = 70;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) {
            --cut;
        }
        out = out.substr(0, cut) + "...";
    }
    return out;
}

class Declaration {
  public:
    Declaration(const Postmortem& pm, const ExistingKeys& existing)
        : pm_(pm), existing_(existing) {}

    // A key and its YAML lines (the first holds "key: ..."). Declared when the value is sure
    // and the key is free; else commented, after a line naming where it came from and why.
    void add(const std::string& key, const std::vector<std::string>& yaml, Field field,
             std::string doubt = {}) {
        const std::string folded = fold_spelling(key);
        if (existing_.commented.count(folded) > 0) {
            return;  // proposed before: the comment is there for a reviewer already
        }
        const auto it = pm_.evidence.find(field);
        const Evidence from = it == pm_.evidence.end() ? Evidence{} : it->second;
        if (doubt.empty()) {
            doubt = from.doubt;
        }
        if (existing_.keys.count(folded) > 0) {
            doubt = fmt::format("'{}' above is empty or not understood; put this value there", key);
        }
        if (doubt.empty()) {
            for (const auto& line : yaml) {
                lines_.push_back({line, 0, {}, {}});
            }
            ++declared_;
            return;
        }
        lines_.push_back({{}, from.line, excerpt(from.text), doubt});
        for (const auto& line : yaml) {
            lines_.push_back({"# " + line, 0, {}, {}});
        }
        ++commented_;
    }

    // The lines, with the source lines the comments name moved down by `shift`.
    std::vector<std::string> lines(int shift) const {
        std::vector<std::string> out;
        for (const auto& line : lines_) {
            if (line.reason.empty()) {
                out.push_back(line.yaml);
            } else if (line.line > 0) {
                out.push_back(fmt::format("# line {}, \"{}\": {}", line.line + shift, line.text,
                                          line.reason));
            } else {
                out.push_back(fmt::format("# {}", line.reason));
            }
        }
        return out;
    }

    std::size_t size() const { return lines_.size(); }
    int declared() const { return declared_; }
    int commented() const { return commented_; }

  private:
    struct Line {
        std::string yaml;    // a line of YAML, or empty for a reason line
        int line = 0;        // a reason line's source line
        std::string text;    // and the words there
        std::string reason;  // why the value below it is left out
    };
    const Postmortem& pm_;
    const ExistingKeys& existing_;
    std::vector<Line> lines_;
    int declared_ = 0;
    int commented_ = 0;
};

// "Postmortem", "0x19. Postmortem", "My first postmortem", "Issue Summary", "Owner: @ana": what
// opens a file that has no title of its own.
bool generic_title(std::string_view title) {
    static const std::set<std::string> generic = {
        "postmortem", "postmortems", "post", "mortem", "incident", "report", "reports",
        "my",         "first",       "the",  "a",      "an",       "of",     "our"};
    std::istringstream words(normalize_label(title));
    int meaningful = 0;
    for (std::string word; words >> word;) {
        const bool number = word.find_first_not_of("0123456789x") == std::string::npos;
        meaningful += generic.count(word) == 0 && !number ? 1 : 0;
    }
    if (meaningful == 0) {
        return true;
    }
    const std::string label = normalize_label(title);
    if (std::count(label.begin(), label.end(), ' ') < 3 && section_kinds(label) != 0) {
        return true;  // a section's name
    }
    // "Owner: @ana", "Date: 2024-05-01": a field line, not a title
    const auto colon = title.find(':');
    if (colon != std::string_view::npos) {
        const std::string field = normalize_label(title.substr(0, colon));
        for (const char* name : {"owner", "author", "authors", "date", "status", "severity",
                                 "written by", "reviewer", "reviewers", "team"}) {
            if (field == name) {
                return true;
            }
        }
    }
    return false;
}

bool inferred(const Postmortem& pm, Field field) {
    return pm.is_inferred(field) && has_value(pm, field);
}

bool sure(const Postmortem& pm, Field field) {
    const auto it = pm.evidence.find(field);
    return it == pm.evidence.end() || it->second.doubt.empty();
}

std::vector<std::string> action_item_lines(const Postmortem& pm) {
    std::vector<std::string> out = {"action_items:"};
    for (const auto& item : pm.action_items) {
        out.push_back("  - title: " + yaml_quoted(item.title));
        if (item.status) {
            out.push_back(fmt::format("    status: {}", to_string(*item.status)));
        }
        if (!item.owner.empty()) {
            out.push_back("    owner: " + yaml_quoted(item.owner));
        }
        if (item.due) {
            out.push_back("    due: " + format_date(*item.due));
        }
        if (!item.link.empty()) {
            out.push_back("    link: " + yaml_quoted(item.link));
        }
    }
    return out;
}

void plan(const Postmortem& pm, const SiteConfig& config, const ExistingKeys& existing,
          Declaration& out) {
    const TimeZone& zone = config.time_zone;
    if (inferred(pm, Field::title)) {
        // A title cut from a long first line, the file name, or a generic name ("Issue
        // Summary" opening a file with no title): the author should choose.
        const bool chosen =
            pm.title.ends_with("\xE2\x80\xA6") || pm.evidence.count(Field::title) == 0;
        out.add("title", {"title: " + yaml_quoted(pm.title)}, Field::title,
                chosen                    ? "taken from a long first line or the file name"
                : generic_title(pm.title) ? "a generic name or a section's, not a title"
                                          : "");
    }
    const bool started_written = pm.declared.count(Field::started) > 0 ||
                                 (inferred(pm, Field::started) && sure(pm, Field::started));
    if (inferred(pm, Field::date) && !started_written && pm.date) {
        out.add("date", {"date: " + format_date(*pm.date)}, Field::date);
    }
    for (const Field field : {Field::started, Field::detected, Field::resolved}) {
        const auto& value = field == Field::started    ? pm.started
                            : field == Field::detected ? pm.detected
                                                       : pm.resolved;
        if (inferred(pm, field) && value) {
            const std::string key(field_name(field));
            out.add(key, {key + ": " + local_time(*value, zone)}, field);
        }
    }
    const bool ends_written = (pm.declared.count(Field::started) > 0 ||
                               (inferred(pm, Field::started) && sure(pm, Field::started))) &&
                              (pm.declared.count(Field::resolved) > 0 ||
                               (inferred(pm, Field::resolved) && sure(pm, Field::resolved)));
    if (inferred(pm, Field::duration_minutes) && pm.duration && !ends_written) {
        out.add("duration", {"duration: " + compact_duration(*pm.duration)},
                Field::duration_minutes);
    }
    if (inferred(pm, Field::users_affected_pct)) {
        const std::string share = number(*pm.users_affected_pct);
        if (existing.keys.count("impact") == 0) {
            out.add("impact", {"impact:", "  users_affected_pct: " + share},
                    Field::users_affected_pct);
        } else {
            out.add("users_affected_pct", {"users_affected_pct: " + share},
                    Field::users_affected_pct);
        }
    }
    if (inferred(pm, Field::causes)) {
        out.add("causes", {fmt::format("causes: [{}]", fmt::join(pm.causes, ", "))}, Field::causes);
    }
    if (inferred(pm, Field::action_items)) {
        out.add("action_items", action_item_lines(pm), Field::action_items);
    }
}

// What the declaration must read back as: each value it declares, as the record held it.
std::string mismatch(const Postmortem& before, const Postmortem& after) {
    const auto same_time = [](const std::optional<Timestamp>& a,
                              const std::optional<Timestamp>& b) { return a == b; };
    if (after.title != before.title) {
        return "title";
    }
    if (!same_time(after.started, before.started) || !same_time(after.resolved, before.resolved) ||
        !same_time(after.detected, before.detected)) {
        return "times";
    }
    if (after.duration != before.duration) {
        return "duration";
    }
    if (after.users_affected_pct != before.users_affected_pct) {
        return "users_affected_pct";
    }
    if (after.action_items.size() != before.action_items.size()) {
        return "action_items";
    }
    for (std::size_t i = 0; i < after.action_items.size(); ++i) {
        const auto& a = after.action_items[i];
        const auto& b = before.action_items[i];
        if (a.title != b.title || a.status != b.status || a.owner != b.owner || a.due != b.due) {
            return "action_items";
        }
    }
    return {};
}

}  // namespace

Adoption declare_front_matter(std::string_view bytes, const Postmortem& pm,
                              const SiteConfig& config) {
    Adoption result;
    result.bytes = std::string(bytes);
    const Layout layout = layout_of(bytes);
    const ExistingKeys existing = existing_keys(layout.yaml);
    Declaration declaration(pm, existing);
    plan(pm, config, existing, declaration);
    if (declaration.size() == 0) {
        return result;
    }
    // Every line from the insertion on moves down by the lines inserted (and the two fences
    // of a new front matter), and the comments name lines of the file as it will be.
    const int shift = static_cast<int>(declaration.size()) + (layout.has_front_matter ? 0 : 2);
    std::string block;
    if (!layout.has_front_matter) {
        block += "---" + layout.eol;
    }
    for (const auto& line : declaration.lines(shift)) {
        block += line + layout.eol;
    }
    if (!layout.has_front_matter) {
        block += "---" + layout.eol;
    }
    std::string adopted = result.bytes;
    adopted.insert(layout.insert_at, block);

    const SourceFile file{pm.source, pm.source_path, adopted};
    const ParseResult again = parse_postmortem(file, config, ParseOptions{});
    if (!again.postmortem || count_errors(again.diagnostics) > 0) {
        result.problem = "the declaration would not read back without errors";
        return result;
    }
    if (const auto field = mismatch(pm, *again.postmortem); !field.empty()) {
        result.problem = fmt::format("the declared {} would read back differently", field);
        return result;
    }
    result.bytes = std::move(adopted);
    result.changed = true;
    result.declared = declaration.declared();
    result.commented = declaration.commented();
    return result;
}

}  // namespace hindsight
