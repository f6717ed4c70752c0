// Normalising action-item text into content words: shared by extraction (repeats within a
// postmortem) and analysis (recurring actions across the archive).
#include "extract/action_words.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/text.hpp"
#include "extract/lexicon.hpp"

namespace hindsight {
namespace {

const std::set<std::string_view>& ignored_words() {
    static const std::set<std::string_view> words = {
        "a",         "an",         "the",       "and",        "or",         "to",
        "of",        "for",        "in",        "on",         "with",       "by",
        "at",        "from",       "into",      "be",         "is",         "are",
        "will",      "we",         "our",       "it",         "its",        "this",
        "that",      "these",      "all",       "any",        "more",       "better",
        "new",       "proper",     "properly",  "regular",    "regularly",  "comprehensive",
        "robust",    "additional", "improve",   "enhance",    "implement",  "conduct",
        "increase",  "apply",      "add",       "ensure",     "establish",  "introduce",
        "create",    "update",     "set",       "up",         "make",       "use",
        "process",   "processes",  "mechanism", "mechanisms", "system",     "systems",
        "issue",     "issues",     "such",      "as",         "so",         "can",
        "should",    "must",       "include",   "including",  "strengthen", "perform",
        "develop",   "consider",   "provide",   "detailed",   "thorough",   "future",
        "potential", "prevent",    "similar",   "any",        "also",       "existing",
        "current",   "team",       "teams",     "x",          "done"};
    return words;
}

}  // namespace

std::string stem(std::string word) {
    for (const std::string_view suffix :
         {"ations", "ation", "ings", "ing", "ments", "ment", "ers", "er", "ies", "es", "ed", "s"}) {
        if (word.size() > suffix.size() + 3 &&
            word.compare(word.size() - suffix.size(), suffix.size(), suffix) == 0) {
            word.resize(word.size() - suffix.size());
            break;
        }
    }
    return word;
}

std::vector<std::string> action_keywords(std::string_view text) {
    // The label of "Label: description" carries the gist; the description only adds detail.
    if (const auto colon = label_colon(text)) {
        text = text.substr(0, *colon);
    }
    return content_words(text);
}

std::vector<std::string> content_words(std::string_view text) {
    std::string lower = to_lower_ascii(text);
    std::vector<std::string> words;
    for (auto& word : split_words(lower)) {
        if (ignored_words().count(word) == 0 && word.size() > 1) {
            words.push_back(stem(std::move(word)));
        }
    }
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    return words;
}

bool similar_descriptions(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    const std::size_t smaller = std::min(a.size(), b.size());
    const std::size_t shared = shared_words(a, b);
    // Most of the shorter description's content words recur in the longer one.
    return shared >= 3 && shared * 2 >= smaller;
}

bool same_action(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    const std::size_t smaller = std::min(a.size(), b.size());
    if (smaller == 0) {
        return false;
    }
    const std::size_t shared = shared_words(a, b);
    // A short item wholly inside a longer one ("Increase load testing" in "Conduct load
    // testing with various scenarios"), or most words shared.
    if (smaller >= 2 && shared == smaller) {
        return true;
    }
    const std::size_t together = a.size() + b.size() - shared;
    return shared * 10 >= together * 6;
}

}  // namespace hindsight
