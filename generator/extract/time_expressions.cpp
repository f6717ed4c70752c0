// A small tokenizer and pattern matcher for the date and time forms found in real postmortems.
#include "extract/time_expressions.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstring>

#include "extract/time_zones.hpp"

namespace hindsight {
namespace {

using Token = TimeToken;
using TokenKind = TimeTokenKind;

int month_number(std::string_view word) {
    // Month names and their abbreviations are 3 to 9 letters and begin with one of eight: most
    // words are turned away here.
    if (word.size() < 3 || word.size() > 9 ||
        std::string_view("jfmasond").find(word.front()) == std::string_view::npos) {
        return 0;
    }
    static constexpr std::array<std::string_view, 12> names = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    for (std::size_t m = 0; m < names.size(); ++m) {
        if (word == names[m] ||
            (word.size() >= 3 && word.size() <= names[m].size() &&
             names[m].substr(0, word.size()) == word && (word.size() == 3 || word == "sept"))) {
            return static_cast<int>(m) + 1;
        }
    }
    return 0;
}

bool is_weekday(std::string_view word) {
    static constexpr std::array<std::string_view, 14> names = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon",    "tue",     "wed",       "thu",      "fri",    "sat",      "sun"};
    for (const auto name : names) {
        if (word == name || (word == "tues") || word == "thur" || word == "thurs") {
            return true;
        }
    }
    return false;
}

// GCC 12 reports the engaged flags of the optionals inside current_ as maybe uninitialized once
// the tokenizer is out of line (a known false positive of its std::optional analysis, GCC
// PR 105562); every read of current_ is behind a has_value check.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
class Matcher {
  public:
    explicit Matcher(std::vector<Token> tokens) : t_(std::move(tokens)) {}

    LineTimes run() {
        std::size_t i = 0;
        while (i < t_.size()) {
            std::size_t next = i;
            if (auto date = match_date(i, next)) {
                add_date(*date, i, next);
            } else if (auto time = match_time(i, next)) {
                add_time(*time, i, next);
            } else if (auto zone = match_zone(i, next)) {
                add_zone(*zone, i, next);
            } else {
                note_gap(i);
                next = i + 1;
            }
            i = next;
        }
        close();
        find_ranges();
        return std::move(out_);
    }

  private:
    const Token* at(std::size_t i) const { return i < t_.size() ? &t_[i] : nullptr; }
    bool is_symbol(std::size_t i, std::string_view s) const {
        return at(i) != nullptr && t_[i].kind == TokenKind::symbol && t_[i].text == s;
    }
    bool is_word(std::size_t i, std::string_view s) const {
        return at(i) != nullptr && t_[i].kind == TokenKind::word && t_[i].text == s;
    }
    bool is_number(std::size_t i) const {
        return at(i) != nullptr && t_[i].kind == TokenKind::number;
    }
    // A number standing alone, not part of a version ("2.14.3") or a larger figure ("1,500").
    bool is_year(std::size_t i) const {
        return is_number(i) && t_[i].digits == 4 && t_[i].value >= 1990 && t_[i].value <= 2100;
    }
    bool preceded_by_version_mark(std::size_t i) const {
        return i > 0 && ((is_symbol(i - 1, ".") && !t_[i].space_before) ||
                         (t_[i - 1].kind == TokenKind::word && t_[i - 1].text == "v" &&
                          !t_[i].space_before));
    }

    static bool valid_day(int month, int day) {
        static constexpr int lengths[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        return month >= 1 && month <= 12 && day >= 1 && day <= lengths[month - 1];
    }

    // The year that may follow a day and month, after an optional comma ("August 10, 2023",
    // "14th may 2023"): sets it and returns the token after it, else returns `at` unchanged.
    std::size_t take_year(std::size_t at, CalendarDate& date) const {
        const std::size_t m = is_symbol(at, ",") ? at + 1 : at;
        if (!is_year(m)) {
            return at;
        }
        date.year = t_[m].value;
        return m + 1;
    }

    std::optional<CalendarDate> match_date(std::size_t i, std::size_t& next) const {
        std::size_t j = i;
        if (is_number(j) && preceded_by_version_mark(j)) {
            return std::nullopt;
        }
        // Month D[th][,] [YYYY]: "August 10, 2023", "January23, 2021", "Sept. 3"
        if (at(j) && t_[j].kind == TokenKind::word) {
            const int month = month_number(t_[j].text);
            // "may" and "march" are also ordinary words; they need a day right after.
            if (month > 0) {
                std::size_t k = j + 1;
                if (is_symbol(k, ".")) {
                    ++k;
                }
                if (is_number(k) && t_[k].digits <= 2 && valid_day(month, t_[k].value) &&
                    !is_symbol(k + 1, ":") && !is_ampm(k + 1)) {
                    CalendarDate date{0, month, t_[k].value};
                    next = take_year(k + 1, date);
                    return date;
                }
            }
        }
        if (!is_number(j)) {
            return std::nullopt;
        }
        const Token& first = t_[j];
        // YYYY-M-D: "2019-1-17", "2024-06-20"
        if (is_year(j) &&
            (is_symbol(j + 1, "-") || is_symbol(j + 1, "/") || is_symbol(j + 1, ".")) &&
            is_number(j + 2) && t_[j + 2].digits <= 2 && is_symbol(j + 3, t_[j + 1].text) &&
            is_number(j + 4) && t_[j + 4].digits <= 2 &&
            valid_day(t_[j + 2].value, t_[j + 4].value)) {
            next = j + 5;
            return CalendarDate{first.value, t_[j + 2].value, t_[j + 4].value};
        }
        // D[th] [of] Month [,] [YYYY]: "14th may 2023", "10 August 2023"
        if (first.digits <= 2) {
            std::size_t k = j + 1;
            if (is_word(k, "of")) {
                ++k;
            }
            if (is_symbol(k, "/") || is_symbol(k, "-")) {
                // 06/May/2022, and Jira's 10/Aug/23: a two-digit year is unambiguous between
                // a day and a month name.
                if (at(k + 1) && t_[k + 1].kind == TokenKind::word) {
                    const int month = month_number(t_[k + 1].text);
                    const bool short_year =
                        is_number(k + 3) && t_[k + 3].digits == 2 && !t_[k + 3].space_before;
                    if (month > 0 && is_symbol(k + 2, t_[k].text) &&
                        (is_year(k + 3) || short_year) && valid_day(month, first.value)) {
                        next = k + 4;
                        const int year = short_year ? 2000 + t_[k + 3].value : t_[k + 3].value;
                        return CalendarDate{year, month, first.value};
                    }
                }
            } else if (at(k) && t_[k].kind == TokenKind::word) {
                const int month = month_number(t_[k].text);
                if (month > 0 && valid_day(month, first.value) &&
                    (first.ordinal || is_year(k + 1) ||
                     (is_symbol(k + 1, ",") && is_year(k + 2)))) {
                    CalendarDate date{0, month, first.value};
                    next = take_year(k + 1, date);
                    return date;
                }
            }
            // D-M-YYYY or M/D/YYYY: "28-11-2024", "10/14/2023"
            if ((is_symbol(j + 1, "-") || is_symbol(j + 1, "/") || is_symbol(j + 1, ".")) &&
                is_number(j + 2) && t_[j + 2].digits <= 2 && is_symbol(j + 3, t_[j + 1].text) &&
                is_year(j + 4)) {
                int a = first.value;
                int b = t_[j + 2].value;
                // Slashes are American (month first) unless that cannot be; dashes and dots
                // are day first unless that cannot be.
                bool month_first = t_[j + 1].text == "/";
                if (month_first && !valid_day(a, b)) {
                    month_first = false;
                } else if (!month_first && !valid_day(b, a)) {
                    month_first = true;
                }
                const int month = month_first ? a : b;
                const int day = month_first ? b : a;
                if (valid_day(month, day)) {
                    next = j + 5;
                    return CalendarDate{t_[j + 4].value, month, day};
                }
            }
        }
        return std::nullopt;
    }

    bool is_ampm(std::size_t i) const {
        if (is_word(i, "am") || is_word(i, "pm")) {
            return true;
        }
        return (is_word(i, "a") || is_word(i, "p")) && is_symbol(i + 1, ".") && is_word(i + 2, "m");
    }

    // Consumes am/pm at i; returns +1 for pm, -1 for am, 0 when absent.
    int read_ampm(std::size_t& i) const {
        if (is_word(i, "am") || is_word(i, "pm")) {
            return t_[i++].text == "pm" ? 1 : -1;
        }
        if ((is_word(i, "a") || is_word(i, "p")) && is_symbol(i + 1, ".") && is_word(i + 2, "m")) {
            const bool pm = t_[i].text == "p";
            i += 3;
            if (is_symbol(i, ".")) {
                ++i;
            }
            return pm ? 1 : -1;
        }
        return 0;
    }

    static std::optional<ClockTime> apply_ampm(ClockTime time, int ampm) {
        if (ampm != 0) {
            // "14:15pm" is a 24-hour time with a stray suffix: keep 14.
            if (time.hour == 12) {
                time.hour = ampm > 0 ? 12 : 0;
            } else if (ampm > 0 && time.hour < 12) {
                time.hour += 12;
            } else if (ampm < 0 && time.hour > 12) {
                return std::nullopt;
            }
        }
        if (time.hour > 23 || time.minute > 59 || time.second > 59) {
            return std::nullopt;
        }
        return time;
    }

    // A number alone in brackets, "about" aside, right after a day with its year.
    bool bracketed_after_day(std::size_t i) const {
        std::size_t open = i;
        while (open > 0 && (is_word(open - 1, "about") || is_word(open - 1, "approx") ||
                            is_word(open - 1, "around") || is_word(open - 1, "ca"))) {
            --open;
        }
        return open > 0 && is_symbol(open - 1, "(") && is_symbol(i + 1, ")") && current_ &&
               current_->date && current_->date->year != 0 && !current_->time;
    }

    std::optional<ClockTime> match_time(std::size_t i, std::size_t& next) const {
        if (!is_number(i) || t_[i].digits > 2 || preceded_by_version_mark(i)) {
            // "1430 UTC", "0800hrs": military time is a time only next to a zone or "hrs", or
            // in brackets after a dated day ("11 Nov 2016 (~1324)", real10/003 and 005).
            if (is_number(i) && t_[i].digits == 4 && !preceded_by_version_mark(i)) {
                std::size_t k = i + 1;
                if (is_word(k, "hrs") || is_word(k, "hours") || is_word(k, "h") ||
                    (at(k) && t_[k].kind == TokenKind::word && zone_abbreviation(t_[k].text) &&
                     t_[k].text != "z") ||
                    bracketed_after_day(i)) {
                    const ClockTime time{t_[i].value / 100, t_[i].value % 100, 0};
                    if (auto valid = apply_ampm(time, 0)) {
                        next = (is_word(k, "hrs") || is_word(k, "hours") || is_word(k, "h")) ? k + 1
                                                                                             : k;
                        return valid;
                    }
                }
            }
            return std::nullopt;
        }
        ClockTime time{t_[i].value, 0, 0};
        std::size_t k = i + 1;
        bool has_minutes = false;
        if ((is_symbol(k, ":") || (is_word(k, "h") && !t_[k].space_before)) && is_number(k + 1) &&
            t_[k + 1].digits == 2) {
            // "13:45", "12: 48pm" (a stray space after the colon), "15h50"
            time.minute = t_[k + 1].value;
            has_minutes = true;
            k += 2;
            if (is_symbol(k, ":") && is_number(k + 1) && t_[k + 1].digits == 2) {
                time.second = t_[k + 1].value;
                k += 2;
                if (is_symbol(k, ".") && is_number(k + 1)) {
                    k += 2;
                }
            }
        } else if (is_symbol(k, ".") && is_number(k + 1) && t_[k + 1].digits == 2 &&
                   is_ampm(k + 2)) {
            time.minute = t_[k + 1].value;  // "10.30 am"
            has_minutes = true;
            k += 2;
        }
        const int ampm = read_ampm(k);
        if (!has_minutes && ampm == 0) {
            return std::nullopt;  // a bare number is not a time
        }
        if (!has_minutes && time.hour > 12) {
            return std::nullopt;
        }
        auto valid = apply_ampm(time, ampm);
        if (valid) {
            if (has_minutes && (is_word(k, "hrs") || is_word(k, "hours"))) {
                ++k;
            }
            next = k;
        }
        return valid;
    }

    // Reads "+2", "-05:00", "+5:30" after a zone word or a time; false when absent.
    bool read_offset(std::size_t& k, int& minutes, std::string& written) const {
        // "GMT-5", "GMT +1", "UTC -05:00": the sign sits against its number; "GMT - 06/May"
        // is a range dash.
        if (!(is_symbol(k, "+") || is_symbol(k, "-")) || !is_number(k + 1) ||
            t_[k + 1].space_before || is_symbol(k + 2, "/")) {
            return false;
        }
        const int sign = t_[k].text == "+" ? 1 : -1;
        int hours = t_[k + 1].value;
        int mins = 0;
        std::size_t m = k + 2;
        if (t_[k + 1].digits == 4) {
            hours = t_[k + 1].value / 100;
            mins = t_[k + 1].value % 100;
        } else if (is_symbol(m, ":") && is_number(m + 1) && t_[m + 1].digits == 2) {
            mins = t_[m + 1].value;
            m += 2;
        } else if (t_[k + 1].digits > 2) {
            return false;
        }
        if (hours > 14 || mins > 59) {
            return false;
        }
        minutes = sign * (hours * 60 + mins);
        written = t_[k].text + t_[k + 1].text +
                  (mins != 0 && t_[k + 1].digits <= 2 ? ":" + t_[m - 1].text : "");
        k = m;
        return true;
    }

    // "-05:00" after a time that has a date, in a whole, half or three-quarter hour, not
    // followed by a zone of its own.
    bool offset_not_a_range(int offset, std::size_t after) const {
        const int mins = std::abs(offset) % 60;
        const bool zone_follows =
            at(after) && t_[after].kind == TokenKind::word && zone_abbreviation(t_[after].text);
        return current_->date && (mins == 0 || mins == 30 || mins == 45) && !zone_follows;
    }

    std::optional<WrittenZone> match_zone(std::size_t i, std::size_t& next) const {
        if (!at(i)) {
            return std::nullopt;
        }
        if (t_[i].kind == TokenKind::word) {
            if (const auto spelled = zone_in_words(t_, i)) {
                next = i + spelled->second;
                return spelled->first;
            }
            std::optional<WrittenZone> zone = zone_abbreviation(t_[i].text);
            if (!zone) {
                return std::nullopt;
            }
            // A lone "z" or "et" is a zone only right after a time (see add_zone).
            WrittenZone written = *zone;
            std::size_t k = i + 1;
            int offset = 0;
            std::string text;
            if ((zone->name == "UTC" || zone->name == "GMT") && read_offset(k, offset, text)) {
                written.offset_minutes = offset;
                written.name += text;
            }
            next = k;
            return written;
        }
        // A bare offset attached to a time: "13:45+02:00". A minus sign is also a range's dash
        // ("23:10-01:05 UTC" is a window across midnight): it is an offset only after a dated
        // time, in whole or half hours, with no zone written after it.
        if (!t_[i].space_before && current_ && current_->time && !current_->zone) {
            std::size_t k = i;
            int offset = 0;
            std::string text;
            if (read_offset(k, offset, text) &&
                (t_[i].text == "+" || offset_not_a_range(offset, k))) {
                next = k;
                return WrittenZone{text, offset, ""};
            }
        }
        return std::nullopt;
    }

    // Words and marks that may sit inside one written instant: "Thursday, May 9, 2024, at 17:30".
    bool is_filler(std::size_t i) const {
        const Token& t = t_[i];
        if (t.kind == TokenKind::symbol) {
            return t.text == "," || t.text == "(" || t.text == ")" || t.text == "*";
        }
        if (t.kind == TokenKind::word) {
            return t.text == "at" || t.text == "on" || t.text == "of" || t.text == "the" ||
                   t.text == "around" || t.text == "about" || t.text == "approximately" ||
                   t.text == "approx" || t.text == "time" || t.text == "standard" ||
                   t.text == "t" || is_weekday(t.text);
        }
        return false;
    }

    void note_gap(std::size_t i) {
        if (current_ && !is_filler(i) && !dash_before_time(i)) {
            close();
        }
    }

    // "January 13th, 2024 - 21:00 UTC - traffic increases" (real11/002, a timeline's events):
    // a dash between a day and its time of day; a day and a time are never a range's two ends.
    bool dash_before_time(std::size_t i) const {
        std::size_t next = 0;
        return (is_symbol(i, "-") || is_symbol(i, "~")) && current_->date && !current_->time &&
               !current_->zone && match_time(i + 1, next).has_value();
    }

    Instant& current(std::size_t begin) {
        if (!current_) {
            current_.emplace();
            current_->begin = t_[begin].begin;
        }
        return *current_;
    }

    void add_date(const CalendarDate& date, std::size_t i, std::size_t next) {
        if (current_ && current_->date) {
            close();
        }
        Instant& instant = current(i);
        instant.date = date;
        instant.end = t_[next - 1].end;
    }

    void add_time(const ClockTime& time, std::size_t i, std::size_t next) {
        if (current_ && (current_->time || current_->zone)) {
            close();
        }
        Instant& instant = current(i);
        instant.time = time;
        instant.end = t_[next - 1].end;
    }

    void add_zone(const WrittenZone& zone, std::size_t i, std::size_t next) {
        // A zone belongs to the time just written; "Z" and "ET" alone are too common as words.
        const bool short_word = zone.name == "Z" || zone.name == "ET" || zone.name == "CT" ||
                                zone.name == "MT" || zone.name == "PT" || zone.name == "IST" ||
                                zone.name == "CAT" || zone.name == "EAT" || zone.name == "WAT" ||
                                zone.name == "EST" || zone.name == "ART" || zone.name == "WEST";
        const bool after_time = current_ && current_->time && !current_->zone;
        if (!after_time && (short_word || !current_ || !current_->date)) {
            if (!after_time && out_.instants.size() > 0 && !current_ && !short_word) {
                // "(12:00 pm - 12:48pm) GMT +1": the zone written after a closed range.
                Instant& last = out_.instants.back();
                if (last.time && !last.zone && i > 0 && t_[i - 1].end + 3 >= t_[i].begin) {
                    last.zone = zone;
                    last.end = t_[next - 1].end;
                }
            }
            return;
        }
        Instant& instant = current(i);
        instant.zone = zone;
        instant.end = t_[next - 1].end;
    }

    void close() {
        if (current_) {
            out_.instants.push_back(*current_);
            current_.reset();
        }
    }

    // Two instants joined by "-", "to", "until", "and" (after "between"), "ending at"...
    void find_ranges() {
        for (std::size_t a = 0; a + 1 < out_.instants.size(); ++a) {
            const Instant& first = out_.instants[a];
            const Instant& second = out_.instants[a + 1];
            // Times join times, and dates join dates: "May 14, 2023, the issue lasted from
            // 12:00" is not a range from a day to an hour.
            if (first.time.has_value() != second.time.has_value()) {
                continue;
            }
            if (!first.time && !(first.date && second.date)) {
                continue;
            }
            if (joined(first.end, second.begin, first.begin)) {
                out_.ranges.push_back({a, a + 1});
                ++a;
            }
        }
    }

    // Only the tokens between the two instants are read: tokens are in text order, so they are
    // found by binary search. (Reading every token of the line for every pair made a line of
    // 50,000 times quadratic.)
    bool joined(std::size_t from, std::size_t to, std::size_t first_begin) const {
        int words = 0;
        bool connector = false;
        bool and_only = false;  // "and" joins only after "between"
        const auto first = std::partition_point(t_.begin(), t_.end(),
                                                [&](const Token& t) { return t.begin < from; });
        for (auto it = first; it != t_.end() && it->end <= to; ++it) {
            const Token& t = *it;
            if (t.kind == TokenKind::symbol) {
                connector = connector || t.text == "-" || t.text == "~";
                continue;
            }
            ++words;
            static constexpr std::string_view joins[] = {"to",       "until",   "till",  "through",
                                                         "thru",     "ending",  "ended", "end",
                                                         "resolved", "restored"};
            for (const auto word : joins) {
                connector = connector || t.text == word;
            }
            and_only = and_only || t.text == "and";
        }
        if (!connector && and_only) {
            // "between 10:00 and 11:00", not "from 8 AM onwards, and at 11:30".
            connector = between_before(first_begin);
        }
        return connector && words <= 6;
    }

    // Whether "between" is among the four words before the token starting at `begin`
    // ("between the hours of 13:00 and 17:35").
    bool between_before(std::size_t begin) const {
        const auto at = std::partition_point(t_.begin(), t_.end(),
                                             [&](const Token& t) { return t.begin < begin; });
        int words = 0;
        for (auto it = at; it != t_.begin() && words < 4;) {
            --it;
            if (it->kind != TokenKind::word) {
                continue;
            }
            if (it->text == "between") {
                return true;
            }
            ++words;
        }
        return false;
    }

    std::vector<Token> t_;
    std::optional<Instant> current_;
    LineTimes out_;
};
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

}  // namespace

LineTimes scan_times(std::string_view line) {
    // Every instant holds a date or a time, and both are read from numbers: a zone alone is
    // never kept (add_zone attaches it to an instant or drops it). So a line without an ASCII
    // digit has none, and most prose lines are not tokenized at all.
    if (line.find_first_of("0123456789") == std::string_view::npos) {
        return {};
    }
    return Matcher(tokenize_for_times(line)).run();
}

}  // namespace hindsight
