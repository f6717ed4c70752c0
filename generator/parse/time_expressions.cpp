// A small tokenizer and pattern matcher for the date and time forms found in real postmortems.
#include "parse/time_expressions.hpp"

#include <array>
#include <cctype>
#include <cmath>
#include <cstring>
#include <exception>

#include <date/tz.h>

namespace hindsight {
namespace {

enum class TokenKind { word, number, symbol };

struct Token {
    TokenKind kind = TokenKind::word;
    std::string text;  // words lower-cased; symbols: one of : , - / ( ) . + ' and '~' for dashes
    int value = 0;     // numbers
    int digits = 0;    // numbers
    bool ordinal = false;  // "11th"
    bool space_before = false;
    std::size_t begin = 0;
    std::size_t end = 0;
};

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> tokens;
    bool space = false;
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        Token t;
        t.begin = i;
        t.space_before = space;
        if (std::isspace(c)) {
            space = true;
            ++i;
            continue;
        }
        if (std::isdigit(c)) {
            t.kind = TokenKind::number;
            while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
                if (t.digits < 9) {
                    t.value = t.value * 10 + (s[i] - '0');
                }
                ++t.digits;
                t.text += s[i++];
            }
            for (const char* suffix : {"st", "nd", "rd", "th"}) {
                const std::string_view rest = s.substr(i, 2);
                if (rest.size() == 2 && std::tolower(rest[0]) == suffix[0] &&
                    std::tolower(rest[1]) == suffix[1] &&
                    (i + 2 >= s.size() || !std::isalpha(static_cast<unsigned char>(s[i + 2])))) {
                    t.ordinal = true;
                    i += 2;
                    break;
                }
            }
        } else if (std::isalpha(c)) {
            t.kind = TokenKind::word;
            while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) {
                t.text += static_cast<char>(std::tolower(static_cast<unsigned char>(s[i++])));
            }
        } else if (starts_with(s.substr(i), "\xE2\x80\x93") ||
                   starts_with(s.substr(i), "\xE2\x80\x94")) {
            t.kind = TokenKind::symbol;  // en and em dashes join ranges
            t.text = "~";
            i += 3;
        } else if (starts_with(s.substr(i), "\xE2\x88\x92")) {
            t.kind = TokenKind::symbol;  // U+2212 minus sign, as in "UTC−5"
            t.text = "-";
            i += 3;
        } else if (c < 0x80) {
            t.kind = TokenKind::symbol;
            t.text = std::string(1, static_cast<char>(c));
            ++i;
        } else {
            // Other non-ASCII characters separate words and never belong to a time.
            t.kind = TokenKind::symbol;
            t.text = "?";
            ++i;
            while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) {
                ++i;
            }
        }
        t.end = i;
        space = false;
        tokens.push_back(std::move(t));
    }
    return tokens;
}

int month_number(std::string_view word) {
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

struct ZoneName {
    std::string_view name;
    int offset;
    std::string_view region;
};

// Abbreviations are fixed offsets (a postmortem that says PST in July means -08:00); the
// regional names without S/D follow the date.
constexpr ZoneName kZones[] = {
    {"utc", 0, ""},
    {"gmt", 0, ""},
    {"z", 0, ""},
    {"pst", -480, ""},
    {"pdt", -420, ""},
    {"mst", -420, ""},
    {"mdt", -360, ""},
    {"cst", -360, ""},
    {"cdt", -300, ""},
    {"est", -300, ""},
    {"edt", -240, ""},
    {"akst", -540, ""},
    {"akdt", -480, ""},
    {"hst", -600, ""},
    {"cet", 60, ""},
    {"cest", 120, ""},
    {"wet", 0, ""},
    {"west", 60, ""},
    {"eet", 120, ""},
    {"eest", 180, ""},
    {"bst", 60, ""},
    {"ist", 330, ""},
    {"wat", 60, ""},
    {"cat", 120, ""},
    {"sast", 120, ""},
    {"eat", 180, ""},
    {"kst", 540, ""},
    {"jst", 540, ""},
    {"sgt", 480, ""},
    {"hkt", 480, ""},
    {"aest", 600, ""},
    {"aedt", 660, ""},
    {"awst", 480, ""},
    {"nzst", 720, ""},
    {"nzdt", 780, ""},
    {"msk", 180, ""},
    {"wib", 420, ""},
    {"pht", 480, ""},
    {"brt", -180, ""},
    {"art", -180, ""},
    {"pt", 0, "America/Los_Angeles"},
    {"et", 0, "America/New_York"},
    {"ct", 0, "America/Chicago"},
    {"mt", 0, "America/Denver"},
};

struct LongZoneName {
    std::vector<std::string_view> words;
    std::string_view abbreviation;
};

const std::vector<LongZoneName>& long_zone_names() {
    static const std::vector<LongZoneName> names = {
        {{"pacific", "standard", "time"}, "pst"},
        {{"pacific", "daylight", "time"}, "pdt"},
        {{"pacific", "time"}, "pt"},
        {{"eastern", "standard", "time"}, "est"},
        {{"eastern", "daylight", "time"}, "edt"},
        {{"eastern", "time"}, "et"},
        {{"central", "european", "time"}, "cet"},
        {{"central", "standard", "time"}, "cst"},
        {{"central", "time"}, "ct"},
        {{"east", "africa", "time"}, "eat"},
        {{"west", "africa", "time"}, "wat"},
        {{"central", "africa", "time"}, "cat"},
        {{"south", "african", "standard", "time"}, "sast"},
        {{"korea", "standard", "time"}, "kst"},
        {{"india", "standard", "time"}, "ist"},
        {{"coordinated", "universal", "time"}, "utc"},
        {{"greenwich", "mean", "time"}, "gmt"},
    };
    return names;
}

const ZoneName* find_zone(std::string_view word) {
    for (const auto& zone : kZones) {
        if (zone.name == word) {
            return &zone;
        }
    }
    return nullptr;
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return out;
}

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
                    std::size_t m = k + 1;
                    if (is_symbol(m, ",")) {
                        ++m;
                    }
                    if (is_year(m)) {
                        date.year = t_[m].value;
                        next = m + 1;
                    } else {
                        next = k + 1;
                    }
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
            is_number(j + 2) && t_[j + 2].digits <= 2 && t_[j + 1].text == t_[j + 3].text &&
            is_symbol(j + 3, t_[j + 1].text) && is_number(j + 4) && t_[j + 4].digits <= 2 &&
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
                // 06/May/2022
                if (at(k + 1) && t_[k + 1].kind == TokenKind::word) {
                    const int month = month_number(t_[k + 1].text);
                    if (month > 0 && is_symbol(k + 2, t_[k].text) && is_year(k + 3) &&
                        valid_day(month, first.value)) {
                        next = k + 4;
                        return CalendarDate{t_[k + 3].value, month, first.value};
                    }
                }
            } else if (at(k) && t_[k].kind == TokenKind::word) {
                const int month = month_number(t_[k].text);
                if (month > 0 && valid_day(month, first.value) &&
                    (first.ordinal || is_year(k + 1) ||
                     (is_symbol(k + 1, ",") && is_year(k + 2)))) {
                    CalendarDate date{0, month, first.value};
                    std::size_t m = k + 1;
                    if (is_symbol(m, ",")) {
                        ++m;
                    }
                    if (is_year(m)) {
                        date.year = t_[m].value;
                        next = m + 1;
                    } else {
                        next = k + 1;
                    }
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

    std::optional<ClockTime> match_time(std::size_t i, std::size_t& next) const {
        if (!is_number(i) || t_[i].digits > 2 || preceded_by_version_mark(i)) {
            // "1430 UTC", "0800hrs": military time is a time only next to a zone or "hrs".
            if (is_number(i) && t_[i].digits == 4 && !preceded_by_version_mark(i)) {
                std::size_t k = i + 1;
                if (is_word(k, "hrs") || is_word(k, "hours") || is_word(k, "h") ||
                    (at(k) && t_[k].kind == TokenKind::word && find_zone(t_[k].text) &&
                     t_[k].text != "z")) {
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

    std::optional<WrittenZone> match_zone(std::size_t i, std::size_t& next) const {
        if (!at(i)) {
            return std::nullopt;
        }
        if (t_[i].kind == TokenKind::word) {
            for (const auto& name : long_zone_names()) {
                bool all = true;
                for (std::size_t w = 0; w < name.words.size(); ++w) {
                    all = all && is_word(i + w, name.words[w]);
                }
                if (all) {
                    const ZoneName* zone = find_zone(name.abbreviation);
                    next = i + name.words.size();
                    return WrittenZone{upper(name.abbreviation), zone->offset,
                                       std::string(zone->region)};
                }
            }
            const ZoneName* zone = find_zone(t_[i].text);
            if (zone == nullptr) {
                return std::nullopt;
            }
            // A lone "z" or "et" is a zone only right after a time (see add_zone).
            WrittenZone written{upper(zone->name), zone->offset, std::string(zone->region)};
            std::size_t k = i + 1;
            int offset = 0;
            std::string text;
            if ((zone->name == "utc" || zone->name == "gmt") && read_offset(k, offset, text)) {
                written.offset_minutes = offset;
                written.name += text;
            }
            next = k;
            return written;
        }
        // A bare offset attached to a time: "13:45+02:00"
        if (!t_[i].space_before && out_.instants.size() + (current_ ? 1 : 0) > 0 && current_ &&
            current_->time && !current_->zone) {
            std::size_t k = i;
            int offset = 0;
            std::string text;
            if (read_offset(k, offset, text)) {
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
        if (current_ && !is_filler(i)) {
            close();
        }
    }

    Instant& current(std::size_t begin) {
        if (!current_) {
            current_ = Instant{};
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
            if (joined(first.end, second.begin)) {
                out_.ranges.push_back({a, a + 1});
                ++a;
            }
        }
    }

    bool joined(std::size_t from, std::size_t to) const {
        int words = 0;
        bool connector = false;
        for (const Token& t : t_) {
            if (t.begin < from || t.end > to) {
                continue;
            }
            if (t.kind == TokenKind::symbol) {
                connector = connector || t.text == "-" || t.text == "~";
                continue;
            }
            ++words;
            static constexpr std::string_view joins[] = {"to",   "until",    "till",    "through",
                                                         "thru", "and",      "ending",  "ended",
                                                         "end",  "resolved", "restored"};
            for (const auto word : joins) {
                connector = connector || t.text == word;
            }
        }
        return connector && words <= 6;
    }

    std::vector<Token> t_;
    std::optional<Instant> current_;
    LineTimes out_;
};

struct NumberWord {
    std::string_view word;
    double value;
};

constexpr NumberWord kNumberWords[] = {
    {"one", 1},     {"two", 2},         {"three", 3},    {"four", 4},    {"five", 5},
    {"six", 6},     {"seven", 7},       {"eight", 8},    {"nine", 9},    {"ten", 10},
    {"eleven", 11}, {"twelve", 12},     {"fifteen", 15}, {"twenty", 20}, {"thirty", 30},
    {"forty", 40},  {"forty-five", 45}, {"fifty", 50},   {"sixty", 60},  {"ninety", 90},
    {"an", 1},      {"a", 1},
};

std::optional<double> number_word(std::string_view word) {
    for (const auto& n : kNumberWords) {
        if (n.word == word) {
            return n.value;
        }
    }
    return std::nullopt;
}

}  // namespace

LineTimes scan_times(std::string_view line) {
    return Matcher(tokenize(line)).run();
}

std::optional<WrittenZone> find_zone_word(std::string_view line) {
    const auto tokens = tokenize(line);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& t = tokens[i];
        if (t.kind != TokenKind::word || t.text.size() < 2) {
            continue;
        }
        if (const ZoneName* zone = find_zone(t.text)) {
            // "in PT" reads as a zone only in upper case in the source: "pt" is also a word.
            const std::string_view written = line.substr(t.begin, t.end - t.begin);
            if (written != upper(written)) {
                continue;
            }
            WrittenZone result{upper(zone->name), zone->offset, std::string(zone->region)};
            if ((zone->name == "utc" || zone->name == "gmt") && i + 2 < tokens.size() &&
                (tokens[i + 1].text == "+" || tokens[i + 1].text == "-") &&
                tokens[i + 2].kind == TokenKind::number && tokens[i + 2].digits <= 2) {
                const int sign = tokens[i + 1].text == "+" ? 1 : -1;
                result.offset_minutes = sign * tokens[i + 2].value * 60;
                result.name += tokens[i + 1].text + tokens[i + 2].text;
            }
            return result;
        }
    }
    return std::nullopt;
}

int zone_offset_on(const WrittenZone& zone, const CalendarDate& date) {
    if (zone.region.empty()) {
        return zone.offset_minutes;
    }
    try {
        const auto* tz = date::locate_zone(zone.region);
        const date::sys_days day{date::year{date.year} / date.month / date.day};
        const auto info = tz->get_info(day + std::chrono::hours{12});
        return static_cast<int>(
            std::chrono::duration_cast<std::chrono::minutes>(info.offset).count());
    } catch (const std::exception&) {
        return zone.offset_minutes;
    }
}

std::optional<StatedDuration> stated_duration(std::string_view line) {
    const auto tokens = tokenize(line);
    const auto word = [&](std::size_t i) -> std::string_view {
        return i < tokens.size() && tokens[i].kind == TokenKind::word
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
        if (tokens[k].kind == TokenKind::number) {
            amount = tokens[k].value;
            if (k + 2 < tokens.size() && tokens[k + 1].text == "." &&
                tokens[k + 2].kind == TokenKind::number && !tokens[k + 1].space_before) {
                amount += tokens[k + 2].value / std::pow(10.0, tokens[k + 2].digits);
                k += 2;
            }
        } else if (auto value = number_word(word(k))) {
            amount = *value;
        } else {
            continue;
        }
        ++k;
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
             tokens[i - 2].kind == TokenKind::number)) {
            continue;
        }
        if (word(i) == "a" && (before == "few" || before == "couple")) {
            continue;
        }
        double minutes = amount * factor;
        std::size_t m = k + 1;
        // "an hour and a half", "1 hour and 45 minutes", "2 hours 30 minutes"
        if (word(m) == "and") {
            ++m;
        }
        if (word(m) == "a" && word(m + 1) == "half") {
            minutes += factor / 2.0;
        } else if (m < tokens.size()) {
            double more = 0;
            std::size_t n = m;
            if (tokens[n].kind == TokenKind::number) {
                more = tokens[n].value;
            } else if (auto value = number_word(word(n))) {
                more = *value;
            }
            const int more_factor = unit(word(n + 1));
            if (more > 0 && more_factor > 0 && more_factor < factor) {
                minutes += more * more_factor;
            }
        }
        const bool approximate = before == "approximately" || before == "approx" ||
                                 before == "about" || before == "around" || before == "roughly" ||
                                 before == "some" || (i > 0 && tokens[i - 1].text == "~");
        // A duration must read as one: a unit word right after a number is not enough in
        // "version 2 h" or "every 5 minutes"; the checks above take care of the common traps.
        return StatedDuration{static_cast<int>(std::lround(minutes)), approximate};
    }
    return std::nullopt;
}

}  // namespace hindsight
