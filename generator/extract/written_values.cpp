// Whole values through the sentence scanners: the scanners find an instant or a duration, and
// this file checks that nothing else is written beside it.
#include "extract/written_values.hpp"

#include <algorithm>
#include <cctype>
#include <exception>
#include <string>
#include <vector>

#include <date/tz.h>

#include "core/text.hpp"
#include "extract/durations.hpp"
#include "extract/lexicon.hpp"
#include "extract/time_expressions.hpp"
#include "extract/time_tokens.hpp"

namespace hindsight {
namespace {

// Words that may stand beside an instant without changing it: "Thursday, at 14:00 UTC",
// "approx. 10:00".
bool instant_filler(std::string_view word) {
    return is_one_of(
        word, {"at",     "on",       "the",    "of",     "around",  "about",     "approximately",
               "approx", "circa",    "ca",     "monday", "tuesday", "wednesday", "thursday",
               "friday", "saturday", "sunday", "mon",    "tue",     "tues",      "wed",
               "thu",    "thur",     "thurs",  "fri",    "sat",     "sun"});
}

// Words a duration is written with: amounts, units, "and a half", and hedges.
bool duration_word(std::string_view word) {
    return number_word(word).has_value() ||
           is_one_of(word, {"a",       "an",     "and",     "half",   "hour",          "hours",
                            "hr",      "hrs",    "h",       "minute", "minutes",       "min",
                            "mins",    "m",      "day",     "days",   "approximately", "approx",
                            "about",   "around", "roughly", "some",   "total",         "in",
                            "of",      "ca",     "circa",   "est",    "estimated",     "second",
                            "seconds", "sec",    "secs"});
}

// "1:30" and "01:30:00": hours and minutes (seconds dropped).
std::optional<int> clock_duration(std::string_view text) {
    int parts[3] = {0, 0, 0};
    int count = 0;
    std::size_t i = 0;
    while (i < text.size() && count < 3) {
        std::size_t start = i;
        while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
            ++i;
        }
        const std::size_t digits = i - start;
        if (digits == 0 || digits > 4 || (count > 0 && digits != 2)) {
            return std::nullopt;
        }
        parts[count++] = std::stoi(std::string(text.substr(start, digits)));
        if (i == text.size()) {
            break;
        }
        if (text[i] != ':') {
            return std::nullopt;
        }
        ++i;
    }
    if (i != text.size() || count < 2 || parts[1] > 59 || parts[2] > 59) {
        return std::nullopt;
    }
    return parts[0] * 60 + parts[1];
}

// "+01:00", "-0500", "+2": an offset standing alone after a time, as `git log` and many
// exports write it ("2024-03-05 14:05:00 +0100"). Prose rarely puts a space there, so the
// sentence scanner does not read it; a value holding nothing else after its time may.
std::optional<WrittenZone> spaced_offset(std::string_view rest) {
    rest = trim(rest);
    if (rest.size() < 2 || (rest.front() != '+' && rest.front() != '-')) {
        return std::nullopt;
    }
    std::string digits;
    for (const char c : rest.substr(1)) {
        if (std::isdigit(static_cast<unsigned char>(c))) {
            digits += c;
        } else if (c != ':' || digits.size() != 2) {
            return std::nullopt;
        }
    }
    int hours = 0;
    int minutes = 0;
    if (digits.size() == 4) {
        hours = std::stoi(digits.substr(0, 2));
        minutes = std::stoi(digits.substr(2));
    } else if (digits.size() == 1 || digits.size() == 2) {
        hours = std::stoi(digits);
    } else {
        return std::nullopt;
    }
    if (hours > 14 || minutes > 59) {
        return std::nullopt;
    }
    const int sign = rest.front() == '-' ? -1 : 1;
    return WrittenZone{std::string(rest), sign * (hours * 60 + minutes), ""};
}

}  // namespace

std::optional<WrittenInstant> read_instant(std::string_view written) {
    // "2024-03-05 @ 14:05": an at sign is the word "at".
    std::string text(trim(written));
    std::replace(text.begin(), text.end(), '@', ' ');
    std::string_view value = text;
    // A zone or offset at the end is cut off first: the scanner would read "+01:00" as a second
    // time, and knows no IANA names ("Europe/Berlin", which hindsight.yaml's time_zone takes).
    std::optional<WrittenZone> offset;
    if (const auto sign = value.find_last_of("+-");
        sign != std::string_view::npos && sign > 0 && value[sign - 1] == ' ') {
        offset = spaced_offset(value.substr(sign));
        if (offset) {
            value = trim(value.substr(0, sign));
        }
    }
    if (const auto space = value.find_last_of(' ');
        !offset && space != std::string_view::npos &&
        value.find('/', space) != std::string_view::npos) {
        offset = region_zone(value.substr(space + 1));
        if (offset) {
            value = trim(value.substr(0, space));
        }
    }
    const LineTimes found = scan_times(value);
    if (found.instants.size() != 1) {
        return std::nullopt;
    }
    Instant instant = found.instants.front();
    if (!instant.date && !instant.time) {
        return std::nullopt;
    }
    if (offset) {
        if (!instant.time || instant.zone || instant.end != value.size()) {
            return std::nullopt;  // a zone belongs right after a time that has none
        }
        instant.zone = std::move(offset);
    }
    for (const auto& token : tokenize_for_times(value)) {
        const bool inside = token.begin >= instant.begin && token.end <= instant.end;
        if (inside || token.kind == TimeTokenKind::symbol) {
            continue;
        }
        // "Tue Mar 5 14:05:00 UTC 2024", as date(1) writes it: the year after the time.
        if (token.kind == TimeTokenKind::number && token.digits == 4 &&
            token.begin >= instant.end && instant.date && instant.date->year == 0 &&
            token.value >= 1990 && token.value <= 2100) {
            instant.date->year = token.value;
            continue;
        }
        if (token.kind == TimeTokenKind::number || !instant_filler(token.text)) {
            return std::nullopt;
        }
    }
    return WrittenInstant{instant.date, instant.time, instant.zone};
}

std::optional<InstantInWords> read_instant_in_words(std::string_view written) {
    const std::string_view value = trim(written);
    const LineTimes found = scan_times(value);
    if (found.instants.size() != 1 || !found.instants.front().time) {
        return std::nullopt;
    }
    const Instant& instant = found.instants.front();
    if (value.find('?') != std::string_view::npos) {
        return std::nullopt;
    }
    for (const auto& token : tokenize_for_times(value.substr(0, instant.begin))) {
        // Words that put the moment before or after the instant, or doubt it, would make it
        // another moment than the one the key names.
        if (token.kind == TimeTokenKind::number ||
            is_one_of(token.text, {"before", "after", "until", "till", "since", "by", "prior",
                                   "earlier", "later", "between", "or", "maybe", "perhaps",
                                   "unknown", "not", "no", "sometime", "estimated", "est"})) {
            return std::nullopt;
        }
    }
    // Words come before the instant only: what follows it must read as part of it (a zone), or
    // "18h00 (heure de Paris)" would lose the zone its words name.
    const std::string_view text = trim(value.substr(instant.begin));
    if (const auto read = read_instant(text)) {
        return InstantInWords{*read, text};
    }
    return std::nullopt;
}

date::local_seconds local_time(const CalendarDate& day, const ClockTime& time) {
    return date::local_days{date::year{day.year} / day.month / day.day} +
           std::chrono::hours{time.hour} + std::chrono::minutes{time.minute} +
           std::chrono::seconds{time.second};
}

std::pair<CalendarDate, ClockTime> day_and_time(date::local_seconds local) {
    const auto day = date::floor<date::days>(local);
    const date::hh_mm_ss clock{local - day};
    const date::year_month_day ymd{day};
    return {{static_cast<int>(ymd.year()), static_cast<int>(unsigned(ymd.month())),
             static_cast<int>(unsigned(ymd.day()))},
            {static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
             static_cast<int>(clock.seconds().count())}};
}

Timestamp local_to_utc(const CalendarDate& day, const ClockTime& time,
                       const std::optional<WrittenZone>& zone, const TimeZone& site_zone) {
    const date::local_seconds local = local_time(day, time);
    if (!zone) {
        return site_zone.to_utc(local);
    }
    const int offset = zone_offset_on(*zone, day);
    return Timestamp{local.time_since_epoch() - std::chrono::minutes{offset}};
}

std::optional<int> read_duration_minutes(std::string_view value) {
    const std::string_view text = trim(value);
    if (const auto minutes = parse_duration(text)) {
        return static_cast<int>(minutes->count());
    }
    if (const auto minutes = clock_duration(text)) {
        return minutes;
    }
    const auto tokens = tokenize_for_times(text);
    const bool only_duration_words = std::all_of(
        tokens.begin(), tokens.end(),
        [](const TimeToken& t) { return t.kind != TimeTokenKind::word || duration_word(t.text); });
    if (!only_duration_words) {
        return std::nullopt;
    }
    // Every number is an amount of a unit, so the scanner reads the value whole: not "2 hours
    // 30 seconds", and not "forty-five minutes" as five ("7.5 hours" is one amount).
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].kind != TimeTokenKind::number &&
            !(tokens[i].kind == TimeTokenKind::word && number_word(tokens[i].text))) {
            continue;
        }
        std::size_t next = i + 1;
        if (next + 1 < tokens.size() && tokens[next].text == "." &&
            tokens[next + 1].kind == TimeTokenKind::number) {
            next += 2;
        }
        if (next >= tokens.size() || tokens[next].kind != TimeTokenKind::word ||
            number_word(tokens[next].text) || is_one_of(tokens[next].text, {"and", "a", "an"})) {
            return std::nullopt;
        }
        i = next;
    }
    // The scanner adds at most two units ("2 hours and 15 minutes"), joined by "and" or a
    // space: a comma becomes "and", and a value it could read only in part ("1 day, 2 hours and
    // 30 minutes", or a second unit it passed over) is not read at all.
    std::string joined(text);
    for (std::size_t comma = joined.find(','); comma != std::string::npos;
         comma = joined.find(',', comma)) {
        joined.replace(comma, 1, " and ");
    }
    std::vector<const TimeToken*> units;
    for (const auto& t : tokens) {
        if (t.kind == TimeTokenKind::word &&
            is_one_of(t.text, {"hour", "hours", "hr", "hrs", "h", "minute", "minutes", "min",
                               "mins", "m", "day", "days", "second", "seconds", "sec", "secs"})) {
            units.push_back(&t);
        }
    }
    const auto stated = stated_duration(joined);
    if (!stated || units.size() > 2) {
        return std::nullopt;
    }
    // Minutes then seconds are read together, though the seconds may round away ("1 minute
    // and 20 seconds" is 1).
    const bool minutes_and_seconds =
        units.size() == 2 && is_one_of(units[0]->text, {"minute", "minutes", "min", "mins", "m"}) &&
        is_seconds(units[1]->text);
    if (units.size() == 2 && !minutes_and_seconds) {
        const auto first = stated_duration(text.substr(0, units[0]->end));
        if (!first || first->minutes == stated->minutes) {
            return std::nullopt;
        }
    }
    return stated->minutes;
}

}  // namespace hindsight
