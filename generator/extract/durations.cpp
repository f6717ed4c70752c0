// Reading "N unit [and M unit]" amounts, with the words that make an amount vague or approximate.
#include "extract/durations.hpp"

#include <cmath>

#include "extract/lexicon.hpp"
#include "extract/time_tokens.hpp"

namespace hindsight {
namespace {

// "an hour", "a day": the article is an amount here, as it is not in the shared number words.
std::optional<int> amount_word(std::string_view word) {
    if (word == "a" || word == "an") {
        return 1;
    }
    return number_word(word);
}

}  // namespace

bool is_seconds(std::string_view word) {
    return word == "second" || word == "seconds" || word == "sec" || word == "secs" || word == "s";
}

std::vector<StatedDuration> stated_durations(std::string_view line) {
    std::vector<StatedDuration> found;
    const auto tokens = tokenize_for_times(line);
    const auto word = [&](std::size_t i) -> std::string_view {
        return i < tokens.size() && tokens[i].kind == TimeTokenKind::word
                   ? std::string_view(tokens[i].text)
                   : std::string_view{};
    };
    const auto unit = [](std::string_view w) -> int {
        if (w == "hour" || w == "hours" || w == "hr" || w == "hrs" || w == "h") {
            return 60;
        }
        if (w == "minute" || w == "minutes" || w == "min" || w == "mins" || w == "m") {
            return 1;
        }
        if (w == "day" || w == "days") {
            return 24 * 60;
        }
        return 0;
    };
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        // Read "N unit [and M unit]" with N a number, "7.5", or a number word.
        double amount = 0;
        std::size_t k = i;
        if (tokens[k].kind == TimeTokenKind::number) {
            amount = tokens[k].value;
            if (k + 2 < tokens.size() && tokens[k + 1].text == "." &&
                tokens[k + 2].kind == TimeTokenKind::number && !tokens[k + 1].space_before) {
                amount += tokens[k + 2].value / std::pow(10.0, tokens[k + 2].digits);
                k += 2;
            }
        } else if (auto value = amount_word(word(k))) {
            amount = *value;
        } else {
            continue;
        }
        ++k;
        // "a 7-minute outage"
        if (k + 1 < tokens.size() && tokens[k].text == "-" && !tokens[k].space_before &&
            !tokens[k + 1].space_before) {
            ++k;
        }
        const int factor = unit(word(k));
        if (factor == 0) {
            continue;
        }
        // Vague or bounded amounts are no duration: "a few hours", "at least 7 hours", "2-3 hours".
        const std::string_view before = i > 0 ? word(i - 1) : std::string_view{};
        const std::string_view before2 = i > 1 ? word(i - 2) : std::string_view{};
        if (before == "few" || before == "several" || before == "couple" || before == "least" ||
            before == "than" || before == "over" || before == "nearly" || before == "almost" ||
            before == "upto" || before2 == "up" || before == "within" || before == "every" ||
            before == "last" || before == "next" || before == "first" || before == "per" ||
            (i > 0 && (tokens[i - 1].text == "-" || tokens[i - 1].text == "~") && i > 1 &&
             tokens[i - 2].kind == TimeTokenKind::number)) {
            continue;
        }
        if (word(i) == "a" && (before == "few" || before == "couple")) {
            continue;
        }
        // "half an hour", "half a day": the article's one is a half.
        if ((word(i) == "a" || word(i) == "an") && before == "half") {
            amount = 0.5;
        }
        double minutes = amount * factor;
        std::size_t last = k;  // the expression's last token
        std::size_t m = k + 1;
        // "an hour and a half", "1 hour and 45 minutes", "2 hours 30 minutes"
        if (word(m) == "and") {
            ++m;
        }
        if (word(m) == "a" && word(m + 1) == "half") {
            minutes += factor / 2.0;
            last = m + 1;
        } else if (m < tokens.size()) {
            double more = 0;
            std::size_t n = m;
            if (tokens[n].kind == TimeTokenKind::number) {
                more = tokens[n].value;
            } else if (auto value = amount_word(word(n))) {
                more = *value;
            }
            const int more_factor = unit(word(n + 1));
            if (more > 0 && more_factor > 0 && more_factor < factor) {
                minutes += more * more_factor;
                last = n + 1;
            } else if (more > 0 && factor == 1 && is_seconds(word(n + 1))) {
                // "4 min, 51 sec", "1 minute and 20 seconds": seconds only after minutes, so
                // that "loaded in 45 seconds" is no length of an incident.
                minutes += more / 60.0;
                last = n + 1;
            }
        }
        const bool approximate = before == "approximately" || before == "approx" ||
                                 before == "about" || before == "around" || before == "roughly" ||
                                 before == "some" || (i > 0 && tokens[i - 1].text == "~");
        // A duration must read as one: a unit word right after a number is not enough in
        // "version 2 h" or "every 5 minutes"; the checks above take care of the common traps.
        found.push_back({static_cast<int>(std::lround(minutes)), approximate, std::string(before),
                         std::string(word(last + 1))});
        i = last;
    }
    return found;
}

std::optional<StatedDuration> stated_duration(std::string_view line) {
    auto all = stated_durations(line);
    if (all.empty()) {
        return std::nullopt;
    }
    return std::move(all.front());
}

}  // namespace hindsight
