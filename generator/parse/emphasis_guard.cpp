// Finding paragraphs with too many emphasis marks, and escaping their marks.
#include "parse/emphasis_guard.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <vector>

namespace hindsight {
namespace {

bool is_mark(char c) {
    return c == '*' || c == '_' || c == '~';
}

// One line of the text: where its content starts after block quote markers, indentation and
// list markers, and what it is for paragraph purposes.
struct Line {
    std::size_t begin = 0;    // of the line
    std::size_t content = 0;  // first byte after container markers
    std::size_t end = 0;      // of the line, before '\n'
    bool fence = false;       // a code fence, or inside fenced code
    bool starts_block = false;
    bool ends_block = false;  // nothing after it joins its paragraph
};

bool is_space(char c) {
    return c == ' ' || c == '\t';
}

// "- ", "* ", "+ ", "1. ", "12) " (or the marker alone at the end of the line): its length.
std::size_t list_marker(std::string_view rest) {
    if (!rest.empty() && (rest[0] == '-' || rest[0] == '*' || rest[0] == '+') &&
        (rest.size() == 1 || is_space(rest[1]))) {
        return 1;
    }
    std::size_t digits = 0;
    while (digits < rest.size() && digits < 10 &&
           std::isdigit(static_cast<unsigned char>(rest[digits]))) {
        ++digits;
    }
    if (digits > 0 && digits < 10 && digits < rest.size() &&
        (rest[digits] == '.' || rest[digits] == ')') &&
        (digits + 1 == rest.size() || is_space(rest[digits + 1]))) {
        return digits + 1;
    }
    return 0;
}

// "***", "- - -", "___": a line of one of '*', '-', '_' (three or more) and spaces.
bool is_thematic_break(std::string_view rest) {
    char mark = 0;
    int count = 0;
    for (const char c : rest) {
        if (is_space(c)) {
            continue;
        }
        if ((c != '*' && c != '-' && c != '_') || (mark != 0 && c != mark)) {
            return false;
        }
        mark = c;
        ++count;
    }
    return count >= 3;
}

std::vector<Line> read_lines(std::string_view text) {
    std::vector<Line> lines;
    char fence_char = 0;
    std::size_t fence_length = 0;
    std::size_t begin = 0;
    while (begin <= text.size()) {
        auto end = text.find('\n', begin);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        Line line{begin, begin, end};
        bool item = false;
        // Container markers: spaces, '>' and list markers, in any order. Past 64 of them the rest
        // is read as content, which keeps this linear on a line of 100,000 "- ".
        std::size_t i = begin;
        for (int markers = 0; markers < 64; ++markers) {
            while (i < end && is_space(text[i])) {
                ++i;
            }
            if (i < end && text[i] == '>') {
                ++i;
                continue;
            }
            const std::string_view rest = text.substr(i, end - i);
            if (fence_char == 0 && !is_thematic_break(rest)) {
                if (const std::size_t marker = list_marker(rest)) {
                    i += marker;
                    item = true;
                    continue;
                }
            }
            break;
        }
        line.content = i;
        const std::string_view rest = text.substr(i, end - i);
        std::size_t run = 0;
        while (run < rest.size() && (rest[run] == '`' || rest[run] == '~') &&
               rest[run] == rest[0]) {
            ++run;
        }
        if (fence_char != 0) {
            line.fence = true;
            if (run >= fence_length && rest[0] == fence_char &&
                rest.find_first_not_of(" \t", run) == std::string_view::npos) {
                fence_char = 0;
            }
        } else if (run >= 3) {
            line.fence = true;
            fence_char = rest[0];
            fence_length = run;
        }
        const bool blank = rest.find_first_not_of(" \t\r") == std::string_view::npos;
        const bool heading = !rest.empty() && rest[0] == '#';
        const bool table_row = rest.find('|') != std::string_view::npos;
        line.starts_block = item || heading || table_row || is_thematic_break(rest);
        line.ends_block = blank || heading || table_row || line.fence || is_thematic_break(rest);
        lines.push_back(line);
        begin = end + 1;
    }
    return lines;
}

// Where each run of backticks in text[from, to) starts, by run length, in order: a code span
// opened by one run ends at the next run of the same length.
std::map<std::size_t, std::vector<std::size_t>> backtick_runs(std::string_view text,
                                                              std::size_t from, std::size_t to) {
    std::map<std::size_t, std::vector<std::size_t>> runs;
    for (std::size_t i = from; i < to;) {
        if (text[i] != '`') {
            ++i;
            continue;
        }
        std::size_t run = 0;
        while (i + run < to && text[i + run] == '`') {
            ++run;
        }
        runs[run].push_back(i);
        i += run;
    }
    return runs;
}

// Copies the lines [first, last] with every mark escaped, except inside code spans, after a
// backslash, inside <...> and in bare URLs; container markers before each line's content stay
// as written. Linear in the block's size.
void escape_block(std::string_view text, const std::vector<Line>& lines, std::size_t first,
                  std::size_t last, std::string& out) {
    const std::size_t to = lines[last].end;
    const auto runs = backtick_runs(text, lines[first].begin, to);
    std::size_t line = first;
    std::size_t i = lines[first].begin;
    std::size_t next_close = 0;  // the first '>' or '\n' at or after the last '<' looked at
    while (i < to) {
        if (line <= last && i == lines[line].begin) {
            out.append(text.substr(i, lines[line].content - i));
            i = lines[line].content;
            ++line;
            continue;
        }
        const char c = text[i];
        std::size_t skip = 0;  // bytes to copy as written
        if (c == '\\' && i + 1 < to && std::ispunct(static_cast<unsigned char>(text[i + 1]))) {
            skip = 2;
        } else if (c == '`') {
            std::size_t run = 0;
            while (i + run < to && text[i + run] == '`') {
                ++run;
            }
            skip = run;
            const auto& same = runs.at(run);
            const auto closing = std::upper_bound(same.begin(), same.end(), i);
            if (closing != same.end()) {
                skip = *closing + run - i;
            }
        } else if (c == '<') {
            if (next_close <= i) {
                next_close = std::min(text.find_first_of(">\n", i + 1), to);
            }
            if (next_close < to && text[next_close] == '>') {
                skip = next_close + 1 - i;
            }
        } else if (text.substr(i, 7) == "http://" || text.substr(i, 8) == "https://" ||
                   text.substr(i, 4) == "www.") {
            skip = std::min(text.find_first_of(" \t\n<", i), to) - i;
        }
        if (skip > 0) {
            // A line boundary inside the copied span: its container markers go with it.
            const std::size_t stop = i + skip;
            while (line <= last && lines[line].begin < stop) {
                ++line;
            }
            out.append(text.substr(i, skip));
            i = stop;
            continue;
        }
        if (is_mark(c)) {
            out += '\\';
        }
        out += c;
        ++i;
    }
}

}  // namespace

std::optional<EscapedEmphasis> escape_excess_emphasis(std::string_view markdown) {
    std::size_t marks = 0;
    for (const char c : markdown) {
        marks += is_mark(c) ? 1 : 0;
    }
    if (marks <= kMaxEmphasisMarks) {
        return std::nullopt;  // the usual case: no paragraph can have too many
    }
    const std::vector<Line> lines = read_lines(markdown);
    // Paragraphs as runs of lines [first, last].
    std::vector<std::pair<std::size_t, std::size_t>> blocks;
    for (std::size_t l = 0; l < lines.size(); ++l) {
        if (lines[l].fence) {
            continue;
        }
        const bool blank = markdown.substr(lines[l].content, lines[l].end - lines[l].content)
                               .find_first_not_of(" \t\r") == std::string_view::npos;
        if (blank) {
            continue;
        }
        const bool joins = !blocks.empty() && blocks.back().second + 1 == l &&
                           !lines[l].starts_block && !lines[blocks.back().second].ends_block;
        if (joins) {
            blocks.back().second = l;
        } else {
            blocks.emplace_back(l, l);
        }
    }
    EscapedEmphasis result;
    std::size_t copied = 0;  // markdown[0, copied) is in result.text
    for (const auto& [first, last] : blocks) {
        std::size_t count = 0;
        for (std::size_t i = lines[first].begin; i < lines[last].end; ++i) {
            count += is_mark(markdown[i]) ? 1 : 0;
        }
        if (count <= kMaxEmphasisMarks) {
            continue;
        }
        if (result.first_line == 0) {
            result.first_line = static_cast<int>(first) + 1;
        }
        result.text.append(markdown.substr(copied, lines[first].begin - copied));
        escape_block(markdown, lines, first, last, result.text);
        copied = lines[last].end;
    }
    if (result.first_line == 0) {
        return std::nullopt;
    }
    result.text.append(markdown.substr(copied));
    return result;
}

}  // namespace hindsight
