//! The small ones of issue 30: `report --help` names the formats `report`
//! writes, `init -q`, `check --strict` (warnings as errors) and `check
//! --pseudonymize` (no person ids in a CI log).

use std::path::Path;
use std::process::{Command, Output};

use assert_cmd::cargo::CommandCargoExt;

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::cargo_bin("kompetanse")
        .expect("binary")
        .current_dir(dir)
        .env("KOMPETANSE_LANG", "en")
        .env_remove("KOMPETANSE_SALT")
        .env_remove("KOMPETANSE_DIAGNOSTICS")
        .args(args)
        .output()
        .expect("run")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn tiny() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/tiny"))
}

#[test]
fn report_help_lists_only_the_formats_report_writes() {
    let out = run(tiny(), &["report", "--help"]);
    assert!(out.status.success());
    let help = text(&out.stdout);
    let format: String = help
        .split("--format <FORMAT>")
        .nth(1)
        .and_then(|rest| rest.split("\n  -").next())
        .expect("the --format entry")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    // Markdown only for the personal page (`--person`, issue 23).
    assert!(
        format.contains(
            "else html] [possible values: html, xlsx, json; with --person also markdown]"
        ),
        "{format}"
    );
    for refused in ["table", "csv"] {
        assert!(!format.contains(refused), "{refused}: {format}");
    }
    assert!(!help.contains("--csv-dialect"), "{help}");
    // What it says is what it does: csv is refused, html is the default.
    assert_eq!(
        run(tiny(), &["report", "org.toml", "-f", "csv"])
            .status
            .code(),
        Some(2)
    );
    let page = run(tiny(), &["report", "org.toml", "-q"]);
    assert!(text(&page.stdout).starts_with("<!DOCTYPE html>"));
    // gap's help is unchanged.
    let gap = text(&run(tiny(), &["gap", "--help"]).stdout);
    assert!(gap.contains("table") && gap.contains("markdown"));
}

#[test]
fn init_quiet_prints_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let out = run(dir.path(), &["init", "-q", "a"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "");
    assert_eq!(text(&out.stdout), "");
    assert!(dir.path().join("a/org.toml").is_file());
    // Without it, what was written and what to try next.
    let out = run(dir.path(), &["init", "b"]);
    assert!(
        text(&out.stderr).contains("wrote b/org.toml"),
        "{}",
        text(&out.stderr)
    );
    // Errors are always printed.
    let out = run(dir.path(), &["init", "-q", "a"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("already exists"));
}

#[test]
fn check_strict_fails_on_warnings() {
    // examples/tiny has two warnings (a person without a role, a stale row).
    let out = run(tiny(), &["check", "org.toml"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = run(tiny(), &["check", "org.toml", "--strict"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("org.toml: 2 warnings, errors under --strict"),
        "{stderr}"
    );
    assert!(stderr.contains("people.csv:5: warning:"), "{stderr}");
    assert_eq!(text(&out.stdout), "", "no 'valid' line");
    // --quiet cannot hide what fails it.
    let out = run(tiny(), &["check", "org.toml", "--strict", "-q"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("people.csv:5: warning:"));
    // A starter organisation without warnings passes.
    let dir = tempfile::tempdir().expect("dir");
    assert!(run(dir.path(), &["init", "-q"]).status.success());
    let out = run(dir.path(), &["check", "org.toml", "--strict"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn check_pseudonymize_keeps_person_ids_out_of_the_log() {
    let out = run(
        tiny(),
        &[
            "check",
            "org.toml",
            "--pseudonymize",
            "--salt",
            "a-salt-of-16-chars!",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("person 'p-"), "{stderr}");
    for id in ["'dag'", "'eva'"] {
        assert!(!stderr.contains(id), "{id} in {stderr}");
    }
    let plain = text(&run(tiny(), &["check", "org.toml"]).stderr);
    assert!(plain.contains("'dag'"), "{plain}");
    // No salt: a usage error, before anything is read.
    let out = run(tiny(), &["check", "org.toml", "--pseudonymize"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("KOMPETANSE_SALT"),
        "{}",
        text(&out.stderr)
    );
}
