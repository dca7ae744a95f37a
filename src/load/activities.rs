//! Reads an activity log (FORMAT.md r3 "Activity log", `[profiles]
//! activities`): one row per activity done, with `person`, `hours` and
//! `date` (required), `skill`, `activity` and `mode`, English or Norwegian
//! headers, from a CSV file or a sheet. Its problems are worded and placed
//! as the assessment files' are (`place`), cell by cell.
//!
//! A row dated after D is not known yet and is left out, as an assessment
//! is (FORMAT.md r2 "Known at D"). The log is read after every assessment
//! file, so that it knows every person.

use std::path::Path;

use crate::diagnostics::{Diagnostics, clip, did_you_mean};
use crate::load::columns::{canonical, fold};
use crate::load::csv::{CsvFile, Row};
use crate::load::fields::optional_date;
use crate::load::long::unknown_person;
use crate::load::place::Place;
use crate::load::profiles::{Profiles, each_row, no_header, open_preferring, warn_skipped};
use crate::model::{Activity, ActivityLog, Date, Logged, Mode};

/// The log's columns and the other names each may be written as
/// (compared folded, as every header is).
const COLUMNS: &[(&str, &[&str])] = &[
    ("person", &["ansatt", "ansattnr", "id"]),
    ("hours", &["timer", "hour", "time"]),
    ("date", &["dato"]),
    ("skill", &["kompetanse", "ferdighet"]),
    ("activity", &["aktivitet"]),
    ("mode", &["læringsform", "laeringsform", "modus"]),
    // Read by no one, but expected beside a person: not warned about.
    ("name", &["navn"]),
];

/// The activity sheet of a survey form (issue 26), English and bokmål: a
/// workbook named in `activities` without a sheet is read from it when it
/// has one, else from its first sheet.
pub const LOG_SHEETS: [&str; 2] = ["Activities", "Aktiviteter"];

/// The most hours one row may hold: every hour of a leap year.
const MAX_HOURS: f64 = 8784.0;

/// The log column a header (folded) names.
fn column(header: &str) -> Option<&'static str> {
    COLUMNS
        .iter()
        .find(|(name, also)| *name == header || also.contains(&header))
        .map(|(name, _)| *name)
        // `person` is found the way every profile file finds its key.
        .or_else(|| matches!(canonical(header), Some("person" | "id")).then_some("person"))
}

/// A learning mode as a log's cell writes it: English, or the deck's
/// Norwegian words, any case.
pub fn parse_mode(text: &str) -> Option<Mode> {
    match fold(text).as_str() {
        "experience" | "erfaring" | "erfaringsbasert" => Some(Mode::Experience),
        "social" | "sosial" | "sosialt" => Some(Mode::Social),
        "formal" | "formell" | "formelt" => Some(Mode::Formal),
        _ => None,
    }
}

/// Hours as a cell writes them: a number from 0 up, `1,5` or `1.5`.
fn parse_hours(text: &str) -> Result<f64, String> {
    if text.is_empty() {
        return Err("hours is empty: give the hours spent".to_string());
    }
    match text.replace(',', ".").parse::<f64>() {
        Ok(h) if h.is_finite() && (0.0..=MAX_HOURS).contains(&h) => Ok(h),
        _ => Err(format!(
            "hours '{}' is not a number of hours from 0 to {MAX_HOURS}",
            clip(text)
        )),
    }
}

/// What reading the log needs besides the profiles: the catalogue (a row
/// may name an activity instead of a mode) and D.
pub struct LogContext<'a> {
    pub catalogue: &'a [Activity],
    pub as_of: Date,
}

/// Where a log's columns are (0-based).
struct LogColumns {
    person: usize,
    hours: usize,
    date: usize,
    skill: Option<usize>,
    activity: Option<usize>,
    mode: Option<usize>,
}

/// The log's columns from `file`'s header, or None after an error for
/// each problem: two cells naming one column, a required column missing,
/// neither a mode nor an activity. Other columns get one warning.
fn log_columns(file: &CsvFile, place: &Place, diags: &mut Diagnostics) -> Option<LogColumns> {
    let named: Vec<Option<&'static str>> = file.header.iter().map(|h| column(h)).collect();
    let find = |name: &str| named.iter().position(|c| *c == Some(name));
    let mut ok = true;
    for (i, c) in named.iter().enumerate() {
        if let Some(c) = c
            && find(c) != Some(i)
        {
            place.header_error(
                diags,
                i,
                format!(
                    "columns '{}' and '{}' both mean '{c}': keep one",
                    clip(&file.header_raw[find(c).unwrap_or(0)]),
                    clip(&file.header_raw[i])
                ),
            );
            ok = false;
        }
    }
    for required in ["person", "hours", "date"] {
        if find(required).is_none() {
            let why = if required == "person" {
                format!(": {}", no_header(file, "person"))
            } else {
                String::new()
            };
            place.file_error(
                diags,
                format!(
                    "activity log has no '{required}' column (columns: person, hours, date, skill, activity, mode; or ansatt, timer, dato, kompetanse, aktivitet, læringsform){why}"
                ),
            );
            ok = false;
        }
    }
    if find("mode").is_none() && find("activity").is_none() {
        place.file_error(
            diags,
            "activity log has neither a 'mode' nor an 'activity' column: each row needs its learning mode, or a [[activity]] that has one",
        );
        ok = false;
    }
    if !ok {
        return None;
    }
    let ignored: Vec<String> = file
        .header_raw
        .iter()
        .zip(&named)
        .filter(|(raw, c)| c.is_none() && !raw.is_empty())
        .map(|(raw, _)| format!("'{}'", clip(raw)))
        .collect();
    if !ignored.is_empty() {
        place.file_warning(
            diags,
            format!("columns {} are not read", ignored.join(", ")),
        );
    }
    Some(LogColumns {
        person: find("person").unwrap_or(0),
        hours: find("hours").unwrap_or(0),
        date: find("date").unwrap_or(0),
        skill: find("skill"),
        activity: find("activity"),
        mode: find("mode"),
    })
}

impl Profiles<'_> {
    /// Reads one activity log file (or sheet) into `log`.
    pub fn read_activities(
        &mut self,
        path: &Path,
        shown: &str,
        sheet: Option<&str>,
        context: &LogContext<'_>,
        log: &mut ActivityLog,
        diags: &mut Diagnostics,
    ) {
        let Some(mut file) = open_preferring(
            path,
            shown,
            sheet,
            &LOG_SHEETS,
            true,
            self.label_sheets,
            diags,
        ) else {
            return;
        };
        warn_skipped(&file, diags);
        let place = Place::of(&file);
        let Some(c) = log_columns(&file, &place, diags) else {
            return;
        };
        // The catalogue's names as rows are compared with them, folded once.
        let names: Vec<String> = context.catalogue.iter().map(|a| fold(&a.name)).collect();
        each_row(
            &mut file,
            "give the column a header, or delete its values",
            diags,
            |row, diags| {
                // A blank row, or a form's row with only its person filled
                // in (a survey form's activity sheet, issue 26): no entry.
                if (0..row.len()).all(|i| i == c.person || row.get(i).is_empty()) {
                    return;
                }
                let entry = self.entry(row, &c, &place, (context, &names), diags);
                // FORMAT.md r3: a row dated after D is not known yet.
                if let Some(entry) = entry.filter(|e| e.date <= context.as_of) {
                    log.entries.push(entry);
                }
            },
        );
    }

    /// One row of a log as an entry, or None after an error for each bad
    /// cell.
    fn entry(
        &self,
        row: &Row<'_>,
        c: &LogColumns,
        place: &Place,
        (context, names): (&LogContext<'_>, &[String]),
        diags: &mut Diagnostics,
    ) -> Option<Logged> {
        let line = row.line;
        let cell = |c: Option<usize>| c.map_or("", |c| row.get(c));
        let person = self.log_person(row.get(c.person), place, line, c.person, diags);
        let hours = parse_hours(row.get(c.hours))
            .map_err(|m| place.cell_error(diags, line, c.hours, m))
            .ok();
        let date = match optional_date(row.get(c.date), "date") {
            Ok(Some(d)) => Some(d),
            Ok(None) => {
                let why = "date is empty: give the day it was done";
                place.cell_error(diags, line, c.date, why);
                None
            }
            Err(m) => {
                place.cell_error(diags, line, c.date, m);
                None
            }
        };
        let skill = self.log_skill(cell(c.skill), place, line, c.skill.unwrap_or(0), diags);
        let activity_text = cell(c.activity);
        let activity = (!activity_text.is_empty())
            .then(|| {
                let folded = fold(activity_text);
                names.iter().position(|name| *name == folded)
            })
            .flatten();
        let mode = log_mode(cell(c.mode), activity_text, activity, context.catalogue)
            .map_err(|m| {
                let at = c.mode.or(c.activity).unwrap_or(0);
                place.cell_error(diags, line, at, m);
            })
            .ok();
        Some(Logged {
            person: person?,
            skill: skill.ok()?,
            hours: hours?,
            date: date?,
            mode: mode?,
            activity,
        })
    }

    /// The person a log row names: they must be known (people.csv, else
    /// the assessment files); never a suggestion of another person's id.
    fn log_person(
        &self,
        text: &str,
        place: &Place,
        line: usize,
        column: usize,
        diags: &mut Diagnostics,
    ) -> Option<usize> {
        if text.is_empty() {
            place.cell_error(diags, line, column, "person is empty");
            return None;
        }
        let found = self.people.find(text);
        if found.is_none() && !self.people_failed {
            place.cell_error(diags, line, column, unknown_person(text));
        }
        found
    }

    /// The skill a log row names by id or name (blank: general learning,
    /// `Ok(None)`), or `Err` after an error with a did-you-mean.
    fn log_skill(
        &self,
        text: &str,
        place: &Place,
        line: usize,
        column: usize,
        diags: &mut Diagnostics,
    ) -> Result<Option<usize>, ()> {
        if text.is_empty() {
            return Ok(None);
        }
        let found = self
            .skill_index
            .get(text)
            .copied()
            .or_else(|| self.skill_names.get(&fold(text)).map(|&s| s as usize));
        if found.is_none() {
            let spellings = self
                .skills
                .iter()
                .flat_map(|s| [s.id.as_str(), s.name.as_str()]);
            let hint = did_you_mean(text, spellings);
            place.cell_error(
                diags,
                line,
                column,
                format!("unknown skill '{}'{hint}", clip(text)),
            );
            return Err(());
        }
        Ok(found)
    }
}

/// A row's learning mode: its `mode` cell, else the mode of the catalogue
/// activity it names (`activity`), else why there is none.
fn log_mode(
    text: &str,
    activity_text: &str,
    activity: Option<usize>,
    catalogue: &[Activity],
) -> Result<Mode, String> {
    if !text.is_empty() {
        return parse_mode(text).ok_or_else(|| {
            format!(
                "mode '{}' is not a learning mode: use experience, social or formal (erfaring, sosial, formell)",
                clip(text)
            )
        });
    }
    if let Some(a) = activity {
        return Ok(catalogue[a].mode);
    }
    let why = if activity_text.is_empty() {
        "mode is empty and no activity is named".to_string()
    } else {
        let hint = did_you_mean(activity_text, catalogue.iter().map(|a| a.name.as_str()));
        format!(
            "mode is empty and '{}' is not a [[activity]] name{hint}",
            clip(activity_text)
        )
    };
    Err(format!(
        "{why}: give the mode (experience, social or formal)"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_and_hours_as_cells_write_them() {
        assert_eq!(parse_mode(" Sosial "), Some(Mode::Social));
        assert_eq!(parse_mode("FORMAL"), Some(Mode::Formal));
        assert_eq!(parse_mode("erfaringsbasert"), Some(Mode::Experience));
        assert_eq!(parse_mode("kurs"), None);
        assert_eq!(parse_hours("1,5"), Ok(1.5));
        assert_eq!(parse_hours("40"), Ok(40.0));
        assert!(parse_hours("-2").is_err());
        assert!(parse_hours("").is_err());
        assert!(parse_hours("mange").is_err());
    }

    #[test]
    fn headers_in_both_languages() {
        for (header, name) in [
            ("ansatt", "person"),
            ("person", "person"),
            ("timer", "hours"),
            ("dato", "date"),
            ("kompetanse", "skill"),
            ("aktivitet", "activity"),
            ("læringsform", "mode"),
            ("modus", "mode"),
        ] {
            assert_eq!(column(header), Some(name), "{header}");
        }
        assert_eq!(column("kommentar"), None);
    }
}
