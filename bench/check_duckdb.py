#!/usr/bin/env python3
"""Do `kompetanse gap --format json` and bench/duckdb_gap.py agree?

    python3 bench/check_duckdb.py GAP.json DUCKDB.json

Compares each need's have, shortfall, develop (the length of its develop
list plus its renew list: generated data has no expiry, so renew is
empty) and recruit. Prints the differences (at most 10) to stderr and a
summary as the last line; exit 1 when any number differs.
"""

import json
import sys


def main():
    gap = json.load(open(sys.argv[1], encoding="utf-8"))
    duck = json.load(open(sys.argv[2], encoding="utf-8"))
    ours = {
        n["id"]: {
            "have": n["have"],
            "shortfall": n["shortfall"],
            "develop": len(n["develop"]) + len(n["renew"]),
            "recruit": n["recruit_count"],
        }
        for n in gap["needs"]
    }
    theirs = {n["id"]: {k: n[k] for k in ("have", "shortfall", "develop", "recruit")} for n in duck["needs"]}
    diffs = []
    for need in sorted(set(ours) | set(theirs)):
        a, b = ours.get(need), theirs.get(need)
        if a != b:
            diffs.append(f"{need}: kompetanse {a} duckdb {b}")
    for d in diffs[:10]:
        print(d, file=sys.stderr)
    print(f"{len(ours)} needs, {len(diffs)} different", file=sys.stderr)
    sys.exit(1 if diffs else 0)


if __name__ == "__main__":
    main()
