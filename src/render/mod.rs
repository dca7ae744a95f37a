//! Renderers: a report value written in one output format to any
//! `io::Write` (tests render into a `Vec<u8>`). They format; they never
//! compute, and they know nothing of the command line (no `clap` here).
//!
//! Two rooms and what they share. [`reports`] has one file per report:
//! what it shows people as an [`outline`] of blocks, in the terminal's or a
//! document's words ([`words`], English and bokmål), its grids and typed
//! rows and sheets ([`table`]). [`formats`] has one file per format, each
//! laying those out without naming a report. [`Render`] says which formats
//! a report has and [`render`] is the one dispatch. The `report` command's
//! page is an outline too, of its parts' outlines around a summary, a
//! heatmap and bars ([`reports::overview`]).

pub mod formats {
    //! Formats: one file per output format, each laying out what every report
    //! gives it: a document [`Outline`](crate::render::outline::Outline)
    //! (terminal, markdown, HTML), typed rows (CSV) or sheets (XLSX) from
    //! [`table`](crate::render::table), or the report value itself (JSON).
    //! A format imports only `table`, `outline` and `words`, and never names a
    //! report. A new format is one file here, its `Format` and its line in
    //! [`render`](crate::render::render) there, and its `--format` value
    //! in the cli.

    pub mod csv;
    pub mod html;
    pub mod json;
    pub mod markdown;
    pub mod terminal;
    pub mod xlsx;
}
pub mod outline;
pub mod reports;
pub mod table;
pub mod words;

use std::fmt;
use std::io::{self, Write};
use std::path::Path;

use serde::Serialize;

use crate::report::baseline::{BalanceComparison, GapComparison};
use crate::report::{
    BalanceReport, GapGroupsReport, GapReport, MarketReport, MatrixReport, OverviewReport,
    PersonGapReport, PersonReport, PlanReport, ProgressReport, ReportKind, WhoReport,
};

pub use self::formats::{csv, html, json, markdown, terminal, xlsx};
pub use self::outline::ToOutline;
use self::outline::{Dialect, Outline};
pub use self::table::{ToCsv, ToXlsx};
pub use self::words::{Labels, Lang};

/// How the human formats are laid out; the machine formats ignore it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Style {
    /// The language of labels and numbers (table, markdown).
    pub lang: Lang,
    /// Fit tables to this many columns (a terminal's width); None: every
    /// column at full width (output piped to a script).
    pub width: Option<u16>,
    /// Every column, however wide the table (`--wide`).
    pub wide: bool,
    /// Colour the table (`--color`, a terminal): never for a file or a
    /// machine format, which ignore it.
    pub color: bool,
    /// The language of the organisation's own words (`[organisation]
    /// language`): an HTML page in another language marks its names with
    /// it (WCAG 3.1.2). None: not said.
    pub data_lang: Option<&'static str>,
}

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Aligned tables for a terminal.
    Table,
    /// One JSON object (the report value).
    Json,
    /// One row per item, comma-separated, for spreadsheets and scripts.
    Csv,
    /// Markdown: headings and pipe tables, ready for a wiki, a mail or pandoc.
    Markdown,
    /// An Excel workbook, one sheet per view (binary).
    Xlsx,
    /// CSV for Excel: UTF-8 BOM, `;`, decimal comma, CRLF (`--csv-dialect excel`).
    ExcelCsv,
    /// One self-contained HTML page, for a browser.
    Html,
}

impl Format {
    /// The format an output path's extension implies.
    pub fn from_extension(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            "txt" | "text" => Some(Format::Table),
            "md" | "markdown" => Some(Format::Markdown),
            "xlsx" => Some(Format::Xlsx),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Csv | Format::ExcelCsv => "csv",
            Format::Markdown => "markdown",
            Format::Xlsx => "xlsx",
            Format::Html => "html",
        })
    }
}

impl Format {
    /// Every format a report can be written in.
    pub const ALL: &[Format] = &[
        Format::Table,
        Format::Json,
        Format::Csv,
        Format::ExcelCsv,
        Format::Markdown,
        Format::Xlsx,
        Format::Html,
    ];
}

/// A report and how it is written. [`Render::formats`] says which formats
/// it has, so the cli refuses any other once, before any work; the parts
/// it has ([`document`](Render::document), [`rows`](Render::rows),
/// [`sheets`](Render::sheets)) are what
/// [`render`], the one dispatch, lays out per format.
pub trait Render: Serialize + ReportKind {
    /// The formats it is written in, in the order a message lists them.
    fn formats() -> &'static [Format]
    where
        Self: Sized;

    /// Its document: what table, markdown and HTML lay out.
    fn document(&self) -> Option<&dyn ToOutline> {
        None
    }

    /// Its rows: CSV, in either dialect.
    fn rows(&self) -> Option<&dyn ToCsv> {
        None
    }

    /// Its workbook.
    fn sheets(&self) -> Option<&dyn ToXlsx> {
        None
    }

    /// Its JSON, where it prints that itself: the bytes of the value
    /// serialised, sooner (issue 28). `None`: the value is serialised.
    fn json(&self) -> Option<&dyn ToJson> {
        None
    }
}

/// A report that prints its own JSON, byte for byte what serialising it
/// with [`json::write`] gives.
pub trait ToJson {
    fn write_json(&self, out: &mut dyn Write) -> io::Result<()>;
}

/// Reports written in `formats` from the parts each has, the report
/// itself: a document ([`ToOutline`]), rows ([`ToCsv`]), a workbook
/// ([`ToXlsx`]).
macro_rules! renders {
    (@one $formats:expr, [$($part:ident: $has:ident),*], $report:ty) => {
        impl Render for $report {
            fn formats() -> &'static [Format] {
                $formats
            }

            $(fn $part(&self) -> Option<&dyn $has> {
                Some(self)
            })*
        }
    };
    ($formats:expr, $parts:tt, $($report:ty),+ $(,)?) => {
        $(renders!(@one $formats, $parts, $report);)+
    };
}

renders!(
    Format::ALL,
    [document: ToOutline, rows: ToCsv, sheets: ToXlsx],
    GapReport,
    PersonGapReport,
    GapGroupsReport,
    PlanReport,
    MarketReport,
    ProgressReport,
    WhoReport,
    MatrixReport,
);

// The balance prints its due list itself.
renders!(
    Format::ALL,
    [document: ToOutline, rows: ToCsv, sheets: ToXlsx, json: ToJson],
    BalanceReport,
);

// A comparison with a baseline: the workbook and the page have no place
// for it yet.
renders!(
    &[Format::Table, Format::Json, Format::Csv, Format::ExcelCsv, Format::Markdown],
    [document: ToOutline, rows: ToCsv],
    GapComparison,
    BalanceComparison,
);

/// `gap --need ID`: one need with everything, its people by name. JSON is
/// the need's object as `gap` has it.
pub struct NeedView<'a> {
    pub report: &'a GapReport,
    pub need: &'a crate::report::NeedGap,
}

impl Serialize for NeedView<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.need.serialize(serializer)
    }
}

impl ReportKind for NeedView<'_> {
    fn kind(&self) -> &'static str {
        "need"
    }
}

renders!(
    &[Format::Table, Format::Markdown, Format::Html, Format::Json],
    [document: ToOutline],
    NeedView<'_>,
);

impl ToOutline for NeedView<'_> {
    fn outline_in(&self, dialect: Dialect, labels: Labels) -> Outline {
        reports::gap::need_view(self.report, self.need, dialect, labels)
    }
}

/// `kompetanse report`: the overview as its own page, with `--since` the
/// progress that page adds; JSON and the workbook are the overview's.
pub struct Overview<'a> {
    pub report: &'a OverviewReport,
    pub progress: Option<&'a ProgressReport>,
}

impl Serialize for Overview<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.report.serialize(serializer)
    }
}

impl ReportKind for Overview<'_> {
    fn kind(&self) -> &'static str {
        self.report.kind()
    }
}

impl Render for Overview<'_> {
    fn formats() -> &'static [Format] {
        &[Format::Html, Format::Xlsx, Format::Json]
    }

    fn sheets(&self) -> Option<&dyn ToXlsx> {
        Some(self.report)
    }

    fn document(&self) -> Option<&dyn ToOutline> {
        Some(self)
    }
}

impl ToOutline for Overview<'_> {
    /// The page, in either dialect: it is written as HTML only.
    fn outline_in(&self, _dialect: Dialect, labels: Labels) -> Outline {
        reports::overview::page(self.report, self.progress, labels)
    }
}

// The team page: a document, and JSON.
renders!(
    &[Format::Html, Format::Markdown, Format::Json],
    [document: ToOutline],
    crate::report::TeamReport,
);

// `report --person ID`: one person's page (issue 23), a document and a
// workbook; JSON is the report value.
renders!(
    &[Format::Html, Format::Markdown, Format::Xlsx, Format::Json],
    [document: ToOutline, sheets: ToXlsx],
    PersonReport,
);

/// Writes `report` in `format`; `style` matters to the human formats only.
/// A format the report does not have ([`Render::formats`], which the cli
/// checks first) is an error.
pub fn render<R: Render, W: Write>(
    report: &R,
    format: Format,
    style: Style,
    mut out: W,
) -> io::Result<()> {
    let missing = || {
        io::Error::other(format!(
            "a {} report is not written in {format}",
            report.kind()
        ))
    };
    match format {
        Format::Json => match report.json() {
            Some(printed) => printed.write_json(&mut out),
            None => json::write(report, out),
        },
        Format::Table => terminal::write(report.document().ok_or_else(missing)?, style, out),
        Format::Markdown => markdown::write(report.document().ok_or_else(missing)?, style, out),
        Format::Html => html::write(report.document().ok_or_else(missing)?, style, out),
        Format::Csv => csv::write(report.rows().ok_or_else(missing)?, out),
        Format::ExcelCsv => {
            csv::write_dialect(report.rows().ok_or_else(missing)?, csv::Dialect::Excel, out)
        }
        Format::Xlsx => xlsx::write(report.sheets().ok_or_else(missing)?, style.lang, out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_from_extensions() {
        assert_eq!(
            Format::from_extension(Path::new("a/b.JSON")),
            Some(Format::Json)
        );
        assert_eq!(
            Format::from_extension(Path::new("b.md")),
            Some(Format::Markdown)
        );
        assert_eq!(
            Format::from_extension(Path::new("b.XLSX")),
            Some(Format::Xlsx)
        );
        assert_eq!(Format::from_extension(Path::new("b.xls")), None);
    }

    /// A report that prints its own JSON (the balance, issue 28) prints the
    /// bytes of its value serialised: every field, the due list with each
    /// reason, a unit and none, names and none, and the phase-out list.
    #[test]
    fn printed_json_is_the_value_serialised() {
        use crate::analysis::balance::{BalanceOptions, balance_report};
        for (example, unit) in [
            ("examples/tiny/org.toml", None),
            ("examples/virksomhet-x/org.toml", None),
            ("examples/virksomhet-x/org.toml", Some("it")),
            ("examples/nordvik-kommune/org.toml", None),
        ] {
            let inputs = crate::inputs::Inputs::new(example);
            let org = crate::inputs::open(&inputs).org.unwrap();
            let options = BalanceOptions {
                unit: unit.map(str::to_string),
                by_unit: true,
                expiring_days: 3650,
            };
            let report = balance_report(&org, &options);
            assert!(report.json().is_some());
            let mut printed = Vec::new();
            render(&report, Format::Json, Style::default(), &mut printed).unwrap();
            let mut serialised = Vec::new();
            json::write(&report, &mut serialised).unwrap();
            assert_eq!(
                String::from_utf8(printed).unwrap(),
                String::from_utf8(serialised).unwrap(),
                "{example} {unit:?}"
            );
            if example.contains("virksomhet") && unit.is_none() {
                assert!(report.due.len() > 10 && !report.phase_out.is_empty());
            }
        }
    }
}
