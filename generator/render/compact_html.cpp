// Collapses indentation between tags, leaving preformatted elements as written.
#include "render/compact_html.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <string_view>

namespace hindsight {
namespace {

constexpr std::array<std::string_view, 4> kVerbatim = {"pre", "textarea", "script", "style"};

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The verbatim element opening at `at` ('<' of "<pre>" or "<pre ..."), if any.
std::string_view verbatim_at(const std::string& html, std::size_t at) {
    for (const std::string_view name : kVerbatim) {
        bool same = html.size() > at + 1 + name.size();
        for (std::size_t k = 0; same && k < name.size(); ++k) {
            same = std::tolower(static_cast<unsigned char>(html[at + 1 + k])) == name[k];
        }
        if (same) {
            const char after = html[at + 1 + name.size()];
            if (after == '>' || is_space(after)) {
                return name;
            }
        }
    }
    return {};
}

}  // namespace

std::string compact_html(const std::string& html) {
    std::string out;
    out.reserve(html.size());
    std::size_t i = 0;
    // The next '<' and line break at or after i, each found with memchr and kept until passed
    // (find_first_of tests every byte against the set, which made this a fifth of rendering).
    std::size_t next_tag = 0;
    std::size_t next_break = 0;
    const auto find_from = [&](char c, std::size_t& cached) {
        if (cached != std::string::npos && cached < i) {
            const void* at = std::memchr(html.data() + i, c, html.size() - i);
            cached = at == nullptr
                         ? std::string::npos
                         : static_cast<std::size_t>(static_cast<const char*>(at) - html.data());
        }
        return cached;
    };
    next_tag = html.find('<');
    next_break = html.find('\n');
    while (i < html.size()) {
        // Text and tags up to the next line break or tag are copied in one piece.
        const std::size_t next = std::min(find_from('<', next_tag), find_from('\n', next_break));
        if (next == std::string::npos) {
            out.append(html, i, std::string::npos);
            break;
        }
        out.append(html, i, next - i);
        i = next;
        if (html[i] == '\n') {
            // The run of whitespace around this line break becomes the line break alone.
            while (!out.empty() && is_space(out.back())) {
                out.pop_back();
            }
            out += '\n';
            while (i < html.size() && is_space(html[i])) {
                ++i;
            }
            continue;
        }
        const auto name = verbatim_at(html, i);
        if (name.empty()) {
            out += '<';
            ++i;
            continue;
        }
        // Copied as written up to its end tag (or the end of the page).
        const std::string end = "</" + std::string(name);
        std::size_t close = html.find(end, i);
        if (close == std::string::npos) {
            // Written in capitals by a user's raw HTML (unsafe_html): the same element.
            std::string upper = end;
            for (char& ch : upper) {
                ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
            }
            close = html.find(upper, i);
        }
        const std::size_t stop = close == std::string::npos ? html.size() : close + end.size();
        out.append(html, i, stop - i);
        i = stop;
    }
    return out;
}

}  // namespace hindsight
