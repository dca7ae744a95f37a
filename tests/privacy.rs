//! Personal data (issue 13, item 11): `--pseudonymize` leaves no person id
//! or name in any output of any command in any format (stdout, stderr,
//! workbooks read back), keeps every number, and gives the same pseudonyms
//! for the same salt; `--min-group` suppresses small units' aggregates.

use std::collections::BTreeSet;
use std::io::Cursor;
use std::process::{Command, Output};

use assert_cmd::cargo::CommandCargoExt;
use calamine::{Reader, Xlsx};
use serde_json::Value;

const X: &str = "examples/virksomhet-x/org.toml";
const TINY: &str = "examples/tiny/org.toml";
const AS_OF: &str = "2026-11-26";
const SALT: &str = "en-hemmelig-nokkel-2026";
const OTHER_SALT: &str = "another-secret-key-2026";

/// Runs the binary with `KOMPETANSE_SALT` set to `salt` (or unset).
fn run_with(salt: Option<&str>, args: &[&str]) -> Output {
    let mut cmd = Command::cargo_bin("kompetanse").unwrap();
    cmd.args(args)
        .args(["--as-of", AS_OF])
        .env_remove("KOMPETANSE_SALT");
    if let Some(salt) = salt {
        cmd.env("KOMPETANSE_SALT", salt);
    }
    cmd.output().unwrap()
}

fn ok(salt: Option<&str>, args: &[&str]) -> Output {
    let out = run_with(salt, args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn json(salt: Option<&str>, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json", "-q"]);
    serde_json::from_slice(&ok(salt, &all).stdout).unwrap()
}

/// Ids and names from an example's people.csv (`id,name,...`).
fn people(dir: &str) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(format!("{dir}/people.csv")).unwrap();
    text.lines()
        .skip(1)
        .map(|l| {
            let mut f = l.split(',');
            (f.next().unwrap().to_string(), f.next().unwrap().to_string())
        })
        .collect()
}

/// Everything a run shows a reader: stdout (a workbook's cells and sheet
/// names, read back) and stderr.
fn shown(args: &[&str], out: &Output) -> String {
    let mut text = String::from_utf8_lossy(&out.stderr).into_owned();
    if args.contains(&"xlsx") {
        let mut book = Xlsx::new(Cursor::new(out.stdout.clone())).unwrap();
        for name in book.sheet_names() {
            text.push_str(&name);
            let range = book.worksheet_range(&name).unwrap();
            for row in range.rows() {
                for cell in row {
                    text.push('\t');
                    text.push_str(&cell.to_string());
                }
            }
        }
    } else {
        text.push_str(&String::from_utf8_lossy(&out.stdout));
    }
    text
}

/// The ids (as whole words: tiny's are short) and names found in `text`.
fn found(text: &str, people: &[(String, String)]) -> Vec<String> {
    let word = |c: char| c.is_alphanumeric() || c == '.' || c == '_' || c == '-';
    let words: BTreeSet<&str> = text.split(|c: char| !word(c)).collect();
    let mut hits = Vec::new();
    for (id, name) in people {
        if words.contains(id.as_str()) {
            hits.push(id.clone());
        }
        if text.contains(name.as_str()) {
            hits.push(name.clone());
        }
    }
    hits
}

/// Every command that reports people, with an id given where one is asked.
fn commands<'a>(org: &'a str, someone: &'a str) -> Vec<Vec<&'a str>> {
    let mut list: Vec<Vec<&str>> = vec![
        vec!["gap", org],
        vec!["gap", org, "--by", "person"],
        vec!["gap", org, "--by", "person", "--person", someone],
        vec!["gap", org, "--by", "unit"],
        vec!["gap", org, "--by", "skill"],
        vec!["gap", org, "--by", "driver"],
        vec!["gap", org, "--without", someone],
        vec!["plan", org],
        vec!["plan", org, "--person", someone],
        vec!["plan", org, "--mentor", someone],
        vec!["balance", org, "--expiring", "3650"],
        vec!["balance", org, "--by", "unit"],
        vec!["progress", org, "--since", "2025-01-01"],
        vec!["market", org],
    ];
    let formats = ["table", "json", "csv", "markdown", "xlsx", "html"];
    let mut all = Vec::new();
    for c in list.drain(..) {
        for f in formats {
            let mut args = c.clone();
            args.extend(["--format", f]);
            all.push(args);
        }
        let mut excel = c.clone();
        excel.extend(["--format", "csv", "--csv-dialect", "excel"]);
        all.push(excel);
    }
    for f in ["html", "json", "xlsx"] {
        all.push(vec!["report", org, "--format", f]);
    }
    all.push(vec!["report", org, "--since", "2025-01-01"]);
    all
}

fn no_one_is_named(dir: &str, org: &str, someone: &str) {
    let people = people(dir);
    let mut seen_plain = BTreeSet::new();
    for args in commands(org, someone) {
        let plain = ok(None, &args);
        seen_plain.extend(found(&shown(&args, &plain), &people));
        let mut pseudo = args.clone();
        pseudo.push("--pseudonymize");
        let out = ok(Some(SALT), &pseudo);
        let hits = found(&shown(&args, &out), &people);
        assert!(hits.is_empty(), "{pseudo:?} shows {hits:?}");
    }
    // The check can fail: without --pseudonymize every person is shown
    // somewhere (by id, and by name where people.csv gives one).
    for (id, name) in &people {
        assert!(seen_plain.contains(id), "{id} is never shown: a weak check");
        assert!(
            seen_plain.contains(name),
            "{name} is never shown: a weak check"
        );
    }
}

#[test]
fn pseudonymised_outputs_name_no_one_in_virksomhet_x() {
    no_one_is_named("examples/virksomhet-x", X, "liv.aamodt");
}

#[test]
fn pseudonymised_outputs_name_no_one_in_tiny() {
    no_one_is_named("examples/tiny", TINY, "ada");
}

/// Every pseudonym in a value (strings shaped `p-` and 16 hex digits).
fn pseudonyms(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::String(s) if s.len() == 18 && s.starts_with("p-") => {
            out.insert(s.clone());
        }
        Value::Array(a) => a.iter().for_each(|x| pseudonyms(x, out)),
        Value::Object(o) => o.values().for_each(|x| pseudonyms(x, out)),
        _ => {}
    }
}

fn all_pseudonyms(salt: &str, args: &[&str]) -> BTreeSet<String> {
    let mut all = args.to_vec();
    all.push("--pseudonymize");
    let mut set = BTreeSet::new();
    pseudonyms(&json(Some(salt), &all), &mut set);
    set
}

#[test]
fn the_same_salt_gives_the_same_pseudonyms_in_every_run_and_command() {
    let plan = all_pseudonyms(SALT, &["plan", X]);
    assert!(plan.len() > 10, "{plan:?}");
    assert_eq!(plan, all_pseudonyms(SALT, &["plan", X]), "a second run");
    // gap's develop and renew lists are people with plans: they join.
    let gap = all_pseudonyms(SALT, &["gap", X]);
    assert!(!gap.is_empty() && gap.is_subset(&plan), "{gap:?}");
    // Another salt: none of them.
    let other = all_pseudonyms(OTHER_SALT, &["plan", X]);
    assert_eq!(other.len(), plan.len());
    assert!(other.is_disjoint(&plan));
    // --salt on the command line is the same key as the variable.
    let mut by_option = BTreeSet::new();
    let v = json(None, &["plan", X, "--pseudonymize", "--salt", SALT]);
    pseudonyms(&v, &mut by_option);
    assert_eq!(by_option, plan);
}

#[test]
fn a_person_is_named_on_the_command_line_by_id_or_by_pseudonym() {
    let by_id = json(
        Some(SALT),
        &["plan", X, "--pseudonymize", "--person", "liv.aamodt"],
    );
    let who = by_id["plans"][0]["person"].as_str().unwrap().to_string();
    assert!(who.starts_with("p-"), "{who}");
    let by_pseudonym = json(Some(SALT), &["plan", X, "--pseudonymize", "--person", &who]);
    assert_eq!(by_id, by_pseudonym);
    // An unknown one is a usage error that does not echo the id.
    let out = run_with(
        Some(SALT),
        &["plan", X, "--pseudonymize", "--person", "liv.aamot"],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("liv.aam"), "{err}");
    let out = run_with(
        Some(SALT),
        &["gap", X, "--pseudonymize", "--without", "liv.aamot"],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("[hidden]") && !err.contains("liv.aam"),
        "{err}"
    );
}

#[test]
fn without_a_salt_pseudonymize_is_a_usage_error() {
    let out = run_with(None, &["gap", TINY, "--pseudonymize"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("KOMPETANSE_SALT") && err.contains("--salt"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
    // A salt too short to keep the ids secret.
    let out = run_with(Some("kort"), &["gap", TINY, "--pseudonymize"]);
    assert_eq!(out.status.code(), Some(2));
    // --salt alone does nothing, and says so.
    let out = run_with(None, &["gap", TINY, "--salt", SALT]);
    assert_eq!(out.status.code(), Some(2));
}

/// `v` with every pseudonym, id and name replaced by "*", and arrays of
/// objects sorted: pseudonyms sort differently from ids.
fn numbers_only(v: &Value) -> Value {
    match v {
        // A name is null with pseudonyms: like any text, it is not a number.
        Value::String(_) | Value::Null => Value::String("*".into()),
        Value::Array(a) => {
            let mut items: Vec<Value> = a.iter().map(numbers_only).collect();
            items.sort_by_key(|x| x.to_string());
            Value::Array(items)
        }
        Value::Object(o) => Value::Object(
            o.iter()
                .map(|(k, x)| (k.clone(), numbers_only(x)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Every number is the same with pseudonyms. Plans are compared by their
/// summary: who of several equally suited people (same steps, same
/// interest) is proposed is decided by id, so by pseudonym here, and may
/// be another of them; what it adds up to is the same.
#[test]
fn every_number_is_the_same_with_pseudonyms() {
    for (args, part) in [
        (vec!["gap", X], ""),
        (vec!["gap", X, "--by", "person"], ""),
        (vec!["gap", X, "--by", "unit"], ""),
        (vec!["plan", X], "/summary"),
        (vec!["balance", X, "--by", "unit"], ""),
        (vec!["report", X], "/coverage_map"),
        (vec!["report", X], "/balance"),
        (vec!["market", X], "/skills/0/learners"),
        (vec!["progress", X, "--since", "2025-01-01"], ""),
    ] {
        let plain = json(None, &args);
        let mut pseudo = args.clone();
        pseudo.push("--pseudonymize");
        let pseudo = json(Some(SALT), &pseudo);
        assert_eq!(plain["totals"], pseudo["totals"], "{args:?}");
        assert_eq!(
            numbers_only(&plain.pointer(part).unwrap().clone()),
            numbers_only(&pseudo.pointer(part).unwrap().clone()),
            "{args:?} {part}"
        );
    }
}

#[test]
fn messages_about_an_invalid_organisation_name_no_one() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["org.toml", "people.csv", "assessments.csv"] {
        std::fs::copy(format!("examples/tiny/{f}"), dir.path().join(f)).unwrap();
    }
    let path = dir.path().join("assessments.csv");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("adaa,rust,3,2026-01-01,,Ada Lovelace,\nAda Lovelace,rust,3,2026-01-01,,,\n");
    std::fs::write(&path, text).unwrap();
    let org = dir.path().join("org.toml");
    let org = org.to_str().unwrap();
    let plain = run_with(None, &["gap", org]);
    let err = String::from_utf8_lossy(&plain.stderr);
    // FORMAT.md r3: an unknown person never gets another person's id.
    assert!(err.contains("'adaa'") && !err.contains("'ada'"), "{err}");
    let out = run_with(Some(SALT), &["gap", org, "--pseudonymize"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(found(&err, &people("examples/tiny")).is_empty(), "{err}");
    assert!(!err.contains("adaa"), "{err}");
    assert!(err.contains("unknown person '[hidden]'"), "{err}");
}

#[test]
fn a_unit_of_two_is_suppressed_at_three_and_nothing_is_at_one() {
    // Tiny: app has 4 people (ada, bo, cy, dag), kunde 2 (eva, fro).
    let balance = json(None, &["balance", TINY, "--by", "unit", "--min-group", "3"]);
    let units = balance["units"].as_array().unwrap();
    let kunde = units.iter().find(|u| u["unit"] == "kunde").unwrap();
    assert_eq!(kunde["suppressed"], true);
    assert_eq!(kunde["people_count"], 2, "the headcount says why");
    assert_eq!(kunde["skills"][0]["levels"], Value::Null);
    assert_eq!(kunde["skills"][0]["median"], Value::Null);
    // Issue 27, F7 b: the organisation's rows (6 people) minus app's (4)
    // would give kunde's back: app is hidden too, the organisation being
    // the root every top-level unit adds up to.
    let app = units.iter().find(|u| u["unit"] == "app").unwrap();
    assert_eq!(app["suppressed"], true);
    assert_eq!(app["skills"][0]["median"], Value::Null);
    assert_eq!(balance["skills"][0]["people_count"], 6);

    let csv = ok(
        None,
        &[
            "balance",
            TINY,
            "--by",
            "unit",
            "--min-group",
            "3",
            "--format",
            "csv",
            "-q",
        ],
    );
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(
        csv.contains("\nkunde,rust,Rust programming,,specialist,2,,,,,,,,,,,\n"),
        "{csv}"
    );
    let table = ok(
        None,
        &["balance", TINY, "--by", "unit", "--min-group", "3", "-q"],
    );
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(
        table.contains("kunde (2 people)\nsuppressed: fewer people than --min-group"),
        "{table}"
    );

    // gap --by unit: kunde's one need (kundedialog@kunde) is kunde's group.
    let gap = json(None, &["gap", TINY, "--by", "unit", "--min-group", "3"]);
    let group = gap["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["key"] == "kunde")
        .unwrap();
    assert_eq!(group["suppressed"], true);
    assert_eq!(group["shortfall"], Value::Null);
    assert_eq!(group["effort"], Value::Null);

    // report lists needs and people of every unit: refused (F7 d).
    let out = run_with(None, &["report", TINY, "--min-group", "3", "-q"]);
    assert_eq!(out.status.code(), Some(2));

    // N = 1 (the default) changes no byte.
    for args in [
        vec!["balance", TINY, "--by", "unit", "--format", "json"],
        vec!["gap", TINY, "--by", "unit", "--format", "csv"],
        vec!["report", TINY, "--format", "json"],
        vec!["report", TINY],
    ] {
        let mut one = args.clone();
        one.extend(["--min-group", "1"]);
        assert_eq!(ok(None, &args).stdout, ok(None, &one).stdout, "{args:?}");
    }
}

/// Issue 27, F13: a profile file or sheet named after a person
/// (`vurdering-kari-nordmann.csv`, `kartlegging.xlsx#Kari Nordmann`) is
/// shown under `--pseudonymize` by its place in org.toml, never by name,
/// in messages and in outputs.
#[test]
fn profile_files_and_sheets_named_after_people_are_shown_by_place() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["org.toml", "people.csv", "assessments.csv"] {
        std::fs::copy(format!("examples/tiny/{f}"), dir.path().join(f)).unwrap();
    }
    let csv = std::fs::read_to_string(dir.path().join("assessments.csv")).unwrap();
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    // The first data row goes to a workbook sheet named after a person,
    // with a stale date so a warning points at it; the rest stay in CSV.
    let first: Vec<String> = lines.next().unwrap().split(',').map(String::from).collect();
    let rest: Vec<&str> = lines.collect();
    std::fs::write(
        dir.path().join("vurdering-kari-nordmann.csv"),
        format!("{}\n{}\n", header.join(","), rest.join("\n")),
    )
    .unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("Oversikt").unwrap();
    let ws = book.add_worksheet();
    ws.set_name("Kari Nordmann").unwrap();
    for (c, h) in header.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (c, v) in first.iter().enumerate() {
        let v = if c == 3 { "2020-01-01" } else { v.as_str() };
        ws.write_string(1, c as u16, v).unwrap();
    }
    book.save(dir.path().join("kartlegging.xlsx")).unwrap();
    std::fs::remove_file(dir.path().join("assessments.csv")).unwrap();
    let org = dir.path().join("org.toml");
    let toml = std::fs::read_to_string(&org).unwrap().replace(
        "assessments = [\"assessments.csv\"]",
        "assessments = [\"vurdering-kari-nordmann.csv\", \"kartlegging.xlsx#Kari Nordmann\"]\n",
    );
    std::fs::write(&org, toml).unwrap();
    let org = org.to_str().unwrap();

    // Named without --pseudonymize: the check can fail.
    let plain = ok(None, &["report", org, "--format", "html"]);
    let err = String::from_utf8_lossy(&plain.stderr);
    assert!(err.contains("kartlegging.xlsx#Kari Nordmann"), "{err}");
    let mut leaks = Vec::new();
    for args in commands(org, "ada") {
        let mut pseudo = args.clone();
        pseudo.push("--pseudonymize");
        let out = ok(Some(SALT), &pseudo);
        let text = shown(&args, &out).to_lowercase();
        if text.contains("kari") || text.contains("nordmann") {
            leaks.push(format!("{pseudo:?}"));
        }
    }
    assert!(leaks.is_empty(), "named: {leaks:?}");
    let out = ok(Some(SALT), &["gap", org, "--pseudonymize"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("assessments[2]#sheet2:2"), "{err}");

    // A sheet not found lists no sheet names.
    let toml = std::fs::read_to_string(dir.path().join("org.toml"))
        .unwrap()
        .replace("#Kari Nordmann", "#Kari Nordman");
    std::fs::write(dir.path().join("org.toml"), toml).unwrap();
    let out = run_with(Some(SALT), &["gap", org, "--pseudonymize"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr).to_lowercase();
    assert!(!err.contains("kari") && !err.contains("nordman"), "{err}");
    assert!(err.contains("assessments[2]"), "{err}");
}

/// Issue 27, F7: `--min-group` was bypassed within one output: (a) a
/// total equal to the one suppressed group, (b) the organisation's rows
/// minus the shown units (tiny: above), (c) `--unit U` printing U's own
/// aggregate, (d) views listing a small unit's needs, people and levels.
#[test]
fn min_group_is_not_bypassed_by_totals_scopes_or_other_views() {
    // (a) The only need is kunde's (2 people): gap --by unit's total is
    // that group's. Refused, since there is nothing to hide it among.
    let dir = tempfile::tempdir().unwrap();
    for f in ["people.csv", "assessments.csv"] {
        std::fs::copy(format!("examples/tiny/{f}"), dir.path().join(f)).unwrap();
    }
    let toml = std::fs::read_to_string("examples/tiny/org.toml").unwrap();
    let only_kunde = toml
        .split("[[need]]")
        .enumerate()
        .filter(|(i, part)| *i == 0 || part.contains("unit = \"kunde\""))
        .map(|(_, part)| part)
        .collect::<Vec<_>>()
        .join("[[need]]");
    assert!(only_kunde.contains("unit = \"kunde\""), "{only_kunde}");
    std::fs::write(dir.path().join("org.toml"), &only_kunde).unwrap();
    let org = dir.path().join("org.toml");
    let org = org.to_str().unwrap();
    let plain = json(None, &["gap", org, "--by", "unit"]);
    assert_eq!(plain["groups"].as_array().unwrap().len(), 1, "{plain}");
    let out = run_with(
        None,
        &["gap", org, "--by", "unit", "--min-group", "3", "-q"],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("--min-group 3") && err.contains("total"),
        "{err}"
    );
    assert!(out.stdout.is_empty());

    // (a) With the whole organisation's needs too, that group is hidden
    // last (a group of everyone), so the total gives back no unit alone.
    let with_whole = toml
        .split("[[need]]")
        .enumerate()
        .filter(|(i, part)| *i == 0 || !part.contains("unit = \"app\""))
        .map(|(_, part)| part)
        .collect::<Vec<_>>()
        .join("[[need]]");
    std::fs::write(dir.path().join("org.toml"), &with_whole).unwrap();
    let gap = json(None, &["gap", org, "--by", "unit", "--min-group", "3"]);
    let groups = gap["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 2, "{gap}");
    for group in groups {
        assert_eq!(group["suppressed"], true, "{group}");
    }

    // (c) A scope smaller than N is refused, whatever the view.
    for args in [
        vec!["balance", TINY, "--unit", "kunde", "--min-group", "3"],
        vec![
            "balance",
            TINY,
            "--unit",
            "kunde",
            "--by",
            "unit",
            "--min-group",
            "3",
        ],
        vec![
            "gap",
            TINY,
            "--unit",
            "kunde",
            "--by",
            "unit",
            "--min-group",
            "3",
        ],
        vec!["balance", TINY, "--min-group", "7"],
    ] {
        let out = run_with(None, &args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("fewer than --min-group"), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    ok(
        None,
        &["balance", TINY, "--unit", "app", "--min-group", "3"],
    );

    // (d) Views that list needs, people and levels are refused with it...
    for args in [
        vec!["gap", TINY],
        vec!["gap", TINY, "--by", "person"],
        vec!["gap", TINY, "--by", "skill"],
        vec!["gap", TINY, "--by", "driver"],
        vec!["plan", TINY],
        vec!["market", TINY],
        vec!["progress", TINY, "--since", "2025-01-01"],
        vec!["report", TINY],
    ] {
        let mut with = args.clone();
        with.extend(["--min-group", "3"]);
        let out = run_with(None, &with);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{with:?}: {err}");
        assert!(err.contains("--min-group protects only"), "{err}");
        let mut one = args.clone();
        one.extend(["--min-group", "1"]);
        ok(None, &one);
    }
    // ...and balance lists no person under it.
    let balance = json(
        None,
        &["balance", TINY, "--min-group", "3", "--expiring", "3650"],
    );
    let freshness = &balance["freshness"];
    for list in ["oldest", "expired_assessments", "expiring"] {
        assert_eq!(freshness[list], serde_json::json!([]), "{list}");
    }
    for key in balance["key_people"].as_array().unwrap() {
        assert_eq!(key["people"], serde_json::json!([]), "{key}");
    }
    let plain = json(None, &["balance", TINY, "--expiring", "3650"]);
    assert_ne!(plain["freshness"]["oldest"], serde_json::json!([]));
}
