//! Problems as data: every error and warning found in an organisation's
//! files, with the file and line it came from; the checks that need the
//! whole organisation at once (after loading) are in `organisation`.
//!
//! Nothing here prints. The CLI renders diagnostics one per line as
//! `PATH:LINE: error: MESSAGE` (or `PATH:LINE:COLUMN:` for TOML).

use std::fmt;

mod organisation;
pub use organisation::{Places, check_organisation};

/// Suggestions for misspelt person ids compare against every id; past this
/// many people that costs more than it helps (in loading and in look-ups).
pub const SUGGEST_PEOPLE_LIMIT: usize = 20_000;

/// Unknown person ids that get a did-you-mean when read sequentially (wide
/// format), counted over the whole load.
pub const SUGGESTIONS_PER_LOAD: usize = 50;

/// Unknown person ids per block of a long-format file that get a
/// did-you-mean: blocks are parsed in parallel and know nothing of each
/// other, so the cap is per block (a file gets up to this many per 2 MB).
pub const SUGGESTIONS_PER_BLOCK: usize = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file; for a sheet of a workbook `PATH#SHEET`.
    pub path: String,
    pub line: Option<usize>,
    /// 1-based; in a CSV file the field number.
    pub column: Option<usize>,
    /// True when line and column name a cell of a sheet, shown the way
    /// spreadsheets name it: `PATH#SHEET!F2` rather than `PATH:2:6`.
    pub cell: bool,
    pub severity: Severity,
    pub message: String,
}

/// A spreadsheet's name for the column at 1-based `column`: A..Z, AA, AB...
pub fn column_letters(column: usize) -> String {
    let mut n = column.max(1);
    let mut letters = Vec::new();
    while n > 0 {
        let digit = (n - 1) % 26;
        letters.push(b'A' + digit as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path)?;
        match (self.line, self.column) {
            (Some(line), Some(column)) if self.cell => {
                write!(f, "!{}{line}", column_letters(column))?;
            }
            (Some(line), column) => {
                write!(f, ":{line}")?;
                if let Some(column) = column {
                    write!(f, ":{column}")?;
                }
            }
            (None, _) => {}
        }
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, ": {severity}: {}", self.message)
    }
}

/// How many warnings of one kind in one file are listed before they are summed up.
const WARNINGS_LISTED: usize = 5;

/// All problems found so far, in the order found.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
    /// Counters of repeated warnings, one per (file, kind); few, so a Vec.
    repeated: Vec<Repeated>,
}

#[derive(Debug, Clone)]
struct Repeated {
    path: String,
    kind: &'static str,
    listed: usize,
    more: usize,
    summary: &'static str,
}

impl Diagnostics {
    pub fn error(&mut self, path: &str, line: Option<usize>, message: impl Into<String>) {
        self.push(path, line, None, Severity::Error, message.into());
    }

    pub fn error_at(&mut self, path: &str, line: usize, column: usize, message: impl Into<String>) {
        self.push(
            path,
            Some(line),
            Some(column),
            Severity::Error,
            message.into(),
        );
    }

    pub fn warning(&mut self, path: &str, line: Option<usize>, message: impl Into<String>) {
        self.push(path, line, None, Severity::Warning, message.into());
    }

    pub fn warning_at(
        &mut self,
        path: &str,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) {
        self.push(
            path,
            Some(line),
            Some(column),
            Severity::Warning,
            message.into(),
        );
    }

    /// A warning that may repeat many times in a file (stale rows, people
    /// without a role): the first few are listed, the rest counted in one
    /// summary line, `summary` being the plural noun phrase for them. The
    /// message is only built when it is listed: this sits on hot paths.
    pub fn repeated_warning(
        &mut self,
        kind: &'static str,
        path: &str,
        line: Option<usize>,
        message: impl FnOnce() -> String,
        summary: &'static str,
    ) {
        let at = match self
            .repeated
            .iter()
            .position(|r| r.kind == kind && r.path == path)
        {
            Some(i) => i,
            None => {
                self.repeated.push(Repeated {
                    path: path.to_string(),
                    kind,
                    listed: 0,
                    more: 0,
                    summary,
                });
                self.repeated.len() - 1
            }
        };
        let counter = &mut self.repeated[at];
        if counter.listed < WARNINGS_LISTED {
            counter.listed += 1;
            self.warning(path, line, message());
        } else {
            counter.more += 1;
        }
    }

    fn push(
        &mut self,
        path: &str,
        line: Option<usize>,
        column: Option<usize>,
        severity: Severity,
        message: String,
    ) {
        self.items.push(Diagnostic {
            path: path.to_string(),
            line,
            column,
            cell: false,
            severity,
            message,
        });
    }

    /// A diagnostic made whole by the caller (a problem in a sheet's cell).
    pub fn add(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// True while warnings of `kind` in `path` are still listed one by one
    /// (callers with many at once may count the rest with `repeated_more`).
    pub fn listing(&self, kind: &'static str, path: &str) -> bool {
        self.repeated
            .iter()
            .find(|r| r.kind == kind && r.path == path)
            .is_none_or(|r| r.listed < WARNINGS_LISTED)
    }

    /// Counts `n` more warnings of `kind` in `path` past the listed ones.
    pub fn repeated_more(
        &mut self,
        kind: &'static str,
        path: &str,
        n: usize,
        summary: &'static str,
    ) {
        if n == 0 {
            return;
        }
        match self
            .repeated
            .iter_mut()
            .find(|r| r.kind == kind && r.path == path)
        {
            Some(r) => r.more += n,
            None => self.repeated.push(Repeated {
                path: path.to_string(),
                kind,
                listed: WARNINGS_LISTED,
                more: n,
                summary,
            }),
        }
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    /// Every diagnostic: file by file in the order files were first
    /// mentioned, by line within a file (file-wide ones first), and the
    /// summaries of repeated warnings last.
    pub fn into_vec(mut self) -> Vec<Diagnostic> {
        let mut files: Vec<String> = Vec::new();
        for d in &self.items {
            if !files.contains(&d.path) {
                files.push(d.path.clone());
            }
        }
        self.items.sort_by_key(|d| {
            let file = files.iter().position(|f| *f == d.path);
            (file, d.line.unwrap_or(0), d.column.unwrap_or(0))
        });
        for r in std::mem::take(&mut self.repeated) {
            if r.more > 0 {
                let message = format!("{} more {} not listed", r.more, r.summary);
                self.push(&r.path, None, None, Severity::Warning, message);
            }
        }
        self.items
    }
}

/// The closest of `candidates` to a misspelt `word`, if one is close enough
/// to be what was meant: the same but for case, or within a few edits
/// (a swap of two neighbours counts as one), one edit for short words.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = word.to_lowercase();
    let allowed = (lower.chars().count() / 3).clamp(1, 3);
    candidates
        .into_iter()
        .filter(|c| *c != word)
        .filter_map(|c| {
            let other = c.to_lowercase();
            let distance = strsim::osa_distance(&lower, &other);
            let close = distance <= allowed && distance < other.chars().count();
            close.then(|| (c, distance, strsim::jaro_winkler(&lower, &other)))
        })
        .min_by(|a, b| a.1.cmp(&b.1).then(b.2.total_cmp(&a.2)))
        .map(|(c, _, _)| c)
}

/// " (did you mean 'x'?)" or nothing.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    match suggest(word, candidates) {
        Some(s) => format!(" (did you mean '{s}'?)"),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_words_only() {
        assert_eq!(suggest("rsut", ["rust", "sql"]), Some("rust"));
        assert_eq!(suggest("Rust", ["rust", "sql"]), Some("rust"));
        assert_eq!(suggest("kubernetes", ["rust", "sql"]), None);
        assert_eq!(suggest("aad", ["ada", "bo"]), Some("ada"));
        assert_eq!(suggest("b0", ["ada", "bo"]), Some("bo"));
        assert_eq!(suggest("dve", ["dev", "support"]), Some("dev"));
        assert_eq!(suggest("it/ki", ["it", "it/platform"]), None);
        assert_eq!(suggest("it/ml", ["it/platform"]), None);
        assert_eq!(suggest("apps", ["app", "kunde"]), Some("app"));
        assert_eq!(
            suggest("70-20-11", ["70-20-10", "40-50-10"]),
            Some("70-20-10")
        );
    }

    #[test]
    fn diagnostics_render_path_line_column() {
        let mut d = Diagnostics::default();
        d.error("org.toml", Some(3), "bad");
        d.error_at("org.toml", 3, 7, "worse");
        d.warning("people.csv", None, "meh");
        let lines: Vec<String> = d.into_vec().iter().map(|d| d.to_string()).collect();
        assert_eq!(
            lines,
            [
                "org.toml:3: error: bad",
                "org.toml:3:7: error: worse",
                "people.csv: warning: meh"
            ]
        );
    }

    #[test]
    fn sheet_cells_render_as_spreadsheets_name_them() {
        assert_eq!(
            [1, 6, 26, 27, 52, 53, 702, 703].map(column_letters),
            ["A", "F", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]
        );
        let d = Diagnostic {
            path: "k.xlsx#Helse".into(),
            line: Some(2),
            column: Some(6),
            cell: true,
            severity: Severity::Error,
            message: "column 'demens': bad".into(),
        };
        assert_eq!(
            d.to_string(),
            "k.xlsx#Helse!F2: error: column 'demens': bad"
        );
    }

    #[test]
    fn repeated_warnings_are_summed_up() {
        let mut d = Diagnostics::default();
        for i in 0..8 {
            d.repeated_warning(
                "stale",
                "a.csv",
                Some(i + 2),
                || "stale".into(),
                "stale assessments",
            );
        }
        let v = d.into_vec();
        assert_eq!(v.len(), WARNINGS_LISTED + 1);
        assert_eq!(
            v.last().unwrap().to_string(),
            "a.csv: warning: 3 more stale assessments not listed"
        );
    }
}
