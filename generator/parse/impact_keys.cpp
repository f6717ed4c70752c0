// Reading the words of a key ("affectedUsersPct" is affected, users, pct) and the value under it.
#include "parse/impact_keys.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
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

}  // namespace

ImpactKey impact_key(std::string_view key, bool inside_impact) {
    const auto words = key_words(key);
    if (words.empty()) {
        return ImpactKey::none;
    }
    if (inside_impact &&
        any_of_words(words, {"summary", "description", "details", "detail", "text", "desc", "notes",
                             "what"}) &&
        !names_people(words)) {
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
    return ImpactKey::none;
}

ImpactValue read_impact_value(ImpactKey kind, std::string_view written) {
    ImpactValue out;
    const std::string_view text = trim(written);
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
        case ImpactKey::none:
        case ImpactKey::summary:
            break;
    }
    return out;
}

}  // namespace hindsight
