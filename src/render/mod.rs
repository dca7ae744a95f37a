//! Renderers: one per output format, each writing a report value to any
//! `io::Write` (so tests render into a `Vec<u8>`). They format; they never
//! compute.

pub mod csv;
pub mod json;
pub mod table;

use std::fmt;
use std::path::Path;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned tables for a terminal.
    Table,
    /// One JSON object (the report value).
    Json,
    /// One row per item, comma-separated, for spreadsheets and scripts.
    Csv,
}

impl Format {
    /// The format an output path's extension implies.
    pub fn from_extension(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            "txt" | "text" => Some(Format::Table),
            _ => None,
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Csv => "csv",
        })
    }
}

/// Hours for people: whole numbers without decimals, others with one.
pub fn hours(value: f64) -> String {
    if (value - value.round()).abs() < 0.005 {
        format!("{}", value.round() as i64)
    } else {
        format!("{value:.1}")
    }
}

/// A share as a percentage for people: `66.7 %`, `100 %`.
pub fn percent(share: f64) -> String {
    let p = share * 100.0;
    if (p - p.round()).abs() < 0.05 {
        format!("{} %", p.round() as i64)
    } else {
        format!("{p:.1} %")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_for_people() {
        assert_eq!(hours(28.0), "28");
        assert_eq!(hours(13.2), "13.2");
        assert_eq!(percent(1.0), "100 %");
        assert_eq!(percent(2.0 / 3.0), "66.7 %");
        assert_eq!(
            Format::from_extension(Path::new("a/b.JSON")),
            Some(Format::Json)
        );
        assert_eq!(Format::from_extension(Path::new("b.xlsx")), None);
    }
}
