// Walks the AST once, turning paragraphs, items, headings, table rows and code into lines.
#include "parse/collect_lines.hpp"

#include <cctype>
#include <cstring>
#include <memory>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "core/text.hpp"
#include "parse/html_lines.hpp"

namespace hindsight {
namespace {

constexpr int kMaxDepth = 64;

struct Context {
    int depth = 0;
    int list_depth = 0;
    bool in_quote = false;
    bool task = false;
    bool checked = false;
    bool item_pending = false;  // the next line opened is the item's first
};

class LineCollector {
  public:
    std::vector<SourceLine> take() { return std::move(lines_); }

    void block(cmark_node* node, Context context) {
        // Hostile input nests quotes and lists thousands deep; cmark copes, and extraction
        // has nothing to learn past a depth no postmortem reaches.
        if (++context.depth > kMaxDepth) {
            return;
        }
        switch (cmark_node_get_type(node)) {
            case CMARK_NODE_HEADING:
                add_inline_lines(node, LineKind::heading, context,
                                 cmark_node_get_heading_level(node));
                return;
            case CMARK_NODE_PARAGRAPH:
                add_inline_lines(node, context.list_depth > 0 ? LineKind::item : LineKind::text,
                                 context, 0);
                return;
            case CMARK_NODE_CODE_BLOCK:
                if (is_indented_prose(node)) {
                    add_indented_prose(node, context);
                } else if (!in_fenced_markdown_ && is_fenced_markdown(node)) {
                    add_fenced_markdown(node, context);
                } else {
                    add_literal(node, LineKind::code, context);
                }
                return;
            case CMARK_NODE_HTML_BLOCK:
                add_html(node, context);
                return;
            case CMARK_NODE_ITEM: {
                Context inner = context;
                ++inner.list_depth;
                inner.item_pending = true;
                inner.task = std::strcmp(cmark_node_get_type_string(node), "tasklist") == 0;
                inner.checked = inner.task && cmark_gfm_extensions_get_tasklist_item_checked(node);
                children(node, inner);
                return;
            }
            case CMARK_NODE_BLOCK_QUOTE: {
                Context inner = context;
                inner.in_quote = true;
                children(node, inner);
                return;
            }
            default:
                break;
        }
        const char* type = cmark_node_get_type_string(node);
        if (std::strcmp(type, "table_row") == 0 || std::strcmp(type, "table_header") == 0) {
            add_table_row(node, context);
            return;
        }
        children(node, context);
    }

  private:
    void children(cmark_node* node, Context& context) {
        for (cmark_node* child = cmark_node_first_child(node); child != nullptr;
             child = cmark_node_next(child)) {
            block(child, context);
            context.item_pending = false;
        }
    }

    SourceLine& open(LineKind kind, int line, Context& context) {
        SourceLine& l = lines_.emplace_back();
        l.kind = kind;
        l.line = line + line_offset_;
        l.list_depth = context.list_depth;
        l.in_quote = context.in_quote;
        l.item_start = context.item_pending && kind == LineKind::item;
        l.task = l.item_start && context.task;
        l.checked = l.item_start && context.checked;
        l.block = block_;
        context.item_pending = false;
        return l;
    }

    // Soft and hard breaks end a line, so a plain-text postmortem's "Label: value" lines
    // stay lines even when Markdown joins them into one paragraph.
    void add_inline_lines(cmark_node* node, LineKind kind, Context& context, int level) {
        ++block_;
        int line = cmark_node_get_start_line(node);
        SourceLine* current = &open(kind, line, context);
        current->heading_level = level;
        bool line_has_text = false;
        bool all_bold = true;
        for (cmark_node* child = cmark_node_first_child(node); child != nullptr;
             child = cmark_node_next(child)) {
            const auto type = cmark_node_get_type(child);
            if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
                finish(*current, all_bold);
                Context same = context;
                same.item_pending = false;
                current = &open(kind, ++line, same);
                current->heading_level = level;
                line_has_text = false;
                all_bold = true;
                continue;
            }
            const std::string text = inline_text(child);
            add_links(child, *current);
            const bool bold = type == CMARK_NODE_STRONG;
            if (!line_has_text && bold) {
                current->bold_lead = true;
            }
            if (!bold && !trim(text).empty() && trim(text) != ":") {
                all_bold = false;
            }
            if (!trim(text).empty()) {
                line_has_text = true;
            }
            current->text += text;
        }
        finish(*current, all_bold);
    }

    // The links in an inline node, itself one or inside emphasis.
    static void add_links(cmark_node* node, SourceLine& line) {
        if (cmark_node_get_type(node) == CMARK_NODE_LINK) {
            const char* url = cmark_node_get_url(node);
            if (url != nullptr && *url != '\0') {
                line.links.emplace_back(trim(inline_text(node)), url);
            }
            return;
        }
        for (cmark_node* child = cmark_node_first_child(node); child != nullptr;
             child = cmark_node_next(child)) {
            add_links(child, line);
        }
    }

    static void finish(SourceLine& line, bool all_bold) {
        line.text = std::string(trim(line.text));
        line.bold_only = line.bold_lead && all_bold && !line.text.empty();
    }

    void add_literal(cmark_node* node, LineKind kind, Context& context) {
        ++block_;
        const char* literal = cmark_node_get_literal(node);
        int line = cmark_node_get_start_line(node) + (kind == LineKind::code ? 1 : 0);
        std::string_view rest = literal == nullptr ? "" : literal;
        while (!rest.empty()) {
            const auto end = rest.find('\n');
            open(kind, line++, context).text = std::string(trim(rest.substr(0, end)));
            rest = end == std::string_view::npos ? "" : rest.substr(end + 1);
        }
    }

    // Plain-text postmortems are often indented by four spaces throughout, which Markdown
    // reads as a code block. A fenced block is always code (logs, configs); an indented one
    // whose lines read as sentences and "Label: value" lines is prose to the extractors.
    static bool is_indented_prose(cmark_node* node) {
        int length = 0, offset = 0;
        char fence = 0;
        if (cmark_node_get_fenced(node, &length, &offset, &fence) != 0) {
            return false;
        }
        std::string_view rest = cmark_node_get_literal(node) ? cmark_node_get_literal(node) : "";
        int lines = 0, prose = 0, code = 0;
        while (!rest.empty()) {
            const auto end = rest.find('\n');
            const std::string_view line = trim(rest.substr(0, end));
            rest = end == std::string_view::npos ? "" : rest.substr(end + 1);
            if (line.empty()) {
                continue;
            }
            ++lines;
            if (looks_like_code(line)) {
                ++code;
                continue;
            }
            int words = 0;
            bool in_word = false;
            for (const char c : line) {
                const bool letter = std::isalpha(static_cast<unsigned char>(c)) != 0;
                words += letter && !in_word ? 1 : 0;
                in_word = letter;
            }
            prose += words >= 2 || line.back() == ':' ? 1 : 0;
        }
        return lines > 0 && code * 5 <= lines && prose * 2 >= lines;
    }

    static bool looks_like_code(std::string_view line) {
        for (const std::string_view mark : {"{", "}", ";", " = ", "==", "->", "=>", "</", "/>",
                                            "$ ", "()", "[]", "\\", "#!", "::"}) {
            if (line.find(mark) != std::string_view::npos) {
                return true;
            }
        }
        const char first = line.front();
        return first == '$' || first == '#' || first == '[' || first == '<' || first == '/';
    }

    void add_indented_prose(cmark_node* node, Context& context) {
        ++block_;
        int line = cmark_node_get_start_line(node);
        std::string_view rest = cmark_node_get_literal(node);
        while (!rest.empty()) {
            const auto end = rest.find('\n');
            const std::string_view raw = rest.substr(0, end);
            rest = end == std::string_view::npos ? "" : rest.substr(end + 1);
            const std::string_view text = trim(raw);
            if (text.empty()) {
                ++block_;  // a blank line ends a paragraph
                ++line;
                continue;
            }
            std::string_view bulleted;
            const bool item = text.starts_with("- ") || text.starts_with("* ");
            Context item_context = context;
            if (item) {
                ++block_;
                item_context.list_depth = context.list_depth + 1;
                item_context.item_pending = true;
                bulleted = trim(text.substr(2));
            }
            SourceLine& l = open(item ? LineKind::item : LineKind::text, line++, item_context);
            l.text = std::string(item ? bulleted : text);
            if (item) {
                ++block_;
            }
        }
    }

    // Report templates wrap each section's prose in a fence marked as Markdown ("```md"), so
    // that it shows as written: the author's text, not a log. Its lines are read as the
    // Markdown they are, numbered as lines of the file.
    static bool is_fenced_markdown(cmark_node* node) {
        int length = 0, offset = 0;
        char fence = 0;
        if (cmark_node_get_fenced(node, &length, &offset, &fence) == 0) {
            return false;
        }
        const char* info = cmark_node_get_fence_info(node);
        const std::string language = to_lower_ascii(trim(info == nullptr ? "" : info));
        return language == "md" || language == "markdown";
    }

    void add_fenced_markdown(cmark_node* node, Context& context) {
        const char* literal = cmark_node_get_literal(node);
        const std::string_view text = literal == nullptr ? "" : literal;
        struct ParserDeleter {
            void operator()(cmark_parser* p) const { cmark_parser_free(p); }
        };
        struct NodeDeleter {
            void operator()(cmark_node* n) const { cmark_node_free(n); }
        };
        std::unique_ptr<cmark_parser, ParserDeleter> parser{cmark_parser_new(CMARK_OPT_DEFAULT)};
        for (const char* name : {"table", "tasklist"}) {
            if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name)) {
                cmark_parser_attach_syntax_extension(parser.get(), extension);
            }
        }
        cmark_parser_feed(parser.get(), text.data(), text.size());
        const std::unique_ptr<cmark_node, NodeDeleter> inner{cmark_parser_finish(parser.get())};
        // The literal's first line is the line after the opening fence.
        // One level only: a fence inside it is code, so a file cannot make the text be parsed
        // again for every level it nests.
        line_offset_ = cmark_node_get_start_line(node);
        in_fenced_markdown_ = true;
        children(inner.get(), context);
        in_fenced_markdown_ = false;
        line_offset_ = 0;
    }

    // HTML blocks as a browser lays them out (html_lines): a line for each paragraph, <br>,
    // heading and row; <li>s count like Markdown items (some postmortems were pasted as
    // <ul><li>…</li></ul>), and tags are dropped from the text.
    void add_html(cmark_node* node, Context& context) {
        const char* literal = cmark_node_get_literal(node);
        const int first_line = cmark_node_get_start_line(node);
        if (const auto read = html_lines(literal == nullptr ? "" : literal)) {
            for (const HtmlLine& html : *read) {
                ++block_;
                Context inner = context;
                inner.list_depth = context.list_depth + html.list_depth;
                inner.item_pending = html.item_start;
                const LineKind kind = html.code                ? LineKind::code
                                      : html.heading_level > 0 ? LineKind::heading
                                      : inner.list_depth > 0   ? LineKind::item
                                                               : LineKind::text;
                SourceLine& l = open(kind, first_line + html.line - 1, inner);
                l.text = html.text;
                l.heading_level = html.heading_level;
                l.bold_only = html.bold_only && html.heading_level == 0;
                l.bold_lead = html.bold_lead;
            }
            return;
        }
        // More tags than gumbo should build a tree of: each line, its tags removed.
        int line = first_line;
        std::string_view rest = literal == nullptr ? "" : literal;
        while (!rest.empty()) {
            const auto end = rest.find('\n');
            const std::string raw(rest.substr(0, end));
            rest = end == std::string_view::npos ? "" : rest.substr(end + 1);
            const bool item = to_lower_ascii(raw).find("<li") != std::string::npos;
            std::string text;
            bool in_tag = false;
            for (const char c : raw) {
                if (c == '<') {
                    in_tag = true;
                } else if (c == '>') {
                    in_tag = false;
                    text += ' ';
                } else if (!in_tag) {
                    text += c;
                }
            }
            ++block_;
            Context item_context = context;
            if (item) {
                item_context.list_depth = context.list_depth + 1;
                item_context.item_pending = true;
            }
            SourceLine& l = open(item ? LineKind::item : LineKind::text, line++, item_context);
            l.text = std::string(trim(text));
        }
    }

    void add_table_row(cmark_node* row, Context& context) {
        std::string text;
        for (cmark_node* cell = cmark_node_first_child(row); cell != nullptr;
             cell = cmark_node_next(cell)) {
            if (!text.empty()) {
                text += " | ";
            }
            text += trim(inline_text(cell));
        }
        ++block_;
        open(LineKind::table_row, cmark_node_get_start_line(row), context).text = text;
    }

    std::vector<SourceLine> lines_;
    int block_ = 0;
    int line_offset_ = 0;  // inside fenced Markdown: the fence's line
    bool in_fenced_markdown_ = false;
};

}  // namespace

std::string inline_text(cmark_node* node) {
    std::string text;
    cmark_iter* iter = cmark_iter_new(node);
    cmark_event_type event;
    while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
        cmark_node* current = cmark_iter_get_node(iter);
        if (event != CMARK_EVENT_ENTER) {
            continue;
        }
        const auto type = cmark_node_get_type(current);
        if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_HTML_INLINE) {
            text += cmark_node_get_literal(current);
        } else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
            text += ' ';
        }
    }
    cmark_iter_free(iter);
    return text;
}

std::vector<SourceLine> collect_source_lines(cmark_node* document) {
    LineCollector collector;
    Context context;
    collector.block(document, context);
    return collector.take();
}

}  // namespace hindsight
