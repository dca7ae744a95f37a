//! The README's CI example ("In CI"), run verbatim: the shell block after
//! the `ci-example` marker is cut out of README.md and run with `sh` with
//! the built binary on PATH, in a checkout made the way GitHub Actions and
//! GitLab CI make one: a shallow (`--depth 1`), single-branch clone of the
//! pull request's branch, without a local `main`. A pull request that
//! changes nothing passes; one that loses assessments fails with exit 1
//! and still leaves the comment and the HTML report behind; with
//! `--priority critical` on both runs (the README's critical-only gate) a
//! medium need that falls behind does not fail the job. Skipped locally,
//! with a note, where `git` or `sh` is missing; under `CI=true` that fails.

#[path = "common/tool.rs"]
mod tool;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const EXAMPLE: &str = "examples/virksomhet-x";

/// The shell block that follows the marker in README.md.
fn readme_script() -> String {
    let readme = fs::read_to_string("README.md").expect("read README.md");
    let marker = readme
        .find("<!-- ci-example")
        .expect("README.md marks its CI example with <!-- ci-example");
    let rest = &readme[marker..];
    let start = rest
        .find("```sh\n")
        .expect("a ```sh block follows the marker")
        + 6;
    let end = rest[start..].find("```").expect("the block is closed");
    rest[start..start + end].to_string()
}

fn have(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args([
            "-c",
            "user.name=CI",
            "-c",
            "user.email=ci@example.org",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run git");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A checkout as CI makes it: an `origin` whose `main` holds the example
/// and whose branch `pr` has `change` applied and committed, cloned with
/// `--depth 1 --single-branch --branch pr` (so no local `main`). Returns
/// (origin, checkout): the origin must live as long as the checkout.
fn repository(change: impl FnOnce(&Path)) -> (tempfile::TempDir, tempfile::TempDir) {
    let origin = tempfile::tempdir().expect("temp dir");
    for entry in fs::read_dir(EXAMPLE).expect("read the example") {
        let path = entry.expect("entry").path();
        if path.is_file() {
            fs::copy(&path, origin.path().join(path.file_name().expect("name"))).expect("copy");
        }
    }
    git(origin.path(), &["init", "-q", "-b", "main"]);
    git(origin.path(), &["add", "."]);
    git(origin.path(), &["commit", "-q", "-m", "the organisation"]);
    git(origin.path(), &["checkout", "-q", "-b", "pr"]);
    change(origin.path());
    git(
        origin.path(),
        &["commit", "-q", "--allow-empty", "-am", "a change"],
    );
    let checkout = tempfile::tempdir().expect("temp dir");
    let url = format!("file://{}", origin.path().display());
    git(
        checkout.path(),
        &[
            "clone",
            "-q",
            "--depth",
            "1",
            "--single-branch",
            "--branch",
            "pr",
            &url,
            ".",
        ],
    );
    let branches = Command::new("git")
        .args(["branch", "-a"])
        .current_dir(checkout.path())
        .output()
        .expect("git branch");
    let branches = String::from_utf8_lossy(&branches.stdout);
    assert!(
        !branches.contains("main"),
        "a CI checkout has no main: {branches}"
    );
    (origin, checkout)
}

/// The fresh folder the script wrote its outputs to: its last line of
/// stdout, `reports: PATH` (issue 27, F10: never the checkout, where a
/// pull request can put a link in an output's place).
fn outputs(out: &Output) -> PathBuf {
    let stdout = String::from_utf8_lossy(&out.stdout);
    let last = stdout.lines().last().unwrap_or_default();
    let dir = PathBuf::from(
        last.strip_prefix("reports: ")
            .unwrap_or_else(|| panic!("the script ends with `reports: PATH`: {stdout}")),
    );
    assert!(dir.is_dir(), "{}", dir.display());
    dir
}

/// Runs the README's script in `dir` with the built binary first on PATH.
fn run_script(dir: &Path) -> Output {
    run_this(dir, &readme_script())
}

/// Runs `script` in `dir` with the built binary first on PATH.
fn run_this(dir: &Path, script_text: &str) -> Output {
    // Outside the checkout, as a CI job's own script would be.
    let scripts = tempfile::tempdir().expect("temp dir");
    let script = scripts.path().join("ci.sh");
    fs::write(&script, script_text).expect("write the script");
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_kompetanse"));
    let path = std::env::join_paths(
        std::iter::once(bin.parent().expect("bin dir").to_path_buf()).chain(
            std::env::var_os("PATH")
                .map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
                .unwrap_or_default(),
        ),
    )
    .expect("PATH");
    Command::new("sh")
        .arg(&script)
        .current_dir(dir)
        .env("PATH", path)
        .env("NO_COLOR", "1")
        .env_remove("KOMPETANSE_LANG")
        .env("LANG", "C")
        .output()
        .expect("run sh")
}

fn skip() -> bool {
    if have("git") && Command::new("sh").arg("-c").arg("true").status().is_ok() {
        return false;
    }
    tool::required("git and sh", false, "apt-get install git");
    true
}

#[test]
fn a_pull_request_that_changes_nothing_passes() {
    if skip() {
        return;
    }
    let (_origin, repo) = repository(|_| {});
    let out = run_script(repo.path());
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let comment = fs::read_to_string(outputs(&out).join("comment.md")).expect("comment.md");
    assert!(
        comment.contains("shortfall") && !comment.contains("worse"),
        "{comment}"
    );
    let html = fs::read_to_string(outputs(&out).join("rapport.html")).expect("rapport.html");
    assert!(html.starts_with("<!DOCTYPE html>"), "{}", &html[..40]);
}

#[test]
fn a_pull_request_that_loses_assessments_fails_and_still_reports() {
    if skip() {
        return;
    }
    // Every assessment in the long file gone: needs that counted them lose
    // holders, so their coverage falls.
    let (_origin, repo) = repository(|dir| {
        let path = dir.join("assessments.csv");
        let text = fs::read_to_string(&path).expect("read assessments.csv");
        let header = text.lines().next().expect("a header");
        fs::write(&path, format!("{header}\n")).expect("write assessments.csv");
    });
    let out = run_script(repo.path());
    assert_eq!(
        out.status.code(),
        Some(1),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let comment = fs::read_to_string(outputs(&out).join("comment.md")).expect("comment.md");
    assert!(comment.contains("| worse |"), "{comment}");
    assert!(outputs(&out).join("rapport.html").is_file());
    // The baseline was made from main's files, not the branch's.
    let baseline = fs::read_to_string(outputs(&out).join("main.json")).expect("main.json");
    let baseline: serde_json::Value = serde_json::from_str(&baseline).expect("JSON");
    let have: u64 = baseline["needs"]
        .as_array()
        .expect("needs")
        .iter()
        .map(|n| n["have"].as_u64().expect("have"))
        .sum();
    assert!(have > 0, "main's files have holders");
}

/// The critical-only gate: every assessment of `dataanalyse` gone makes the
/// medium need `dataanalyse` (it/data, 3 of 3) fall behind, and no critical
/// need. The README's script fails (exit 1); with `--priority critical` on
/// both `kompetanse gap` runs, as the README says, it passes.
#[test]
fn the_critical_only_gate_ignores_a_medium_need_that_falls_behind() {
    if skip() {
        return;
    }
    let (_origin, repo) = repository(|dir| {
        let path = dir.join("assessments.csv");
        let text = fs::read_to_string(&path).expect("read assessments.csv");
        let kept: Vec<&str> = text
            .lines()
            .filter(|line| !line.contains(",dataanalyse,"))
            .collect();
        assert!(
            kept.len() < text.lines().count(),
            "the example assesses dataanalyse"
        );
        fs::write(&path, kept.join("\n") + "\n").expect("write assessments.csv");
    });
    let all = run_script(repo.path());
    assert_eq!(
        all.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&all.stderr)
    );
    let comment = fs::read_to_string(outputs(&all).join("comment.md")).expect("comment.md");
    assert!(comment.contains("dataanalyse"), "{comment}");

    let critical =
        readme_script().replace("kompetanse gap ", "kompetanse gap --priority critical ");
    assert_eq!(
        critical.matches("--priority critical").count(),
        2,
        "{critical}"
    );
    let out = run_this(repo.path(), &critical);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let comment = fs::read_to_string(outputs(&out).join("comment.md")).expect("comment.md");
    assert!(
        !comment.contains("worse") && !comment.contains("dataanalyse"),
        "{comment}"
    );
}
