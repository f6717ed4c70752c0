// ISO 8601 first (core/dates.hpp), then the forms people write, through the body's scanners.
#include "parse/time_fields.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/text.hpp"
#include "extract/time_tokens.hpp"
#include "parse/field_aliases.hpp"

namespace hindsight {
namespace {

const char* kTimeHint =
    "write it like 2023-08-10T13:45:00Z, 2023-08-10 13:45 PDT or Aug 10, 2023 1:45 PM UTC";

CalendarDate calendar(date::sys_days day) {
    const date::year_month_day ymd{day};
    return {static_cast<int>(ymd.year()), static_cast<int>(unsigned(ymd.month())),
            static_cast<int>(unsigned(ymd.day()))};
}

date::sys_days to_days(const CalendarDate& day) {
    return date::sys_days{date::year{day.year} / day.month / day.day};
}

bool valid(const CalendarDate& day) {
    return date::year_month_day{date::year{day.year} / day.month / day.day}.ok();
}

// The calendar day an ISO 8601 value was written with: its first ten characters.
std::optional<CalendarDate> written_day(std::string_view text) {
    if (const auto day = parse_date(trim(text).substr(0, 10))) {
        return calendar(*day);
    }
    return std::nullopt;
}

// "05/03/2024", "5.3.2024": two numbers of 12 or less before the year, which one reader takes
// as May 3 and another as 5 March.
bool day_month_ambiguous(std::string_view text) {
    const auto tokens = tokenize_for_times(trim(text));
    if (tokens.size() != 5) {
        return false;
    }
    const auto number = [&](std::size_t i, int most_digits) {
        return tokens[i].kind == TimeTokenKind::number && tokens[i].digits <= most_digits &&
               !tokens[i].ordinal && (i == 0 || !tokens[i].space_before);
    };
    const auto separator = [&](std::size_t i) {
        return tokens[i].kind == TimeTokenKind::symbol && !tokens[i].space_before &&
               (tokens[i].text == "/" || tokens[i].text == "." || tokens[i].text == "-");
    };
    const int first = tokens[0].value;
    const int second = tokens[2].value;
    return number(0, 2) && separator(1) && number(2, 2) && separator(3) && number(4, 4) &&
           tokens[4].digits == 4 && first >= 1 && first <= 12 && second >= 1 && second <= 12 &&
           first != second;
}

// "1709647920" (seconds) or "1709647920000" (milliseconds) since 1970, as exports write
// times: only between 2000 and 2100, so that no other number is taken for one.
std::optional<Timestamp> read_unix_time(std::string_view written) {
    const std::string_view text = trim(written);
    if (text.empty() || text.find_first_not_of("0123456789") != std::string_view::npos) {
        return std::nullopt;
    }
    long long seconds = 0;
    if (text.size() == 10) {
        seconds = std::stoll(std::string(text));
    } else if (text.size() == 13) {
        seconds = std::stoll(std::string(text)) / 1000;
    } else {
        return std::nullopt;
    }
    constexpr long long kYear2000 = 946684800;
    constexpr long long kYear2100 = 4102444800;
    if (seconds < kYear2000 || seconds >= kYear2100) {
        return std::nullopt;
    }
    return Timestamp{std::chrono::seconds{seconds}};
}

// "5400", "1.5": a number and nothing else.
std::optional<double> plain_number(std::string_view written) {
    const std::string_view text = trim(written);
    if (text.empty() || text.size() > 12 ||
        text.find_first_not_of("0123456789.") != std::string_view::npos ||
        std::count(text.begin(), text.end(), '.') > 1 || text.front() == '.' ||
        text.back() == '.') {
        return std::nullopt;
    }
    return std::stod(std::string(text));
}

// What a front-matter time says of its zone in words: "9:02 AM Pacific" is PT (in a value that
// is a time, unlike "Asia Pacific" in prose), and "4:06 pm (local time)" is a time in the file's
// zone, as if written without one.
std::string zone_words_read(std::string_view written) {
    std::string text(trim(written));
    const std::string lower = to_lower_ascii(text);
    for (const std::string_view local : {" (local time)", " local time", " (local)", " local"}) {
        if (lower.size() > local.size() && lower.ends_with(local)) {
            return std::string(trim(std::string_view(text).substr(0, text.size() - local.size())));
        }
    }
    static const std::pair<std::string_view, std::string_view> kRegions[] = {
        {" pacific", " PT"}, {" eastern", " ET"}, {" central", " CT"}, {" mountain", " MT"}};
    for (const auto& [word, zone] : kRegions) {
        if (lower.size() > word.size() && lower.ends_with(word)) {
            return text.substr(0, text.size() - word.size()) + std::string(zone);
        }
    }
    return text;
}

// An ISO 8601 value without Z or an offset: read in two zones an hour apart, it names two
// moments.
bool written_without_zone(std::string_view text) {
    static const auto east = TimeZone::from_name("+01:00");
    const auto as_utc = parse_timestamp(text, TimeZone::utc());
    const auto as_east = east ? parse_timestamp(text, *east) : std::nullopt;
    return as_utc && as_east && as_utc->utc != as_east->utc;
}

}  // namespace

bool TimeFields::read_date(const std::string& key, const std::string& text, const Location& at) {
    if (is_placeholder(text)) {
        report_.note(at, fmt::format("read '{}: {}' as no value", key, text));
        return false;
    }
    if (const auto day = parse_date(text)) {
        date_ = day;
        date_written_ = calendar(*day);
        return true;
    }
    if (const auto time = parse_timestamp(text, zone())) {
        date_ = zone().day_of(time->utc);
        date_written_ = written_day(text);
        date_time_ = time->utc;
        date_time_zoneless_ = !time->date_only && written_without_zone(text);
        return true;
    }
    const auto instant = read_instant(text);
    if (instant && instant->date && instant->date->year != 0 && valid(*instant->date)) {
        date_ambiguous_ = day_month_ambiguous(text);
        date_key_ = key;
        date_text_ = text;
        date_at_ = at;
        date_written_ = instant->date;
        date_ = to_days(*instant->date);
        if (instant->time) {
            date_time_ = local_to_utc(*instant->date, *instant->time, instant->zone, zone());
            date_time_zoneless_ = !instant->zone;
        }
        if (!date_ambiguous_) {  // else noted in finish(), once `started` can settle it
            report_.note(at, fmt::format("read '{}: {}' as {}", key, text, format_date(*date_)));
        }
        return true;
    }
    report_.unread(at, key, text, "is not a date", "write it as YYYY-MM-DD, e.g. 2023-08-10");
    return true;
}

// "01:30" in New York on the night the clocks go back names two moments an hour apart: which one
// is not guessed. True (and a warning) when the local time is such a one.
bool TimeFields::at_clock_change(const TimeValue& value, date::local_seconds local) {
    if (!zone().at_clock_change(local)) {
        return false;
    }
    report_.unread(value.at, value.key, value.text,
                   fmt::format("falls in the hour {} clocks change: it names two moments, or none",
                               zone().name()),
                   "write it with its offset, e.g. 2024-11-03T01:30:00-04:00");
    return true;
}

bool TimeFields::read_time(Field field, const std::string& key, const std::string& written,
                           const Location& at) {
    const std::string text = zone_words_read(written);
    if (is_placeholder(text)) {
        report_.note(at, fmt::format("read '{}: {}' as no value", key, written));
        return false;
    }
    TimeValue& value = times_[field];
    value = {key, written, at, std::nullopt, std::nullopt};
    if (const auto unix_time = read_unix_time(text)) {
        value.utc = *unix_time;
        report_.note(at, fmt::format("read '{}: {}' as Unix time, {}", key, written,
                                     format_iso_utc(*unix_time)));
        return true;
    }
    if (const auto parsed = parse_timestamp(text, zone())) {
        // Written without an offset, it is a local time of the zone: read as UTC it differs.
        if (const auto as_utc = parse_timestamp(text, TimeZone::utc());
            as_utc && as_utc->utc != parsed->utc &&
            at_clock_change(value, date::local_seconds{as_utc->utc.time_since_epoch()})) {
            return true;
        }
        value.utc = parsed->utc;
        value.zoneless = !parsed->date_only && written_without_zone(text);
        if (field == Field::started) {
            started_day_ = written_day(text);
        }
        return true;
    }
    std::optional<WrittenInstant> instant = read_instant(text);
    if (!instant) {
        // "Detected by/at: PagerDuty alert, 2023-06-01 14:02 UTC": the time among the words.
        if (const auto in_words = read_instant_in_words(text)) {
            instant = in_words->instant;
            report_.note(
                at, fmt::format("read the time in '{}: {}' as '{}'", key, written, in_words->text));
        }
    }
    if (!instant || (instant->date && !valid({instant->date->year == 0 ? 2000 : instant->date->year,
                                              instant->date->month, instant->date->day}))) {
        report_.unread(at, key, written, "is not a date and time", kTimeHint);
        return true;
    }
    value.zoneless = instant->time && !instant->zone;
    if (field == Field::started) {
        started_zone_ = instant->zone;
        if (instant->date && instant->date->year != 0) {
            started_day_ = instant->date;
        }
    }
    if (instant->date && instant->date->year != 0) {
        if (!instant->zone &&
            at_clock_change(value,
                            local_time(*instant->date, instant->time.value_or(ClockTime{})))) {
            return true;
        }
        value.utc = local_to_utc(*instant->date, instant->time.value_or(ClockTime{}), instant->zone,
                                 zone());
        report_.note(at,
                     fmt::format("read '{}: {}' as {}", key, written, format_iso_utc(*value.utc)));
    } else {
        value.waiting = instant;  // settled in finish(), once `date` and `started` are known
    }
    return true;
}

bool TimeFields::read_duration(const std::string& key, const std::string& text, const Location& at,
                               std::optional<int> unit_seconds) {
    if (is_placeholder(text)) {
        report_.note(at, fmt::format("read '{}: {}' as no value", key, text));
        return false;
    }
    // "duration_seconds: 5400": a bare number in the unit the key names.
    if (const auto amount = plain_number(text); amount && unit_seconds && *amount >= 0) {
        const double exact = *amount * *unit_seconds / 60.0;
        duration_ = std::chrono::minutes{static_cast<long>(std::lround(exact))};
        duration_at_ = at;
        report_.note(
            at, fmt::format("read '{}: {}' as {}{}", key, text, format_duration(*duration_),
                            std::abs(exact - std::round(exact)) > 1e-9 ? ", to the minute" : ""));
        return true;
    }
    // A bare number is minutes ("duration: 90"), but Datadog and Rootly export time_to_resolve
    // in seconds, and other tools in minutes: under a "time to ..." key it is not guessed.
    if (plain_number(text) && !unit_seconds && fold_spelling(key).starts_with("timeto")) {
        report_.unread(at, key, text, "is a bare number that may be seconds or minutes",
                       fmt::format("write its unit: {}s or {}m", text, text));
        return true;
    }
    const auto minutes = read_duration_minutes(text);
    if (!minutes) {
        report_.unread(at, key, text, "is not a duration",
                       "write it like 1h30m, 90m, 1:30, PT1H30M or '2 hours 5 minutes'");
        return true;
    }
    duration_ = std::chrono::minutes{*minutes};
    duration_at_ = at;
    if (!parse_duration(text)) {
        report_.note(at,
                     fmt::format("read '{}: {}' as {}", key, text, format_duration(*duration_)));
    }
    return true;
}

void TimeFields::settle(Field field, TimeValue& value) {
    if (!value.waiting) {
        return;
    }
    const WrittenInstant& instant = *value.waiting;
    // The day a value written without one falls on: `date`, else the day `started` was written
    // with (not for `started` itself).
    std::optional<CalendarDate> base = date_written_;
    if (!base && field != Field::started) {
        base = started_day_;
    }
    CalendarDate day;
    if (instant.date) {
        if (!base) {
            report_.unread(value.at, value.key, value.text, "has no year",
                           "write the year, or set 'date: YYYY-MM-DD'");
            return;
        }
        day = {base->year, instant.date->month, instant.date->day};
    } else if (base) {
        day = *base;
    } else {
        report_.unread(value.at, value.key, value.text, "is a time of day without a date",
                       "write the date with it, or set 'date: YYYY-MM-DD' beside it");
        return;
    }
    if (!valid(day)) {
        report_.unread(value.at, value.key, value.text, "is not a date and time", kTimeHint);
        return;
    }
    // A zone written once, on `started`, holds for the times written after it without one.
    const auto written = instant.zone ? instant.zone : started_zone_;
    if (!written && at_clock_change(value, local_time(day, instant.time.value_or(ClockTime{})))) {
        return;
    }
    value.utc = local_to_utc(day, instant.time.value_or(ClockTime{}), written, zone());
    const auto started = times_.find(Field::started);
    if (field != Field::started && !instant.date && started != times_.end() &&
        started->second.utc && *value.utc < *started->second.utc) {
        *value.utc += date::days{1};  // "23:10" to "01:30" runs past midnight
    }
    report_.note(value.at, fmt::format("read '{}: {}' as {}", value.key, value.text,
                                       format_iso_utc(*value.utc)));
}

void TimeFields::finish(Postmortem& pm) {
    // An ambiguous `date` is the day `started` was written with, when that is its other reading.
    // Settled first, since the times written without a day take theirs from it.
    const auto started_on = [&](int month, int day) {
        return started_day_ && date_written_ && started_day_->year == date_written_->year &&
               started_day_->month == month && started_day_->day == day;
    };
    if (date_ambiguous_ && date_written_ &&
        (started_on(date_written_->day, date_written_->month) ||
         started_on(date_written_->month, date_written_->day))) {
        date_ = to_days(*started_day_);
        date_written_ = started_day_;
        report_.note(date_at_, fmt::format("read '{}: {}' as {}, the day 'started' gives (it could "
                                           "be read either way)",
                                           date_key_, date_text_, format_date(*date_)));
    } else if (date_ambiguous_ && date_) {
        // Month first, as US teams and the tools they export from write it; the note says so,
        // and `started` written with its own day settles it (above).
        report_.note(date_at_, fmt::format("read '{}: {}' as {} (month first)", date_key_,
                                           date_text_, format_date(*date_)));
    }
    if (const auto it = times_.find(Field::started); it != times_.end()) {
        settle(Field::started, it->second);
    }
    for (auto& [field, value] : times_) {
        if (field != Field::started) {
            settle(field, value);
        }
    }
    pm.date = date_;
    for (auto& [field, value] : times_) {
        if (auto* slot = moment(pm, field)) {
            *slot = value.utc;
        }
    }
    // cState and similar status pages write the start as 'date': a full timestamp there is the
    // start when nothing else says so, in an entry that reads as a status page's: it gives an
    // end (`resolvedWhen`), says whether it is resolved (`resolved: true` or `false`), or is
    // cState's `section: issue`. A blog's `date` with a time (Jekyll, Hugo, Zola) is when the
    // post was published, never the start (labelling.md).
    const auto status_page_entry = [&] {
        for (const auto& entry : pm.extra.items()) {
            const std::string key = fold_spelling(entry.key());
            if ((key == "resolved" && entry.value().is_boolean()) ||
                (key == "section" && entry.value().is_string() &&
                 entry.value().get<std::string>() == "issue")) {
                return true;
            }
        }
        return false;
    };
    if (!pm.started && date_time_ && pm.declared.count(Field::started) == 0 &&
        (pm.resolved || status_page_entry())) {
        pm.started = date_time_;
        pm.declared.insert(Field::started);
        if (date_time_zoneless_ && !own_zone_) {
            zoneless_.push_back(Field::started);
        }
    }
    if (!own_zone_) {
        for (const auto& [field, value] : times_) {
            if (value.utc && value.zoneless) {
                zoneless_.push_back(field);
            }
        }
    }
    pm.duration = duration_;
    if (pm.started && pm.resolved && *pm.resolved < *pm.started) {
        const TimeValue& end = times_[Field::resolved];
        report_.unread(
            end.at, end.key, end.text,
            fmt::format("is before 'started' ({}); it is left out", format_iso_utc(*pm.started)),
            "check the dates and the time zones of both, and write the time the "
            "impact ended, after the start");
        pm.resolved.reset();
        return;
    }
    if (pm.started && pm.resolved && pm.declared.count(Field::resolved) > 0) {
        const auto span = date::floor<std::chrono::minutes>(*pm.resolved - *pm.started);
        if (pm.duration && *pm.duration != span) {
            report_.warning(duration_at_,
                            fmt::format("'duration' ({}) disagrees with started..resolved ({})",
                                        format_duration(*pm.duration), format_duration(span)),
                            "the times win; remove 'duration' or correct it");
        }
        pm.duration = span;
    }
}

}  // namespace hindsight
