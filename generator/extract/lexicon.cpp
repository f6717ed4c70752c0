// The shared word tables and splitting rules of extraction and clustering.
#include "extract/lexicon.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

namespace hindsight {

std::optional<int> number_word(std::string_view lower_word) {
    static constexpr std::pair<std::string_view, int> kWords[] = {
        {"one", 1},     {"two", 2},         {"three", 3},    {"four", 4},    {"five", 5},
        {"six", 6},     {"seven", 7},       {"eight", 8},    {"nine", 9},    {"ten", 10},
        {"eleven", 11}, {"twelve", 12},     {"fifteen", 15}, {"twenty", 20}, {"thirty", 30},
        {"forty", 40},  {"forty-five", 45}, {"fifty", 50},   {"sixty", 60},  {"ninety", 90},
    };
    for (const auto& [word, value] : kWords) {
        if (word == lower_word) {
            return value;
        }
    }
    return std::nullopt;
}

std::vector<std::string> split_words(std::string_view text, WordChars chars) {
    std::vector<std::string> words;
    std::string word;
    for (const char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c)) ||
            (chars == WordChars::alnum_hyphen && c == '-')) {
            word += c;
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) {
        words.push_back(std::move(word));
    }
    return words;
}

std::optional<std::size_t> label_colon(std::string_view text) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon >= 60) {
        return std::nullopt;
    }
    const std::string_view label = text.substr(0, colon);
    if (std::count(label.begin(), label.end(), ' ') >= 7 ||
        label.find_first_of("0123456789") != std::string_view::npos) {
        return std::nullopt;
    }
    return colon;
}

std::size_t shared_words(const std::vector<std::string>& sorted_a,
                         const std::vector<std::string>& sorted_b) {
    const auto& small = sorted_a.size() <= sorted_b.size() ? sorted_a : sorted_b;
    const auto& large = sorted_a.size() <= sorted_b.size() ? sorted_b : sorted_a;
    std::size_t shared = 0;
    for (const auto& w : small) {
        shared += std::binary_search(large.begin(), large.end(), w) ? 1 : 0;
    }
    return shared;
}

}  // namespace hindsight
