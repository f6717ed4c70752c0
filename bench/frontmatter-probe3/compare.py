#!/usr/bin/env python3
"""Score hindsight's reading of the probe's front-matter values.

Runs `hindsight check` (and `check --drafts`), `build` and `build --drafts` on
content/, then compares postmortems.json with expected.json field by field:

  right    the value shown equals the expected one (or one of any_of / within range)
  wrong    a value is shown and it differs (the worst case)
  missing  the value is left out (null / absent) where one was expected
  inferred the tool says it took the field from the body text: not scored

status is read from which build the postmortem appears in: in the plain build
= published; only in the --drafts build = draft. Every other field is read
from the --drafts build.

HINDSIGHT names the binary (default /work/main/build/generator/hindsight).
Usage: python3 compare.py [> RESULTS.txt]
"""
import json
import os
import re
import subprocess
import sys
import tempfile
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
CONTENT = os.path.join(HERE, "content")
BIN = os.environ.get("HINDSIGHT", "/work/main/build/generator/hindsight")
FIELDS = ["title", "date", "started", "resolved", "duration_minutes",
          "users_affected_pct", "severity", "status", "causes", "action_item_status"]
# front-matter keys that can carry each field (to quote the line as written)
KEYS = {
    "title": ["title"],
    "date": ["date", "incident_date"],
    "started": ["started", "start_time", "impact_start"],
    "resolved": ["resolved", "end_time", "impact_end"],
    "duration_minutes": ["duration", "started", "start_time", "impact_start"],
    "users_affected_pct": ["users_affected_pct", "users_affected"],
    "severity": ["severity", "sev", "priority"],
    "status": ["status", "draft"],
    "causes": ["causes", "root_cause"],
}
# names the tool may use in "inferred" for each field
INFERRED_NAMES = {
    "duration_minutes": {"duration", "duration_minutes"},
    "users_affected_pct": {"users_affected_pct", "impact.users_affected_pct", "users_affected"},
    "action_item_status": {"action_items"},
}


def run(args):
    p = subprocess.run([BIN] + args, capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def parse_instant(s):
    if not isinstance(s, str):
        return None
    try:
        return datetime.fromisoformat(s.replace("Z", "+00:00")).astimezone(timezone.utc)
    except ValueError:
        return None


def eq(field, exp, got):
    if exp is None or got is None:
        return exp is None and got is None
    if field in ("started", "resolved"):
        a, b = parse_instant(exp), parse_instant(got)
        return a is not None and a == b
    if field in ("duration_minutes", "users_affected_pct"):
        try:
            return abs(float(exp) - float(got)) < 0.01
        except (TypeError, ValueError):
            return False
    if field == "causes":
        return isinstance(got, list) and set(exp) == set(got)
    return exp == got


def judge(field, spec, got):
    """-> 'right' | 'wrong' | 'missing'"""
    if isinstance(spec, dict) and ("any_of" in spec or "range" in spec):
        opts = spec.get("any_of", [])
        if got is None or got == []:
            if None in opts:
                return "right"
            if field == "causes" and [] in opts:
                return "right"
            return "missing"
        if any(o is not None and eq(field, o, got) for o in opts):
            return "right"
        if "range" in spec:
            lo, hi = spec["range"]
            try:
                if lo - 0.01 <= float(got) <= hi + 0.01:
                    return "right"
            except (TypeError, ValueError):
                pass
        return "wrong"
    if spec is None:
        return "right" if got is None else "wrong"
    if field == "causes":
        if not got:
            return "right" if spec == [] else "missing"
        return "right" if eq(field, spec, got) else "wrong"
    if got is None or got == "":
        return "missing"
    return "right" if eq(field, spec, got) else "wrong"


def fm_lines(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    out = []
    if lines and lines[0].strip() == "---":
        for i, l in enumerate(lines[1:], start=2):
            if l.strip() == "---":
                break
            out.append((i, l))
    return out


def quote_line(path, field, item_index=None):
    lines = fm_lines(path)
    if field == "action_item_status":
        n = -1
        for ln, l in lines:
            if re.match(r"\s+-\s+title:", l):
                n += 1
            if n == item_index and re.match(r"\s+status:", l):
                return f"{ln}: {l.strip()}"
        for ln, l in lines:  # flow style
            if l.startswith("action_items:"):
                return f"{ln}: {l.strip()}"
        return "(not written)"
    found = []
    for key in KEYS.get(field, [field]):
        for ln, l in lines:
            if re.match(r"\s*" + re.escape(key) + r"\s*:", l):
                found.append(f"{ln}: {l.strip()}")
    if field == "duration_minutes":
        # duration comes from 'duration', else from the two ends
        d = [f for f in found if re.match(r"\d+: duration", f)]
        if d:
            return d[0]
        ends = [quote_line(path, "started"), quote_line(path, "resolved")]
        return " / ".join(ends)
    return " | ".join(found) if found else "(not written)"


def show(v):
    return json.dumps(v, ensure_ascii=False)


def main():
    expected = json.load(open(os.path.join(HERE, "expected.json"), encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        rc_check, out_check = run(["check", CONTENT, "-j", "2"])
        rc_checkd, out_checkd = run(["check", "--drafts", CONTENT, "-j", "2"])
        rc_b, out_b = run(["build", CONTENT, "-o", os.path.join(tmp, "pub"), "-j", "2", "--no-cache", "-q"])
        rc_bd, out_bd = run(["build", "--drafts", CONTENT, "-o", os.path.join(tmp, "all"), "-j", "2", "--no-cache", "-q"])
        pub, alld = [], []
        try:
            pub = json.load(open(os.path.join(tmp, "pub", "postmortems.json"), encoding="utf-8"))
        except OSError:
            pass
        try:
            alld = json.load(open(os.path.join(tmp, "all", "postmortems.json"), encoding="utf-8"))
        except OSError:
            pass
    pub_src = {p.get("source") for p in pub}
    by_src = {p.get("source"): p for p in alld}

    counts = {f: {"right": 0, "wrong": 0, "missing": 0, "inferred": 0} for f in FIELDS}
    wrong, missing, inferred = [], [], []
    ambiguous = []  # (fname, field, line, spec, got, verdict) where spec is any_of / range

    def record(fname, field, verdict, spec, got, line, why):
        counts[field][verdict] += 1
        entry = (fname, field, line, spec, got, why)
        if isinstance(spec, dict):
            ambiguous.append(entry + (verdict,))
        if verdict == "wrong":
            wrong.append(entry)
        elif verdict == "missing":
            missing.append(entry)
        elif verdict == "inferred":
            inferred.append(entry)

    for fname in sorted(expected):
        e = expected[fname]
        path = os.path.join(CONTENT, fname)
        pm = by_src.get(fname)
        inf = set((pm or {}).get("inferred") or [])
        why = e.get("why", {})
        for field in FIELDS:
            if field == "action_item_status":
                items = (pm or {}).get("action_items") or []
                for i, spec in enumerate(e["action_items"]):
                    got = items[i].get("status") if i < len(items) else None
                    line = quote_line(path, field, i)
                    if INFERRED_NAMES[field] & inf:
                        v = "inferred"
                    else:
                        v = judge(field, spec, got)
                    record(fname, field, v, spec, got, line, why.get("action_items", ""))
                continue
            spec = e[field]
            if field == "status":
                if fname in pub_src:
                    got = "published"
                elif pm is not None:
                    got = "draft"
                else:
                    got = None
            else:
                got = (pm or {}).get(field)
            names = INFERRED_NAMES.get(field, {field})
            if pm is not None and names & inf and field != "status":
                v = "inferred"
            else:
                v = judge(field, spec, got)
            record(fname, field, v, spec, got, quote_line(path, field), why.get(field, ""))

    diag_re = re.compile(r"^(\S+?)(?::(\d+):(\d+))?: (error|warning): (.*)$")
    diags = []
    seen = set()
    for tag, text in (("check", out_check), ("check --drafts", out_checkd)):
        lines = text.split("\n")
        for i, l in enumerate(lines):
            m = diag_re.match(l)
            if m:
                hint = ""
                if i + 1 < len(lines) and lines[i + 1].startswith("    "):
                    hint = lines[i + 1].strip()
                key = l
                if key in seen:
                    continue
                seen.add(key)
                diags.append((tag, m.group(4), l.replace(CONTENT + "/", ""), hint))
    n_notes = len(set(l for l in (out_check + out_checkd).split("\n") if re.search(r": note: ", l)))
    n_err = sum(1 for d in diags if d[1] == "error")
    n_warn = sum(1 for d in diags if d[1] == "warning")

    P = print
    P(f"hindsight front-matter VALUE probe 3: {len(expected)} files")
    P(f"binary: {BIN}")
    P(f"check rc={rc_check}, check --drafts rc={rc_checkd}, build rc={rc_b}, build --drafts rc={rc_bd}")
    P(f"postmortems in build: {len(pub)}; in build --drafts: {len(alld)}")
    P(f"check diagnostics (check and check --drafts, deduplicated): {n_err} errors, {n_warn} warnings, {n_notes} notes (not listed)")
    P("")
    tot = {"right": 0, "wrong": 0, "missing": 0, "inferred": 0}
    P(f"{'field':22s} {'right':>6s} {'wrong':>6s} {'missing':>8s} {'inferred':>9s}")
    for f in FIELDS:
        c = counts[f]
        for k in tot:
            tot[k] += c[k]
        P(f"{f:22s} {c['right']:6d} {c['wrong']:6d} {c['missing']:8d} {c['inferred']:9d}")
    P(f"{'TOTAL':22s} {tot['right']:6d} {tot['wrong']:6d} {tot['missing']:8d} {tot['inferred']:9d}")
    P("")
    not_built = [f for f in sorted(expected) if f not in by_src]
    if not_built:
        P("NOT IN BUILD --drafts (every field scored missing): " + ", ".join(not_built))
        P("")

    def dump(title, rows):
        P(f"== {title} ({len(rows)}) ==")
        for fname, field, line, spec, got, why in rows:
            P(f"{fname}  [{field}]")
            P(f"    written:  {line}")
            P(f"    expected: {show(spec)}" + (f"   (why: {why})" if why else ""))
            P(f"    got:      {show(got)}")
        P("")

    dump("WRONG", wrong)
    dump("MISSING", missing)
    dump("INFERRED (not scored)", inferred)
    declared = [r for r in inferred if r[2] != "(not written)"]
    P(f"== DECLARED IN FRONT MATTER YET LISTED AS INFERRED ({len(declared)}) ==")
    for fname, field, line, spec, got, why in declared:
        P(f"{fname}  [{field}]  written: {line}  ->  got {show(got)}")
    P("")
    P(f"== AMBIGUOUS VALUES (any_of / range): what the tool chose ({len(ambiguous)}) ==")
    for fname, field, line, spec, got, why, verdict in ambiguous:
        P(f"{fname}  [{field}]  written: {line}  ->  got {show(got)}  [{verdict}]")
    P("")
    P(f"== CHECK ERRORS AND WARNINGS ({n_err + n_warn}) ==")
    for tag, kind, l, hint in diags:
        P(f"[{tag}] {l}" + (f"\n        {hint}" if hint else ""))
    P("")
    other = [l for l in (out_b + out_bd).split("\n") if re.search(r": (error|warning):", l)]
    P(f"== BUILD OUTPUT problems lines (build and build --drafts, -q): {len(other)} ==")
    for l in other:
        P(l.replace(CONTENT + "/", ""))


if __name__ == "__main__":
    main()
