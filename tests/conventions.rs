//! The scripting conventions (issue 12): stdout carries only the report and
//! diagnostics go to stderr, for every command; `--quiet` drops warnings
//! wherever one can be printed; colour follows `--color`, NO_COLOR and
//! CLICOLOR_FORCE, is never in a machine format or a file, and never moves
//! a table's columns.

#[path = "common/tool.rs"]
mod tool;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use assert_cmd::cargo::CommandCargoExt;

/// The tiny example: valid, one need short by one; its load warns (a
/// person without a role, a stale assessment), and `gap` and `report` warn
/// of key people too.
fn tiny() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/tiny/org.toml")
}

/// Runs the binary with the colour variables cleared, then `env` set.
fn run(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::cargo_bin("kompetanse").expect("the binary");
    cmd.args(args)
        .env("KOMPETANSE_LANG", "en")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("COLUMNS")
        .env("TERM", "xterm-256color");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run kompetanse")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8")
}

const ESC: char = '\x1b';

/// Text without its SGR escapes (`ESC [ ... m`).
fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == ESC {
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Every command that reads the organisation, in a machine format where it
/// has one: its stdout, its stderr.
fn every_command(org: &str, extra: &[&str]) -> Vec<(String, Output)> {
    let commands: [&[&str]; 7] = [
        &["gap", org, "-f", "json"],
        &["plan", org, "-f", "json"],
        &["balance", org, "-f", "json"],
        &["market", org, "-f", "json"],
        &["progress", org, "--since", "2026-01-01", "-f", "json"],
        &["report", org, "-f", "json"],
        &["check", org],
    ];
    commands
        .iter()
        .map(|args| {
            let mut args = args.to_vec();
            args.extend(extra);
            (args[0].to_string(), run(&args, &[]))
        })
        .collect()
}

#[test]
fn stdout_is_only_the_report_and_warnings_go_to_stderr() {
    let org = tiny().display().to_string();
    for (command, out) in every_command(&org, &[]) {
        assert_eq!(out.status.code(), Some(0), "{command}");
        let stdout = text(&out.stdout);
        let stderr = text(&out.stderr);
        if command == "check" {
            // check's report is its one line.
            assert_eq!(
                stdout,
                format!(
                    "{org}: valid: 3 skills, 2 roles, 4 needs, 6 people, 12 assessments (1 expired)\n"
                )
            );
        } else {
            serde_json::from_str::<serde_json::Value>(&stdout)
                .unwrap_or_else(|e| panic!("{command}: stdout is not JSON alone: {e}\n{stdout}"));
        }
        assert!(
            !stdout.contains("warning"),
            "{command}: a warning on stdout"
        );
        assert!(
            stderr.contains("assessments.csv:11: warning: stale:"),
            "{command}: stderr lacks the warning: {stderr}"
        );
        if matches!(command.as_str(), "gap" | "report") {
            assert!(
                stderr.contains("warning: key-person risk"),
                "{command}: {stderr}"
            );
        }
    }
}

#[test]
fn quiet_drops_every_warning_and_changes_no_report() {
    let org = tiny().display().to_string();
    let loud = every_command(&org, &[]);
    let quiet = every_command(&org, &["--quiet"]);
    for ((command, loud), (_, quiet)) in loud.iter().zip(&quiet) {
        assert_eq!(quiet.status.code(), Some(0), "{command}");
        assert!(!loud.stderr.is_empty(), "{command} warned before");
        assert_eq!(text(&quiet.stderr), "", "{command} --quiet");
        assert_eq!(
            quiet.stdout, loud.stdout,
            "{command}: --quiet changed the report"
        );
    }
}

#[test]
fn quiet_keeps_errors() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let org = dir.path().join("org.toml");
    std::fs::write(&org, "[organisation]\nname = 1\n").expect("write");
    let out = run(&["check", "-q", &org.display().to_string()], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("error"), "{}", text(&out.stderr));
}

/// The tiny gap table with `--color WHEN` and `env`: stdout, stderr.
fn gap_table(when: Option<&str>, env: &[(&str, &str)], extra: &[&str]) -> (String, String) {
    let org = tiny().display().to_string();
    let mut args = vec!["gap", org.as_str()];
    if let Some(when) = when {
        args.extend(["--color", when]);
    }
    args.extend(extra);
    let out = run(&args, env);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    (text(&out.stdout), text(&out.stderr))
}

#[test]
fn color_always_colours_the_table() {
    let (table, _) = gap_table(Some("always"), &[], &[]);
    assert!(table.contains(ESC), "no escape in:\n{table}");
    // The tiny example's needs: rust-app (critical) and sql@*#dev short
    // by 2, kundedialog@kunde by 1, sql-alle 3/3 (100 %, short 0); the
    // total row short by 2 + 2 + 1 = 5. Headings bold; a shortfall red
    // (38;5;9 is crossterm's red), the 0 not; full coverage green
    // (38;5;10); critical bold red; the title bold.
    assert!(table.contains("\x1b[1mShort\x1b[0m"), "{table:?}");
    for short in ["2", "1", "5"] {
        assert!(
            table.contains(&format!("\x1b[38;5;9m{short}\x1b[39m")),
            "{short}: {table:?}"
        );
    }
    assert!(table.contains("     0 ┆"), "{table:?}");
    assert!(table.contains("\x1b[38;5;10m100 %\x1b[39m"), "{table:?}");
    assert!(
        table.contains("\x1b[38;5;9m\x1b[1mcritical\x1b[0m"),
        "{table:?}"
    );
    assert!(!table.contains("\x1b[1mhigh"), "{table:?}");
    assert!(
        table.starts_with("\x1b[1mTiny AS: competence gaps"),
        "{table:?}"
    );
}

#[test]
fn no_colour_when_piped_never_or_no_color() {
    let (plain, _) = gap_table(None, &[], &[]);
    assert!(!plain.contains(ESC), "auto, piped: {plain:?}");
    for (when, env) in [
        (Some("never"), &[][..]),
        (Some("auto"), &[][..]),
        (None, &[("NO_COLOR", "1")][..]),
        (Some("auto"), &[("NO_COLOR", "1")][..]),
        // NO_COLOR wins over CLICOLOR_FORCE.
        (None, &[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")][..]),
        (Some("never"), &[("CLICOLOR_FORCE", "1")][..]),
    ] {
        let (table, _) = gap_table(when, env, &[]);
        assert_eq!(table, plain, "--color {when:?} with {env:?}");
    }
}

#[test]
fn always_beats_no_color_and_clicolor_force_forces_auto() {
    let (always, _) = gap_table(Some("always"), &[("NO_COLOR", "1")], &[]);
    assert!(always.contains(ESC));
    // An empty NO_COLOR is no wish at all (no-color.org).
    let (forced, _) = gap_table(None, &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "")], &[]);
    assert_eq!(forced, always);
}

#[test]
fn colour_never_moves_a_column() {
    // Full width, and fitted to 60 columns (folded and wrapped).
    for extra in [&[][..], &["--width", "60"][..], &["--lang", "nb"][..]] {
        let (coloured, _) = gap_table(Some("always"), &[], extra);
        let (plain, _) = gap_table(Some("never"), &[], extra);
        assert!(coloured.contains(ESC), "{extra:?}");
        assert_eq!(strip_ansi(&coloured), plain, "{extra:?}");
    }
    // Another report with a table of its own.
    let org = tiny().display().to_string();
    let coloured = run(&["balance", &org, "--color", "always"], &[]);
    let plain = run(&["balance", &org, "--color", "never"], &[]);
    assert_eq!(strip_ansi(&text(&coloured.stdout)), text(&plain.stdout));
}

#[test]
fn machine_formats_and_files_are_never_coloured() {
    let org = tiny().display().to_string();
    for format in ["json", "csv", "markdown", "html"] {
        let out = run(&["gap", &org, "--color", "always", "-f", format], &[]);
        assert!(!out.stdout.contains(&0x1b), "{format}");
        assert_eq!(
            out.stdout,
            run(&["gap", &org, "--color", "never", "-f", format], &[]).stdout,
            "{format}"
        );
    }
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = dir.path().join("gap.txt");
    let out = run(
        &[
            "gap",
            &org,
            "--color",
            "always",
            "-o",
            &file.display().to_string(),
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(0));
    let written = std::fs::read_to_string(&file).expect("the file");
    assert!(!written.contains(ESC), "{written:?}");
    assert_eq!(written, gap_table(Some("never"), &[], &[]).0);
}

#[test]
fn diagnostics_are_coloured_by_the_same_choice() {
    let org = tiny().display().to_string();
    let coloured = run(&["gap", &org, "-f", "json", "--color", "always"], &[]);
    let stderr = text(&coloured.stderr);
    // The place bold, `warning:` bold yellow, the message plain.
    assert!(
        stderr.contains("assessments.csv:11\x1b[0m: \x1b[1m\x1b[33mwarning\x1b[0m: stale:"),
        "{stderr:?}"
    );
    // Key-person warnings (printed apart from the load's) alike.
    assert!(
        stderr.contains("org.toml\x1b[0m: \x1b[1m\x1b[33mwarning\x1b[0m: key-person risk"),
        "{stderr:?}"
    );
    // JSON on stdout stays plain whatever the choice.
    assert!(!coloured.stdout.contains(&0x1b));
    let plain = run(&["gap", &org, "-f", "json"], &[]);
    assert_eq!(strip_ansi(&stderr), text(&plain.stderr));
    assert!(!text(&plain.stderr).contains(ESC));
    let no_color = run(&["gap", &org, "-f", "json"], &[("NO_COLOR", "1")]);
    assert_eq!(no_color.stderr, plain.stderr);
    // An error that ends the run: `error:` bold red.
    let out = run(
        &["gap", &org, "--unit", "nowhere", "--color", "always"],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("\x1b[1m\x1b[31merror\x1b[0m: --unit"),
        "{:?}",
        text(&out.stderr)
    );
}

#[test]
fn clap_help_and_usage_errors_follow_the_choice() {
    let help = run(&["gap", "--help", "--color", "always"], &[]);
    assert!(text(&help.stdout).contains(ESC));
    let help = run(&["--color=never", "gap", "--help"], &[]);
    assert!(!text(&help.stdout).contains(ESC));
    let piped = run(&["gap", "--help"], &[]);
    assert!(!text(&piped.stdout).contains(ESC));
    let error = run(&["gap", "--bogus", "--color", "always"], &[]);
    assert_eq!(error.status.code(), Some(2));
    assert!(text(&error.stderr).contains(ESC));
    let error = run(&["gap", "--bogus"], &[]);
    assert!(!text(&error.stderr).contains(ESC));
    let error = run(&["gap", "--color", "purple"], &[]);
    assert_eq!(error.status.code(), Some(2));
    assert!(text(&error.stderr).contains("possible values"));
}

/// The binary run on a pseudo-terminal (util-linux `script`), stdout and
/// stderr both the terminal; None when `script` cannot do that here.
fn on_terminal(args: &str, env: &[(&str, &str)]) -> Option<String> {
    let bin = assert_cmd::cargo::cargo_bin("kompetanse");
    let line = format!("'{}' {args}", bin.display());
    let mut cmd = Command::new("script");
    cmd.args(["-qec", &line, "/dev/null"])
        .env("KOMPETANSE_LANG", "en")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env("TERM", "xterm-256color")
        .stdin(std::process::Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().ok().filter(|o| o.status.success())?;
    Some(text(&out.stdout))
}

#[test]
fn auto_colours_a_terminal_unless_no_color_or_dumb() {
    let org = tiny().display().to_string();
    let Some(coloured) = on_terminal(&format!("gap '{org}'"), &[]) else {
        tool::required(
            "util-linux `script` (to run on a terminal)",
            false,
            "apt-get install bsdutils",
        );
        return;
    };
    // The table and the warnings before it, both on the terminal.
    assert!(coloured.contains("\x1b[1mShort\x1b[0m"), "{coloured:?}");
    assert!(
        coloured.contains("\x1b[1m\x1b[33mwarning\x1b[0m"),
        "{coloured:?}"
    );
    for env in [&[("NO_COLOR", "1")][..], &[("TERM", "dumb")][..]] {
        let plain = on_terminal(&format!("gap '{org}'"), env).expect("ran before");
        assert!(!plain.contains(ESC), "{env:?}: {plain:?}");
    }
    let never = on_terminal(&format!("gap '{org}' --color never"), &[]).expect("ran before");
    assert!(!never.contains(ESC), "{never:?}");
}
