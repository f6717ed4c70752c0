// cmark-gfm glue: parse, rewrite the AST (heading ids, escaped raw HTML), render.
#include "parse/markdown.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <fmt/format.h>

#include "core/slug.hpp"
#include "core/text.hpp"
#include "core/url.hpp"
#include "parse/cmark_special_chars.hpp"
#include "parse/collect_lines.hpp"
#include "parse/emphasis_guard.hpp"
#include "parse/inline_html.hpp"
#include "parse/sanitize_html.hpp"

namespace hindsight {
namespace {

constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tasklist",
                                       "tagfilter"};

struct ParserDeleter {
    void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
    void operator()(cmark_node* n) const { cmark_node_free(n); }
};

// cmark's inline parser copies nothing it reads: an inline node's strings (an autolink's URL
// from the autolink extension's url_match, text until cmark_node_get_literal first copies it)
// point into the character buffer of the block they were parsed from, which that block frees.
// A rewrite that moves inline nodes out of their block and drops the block keeps the block
// here, freed only after the document it came from (declared first, so destroyed last).
using RetiredNodes = std::vector<std::unique_ptr<cmark_node, NodeDeleter>>;

void ensure_extensions_registered() {
    // The registry is global; a function-local static makes the one registration thread-safe.
    static const bool registered = [] {
        cmark_gfm_core_extensions_ensure_registered();
        return true;
    }();
    (void)registered;
    // One parse with every extension attached fills cmark-gfm's special-character table, which
    // then stays as it is (parse/cmark_special_chars.cpp), so parsers need no lock.
    freeze_cmark_special_chars([] {
        std::unique_ptr<cmark_parser, ParserDeleter> parser{cmark_parser_new(CMARK_OPT_DEFAULT)};
        for (const char* name : kExtensions) {
            if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name)) {
                cmark_parser_attach_syntax_extension(parser.get(), extension);
            }
        }
        constexpr std::string_view kSample = "~~x~~ www.example.com\n";
        cmark_parser_feed(parser.get(), kSample.data(), kSample.size());
        cmark_node_free(cmark_parser_finish(parser.get()));
    });
}

std::string plain_text(cmark_node* node) {
    return std::string(trim(inline_text(node)));
}

std::vector<cmark_node*> collect(cmark_node* root, bool (*wanted)(cmark_node*)) {
    std::vector<cmark_node*> nodes;
    cmark_iter* iter = cmark_iter_new(root);
    cmark_event_type event;
    while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
        cmark_node* node = cmark_iter_get_node(iter);
        if (event == CMARK_EVENT_ENTER && wanted(node)) {
            nodes.push_back(node);
        }
    }
    cmark_iter_free(iter);
    return nodes;
}

// The paragraph, heading or table cell an inline node sits in.
cmark_node* containing_block(cmark_node* node) {
    cmark_node* parent = cmark_node_parent(node);
    while (parent != nullptr && cmark_node_get_type(parent) != CMARK_NODE_PARAGRAPH &&
           cmark_node_get_type(parent) != CMARK_NODE_HEADING &&
           std::string_view(cmark_node_get_type_string(parent)) != "table_cell") {
        parent = cmark_node_parent(parent);
    }
    return parent;
}

// Formatting tags pasted from a rich-text editor ("<span style=...>", "<b>", "<br>") would
// bury the words they format if shown as text: they are dropped, their text kept, and "<br>"
// breaks the line. Comments ("<!-- draft -->") are notes to the authors, dropped too. A paragraph
// holding any other tag quotes markup ("a <b onclick=x>"), and all of its tags stay visible. Runs
// before the lines are collected, so the extractors, the search text and the page read the same
// words.
void unwrap_formatting_html(cmark_node* root) {
    const auto is_inline_html = [](cmark_node* n) {
        return cmark_node_get_type(n) == CMARK_NODE_HTML_INLINE;
    };
    const std::vector<cmark_node*> tags = collect(root, is_inline_html);
    std::vector<cmark_node*> blocks;
    blocks.reserve(tags.size());
    std::set<cmark_node*> quoting;
    const auto is_comment = [](cmark_node* tag) {
        return std::string_view(cmark_node_get_literal(tag)).starts_with("<!--");
    };
    for (cmark_node* tag : tags) {
        blocks.push_back(containing_block(tag));
        if (!is_formatting_tag(cmark_node_get_literal(tag)) && !is_comment(tag)) {
            quoting.insert(blocks.back());
        }
    }
    for (std::size_t i = 0; i < tags.size(); ++i) {
        cmark_node* tag = tags[i];
        if (quoting.count(blocks[i]) > 0 && !is_comment(tag)) {
            continue;
        }
        if (is_line_break_tag(cmark_node_get_literal(tag))) {
            // A table cell may not hold a line break (cmark refuses the replacement, which
            // leaves the new node unowned): there the break is a space.
            cmark_node* line_break = cmark_node_new(CMARK_NODE_LINEBREAK);
            if (cmark_node_replace(tag, line_break) == 0) {
                cmark_node_free(line_break);
                cmark_node* space = cmark_node_new(CMARK_NODE_TEXT);
                cmark_node_set_literal(space, " ");
                if (cmark_node_replace(tag, space) == 0) {
                    cmark_node_free(space);
                }
            }
        }
        cmark_node_unlink(tag);
        cmark_node_free(tag);
    }
}

// Raw HTML never runs: cmark's own safe mode would silently drop it instead. A block (a
// pasted <ol> of <li>s, a centred <img>) is written back through an allowlist, with what the
// allowlist refuses shown as text; inline tags left by unwrap_formatting_html become literal
// text, so a postmortem that quotes "<script>" shows it.
void escape_raw_html(cmark_node* root) {
    const auto is_raw = [](cmark_node* n) {
        const auto type = cmark_node_get_type(n);
        return type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE;
    };
    for (cmark_node* node : collect(root, is_raw)) {
        const char* literal = cmark_node_get_literal(node);
        if (cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK) {
            const std::string safe = sanitize_html_block(literal == nullptr ? "" : literal);
            if (safe.empty()) {
                cmark_node_unlink(node);  // only a comment
            } else {
                cmark_node* block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
                cmark_node_set_on_enter(block, safe.c_str());
                cmark_node_replace(node, block);
            }
        } else {
            cmark_node* text = cmark_node_new(CMARK_NODE_TEXT);
            cmark_node_set_literal(text, literal);
            cmark_node_replace(node, text);
        }
        cmark_node_free(node);
    }
}

// cmark-gfm counts an autolink's column ("<javascript:...>") from the start of its paragraph,
// not of its line, so on a paragraph's later lines it points past the line's end. There, the
// column is where the address is written in the line, else the line's start.
int column_within_line(std::string_view text, int line, int column, std::string_view url) {
    std::size_t start = 0;
    for (int n = 1; n < line && start != std::string_view::npos; ++n) {
        start = text.find('\n', start);
        start = start == std::string_view::npos ? start : start + 1;
    }
    if (start == std::string_view::npos) {
        return column;
    }
    const std::string_view row = text.substr(start, text.find('\n', start) - start);
    if (column >= 1 && static_cast<std::size_t>(column) <= row.size()) {
        return column;
    }
    const auto at = row.find(url);
    // 1-based, the '<' before the address
    return at == std::string_view::npos ? 1 : std::max(1, static_cast<int>(at));
}

// Links and images go through the allowlist raw HTML and front matter use (core/url.hpp),
// not cmark's own list of bad schemes, so that one rule decides every address on a page. A
// refused link or image is unwrapped: its words (an image's alt text) stay, as text. The
// children move within their block, which stays alive, so the strings they point into do too.
std::vector<RefusedUrl> refuse_unsafe_urls(cmark_node* root) {
    const auto is_link = [](cmark_node* n) {
        const auto type = cmark_node_get_type(n);
        return type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE;
    };
    std::vector<RefusedUrl> refused;
    for (cmark_node* node : collect(root, is_link)) {
        const char* url = cmark_node_get_url(node);
        const UrlUse use =
            cmark_node_get_type(node) == CMARK_NODE_IMAGE ? UrlUse::image : UrlUse::link;
        if (url == nullptr || is_safe_url(url, use)) {
            continue;
        }
        int line = cmark_node_get_start_line(node);
        int column = cmark_node_get_start_column(node);
        if (line == 0) {  // an inline without a position: its block's
            cmark_node* block = containing_block(node);
            line = block != nullptr ? cmark_node_get_start_line(block) : 0;
            column = block != nullptr ? cmark_node_get_start_column(block) : 0;
        }
        refused.push_back({line, column, url, use == UrlUse::image});
        while (cmark_node* child = cmark_node_first_child(node)) {
            cmark_node_unlink(child);
            cmark_node_insert_before(node, child);
        }
        cmark_node_unlink(node);
        cmark_node_free(node);
    }
    return refused;
}

// Heading ids, unique within a page: the text's slug, then "-1", "-2"... for repeats, each time
// the first suffix not yet taken. Ids are only ever added, so every suffix below the last one
// given for a slug stays taken: the search resumes there instead of starting at 1 again, which
// made 20,000 headings with one text quadratic.
class HeadingIds {
  public:
    std::string take(const std::string& text) {
        std::string base = slugify(text);
        if (base.empty()) {
            base = "section";
        }
        if (base.rfind("hs-", 0) == 0) {
            base = "h-" + base;  // "hs-" ids belong to the theme
        }
        std::string id = base;
        int& n = next_suffix_[base];  // 0: the bare slug not yet tried
        if (n > 0) {
            id = fmt::format("{}-{}", base, n);
        }
        while (used_.count(id) > 0) {
            id = fmt::format("{}-{}", base, ++n);
        }
        ++n;
        used_.insert(id);
        return id;
    }

  private:
    // Ids the theme's own page structure uses are taken from the start.
    std::set<std::string> used_ = {"main", "top", "content", "toc", "search"};
    std::map<std::string, int> next_suffix_;  // slug -> the next suffix to try
};

// cmark's HTML renderer writes headings without attributes. A custom inline carrying the tags
// keeps the heading's inline children and lets the id through in every rendering mode; the
// custom block around it (with no text of its own) puts it on a line of its own. The emptied
// heading still owns its children's strings, so it is retired, not freed.
std::vector<Heading> add_heading_ids(cmark_node* root, RetiredNodes& retired) {
    const auto is_heading = [](cmark_node* n) {
        return cmark_node_get_type(n) == CMARK_NODE_HEADING;
    };
    std::vector<Heading> headings;
    HeadingIds ids;
    for (cmark_node* heading : collect(root, is_heading)) {
        const int level = cmark_node_get_heading_level(heading);
        const std::string text = plain_text(heading);
        const std::string id = ids.take(text);
        headings.push_back({level, id, text});
        cmark_node* tags = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
        cmark_node_set_on_enter(tags, fmt::format("<h{} id=\"{}\">", level, id).c_str());
        cmark_node_set_on_exit(tags, fmt::format("</h{}>", level).c_str());
        while (cmark_node* child = cmark_node_first_child(heading)) {
            cmark_node_unlink(child);
            cmark_node_append_child(tags, child);
        }
        cmark_node* block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
        cmark_node_append_child(block, tags);
        cmark_node_replace(heading, block);
        retired.emplace_back(heading);
    }
    return headings;
}

std::optional<std::string> take_leading_h1(cmark_node* root, const MarkdownOptions& options) {
    cmark_node* first = cmark_node_first_child(root);
    if (first == nullptr || cmark_node_get_type(first) != CMARK_NODE_HEADING ||
        cmark_node_get_heading_level(first) != 1) {
        return std::nullopt;
    }
    std::string text = plain_text(first);
    if (options.known_title && to_lower_ascii(trim(*options.known_title)) != to_lower_ascii(text)) {
        return text;
    }
    cmark_node_unlink(first);
    cmark_node_free(first);
    return text;
}

// The first line (1-based) holding more than kMaxTableColumns pipes, or 0.
int line_with_too_many_pipes(std::string_view text) {
    int line = 1;
    int pipes = 0;
    for (const char c : text) {
        if (c == '\n') {
            ++line;
            pipes = 0;
        } else if (c == '|' && ++pipes > kMaxTableColumns) {
            return line;
        }
    }
    return 0;
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
}

// What cmark-gfm writes leaves two things a keyboard or screen-reader user cannot use (axe-core
// finds both): a code block too wide for the column scrolls, but cannot take focus to be
// scrolled; a task list's checkbox has no name. Code blocks take focus as GitHub's do, and each
// checkbox is named by its state. Every "<pre" and "<input" here is markup: text is escaped.
std::string accessible_html(std::string html) {
    for (auto at = html.find("<pre"); at != std::string::npos; at = html.find("<pre", at + 4)) {
        if (at + 4 < html.size() && (html[at + 4] == '>' || html[at + 4] == ' ')) {
            html.insert(at + 4, " tabindex=\"0\"");
        }
    }
    replace_all(html, "<input type=\"checkbox\" checked=\"\" disabled=\"\" />",
                "<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Done\" />");
    replace_all(html, "<input type=\"checkbox\" disabled=\"\" />",
                "<input type=\"checkbox\" disabled=\"\" aria-label=\"Not done\" />");
    return html;
}

}  // namespace

MarkdownResult render_markdown(std::string_view text, const MarkdownOptions& options) {
    ensure_extensions_registered();
    const int cmark_options = CMARK_OPT_FOOTNOTES | (options.unsafe_html ? CMARK_OPT_UNSAFE : 0);
    std::unique_ptr<cmark_parser, ParserDeleter> parser{cmark_parser_new(cmark_options)};
    MarkdownResult result;
    result.tables_disabled_at_line = line_with_too_many_pipes(text);
    const std::optional<EscapedEmphasis> escaped = escape_excess_emphasis(text);
    if (escaped) {
        result.emphasis_escaped_at_line = escaped->first_line;
        text = escaped->text;
    }
    for (const char* name : kExtensions) {
        if (result.tables_disabled_at_line > 0 && std::string_view(name) == "table") {
            continue;
        }
        if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name)) {
            cmark_parser_attach_syntax_extension(parser.get(), extension);
        }
    }
    RetiredNodes retired;
    std::unique_ptr<cmark_node, NodeDeleter> document;
    // No lock: the special-character table no parser may change is frozen (see above).
    cmark_parser_feed(parser.get(), text.data(), text.size());
    document.reset(cmark_parser_finish(parser.get()));

    if (!options.unsafe_html) {
        unwrap_formatting_html(document.get());
        result.refused_urls = refuse_unsafe_urls(document.get());
        for (auto& refused : result.refused_urls) {
            refused.column = column_within_line(text, refused.line, refused.column, refused.url);
        }
    }
    result.lines = collect_source_lines(document.get());
    result.leading_h1 = take_leading_h1(document.get(), options);
    // Before raw HTML turns into text below: the plain-text renderer drops HTML, and the search
    // index should hold what a reader sees, not tag names.
    char* plain = cmark_render_plaintext(document.get(), cmark_options, 0);
    result.text = plain;
    std::free(plain);
    if (!options.unsafe_html) {
        escape_raw_html(document.get());
    }
    result.headings = add_heading_ids(document.get(), retired);
    char* html = cmark_render_html(document.get(), cmark_options,
                                   cmark_parser_get_syntax_extensions(parser.get()));
    result.html = accessible_html(html);
    std::free(html);
    return result;
}

}  // namespace hindsight
