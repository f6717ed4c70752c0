// Users-affected extraction: explicit shares first, then "all users" in impact statements.
#include "extract/impact.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>

#include "core/text.hpp"
#include "extract/lexicon.hpp"

namespace hindsight {

bool is_people_word(std::string_view word) {
    for (const auto noun : {"users", "user", "customers", "customer", "subscribers", "clients",
                            "client", "visitors", "students", "members", "merchants", "accounts",
                            "userbase", "players", "people", "shoppers", "learners", "tenants"}) {
        if (word == noun) {
            return true;
        }
    }
    return false;
}

namespace {

std::vector<std::string> words_after(std::string_view text, std::size_t pos, int count) {
    std::vector<std::string> words;
    std::string word;
    for (std::size_t i = pos; i < text.size() && static_cast<int>(words.size()) < count; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (std::isalpha(c)) {
            word += static_cast<char>(std::tolower(c));
        } else if (c == '.' || c == ';' || c == '!' || c == '?') {
            break;  // the sentence is over
        } else if (!word.empty()) {
            words.push_back(word);
            word.clear();
        }
    }
    if (!word.empty() && static_cast<int>(words.size()) < count) {
        words.push_back(word);
    }
    return words;
}

bool is_filler(std::string_view word) {
    for (const auto filler :
         {"of",     "the",    "our",   "all",    "active", "total",  "registered",
          "global", "its",    "their", "impact", "on",     "your",   "daily",
          "online", "logged", "in",    "mobile", "web",    "paying", "end"}) {
        if (word == filler) {
            return true;
        }
    }
    return false;
}

// The number written just before position `percent` ("30", "7.5", "30 "), or nothing.
std::optional<double> number_before(std::string_view text, std::size_t percent) {
    std::size_t end = percent;
    while (end > 0 && text[end - 1] == ' ') {
        --end;
    }
    std::size_t begin = end;
    while (begin > 0 &&
           (std::isdigit(static_cast<unsigned char>(text[begin - 1])) || text[begin - 1] == '.')) {
        --begin;
    }
    if (begin == end || text[begin] == '.' || end - begin > 6) {
        return std::nullopt;
    }
    return std::stod(std::string(text.substr(begin, end - begin)));
}

// Words that make a percentage about something other than people, even when "users"
// follows: "20% of requests from users", "30% of traffic for customers".
bool is_not_people(std::string_view word) {
    for (const auto noun : {"requests",     "request",      "traffic",
                            "errors",       "error",        "calls",
                            "queries",      "transactions", "cpu",
                            "memory",       "disk",         "capacity",
                            "from",         "by",           "to",
                            "with",         "for",          "degradation",
                            "increase",     "decrease",     "drop",
                            "load",         "of",           "packets",
                            "jobs",         "pods",         "servers",
                            "nodes",        "instances",    "disruption",
                            "outage",       "downtime",     "unavailability",
                            "availability", "uptime",       "impact",
                            "loss"}) {
        if (word == noun) {
            return true;
        }
    }
    return false;
}

bool refers_to_people(std::string_view text, std::size_t after) {
    int unknown = 0;
    const auto words = words_after(text, after, 6);
    for (std::size_t i = 0; i < words.size(); ++i) {
        const auto& word = words[i];
        if (is_people_word(word)) {
            return true;
        }
        const bool impact_on = word == "impact" && i + 1 < words.size() && words[i + 1] == "on";
        if ((is_filler(word) && !(word == "of" && i > 0) && word != "impact") || impact_on) {
            continue;
        }
        // "20% of website visitors": up to two describing words before the people.
        if (is_not_people(word) || ++unknown > 2) {
            return false;
        }
    }
    return false;
}

bool is_impact_statement(std::string_view lower) {
    for (const auto word : {"affect", "impact", "unable", "could not", "couldn", "cannot", "can't",
                            "experienc", "unavailable", "inaccessible", "outage", "disruption",
                            "down", "error", "failed", "broken"}) {
        if (lower.find(word) != std::string_view::npos) {
            return true;
        }
    }
    return false;
}

// The sentence of `lower` around position `at`.
std::string_view sentence_at(std::string_view lower, std::size_t at) {
    const auto begin = lower.find_last_of(".;!?", at);
    const auto end = lower.find_first_of(".;!?", at);
    const std::size_t from = begin == std::string_view::npos ? 0 : begin + 1;
    return lower.substr(from, end == std::string_view::npos ? end : end - from);
}

// "All users" said of the impact: in a sentence that says something broke ("it affected every
// user"), not in one about a remedy ("requiring all users with elevated privileges to...").
bool says_all_users_affected(std::string_view lower, bool impact_part) {
    for (const std::string_view phrase : {"all users",
                                          "all of our users",
                                          "all our users",
                                          "all customers",
                                          "all of our customers",
                                          "all our customers",
                                          "all the users",
                                          "every user",
                                          "every customer",
                                          "everyone",
                                          "all clients",
                                          "all of our clients",
                                          "customers impacted | all",
                                          "all subscribers",
                                          "no one was able",
                                          "no one could",
                                          "nobody was able",
                                          "nobody could",
                                          "global outage",
                                          "total outage",
                                          "complete outage",
                                          "total service outage",
                                          "complete service outage",
                                          "full outage"}) {
        for (auto at = lower.find(phrase); at != std::string_view::npos;
             at = lower.find(phrase, at + 1)) {
            if (phrase == "everyone" && !impact_part) {
                break;
            }
            const bool says_impact = phrase == "customers impacted | all" ||
                                     phrase.starts_with("no one") || phrase.starts_with("nobody") ||
                                     phrase.ends_with("outage");
            if (says_impact || is_impact_statement(sentence_at(lower, at))) {
                return true;
            }
        }
    }
    return false;
}

// "The issue affected 100% of traffic", "78% of requests failed", "all requests to the service
// failed": a share of the traffic or requests, which stands for the users when the text gives
// no share of users (labelling.md). Only in a sentence that says something broke, and never an
// error rate.
std::optional<double> request_share_in(std::string_view line) {
    if (line.find('%') == std::string_view::npos && line.find("equest") == std::string_view::npos) {
        return std::nullopt;  // neither a share nor "all requests": most lines, cheaply
    }
    const std::string lower = to_lower_ascii(line);
    const auto broke = [&](std::size_t at) {
        const auto sentence = sentence_at(lower, at);
        return is_impact_statement(sentence) &&
               sentence.find("error rate") == std::string_view::npos;
    };
    const auto is_requests = [](std::string_view word) {
        return word == "traffic" || word == "requests";
    };
    for (std::size_t pos = lower.find('%'); pos != std::string::npos;
         pos = lower.find('%', pos + 1)) {
        const auto value = number_before(lower, pos);
        if (!value || *value > 100) {
            continue;
        }
        const auto words = words_after(lower, pos + 1, 4);
        if (words.empty() || words[0] != "of") {
            continue;
        }
        for (std::size_t i = 1; i < words.size(); ++i) {
            if (is_requests(words[i])) {
                if (broke(pos)) {
                    return value;
                }
                break;
            }
            if (words[i] != "all" && words[i] != "the" && words[i] != "our" &&
                words[i] != "incoming" && words[i] != "http" && words[i] != "api") {
                break;
            }
        }
    }
    // "All HTTP requests ... returned an internal server error": the failure follows them.
    for (const std::string_view phrase : {"all requests", "all http requests", "all api requests",
                                          "all incoming requests", "every request"}) {
        const auto at = lower.find(phrase);
        if (at != std::string::npos) {
            const auto sentence = sentence_at(lower, at);
            const auto after =
                sentence.substr(at + phrase.size() - (sentence.data() - lower.data()));
            if (is_impact_statement(after) && after.find("error rate") == std::string_view::npos) {
                return 100.0;
            }
        }
    }
    return std::nullopt;
}

int small_number(std::string_view word) {
    if (const auto value = number_word(word)) {
        return *value;
    }
    if (!word.empty() && word.size() <= 3 &&
        word.find_first_not_of("0123456789") == std::string_view::npos) {
        return std::stoi(std::string(word));
    }
    return 0;
}

}  // namespace

std::optional<double> users_share_in(std::string_view line) {
    for (std::size_t pos = line.find('%'); pos != std::string_view::npos;
         pos = line.find('%', pos + 1)) {
        const auto value = number_before(line, pos);
        if (!value || *value > 100 || !refers_to_people(line, pos + 1)) {
            continue;
        }
        double total = *value;
        // Tiers: "78% of users saw an outage, while the remaining 22% ..."
        const std::string lower = to_lower_ascii(line.substr(pos));
        const auto remaining = lower.find("remaining");
        if (remaining != std::string::npos) {
            const auto next = lower.find('%', remaining);
            if (next != std::string::npos && next - remaining < 20) {
                if (const auto more = number_before(lower, next)) {
                    total += *more;
                }
            }
        }
        return std::min(total, 100.0);
    }
    // "1 in 4 users", "one in four customers"
    if (line.find(" in ") == std::string_view::npos) {
        return std::nullopt;
    }
    const auto words = split_words(to_lower_ascii(line));
    for (std::size_t i = 1; i + 2 < words.size(); ++i) {
        if (words[i] != "in") {
            continue;
        }
        const int part = small_number(words[i - 1]);
        const int whole = small_number(words[i + 1]);
        if (part > 0 && whole > part &&
            (is_people_word(words[i + 2]) ||
             (i + 3 < words.size() && is_filler(words[i + 2]) && is_people_word(words[i + 3])))) {
            return 100.0 * part / whole;
        }
    }
    return std::nullopt;
}

namespace {

// The cells of a table row as collect_lines writes it ("a | b | c"), trimmed and lower-cased.
std::vector<std::string> table_cells(const std::string& text) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (true) {
        const auto next = text.find(" | ", pos);
        out.push_back(to_lower_ascii(trim(text.substr(pos, next - pos))));
        if (next == std::string::npos) {
            return out;
        }
        pos = next + 3;
    }
}

// "| Customers Impacted | ... |" over "| All | ... |": a table column of people affected, given
// the cells of the table's header row.
std::optional<double> users_share_in_table(const std::vector<std::string>& names,
                                           const std::string& row) {
    const auto values = table_cells(row);
    for (std::size_t c = 0; c < names.size() && c < values.size(); ++c) {
        const auto words = split_words(names[c]);
        const bool people = std::any_of(words.begin(), words.end(),
                                        [](const std::string& w) { return is_people_word(w); });
        const bool affected = names[c].find("affected") != std::string::npos ||
                              names[c].find("impacted") != std::string::npos;
        if (!people || !affected) {
            continue;
        }
        if (values[c] == "all" || values[c] == "100%" || values[c] == "everyone") {
            return 100.0;
        }
        if (!values[c].empty() && values[c].back() == '%') {
            if (const auto value = number_before(values[c], values[c].size() - 1)) {
                return *value;
            }
        }
    }
    return std::nullopt;
}

}  // namespace

ExtractedImpact extract_users_affected(const std::vector<SourceLine>& lines,
                                       const std::vector<LineContext>& contexts, int line_offset) {
    ExtractedImpact result;
    const auto usable = [&](std::size_t i) {
        const auto& line = lines[i];
        return line.kind != LineKind::code && line.kind != LineKind::heading && !line.in_quote &&
               (contexts[i].section & (kTimeline | kActions | kLessons)) == 0;
    };
    // Every share of one pass is read: a second that disagrees with the first makes the text
    // ambiguous, and a wrong share is worse than none.
    const auto found = [&](std::size_t i, double value) {
        const Evidence here{lines[i].line + line_offset, lines[i].text};
        if (!result.users_affected_pct) {
            result.users_affected_pct = value;
            result.from = here;
        } else if (std::abs(*result.users_affected_pct - value) > 0.5 && !result.conflict) {
            result.conflict = std::make_pair(result.from, here);
            result.conflicting_values = {*result.users_affected_pct, value};
        }
    };
    const auto settled = [&] {
        if (result.conflict) {
            result.users_affected_pct.reset();
            result.from = {};
        }
        return result.users_affected_pct.has_value() || result.conflict.has_value();
    };
    // Each table row's header row (its table's first row), found in one pass and read once per
    // table: walking back to it from every row made a table of 50,000 rows quadratic.
    std::vector<std::size_t> header_of(lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const bool continues = i > 0 && lines[i].kind == LineKind::table_row &&
                               lines[i - 1].kind == LineKind::table_row;
        header_of[i] = continues ? header_of[i - 1] : i;
    }
    std::size_t cells_of = lines.size();  // the header whose cells `header_cells` holds
    std::vector<std::string> header_cells;
    // The impact and summary parts speak for the incident; elsewhere a share may be anything.
    for (const unsigned sections : {unsigned(kImpact | kSummary | kDuration), ~0u}) {
        // A share of the requests counts when the pass gives no share of users.
        std::optional<std::pair<std::size_t, double>> request_share;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (usable(i) && ((contexts[i].section & sections) != 0 || sections == ~0u ||
                              contexts[i].label.find("impact") != std::string::npos)) {
                auto share = users_share_in(lines[i].text);
                if (!share && lines[i].kind == LineKind::table_row && header_of[i] != i) {
                    if (cells_of != header_of[i]) {
                        cells_of = header_of[i];
                        header_cells = table_cells(lines[cells_of].text);
                    }
                    share = users_share_in_table(header_cells, lines[i].text);
                }
                if (share) {
                    found(i, *share);
                } else if (!request_share) {
                    if (const auto requests = request_share_in(lines[i].text)) {
                        request_share = std::make_pair(i, *requests);
                    }
                }
            }
        }
        if (!result.users_affected_pct && request_share) {
            found(request_share->first, request_share->second);
        }
        if (settled()) {
            return result;
        }
    }
    // The impact and summary parts first; elsewhere "everyone" is too loose ("educate everyone
    // that an outage is more than a bug").
    for (const bool impact_parts : {true, false}) {
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const bool impact_part = (contexts[i].section & (kImpact | kSummary)) != 0 ||
                                     contexts[i].label.find("impact") != std::string::npos;
            if (!usable(i) || (impact_parts && !impact_part)) {
                continue;
            }
            if (says_all_users_affected(to_lower_ascii(lines[i].text), impact_part)) {
                found(i, 100);
                return result;
            }
        }
    }
    settled();
    return result;
}

}  // namespace hindsight
