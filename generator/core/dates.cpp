// ISO 8601 parsing and display formatting with Howard Hinnant's date library.
#include "core/dates.hpp"

#include <cctype>
#include <exception>

#include <date/tz.h>
#include <fmt/format.h>

#include "core/text.hpp"

namespace hindsight {
namespace {

// A tiny cursor over the text; every reader returns false and leaves no partial state behind
// that matters, because the caller gives up on the whole text at the first failure.
struct Cursor {
    std::string_view text;
    std::size_t pos = 0;

    bool done() const { return pos >= text.size(); }
    char peek() const { return done() ? '\0' : text[pos]; }
    bool accept(char c) {
        if (peek() == c) {
            ++pos;
            return true;
        }
        return false;
    }
    bool digits(int count, int& value) {
        value = 0;
        for (int i = 0; i < count; ++i) {
            if (done() || !std::isdigit(static_cast<unsigned char>(text[pos]))) {
                return false;
            }
            value = value * 10 + (text[pos++] - '0');
        }
        return true;
    }
};

std::optional<date::year_month_day> read_ymd(Cursor& c) {
    int y = 0, m = 0, d = 0;
    if (!c.digits(4, y) || !c.accept('-') || !c.digits(2, m) || !c.accept('-') || !c.digits(2, d)) {
        return std::nullopt;
    }
    const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)},
                                   date::day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) {
        return std::nullopt;
    }
    return ymd;
}

// Reads "Z", "+HH", "+HH:MM", "+HHMM" or " UTC"; nullopt offset means "none given".
bool read_offset(Cursor& c, std::optional<std::chrono::minutes>& offset) {
    if (c.done()) {
        return true;
    }
    if (c.accept('Z') || c.accept('z')) {
        offset = std::chrono::minutes{0};
        return true;
    }
    if (c.text.substr(c.pos) == " UTC" || c.text.substr(c.pos) == " GMT") {
        c.pos = c.text.size();
        offset = std::chrono::minutes{0};
        return true;
    }
    const char sign = c.peek();
    if (sign != '+' && sign != '-') {
        return false;
    }
    ++c.pos;
    int hours = 0, minutes = 0;
    if (!c.digits(2, hours)) {
        return false;
    }
    if (!c.done()) {
        c.accept(':');
        if (!c.digits(2, minutes)) {
            return false;
        }
    }
    if (hours > 14 || minutes > 59) {
        return false;
    }
    const auto total = std::chrono::minutes{hours * 60 + minutes};
    offset = sign == '-' ? -total : total;
    return true;
}

}  // namespace

TimeZone TimeZone::utc() {
    return TimeZone{};
}

std::optional<TimeZone> TimeZone::from_name(std::string_view name) {
    name = trim(name);
    TimeZone zone;
    zone.name_ = std::string(name);
    if (name == "UTC" || name == "Z" || name == "GMT" || name == "Etc/UTC") {
        return zone;
    }
    if (!name.empty() && (name[0] == '+' || name[0] == '-')) {
        Cursor c{name};
        std::optional<std::chrono::minutes> offset;
        if (read_offset(c, offset) && offset && c.done()) {
            zone.offset_ = *offset;
            return zone;
        }
        return std::nullopt;
    }
    try {
        zone.zone_ = date::locate_zone(name);
    } catch (const std::exception&) {
        return std::nullopt;
    }
    return zone;
}

Timestamp TimeZone::to_utc(date::local_seconds local) const {
    if (zone_ != nullptr) {
        // Times in a DST gap or overlap take the earlier reading rather than failing.
        return zone_->to_sys(local, date::choose::earliest);
    }
    return Timestamp{local.time_since_epoch() - offset_};
}

bool TimeZone::at_clock_change(date::local_seconds local) const {
    return zone_ != nullptr && zone_->get_info(local).result != date::local_info::unique;
}

date::local_seconds TimeZone::to_local(Timestamp utc) const {
    if (zone_ != nullptr) {
        return zone_->to_local(utc);
    }
    return date::local_seconds{utc.time_since_epoch() + offset_};
}

date::sys_days TimeZone::day_of(Timestamp utc) const {
    return date::sys_days{date::floor<date::days>(to_local(utc)).time_since_epoch()};
}

std::optional<ParsedTimestamp> parse_timestamp(std::string_view text, const TimeZone& zone) {
    Cursor c{trim(text)};
    const auto ymd = read_ymd(c);
    if (!ymd) {
        return std::nullopt;
    }
    const date::local_days day{*ymd};
    if (c.done()) {
        return ParsedTimestamp{zone.to_utc(date::local_seconds{day}), true};
    }
    if (!c.accept('T') && !c.accept('t') && !c.accept(' ')) {
        return std::nullopt;
    }
    int h = 0, m = 0, s = 0;
    if (!c.digits(2, h) || !c.accept(':') || !c.digits(2, m)) {
        return std::nullopt;
    }
    if (c.accept(':')) {
        if (!c.digits(2, s)) {
            return std::nullopt;
        }
        if (c.accept('.') || c.accept(',')) {
            while (!c.done() && std::isdigit(static_cast<unsigned char>(c.peek()))) {
                ++c.pos;  // sub-second precision is dropped: incidents are timed to the second
            }
        }
    }
    if (h > 23 || m > 59 || s > 60) {
        return std::nullopt;
    }
    std::optional<std::chrono::minutes> offset;
    if (!read_offset(c, offset) || !c.done()) {
        return std::nullopt;
    }
    const date::local_seconds local =
        day + std::chrono::hours{h} + std::chrono::minutes{m} + std::chrono::seconds{s};
    if (offset) {
        return ParsedTimestamp{Timestamp{local.time_since_epoch() - *offset}, false};
    }
    return ParsedTimestamp{zone.to_utc(local), false};
}

std::optional<date::sys_days> parse_date(std::string_view text) {
    Cursor c{trim(text)};
    const auto ymd = read_ymd(c);
    if (!ymd || !c.done()) {
        return std::nullopt;
    }
    return date::sys_days{*ymd};
}

std::string format_iso_utc(Timestamp t) {
    return date::format("%Y-%m-%dT%H:%M:%SZ", t);
}

std::string format_date(date::sys_days day) {
    return date::format("%Y-%m-%d", day);
}

std::string format_display_date(date::sys_days day) {
    const date::year_month_day ymd{day};
    return fmt::format("{} {} {}", static_cast<unsigned>(ymd.day()),
                       date::format("%b", ymd.month()), static_cast<int>(ymd.year()));
}

std::string format_display_time(Timestamp t) {
    return date::format("%Y-%m-%d %H:%M UTC", t);
}

std::optional<std::chrono::minutes> parse_duration(std::string_view text) {
    std::string s;
    for (const char ch : trim(text)) {
        if (ch != ' ') {
            s += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        }
    }
    if (s.empty()) {
        return std::nullopt;
    }
    const bool iso = s.starts_with('p');  // "PT1H30M", "P1D"
    std::size_t pos = iso ? (s.starts_with("pt") ? 2 : 1) : 0;
    long long total = 0;
    bool any = false;
    long long last_factor = 0;
    while (pos < s.size()) {
        if (iso && s[pos] == 't') {
            ++pos;
            continue;
        }
        std::size_t start = pos;
        while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) {
            ++pos;
        }
        if (start == pos || pos - start > 7) {
            return std::nullopt;
        }
        const long long value = std::stoll(s.substr(start, pos - start));
        std::size_t unit_end = pos;
        while (unit_end < s.size() && std::isalpha(static_cast<unsigned char>(s[unit_end])) &&
               !(iso && s[unit_end] == 't')) {
            ++unit_end;
        }
        const std::string unit = s.substr(pos, unit_end - pos);
        pos = unit_end;
        long long factor = 0;
        if (unit == "d" || unit == "day" || unit == "days") {
            factor = 24 * 60;
        } else if (unit == "h" || unit == "hr" || unit == "hrs" || unit == "hour" ||
                   unit == "hours") {
            factor = 60;
        } else if (unit == "m" || unit == "min" || unit == "mins" || unit == "minute" ||
                   unit == "minutes" || (unit.empty() && !any && pos == s.size() && !iso) ||
                   (unit.empty() && last_factor == 60 && pos == s.size() && !iso)) {
            factor = 1;  // also the bare minutes of "1h30"
        } else {
            return std::nullopt;
        }
        total += value * factor;
        any = true;
        last_factor = factor;
    }
    if (!any) {
        return std::nullopt;
    }
    return std::chrono::minutes{total};
}

std::string format_duration(std::chrono::minutes duration) {
    long long total = duration.count();
    if (total < 0) {
        total = 0;
    }
    const long long days = total / (24 * 60);
    const long long hours = (total / 60) % 24;
    const long long minutes = total % 60;
    if (days > 0) {
        return hours > 0 ? fmt::format("{} d {} h", days, hours) : fmt::format("{} d", days);
    }
    if (hours > 0) {
        return minutes > 0 ? fmt::format("{} h {} min", hours, minutes)
                           : fmt::format("{} h", hours);
    }
    return fmt::format("{} min", minutes);
}

}  // namespace hindsight
