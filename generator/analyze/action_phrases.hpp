// Action-item text in canonical form: synonym phrases read as their concept, and the weighted
// words an item is compared by.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "config/site_config.hpp"

namespace hindsight {

// The synonym phrases, split into words once and indexed by their first word, so each word
// of a text is looked up by its prefixes instead of being compared with every phrase.
class PhraseTable {
  public:
    explicit PhraseTable(const std::vector<SynonymGroup>& synonyms);

    // Replaces synonym phrases by "qq<canonical>qq"; a phrase word matches a text word that
    // starts with it ("alert" matches "alerting"), longest phrases first.
    std::string canonical_text(std::string_view text) const;

  private:
    struct Phrase {
        std::vector<std::string> words;
        std::string canonical;
    };

    static bool matches(const Phrase& phrase, const std::vector<std::string>& words,
                        std::size_t at);

    std::unordered_map<std::string, std::vector<Phrase>> by_first_;
};

// The words an item is compared by: synonyms read as their canonical word, stop words and
// generic verbs dropped, stems joined; words of a "Label:" count twice.
std::vector<std::pair<std::string, double>> action_terms(std::string_view text,
                                                         const PhraseTable& table);

// The first concept of the synonym table (in its order of priority) a text names, if any.
std::optional<std::size_t> concept_of(std::string_view text, const PhraseTable& table,
                                      const std::vector<SynonymGroup>& synonyms);

// "runbooks-first" and "runbooks" are one concept written at two priorities.
std::string concept_name(const SynonymGroup& group);

}  // namespace hindsight
