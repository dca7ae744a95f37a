//! Pinned and reproducible (issue 30): `--version` names the commit and
//! date of a git build, every JSON output records `tool_version`, the
//! published package holds what the binary needs and stays under 10 MB,
//! and the Dockerfile builds as CI does. (Docker itself cannot run here:
//! the Dockerfile is checked as text.)

use std::path::Path;
use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;
use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .current_dir(root())
        .args(args)
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

#[test]
fn version_names_the_commit_and_date_it_was_built_from() {
    let out = Command::cargo_bin("kompetanse")
        .expect("binary")
        .arg("--version")
        .output()
        .expect("run");
    assert!(out.status.success());
    let version = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let package = format!("kompetanse {}", env!("CARGO_PKG_VERSION"));
    let top = git(&["rev-parse", "--show-toplevel"]);
    match top.filter(|t| Path::new(t) == root()) {
        Some(_) => {
            let commit = git(&["rev-parse", "--short=12", "HEAD"]).expect("commit");
            let date = git(&["log", "-1", "--format=%cs"]).expect("date");
            assert_eq!(version, format!("{package} ({commit} {date})"));
        }
        // Not a git checkout (an unpacked crate): the version alone.
        None => assert_eq!(version, package),
    }
}

#[test]
fn every_json_output_records_the_tool_version() {
    let tiny = root().join("examples/tiny/org.toml");
    let tiny = tiny.to_str().expect("utf-8");
    let commands: [&[&str]; 8] = [
        &["gap", tiny],
        &["gap", tiny, "--by", "person"],
        &["gap", tiny, "--by", "unit"],
        &["plan", tiny],
        &["balance", tiny],
        &["market", tiny],
        &["progress", tiny, "--since", "2024-01-01"],
        &["report", tiny],
    ];
    for args in commands {
        let out = Command::cargo_bin("kompetanse")
            .expect("binary")
            .args(args)
            .args(["-q", "--format", "json"])
            .output()
            .expect("run");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
        assert_eq!(
            v["tool_version"],
            Value::from(env!("CARGO_PKG_VERSION")),
            "{args:?}"
        );
        // Right after the contract's version and the report's kind.
        let text = String::from_utf8_lossy(&out.stdout);
        let at = |key: &str| text.find(&format!("\n  \"{key}\":"));
        assert!(
            at("schema_version") < at("report") && at("report") < at("tool_version"),
            "{args:?}"
        );
        assert!(at("tool_version") < at("organisation"), "{args:?}");
    }
}

/// The files `cargo package` would publish: what the build needs (the
/// sources, build.rs, the page templates, the starter and example files
/// `include_str!` reads), no tests or fuzzer, under 10 MB in all.
#[test]
fn the_package_holds_what_the_build_needs_and_is_small() {
    let out = Command::new(env!("CARGO"))
        .current_dir(root())
        .args(["package", "--list", "--allow-dirty", "--offline"])
        .output()
        .expect("cargo package --list");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let list = String::from_utf8_lossy(&out.stdout).into_owned();
    let files: Vec<&str> = list.lines().collect();
    for needed in [
        "build.rs",
        "Cargo.lock",
        "README.md",
        "src/main.rs",
        "src/init/en/org.toml",
        "src/init/nb/kartlegging.csv",
        "templates/outline.html",
        "templates/style.css",
        "examples/nordvik-kommune/org.toml",
        "docs/format.md",
    ] {
        assert!(files.contains(&needed), "{needed} is not packaged: {list}");
    }
    assert!(
        !files
            .iter()
            .any(|f| f.starts_with("tests/") || f.starts_with("fuzz/") || f.starts_with("target/")),
        "{list}"
    );
    // Cargo's own files (Cargo.toml.orig, .cargo_vcs_info.json) are small
    // and made by cargo; the rest are ours, on disk.
    let size: u64 = files
        .iter()
        .filter_map(|f| std::fs::metadata(root().join(f)).ok())
        .map(|m| m.len())
        .sum();
    assert!(size < 10 << 20, "{size} bytes");
}

#[test]
fn the_dockerfile_builds_as_ci_does_in_two_stages() {
    let text = std::fs::read_to_string(root().join("Dockerfile")).expect("Dockerfile");
    let stages: Vec<&str> = text.lines().filter(|l| l.starts_with("FROM ")).collect();
    assert_eq!(stages.len(), 2, "{stages:?}");
    assert!(stages[0].starts_with("FROM rust:") && stages[0].ends_with(" AS build"));
    assert!(stages[1].contains("-slim"), "{stages:?}");
    assert!(text.contains("cargo build --release --locked"));
    assert!(text.contains("COPY --from=build"));
    // The README's docker command runs the image it builds.
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README");
    assert!(readme.contains("docker build -t kompetanse:"));
    assert!(readme.contains("--tag v") && readme.contains("--locked"));
}
