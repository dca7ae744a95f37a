#!/usr/bin/env python3
"""Compare two gap reports (JSON) need by need, or run both sides first.

    python3 bench/check_baseline.py RUST.json PANDAS.json
    python3 bench/check_baseline.py ORG.toml [--bin target/release/kompetanse]

With an org.toml it runs `kompetanse gap ORG --format json -q` and
bench/pandas_gap.py on it (printing how long each took), then compares.
Exit code 0 when they agree, 1 when they differ (each difference is listed on
stderr), 2 on bad usage. Coverage is compared within 1e-12, effort hours
within 1e-9; everything else exactly, develop lists in order.
"""

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
NEED_EXACT = [
    "skill", "unit", "role", "level", "count", "have", "shortfall",
    "priority", "by", "driver", "develop", "recruit_count",
]


def close(a, b, tol):
    return isinstance(a, (int, float)) and isinstance(b, (int, float)) and abs(a - b) <= tol


def compare(rust, pandas):
    """A list of differences, empty when the reports agree."""
    diffs = []
    for key in ("organisation", "as_of", "mix"):
        if rust.get(key) != pandas.get(key):
            diffs.append(f"{key}: rust {rust.get(key)!r} vs pandas {pandas.get(key)!r}")
    rn, pn = rust["needs"], pandas["needs"]
    if [n["id"] for n in rn] != [n["id"] for n in pn]:
        diffs.append("need order differs: rust %s vs pandas %s" % (
            [n["id"] for n in rn], [n["id"] for n in pn]))
    by_id = {n["id"]: n for n in pn}
    for r in rn:
        p = by_id.get(r["id"])
        if p is None:
            diffs.append(f"need {r['id']}: only in rust")
            continue
        for key in NEED_EXACT:
            if r.get(key) != p.get(key):
                if key == "develop":
                    diffs.append(describe_develop(r["id"], r["develop"], p["develop"]))
                else:
                    diffs.append(f"need {r['id']}: {key}: rust {r.get(key)!r} vs pandas {p.get(key)!r}")
        if not close(r["coverage"], p["coverage"], 1e-12):
            diffs.append(f"need {r['id']}: coverage: rust {r['coverage']} vs pandas {p['coverage']}")
        for part in ("total", "experience", "social", "formal"):
            if not close(r["effort"][part], p["effort"][part], 1e-9):
                diffs.append(f"need {r['id']}: effort.{part}: rust {r['effort'][part]} vs pandas {p['effort'][part]}")
    for extra in sorted(set(by_id) - {n["id"] for n in rn}):
        diffs.append(f"need {extra}: only in pandas")
    rt, pt = rust["totals"], pandas["totals"]
    for key in ("needs_count", "unmet", "shortfall", "develop_count", "recruit_count"):
        if rt[key] != pt[key]:
            diffs.append(f"totals.{key}: rust {rt[key]} vs pandas {pt[key]}")
    for part in ("total", "experience", "social", "formal"):
        if not close(rt["effort"][part], pt["effort"][part], 1e-9):
            diffs.append(f"totals.effort.{part}: rust {rt['effort'][part]} vs pandas {pt['effort'][part]}")
    return diffs


def describe_develop(need, r, p):
    for i, (a, b) in enumerate(zip(r, p)):
        if a != b:
            return f"need {need}: develop[{i}]: rust {a} vs pandas {b} (lengths {len(r)} / {len(p)})"
    return f"need {need}: develop lengths: rust {len(r)} vs pandas {len(p)}"


def run(cmd):
    start = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True).stdout
    print(f"{time.perf_counter() - start:8.2f} s  {' '.join(map(str, cmd))}", file=sys.stderr)
    return json.loads(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", help="RUST.json PANDAS.json, or ORG.toml")
    ap.add_argument("--bin", default=str(HERE.parent / "target/release/kompetanse"))
    args = ap.parse_args()
    if len(args.files) == 1 and args.files[0].endswith(".toml"):
        org = args.files[0]
        rust = run([args.bin, "gap", org, "--format", "json", "-q"])
        pandas = run([sys.executable, str(HERE / "pandas_gap.py"), org])
    elif len(args.files) == 2:
        rust, pandas = (json.loads(Path(f).read_text(encoding="utf-8")) for f in args.files)
    else:
        ap.error("give RUST.json PANDAS.json, or one ORG.toml")
    diffs = compare(rust, pandas)
    for d in diffs:
        print(d, file=sys.stderr)
    n = len(rust["needs"])
    if diffs:
        print(f"{len(diffs)} differences over {n} needs", file=sys.stderr)
        sys.exit(1)
    develop = sum(len(need["develop"]) for need in rust["needs"])
    print(f"agree: {n} needs, {develop} develop entries", file=sys.stderr)


if __name__ == "__main__":
    main()
