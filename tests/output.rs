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

/// Runs outside CI (`CI` unset): these tests pin the default of a
/// developer's machine, where `-o` writes through links (tests/ci_runner.rs
/// has the CI default, `--no-follow`).
fn kompetanse(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("kompetanse")
        .unwrap()
        .current_dir(dir)
        .args(args)
        .env_remove("CI")
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

/// An organisation whose every report, in every format, is larger than a
/// pipe buffers (64 KiB): many skills, needs in many units, people with a role.
fn big_org() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let (skills, needs, people, units) = (1300, 2000, 600, 8);
    let mut org = String::from(
        "[organisation]\nas_of = 2026-01-01\n[profiles]\npeople = \"people.csv\"\nassessments = [\"assessments.csv\"]\n",
    );
    for s in 0..skills {
        org.push_str(&format!("[[skill]]\nid = \"skill-{s:05}\"\n"));
    }
    let requires: Vec<String> = (0..10).map(|s| format!("skill-{s:05} = 2")).collect();
    org.push_str(&format!(
        "[[role]]\nid = \"r\"\nrequires = {{ {} }}\n",
        requires.join(", ")
    ));
    for i in 0..needs {
        org.push_str(&format!(
            "[[need]]\nid = \"need-{i:05}\"\nskill = \"skill-{:05}\"\nlevel = 2\ncount = 2\nunit = \"unit-{}/team-{i:05}\"\n",
            i % skills,
            i % units
        ));
    }
    let mut who = String::from("id,name,unit,role\n");
    let mut levels = String::from("person,skill,level,assessed,expires,source,interest\n");
    for p in 0..people {
        who.push_str(&format!("person-{p:05},,unit-{},r\n", p % units));
        for k in 0..3 {
            levels.push_str(&format!(
                "person-{p:05},skill-{:05},{},2025-06-01,,,\n",
                (p + k) % skills,
                k + 1
            ));
        }
    }
    fs::write(dir.path().join("org.toml"), org).unwrap();
    fs::write(dir.path().join("people.csv"), who).unwrap();
    fs::write(dir.path().join("assessments.csv"), levels).unwrap();
    dir
}

/// Runs, reads one byte of stdout and hangs up, as `| head -c1` does; the
/// exit code and stderr.
fn hang_up_after_one_byte(dir: &Path, args: &[&str]) -> (Option<i32>, String) {
    let mut child = Command::cargo_bin("kompetanse")
        .unwrap()
        .current_dir(dir)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut byte = [0u8; 1];
    stdout.read_exact(&mut byte).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_closed_stdout_is_success_in_every_format_and_command() {
    // Regression: `balance --by unit -f csv | head -1` exited 2 with "Broken
    // pipe", the csv writer having wrapped the io::Error.
    let dir = big_org();
    let d = dir.path();
    let views: [&[&str]; 6] = [
        &["gap"],
        &["gap", "--by", "person"],
        &["gap", "--by", "unit"],
        &["plan"],
        &["balance"],
        &["balance", "--by", "unit"],
    ];
    // One thread per view: each runs the binary eight times.
    std::thread::scope(|scope| {
        for view in views {
            scope.spawn(move || {
                for format in ["table", "json", "csv", "markdown"] {
                    let mut args = view.to_vec();
                    args.extend(["org.toml", "-q", "--format", format]);
                    let full = stdout_of(d, &args);
                    assert!(
                        full.len() > 64 * 1024,
                        "{args:?}: {} bytes fit in a pipe buffer",
                        full.len()
                    );
                    let (code, stderr) = hang_up_after_one_byte(d, &args);
                    assert_eq!(code, Some(0), "{args:?}: {stderr}");
                    assert!(stderr.is_empty(), "{args:?}: {stderr}");
                }
            });
        }
    });
    // --fail-on still decides the exit code when nobody reads the report.
    for format in ["table", "json", "csv", "markdown"] {
        let args = ["gap", "org.toml", "-q", "-f", format, "--fail-on", "low"];
        let (code, stderr) = hang_up_after_one_byte(d, &args);
        assert_eq!(code, Some(1), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
    }
    // check writes one line, so its reader is gone before it writes.
    assert_eq!(with_closed("stdout", d, &["check", "org.toml"]), Some(0));
}

/// Runs with stdout or stderr connected to a pipe whose reader is gone.
fn with_closed(stream: &str, dir: &Path, args: &[&str]) -> Option<i32> {
    let mut command = Command::cargo_bin("kompetanse").unwrap();
    command.current_dir(dir).args(args);
    // A pipe closed at once: every write to it fails with EPIPE.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    match stream {
        "stdout" => command.stdout(writer).stderr(Stdio::null()),
        _ => command.stderr(writer).stdout(Stdio::null()),
    };
    command.status().unwrap().code()
}

#[test]
fn closed_streams_never_change_the_exit_code() {
    let dir = tiny();
    let d = dir.path();
    // Regression (review): check printed with println! and panicked (101).
    assert_eq!(with_closed("stdout", d, &["check", "org.toml"]), Some(0));
    // --fail-on still says 1 when nobody reads the report.
    assert_eq!(
        with_closed("stdout", d, &["gap", "org.toml", "--fail-on", "critical"]),
        Some(1)
    );
    // A closed stderr made invalid input exit 0 and usage errors panic.
    assert_eq!(
        with_closed("stderr", d, &["gap", "org.toml", "--unit", "nope"]),
        Some(2)
    );
    assert_eq!(
        with_closed("stderr", d, &["check", "missing.toml"]),
        Some(2)
    );
    // ... and it must not stop the report from being written.
    assert_eq!(
        with_closed("stderr", d, &["gap", "org.toml", "-o", "r.json"]),
        Some(0)
    );
    assert!(d.join("r.json").exists());
}

#[cfg(unix)]
#[test]
fn output_through_a_symlink_writes_its_target() {
    let dir = tiny();
    let d = dir.path();
    std::os::unix::fs::symlink("real.json", d.join("link.json")).unwrap();
    let out = kompetanse(d, &["gap", "org.toml", "-q", "-o", "link.json"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        fs::symlink_metadata(d.join("link.json"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        fs::read_to_string(d.join("real.json"))
            .unwrap()
            .starts_with('{')
    );
}

#[test]
fn extreme_options_are_handled_not_panicked() {
    let dir = tiny();
    let d = dir.path();
    let out = kompetanse(
        d,
        &["balance", "org.toml", "-q", "--expiring", "4294967295"],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = kompetanse(d, &["gap", "org.toml", "-q", "--mix", "4294967295-1-0"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("from 0 to 100"));
}

#[test]
fn rows_of_bare_delimiters_are_blank_lines() {
    let dir = tiny();
    let d = dir.path();
    let mut text = fs::read_to_string(d.join("assessments.csv")).unwrap();
    text.push_str(",,,,,\n , ,\n");
    fs::write(d.join("assessments.csv"), text).unwrap();
    let out = kompetanse(d, &["check", "org.toml", "-q"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_hang_up_on_dash_or_dev_stdout_is_success() {
    // Issue 13: `-o -` and `-o /dev/stdout` are stdout, hang-up and all
    // (/dev/stdout was opened as a device: "Broken pipe", exit 2).
    let dir = big_org();
    for args in [
        ["gap", "org.toml", "-q", "-f", "json", "-o", "/dev/stdout"],
        ["plan", "org.toml", "-q", "-f", "csv", "-o", "-"],
    ] {
        let (code, stderr) = hang_up_after_one_byte(dir.path(), &args);
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        assert_eq!(stderr, "", "{args:?}");
    }
}
