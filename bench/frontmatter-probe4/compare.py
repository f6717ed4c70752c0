#!/usr/bin/env python3
"""Runs hindsight check / build / build --drafts on probe4/content and scores
postmortems.json against expected.json.  Writes RESULTS.txt next to this file.

HINDSIGHT names the binary (default /work/main/build/generator/hindsight).
Each field is right / wrong (a different value) / missing (expected a value,
got null/absent/empty).  Fields the tool lists in "inferred" are not scored.
"""
import json, os, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CONTENT = os.path.join(HERE, "content")
BIN = os.environ.get("HINDSIGHT", "/work/main/build/generator/hindsight")
FIELDS = ["title", "date", "started", "detected", "resolved", "duration_minutes", "users_affected_pct",
          "severity", "causes", "services", "action_items", "published"]


def run(args):
    p = subprocess.run([BIN] + args, capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout + p.stderr


def is_empty(v):
    return v is None or v == [] or v == ""


def norm_name(s):
    return re.sub(r"[\s_]+", "-", str(s).strip().lower())


def owners(s):
    if s is None:
        return None
    if isinstance(s, list):
        s = ",".join(map(str, s))
    parts = re.split(r"\s*(?:,|;|&|\band\b|/)\s*", str(s))
    return frozenset(p.strip().lstrip("@").lower() for p in parts if p.strip())


def eq_scalar(field, exp, got):
    if exp is None or got is None:
        return exp is None and got is None
    if field == "users_affected_pct" or field == "duration_minutes":
        try:
            return abs(float(exp) - float(got)) <= (0.5 if field == "users_affected_pct" else 0)
        except (TypeError, ValueError):
            return False
    if field == "title":
        return " ".join(str(exp).split()) == " ".join(str(got).split())
    return exp == got


def eq_causes(exp, got):
    got = set(got or [])
    allowed = set(exp["may"])
    for g in exp["groups"]:
        allowed |= set(g)
        if not got & set(g):
            return False
    return got <= allowed


def eq_item_sub(k, exp, got):
    alts = exp["any_of"] if isinstance(exp, dict) and "any_of" in exp else [exp]
    for e in alts:
        if k == "owner":
            if owners(e) == owners(got):
                return True
        elif k == "title":
            if e is not None and got is not None and " ".join(e.split()).lower() == " ".join(str(got).split()).lower():
                return True
        elif e == got:
            return True
    return False


def eq_items(exp, got):
    got = got or []
    if len(exp) != len(got):
        return False
    for e, g in zip(exp, got):
        for k in ("title", "owner", "status", "due"):
            if not eq_item_sub(k, e[k], g.get(k)):
                return False
    return True


def eq(field, exp, got):
    if isinstance(exp, dict) and "any_of" in exp:
        return any(eq(field, e, got) for e in exp["any_of"])
    if field == "causes":
        return eq_causes(exp, got)
    if field == "services":
        return sorted(map(norm_name, exp)) == sorted(map(norm_name, got or []))
    if field == "action_items":
        return eq_items(exp, got)
    return eq_scalar(field, exp, got)


def exp_is_empty(field, exp):
    if isinstance(exp, dict) and "any_of" in exp:
        return all(exp_is_empty(field, e) for e in exp["any_of"])
    if field == "causes":
        return not exp["groups"]
    if field == "published":
        return False
    return is_empty(exp)


def main():
    expected = json.load(open(os.path.join(HERE, "expected.json"), encoding="utf-8"))
    out = []
    rc, check_out = run(["check", CONTENT])
    diags = []
    for line in check_out.splitlines():
        m = re.match(r"^(.*?):(\d+):(\d+): (error|warning|note): (.*)$", line)
        if m:
            diags.append((os.path.basename(m.group(1)), int(m.group(2)), int(m.group(3)), m.group(4), m.group(5)))
    with tempfile.TemporaryDirectory() as t:
        rc1, b1 = run(["build", CONTENT, "-o", os.path.join(t, "pub")])
        rc2, b2 = run(["build", CONTENT, "-o", os.path.join(t, "all"), "--drafts"])
        def load(d):
            p = os.path.join(t, d, "postmortems.json")
            return {o.get("source"): o for o in json.load(open(p))} if os.path.exists(p) else {}
        pub, alld = load("pub"), load("all")
    counts = {f: {"right": 0, "wrong": 0, "missing": 0, "inferred": 0} for f in FIELDS}
    problems = []
    for fname, rec in expected.items():
        e = rec["expected"]
        o = alld.get(fname)
        lines = open(os.path.join(CONTENT, fname), encoding="utf-8").read().splitlines()
        if o is None:
            for f in FIELDS:
                counts[f]["missing"] += 1
            problems.append((fname, "*", "MISSING", "postmortem not in --drafts build", None, None))
            continue
        inferred = set(o.get("inferred") or [])
        got_all = dict(o)
        got_all["published"] = fname in pub
        for f in FIELDS:
            if f in inferred:
                counts[f]["inferred"] += 1
                continue
            exp, got = e[f], got_all.get(f)
            if eq(f, exp, got):
                counts[f]["right"] += 1
                continue
            kind = "missing" if (is_empty(got) and not exp_is_empty(f, exp)) else "wrong"
            counts[f]["wrong" if kind == "wrong" else "missing"] += 1
            problems.append((fname, f, kind.upper(), rec["notes"].get(f, ""), exp, got))
    out.append(f"binary: {BIN}")
    out.append(f"files: {len(expected)}; in build: {len(pub)}; in build --drafts: {len(alld)}")
    out.append(f"check rc={rc}: {check_out.strip().splitlines()[-1] if check_out.strip() else ''}")
    out.append(f"build rc={rc1}: {b1.strip()}")
    out.append(f"build --drafts rc={rc2}: {b2.strip()}")
    ne = sum(1 for d in diags if d[3] == "error"); nw = sum(1 for d in diags if d[3] == "warning")
    out.append(f"check: {ne} errors, {nw} warnings, {sum(1 for d in diags if d[3]=='note')} notes")
    out.append("")
    out.append(f"{'field':20} right wrong missing inferred")
    tot = {"right": 0, "wrong": 0, "missing": 0, "inferred": 0}
    for f in FIELDS:
        c = counts[f]
        for k in tot: tot[k] += c[k]
        out.append(f"{f:20} {c['right']:5} {c['wrong']:5} {c['missing']:7} {c['inferred']:8}")
    out.append(f"{'TOTAL':20} {tot['right']:5} {tot['wrong']:5} {tot['missing']:7} {tot['inferred']:8}")
    out.append("")
    out.append("== wrong / missing ==")
    for fname, f, kind, note, exp, got in problems:
        out.append(f"{kind:7} {fname} {f}: expected {json.dumps(exp, ensure_ascii=False)} got {json.dumps(got, ensure_ascii=False)}" + (f"  [{note}]" if note else ""))
    out.append("")
    out.append("== check errors and warnings ==")
    for fn, ln, col, sev, msg in diags:
        if sev in ("error", "warning"):
            src = ""
            p = os.path.join(CONTENT, fn)
            if os.path.exists(p):
                L = open(p, encoding="utf-8").read().splitlines()
                src = L[ln - 1] if 0 < ln <= len(L) else ""
            out.append(f"{fn}:{ln}:{col}: {sev}: {msg}\n    | {src}")
    out.append("")
    out.append("== check notes ==")
    for fn, ln, col, sev, msg in diags:
        if sev == "note":
            out.append(f"{fn}:{ln}:{col}: note: {msg}")
    text = "\n".join(out) + "\n"
    open(os.path.join(HERE, "RESULTS.txt"), "w", encoding="utf-8").write(text)
    print(text)


if __name__ == "__main__":
    main()
