// Raw HTML blocks of a postmortem made safe to show: an allowlist, and everything else as text.
#include "parse/sanitize_html.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include <gumbo.h>

#include "core/text.hpp"
#include "core/url.hpp"
#include "parse/html_fragment.hpp"
#include "parse/inline_html.hpp"

namespace hindsight {
namespace {

enum class Treatment { keep, unwrap, show };

constexpr std::array<GumboTag, 50> kKept = {
    GUMBO_TAG_P,      GUMBO_TAG_DIV,    GUMBO_TAG_BR,    GUMBO_TAG_HR,         GUMBO_TAG_UL,
    GUMBO_TAG_OL,     GUMBO_TAG_LI,     GUMBO_TAG_DL,    GUMBO_TAG_DT,         GUMBO_TAG_DD,
    GUMBO_TAG_STRONG, GUMBO_TAG_B,      GUMBO_TAG_EM,    GUMBO_TAG_I,          GUMBO_TAG_U,
    GUMBO_TAG_S,      GUMBO_TAG_STRIKE, GUMBO_TAG_DEL,   GUMBO_TAG_INS,        GUMBO_TAG_SUP,
    GUMBO_TAG_SUB,    GUMBO_TAG_SMALL,  GUMBO_TAG_MARK,  GUMBO_TAG_CODE,       GUMBO_TAG_KBD,
    GUMBO_TAG_SAMP,   GUMBO_TAG_VAR,    GUMBO_TAG_PRE,   GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_Q,
    GUMBO_TAG_CITE,   GUMBO_TAG_ABBR,   GUMBO_TAG_H1,    GUMBO_TAG_H2,         GUMBO_TAG_H3,
    GUMBO_TAG_H4,     GUMBO_TAG_H5,     GUMBO_TAG_H6,    GUMBO_TAG_TABLE,      GUMBO_TAG_CAPTION,
    GUMBO_TAG_THEAD,  GUMBO_TAG_TBODY,  GUMBO_TAG_TFOOT, GUMBO_TAG_TR,         GUMBO_TAG_TH,
    GUMBO_TAG_TD,     GUMBO_TAG_IMG,    GUMBO_TAG_A,     GUMBO_TAG_DETAILS,    GUMBO_TAG_SUMMARY};

constexpr std::array<GumboTag, 6> kUnwrapped = {GUMBO_TAG_SPAN, GUMBO_TAG_FONT, GUMBO_TAG_CENTER,
                                                GUMBO_TAG_BIG,  GUMBO_TAG_TT,   GUMBO_TAG_NOBR};

// Attributes that only change looks or carry no behaviour: dropped without a word.
bool is_presentational(std::string_view name) {
    if (only_changes_looks(name)) {
        return true;
    }
    for (const std::string_view p :
         {"id", "width", "height", "border", "cellpadding", "cellspacing", "valign", "bgcolor",
          "target", "rel", "name", "role", "nowrap"}) {
        if (name == p) {
            return true;
        }
    }
    return name.starts_with("data-") || name.starts_with("aria-");
}

struct Attribute {
    std::string_view name;
    std::string_view value;
};

// Whether an attribute is written back; `acceptable` turns false when it makes the element
// something to show rather than render (onclick, a javascript: address).
bool kept_attribute(GumboTag tag, std::string_view name, std::string_view value, bool& acceptable) {
    const bool cell = tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH;
    if (tag == GUMBO_TAG_A && name == "href") {
        acceptable = is_safe_url(value, UrlUse::link);
        return acceptable;
    }
    if (tag == GUMBO_TAG_IMG && name == "src") {
        acceptable = is_safe_url(value, UrlUse::image);
        return acceptable;
    }
    const bool kept =
        (tag == GUMBO_TAG_IMG && (name == "alt" || name == "width" || name == "height")) ||
        (name == "title") || (cell && (name == "colspan" || name == "rowspan")) ||
        (name == "align" && tag != GUMBO_TAG_A) || (tag == GUMBO_TAG_OL && name == "start") ||
        (tag == GUMBO_TAG_DETAILS && name == "open");
    acceptable = kept || is_presentational(name);
    return kept;
}

bool is_inline_tag(GumboTag tag) {
    for (const GumboTag t :
         {GUMBO_TAG_STRONG, GUMBO_TAG_B,      GUMBO_TAG_EM,   GUMBO_TAG_I,    GUMBO_TAG_U,
          GUMBO_TAG_S,      GUMBO_TAG_STRIKE, GUMBO_TAG_DEL,  GUMBO_TAG_INS,  GUMBO_TAG_SUP,
          GUMBO_TAG_SUB,    GUMBO_TAG_SMALL,  GUMBO_TAG_MARK, GUMBO_TAG_CODE, GUMBO_TAG_KBD,
          GUMBO_TAG_SAMP,   GUMBO_TAG_VAR,    GUMBO_TAG_Q,    GUMBO_TAG_CITE, GUMBO_TAG_ABBR,
          GUMBO_TAG_IMG,    GUMBO_TAG_A,      GUMBO_TAG_BR}) {
        if (tag == t) {
            return true;
        }
    }
    return false;
}

class Writer {
  public:
    std::string out;
    bool has_block = false;  // a block element at the top level: no <p> around the output

    // Items pasted without their list ("<li>...</li>" lines alone) get the <ul> a browser
    // would otherwise draw them without, bullets hanging outside the text.
    void children(const GumboNode* node, int depth) {
        const GumboTag tag = node->v.element.tag;
        const bool in_list = tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL;
        const GumboVector& list = node->v.element.children;
        bool open_list = false;
        for (unsigned i = 0; i < list.length; ++i) {
            const auto* child = static_cast<const GumboNode*>(list.data[i]);
            const bool item =
                child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == GUMBO_TAG_LI;
            if (!in_list && item && !open_list) {
                out += "<ul>";
                open_list = true;
                has_block = has_block || depth == 0;
            } else if (open_list && !item && child->type != GUMBO_NODE_WHITESPACE) {
                out += "</ul>";
                open_list = false;
            }
            write(child, depth);
        }
        if (open_list) {
            out += "</ul>";
        }
    }

  private:
    void write(const GumboNode* node, int depth) {
        switch (node->type) {
            case GUMBO_NODE_TEXT:
            case GUMBO_NODE_WHITESPACE:
            case GUMBO_NODE_CDATA:
                out += xml_escape(node->v.text.text);
                return;
            case GUMBO_NODE_COMMENT:
            case GUMBO_NODE_DOCUMENT:
                return;
            case GUMBO_NODE_ELEMENT:
            case GUMBO_NODE_TEMPLATE:
                break;
        }
        if (depth >= kMaxHtmlDepth) {  // past it, only the text is written
            text_only(node);
            return;
        }
        const GumboElement& element = node->v.element;
        std::vector<Attribute> kept;
        const Treatment treatment = decide(node, kept);
        if (depth == 0 && treatment == Treatment::keep && !is_inline_tag(element.tag)) {
            has_block = true;
        }
        if (treatment == Treatment::unwrap) {
            children(node, depth + 1);
            return;
        }
        if (treatment == Treatment::show) {
            out += xml_escape(
                std::string_view(element.original_tag.data, element.original_tag.length));
            children(node, depth + 1);
            out += xml_escape(
                std::string_view(element.original_end_tag.data, element.original_end_tag.length));
            return;
        }
        const std::string_view name = gumbo_normalized_tagname(element.tag);
        out += '<';
        out += name;
        for (const auto& attribute : kept) {
            out += ' ';
            out += attribute.name;
            out += "=\"";
            out += xml_escape(attribute.value);
            out += '"';
        }
        out += '>';
        if (element.tag == GUMBO_TAG_BR || element.tag == GUMBO_TAG_HR ||
            element.tag == GUMBO_TAG_IMG) {
            return;
        }
        children(node, depth + 1);
        out += "</";
        out += name;
        out += '>';
    }

    // Without recursion: the nesting past the limit may be as deep as the input is long.
    void text_only(const GumboNode* top) {
        std::vector<const GumboNode*> stack{top};
        while (!stack.empty()) {
            const GumboNode* node = stack.back();
            stack.pop_back();
            if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
                node->type == GUMBO_NODE_CDATA) {
                out += xml_escape(node->v.text.text);
            } else if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
                const GumboVector& list = node->v.element.children;
                for (unsigned i = list.length; i > 0; --i) {
                    stack.push_back(static_cast<const GumboNode*>(list.data[i - 1]));
                }
            }
        }
    }

    static Treatment decide(const GumboNode* node, std::vector<Attribute>& kept) {
        const GumboElement& element = node->v.element;
        const bool html =
            element.tag_namespace == GUMBO_NAMESPACE_HTML && node->type == GUMBO_NODE_ELEMENT;
        Treatment treatment = Treatment::show;
        if (html && std::find(kKept.begin(), kKept.end(), element.tag) != kKept.end()) {
            treatment = Treatment::keep;
        } else if (html && std::find(kUnwrapped.begin(), kUnwrapped.end(), element.tag) !=
                               kUnwrapped.end()) {
            treatment = Treatment::unwrap;
        }
        if (treatment == Treatment::show) {
            return treatment;
        }
        for (unsigned i = 0; i < element.attributes.length; ++i) {
            const auto* attribute = static_cast<const GumboAttribute*>(element.attributes.data[i]);
            bool acceptable = false;
            if (kept_attribute(element.tag, attribute->name, attribute->value, acceptable) &&
                treatment == Treatment::keep) {
                kept.push_back({attribute->name, attribute->value});
            }
            if (!acceptable) {
                kept.clear();
                return Treatment::show;
            }
        }
        return treatment;
    }
};

}  // namespace

std::string sanitize_html_block(std::string_view html) {
    const HtmlFragment fragment(html);
    if (fragment.root() == nullptr) {
        // Too many tags to parse, or no tree: shown as written.
        std::string shown = "<p>";
        shown += xml_escape(trim(html));
        return shown + "</p>\n";
    }
    Writer writer;
    writer.children(fragment.root(), 0);
    std::string result(trim(writer.out));
    if (!writer.has_block && !result.empty()) {
        result = "<p>" + result + "</p>";
    }
    return result.empty() ? result : result + "\n";
}

}  // namespace hindsight
