#!/usr/bin/env python3
"""Writes content/*.md and expected.json for the held-out front-matter probe.

Each case is front matter spelled the way another tool or team writes it (see
SPELLINGS.md for where each spelling was seen), a short body with no times or
shares in it, and the canonical values a careful reader would take.  UTC
instants are computed with zoneinfo, never by hand.

Expected values: a plain value, or {"any_of": [...]} when two readings are
both fair; null (with a "why") when the value is genuinely not recoverable.
"""
import json, os, shutil
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

HERE = os.path.dirname(os.path.abspath(__file__))
CONTENT = os.path.join(HERE, "content")


def U(local, tz="UTC"):
    """'YYYY-MM-DD HH:MM[:SS]' read in zone tz -> ISO 8601 UTC 'Z' string."""
    dt = datetime.fromisoformat(local).replace(tzinfo=ZoneInfo(tz))
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def M(a, b):
    """minutes between two UTC strings from U()."""
    f = lambda s: datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ")
    return round((f(b) - f(a)).total_seconds() / 60, 2)


def any_of(*v):
    return {"any_of": list(v)}


CASES = []


def case(name, fm, body, src, **exp):
    e = {"title": None, "date": None, "started": None, "resolved": None,
         "duration_minutes": None, "users_affected_pct": None, "severity": None,
         "status": "published", "causes": [], "action_items": []}
    why = exp.pop("why", {})
    e.update(exp)
    if e["started"] and e["resolved"] and "duration_minutes" not in exp:
        if isinstance(e["started"], str) and isinstance(e["resolved"], str):
            e["duration_minutes"] = M(e["started"], e["resolved"])
    e["source_of_spelling"] = src
    if why:
        e["why"] = why
    CASES.append((name, fm.strip("\n") + "\n", body.strip() + "\n", e))


B = {  # bodies: realistic, but no times, dates, shares or severities
 "checkout": "# What happened\n\nCard payments slowed down and many attempts timed out before the payment provider answered.\n\n# Follow-up\n\nWe will add a circuit breaker around the provider client.",
 "down": "# Summary\n\nThe public endpoint stopped answering health checks from every probe region.\n\n# Resolution\n\nThe on-call engineer restarted the stuck worker pool and traffic recovered.",
 "memory": "# Summary\n\nWorkers ran out of headroom and the orchestrator started evicting them.\n\n# Resolution\n\nWe raised the limits and added an alert on eviction counts.",
 "mirror": "Users reported that mirror selection behaved randomly and downloads came from far-away mirrors.\n\nThe redirector lost its location database after an upgrade; we restored it.",
 "prune": "**Resolved**: The pruning has completed and publishing works again.\n\nPublishing was blocked while the repository was being pruned to free disk space.",
 "maint": "Planned maintenance on the release controllers. Builds were queued but not lost.",
 "search": "# Summary\n\nSearch returned empty result pages for signed-in users.\n\n# Resolution\n\nThe index alias was pointed back at the healthy index.",
 "generic": "# Summary\n\nRequests to the service failed for part of the user base.\n\n# Timeline\n\nSee the incident channel for the detailed log.\n\n# Lessons\n\nOur dashboards did not show the failing dependency clearly.",
 "billing": "# Billing retries doubled charges\n\nA retry loop in the billing worker charged some invoices twice. Finance refunded every affected invoice.",
 "shakespeare": "# Lessons learned\n\nMonitoring quickly alerted us. We had a sacrificial cluster ready.\n\n# Where we got lucky\n\nThe new sonnet used a word that was easy to spot in the logs.",
 "cert": "The gateway presented an expired certificate, so clients refused to connect. A new certificate was issued and rolled out.",
 "dns": "Name resolution for the marketing domain failed after a registrar change.",
 "replica": "Reads went to a lagging replica, so users did not see their own writes right away.",
}

# ---------------------------------------------------------------- status pages
case("datadog-impact.md", """
---
title: Checkout latency spike
public_id: 4211
state: resolved
severity: SEV-2
customer_impacted: true
customer_impact_scope: Card payments in the EU region
customer_impact_start: 2024-02-06T09:12:00Z
customer_impact_end: 2024-02-06T10:47:00Z
created: 2024-02-06T09:20:31Z
---
""", B["checkout"], "Datadog incident attributes (api-evangelist/datadog json-schema)",
    title="Checkout latency spike", date="2024-02-06",
    started=U("2024-02-06 09:12"), resolved=U("2024-02-06 10:47"), severity="SEV2",
    why={"users_affected_pct": "customer_impact_scope is prose, not a share"})

case("betterstack-api.md", """
---
name: api.example.com is down
cause: Connection timed out after 30 seconds
status: resolved
started_at: "2024-03-10T14:22:00.000Z"
acknowledged_at: "2024-03-10T14:25:00.000Z"
resolved_at: "2024-03-10T14:45:00.000Z"
acknowledged_by: john@example.com
team_name: Engineering
regions: [us, eu]
---
""", B["down"], "Better Stack Uptime API v3 incident attributes (api-evangelist/betteruptime example)",
    title="api.example.com is down", date="2024-03-10",
    started=U("2024-03-10 14:22"), resolved=U("2024-03-10 14:45"),
    causes=any_of([], ["network"]))

case("grafana-oncall-group.md", """
---
title: Memory above 90% threshold
id: I68T24C13IFW1
alerts_count: 3
state: resolved
created_at: "2023-05-19T12:37:01.430444Z"
resolved_at: "2023-05-19T13:37:01.429805Z"
acknowledged_at: null
acknowledged_by: null
resolved_by: UCGEIXI1MR1NZ
silenced_at: null
---
""", B["memory"], "Grafana OnCall alert groups HTTP API (grafana.com/docs/oncall/latest/oncall-api-reference/alertgroups)",
    title="Memory above 90% threshold", date="2023-05-19",
    started=any_of("2023-05-19T12:37:01Z", None), resolved="2023-05-19T13:37:01Z",
    duration_minutes=any_of(59.99, 60, 59, None),
    why={"users_affected_pct": "90% in the title is memory use, not users"})

case("grafana-incident-labels.md", """
---
title: Login loop on the mobile app
status: resolved
severity: Critical
labels:
  - label: service
    value: auth
incidentStart: 2024-04-18T07:03:00+02:00
incidentEnd: 2024-04-18T08:21:00+02:00
isDrill: false
---
""", B["generic"], "Grafana Incident severities Pending/Critical/Major/Minor (pulumi grafana incident severity docs); incidentStart/incidentEnd names from the Grafana Incident API (not seen in the corpus this session)",
    title="Login loop on the mobile app", date="2024-04-18",
    started=U("2024-04-18 07:03", "Europe/Berlin"), resolved=U("2024-04-18 08:21", "Europe/Berlin"),
    severity="SEV1")

case("opsgenie-priority.md", """
---
message: Payment webhooks delayed
tinyId: "112"
status: closed
priority: P2
tags: [payments, webhooks]
impactStartDate: "2024-05-07T16:40:00Z"
impactEndDate: "2024-05-07T18:02:00Z"
---
""", B["checkout"], "Opsgenie priority P1..P5 (opsgenie-rs UpdateAlertPriorityPayload); message as title (Opsgenie CreateAlertPayload); impactStartDate/impactEndDate (Opsgenie incident API, from memory)",
    title="Payment webhooks delayed", date="2024-05-07",
    started=U("2024-05-07 16:40"), resolved=U("2024-05-07 18:02"), severity="SEV2")

case("squadcast-webhook.md", """
---
message: Queue consumers stuck on poison message
description: Consumers crashed on one malformed event
status: resolved
created_at: "2022-10-06T05:26:34.37Z"
resolved_at: "2022-10-06T06:41:10Z"
service:
  name: Order Pipeline
  slug: order-pipeline
tags:
  severity: critical
---
""", B["generic"], "Squadcast outgoing webhook v2 payload (developers.squadcast.com); tags.severity from kestra Squadcast plugin example",
    title="Queue consumers stuck on poison message", date="2022-10-06",
    started=any_of("2022-10-06T05:26:34Z", None), resolved="2022-10-06T06:41:10Z",
    duration_minutes=any_of(74.6, 74, 75, None), severity="SEV1")

case("zenduty-alert.md", """
---
title: Disk full on the reporting database
summary: The reporting primary ran out of disk
alert_type: critical
incident_number: 881
creation_date: "2024-01-08 06:41:12+00:00"
resolved_date: "2024-01-08 08:02:40+00:00"
---
""", B["memory"], "Zenduty generic integration (zenduty.com/docs/generic-integration: message/summary/alert_type critical|error|warning|info)",
    title="Disk full on the reporting database", date="2024-01-08",
    started=any_of("2024-01-08T06:41:12Z", None), resolved="2024-01-08T08:02:40Z",
    duration_minutes=any_of(81.47, 81, 82, None), severity=any_of("SEV1", None),
    causes=any_of([], ["storage"], ["storage", "database"], ["database"], ["resource-exhaustion", "storage"], ["resource-exhaustion", "storage", "database"]))

case("cstate-disrupted.md", """
---
title: Disruption of mirror selections on the download site
date: 2024-12-05T13:00:00-00:00
resolved: true
resolvedWhen: 2024-12-16T07:40:00-00:00
# Possible severity levels: down, disrupted, notice
severity: disrupted
affected:
  - updates.example.io
  - get.example.io
section: issue
---
""", B["mirror"], "cState issue front matter (jenkins-infra status repo via find_string 'resolvedWhen:')",
    title="Disruption of mirror selections on the download site", date="2024-12-05",
    started=U("2024-12-05 13:00"), resolved=U("2024-12-16 07:40"), severity=any_of("SEV2", "SEV3"))

case("cstate-down-naive.md", """
---
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
""", B["prune"], "cState issue front matter (find_string 'resolvedWhen:', file 43387821789)",
    title="Blocked publishing due to ongoing repository pruning", date="2024-05-14",
    started=U("2024-05-14 10:00"), resolved=U("2024-05-15 17:50"), severity=any_of("SEV1", "SEV2"))

case("cstate-notice-open.md", """
---
title: Maintenance on release controllers
date: 2026-03-10T09:00:00-00:00
resolved: false
# resolvedWhen: 2026-03-02T10:00:00-00:00
severity: notice
affected:
  - trusted.ci.example.io
section: issue
---
""", B["maint"], "cState issue front matter (find_string 'resolvedWhen:', file 53754724239)",
    title="Maintenance on release controllers", date="2026-03-10",
    started=U("2026-03-10 09:00"), severity=any_of("SEV5", "SEV4"))

case("statuspal-major.md", """
---
title: Partial API outage in Frankfurt
type: major
starts_at: "2024-04-02T08:00:00"
ends_at: "2024-04-02T09:15:00"
service_ids: [12, 14]
---
""", B["down"], "Statuspal v2 event (pkg.go.dev exoscale/cli/pkg/status: starts_at '(UTC)', type major|minor|scheduled)",
    title="Partial API outage in Frankfurt", date="2024-04-02",
    started=U("2024-04-02 08:00"), resolved=U("2024-04-02 09:15"), severity=any_of("SEV1", "SEV2"))

case("instatus-state.md", """
---
name: Elevated error rates on dashboard
status: RESOLVED
impact: MAJOROUTAGE
started: "2024-06-11T22:10:00.000Z"
resolved: "2024-06-11T23:04:00.000Z"
components: [Dashboard]
---
""", B["generic"], "incident status INVESTIGATING/IDENTIFIED/MONITORING/RESOLVED (ilert IncidentStatus schema, openstatus docs); component impact major_outage (openstatus tracker types)",
    title="Elevated error rates on dashboard", date="2024-06-11",
    started=U("2024-06-11 22:10"), resolved=U("2024-06-11 23:04"), severity=any_of("SEV1", "SEV2", None))

# ---------------------------------------------------------------- GitLab / Jira
case("gitlab-alert-issue.md", """
---
title: "New: Incident 1"
Start time: 30 April 2021, 3:49AM (UTC)
Severity: critical
GitLab alert: https://gitlab.example.com/ops/-/alert_management/2/details
---
""", B["down"], "GitLab alert-created incident issue (gitlab.com/gitlab-com/support/apac/on-call-schedules/-/issues/1)",
    title="New: Incident 1", date=any_of("2021-04-30", None),
    started=U("2021-04-30 03:49"), severity="SEV1")

case("gitlab-labels.md", """
---
title: "2021-04-29: Upgrade failed on dev.gitlab.org"
labels: [incident, "severity::2", "Service::Packaging", "IncidentMitigated"]
created_at: 2021-04-29T03:47:00Z
started_at: 2021-04-29T03:40:00Z
mitigated_at: 2021-04-29T04:20:00Z
closed_at: 2021-04-29T05:02:00Z
---
""", B["generic"], "GitLab production incident issue 4409 (severity2, IncidentMitigated label, 'All times UTC')",
    title="2021-04-29: Upgrade failed on dev.gitlab.org", date="2021-04-29",
    started=U("2021-04-29 03:40"), resolved=any_of(U("2021-04-29 05:02"), None),
    duration_minutes=any_of(82, None), severity=any_of("SEV2", None))

case("gitlab-severity-word.md", """
---
title: Container registry pushes failing
severity: High - S2
incident_start: 2023-02-14 11:20
incident_end: 2023-02-14 12:05
timezone: UTC
status: closed
---
""", B["generic"], "GitLab incident severity Critical - S1 / High - S2 / Medium - S3 / Low - S4 (gitlab-org/gitlab#229402)",
    title="Container registry pushes failing", date="2023-02-14",
    started=U("2023-02-14 11:20"), resolved=U("2023-02-14 12:05"), severity="SEV2")

case("jira-csv-dates.md", """
---
Summary: Search results empty for logged-in users
Issue key: OPS-1412
Priority: Highest
Status: Done
Incident start: 10/Aug/23 1:45 PM
Incident end: 10/Aug/23 3:20 PM
Labels: postmortem search
time_zone: America/Chicago
---
""", B["search"], "Jira CSV export columns and dd/MMM/yy h:mm a dates; Highest..Lowest priorities (Jira CSV import docs)",
    title="Search results empty for logged-in users", date="2023-08-10",
    started=U("2023-08-10 13:45", "America/Chicago"), resolved=U("2023-08-10 15:20", "America/Chicago"),
    severity="SEV1")

case("jira-rest-offset.md", """
---
summary: Stale prices shown in the catalogue
priority:
  name: High
status:
  name: Closed
customfield_impact_start: 2023-11-20T08:30:00.000+0100
customfield_impact_end: 2023-11-20T10:10:00.000+0100
labels: [cache, postmortem]
---
""", B["generic"], "Jira REST timestamp form 2023-11-20T08:30:00.000+0100 (no colon in offset); priority as {name:}",
    title="Stale prices shown in the catalogue", date="2023-11-20",
    started=U("2023-11-20 07:30"), resolved=U("2023-11-20 09:10"), severity=any_of("SEV2", None),
    why={"causes": "labels are tags, not declared causes"})

case("compass-event.md", """
---
displayName: Card tokenization errors
state: RESOLVED
severity:
  label: P2
  level: TWO
startTime: 2024-07-01T19:45:00Z
endTime: 2024-07-01T20:30:00Z
---
""", B["checkout"], "Atlassian Compass incident event properties startTime/endTime/state/severity (developer.atlassian.com CompassIncidentEventProperties)",
    title="Card tokenization errors", date="2024-07-01",
    started=U("2024-07-01 19:45"), resolved=U("2024-07-01 20:30"), severity="SEV2")

# ---------------------------------------------------------------- other record shapes
case("piro-unix.md", """
---
Title: Checks flapping for the EU probes
StartDateTime: 1718012400
EndDateTime: 1718016000
Status: Resolved
Source: ALERT
Visibility: Public
---
""", B["down"], "piro incident (github.com/Heva-Co/piro wiki Concepts-Incidents: StartDateTime long unix seconds)",
    title="Checks flapping for the EU probes", date="2024-06-10",
    started="2024-06-10T09:40:00Z", resolved="2024-06-10T10:40:00Z")

case("salesforce-dmo.md", """
---
Subject: VPN concentrator rejected new sessions
IncidentNumber: INC-000913
IncidentPriority: High
IncidentStatus: Resolved
StartDateTime: 2024-09-03T06:15:00Z
DetectedDateTime: 2024-09-03T06:31:00Z
EndDateTime: 2024-09-03T07:55:00Z
ResolutionDateTime: 2024-09-03T09:00:00Z
IsMajorIncident: true
---
""", B["down"], "Salesforce Data Cloud Incident DMO fields",
    title="VPN concentrator rejected new sessions", date="2024-09-03",
    started=U("2024-09-03 06:15"), resolved=any_of(U("2024-09-03 07:55"), U("2024-09-03 09:00")),
    duration_minutes=any_of(100, 165), severity="SEV2")

case("google-servicehealth.md", """
---
title: Cloud SQL connections dropped in one zone
detailedState: RESOLVED
startTime: "2024-02-01T15:01:23.045123456Z"
endTime: "2024-02-01T16:11:23.045123456Z"
---
""", B["generic"], "Google Service Health / Ads Data Hub outage startTime/endTime RFC 3339 Zulu with nanoseconds",
    title="Cloud SQL connections dropped in one zone", date="2024-02-01",
    started="2024-02-01T15:01:23Z", resolved="2024-02-01T16:11:23Z", duration_minutes=70)

case("kaspersky-model.md", """
---
Name: Credential stuffing against the login API
Severity: high
Status: Closed
FirstEventTime: 2024-08-19T23:50:00+03:00
LastEventTime: 2024-08-20T01:20:00+03:00
---
""", B["generic"], "Kaspersky XDR incident data model (Severity critical/high/medium/low; FirstEventTime/LastEventTime RFC 3339)",
    title="Credential stuffing against the login API", date=any_of("2024-08-19", "2024-08-20"),
    started=U("2024-08-19 20:50"), resolved=U("2024-08-19 22:20"), severity="SEV2",
    causes=any_of([], ["security"]))

case("oracle-em.md", """
---
summary: Tablespace nearly full on ledger DB
severity: WARNING
priority: MEDIUM
status: CLOSED
category: CAPACITY
incident_reported_time: 2024-10-02T04:12:00Z
---
""", B["memory"], "Oracle Enterprise Manager incident schema (severity FATAL/CRITICAL/WARNING/ADVISORY/INFORMATIONAL, category CAPACITY)",
    title="Tablespace nearly full on ledger DB", date="2024-10-02",
    started=any_of(U("2024-10-02 04:12"), None), severity=any_of("SEV3", "SEV4"),
    causes=any_of(["capacity"], []))

# ---------------------------------------------------------------- site generators
case("jekyll-offset-draft.md", """
---
layout: post
title: Search index corruption
date: 2016-03-23 10:20:00 +1300
published: false
categories: [postmortem]
severity: sev2
---
""", B["search"], "Jekyll date 'YYYY-MM-DD HH:MM:SS +/-TTTT' and published: false (octopress date-format, jekyll commit a1550b3)",
    title="Search index corruption", date="2016-03-23", severity="SEV2", status="draft",
    why={"started": "a Jekyll post date is the publication time, not when impact began"})

case("jekyll-rfc822.md", """
---
layout: post
title: Webhook deliveries duplicated
date: "Wed, 23 Mar 2016 23:20:00 +1300"
impact_started: "Wed, 23 Mar 2016 21:05:00 +1300"
impact_resolved: "Wed, 23 Mar 2016 22:50:00 +1300"
---
""", B["generic"], "Jekyll date_to_rfc822 output 'Wed, 23 Mar 2016 23:20:00 +1300' (Jekyll date formatting cast)",
    title="Webhook deliveries duplicated", date="2016-03-23",
    started=U("2016-03-23 21:05", "Pacific/Auckland"), resolved=U("2016-03-23 22:50", "Pacific/Auckland"))

case("hexo-slashes.md", """
---
title: 推荐服务超时 (recommendation timeouts)
date: 2013/7/13 20:46:25
updated: 2013/7/14 09:00:00
categories:
  - Incidents
tags:
  - cache
impact_start: 2013/7/13 18:05
impact_end: 2013/7/13 19:40
timezone: Asia/Shanghai
level: P3
---
""", B["generic"], "Hexo front matter date '2013/7/13 20:46:25', updated, categories/tags; timezone is Hexo's _config.yml key",
    title="推荐服务超时 (recommendation timeouts)", date="2013-07-13",
    started=U("2013-07-13 18:05", "Asia/Shanghai"), resolved=U("2013-07-13 19:40", "Asia/Shanghai"),
    severity=any_of("SEV3", None), why={"causes": "tags are not declared causes"})

case("hexo-json.md", """
"title": "Thumbnail service returned blank images",
"date": "2019/12/8 13:46:25",
"severity": "sev3",
"published": false,
"duration": "35 minutes"
;;;
""", B["generic"], "Hexo JSON front matter terminated by ';;;' (hexo.io/docs/front-matter)",
    title="Thumbnail service returned blank images", date="2019-12-08", severity="SEV3",
    status="draft", duration_minutes=35)

case("zola-toml-extra.md", """
+++
title = "Replica lag broke read-after-write"
date = 2024-01-15

[taxonomies]
tags = ["database"]

[extra]
severity = "SEV3"
impact_start = 2024-01-15T10:02:00+01:00
impact_end = 2024-01-15T11:30:00+01:00
users_affected_pct = 8
causes = ["database"]
+++
""", B["replica"], "Zola TOML front matter with [taxonomies] and [extra] (getzola.org taxonomies docs)",
    title="Replica lag broke read-after-write", date="2024-01-15",
    started=U("2024-01-15 09:02"), resolved=U("2024-01-15 10:30"), users_affected_pct=8,
    severity="SEV3", causes=["database"])

case("zola-draft-priority.md", """
+++
title = "Slow image uploads"
date = 2024-02-20T09:00:00Z
draft = true
updated = 2024-02-22

[extra]
priority = "P4"
duration = "45m"
+++
""", B["generic"], "Zola TOML draft = true, updated; [extra] table",
    title="Slow image uploads", date="2024-02-20", severity="SEV4", status="draft", duration_minutes=45)

case("pelican-mmd.md", """
Title: Certificate expiry on the API gateway
Date: 2023-11-02 08:10
Modified: 2023-11-04 18:40
Category: postmortems
Tags: certificate, api-gateway
Slug: cert-expiry-gateway
Authors: Alexis Doe, Sam Roe
Status: published
Severity: SEV2
Started: 2023-11-02 06:58
Resolved: 2023-11-02 07:41
Cause: certificate
""", B["cert"], "Pelican Markdown metadata without delimiters (getpelican docs/content.rst; linuxtoy README)",
    title="Certificate expiry on the API gateway", date="2023-11-02",
    started=U("2023-11-02 06:58"), resolved=U("2023-11-02 07:41"), severity="SEV2", causes=["certificate"])

case("pelican-yaml-draft.md", """
---
Title: Registrar change broke DNS for the marketing site
Date: 2022-06-01 09:00
Status: draft
Tags: dns; registrar
Authors: Metaireau, Alexis; Doe, Jane
Root cause: dns
Started: 2022-06-01 06:30
Resolved: 2022-06-01 08:45
---
""", B["dns"], "pelican-yaml-metadata plugin (YAML block with Pelican keys); ';' separated tags/authors (Pelican docs)",
    title="Registrar change broke DNS for the marketing site", date="2022-06-01",
    started=U("2022-06-01 06:30"), resolved=U("2022-06-01 08:45"), status="draft", causes=["dns"])

case("docusaurus-draft.md", """
---
slug: rate-limiter-misfire
title: Rate limiter blocked paying customers
authors: [slorber, yangshun]
tags: [postmortem, api]
date: 2024-05-30
draft: true
severity: Sev 3
---
""", B["generic"], "Docusaurus blog front matter (slug/title/authors/tags; draft, unlisted)",
    title="Rate limiter blocked paying customers", date="2024-05-30", severity="SEV3", status="draft")

case("docusaurus-unlisted.md", """
---
slug: docs-search-outage
title: Docs search returned nothing
authors: endi
tags: [search]
date: 2024-06-02T10:00
unlisted: true
severity: SEV4
duration: 2h 10m
---
""", B["search"], "Docusaurus unlisted: true (facebook/docusaurus PR 1396)",
    title="Docs search returned nothing", date="2024-06-02", severity="SEV4", duration_minutes=130,
    status=any_of("published", "draft"))

case("eleventy-git-date.md", """
---
title: Feed generator emitted broken XML
date: git Last Modified
eleventyExcludeFromCollections: false
tags: [postmortems]
started: 2024-03-12T17:20:00-04:00
resolved: 2024-03-12T18:00:00-04:00
severity: SEV4
---
""", B["generic"], "Eleventy date: 'git Last Modified' / 'Last Modified' / 'Created' (11ty.dev/docs/dates)",
    title="Feed generator emitted broken XML", date=any_of("2024-03-12", None),
    started=U("2024-03-12 21:20"), resolved=U("2024-03-12 22:00"), severity="SEV4",
    why={"date": "'git Last Modified' names the file's commit time, which says nothing about the incident; the start's date is the fair reading"})

case("obsidian-properties.md", """
---
aliases: [INC-77]
tags: [postmortem, sev/2]
created: 2024-01-15
publish: false
started: 2024-01-15T14:30:00
ended: 2024-01-15T16:05:00
timezone: Europe/Paris
severity: 2
services:
  - "[[Billing]]"
---
""", B["billing"], "Obsidian properties: Date & Time without zone, list, links in quotes, tags (obsidian help Properties; tessl obsidian toolkit)",
    title=any_of("Billing retries doubled charges", "obsidian-properties", "Obsidian properties"),
    date="2024-01-15", started=U("2024-01-15 14:30", "Europe/Paris"), resolved=U("2024-01-15 16:05", "Europe/Paris"),
    severity="SEV2", status="draft")

# ---------------------------------------------------------------- templates
case("google-sre-template.md", """
---
Title: Shakespeare Search outage
Date: 2015-10-21
Authors: jennifer, martym, agoogler
Status: Complete, action items in progress
Summary: Shakespeare Search down during a period of very high interest in a new sonnet.
Impact: Estimated 1.21B queries lost, no revenue impact.
Root Causes: Cascading failure due to a combination of exceptionally high load and a resource leak
Trigger: Latent bug triggered by sudden increase in traffic.
Detection: Borgmon detected high level of HTTP 500s and paged on-call.
Duration: 66 minutes
Action Items:
  - Action Item: Update playbook with instructions for responding to cascading failure
    Type: mitigate
    Owner: jennifer
    Bug: n/a DONE
  - Action Item: Schedule cascading failure test during next DiRT
    Type: process
    Owner: docbrown
    Bug: n/a TODO
  - Action Item: Plug file descriptor leak in search ranking subsystem
    Type: prevent
    Owner: agoogler
    Bug: Bug 5554825 DONE
---
""", B["shakespeare"], "Google SRE postmortem example (slab.com/library/templates/google-postmortem-example)",
    title="Shakespeare Search outage", date="2015-10-21", duration_minutes=66,
    causes=any_of(["resource-exhaustion"], ["resource-exhaustion", "software-bug"], ["resource-exhaustion", "capacity"],
                  ["resource-exhaustion", "software-bug", "capacity"]),
    action_items=["done", "open", "done"],
    why={"users_affected_pct": "1.21B queries lost is a count, not a share"})

case("mortician-overview.md", """
---
overview:
  incident_title: Office network outage
  date: 2024-02-09
  time: "08:30"
  status: Resolved
impact_and_severity:
  affected_services: [wifi, printing]
  duration_of_outage: 3 hours
  business_impact: Staff worked from home for the morning
root_cause: Core switch firmware bug
---
""", B["generic"], "mortician DEFAULT_POSTMORTEM (domgalati/mortician templates.py: overview.incident_title/date/time/status, impact_and_severity.duration_of_outage)",
    title="Office network outage", date="2024-02-09",
    started=any_of(U("2024-02-09 08:30"), None), duration_minutes=180,
    causes=any_of(["software-bug", "network"], ["software-bug"], ["network"], ["hardware", "software-bug", "network"], ["hardware", "network"]))

case("oneuptime-summary.md", """
---
title: Batch exports stalled
summary:
  date: 2024-08-14
  duration: 2 hours 40 minutes
  severity: SEV-2 / major
  affected_services: [exports]
---
""", B["generic"], "OneUptime blameless template Summary block (Date, Duration 'X hours Y minutes', Severity SEV-1/SEV-2/SEV-3)",
    title="Batch exports stalled", date="2024-08-14", duration_minutes=160, severity="SEV2")

case("harness-sev0.md", """
---
title: Global login outage
severity: "0"
severity_label: SEV0:Critical
status: resolved
started: 2024-11-28T21:02:00Z
resolved: 2024-11-28T21:49:00Z
---
""", B["down"], "Harness AI SRE severity values '0' = SEV0:Critical, '1' = SEV1:Major, '2' = SEV2:Moderate (developer.harness.io incident-fields)",
    title="Global login outage", date="2024-11-28",
    started=U("2024-11-28 21:02"), resolved=U("2024-11-28 21:49"), severity="SEV1")

case("harness-sev1-major.md", """
---
title: Partial outage of notifications
severity: SEV1:Major
status: resolved
started: 2024-12-02T08:00:00Z
duration: 1h
---
""", B["generic"], "Harness AI SRE severity display labels SEV0:Critical / SEV1:Major / SEV2:Moderate",
    title="Partial outage of notifications", date="2024-12-02", started=U("2024-12-02 08:00"),
    resolved=any_of(U("2024-12-02 09:00"), None), duration_minutes=60, severity=any_of("SEV1", "SEV2"))

case("spike-priority-and-severity.md", """
---
title: Ingest queue backlog
counterId: INC-2291
status: resolved
priority: p2
severity: sev1
createdAt: 2024-04-22T02:10:00Z
---
""", B["generic"], "Spike.sh incident schema (priority p1..p5, severity sev1..sev3)",
    title="Ingest queue backlog", date="2024-04-22", started=any_of(U("2024-04-22 02:10"), None),
    severity="SEV1")

case("huawei-level.md", """
---
title: Object storage slow in region
incident_level: level_20
status: resolved
start_time: 2024-10-21 14:00:00
end_time: 2024-10-21 14:50:00
time_zone: Asia/Shanghai
---
""", B["generic"], "Huawei Cloud COC incident level keys level_10..level_50 = P1..P5 (support.huaweicloud.com coc_api)",
    title="Object storage slow in region", date="2024-10-21",
    started=U("2024-10-21 14:00", "Asia/Shanghai"), resolved=U("2024-10-21 14:50", "Asia/Shanghai"),
    severity=any_of("SEV2", None))

# ---------------------------------------------------------------- time spellings
case("twelve-hour-words.md", """
---
title: Mobile push notifications delayed
date: Sunday, March 3rd, 2024
started: March 3, 2024 2:15 PM
resolved: March 3, 2024 4:05 PM
timezone: America/Los_Angeles
severity: SEV3
---
""", B["generic"], "human dates and 12-hour clocks as in GitLab '30 April 2021, 3:49AM (UTC)' and Jekyll date_to_long_string",
    title="Mobile push notifications delayed", date="2024-03-03",
    started=U("2024-03-03 14:15", "America/Los_Angeles"), resolved=U("2024-03-03 16:05", "America/Los_Angeles"),
    severity="SEV3")

case("zone-abbrev-pst.md", """
---
title: Reporting dashboards blank
date: 2024-11-05
start: 2024-11-05 09:30 PST
end: 2024-11-05 11:00 PST
sev: 3
---
""", B["generic"], "zone abbreviations in status mails ('%a %e-%b %H:%M %Z' outage template, gist packetpilot)",
    title="Reporting dashboards blank", date="2024-11-05",
    started=U("2024-11-05 17:30"), resolved=U("2024-11-05 19:00"), severity="SEV3")

case("offset-no-colon.md", """
---
title: Payouts to Indian bank accounts delayed
date: 2024-06-01
started: 2024-06-01T08:00:00+0530
resolved: 2024-06-01T10:45:00+0530
severity: SEV2
---
""", B["checkout"], "offsets without a colon (Jira REST, strftime %z as in the Jekyll date script gist dewomser)",
    title="Payouts to Indian bank accounts delayed", date="2024-06-01",
    started=U("2024-06-01 02:30"), resolved=U("2024-06-01 05:15"), severity="SEV2")

case("unix-millis.md", """
---
title: Search suggestions empty
date: 2024-06-01
startedAt: 1717228800000
resolvedAt: 1717233000000
severity: SEV4
---
""", B["search"], "epoch milliseconds as JavaScript tools write them (Date.now(); eleventy git dates)",
    title="Search suggestions empty", date="2024-06-01",
    started="2024-06-01T08:00:00Z", resolved="2024-06-01T09:10:00Z", severity="SEV4")

case("tz-new-york-naive.md", """
---
title: Order confirmation emails delayed
date: 2024-07-04
tz: America/New_York
impact:
  start: 2024-07-04 18:10
  end: 2024-07-04 19:25
  users_affected_pct: 15
severity: SEV3
---
""", B["generic"], "a tz key for naive times (Hexo timezone; Obsidian naive Date & Time)",
    title="Order confirmation emails delayed", date="2024-07-04",
    started=U("2024-07-04 18:10", "America/New_York"), resolved=U("2024-07-04 19:25", "America/New_York"),
    users_affected_pct=15, severity="SEV3")

case("better-uptime-mail.md", """
---
title: Status site unreachable
Incident started: 2023-07-10 07:19:00
Resolved at: 2023-07-13 03:09:53
Duration: 67 hr 50 min
Root cause: Connection Timeout
---
""", B["down"], "Better Uptime incident mails 'Incident started:', 'Resolved at:', 'Duration: 67 hr 50 min', 'Root cause: Connection Timeout' (Fengsemul/Azalainfopublicchat azalainfodomaindown.txt)",
    title="Status site unreachable", date="2023-07-10",
    started=U("2023-07-10 07:19"), resolved="2023-07-13T03:09:53Z", duration_minutes=any_of(4070.88, 4070, 4071),
    causes=any_of([], ["network"]))

case("iso-week-date.md", """
---
title: Nightly export missed its window
date: 2024-W10-3
duration: 2h
severity: SEV5
---
""", B["generic"], "ISO 8601 week dates (YYYY-Www-D)",
    title="Nightly export missed its window", date=any_of("2024-03-06", None), duration_minutes=120, severity="SEV5")

case("relative-times.md", """
---
title: Config reload dropped connections
date: 2024-05-02
started: about ten minutes before the deploy
resolved: 2024-05-02T12:00:00Z
severity: Sev-3
---
""", B["generic"], "free-text times in templates (OneUptime template 'HH:MM' placeholders; status mails)",
    title="Config reload dropped connections", date="2024-05-02", resolved=U("2024-05-02 12:00"), severity="SEV3",
    why={"started": "relative prose, no instant can be recovered", "duration_minutes": "no start"})

case("ambiguous-slash-date.md", """
---
title: Invoice PDFs rendered without totals
date: 03/04/2024
severity: sev-4
duration: "1:30"
---
""", B["generic"], "slash dates (Jekyll snippet 'dd-mm-yyyy', Jekyll date '%m/%d/%Y')",
    title="Invoice PDFs rendered without totals", severity="SEV4", duration_minutes=any_of(90, None),
    why={"date": "03/04/2024 is 3 April or 4 March depending on the writer"})

case("slash-date-settled-by-start.md", """
---
title: Stale feature flags served
date: 03/04/2024
started: 2024-04-03T09:00:00Z
resolved: 2024-04-03T09:40:00Z
severity: SEV4
---
""", B["generic"], "slash dates; an ISO start settles which reading is meant",
    title="Stale feature flags served", date=any_of("2024-04-03", None),
    started=U("2024-04-03 09:00"), resolved=U("2024-04-03 09:40"), severity="SEV4")

case("ddmm-unambiguous.md", """
---
Title: Ticket office kiosks offline
Date: 13/04/2024
Start: 13/04/2024 22:10
End: 14/04/2024 01:00
Timezone: Europe/London
Severity: 3
---
""", B["down"], "DD/MM/YYYY as UK/EU teams write it (unambiguous when the day exceeds 12)",
    title="Ticket office kiosks offline", date="2024-04-13",
    started=U("2024-04-13 22:10", "Europe/London"), resolved=U("2024-04-14 01:00", "Europe/London"), severity="SEV3")

# ---------------------------------------------------------------- durations
case("duration-iso8601.md", """
---
title: Partner API returned stale stock levels
date: 2024-09-09
duration: PT1H30M
priority: P3
---
""", B["generic"], "ISO 8601 durations (PT1H30M)",
    title="Partner API returned stale stock levels", date="2024-09-09", duration_minutes=90, severity="SEV3")

case("duration-hms.md", """
---
title: Video transcoding queue stalled
date: 2024-09-12
downtime: "01:45:00"
severity: SEV3
---
""", B["generic"], "hh:mm:ss durations as exported by spreadsheets and Kestra execution durations",
    title="Video transcoding queue stalled", date="2024-09-12", duration_minutes=105, severity="SEV3")

case("duration-hours-decimal.md", """
---
title: Loyalty points not credited
date: 2024-09-15
duration_hours: 1.5
severity: SEV4
---
""", B["generic"], "a length's key naming its unit (duration_hours)",
    title="Loyalty points not credited", date="2024-09-15", duration_minutes=90, severity="SEV4")

case("duration-min-sec.md", """
---
title: Status page probe failed
date: 2021-02-17
length: 4 min, 51 sec
severity: SEV5
---
""", B["down"], "Uptime Robot / Better Uptime '4 min, 51 sec' (azalainfodomaindown.txt)",
    title="Status page probe failed", date="2021-02-17", duration_minutes=any_of(4.85, 4, 5), severity="SEV5")

case("duration-bare-number.md", """
---
title: Admin console sign-in failures
date: 2024-10-01
duration: 90
severity: SEV3
---
""", B["generic"], "bare number under duration (units unstated)",
    title="Admin console sign-in failures", date="2024-10-01", duration_minutes=any_of(90, None), severity="SEV3")

case("time-to-resolve-seconds.md", """
---
title: Scheduler skipped cron jobs
started_at: 2024-10-03T04:00:00Z
time_to_resolve: 5400
time_to_detect: 600
severity: SEV3
---
""", B["generic"], "DX schema rootly_incidents/datadog_incidents: time_to_resolve, time_to_detect in seconds (docs.getdx.com)",
    title="Scheduler skipped cron jobs", date="2024-10-03", started=U("2024-10-03 04:00"),
    resolved=any_of(U("2024-10-03 05:30"), None), duration_minutes=any_of(90, None), severity="SEV3")

# ---------------------------------------------------------------- shares
case("pct-string-nested.md", """
---
title: Profile pictures failed to load
date: 2024-08-01
impact:
  users_affected: "25%"
  summary: Avatars showed a placeholder
severity: SEV4
---
""", B["generic"], "percentages written as strings under a nested impact block",
    title="Profile pictures failed to load", date="2024-08-01", users_affected_pct=25, severity="SEV4")

case("pct-ratio.md", """
---
title: Recommendations missing on home page
date: 2024-08-03
impact_ratio: 0.25
severity: SEV4
---
""", B["generic"], "a share written as a ratio 0..1 under a key that says ratio",
    title="Recommendations missing on home page", date="2024-08-03", users_affected_pct=25, severity="SEV4")

case("pct-ambiguous-fraction.md", """
---
title: Some uploads rejected
date: 2024-08-05
percent_affected: 0.3
severity: SEV4
---
""", B["generic"], "small numbers under a percent key (0.3 percent or 30 percent?)",
    title="Some uploads rejected", date="2024-08-05", users_affected_pct=any_of(0.3, None), severity="SEV4",
    why={"users_affected_pct": "the key says percent, so 0.3 is most likely 0.3 %, but a fraction reading (30 %) is possible; null also fair"})

case("pct-count.md", """
---
title: Password reset emails not sent
date: 2024-08-07
users_affected: 1200
severity: SEV3
---
""", B["generic"], "a count of users (DX customer_impacted, Datadog customer impact fields)",
    title="Password reset emails not sent", date="2024-08-07", severity="SEV3",
    why={"users_affected_pct": "1200 is a count of users; the share is unknown without the total"})

case("pct-approx.md", """
---
title: Map tiles slow to load
date: 2024-08-09
affected_users_percent: "~40 %"
severity: SEV3
---
""", B["generic"], "approximate shares with a tilde and a spaced percent sign",
    title="Map tiles slow to load", date="2024-08-09", users_affected_pct=40, severity="SEV3")

case("pct-range.md", """
---
title: Checkout button unresponsive on Safari
date: 2024-08-11
users_affected_pct: 10-15
severity: SEV2
---
""", B["checkout"], "a range of shares",
    title="Checkout button unresponsive on Safari", date="2024-08-11",
    users_affected_pct=any_of(None, 10, 12.5, 15), severity="SEV2")

# ---------------------------------------------------------------- status words
case("status-in-review.md", """
---
title: Loyalty API returned 500s
date: 2024-09-20
document_status: In review
severity: SEV3
---
""", B["generic"], "Confluence / Notion postmortem page status (In review, Draft, Complete)",
    title="Loyalty API returned 500s", date="2024-09-20", severity="SEV3", status="draft")

case("status-investigating.md", """
---
title: Elevated latency on the public API
date: 2024-09-22
status: investigating
severity: SEV3
---
""", B["generic"], "Statuspage/openstatus incident statuses investigating/identified/monitoring/resolved",
    title="Elevated latency on the public API", date="2024-09-22", severity="SEV3",
    status=any_of("published", "draft"))

# ---------------------------------------------------------------- causes
case("causes-as-string.md", """
---
title: Apex domain served the wrong certificate
date: 2024-10-10
severity: SEV2
causes: "dns, certificate"
---
""", B["cert"], "lists written as a comma string (Pelican Tags, Obsidian CLI tags='a,b')",
    title="Apex domain served the wrong certificate", date="2024-10-10", severity="SEV2",
    causes=["dns", "certificate"])

case("root-cause-prose.md", """
---
title: Edge proxy rejected TLS handshakes
date: 2024-10-12
severity: SEV2
root_cause: Expired TLS certificate on the edge proxy
---
""", B["cert"], "root_cause as prose (mortician root_cause; Better Stack cause)",
    title="Edge proxy rejected TLS handshakes", date="2024-10-12", severity="SEV2",
    causes=any_of(["certificate"], ["certificate", "load-balancer"]))

case("contributing-factors.md", """
---
title: Flash sale overwhelmed the cart service
date: 2024-11-29
severity: SEV1
root_cause:
  category: Configuration
contributing_factors: [Capacity, "Human error"]
---
""", B["checkout"], "root cause category and contributing factors (Google SRE workbook root-cause vs trigger taxonomy)",
    title="Flash sale overwhelmed the cart service", date="2024-11-29", severity="SEV1",
    causes=["misconfiguration", "capacity", "human-error"])

case("cause-unknown.md", """
---
title: Intermittent 502s from the image CDN
date: 2024-12-01
severity: SEV4
root_cause: TBD
cause: unknown
---
""", B["generic"], "placeholder causes (TBD, unknown) as left in templates",
    title="Intermittent 502s from the image CDN", date="2024-12-01", severity="SEV4")

# ---------------------------------------------------------------- action items
case("actions-jira-states.md", """
---
title: Ledger reconciliation job double-posted entries
date: 2024-12-03
severity: SEV2
action_items:
  - title: Make the posting step idempotent
    owner: ledger-team
    status: To Do
  - title: Add a duplicate-entry alert
    owner: ledger-team
    status: In Progress
  - title: Backfill corrections
    owner: finance-eng
    status: Done
  - title: Rewrite the job in the new framework
    owner: ledger-team
    status: Won't Do
---
""", B["generic"], "Jira workflow statuses To Do / In Progress / Done / Won't Do",
    title="Ledger reconciliation job double-posted entries", date="2024-12-03", severity="SEV2",
    action_items=["open", "in-progress", "done", "wont-do"])

case("actions-github-state.md", """
---
title: Release pipeline pushed an unsigned build
date: 2024-12-05
severity: SEV2
follow_ups:
  - title: Require signature verification before publish
    assignee: release-eng
    state: open
    url: https://github.example.com/org/repo/issues/77
  - title: Revoke the unsigned artifact
    assignee: release-eng
    state: closed
    url: https://github.example.com/org/repo/issues/78
---
""", B["generic"], "GitHub issue state open/closed as follow-up tracking",
    title="Release pipeline pushed an unsigned build", date="2024-12-05", severity="SEV2",
    action_items=["open", any_of("done", "wont-do")])

case("actions-checkboxes.md", """
---
title: Partner SFTP drop missed
date: 2024-12-07
severity: SEV4
action_items:
  - "[x] Rotate the partner SSH key"
  - "[ ] Alert when the drop is late"
---
""", B["generic"], "Markdown task-list checkboxes kept as strings (Obsidian tasks, GitHub task lists)",
    title="Partner SFTP drop missed", date="2024-12-07", severity="SEV4", action_items=["done", "open"])

case("actions-misc-words.md", """
---
title: Warehouse scanners lost sync
date: 2024-12-09
severity: SEV3
remediation:
  - task: Upgrade scanner firmware
    owner: store-it
    status: completed
  - task: Get a replacement access point from the vendor
    owner: store-it
    status: blocked on vendor
  - task: Add offline queueing to the scanner app
    owner: mobile
    status: backlog
  - task: Replace scanners with phones
    owner: store-it
    status: cancelled
---
""", B["generic"], "remediation items with completed / blocked / backlog / cancelled (Squadcast, Notion boards)",
    title="Warehouse scanners lost sync", date="2024-12-09", severity="SEV3",
    action_items=["done", "blocked", "open", "wont-do"])

case("nested-incident-block.md", """
---
incident:
  title: Push gateway dropped iOS notifications
  severity: Major
  status: Resolved
  timestamps:
    impact_started_at: 2024-12-11T13:05:00Z
    impact_ended_at: 2024-12-11T14:20:00Z
  impact:
    share_of_users: 12%
---
""", B["generic"], "everything nested under an incident: block (incident.io-style timestamps, Grafana severity labels)",
    title="Push gateway dropped iOS notifications", date="2024-12-11",
    started=U("2024-12-11 13:05"), resolved=U("2024-12-11 14:20"), users_affected_pct=12,
    severity=any_of("SEV2"))


def main():
    if os.path.isdir(CONTENT):
        shutil.rmtree(CONTENT)
    os.makedirs(CONTENT)
    expected = {}
    for name, fm, body, e in CASES:
        assert name not in expected, name
        with open(os.path.join(CONTENT, name), "w", encoding="utf-8") as f:
            f.write(fm + "\n" + body)
        expected[name] = e
    with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {len(CASES)} postmortems and expected.json")


if __name__ == "__main__":
    main()
