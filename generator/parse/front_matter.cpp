// Front-matter fences: '---' on the first line, closed by '---' or '...'; Hugo's '+++' twice,
// Hugo's JSON object from a first line '{' to a line '}', or Hexo's JSON members up to ';;;'.
#include "parse/front_matter.hpp"

#include "core/yaml_guard.hpp"

namespace hindsight {
namespace {

bool is_fence(std::string_view line, std::string_view fence) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) {
        line.remove_suffix(1);
    }
    return line == fence;
}

// Hugo's JSON front matter opens with '{' on the first line; "{{" and "{%" open a template tag.
bool opens_json(std::string_view line) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
        line.remove_suffix(1);
    }
    return line == "{" || line.starts_with("{\"") || line.starts_with("{ \"");
}

// Hexo's JSON front matter: a first line `"title": "...",`, the members of an object without its
// braces, up to a line ';;;'.
bool opens_json_members(std::string_view text, std::size_t first_end) {
    const std::string_view line = text.substr(0, first_end);
    if (!line.starts_with("\"") || line.find("\":") == std::string_view::npos) {
        return false;
    }
    for (std::size_t pos = first_end + 1; pos < text.size();) {
        const auto end = text.find('\n', pos);
        if (is_fence(text.substr(pos, end == std::string_view::npos ? end : end - pos), ";;;")) {
            return true;
        }
        if (end == std::string_view::npos) {
            break;
        }
        pos = end + 1;
    }
    return false;
}

}  // namespace

FrontMatterSplit split_front_matter(std::string_view text) {
    FrontMatterSplit split;
    split.body = text;
    const auto first_end = text.find('\n');
    split.toml = is_fence(text.substr(0, first_end), "+++");
    split.json =
        !split.toml && first_end != std::string_view::npos && opens_json(text.substr(0, first_end));
    split.json_members = !split.toml && !split.json && first_end != std::string_view::npos &&
                         opens_json_members(text, first_end);
    if (split.json_members) {
        // Read from the first line, as Hugo's JSON is: the members are wrapped in braces.
        std::size_t pos = first_end + 1;
        int line = 2;
        while (true) {
            const auto end = text.find('\n', pos);
            if (is_fence(text.substr(pos, end == std::string_view::npos ? end : end - pos),
                         ";;;")) {
                split.present = true;
                split.terminated = true;
                split.yaml = text.substr(0, pos);
                split.yaml_first_line = 1;
                split.body =
                    end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
                split.body_first_line = line + 1;
                return split;
            }
            pos = end + 1;
            ++line;
        }
    }
    if ((!split.toml && !split.json && !is_fence(text.substr(0, first_end), "---")) ||
        first_end == std::string_view::npos) {
        split.present = is_fence(text, "---") || is_fence(text, "+++");
        return split;
    }
    split.present = true;
    std::size_t pos = first_end + 1;
    int line = 2;
    while (pos <= text.size()) {
        const auto end = text.find('\n', pos);
        const std::string_view current =
            text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
        if (split.json && is_fence(current, "}")) {
            // The braces are the object's own: YAML reads a JSON object as a flow mapping.
            split.terminated = true;
            split.yaml = text.substr(0, end == std::string_view::npos ? text.size() : end);
            split.yaml_first_line = 1;
            split.body = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
            split.body_first_line = line + 1;
            return split;
        }
        if (!split.json && (split.toml ? is_fence(current, "+++")
                                       : is_fence(current, "---") || is_fence(current, "..."))) {
            split.terminated = true;
            split.yaml = text.substr(first_end + 1, pos - first_end - 1);
            split.yaml_first_line = 2;
            split.body = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
            split.body_first_line = line + 1;
            return split;
        }
        if (end == std::string_view::npos) {
            break;
        }
        pos = end + 1;
        ++line;
    }
    // A text that opens with a '{' never closed is not JSON front matter but the text itself.
    split.present = !split.json;
    return split;
}

std::optional<TextSpot> find_indentation_tab(std::string_view yaml) {
    int line = 1;
    bool at_line_start = true;
    int column = 1;
    for (const char c : yaml) {
        if (c == '\n') {
            ++line;
            column = 1;
            at_line_start = true;
            continue;
        }
        if (at_line_start && c == '\t') {
            return TextSpot{line, column};
        }
        if (c != ' ') {
            at_line_start = false;
        }
        ++column;
    }
    return std::nullopt;
}

namespace {

std::size_t indentation(std::string_view line) {
    const auto first = line.find_first_not_of(' ');
    return first == std::string_view::npos ? line.size() : first;
}

// "key: value", "key:", "- item": a line that starts an entry of a mapping or a list.
bool starts_entry(std::string_view line) {
    line.remove_prefix(indentation(line));
    if (line.empty() || line.front() == '#') {
        return false;
    }
    if (line == "-" || line.starts_with("- ")) {
        return true;
    }
    const auto colon = line.find(':');
    if (colon == 0 || colon == std::string_view::npos) {
        return false;
    }
    const auto key = line.substr(0, colon);
    if (key.find_first_of("\"'#") != std::string_view::npos) {
        return false;
    }
    return colon + 1 == line.size() || line[colon + 1] == ' ' || line[colon + 1] == '\t';
}

}  // namespace

std::optional<TextSpot> find_unterminated_quote(std::string_view yaml) {
    int line = 1;
    std::size_t line_start = 0;
    char quote = 0;  // the open quote, 0 when outside one
    TextSpot opened;
    std::size_t opened_indent = 0;

    for (std::size_t i = 0; i < yaml.size(); ++i) {
        const char c = yaml[i];
        if (c == '\n') {
            ++line;
            line_start = i + 1;
            if (quote != 0) {
                const auto end = yaml.find('\n', line_start);
                const auto next =
                    yaml.substr(line_start, end == std::string_view::npos ? std::string_view::npos
                                                                          : end - line_start);
                if (indentation(next) <= opened_indent && starts_entry(next)) {
                    return opened;
                }
            }
            continue;
        }
        if (quote != 0) {
            if (quote == '"' && c == '\\' && i + 1 < yaml.size() && yaml[i + 1] != '\n') {
                ++i;  // "\"" does not close the string
            } else if (quote == '\'' && c == '\'' && i + 1 < yaml.size() && yaml[i + 1] == '\'') {
                ++i;  // 'it''s' does not close it either
            } else if (c == quote) {
                quote = 0;
            }
            continue;
        }
        if (c == '#' && (i == line_start || yaml[i - 1] == ' ' || yaml[i - 1] == '\t')) {
            const auto end = yaml.find('\n', i);
            i = (end == std::string_view::npos ? yaml.size() : end) - 1;
            continue;
        }
        if ((c == '"' || c == '\'') && opens_quoted_scalar(yaml, line_start, i)) {
            quote = c;
            opened = {line, static_cast<int>(i - line_start) + 1};
            // The column of the key the value belongs to: after "- " list markers.
            std::size_t key_column = line_start;
            while (key_column < i && (yaml[key_column] == ' ' ||
                                      (yaml[key_column] == '-' && yaml[key_column + 1] == ' '))) {
                ++key_column;
            }
            opened_indent = key_column - line_start;
        }
    }
    if (quote != 0) {
        return opened;
    }
    return std::nullopt;
}

}  // namespace hindsight
