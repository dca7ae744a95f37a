//! `gap --baseline` and `balance --baseline` (FORMAT.md r2 "Baseline", issue
//! 12): two versions of examples/virksomhet-x, deltas worked by hand, the
//! exit codes of `--fail-on-regression`, and every wrong baseline.
//! (tests/baseline.rs is the pandas cross-check, another kind of baseline.)

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use assert_cmd::cargo::CommandCargoExt;
use serde_json::{Value, json};
use tempfile::TempDir;

/// A copy of examples/virksomhet-x in a temporary folder.
fn example() -> TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/virksomhet-x");
    for entry in std::fs::read_dir(from).expect("the example") {
        let entry = entry.expect("an entry");
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).expect("copy");
    }
    dir
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::cargo_bin("kompetanse")
        .expect("the binary")
        .current_dir(dir)
        .env("KOMPETANSE_LANG", "en")
        .arg(args[0])
        .arg("org.toml")
        .arg("--quiet")
        .args(&args[1..])
        .output()
        .expect("run kompetanse")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn edit(path: PathBuf, from: &str, to: &str) {
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains(from), "{} has no {from:?}", path.display());
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
}

/// Drops every line of a file that starts with `prefix`.
fn drop_lines(path: PathBuf, prefix: &str) {
    let text = std::fs::read_to_string(&path).expect("read");
    let kept: Vec<&str> = text.lines().filter(|l| !l.starts_with(prefix)).collect();
    assert!(kept.len() < text.lines().count(), "no line {prefix:?}");
    std::fs::write(&path, kept.join("\n") + "\n").expect("write");
}

/// The example with the baselines saved, then changed:
/// - hanne.berg's regnskap 2 -> 3 (her latest assessment, in
///   assessments.csv; the matrix has an older one): regnskap-overlapp
///   (level 3, count 4, had 3) gets its 4th holder and closes;
/// - need ki-team removed (it had a shortfall of 2);
/// - need regnskap-ny added: regnskap 4, count 2 in okonomi/regnskap, held
///   by liv.aamodt alone (per.kvale is Avansert = 3): have 1, shortfall 1;
/// - henrik.bo leaves the files: dataanalyse (it/data, level 3, count 3)
///   loses one of its 3 holders, and sikkerhet-grunnmur (level 2, count
///   20, had 14) loses his informasjonssikkerhet 2.
fn changed_example() -> TempDir {
    let dir = example();
    let p = dir.path();
    for (command, file) in [("gap", "gap.json"), ("balance", "balance.json")] {
        let out = run(p, &[command, "-o", file]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    edit(
        p.join("assessments.csv"),
        "hanne.berg,regnskap,2,",
        "hanne.berg,regnskap,3,",
    );
    // ki-team's block becomes regnskap-ny's: one need gone, one new.
    edit(
        p.join("org.toml"),
        "id = \"ki-team\"\nskill = \"maskinlaering\"\nlevel = 3\ncount = 2\nunit = \"it/ki\"\npriority = \"high\"\nby = 2028-01-31\ndriver = \"selvbetjening\"\n",
        "id = \"regnskap-ny\"\nskill = \"regnskap\"\nlevel = 4\ncount = 2\nunit = \"okonomi/regnskap\"\npriority = \"medium\"\n",
    );
    drop_lines(p.join("people.csv"), "henrik.bo,");
    drop_lines(p.join("assessments.csv"), "henrik.bo,");
    dir
}

fn need<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["needs"]
        .as_array()
        .and_then(|needs| needs.iter().find(|n| n["id"] == id))
        .unwrap_or_else(|| panic!("no need {id}"))
}

fn close(a: &Value, b: f64) -> bool {
    a.as_f64().is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn gap_deltas_on_two_versions_of_the_example() {
    let dir = changed_example();
    let out = run(dir.path(), &["gap", "--baseline", "gap.json", "-f", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["schema_version"], json!(2));
    assert_eq!(v["report"], json!("gap"));

    // regnskap-overlapp: have 3 -> 4, shortfall 1 -> 0, coverage 3/4 -> 4/4.
    let b = &need(&v, "regnskap-overlapp")["baseline"];
    assert_eq!(
        (&b["have"], &b["shortfall"], &b["renew_count"]),
        (&json!(3), &json!(1), &json!(0))
    );
    assert!(close(&b["coverage"], 0.75));
    assert_eq!(b["change"]["have"], json!(1));
    assert_eq!(b["change"]["shortfall"], json!(-1));
    assert_eq!(b["change"]["renew_count"], json!(0));
    assert!(close(&b["change"]["coverage"], 0.25));

    // dataanalyse: have 3 -> 2, shortfall 0 -> 1, coverage 1 -> 2/3.
    let b = &need(&v, "dataanalyse")["baseline"];
    assert_eq!(b["change"]["have"], json!(-1));
    assert_eq!(b["change"]["shortfall"], json!(1));
    assert!(close(&b["change"]["coverage"], 2.0 / 3.0 - 1.0));

    // sikkerhet-grunnmur: have 14 -> 13 of 20, shortfall 6 -> 7,
    // coverage 0.70 -> 0.65.
    let b = &need(&v, "sikkerhet-grunnmur")["baseline"];
    assert_eq!((&b["have"], &b["shortfall"]), (&json!(14), &json!(6)));
    assert_eq!(b["change"]["shortfall"], json!(1));
    assert!(close(&b["change"]["coverage"], 0.65 - 0.70));

    // A need the baseline did not have: null; an untouched one: zeros.
    assert_eq!(need(&v, "regnskap-ny")["baseline"], Value::Null);
    assert_eq!(need(&v, "regnskap-ny")["shortfall"], json!(1));
    let b = &need(&v, "barekraft")["baseline"];
    assert_eq!(
        b["change"],
        json!({"have": 0, "shortfall": 0, "renew_count": 0, "coverage": 0.0})
    );

    // Shortfall then 25; now 25 - 1 (regnskap-overlapp) + 1 (dataanalyse)
    // + 1 (sikkerhet-grunnmur) - 2 (ki-team gone) + 1 (regnskap-ny) = 25.
    let s = &v["baseline"];
    assert_eq!(
        (&s["shortfall_then"], &s["shortfall_now"]),
        (&json!(25), &json!(25))
    );
    assert_eq!(s["as_of"], json!("2026-11-26"));
    assert_eq!(s["new"], json!(["regnskap-ny"]));
    assert_eq!(s["closed"], json!(["regnskap-overlapp"]));
    assert_eq!(s["opened"], json!(["dataanalyse"]));
    // In report order: high before medium.
    assert_eq!(
        s["regressions"],
        json!(["sikkerhet-grunnmur", "dataanalyse"])
    );
    let removed = s["removed"].as_array().expect("removed");
    assert_eq!(removed.len(), 1);
    assert_eq!(removed[0]["id"], json!("ki-team"));
    assert_eq!(removed[0]["skill"], json!("maskinlaering"));
    assert_eq!(removed[0]["shortfall"], json!(2));

    // The summary line, for people.
    let out = run(dir.path(), &["gap", "--baseline", "gap.json"]);
    assert!(
        stdout(&out).contains(
            "shortfall 25 -> 25, 1 need closed, 1 need opened, 2 worse, 1 new, 1 removed"
        )
    );
    let out = run(
        dir.path(),
        &["gap", "--baseline", "gap.json", "--lang", "nb"],
    );
    assert!(stdout(&out).contains(
        "mangel 25 -> 25, 1 behov lukket, 1 behov åpnet, 2 dårligere, 1 nytt, 1 fjernet"
    ));
}

#[test]
fn markdown_lists_regressions_first_and_counts_the_unchanged() {
    let dir = changed_example();
    let out = run(
        dir.path(),
        &["gap", "--baseline", "gap.json", "-f", "markdown"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let md = stdout(&out);
    let lines: Vec<&str> = md.lines().collect();
    // Title, blank, then the summary line.
    assert!(lines[2].starts_with("**shortfall 25 -> 25"), "{md}");
    let rows: Vec<&str> = lines
        .iter()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| Need"))
        .map(|l| l.split(" | ").next().unwrap_or("").trim_start_matches("| "))
        .collect();
    // Worse (in report order), better, new; the 13 - 4 = 9 others counted.
    assert_eq!(
        rows,
        [
            "sikkerhet-grunnmur",
            "dataanalyse",
            "regnskap-overlapp",
            "regnskap-ny"
        ]
    );
    assert!(md.contains("9 needs unchanged."), "{md}");
    assert!(md.contains("## Removed since 2026-11-26"), "{md}");
    assert!(
        md.contains("- ki-team (maskinlaering): shortfall was 2"),
        "{md}"
    );
}

#[test]
fn csv_appends_the_baseline_and_lists_removed_needs() {
    let dir = changed_example();
    let out = run(dir.path(), &["gap", "--baseline", "gap.json", "-f", "csv"]);
    let text = stdout(&out);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().expect("header").clone();
    assert_eq!(header.get(0), Some("id"));
    assert_eq!(header.iter().next_back(), Some("baseline_status"));
    let status = header
        .iter()
        .position(|h| h == "baseline_status")
        .expect("status");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let of = |id: &str| {
        rows.iter()
            .find(|r| r.get(0) == Some(id))
            .map(|r| r.get(status).unwrap_or("").to_string())
    };
    assert_eq!(of("regnskap-overlapp").as_deref(), Some("changed"));
    assert_eq!(of("barekraft").as_deref(), Some("unchanged"));
    assert_eq!(of("regnskap-ny").as_deref(), Some("new"));
    // The removed need is the last row.
    assert_eq!(rows.last().and_then(|r| r.get(0)), Some("ki-team"));
    assert_eq!(of("ki-team").as_deref(), Some("removed"));
    // Without --baseline the columns are gap's own.
    let plain = stdout(&run(dir.path(), &["gap", "-f", "csv"]));
    assert!(!plain.lines().next().unwrap_or("").contains("baseline"));
}

#[test]
fn fail_on_regression_exit_codes() {
    let dir = changed_example();
    let p = dir.path();
    let code = |args: &[&str]| run(p, args).status.code();
    // Two needs fell behind: 1, and the report is still written.
    let out = run(
        p,
        &[
            "gap",
            "--baseline",
            "gap.json",
            "--fail-on-regression",
            "-o",
            "now.json",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(p.join("now.json").exists());
    // Against itself nothing regressed: 0 (and without the flag, 0).
    assert_eq!(
        code(&["gap", "--baseline", "now.json", "--fail-on-regression"]),
        Some(0)
    );
    assert_eq!(code(&["gap", "--baseline", "gap.json"]), Some(0));
    // --fail-on trips alone too.
    assert_eq!(
        code(&[
            "gap",
            "--baseline",
            "now.json",
            "--fail-on-regression",
            "--fail-on",
            "critical"
        ]),
        Some(1)
    );
    // A bad baseline: 2. The flag without a baseline: a usage error, 2.
    std::fs::write(p.join("bad.json"), "{").expect("write");
    assert_eq!(
        code(&["gap", "--baseline", "bad.json", "--fail-on-regression"]),
        Some(2)
    );
    assert_eq!(code(&["gap", "--fail-on-regression"]), Some(2));
}

/// Every wrong baseline: exit 2, a sentence naming the file, no output file.
#[test]
fn wrong_baselines_are_errors_and_write_nothing() {
    let dir = example();
    let p = dir.path();
    assert!(run(p, &["gap", "-o", "gap.json"]).status.success());
    assert!(run(p, &["balance", "-o", "balance.json"]).status.success());
    let gap = std::fs::read_to_string(p.join("gap.json")).expect("gap.json");
    let files = [
        // Another organisation with no need of this one: the wrong file
        // (a renamed organisation, whose ids overlap, is tests/gate.rs).
        (
            "other-org.json",
            r#"{"schema_version": 1, "report": "gap", "organisation": "Nordvik kommune", "as_of": "2026-01-01", "needs": []}"#.to_string(),
        ),
        (
            "not-json.json",
            "organisation = 'Virksomhet X'\n".to_string(),
        ),
        ("truncated.json", gap[..gap.len() / 2].to_string()),
        (
            "newer.json",
            gap.replacen("\"schema_version\": 2", "\"schema_version\": 3", 1),
        ),
        ("array.json", "[1, 2]".to_string()),
    ];
    for (name, text) in &files {
        std::fs::write(p.join(name), text).expect("write");
    }
    let cases = [
        (
            "gap",
            "balance.json",
            "'balance.json' is a balance report, not a gap report",
        ),
        (
            "balance",
            "gap.json",
            "'gap.json' is a gap report, not a balance report",
        ),
        (
            "gap",
            "other-org.json",
            "'other-org.json' is for organisation 'Nordvik kommune', not 'Virksomhet X'",
        ),
        (
            "gap",
            "not-json.json",
            "not-json.json:1:1: the baseline is not JSON",
        ),
        ("gap", "truncated.json", "truncated.json:"),
        (
            "gap",
            "newer.json",
            "'newer.json' has schema_version 3, newer than",
        ),
        (
            "gap",
            "array.json",
            "'array.json' is not a kompetanse report",
        ),
    ];
    for (command, baseline, message) in cases {
        let out = run(p, &[command, "--baseline", baseline, "-o", "out.json"]);
        assert_eq!(out.status.code(), Some(2), "{baseline}: {}", stderr(&out));
        assert!(
            stderr(&out).contains(message),
            "{baseline}: {}",
            stderr(&out)
        );
        assert!(
            !p.join("out.json").exists(),
            "{baseline}: a file was written"
        );
    }
    // The truncated file's error says where it stops.
    let out = run(p, &["gap", "--baseline", "truncated.json"]);
    assert!(
        stderr(&out).contains("EOF while parsing"),
        "{}",
        stderr(&out)
    );
    // Formats and views that cannot show a comparison say so.
    for args in [
        &["gap", "--baseline", "gap.json", "-o", "out.xlsx"][..],
        &["gap", "--baseline", "gap.json", "-o", "out.html"],
        &["gap", "--baseline", "gap.json", "--by", "person"],
        &["balance", "--baseline", "balance.json", "--by", "unit"],
    ] {
        let out = run(p, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains("--baseline"), "{}", stderr(&out));
    }
    assert!(!p.join("out.xlsx").exists() && !p.join("out.html").exists());
}

/// A file from before reports named themselves (no schema_version, no
/// report, no renew lists) is read by its shape; renew then counts 0.
#[test]
fn old_style_baselines_are_accepted() {
    let dir = example();
    let p = dir.path();
    assert!(run(p, &["gap", "-o", "gap.json"]).status.success());
    let mut v: Value =
        serde_json::from_str(&std::fs::read_to_string(p.join("gap.json")).expect("read"))
            .expect("JSON");
    let top = v.as_object_mut().expect("object");
    top.remove("schema_version");
    top.remove("report");
    for n in top["needs"].as_array_mut().expect("needs") {
        n.as_object_mut().expect("need").remove("renew");
    }
    std::fs::write(p.join("old.json"), v.to_string()).expect("write");
    let out = run(
        p,
        &[
            "gap",
            "--baseline",
            "old.json",
            "-f",
            "json",
            "--fail-on-regression",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let now: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    // barekraft has one holder to renew now, none in the old file.
    let b = &need(&now, "barekraft")["baseline"];
    assert_eq!(b["renew_count"], json!(0));
    assert_eq!(b["change"]["renew_count"], json!(1));
    assert_eq!(now["baseline"]["regressions"], json!([]));
}

/// Without --baseline a report has no `baseline` keys at all.
#[test]
fn no_baseline_keys_without_baseline() {
    let dir = example();
    let out = run(dir.path(), &["gap", "-f", "json"]);
    assert!(!stdout(&out).contains("\"baseline\""));
}

fn skill<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["skills"]
        .as_array()
        .and_then(|skills| skills.iter().find(|s| s["skill"] == id))
        .unwrap_or_else(|| panic!("no skill {id}"))
}

#[test]
fn balance_deltas_and_its_regression_rule() {
    let dir = changed_example();
    let p = dir.path();
    let out = run(
        p,
        &[
            "balance",
            "--baseline",
            "balance.json",
            "-f",
            "json",
            "--fail-on-regression",
        ],
    );
    // henrik.bo's skills lost a holder at or above a level >= 1: exit 1.
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["report"], json!("balance"));

    // regnskap: hanne.berg 2 -> 3 (one fewer at 2, one more at 3), and
    // henrik.bo, unassessed in it, gone from level 0 (the balance counts
    // everyone in scope). Nobody at or above a level >= 1 is lost.
    let b = &skill(&v, "regnskap")["baseline"];
    assert_eq!(b["change"]["levels"], json!([-1, 0, -1, 1, 0]));
    assert_eq!(b["change"]["people_count"], json!(-1));

    // dataanalyse: henrik.bo was at 3; everyone else is where they were.
    let b = &skill(&v, "dataanalyse")["baseline"];
    assert_eq!(b["change"]["levels"], json!([0, 0, 0, -1, 0]));
    assert_eq!(b["change"]["people_count"], json!(-1));
    assert_eq!(b["change"]["assessed_count"], json!(-1));

    // A skill henrik.bo never had: one fewer at level 0 (everyone counts
    // there), which is not a regression (no level >= 1 lost anyone).
    let b = &skill(&v, "regnskap")["baseline"];
    let people_then = b["people_count"].as_u64().expect("people");
    let b = &skill(&v, "kundebehandling")["baseline"];
    assert_eq!(b["change"]["levels"][0], json!(-1));
    assert_eq!(b["people_count"].as_u64(), Some(people_then));

    // Exactly his three skills fell behind, in the balance's order.
    let mut worse: Vec<&str> = v["baseline"]["regressions"]
        .as_array()
        .expect("regressions")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    worse.sort_unstable();
    assert_eq!(
        worse,
        ["dataanalyse", "informasjonssikkerhet", "maskinlaering"]
    );
    assert_eq!(v["baseline"]["new"], json!([]));
    assert_eq!(v["baseline"]["removed"], json!([]));

    // For people: then -> now per level.
    let out = run(p, &["balance", "--baseline", "balance.json"]);
    let text = stdout(&out);
    assert!(text.contains("3 worse"), "{text}");
    assert!(text.contains("32 -> 31"), "{text}");
}

/// A comparison's JSON is the report's own JSON plus `baseline` keys: with
/// them taken out, it is the plain report (so the comparison's view of
/// the report's fields cannot drift from the report).
#[test]
fn a_comparison_is_the_report_plus_baseline_keys() {
    let dir = changed_example();
    for (command, baseline, rows) in [
        ("gap", "gap.json", "needs"),
        ("balance", "balance.json", "skills"),
    ] {
        let plain = run(dir.path(), &[command, "-f", "json"]);
        let plain: Value = serde_json::from_slice(&plain.stdout).expect("JSON");
        let compared = run(dir.path(), &[command, "-f", "json", "--baseline", baseline]);
        let mut compared: Value = serde_json::from_slice(&compared.stdout).expect("JSON");
        let top = compared.as_object_mut().expect("object");
        assert!(top.remove("baseline").is_some());
        for row in top[rows].as_array_mut().expect("rows") {
            assert!(
                row.as_object_mut()
                    .expect("row")
                    .remove("baseline")
                    .is_some()
            );
        }
        assert_eq!(compared, plain, "{command}");
    }
}
