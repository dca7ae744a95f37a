#!/usr/bin/env python3
"""The core numbers of the gap report, computed by DuckDB in SQL.

    python3 bench/duckdb_gap.py ORG.toml [--threads N] > out.json

Reads what the generator (examples/generate.rs) writes: people.csv
(id, unit, role) and one long-format assessments.csv (person, skill,
level, assessed, interest), and the needs of org.toml. One SQL query
(bench/duckdb_gap.sql) applies FORMAT.md's rules the generated data
exercises: rows assessed after D are not known; the latest row of each
person and skill wins (on a tie, the later row); a need's scope is its
unit subtree and role; have = in scope at or above the level; shortfall
= max(0, count - have); develop = the candidates within `max_steps`
levels, at most the shortfall; recruit = the rest.

Prints {"needs": [{id, have, shortfall, develop, recruit}, ...]} in need
id order; bench/compare.sh checks these numbers against
`kompetanse gap --format json` on every run (bench/check_duckdb.py).
It does not validate: give it generated input. Needs `pip install duckdb`.
"""

import argparse
import json
import sys
import tomllib
from pathlib import Path

import duckdb


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("org")
    parser.add_argument("--threads", type=int, default=0, help="0: DuckDB's default")
    args = parser.parse_args()
    org_path = Path(args.org)
    org = tomllib.loads(org_path.read_text(encoding="utf-8"))
    base = org_path.parent
    profiles = org["profiles"]
    people = base / profiles["people"]
    assessments = [base / a for a in profiles["assessments"]]
    if len(assessments) != 1:
        sys.exit("duckdb_gap.py reads one assessment file")
    as_of = str(org["organisation"]["as_of"])
    max_steps = org.get("policy", {}).get("max_steps", 2)

    con = duckdb.connect()
    if args.threads:
        con.execute(f"SET threads = {args.threads}")
    needs = [
        (
            n["id"],
            n["skill"],
            int(n["level"]),
            int(n.get("count", 1)),
            n.get("unit"),
            n.get("role"),
        )
        for n in org.get("need", [])
    ]
    con.execute(
        "CREATE TABLE needs (id VARCHAR, skill VARCHAR, level INTEGER, count INTEGER,"
        " unit VARCHAR, role VARCHAR)"
    )
    con.executemany("INSERT INTO needs VALUES (?, ?, ?, ?, ?, ?)", needs)
    sql = (Path(__file__).parent / "duckdb_gap.sql").read_text(encoding="utf-8")
    sql = (
        sql.replace("$people", str(people).replace("'", "''"))
        .replace("$assessments", str(assessments[0]).replace("'", "''"))
        .replace("$as_of", as_of)
        .replace("$max_steps", str(int(max_steps)))
    )
    rows = con.execute(sql).fetchall()
    out = [
        {"id": i, "have": h, "shortfall": s, "develop": d, "recruit": r}
        for (i, h, s, d, r) in rows
    ]
    json.dump({"needs": out}, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
