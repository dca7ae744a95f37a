//! Output files (`-o`): format from the extension, `--format` overriding it,
//! atomic writes, never over an input file, nothing written on invalid
//! input; and a closed stdout is not an error.

use std::fs;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

use assert_cmd::cargo::CommandCargoExt;

/// A copy of examples/tiny in a fresh folder.
fn tiny() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in fs::read_dir("examples/tiny").unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    dir
}

fn kompetanse(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("kompetanse")
        .unwrap()
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

fn stdout_of(dir: &Path, args: &[&str]) -> String {
    let out = kompetanse(dir, args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn output_format_follows_the_extension() {
    let dir = tiny();
    let d = dir.path();
    for (file, format) in [("r.json", "json"), ("r.csv", "csv"), ("r.txt", "table")] {
        let out = kompetanse(d, &["gap", "org.toml", "-q", "-o", file]);
        assert_eq!(out.status.code(), Some(0));
        assert!(
            out.stdout.is_empty(),
            "nothing on stdout when writing {file}"
        );
        let written = fs::read_to_string(d.join(file)).unwrap();
        let expected = stdout_of(d, &["gap", "org.toml", "-q", "--format", format]);
        assert_eq!(written, expected, "{file}");
    }
}

#[test]
fn format_overrides_the_extension() {
    let dir = tiny();
    let d = dir.path();
    let out = kompetanse(
        d,
        &["gap", "org.toml", "-q", "-o", "r.csv", "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(0));
    let written = fs::read_to_string(d.join("r.csv")).unwrap();
    assert!(written.starts_with('{'), "{written}");
}

#[test]
fn unknown_extension_without_format_is_an_error_and_writes_nothing() {
    let dir = tiny();
    let d = dir.path();
    let out = kompetanse(d, &["gap", "org.toml", "-q", "-o", "r.xyz"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("r.xyz"));
    assert!(!d.join("r.xyz").exists());
}

#[test]
fn never_overwrites_an_input_file() {
    let dir = tiny();
    let d = dir.path();
    for input in ["org.toml", "people.csv", "./assessments.csv"] {
        let before = fs::read(d.join(input)).unwrap();
        let out = kompetanse(
            d,
            &["gap", "org.toml", "-q", "--format", "csv", "-o", input],
        );
        assert_eq!(out.status.code(), Some(2), "{input}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("input file"));
        assert_eq!(
            fs::read(d.join(input)).unwrap(),
            before,
            "{input} unchanged"
        );
    }
}

#[test]
fn invalid_input_leaves_an_existing_output_untouched() {
    let dir = tiny();
    let d = dir.path();
    fs::write(d.join("r.json"), "old report").unwrap();
    let org = fs::read_to_string(d.join("org.toml")).unwrap();
    fs::write(
        d.join("org.toml"),
        org.replace("skill = \"rust\"", "skill = \"rsut\""),
    )
    .unwrap();
    let out = kompetanse(d, &["gap", "org.toml", "-o", "r.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(fs::read_to_string(d.join("r.json")).unwrap(), "old report");
    let leftovers: Vec<_> = fs::read_dir(d)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".kompetanse-"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary files left behind");
}

#[test]
fn fail_on_still_writes_the_report() {
    let dir = tiny();
    let d = dir.path();
    let out = kompetanse(
        d,
        &[
            "gap",
            "org.toml",
            "-q",
            "-o",
            "r.json",
            "--fail-on",
            "critical",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(d.join("r.json")).unwrap()).unwrap();
    assert_eq!(report["needs"][0]["priority"], "critical");
    assert_eq!(report["needs"][0]["shortfall"], 2);
}

#[test]
fn a_closed_stdout_is_not_an_error() {
    // Far more output than a pipe buffers, so the writer must meet the hang-up.
    let dir = tempfile::tempdir().unwrap();
    let mut org = String::from("[organisation]\nas_of = 2026-01-01\n[[skill]]\nid = \"a\"\n");
    for i in 0..5000 {
        org.push_str(&format!(
            "[[need]]\nid = \"n{i}\"\nskill = \"a\"\nlevel = 1\ncount = 1\n"
        ));
    }
    fs::write(dir.path().join("org.toml"), org).unwrap();
    let mut child = Command::cargo_bin("kompetanse")
        .unwrap()
        .current_dir(dir.path())
        .args(["gap", "org.toml", "-q", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read one byte, then hang up, as `| head -c1` does.
    let mut stdout = child.stdout.take().unwrap();
    let mut byte = [0u8; 1];
    stdout.read_exact(&mut byte).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
