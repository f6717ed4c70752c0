// Splitting corrective prose into the actions its sentences state.
#include "extract/prose_actions.hpp"

#include <algorithm>
#include <array>

#include "core/text.hpp"

namespace hindsight {
namespace {

bool starts_with_any(std::string_view lower, std::initializer_list<std::string_view> openers) {
    return std::any_of(openers.begin(), openers.end(),
                       [&](std::string_view o) { return lower.starts_with(o); });
}

bool contains_any(std::string_view lower, std::initializer_list<std::string_view> words) {
    return std::any_of(words.begin(), words.end(),
                       [&](std::string_view w) { return lower.find(w) != std::string_view::npos; });
}

// Sentences end at '.', '!' or '?' followed by a space (or the end), not inside "e.g." or a
// version number.
std::vector<std::string_view> sentences(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t begin = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool end = (c == '.' || c == '!' || c == '?') &&
                         (i + 1 == text.size() || text[i + 1] == ' ') &&
                         !(i >= 3 && text.substr(i - 3, 4) == "e.g.") &&
                         !(i >= 3 && text.substr(i - 3, 4) == "i.e.");
        if (end) {
            out.push_back(trim(text.substr(begin, i + 1 - begin)));
            begin = i + 1;
        }
    }
    if (begin < text.size() && !trim(text.substr(begin)).empty()) {
        out.push_back(trim(text.substr(begin)));
    }
    return out;
}

// Whether a sentence states an action: a promise, a plan, a recommendation, or a change made
// to prevent a recurrence.
bool states_action(std::string_view sentence) {
    const std::string lower = to_lower_ascii(sentence);
    const std::string padded = " " + lower + " ";
    if (starts_with_any(lower, {"by ", "in conclusion", "overall", "in summary", "these ", "this ",
                                "with these", "through these", "thank"})) {
        return false;
    }
    return starts_with_any(lower, {"to prevent", "to avoid", "to ensure", "to reduce"}) ||
           contains_any(padded,
                        {" should ", " will ", " we'll ", "we\xE2\x80\x99ll", " must ", " need to ",
                         " needs to ", " plan to ", " planning to ", " going to ", " intend to ",
                         " are implementing ", " is being ", " are being ", " suggest", " advised ",
                         " recommend", " are working on ", " are adding "});
}

}  // namespace

bool opens_prevention(std::string_view paragraph) {
    const std::string lower = to_lower_ascii(paragraph.substr(0, 40));
    return starts_with_any(lower, {"to prevent", "to avoid"}) &&
           contains_any(lower, {"recurrence", "this", "future", "similar", "again", "repeat"});
}

std::vector<std::string> prose_actions(std::string_view paragraph) {
    std::vector<std::string> actions;
    for (const auto sentence : sentences(paragraph)) {
        if (!states_action(sentence)) {
            continue;
        }
        // "we added guardrails and will build faster rollback": two actions.
        std::string_view rest = sentence;
        for (const std::string_view join : {" and will ", "; "}) {
            const auto at = rest.find(join);
            if (at != std::string_view::npos && at > 10) {
                actions.emplace_back(trim(rest.substr(0, at)));
                rest = rest.substr(at + join.size() - (join == " and will " ? 5 : 0));
                break;
            }
        }
        actions.emplace_back(trim(rest));
    }
    return actions;
}

}  // namespace hindsight
