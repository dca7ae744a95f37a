//! The gate that holds (issue 30; issue 27, F8): `--fail-on-regression
//! [=PRIORITY]` against a baseline of examples/virksomhet-x. Each of the
//! five ways to redefine a critical need under its id (removed, renamed,
//! downgraded, lowered, rescoped) fails `=critical` and passes with
//! `--allow-redefined`; a medium need's regression never fails the
//! critical gate; a filter never makes a need "removed"; a renamed
//! organisation and a missing baseline are warnings, not errors.

use std::path::Path;
use std::process::{Command, Output};

use assert_cmd::cargo::CommandCargoExt;
use serde_json::{Value, json};
use tempfile::TempDir;

/// A copy of examples/virksomhet-x with `gap.json` (the whole gap report)
/// saved as the baseline.
fn example() -> TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/virksomhet-x");
    for entry in std::fs::read_dir(from).expect("the example") {
        let entry = entry.expect("an entry");
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).expect("copy");
    }
    let out = run(dir.path(), &["gap", "-o", "gap.json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    dir
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::cargo_bin("kompetanse")
        .expect("the binary")
        .current_dir(dir)
        .env("KOMPETANSE_LANG", "en")
        .arg(args[0])
        .arg("org.toml")
        .args(&args[1..])
        .output()
        .expect("run kompetanse")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn edit(dir: &Path, from: &str, to: &str) {
    let path = dir.join("org.toml");
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains(from), "org.toml has no {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
}

/// The critical need every case redefines, as org.toml writes it.
const SKY: &str = r#"[[need]]
id = "sky-plattform"
skill = "kubernetes"
level = 3
count = 4
unit = "it/plattform"
priority = "critical"
by = 2027-06-30
driver = "sky"
"#;

/// `gap --baseline gap.json` with `extra` options: the exit code and JSON.
fn compare(dir: &Path, extra: &[&str]) -> (Option<i32>, Value) {
    let mut args = vec!["gap", "--quiet", "--baseline", "gap.json", "-f", "json"];
    args.extend_from_slice(extra);
    let out = run(dir, &args);
    let v: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("JSON ({e}): {}", stderr(&out)));
    (out.status.code(), v)
}

fn need<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["needs"]
        .as_array()
        .and_then(|needs| needs.iter().find(|n| n["id"] == json!(id)))
        .unwrap_or_else(|| panic!("no need {id}"))
}

/// One redefinition: fails `=critical` (and the plain gate), names the
/// need in `gate.failing`, and passes with `--allow-redefined`.
fn fails_the_critical_gate(change: &str, to: &str, failing: &str) -> Value {
    let dir = example();
    edit(dir.path(), SKY, to);
    let (code, v) = compare(dir.path(), &["--fail-on-regression=critical"]);
    assert_eq!(code, Some(1), "{change}: {v}");
    let gate = &v["baseline"]["gate"];
    assert_eq!(gate["priority"], json!("critical"), "{change}");
    assert_eq!(gate["allow_redefined"], json!(false), "{change}");
    assert_eq!(gate["failing"], json!([failing]), "{change}");
    let (code, _) = compare(dir.path(), &["--fail-on-regression"]);
    assert_eq!(code, Some(1), "{change}: the plain gate");
    let (code, allowed) = compare(
        dir.path(),
        &["--fail-on-regression=critical", "--allow-redefined"],
    );
    assert_eq!(code, Some(0), "{change}: --allow-redefined: {allowed}");
    assert_eq!(
        allowed["baseline"]["gate"]["failing"],
        json!([]),
        "{change}"
    );
    // Without --fail-on-regression the comparison only reports.
    assert_eq!(compare(dir.path(), &[]).0, Some(0), "{change}");
    v
}

#[test]
fn a_removed_critical_need_fails_the_gate() {
    let v = fails_the_critical_gate("removed", "", "sky-plattform");
    let removed = &v["baseline"]["removed"];
    assert_eq!(removed[0]["id"], json!("sky-plattform"), "{v}");
    assert_eq!(removed[0]["priority"], json!("critical"));
}

#[test]
fn a_renamed_critical_need_is_removed_plus_new_and_fails_the_gate() {
    let v = fails_the_critical_gate(
        "renamed",
        &SKY.replace("\"sky-plattform\"", "\"sky-plattform-2\""),
        "sky-plattform",
    );
    assert_eq!(v["baseline"]["new"], json!(["sky-plattform-2"]));
    assert_eq!(v["baseline"]["removed"][0]["id"], json!("sky-plattform"));
}

#[test]
fn a_downgraded_critical_need_fails_the_gate() {
    let v = fails_the_critical_gate(
        "downgraded",
        &SKY.replace("\"critical\"", "\"high\""),
        "sky-plattform",
    );
    let b = &need(&v, "sky-plattform")["baseline"];
    assert_eq!(
        b["redefined"],
        json!([{"field": "priority", "was": "critical", "is": "high", "weakens": true}])
    );
    assert_eq!(v["baseline"]["redefined"], json!(["sky-plattform"]));
}

/// Issue 27, F8: a lower level closes part of the shortfall, which used to
/// read "better"; it is a redefinition, shown as "level 3 -> 2".
#[test]
fn a_lowered_level_or_count_fails_the_gate_and_shows_as_changed() {
    let v = fails_the_critical_gate(
        "level",
        &SKY.replace("level = 3", "level = 2"),
        "sky-plattform",
    );
    let b = &need(&v, "sky-plattform")["baseline"];
    assert_eq!(
        b["redefined"],
        json!([{"field": "level", "was": "3", "is": "2", "weakens": true}])
    );
    // Down to the one holder it has: the shortfall is gone, but the need
    // was not closed, it was asked less of.
    let v = fails_the_critical_gate(
        "count",
        &SKY.replace("count = 4", "count = 1"),
        "sky-plattform",
    );
    assert_eq!(need(&v, "sky-plattform")["shortfall"], json!(0));
    assert_eq!(v["baseline"]["closed"], json!([]));
    // People read it in the Change column, in both languages.
    let dir = example();
    edit(dir.path(), SKY, &SKY.replace("level = 3", "level = 2"));
    let out = run(dir.path(), &["gap", "-q", "--baseline", "gap.json"]);
    let text = String::from_utf8_lossy(&out.stdout);
    let row = text
        .lines()
        .find(|l| l.contains("sky-plattform"))
        .unwrap_or_else(|| panic!("no row: {text}"));
    assert!(row.contains("worse: level 3 -> 2"), "{row}");
    assert!(text.contains("1 redefined"), "{text}");
    // Without --fail-on-regression there is no verdict.
    assert!(!text.contains("gate"), "{text}");
    let (_, v) = compare(dir.path(), &[]);
    assert_eq!(v["baseline"]["gate"], Value::Null);
    let out = run(
        dir.path(),
        &[
            "gap",
            "-q",
            "--baseline",
            "gap.json",
            "--fail-on-regression=critical",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("gate critical or higher: 1 failing"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let out = run(
        dir.path(),
        &["gap", "-q", "--baseline", "gap.json", "--lang", "nb"],
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("dårligere: nivå 3 -> 2"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // Accepted, it is a change, not "better".
    let out = run(
        dir.path(),
        &["gap", "-q", "--baseline", "gap.json", "--allow-redefined"],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("changed: level 3 -> 2"), "{text}");
}

#[test]
fn a_critical_need_moved_to_another_unit_fails_the_gate() {
    let v = fails_the_critical_gate(
        "scope",
        &SKY.replace("unit = \"it/plattform\"", "unit = \"it\""),
        "sky-plattform",
    );
    let b = &need(&v, "sky-plattform")["baseline"];
    assert_eq!(b["redefined"][0]["field"], json!("unit"));
    assert_eq!(b["redefined"][0]["was"], json!("it/plattform"));
}

/// Raising a level is a redefinition too, but it asks more: shown, never
/// a regression on its own account.
#[test]
fn a_raised_need_is_shown_but_does_not_weaken() {
    let dir = example();
    edit(
        dir.path(),
        "id = \"ki-team\"\nskill = \"maskinlaering\"\nlevel = 3\ncount = 2\nunit = \"it/ki\"\npriority = \"high\"",
        "id = \"ki-team\"\nskill = \"maskinlaering\"\nlevel = 3\ncount = 2\nunit = \"it/ki\"\npriority = \"critical\"",
    );
    let (code, v) = compare(dir.path(), &["--fail-on-regression=critical"]);
    assert_eq!(code, Some(0), "{v}");
    let b = &need(&v, "ki-team")["baseline"];
    assert_eq!(
        b["redefined"],
        json!([{"field": "priority", "was": "high", "is": "critical", "weakens": false}])
    );
}

/// A medium need that fell behind (its count raised: the shortfall grows)
/// and one lowered: compared and reported, never failing the critical gate.
#[test]
fn a_medium_need_never_fails_the_critical_gate() {
    let dir = example();
    edit(
        dir.path(),
        "id = \"dataanalyse\"\nskill = \"dataanalyse\"\nlevel = \"avansert\"\ncount = 3",
        "id = \"dataanalyse\"\nskill = \"dataanalyse\"\nlevel = \"avansert\"\ncount = 5",
    );
    edit(
        dir.path(),
        "id = \"prosjektledelse\"\nskill = \"prosjektledelse\"\nlevel = 3",
        "id = \"prosjektledelse\"\nskill = \"prosjektledelse\"\nlevel = 2",
    );
    let (code, v) = compare(dir.path(), &["--fail-on-regression=critical"]);
    assert_eq!(code, Some(0), "{v}");
    assert_eq!(v["baseline"]["regressions"], json!(["dataanalyse"]));
    // A raised count is a redefinition too, one that asks more.
    assert_eq!(
        v["baseline"]["redefined"],
        json!(["dataanalyse", "prosjektledelse"])
    );
    assert_eq!(v["baseline"]["gate"]["failing"], json!([]));
    // The medium gate (or the plain one) does fail on both.
    let (code, v) = compare(dir.path(), &["--fail-on-regression=medium"]);
    assert_eq!(code, Some(1));
    assert_eq!(
        v["baseline"]["gate"]["failing"],
        json!(["dataanalyse", "prosjektledelse"])
    );
    assert_eq!(compare(dir.path(), &["--fail-on-regression"]).0, Some(1));
    // A bad priority is a usage error.
    let out = run(
        dir.path(),
        &[
            "gap",
            "--baseline",
            "gap.json",
            "--fail-on-regression=urgent",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
}

/// `--priority critical` today against a whole baseline: the other needs
/// are filtered, not removed; a need downgraded out of the filter still
/// fails the gate.
#[test]
fn a_filter_never_removes_a_need_nor_hides_a_downgrade() {
    let dir = example();
    let (code, v) = compare(
        dir.path(),
        &["--priority", "critical", "--fail-on-regression=critical"],
    );
    assert_eq!(code, Some(0), "{v}");
    assert_eq!(v["baseline"]["removed"], json!([]));
    let filtered = v["baseline"]["filtered"].as_array().expect("filtered");
    assert_eq!(filtered.len(), 10, "{filtered:?}");
    assert!(filtered.contains(&json!("ki-team")));
    // Downgraded out of --priority critical: still failing.
    edit(dir.path(), SKY, &SKY.replace("\"critical\"", "\"high\""));
    let (code, v) = compare(
        dir.path(),
        &["--priority", "critical", "--fail-on-regression=critical"],
    );
    assert_eq!(code, Some(1), "{v}");
    assert_eq!(v["baseline"]["removed"], json!([]));
    assert_eq!(v["baseline"]["gate"]["failing"], json!(["sky-plattform"]));
}

/// Issue 30, 4: renaming the organisation (the first change after `init`)
/// is a warning when the need ids overlap, and the comparison goes on.
#[test]
fn a_renamed_organisation_is_a_warning() {
    let dir = example();
    edit(
        dir.path(),
        "name = \"Virksomhet X\"",
        "name = \"Virksomhet X AS\"",
    );
    let out = run(
        dir.path(),
        &[
            "gap",
            "--baseline",
            "gap.json",
            "--fail-on-regression=critical",
            "-f",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "gap.json: warning: the baseline is for organisation 'Virksomhet X', not 'Virksomhet X AS'"
        ),
        "{}",
        stderr(&out)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["baseline"]["new"], json!([]));
    assert_eq!(v["baseline"]["removed"], json!([]));
    // balance too.
    let out = run(dir.path(), &["balance", "-q", "-o", "b.json"]);
    assert!(out.status.success());
    edit(
        dir.path(),
        "name = \"Virksomhet X AS\"",
        "name = \"Virksomhet Y\"",
    );
    let out = run(dir.path(), &["balance", "--baseline", "b.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("warning: the baseline is for organisation 'Virksomhet X AS'"));
}

/// Issue 30, 4: a brand-new repository has no baseline yet: every need is
/// new, and the gate passes (exit 0), said on stderr.
#[test]
fn a_missing_baseline_means_every_need_is_new() {
    let dir = example();
    let out = run(
        dir.path(),
        &[
            "gap",
            "--baseline",
            "missing/gap.json",
            "--fail-on-regression=critical",
            "-f",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("missing/gap.json: warning: no baseline yet: every need is new"),
        "{}",
        stderr(&out)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["baseline"]["as_of"], Value::Null);
    assert_eq!(v["baseline"]["new"].as_array().map(Vec::len), Some(13));
    assert_eq!(need(&v, "barekraft")["baseline"], Value::Null);
    // For people, the title says so.
    let out = run(dir.path(), &["gap", "-q", "--baseline", "missing/gap.json"]);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("no baseline yet: every need is new"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let out = run(
        dir.path(),
        &["balance", "--baseline", "none.json", "--fail-on-regression"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("no baseline yet: every skill is new"));
}
