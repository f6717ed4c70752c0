// Reading the words of a key ("affectedUsersPct" is affected, users, pct) and the value under it.
#include "parse/impact_keys.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/text.hpp"
#include "extract/impact.hpp"

namespace hindsight {
namespace {

// "users_affected_pct", "Users Affected %", "affectedUsersPct" as lower-case words.
std::vector<std::string> key_words(std::string_view key) {
    std::vector<std::string> words;
    std::string word;
    const auto flush = [&] {
        if (!word.empty()) {
            words.push_back(word);
            word.clear();
        }
    };
    for (std::size_t i = 0; i < key.size(); ++i) {
        const auto c = static_cast<unsigned char>(key[i]);
        if (c == '%') {
            flush();
            words.emplace_back("percent");
        } else if (std::isalnum(c)) {
            if (std::isupper(c) && !word.empty() &&
                std::islower(static_cast<unsigned char>(word.back()))) {
                flush();  // camelCase
            }
            word += static_cast<char>(std::tolower(c));
        } else {
            flush();
        }
    }
    flush();
    return words;
}

bool any_of_words(const std::vector<std::string>& words,
                  std::initializer_list<std::string_view> wanted) {
    return std::any_of(words.begin(), words.end(), [&](const std::string& w) {
        return std::find(wanted.begin(), wanted.end(), w) != wanted.end();
    });
}

bool names_people(const std::vector<std::string>& words) {
    return any_of_words(
        words,
        {"users",       "user",       "customers",     "customer",      "accounts", "account",
         "clients",     "client",     "visitors",      "visitor",       "members",  "member",
         "subscribers", "subscriber", "tenants",       "tenant",        "people",   "players",
         "merchants",   "orgs",       "organizations", "organisations", "userbase", "sessions"});
}

bool says_affected(const std::vector<std::string>& words) {
    return any_of_words(words, {"affected", "impacted", "impact", "affecting", "impacting", "hit"});
}

bool says_percent(const std::vector<std::string>& words) {
    return any_of_words(words, {"pct", "percent", "percentage", "perc"});
}

bool says_fraction(const std::vector<std::string>& words) {
    return any_of_words(words, {"ratio", "fraction", "proportion", "rate"});
}

std::optional<double> plain_number(std::string_view text) {
    const std::string s(trim(text));
    if (s.empty()) {
        return std::nullopt;
    }
    char* end = nullptr;
    const double value = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size() || !std::isfinite(value) || value < 0 ||
        !std::isdigit(static_cast<unsigned char>(s.front()))) {
        return std::nullopt;
    }
    return value;
}

// "1200", "1,200", "~1200 users", "about 12 000 customers": a count of people.
std::optional<double> count_in(std::string_view text) {
    std::string digits;
    bool seen = false;
    std::string rest;
    for (const char c : text) {
        if (std::isdigit(static_cast<unsigned char>(c))) {
            digits += c;
            seen = true;
        } else if (seen && (c == ',' || c == ' ' || c == '\'') && rest.empty()) {
            continue;  // thousands separators
        } else if (seen) {
            rest += c;
        }
    }
    if (digits.empty() || digits.size() > 12) {
        return std::nullopt;
    }
    const auto words = key_words(rest);
    if (!words.empty() && !names_people(words)) {
        return std::nullopt;
    }
    return std::stod(digits);
}

// Words before a share that say it is an estimate: "about 40%" is read as 40.
constexpr std::string_view kApproximately[] = {
    "~",       "≈",     "about", "approximately", "approx.",   "approx", "around",
    "roughly", "circa", "ca.",   "an estimated",  "estimated", "est.",   "some"};

// Words before a share that make it a bound ("up to 30%", "less than 1%"): no single value.
constexpr std::string_view kBounds[] = {
    "up to",    "less than", "fewer than", "under",   "below", "more than", "over", "above",
    "at least", "at most",   "almost",     "nearly",  "<=",    ">=",        "<",    ">",
    "≤",        "≥",         "max",        "maximum", "min",   "minimum"};

// A value that says every user was affected: "All", "everyone", "all customers".
bool says_everyone(std::string_view lower) {
    if (lower == "everyone" || lower == "everybody" || lower == "all" || lower == "global" ||
        lower == "entire user base" || lower == "the entire user base" ||
        lower == "whole user base") {
        return true;
    }
    for (const std::string_view prefix : {"all ", "all of ", "every "}) {
        if (lower.starts_with(prefix)) {
            const auto words = key_words(lower.substr(prefix.size()));
            return !words.empty() &&
                   std::all_of(words.begin(), words.end(), [](const std::string& word) {
                       return word == "our" || word == "the" || word == "of" || word == "them" ||
                              names_people({word});
                   });
        }
    }
    return false;
}

// Removes one of `words` (followed by a space, or a symbol) from the front of `text`.
bool strip_word(std::string_view& text, std::span<const std::string_view> words) {
    for (const std::string_view word : words) {
        if (!text.starts_with(word)) {
            continue;
        }
        const std::string_view rest = text.substr(word.size());
        const bool symbol = !std::isalpha(static_cast<unsigned char>(word.back()));
        if (symbol || rest.empty() || rest.front() == ' ') {
            text = trim(rest);
            return true;
        }
    }
    return false;
}

// "40 percent", "40 per cent", "40 pct", "40 %": the number and a '%' ("40%"), as the rest of
// the reader expects a share written.
std::string percent_sign(std::string_view lower) {
    for (const std::string_view word : {"per cent", "percent", "pct"}) {
        const auto at = lower.find(word);
        if (at != std::string_view::npos && at > 0) {
            std::string out(trim(lower.substr(0, at)));
            out += '%';
            out += lower.substr(at + word.size());
            return out;
        }
    }
    std::string out;
    for (std::size_t i = 0; i < lower.size(); ++i) {
        if (lower[i] == ' ' && i + 1 < lower.size() && lower[i + 1] == '%' && i > 0 &&
            std::isdigit(static_cast<unsigned char>(lower[i - 1]))) {
            continue;
        }
        out += lower[i];
    }
    return out;
}

// "10-20%", "10 \u2013 20 %", "10 to 20%": a range of shares, written first.
bool is_range(std::string_view text) {
    std::size_t i = 0;
    const auto number = [&] {
        const std::size_t from = i;
        while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) ||
                                   (text[i] == '.' && i > from))) {
            ++i;
        }
        return i > from;
    };
    const auto spaces = [&] {
        while (i < text.size() && text[i] == ' ') {
            ++i;
        }
    };
    if (!number()) {
        return false;
    }
    spaces();
    if (i < text.size() && text[i] == '%') {
        ++i;
        spaces();
    }
    if (text.substr(i).starts_with("-")) {
        i += 1;
    } else if (text.substr(i).starts_with("\u2013")) {
        i += std::string_view("\u2013").size();
    } else if (text.substr(i).starts_with("to ")) {
        i += 3;
    } else {
        return false;
    }
    spaces();
    if (!number()) {
        return false;
    }
    spaces();
    return i < text.size() && text[i] == '%';
}

// "a third of users", "roughly half", "3 out of 10 users", "1 in 5 customers", "2/3": a share
// written as a fraction, under a key that says share or followed by the people it is of. Past
// the fraction only people words may follow ("of users", "users"), so that "half the traffic"
// or "1 in 5 requests" stay out.
std::optional<double> written_fraction(std::string_view text, bool share_key) {
    std::vector<std::string_view> words;
    for (std::size_t i = 0; i < text.size();) {
        while (i < text.size() && text[i] == ' ') {
            ++i;
        }
        const std::size_t from = i;
        while (i < text.size() && text[i] != ' ') {
            ++i;
        }
        if (i > from) {
            words.push_back(text.substr(from, i - from));
        }
    }
    std::optional<double> share;
    std::size_t used = 0;
    const auto word = [&](std::size_t n) { return n < words.size() ? words[n] : ""; };
    // A whole number, with thousands separators ("48,000").
    const auto whole = [](std::string_view w) -> std::optional<long> {
        std::string digits;
        for (const char c : w) {
            if (c != ',') {
                digits += c;
            }
        }
        if (digits.empty() || digits.size() > 9 ||
            digits.find_first_not_of("0123456789") != std::string::npos) {
            return std::nullopt;
        }
        return std::atol(digits.c_str());
    };
    struct Named {
        std::string_view one;
        std::string_view many;
        double part;
    };
    static const Named kParts[] = {{"half", "halves", 1.0 / 2},      {"third", "thirds", 1.0 / 3},
                                   {"quarter", "quarters", 1.0 / 4}, {"fourth", "fourths", 1.0 / 4},
                                   {"fifth", "fifths", 1.0 / 5},     {"tenth", "tenths", 1.0 / 10}};
    static const std::string_view kCounts[] = {"", "one", "two", "three", "four"};
    std::size_t at = 0;
    int count = 1;
    if (word(0) == "a" || word(0) == "one") {
        at = 1;
    } else {
        for (int c = 2; c <= 4; ++c) {
            if (word(0) == kCounts[c]) {
                count = c;
                at = 1;
            }
        }
    }
    for (const auto& part : kParts) {
        if (word(at) == (count == 1 ? part.one : part.many)) {
            share = count * part.part * 100;
            used = at + 1;
        }
    }
    if (!share) {
        const std::string_view first = word(0);
        const auto slash = first.find('/');
        if (slash != std::string_view::npos) {
            const auto n = whole(first.substr(0, slash));
            const auto m = whole(first.substr(slash + 1));
            if (n && m && *m > 0 && *n <= *m) {
                share = 100.0 * *n / *m;
                used = 1;
            }
        } else if (const auto n = whole(first)) {
            std::size_t of = 1;
            if (word(1) == "out" && word(2) == "of") {
                of = 3;
            } else if (word(1) == "in" || word(1) == "of") {
                of = 2;  // "1 in 5 users", "12,000 of 48,000 users"
            }
            const auto m = of > 1 ? whole(word(of)) : std::nullopt;
            if (m && *m > 0 && *n <= *m) {
                share = 100.0 * *n / *m;
                used = of + 1;
            }
        }
    }
    if (!share) {
        return std::nullopt;
    }
    std::size_t rest = used;
    if (word(rest) == "of") {
        ++rest;
    }
    if (word(rest) == "the" || word(rest) == "our" || word(rest) == "all") {
        ++rest;
    }
    const bool people =
        rest < words.size() && is_people_word(word(rest)) && rest + 1 == words.size();
    if (!(rest == words.size() ? share_key && rest == used : people)) {
        return std::nullopt;
    }
    return std::round(*share * 10) / 10;
}

}  // namespace

ImpactKey impact_key(std::string_view key, bool inside_impact) {
    const auto words = key_words(key);
    if (words.empty()) {
        return ImpactKey::none;
    }
    // "summary" inside impact; "impact_summary", "customer_impact_description" outside it.
    if ((inside_impact || says_affected(words)) &&
        any_of_words(words, {"summary", "description", "details", "detail", "text", "desc", "notes",
                             "what"}) &&
        (inside_impact || !names_people(words) || any_of_words(words, {"impact"}))) {
        return ImpactKey::summary;
    }
    const bool people = names_people(words);
    const bool affected = says_affected(words) || inside_impact;
    if (says_percent(words) && (people || affected)) {
        return ImpactKey::share;
    }
    if (any_of_words(words, {"share"}) && (people || affected)) {
        return ImpactKey::share_either;
    }
    if (says_fraction(words) && (people || affected) &&
        !any_of_words(words, {"error", "errors", "failure"})) {
        return ImpactKey::fraction;
    }
    if (people && affected && !any_of_words(words, {"total", "all"})) {
        return ImpactKey::people;
    }
    if (says_affected(words) && !inside_impact) {
        return ImpactKey::affected;
    }
    return ImpactKey::none;
}

ImpactValue read_impact_value(ImpactKey kind, std::string_view written) {
    ImpactValue out;
    const std::string lower = to_lower_ascii(trim(written));
    std::string_view rest = lower;
    if (!rest.empty() && rest.back() == '.') {
        rest.remove_suffix(1);
    }
    // A bound or a range is no single share: left out, never guessed ("up to 30%").
    const bool has_number = std::any_of(rest.begin(), rest.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
    });
    if (std::string_view bounded = rest; has_number && strip_word(bounded, kBounds) &&
                                         !bounded.empty() &&
                                         std::isdigit(static_cast<unsigned char>(bounded[0]))) {
        out.problem = "is a bound, not a share";
        return out;
    }
    if (kind != ImpactKey::none && kind != ImpactKey::summary && says_everyone(rest)) {
        out.share_pct = 100.0;
        return out;
    }
    strip_word(rest, kApproximately);
    const std::string spelled = percent_sign(rest);
    const std::string_view text = spelled;
    if (is_range(text)) {
        out.problem = "is a range, not a share";
        return out;
    }
    // A '%' or a fraction of people written out is a share under any key.
    if (const auto share = users_share_in(text)) {
        out.share_pct = share;
        return out;
    }
    if (!text.empty() && text.back() == '%') {
        if (const auto value = plain_number(text.substr(0, text.size() - 1))) {
            if (*value <= 100) {
                out.share_pct = value;
            } else {
                out.problem = fmt::format("{}% is more than 100%", *value);
            }
            return out;
        }
    }
    const bool share_key =
        kind == ImpactKey::share || kind == ImpactKey::share_either || kind == ImpactKey::fraction;
    if (const auto fraction = written_fraction(text, share_key)) {
        out.share_pct = fraction;
        return out;
    }
    const auto number = plain_number(text);
    switch (kind) {
        case ImpactKey::share:
            if (number && *number <= 100) {
                out.share_pct = number;
            } else {
                out.problem = "is not a percentage from 0 to 100";
            }
            break;
        case ImpactKey::share_either:
            if (number && *number < 1 && text.find('.') != std::string_view::npos) {
                out.problem = "could be a fraction or a percentage";
            } else if (number && *number <= 100) {
                out.share_pct = number;
            } else {
                out.problem = "is not a percentage from 0 to 100";
            }
            break;
        case ImpactKey::fraction:
            if (number && *number <= 1) {
                // 0.3 * 100 is 30.000000000000004 in binary: a share is kept to a millionth.
                out.share_pct = std::round(*number * 100 * 1e6) / 1e6;
            } else {
                out.problem = "is not a fraction from 0 to 1";
            }
            break;
        case ImpactKey::people:
            out.count = count_in(text);
            break;
        case ImpactKey::affected:  // a share only from '%' or people written out, read above
        case ImpactKey::none:
        case ImpactKey::summary:
            break;
    }
    return out;
}

}  // namespace hindsight
