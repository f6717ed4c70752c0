// The parse stage: decode, split front matter, read fields, render Markdown, fill in the title.
#include "parse/parse_postmortem.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>
#include <chrono>
#include <variant>

#include "config/yaml_tree.hpp"
#include "core/slug.hpp"
#include "core/text.hpp"
#include "core/url.hpp"
#include "core/yaml_guard.hpp"
#include "extract/infer_fields.hpp"
#include "parse/emphasis_guard.hpp"
#include "parse/front_matter.hpp"
#include "parse/markdown.hpp"
#include "parse/read_fields.hpp"
#include "parse/toml_front_matter.hpp"

namespace hindsight {
namespace {

constexpr std::size_t kMaxTitleLength = 120;

std::string file_stem(const std::string& relative) {
    const auto slash = relative.rfind('/');
    std::string name = slash == std::string::npos ? relative : relative.substr(slash + 1);
    const auto dot = name.rfind('.');
    return dot == std::string::npos ? name : name.substr(0, dot);
}

// Cuts at a word boundary and marks the cut, so a paragraph used as a title stays readable.
std::string shorten(std::string text) {
    if (text.size() <= kMaxTitleLength) {
        return text;
    }
    std::size_t cut = text.rfind(' ', kMaxTitleLength);
    if (cut == std::string::npos || cut < kMaxTitleLength / 2) {
        cut = kMaxTitleLength;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
            --cut;  // never split a UTF-8 sequence
        }
    }
    return text.substr(0, cut) + "…";
}

// "** *A title* **": emphasis markers cmark left as text because of the spaces inside them.
std::string_view without_stray_markers(std::string_view line) {
    while (!line.empty() &&
           std::string_view("#*_>-=` ").find(line.front()) != std::string_view::npos) {
        line.remove_prefix(1);
    }
    while (!line.empty() && std::string_view("#*_` ").find(line.back()) != std::string_view::npos) {
        line.remove_suffix(1);
    }
    return line;
}

void report_decoding(const DecodedText& decoded, const std::string& path, Diagnostics& out) {
    if (decoded.first_invalid_utf8) {
        out.push_back(make_warning(
            {path, decoded.first_invalid_utf8->line, decoded.first_invalid_utf8->column},
            fmt::format("file is not valid UTF-8 ({} bad byte{}); read it as Windows-1252",
                        decoded.invalid_utf8_bytes, decoded.invalid_utf8_bytes == 1 ? "" : "s"),
            "save the file as UTF-8"));
    }
    if (decoded.first_nul) {
        out.push_back(
            make_warning({path, decoded.first_nul->line, decoded.first_nul->column},
                         fmt::format("file contains {} NUL byte{}; replaced with U+FFFD",
                                     decoded.nul_bytes, decoded.nul_bytes == 1 ? "" : "s"),
                         "is this a binary file? Postmortems are text"));
    }
}

// Returns false when the front matter is unusable; the body is still rendered then, so that
// `check` goes on to report what else is wrong.
bool read_yaml(const FrontMatterSplit& split, FieldContext& context, Postmortem& postmortem) {
    const int offset = split.yaml_first_line - 1;
    if (const auto violation = check_yaml_limits(split.yaml)) {
        context.diagnostics.push_back(make_error(
            {context.path, violation->line + offset, violation->column}, violation->message,
            "front matter holds a postmortem's metadata; keep long text in the body"));
        return false;
    }
    if (const auto quote = find_unterminated_quote(split.yaml)) {
        context.diagnostics.push_back(make_error(
            {context.path, quote->line + offset, quote->column},
            "quoted value opened here is never closed",
            "close the quote on the same line, or remove it (a quote inside a value needs no "
            "escaping unless the value starts with one)"));
        return false;
    }
    // JSON may indent with tabs: it has no indentation that means anything.
    std::string yaml(split.yaml);
    if (split.json_members) {
        // The object's braces, which Hexo leaves out; a comma after the last member is allowed.
        while (!yaml.empty() &&
               (std::isspace(static_cast<unsigned char>(yaml.back())) != 0 || yaml.back() == ',')) {
            yaml.pop_back();
        }
        yaml = "{" + yaml + "}";
    }
    if (split.json || split.json_members) {
        std::replace(yaml.begin(), yaml.end(), '\t', ' ');
    } else if (const auto tab = find_indentation_tab(split.yaml)) {
        context.diagnostics.push_back(
            make_error({context.path, tab->line + offset, tab->column},
                       "tab character in front-matter indentation",
                       "YAML indents with spaces only; replace the tab with spaces"));
        return false;
    }
    YAML::Node root;
    try {
        root = YAML::Load(yaml);
    } catch (const YAML::Exception& e) {
        context.diagnostics.push_back(make_error(
            {context.path, e.mark.line + 1 + offset, e.mark.column + 1},
            fmt::format("invalid YAML in front matter: {}", e.msg),
            split.json_members ? "JSON front matter written as Hexo does is \"key\": value "
                                 "members, one per line, up to a line ';;;'; check its commas, "
                                 "colons and quotes"
            : split.json       ? "JSON front matter is one object from a line '{' to a line '}'; "
                                 "check its commas, colons and quotes"
                               : "front matter is YAML between two '---' lines; check quoting and "
                                 "indentation"));
        return false;
    }
    // Aliases are resolved only now: bound what reading the fields will walk.
    if (const auto violation = check_yaml_tree(root)) {
        context.diagnostics.push_back(make_error(
            {context.path, violation->line + offset, violation->column}, violation->message,
            violation->hint.empty()
                ? "front matter holds a postmortem's metadata; keep long text in the body"
                : violation->hint));
        return false;
    }
    if (root.IsNull()) {
        return true;
    }
    if (!root.IsMap()) {
        context.diagnostics.push_back(make_error({context.path, split.yaml_first_line, 1},
                                                 "front matter must be a mapping of keys to values",
                                                 "write it as 'title: ...' lines"));
        return false;
    }
    read_front_matter(root, context, postmortem);
    return true;
}

// TOML is rewritten as YAML with its keys on their own lines, then read as YAML is.
void read_toml(const FrontMatterSplit& split, FieldContext& context, Postmortem& postmortem) {
    auto converted = toml_as_yaml(split.yaml);
    if (const auto* problem = std::get_if<TomlProblem>(&converted)) {
        context.diagnostics.push_back(make_error(
            {context.path, problem->line + split.yaml_first_line - 1, problem->column},
            fmt::format("invalid TOML in front matter: {}", problem->message),
            "front matter between two '+++' lines is TOML: key = \"value\", one per line"));
        return;
    }
    const std::string& yaml = std::get<std::string>(converted);
    FrontMatterSplit as_yaml = split;
    as_yaml.yaml = yaml;
    read_yaml(as_yaml, context, postmortem);
}

// An incident tool's export may say only when the incident was opened (`created_at`, Grafana
// OnCall, Squadcast, Zenduty, Spike): its day is the date when nothing else gives one. Read last,
// so that the text's own date wins over when a record or a document was made.
void date_from_created(const FrontMatterSplit& split, const std::string& path, const TimeZone& zone,
                       Postmortem& pm, Diagnostics& diagnostics) {
    for (const auto& entry : pm.extra.items()) {
        const std::string& key = entry.key();
        const auto& value = entry.value();
        if (!value.is_string() ||
            !is_one_of(fold_spelling(key), {"createdat", "creationdate", "created", "createdon",
                                            "createddate", "openedat"})) {
            continue;
        }
        const std::string text = value.get<std::string>();
        const auto at = parse_timestamp(text, zone);
        if (!at) {
            continue;
        }
        pm.date = zone.day_of(at->utc);
        // The key's line, for the note: the first front-matter line that begins with it.
        int line = split.yaml_first_line;
        std::size_t start = 0;
        for (int n = 0; start < split.yaml.size(); ++n) {
            const std::size_t end = std::min(split.yaml.find('\n', start), split.yaml.size());
            if (std::string_view(split.yaml).substr(start, end - start).starts_with(key)) {
                line = split.yaml_first_line + n;
                break;
            }
            start = end + 1;
        }
        diagnostics.push_back(make_note(
            {path, line, 1},
            fmt::format("read the day of '{}: {}' as the date, when the incident was opened", key,
                        text),
            "set date: if the incident began on another day"));
        return;
    }
}

}  // namespace

ParseResult parse_postmortem(const SourceFile& file, const SiteConfig& config,
                             const ParseOptions& options) {
    ParseResult result;
    DecodedText decoded = decode_source(file.bytes);
    report_decoding(decoded, file.display, result.diagnostics);
    const MojibakeRepair mojibake = repair_mojibake(decoded.text);
    if (mojibake.first) {
        result.diagnostics.push_back(make_warning(
            {file.display, mojibake.first->line, mojibake.first->column},
            fmt::format("repaired {} garbled character{} (UTF-8 read as Windows-1252, such as "
                        "'\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2' for '\xE2\x80\x99')",
                        mojibake.repaired, mojibake.repaired == 1 ? "" : "s"),
            "save the file as UTF-8 from its original source"));
    }
    if (trim(decoded.text).empty()) {
        result.diagnostics.push_back(make_warning(
            {file.display}, "file is empty; skipped",
            "write the postmortem, or start its name with '_' to keep it out of the site"));
        return result;
    }

    Postmortem pm;
    pm.source = file.relative;
    pm.source_path = file.display;
    FieldContext context{file.display, 0, config, options.strict, result.diagnostics};

    const FrontMatterSplit split = split_front_matter(decoded.text);
    if (split.present && !split.terminated) {
        result.diagnostics.push_back(
            make_error({file.display, 1, 1}, "front matter opened on line 1 is never closed",
                       split.toml ? "add a line '+++' after the last front-matter field"
                                  : "add a line '---' after the last front-matter field"));
    } else if (split.present) {
        context.line_offset = split.yaml_first_line - 1;
        if (split.toml) {
            read_toml(split, context, pm);
        } else {
            read_yaml(split, context, pm);
        }
        if (trim(split.body).empty()) {
            result.diagnostics.push_back(
                make_warning({file.display, split.body_first_line - 1, 1},
                             "postmortem has front matter but no text",
                             "write what happened below the closing '---'"));
        }
    }

    MarkdownOptions markdown_options;
    markdown_options.unsafe_html = config.unsafe_html;
    if (!pm.title.empty()) {
        markdown_options.known_title = pm.title;
    }
    MarkdownResult markdown = render_markdown(split.body, markdown_options);
    if (markdown.tables_disabled_at_line > 0) {
        result.diagnostics.push_back(make_warning(
            {file.display, markdown.tables_disabled_at_line + split.body_first_line - 1, 1},
            fmt::format("line has more than {} '|' characters; tables are rendered as text in "
                        "this file",
                        kMaxTableColumns),
            "split the table, or escape the pipes as \\|"));
    }
    for (const auto& refused : markdown.refused_urls) {
        result.diagnostics.push_back(make_warning(
            {file.display, refused.line + split.body_first_line - 1, refused.column},
            refused.image ? fmt::format("image address '{}' is not allowed; its description is "
                                        "shown instead",
                                        refused.url)
                          : fmt::format("link to '{}' is not allowed; its text is shown "
                                        "without the link",
                                        refused.url),
            kAllowedUrlsHint));
    }
    if (markdown.emphasis_escaped_at_line > 0) {
        result.diagnostics.push_back(make_warning(
            {file.display, markdown.emphasis_escaped_at_line + split.body_first_line - 1, 1},
            fmt::format("paragraph has more than {} '*', '_' or '~' characters; they are shown "
                        "as written, not as emphasis",
                        kMaxEmphasisMarks),
            "put pasted logs and data in a code block (```)"));
    }
    pm.body_html = std::move(markdown.html);
    pm.body_text = std::move(markdown.text);
    pm.headings = std::move(markdown.headings);

    if (pm.title.empty()) {
        pm.inferred.insert(Field::title);
        // The first line with words, as the reader sees it: markup and HTML tags removed, so
        // a pasted '<p align="center"><img ...>' banner is no title.
        const SourceLine* first = nullptr;
        for (const auto& line : markdown.lines) {
            if (line.kind != LineKind::code && !line.text.empty()) {
                first = &line;
                break;
            }
        }
        if (first != nullptr) {
            pm.evidence[Field::title] = {first->line + split.body_first_line - 1, first->text};
        }
        if (markdown.leading_h1 && !markdown.leading_h1->empty()) {
            pm.title = shorten(*markdown.leading_h1);
        } else if (first != nullptr) {
            pm.title = shorten(std::string(without_stray_markers(first->text)));
        } else {
            pm.title = file_stem(file.relative);
        }
    }
    InferContext infer{config, file.display, split.body_first_line - 1, result.diagnostics,
                       context.zoneless_times};
    const auto extract_start = std::chrono::steady_clock::now();
    infer_from_text(markdown.lines, pm, infer);
    result.extract_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - extract_start).count();
    for (const auto& alias : pm.aliases) {
        result.diagnostics.push_back(
            make_note({file.display, alias.line, 1},
                      fmt::format("read '{}' as '{}'", alias.alias, alias.field)));
    }
    if (pm.slug.empty() && pm.slug_line == 0) {
        pm.slug = slugify(file_stem(file.relative));
        if (pm.slug.empty()) {
            result.diagnostics.push_back(make_error(
                {file.display},
                fmt::format("file name '{}' gives an empty slug", file_stem(file.relative)),
                "rename the file with letters or digits, or set 'slug:' in its front matter"));
        }
    }
    if (!pm.date && pm.started) {
        pm.date = config.time_zone.day_of(*pm.started);
        if (pm.is_inferred(Field::started)) {
            pm.inferred.insert(Field::date);
            pm.evidence[Field::date] = pm.evidence[Field::started];
        }
    } else if (!pm.date && pm.detected && !pm.is_inferred(Field::detected)) {
        // An export that gives only when the incident was reported (incident.io's reported_at).
        pm.date = config.time_zone.day_of(*pm.detected);
    } else if (!pm.date && split.present) {
        date_from_created(split, file.display, config.time_zone, pm, result.diagnostics);
    }
    result.postmortem = std::move(pm);
    return result;
}

}  // namespace hindsight
