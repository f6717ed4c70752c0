#!/usr/bin/env python3
"""Write the held-out front-matter VALUE probe: content/*.md and expected.json.

Every postmortem uses mostly the canonical keys but writes the values the way
people write them (see SPELLINGS.md for where each spelling was seen). The
body of each file is short and names no time, date, share or severity, so only
the front matter can supply them.

Expected UTC instants are computed here with zoneinfo, never by hand.

An expected value is either a plain value (null included) or
{"any_of": [...]} (any listed value is right; null in the list means leaving
the value out is also acceptable) and/or {"range": [lo, hi]} for numbers.
"""
import json
import os
import shutil
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

HERE = os.path.dirname(os.path.abspath(__file__))
CONTENT = os.path.join(HERE, "content")


def T(y, mo, d, h, mi, tz="UTC", s=0):
    """Wall-clock time in zone tz -> ISO 8601 UTC string."""
    if isinstance(tz, str):
        tz = ZoneInfo(tz)
    local = datetime(y, mo, d, h, mi, s, tzinfo=tz)
    return local.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def minutes(a, b):
    fa = datetime.strptime(a, "%Y-%m-%dT%H:%M:%SZ")
    fb = datetime.strptime(b, "%Y-%m-%dT%H:%M:%SZ")
    return int((fb - fa).total_seconds() // 60)


def any_of(*vals):
    return {"any_of": list(vals)}


def rng(lo, hi, null_ok=False):
    d = {"range": [lo, hi]}
    if null_ok:
        d["any_of"] = [None]
    return d


BODIES = [
    "Users reported that pages failed to load. The on-call engineer rolled back the change and the site recovered. We are adding a check to the release process.",
    "Background jobs stopped draining and customers saw stale dashboards. The queue workers were restarted and the backlog cleared on its own.",
    "Logins failed for part of our customer base. The team traced the failures to the identity service and replaced the bad node.",
    "Search returned empty results. We rebuilt the index from the primary store and added an alert on index freshness.",
    "Webhooks were delivered twice. The deduplication step was skipped after a library upgrade; the upgrade was reverted.",
    "The mobile app could not sync. A certificate on the edge proxy had not been renewed; it was renewed and auto-renewal was fixed.",
    "Uploads hung until they timed out. The storage gateway ran out of file handles and was restarted with a higher limit.",
    "Email notifications were delayed. Our mail provider had an incident of its own; we now fail over to a second provider.",
    "Reports showed wrong totals for some accounts. A cache kept serving old aggregates; the cache was flushed and its expiry corrected.",
    "The public API answered slowly. A noisy batch job saturated the database; it now runs against a replica.",
]

CASES = []


def case(slug, fm, **exp):
    """fm: the front matter as written (without the --- fences)."""
    e = {
        "title": None,
        "date": None,
        "started": None,
        "resolved": None,
        "duration_minutes": "auto",
        "users_affected_pct": None,
        "severity": None,
        "status": "published",
        "causes": [],
        "action_items": [],
        "why": {},
    }
    e.update(exp)
    if e["duration_minutes"] == "auto":
        s, r = e["started"], e["resolved"]
        if isinstance(s, str) and isinstance(r, str):
            e["duration_minutes"] = minutes(s, r)
        else:
            e["duration_minutes"] = None
    CASES.append((slug, fm.strip("\n") + "\n", e))


LA = "America/Los_Angeles"
BER = "Europe/Berlin"
PAR = "Europe/Paris"
NY = "America/New_York"
DEN = "America/Denver"
LON = "Europe/London"

# ---------------------------------------------------------------- 01-10: times and zones
case("01-ordinal-date-sev-dash", """
title: Sessions shared between users
date: Aug 10th, 2023
started: 2023-08-10T13:45:00Z
resolved: 2023-08-10T15:20:00Z
severity: Sev-1
status: Final
impact:
  users_affected_pct: 30
causes: [race-condition]
services: [web, sessions]
action_items:
  - title: Audit session handling for races
    owner: platform-team
    status: Done ✅
    due: 2023-09-15
""", title="Sessions shared between users", date="2023-08-10",
     started=T(2023, 8, 10, 13, 45), resolved=T(2023, 8, 10, 15, 20),
     users_affected_pct=30, severity="SEV1", causes=["race-condition"],
     action_items=["done"])

case("02-pm-clock-time-zone-key", """
title: Checkout page returned errors
date: 10 August 2023
started: 1:45pm
resolved: 3:20pm
time_zone: America/Los_Angeles
severity: Critical (P1)
status: Approved
impact:
  users_affected_pct: a third of users
causes: [deployment]
action_items:
  - title: Add a canary stage to checkout deploys
    owner: payments
    status: "[x]"
    due: 2023-09-01
""", title="Checkout page returned errors", date="2023-08-10",
     started=T(2023, 8, 10, 13, 45, LA), resolved=T(2023, 8, 10, 15, 20, LA),
     users_affected_pct=rng(33, 34), severity="SEV1", causes=["deployment"],
     action_items=["done"],
     why={"started": "a time alone beside date: that day, read in time_zone",
          "users_affected_pct": "a third = 33.3"})

case("03-pm-dotted-pdt", """
title: Mobile sync stalled
date: Thursday, 10 Aug 2023
started: 1:45 p.m. PDT
resolved: 3:05 p.m. PDT
severity: SEV 2 - Major
status: Awaiting review
impact:
  users_affected_pct: 1 in 5 users
causes: [certificate]
action_items:
  - title: Alert on certificate expiry
    owner: edge-team
    status: In Progress
    due: 2023-08-31
""", title="Mobile sync stalled", date="2023-08-10",
     started=T(2023, 8, 10, 13, 45, LA), resolved=T(2023, 8, 10, 15, 5, LA),
     users_affected_pct=20, severity="SEV2", status="draft", causes=["certificate"],
     action_items=["in-progress"])

case("04-french-h-clock", """
title: Uploads hung
date: 2023-08-10
started: 13h45
resolved: 15h10
time_zone: Europe/Paris
severity: S3
status: Signed off
impact:
  users_affected_pct: 30 per cent
causes: [storage]
action_items:
  - title: Raise the gateway file handle limit
    owner: storage-team
    status: Not started
    due: 2023-09-30
""", title="Uploads hung", date="2023-08-10",
     started=T(2023, 8, 10, 13, 45, PAR), resolved=T(2023, 8, 10, 15, 10, PAR),
     users_affected_pct=30, severity="SEV3", causes=["storage"], action_items=["open"])

case("05-millis-utc-zone-key", """
title: Stale dashboards
date: "2023-08-10"
started: "2023-08-10 13:45:00.000"
resolved: "2023-08-10 14:30:00.000"
time_zone: UTC
severity: Level 2
status: In progress
impact:
  users_affected_pct: ~25%
causes: [capacity]
action_items:
  - title: Autoscale queue workers
    owner: jobs-team
    status: Won't fix
    due: 2023-10-01
""", title="Stale dashboards", date="2023-08-10",
     started=T(2023, 8, 10, 13, 45), resolved=T(2023, 8, 10, 14, 30),
     users_affected_pct=25, severity="SEV2", status="draft", causes=["capacity"],
     action_items=["wont-do"],
     why={"status": "a postmortem 'In progress' is not finished: draft"})

case("06-cest-abbrev", """
title: Search returned nothing
date: 2023-08-10
started: 2023-08-10 13:45 CEST
resolved: 2023-08-10 16:00 CEST
severity: Critical
status: published
impact:
  users_affected_pct: all customers
causes: [database]
action_items:
  - title: Alert on index freshness
    owner: search-team
    status: Deferred
    due: 2023-12-01
""", title="Search returned nothing", date="2023-08-10",
     started=T(2023, 8, 10, 13, 45, BER), resolved=T(2023, 8, 10, 16, 0, BER),
     users_affected_pct=100, severity="SEV1", causes=["database"],
     action_items=[any_of("open", "wont-do", "blocked")],
     why={"action_items": "Deferred: postponed; open, wont-do or blocked all defensible"})

case("07-utc-plus-offset-no-date", """
title: Webhooks delivered twice
started: 2023-08-10 13:45 UTC+2
resolved: 2023-08-10 14:15 UTC+2
severity: Sev 1 (Critical)
status: Draft - do not share
impact:
  users_affected_pct: 0.3
causes: [software-bug]
action_items:
  - title: Restore the deduplication step
    owner: integrations
    status: Completed
    due: 2023-08-20
""", title="Webhooks delivered twice", date="2023-08-10",
     started=T(2023, 8, 10, 11, 45), resolved=T(2023, 8, 10, 12, 15),
     users_affected_pct=any_of(0.3, 30), severity="SEV1", status="draft",
     causes=["software-bug"], action_items=["done"],
     why={"users_affected_pct": "0.3 under a pct key: 0.3 % literally, or a fraction meaning 30 %",
          "date": "no date key: the day of started"})

case("08-gmt-plus-0530", """
title: Logins failed in the India region
date: 2023-08-10
started: 2023-08-10 19:15 GMT+0530
resolved: 2023-08-10 20:00 GMT+0530
severity: P2
status: Published
causes: DNS, certificate
action_items:
  - title: Lower the resolver TTL
    owner: netops
    status: TODO
    due: 2023-08-25
""", title="Logins failed in the India region", date="2023-08-10",
     started=T(2023, 8, 10, 13, 45), resolved=T(2023, 8, 10, 14, 30),
     severity="SEV2", causes=["dns", "certificate"], action_items=["open"])

case("09-iana-zone-after-time", """
title: Reports showed wrong totals
date: 2023-08-10
started: 2023-08-10 13:45 Europe/Berlin
resolved: 2023-08-10 15:00 Europe/Berlin
severity: sev3
status: Complete
causes:
  - Human error
  - Deployment
action_items:
  - title: Require review for cache expiry changes
    owner: reporting
    status: WIP
    due: 2023-09-10
""", title="Reports showed wrong totals", date="2023-08-10",
     started=T(2023, 8, 10, 13, 45, BER), resolved=T(2023, 8, 10, 15, 0, BER),
     severity="SEV3", causes=["human-error", "deployment"], action_items=["in-progress"])

case("10-time-alone-24h", """
title: API answered slowly
date: 2023-08-10
started: "13:45"
resolved: "14:50"
time_zone: Europe/Berlin
severity: Major
status: Under Review
causes: [database, capacity]
action_items:
  - title: Move the batch job to a replica
    owner: data-team
    status: Blocked
    due: 2023-09-05
""", title="API answered slowly", date="2023-08-10",
     started=T(2023, 8, 10, 13, 45, BER), resolved=T(2023, 8, 10, 14, 50, BER),
     severity="SEV2", status="draft", causes=["database", "capacity"],
     action_items=["blocked"])

# ---------------------------------------------------------------- 11-31: durations and severities
case("11-dur-hr-mins", """
title: Email notifications delayed
date: Aug 10, 2023
duration: 1 hr 35 mins
severity: S1
status: final
causes: [dependency]
action_items:
  - title: Fail over to a second mail provider
    owner: messaging
    status: Done
    due: 2023-09-01
""", title="Email notifications delayed", date="2023-08-10", duration_minutes=95,
     severity="SEV1", causes=["dependency"], action_items=["done"])

case("12-dur-words", """
title: Background jobs stopped
date: 2023/08/10
duration: an hour and 35 minutes
severity: Minor
status: published
""", title="Background jobs stopped", date="2023-08-10", duration_minutes=95, severity="SEV3")

case("13-dur-min-dot", """
title: Dashboard charts blank
date: 2023-08-11
duration: 95 min.
severity: Low
""", title="Dashboard charts blank", date="2023-08-11", duration_minutes=95, severity="SEV4")

case("14-dur-decimal-hours", """
title: Password reset emails lost
date: 2023-08-12
duration: 1.5h
severity: High
status: Ready for review
""", title="Password reset emails lost", date="2023-08-12", duration_minutes=90,
     severity="SEV2", status="draft")

case("15-dur-days-hours", """
title: Nightly export missing
date: 2023-08-13
duration: 1d 4h
severity: Informational
""", title="Nightly export missing", date="2023-08-13", duration_minutes=1680, severity="SEV5")

case("16-dur-tilde", """
title: Image thumbnails broken
date: 2023-08-14
duration: ~2h
severity: Medium
""", title="Image thumbnails broken", date="2023-08-14", duration_minutes=120, severity="SEV3")

case("17-dur-approx-paren", """
title: Scheduled database maintenance overran
date: Sunday 11th March 2018
duration: 2 hours (approx)
severity: Maintenance
""", title="Scheduled database maintenance overran", date="2018-03-11",
     duration_minutes=120, severity="SEV5")

case("18-dur-minutes-word", """
title: Invoices generated twice
date: Sept 5, 2023
duration: 47 minutes
severity: SEV-2 (P2)
""", title="Invoices generated twice", date="2023-09-05", duration_minutes=47, severity="SEV2")

case("19-dur-tilde-h-m", """
title: Build pipeline frozen
date: 2023-09-06
duration: ~10h 52m
severity: P1
status: in review
""", title="Build pipeline frozen", date="2023-09-06", duration_minutes=652,
     severity="SEV1", status="draft")

case("20-dur-hhmmss", """
title: Feature flags not applied
date: 2023-09-07
duration: "01:35:00"
severity: Severity 4
""", title="Feature flags not applied", date="2023-09-07", duration_minutes=95, severity="SEV4")

case("21-dur-iso8601", """
title: Audit log gaps
date: 2023-09-08
duration: PT1H35M
severity: Level 1 - Critical
""", title="Audit log gaps", date="2023-09-08", duration_minutes=95, severity="SEV1")

case("22-dur-bare-number", """
title: Rate limiter too strict
date: 2023-09-09
duration: 90
severity: 2
""", title="Rate limiter too strict", date="2023-09-09", duration_minutes=any_of(90, None),
     severity="SEV2",
     why={"duration_minutes": "a bare 90 names no unit; minutes is the likely reading, leaving it out is also fair"})

case("23-dur-half-hour", """
title: Status page itself down
date: 2023-09-10
duration: half an hour
severity: Severity Level 3 - Medium
""", title="Status page itself down", date="2023-09-10", duration_minutes=30, severity="SEV3")

case("24-dur-1h35", """
title: Push notifications silent
date: 2023-09-11
duration: 1h35
severity: sev 4
""", title="Push notifications silent", date="2023-09-11", duration_minutes=95, severity="SEV4")

case("25-dur-days-sev0", """
title: Data warehouse loads failed
date: 2023-09-12
duration: 3 days
severity: Sev0
""", title="Data warehouse loads failed", date="2023-09-12", duration_minutes=4320,
     severity=any_of("SEV1", None),
     why={"severity": "Sev0 is worse than SEV1 on a ladder that starts at 0; the default ladder's worst is SEV1"})

case("26-dur-h-m-status-page", """
title: Message delivery delayed
date: Feb 19, 2024
duration: 8h 38m
severity: minor
""", title="Message delivery delayed", date="2024-02-19", duration_minutes=518, severity="SEV3")

case("27-dur-min-and-sec", """
title: Network blip between data centres
date: 2020-06-10
duration: 1 minute and 20 seconds
severity: Trivial
causes: [network]
""", title="Network blip between data centres", date="2020-06-10",
     duration_minutes=rng(1, 2), severity=any_of("SEV4", "SEV5"), causes=["network"],
     why={"duration_minutes": "80 s: 1 or 2 whole minutes", "severity": "Trivial: lowest impact, SEV4 or SEV5"})

case("28-dur-word-number", """
title: Translations missing
date: 2023-09-14
duration: ninety minutes
severity: Severity One
""", title="Translations missing", date="2023-09-14", duration_minutes=90, severity="SEV1")

case("29-dur-about-emoji-sev", """
title: Shopping cart emptied
date: 2023-09-15
duration: about 45 mins
severity: "🔴 Critical"
""", title="Shopping cart emptied", date="2023-09-15", duration_minutes=45, severity="SEV1")

case("30-dur-ongoing-draft", """
title: Intermittent timeouts on the admin panel
date: 2023-09-16
duration: ongoing
severity: SEV3
status: draft
""", title="Intermittent timeouts on the admin panel", date="2023-09-16",
     duration_minutes=None, severity="SEV3", status="draft")

case("31-empty-and-tbd", """
title: Partner feed rejected
date: 2023-09-17
duration: TBD
severity:
status: published
impact:
  users_affected_pct: ~
causes: []
action_items: []
""", title="Partner feed rejected", date="2023-09-17", duration_minutes=None, severity=None)

# ---------------------------------------------------------------- 32-37: status-page style times
case("32-pacific-word", """
title: Instances halted after a power event
date: April 29, 2023
started: Apr 29, 2023 9:02 AM Pacific
resolved: Apr 29, 2023 9:12 AM Pacific
severity: SEV2
causes: [hardware]
""", title="Instances halted after a power event", date="2023-04-29",
     started=T(2023, 4, 29, 9, 2, LA), resolved=T(2023, 4, 29, 9, 12, LA),
     severity="SEV2", causes=["hardware"])

case("33-no-year-mdt", """
title: Core database under pressure
date: 2024-03-13
started: Mar 13, 14:24 MDT
resolved: Mar 13, 16:10 MDT
severity: SEV1
causes: [database]
""", title="Core database under pressure", date="2024-03-13",
     started=T(2024, 3, 13, 14, 24, DEN), resolved=T(2024, 3, 13, 16, 10, DEN),
     severity="SEV1", causes=["database"],
     why={"started": "no year in the time: the year of date"})

case("34-status-page-am-pm-utc", """
title: Deploys rejected by the registry
date: Aug 4, 2022
started: Aug 04, 2022, 10:22 AM UTC
resolved: Aug 04, 2022, 11:01 AM UTC
severity: SEV4
causes: [dependency]
""", title="Deploys rejected by the registry", date="2022-08-04",
     started=T(2022, 8, 4, 10, 22), resolved=T(2022, 8, 4, 11, 1), severity="SEV4",
     causes=["dependency"])

case("35-weekday-ordinal-seconds", """
title: Notification service latency
started: Sunday 11th March 2018 23:36:49 UTC
resolved: Monday 12th March 2018 00:20:49 UTC
severity: SEV3
causes: [capacity]
""", title="Notification service latency", date="2018-03-11",
     started=T(2018, 3, 11, 23, 36, "UTC", 49), resolved=T(2018, 3, 12, 0, 20, "UTC", 49),
     severity="SEV3", causes=["capacity"],
     why={"date": "no date key: the day of started"})

case("36-past-midnight", """
title: Batch settlement stuck overnight
date: 2023-08-10
started: 11:40pm
resolved: 12:35am
time_zone: America/New_York
severity: SEV2
""", title="Batch settlement stuck overnight", date="2023-08-10",
     started=T(2023, 8, 10, 23, 40, NY), resolved=any_of(T(2023, 8, 11, 0, 35, NY), None),
     duration_minutes=any_of(55, None), severity="SEV2",
     why={"resolved": "12:35am after 11:40pm on the same date: the next day"})

case("37-iso-offset-resolved-status", """
title: Profile pictures missing
date: 2023-08-10
started: 2023-08-10T13:45:00+02:00
resolved: 2023-08-10T14:05:00+02:00
severity: SEV1
status: Resolved
impact:
  users_affected_pct: 100%
""", title="Profile pictures missing", date="2023-08-10",
     started=T(2023, 8, 10, 11, 45), resolved=T(2023, 8, 10, 12, 5),
     users_affected_pct=100, severity="SEV1", status=any_of("published"),
     why={"status": "'Resolved' is the incident's state, not a draft marker: published"})

# ---------------------------------------------------------------- 38-43: date spellings
case("38-date-ambiguous-slash", """
title: Coupon codes rejected
date: 03/04/2024
severity: SEV3
""", title="Coupon codes rejected", date=any_of("2024-03-04", "2024-04-03", None),
     severity="SEV3", why={"date": "03/04 is March 4 (US) or April 3 (most elsewhere)"})

case("39-date-dmy-slash", """
title: Gift cards not applied
date: 13/04/2024
severity: SEV4
""", title="Gift cards not applied", date="2024-04-13", severity="SEV4",
     why={"date": "13 cannot be a month: day first"})

case("40-date-dotted", """
title: Shipping labels failed
date: 10.08.2023
severity: SEV3
""", title="Shipping labels failed", date="2023-08-10", severity="SEV3",
     why={"date": "dotted dates are day.month.year (German, Russian, ...)"})

case("41-date-unpadded", """
title: Tax rates out of date
date: 2023-8-1
severity: SEV4
""", title="Tax rates out of date", date="2023-08-01", severity="SEV4")

case("42-date-dd-mon-yyyy", """
title: Exports truncated
date: 5-Sep-2023
severity: SEV3
""", title="Exports truncated", date="2023-09-05", severity="SEV3")

case("43-date-compact", """
title: Sitemaps stale
date: 20230810
severity: SEV5
""", title="Sitemaps stale", date=any_of("2023-08-10", None), severity="SEV5",
     why={"date": "ISO 8601 basic format, but YAML reads it as an integer"})

# ---------------------------------------------------------------- 44-48: more zones
case("44-et-summer", """
title: Trading widgets frozen
date: 2023-08-10
started: 2023-08-10 09:15 ET
resolved: 2023-08-10 10:00 ET
severity: SEV2
""", title="Trading widgets frozen", date="2023-08-10",
     started=T(2023, 8, 10, 9, 15, NY), resolved=T(2023, 8, 10, 10, 0, NY), severity="SEV2",
     why={"started": "ET in August is EDT, UTC-4"})

case("45-bst", """
title: Bank transfers delayed
date: 2023-08-10
started: 10 Aug 2023 13:45 BST
resolved: 10 Aug 2023 14:45 BST
severity: SEV2
""", title="Bank transfers delayed", date="2023-08-10",
     started=T(2023, 8, 10, 13, 45, LON), resolved=T(2023, 8, 10, 14, 45, LON), severity="SEV2",
     why={"started": "BST: British Summer Time, UTC+1"})

case("46-heure-de-paris", """
title: Asynchronous tasks halted
date: 2023-11-18
started: 18h00 (heure de Paris)
resolved: 22h00 (heure de Paris)
severity: SEV2
""", title="Asynchronous tasks halted", date="2023-11-18",
     started=any_of(T(2023, 11, 18, 18, 0, PAR), None), resolved=any_of(T(2023, 11, 18, 22, 0, PAR), None),
     duration_minutes=any_of(240, None), severity="SEV2",
     why={"started": "French 'Paris time': CET in November; a reader may also decline"})

case("47-local-time-with-zone-key", """
title: Intermittent service problems after a release
date: 2023-09-16
started: September 16, 4:06 pm (local time)
resolved: September 16, 4:38 pm (local time)
time_zone: Australia/Sydney
severity: SEV3
causes: [deployment]
""", title="Intermittent service problems after a release", date="2023-09-16",
     started=T(2023, 9, 16, 16, 6, "Australia/Sydney"), resolved=T(2023, 9, 16, 16, 38, "Australia/Sydney"),
     severity="SEV3", causes=["deployment"])

case("48-pt-winter", """
title: Uptime checks failing
date: 2024-01-15
started: 2024-01-15 14:02 PT
resolved: 2024-01-15 14:37 PT
severity: Sev-2
""", title="Uptime checks failing", date="2024-01-15",
     started=T(2024, 1, 15, 14, 2, LA), resolved=T(2024, 1, 15, 14, 37, LA), severity="SEV2",
     why={"started": "PT in January is PST, UTC-8"})

# ---------------------------------------------------------------- 49-50: alternative keys
case("49-alt-keys-start-end-priority", """
title: Order emails not sent
date: 2023-08-10
start_time: 2023-08-10T08:00:00Z
end_time: 2023-08-10T09:10:00Z
priority: P3
draft: true
""", title="Order emails not sent", date="2023-08-10",
     started=T(2023, 8, 10, 8, 0), resolved=T(2023, 8, 10, 9, 10),
     severity=any_of("SEV3", None), status="draft",
     why={"severity": "priority is not severity, though many teams use one for the other"})

case("50-alt-keys-incident-date-impact", """
title: Sign-up form rejected valid emails
incident_date: Aug 10th 2023
impact_start: 2023-08-10 13:45 UTC
impact_end: 2023-08-10 14:15 UTC
sev: SEV3
users_affected: 30%
root_cause: Software bug
""", title="Sign-up form rejected valid emails", date="2023-08-10",
     started=T(2023, 8, 10, 13, 45), resolved=T(2023, 8, 10, 14, 15),
     users_affected_pct=30, severity="SEV3", causes=["software-bug"])

# ---------------------------------------------------------------- 51-58: shares, statuses, action items
case("51-share-roughly-half", """
title: Video playback stuttered
date: 2023-10-01
severity: SEV2
status: Approved
impact:
  users_affected_pct: roughly half
""", title="Video playback stuttered", date="2023-10-01", users_affected_pct=50, severity="SEV2")

case("52-share-out-of-ten", """
title: Chat messages arrived out of order
date: 2023-10-02
severity: SEV3
status: Reviewed
impact:
  users_affected_pct: 3 out of 10 users
""", title="Chat messages arrived out of order", date="2023-10-02", users_affected_pct=30,
     severity="SEV3")

case("53-share-less-than", """
title: Calendar invites duplicated
date: 2023-10-03
severity: SEV4
status: WIP
impact:
  users_affected_pct: <5%
""", title="Calendar invites duplicated", date="2023-10-03",
     users_affected_pct=rng(0, 5, null_ok=True), severity="SEV4", status="draft",
     why={"users_affected_pct": "an upper bound: any value up to 5, or leaving it out"})

case("54-share-decimal-percent", """
title: Dark mode ignored
date: 2023-10-04
severity: SEV5
status: publish
impact:
  users_affected_pct: 12.5%
""", title="Dark mode ignored", date="2023-10-04", users_affected_pct=12.5, severity="SEV5")

case("55-share-range-emoji-items", """
title: Report scheduler skipped runs
date: 2023-10-05
severity: SEV3
impact:
  users_affected_pct: 25-30%
action_items:
  - title: Alert when a scheduled run is skipped
    owner: reporting
    status: 🔲 open
    due: 2023-11-01
  - title: Backfill the skipped runs
    owner: reporting
    status: ✅ done
    due: 2023-10-07
""", title="Report scheduler skipped runs", date="2023-10-05",
     users_affected_pct=rng(25, 30, null_ok=True), severity="SEV3",
     action_items=["open", "done"])

case("56-share-na-item-words", """
title: Currency conversion off by a cent
date: 2023-10-06
severity: SEV4
impact:
  users_affected_pct: N/A
action_items:
  - title: Use decimal arithmetic for conversion
    owner: billing
    status: Fixed
    due: 2023-10-20
  - title: Rewrite the pricing service
    owner: billing
    status: Cancelled
    due: 2024-01-01
  - title: Ask the vendor for a rounding spec
    owner: billing
    status: On hold
    due: 2023-11-15
  - title: Add property tests for rounding
    owner: billing
    status: Pending
    due: 2023-11-30
""", title="Currency conversion off by a cent", date="2023-10-06", users_affected_pct=None,
     severity="SEV4", action_items=["done", "wont-do", "blocked", "open"])

case("57-share-none-item-enums", """
title: Internal wiki slow
date: 2023-10-07
severity: SEV5
impact:
  users_affected_pct: none
action_items:
  - title: Move the wiki to a larger instance
    owner: it
    status: closed
    due: 2023-10-10
  - title: Cache rendered pages
    owner: it
    status: IN_PROGRESS
    due: 2023-10-31
  - title: Archive old spaces
    owner: it
    status: COMPLETED
    due: 2023-10-15
""", title="Internal wiki slow", date="2023-10-07", users_affected_pct=any_of(0, None),
     severity="SEV5", action_items=[any_of("done", "wont-do"), "in-progress", "done"],
     why={"action_items": "closed: done or dropped"})

case("58-semicolon-causes-fraction-share", """
title: Leaderboard showed other teams' scores
date: 2023-10-08
severity: SEV2
impact:
  users_affected_pct: about 2/3
causes: Race Condition; Cache
services: leaderboard; api
""", title="Leaderboard showed other teams' scores", date="2023-10-08",
     users_affected_pct=rng(66, 67), severity="SEV2", causes=["race-condition", "cache"])

# ---------------------------------------------------------------- 59-66: causes, quoting, odd spellings
case("59-cause-phrases", """
title: Edge proxy rejected connections
date: 2023-10-09
severity: SEV1
causes: ["Bad deploy", "Expired TLS certificate"]
""", title="Edge proxy rejected connections", date="2023-10-09", severity="SEV1",
     causes=["deployment", "certificate"])

case("60-cause-compound", """
title: Traffic sent to drained nodes
date: 2023-10-10
severity: SEV2
causes: [Load balancer misconfiguration]
""", title="Traffic sent to drained nodes", date="2023-10-10", severity="SEV2",
     causes=any_of(["load-balancer", "misconfiguration"], ["misconfiguration"], ["load-balancer"]),
     why={"causes": "one phrase naming two taxonomy keys; both is best, either alone is fair"})

case("61-title-single-quoted", """
title: 'Checkout ''stuck'' for EU users'
date: '2023-10-11'
severity: 'SEV2'
status: 'Final'
""", title="Checkout 'stuck' for EU users", date="2023-10-11", severity="SEV2")

case("62-title-colon-final-v2-empty-item", """
title: "Payments: retries doubled charges"
date: 2023-10-12
severity: SEV-1
status: Final (v2)
causes: [software-bug]
action_items:
  - title: Make retries idempotent
    owner: payments
    status: ""
    due: 2023-11-01
""", title="Payments: retries doubled charges", date="2023-10-12", severity="SEV1",
     causes=["software-bug"], action_items=[any_of("open", None)],
     why={"action_items": "an empty status: open by default, or left out"})

case("63-flow-action-items", """
title: API keys leaked in logs
date: "2023-10-13"
severity: SEV1
status: approved
causes: [security]
action_items: [{title: Rotate exposed keys, owner: security, status: done, due: 2023-10-14}, {title: Scrub keys from logs, owner: platform, status: in progress, due: 2023-10-31}]
""", title="API keys leaked in logs", date="2023-10-13", severity="SEV1", causes=["security"],
     action_items=["done", "in-progress"])

case("64-zone-key-us-pacific-alias", """
title: Scheduled posts published late
date: 2023-08-10
started: 2023-08-10 1:45 PM
resolved: 2023-08-10 2:25 PM
time_zone: US/Pacific
severity: SEV3
""", title="Scheduled posts published late", date="2023-08-10",
     started=T(2023, 8, 10, 13, 45, "US/Pacific"), resolved=T(2023, 8, 10, 14, 25, "US/Pacific"),
     severity="SEV3")

case("65-zone-key-abbrev-cest", """
title: Map tiles missing
date: 2023-08-10
started: 2023-08-10 13:45
resolved: 2023-08-10 14:20
time_zone: CEST
severity: SEV3
""", title="Map tiles missing", date="2023-08-10",
     started=T(2023, 8, 10, 13, 45, BER), resolved=T(2023, 8, 10, 14, 20, BER), severity="SEV3",
     why={"started": "time_zone written as an abbreviation: CEST = UTC+2"})

case("66-zone-key-utc-offset", """
title: Device pairing failed
date: 2023-08-10
started: 2023-08-10 13:45
resolved: 2023-08-10 14:05
time_zone: UTC+2
severity: SEV4
""", title="Device pairing failed", date="2023-08-10",
     started=T(2023, 8, 10, 11, 45), resolved=T(2023, 8, 10, 12, 5), severity="SEV4")

case("67-no-zone-anywhere", """
title: Thumbnails served from the wrong bucket
date: 2023-08-10
started: 2023-08-10 13:45
resolved: 2023-08-10 14:30
severity: SEV4
causes: [misconfiguration]
""", title="Thumbnails served from the wrong bucket", date="2023-08-10",
     started=T(2023, 8, 10, 13, 45), resolved=T(2023, 8, 10, 14, 30), severity="SEV4",
     causes=["misconfiguration"],
     why={"started": "no zone anywhere: UTC is the only reading with no further guess"})

case("68-checkbox-items", """
title: Cron jobs ran twice after failover
date: 2023-10-15
severity: SEV3
causes: [human-error]
action_items:
  - title: Make the scheduler leader-elected
    owner: infra
    status: "[ ]"
    due: 2023-12-01
  - title: Document the failover steps
    owner: infra
    status: "[x] done"
    due: 2023-10-20
""", title="Cron jobs ran twice after failover", date="2023-10-15", severity="SEV3",
     causes=["human-error"], action_items=["open", "done"])


def main():
    if os.path.isdir(CONTENT):
        shutil.rmtree(CONTENT)
    os.makedirs(CONTENT)
    expected = {}
    for i, (slug, fm, e) in enumerate(CASES):
        body = BODIES[i % len(BODIES)]
        path = os.path.join(CONTENT, slug + ".md")
        with open(path, "w", encoding="utf-8") as f:
            f.write("---\n" + fm + "---\n\n" + body + "\n")
        expected[slug + ".md"] = e
    with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {len(CASES)} postmortems and expected.json")


if __name__ == "__main__":
    main()
