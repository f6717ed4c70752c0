#!/usr/bin/env python3
"""Front-matter tolerance probe: run hindsight on content/ and compare with expected.json.

  python3 bench/frontmatter-probe/compare.py [--bin PATH] [--json RESULT.json]

Runs `hindsight check content`, `hindsight build content -o OUT` and the same
with --drafts (OUT under a temp dir), then scores each field of each file:

  right    the tool's value is the expected one (or one of "any_of")
  wrong    the tool shows a value that differs from every accepted one
           (including a value shown where the expected is null: the input
           is ambiguous or absent and the tool should have left it out)
  missing  the tool left out a value that was expected
  inferred the tool took the value from the body text (listed in
           "inferred") where the front matter gives none; not scored

status is scored from presence: published = in the plain build,
draft = only in the --drafts build.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CONTENT = os.path.join(HERE, "content")
DEFAULT_BIN = os.environ.get("HINDSIGHT", "/work/main/build/generator/hindsight")
FIELDS = ["title", "date", "started", "resolved", "duration_minutes", "users_affected_pct",
          "severity", "status", "causes", "action_item_statuses"]
# front-matter keys to quote when a field goes wrong (fragments, case-insensitive)
KEYHINT = {
    "title": ["title", "name"],
    "date": ["date", "reported"],
    "started": ["start", "began", "date", "impact", "occurred", "value", "type"],
    "resolved": ["resolv", "end", "occurred", "value", "type"],
    "duration_minutes": ["duration", "time_to", "start", "end", "resolv"],
    "users_affected_pct": ["user", "impact", "percent", "share", "customer", "summary"],
    "severity": ["sev", "priority", "impact", "name", "rank"],
    "status": ["status", "draft", "published"],
    "causes": ["cause", "factor", "categor"],
    "action_item_statuses": ["status", "state", "[x]", "[ ]"],
}


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return p.returncode, p.stdout


DIAG = re.compile(r"^(?P<path>[^\s:][^:]*\.md)(?::(?P<line>\d+):(?P<col>\d+))?: (?P<level>error|warning|note): (?P<msg>.*)$")


def parse_diags(text):
    out = {}
    for line in text.splitlines():
        m = DIAG.match(line)
        if m:
            f = os.path.basename(m["path"])
            out.setdefault(f, []).append(dict(line=int(m["line"] or 0), level=m["level"], msg=m["msg"]))
    return out


def norm(field, v):
    if v is None:
        return None
    if field == "causes":
        return tuple(sorted(v)) if v else None
    if field == "action_item_statuses":
        return tuple(v) if v else None
    if field in ("duration_minutes", "users_affected_pct") and isinstance(v, (int, float)):
        return round(float(v), 2)
    return v


def accepted(exp):
    if isinstance(exp, dict) and "any_of" in exp:
        return exp["any_of"]
    return [exp]


def classify(field, exp, got, inferred):
    if exp == "skip":
        return "unscored"
    acc = [norm(field, a) for a in accepted(exp)]
    g = norm(field, got)
    if g in acc:
        return "right"
    if g is None:
        return "missing"
    if inferred and None in acc:
        return "inferred"  # front matter declares nothing (or may be left out); text inference is not scored
    return "wrong"


def fm_lines(front_matter, field):
    keys = KEYHINT[field]
    lines = []
    for i, l in enumerate(front_matter.splitlines(), 1):
        low = l.lower()
        if any(k in low for k in keys) and l.strip() not in ("---", "+++"):
            lines.append(f"{i}: {l.rstrip()}")
    return lines


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=DEFAULT_BIN)
    ap.add_argument("--json", help="write per-file results here")
    args = ap.parse_args()

    expected = json.load(open(os.path.join(HERE, "expected.json")))
    tmp = tempfile.mkdtemp(prefix="fm-probe-")
    rc_check, check_out = run([args.bin, "check", CONTENT])
    rc_build, build_out = run([args.bin, "build", CONTENT, "-o", os.path.join(tmp, "out")])
    rc_drafts, drafts_out = run([args.bin, "build", CONTENT, "-o", os.path.join(tmp, "drafts"), "--drafts"])
    print(f"check rc={rc_check}: {check_out.strip().splitlines()[-1] if check_out.strip() else ''}")
    print(f"build rc={rc_build}; build --drafts rc={rc_drafts}")

    def load(d):
        p = os.path.join(tmp, d, "postmortems.json")
        return {r["source"]: r for r in json.load(open(p))} if os.path.exists(p) else {}

    plain, drafts = load("out"), load("drafts")
    diags = parse_diags(check_out)

    tally = {f: {"right": 0, "wrong": 0, "missing": 0, "inferred": 0, "unscored": 0} for f in FIELDS}
    problems = []
    results = {}
    for fname, exp in sorted(expected.items()):
        rec = drafts.get(fname) or plain.get(fname)
        inferred = set(rec.get("inferred", [])) if rec else set()
        got = {}
        if rec:
            for f in ["title", "date", "started", "resolved", "duration_minutes", "users_affected_pct", "severity"]:
                got[f] = rec.get(f)
            got["causes"] = rec.get("causes") or []
            got["action_item_statuses"] = [a.get("status") for a in rec.get("action_items", [])]
        got["status"] = "published" if fname in plain else ("draft" if fname in drafts else None)
        res = {}
        for f in FIELDS:
            c = classify(f, exp[f], got.get(f), f in inferred)
            tally[f][c] += 1
            res[f] = dict(expected=exp[f], got=got.get(f), result=c, inferred=f in inferred)
            if c in ("wrong", "missing"):
                problems.append((fname, f, c, exp, got.get(f), f in inferred))
            if c == "inferred":
                problems.append((fname, f, c, exp, got.get(f), True))
        results[fname] = dict(fields=res, diagnostics=diags.get(fname, []))

    n_err = sum(1 for v in diags.values() for d in v if d["level"] == "error")
    n_warn = sum(1 for v in diags.values() for d in v if d["level"] == "warning")
    print(f"\nfiles: {len(expected)}  in build: {len(plain)}  in --drafts build: {len(drafts)}  "
          f"check errors: {n_err}  warnings: {n_warn}")
    print(f"\n{'field':22} {'right':>6} {'wrong':>6} {'missing':>8} {'inferred':>9} {'unscored':>9}")
    for f in FIELDS:
        t = tally[f]
        print(f"{f:22} {t['right']:6} {t['wrong']:6} {t['missing']:8} {t['inferred']:9} {t['unscored']:9}")
    tot = {k: sum(tally[f][k] for f in FIELDS) for k in ("right", "wrong", "missing", "inferred")}
    print(f"{'total':22} {tot['right']:6} {tot['wrong']:6} {tot['missing']:8} {tot['inferred']:9}")

    for kind in ("wrong", "missing", "inferred"):
        rows = [p for p in problems if p[2] == kind]
        print(f"\n== {kind.upper()} ({len(rows)})")
        for fname, f, c, exp, g, inf in rows:
            e = exp[f]
            e_s = json.dumps(e["any_of"] if isinstance(e, dict) else e)
            print(f"- {fname} [{f}] expected {'one of ' if isinstance(e, dict) else ''}{e_s}, got {json.dumps(g)}"
                  f"{' (inferred from text)' if inf else ''}")
            fl = fm_lines(exp["front_matter"], f)
            for l in fl:
                print(f"    fm {l}")
            nums = {int(l.split(":")[0]) for l in fl}
            said = [d for d in diags.get(fname, []) if d["line"] in nums or d["line"] == 0]
            for d in said:
                print(f"    tool {d['level']} (line {d['line']}): {d['msg']}")
            if not said and kind != "inferred":
                print("    tool: (no diagnostic on these lines)")
            if f in exp.get("why", {}):
                print(f"    why: {exp['why'][f]}")

    print("\n== ERRORS AND WARNINGS FROM check")
    for fname in sorted(diags):
        for d in diags[fname]:
            if d["level"] in ("error", "warning"):
                print(f"- {fname}:{d['line']}: {d['level']}: {d['msg']}")

    if args.json:
        with open(args.json, "w") as fh:
            json.dump(dict(tally=tally, files=results), fh, indent=1)


if __name__ == "__main__":
    sys.exit(main())
