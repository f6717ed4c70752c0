// Words and small reading rules that several extractors and the action clustering share, written
// once: number words, word splitting, the "Label: description" colon, shared-word counting.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hindsight {

// The value of a number written as a word ("three", "forty-five"), lower-case; nothing for
// other words. Articles are not numbers here: "an hour" is a duration's business.
std::optional<int> number_word(std::string_view lower_word);

enum class WordChars {
    alnum,         // letters and digits: "p99", "v2"
    alnum_hyphen,  // also '-': "read-only", "on-call" stay one word
};

// The runs of ASCII word characters in a text, in order, as written (case kept).
std::vector<std::string> split_words(std::string_view text, WordChars chars = WordChars::alnum);

// Where "Label: description" ends its label: a colon within the first 60 bytes after a label of
// at most seven words holding no digit, so "between 22:00 and 02:00" and sentences are no label.
std::optional<std::size_t> label_colon(std::string_view text);

// How many words two sorted, duplicate-free word lists have in common.
std::size_t shared_words(const std::vector<std::string>& sorted_a,
                         const std::vector<std::string>& sorted_b);

}  // namespace hindsight
