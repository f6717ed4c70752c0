// Raw HTML blocks as lines of text, split where a browser would start a new block.
#include "parse/html_lines.hpp"

#include <algorithm>
#include <cctype>

#include <gumbo.h>

#include "core/text.hpp"
#include "parse/html_fragment.hpp"

namespace hindsight {
namespace {

bool is_block(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_P:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_LI:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_DL:
        case GUMBO_TAG_DT:
        case GUMBO_TAG_DD:
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
        case GUMBO_TAG_TABLE:
        case GUMBO_TAG_TR:
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_HR:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_HEADER:
        case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_FIGCAPTION:
        case GUMBO_TAG_DETAILS:
        case GUMBO_TAG_SUMMARY:
            return true;
        default:
            return false;
    }
}

int heading_level(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_H1:
            return 1;
        case GUMBO_TAG_H2:
            return 2;
        case GUMBO_TAG_H3:
            return 3;
        case GUMBO_TAG_H4:
            return 4;
        case GUMBO_TAG_H5:
            return 5;
        case GUMBO_TAG_H6:
            return 6;
        default:
            return 0;
    }
}

class Reader {
  public:
    std::vector<HtmlLine> take() {
        flush();
        return std::move(lines_);
    }

    void node(const GumboNode* node, int depth) {
        if (depth > kMaxHtmlDepth) {
            return;
        }
        switch (node->type) {
            case GUMBO_NODE_TEXT:
            case GUMBO_NODE_CDATA:
            case GUMBO_NODE_WHITESPACE:
                text(node->v.text);
                return;
            case GUMBO_NODE_ELEMENT:
                element(node, depth);
                return;
            default:
                return;
        }
    }

  private:
    void children(const GumboNode* node, int depth) {
        const GumboVector& list = node->v.element.children;
        for (unsigned i = 0; i < list.length; ++i) {
            this->node(static_cast<const GumboNode*>(list.data[i]), depth + 1);
        }
    }

    void element(const GumboNode* node, int depth) {
        const GumboTag tag = node->v.element.tag;
        if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_TEMPLATE ||
            tag == GUMBO_TAG_NOSCRIPT) {
            return;
        }
        if (tag == GUMBO_TAG_BR) {
            flush();
            return;
        }
        const bool bold = tag == GUMBO_TAG_STRONG || tag == GUMBO_TAG_B;
        if (!is_block(tag)) {
            bold_ += bold ? 1 : 0;
            children(node, depth);
            bold_ -= bold ? 1 : 0;
            return;
        }
        flush();
        if (tag == GUMBO_TAG_PRE) {
            // A log or a command: its lines as written, each a line of code.
            ++pre_;
            children(node, depth);
            flush();
            --pre_;
            return;
        }
        const int saved_depth = list_depth_;
        const int saved_heading = heading_;
        if (tag == GUMBO_TAG_LI) {
            ++list_depth_;
            item_pending_ = true;
        }
        if (const int level = heading_level(tag); level > 0) {
            heading_ = level;
        }
        children(node, depth);
        flush();
        list_depth_ = saved_depth;
        heading_ = saved_heading;
        if (tag == GUMBO_TAG_LI) {
            item_pending_ = false;
        }
    }

    void text(const GumboText& text) {
        int line = static_cast<int>(text.start_pos.line);
        for (const char* c = text.text; *c != '\0'; ++c) {
            const auto byte = static_cast<unsigned char>(*c);
            if (pre_ > 0 && *c == '\n') {
                flush();
                ++line;
                continue;
            }
            if (std::isspace(byte) != 0) {
                if (!current_.empty() && current_.back() != ' ') {
                    current_ += ' ';
                }
                continue;
            }
            if (current_.empty()) {
                line_ = line;
                lead_bold_ = bold_ > 0;
            }
            current_ += *c;
            (bold_ > 0 ? bold_letters_ : plain_letters_) += 1;
        }
    }

    void flush() {
        const std::string_view trimmed = trim(current_);
        if (!trimmed.empty()) {
            HtmlLine& line = lines_.emplace_back();
            line.text = std::string(trimmed);
            line.line = std::max(line_, 1);
            line.list_depth = list_depth_;
            line.item_start = item_pending_ && list_depth_ > 0;
            line.heading_level = heading_;
            line.bold_only = plain_letters_ == 0 && bold_letters_ > 0 && pre_ == 0;
            line.bold_lead = lead_bold_ && pre_ == 0;
            line.code = pre_ > 0;
            item_pending_ = false;
        }
        current_.clear();
        line_ = 0;
        bold_letters_ = 0;
        plain_letters_ = 0;
        lead_bold_ = false;
    }

    std::vector<HtmlLine> lines_;
    std::string current_;
    int line_ = 0;
    int list_depth_ = 0;
    int heading_ = 0;
    int bold_ = 0;  // how many <strong> or <b> hold the text being read
    int pre_ = 0;   // how many <pre> hold it
    long bold_letters_ = 0;
    long plain_letters_ = 0;
    bool lead_bold_ = false;
    bool item_pending_ = false;
};

}  // namespace

std::optional<std::vector<HtmlLine>> html_lines(std::string_view html) {
    const HtmlFragment fragment(html);
    if (fragment.root() == nullptr) {
        return std::nullopt;
    }
    Reader reader;
    reader.node(fragment.root(), 0);
    return reader.take();
}

}  // namespace hindsight
