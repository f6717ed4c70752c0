// Choosing incident times: labelled start/end lines, then a stated range, then the timeline.
#include "extract/times.hpp"

#include <algorithm>
#include <cctype>
#include <initializer_list>

#include "core/text.hpp"
#include "extract/action_words.hpp"
#include "extract/durations.hpp"
#include "extract/time_expressions.hpp"
#include "extract/written_values.hpp"

namespace hindsight {
namespace {

struct ScannedLine {
    const SourceLine* line = nullptr;
    const LineContext* context = nullptr;
    LineTimes times;
    std::string lower;
};

bool contains(std::string_view text, std::string_view word) {
    return text.find(word) != std::string_view::npos;
}

bool contains_any(std::string_view text, std::initializer_list<std::string_view> words) {
    return std::any_of(words.begin(), words.end(),
                       [&](std::string_view word) { return contains(text, word); });
}

// Lines whose dates are about the document, not the incident: "Posted on March 3, 2023",
// "Last updated: ...". The words come before the date; in "21:17 UTC: the authors published
// the crates" the time comes first, and it is an event.
bool is_publication_line(std::string_view lower, const LineTimes& times) {
    const std::size_t first_time =
        times.instants.empty() ? lower.size() : times.instants.front().begin;
    for (const std::string_view word :
         {"posted", "published", "last updated", "updated on", "written on", "written by",
          "author:", "date of report", "report date"}) {
        const auto at = lower.find(word);
        if (at != std::string_view::npos && at < first_time) {
            return true;
        }
    }
    return false;
}

bool is_start_label(std::string_view label) {
    return label.starts_with("start") || contains(label, "start time") ||
           contains(label, "started") || label == "began" || label == "outage began" ||
           contains(label, "incident start") || contains(label, "outage start") || label == "from";
}

bool is_end_label(std::string_view label) {
    return label == "end" || label.starts_with("end time") || contains(label, " end time") ||
           label == "ended" || label == "resolved" || label == "resolved at" ||
           contains(label, "resolution time") || label == "time resolved" || label == "restored" ||
           contains(label, "incident end") || contains(label, "outage end") || label == "to" ||
           label == "until";
}

// "Provider systems recovered" may precede "All services confirmed operational": the weaker
// words count only when no event says the stronger ones.
bool says_recovering(std::string_view lower) {
    return contains_any(lower,
                        {"recovered",        "recovering",    "mitigated",        "stabiliz",
                         "fix was deployed", "is fixed",      "was fixed",        "been fixed",
                         "now running",      "running again", "up and running",   "working again",
                         "is now working",   "back up",       "working normally", "now working",
                         "available again",  "up again",      "accessible again", "reachable again",
                         "online again"});
}

bool says_resolved(std::string_view lower) {
    if (contains(lower, "resolv") && !contains(lower, "unresolv") &&
        !contains(lower, "not resolv")) {
        return true;
    }
    if (contains(lower, "operational") && !contains(lower, "non-operational") &&
        !contains(lower, "not operational")) {
        return true;
    }
    return contains_any(
        lower, {"outage ends", "outage ended", "incident ends", "impact ends", "restored",
                "back to normal", "back online", "returned to normal", "returns to normal",
                "back to 100%", "service was back", "services were back", "issue was fixed",
                "all clear", "normal operation", "fully functional",
                // "Repaired 2021-07-12 15:51" before "Resolved 2021-07-13 11:49": the service
                // works again, and the incident is closed later (real22/001, real24/004, 006).
                "repaired"});
}

// "was out of service for six days" (real2/123), "crashing hard for 4 hours straight"
// (real2/090), "a 7-day suspension" (real12/004), "a 5 day outage": a failure and how long it
// went on, in a sentence.
bool failing_for_a_length(std::string_view lower) {
    for (const std::string_view failure :
         {"out of service", "unavailable", "offline", "unreachable", "crashing", "crashed",
          "went down", "is down", "down hard", "broken", "suspended"}) {
        for (std::size_t at = lower.find(failure); at != std::string_view::npos;
             at = lower.find(failure, at + 1)) {
            // "for" within a few words after it: "offline for", "crashing hard for"
            const std::string_view after = lower.substr(at + failure.size(), 16);
            if (after.find(" for ") != std::string_view::npos) {
                return true;
            }
        }
    }
    for (const std::string_view unit : {"day", "hour", "minute"}) {
        for (const std::string_view what : {" outage", " suspension", " downtime", " disruption"}) {
            for (const char joint : {'-', ' '}) {
                const std::string written =
                    std::string(1, joint) + std::string(unit) + std::string(what);
                const auto at = lower.find(written);
                // A number before it: "7-day suspension", "5 day outage"
                if (at != std::string_view::npos && at > 0 &&
                    std::isdigit(static_cast<unsigned char>(lower[at - 1])) != 0) {
                    return true;
                }
            }
        }
    }
    return false;
}

// An event that says the impact began as it was noticed ("users reported errors"): its time is
// the start, as far as the text knows.
bool says_harm_began(std::string_view lower) {
    return contains_any(lower, {"error", "fail", "down", "outage", "unavailable", "slow"});
}

bool says_load_rising(std::string_view lower) {
    return contains_any(
        lower, {"increase in traffic", "increase in user traffic", "traffic increase",
                "traffic spike", "spike in traffic", "surge", "increase in load", "load increase",
                "significant load", "high load", "heavy load"});
}

bool says_change(std::string_view lower) {
    return contains_any(lower, {"deploy", "rollout", "rolled out", "release", "config", "update",
                                "upgrade", "migrat", "merged", "switched", "changed"});
}

// Words that say something broke: errors, failures, slowness, unavailability.
bool says_harm(std::string_view lower) {
    return contains_any(
        lower, {"error",       "fail",     "timeout", "timed out",   "slow",         "latency",
                "unavailable", "outage",   "down",    "unreachable", "inaccessible", "not working",
                "n't working", "degrad",   "crash",   "struggl",     "impact",       "unable",
                "could not",   "couldn't", " 500",    " 502",        " 503"});
}

// Whether a line may state a length: a unit word, or a digit with "h" or "m" after it ("2h 3m").
bool names_length_unit(std::string_view lower) {
    if (contains_any(lower, {"min", "hour", "hr", "day"})) {
        return true;
    }
    for (std::size_t i = 0; i + 1 < lower.size(); ++i) {
        if (std::isdigit(static_cast<unsigned char>(lower[i])) != 0) {
            const std::size_t unit = lower[i + 1] == ' ' ? i + 2 : i + 1;
            if (unit < lower.size() && (lower[unit] == 'h' || lower[unit] == 'm')) {
                return true;
            }
        }
    }
    return false;
}

bool says_detected(std::string_view lower) {
    return contains_any(lower, {"detected", "alert", "noticed", "observed", "report", "discovered",
                                "paged", "was notified", "were notified", "received a call",
                                "received calls", "complaints", "first report", "monitoring"});
}

// The problem noticed, or reported to the writer by someone else ("OSTIF notified conda-forge").
bool says_reported(std::string_view lower) {
    return says_detected(lower) ||
           contains_any(lower, {"notified", "informed us", "contacted us", "alerted"});
}

// The most times a line may hold for a range in it to be the incident's window.
constexpr std::size_t kMaxInstantsInRangeLine = 6;

// The longest window read from a text: longer ones come from dates that disagree.
constexpr auto kMaxWindow = date::days{31};

// An event's text is read for what it says happened; past this length it is a pasted log.
constexpr std::size_t kMaxEventText = 2000;

class TimeExtractor {
  public:
    TimeExtractor(const std::vector<SourceLine>& lines, const std::vector<LineContext>& contexts,
                  const TimeContext& context)
        : context_(context) {
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const SourceLine& line = lines[i];
            if (line.kind == LineKind::code || line.text.empty()) {
                continue;
            }
            ScannedLine scanned{&line, &contexts[i], scan_times(line.text),
                                to_lower_ascii(line.text)};
            if (is_publication_line(scanned.lower, scanned.times)) {
                continue;
            }
            (line.in_quote ? quoted_ : scanned_).push_back(std::move(scanned));
        }
        find_context();
    }

    // Timeline events: a line opening with a time, plus the lines of its paragraph after it.
    struct Event {
        const ScannedLine* line;
        std::string lower;  // the whole event's text
        std::string text;
        std::optional<Instant> day;  // "### 2025-07-26 Saturday" above a run of times
    };

    std::vector<Event> events() const {
        auto list = events_in(kTimeline, 40);
        if (list.size() < 2) {
            // Many timelines have no heading: a run of lines that open with a time.
            list = events_in(0, 2);
            if (list.size() < 3) {
                list.clear();
            }
        }
        return list;
    }

    // Lines opening with a time (within `reach` bytes) in the given parts, 0 for any part
    // but the plans and lessons.
    std::vector<Event> events_in(unsigned part, std::size_t reach) const {
        std::vector<Event> list;
        std::optional<Instant> day;
        bool in_event_heading = false;  // the lines under an event's heading are its text
        for (const auto& s : scanned_) {
            // A day line counts in the part it heads: a dated title above the timeline is
            // often the day of writing.
            if (!s.times.instants.empty() && s.times.instants[0].date &&
                !s.times.instants[0].time && s.times.instants.size() == 1 &&
                s.line->text.size() < 40 && (part == 0 || in_section(s, part))) {
                day = s.times.instants[0];
            }
            const bool heading = s.line->kind == LineKind::heading;
            const bool opens = !s.times.instants.empty() && s.times.instants[0].time &&
                               s.times.instants[0].begin <= reach;
            // "### 21:24 - Delete the quota object" heads an event told in the paragraphs
            // under it, in a timeline written as headings.
            const bool event_heading = heading && opens && part == kTimeline;
            if (heading && !event_heading) {
                in_event_heading = false;
            }
            if ((heading && !event_heading) || (part != 0 && !in_section(s, part)) ||
                (part == 0 && in_section(s, kActions | kLessons))) {
                continue;
            }
            if (opens) {
                list.push_back({&s, s.lower, s.line->text, day});
                // "2018-03-26 10:34" dates the undated times after it.
                if (s.times.instants[0].date && s.times.instants[0].date->year != 0) {
                    day = s.times.instants[0];
                    day->time.reset();
                    day->zone.reset();
                }
                in_event_heading = event_heading;
            } else if (!list.empty() &&
                       (in_event_heading || list.back().line->line->block == s.line->block)) {
                if (list.back().text.size() < kMaxEventText) {
                    list.back().lower += " " + s.lower;
                    list.back().text += " " + s.line->text;
                }
            }
        }
        return list;
    }

    ExtractedTimes run() {
        bool timeline_window = false;
        from_labels() || from_range() || (timeline_window = from_timeline()) || from_quoted_range();
        if (!out_.started && !out_.resolved && !date_) {
            timeline_window = dateless_window();
        }
        if (!out_.started && !out_.resolved && !dateless_minutes_) {
            status_notice_window();
        }
        stated_duration();
        if (timeline_window) {
            weigh_length_claims();
        }
        collect_timeline();
        detection();
        finish();
        return std::move(out_);
    }

  private:
    Evidence evidence(const ScannedLine& s) const {
        return {s.line->line + context_.line_offset, s.line->text};
    }

    bool in_section(const ScannedLine& s, unsigned kinds) const {
        return (s.context->section & kinds) != 0;
    }

    // The first full date (with a year) the document gives, and the first zone it names:
    // they place times written alone ("10:00 AM") and dates without a year ("July 2nd").
    void find_context() {
        if (context_.known_date) {
            const date::year_month_day ymd{*context_.known_date};
            date_ =
                CalendarDate{static_cast<int>(ymd.year()), static_cast<int>(unsigned(ymd.month())),
                             static_cast<int>(unsigned(ymd.day()))};
        }
        for (const auto& s : scanned_) {
            // "All times in PST", "All times PDT.", "Times are in UTC", "All times listed are in
            // [Pacific Time](link)", "## Timeline (Eastern Time, EST)": the document's zone. A
            // short line only (a sentence about the times, not a paragraph that happens to name
            // a zone); a line's text holds a link's words, not its target.
            const bool declares =
                contains(s.lower, "times") ||
                (s.line->kind == LineKind::heading && contains(s.lower, "timeline"));
            if (!zone_ && declares && s.line->text.size() < 120) {
                zone_ = find_zone_word(s.line->text);
            }
        }
        for (const auto& s : scanned_) {
            // Due dates of action items are never the incident's (labelling.md).
            if (in_section(s, kActions)) {
                continue;
            }
            for (const auto& instant : s.times.instants) {
                if (!date_ && instant.date && instant.date->year != 0) {
                    date_ = instant.date;
                    out_.date_from = evidence(s);
                }
                if (!zone_ && instant.zone && instant.time) {
                    zone_ = instant.zone;
                }
            }
        }
    }

    std::optional<CalendarDate> complete(std::optional<CalendarDate> date) const {
        if (date && date->year == 0) {
            if (!date_) {
                return std::nullopt;
            }
            date->year = date_->year;
        }
        return date;
    }

    // A full timestamp from an instant, borrowing date and zone from its partner in a range,
    // then from the document; nothing when no date can be had.
    std::optional<Timestamp> resolve(const Instant& instant, const Instant* partner,
                                     bool use_document_date = true) {
        if (!instant.time) {
            return std::nullopt;
        }
        std::optional<CalendarDate> day = complete(instant.date);
        if (!day && partner != nullptr) {
            day = complete(partner->date);
        }
        if (!day && use_document_date) {
            day = date_;
        }
        if (!day) {
            return std::nullopt;
        }
        std::optional<WrittenZone> zone = instant.zone;
        if (!zone && partner != nullptr) {
            zone = partner->zone;
        }
        if (!zone) {
            zone = zone_;
        }
        if (!zone) {
            out_.zone_assumed = true;
        }
        return local_to_utc(*day, *instant.time, zone, context_.site_zone);
    }

    // Resolves both ends (each borrowing a date and zone from its partner), lets an end written
    // without a date run past midnight ("23:00 - 01:30"), and keeps the pair only in order.
    bool accept(const Instant& a, const Instant* a_partner, const Instant& b,
                const Instant* b_partner, const Evidence& start_from, const Evidence& end_from) {
        auto start = resolve(a, a_partner);
        auto end = resolve(b, b_partner);
        if (!start || !end) {
            return false;
        }
        if (*end < *start && !b.date) {
            *end += date::days{1};
        }
        if (*end < *start) {
            return false;
        }
        // Dates from two parts of a text that disagree ("March 17, 2019" above, an event of
        // "March 11, 2024" below) make windows of years: no incident's impact lasts that long.
        if (*end - *start > kMaxWindow) {
            if (!out_.too_long) {
                out_.too_long = std::make_pair(
                    start_from, static_cast<int>(date::floor<date::days>(*end - *start).count()));
            }
            return false;
        }
        out_.started = start;
        out_.resolved = end;
        out_.started_from = start_from;
        out_.resolved_from = end_from;
        return true;
    }

    bool set_range(const ScannedLine& s, const InstantRange& range) {
        // A line of many times is a timeline run together (a page pasted as one line of
        // HTML): two of its events joined by a dash are no window.
        if (s.times.instants.size() > kMaxInstantsInRangeLine) {
            return false;
        }
        const Instant& a = s.times.instants[range.start];
        const Instant& b = s.times.instants[range.end];
        if (!a.date && !b.date) {
            // "On 2023-07-20 between 12:17 and 12:30 UTC": the line dates its own range.
            if (const Instant* day = day_in_line(s, range)) {
                Instant dated_a = a;
                dated_a.date = day->date;
                return accept(dated_a, &b, b, &dated_a, evidence(s), evidence(s));
            }
        }
        return accept(a, &b, b, &a, evidence(s), evidence(s));
    }

    // The date written alone nearest before a range in its line, else nearest after it.
    static const Instant* day_in_line(const ScannedLine& s, const InstantRange& range) {
        const auto& all = s.times.instants;
        const auto is_day = [](const Instant& i) { return i.date && !i.time && i.date->year != 0; };
        for (std::size_t i = range.start; i-- > 0;) {
            if (is_day(all[i])) {
                return &all[i];
            }
        }
        for (std::size_t i = range.end + 1; i < all.size(); ++i) {
            if (is_day(all[i])) {
                return &all[i];
            }
        }
        return nullptr;
    }

    // "Start Time: October 14, 2023, 10:00 AM (UTC)" and "End Time: ..." lines.
    bool from_labels() {
        const ScannedLine* start_line = nullptr;
        const ScannedLine* end_line = nullptr;
        for (const auto& s : scanned_) {
            if (in_section(s, kTimeline) || s.context->label.empty()) {
                continue;
            }
            const auto& label = s.context->label;
            const bool has_time = std::any_of(s.times.instants.begin(), s.times.instants.end(),
                                              [](const Instant& i) { return i.time.has_value(); });
            if (!has_time) {
                continue;
            }
            if (!start_line && is_start_label(label)) {
                start_line = &s;
            } else if (start_line && !end_line && is_end_label(label)) {
                end_line = &s;
            }
        }
        if (!start_line || !end_line) {
            return false;
        }
        const auto first_timed = [](const ScannedLine& s) -> const Instant& {
            return *std::find_if(s.times.instants.begin(), s.times.instants.end(),
                                 [](const Instant& i) { return i.time.has_value(); });
        };
        const Instant& a = first_timed(*start_line);
        const Instant& b = first_timed(*end_line);
        if (!accept(a, &b, b, &a, evidence(*start_line), evidence(*end_line))) {
            return false;
        }
        out_.stated_outright = true;
        return true;
    }

    // A range in a Duration line, or early in the text, before the timeline and the analysis.
    bool from_range() {
        if (from_range_with_length()) {
            return true;
        }
        for (const auto& s : scanned_) {
            if (!contains(s.context->label, "duration") && !in_section(s, kDuration)) {
                continue;
            }
            for (const auto& range : s.times.ranges) {
                if (set_range(s, range)) {
                    out_.stated_outright = true;  // a "Duration:" line names the window
                    return true;
                }
            }
        }
        for (const auto& s : scanned_) {
            if (in_section(s, kTimeline | kRootCause | kResolution | kActions | kLessons) &&
                !in_section(s, kSummary | kImpact | kDuration)) {
                break;
            }
            for (const auto& range : s.times.ranges) {
                if (set_range(s, range)) {
                    return true;
                }
            }
        }
        return false;
    }

    // "For 44 minutes between 4:50am and 5:34am UTC": a range whose line states its length
    // too is the window, over a looser range elsewhere ("between the hour of 4:50-5:20AM").
    bool from_range_with_length() {
        for (const auto& s : scanned_) {
            if (s.times.ranges.empty() || in_section(s, kTimeline | kActions | kLessons) ||
                !names_length_unit(s.lower)) {
                continue;
            }
            const auto stated = hindsight::stated_duration(s.line->text);
            if (!stated) {
                continue;
            }
            for (const auto& range : s.times.ranges) {
                const ExtractedTimes saved = out_;
                if (set_range(s, range) &&
                    std::abs(
                        date::floor<std::chrono::minutes>(*out_.resolved - *out_.started).count() -
                        stated->minutes) <= 1) {
                    // Not stated outright: "for 58 minutes, 00:00 to 00:58" is the impact,
                    // which may end at mitigation before a declared resolution.
                    return true;
                }
                out_ = saved;
            }
        }
        return false;
    }

    // The first timeline event, and the first later one that says the impact ended.
    bool from_timeline() {
        const auto list = events();

        if (list.size() < 2) {
            return false;
        }
        if (start_unknown(*list.front().line)) {
            return false;
        }
        const std::size_t first = opening_event(list);
        for (const auto says : {&says_resolved, &says_recovering}) {
            for (std::size_t i = first + 1; i < list.size(); ++i) {
                if (says(list[i].lower)) {
                    // "09:54 Indexer service is restored", then "11:31 Degraded performance
                    // declared": the impact went on, and which event ended it is unclear.
                    if (const auto again = harm_after(list, i)) {
                        if (!out_.end_unclear) {
                            out_.end_unclear = std::make_pair(evidence(*list[i].line),
                                                              evidence(*list[*again].line));
                        }
                        break;
                    }
                    if (const auto earlier = dated_before_report(list[first])) {
                        return end_only(list[first], list[i], *earlier);
                    }
                    return set_events(list[first], list[i]) && start_before_detection(list[first]);
                }
            }
        }
        // No event says the impact ended: the start is still known.
        const Event& first_event = list[first];
        if (const auto earlier = dated_before_report(first_event)) {
            out_.reported_after_start = std::make_pair(evidence(*first_event.line), *earlier);
            return false;
        }
        if (auto start = resolve(first_event.line->times.instants[0],
                                 first_event.day ? &*first_event.day : nullptr)) {
            out_.started = start;
            out_.started_from = evidence(*first_event.line);
            return true;
        }
        return false;
    }

    // "At 11:30 AM MST, chaos was injected" in the summary, and a timeline opening "12:05 PM:
    // high latency observed": the timeline opens when the impact was noticed, and the summary
    // says when it began. The earliest time the summary or impact part gives before the
    // opening event, on its day, is the start. Always true: the window stands either way.
    bool start_before_detection(const Event& opening) {
        if (!says_detected(opening.lower) || !out_.started) {
            return true;
        }
        std::optional<Timestamp> earliest;
        Evidence from;
        for (const auto& s : scanned_) {
            if (!in_section(s, kSummary | kImpact) || in_section(s, kTimeline)) {
                continue;
            }
            for (const auto& instant : s.times.instants) {
                const auto when = resolve(instant, nullptr);
                if (when && *when < *out_.started && *out_.started - *when < date::days{1} &&
                    (!earliest || *when < *earliest)) {
                    earliest = when;
                    from = evidence(s);
                }
            }
        }
        if (earliest) {
            out_.started = earliest;
            out_.started_from = from;
        }
        return true;
    }

    // "2025-04-01 13:35 UTC: OSTIF notified conda-forge of the leaked token" opening a response
    // timeline, and "from on or about 2025-02-10 through 2025-04-01" above it (real8/013);
    // "Initial Discovery | April 22nd, 2025 08:14 UTC | Ripple alerted by an external security
    // researcher", and "On April 21st, 2025, several versions ... were published with malicious
    // code" (real16/002): the line outside the timeline that dates the impact to an earlier day,
    // when the opening event is the problem being reported.
    std::optional<Evidence> dated_before_report(const Event& opening) const {
        if (!says_reported(opening.lower) || says_harm_began(opening.lower)) {
            return std::nullopt;
        }
        const Instant& at = opening.line->times.instants[0];
        const auto day = complete(at.date ? at.date : (opening.day ? opening.day->date : at.date));
        if (!day) {
            return std::nullopt;
        }
        const auto opened = date::sys_days{date::year{day->year} / day->month / day->day};
        // A text that dates the impact to a time of the report's own day ("On 13:39 UTC on
        // November 25 2024, ... nodes crashed", real16/001) knows when it began; a line that
        // tells the report again ("At 8:14 AM UTC on 22 Apr 2025, Ripple teams were alerted")
        // does not say so.
        for (const auto& s : scanned_) {
            if (in_section(s, kTimeline | kActions | kLessons) || says_reported(s.lower)) {
                continue;
            }
            for (const auto& instant : s.times.instants) {
                if (instant.time && instant.date && complete(instant.date) &&
                    complete(instant.date)->year == day->year &&
                    instant.date->month == day->month && instant.date->day == day->day) {
                    return std::nullopt;
                }
            }
        }
        for (const auto& s : scanned_) {
            if (in_section(s, kTimeline | kActions | kLessons) ||
                s.line->kind == LineKind::heading) {
                continue;
            }
            for (const auto& instant : s.times.instants) {
                if (!instant.date || instant.date->year == 0) {
                    continue;
                }
                const auto& d = *instant.date;
                const date::year_month_day ymd{date::year{d.year} / d.month / d.day};
                if (!ymd.ok()) {
                    continue;
                }
                const auto when = date::sys_days{ymd};
                // Days before the report, and in the same year or so: an older incident the text
                // recalls is not this one's start.
                if (when < opened && opened - when <= date::days{120}) {
                    return evidence(s);
                }
            }
        }
        return std::nullopt;
    }

    // The timeline's end is kept; its start, opened by a report, is not the impact's.
    bool end_only(const Event& opening, const Event& last, const Evidence& earlier) {
        out_.reported_after_start = std::make_pair(evidence(*opening.line), earlier);
        if (auto end = resolve(last.line->times.instants[0], last.day ? &*last.day : nullptr)) {
            out_.resolved = end;
            out_.resolved_from = evidence(*last.line);
            return true;
        }
        return false;
    }

    // The first event after `end` that says something is broken again, if any.
    static std::optional<std::size_t> harm_after(const std::vector<Event>& list, std::size_t end) {
        for (std::size_t i = end + 1; i < list.size(); ++i) {
            if (says_harm(list[i].lower) && !says_resolved(list[i].lower) &&
                !says_recovering(list[i].lower)) {
                return i;
            }
        }
        return std::nullopt;
    }

    // "[???] IOPS reached a critical point" above the first timed event: the text says the
    // incident began at a time it does not know, so the first known time is not the start.
    bool start_unknown(const ScannedLine& first_event) const {
        for (const auto& s : scanned_) {
            if (&s == &first_event) {
                return false;
            }
            if (!in_section(s, kTimeline) || s.line->kind == LineKind::heading) {
                continue;
            }
            std::string_view rest = s.lower;
            while (!rest.empty() &&
                   std::string_view(" *-|[(").find(rest.front()) != std::string_view::npos) {
                rest.remove_prefix(1);
            }
            for (const auto placeholder : {"???", "??:??", "hh:mm", "unknown time", "tbd"}) {
                if (rest.starts_with(placeholder)) {
                    return true;
                }
            }
        }
        return false;
    }

    // The incident opens with the first event, a change being made included: whether a change
    // "is" the impact is a judgement the text rarely settles. Traffic rising is different: it
    // causes many outages but is not yet their impact, so an opening event that only says load
    // rose gives way to the first event that says something broke.
    static std::size_t opening_event(const std::vector<Event>& list) {
        std::size_t i = 0;
        while (i + 1 < list.size() && says_load_rising(list[i].lower) &&
               !says_harm(list[i].lower) && !says_change(list[i].lower)) {
            ++i;
        }
        const bool broke = says_harm(list[i].lower) && !says_resolved(list[i].lower) &&
                           !says_recovering(list[i].lower);
        return broke ? i : 0;
    }

    bool set_events(const Event& first, const Event& last) {
        const Instant& a = first.line->times.instants[0];
        const Instant& b = last.line->times.instants[0];
        // Two events at one instant (a time written twice) give no window.
        if (a.date == b.date && a.time == b.time) {
            return false;
        }
        return accept(a, first.day ? &*first.day : nullptr, b, last.day ? &*last.day : &a,
                      evidence(*first.line), evidence(*last.line));
    }

    // A range written in a block quote, when nothing else gives the times: authors quote
    // their own summary for emphasis as often as they quote chat.
    bool from_quoted_range() {
        for (const auto& s : quoted_) {
            for (const auto& range : s.times.ranges) {
                if (set_range(s, range)) {
                    return true;
                }
            }
        }
        return false;
    }

    void stated_duration() {
        for (const auto& s : scanned_) {
            if (in_section(s, kTimeline) || s.line->kind == LineKind::heading) {
                continue;
            }
            const bool duration_line =
                contains(s.context->label, "duration") || in_section(s, kDuration);
            const bool says_length =
                contains(s.lower, "lasted") || contains(s.lower, "duration") ||
                contains(s.lower, "for a period of") || contains(s.lower, "downtime of") ||
                contains(s.lower, "outage of") || contains(s.lower, "was down for") ||
                contains(s.lower, "were down for") || contains(s.lower, " hours)") ||
                contains(s.lower, " minutes)") || contains(s.lower, " hour)");
            // "offline for 20 minutes", "a 19-hour outage": said in passing, and rounded, so
            // times a few minutes off do not contradict it.
            const bool in_passing = !duration_line && !says_length && failing_for_a_length(s.lower);
            if (!duration_line && !says_length && !in_passing) {
                continue;
            }
            if (auto stated = hindsight::stated_duration(s.line->text)) {
                out_.stated_minutes = stated->minutes;
                out_.stated_approximate = stated->approximate || in_passing;
                out_.stated_from = evidence(s);
                return;
            }
        }
    }

    // The timeline's window is the extractor's choice of two events, the end most of all
    // ("GitHub says the problem is fixed" half an hour before the fix was deployed). When the
    // text states the incident's length outright and the window disagrees with it, the text is
    // ambiguous: the end and the length are left out, the start kept (it is the first event).
    // Approximate lengths ("approximately nine hours") are no claim: authors round them, and
    // a timeline beats them (labelling.md).
    void weigh_length_claims() {
        const std::optional<int> span =
            out_.started && out_.resolved
                ? std::optional<int>(static_cast<int>(
                      date::floor<std::chrono::minutes>(*out_.resolved - *out_.started).count()))
                : dateless_minutes_;
        if (!span) {
            return;
        }
        for (const auto& s : scanned_) {
            if (in_section(s, kActions | kLessons) || s.line->kind == LineKind::heading ||
                s.line->kind == LineKind::table_row) {
                continue;
            }
            // A timeline event's own text tells a step ("took 5 minutes to restart").
            if (!s.times.instants.empty() && s.times.instants[0].time &&
                s.times.instants[0].begin <= 40) {
                continue;
            }
            if (!names_length_unit(s.lower)) {
                continue;
            }
            const bool duration_line =
                contains(s.context->label, "duration") || in_section(s, kDuration);
            for (const auto& claim : stated_durations(s.line->text)) {
                // "lasted 2 hours", "took 91 minutes", "down for 20 minutes", "a 45-minute
                // outage", "a 7 minute cascading failure" (said of harm).
                const bool of_incident = duration_line || claim.before == "lasted" ||
                                         claim.before == "took" || claim.before == "for" ||
                                         is_incident_word(claim.after) ||
                                         (claim.before == "a" && says_harm(s.lower));
                if (claim.approximate || !of_incident) {
                    continue;
                }
                if (std::abs(claim.minutes - *span) > std::max(1, claim.minutes / 10)) {
                    out_.length_conflict = LengthConflict{evidence(s), claim.minutes, *span};
                    out_.resolved.reset();
                    out_.resolved_from = {};
                    dateless_minutes_.reset();
                    return;
                }
            }
        }
    }

    static bool is_incident_word(std::string_view word) {
        for (const std::string_view noun : {"outage", "downtime", "failure", "incident",
                                            "disruption", "interruption", "window"}) {
            if (word == noun) {
                return true;
            }
        }
        return false;
    }

    void collect_timeline() {
        std::optional<Timestamp> previous;
        for (const auto& event : events()) {
            const ScannedLine& s = *event.line;
            const Instant& instant = s.times.instants[0];
            TimelineEntry entry;
            entry.line = s.line->line + context_.line_offset;
            entry.when = s.line->text.substr(instant.begin, instant.end - instant.begin);
            std::string_view rest = std::string_view(event.text).substr(instant.end);
            while (!rest.empty() &&
                   std::string_view(" :-|)]*,.\t").find(rest.front()) != std::string_view::npos) {
                rest.remove_prefix(1);
            }
            entry.text = std::string(rest);
            entry.time = resolve(instant, event.day ? &*event.day : nullptr);
            // Times written without a date run on past midnight in order.
            if (entry.time && previous && *entry.time < *previous && !instant.date) {
                *entry.time += date::days{1};
            }
            if (entry.time) {
                previous = entry.time;
            }
            out_.timeline.push_back(std::move(entry));
        }
    }

    void detection() {
        for (const auto& entry : out_.timeline) {
            if (entry.time && says_detected(to_lower_ascii(entry.text))) {
                out_.detected = entry.time;
                out_.detected_from = {entry.line, entry.when + " " + entry.text};
                return;
            }
        }
        for (const auto& s : scanned_) {
            const bool mentions = contains(s.lower, "detected") || contains(s.lower, "noticed") ||
                                  contains(s.lower, "alerted");
            if (in_section(s, kTimeline) || !mentions) {
                continue;
            }
            for (const auto& instant : s.times.instants) {
                if (auto time = resolve(instant, nullptr)) {
                    out_.detected = time;
                    out_.detected_from = evidence(s);
                    return;
                }
            }
        }
    }

    // A status notice: "the updates have been failing since 5 am", then "Update 6/2/2016,
    // 2:10 pm - The problem has been fixed" (real27/004; real25/002: "This problem started at
    // about 9 am", "Update 5:20 pm - The updates are working again"). The two clock times give
    // the length, as dateless times do in labelling.md; the notice's days are left alone, since
    // a post's date is when it was written. Two sentences saying when it began: none.
    void status_notice_window() {
        const ScannedLine* end_line = nullptr;
        const Instant* end = nullptr;
        for (const auto& s : scanned_) {
            if (!opens_update(s.lower) || s.times.instants.empty()) {
                continue;
            }
            const Instant& first = s.times.instants.front();
            if (!first.time || first.begin > 24) {
                continue;
            }
            const std::string_view after = std::string_view(s.lower).substr(first.end);
            if (says_resolved(after) || says_recovering(after)) {
                end_line = &s;
                end = &first;
                break;
            }
        }
        if (end_line == nullptr) {
            return;
        }
        const ScannedLine* start_line = nullptr;
        const Instant* start = nullptr;
        for (const auto& s : scanned_) {
            if (&s == end_line) {
                break;
            }
            if (in_section(s, kTimeline | kActions | kLessons) || opens_update(s.lower) ||
                !says_harm_began(s.lower)) {
                continue;
            }
            for (const auto& instant : s.times.instants) {
                if (!instant.time || instant.date || !said_to_begin_at(s.lower, instant.begin)) {
                    continue;
                }
                if (start_line != nullptr) {
                    return;
                }
                start_line = &s;
                start = &instant;
            }
        }
        if (start_line == nullptr) {
            return;
        }
        // Clock times in two different written zones ("since 5 am PT", "Update 2:10 pm ET") are
        // not read as one day's clock: which zone the reader meant for each is unclear.
        // (A region's zone, "PT", has its offset only once a day is known: the regions compare.)
        if (start->zone && end->zone &&
            (start->zone->region != end->zone->region ||
             (start->zone->region.empty() &&
              start->zone->offset_minutes != end->zone->offset_minutes))) {
            out_.zones_differ = ZonesDiffer{evidence(*start_line), evidence(*end_line),
                                            start->zone->name, end->zone->name};
            return;
        }
        const int from = start->time->hour * 60 + start->time->minute;
        const int to = end->time->hour * 60 + end->time->minute;
        if (to <= from) {
            return;  // past midnight, or an update before the start: unclear
        }
        dateless_minutes_ = to - from;
        dateless_from_ = evidence(*start_line);
    }

    // "Update 5:20 pm - ...", "UPDATE: ...", not "Updated the DNS record at 14:05".
    static bool opens_update(std::string_view lower) {
        return lower.starts_with("update") &&
               (lower.size() == 6 || std::isalpha(static_cast<unsigned char>(lower[6])) == 0);
    }

    // "since 5 am", "started at about 9 am", "began around 14:10": the words before a time say
    // the problem began then.
    static bool said_to_begin_at(std::string_view lower, std::size_t at) {
        std::string_view before = lower.substr(0, at);
        const auto drop_tail = [&](std::string_view word) {
            std::string_view t = before;
            while (!t.empty() && t.back() == ' ') {
                t.remove_suffix(1);
            }
            if (t.ends_with(word) &&
                (t.size() == word.size() || t[t.size() - word.size() - 1] == ' ')) {
                before = t.substr(0, t.size() - word.size());
                return true;
            }
            return false;
        };
        for (const std::string_view about : {"about", "approximately", "around", "roughly", "~"}) {
            if (drop_tail(about)) {
                break;
            }
        }
        if (drop_tail("since")) {
            return true;
        }
        if (!drop_tail("at") && !drop_tail("around")) {
            return false;
        }
        for (const std::string_view verb : {"started", "began", "starting", "beginning", "begun"}) {
            if (drop_tail(verb)) {
                return true;
            }
        }
        return false;
    }

    // "The outage started at 08:00 GMT and ended at 10:00 GMT" with no date anywhere: the
    // window is found as if on a day of the document's own (a January one, so "PT" reads as
    // PST), and only its length is kept. Start and end stay empty (labelling.md).
    bool dateless_window() {
        date_ = CalendarDate{2001, 1, 1};
        bool timeline_window = false;
        if ((from_labels() || from_range() || (timeline_window = from_timeline()) ||
             from_quoted_range()) &&
            out_.started && out_.resolved) {
            dateless_minutes_ = static_cast<int>(
                date::floor<std::chrono::minutes>(*out_.resolved - *out_.started).count());
            dateless_from_ = out_.started_from;
        }
        date_.reset();
        out_.started.reset();
        out_.resolved.reset();
        out_.started_from = {};
        out_.resolved_from = {};
        out_.stated_outright = false;
        out_.zone_assumed = false;
        return timeline_window && dateless_minutes_;
    }

    // The first line other than `stated_line` (a file line) that gives a clock time of the
    // incident: not in the plans or lessons, where times are due dates and targets.
    const ScannedLine* clock_time_elsewhere(int stated_line) const {
        for (const auto& s : scanned_) {
            if (in_section(s, kActions | kLessons) ||
                s.line->line + context_.line_offset == stated_line) {
                continue;
            }
            for (const auto& instant : s.times.instants) {
                if (instant.time) {
                    return &s;
                }
            }
        }
        return nullptr;
    }

    void finish() {
        if (out_.started && out_.resolved) {
            out_.duration_minutes = static_cast<int>(
                date::floor<std::chrono::minutes>(*out_.resolved - *out_.started).count());
            out_.duration_from = out_.started_from;
        } else if (dateless_minutes_) {
            out_.duration_minutes = dateless_minutes_;
            out_.duration_from = dateless_from_;
        } else if (out_.stated_minutes && !out_.length_conflict) {
            // labelling.md takes a stated length only when nothing else exists: clock times
            // elsewhere that gave no window are what a reader would count from, and the
            // statement ("a period of seven days", "duration: 2.5 hours") rounds or disagrees.
            if (const ScannedLine* timed = clock_time_elsewhere(out_.stated_from.line)) {
                out_.stated_unchecked = std::make_pair(out_.stated_from, evidence(*timed));
            } else {
                out_.duration_minutes = out_.stated_minutes;
                out_.duration_from = out_.stated_from;
            }
        }
        if (out_.started) {
            out_.date = context_.site_zone.day_of(*out_.started);
            out_.date_from = out_.started_from;
        } else if (date_ && out_.date_from.line > 0) {
            out_.date = date::sys_days{date::year{date_->year} / date_->month / date_->day};
        }
    }

    const TimeContext& context_;
    std::vector<ScannedLine> scanned_;
    std::vector<ScannedLine> quoted_;
    std::optional<CalendarDate> date_;
    std::optional<int> dateless_minutes_;  // a window of clock times with no date
    Evidence dateless_from_;
    std::optional<WrittenZone> zone_;
    ExtractedTimes out_;
};

}  // namespace

ExtractedTimes extract_times(const std::vector<SourceLine>& lines,
                             const std::vector<LineContext>& contexts, const TimeContext& context) {
    return TimeExtractor(lines, contexts, context).run();
}

}  // namespace hindsight
