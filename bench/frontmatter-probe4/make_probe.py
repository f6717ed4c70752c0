#!/usr/bin/env python3
"""Writes probe4/content/*.md and probe4/expected.json.

Held-out probe of how tolerant Hindsight's front-matter reader is to the
key names and value spellings real teams use in wikis and exports.
Bodies carry no times, dates, shares or severities, so only the front
matter can supply them.  Expected UTC instants are computed with zoneinfo.

Expected-value conventions (read by compare.py):
  null              the field should be absent/null (not given, or genuinely
                    ambiguous -- the reason is in "notes")
  {"any_of": [..]}  two (or more) fair readings, any one is right
  causes            {"groups": [[k, alt], ...], "may": [...]}: every group must
                    be hit by at least one key; nothing outside groups+may
  action_items      ordered list of {title, owner, status, due}; each subfield
                    may itself be {"any_of": [...]}; owner compared as a set of
                    names (split on , ; & and), '@' ignored
  published         true if it must appear in a build without --drafts
"""
import json, os, shutil
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

HERE = os.path.dirname(os.path.abspath(__file__))
CONTENT = os.path.join(HERE, "content")


def u(local, zone="UTC", fold=0):
    """'YYYY-MM-DD HH:MM' in zone -> ISO 8601 UTC string."""
    dt = datetime.strptime(local, "%Y-%m-%d %H:%M").replace(tzinfo=ZoneInfo(zone), fold=fold)
    return dt.astimezone(ZoneInfo("UTC")).strftime("%Y-%m-%dT%H:%M:%SZ")


def anyof(*v):
    return {"any_of": list(v)}


def ai(title, owner=None, status=None, due=None):
    return {"title": title, "owner": owner, "status": status, "due": due}


def C(*keys, may=()):
    return {"groups": [[k] if isinstance(k, str) else list(k) for k in keys], "may": list(may)}


OPEN_OR_NULL = anyof("open", None)   # an item written without a state: open is the fair default

CASES = []


def case(file, fm, body, notes=None, **exp):
    CASES.append(dict(file=file, fm=fm.strip("\n"), body=body.strip(), exp=exp, notes=notes or {}))


# ---------------------------------------------------------------- 01
case("01-wiki-utc-columns.md", """
Incident Title: Sessions shared between users
Incident Date: 2023-08-10
Incident Start (UTC): 2023-08-10 13:45
Detected (UTC): 2023-08-10 13:50
Incident End (UTC): 2023-08-11 09:20
Severity: Sev 2 (Major)
Customer impact: ~15% of customers
Root cause category: Race condition
Affected services: web, sessions
Postmortem status: Approved by SRE
Follow-up tasks:
  - Audit session handling for races — platform-team — open
  - Add a regression test for concurrent logins — web-team — done
""", """
Some users were shown another user's account page after logging in.
The session store handed out the same token to two concurrent logins.
We disabled the new login path and invalidated all active sessions.
""",
     title="Sessions shared between users", date="2023-08-10",
     started=u("2023-08-10 13:45"), detected=u("2023-08-10 13:50"), resolved=u("2023-08-11 09:20"),
     users_affected_pct=15, severity="SEV2", causes=C("race-condition"), services=["web", "sessions"],
     action_items=[ai("Audit session handling for races", "platform-team", "open"),
                   ai("Add a regression test for concurrent logins", "web-team", "done")])

# ---------------------------------------------------------------- 02
case("02-uk-ddmm-bst.md", """
Title: Card payments declined at checkout
Start: 10/08/2023 13:45 BST
End: 10/08/2023 15:20 BST
Severity: P1 / Critical
'% customers affected': 40%
Root cause: Expired TLS certificate
Services: payments, checkout
Action items:
  alice:
    - Add alerting on certificate expiry
    - Move the payment gateway certificate to automated renewal
  sre-team:
    - Document the manual renewal procedure
""", """
Card payments failed at the final checkout step. The payment gateway refused
our connections. Renewing the credential on the gateway restored payments.
""", notes={"started": "BST given explicitly; 10/08 is DD/MM (British zone)"},
     title="Card payments declined at checkout", date="2023-08-10",
     started=u("2023-08-10 13:45", "Europe/London"), resolved=u("2023-08-10 15:20", "Europe/London"),
     users_affected_pct=40, severity="SEV1", causes=C("certificate"), services=["payments", "checkout"],
     action_items=[ai("Add alerting on certificate expiry", "alice", OPEN_OR_NULL),
                   ai("Move the payment gateway certificate to automated renewal", "alice", OPEN_OR_NULL),
                   ai("Document the manual renewal procedure", "sre-team", OPEN_OR_NULL)])

# ---------------------------------------------------------------- 03
case("03-us-eastern-ampm.md", """
title: Search results empty for EU storefront
Started: Aug 10 2023, 1:45 PM ET
Resolved: Aug 10 2023, 3:20 PM ET
Sev: 3
Users affected: all EU users
Root Cause Category: Misconfiguration
Affected systems: search
""", """
Shoppers on the European storefront got empty search results. A region filter
was set incorrectly in the search service. Reverting the setting fixed it.
""", notes={"users_affected_pct": "'all EU users' is 100% of a subset whose share of all users is not given: genuinely ambiguous"},
     title="Search results empty for EU storefront", date="2023-08-10",
     started=u("2023-08-10 13:45", "America/New_York"), resolved=u("2023-08-10 15:20", "America/New_York"),
     users_affected_pct=None, severity="SEV3", causes=C("misconfiguration"), services=["search"])

# ---------------------------------------------------------------- 04
case("04-outage-window.md", """
Title: API gateway returning 502s
Date: 2023-03-14
Outage window: 13:45-15:20 UTC
Severity: SEV2
Impact: ~25% of API customers
Root cause: Load balancer health checks misconfigured
Services: [api-gateway]
""", """
Requests through the public API gateway intermittently failed with bad gateway
responses. Half of the backend pool had been marked unhealthy by mistake.
""", title="API gateway returning 502s", date="2023-03-14",
     started=u("2023-03-14 13:45"), resolved=u("2023-03-14 15:20"),
     users_affected_pct=25, severity="SEV2", causes=C("load-balancer", may=["misconfiguration"]),
     services=["api-gateway"])

# ---------------------------------------------------------------- 05
case("05-ttr-start-only.md", """
Title: Mobile push notifications delayed
Incident start: 2023-05-02 09:10 UTC
Time to recovery: 1h 35m
Severity: SEV3
Root cause category: Capacity
Services: notifications
""", """
Push notifications reached phones late. The notification workers could not
keep up with the queue. We added workers and the backlog drained.
""", notes={"resolved": "start + time to recovery is arithmetic, but a tool may fairly leave resolved unset"},
     title="Mobile push notifications delayed", date="2023-05-02",
     started=u("2023-05-02 09:10"), resolved=anyof(u("2023-05-02 10:45"), None), duration_minutes=95,
     severity="SEV3", causes=C("capacity", may=["resource-exhaustion"]), services=["notifications"])

# ---------------------------------------------------------------- 06
case("06-duration-mins.md", """
Title: Report exports failing
Date: 2023-06-19
Duration: 95 mins
Severity: Sev 4
Cause: Software bug
Services: reporting
""", """
Exports of monthly reports failed for customers who had custom columns.
A serializer change did not handle empty column names.
""", title="Report exports failing", date="2023-06-19", duration_minutes=95, severity="SEV4",
     causes=C("software-bug"), services=["reporting"])

# ---------------------------------------------------------------- 07
case("07-about-hours.md", """
Title: Login page slow
Date: 2023-07-03
Outage duration: about 1.5 hours
Severity: SEV3
Customer impact: All users
Root cause category: Database
Services: [auth]
""", """
The login page took a long time to load for everyone. A missing index on the
accounts table made the lookup scan the whole table.
""", title="Login page slow", date="2023-07-03", duration_minutes=90, severity="SEV3",
     users_affected_pct=100, causes=C("database"), services=["auth"])

# ---------------------------------------------------------------- 08
case("08-dst-fold.md", """
title: Billing batch ran twice
date: 2023-11-05
time_zone: America/Los_Angeles
started: 2023-11-05 01:30
resolved: 2023-11-05 03:00
severity: SEV3
causes: [software-bug]
services: [billing]
""", """
The nightly billing batch ran twice and some customers received duplicate
invoices. The scheduler fired again when the clocks changed.
""", notes={"started": "01:30 on 2023-11-05 happens twice in Los Angeles (PDT then PST): both readings are fair",
            "duration_minutes": "follows from whichever reading of started"},
     title="Billing batch ran twice", date="2023-11-05",
     started=anyof(u("2023-11-05 01:30", "America/Los_Angeles", 0), u("2023-11-05 01:30", "America/Los_Angeles", 1)),
     resolved=u("2023-11-05 03:00", "America/Los_Angeles"), duration_minutes=anyof(150, 90),
     severity="SEV3", causes=C("software-bug"), services=["billing"])

# ---------------------------------------------------------------- 09
case("09-times-in-cet.md", """
Title: Warehouse scanners offline
Date: 2023-02-01
All times: CET
Start: 2023-02-01 10:00
End: 2023-02-01 11:30
Severity: SEV2
Root cause: Network
Services: warehouse
""", """
Handheld scanners in the warehouse lost their connection to the inventory
service. A switch in the warehouse network had dropped its uplink.
""", notes={"started": "'All times: CET' names the zone for the naive times"},
     title="Warehouse scanners offline", date="2023-02-01",
     started=u("2023-02-01 10:00", "Europe/Berlin"), resolved=u("2023-02-01 11:30", "Europe/Berlin"),
     severity="SEV2", causes=C("network"), services=["warehouse"])

# ---------------------------------------------------------------- 10
case("10-jira-export-items.md", """
Title: Password reset emails not sent
Date: 2023-04-11
Severity: SEV3
Root cause category: Dependency
Services: [email, auth]
Follow-up tasks:
  - summary: Add a fallback email provider
    assignee: dana
    state: In Progress
    due date: 2023-05-01
  - summary: Alert when the email queue stops draining
    assignee: erik
    state: TODO
    due date: 15/05/2023
  - summary: Review the provider contract
    assignee: dana
    state: Won't Fix
""", """
Password reset emails stopped arriving. Our email provider was rejecting API
calls. Messages were sent once the provider recovered.
""", title="Password reset emails not sent", date="2023-04-11", severity="SEV3",
     causes=C("dependency"), services=["email", "auth"],
     action_items=[ai("Add a fallback email provider", "dana", "in-progress", "2023-05-01"),
                   ai("Alert when the email queue stops draining", "erik", "open", "2023-05-15"),
                   ai("Review the provider contract", "dana", "wont-do")])

# ---------------------------------------------------------------- 11
case("11-severity-high.md", """
Title: Dashboard charts blank
Date: 2023-09-04
Severity: High
Root cause: Cache
Services: dashboard
""", """
Charts on the customer dashboard rendered empty. Stale entries in the chart
cache pointed to data that no longer existed.
""", notes={"severity": "Critical/High/Medium/Low maps to SEV1..SEV4 on the common ladder"},
     title="Dashboard charts blank", date="2023-09-04", severity="SEV2", causes=C("cache"),
     services=["dashboard"])

# ---------------------------------------------------------------- 12
case("12-priority-p2.md", """
Title: Delayed order confirmations
Date: 2023-09-12
Priority: P2
Impact: 1 in 4 customers
Contributing factors: queue backlog, slow consumer
Services: orders
""", """
Order confirmation emails went out late. The consumer that builds them fell
behind after a traffic spike.
""", title="Delayed order confirmations", date="2023-09-12", severity="SEV2",
     users_affected_pct=25, causes=anyof({"groups": [], "may": []},
                                          C(("capacity", "resource-exhaustion"), may=["capacity", "resource-exhaustion"])),
     services=["orders"], notes={"causes": "'queue backlog, slow consumer' names no taxonomy key outright; capacity is a fair reading"})

# ---------------------------------------------------------------- 13
case("13-sev-dash.md", """
Title: Image uploads failing
Date: 2023-10-02
SEV-3
Severity Level: SEV-3
Root cause category: Storage
Services: uploads
""".replace("SEV-3\n", "", 1), """
Customers could not upload profile images. The object store bucket rejected
writes after a policy change.
""", title="Image uploads failing", date="2023-10-02", severity="SEV3", causes=C("storage", may=["misconfiguration"]),
     services=["uploads"])

# ---------------------------------------------------------------- 14
case("14-severity-number-label.md", """
Title: Typo in pricing page banner
Date: 2023-10-09
Severity: 4 - Minor
Root Cause: Human error
Services: marketing-site
Status: Final
""", """
The pricing page banner displayed the wrong product name. It was edited by
hand and not reviewed.
""", title="Typo in pricing page banner", date="2023-10-09", severity="SEV4", causes=C("human-error"),
     services=["marketing-site"])

# ---------------------------------------------------------------- 15
case("15-count-of-total.md", """
Title: Invoices showed wrong currency
Date: 2023-01-16
Users affected: 12,000 of 48,000 users
Severity: SEV2
Root cause: Bad deploy of v2.3.1
Services: [billing]
""", """
Invoices for some accounts showed the wrong currency symbol. A release changed
how the account locale was read.
""", title="Invoices showed wrong currency", date="2023-01-16", users_affected_pct=25, severity="SEV2",
     causes=C("deployment", may=["software-bug"]), services=["billing"])

# ---------------------------------------------------------------- 16
case("16-detected-by-at.md", """
Title: Stale prices in product catalog
Incident Start (UTC): 2023-06-01 13:40
Detected by/at: PagerDuty alert, 2023-06-01 14:02 UTC
Resolved (UTC): 2023-06-01 15:10
Severity: SEV3
Root cause category: Cache
Services: catalog
""", """
Product pages displayed old prices. The catalog cache was not invalidated when
prices changed.
""", title="Stale prices in product catalog", date="2023-06-01",
     started=u("2023-06-01 13:40"), detected=u("2023-06-01 14:02"), resolved=u("2023-06-01 15:10"),
     severity="SEV3", causes=C("cache"), services=["catalog"])

# ---------------------------------------------------------------- 17
case("17-detection-time-only.md", """
Title: Chat widget not loading
Date: 2023-06-07
Impact start: 09:05 UTC
Detection: customer report at 09:40 UTC
Impact end: 10:15 UTC
Severity: SEV4
Root cause: Third-party script CDN outage
Services: support-chat
""", """
The support chat widget failed to load on the help center. The vendor's script
host was unreachable.
""", title="Chat widget not loading", date="2023-06-07",
     started=u("2023-06-07 09:05"), detected=u("2023-06-07 09:40"), resolved=u("2023-06-07 10:15"),
     severity="SEV4", causes=C("dependency"), services=["support-chat"])

# ---------------------------------------------------------------- 18
case("18-contributing-factors.md", """
Title: Internal tools unreachable
Date: 2023-03-28
Severity: SEV3
Root cause: Config change to resolver
Contributing factors: [DNS TTL too long, no staged rollout]
Services: [intranet, vpn]
""", """
Staff could not reach internal tools by name. A resolver change pointed the
internal zone at the wrong server, and clients kept the bad answer.
""", title="Internal tools unreachable", date="2023-03-28", severity="SEV3",
     causes=C("misconfiguration", "dns", may=["deployment"]), services=["intranet", "vpn"])

# ---------------------------------------------------------------- 19
case("19-fat-finger.md", """
Title: Customer records archived by mistake
Date: 2023-05-22
Severity: SEV2
Root cause category: Human error (fat-finger)
Customer impact: ~3% of customers
Services: crm
Owner(s): data-team
""", """
A maintenance script was run against production instead of staging and
archived a batch of customer records. They were restored from backup.
""", title="Customer records archived by mistake", date="2023-05-22", severity="SEV2",
     causes=C("human-error"), users_affected_pct=3, services=["crm"])

# ---------------------------------------------------------------- 20
case("20-disk-full.md", """
Title: Writes rejected on primary database
Date: 2023-08-21
Severity: SEV1
Cause: Disk full on primary DB
Services: [orders, database]
""", """
The primary database stopped accepting writes. Its data volume had filled up
with old write-ahead logs.
""", title="Writes rejected on primary database", date="2023-08-21", severity="SEV1",
     causes=C(("storage", "resource-exhaustion"), may=["database", "storage", "resource-exhaustion"]),
     services=["orders", "database"])

# ---------------------------------------------------------------- 21
case("21-draft-do-not-share.md", """
Title: Partner webhook retries storm
Date: 2023-07-19
Severity: SEV3
Postmortem status: Draft - do not share
Root cause category: Software bug
Services: webhooks
""", """
Our webhook sender retried failed deliveries without backing off and
overwhelmed a partner endpoint.
""", title="Partner webhook retries storm", date="2023-07-19", severity="SEV3", causes=C("software-bug"),
     services=["webhooks"], published=False)

# ---------------------------------------------------------------- 22
case("22-wip.md", """
Title: Feature flags not applied
Date: 2023-07-24
Status: WIP
Severity: SEV4
Services: flags
""", """
New feature flag values did not reach the web tier. Investigation is ongoing.
""", title="Feature flags not applied", date="2023-07-24", severity="SEV4", services=["flags"], published=False)

# ---------------------------------------------------------------- 23
case("23-status-resolved.md", """
Title: Analytics ingestion lag
Date: 2023-07-27
Status: Resolved
Severity: SEV4
Root cause category: Capacity
Services: analytics
""", """
Analytics events showed up late in dashboards. Ingestion workers were
undersized for the new event volume.
""", notes={"published": "'Status: Resolved' is the incident's state, not a draft marker",
            "resolved": "'Status: Resolved' is not a time"},
     title="Analytics ingestion lag", date="2023-07-27", severity="SEV4", causes=C("capacity", may=["resource-exhaustion"]),
     services=["analytics"])

# ---------------------------------------------------------------- 24
case("24-in-review.md", """
Title: SSO login loop
Date: 2023-08-02
Postmortem status: In review
Severity: SEV2
Root cause: Certificate rotation on identity provider
Services: [auth, sso]
""", """
Users signing in through single sign-on were sent back to the login page.
The identity provider had rotated its signing credential and we had not
picked up the new one.
""", notes={"published": "'In review' may fairly be treated as draft or as published"},
     title="SSO login loop", date="2023-08-02", severity="SEV2", causes=C("certificate", may=["dependency"]),
     services=["auth", "sso"], published=anyof(True, False))

# ---------------------------------------------------------------- 25
case("25-review-date.md", """
Title: Search indexing stalled
Incident date: 2023-04-03
Review date: 2023-04-10
Severity: SEV3
Root cause category: Software bug
Services: search
""", """
New products did not appear in search. The indexer stopped after hitting a
malformed record.
""", notes={"date": "the review meeting date is not the incident date"},
     title="Search indexing stalled", date="2023-04-03", severity="SEV3", causes=C("software-bug"),
     services=["search"])

# ---------------------------------------------------------------- 26
case("26-date-day-month-name.md", """
Title: Mobile app crash on launch
Date: 10 Aug 2023
Severity: SEV2
Root cause: Bad deploy
Services: mobile
""", """
The mobile app crashed on launch for some devices after a release. The release
was halted and a fix shipped.
""", title="Mobile app crash on launch", date="2023-08-10", severity="SEV2",
     causes=C("deployment", may=["software-bug"]), services=["mobile"])

# ---------------------------------------------------------------- 27
case("27-date-long-ordinal.md", """
Title: CSV import rejected valid files
Date: August 10th, 2023
Severity: Low
Root cause category: Software bug
Services: imports
""", """
Customers could not import spreadsheets with a byte order mark. The parser
treated the mark as part of the first column name.
""", title="CSV import rejected valid files", date="2023-08-10", severity="SEV4", causes=C("software-bug"),
     services=["imports"])

# ---------------------------------------------------------------- 28
case("28-date-dotted-german.md", """
Title: Shipping labels not printing
Datum: 10.08.2023
Date: 10.08.2023
Severity: Medium
Root cause: Hardware failure of label printer server
Services: fulfilment
""".replace("Datum: 10.08.2023\n", ""), """
Shipping labels stopped printing in the fulfilment center. The print server's
disk controller failed and it was replaced.
""", title="Shipping labels not printing", date="2023-08-10", severity="SEV3", causes=C("hardware"),
     services=["fulfilment"])

# ---------------------------------------------------------------- 29
case("29-date-ambiguous-slash.md", """
Title: Coupon codes rejected
Date: 03/04/2023
Severity: SEV3
Root cause category: Software bug
Services: promotions
""", """
Valid coupon codes were rejected at checkout. A validation rule compared codes
case-sensitively.
""", notes={"date": "03/04/2023 is 3 April or 4 March with no locale cue: genuinely ambiguous"},
     title="Coupon codes rejected", date=None, severity="SEV3", causes=C("software-bug"), services=["promotions"])

# ---------------------------------------------------------------- 30
case("30-iso-offsets.md", """
title: Recommendations service timeouts
started: 2023-08-10T15:45:00+02:00
detected: 2023-08-10 13:52:00 +0000
resolved: 2023-08-10T16:30:00+02:00
severity: SEV3
causes: [dependency]
services: [recommendations]
""", """
Product recommendations timed out on the home page. The feature store they
depend on answered slowly.
""", title="Recommendations service timeouts", date="2023-08-10",
     started=u("2023-08-10 13:45"), detected=u("2023-08-10 13:52"), resolved=u("2023-08-10 14:30"),
     severity="SEV3", causes=C("dependency"), services=["recommendations"])

# ---------------------------------------------------------------- 31
case("31-pt-no-year.md", """
Title: Store locator map missing
Date: 2023-08-10
Start time: 1:45pm PT
End time: 2:30pm PT
Severity: SEV4
Root cause: Expired API key for maps provider
Services: store-locator
""", """
The store locator showed an empty map. Requests to the maps provider were
refused.
""", title="Store locator map missing", date="2023-08-10",
     started=u("2023-08-10 13:45", "America/Los_Angeles"), resolved=u("2023-08-10 14:30", "America/Los_Angeles"),
     severity="SEV4", causes=anyof(C("dependency", may=["certificate", "misconfiguration", "security"]),
                                   C("certificate", may=["dependency"]), C("misconfiguration", may=["dependency"])),
     services=["store-locator"])

# ---------------------------------------------------------------- 32
case("32-duration-days-hours.md", """
Title: Data warehouse loads stalled
Date: 2023-02-13
Duration: 2d 4h
Severity: SEV3
Root cause category: Resource exhaustion
Services: data-warehouse
""", """
Nightly loads into the data warehouse did not complete and dashboards showed
old data. The load cluster ran out of memory.
""", title="Data warehouse loads stalled", date="2023-02-13", duration_minutes=3120, severity="SEV3",
     causes=C("resource-exhaustion"), services=["data-warehouse"])

# ---------------------------------------------------------------- 33
case("33-follow-ups-strings.md", """
Title: Checkout latency spike
Date: 2023-09-20
Time to resolve: 45 minutes
Severity: SEV2
"% customers affected": 0.5%
Root cause category: Database
Services: [checkout]
Follow-up tasks:
  - Add jitter to payment retries — payments-team — In progress
  - Load test checkout - @bob - TODO
  - Tune connection pool size — carol — Done — due 2023-10-01
  - Review slow query log weekly — dba — blocked
""", """
Checkout became slow for a small group of customers. A slow query held
connections and the pool ran dry.
""", title="Checkout latency spike", date="2023-09-20", duration_minutes=45, severity="SEV2",
     users_affected_pct=0.5, causes=C("database", may=["resource-exhaustion"]), services=["checkout"],
     action_items=[ai("Add jitter to payment retries", "payments-team", "in-progress"),
                   ai("Load test checkout", "bob", "open"),
                   ai("Tune connection pool size", "carol", "done", "2023-10-01"),
                   ai("Review slow query log weekly", "dba", "blocked")])

# ---------------------------------------------------------------- 34
case("34-owners-items.md", """
Title: Audit log gaps
Date: 2023-11-14
Severity: SEV3
Root cause category: Security
Services: [audit-log]
Action Items:
  - Action: Backfill missing audit events
    Owner(s): alice, bob
    Status: Closed
    Due: 2023-11-30
  - Action: Add a completeness check to the audit pipeline
    Owner(s): security-team
    Status: Not started
    Due: end of Q1
""", """
Some administrative actions were missing from the audit log. A filter dropped
events from one region.
""", notes={"action_items": "'end of Q1' is not a date (which year's Q1, fiscal or calendar): due null"},
     title="Audit log gaps", date="2023-11-14", severity="SEV3", causes=C("security", may=["software-bug"]),
     services=["audit-log"],
     action_items=[ai("Backfill missing audit events", "alice, bob", "done", "2023-11-30"),
                   ai("Add a completeness check to the audit pipeline", "security-team", "open", None)])

# ---------------------------------------------------------------- 35
case("35-impact-requests.md", """
Title: Intermittent API errors
Date: 2023-12-05
Severity: SEV3
Impact: Approximately 20% of API requests failed
Root cause: Load balancer node failure
Services: [api]
""", """
Some API calls failed with server errors. One node behind the load balancer
was unhealthy but still received traffic.
""", notes={"users_affected_pct": "a share of requests is not a share of users; taking it as users is a fair approximation"},
     title="Intermittent API errors", date="2023-12-05", severity="SEV3", users_affected_pct=anyof(None, 20),
     causes=C("load-balancer", may=["hardware"]), services=["api"])

# ---------------------------------------------------------------- 36
case("36-descriptive-impact.md", """
Title: Android users could not pay
Date: 2023-12-11
Severity: SEV2
Customer impact: Checkout unavailable for Android app users
Root cause category: Deployment
Services: [mobile, checkout]
""", """
Android app users could not complete payment. A release removed a permission
the payment screen needs.
""", notes={"users_affected_pct": "impact is described, not quantified"},
     title="Android users could not pay", date="2023-12-11", severity="SEV2", users_affected_pct=None,
     causes=C("deployment", may=["software-bug"]), services=["mobile", "checkout"])

# ---------------------------------------------------------------- 37
case("37-camelcase-export.md", """
title: Webhooks delivered out of order
startedAt: 2023-08-10T13:45:00.000Z
detectedAt: 2023-08-10T14:10:00.000Z
resolvedAt: 2023-08-10T16:05:00.000Z
severity: sev2
customerImpactPercent: 12
rootCauseCategory: software_bug
affectedServices: [webhooks]
postmortemStatus: published
actionItems:
  - title: Preserve ordering per subscription
    assignee: frank
    status: IN_PROGRESS
    dueDate: 2023-09-01
""", """
Webhook events reached subscribers out of order. Parallel senders did not
preserve per-subscription ordering.
""", title="Webhooks delivered out of order", date="2023-08-10",
     started=u("2023-08-10 13:45"), detected=u("2023-08-10 14:10"), resolved=u("2023-08-10 16:05"),
     users_affected_pct=12, severity="SEV2", causes=C("software-bug"), services=["webhooks"],
     action_items=[ai("Preserve ordering per subscription", "frank", "in-progress", "2023-09-01")])

# ---------------------------------------------------------------- 38
case("38-impact-vs-declared.md", """
Title: Product images missing
Date: 2023-10-17
Impact start: 2023-10-17 13:40 UTC
Incident declared: 2023-10-17 14:00 UTC
Impact end: 2023-10-17 15:00 UTC
Incident closed: 2023-10-17 16:00 UTC
Severity: SEV3
Root cause category: Storage
Services: [images, cdn]
""", """
Product images did not load on the storefront. The image origin bucket was
moved and the CDN could not fetch from it.
""", notes={"detected": "declaring an incident is not quite detecting it; both readings fair",
            "resolved": "canonical resolved = impact ended, not incident closed"},
     title="Product images missing", date="2023-10-17",
     started=u("2023-10-17 13:40"), detected=anyof(None, u("2023-10-17 14:00")), resolved=u("2023-10-17 15:00"),
     severity="SEV3", causes=C("storage", may=["misconfiguration", "cdn"]), services=["images", "cdn"])

# ---------------------------------------------------------------- 39
case("39-window-over-midnight.md", """
Title: Nightly backups failed
Date: 2023-08-10
Outage window: 23:10-01:05 UTC
Severity: SEV4
Root cause category: Storage
Services: backups
Postmortem status: Complete
""", """
Backups failed to write to the backup target. It rejected new files until
space was freed.
""", notes={"resolved": "an end earlier than the start in a window crosses midnight"},
     title="Nightly backups failed", date="2023-08-10",
     started=u("2023-08-10 23:10"), resolved=u("2023-08-11 01:05"),
     severity="SEV4", causes=C("storage", may=["resource-exhaustion"]), services=["backups"])

# ---------------------------------------------------------------- 40
case("40-window-full-cest.md", """
Title: Loyalty points not credited
Outage window: 2023-08-10 13:45 – 15:20 CEST
Severity: Sev 3 (Minor)
Customer impact: about a third of loyalty members
Root cause: Message queue consumer crashed
Services: [loyalty]
Corrective actions:
  - "Restart consumers automatically (owner: gina, status: done)"
  - "Add a dead-letter queue (owner: hank, status: open, due: 2023-09-30)"
""", """
Loyalty points were not credited after purchases. The consumer that credits
them stopped and nothing restarted it. Points were backfilled afterwards.
""", notes={"users_affected_pct": "'loyalty members' are a subset of users whose share is not given: the third is of a subset; 33 is a fair reading too"},
     title="Loyalty points not credited", date="2023-08-10",
     started=u("2023-08-10 13:45", "Europe/Berlin"), resolved=u("2023-08-10 15:20", "Europe/Berlin"),
     severity="SEV3", users_affected_pct=anyof(None, 33.3),
     causes=C(("software-bug",), may=["dependency"]), services=["loyalty"],
     action_items=[ai("Restart consumers automatically", "gina", "done"),
                   ai("Add a dead-letter queue", "hank", "open", "2023-09-30")])


FIELDS = ["title", "date", "started", "detected", "resolved", "duration_minutes", "users_affected_pct",
          "severity", "causes", "services", "action_items", "published"]


def _dur(started, resolved):
    if isinstance(started, str) and isinstance(resolved, str):
        a = datetime.strptime(started, "%Y-%m-%dT%H:%M:%SZ")
        b = datetime.strptime(resolved, "%Y-%m-%dT%H:%M:%SZ")
        return int((b - a).total_seconds() // 60)
    return None


def main():
    if os.path.isdir(CONTENT):
        shutil.rmtree(CONTENT)
    os.makedirs(CONTENT)
    expected = {}
    for c in CASES:
        text = "---\n" + c["fm"] + "\n---\n\n" + c["body"] + "\n"
        with open(os.path.join(CONTENT, c["file"]), "w", encoding="utf-8") as f:
            f.write(text)
        e = dict(c["exp"])
        for k in FIELDS:
            e.setdefault(k, {"causes": C(), "services": [], "action_items": [], "published": True}.get(k))
        if "duration_minutes" not in c["exp"]:
            e["duration_minutes"] = _dur(e["started"], e["resolved"])
        expected[c["file"]] = {"expected": e, "notes": c["notes"]}
    with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, indent=2, ensure_ascii=False)
    print(f"wrote {len(CASES)} postmortems and expected.json")


if __name__ == "__main__":
    main()
