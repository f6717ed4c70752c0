// started, resolved, detected, duration and the timeline, read from what the text says.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/dates.hpp"
#include "extract/sections.hpp"
#include "model/postmortem.hpp"
#include "model/source_line.hpp"

namespace hindsight {

// A length the text states outright that the timeline's window disagrees with.
struct LengthConflict {
    Evidence from;
    int stated = 0;   // minutes
    int spanned = 0;  // minutes between the chosen events
};

// Where a status notice says the problem began and was fixed, and the two zones written there.
struct ZonesDiffer {
    Evidence began, fixed;
    std::string began_zone, fixed_zone;  // as written, upper-cased: "PT", "ET"
};

struct ExtractedTimes {
    std::optional<Timestamp> started;
    std::optional<Timestamp> resolved;
    std::optional<Timestamp> detected;
    std::optional<int> duration_minutes;
    std::optional<date::sys_days> date;  // the day the incident started, in the text's zone
    Evidence started_from, resolved_from, detected_from, duration_from, date_from;
    std::optional<int> stated_minutes;  // "lasted 3 hours", when the text says it
    bool stated_approximate = false;    // "lasted approximately three hours"
    Evidence stated_from;
    bool zone_assumed = false;  // times were written without a zone: read in the site's zone
    // Read from Start/End lines or a "Duration:" range, not from prose that may describe part
    // of the incident or from a timeline: only then does the text contradict a declared value.
    bool stated_outright = false;
    std::vector<TimelineEntry> timeline;
    // A window left out because it spans more than a month (where, and how many days).
    std::optional<std::pair<Evidence, int>> too_long;
    // An event that says the impact ended, and a later one that says it went on: no end.
    std::optional<std::pair<Evidence, Evidence>> end_unclear;
    // The timeline's window left without its end, for the length the text states.
    std::optional<LengthConflict> length_conflict;
    // A stated length not taken, and a line whose clock times gave no window.
    std::optional<std::pair<Evidence, Evidence>> stated_unchecked;
    // A timeline that opens with the problem being reported, and a line that dates the impact
    // days before: the start is unknown, so no start or length is taken from the timeline.
    std::optional<std::pair<Evidence, Evidence>> reported_after_start;
    // A status notice's start and its update, their clock times written in two zones: no length.
    std::optional<ZonesDiffer> zones_differ;
};

struct TimeContext {
    const TimeZone& site_zone;
    std::optional<date::sys_days> known_date;  // a declared date helps place "10:00 AM"
    int line_offset = 0;                       // body line 1 is this file line + 1
};

ExtractedTimes extract_times(const std::vector<SourceLine>& lines,
                             const std::vector<LineContext>& contexts, const TimeContext& context);

}  // namespace hindsight
