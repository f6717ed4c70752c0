// Runs the extractors over the body and merges their findings into the Postmortem.
#include "extract/infer_fields.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "extract/actions.hpp"
#include "extract/causes.hpp"
#include "extract/impact.hpp"
#include "extract/sections.hpp"
#include "extract/status_updates.hpp"
#include "extract/summary.hpp"
#include "extract/time_expressions.hpp"
#include "extract/times.hpp"
#include "extract/written_values.hpp"

namespace hindsight {
namespace {

// A stated length disagrees with the times by more than a minute of rounding; "approximately
// three hours" also allows a tenth either way, so 3 h 15 min is no contradiction.
bool disagree(int stated, bool approximate, int spanned) {
    const int slack = approximate ? std::max(1, stated / 10) : 1;
    return std::abs(stated - spanned) > slack;
}

class Merger {
  public:
    Merger(Postmortem& pm, InferContext& context) : pm_(pm), ctx_(context) {}

    bool declared(Field field) const { return pm_.declared.count(field) > 0; }

    void infer(Field field, const Evidence& from) {
        pm_.inferred.insert(field);
        pm_.evidence[field] = from;
    }

    void contradiction(std::string_view field, const std::string& declared_value,
                       const std::string& text_value, const Evidence& from) {
        ctx_.diagnostics.push_back(
            make_warning({ctx_.path, from.line, 0},
                         fmt::format("declared {} ({}) differs from the text ({})", field,
                                     declared_value, text_value),
                         "the declared value is used; correct whichever is wrong"));
    }

    // A note at a line of the file: what was read or left out, and what to write instead.
    void note(int line, std::string message, std::string hint) {
        ctx_.diagnostics.push_back(
            make_note({ctx_.path, line, 0}, std::move(message), std::move(hint)));
    }

    // A time not read from a Start/End line or a Duration range is the extractor's choice
    // among the text's times.
    static Evidence with_doubt(Evidence from, bool outright, const char* doubt) {
        if (!outright) {
            from.doubt = doubt;
        }
        return from;
    }

    void times(const ExtractedTimes& found, const std::vector<SourceLine>& lines) {
        const char* chosen =
            "chosen among the text's times (a range in the text or the timeline), "
            "not stated on a Start or End line";
        merge_time(Field::started, pm_.started, found.started,
                   with_doubt(found.started_from, found.stated_outright, chosen),
                   found.stated_outright);
        merge_time(Field::resolved, pm_.resolved, found.resolved,
                   with_doubt(found.resolved_from, found.stated_outright, chosen),
                   found.stated_outright);
        // Detection is read from timeline wording, never stated outright.
        merge_time(Field::detected, pm_.detected, found.detected,
                   with_doubt(found.detected_from, false,
                              "the first timeline event that says the problem was noticed"),
                   false);
        pm_.timeline = found.timeline;
        // A status page's update marked Resolved, with its own timestamp, ends the incident that
        // its `date` began, when the text gives no window of its own (real7/007, real7/009; a
        // post-mortem's "from 17:45 to 20:20 CEST" under the updates wins, real7/005).
        // The lines are read for updates only when an update's time could be used.
        if (!found.started && !found.resolved && !pm_.resolved && !declared(Field::resolved) &&
            pm_.started) {
            const auto update = resolved_update(lines, ctx_.line_offset);
            if (update && update->at > *pm_.started &&
                update->at - *pm_.started <= date::days{30}) {
                pm_.resolved = update->at;
                infer(Field::resolved, update->from);
            }
        }
        outside_the_window(Field::detected, pm_.detected);
        if (found.stated_minutes && found.started && found.resolved &&
            disagree(*found.stated_minutes, found.stated_approximate, *found.duration_minutes)) {
            ctx_.diagnostics.push_back(make_warning(
                {ctx_.path, found.stated_from.line, 0},
                fmt::format("the text states a duration of {} but its times span {} (line {})",
                            format_duration(std::chrono::minutes{*found.stated_minutes}),
                            format_duration(std::chrono::minutes{*found.duration_minutes}),
                            found.started_from.line),
                "the times are used; correct whichever is wrong"));
        }
        if (!pm_.duration && pm_.started && pm_.resolved) {
            pm_.duration = date::floor<std::chrono::minutes>(*pm_.resolved - *pm_.started);
            if (pm_.is_inferred(Field::started) || pm_.is_inferred(Field::resolved)) {
                Evidence from = found.duration_from;
                for (const Field end : {Field::started, Field::resolved}) {
                    if (pm_.is_inferred(end) && !pm_.evidence[end].doubt.empty()) {
                        from.doubt = "computed from times " + pm_.evidence[end].doubt;
                    }
                }
                infer(Field::duration_minutes, from);
            }
        } else if (!pm_.duration && !declared(Field::duration_minutes) && found.duration_minutes &&
                   !(pm_.started && declared(Field::started) && !found.started)) {
            pm_.duration = std::chrono::minutes{*found.duration_minutes};
            infer(Field::duration_minutes,
                  with_doubt(found.duration_from, !found.stated_approximate,
                             "an approximate length (\"about\", \"roughly\")"));
        } else if (pm_.duration && declared(Field::duration_minutes) && found.duration_minutes &&
                   (found.stated_outright || (!found.started && found.stated_minutes)) &&
                   std::abs(pm_.duration->count() - *found.duration_minutes) > 1) {
            contradiction("duration", format_duration(*pm_.duration),
                          format_duration(std::chrono::minutes{*found.duration_minutes}),
                          found.duration_from);
        }
        if (found.too_long && !pm_.duration) {
            note(found.too_long->first.line,
                 fmt::format("the times here span {} days, too long for one incident: the text's "
                             "dates disagree, and no window is taken from them",
                             found.too_long->second),
                 "declare started and resolved in the front matter");
        }
        if (found.length_conflict && !pm_.duration) {
            const auto& conflict = *found.length_conflict;
            note(conflict.from.line,
                 fmt::format("the text says the incident lasted {}, but the timeline's events span "
                             "{}: which event ended it is unclear, so no end or duration is taken",
                             format_duration(std::chrono::minutes{conflict.stated}),
                             format_duration(std::chrono::minutes{conflict.spanned})),
                 "declare resolved or duration_minutes in the front matter");
        }
        if (found.stated_unchecked && !pm_.duration) {
            const auto& [stated, timed] = *found.stated_unchecked;
            note(stated.line,
                 fmt::format("the text states a length of {}, but line {} gives times no window "
                             "was read from: the length is not taken unchecked",
                             format_duration(std::chrono::minutes{*found.stated_minutes}),
                             timed.line),
                 "declare started and resolved, or duration_minutes, in the front matter");
        }
        if (found.zones_differ && !pm_.duration) {
            const ZonesDiffer& differ = *found.zones_differ;
            note(differ.began.line,
                 fmt::format("the problem began at a time in {} and was fixed at one in {} (line "
                             "{}): no length is taken from two zones' clock times",
                             differ.began_zone, differ.fixed_zone, differ.fixed.line),
                 "declare started and resolved (or duration_minutes) in the front matter");
        }
        if (found.reported_after_start && !pm_.started) {
            const auto& [opening, earlier] = *found.reported_after_start;
            note(
                opening.line,
                fmt::format("the timeline opens with the problem being reported, but line {} dates "
                            "the impact earlier: no start or duration is taken from the timeline",
                            earlier.line),
                "declare started (and resolved) in the front matter");
        }
        if (found.end_unclear && !pm_.resolved) {
            note(found.end_unclear->first.line,
                 fmt::format("this event says the impact ended, but line {} says it went on; no "
                             "end is taken from the timeline",
                             found.end_unclear->second.line),
                 "declare resolved in the front matter");
        }
        if (!pm_.date && found.date) {
            pm_.date = found.date;
            infer(Field::date,
                  pm_.is_inferred(Field::started) && found.started
                      ? pm_.evidence[Field::started]
                      : with_doubt(found.date_from, false, "the first full date the text gives"));
        }
        if (found.zone_assumed &&
            (pm_.is_inferred(Field::started) || pm_.is_inferred(Field::resolved)) &&
            pm_.time_zone.empty()) {
            note(found.started_from.line,
                 fmt::format("times are written without a time zone; read them in the site's "
                             "time zone ({})",
                             ctx_.config.time_zone.name()),
                 "write the zone next to the times (UTC, PST, +02:00), or set time_zone in "
                 "hindsight.yaml");
        }
    }

    // A detection read from the text before the impact began, or more than a month after it
    // ended (as no window is longer), is a clock time given the wrong day or another event's:
    // a time to detect made of it would be wrong in the statistics, so it is left out, with a
    // note. One noticed hours after a self-healed impact is kept.
    void outside_the_window(Field field, std::optional<Timestamp>& value) {
        if (!value || !pm_.is_inferred(field)) {
            return;
        }
        const bool before = pm_.started && *value < *pm_.started;
        const bool after = pm_.resolved && *value > *pm_.resolved + date::days{31};
        if (!before && !after) {
            return;
        }
        const Evidence from = pm_.evidence[field];
        note(from.line,
             fmt::format("{} {} read from the text is {} the impact ({} to {}); it is left out",
                         field_name(field), format_iso_utc(*value),
                         before ? "before" : "over a month after",
                         pm_.started ? format_iso_utc(*pm_.started) : "?",
                         pm_.resolved ? format_iso_utc(*pm_.resolved) : "?"),
             fmt::format("declare {} in the front matter if the text means it", field_name(field)));
        value.reset();
        pm_.inferred.erase(field);
        pm_.evidence.erase(field);
    }

    void merge_time(Field field, std::optional<Timestamp>& value,
                    const std::optional<Timestamp>& found, const Evidence& from, bool outright) {
        if (!found) {
            return;
        }
        if (!value && !declared(field)) {
            value = found;
            infer(field, from);
        } else if (outright && value && declared(field) && *value != *found &&
                   !ends_when_mitigated(field, *found)) {
            contradiction(field_name(field), format_iso_utc(*value), format_iso_utc(*found), from);
        }
    }

    // The text's end is when the impact ended; a front matter that tells mitigation apart from
    // resolution ("mitigated: 00:58", "resolved: 01:15") agrees with a text ending at 00:58.
    bool ends_when_mitigated(Field field, Timestamp found) const {
        return field == Field::resolved && pm_.mitigated && *pm_.mitigated == found;
    }

    // cState's `date: 2025-04-23 9:10:00` and "a complete loss of power at about 9:10 AM
    // Winnipeg time" in its text (real13/004; real13/005's `resolvedWhen: ... 17:30:00` and
    // "Update 17:30 Central Time"): the text writes one of the front matter's zone-less clock
    // times with its zone, so all of them are in that zone, not the site's.
    void place_declared_times(const std::vector<SourceLine>& lines) {
        if (ctx_.zoneless_times.empty() || !pm_.time_zone.empty()) {
            return;
        }
        for (const auto& line : lines) {
            if (line.kind == LineKind::code) {
                continue;
            }
            for (const auto& instant : scan_times(line.text).instants) {
                if (!instant.time || !instant.zone) {
                    continue;
                }
                for (const Field field : ctx_.zoneless_times) {
                    const auto& at = *moment(pm_, field);
                    if (!at) {
                        continue;
                    }
                    const auto [day, clock] = day_and_time(ctx_.config.time_zone.to_local(*at));
                    const bool same_day =
                        !instant.date || instant.date->year == 0 ||
                        (instant.date->year == day.year && instant.date->month == day.month &&
                         instant.date->day == day.day);
                    if (same_day && instant.time->hour == clock.hour &&
                        instant.time->minute == clock.minute) {
                        shift_zoneless(*instant.zone, line);
                        return;
                    }
                }
            }
        }
    }

    void shift_zoneless(const WrittenZone& zone, const SourceLine& line) {
        for (const Field field : ctx_.zoneless_times) {
            auto& at = *moment(pm_, field);
            if (at) {
                const auto [day, clock] = day_and_time(ctx_.config.time_zone.to_local(*at));
                at = local_to_utc(day, clock, zone, ctx_.config.time_zone);
            }
        }
        if (pm_.started && pm_.resolved && *pm_.resolved > *pm_.started) {
            pm_.duration = date::floor<std::chrono::minutes>(*pm_.resolved - *pm_.started);
        }
        note(line.line + ctx_.line_offset,
             fmt::format("the front matter's times are written without a zone; they are read in "
                         "{}, as this line writes one of them",
                         zone.name),
             "write the zone in the front matter (2025-04-23 09:10 CDT), or set time_zone");
    }

    void impact(const ExtractedImpact& found) {
        if (found.conflict && !pm_.users_affected_pct) {
            const auto& [first, second] = *found.conflict;
            note(first.line,
                 fmt::format("the text gives users affected as {}% and as {}% (line {}); "
                             "neither is used",
                             found.conflicting_values.first, found.conflicting_values.second,
                             second.line),
                 "declare users_affected_pct in the front matter");
        }
        if (!found.users_affected_pct) {
            return;
        }
        if (!pm_.users_affected_pct) {
            pm_.users_affected_pct = found.users_affected_pct;
            // "All users", "1 in 4 users" are read from words; "30% of users" is stated.
            infer(Field::users_affected_pct,
                  with_doubt(found.from, found.from.text.find('%') != std::string::npos,
                             "read from words, not a percentage"));
        } else if (std::abs(*pm_.users_affected_pct - *found.users_affected_pct) > 0.5) {
            contradiction("users affected", fmt::format("{}%", *pm_.users_affected_pct),
                          fmt::format("{}%", *found.users_affected_pct), found.from);
        }
    }

    void causes(const ExtractedCauses& found) {
        // An empty list (another tool's categories the taxonomy does not know) declares nothing.
        if ((declared(Field::causes) && !pm_.causes.empty()) || found.causes.empty()) {
            return;
        }
        for (const auto& trigger : found.causes) {
            pm_.causes.push_back(trigger.cause);
        }
        pm_.cause_triggers = found.causes;
        infer(Field::causes,
              with_doubt(found.from, false, "classified by the cause taxonomy's keywords"));
    }

    void actions(ExtractedActions found) {
        if (declared(Field::action_items) || found.items.empty()) {
            return;
        }
        pm_.action_items = std::move(found.items);
        infer(Field::action_items, found.from);
    }

    void summary(const ExtractedSummary& found) {
        if (pm_.summary.empty() && !found.text.empty()) {
            pm_.summary = found.text;
            infer(Field::summary, found.from);
        }
    }

  private:
    Postmortem& pm_;
    InferContext& ctx_;
};

}  // namespace

void infer_from_text(const std::vector<SourceLine>& lines, Postmortem& postmortem,
                     InferContext& context) {
    const auto contexts = annotate_sections(lines);
    Merger merger(postmortem, context);
    // A zone the front matter declares holds for the text's times written without one.
    const std::optional<TimeZone> declared_zone =
        postmortem.time_zone.empty() ? std::nullopt : TimeZone::from_name(postmortem.time_zone);
    const TimeContext times{declared_zone ? *declared_zone : context.config.time_zone,
                            postmortem.date, context.line_offset};
    merger.place_declared_times(lines);
    merger.times(extract_times(lines, contexts, times), lines);
    merger.impact(extract_users_affected(lines, contexts, context.line_offset));
    merger.causes(extract_causes(lines, contexts, context.config.taxonomy, context.line_offset));
    merger.actions(extract_action_items(lines, contexts, context.line_offset));
    merger.summary(extract_summary(lines, contexts, context.line_offset));
}

}  // namespace hindsight
