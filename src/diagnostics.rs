//! Problems as data: every error and warning found in an organisation's
//! files, with the file and line it came from; the checks that need the
//! whole organisation at once (after loading) are in `organisation`.
//!
//! Nothing here prints. The CLI renders diagnostics one per line as
//! `PATH:LINE: error: MESSAGE` (or `PATH:LINE:COLUMN:` for TOML).

use std::fmt;

use rustc_hash::FxHashMap as HashMap;

pub mod codes;
pub mod formats;
mod limits;
pub mod norsk;
mod organisation;
pub use organisation::{Places, check_organisation};

// The did-you-mean and the clipping every message uses live in the leaf
// `crate::suggest` (the model uses them too); the loaders take them from here.
pub use crate::suggest::{SUGGEST_PEOPLE_LIMIT, clip, clip_to, did_you_mean, suggest};

/// Unknown person ids that get a did-you-mean when read sequentially (wide
/// format), counted over the whole load.
pub const SUGGESTIONS_PER_LOAD: usize = 50;

/// Unknown person ids per block of a long-format file that get a
/// did-you-mean: blocks are parsed in parallel and know nothing of each
/// other, so the cap is per block (a file gets up to this many per 2 MB).
pub const SUGGESTIONS_PER_BLOCK: usize = 10;

/// Did-you-mean searches in one run by checks that have no counter of
/// their own (org.toml references, roles, wide headers): each compares
/// with every candidate, so a file of unknown ids must not search for all.
pub const SUGGESTION_SEARCHES: usize = 200;

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

/// All problems found so far, in the order found: the first
/// [`limits::PER_KIND`] of each kind in each file and the first
/// [`limits::TOTAL`] in all are kept; the others are only counted, so
/// memory stays bounded whatever a file holds.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
    /// Counters of repeated warnings, one per (file, kind); few, so a Vec.
    repeated: Vec<Repeated>,
    /// Diagnostics met per (severity, file, kind), listed or not; bounded
    /// by `limits::KINDS` (then new kinds share one counter per file).
    kinds: HashMap<String, usize>,
    /// The counters of `kinds` in the order first met, with where the last
    /// listed one of each is (its summary line goes after it).
    kind_counts: Vec<KindCount>,
    /// Diagnostics met after the total cap, per file and severity.
    beyond: Vec<(String, Severity, usize)>,
    /// Every error met, listed or not.
    errors: usize,
    /// Did-you-mean searches made (`may_suggest`).
    suggestions: usize,
}

#[derive(Debug, Clone)]
struct KindCount {
    path: String,
    severity: Severity,
    met: usize,
    last: (usize, usize),
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
        self.add(Diagnostic {
            path: path.to_string(),
            line,
            column,
            cell: false,
            severity,
            message,
        });
    }

    /// A diagnostic made whole by the caller (a problem in a sheet's cell).
    /// Every diagnostic comes through here: it is counted, and kept only
    /// while its kind in its file, and all kept, are under their caps.
    pub fn add(&mut self, mut diagnostic: Diagnostic) {
        if diagnostic.severity == Severity::Error {
            self.errors += 1;
        }
        if self.items.len() >= limits::TOTAL {
            let (path, severity) = (&diagnostic.path, diagnostic.severity);
            match self
                .beyond
                .iter_mut()
                .find(|(p, s, _)| p == path && *s == severity)
            {
                Some((_, _, n)) => *n += 1,
                None => self.beyond.push((path.clone(), severity, 1)),
            }
            return;
        }
        if let std::borrow::Cow::Owned(short) = clip_to(&diagnostic.message, limits::MESSAGE_CHARS)
        {
            diagnostic.message = short;
        }
        let severity = match diagnostic.severity {
            Severity::Error => 'e',
            Severity::Warning => 'w',
        };
        let mut key = format!(
            "{severity}\0{}\0{}",
            diagnostic.path,
            limits::kind_of(&diagnostic.message)
        );
        if self.kinds.len() >= limits::KINDS && !self.kinds.contains_key(&key) {
            key = format!("{severity}\0{}\0", diagnostic.path);
        }
        let at = match self.kinds.get(&key) {
            Some(&at) => at,
            None => {
                self.kind_counts.push(KindCount {
                    path: diagnostic.path.clone(),
                    severity: diagnostic.severity,
                    met: 0,
                    last: (0, 0),
                });
                self.kinds.insert(key, self.kind_counts.len() - 1);
                self.kind_counts.len() - 1
            }
        };
        let count = &mut self.kind_counts[at];
        count.met += 1;
        if count.met <= limits::PER_KIND {
            count.last = (diagnostic.line.unwrap_or(0), diagnostic.column.unwrap_or(0));
            self.items.push(diagnostic);
        }
    }

    /// True while a did-you-mean search may still be made in this run
    /// (each call counts one): see [`SUGGESTION_SEARCHES`].
    pub fn may_suggest(&mut self) -> bool {
        self.suggestions += 1;
        self.suggestions <= SUGGESTION_SEARCHES
    }

    /// Every error met, also those not listed.
    pub fn error_count(&self) -> usize {
        self.errors
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
        self.errors > 0
    }

    /// Every diagnostic listed: file by file in the order files were first
    /// mentioned, by line within a file (file-wide ones first), each
    /// kind's "... and N more" after its last listed one; then the
    /// summaries of repeated warnings, and what the total cap left out.
    pub fn into_vec(self) -> Vec<Diagnostic> {
        let mut files: HashMap<&str, usize> = HashMap::default();
        for d in &self.items {
            let next = files.len();
            files.entry(d.path.as_str()).or_insert(next);
        }
        let summaries = self
            .kind_counts
            .iter()
            .filter(|k| k.met > limits::PER_KIND)
            .map(|k| {
                let more = k.met - limits::PER_KIND;
                let what = plural(more, k.severity);
                let message = format!("... and {more} more {what} like this in {}", k.path);
                (k.last, summary(&k.path, k.severity, message))
            });
        let mut all: Vec<((usize, usize, usize, bool), Diagnostic)> = self
            .items
            .iter()
            .map(|d| {
                let at = (d.line.unwrap_or(0), d.column.unwrap_or(0));
                ((0, at.0, at.1, false), d.clone())
            })
            .chain(summaries.map(|(at, d)| ((0, at.0, at.1, true), d)))
            .collect();
        for (key, d) in &mut all {
            key.0 = files.get(d.path.as_str()).copied().unwrap_or(usize::MAX);
        }
        all.sort_by_key(|(key, _)| *key);
        let mut out: Vec<Diagnostic> = all.into_iter().map(|(_, d)| d).collect();
        for r in self.repeated {
            if r.more > 0 {
                let message = format!("{} more {} not listed", r.more, r.summary);
                out.push(summary(&r.path, Severity::Warning, message));
            }
        }
        for (path, severity, more) in self.beyond {
            let what = plural(more, severity);
            let message = format!(
                "... and {more} more {what} in {path} not listed (at most {} problems are)",
                limits::TOTAL
            );
            out.push(summary(&path, severity, message));
        }
        out
    }
}

/// "error", "errors", "warning" or "warnings" for `n` of them.
fn plural(n: usize, severity: Severity) -> &'static str {
    match (severity, n == 1) {
        (Severity::Error, true) => "error",
        (Severity::Error, false) => "errors",
        (Severity::Warning, true) => "warning",
        (Severity::Warning, false) => "warnings",
    }
}

/// A file-wide line that sums up diagnostics not listed.
fn summary(path: &str, severity: Severity, message: String) -> Diagnostic {
    Diagnostic {
        path: path.to_string(),
        line: None,
        column: None,
        cell: false,
        severity,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_capped_per_kind_and_in_all_but_all_counted() {
        let mut d = Diagnostics::default();
        // 30 of one kind in a.csv: 20 listed, then "... and 10 more".
        for line in 1..=30 {
            d.error(
                "a.csv",
                Some(line),
                format!("level '{line}x' is not on the scale"),
            );
        }
        // 2,000 kinds of one each in b.csv: 500 kinds in all (a.csv's and
        // 499 of b.csv's) are counted one by one, the rest together (20
        // listed, 1,481 counted).
        let word = |mut i: usize| {
            let mut w = String::new();
            loop {
                w.push((b'a' + (i % 26) as u8) as char);
                i /= 26;
                if i == 0 {
                    return w;
                }
            }
        };
        for i in 0..2000 {
            d.warning("b.csv", None, format!("odd {}", word(i)));
        }
        // 100 files of 10 errors each: 539 are listed so far, so 461 more
        // are (c0 to c45 and one of c46), and c46 to c99 are counted.
        for f in 0..100 {
            for line in 1..=10 {
                d.error(&format!("c{f}.csv"), Some(line), "bad");
            }
        }
        assert_eq!(d.error_count(), 30 + 1000);
        let v: Vec<String> = d.into_vec().iter().map(|d| d.to_string()).collect();
        assert_eq!(v[19], "a.csv:20: error: level '20x' is not on the scale");
        assert_eq!(
            v[20],
            "a.csv: error: ... and 10 more errors like this in a.csv"
        );
        assert_eq!(
            v[21 + 519],
            "b.csv: warning: ... and 1481 more warnings like this in b.csv"
        );
        assert_eq!(v.len(), 21 + 520 + 461 + 54);
        assert_eq!(
            v.last().unwrap(),
            "c99.csv: error: ... and 10 more errors in c99.csv not listed (at most 1000 problems are)"
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
