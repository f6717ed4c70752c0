#!/usr/bin/env python3
"""Writes content/*.md and expected.json for the front-matter tolerance probe.

Each case is front matter written the way another team or tool writes it
(see SPELLINGS.md for where each spelling was seen) plus the canonical values a
careful reader would take from it. Expected UTC instants are computed here from
the wall time and zone the case states (zoneinfo), never from the tool.

Expected values: a plain value, None (the value is absent or genuinely
ambiguous: the tool should leave it out), or {"any_of": [...]} when more than
one reading is defensible. "why" explains every None / any_of that is not
simply "not given".
"""
import json
import os
import shutil
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

HERE = os.path.dirname(os.path.abspath(__file__))
CONTENT = os.path.join(HERE, "content")


def U(local, zone="UTC"):
    """Wall time 'YYYY-MM-DD HH:MM[:SS]' in zone -> ISO 8601 UTC with Z."""
    fmt = "%Y-%m-%d %H:%M:%S" if local.count(":") == 2 else "%Y-%m-%d %H:%M"
    t = datetime.strptime(local, fmt).replace(tzinfo=ZoneInfo(zone))
    return t.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def OFF(local, hours):
    """Wall time at a fixed offset (hours, may be negative) -> UTC."""
    from datetime import timedelta
    fmt = "%Y-%m-%d %H:%M:%S" if local.count(":") == 2 else "%Y-%m-%d %H:%M"
    t = datetime.strptime(local, fmt).replace(tzinfo=timezone(timedelta(hours=hours)))
    return t.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def any_of(*v):
    return {"any_of": list(v)}


BODIES = {
    "deploy": (
        "A routine release of {sys} went out through the normal pipeline. Shortly after the new version "
        "reached the first region, requests began to fail and the on-call engineer was paged.\n\n"
        "The release had passed its checks in staging, where the traffic shape is different. The change "
        "relied on a code path that production exercises far more heavily, and the canary did not hold "
        "long enough to show it.\n\n"
        "We rolled the release back, confirmed the error rate returned to its baseline, and froze further "
        "deploys of {sys} until a fix was reviewed."
    ),
    "database": (
        "The primary database behind {sys} stopped accepting new connections. Application servers queued "
        "requests while waiting for a connection and then began returning errors.\n\n"
        "Investigation showed the connection pool was exhausted by long-running queries that a reporting job "
        "had started against the primary instead of the replica.\n\n"
        "We terminated the offending queries, pointed the reporting job back at the replica and raised the "
        "alert on pool saturation so it fires before requests are refused."
    ),
    "config": (
        "A configuration change to {sys} was applied to every environment at once instead of being staged. "
        "The new value disabled a feature that other services depend on.\n\n"
        "The change had been reviewed, but the reviewer saw only the diff and not the environments it "
        "would reach. Nothing in the tooling made the blast radius visible.\n\n"
        "We reverted the change, restored the previous value, and are moving this setting behind the same "
        "staged rollout that code changes use."
    ),
    "dependency": (
        "A third-party provider that {sys} relies on had an outage of its own. Our calls to it timed out, and "
        "because the client had no circuit breaker, worker threads piled up waiting.\n\n"
        "The provider's status page acknowledged the problem well after our own alerts fired. We had no "
        "fallback and no cached responses to serve in the meantime.\n\n"
        "Once the provider recovered, our queues drained on their own. We are adding timeouts, a breaker, "
        "and a degraded mode that keeps the rest of the product usable."
    ),
    "capacity": (
        "Traffic to {sys} grew well beyond its usual peak after a marketing campaign went out earlier than "
        "planned. Autoscaling added instances, but not fast enough, and the load balancer began shedding "
        "requests.\n\n"
        "The scaling policy had been tuned for gradual growth. Memory on the remaining instances climbed "
        "until several were killed, which made the shortfall worse.\n\n"
        "We scaled out by hand, raised the floor on instance count, and agreed with marketing on a heads-up "
        "before large sends."
    ),
    "network": (
        "Part of the network between two availability zones became unreliable, and {sys} saw intermittent "
        "connection resets between its front end and its storage layer.\n\n"
        "Retries masked the problem at first, then amplified it once they synchronised. Health checks kept "
        "passing because they ran inside a single zone.\n\n"
        "We drained the affected zone, which restored normal behaviour, and added cross-zone health checks "
        "and jittered retries."
    ),
    "certificate": (
        "The TLS certificate for {sys} expired. Browsers and API clients refused the connection, and "
        "internal services that pin the chain failed their handshakes as well.\n\n"
        "Renewal was automated, but the automation had been failing silently since a change to the DNS "
        "provider's API credentials. Nobody was watching the renewal job's output.\n\n"
        "We issued a new certificate by hand, fixed the credentials, and added an alert on certificate "
        "expiry that does not depend on the renewal job reporting its own health."
    ),
    "dns": (
        "A change to DNS records for {sys} published an incorrect target. Resolvers that picked up the new "
        "record sent clients to a host that does not serve the application.\n\n"
        "The record's time to live was long, so the bad answer stayed in caches well after we corrected it. "
        "Some clients recovered quickly and others did not.\n\n"
        "We corrected the record, lowered the time to live ahead of future changes, and added a check that "
        "resolves new records from outside before the change is marked complete."
    ),
    "bug": (
        "A defect in {sys} caused some requests to be handled with another request's state. Users reported "
        "seeing data that was not theirs, and we disabled the feature while we investigated.\n\n"
        "The cause was shared mutable state in a handler that had been assumed to run one request at a "
        "time. Under concurrency two requests could interleave.\n\n"
        "We shipped a fix that removes the shared state, invalidated affected sessions, and added a "
        "concurrency test that reproduces the interleaving."
    ),
    "human": (
        "During planned maintenance on {sys}, a command intended for a staging host was run against "
        "production. The host was removed from service and its workload moved to peers that were not sized "
        "for it.\n\n"
        "The two environments look identical in the terminal, and the runbook did not ask the operator to "
        "confirm the target.\n\n"
        "We restored the host, and the runbook now prints the environment and asks for confirmation before "
        "any destructive step. Production shells get a distinct prompt."
    ),
    "hardware": (
        "A storage node in the cluster that serves {sys} lost a disk controller. The node kept answering "
        "health checks but returned read errors for part of its data.\n\n"
        "Replication covered most reads, but writes that landed on the failing node had to be retried, "
        "and some clients gave up.\n\n"
        "We took the node out of the cluster, let replication rebuild its data elsewhere, and asked the "
        "provider to replace the hardware."
    ),
}


def body(topic, sys, h1=None):
    text = BODIES[topic].format(sys=sys)
    head = f"# {h1}\n\n" if h1 else ""
    return head + "## Summary\n\n" + text + "\n"


C = []  # cases


def case(slug, fm, topic, sys, exp, h1=None, raw=None, eol="\n", bom=False):
    C.append(dict(slug=slug, fm=fm, topic=topic, sys=sys, exp=exp, h1=h1, raw=raw, eol=eol, bom=bom))


# ---------------------------------------------------------------- status pages
case("cstate-jenkins-mirrors", """---
title: Disruption of mirror selections on the download site
date: 2024-12-05T13:00:00-00:00
resolved: true
resolvedWhen: 2024-12-16T07:40:00-00:00
# Possible severity levels: down, disrupted, notice
severity: disrupted
affected:
  - updates
  - downloads
section: issue
---
""", "network", "the download mirrors", dict(
    title="Disruption of mirror selections on the download site", date="2024-12-05",
    started=U("2024-12-05 13:00"), resolved=U("2024-12-16 07:40"),
    severity=None,
    why={"started": "cState: date is when the issue began, resolvedWhen when it ended; resolved: true is a flag, not a time",
         "severity": "cState's down/disrupted/notice is a 3-step status-page scale with no stated mapping onto SEV1..SEV4"}))

case("cstate-zoneless-pruning", """---
title: Blocked publishing due to ongoing repository pruning
date: 2024-05-14 10:00:00

resolved: true
resolvedWhen: 2024-05-15 17:50

# disrupted | down | notice
severity: down

section: issue
informational: false
pin: false

affected:
  - Build service
  - Main repository server
---
""", "capacity", "the repository server", dict(
    title="Blocked publishing due to ongoing repository pruning", date="2024-05-14",
    started=any_of(U("2024-05-14 10:00"), None), resolved=any_of(U("2024-05-15 17:50"), None),
    duration_minutes=any_of(31 * 60 + 50, None), severity=any_of(None, "SEV1"),
    why={"started": "no zone and no time_zone: UTC only if the site default is UTC",
         "severity": "cState 'down' (full outage) is at most plausibly SEV1; no stated mapping"}))

case("cstate-quoted-offset", """---
title: "Staging is unstable"
date: "2022-11-25T08:35:00+01:00"
affected:
resolved: true
resolvedWhen: "2022-11-30T14:06:00+01:00"
section: issue
severity: disrupted
---
""", "capacity", "the staging cluster", dict(
    title="Staging is unstable", date="2022-11-25",
    started=OFF("2022-11-25 08:35", 1), resolved=OFF("2022-11-30 14:06", 1), severity=None,
    why={"severity": "cState scale, no mapping"}))

case("statuspage-export", """---
name: Degraded performance for API requests
status: postmortem
impact: major
shortlink: https://stspg.io/abc123
created_at: 2022-09-01T14:05:11.372Z
started_at: 2022-09-01T13:50:00.000Z
resolved_at: 2022-09-01T15:20:41.129Z
components: [API, Dashboard]
---
""", "database", "the public API", dict(
    title="Degraded performance for API requests", date="2022-09-01",
    started=U("2022-09-01 13:50"), resolved=any_of("2022-09-01T15:20:41Z", "2022-09-01T15:20:00Z", "2022-09-01T15:21:00Z"),
    duration_minutes=any_of(90, 91), severity=any_of("SEV2", None), status="published",
    why={"status": "Statuspage status 'postmortem' is the incident's lifecycle stage, not a document draft flag",
         "severity": "Statuspage impact none/minor/major/critical; major -> SEV2 is the natural reading"}))

# ---------------------------------------------------------------- incident tools
case("rootly-export", """---
title: Checkout API returning 502s
slug: checkout-api-returning-502s
kind: normal
status: resolved
severity: SEV3
started_at: "2026-05-18T14:06:00-04:00"
mitigated_at: "2026-05-18T14:40:00-04:00"
resolved_at: "2026-05-18T14:58:00-04:00"
services: [checkout-api]
---
""", "deploy", "the checkout API", dict(
    title="Checkout API returning 502s", date="2026-05-18",
    started=OFF("2026-05-18 14:06", -4), resolved=OFF("2026-05-18 14:58", -4),
    severity="SEV3", status="published", causes=any_of([], ["deployment"]),
    why={"status": "Rootly incident status 'resolved' is lifecycle, not a draft flag"}))

case("rootly-cli-display", """---
Title: Search results missing for new listings
Started: May 18, 2026 02:06 PM EDT
Duration: 52m
Severity: SEV3
Status: resolved
---
""", "bug", "the search indexer", dict(
    title="Search results missing for new listings", date="2026-05-18",
    started=OFF("2026-05-18 14:06", -4), resolved=any_of(None, OFF("2026-05-18 14:58", -4)),
    duration_minutes=52, severity="SEV3", status="published",
    why={"started": "Rootly CLI shows 'May 18, 2026 02:06 PM EDT'; EDT is unambiguous (UTC-4)",
         "resolved": "not given; started + duration is a fair derivation but not declared"}))

case("firehydrant-export", """---
name: Elevated error rates on search
severity: SEV2
priority: P2
customer_impact: true
started_at: 2024-02-07T09:15:00.000Z
acknowledged_at: 2024-02-07T09:21:00.000Z
resolved_at: 2024-02-07T11:02:00.000Z
current_milestone: postmortem_completed
tag_list: [search, elasticsearch]
---
""", "capacity", "search", dict(
    title="Elevated error rates on search", date="2024-02-07",
    started=U("2024-02-07 09:15"), resolved=U("2024-02-07 11:02"), severity="SEV2",
    why={"users_affected_pct": "customer_impact: true is a flag, not a share"}))

case("firehydrant-milestones", """---
title: Image uploads failing
date: 2024-04-02
severity: SEV2
milestones:
  - type: started
    occurred_at: 2024-04-02T22:10:00Z
  - type: detected
    occurred_at: 2024-04-02T22:18:00Z
  - type: mitigated
    occurred_at: 2024-04-02T23:05:00Z
  - type: resolved
    occurred_at: 2024-04-03T00:40:00Z
---
""", "hardware", "the image store", dict(
    title="Image uploads failing", date="2024-04-02",
    started=U("2024-04-02 22:10"), resolved=U("2024-04-03 00:40"), severity="SEV2", causes=any_of([], ["hardware"])))

case("incident-io-export", """---
name: Payments webhook backlog
reference: INC-1234
severity:
  name: Major
  rank: 2
incident_status:
  name: Closed
  category: closed
reported_at: 2024-06-03T10:12:00Z
timestamps:
  - name: Impact started
    value: 2024-06-03T09:58:00Z
  - name: Resolved
    value: 2024-06-03T12:30:00Z
follow_ups:
  - title: Alert on webhook queue age
    status: outstanding
  - title: Document the replay procedure
    status: completed
  - title: Migrate to the new queue
    status: not_doing
---
""", "dependency", "payments webhooks", dict(
    title="Payments webhook backlog", date="2024-06-03",
    started=U("2024-06-03 09:58"), resolved=U("2024-06-03 12:30"), severity="SEV2",
    action_item_statuses=["open", "done", "wont-do"],
    why={"severity": "incident.io default ladder Critical/Major/Minor: Major -> SEV2",
         "action_item_statuses": "incident.io follow-up statuses outstanding/completed/not_doing"}))

case("datadog-incident", """---
title: Login latency spike in EU region
customer_impacted: true
customer_impact_scope: Users in the EU region saw slow logins
customer_impact_start: 2025-01-09T16:20:00+00:00
customer_impact_end: 2025-01-09T17:05:00+00:00
detected: 2025-01-09T16:31:00+00:00
fields:
  severity: SEV-2
  state: resolved
---
""", "network", "the login service", dict(
    title="Login latency spike in EU region", date="2025-01-09",
    started=U("2025-01-09 16:20"), resolved=U("2025-01-09 17:05"), severity="SEV2",
    why={"started": "Datadog customer_impact_start/customer_impact_end are impact begin/end",
         "users_affected_pct": "customer_impact_scope is a description, no share"}))

case("datadog-sev5", """---
title: Stale dashboard tiles
date: 2025-02-11
severity: SEV-5
status: published
duration: 25 minutes
---
""", "bug", "the dashboard service", dict(
    title="Stale dashboard tiles", date="2025-02-11", duration_minutes=25, severity="SEV5",
    why={"severity": "the default ladder has SEV5 (the brief that wrote this probe said SEV1..SEV4; corrected after the first run)"}))

case("pagerduty-postmortem", """---
report_name: Notification delivery delays
owner_of_review_process: alex
impact_start_time: 2023-11-14 06:42 PM PST
impact_end_time: 2023-11-14 08:03 PM PST
priority: P1
---
""", "dependency", "notification delivery", dict(
    title="Notification delivery delays", date=any_of("2023-11-14", "2023-11-15"),
    started=OFF("2023-11-14 18:42", -8), resolved=OFF("2023-11-14 20:03", -8), severity="SEV1",
    why={"started": "PagerDuty postmortem 'Impact Start Time'/'Impact End Time', 12-hour clock, PST = UTC-8",
         "date": "local date is the 14th, UTC date the 15th",
         "severity": "P1 priority is the top rung"}), h1="Notification delivery delays")

case("pagerduty-tasks", """---
title: Duplicate invoices sent
date: 2023-06-20
severity: P2
duration: 2h 10m
tasks:
  - name: Add idempotency key to invoice sender
    assignee: billing
    status: Done
  - name: Backfill credit notes
    assignee: finance-eng
    status: In Progress
  - name: Review retry policy
    assignee: billing
    status: To Do
  - name: Email affected customers again
    assignee: support
    status: Skipped
---
""", "bug", "the invoice sender", dict(
    title="Duplicate invoices sent", date="2023-06-20", duration_minutes=130, severity="SEV2",
    action_item_statuses=["done", "in-progress", "open", "wont-do"],
    why={"action_item_statuses": "PagerDuty task states To Do/In Progress/Done/Skipped"}))

case("jeli-opportunity", """---
title: Feature flag service unreachable
date: 2024-08-22
impact_start: 2024-08-22T07:05:00Z
impact_end: 2024-08-22T07:50:00Z
severity: High
action_items:
  - description: Cache flag values at the edge
    assignee: platform
    state: Backlog
  - description: Add a synthetic check from each region
    assignee: sre
    state: Won't Fix
---
""", "dependency", "the feature flag service", dict(
    title="Feature flag service unreachable", date="2024-08-22",
    started=U("2024-08-22 07:05"), resolved=U("2024-08-22 07:50"), severity="SEV2",
    action_item_statuses=["open", "wont-do"]))

case("opsgenie-priority", """---
title: Queue consumers stuck
date: 2024-09-30
priority: P3
start: 2024-09-30T03:10:00Z
end: 2024-09-30T04:25:00Z
---
""", "bug", "the queue consumers", dict(
    title="Queue consumers stuck", date="2024-09-30", started=U("2024-09-30 03:10"),
    resolved=U("2024-09-30 04:25"), severity="SEV3",
    why={"severity": "Opsgenie P1..P5: P3 -> SEV3"}))

# ---------------------------------------------------------------- SRE book style
case("sre-shakespeare", """---
title: Shakespeare Sonnet++ Postmortem (incident #465)
date: 2015-10-21
authors: [jennifer, martym, agoogler]
status: Complete, action items in progress
summary: Shakespeare Search down during a period of very high interest in Shakespeare.
impact: Estimated 1.21B queries lost, no revenue impact.
root_causes: Cascading failure due to a combination of exceptionally high load and a resource leak.
action_items:
  - action: Update playbook with instructions for responding to cascading failure
    type: mitigate
    owner: jennifer
    bug: n/a
    status: DONE
  - action: Use flux capacitor to balance load between clusters
    type: prevent
    owner: martym
    bug: "5554823"
    status: TODO
---
""", "capacity", "Shakespeare search", dict(
    title=any_of("Shakespeare Sonnet++ Postmortem (incident #465)", "Shakespeare Sonnet++ Postmortem (incident"),
    date="2015-10-21", status="published",
    causes="skip", action_item_statuses=["done", "open"],
    why={"status": "SRE book 'Complete, action items in progress' means the document is final",
         "users_affected_pct": "'1.21B queries lost' is a count of queries, not a share of users",
         "causes": "free-text root cause; not scored",
         "title": "unquoted ' #465)' is a YAML comment, so a YAML-exact reader truncates; the author meant the whole title"}))

case("sre-template-draft", """---
title: Deployer API Outage Postmortem
date: 2016-09-05
authors:
  - mlafeldt
status: Draft
summary: The deployer API was unavailable after we accidentally deleted its service.
---
""", "human", "the deployer API", dict(
    title="Deployer API Outage Postmortem", date="2016-09-05", status="draft", causes=any_of([], ["human-error"])))

# ---------------------------------------------------------------- severities
case("sev-dash-count", """---
title: Database connection pool exhaustion
date: 2024-01-15
severity: Sev-2
start_time: 2024-01-15 14:30 UTC
end_time: 2024-01-15 15:15 UTC
users_affected: 50000
---
""", "database", "the user API", dict(
    title="Database connection pool exhaustion", date="2024-01-15", started=U("2024-01-15 14:30"),
    resolved=U("2024-01-15 15:15"), severity="SEV2", users_affected_pct=None, causes=any_of([], ["database"]),
    why={"users_affected_pct": "50000 under users_affected is a count of users, not a share"}))

case("sev-space-draft", """---
title: Cart totals rounded wrongly
date: 2024-02-02
severity: "SEV 3"
duration: 47 minutes
status: draft
---
""", "bug", "the cart service", dict(
    title="Cart totals rounded wrongly", date="2024-02-02", duration_minutes=47, severity="SEV3", status="draft"))

case("sev-critical-hours", """---
title: Primary region unavailable
date: 2024-02-19
severity: critical
duration: "5 hours"
impact:
  users_affected_pct: "35%"
  summary: Every request to the primary region failed
---
""", "network", "the primary region", dict(
    title="Primary region unavailable", date="2024-02-19", duration_minutes=300, severity="SEV1",
    users_affected_pct=35))

case("sev-high-with-priority", """---
title: Password reset emails not sent
date: 2024-03-11
severity: High
priority: P3
duration: 3h
---
""", "dependency", "the email relay", dict(
    title="Password reset emails not sent", date="2024-03-11", duration_minutes=180, severity="SEV2",
    why={"severity": "severity and priority are different axes; severity: High wins"}))

case("sev-medium-iso-duration", """---
title: Slow report exports
date: 2024-03-20
severity: medium
duration: PT1H15M
---
""", "database", "report exports", dict(
    title="Slow report exports", date="2024-03-20", duration_minutes=75, severity="SEV3"))

case("sev-low-hms", """---
title: Avatar thumbnails blurry
date: 2024-04-04
severity: low
duration: "01:15:00"
---
""", "config", "the thumbnail service", dict(
    title="Avatar thumbnails blurry", date="2024-04-04", duration_minutes=75, severity="SEV4",
    why={"duration_minutes": "HH:MM:SS as used by the 'duration: 00:00:00  # HH:MM:SS' template"}))

case("sev-int-sexagesimal", """---
id: pm-0042
type: postmortem
title: Scheduler skipped nightly jobs
date: 2024-04-09
service: scheduler
severity: 1  # 1 (critical) to 5 (minor)
duration: 00:45:00  # HH:MM:SS
root_cause: TBD
---
""", "bug", "the job scheduler", dict(
    title="Scheduler skipped nightly jobs", date="2024-04-09", duration_minutes=45, severity="SEV1",
    why={"duration_minutes": "unquoted 00:45:00 is a YAML 1.1 sexagesimal int (2700); the author meant 45 minutes",
         "severity": "bare 1 on a scale where 1 is critical"}))

case("sev-bare-two", """---
title: Webhooks delivered twice
date: 2024-04-16
severity: 2
duration: 1h30m
---
""", "bug", "webhook delivery", dict(
    title="Webhooks delivered twice", date="2024-04-16", duration_minutes=90, severity="SEV2"))

case("sev-s1", """---
title: Admin console down
date: 2024-04-23
severity: S1
duration: 40m
---
""", "deploy", "the admin console", dict(
    title="Admin console down", date="2024-04-23", duration_minutes=40, severity="SEV1"))

case("sev-words-major", """---
title: Mobile push notifications delayed
date: 2024-05-02
severity: "Severity 2 - Major"
duration: 2h
---
""", "capacity", "push notifications", dict(
    title="Mobile push notifications delayed", date="2024-05-02", duration_minutes=120, severity="SEV2"))

case("etcd-month-only", """---
id: "0003"
title: etcd quorum lost during rolling upgrade
stack: [kubernetes, etcd, kubespray]
severity: sev1
detection: manual
time_to_detect: 4m
time_to_resolve: 1h35m
root_cause_category: configuration
blast_radius: cluster
date: 2025-11
---
""", "config", "the control plane", dict(
    title="etcd quorum lost during rolling upgrade", date=None, severity="SEV1",
    duration_minutes=any_of(95, None), causes=["misconfiguration"],
    why={"date": "2025-11 names a month, not a day",
         "duration_minutes": "time_to_resolve is start-to-resolve time in Rootly-style exports"}))

case("incident-io-minor", """---
name: Docs search returns stale results
severity: Minor
reported_at: 2024-10-01T12:00:00Z
duration: 3 hours
---
""", "config", "docs search", dict(
    title="Docs search returns stale results", date="2024-10-01", duration_minutes=180, severity="SEV3",
    why={"date": "reported_at is the only time given; its date is the incident's date"}))

# ---------------------------------------------------------------- zones and clocks
case("zone-abbrev-pst", """---
title: Checkout slow on the west coast
date: 2024-03-05
severity: P2
started: "2024-03-05 09:12 PST"
resolved: "2024-03-05 11:40 PST"
---
""", "capacity", "checkout", dict(
    title="Checkout slow on the west coast", date="2024-03-05",
    started=OFF("2024-03-05 09:12", -8), resolved=OFF("2024-03-05 11:40", -8), severity="SEV2"))

case("zone-abbrev-cst-ambiguous", """---
title: Order sync lagging
date: 2024-07-10
severity: SEV3
started: "2024-07-10 09:12 CST"
resolved: "2024-07-10 11:12 CST"
---
""", "dependency", "order sync", dict(
    title="Order sync lagging", date="2024-07-10", started=None, resolved=None,
    duration_minutes=any_of(None, 120), severity="SEV3",
    why={"started": "CST is US Central Standard (UTC-6) or China Standard (UTC+8); in July US Central is CDT, so the writer may be in China",
         "duration_minutes": "same abbreviation on both ends, so the difference is known even though the instants are not"}))

case("zone-dst-fallback", """---
title: Batch billing ran twice
date: 2024-11-03
severity: SEV2
time_zone: America/New_York
started: 2024-11-03 01:30
resolved: 2024-11-03 03:00
---
""", "bug", "batch billing", dict(
    title="Batch billing ran twice", date="2024-11-03", started=None, resolved=U("2024-11-03 03:00", "America/New_York"),
    duration_minutes=None, severity="SEV2",
    why={"started": "01:30 happens twice in New York on 2024-11-03 (EDT then EST); it names two instants",
         "duration_minutes": "depends on which 01:30"}))

case("zone-timezone-spelling", """---
title: Sessions dropped after failover
date: 2023-08-10
severity: SEV2
timezone: Europe/Berlin
started: 2023-08-10 13:45
resolved: 2023-08-10 15:00
---
""", "database", "the session store", dict(
    title="Sessions dropped after failover", date="2023-08-10",
    started=U("2023-08-10 13:45", "Europe/Berlin"), resolved=U("2023-08-10 15:00", "Europe/Berlin"), severity="SEV2",
    why={"started": "'timezone' (one word) is the spelling cState, Hugo and most exports use"}))

case("zone-time-zone-canonical", """---
title: Reports page blank
date: 2024-01-22
severity: SEV4
time_zone: Asia/Tokyo
started: 2024-01-22T10:00
resolved: 2024-01-22T10:50
---
""", "deploy", "the reports page", dict(
    title="Reports page blank", date="2024-01-22",
    started=U("2024-01-22 10:00", "Asia/Tokyo"), resolved=U("2024-01-22 10:50", "Asia/Tokyo"), severity="SEV4"))

case("epoch-seconds", """---
title: Rate limiter rejected valid traffic
date: 2024-03-05
severity: SEV2
started_at: 1709647920
resolved_at: 1709653320
---
""", "config", "the rate limiter", dict(
    title="Rate limiter rejected valid traffic", date="2024-03-05",
    started="2024-03-05T14:12:00Z", resolved="2024-03-05T15:42:00Z", severity="SEV2",
    why={"started": "Unix seconds, as in Piro's StartDateTime/EndDateTime"}))

case("epoch-millis-camel", """---
title: Geo lookup returning wrong country
date: 2024-03-05
severity: SEV3
startDateTime: 1709647920000
endDateTime: 1709653320000
---
""", "dependency", "geo lookup", dict(
    title="Geo lookup returning wrong country", date="2024-03-05",
    started=any_of("2024-03-05T14:12:00Z", None), resolved=any_of("2024-03-05T15:42:00Z", None),
    duration_minutes=any_of(90, None), severity="SEV3",
    why={"started": "milliseconds since the epoch (JavaScript exports); a reader may decline to guess the unit",
         "duration_minutes": "follows from the two instants when they are read (fixed after the first run: it said null only)"}))

case("rfc2822", """---
title: Media CDN purges failing
date: 2024-03-05
severity: SEV3
started: "Tue, 05 Mar 2024 14:12:00 +0000"
resolved: "Tue, 05 Mar 2024 15:02:00 +0000"
---
""", "dependency", "the media CDN", dict(
    title="Media CDN purges failing", date="2024-03-05", started=U("2024-03-05 14:12"),
    resolved=U("2024-03-05 15:02"), severity="SEV3"))

case("twelve-hour-words", """---
title: Trial signups failing
date: March 5, 2024
severity: SEV2
started: March 5, 2024 2:12 PM UTC
resolved: March 5, 2024 3:02 PM UTC
---
""", "deploy", "signups", dict(
    title="Trial signups failing", date="2024-03-05", started=U("2024-03-05 14:12"),
    resolved=U("2024-03-05 15:02"), severity="SEV2"))

case("date-plus-clock", """---
title: Exports stuck in queue
date: 5 March 2024
time_zone: UTC
severity: SEV3
start: "14:12"
end: "15:02"
---
""", "capacity", "the export queue", dict(
    title="Exports stuck in queue", date="2024-03-05",
    started=any_of(U("2024-03-05 14:12"), None), resolved=any_of(U("2024-03-05 15:02"), None),
    duration_minutes=any_of(50, None), severity="SEV3",
    why={"started": "a clock time with the day taken from date; fair reading, not a full timestamp"}))

case("date-slashes-iso-order", """---
title: Coupon codes rejected
date: 2024/03/05
severity: SEV3
duration: 1h
---
""", "bug", "coupon validation", dict(
    title="Coupon codes rejected", date="2024-03-05", duration_minutes=60, severity="SEV3"))

case("date-ambiguous-dmy-mdy", """---
title: Map tiles missing
date: 03/04/2024
severity: SEV4
duration: 30m
---
""", "config", "the map tile server", dict(
    title="Map tiles missing", date=None, duration_minutes=30, severity="SEV4",
    why={"date": "03/04/2024 is March 4 (US) or 3 April (most elsewhere)"}))

case("date-unambiguous-dmy", """---
title: Search suggestions empty
date: 13/04/2024
severity: SEV4
duration: 20m
---
""", "deploy", "search suggestions", dict(
    title="Search suggestions empty", date="2024-04-13", duration_minutes=20, severity="SEV4",
    why={"date": "13 cannot be a month, so day/month/year"}))

case("date-with-offset-late", """---
title: Nightly backups skipped
date: 2024-03-05T23:30:00-08:00
severity: SEV3
duration: 25m
---
""", "config", "the backup job", dict(
    title="Nightly backups skipped", date=any_of("2024-03-05", "2024-03-06"),
    started=any_of(None, OFF("2024-03-05 23:30", -8)), duration_minutes=25, severity="SEV3",
    why={"date": "written as the 5th in the author's zone; the UTC day is the 6th"}))

# ---------------------------------------------------------------- durations
case("dur-days-hours", """---
title: Data warehouse loads paused
date: 2024-05-20
severity: SEV3
duration: 2 days 3 hours
---
""", "database", "the data warehouse", dict(
    title="Data warehouse loads paused", date="2024-05-20", duration_minutes=3060, severity="SEV3"))

case("dur-h-space-m", """---
title: Invoice PDFs not rendering
date: 2024-05-21
severity: SEV3
duration: 1h 15m
---
""", "dependency", "the PDF renderer", dict(
    title="Invoice PDFs not rendering", date="2024-05-21", duration_minutes=75, severity="SEV3"))

case("dur-bare-number", """---
title: Support widget hidden
date: 2024-05-22
severity: SEV4
duration: 90
---
""", "deploy", "the support widget", dict(
    title="Support widget hidden", date="2024-05-22", duration_minutes=None, severity="SEV4",
    why={"duration_minutes": "90 with no unit: minutes, or seconds as in Rootly/Datadog time_to_resolve"}))

case("dur-seconds-key", """---
title: Audit log writes delayed
date: 2024-05-23
severity: SEV3
duration_seconds: 5400
---
""", "capacity", "the audit log", dict(
    title="Audit log writes delayed", date="2024-05-23", duration_minutes=90, severity="SEV3"))

case("dur-ongoing-wip", """---
title: Intermittent timeouts on uploads
date: 2024-05-24
severity: SEV3
duration: ongoing
status: WIP
---
""", "network", "uploads", dict(
    title="Intermittent timeouts on uploads", date="2024-05-24", duration_minutes=None, severity="SEV3",
    status="draft", why={"status": "WIP: work in progress, not ready to publish"}))

case("dur-window-text", """---
title: Checkout 5xx after api deploy
date: 2024-06-11
severity: SEV2
duration: "14:32 - 15:47 UTC (1h15m)"
customer_impact: "~3% of users saw 5xx on /api/checkout"
---
""", "deploy", "the checkout API", dict(
    title="Checkout 5xx after api deploy", date="2024-06-11",
    started=any_of(None, U("2024-06-11 14:32")), resolved=any_of(None, U("2024-06-11 15:47")),
    duration_minutes=75, severity="SEV2", users_affected_pct=3,
    why={"duration_minutes": "the 'Duration: 14:32 - 15:47 UTC (1h15m)' line of a common template",
         "users_affected_pct": "'~3% of users' is an estimate of a share of users"}))

case("dur-decimal-hours", """---
title: Recommendation widget empty
date: 2024-06-12
severity: SEV4
outage_duration: 1.5 hours
---
""", "database", "recommendations", dict(
    title="Recommendation widget empty", date="2024-06-12", duration_minutes=90, severity="SEV4"))

# ---------------------------------------------------------------- impact shares
case("share-float-pct", """---
title: Wishlist saves lost
date: 2024-06-17
severity: SEV3
duration: 35m
users_affected_pct: 12.5
---
""", "bug", "wishlists", dict(
    title="Wishlist saves lost", date="2024-06-17", duration_minutes=35, severity="SEV3", users_affected_pct=12.5))

case("share-percent-words", """---
title: Video playback stalls
date: 2024-06-18
severity: SEV2
duration: 2h
impact: 35 percent of users
---
""", "capacity", "video playback", dict(
    title="Video playback stalls", date="2024-06-18", duration_minutes=120, severity="SEV2", users_affected_pct=35))

case("share-affected-users-count", """---
incident_id: INC-207
incident_title: Checkout timeouts for card payments
severity: P1
incident_start: 2026-06-14 08:15
duration: 4h 45m
affected_users: 320
time_zone: UTC
---
""", "dependency", "card payments", dict(
    title="Checkout timeouts for card payments", date="2026-06-14", started=U("2026-06-14 08:15"),
    resolved=any_of(None, U("2026-06-14 13:00")), duration_minutes=285, severity="SEV1", users_affected_pct=None,
    why={"users_affected_pct": "affected_users: 320 is a head count",
         "resolved": "not declared; start + duration is a derivation"}))

case("share-fraction-under-count-key", """---
title: Profile pictures missing
date: 2024-06-25
severity: SEV4
duration: 50m
users_affected: 0.35
---
""", "config", "profile pictures", dict(
    title="Profile pictures missing", date="2024-06-25", duration_minutes=50, severity="SEV4",
    users_affected_pct=any_of(35, None),
    why={"users_affected_pct": "0.35 cannot be a count, so a fraction (35%); but 0.35% is also possible"}))

case("share-about-a-third", """---
title: Notifications badge wrong
date: 2024-06-26
severity: SEV4
duration: 1h
users_affected: about a third
---
""", "bug", "notification badges", dict(
    title="Notifications badge wrong", date="2024-06-26", duration_minutes=60, severity="SEV4",
    users_affected_pct=any_of(None, 33, 33.3, 33.33),
    why={"users_affected_pct": "a vague fraction in words; leaving it out or ~33 are both defensible"}))

case("share-segment-not-total", """---
title: EU logins failing
date: 2024-07-01
severity: SEV2
duration: 1h 5m
impact:
  summary: ~20% of EU customers could not log in
---
""", "certificate", "EU logins", dict(
    title="EU logins failing", date="2024-07-01", duration_minutes=65, severity="SEV2", users_affected_pct=None,
    causes=any_of([], ["certificate"]),
    why={"users_affected_pct": "20% of a segment (EU customers), not of all users"}))

case("share-out-of-range", """---
title: Search ranking degraded
date: 2024-07-02
severity: SEV3
duration: 3h
users_affected_pct: 140
---
""", "deploy", "search ranking", dict(
    title="Search ranking degraded", date="2024-07-02", duration_minutes=180, severity="SEV3", users_affected_pct=None,
    why={"users_affected_pct": "140 is outside 0-100; should be rejected, not shown"}))

case("share-percent-key-string", """---
title: Apache web server outage
date: 2019-10-02
severity: SEV1
start: 2019-10-01 07:55 EST
end: 2019-10-02 06:00 EST
percent_users_affected: "80%"
---
""", "config", "the main website", dict(
    title="Apache web server outage", date=any_of("2019-10-02", "2019-10-01"),
    started=OFF("2019-10-01 07:55", -5), resolved=OFF("2019-10-02 06:00", -5), severity="SEV1", users_affected_pct=80,
    why={"started": "EST written by a US author in October (literally UTC-5)"}))

# ---------------------------------------------------------------- document status
case("hugo-draft-true", """---
title: Cache stampede on product pages
date: 2024-07-08
severity: SEV2
duration: 55m
draft: true
---
""", "capacity", "product pages", dict(
    title="Cache stampede on product pages", date="2024-07-08", duration_minutes=55, severity="SEV2", status="draft"))

case("jekyll-published-false", """---
layout: post
title: Stale prices in the catalog
date: 2024-07-09 10:00:00 +0200
categories: [postmortem]
severity: SEV3
duration: 1h
published: false
---
""", "config", "the catalog", dict(
    title="Stale prices in the catalog", date="2024-07-09", duration_minutes=60, severity="SEV3", status="draft",
    started=any_of(None, OFF("2024-07-09 10:00", 2)),
    why={"status": "Jekyll published: false keeps a post unpublished"}))

case("status-in-review", """---
title: Referral credits double-applied
date: 2024-07-15
severity: SEV3
duration: 2h
status: In Review
---
""", "bug", "referral credits", dict(
    title="Referral credits double-applied", date="2024-07-15", duration_minutes=120, severity="SEV3", status="draft",
    why={"status": "In Review: not yet approved for publication"}))

case("status-final", """---
title: API keys rejected after rotation
date: 2024-07-16
severity: SEV2
duration: 45m
status: Final
---
""", "human", "API authentication", dict(
    title="API keys rejected after rotation", date="2024-07-16", duration_minutes=45, severity="SEV2",
    status="published", causes=any_of([], ["human-error"])))

case("status-published-caps", """---
Title: Marketplace listings not indexed
Date: 2024-07-17
Severity: SEV3
Duration: 1h 40m
Status: Published
---
""", "bug", "marketplace indexing", dict(
    title="Marketplace listings not indexed", date="2024-07-17", duration_minutes=100, severity="SEV3",
    status="published"))

# ---------------------------------------------------------------- action items
case("ai-jira-states", """---
title: Shipping labels failed to print
date: 2024-08-05
severity: SEV2
duration: 2h 30m
action_items:
  - title: Add retries to the label client
    owner: logistics
    status: Done
  - title: Alert on label error rate
    owner: sre
    status: In Progress
  - title: Document carrier fallback
    owner: logistics
    status: To Do
  - title: Load test the label service
    owner: logistics
    status: Backlog
  - title: Replace the carrier SDK
    owner: logistics
    status: Won't Fix
---
""", "dependency", "label printing", dict(
    title="Shipping labels failed to print", date="2024-08-05", duration_minutes=150, severity="SEV2",
    action_item_statuses=["done", "in-progress", "open", "open", "wont-do"]))

case("ai-remediations-state", """---
title: Object storage writes rejected
date: 2024-08-06
severity: SEV2
duration: 1h 10m
causes: [resource-exhaustion]
remediations:
  - summary: Alert on bucket quota
    assignee: storage
    state: closed
    due_date: 2024-08-20
  - summary: Raise quota headroom
    assignee: storage
    state: open
    deadline: 2024-09-01
---
""", "capacity", "object storage", dict(
    title="Object storage writes rejected", date="2024-08-06", duration_minutes=70, severity="SEV2",
    causes=["resource-exhaustion"], action_item_statuses=["done", "open"]))

case("ai-checkbox-strings", """---
title: Search index corrupted
date: 2024-08-07
severity: SEV2
duration: 3h 20m
corrective_actions:
  - "[x] Restore index from snapshot"
  - "[ ] Verify snapshots weekly"
  - "[ ] Add checksum to index segments"
---
""", "hardware", "the search index", dict(
    title="Search index corrupted", date="2024-08-07", duration_minutes=200, severity="SEV2",
    action_item_statuses=["done", "open", "open"], causes=any_of([], ["hardware"])))

case("ai-misc-states", """---
title: Background jobs starved
date: 2024-08-08
severity: SEV3
duration: 2h
followups:
  - title: Split the job queue by priority
    owner: platform
    status: Cancelled
  - title: Add queue depth dashboard
    owner: platform
    status: Completed
  - title: Upgrade the worker runtime
    owner: platform
    status: Blocked
  - title: Cap retries per job
    owner: platform
    status: WIP
---
""", "capacity", "background jobs", dict(
    title="Background jobs starved", date="2024-08-08", duration_minutes=120, severity="SEV3",
    action_item_statuses=["wont-do", "done", "blocked", "in-progress"]))

case("ai-jira-keys", """---
title: Email verification links expired early
date: 2024-08-12
severity: SEV3
duration: 4h
action_items:
  - key: AUTH-881
    summary: Use server time for link expiry
    assignee: auth-team
    status: Selected for Development
  - key: AUTH-882
    summary: Add test for clock skew
    assignee: auth-team
    status: Closed
  - key: AUTH-883
    summary: Extend link lifetime
    assignee: auth-team
    status: Resolved
---
""", "bug", "email verification", dict(
    title="Email verification links expired early", date="2024-08-12", duration_minutes=240, severity="SEV3",
    action_item_statuses=["open", "done", "done"],
    why={"action_item_statuses": "Jira: Selected for Development is not started; Closed/Resolved are finished"}))

# ---------------------------------------------------------------- causes
case("causes-comma-string", """---
title: Release broke order history
date: 2024-08-19
severity: SEV2
duration: 1h 20m
causes: "deploy, database"
services: "orders, history"
---
""", "deploy", "order history", dict(
    title="Release broke order history", date="2024-08-19", duration_minutes=80, severity="SEV2",
    causes=["database", "deployment"]))

case("causes-aliases-1", """---
title: Third-party auth outage after bad deploy
date: 2024-08-20
severity: SEV2
duration: 50m
causes: [Bad deploy, Third-party outage]
---
""", "dependency", "single sign-on", dict(
    title="Third-party auth outage after bad deploy", date="2024-08-20", duration_minutes=50, severity="SEV2",
    causes=["dependency", "deployment"]))

case("causes-contributing-factors", """---
title: API nodes killed under load
date: 2024-08-21
severity: SEV2
duration: 1h 45m
contributing_factors:
  - capacity
  - memory leak
---
""", "capacity", "the API nodes", dict(
    title="API nodes killed under load", date="2024-08-21", duration_minutes=105, severity="SEV2",
    causes=["capacity", "resource-exhaustion"]))

case("causes-single-cause-key", """---
title: Wrong DNS target for the status page
date: 2024-08-22
severity: SEV4
duration: 2h 15m
cause: DNS
---
""", "dns", "the status page", dict(
    title="Wrong DNS target for the status page", date="2024-08-22", duration_minutes=135, severity="SEV4",
    causes=["dns"]))

case("causes-cert-human", """---
title: Certificate expiry took down the API gateway
date: 2024-08-26
severity: SEV1
duration: 1h 5m
causes:
  - TLS certificate expiry
  - operator error
---
""", "certificate", "the API gateway", dict(
    title="Certificate expiry took down the API gateway", date="2024-08-26", duration_minutes=65, severity="SEV1",
    causes=["certificate", "human-error"]))

case("causes-case-and-unknown", """---
title: Shared carts across accounts
date: 2024-08-27
severity: SEV1
duration: 2h 40m
causes: [Race Condition, flux capacitor]
---
""", "bug", "the cart service", dict(
    title="Shared carts across accounts", date="2024-08-27", duration_minutes=160, severity="SEV1",
    causes=["race-condition"],
    why={"causes": "'flux capacitor' is not a taxonomy key and should be dropped (with a warning), not invented"}))

case("causes-category-key", """---
title: Replica lag broke read-after-write
date: 2024-08-28
severity: SEV3
duration: 1h 50m
root_cause_category: Database
contributing_factors: [network partition]
---
""", "database", "the read replicas", dict(
    title="Replica lag broke read-after-write", date="2024-08-28", duration_minutes=110, severity="SEV3",
    causes=["database", "network"]))

# ---------------------------------------------------------------- file formats
case("toml-hugo", None, "hardware", "the build farm", dict(
    title="Build farm disks full", date="2024-09-02", started=U("2024-09-02 06:00"), resolved=U("2024-09-02 08:30"),
    severity="SEV3", causes=["resource-exhaustion", "hardware"]),
    raw="""+++
title = "Build farm disks full"
date = 2024-09-02
severity = "SEV3"
started = 2024-09-02T06:00:00Z
resolved = 2024-09-02T08:30:00Z
causes = ["resource exhaustion", "hardware"]
+++
""")

case("toml-draft", None, "config", "feature flags", dict(
    title="Flag defaults flipped", date="2024-09-03", duration_minutes=40, severity="SEV4", status="draft"),
    raw="""+++
title = "Flag defaults flipped"
date = "2024-09-03"
severity = "sev4"
duration = "40m"
draft = true
+++
""")

case("json-frontmatter", None, "dns", "the internal resolver", dict(
    title="Internal resolver returned NXDOMAIN", date="2024-09-04", started=U("2024-09-04 12:10"),
    resolved=U("2024-09-04 12:55"), severity="SEV2", causes=["dns"],
    why={"title": "Hugo accepts JSON front matter: a JSON object at the top of the file"}),
    raw="""{
  "title": "Internal resolver returned NXDOMAIN",
  "date": "2024-09-04",
  "severity": "SEV2",
  "started": "2024-09-04T12:10:00Z",
  "resolved": "2024-09-04T12:55:00Z",
  "causes": ["dns"]
}
""")

case("mkdocs-multimarkdown-meta", None, "deploy", "the docs site", dict(
    title="Docs site served old version", date="2024-09-05", duration_minutes=any_of(35, None),
    severity=any_of("SEV4", None),
    why={"title": "MkDocs also accepts MultiMarkdown-style meta-data (Key: value lines, no --- fences); tolerant readers take it, others may not"}),
    raw="""Title: Docs site served old version
Date: 2024-09-05
Severity: SEV4
Duration: 35m

""")

case("crlf-bom", """---
title: Timesheets failed to submit
date: 2024-09-09
severity: SEV3
started: 2024-09-09T08:00:00Z
resolved: 2024-09-09T09:10:00Z
---
""", "deploy", "timesheets", dict(
    title="Timesheets failed to submit", date="2024-09-09", started=U("2024-09-09 08:00"),
    resolved=U("2024-09-09 09:10"), severity="SEV3",
    why={"title": "Windows editors: CRLF line endings and a UTF-8 byte-order mark"}), eol="\r\n", bom=True)

case("yaml-doc-end-dots", """---
title: Calendar invites missing attendees
date: 2024-09-10
severity: SEV4
duration: 1h 25m
...
""", "bug", "calendar invites", dict(
    title="Calendar invites missing attendees", date="2024-09-10", duration_minutes=85, severity="SEV4",
    why={"title": "YAML allows '...' to end a document; Jekyll and pandoc accept it as the closing fence"}))

case("keys-with-spaces", """---
Title: Loyalty points not credited
Date: 2024-09-11
Severity: Sev 3
Start Time: 2024-09-11 09:00 UTC
End Time: 2024-09-11 12:30 UTC
Users Affected: "15%"
---
""", "bug", "loyalty points", dict(
    title="Loyalty points not credited", date="2024-09-11", started=U("2024-09-11 09:00"),
    resolved=U("2024-09-11 12:30"), severity="SEV3", users_affected_pct=15,
    why={"started": "form exports and Notion/Confluence tables use 'Start Time' / 'End Time' keys"}))

case("nested-timeline-block", """---
title: Chat messages delivered out of order
date: 2024-09-12
severity: SEV3
timeline:
  started: 2024-09-12T15:00:00+02:00
  detected: 2024-09-12T15:12:00+02:00
  mitigated: 2024-09-12T15:40:00+02:00
  resolved: 2024-09-12T16:05:00+02:00
---
""", "bug", "chat delivery", dict(
    title="Chat messages delivered out of order", date="2024-09-12",
    started=OFF("2024-09-12 15:00", 2), resolved=OFF("2024-09-12 16:05", 2), severity="SEV3"))

case("window-start-end", """---
title: Call center dashboards frozen
date: 2026-07-06
severity: SEV4
impact_window:
  start: 2026-07-06T09:15:00Z
  end: 2026-07-06T11:45:00Z
---
""", "database", "call center dashboards", dict(
    title="Call center dashboards frozen", date="2026-07-06", started=U("2026-07-06 09:15"),
    resolved=U("2026-07-06 11:45"), severity="SEV4"))

case("title-from-h1", """---
date: 2024-09-16
severity: SEV3
duration: 1h
---
""", "config", "the pricing page", dict(
    title=any_of("Pricing page showed the wrong currency", "Postmortem: Pricing page showed the wrong currency"),
    date="2024-09-16", duration_minutes=60, severity="SEV3"), h1="Postmortem: Pricing page showed the wrong currency")

case("title-colon-quoted", """---
title: "[payments cluster] Upgrade to Kubernetes 1.33: webhooks failed"
date: 2025-12-12T09:00:00-00:00
resolved: true
resolvedWhen: 2025-12-12T10:30:00-00:00
severity: disrupted
section: issue
---
""", "deploy", "the payments cluster", dict(
    title="[payments cluster] Upgrade to Kubernetes 1.33: webhooks failed", date="2025-12-12",
    started=U("2025-12-12 09:00"), resolved=U("2025-12-12 10:30"), severity=None,
    why={"severity": "cState scale, no mapping"}))

case("resolved-bool-with-resolved-at", """---
title: Document previews time out
date: 2024-09-18
severity: SEV3
started_at: 2024-09-18T13:00:00Z
resolved: true
resolved_at: 2024-09-18T14:20:00Z
---
""", "capacity", "document previews", dict(
    title="Document previews time out", date="2024-09-18", started=U("2024-09-18 13:00"),
    resolved=U("2024-09-18 14:20"), severity="SEV3",
    why={"resolved": "resolved: true is a flag; the time is in resolved_at"}))


# ---------------------------------------------------------------- writer
FIELDS = ["title", "date", "started", "resolved", "duration_minutes", "users_affected_pct",
          "severity", "status", "causes", "action_item_statuses"]


def derive_duration(e):
    s, r = e.get("started"), e.get("resolved")
    if isinstance(s, str) and isinstance(r, str):
        a = datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ")
        b = datetime.strptime(r, "%Y-%m-%dT%H:%M:%SZ")
        return int((b - a).total_seconds() // 60)
    return None


def main():
    if os.path.isdir(CONTENT):
        shutil.rmtree(CONTENT)
    os.makedirs(CONTENT)
    expected = {}
    seen = set()
    for c in C:
        assert c["slug"] not in seen, c["slug"]
        seen.add(c["slug"])
        e = dict(c["exp"])
        e.setdefault("status", "published")
        e.setdefault("causes", [])
        e.setdefault("action_item_statuses", [])
        for f in ("started", "resolved", "users_affected_pct", "severity"):
            e.setdefault(f, None)
        if "duration_minutes" not in e:
            e["duration_minutes"] = derive_duration(e)
        e.setdefault("why", {})
        out = {f: e[f] for f in FIELDS}
        out["why"] = e["why"]
        fm = c["raw"] if c["raw"] is not None else c["fm"]
        text = fm + "\n" + body(c["topic"], c["sys"], c["h1"])
        out["front_matter"] = fm
        expected[c["slug"] + ".md"] = out
        data = text.replace("\n", c["eol"]).encode("utf-8")
        if c["bom"]:
            data = b"\xef\xbb\xbf" + data
        with open(os.path.join(CONTENT, c["slug"] + ".md"), "wb") as f:
            f.write(data)
    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump(expected, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {len(C)} postmortems")


if __name__ == "__main__":
    main()
