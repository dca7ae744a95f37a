//! `--diagnostics human|json|github|gitlab` (issue 30; or the environment's
//! `KOMPETANSE_DIAGNOSTICS`): how problems reach stderr, and for `gitlab`
//! the code-quality file (`--diagnostics-output`, default
//! gl-code-quality-report.json). Like `--color`, the choice is made once
//! before a command runs and every place that prints a problem asks it:
//! `print_diagnostics`, the closing line of an invalid organisation, and
//! `main`'s error line (usage and baseline errors), so that every problem
//! has one shape. The shapes themselves are `diagnostics::formats`'.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use clap::ValueEnum;

use crate::cli::{color, messages};
use crate::diagnostics::formats::{github_line, gitlab_report, json_line};
use crate::diagnostics::{Diagnostic, Severity};
use crate::render::Lang;

/// `--diagnostics`' values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum DiagnosticsFormat {
    /// `PATH:LINE: error: MESSAGE`, for people.
    #[default]
    Human,
    /// One JSON object per line: severity, code, name, path, line, column, sheet, cell, message, hint.
    Json,
    /// GitHub Actions workflow commands (::error file=...,line=...::...): annotations on the pull request.
    Github,
    /// Human lines, and GitLab's code-quality report in --diagnostics-output.
    Gitlab,
}

/// The file GitLab's code-quality report goes to when none is given.
pub const GITLAB_DEFAULT: &str = "gl-code-quality-report.json";

struct Choice {
    format: DiagnosticsFormat,
    output: Option<PathBuf>,
}

static CHOICE: OnceLock<Choice> = OnceLock::new();
/// The language problems are told in on stderr (`--lang`, as for reports).
static LANG: OnceLock<Lang> = OnceLock::new();
/// What `gitlab` writes at the end: every problem shown.
static SEEN: Mutex<Vec<Diagnostic>> = Mutex::new(Vec::new());

/// `--diagnostics`, else `KOMPETANSE_DIAGNOSTICS`, else human. An unknown
/// value in the environment is an error, as on the command line.
pub fn choose(given: Option<DiagnosticsFormat>) -> Result<DiagnosticsFormat, String> {
    if let Some(format) = given {
        return Ok(format);
    }
    match std::env::var("KOMPETANSE_DIAGNOSTICS") {
        Ok(value) if !value.is_empty() => DiagnosticsFormat::from_str(&value, true).map_err(|_| {
            format!(
                "KOMPETANSE_DIAGNOSTICS='{}': use human, json, github or gitlab",
                crate::suggest::clip(&value)
            )
        }),
        _ => Ok(DiagnosticsFormat::Human),
    }
}

/// `--diagnostics` as the raw command line gives it (for clap's own
/// errors, found before the command line is parsed), else the
/// environment's; None for human or a value that is neither.
pub fn scan<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Option<DiagnosticsFormat> {
    let mut found = None;
    let mut args = args.iter().map(|a| a.as_ref().to_str());
    while let Some(arg) = args.next() {
        let value = match arg {
            Some("--") => break,
            Some("--diagnostics") => args.next().flatten(),
            Some(a) => a.strip_prefix("--diagnostics="),
            None => None,
        };
        if let Some(v) = value.and_then(|v| DiagnosticsFormat::from_str(v, true).ok()) {
            found = Some(v);
        }
    }
    found.or_else(|| choose(None).ok())
}

/// A usage error clap found (an unknown option, a bad value), as one
/// problem in the chosen machine shape; None for human (and gitlab, whose
/// lines are human): clap then prints it its own way.
pub fn usage_error(format: DiagnosticsFormat, message: &str) -> Option<String> {
    let first = message
        .lines()
        .next()
        .unwrap_or_default()
        .trim_start_matches("error: ");
    let d = Diagnostic {
        path: String::new(),
        line: None,
        column: None,
        cell: false,
        severity: Severity::Error,
        message: first.to_string(),
    };
    match format {
        DiagnosticsFormat::Json => Some(json_line(&d)),
        DiagnosticsFormat::Github => Some(github_line(&d)),
        DiagnosticsFormat::Human | DiagnosticsFormat::Gitlab => None,
    }
}

/// Records the choice for the rest of the run (the first call wins).
pub fn set(format: DiagnosticsFormat, output: Option<PathBuf>) {
    let _ = CHOICE.set(Choice { format, output });
}

/// Records the language of problems for the rest of the run: `--lang` as
/// the raw command line gives it (every command's option), else the
/// environment's default, as reports have it.
pub fn set_lang<S: AsRef<std::ffi::OsStr>>(args: &[S]) {
    let mut found = None;
    let mut args = args.iter().map(|a| a.as_ref().to_str());
    while let Some(arg) = args.next() {
        let value = match arg {
            Some("--") => break,
            Some("--lang") => args.next().flatten(),
            Some(a) => a.strip_prefix("--lang="),
            None => None,
        };
        match value {
            Some("nb") => found = Some(Lang::Nb),
            Some("en") => found = Some(Lang::En),
            _ => {}
        }
    }
    let lang = found.unwrap_or_else(|| Lang::from_env(|name| std::env::var(name).ok()));
    let _ = LANG.set(lang);
}

/// The language problems are told in (English until [`set_lang`]).
pub fn lang() -> Lang {
    LANG.get().copied().unwrap_or_default()
}

pub fn format() -> DiagnosticsFormat {
    CHOICE.get().map(|c| c.format).unwrap_or_default()
}

/// A problem's line on stderr in the chosen shape (no newline).
pub fn line(d: &Diagnostic) -> String {
    match format() {
        DiagnosticsFormat::Json => json_line(d),
        DiagnosticsFormat::Github => github_line(d),
        DiagnosticsFormat::Human | DiagnosticsFormat::Gitlab => {
            if format() == DiagnosticsFormat::Gitlab
                && let Ok(mut seen) = SEEN.lock()
            {
                seen.push(d.clone());
            }
            messages::diagnostic(d, color::stderr())
        }
    }
}

/// Whether the human summary lines (`PATH: 2 errors; ...`) are printed:
/// not among JSON objects or workflow commands.
pub fn human_lines() -> bool {
    matches!(
        format(),
        DiagnosticsFormat::Human | DiagnosticsFormat::Gitlab
    )
}

/// An error that ends the run, from a file (`path`) or not: a baseline
/// error names its file, a usage error none.
pub fn fatal(message: &str, path: Option<&Path>) -> String {
    let human = human_lines().then(|| messages::error(message, color::stderr()));
    // "PATH:LINE:COLUMN: rest" (a baseline that is not JSON) is taken apart.
    let shown = path.map(|p| p.display().to_string()).unwrap_or_default();
    let (mut row, mut column, mut text) = (None, None, message);
    if let Some(rest) = message
        .strip_prefix(&format!("{shown}:"))
        .filter(|_| path.is_some())
    {
        let mut parts = rest.splitn(3, ':');
        if let (Some(l), Some(c), Some(m)) = (parts.next(), parts.next(), parts.next())
            && let (Ok(l), Ok(c)) = (l.parse(), c.parse())
        {
            (row, column, text) = (Some(l), Some(c), m.trim_start());
        }
    }
    let d = Diagnostic {
        path: shown,
        line: row,
        column,
        cell: false,
        severity: Severity::Error,
        message: text.to_string(),
    };
    match human {
        Some(human) => {
            // gitlab: the human line, and the problem in the report.
            if format() == DiagnosticsFormat::Gitlab
                && let Ok(mut seen) = SEEN.lock()
            {
                seen.push(d);
            }
            human
        }
        None => {
            // Several lines of one error are one message to a machine.
            let d = Diagnostic {
                message: d.message.replace('\n', "; "),
                ..d
            };
            line(&d)
        }
    }
}

/// Writes GitLab's code-quality report (every problem shown, maybe none)
/// when `gitlab` was chosen. An empty report is written too: GitLab then
/// shows that the problems of the last run are gone.
pub fn finish() -> std::io::Result<()> {
    let Some(choice) = CHOICE.get() else {
        return Ok(());
    };
    if choice.format != DiagnosticsFormat::Gitlab {
        return Ok(());
    }
    let seen = SEEN.lock().map(|s| s.clone()).unwrap_or_default();
    let path = choice
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(GITLAB_DEFAULT));
    std::fs::write(path, gitlab_report(&seen) + "\n")
}
