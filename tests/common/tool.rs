//! Tests that need an outside tool (pandas, Chromium, LibreOffice,
//! pdftotext, zsh, fish, groff, man, unzip, `script`, `timeout`, git) ask
//! here whether they may run. Locally a missing tool is a skip with a note
//! saying how to install it; under `CI=true` it is a failure, because
//! `.ci/run` installs every one of them and a skip that CI never notices
//! would hide a test that never runs.
//!
//! Included with `#[path = "common/tool.rs"] mod tool;` by the test crates
//! that need it (it is small and has no dependencies).

// Each test crate compiles this module separately and uses only part of it.
#![allow(dead_code)]

use std::process::Command;

/// Is this a CI run (`CI=true`, as GitHub Actions, GitLab CI and `.ci/run`
/// set it)?
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v.eq_ignore_ascii_case("true") || v == "1")
}

/// Whether a test needing `tool` may go on: true when `present`; when not,
/// locally false after a note on stderr (the test skips), under CI a panic
/// naming the tool and `install` (how to get it).
#[track_caller]
pub fn required(tool: &str, present: bool, install: &str) -> bool {
    if present {
        return true;
    }
    if in_ci() {
        panic!(
            "{tool} is missing under CI=true: this test must run in CI, not skip ({install}; .ci/run installs it)"
        );
    }
    eprintln!("skipped: {tool} is not installed ({install}); under CI=true this fails");
    false
}

/// Does `program ARGS` start and exit 0?
pub fn runs(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Is `program` on PATH (it starts, whatever its exit code)?
pub fn on_path(program: &str) -> bool {
    Command::new(program).arg("--version").output().is_ok()
}

/// The Python interpreter the comparison scripts use: `KOMPETANSE_PYTHON`,
/// else `python3` (in CI, the virtual environment `.ci/run` puts first on
/// PATH).
pub fn python() -> String {
    std::env::var("KOMPETANSE_PYTHON").unwrap_or_else(|_| "python3".to_string())
}

/// Can the Python interpreter import `module`?
pub fn python_has(module: &str) -> bool {
    runs(&python(), &["-c", &format!("import {module}")])
}
