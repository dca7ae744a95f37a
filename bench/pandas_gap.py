#!/usr/bin/env python3
"""The gap report of FORMAT.md, written the way an analyst would in pandas.

    python3 bench/pandas_gap.py ORG.toml [--as-of YYYY-MM-DD] > out.json

Prints the same JSON object as `kompetanse gap --format json` (organisation,
as_of, mix, needs, totals). It is an independent baseline: for benchmarks
(how long does the obvious pandas approach take, how much memory does it
use) and for tests/baseline.rs, which checks that both agree need by need.

It follows FORMAT.md revision 2 (and the r3 rules that change gap
numbers: `late` is left out, it needs the schedule): known at D (rows
assessed after D ignored), expired rows set aside, the latest row wins;
each need's horizon H (its `by` when after D), people present at H
(`starts`/`leaves`), holders expiring before H renewed first (by `expires`,
then id), then the develop list, then recruitment; `renew_hours`; and each
skill's own `mix` splitting its hours (sum of hours x percent, one division).

It reads what the generator (examples/generate.rs) writes, and a bit more:
long- and wide-format assessment files, `,`/`;`/tab delimiters, BOM, level
names, interest words, ISO and `DD.MM.YYYY` dates, default need ids. It
does not validate: give it input that `kompetanse check` accepts.

Needs pandas (`pip install pandas`); nothing in the Rust build needs Python.
"""

import argparse
import datetime as dt
import json
import sys
import tomllib
from pathlib import Path

import numpy as np
import pandas as pd

DEFAULT_LEVELS = ["none", "basic", "working", "advanced", "expert"]
PRESETS = {"70-20-10": (70, 20, 10), "40-50-10": (40, 50, 10)}
PRIORITY_RANK = {"critical": 0, "high": 1, "medium": 2, "low": 3}
YES = {"yes", "true", "ja", "1", "y", "j"}
LONG_KNOWN = {"person", "skill", "level", "assessed", "expires", "source", "interest"}
WIDE_META = {"person", "id", "name", "unit", "role", "assessed"}


def iso(text):
    """A date cell as ISO text ("" for blank): `YYYY-MM-DD` or `D.M.YYYY`."""
    text = str(text).strip()
    if "." in text:
        d, m, y = text.split(".")
        return f"{int(y):04d}-{int(m):02d}-{int(d):02d}"
    return text


def iso_column(df, name):
    """Column `name` as ISO date text, "" where blank or absent."""
    if name not in df:
        return pd.Series("", index=df.index)
    return df[name].map(iso)


def mix_of(text):
    """A mix given as a preset name or "E-S-F"."""
    if text in PRESETS:
        return PRESETS[text]
    return tuple(int(x) for x in text.split("-"))


def parse_level(value, levels):
    """A level as a whole number or a level name (case-insensitive)."""
    if isinstance(value, int):
        return value
    text = str(value).strip()
    if text.isdigit():
        return int(text)
    return [name.lower() for name in levels].index(text.lower())


def read_csv(path):
    """A CSV file as strings: delimiter from the header line, BOM stripped,
    header names lower-cased, blanks kept as "" (never NaN: an id "NA" is an id)."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        header = f.readline()
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    sep = max(counts, key=counts.get) if any(counts.values()) else ","
    df = pd.read_csv(
        path,
        sep=sep,
        dtype=str,
        keep_default_na=False,
        na_filter=False,
        encoding="utf-8-sig",
        skip_blank_lines=True,
    )
    df.columns = [c.strip().lower() for c in df.columns]
    return df


def read_assessments(path, file_no, levels, skill_ids):
    """One assessment file as long rows: person, skill, level, assessed,
    expires, interest, plus (file, line) for the tie rule."""
    df = read_csv(path)
    if "skill" in df.columns:
        long = pd.DataFrame(
            {
                "person": df["person"].str.strip(),
                "skill": df["skill"].str.strip(),
                "level": df["level"],
                "assessed": iso_column(df, "assessed"),
                "expires": iso_column(df, "expires"),
                "interest": (
                    df["interest"].str.strip().str.lower().isin(YES)
                    if "interest" in df
                    else False
                ),
            }
        )
        long["line"] = np.arange(len(long))
    else:
        # Wide: one column per skill id; blank = not assessed.
        person_col = "person" if "person" in df.columns else "id"
        df = df.reset_index(drop=True)
        df["line"] = np.arange(len(df))
        if "assessed" not in df.columns:
            df["assessed"] = ""
        skill_cols = [c for c in df.columns if c in skill_ids]
        long = df.melt(
            id_vars=[person_col, "assessed", "line"],
            value_vars=skill_cols,
            var_name="skill",
            value_name="level",
        ).rename(columns={person_col: "person"})
        long = long[long["level"].str.strip() != ""]
        long["person"] = long["person"].str.strip()
        long["assessed"] = long["assessed"].map(iso)
        long["expires"] = ""
        long["interest"] = False
        # Same line order as the file: by line, then column.
        long = long.sort_values("line", kind="stable")
    level_map = {}
    for text in long["level"].unique():
        level_map[text] = parse_level(text, levels)
    long["level"] = long["level"].map(level_map).astype(np.int64)
    long["file"] = file_no
    return long[["person", "skill", "level", "assessed", "expires", "interest", "file", "line"]]


def people_from_wide(paths, skill_ids):
    """Without people.csv: people (with unit and role) from the assessment files."""
    frames = []
    for path in paths:
        df = read_csv(path)
        if "skill" in df.columns:
            frames.append(pd.DataFrame({"id": df["person"].str.strip()}))
        else:
            person_col = "person" if "person" in df.columns else "id"
            part = pd.DataFrame({"id": df[person_col].str.strip()})
            for col in ("unit", "role"):
                part[col] = df[col].str.strip() if col in df else ""
            frames.append(part)
    people = pd.concat(frames, ignore_index=True)
    for col in ("unit", "role"):
        if col not in people:
            people[col] = ""
    people = people.fillna("")
    # First appearance fixes the order; the first non-blank unit/role wins.
    first = people.drop_duplicates("id")[["id"]]
    for col in ("unit", "role"):
        known = people[people[col] != ""].drop_duplicates("id")[["id", col]]
        first = first.merge(known, on="id", how="left")
    return first.fillna("").reset_index(drop=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("org")
    ap.add_argument("--as-of", dest="as_of")
    args = ap.parse_args()

    org_path = Path(args.org)
    base = org_path.parent
    with open(org_path, "rb") as f:
        org = tomllib.load(f)

    organisation = org.get("organisation", {})
    if args.as_of:
        as_of = dt.date.fromisoformat(args.as_of)
    elif "as_of" in organisation:
        as_of = organisation["as_of"]
    else:
        as_of = dt.date.today()
    as_of_text = as_of.isoformat()

    levels = org.get("scale", {}).get("levels", DEFAULT_LEVELS)
    mix_cfg = org.get("mix", {})
    if "experience" in mix_cfg:
        mix = (mix_cfg["experience"], mix_cfg["social"], mix_cfg["formal"])
    else:
        mix = PRESETS[mix_cfg.get("preset", "70-20-10")]
    default_hours = mix_cfg.get("hours_per_level", 40)
    max_steps = mix_cfg.get("max_steps", 2)

    skills = org.get("skill", [])
    skill_ids = [s["id"] for s in skills]
    hours_per_level = {s["id"]: s.get("hours_per_level", default_hours) for s in skills}
    renew_hours = {s["id"]: s.get("renew_hours", hours_per_level[s["id"]]) for s in skills}
    skill_mix = {s["id"]: mix_of(s["mix"]) if "mix" in s else mix for s in skills}

    profiles = org.get("profiles", {})
    assessment_files = profiles.get("assessments", [])
    if isinstance(assessment_files, str):
        assessment_files = [assessment_files]
    assessment_paths = [base / p for p in assessment_files]

    # People: id, unit, role ("" for none), in file order.
    if "people" in profiles:
        people = read_csv(base / profiles["people"])
        people = pd.DataFrame(
            {
                "id": people["id"].str.strip(),
                "unit": people["unit"].str.strip() if "unit" in people else "",
                "role": people["role"].str.strip() if "role" in people else "",
                "starts": iso_column(people, "starts"),
                "leaves": iso_column(people, "leaves"),
            }
        )
    else:
        people = people_from_wide(assessment_paths, set(skill_ids))
        people["starts"] = ""
        people["leaves"] = ""

    # Assessments: drop those not known at D (assessed after it) and the
    # expired, then the latest per (person, skill). An undated row ("") sorts
    # before every date; a stable sort keeps file and line order among equal
    # dates, so keep="last" is the later row.
    rows = pd.concat(
        [
            read_assessments(p, i, levels, set(skill_ids))
            for i, p in enumerate(assessment_paths)
        ],
        ignore_index=True,
    )
    rows = rows[rows["assessed"] <= as_of_text]
    rows = rows[(rows["expires"] == "") | (rows["expires"] >= as_of_text)]
    rows = rows.sort_values(["assessed", "file", "line"], kind="stable")
    current = rows.drop_duplicates(["person", "skill"], keep="last")

    # People x skills: levels (0 = unassessed) and interest.
    level = (
        current.pivot(index="person", columns="skill", values="level")
        .reindex(index=people["id"], columns=skill_ids)
        .fillna(0)
        .astype(np.int64)
    )
    interest = (
        current.pivot(index="person", columns="skill", values="interest")
        .reindex(index=people["id"], columns=skill_ids)
        .fillna(False)
        .astype(bool)
    )
    expires = (
        current.pivot(index="person", columns="skill", values="expires")
        .reindex(index=people["id"], columns=skill_ids)
        .fillna("")
    )
    starts = people["starts"].to_numpy()
    leaves = people["leaves"].to_numpy()

    def present(day):
        """People present at `day`: started on or before it, not left before it."""
        return ((starts == "") | (starts <= day)) & ((leaves == "") | (leaves >= day))

    ids = people["id"].to_numpy()
    units = people["unit"]
    roles = people["role"].to_numpy()
    unit_masks = {}

    def in_unit(unit):
        if unit not in unit_masks:
            unit_masks[unit] = ((units == unit) | units.str.startswith(unit + "/")).to_numpy()
        return unit_masks[unit]

    def split(hours, by_mix):
        """Effort of `hours` in all, `by_mix` = {mix: hours}: each mode is
        the sum of hours x percent, divided once."""
        return {
            "total": hours,
            "experience": number(sum(h * m[0] for m, h in by_mix.items()) / 100),
            "social": number(sum(h * m[1] for m, h in by_mix.items()) / 100),
            "formal": number(sum(h * m[2] for m, h in by_mix.items()) / 100),
        }

    out_needs = []
    for need in org.get("need", []):
        skill = need["skill"]
        unit = need.get("unit")
        role = need.get("role")
        need_level = parse_level(need["level"], levels)
        count = need["count"]
        need_id = need.get("id") or f"{skill}@{unit or '*'}" + (f"#{role}" if role else "")

        by = need.get("by")
        by_text = by.isoformat() if by is not None else None
        horizon = by_text if by_text is not None and by_text > as_of_text else as_of_text

        scope = np.ones(len(people), dtype=bool)
        if unit is not None:
            scope &= in_unit(unit)
        if role is not None:
            scope &= roles == role
        now, then = present(as_of_text), present(horizon)
        leaving = int((scope & now & ~then).sum())
        arriving = int((scope & ~now & then).sum())
        mask = scope & then
        L = level[skill].to_numpy()
        E = expires[skill].to_numpy()
        expiring = (E != "") & (E < horizon)
        holders = mask & (L >= need_level)
        have = int((holders & ~expiring).sum())
        shortfall = max(0, count - have)

        renew, develop = [], []
        if shortfall > 0:
            due = pd.DataFrame(
                {"person": ids[holders & expiring], "level": L[holders & expiring], "expires": E[holders & expiring]}
            ).sort_values(["expires", "person"]).head(shortfall)
            renew = [
                {"person": p, "level": int(lv), "expires": e, "hours": renew_hours[skill]}
                for p, lv, e in zip(due["person"], due["level"], due["expires"])
            ]
            cand = mask & (L < need_level) & (L >= need_level - max_steps)
            cands = pd.DataFrame(
                {
                    "person": ids[cand],
                    "from": L[cand],
                    "interest": interest[skill].to_numpy()[cand],
                }
            )
            cands["steps"] = need_level - cands["from"]
            cands = cands.sort_values(
                ["steps", "interest", "person"], ascending=[True, False, True]
            ).head(shortfall - len(renew))
            hpl = hours_per_level[skill]
            develop = [
                {"person": p, "from": int(f), "to": need_level, "hours": int(s) * hpl}
                for p, f, s in zip(cands["person"], cands["from"], cands["steps"])
            ]
        hours = sum(r["hours"] for r in renew) + sum(d["hours"] for d in develop)
        out_needs.append(
            {
                "id": need_id,
                "skill": skill,
                "unit": unit,
                "role": role,
                "level": need_level,
                "count": count,
                "have": have,
                "shortfall": shortfall,
                "coverage": min(have, count) / count,
                "priority": need.get("priority", "medium").strip().lower(),
                "by": by_text,
                "horizon": horizon,
                "driver": need.get("driver"),
                "renew": renew,
                "develop": develop,
                "recruit_count": shortfall - len(renew) - len(develop),
                "leaving_count": leaving,
                "arriving_count": arriving,
                "effort": split(hours, {skill_mix[skill]: hours}),
                "_mix": skill_mix[skill],
            }
        )

    # Python compares str by code point, which is UTF-8 byte order.
    out_needs.sort(key=lambda n: (PRIORITY_RANK[n["priority"]], -n["shortfall"], n["id"]))
    by_mix = {}
    for n in out_needs:
        by_mix[n["_mix"]] = by_mix.get(n["_mix"], 0) + n["effort"]["total"]
        del n["_mix"]
    totals = {
        "needs_count": len(out_needs),
        "unmet": sum(1 for n in out_needs if n["shortfall"] > 0),
        "shortfall": sum(n["shortfall"] for n in out_needs),
        "renew_count": sum(len(n["renew"]) for n in out_needs),
        "develop_count": sum(len(n["develop"]) for n in out_needs),
        "recruit_count": sum(n["recruit_count"] for n in out_needs),
        "effort": split(sum(n["effort"]["total"] for n in out_needs), by_mix),
    }
    report = {
        "organisation": organisation.get("name", org_path.resolve().parent.name or "organisation"),
        "as_of": as_of_text,
        "mix": {"experience": mix[0], "social": mix[1], "formal": mix[2]},
        "needs": out_needs,
        "totals": totals,
    }
    json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def number(x):
    """Whole hours as integers (40), others as decimals (13.2), as kompetanse does."""
    return int(x) if float(x).is_integer() else x


if __name__ == "__main__":
    main()
