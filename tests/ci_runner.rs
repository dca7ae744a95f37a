//! Safe in a CI runner (issue 27, F9, F10): a pull request controls
//! org.toml and every file of the checkout. Profile files outside
//! org.toml's folder (links resolved) are refused unless allowed; a
//! profile file with an endless line or of absurd size is exit 2 within
//! the limits of `common/bounded.rs` (2 GiB, 10 s); and under `--no-follow`
//! (the default when `CI` is set) `-o` is never written through a link.

#[path = "common/bounded.rs"]
mod bounded;
#[path = "common/tool.rs"]
mod tool;

use std::path::Path;
use std::process::{Command, Output};

const ORG: &str = r#"[organisation]
name = "X"
as_of = 2026-11-26

[profiles]
people = "people.csv"
assessments = ["ASSESSMENTS"]

[[skill]]
id = "rust"
name = "Rust"
"#;

/// A folder `org/` (org.toml, people.csv, assessments.csv) inside a
/// temporary folder that also holds `outside/secret.csv`.
fn checkout(assessments: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let org = dir.path().join("org");
    std::fs::create_dir(&org).unwrap();
    std::fs::write(
        org.join("org.toml"),
        ORG.replace("ASSESSMENTS", assessments),
    )
    .unwrap();
    std::fs::write(org.join("people.csv"), "id,name,unit\nada,Ada,app\n").unwrap();
    std::fs::write(
        org.join("assessments.csv"),
        "person,skill,level\nada,rust,2\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("outside")).unwrap();
    std::fs::write(
        dir.path().join("outside/secret.csv"),
        "person,skill,level\nada,rust,4\n",
    )
    .unwrap();
    dir
}

fn run(dir: &Path, args: &[&str], ci: bool) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kompetanse"));
    cmd.args(args)
        .current_dir(dir)
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        .env_remove("KOMPETANSE_LANG");
    if ci {
        cmd.env("CI", "true");
    } else {
        cmd.env_remove("CI");
    }
    cmd.output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_profile_file_outside_the_folder_of_org_toml_is_refused() {
    for named in ["../outside/secret.csv", "/proc/self/pagemap"] {
        let dir = checkout(named);
        let out = run(dir.path(), &["gap", "org/org.toml", "-q"], false);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{named}: {err}");
        assert!(err.contains("org/org.toml:7:"), "at org.toml: {err}");
        assert!(err.contains(named), "names the path: {err}");
        assert!(
            err.contains("--allow-outside") && err.contains("allow_outside = true"),
            "names the options: {err}"
        );
    }
    // Allowed by the option, or in org.toml: the level outside is read.
    let dir = checkout("../outside/secret.csv");
    let args = [
        "gap",
        "org/org.toml",
        "-q",
        "--format",
        "json",
        "--allow-outside",
    ];
    let out = run(dir.path(), &args, false);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let toml = dir.path().join("org/org.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(
        &toml,
        text.replace("[profiles]\n", "[profiles]\nallow_outside = true\n"),
    )
    .unwrap();
    let out = run(dir.path(), &["gap", "org/org.toml", "-q"], false);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn a_link_inside_the_folder_to_a_file_outside_is_refused() {
    let dir = checkout("linked.csv");
    std::os::unix::fs::symlink("../outside/secret.csv", dir.path().join("org/linked.csv")).unwrap();
    let out = run(dir.path(), &["gap", "org/org.toml", "-q"], false);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("linked.csv") && err.contains("secret.csv"),
        "{err}"
    );
    assert!(err.contains("--allow-outside"), "{err}");
    // A link that stays inside is fine.
    std::fs::remove_file(dir.path().join("org/linked.csv")).unwrap();
    std::os::unix::fs::symlink("assessments.csv", dir.path().join("org/linked.csv")).unwrap();
    let out = run(dir.path(), &["gap", "org/org.toml", "-q"], false);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

/// `/proc/self/pagemap` (allowed) ran for minutes into gigabytes, and so
/// did a sparse file of NULs: a profile file's lines and size are capped.
#[test]
fn endless_lines_and_huge_files_are_exit_2_within_the_limits() {
    let mut cases: Vec<(tempfile::TempDir, &str, &str)> = Vec::new();
    if Path::new("/proc/self/pagemap").exists() {
        cases.push((checkout("/proc/self/pagemap"), "pagemap", ""));
    }
    // A sparse 20 GB file of NULs, as assessments and as the people file.
    let dir = checkout("huge.csv");
    let huge = std::fs::File::create(dir.path().join("org/huge.csv")).unwrap();
    huge.set_len(20 << 30).unwrap();
    cases.push((dir, "huge.csv", "larger than 8 GiB"));
    let dir = checkout("assessments.csv");
    let toml = dir.path().join("org/org.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, text.replace("people.csv", "huge.csv")).unwrap();
    let huge = std::fs::File::create(dir.path().join("org/huge.csv")).unwrap();
    huge.set_len(20 << 30).unwrap();
    cases.push((dir, "huge.csv", "larger than 8 GiB"));
    // 20 MiB on line 3 with no line end, read in blocks and read whole.
    let long = format!(
        "person,skill,level\nada,rust,2\nbo,{}",
        "r".repeat(20 << 20)
    );
    let dir = checkout("long.csv");
    std::fs::write(dir.path().join("org/long.csv"), &long).unwrap();
    cases.push((dir, "long.csv:3:", "longer than 16 MiB"));
    let dir = checkout("assessments.csv");
    std::fs::write(
        dir.path().join("org/people.csv"),
        format!("id,name,unit\nada,Ada,app\n{}", "a".repeat(20 << 20)),
    )
    .unwrap();
    cases.push((dir, "people.csv:3:", "longer than 16 MiB"));
    for (dir, at, why) in cases {
        let Some(run) = bounded::run(
            dir.path(),
            &["gap", "org/org.toml", "-q", "--allow-outside"],
        ) else {
            return;
        };
        run.assert_exit(2);
        let err = run.stderr();
        assert!(err.contains(at) && err.contains(why), "{at}: {err}");
    }
}

#[cfg(unix)]
#[test]
fn no_follow_refuses_a_linked_output_and_is_the_default_under_ci() {
    let dir = checkout("assessments.csv");
    let victim = dir.path().join("outside/victim.txt");
    std::fs::write(&victim, "keep me\n").unwrap();
    std::os::unix::fs::symlink("../outside/victim.txt", dir.path().join("org/comment.md")).unwrap();
    std::fs::create_dir(dir.path().join("org/out")).unwrap();
    std::os::unix::fs::symlink("../../outside", dir.path().join("org/out/linked")).unwrap();
    let write = |target: &str, extra: &[&str], ci: bool| {
        let mut args = vec!["gap", "org/org.toml", "-q", "-o", target];
        args.extend(extra);
        run(dir.path(), &args, ci)
    };
    for (target, extra, ci) in [
        ("org/comment.md", &["--no-follow"][..], false),
        ("org/comment.md", &[][..], true),
        (
            "org/out/linked/victim.txt",
            &["--format", "markdown"][..],
            true,
        ),
    ] {
        let out = write(target, extra, ci);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{target} {extra:?}: {err}");
        assert!(
            err.contains("--no-follow") && err.contains("symbolic link"),
            "{err}"
        );
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me\n");
    }
    let left: Vec<_> = std::fs::read_dir(dir.path().join("org"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".kompetanse-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    // Outside CI a link is written through, as before; --follow says so under CI.
    let out = write("org/comment.md", &["--follow"], true);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_ne!(std::fs::read_to_string(&victim).unwrap(), "keep me\n");
    assert!(
        std::fs::symlink_metadata(dir.path().join("org/comment.md"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    // A plain file in a fresh folder is written under CI.
    let out = write("fresh.md", &[], true);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(dir.path().join("fresh.md").is_file());
}
