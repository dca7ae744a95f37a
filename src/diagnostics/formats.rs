//! Diagnostics for machines (issue 30, `--diagnostics json|github|gitlab`):
//! one shape for every problem, whether it is in org.toml (`PATH:LINE:COL`),
//! a CSV file (`PATH:LINE:FIELD`), a workbook's cell (`PATH#SHEET!CELL`)
//! or a baseline. Pure: each function returns text, the CLI prints it.
//!
//! - JSON Lines: `{severity, code, name, path, line, column, sheet, cell,
//!   message, hint}`, one object per line;
//! - GitHub workflow commands: `::error file=…,line=…,col=…,title=…::…`;
//! - GitLab's code-quality report: one JSON array of issues.

use serde::Serialize;

use crate::diagnostics::codes::{Code, code_of, is_workbook};
use crate::diagnostics::{Diagnostic, Severity, column_letters};

/// Where a diagnostic is, taken apart: a workbook's path and sheet
/// (`book.xlsx#Ark1`), and its cell as a spreadsheet names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Annotation<'a> {
    pub severity: &'static str,
    pub code: &'static str,
    pub name: &'static str,
    pub path: &'a str,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub sheet: Option<&'a str>,
    pub cell: Option<String>,
    pub message: &'a str,
    /// The did-you-mean of the message, when it has one.
    pub hint: Option<&'a str>,
}

impl<'a> Annotation<'a> {
    pub fn of(d: &'a Diagnostic) -> Annotation<'a> {
        let (path, sheet) = match d.path.rsplit_once('#') {
            Some((file, sheet)) if is_workbook(file) => (file, Some(sheet)),
            _ => (d.path.as_str(), None),
        };
        let cell = match (d.cell, d.line, d.column) {
            (true, Some(line), Some(column)) => Some(format!("{}{line}", column_letters(column))),
            _ => None,
        };
        let code = code(d);
        Annotation {
            severity: match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            code: code.id,
            name: code.name,
            path,
            line: d.line,
            column: d.column,
            sheet,
            cell,
            message: &d.message,
            hint: hint(&d.message),
        }
    }
}

/// A diagnostic's code ([`code_of`] its message, where it was found).
pub fn code(d: &Diagnostic) -> Code {
    let path = (!d.path.is_empty()).then_some(d.path.as_str());
    code_of(&d.message, path)
}

/// "did you mean 'x'?" out of a message, when it has one.
fn hint(message: &str) -> Option<&str> {
    let start = message.find("did you mean ")?;
    let rest = &message[start..];
    let end = rest.find('?').map_or(rest.len(), |i| i + 1);
    Some(&rest[..end])
}

/// One JSON object, one line.
pub fn json_line(d: &Diagnostic) -> String {
    serde_json::to_string(&Annotation::of(d)).unwrap_or_default()
}

/// GitHub's escaping of a workflow command's message.
fn github_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// GitHub's escaping of a workflow command's property.
fn github_property(text: &str) -> String {
    github_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// A GitHub Actions workflow command: the annotation on the file's line
/// (a workbook's row; its sheet and cell are in the title).
pub fn github_line(d: &Diagnostic) -> String {
    let a = Annotation::of(d);
    // A problem in no file (a usage error) is annotated on the run.
    let mut properties = Vec::new();
    if !a.path.is_empty() {
        properties.push(format!("file={}", github_property(a.path)));
    }
    if let Some(line) = a.line {
        properties.push(format!("line={line}"));
    }
    if let (Some(column), None) = (a.column, &a.cell) {
        properties.push(format!("col={column}"));
    }
    let mut title = format!("{} {}", a.code, a.name);
    if let Some(sheet) = a.sheet {
        title.push_str(&format!(" in {sheet}"));
        if let Some(cell) = &a.cell {
            title.push_str(&format!("!{cell}"));
        }
    }
    properties.push(format!("title={}", github_property(&title)));
    format!(
        "::{} {}::{}",
        a.severity,
        properties.join(","),
        github_data(a.message)
    )
}

#[derive(Serialize)]
struct GitlabIssue<'a> {
    description: String,
    check_name: String,
    fingerprint: String,
    severity: &'static str,
    location: GitlabLocation<'a>,
}

#[derive(Serialize)]
struct GitlabLocation<'a> {
    path: &'a str,
    lines: GitlabLines,
}

#[derive(Serialize)]
struct GitlabLines {
    begin: usize,
}

/// A stable fingerprint (FNV-1a, 64 bits): the same problem in the same
/// place has the same one from run to run, as GitLab compares them.
fn fingerprint(parts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain([0]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// GitLab's code-quality report of `diagnostics`: a JSON array.
pub fn gitlab_report(diagnostics: &[Diagnostic]) -> String {
    let issues: Vec<GitlabIssue> = diagnostics
        .iter()
        .map(|d| {
            let a = Annotation::of(d);
            let place = match (&a.sheet, &a.cell) {
                (Some(sheet), Some(cell)) => format!(" ({sheet}!{cell})"),
                (Some(sheet), None) => format!(" ({sheet})"),
                _ => String::new(),
            };
            let line = a.line.unwrap_or(1).to_string();
            GitlabIssue {
                description: format!("{} {}{place}: {}", a.code, a.name, a.message),
                check_name: format!("{} {}", a.code, a.name),
                fingerprint: fingerprint(&[a.code, &d.path, &line, a.message]),
                severity: match d.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                },
                location: GitlabLocation {
                    path: a.path,
                    lines: GitlabLines {
                        begin: a.line.unwrap_or(1),
                    },
                },
            }
        })
        .collect();
    serde_json::to_string_pretty(&issues).unwrap_or_else(|_| "[]".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell() -> Diagnostic {
        Diagnostic {
            path: "hr.xlsx#Kartlegging".into(),
            line: Some(7),
            column: Some(3),
            cell: true,
            severity: Severity::Error,
            message: "unknown skill 'kubernets' (did you mean 'kubernetes'?)".into(),
        }
    }

    #[test]
    fn a_workbook_cell_is_taken_apart() {
        let d = cell();
        let a = Annotation::of(&d);
        assert_eq!((a.path, a.sheet), ("hr.xlsx", Some("Kartlegging")));
        assert_eq!(a.cell.as_deref(), Some("C7"));
        assert_eq!((a.code, a.name), ("K0203", "unknown-skill"));
        assert_eq!(a.hint, Some("did you mean 'kubernetes'?"));
    }

    #[test]
    fn github_escapes_properties_and_data() {
        let mut d = cell();
        d.message = "a: 100%\nb".into();
        assert_eq!(
            github_line(&d),
            "::error file=hr.xlsx,line=7,title=K0500 workbook in Kartlegging!C7::a: 100%25%0Ab"
        );
    }
}
