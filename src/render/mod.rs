//! Renderers: a report value written in one output format to any
//! `io::Write` (tests render into a `Vec<u8>`). They format; they never
//! compute, and they know nothing of the command line (no `clap` here).
//!
//! The human formats (table, markdown, HTML) write one [`outline`] per
//! report: [`layout`] says once what each report shows people, in the
//! terminal's or a document's words, and each human format only lays out
//! blocks ([`html`] also has the `report` command's own page). The machine
//! formats write the report's data: JSON serialises it, CSV has [`ToCsv`]
//! (typed rows, in two dialects), and XLSX lays those rows and more out as
//! sheets ([`ToXlsx`]). [`Render`] gathers what a report needs and
//! [`render`] is the one dispatch. Wording shared by the human formats is
//! in [`text`], their grids in [`grid`].

pub mod baseline;
pub mod baseline_balance;
pub mod csv;
pub mod grid;
pub mod html;
pub mod words;
pub mod json;
pub mod layout;
pub mod markdown;
pub mod market;
pub mod mentoring;
pub mod outline;
pub mod over_time;
pub mod paint;
pub mod present;
pub mod progress;
pub mod table;
pub mod text;
pub mod xlsx;

use std::fmt;
use std::io::{self, Write};
use std::path::Path;

use serde::Serialize;

use crate::report::ReportKind;

pub use self::csv::ToCsv;
pub use self::words::{Labels, Lang};
pub use self::outline::ToOutline;
pub use self::xlsx::ToXlsx;

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

/// A report that can be written in every format.
pub trait Render: Serialize + ToOutline + ToCsv + ToXlsx + ReportKind {}

impl<R: Serialize + ToOutline + ToCsv + ToXlsx + ReportKind> Render for R {}

/// Writes `report` in `format`; `style` matters to the human formats only.
pub fn render<R: Render, W: Write>(
    report: &R,
    format: Format,
    style: Style,
    out: W,
) -> io::Result<()> {
    match format {
        Format::Table => table::write(report, style, out),
        Format::Json => json::write(report, out),
        Format::Csv => csv::write(report, out),
        Format::Xlsx => xlsx::write(report, style.lang, out),
        Format::ExcelCsv => csv::write_dialect(report, csv::Dialect::Excel, out),
        Format::Html => html::write(report, style, out),
        Format::Markdown => markdown::write(report, style, out),
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
}
