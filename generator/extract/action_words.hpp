// Content words of action-item text: lower-case, stop words and generic verbs removed, stemmed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hindsight {

// The content words of an action item, for telling "Increase load testing" and "Conduct load
// testing with various scenarios" apart from other actions: lower-case, without stop words,
// generic verbs and common suffixes.
std::vector<std::string> action_keywords(std::string_view text);

// All content words of a text, normalised as action_keywords does.
std::vector<std::string> content_words(std::string_view text);

// True when two items listed under different headings promise the same thing.
bool same_action(const std::vector<std::string>& a, const std::vector<std::string>& b);

// Most of the shorter description's content words recur in the longer one (at least three).
bool similar_descriptions(const std::vector<std::string>& a, const std::vector<std::string>& b);

// Suffix stripping good enough to join "testing", "tests" and "tested".
std::string stem(std::string word);

}  // namespace hindsight
