// The Porter stemmer of lunr.js, regex by regex. Each of lunr's regular expressions is replaced by
// a function with the same matches; the comments quote the regex.
#include "search/stemmer.hpp"

#include <array>
#include <cstdint>
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
//
// Two walks of the same patterns: WordReach for words of any length, a position per bool, and
// BitReach for words under 64 units, a position per bit, each part a few instructions on the
// whole set at once. Stemming runs on every distinct token, and the bool walk allocates on each
// test.
class WordReach {
  public:
    explicit WordReach(View word) : word_(word), at_(word.size() + 1, false) { at_[0] = true; }

    WordReach& consonants() {  // C
        return one([](char16_t c) { return !is_aeiou(c); }).any([](char16_t c) {
            return !is_aeiouy(c);
        });
    }
    WordReach& vowels() {  // V
        return one(is_aeiouy).any(is_aeiou);
    }
    WordReach& vowel() {  // v
        return one(is_aeiouy);
    }
    WordReach& cvc_last() {  // [^aeiouwxy]
        return one([](char16_t c) { return !is_aeiou(c) && c != u'w' && c != u'x' && c != u'y'; });
    }
    WordReach& optional_consonants() {  // (C)?
        WordReach with = *this;
        with.consonants();
        return merge(with);
    }
    WordReach& optional_vowels() {  // (V)?
        WordReach with = *this;
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
    // One unit matching `test`.
    template <typename Test>
    WordReach& one(Test test) {
        for (std::size_t p = word_.size(); p-- > 0;) {
            at_[p + 1] = at_[p] && test(word_[p]);
        }
        at_[0] = false;
        return *this;
    }
    // Any number of units matching `test` (greedy or not: reachability is the same).
    template <typename Test>
    WordReach& any(Test test) {
        for (std::size_t p = 0; p < word_.size(); ++p) {
            if (at_[p] && test(word_[p])) {
                at_[p + 1] = true;
            }
        }
        return *this;
    }
    WordReach& merge(const WordReach& other) {
        for (std::size_t p = 0; p < at_.size(); ++p) {
            at_[p] = at_[p] || other.at_[p];
        }
        return *this;
    }

    View word_;
    std::vector<bool> at_;
};

// Bit p of at_ is position p; bit p of a class mask says that unit p is in the class.
class BitReach {
  public:
    static constexpr std::size_t kMaxSize = 63;  // positions 0..size in 64 bits

    explicit BitReach(View word) : end_(std::uint64_t{1} << word.size()) {
        for (std::size_t p = 0; p < word.size(); ++p) {
            const char16_t c = word[p];
            const std::uint64_t bit = std::uint64_t{1} << p;
            aeiou_ |= is_aeiou(c) ? bit : 0;
            aeiouy_ |= is_aeiouy(c) ? bit : 0;
            cvc_last_ |= !is_aeiou(c) && c != u'w' && c != u'x' && c != u'y' ? bit : 0;
        }
    }

    BitReach& consonants() {  // C
        return one(~aeiou_ & (end_ - 1)).any(~aeiouy_ & (end_ - 1));
    }
    BitReach& vowels() {  // V
        return one(aeiouy_).any(aeiou_);
    }
    BitReach& vowel() {  // v
        return one(aeiouy_);
    }
    BitReach& cvc_last() {  // [^aeiouwxy]
        return one(cvc_last_);
    }
    BitReach& optional_consonants() {  // (C)?
        const std::uint64_t without = at_;
        consonants();
        at_ |= without;
        return *this;
    }
    BitReach& optional_vowels() {  // (V)?
        const std::uint64_t without = at_;
        vowels();
        at_ |= without;
        return *this;
    }
    bool anywhere() const { return at_ != 0; }
    bool at_end() const { return (at_ & end_) != 0; }

  private:
    // One unit in `units`: each reached position whose unit is in the class moves one on.
    BitReach& one(std::uint64_t units) {
        at_ = (at_ & units) << 1;
        return *this;
    }
    // Any number of units in `units`: from each reached position in a run of such units, every
    // later position of the run and the one after it. Adding the reached bits to the runs
    // carries from the first reached bit of a run to just past its end; the bits the carry
    // changed, with the reached ones, are those positions. Runs end below bit 63, so no carry
    // leaves the word.
    BitReach& any(std::uint64_t units) {
        const std::uint64_t from = at_ & units;
        at_ |= ((units + from) ^ units) | from;
        return *this;
    }

    std::uint64_t end_;  // the bit of the position after the last unit
    std::uint64_t at_ = 1;
    std::uint64_t aeiou_ = 0;
    std::uint64_t aeiouy_ = 0;
    std::uint64_t cvc_last_ = 0;
};

// Runs a test with the walk that fits the word.
template <typename Test>
bool reach(View w, Test test) {
    return w.size() <= BitReach::kMaxSize ? test(BitReach(w)) : test(WordReach(w));
}

// mgr0 = ^(C)?VC: measure > 0.
bool measure_above_0(View w) {
    return reach(w,
                 [](auto r) { return r.optional_consonants().vowels().consonants().anywhere(); });
}
// meq1 = ^(C)?VC(V)?$: measure = 1.
bool measure_is_1(View w) {
    return reach(w, [](auto r) {
        return r.optional_consonants().vowels().consonants().optional_vowels().at_end();
    });
}
// mgr1 = ^(C)?VCVC: measure > 1.
bool measure_above_1(View w) {
    return reach(w, [](auto r) {
        return r.optional_consonants().vowels().consonants().vowels().consonants().anywhere();
    });
}
// s_v = ^(C)?v: the stem has a vowel.
bool has_vowel(View w) {
    return reach(w, [](auto r) { return r.optional_consonants().vowel().anywhere(); });
}
// re4_1b_2 = re3_5 = ^C v [^aeiouwxy]$: consonants, one vowel, one consonant other than w, x, y.
bool is_cvc(View w) {
    return reach(w, [](auto r) { return r.consonants().vowel().cvc_last().at_end(); });
}

// --- The capturing regexes all have the shape ^(.+?)(alternatives)$. The lazy stem is tried
// shortest first, so the match is the longest listed suffix that leaves a non-empty stem; then
// '.' requires that stem to hold no line terminator (a longer stem would hold it too).

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

// Which entry's suffix the regex matches, or -1. An index rather than the split itself: the
// two views in an optional came back through memory, with a store-forwarding stall each time.
template <typename Suffixes>
int longest_suffix(View w, const Suffixes& suffixes) {
    int best = -1;
    std::size_t best_size = 0;  // suffixes are never empty; the first of equal lengths wins
    for (std::size_t i = 0; i < suffixes.size(); ++i) {
        const View suffix = suffix_of(suffixes[i]);
        if (suffix.size() > best_size && w.size() > suffix.size() && w.back() == suffix.back() &&
            w.ends_with(suffix)) {
            best = static_cast<int>(i);
            best_size = suffix.size();
        }
    }
    if (best >= 0 && !stem_is_dots(w.substr(0, w.size() - best_size))) {
        return -1;
    }
    return best;
}

// The stem left by the suffix longest_suffix found.
template <typename Suffixes>
View stem_before(View w, const Suffixes& suffixes, int which) {
    return w.substr(0, w.size() - suffix_of(suffixes[static_cast<std::size_t>(which)]).size());
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

// Step 1a: re_1a = ^(.+?)(ss|i)es$ (sses -> ss, ies -> i), else re2_1a = ^(.+?)([^s])s$.
void step_1a(Word& w) {
    static constexpr std::array<View, 2> kEs = {u"sses", u"ies"};
    if (longest_suffix(w, kEs) >= 0) {
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
    if (const int eed = longest_suffix(w, kEed); eed >= 0) {
        if (measure_above_0(stem_before(w, kEed, eed))) {
            drop_last(w);
        }
        return;
    }
    static constexpr std::array<View, 2> kEdIng = {u"ed", u"ing"};
    const int ed_ing = longest_suffix(w, kEdIng);
    if (ed_ing < 0 || !has_vowel(stem_before(w, kEdIng, ed_ing))) {
        return;
    }
    w.resize(stem_before(w, kEdIng, ed_ing).size());
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
    const int rule = longest_suffix(w, rules);
    if (rule >= 0 && measure_above_0(stem_before(w, rules, rule))) {
        w.resize(stem_before(w, rules, rule).size());
        w += rules[static_cast<std::size_t>(rule)].replacement;
    }
}

// Step 4: re_4 strips a suffix when measure > 1; only when re_4 matches nothing at all does
// re2_4 = ^(.+?)(s|t)(ion)$ get tried.
void step_4(Word& w) {
    if (const int suffix = longest_suffix(w, kStep4); suffix >= 0) {
        const View stem = stem_before(w, kStep4, suffix);
        if (measure_above_1(stem)) {
            w.resize(stem.size());
        }
        return;
    }
    static constexpr std::array<View, 2> kIon = {u"sion", u"tion"};
    if (const int ion = longest_suffix(w, kIon); ion >= 0) {
        const View stem = View(w).substr(0, stem_before(w, kIon, ion).size() + 1);  // keeps s or t
        if (measure_above_1(stem)) {
            w.resize(stem.size());
        }
    }
}

// Step 5: re_5 = ^(.+?)e$ drops a final e, then re_5_1 = ll$ turns ll into l, both by measure.
void step_5(Word& w) {
    static constexpr std::array<View, 1> kE = {u"e"};
    if (const int e = longest_suffix(w, kE); e >= 0) {
        const View stem = stem_before(w, kE, e);
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
