// Section tracking: a stack of headings, real and written as bold or "Label:" lines.
#include "extract/sections.hpp"

#include <cctype>

#include "core/text.hpp"

namespace hindsight {
namespace {

struct KindWords {
    unsigned kind;
    std::vector<std::string_view> words;
};

// Checked in order; negative kinds come first so "lessons learned and action items" is both,
// but "what went wrong" is never read as a cause section for action items.
const std::vector<KindWords>& kind_words() {
    static const std::vector<KindWords> table = {
        {kLessons,
         {"lesson", "went well", "went wrong", "went badly", "where we got lucky", "learnings",
          "takeaway"}},
        {kSummary,
         {"summary", "overview", "tl dr", "tldr", "description", "introduction", "background",
          "what happened", "incident report"}},
        {kImpact, {"impact", "affected", "customer experience"}},
        // "Key events" heads the timeline of the Ministry of Justice's reports (real24/001,
        // 003, 004: "First detected 2020-08-14 10:43", "Repaired ...", "Resolved ...").
        {kTimeline, {"timeline", "chronology", "sequence of events", "time line", "key events"}},
        // Contributing factors are causes the text lists beside the root cause.
        {kRootCause,
         {"root cause", "cause", "why it happened", "what caused", "analysis",
          "contributing factor"}},
        {kResolution, {"resolution", "resolv", "mitigation", "recovery", "how we fixed", "fix"}},
        {kActions,
         {"corrective", "preventive", "preventative", "prevention", "action item", "actions",
          "improvement", "task", "follow up", "followup", "next step", "remediation", "measures",
          "to do", "todo", "future work", "going forward", "looking forward", "looking ahead",
          "moving forward", "what we are doing", "what we re doing", "what we will do",
          "what s next", "plan", "recommendation", "safeguard",
          // "What could be done to avoid this in future?" (real10/003, 005), "How we'll prevent
          // this", "Preventing recurrence"
          "prevent", "avoid", "in future", "in the future", "recurrence"}},
        {kDuration, {"duration", "start time", "end time", "outage window"}},
    };
    return table;
}

bool contains_word(std::string_view text, std::string_view word) {
    std::size_t pos = 0;
    while ((pos = text.find(word, pos)) != std::string_view::npos) {
        const bool starts = pos == 0 || text[pos - 1] == ' ';
        if (starts) {
            return true;
        }
        ++pos;
    }
    return false;
}

// "Label: value" where the label reads like a field name, not a time ("10:00") or a
// sentence that happens to hold a colon.
bool split_label(std::string_view text, std::string& label, std::string& value) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 60) {
        return false;
    }
    const std::string_view head = trim(text.substr(0, colon));
    if (!head.empty() && std::isdigit(static_cast<unsigned char>(head.back()))) {
        return false;  // "At 12:48": a time, not a label
    }
    if (head.empty() ||
        (!std::isalpha(static_cast<unsigned char>(head.front())) && head.front() != '-')) {
        return false;
    }
    int words = 1;
    for (const char c : head) {
        if (c == ' ') {
            ++words;
        }
        if (c == '.' || c == '!' || c == '?') {
            return false;
        }
    }
    if (words > 7) {
        return false;
    }
    label = normalize_label(head);
    value = std::string(trim(text.substr(colon + 1)));
    return !label.empty();
}

// A short line without sentence punctuation that names a known part.
bool reads_as_heading(std::string_view text) {
    if (text.empty() || text.size() > 60) {
        return false;
    }
    const char last = text.back();
    if (last == '.' || last == '!' || last == '?' || last == ',' || last == ';') {
        return false;
    }
    int words = 1;
    for (const char c : text) {
        words += c == ' ' ? 1 : 0;
    }
    return words <= 6 && section_kinds(normalize_label(text)) != 0;
}

struct OpenSection {
    int level;
    unsigned kinds;
    int item_depth = 0;  // a list item written as a heading: its depth; 0 for any other
};

// A list item that is only a bold label or a bare "Label:", naming a timeline or actions
// ("- **Key events**", "- **Review actions**:" with the part's lines under it; real22/001,
// real24/006, 010): parts that are lists by nature. An item naming no such part stays an item:
// "- **Add alerting**" with its details under it is an action, and "- **Impact**:" opens no
// impact part whose symptoms ("crashlooping") would then stand for the cause (real24/003).
bool item_heading(const SourceLine& line, const LineContext& context) {
    return line.kind == LineKind::item && line.item_start && !line.in_quote &&
           (line.bold_only || (!context.label.empty() && context.value.empty())) &&
           line.text.size() <= 80 &&
           (section_kinds(normalize_label(line.text)) & (kTimeline | kActions)) != 0;
}

bool opens_with_digit(std::string_view text) {
    return !text.empty() && std::isdigit(static_cast<unsigned char>(text.front()));
}

unsigned innermost_kinds(const std::vector<OpenSection>& stack) {
    for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
        if (it->kinds != 0) {
            return it->kinds;
        }
    }
    return 0;
}

}  // namespace

std::string normalize_label(std::string_view text) {
    std::string out;
    bool space = false;
    for (const char raw : text) {
        const auto c = static_cast<unsigned char>(raw);
        if (std::isalnum(c) || c >= 0x80) {
            if (space && !out.empty()) {
                out += ' ';
            }
            space = false;
            out += static_cast<char>(std::tolower(c));
        } else {
            space = true;
        }
    }
    return out;
}

unsigned section_kinds(std::string_view label) {
    unsigned kinds = 0;
    for (const auto& entry : kind_words()) {
        for (const auto word : entry.words) {
            if (contains_word(label, word)) {
                kinds |= entry.kind;
                break;
            }
        }
    }
    // "Root cause and resolution of the timeline" is rare; a lessons heading is only lessons,
    // unless it also names action items explicitly ("Lessons learned and action items").
    if ((kinds & kLessons) != 0 && (kinds & kActions) == 0) {
        kinds = kLessons;
    }
    // "Measures taken", "Immediate actions", "Steps taken": what was done, not promised. "What
    // could be done to avoid this" (real10/003, 005) is a promise.
    if (contains_word(label, "taken") || contains_word(label, "immediate") ||
        contains_word(label, "what we did") || contains_word(label, "performed") ||
        contains_word(label, "completed") ||
        (contains_word(label, "done") && !contains_word(label, "be done"))) {
        kinds = (kinds & ~unsigned(kActions)) | kResolution;
    }
    return kinds;
}

std::vector<LineContext> annotate_sections(const std::vector<SourceLine>& lines) {
    std::vector<LineContext> contexts(lines.size());
    std::vector<OpenSection> stack;
    int deepest_real = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const SourceLine& line = lines[i];
        LineContext& context = contexts[i];
        if (line.kind != LineKind::code) {
            split_label(line.text, context.label, context.value);
        }
        // An item heading's part ends at the next item of its list, or of a list around it,
        // that opens with a bold label ("- **Impact**: ..."): a sibling field of the report.
        if (line.kind == LineKind::item && line.item_start && line.bold_lead) {
            while (!stack.empty() && stack.back().item_depth >= line.list_depth &&
                   stack.back().item_depth > 0) {
                stack.pop_back();
            }
        }
        int level = 0;
        int item_depth = 0;
        std::string heading_text;
        if (line.kind == LineKind::heading) {
            level = line.heading_level;
            deepest_real = level;
            heading_text = line.text;
        } else if (line.kind == LineKind::text && !line.in_quote &&
                   (line.bold_only || (!context.label.empty() && context.value.empty())) &&
                   line.text.size() <= 80) {
            level = deepest_real + 1;  // a bold or "Label:" line heads what follows it
            heading_text = line.text;
        } else if (item_heading(line, context)) {
            level = deepest_real + 1;
            item_depth = line.list_depth;
            heading_text = line.text;
        } else if (line.kind == LineKind::text && line.list_depth == 0 && !line.in_quote &&
                   reads_as_heading(line.text)) {
            level = deepest_real + 1;  // "Corrective and Preventative Measures" on a line alone
            heading_text = line.text;
        } else if (line.kind == LineKind::text && !context.label.empty() &&
                   section_kinds(context.label) != 0 && line.list_depth == 0) {
            level = deepest_real + 1;  // "Root Cause: The cause was..." opens that section too
            heading_text = context.label;
        }
        if (level > 0) {
            unsigned kinds = section_kinds(normalize_label(heading_text));
            // "### 11:14 - Fix deployed" under a timeline is one of its events, not a new part.
            if (opens_with_digit(heading_text) && innermost_kinds(stack) == kTimeline) {
                kinds = 0;
            }
            const bool pseudo = line.kind != LineKind::heading;
            if (pseudo && kinds == 0 && !stack.empty()) {
                // "Load Balancer Configuration Review:" under "Tasks:" names a sub-part, not a
                // new part: it nests, replacing a sibling sub-part, and inherits the kind.
                if (stack.back().kinds == 0 && stack.back().level > deepest_real) {
                    stack.pop_back();
                }
                level = stack.empty() ? level : stack.back().level + 1;
            } else {
                while (!stack.empty() && stack.back().level >= level) {
                    stack.pop_back();
                }
            }
            // Under "Takeaways" or "Lessons learned", a sub-heading is a lesson unless it
            // names action items outright.
            if ((kinds & kActions) != 0 && (kinds & kLessons) == 0 &&
                normalize_label(heading_text).find("action") == std::string::npos) {
                for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
                    if (it->kinds != 0 && it->level < level) {
                        if (it->kinds == kLessons) {
                            kinds = kLessons;
                        }
                        break;
                    }
                }
            }
            stack.push_back({level, kinds, item_depth});
            context.is_heading = true;
        }
        for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
            if (it->kinds != 0) {
                context.section = it->kinds;
                break;
            }
        }
    }
    return contexts;
}

}  // namespace hindsight
