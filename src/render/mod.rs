//! Renderers: one per output format, each writing a report value to any
//! `io::Write` (so tests render into a `Vec<u8>`). They format; they never
//! compute.

pub mod csv;
pub mod json;
pub mod markdown;
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
    /// Markdown: headings and pipe tables, ready for a wiki, a mail or pandoc.
    Markdown,
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
            Format::Markdown => "markdown",
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

/// "1 person", "2 people": a count with its noun.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A level with its name: "3 advanced".
pub fn level(levels: &[String], level: crate::model::Level) -> String {
    match levels.get(level as usize) {
        Some(name) => format!("{level} {name}"),
        None => level.to_string(),
    }
}

/// Why a goal is there, for people: "role backend", "need rust-app (critical, by 2027-06-30, cloud)".
pub fn reason(reason: &crate::report::Reason) -> String {
    match reason {
        crate::report::Reason::Role { role, .. } => format!("role {role}"),
        crate::report::Reason::Need {
            need,
            priority,
            by,
            driver,
            ..
        } => {
            let mut details = vec![priority.to_string()];
            details.extend(by.map(|d| format!("by {d}")));
            details.extend(driver.clone());
            format!("need {need} ({})", details.join(", "))
        }
    }
}

/// Activities shown per mode in tables (JSON and CSV list them all).
const ACTIVITIES_SHOWN: usize = 3;

/// A goal's suggested activities, mode by mode, the first few of each:
/// "experience: Hospitering (40 h); social: Mentorordning (mandatory, 20 h), +2 more".
pub fn activities(suggestions: &[crate::report::SuggestedActivity]) -> Vec<String> {
    crate::model::Mode::ALL
        .iter()
        .filter_map(|&mode| {
            let in_mode: Vec<_> = suggestions.iter().filter(|a| a.mode == mode).collect();
            let mut names: Vec<String> = in_mode
                .iter()
                .take(ACTIVITIES_SHOWN)
                .map(|a| {
                    let mut notes = Vec::new();
                    if a.mandatory {
                        notes.push("mandatory".to_string());
                    }
                    notes.extend(a.hours.map(|h| format!("{h} h")));
                    if notes.is_empty() {
                        a.name.clone()
                    } else {
                        format!("{} ({})", a.name, notes.join(", "))
                    }
                })
                .collect();
            if in_mode.len() > ACTIVITIES_SHOWN {
                names.push(format!("+{} more", in_mode.len() - ACTIVITIES_SHOWN));
            }
            (!names.is_empty()).then(|| format!("{}: {}", mode.as_str(), names.join(", ")))
        })
        .collect()
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
