#!/usr/bin/env python3
"""Runs hindsight on content/ and scores postmortems.json against expected.json.

HINDSIGHT names the binary (default /work/main/build/generator/hindsight).
The content is copied to a scratch folder first so the build cache never
lands in the repository.  Per field: right, wrong (a value shown that differs
from every fair reading), missing (no value where one was expected).  Fields
the tool lists in "inferred" came from the body and are not scored.
"""
import json, os, re, shutil, subprocess, sys, tempfile
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
BIN = os.environ.get("HINDSIGHT", "/work/main/build/generator/hindsight")
FIELDS = ["title", "date", "started", "resolved", "duration_minutes",
          "users_affected_pct", "severity", "status", "causes", "action_items"]


def run(args):
    p = subprocess.run([BIN] + args, capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def opts(v):
    return v["any_of"] if isinstance(v, dict) and "any_of" in v else [v]


def inst(s):
    if s is None:
        return None
    try:
        return datetime.fromisoformat(s.replace("Z", "+00:00")).astimezone(timezone.utc)
    except Exception:
        return s


def same(field, a, e):
    if e is None or a is None:
        return a is None and e is None
    if field in ("started", "resolved"):
        x, y = inst(a), inst(e)
        if isinstance(x, datetime) and isinstance(y, datetime):
            return abs((x - y).total_seconds()) < 1.0
        return x == y
    if field in ("duration_minutes", "users_affected_pct"):
        try:
            return abs(float(a) - float(e)) < 0.02
        except Exception:
            return False
    if field == "causes":
        return sorted(a) == sorted(e)
    if field == "title":
        return str(a).strip() == str(e).strip()
    return a == e


def score(field, actual, expected):
    if field == "causes" and actual == []:
        actual = None
    if field == "causes":
        expected = {"any_of": [None if o == [] else o for o in opts(expected)]}
    os_ = opts(expected)
    if actual is None:
        return "right" if None in os_ else "missing"
    return "right" if any(same(field, actual, o) for o in os_) else "wrong"


def main():
    expected = json.load(open(os.path.join(HERE, "expected.json"), encoding="utf-8"))
    tmp = tempfile.mkdtemp(prefix="fmprobe2-")
    src = os.path.join(tmp, "content")
    shutil.copytree(os.path.join(HERE, "content"), src)
    out = []
    p = lambda *a: out.append(" ".join(str(x) for x in a))

    rc_check, check_txt = run(["check", src])
    rc_b, b_txt = run(["build", src, "-o", os.path.join(tmp, "out")])
    rc_d, d_txt = run(["build", src, "--drafts", "-o", os.path.join(tmp, "outd")])

    def load(d):
        f = os.path.join(tmp, d, "postmortems.json")
        return {os.path.basename(r["source"]): r for r in json.load(open(f))} if os.path.exists(f) else {}
    pub, drafts = load("out"), load("outd")

    diag = []
    for line in check_txt.splitlines():
        m = re.match(r"(.*?):(\d+):(\d+): (error|warning|note): (.*)", line)
        if m:
            diag.append((os.path.basename(m.group(1)), int(m.group(2)), m.group(4), m.group(5)))
    errs = [d for d in diag if d[2] == "error"]
    warns = [d for d in diag if d[2] == "warning"]

    p(f"hindsight: {BIN}")
    p(f"files: {len(expected)}; check exit {rc_check}; build exit {rc_b}; build --drafts exit {rc_d}")
    p(f"in build: {len(pub)}; in build --drafts: {len(drafts)}")
    p(f"check: {len(errs)} errors, {len(warns)} warnings, {len(diag) - len(errs) - len(warns)} notes")
    p("")

    tally = {f: {"right": 0, "wrong": 0, "missing": 0, "inferred": 0} for f in FIELDS}
    problems = []
    inferred_rows = []
    for name, e in expected.items():
        rec = drafts.get(name) or pub.get(name)
        inferred = set(rec.get("inferred", [])) if rec else set()
        for f in FIELDS:
            if f == "status":
                actual = None if not rec else ("published" if name in pub else "draft")
                res = score(f, actual, e[f])
                tally[f][res] += 1
                if res != "right":
                    problems.append((name, f, e[f], actual, res))
                continue
            if f == "action_items":
                got = rec.get("action_items", []) if rec else []
                for i, st in enumerate(e[f]):
                    a = got[i].get("status") if i < len(got) else None
                    if f in inferred:
                        tally[f]["inferred"] += 1
                        continue
                    res = score("status_item", a, st)
                    tally[f][res] += 1
                    if res != "right":
                        problems.append((name, f"action_items[{i}].status", st, a, res))
                if len(got) > len(e[f]) and f not in inferred:
                    problems.append((name, "action_items", f"{len(e[f])} items", f"{len(got)} items", "note"))
                continue
            actual = rec.get(f) if rec else None
            if f in inferred:
                tally[f]["inferred"] += 1
                inferred_rows.append((name, f, e[f], actual))
                continue
            res = score(f, actual, e[f])
            tally[f][res] += 1
            if res != "right":
                problems.append((name, f, e[f], actual, res))

    p(f"{'field':<20}{'right':>7}{'wrong':>7}{'missing':>9}{'inferred':>10}")
    tot = {"right": 0, "wrong": 0, "missing": 0, "inferred": 0}
    for f in FIELDS:
        t = tally[f]
        p(f"{f:<20}{t['right']:>7}{t['wrong']:>7}{t['missing']:>9}{t['inferred']:>10}")
        for k in tot:
            tot[k] += t[k]
    p(f"{'total':<20}{tot['right']:>7}{tot['wrong']:>7}{tot['missing']:>9}{tot['inferred']:>10}")
    p("")
    for kind in ("wrong", "missing", "note"):
        rows = [x for x in problems if x[4] == kind]
        p(f"== {kind} ({len(rows)})")
        for name, f, ev, av, _ in rows:
            why = expected[name].get("why", {}).get(f.split("[")[0], "")
            p(f"  {name}: {f}: expected {json.dumps(ev, ensure_ascii=False)}; got {json.dumps(av, ensure_ascii=False)}" + (f"  [why: {why}]" if why else ""))
        p("")
    p(f"== taken from the body (listed in inferred; not scored) ({len(inferred_rows)})")
    for name, f, ev, av in inferred_rows:
        p(f"  {name}: {f}: front matter meant {json.dumps(ev, ensure_ascii=False)}; body gave {json.dumps(av, ensure_ascii=False)}")
    p("")
    p(f"== check errors ({len(errs)})")
    for d in errs:
        p(f"  {d[0]}:{d[1]}: {d[3]}")
    p(f"== check warnings ({len(warns)})")
    for d in warns:
        p(f"  {d[0]}:{d[1]}: {d[3]}")
    p("")
    gone = sorted(n for n in expected if n not in drafts and n not in pub)
    p("== files missing from both builds: " + (", ".join(gone) if gone else "none"))
    print("\n".join(out))
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
