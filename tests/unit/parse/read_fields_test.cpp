// Tests for parse/read_fields: front matter read liberally, loud only about what it cannot use.
#include <catch2/catch.hpp>

#include <algorithm>

#include "parse/parse_postmortem.hpp"

using namespace hindsight;

namespace {

ParseResult parse(const std::string& front_matter, bool strict = false) {
    static const SiteConfig config;
    const std::string bytes = "---\n" + front_matter + "---\nBody text.\n";
    return parse_postmortem({"pm.md", "content/pm.md", bytes}, config, ParseOptions{strict});
}

std::vector<std::string> of_severity(const ParseResult& result, Severity severity) {
    std::vector<std::string> out;
    for (const auto& d : result.diagnostics) {
        if (d.severity == severity) {
            out.push_back(format_diagnostic(d));
        }
    }
    return out;
}

std::vector<std::string> errors(const ParseResult& r) {
    return of_severity(r, Severity::error);
}
std::vector<std::string> warnings(const ParseResult& r) {
    return of_severity(r, Severity::warning);
}
std::vector<std::string> notes(const ParseResult& r) {
    return of_severity(r, Severity::note);
}

bool has(const std::vector<std::string>& lines, const std::string& part) {
    return std::any_of(lines.begin(), lines.end(),
                       [&](const std::string& l) { return l.find(part) != std::string::npos; });
}

std::string iso(const std::optional<Timestamp>& t) {
    return t ? format_iso_utc(*t) : "none";
}

}  // namespace

TEST_CASE("action item statuses are read through the synonym table, each with a note",
          "[read_fields]") {
    const auto result = parse(
        "action_items:\n"
        "  - {title: a, status: To Do}\n"
        "  - {title: b, status: WIP}\n"
        "  - {title: c, status: blocked}\n"
        "  - {title: d, status: Completed}\n"
        "  - {title: e, status: Won't Fix}\n"
        "  - {title: f, status: done}\n");
    CHECK(errors(result).empty());
    CHECK(warnings(result).empty());
    const auto& items = result.postmortem->action_items;
    REQUIRE(items.size() == 6);
    CHECK(items[0].status == ActionStatus::open);
    CHECK(items[1].status == ActionStatus::in_progress);
    CHECK(items[2].status == ActionStatus::blocked);
    CHECK(items[3].status == ActionStatus::done);
    CHECK(items[4].status == ActionStatus::wont_do);
    CHECK(has(notes(result), "pm.md:3:24: note: read action item status 'To Do' as 'open'"));
    CHECK_FALSE(has(notes(result), "status 'done'"));  // the canonical spelling needs no note
}

TEST_CASE("an unknown action item status is a warning, kept as written and not counted",
          "[read_fields]") {
    const std::string fm = "action_items:\n  - title: a\n    status: Parked\n";
    const auto result = parse(fm);
    CHECK(errors(result).empty());
    CHECK(has(warnings(result), "pm.md:4:13: warning: unknown action item status 'Parked'"));
    const auto& item = result.postmortem->action_items.at(0);
    CHECK_FALSE(item.status);
    CHECK(item.status_text == "Parked");
}

TEST_CASE("postmortem statuses publish, hold back, and hold back what is unknown",
          "[read_fields]") {
    CHECK_FALSE(parse("status: Final\n").postmortem->draft);
    CHECK_FALSE(parse("status: approved\n").postmortem->draft);
    CHECK(parse("status: in review\n").postmortem->draft);
    CHECK(parse("status: WIP\n").postmortem->draft);
    CHECK(parse("draft: true\n").postmortem->draft);
    CHECK_FALSE(parse("published: true\n").postmortem->draft);
    const auto unknown = parse("status: whatever\n");
    CHECK(unknown.postmortem->draft);
    CHECK(errors(unknown).empty());
    CHECK(has(warnings(unknown), "'status: whatever' is not a known status"));
}

TEST_CASE("an unknown severity is a warning, left out and shown as written", "[read_fields]") {
    const auto known = parse("severity: Sev 2\n");
    CHECK(known.postmortem->severity == "SEV2");
    CHECK(has(notes(known), "read severity 'Sev 2' as 'SEV2'"));
    CHECK(parse("severity: SEV1 - Critical\n").postmortem->severity == "SEV1");
    CHECK(parse("severity: Major Outage\n").postmortem->severity == "SEV1");
    const auto unknown = parse("severity: SEV9\n");
    CHECK(errors(unknown).empty());
    CHECK(unknown.postmortem->severity.empty());
    REQUIRE(unknown.postmortem->unread.size() == 1);
    CHECK(unknown.postmortem->unread[0].key == "severity");
    CHECK(unknown.postmortem->unread[0].written == "SEV9");
}

TEST_CASE("impact keys of other tools: a share only from '%' or a key that says percent",
          "[read_fields]") {
    CHECK(parse("users_affected_percent: 30\n").postmortem->users_affected_pct == 30);
    CHECK(parse("affected_users_pct: \"12%\"\n").postmortem->users_affected_pct == 12);
    CHECK(parse("impact_pct: 7.5\n").postmortem->users_affected_pct == 7.5);
    CHECK(parse("customers_affected: 30%\n").postmortem->users_affected_pct == 30);
    CHECK(parse("impact:\n  users: 40%\n").postmortem->users_affected_pct == 40);
    const auto count = parse("users_affected: 1200\n");
    CHECK_FALSE(count.postmortem->users_affected_pct);
    CHECK(count.postmortem->extra["users_affected"] == 1200);
    CHECK(has(notes(count), "as a number of people affected, not a share"));
    CHECK(parse("impact_scope: 30% of customers\n").postmortem->users_affected_pct == 30);
    const auto summary = parse("customer_impact_summary: 12% of users saw errors\n");
    CHECK(summary.postmortem->impact_summary == "12% of users saw errors");
    CHECK(summary.postmortem->users_affected_pct == 12);
    const auto listed = parse("customers_affected: [acme, globex]\naffected_regions: [eu]\n");
    CHECK(warnings(listed).empty());
    CHECK(listed.postmortem->extra["customers_affected"].size() == 2);
    const auto bad = parse("impact_pct: most of them\n");
    CHECK(errors(bad).empty());
    CHECK(has(warnings(bad), "'impact_pct: most of them' is not a percentage from 0 to 100"));
    CHECK(bad.postmortem->declared.count(Field::users_affected_pct) == 1);
}

TEST_CASE("datetimes as people write them, and a clock time beside a date", "[read_fields]") {
    const auto spaced =
        parse("started: 2024-03-05 14:05 PST\nresolved: March 5, 2024 4:20 PM PST\n");
    CHECK(iso(spaced.postmortem->started) == "2024-03-05T22:05:00Z");
    CHECK(iso(spaced.postmortem->resolved) == "2024-03-06T00:20:00Z");
    CHECK(spaced.postmortem->duration->count() == 135);
    const auto clock = parse("date: 2024-02-03\nstarted: 10:15 PM\nresolved: 11:45 PM\n");
    CHECK(iso(clock.postmortem->started) == "2024-02-03T22:15:00Z");
    CHECK(iso(clock.postmortem->resolved) == "2024-02-03T23:45:00Z");
    // A time-only end earlier than a time-only start crosses midnight.
    const auto midnight = parse("started: 23:10\nresolved: 01:30\ndate: 2024-02-03\n");
    CHECK(iso(midnight.postmortem->started) == "2024-02-03T23:10:00Z");
    CHECK(iso(midnight.postmortem->resolved) == "2024-02-04T01:30:00Z");
    CHECK(warnings(midnight).empty());
    // A time-only end takes its day from a dated start when there is no date.
    const auto from_start = parse("started: 2024-02-03 23:10 UTC\nresolved: 00:20 UTC\n");
    CHECK(iso(from_start.postmortem->resolved) == "2024-02-04T00:20:00Z");
    const auto alone = parse("started: 10:15 PM\n");
    CHECK_FALSE(alone.postmortem->started);
    CHECK(has(warnings(alone), "is a time of day without a date"));
}

TEST_CASE("durations in words, compact, h:mm and ISO 8601", "[read_fields]") {
    CHECK(parse("duration: 2 hours and 5 minutes\n").postmortem->duration->count() == 125);
    CHECK(parse("duration: 1h30\n").postmortem->duration->count() == 90);
    CHECK(parse("duration: 1h 30m\n").postmortem->duration->count() == 90);
    CHECK(parse("duration: 90 min\n").postmortem->duration->count() == 90);
    CHECK(parse("duration: \"1:30\"\n").postmortem->duration->count() == 90);
    CHECK(parse("duration: PT1H30M\n").postmortem->duration->count() == 90);
    const auto vague = parse("duration: a few hours\n");
    CHECK_FALSE(vague.postmortem->duration);
    CHECK(has(warnings(vague), "'duration: a few hours' is not a duration"));
}

TEST_CASE("empty values mean absent, so the text may still supply them", "[read_fields]") {
    const auto result = parse(
        "title: Empty values\nstart_time: \"\"\nend_time: ~\nproduct: \"\"\ncategories: []\n"
        "started: ''\n");
    CHECK(errors(result).empty());
    CHECK(warnings(result).empty());
    const auto& pm = *result.postmortem;
    CHECK(pm.declared.count(Field::started) == 0);
    CHECK(pm.declared.count(Field::resolved) == 0);
    CHECK(pm.declared.count(Field::causes) == 0);
    CHECK(pm.extra.empty());
    CHECK(has(notes(result), "'end_time' is empty; read as absent"));
    CHECK(parse("duration: TBD\nseverity: N/A\n").postmortem->declared.empty());
}

TEST_CASE("an end before the start is a warning: the end is left out and shown", "[read_fields]") {
    const auto result = parse("started: 2024-02-03T10:00:00Z\nresolved: 2024-01-31T11:00:00Z\n");
    CHECK(errors(result).empty());
    CHECK(has(warnings(result),
              "pm.md:3:11: warning: 'resolved: 2024-01-31T11:00:00Z' is before 'started' "
              "(2024-02-03T10:00:00Z)"));
    const auto& pm = *result.postmortem;
    CHECK_FALSE(pm.resolved);
    CHECK_FALSE(pm.duration);
    CHECK(pm.declared.count(Field::resolved) == 1);  // never guessed from the text either
    REQUIRE(pm.unread.size() == 1);
    CHECK(pm.unread[0].written == "2024-01-31T11:00:00Z");
}

TEST_CASE("values that cannot be understood are warnings; only a bad slug is an error",
          "[read_fields]") {
    const auto result = parse(
        "title: [a, b]\nstarted: sometime Tuesday\ndate: the other day\n"
        "action_items:\n  - owner: nobody\n  - title: t\n    due: soon\n");
    CHECK(errors(result).empty());
    CHECK(warnings(result).size() == 5);
    CHECK(errors(parse("slug: Not/A/Slug\n")).size() == 1);
}

TEST_CASE("an unterminated quote is an error where it opens", "[read_fields]") {
    const auto result = parse("title: \"broken\nstarted: [1, 2\nseverity: SEV2\n");
    CHECK(errors(result) ==
          std::vector<std::string>{
              "content/pm.md:2:8: error: quoted value opened here is never closed\n    hint: "
              "close the quote on the same line, or remove it (a quote inside a value needs no "
              "escaping unless the value starts with one)"});
}

TEST_CASE("lists as comma-separated strings, action items as titles and states", "[read_fields]") {
    const auto result = parse(
        "services: api, web\ntags: database, network\naction_items:\n  Add alerting: done\n"
        "  Fix retries: in progress\n  Split the cache:\n");
    CHECK(errors(result).empty());
    CHECK(warnings(result).empty());
    const auto& pm = *result.postmortem;
    CHECK(pm.services == std::vector<std::string>{"api", "web"});
    CHECK(pm.causes == std::vector<std::string>{"database", "network"});
    REQUIRE(pm.action_items.size() == 3);
    CHECK(pm.action_items[0].title == "Add alerting");
    CHECK(pm.action_items[0].status == ActionStatus::done);
    CHECK(pm.action_items[1].status == ActionStatus::in_progress);
    CHECK(pm.action_items[2].status == ActionStatus::open);
}

TEST_CASE("keys are matched without regard to case or separators", "[read_fields]") {
    const auto result =
        parse("Title: T\nStart Time: 2024-01-01T10:00:00Z\nEnd-Time: 2024-01-01T11:00:00Z\n");
    const auto& pm = *result.postmortem;
    CHECK(pm.title == "T");
    CHECK(pm.duration->count() == 60);
    CHECK(has(notes(result), "read 'Start Time' as 'started'"));
}

TEST_CASE("a time_zone key holds for the times written without a zone, wherever it stands",
          "[read_fields]") {
    // Written after the times it applies to; an IANA region follows daylight saving time.
    const auto berlin = parse(
        "date: 2024-07-01\nstarted: \"10:00\"\nresolved: 2024-07-01 11:30\n"
        "timezone: Europe/Berlin\n");
    CHECK(warnings(berlin).empty());
    CHECK(iso(berlin.postmortem->started) == "2024-07-01T08:00:00Z");
    CHECK(iso(berlin.postmortem->resolved) == "2024-07-01T09:30:00Z");
    CHECK(berlin.postmortem->time_zone == "Europe/Berlin");
    CHECK(has(notes(berlin), "times written without a zone are read in Europe/Berlin"));
    // An abbreviation is its fixed offset; a zone written on the value still wins.
    const auto est = parse("tz: EST\nstarted: 2024-01-05 09:00\nresolved: 2024-01-05 15:00 UTC\n");
    CHECK(iso(est.postmortem->started) == "2024-01-05T14:00:00Z");
    CHECK(iso(est.postmortem->resolved) == "2024-01-05T15:00:00Z");
    CHECK(est.postmortem->time_zone == "-05:00");
    // A zone no table knows is a warning; the times are read in the site's zone.
    const auto unknown = parse("time_zone: Mars/Olympus\nstarted: 2024-01-05 09:00\n");
    CHECK(has(warnings(unknown), "'time_zone: Mars/Olympus' is not a time zone"));
    CHECK(iso(unknown.postmortem->started) == "2024-01-05T09:00:00Z");
}

TEST_CASE("other tools' keys for title, severity and causes", "[read_fields]") {
    const auto result = parse(
        "name: Checkout outage\npriority: P1\n"
        "root_cause: \"The connection pool was exhausted after a deploy\"\n");
    CHECK(warnings(result).empty());
    const Postmortem& pm = *result.postmortem;
    CHECK(pm.title == "Checkout outage");
    CHECK(pm.severity == "SEV1");
    // A sentence under a cause key is classified as the body's root cause is, and kept.
    CHECK(std::find(pm.causes.begin(), pm.causes.end(), "resource-exhaustion") != pm.causes.end());
    CHECK(std::find(pm.causes.begin(), pm.causes.end(), "deployment") != pm.causes.end());
    CHECK(pm.tags.empty());
    CHECK(pm.extra.contains("root_cause"));
    CHECK(has(notes(result), "as causes ["));
    // A single word no taxonomy knows stays another tool's tag.
    CHECK(parse("root_cause: gremlins\n").postmortem->tags == std::vector<std::string>{"gremlins"});
}

TEST_CASE("an ambiguous numeric date is read as the day 'started' gives", "[read_fields]") {
    const auto result = parse("date: 05/03/2024\nstarted: 2024-03-05T14:15:00Z\n");
    CHECK(format_date(*result.postmortem->date) == "2024-03-05");
    CHECK(has(notes(result), "the day 'started' gives"));
    // Without `started`, month first, with a note saying so.
    const auto alone = parse("date: 05/03/2024\n");
    CHECK(format_date(*alone.postmortem->date) == "2024-05-03");
    CHECK(has(notes(alone), "(month first)"));
    // A time written alone takes its day from the reading `started` settled.
    const auto settled =
        parse("date: 05/03/2024\nstarted: 2024-03-05T14:15:00Z\nresolved: '15:15'\n");
    CHECK(iso(settled.postmortem->resolved) == "2024-03-05T15:15:00Z");
    // 25/03/2024 can only be one day.
    CHECK(format_date(*parse("date: 25/03/2024\n").postmortem->date) == "2024-03-25");
}

TEST_CASE("shares of users as people write them, bounds left out with a warning", "[read_fields]") {
    CHECK(parse("users_affected: about 40%\n").postmortem->users_affected_pct == 40);
    CHECK(parse("users affected: 15 percent\n").postmortem->users_affected_pct == 15);
    CHECK(parse("customers_impacted: All\n").postmortem->users_affected_pct == 100);
    CHECK(parse("impact:\n  affected_users: \"~12%\"\n").postmortem->users_affected_pct == 12);
    const auto bound = parse("users_affected: up to 30%\n");
    CHECK_FALSE(bound.postmortem->users_affected_pct);
    CHECK(has(warnings(bound), "is a bound, not a share"));
}

TEST_CASE("keys no table lists are read by their words", "[read_fields]") {
    const auto words = parse(
        "customer_impact_start: 2025-01-09T16:20:00+00:00\n"
        "customerImpactEnd: 2025-01-09T17:05:00+00:00\n"
        "first_reported_at: 2025-01-09T16:31:00+00:00\n");
    CHECK(errors(words).empty());
    CHECK(iso(words.postmortem->started) == "2025-01-09T16:20:00Z");
    CHECK(iso(words.postmortem->resolved) == "2025-01-09T17:05:00Z");
    CHECK(iso(words.postmortem->detected) == "2025-01-09T16:31:00Z");
    CHECK(words.postmortem->duration == std::chrono::minutes{45});
    // A flag under a time's key is a flag: kept as written, no warning.
    const auto flag = parse("problem_detected: true\n");
    CHECK(!flag.postmortem->detected);
    CHECK(warnings(flag).empty());
    CHECK(flag.postmortem->extra.count("problem_detected") == 1);
    // An impact key is no time, whatever words it shares with one.
    const auto impact = parse("end_user_impact: 30%\n");
    CHECK(!impact.postmortem->resolved);
    CHECK(impact.postmortem->users_affected_pct == 30);
    // Two moments, or a word that is no time's: not a field.
    const auto other = parse("start_to_end: 2025-01-09T16:20:00Z\nimpact_owner_start: x\n");
    CHECK(!other.postmortem->started);
    CHECK(other.postmortem->extra.count("start_to_end") == 1);
}

TEST_CASE("a length's key that names its unit reads a bare number in it", "[read_fields]") {
    const auto seconds = parse("duration_seconds: 5400\n");
    CHECK(seconds.postmortem->duration == std::chrono::minutes{90});
    CHECK(has(notes(seconds), "read 'duration_seconds: 5400' as 1 h 30 min"));
    CHECK(parse("downtime_hours: 1.5\n").postmortem->duration == std::chrono::minutes{90});
    CHECK(parse("duration_minutes: 90\n").postmortem->duration == std::chrono::minutes{90});
    const auto rounded = parse("ttr_seconds: 100\n");
    CHECK(rounded.postmortem->duration == std::chrono::minutes{2});
    CHECK(has(notes(rounded), "to the minute"));
    // Words under it are read as words, whatever the key's unit.
    CHECK(parse("duration_seconds: 2 hours\n").postmortem->duration == std::chrono::minutes{120});
}

TEST_CASE("times grouped under a key of their own", "[read_fields]") {
    const auto window =
        parse("impact_window:\n  start: 2024-05-01T10:00:00Z\n  end: 2024-05-01T11:30:00Z\n");
    CHECK(iso(window.postmortem->started) == "2024-05-01T10:00:00Z");
    CHECK(iso(window.postmortem->resolved) == "2024-05-01T11:30:00Z");
    CHECK(window.postmortem->date.has_value());
    const auto named = parse(
        "timestamps:\n"
        "  - name: Impact started\n    value: 2024-06-03T09:58:00Z\n"
        "  - name: Accepted\n    value: 2024-06-03T10:20:00Z\n"
        "  - name: Resolved\n    value: 2024-06-03T12:30:00Z\n");
    CHECK(iso(named.postmortem->started) == "2024-06-03T09:58:00Z");
    CHECK(iso(named.postmortem->resolved) == "2024-06-03T12:30:00Z");
    const auto milestones = parse(
        "milestones:\n"
        "  - type: started\n    occurred_at: 2024-06-03T09:58:00Z\n"
        "  - type: resolved\n    occurred_at: 2024-06-03T10:58:00Z\n");
    CHECK(milestones.postmortem->duration == std::chrono::minutes{60});
    // The field's own key wins over a grouped one.
    const auto own = parse(
        "started: 2024-06-03T09:00:00Z\n"
        "timeline:\n  started: 2024-06-03T09:58:00Z\n  resolved: 2024-06-03T10:00:00Z\n");
    CHECK(iso(own.postmortem->started) == "2024-06-03T09:00:00Z");
    CHECK(iso(own.postmortem->resolved) == "2024-06-03T10:00:00Z");
    // A mapping of other things is kept as written.
    const auto other = parse("owners:\n  start: alice\n  lead: bob\n");
    CHECK(!other.postmortem->started);
    CHECK(other.postmortem->extra.count("owners") == 1);
}

TEST_CASE("a wrapper of fields and a choice written as a mapping", "[read_fields]") {
    const auto wrapped = parse("fields:\n  severity: SEV-2\n  state: resolved\n");
    CHECK(wrapped.postmortem->severity == "SEV2");
    CHECK(wrapped.postmortem->extra.count("fields.state") == 1);
    const auto choice = parse("severity:\n  name: Major\n  rank: 2\n");
    CHECK(choice.postmortem->severity == "SEV2");
    CHECK(warnings(choice).empty());
}

TEST_CASE("Unix time in seconds and milliseconds", "[read_fields]") {
    const auto unix = parse("started_at: 1709647920\nresolved_at: 1709653320000\n");
    CHECK(iso(unix.postmortem->started) == "2024-03-05T14:12:00Z");
    CHECK(iso(unix.postmortem->resolved) == "2024-03-05T15:42:00Z");
    CHECK(has(notes(unix), "as Unix time"));
    // Other numbers are no times.
    const auto small = parse("started: 12345\n");
    CHECK(!small.postmortem->started);
    CHECK(has(warnings(small), "is not a date and time"));
}

TEST_CASE("a time the clocks pass twice is a warning, left out", "[read_fields]") {
    const auto twice = parse(
        "time_zone: America/New_York\nstarted: 2024-11-03 01:30\n"
        "resolved: 2024-11-03 03:00\n");
    CHECK(!twice.postmortem->started);
    CHECK(!twice.postmortem->duration);
    CHECK(has(warnings(twice), "falls in the hour America/New_York clocks change"));
    const auto skipped = parse("time_zone: America/New_York\ndate: 2024-03-10\nstarted: '02:30'\n");
    CHECK(!skipped.postmortem->started);
    // With its offset it is one moment.
    const auto offset = parse("time_zone: America/New_York\nstarted: 2024-11-03T01:30:00-04:00\n");
    CHECK(iso(offset.postmortem->started) == "2024-11-03T05:30:00Z");
    // A fixed offset zone has no clock change.
    CHECK(parse("time_zone: EST\nstarted: 2024-11-03 01:30\n").postmortem->started);
}

TEST_CASE("causes: names read by their words, and causes that add up", "[read_fields]") {
    const auto named = parse("causes: [Bad deploy, TLS certificate expiry, flux capacitor]\n");
    const auto& causes = named.postmortem->causes;
    CHECK(std::find(causes.begin(), causes.end(), "deployment") != causes.end());
    CHECK(std::find(causes.begin(), causes.end(), "certificate") != causes.end());
    CHECK(std::find(causes.begin(), causes.end(), "flux-capacitor") != causes.end());
    CHECK(has(notes(named), "read cause 'Bad deploy' as 'deployment'"));
    CHECK(has(warnings(named), "unknown cause 'flux capacitor'"));
    const auto added =
        parse("root_cause_category: Database\ncontributing_factors: [capacity, memory leak]\n");
    CHECK(added.postmortem->causes ==
          std::vector<std::string>{"database", "capacity", "resource-exhaustion"});
    // Tags still lose to declared causes.
    const auto tags = parse("causes: [dns]\ntags: [postmortem]\n");
    CHECK(tags.postmortem->causes == std::vector<std::string>{"dns"});
}

TEST_CASE("a declared detection time gives the date when nothing else does", "[read_fields]") {
    const auto reported = parse("reported_at: 2024-10-01T12:00:00Z\n");
    REQUIRE(reported.postmortem->date);
    CHECK(format_date(*reported.postmortem->date) == "2024-10-01");
}

TEST_CASE("a date with a time is the start only in a status page's entry", "[read_fields]") {
    // A blog's date (Jekyll, Zola, Docusaurus) is when the post was published.
    const auto blog = parse("date: 2016-03-23 10:20:00 +1300\n");
    CHECK(!blog.postmortem->started);
    REQUIRE(blog.postmortem->date);
    // cState: an end, `resolved: true` or `false` beside it, or `section: issue`.
    CHECK(parse("date: 2024-05-01T10:00:00Z\nresolved: false\n").postmortem->started);
    CHECK(parse("date: 2024-05-01T10:00:00Z\nsection: issue\n").postmortem->started);
    const auto ended = parse("date: 2024-05-01T10:00:00Z\nresolvedWhen: 2024-05-01T11:00:00Z\n");
    CHECK(ended.postmortem->duration == std::chrono::minutes{60});
}

TEST_CASE("more wrappers, nested groups, the impact's own window", "[read_fields]") {
    const auto nested = parse(
        "incident:\n  title: Push gateway dropped notifications\n  severity: Major\n"
        "  timestamps:\n    impact_started_at: 2024-12-11T13:05:00Z\n"
        "    impact_ended_at: 2024-12-11T14:20:00Z\n"
        "  impact:\n    share_of_users: 12%\n");
    CHECK(nested.postmortem->title == "Push gateway dropped notifications");
    CHECK(nested.postmortem->severity == "SEV2");
    CHECK(nested.postmortem->duration == std::chrono::minutes{75});
    CHECK(nested.postmortem->users_affected_pct == 12);
    const auto extra = parse("extra:\n  users_affected_pct: 8\n  priority: P4\n");
    CHECK(extra.postmortem->users_affected_pct == 8);
    CHECK(extra.postmortem->severity == "SEV4");
    const auto window =
        parse("impact:\n  start: 2024-07-04 18:10\n  end: 2024-07-04 19:25\n  summary: slow\n");
    CHECK(window.postmortem->duration == std::chrono::minutes{75});
    CHECK(window.postmortem->impact_summary == "slow");
}

TEST_CASE("round two of other tools' spellings", "[read_fields]") {
    // Obsidian Publish's `publish: false` holds a postmortem back, as Jekyll's published does.
    CHECK(parse("publish: false\n").postmortem->draft);
    // A cause written as a choice.
    CHECK(parse("root_cause:\n  category: DNS\n").postmortem->causes ==
          std::vector<std::string>{"dns"});
    // A length's key without a unit; a bare number under a "time to" key is not guessed.
    CHECK(parse("duration_of_outage: 3 hours\n").postmortem->duration == std::chrono::minutes{180});
    const auto ttr = parse("time_to_resolve: 5400\n");
    CHECK(!ttr.postmortem->duration);
    CHECK(has(warnings(ttr), "may be seconds or minutes"));
    CHECK(parse("time_to_resolve: 90m\n").postmortem->duration == std::chrono::minutes{90});
    // Jira's priorities and monitoring levels on the default ladder.
    CHECK(parse("priority: Highest\n").postmortem->severity == "SEV1");
    CHECK(parse("severity: WARNING\n").postmortem->severity == "SEV3");
    CHECK(parse("severity: '0'\n").postmortem->severity == "SEV1");
    CHECK(parse("subject: Cache stampede\n").postmortem->title == "Cache stampede");
}

TEST_CASE("round three: values as people write them", "[read_fields]") {
    CHECK(parse("duration: half an hour\n").postmortem->duration == std::chrono::minutes{30});
    CHECK(parse("causes: Race Condition; Cache\n").postmortem->causes ==
          std::vector<std::string>{"race-condition", "cache"});
    CHECK(parse("severity: Level 2\n").postmortem->severity == "SEV2");
    CHECK(parse("severity: Severity Level 3 - Medium\n").postmortem->severity == "SEV3");
    CHECK(parse("severity: Severity One\n").postmortem->severity == "SEV1");
    CHECK(parse("severity: Trivial\n").postmortem->severity == "SEV5");
    // Shares written as fractions, under a share key or of people.
    CHECK(
        parse("impact:\n  users_affected_pct: a third of users\n").postmortem->users_affected_pct ==
        33.3);
    CHECK(parse("impact:\n  users_affected_pct: roughly half\n").postmortem->users_affected_pct ==
          50);
    CHECK(parse("impact:\n  users_affected_pct: 3 out of 10 users\n")
              .postmortem->users_affected_pct == 30);
    CHECK(parse("impact:\n  users_affected_pct: about 2/3\n").postmortem->users_affected_pct ==
          66.7);
    CHECK(parse("impact: 1 in 5 customers could not pay\n").postmortem->users_affected_pct == 20);
    CHECK(
        !parse("impact:\n  users_affected_pct: half the traffic\n").postmortem->users_affected_pct);
    // Zones in words after a front-matter time, and a time marked as local.
    const auto pacific = parse("started: Apr 29, 2023 9:02 AM Pacific\n");
    CHECK(iso(pacific.postmortem->started) == "2023-04-29T16:02:00Z");
    const auto local = parse(
        "time_zone: Australia/Sydney\ndate: 2023-09-16\n"
        "started: September 16, 4:06 pm (local time)\n");
    CHECK(iso(local.postmortem->started) == "2023-09-16T06:06:00Z");
    CHECK(has(notes(local), "'started: September 16, 4:06 pm (local time)'"));
    // A task-list mark before an action item's state.
    const auto marked = parse("action_items:\n  - title: Add alerting\n    status: \"[x] done\"\n");
    REQUIRE(marked.postmortem->action_items.size() == 1);
    CHECK(marked.postmortem->action_items[0].status == ActionStatus::done);
}

TEST_CASE("round four: wiki tables and exports", "[read_fields]") {
    // Items listed under their owners, and details after a title written as a string.
    const auto owners = parse(
        "Follow-up tasks:\n  alice:\n    - Add alerting on certificate expiry\n"
        "  sre-team:\n    - \"Restart consumers automatically (owner: gina, status: done)\"\n");
    const auto& items = owners.postmortem->action_items;
    REQUIRE(items.size() == 2);
    CHECK(items[0].owner == "alice");
    CHECK(items[1].title == "Restart consumers automatically");
    CHECK(items[1].owner == "gina");
    CHECK(items[1].status == ActionStatus::done);
    // A zone for every time, a length under "time to recovery", a fraction of people.
    const auto cet = parse("All times: CET\nStart: 2023-02-01 10:00\n");
    CHECK(iso(cet.postmortem->started) == "2023-02-01T09:00:00Z");
    CHECK(parse("Time to recovery: 1h 35m\n").postmortem->duration == std::chrono::minutes{95});
    CHECK(!parse("time_to_detect: 10m\n").postmortem->duration);
    CHECK(parse("Users affected: 12,000 of 48,000 users\n").postmortem->users_affected_pct == 25);
    // A numeric date is month first whatever zone follows it: teams write US dates with CEST
    // too (the tests' spellings archive does), and the note says which reading was taken.
    CHECK(iso(parse("Start: 10/08/2023 13:45 BST\n").postmortem->started) ==
          "2023-10-08T12:45:00Z");
}

TEST_CASE("a window in one value gives the start and the end", "[read_fields]") {
    const auto window = parse("date: 2023-03-14\nOutage window: 13:45-15:20 UTC\n");
    CHECK(iso(window.postmortem->started) == "2023-03-14T13:45:00Z");
    CHECK(iso(window.postmortem->resolved) == "2023-03-14T15:20:00Z");
    CHECK(window.postmortem->duration == std::chrono::minutes{95});
    const auto full = parse("impact_period: 2023-08-10 13:45 – 15:20 CEST\n");
    CHECK(iso(full.postmortem->started) == "2023-08-10T11:45:00Z");
    CHECK(iso(full.postmortem->resolved) == "2023-08-10T13:20:00Z");
    // The fields' own keys win; a window key holding one time is kept as written.
    const auto own = parse("started: 2023-03-14T13:00:00Z\nOutage window: 13:45-15:20 UTC\n");
    CHECK(iso(own.postmortem->started) == "2023-03-14T13:00:00Z");
    CHECK(!own.postmortem->resolved);
    CHECK(parse("maintenance_window: Sundays\n").postmortem->extra.count("maintenance_window") ==
          1);
    // An end earlier than the start runs past midnight; "-01:05" is the range's dash, not an
    // offset (bench/frontmatter-probe4, 39-window-over-midnight.md).
    const auto night = parse("date: 2023-08-10\nOutage window: 23:10-01:05 UTC\n");
    CHECK(iso(night.postmortem->started) == "2023-08-10T23:10:00Z");
    CHECK(iso(night.postmortem->resolved) == "2023-08-11T01:05:00Z");
    CHECK(night.postmortem->duration == std::chrono::minutes{115});
}

TEST_CASE("a key naming a moment and how it came reads the one time its value holds",
          "[read_fields]") {
    // bench/frontmatter-probe4: 16-detected-by-at.md, 17-detection-time-only.md
    const auto by_at = parse(
        "started: 2023-06-01 13:40 UTC\nDetected by/at: PagerDuty alert, 2023-06-01 14:02 "
        "UTC\n");
    CHECK(iso(by_at.postmortem->detected) == "2023-06-01T14:02:00Z");
    const auto detection = parse(
        "date: 2023-06-07\nImpact start: 09:05 UTC\nDetection: customer report at 09:40 "
        "UTC\n");
    CHECK(iso(detection.postmortem->detected) == "2023-06-07T09:40:00Z");
    // How it was found, in words, is kept as written, and no time is made of it.
    const auto words = parse("Detection: a customer wrote to support\n");
    CHECK(!words.postmortem->detected);
    CHECK(words.postmortem->extra.count("Detection") == 1);
    // Words that bound the moment or doubt it leave it out.
    CHECK(!parse("date: 2023-06-07\nDetection: sometime before 09:40 UTC\n").postmortem->detected);
    CHECK(!parse("date: 2023-06-07\nDetection: maybe 09:40 UTC\n").postmortem->detected);
}

TEST_CASE("tags written as a mapping are fields", "[read_fields]") {
    // bench/frontmatter-probe2/squadcast-webhook.md
    const auto tagged = parse("title: Queue stuck\ntags:\n  severity: critical\n  team: orders\n");
    CHECK(tagged.postmortem->severity == "SEV1");
    CHECK(tagged.postmortem->extra.count("tags.team") == 1);
    CHECK(parse("tags: [dns, cache]\n").postmortem->causes ==
          std::vector<std::string>{"dns", "cache"});
}

TEST_CASE("the first and the last event seen are the start and the end", "[read_fields]") {
    // bench/frontmatter-probe2/kaspersky-model.md; Sentry's firstSeen/lastSeen
    const auto events = parse(
        "FirstEventTime: 2024-08-19T23:50:00+03:00\nLastEventTime: 2024-08-20T01:20:00+03:00\n");
    CHECK(iso(events.postmortem->started) == "2024-08-19T20:50:00Z");
    CHECK(iso(events.postmortem->resolved) == "2024-08-19T22:20:00Z");
    CHECK(iso(parse("first_seen_at: 2024-08-19T20:50:00Z\n").postmortem->started) ==
          "2024-08-19T20:50:00Z");
    CHECK(parse("event_count: 12\n").postmortem->extra.count("event_count") == 1);
}

TEST_CASE("a state in capitals after an item's ticket is its status", "[read_fields]") {
    // The SRE book's postmortem template (bench/frontmatter-probe2/google-sre-template.md).
    const auto items = parse(
        "action_items:\n  - Action Item: Update playbook\n    Owner: jennifer\n    Bug: n/a DONE\n"
        "  - Action Item: Plug the leak\n    Bug: Bug 5554825 TODO\n"
        "  - Action Item: Add alerts\n    Bug: BUG-1 DONE\n    Status: open\n");
    const auto& list = items.postmortem->action_items;
    REQUIRE(list.size() == 3);
    CHECK(list[0].title == "Update playbook");
    CHECK(list[0].status == ActionStatus::done);
    CHECK(list[0].link.empty());
    CHECK(list[1].status == ActionStatus::open);
    CHECK(list[1].link == "Bug 5554825");
    CHECK(list[2].status == ActionStatus::open);  // its own status wins
}
