// Writing the front matter a new postmortem starts from, and merging a template into it.
#include "scaffold/new_postmortem.hpp"

#include <set>
#include <vector>

#include <fmt/format.h>

#include "core/dates.hpp"
#include "scaffold/next_id.hpp"

namespace hindsight {
namespace {

// A front-matter entry: the comment lines above it and its key line.
struct Entry {
    std::string key;
    std::string lines;  // with their line breaks
};

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
    for (auto pos = text.find(from); pos != std::string::npos;
         pos = text.find(from, pos + to.size())) {
        text.replace(pos, from.size(), to);
    }
    return text;
}

// Words joined by ", " into comment lines of at most 96 columns, each opening with `lead`.
std::string wrapped_comment(const std::vector<std::string>& words, std::string_view lead) {
    std::string out;
    std::string line(lead);
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string word = words[i] + (i + 1 < words.size() ? "," : ".");
        if (line.size() + 1 + word.size() > 96 && line.size() > lead.size()) {
            out += line + "\n";
            line = std::string(lead);
        }
        line += (line.size() > lead.size() ? " " : "") + word;
    }
    return out + line + "\n";
}

std::vector<Entry> generated_entries(const NewPostmortem& pm, const SiteConfig& config) {
    std::vector<std::string> levels = config.severity_names();
    if (!levels.empty()) {
        levels.front() += " (the worst)";
    }
    std::string severity = "# One of: " + (levels.empty() ? std::string("any level") : "");
    for (std::size_t i = 0; i < levels.size(); ++i) {
        severity += (i > 0 ? ", " : "") + levels[i];
    }
    severity += ".\nseverity:\n";
    const std::string zone = config.time_zone.name();
    return {
        {"title", "title: " + yaml_quoted(pm.title) + "\n"},
        {"id", "id: " + pm.id + "\n"},
        {"date", "date: " + format_date(pm.date) + "\n"},
        {"status",
         "# Drafts stay out of the site (`hindsight serve --drafts` shows them): write\n"
         "# status: published once the postmortem has been reviewed.\nstatus: draft\n"},
        {"severity", severity},
        {"started",
         fmt::format("# Times in ISO 8601, e.g. {}T14:05:00Z; one without an offset is read in "
                     "{}.\n# started: when the impact began. resolved: when it ended (or write "
                     "duration: 1h30m).\nstarted:\n",
                     format_date(pm.date), zone)},
        {"detected", "detected:\n"},
        {"mitigated", "mitigated:\n"},
        {"resolved", "resolved:\n"},
        {"impact",
         "# Who was affected and how: a sentence (\"30% of users could not check out\"), or\n"
         "# users_affected_pct: and summary: indented below it.\nimpact:\n"},
        {"services", "# The services involved, e.g. [checkout, payments].\nservices: []\n"},
        {"authors", "authors: []\n"},
        {"causes",
         "# Keys of the cause taxonomy; left empty, they are read from the root-cause "
         "section.\n" +
             wrapped_comment(config.taxonomy.keys(), "#  ") + "causes: []\n"},
        {"action_items",
         "# Follow-ups: title, owner, status (open, in-progress, blocked, done, wont-do), due, "
         "link:\n#   - title: Alert on connection-pool saturation\n#     owner: sre-team\n"
         "#     due: " +
             format_date(pm.date + date::days(28)) + "\naction_items: []\n"},
    };
}

struct SplitTemplate {
    std::vector<std::string> front_matter;  // lines between the '---' lines
    std::string body;
};

SplitTemplate split_template(const std::string& text) {
    SplitTemplate split;
    if (text.rfind("---\n", 0) != 0 && text.rfind("---\r\n", 0) != 0) {
        split.body = text;
        return split;
    }
    std::size_t pos = text.find('\n') + 1;
    while (pos < text.size()) {
        auto end = text.find('\n', pos);
        end = end == std::string::npos ? text.size() : end;
        std::string line = text.substr(pos, end - pos);
        pos = end + 1;
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (line == "---" || line == "...") {
            split.body = pos < text.size() ? text.substr(pos) : "";
            return split;
        }
        split.front_matter.push_back(line);
    }
    // No closing line: it was no front matter after all.
    return {{}, text};
}

// The key a front-matter line starts, if it starts one at the left margin.
std::string key_of(const std::string& line) {
    const auto colon = line.find(':');
    if (colon == std::string::npos || colon == 0 || line[0] == ' ' || line[0] == '#' ||
        line[0] == '-') {
        return {};
    }
    return line.substr(0, colon);
}

}  // namespace

std::string yaml_quoted(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
            case '\r':
            case '\t':
                out += ' ';
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    out += ' ';
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

std::string new_postmortem_file_name(const NewPostmortem& pm) {
    const std::string slug = title_slug(pm.title);
    return format_date(pm.date) + (slug.empty() ? "" : "-" + slug) + ".md";
}

std::string new_postmortem_text(const NewPostmortem& pm, const PostmortemTemplate& chosen,
                                const SiteConfig& config) {
    std::string text = chosen.text;
    text = replace_all(std::move(text), "{{title}}", pm.title);
    text = replace_all(std::move(text), "{{id}}", pm.id);
    text = replace_all(std::move(text), "{{date}}", format_date(pm.date));
    const SplitTemplate split = split_template(text);
    std::set<std::string> overridden;
    for (const auto& line : split.front_matter) {
        if (auto key = key_of(line); !key.empty()) {
            overridden.insert(key);
        }
    }
    std::string out = "---\n";
    for (const auto& entry : generated_entries(pm, config)) {
        if (overridden.count(entry.key) == 0) {
            out += entry.lines;
        }
    }
    for (const auto& line : split.front_matter) {
        out += line + "\n";
    }
    out += "---\n\n";
    std::string body = split.body;
    while (!body.empty() && (body.front() == '\n' || body.front() == '\r')) {
        body.erase(0, 1);
    }
    out += body;
    if (!out.empty() && out.back() != '\n') {
        out += '\n';
    }
    return out;
}

}  // namespace hindsight
