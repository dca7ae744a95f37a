//! The README's CI example ("In CI"), run verbatim: the shell block after
//! the `ci-example` marker is cut out of README.md and run with `sh` in a
//! git repository holding examples/virksomhet-x, with the built binary on
//! PATH. A pull request that changes nothing passes; one that loses
//! assessments fails with exit 1 and still leaves the comment and the HTML
//! report behind. Skipped, with a note, where `git` or `sh` is missing.

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

/// A repository whose `main` holds the example, checked out on a branch
/// `pr` where `change` has been applied and committed.
fn repository(change: impl FnOnce(&Path)) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for entry in fs::read_dir(EXAMPLE).expect("read the example") {
        let path = entry.expect("entry").path();
        if path.is_file() {
            fs::copy(&path, dir.path().join(path.file_name().expect("name"))).expect("copy");
        }
    }
    git(dir.path(), &["init", "-q", "-b", "main"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "the organisation"]);
    git(dir.path(), &["checkout", "-q", "-b", "pr"]);
    change(dir.path());
    git(
        dir.path(),
        &["commit", "-q", "--allow-empty", "-am", "a change"],
    );
    dir
}

/// Runs the README's script in `dir` with the built binary first on PATH.
fn run_script(dir: &Path) -> Output {
    let script = dir.join("ci.sh");
    fs::write(&script, readme_script()).expect("write the script");
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
    let repo = repository(|_| {});
    let out = run_script(repo.path());
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let comment = fs::read_to_string(repo.path().join("comment.md")).expect("comment.md");
    assert!(
        comment.contains("shortfall") && !comment.contains("worse"),
        "{comment}"
    );
    let html = fs::read_to_string(repo.path().join("rapport.html")).expect("rapport.html");
    assert!(html.starts_with("<!DOCTYPE html>"), "{}", &html[..40]);
}

#[test]
fn a_pull_request_that_loses_assessments_fails_and_still_reports() {
    if skip() {
        return;
    }
    // Every assessment in the long file gone: needs that counted them lose
    // holders, so their coverage falls.
    let repo = repository(|dir| {
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
    let comment = fs::read_to_string(repo.path().join("comment.md")).expect("comment.md");
    assert!(comment.contains("| worse |"), "{comment}");
    assert!(repo.path().join("rapport.html").is_file());
    // The baseline was made from main's files, not the branch's.
    let baseline = fs::read_to_string(repo.path().join("main.json")).expect("main.json");
    let baseline: serde_json::Value = serde_json::from_str(&baseline).expect("JSON");
    let have: u64 = baseline["needs"]
        .as_array()
        .expect("needs")
        .iter()
        .map(|n| n["have"].as_u64().expect("have"))
        .sum();
    assert!(have > 0, "main's files have holders");
}
