// Keyword classification of root-cause text; the words found are kept as the explanation.
#include "extract/causes.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/text.hpp"

namespace hindsight {
namespace {

// Occurrences of a keyword at a word start ("misconfigur" matches "misconfigured").
int count_hits(std::string_view text, std::string_view keyword) {
    int hits = 0;
    for (std::size_t pos = text.find(keyword); pos != std::string_view::npos;
         pos = text.find(keyword, pos + 1)) {
        if (pos == 0 || !std::isalnum(static_cast<unsigned char>(text[pos - 1]))) {
            ++hits;
        }
    }
    return hits;
}

// count_hits for every keyword at once. Searching the text once per keyword read a
// postmortem's text a few hundred times; here each word start is tried against the keywords
// that begin with its first byte, which finds the same occurrences: every position where a
// keyword is written and that starts a word. (An empty keyword, which occurs everywhere, is
// left to count_hits.)
std::vector<int> count_all_hits(std::string_view text, const std::vector<std::string>& keywords) {
    std::vector<int> hits(keywords.size(), 0);
    std::vector<std::size_t> order;  // the non-empty keywords, by first byte
    order.reserve(keywords.size());
    for (std::size_t k = 0; k < keywords.size(); ++k) {
        if (keywords[k].empty()) {
            hits[k] = count_hits(text, keywords[k]);
        } else {
            order.push_back(k);
        }
    }
    const auto first_byte = [&](std::size_t k) {
        return static_cast<unsigned char>(keywords[k].front());
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return first_byte(a) < first_byte(b); });
    std::array<std::size_t, 257> starts{};  // order[starts[b], starts[b + 1]) begin with byte b
    for (const std::size_t k : order) {
        ++starts[first_byte(k) + 1];
    }
    for (std::size_t b = 1; b < starts.size(); ++b) {
        starts[b] += starts[b - 1];
    }
    for (std::size_t pos = 0; pos < text.size(); ++pos) {
        if (pos > 0 && std::isalnum(static_cast<unsigned char>(text[pos - 1]))) {
            continue;
        }
        const auto b = static_cast<unsigned char>(text[pos]);
        for (std::size_t i = starts[b]; i < starts[b + 1]; ++i) {
            const std::string& keyword = keywords[order[i]];
            if (text.compare(pos, keyword.size(), keyword) == 0) {
                ++hits[order[i]];
            }
        }
    }
    return hits;
}

struct Scored {
    CauseTrigger trigger;
    int hits = 0;
    std::size_t first = 0;
    bool mechanism = false;
};

}  // namespace

std::vector<CauseTrigger> classify_causes(std::string_view text, const Taxonomy& taxonomy) {
    const std::string lower = to_lower_ascii(text);
    std::vector<Scored> scored;
    std::vector<std::string> words;
    for (const auto& cause : taxonomy.causes) {
        for (const auto& keyword : cause.keywords) {
            words.push_back(to_lower_ascii(keyword));
        }
    }
    const std::vector<int> counts = count_all_hits(lower, words);
    std::size_t next_word = 0;
    for (const auto& cause : taxonomy.causes) {
        Scored s;
        s.trigger.cause = cause.key;
        s.mechanism = cause.mechanism;
        s.first = lower.size();
        for (const auto& keyword : cause.keywords) {
            const std::string& word = words[next_word];
            const int hits = counts[next_word++];
            if (hits > 0) {
                s.hits += hits;
                s.trigger.words.push_back(keyword);
                s.first = std::min(s.first, lower.find(word));
            }
        }
        if (s.hits > 0) {
            scored.push_back(std::move(s));
        }
    }
    std::stable_sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
        if (a.mechanism != b.mechanism) {
            return a.mechanism;
        }
        if (a.hits != b.hits) {
            return a.hits > b.hits;
        }
        return a.first < b.first;
    });
    std::vector<CauseTrigger> result;
    for (auto& s : scored) {
        result.push_back(std::move(s.trigger));
    }
    return result;
}

namespace {

ExtractedCauses causes_in(const std::vector<SourceLine>& lines,
                          const std::vector<LineContext>& contexts, const Taxonomy& taxonomy,
                          int line_offset, bool read_quotes) {
    ExtractedCauses result;
    // The root-cause part, and lines labelled "Root cause:" wherever they stand; without
    // either, the summary (many short postmortems say the cause there and nowhere else), and
    // last the whole text bar the timeline and the plans.
    for (const unsigned wanted : {unsigned(kRootCause), unsigned(kSummary | kImpact), ~0u}) {
        std::string text;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const auto& line = lines[i];
            if (line.kind == LineKind::code || (line.in_quote && !read_quotes)) {
                continue;
            }
            const bool labelled = contexts[i].label.find("cause") != std::string::npos;
            const bool in_part = ((contexts[i].section & wanted) != 0 || wanted == ~0u) &&
                                 (contexts[i].section & (kActions | kLessons | kTimeline)) == 0;
            if (!labelled && !in_part) {
                continue;
            }
            if (result.from.line == 0) {
                result.from = {line.line + line_offset, line.text};
            }
            text += line.text;
            text += '\n';
        }
        if (!text.empty()) {
            auto found = classify_causes(text, taxonomy);
            // Only a component ("the release", "the database") is no mechanism yet: the wider
            // text is read too, and its mechanisms go first.
            const bool mechanism = std::any_of(found.begin(), found.end(), [&](const auto& t) {
                const auto* cause = taxonomy.find(t.cause);
                return cause != nullptr && cause->mechanism;
            });
            for (auto& earlier : result.causes) {
                const bool again = std::any_of(found.begin(), found.end(), [&](const auto& t) {
                    return t.cause == earlier.cause;
                });
                if (!again) {
                    found.push_back(std::move(earlier));
                }
            }
            result.causes = std::move(found);
            if (mechanism || wanted == ~0u) {
                if (result.causes.size() > kMaxInferredCauses) {
                    result.causes.resize(kMaxInferredCauses);
                }
                if (result.causes.empty()) {
                    result.from = {};
                }
                return result;
            }
            continue;
        }
        if (result.causes.empty()) {
            result.from = {};
        }
    }
    return result;
}

}  // namespace

ExtractedCauses extract_causes(const std::vector<SourceLine>& lines,
                               const std::vector<LineContext>& contexts, const Taxonomy& taxonomy,
                               int line_offset) {
    // Quoted lines are most often chat or a customer's words; but a template whose answers
    // are all written in its block quotes ("> too many pizzas were ordered at once") says its
    // cause nowhere else. They are read when the rest of the text names no cause.
    auto result = causes_in(lines, contexts, taxonomy, line_offset, false);
    if (result.causes.empty()) {
        result = causes_in(lines, contexts, taxonomy, line_offset, true);
    }
    return result;
}

}  // namespace hindsight
