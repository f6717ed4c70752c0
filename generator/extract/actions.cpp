// Finding list items (and plain-text lines) under action headings, and merging repeats.
#include "extract/actions.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "core/dates.hpp"
#include "core/text.hpp"
#include "extract/action_details.hpp"
#include "extract/prose_actions.hpp"

namespace hindsight {
namespace {

bool starts_with_bullet(std::string_view text, std::string_view& rest) {
    for (const std::string_view bullet : {"\xE2\x80\xA2", "\xE2\x97\x8F", "\xE2\x96\xAA",
                                          "\xE2\x97\xA6", "\xE2\x80\x93", "- ", "* ", "+ "}) {
        if (text.substr(0, bullet.size()) == bullet) {
            rest = trim(text.substr(bullet.size()));
            return true;
        }
    }
    std::size_t i = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
        ++i;
    }
    if (i > 0 && i < 3 && i + 1 < text.size() && (text[i] == '.' || text[i] == ')') &&
        text[i + 1] == ' ') {
        rest = trim(text.substr(i + 2));
        return true;
    }
    return false;
}

// Closing prose under an action heading ("By implementing these measures, we...") is no item.
bool reads_like_prose(std::string_view text) {
    const std::string lower = to_lower_ascii(text.substr(0, 24));
    for (const std::string_view opener :
         {"by ", "we ", "we'", "we\xE2\x80\x99", "these ", "this ", "in conclusion", "overall",
          "in summary", "the following", "below", "moving forward", "to prevent", "to address",
          "in order to", "our team", "with these", "through these"}) {
        if (lower.rfind(opener, 0) == 0) {
            return true;
        }
    }
    return false;
}

bool is_item_detail(std::string_view label) {
    for (const std::string_view word :
         {"deadline", "due", "due date", "owner", "owners", "assignee", "assigned to", "status",
          "priority", "responsible", "eta", "target date", "target", "when"}) {
        if (label == word) {
            return true;
        }
    }
    return false;
}

bool is_item_lead(std::string_view label) {
    return label == "task" || label == "action" || label == "action item" || label == "todo" ||
           label == "to do" || label == "fix";
}

void add_detail(ActionItem& item, std::string_view label, std::string_view value) {
    if (label.starts_with("owner") || label == "assignee" || label == "assigned to" ||
        label == "responsible") {
        item.owner = std::string(value);
    } else if (label == "status" && to_lower_ascii(value).find("done") != std::string::npos) {
        item.status = ActionStatus::done;
    }
}

bool is_sign_off(std::string_view text) {
    const std::string lower = to_lower_ascii(text.substr(0, 20));
    for (const std::string_view word : {"sincerely", "regards", "best regards", "kind regards",
                                        "thank you", "thanks", "cheers", "yours"}) {
        if (lower.rfind(word, 0) == 0) {
            return true;
        }
    }
    return false;
}

struct Paragraph {
    int bullets = 0;            // lines opening with a bullet glyph
    bool one_per_line = false;  // several lines, each a capitalised action of its own
};

// Plain-text postmortems write actions one per line, or as "•" bullets wrapped over lines;
// wrapped prose (lines running on in lower case) is neither.
Paragraph describe_paragraph(const std::vector<SourceLine>& lines, std::size_t first) {
    Paragraph p;
    int count = 0, capitalised = 0;
    for (std::size_t i = first; i < lines.size() && lines[i].block == lines[first].block; ++i) {
        std::string_view rest;
        const std::string_view text = lines[i].text;
        if (text.empty()) {
            continue;
        }
        ++count;
        p.bullets += starts_with_bullet(text, rest) ? 1 : 0;
        capitalised += std::isupper(static_cast<unsigned char>(text.front())) ? 1 : 0;
    }
    p.one_per_line = count >= 2 && capitalised == count;
    return p;
}

struct Candidate {
    ActionItem item;
    std::size_t section = 0;  // index of the heading it stands under
    int depth = 0;
    bool parent = false;      // ends with ':' and has deeper items under it
    bool from_prose = false;  // a sentence of a prose paragraph
    LineLinks links;          // the links of its lines, for a ticket link after its title
};

// Prose under an action heading (or a prevention paragraph standing alone, whose section is
// past the last line index): its actions count when the part has no list.
struct ProseParagraph {
    std::size_t section = 0;
    int line = 0;
    std::string text;
    int block = -1;
};

}  // namespace

ExtractedActions extract_action_items(const std::vector<SourceLine>& lines,
                                      const std::vector<LineContext>& contexts, int line_offset) {
    ExtractedActions result;
    std::vector<Candidate> candidates;
    std::vector<ProseParagraph> prose;  // paragraphs of prose under action headings
    std::size_t section = 0;
    int paragraph_block = -1;
    Paragraph paragraph;
    bool signed_off = false;
    int prevention_block = -1;  // a "To prevent recurrence, ..." paragraph outside such parts
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const SourceLine& line = lines[i];
        const LineContext& context = contexts[i];
        if (context.is_heading) {
            section = i;
            signed_off = false;
        }
        const bool actions = (context.section & kActions) != 0;
        if (!actions && line.kind == LineKind::text && !line.in_quote && !context.is_heading &&
            (context.section & (kLessons | kTimeline)) == 0) {
            // The paragraph is a prevention part of its own, written in prose.
            if (line.block != prevention_block && (i == 0 || lines[i - 1].block != line.block) &&
                opens_prevention(line.text)) {
                prevention_block = line.block;
                prose.push_back({lines.size() + i, line.line + line_offset, ""});
            }
            if (line.block == prevention_block) {
                prose.back().text += " " + line.text;
            }
            continue;
        }
        if (!actions || context.is_heading || line.kind == LineKind::code || line.in_quote) {
            continue;
        }
        if (result.from.line == 0) {
            result.from = {lines[section].line + line_offset, lines[section].text};
        }
        Candidate candidate;
        candidate.section = section;
        candidate.item.line = line.line + line_offset;
        std::string_view text = line.text;
        if (line.kind == LineKind::item) {
            if (!line.item_start) {
                // A continuation of the item above: part of its title.
                if (!candidates.empty() && candidates.back().item.line < candidate.item.line &&
                    candidates.back().item.title.size() < 300) {
                    candidates.back().item.title += " " + line.text;
                    candidates.back().links.insert(candidates.back().links.end(),
                                                   line.links.begin(), line.links.end());
                }
                continue;
            }
            candidate.depth = line.list_depth;
            if (line.task) {
                candidate.item.status = line.checked ? ActionStatus::done : ActionStatus::open;
            }
        } else if (line.kind == LineKind::table_row) {
            if (i == 0 || lines[i - 1].kind != LineKind::table_row) {
                continue;  // the header row
            }
            text = text.substr(0, text.find(" | "));
            candidate.depth = 1;
        } else {
            std::string_view rest;
            if (line.block != paragraph_block) {
                paragraph_block = line.block;
                paragraph = describe_paragraph(lines, i);
            }
            if (starts_with_bullet(text, rest)) {
                text = rest;
                candidate.depth = 1;
            } else if (paragraph.bullets > 0 || !paragraph.one_per_line) {
                // A wrapped line of the bullet above, or of prose.
                if (paragraph.bullets > 0 && !candidates.empty() &&
                    candidates.back().item.title.size() < 300 && context.label.empty()) {
                    candidates.back().item.title += " " + line.text;
                }
                if (paragraph.bullets == 0 && context.label.empty()) {
                    if (prose.empty() || prose.back().section != section ||
                        prose.back().block != line.block) {
                        prose.push_back({section, line.line + line_offset, "", line.block});
                    }
                    prose.back().text += " " + line.text;
                }
                if (context.label.empty() || paragraph.bullets > 0) {
                    continue;
                }
                candidate.depth = 1;
            } else {
                candidate.depth = 1;
            }
        }
        // "Deadline: December 22, 2023." under "Task: ..." describes that task.
        if (is_item_detail(context.label) && !candidates.empty()) {
            add_detail(candidates.back().item, context.label, context.value);
            continue;
        }
        if (is_item_lead(context.label) && !context.value.empty()) {
            text = context.value;
        }
        if (is_sign_off(text)) {
            signed_off = true;  // "Sincerely, the support team": the letter is over
        }
        // "To prevent further outages, I suggested that we set up monitoring": a line of a
        // paragraph written one action per line may open as prose and still state one.
        const bool prose_action =
            line.kind == LineKind::text && paragraph.one_per_line && !prose_actions(text).empty();
        if (text.empty() || (reads_like_prose(text) && !prose_action) || signed_off) {
            continue;
        }
        candidate.item.title = std::string(text);
        candidate.links = line.links;
        candidates.push_back(std::move(candidate));
    }
    // A corrective part with no list states its actions in prose; so does a prevention
    // paragraph standing alone. Under a part that has a list, prose only introduces it.
    for (const auto& paragraph_text : prose) {
        const bool listed = std::any_of(candidates.begin(), candidates.end(), [&](const auto& c) {
            return c.section == paragraph_text.section && !c.from_prose;
        });
        if (listed) {
            continue;
        }
        for (auto& action : prose_actions(paragraph_text.text)) {
            Candidate candidate;
            candidate.section = paragraph_text.section;
            candidate.depth = 1;
            candidate.from_prose = true;
            candidate.item.line = paragraph_text.line;
            candidate.item.title = std::move(action);
            candidates.push_back(std::move(candidate));
        }
        if (result.from.line == 0 && paragraph_text.section >= lines.size()) {
            result.from = {paragraph_text.line, paragraph_text.text.substr(1)};
        }
    }
    // An item ending in ':' with deeper items below it is their heading, not an action.
    for (std::size_t i = 0; i + 1 < candidates.size(); ++i) {
        const auto& title = candidates[i].item.title;
        if (!title.empty() && title.back() == ':' &&
            candidates[i + 1].depth > candidates[i].depth) {
            candidates[i].parent = true;
        }
    }
    // The same action listed under two headings counts once. Each item is compared with the
    // items kept under the other headings, at most kMaxRepeatComparisons of them: every one in
    // any real postmortem, while 20,000 items under two headings (a pasted tracker export) no
    // longer make it quadratic.
    constexpr std::size_t kMaxRepeatComparisons = 256;
    struct Kept {
        std::vector<std::string> words;
        std::vector<std::string> full;
    };
    std::map<std::size_t, std::vector<Kept>> kept_by_section;
    for (auto& candidate : candidates) {
        if (candidate.parent) {
            continue;
        }
        auto words = action_keywords(candidate.item.title);
        auto full = content_words(candidate.item.title);
        bool repeated = false;
        std::size_t compared = 0;
        for (const auto& [section, kept] : kept_by_section) {
            if (section == candidate.section) {
                continue;
            }
            for (const auto& other : kept) {
                if (repeated || compared == kMaxRepeatComparisons) {
                    break;
                }
                ++compared;
                repeated =
                    same_action(other.words, words) || similar_descriptions(other.full, full);
            }
            if (repeated || compared == kMaxRepeatComparisons) {
                break;
            }
        }
        if (repeated) {
            continue;
        }
        take_action_details(candidate.item, candidate.links);
        kept_by_section[candidate.section].push_back({std::move(words), std::move(full)});
        result.items.push_back(std::move(candidate.item));
    }
    if (result.items.empty()) {
        result.from = {};
    }
    return result;
}

}  // namespace hindsight
