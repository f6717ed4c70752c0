// Action-item text read as the concepts of the synonym table it names, in order of priority,
// and the other words it is compared by.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "config/site_config.hpp"

namespace hindsight {

// What an action item says: the concepts it names (indices into the synonym table), most
// telling first (those of a "Label:", then by priority), and the content words outside those
// phrases (stems), each with the larger of its factors (words of a "Label:" count more).
struct ActionReading {
    std::vector<std::pair<std::size_t, double>> concepts;  // concept, factor; by priority
    std::vector<std::pair<std::string, double>> words;     // stem, factor; sorted by stem
};

// The synonym phrases, split into words once and indexed by their first word's first letters,
// so each word of a text is looked up once instead of being compared with every phrase.
class PhraseTable {
  public:
    explicit PhraseTable(const std::vector<SynonymGroup>& synonyms);

    ActionReading read(std::string_view text) const;

    // The concepts' rank: specific concepts in the table's order, then the general ones.
    std::size_t priority(std::size_t concept_index) const { return priority_[concept_index]; }

  private:
    struct Phrase {
        std::vector<std::string> words;
        std::size_t concept_index = 0;
    };

    void read_part(std::string_view part, double factor,
                   std::unordered_map<std::size_t, double>& concepts,
                   std::unordered_map<std::string, double>& words) const;
    const Phrase* longest_match(const std::vector<std::string>& words, std::size_t at) const;

    std::unordered_map<std::string, std::vector<Phrase>> by_start_;  // longest phrases first
    std::vector<std::size_t> priority_;
};

// True when a text word is a phrase word or an inflection of it: "alert" matches "alerts",
// "alerting", "alerted"; "throttle" matches "throttling"; "log" does not match "login". A phrase
// word ending in '*' matches every word it begins.
bool phrase_word_matches(std::string_view phrase_word, std::string_view word);

}  // namespace hindsight
