// Synonym phrases compiled once into a table indexed by their first letters; reading an action
// item into its concepts and remaining words.
#include "analyze/action_phrases.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "core/text.hpp"
#include "extract/action_words.hpp"
#include "extract/lexicon.hpp"

namespace hindsight {
namespace {

// Phrases are indexed by this many first letters of their first word: a word is looked up once.
constexpr std::size_t kKeyLetters = 3;

// Endings a word takes without changing what it names ("alert": alerts, alerting, alerted,
// alerter; "validate": validation; "redundant": redundancy).
constexpr std::array<std::string_view, 31> kEndings = {
    "",       "s",       "es",    "ed",  "d",   "ing",  "er",   "ers",   "ion",  "ions", "ation",
    "ations", "ment",    "ments", "y",   "ies", "ied",  "ity",  "al",    "ally", "ly",   "ness",
    "able",   "ability", "ive",   "ize", "ise", "ized", "ised", "izing", "ising"};

bool is_ending(std::string_view rest) {
    return std::find(kEndings.begin(), kEndings.end(), rest) != kEndings.end();
}

std::string key_of(std::string_view word) {
    return std::string(word.substr(0, kKeyLetters));
}

}  // namespace

bool phrase_word_matches(std::string_view phrase_word, std::string_view word) {
    if (!phrase_word.empty() && phrase_word.back() == '*') {
        return word.starts_with(phrase_word.substr(0, phrase_word.size() - 1));
    }
    if (word == phrase_word) {
        return true;
    }
    // "throttle" + "ing" is written "throttling": the final 'e' goes before an ending.
    for (std::string_view base :
         {phrase_word, phrase_word.ends_with('e') ? phrase_word.substr(0, phrase_word.size() - 1)
                                                  : std::string_view{}}) {
        if (base.empty() || !word.starts_with(base)) {
            continue;
        }
        const std::string_view rest = word.substr(base.size());
        // "logging", "pinned": the final consonant doubled before an ending.
        if (is_ending(rest) ||
            (rest.size() > 1 && rest.front() == base.back() && is_ending(rest.substr(1)))) {
            return true;
        }
    }
    return false;
}

PhraseTable::PhraseTable(const std::vector<SynonymGroup>& synonyms) {
    priority_.resize(synonyms.size());
    std::size_t rank = 0;
    for (const bool general : {false, true}) {
        for (std::size_t g = 0; g < synonyms.size(); ++g) {
            if (synonyms[g].general == general) {
                priority_[g] = rank++;
            }
        }
    }
    for (std::size_t g = 0; g < synonyms.size(); ++g) {
        for (const auto& phrase : synonyms[g].phrases) {
            auto words = split_words(to_lower_ascii(phrase));
            // A '*' is kept on the word it ends ("autoscal*").
            const auto star = phrase.find('*');
            if (!words.empty() && star != std::string::npos && star + 1 == phrase.size()) {
                words.back() += '*';
            }
            if (!words.empty()) {
                const std::string key = key_of(words.front());
                by_start_[key].push_back({std::move(words), g});
            }
        }
    }
    for (auto& [_, list] : by_start_) {
        std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
            return a.words.size() > b.words.size();
        });
    }
}

const PhraseTable::Phrase* PhraseTable::longest_match(const std::vector<std::string>& words,
                                                      std::size_t at) const {
    const auto it = by_start_.find(key_of(words[at]));
    if (it == by_start_.end()) {
        return nullptr;
    }
    for (const auto& phrase : it->second) {  // longest first
        if (at + phrase.words.size() > words.size()) {
            continue;
        }
        bool all = true;
        for (std::size_t k = 0; k < phrase.words.size() && all; ++k) {
            all = phrase_word_matches(phrase.words[k], words[at + k]);
        }
        if (all) {
            return &phrase;
        }
    }
    return nullptr;
}

void PhraseTable::read_part(std::string_view part, double factor,
                            std::unordered_map<std::size_t, double>& concepts,
                            std::unordered_map<std::string, double>& words) const {
    const auto tokens = split_words(to_lower_ascii(part));
    std::string rest;  // the words no phrase took
    for (std::size_t i = 0; i < tokens.size();) {
        if (const Phrase* phrase = longest_match(tokens, i)) {
            double& f = concepts[phrase->concept_index];
            f = std::max(f, factor);
            i += phrase->words.size();
            continue;
        }
        rest += tokens[i];
        rest += ' ';
        ++i;
    }
    for (auto& word : content_words(rest)) {
        if (std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            continue;  // "30 days", "80%": numbers say how much, not what
        }
        double& f = words[std::move(word)];
        f = std::max(f, factor);
    }
}

ActionReading PhraseTable::read(std::string_view text) const {
    // The label of "Label: description" names the promise; the description adds detail.
    constexpr double kLabelFactor = 1.5;
    std::unordered_map<std::size_t, double> concepts;
    std::unordered_map<std::string, double> words;
    if (const auto colon = label_colon(text)) {
        read_part(text.substr(0, *colon), kLabelFactor, concepts, words);
        read_part(text.substr(*colon + 1), 1.0, concepts, words);
    } else {
        read_part(text, 1.0, concepts, words);
    }
    ActionReading reading;
    reading.concepts.assign(concepts.begin(), concepts.end());
    // A concept of the label comes first: "Monitoring and Alerting: ... including cache hit
    // rates" promises monitoring. Then the table's priority.
    std::sort(reading.concepts.begin(), reading.concepts.end(), [&](const auto& a, const auto& b) {
        if (a.second != b.second) {
            return a.second > b.second;
        }
        return priority_[a.first] < priority_[b.first];
    });
    reading.words.assign(words.begin(), words.end());
    std::sort(reading.words.begin(), reading.words.end());
    return reading;
}

}  // namespace hindsight
