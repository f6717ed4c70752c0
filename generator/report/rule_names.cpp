// Rule names from diagnostic messages: quoted values and numbers dropped, the rest slugged.
#include "report/rule_names.hpp"

#include <algorithm>
#include <cctype>

namespace hindsight {

std::string rule_name(std::string_view message) {
    // What follows ':', ';' or '(' is detail ("cannot read site configuration: No such file").
    const std::string_view head = message.substr(0, message.find_first_of(":;("));
    // The message without what it quotes.
    std::string unquoted;
    char quote = 0;
    for (std::size_t i = 0; i < head.size(); ++i) {
        const char c = head[i];
        if (quote != 0) {
            quote = c == quote ? 0 : quote;
            continue;
        }
        // An apostrophe inside a word ("doesn't") opens no quote.
        const bool in_word = i > 0 && std::isalnum(static_cast<unsigned char>(head[i - 1])) != 0;
        if (c == '"' || c == '`' || (c == '\'' && !in_word)) {
            quote = c;
            unquoted += ' ';
        } else {
            unquoted += c;
        }
    }
    // Its words, without numbers and paths ("content/b.md"), at most six, as one slug.
    std::string name;
    int words = 0;
    std::size_t start = 0;
    while (start < unquoted.size() && words < 6) {
        const auto end = std::min(unquoted.find(' ', start), unquoted.size());
        const std::string_view token = std::string_view(unquoted).substr(start, end - start);
        start = end + 1;
        if (token.empty() || std::isdigit(static_cast<unsigned char>(token[0])) != 0 ||
            token.find_first_of("/.") != std::string_view::npos) {
            continue;
        }
        std::string word;
        for (const char c : token) {
            if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
                word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            } else if (!word.empty() && word.back() != '-') {
                word += '-';
            }
        }
        while (!word.empty() && word.back() == '-') {
            word.pop_back();
        }
        if (!word.empty()) {
            name += (name.empty() ? "" : "-") + word;
            ++words;
        }
    }
    return name.empty() ? "problem" : name;
}

}  // namespace hindsight
