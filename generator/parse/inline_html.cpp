// Inline HTML tags that only format text, as pasted from rich-text editors.
#include "parse/inline_html.hpp"

#include <array>
#include <cctype>
#include <string>

#include "core/text.hpp"

namespace hindsight {
namespace {

bool is_space(char c) {
    return std::isspace(static_cast<unsigned char>(c)) != 0;
}

std::size_t name_end(std::string_view html, std::size_t i) {
    while (i < html.size() && (std::isalnum(static_cast<unsigned char>(html[i])) ||
                               html[i] == '-' || html[i] == ':' || html[i] == '_')) {
        ++i;
    }
    return i;
}

std::string tag_name(std::string_view html) {
    const std::size_t i = html.starts_with("</") ? 2 : 1;
    const std::size_t end = name_end(html, i);
    const bool closed =
        end < html.size() && (html[end] == '>' || html[end] == '/' || is_space(html[end]));
    return html.starts_with("<") && closed ? to_lower_ascii(html.substr(i, end - i)) : "";
}

// Attributes that only change looks; anything else (onclick, href, src) is markup the author
// may mean to show, so the tag stays visible.
bool presentational_attributes(std::string_view html) {
    std::size_t i = name_end(html, html.starts_with("</") ? 2 : 1);
    while (i < html.size()) {
        while (i < html.size() && (is_space(html[i]) || html[i] == '/')) {
            ++i;
        }
        if (i >= html.size() || html[i] == '>') {
            return true;
        }
        const std::size_t end = name_end(html, i);
        if (end == i) {
            return false;
        }
        const std::string name = to_lower_ascii(html.substr(i, end - i));
        if (!only_changes_looks(name) && name != "align") {
            return false;
        }
        i = end;
        while (i < html.size() && is_space(html[i])) {
            ++i;
        }
        if (i < html.size() && html[i] == '=') {
            ++i;
            while (i < html.size() && is_space(html[i])) {
                ++i;
            }
            if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
                const auto close = html.find(html[i], i + 1);
                if (close == std::string_view::npos) {
                    return false;
                }
                i = close + 1;
            } else {
                while (i < html.size() && !is_space(html[i]) && html[i] != '>') {
                    ++i;
                }
            }
        }
    }
    return false;
}

}  // namespace

bool only_changes_looks(std::string_view name) {
    for (const std::string_view looks :
         {"style", "class", "color", "face", "size", "dir", "lang"}) {
        if (name == looks) {
            return true;
        }
    }
    return false;
}

bool is_formatting_tag(std::string_view html) {
    // Images, links and anything else with content of its own stay visible as text.
    static constexpr std::array<std::string_view, 21> kTags = {
        "span", "font", "b",   "i",   "u",    "em",  "strong", "br", "sup", "sub",   "small",
        "mark", "s",    "del", "ins", "code", "kbd", "abbr",   "tt", "big", "center"};
    const std::string name = tag_name(html);
    for (const auto tag : kTags) {
        if (name == tag) {
            return presentational_attributes(html);
        }
    }
    return false;
}

bool is_line_break_tag(std::string_view html) {
    return tag_name(html) == "br";
}

}  // namespace hindsight
