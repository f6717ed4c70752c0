// Synonym phrases compiled once into a table indexed by first word; term vectors of action items.
#include "analyze/action_phrases.hpp"

#include <algorithm>
#include <map>

#include "core/text.hpp"
#include "extract/action_words.hpp"
#include "extract/lexicon.hpp"

namespace hindsight {
namespace {

constexpr double kOtherWordWeight = 0.3;

}  // namespace

PhraseTable::PhraseTable(const std::vector<SynonymGroup>& synonyms) {
    for (const auto& group : synonyms) {
        for (const auto& phrase : group.phrases) {
            auto words = split_words(to_lower_ascii(phrase), WordChars::alnum_hyphen);
            if (!words.empty()) {
                const std::string first = words.front();
                by_first_[first].push_back({std::move(words), group.canonical});
            }
        }
    }
    for (auto& [_, list] : by_first_) {
        std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
            return a.words.size() > b.words.size();
        });
    }
}

std::string PhraseTable::canonical_text(std::string_view text) const {
    const auto words = split_words(to_lower_ascii(text), WordChars::alnum_hyphen);
    std::string out;
    for (std::size_t i = 0; i < words.size();) {
        const Phrase* match = nullptr;
        for (std::size_t len = words[i].size(); len >= 1 && match == nullptr; --len) {
            const auto it = by_first_.find(words[i].substr(0, len));
            if (it == by_first_.end()) {
                continue;
            }
            for (const auto& phrase : it->second) {
                if (matches(phrase, words, i) &&
                    (match == nullptr || phrase.words.size() > match->words.size())) {
                    match = &phrase;
                }
            }
        }
        if (match != nullptr) {
            out += " qq" + match->canonical + "qq ";
            i += match->words.size();
        } else {
            out += " " + words[i];
            ++i;
        }
    }
    return out;
}

bool PhraseTable::matches(const Phrase& phrase, const std::vector<std::string>& words,
                          std::size_t at) {
    if (at + phrase.words.size() > words.size()) {
        return false;
    }
    for (std::size_t k = 0; k < phrase.words.size(); ++k) {
        if (words[at + k].rfind(phrase.words[k], 0) != 0) {
            return false;
        }
    }
    return true;
}

std::vector<std::pair<std::string, double>> action_terms(std::string_view text,
                                                         const PhraseTable& table) {
    std::map<std::string, double> terms;
    const auto colon = label_colon(text);
    const auto add_words = [&](std::string_view part, double weight) {
        for (const auto& word : content_words(table.canonical_text(part))) {
            // Canonical words are wrapped in "qq" so word splitting and stemming leave them
            // whole. They name the promise ("monitor", "loadtest"); the other words mostly say
            // where or how.
            std::string term = word;
            double w = weight * kOtherWordWeight;
            if (term.size() > 4 && term.rfind("qq", 0) == 0 && term.ends_with("qq")) {
                term = term.substr(2, term.size() - 4);
                w = weight;
            }
            terms[term] = std::max(terms[term], w);
        }
    };
    if (colon) {
        add_words(text.substr(*colon + 1), 1.0);
        add_words(text.substr(0, *colon), 2.0);
    } else {
        add_words(text, 1.0);
    }
    return {terms.begin(), terms.end()};
}

std::optional<std::size_t> concept_of(std::string_view text, const PhraseTable& table,
                                      const std::vector<SynonymGroup>& synonyms) {
    const std::string canonical = table.canonical_text(text);
    for (std::size_t g = 0; g < synonyms.size(); ++g) {
        if (canonical.find(" qq" + synonyms[g].canonical + "qq ") != std::string::npos) {
            return g;
        }
    }
    return std::nullopt;
}

// "runbooks-first" and "runbooks" are one concept written at two priorities.
std::string concept_name(const SynonymGroup& group) {
    const std::string& name = group.canonical;
    const auto dash = name.rfind("-first");
    return dash != std::string::npos && dash + 6 == name.size() ? name.substr(0, dash) : name;
}

}  // namespace hindsight
