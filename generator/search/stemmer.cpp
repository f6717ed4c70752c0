// The Porter stemmer of lunr.js, regex by regex. Each of lunr's regular expressions is replaced by
// a function with the same matches; the comments quote the regex.
#include "search/stemmer.hpp"

#include <array>
#include <optional>
#include <string_view>
#include <vector>

namespace hindsight::search {
namespace {

using Word = std::u16string;
using View = std::u16string_view;

bool is_aeiou(char16_t c) {
    return c == u'a' || c == u'e' || c == u'i' || c == u'o' || c == u'u';
}
bool is_aeiouy(char16_t c) {
    return is_aeiou(c) || c == u'y';
}
// JavaScript's '.' excludes the line terminators. Only array elements can contain them.
bool is_line_terminator(char16_t c) {
    return c == u'\n' || c == u'\r' || c == 0x2028 || c == 0x2029;
}

// --- The measure regexes, built from c = [^aeiou], v = [aeiouy], C = c[^aeiouy]*, V = v[aeiou]*.
// They are only ever tested, never captured from, so whether one matches is all that counts:
// the set of positions the pattern can reach after each part (an NFA walk) answers that exactly,
// whatever order a backtracking engine would try the alternatives in.
class Reach {
  public:
    explicit Reach(View word) : word_(word), at_(word.size() + 1, false) { at_[0] = true; }

    // One unit matching `test`.
    template <typename Test>
    Reach& one(Test test) {
        for (std::size_t p = word_.size(); p-- > 0;) {
            at_[p + 1] = at_[p] && test(word_[p]);
        }
        at_[0] = false;
        return *this;
    }
    // Any number of units matching `test` (greedy or not: reachability is the same).
    template <typename Test>
    Reach& any(Test test) {
        for (std::size_t p = 0; p < word_.size(); ++p) {
            if (at_[p] && test(word_[p])) {
                at_[p + 1] = true;
            }
        }
        return *this;
    }
    Reach& consonants() {  // C
        return one([](char16_t c) { return !is_aeiou(c); }).any([](char16_t c) {
            return !is_aeiouy(c);
        });
    }
    Reach& vowels() {  // V
        return one(is_aeiouy).any(is_aeiou);
    }
    Reach& optional_consonants() {  // (C)?
        Reach with = *this;
        with.consonants();
        return merge(with);
    }
    Reach& optional_vowels() {  // (V)?
        Reach with = *this;
        with.vowels();
        return merge(with);
    }
    bool anywhere() const {  // no '$': some prefix matched
        for (const bool reached : at_) {
            if (reached) {
                return true;
            }
        }
        return false;
    }
    bool at_end() const { return at_.back(); }  // '$'

  private:
    Reach& merge(const Reach& other) {
        for (std::size_t p = 0; p < at_.size(); ++p) {
            at_[p] = at_[p] || other.at_[p];
        }
        return *this;
    }

    View word_;
    std::vector<bool> at_;
};

// mgr0 = ^(C)?VC: measure > 0.
bool measure_above_0(View w) {
    return Reach(w).optional_consonants().vowels().consonants().anywhere();
}
// meq1 = ^(C)?VC(V)?$: measure = 1.
bool measure_is_1(View w) {
    return Reach(w).optional_consonants().vowels().consonants().optional_vowels().at_end();
}
// mgr1 = ^(C)?VCVC: measure > 1.
bool measure_above_1(View w) {
    return Reach(w).optional_consonants().vowels().consonants().vowels().consonants().anywhere();
}
// s_v = ^(C)?v: the stem has a vowel.
bool has_vowel(View w) {
    return Reach(w).optional_consonants().one(is_aeiouy).anywhere();
}
// re4_1b_2 = re3_5 = ^C v [^aeiouwxy]$: consonants, one vowel, one consonant other than w, x, y.
bool is_cvc(View w) {
    return Reach(w)
        .consonants()
        .one(is_aeiouy)
        .one([](char16_t c) { return !is_aeiou(c) && c != u'w' && c != u'x' && c != u'y'; })
        .at_end();
}

// --- The capturing regexes all have the shape ^(.+?)(alternatives)$. The lazy stem is tried
// shortest first, so the match is the longest listed suffix that leaves a non-empty stem; then
// '.' requires that stem to hold no line terminator (a longer stem would hold it too).
struct Split {
    View stem;
    View suffix;
};

bool stem_is_dots(View stem) {
    if (stem.empty()) {
        return false;
    }
    for (const char16_t c : stem) {
        if (is_line_terminator(c)) {
            return false;
        }
    }
    return true;
}

struct Rule {
    View suffix;
    View replacement;
};

View suffix_of(View suffix) {
    return suffix;
}
View suffix_of(const Rule& rule) {
    return rule.suffix;
}

template <typename Suffixes>
std::optional<Split> split_suffix(View w, const Suffixes& suffixes) {
    std::optional<Split> best;
    for (const auto& entry : suffixes) {
        const View suffix = suffix_of(entry);
        if (w.size() > suffix.size() && w.ends_with(suffix) &&
            (!best || suffix.size() > best->suffix.size())) {
            best = Split{w.substr(0, w.size() - suffix.size()), suffix};
        }
    }
    if (best && !stem_is_dots(best->stem)) {
        return std::nullopt;
    }
    return best;
}

// w.replace(/.$/, ""): drops the last unit unless it is a line terminator.
void drop_last(Word& w) {
    if (!w.empty() && !is_line_terminator(w.back())) {
        w.pop_back();
    }
}

constexpr std::array<Rule, 21> kStep2 = {
    {{u"ational", u"ate"}, {u"tional", u"tion"}, {u"enci", u"ence"},   {u"anci", u"ance"},
     {u"izer", u"ize"},    {u"bli", u"ble"},     {u"alli", u"al"},     {u"entli", u"ent"},
     {u"eli", u"e"},       {u"ousli", u"ous"},   {u"ization", u"ize"}, {u"ation", u"ate"},
     {u"ator", u"ate"},    {u"alism", u"al"},    {u"iveness", u"ive"}, {u"fulness", u"ful"},
     {u"ousness", u"ous"}, {u"aliti", u"al"},    {u"iviti", u"ive"},   {u"biliti", u"ble"},
     {u"logi", u"log"}}};

constexpr std::array<Rule, 7> kStep3 = {{{u"icate", u"ic"},
                                         {u"ative", u""},
                                         {u"alize", u"al"},
                                         {u"iciti", u"ic"},
                                         {u"ical", u"ic"},
                                         {u"ful", u""},
                                         {u"ness", u""}}};

constexpr std::array<View, 18> kStep4 = {u"al",   u"ance", u"ence",  u"er",   u"ic",  u"able",
                                         u"ible", u"ant",  u"ement", u"ment", u"ent", u"ou",
                                         u"ism",  u"ate",  u"iti",   u"ous",  u"ive", u"ize"};

template <std::size_t N>
View replacement_for(const std::array<Rule, N>& rules, View suffix) {
    for (const Rule& rule : rules) {
        if (rule.suffix == suffix) {
            return rule.replacement;
        }
    }
    return {};
}

// Step 1a: re_1a = ^(.+?)(ss|i)es$ (sses -> ss, ies -> i), else re2_1a = ^(.+?)([^s])s$.
void step_1a(Word& w) {
    static constexpr std::array<View, 2> kEs = {u"sses", u"ies"};
    if (const auto split = split_suffix(w, kEs)) {
        w.resize(w.size() - 2);
        return;
    }
    // ([^s]) is a class, so it may be any unit but 's', a line terminator included.
    if (w.size() >= 3 && w.back() == u's' && w[w.size() - 2] != u's' &&
        stem_is_dots(View(w).substr(0, w.size() - 2))) {
        w.pop_back();
    }
}

// Step 1b: re_1b = ^(.+?)eed$, else re2_1b = ^(.+?)(ed|ing)$ and its three repairs.
void step_1b(Word& w) {
    static constexpr std::array<View, 1> kEed = {u"eed"};
    if (const auto split = split_suffix(w, kEed)) {
        if (measure_above_0(split->stem)) {
            drop_last(w);
        }
        return;
    }
    static constexpr std::array<View, 2> kEdIng = {u"ed", u"ing"};
    const auto split = split_suffix(w, kEdIng);
    if (!split || !has_vowel(split->stem)) {
        return;
    }
    w.resize(split->stem.size());
    const View stem = w;
    if (stem.ends_with(u"at") || stem.ends_with(u"bl") || stem.ends_with(u"iz")) {  // (at|bl|iz)$
        w += u'e';
    } else if (stem.size() >= 2 && stem.back() == stem[stem.size() - 2] &&
               !is_aeiouy(stem.back()) && stem.back() != u'l' && stem.back() != u's' &&
               stem.back() != u'z') {  // ([^aeiouylsz])\1$
        drop_last(w);
    } else if (is_cvc(stem)) {
        w += u'e';
    }
}

// Step 1c: re_1c = ^(.+?[^aeiou])y$: y -> i after a non-vowel that is not the first unit.
void step_1c(Word& w) {
    if (w.size() >= 3 && w.back() == u'y' && !is_aeiou(w[w.size() - 2]) &&
        stem_is_dots(View(w).substr(0, w.size() - 2))) {
        w.back() = u'i';
    }
}

// Steps 2 and 3: the longest listed suffix, replaced when the stem's measure is above 0.
template <std::size_t N>
void replace_suffix(Word& w, const std::array<Rule, N>& rules) {
    const auto split = split_suffix(w, rules);
    if (split && measure_above_0(split->stem)) {
        const Word replacement(replacement_for(rules, split->suffix));
        w.resize(split->stem.size());
        w += replacement;
    }
}

// Step 4: re_4 strips a suffix when measure > 1; only when re_4 matches nothing at all does
// re2_4 = ^(.+?)(s|t)(ion)$ get tried.
void step_4(Word& w) {
    if (const auto split = split_suffix(w, kStep4)) {
        if (measure_above_1(split->stem)) {
            w.resize(split->stem.size());
        }
        return;
    }
    static constexpr std::array<View, 2> kIon = {u"sion", u"tion"};
    if (const auto split = split_suffix(w, kIon)) {
        const View stem = View(w).substr(0, split->stem.size() + 1);  // keeps the s or t
        if (measure_above_1(stem)) {
            w.resize(stem.size());
        }
    }
}

// Step 5: re_5 = ^(.+?)e$ drops a final e, then re_5_1 = ll$ turns ll into l, both by measure.
void step_5(Word& w) {
    static constexpr std::array<View, 1> kE = {u"e"};
    if (const auto split = split_suffix(w, kE)) {
        const View stem = split->stem;
        if (measure_above_1(stem) || (measure_is_1(stem) && !is_cvc(stem))) {
            w.resize(stem.size());
        }
    }
    if (w.ends_with(u"ll") && measure_above_1(w)) {
        drop_last(w);
    }
}

}  // namespace

std::u16string stem(std::u16string w) {
    if (w.size() < 3) {
        return w;
    }
    // An initial y is a consonant: 'Y' is in [^aeiou] but not in v = [aeiouy].
    const bool initial_y = w[0] == u'y';
    if (initial_y) {
        w[0] = u'Y';
    }
    step_1a(w);
    step_1b(w);
    step_1c(w);
    replace_suffix(w, kStep2);
    replace_suffix(w, kStep3);
    step_4(w);
    step_5(w);
    // Every rule keeps a non-empty stem, so the first unit is still the 'Y' set above.
    if (initial_y) {
        w[0] = u'y';
    }
    return w;
}

}  // namespace hindsight::search
