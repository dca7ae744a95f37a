//! Reads a sheet of an `.xlsx`, `.xlsm` or `.ods` workbook (FORMAT.md
//! "Spreadsheets") with `calamine`, as the same rows a CSV export of the
//! sheet gives, so the people, wide and long readers read it with the same
//! rules. A cell becomes the text its CSV export would hold in the forms
//! every field parser accepts: a whole number its digits (`1001`, `3`),
//! another number its decimal text (`2.5`, still no level), a date cell
//! its ISO date, a formula its cached value, an empty cell blank. A cell
//! holding an error (`#N/A`) is an error at that cell.

use std::ops::Range;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use std::io::{Cursor, Read, Seek};

use calamine::{Data, ExcelDateTime, ExcelDateTimeType, Reader, Sheets, Xlsx, open_workbook_auto};

use crate::diagnostics::{Diagnostics, did_you_mean};
use crate::load::columns::fold;
use crate::load::csv::{CsvFile, SheetRows};
use crate::load::place::Place;

mod guard;

/// True when `path` names a workbook (by its extension).
pub fn is_workbook(path: &Path) -> bool {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    matches!(ext.as_str(), "xlsx" | "xlsm" | "ods")
}

/// Opens sheet `sheet` (default: the first) of the workbook at `path`,
/// shown as `shown`, as a file of rows named `shown#SHEET`. Problems are
/// reported here.
pub fn open(
    path: &Path,
    shown: &str,
    sheet: Option<&str>,
    label_sheet: bool,
    diags: &mut Diagnostics,
) -> Option<CsvFile> {
    open_preferring(path, shown, sheet, &[], label_sheet, diags)
}

/// As [`open`], but without a sheet named, the first sheet whose name is
/// one of `preferred` (ignoring case) before the first sheet: a survey
/// form's activity sheet (issue 26) is read from the form itself.
pub fn open_preferring(
    path: &Path,
    shown: &str,
    sheet: Option<&str>,
    preferred: &[&str],
    label_sheet: bool,
    diags: &mut Diagnostics,
) -> Option<CsvFile> {
    // Measured before calamine reads it: sizes calamine trusts abort the
    // process or never end (issue 27).
    let opened = match guard::check(path) {
        Err(e) => {
            diags.error(shown, None, e);
            return None;
        }
        // Unknown error codes marked: read from memory (F20).
        Ok(Some(marked)) => Xlsx::new(Cursor::new(marked))
            .map(|book| {
                let sheet = sheet
                    .map(str::to_string)
                    .or_else(|| preferred_sheet(&book.sheet_names(), preferred));
                read(
                    Sheets::Xlsx(book),
                    shown,
                    sheet.as_deref(),
                    label_sheet,
                    diags,
                )
            })
            .map_err(calamine::Error::Xlsx),
        Ok(None) => open_workbook_auto(path).map(|book| {
            let sheet = sheet
                .map(str::to_string)
                .or_else(|| preferred_sheet(&book.sheet_names(), preferred));
            read(book, shown, sheet.as_deref(), label_sheet, diags)
        }),
    };
    match opened {
        Ok(file) => file,
        Err(e) => {
            diags.error(shown, None, format!("cannot read the workbook: {e}"));
            None
        }
    }
}

/// The first of `names` that is one of `preferred`, ignoring case.
fn preferred_sheet(names: &[String], preferred: &[&str]) -> Option<String> {
    names
        .iter()
        .find(|n| preferred.iter().any(|p| fold(p) == fold(n)))
        .cloned()
}

/// Sheet `sheet` of the opened `book`, as [`open`] gives it.
fn read<RS: Read + Seek>(
    mut book: Sheets<RS>,
    shown: &str,
    sheet: Option<&str>,
    label_sheet: bool,
    diags: &mut Diagnostics,
) -> Option<CsvFile> {
    let names = book.sheet_names();
    let name = match sheet {
        None => match names.first() {
            Some(first) => first.clone(),
            None => {
                diags.error(shown, None, "the workbook has no sheets");
                return None;
            }
        },
        // Excel's sheet names are not case-sensitive (FORMAT.md r3).
        Some(wanted) => match names
            .iter()
            .find(|n| *n == wanted)
            .or_else(|| names.iter().find(|n| fold(n) == fold(wanted)))
        {
            Some(n) => n.clone(),
            None => {
                // Under --pseudonymize the sheets are not listed: a
                // sheet may be named after a person (issue 27, F13).
                let message = match label_sheet {
                    true => format!("the workbook has no sheet '{wanted}'"),
                    false => format!(
                        "the workbook has no sheet '{wanted}'{} (sheets: {})",
                        did_you_mean(wanted, names.iter().map(String::as_str)),
                        names.join(", ")
                    ),
                };
                diags.error(shown, None, message);
                return None;
            }
        },
    };
    // calamine panics on some damaged sheets (a cell reference whose
    // column overflows, found by fuzzing: tests/fuzz_regressions/xlsx): a
    // damaged workbook is an error at the file, never a crash.
    let read = catch_unwind(AssertUnwindSafe(|| book.worksheet_range(&name)));
    let range = match read {
        Ok(Ok(range)) => range,
        Ok(Err(e)) => {
            diags.error(shown, None, format!("cannot read sheet '{name}': {e}"));
            return None;
        }
        Err(_) => {
            diags.error(
                shown,
                None,
                format!("cannot read sheet '{name}': the workbook is damaged"),
            );
            return None;
        }
    };
    let shown = match label_sheet {
        true => {
            let number = names.iter().position(|n| *n == name).unwrap_or(0) + 1;
            format!("{shown}#sheet{number}")
        }
        false => format!("{shown}#{name}"),
    };
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut rows = SheetRows::default();
    // Error cells (line, column, text): reported once the header is known.
    let mut errors = Vec::new();
    for (i, cells) in range.rows().enumerate() {
        let line = top as usize + i + 1;
        let mut text = String::new();
        let mut fields: Vec<Range<usize>> = vec![0..0; left as usize];
        for (j, cell) in cells.iter().enumerate() {
            let start = text.len();
            match cell_text(cell) {
                Ok(value) => text.push_str(value.trim()),
                Err(error) => errors.push((line, left as usize + j, error)),
            }
            fields.push(start..text.len());
        }
        // Blank rows are skipped, as blank lines are in CSV.
        if !text.is_empty() {
            rows.rows.push((line, text, fields));
        }
    }
    let titles = print_titles(book.defined_names(), &name);
    let file = match CsvFile::from_sheet(rows, &shown) {
        Ok(mut file) => {
            // Rows above a header that the sheet repeats on every printed
            // page are its heading, put there on purpose (a form from
            // `survey`): skipped without a warning (docs/format.md).
            if titles.is_some_and(|rows| rows.contains(&file.header_line)) {
                file.skipped = None;
            }
            file
        }
        Err(_) => {
            diags.error(&shown, None, "the sheet is empty: a header row is required");
            return None;
        }
    };
    let place = Place::of(&file);
    for (line, column, error) in errors {
        place.cell_error(diags, line, column, error);
    }
    Some(file)
}

/// The rows (1-based) sheet `sheet` repeats at the top of every printed
/// page (its print titles, the defined name `_xlnm.Print_Titles`, as
/// Excel, LibreOffice and openpyxl write it: `Skjema!$7:$7`,
/// `'Mitt ark'!$A$7:$L$7`, or with columns first, `Skjema!$A:$B,Skjema!$7:$7`).
fn print_titles(
    names: &[(String, String)],
    sheet: &str,
) -> Option<std::ops::RangeInclusive<usize>> {
    names
        .iter()
        .filter(|(name, _)| name.eq_ignore_ascii_case("_xlnm.Print_Titles"))
        .flat_map(|(_, formula)| formula.split(','))
        .find_map(|part| {
            let (on, range) = part.trim().trim_start_matches('=').rsplit_once('!')?;
            let on = on
                .strip_prefix('\'')
                .and_then(|o| o.strip_suffix('\''))
                .map_or_else(|| on.to_string(), |o| o.replace("''", "'"));
            if !on.eq_ignore_ascii_case(sheet) {
                return None;
            }
            let row = |cell: &str| -> Option<usize> {
                let digits = cell.trim_start_matches(|c: char| c == '$' || c.is_ascii_alphabetic());
                digits.parse().ok()
            };
            let (from, to) = range.split_once(':').unwrap_or((range, range));
            Some(row(from)?..=row(to)?)
        })
}

/// A cell as the text its CSV export holds, or what is wrong with it.
fn cell_text(cell: &Data) -> Result<String, String> {
    Ok(match cell {
        Data::Empty => String::new(),
        Data::String(s) => match s.strip_prefix(guard::UNKNOWN_ERROR) {
            Some(code) => {
                return Err(format!(
                    "the cell holds the error {code}, which is not one this reader knows: fix it or type the value"
                ));
            }
            None => s.clone(),
        },
        Data::Int(n) => n.to_string(),
        Data::Float(f) => number(*f),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) if d.is_datetime() => {
            date_serial(d)?;
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{day:02}")
        }
        Data::DateTime(d) => number(d.as_f64()),
        // ODS dates: "2026-03-14" or "2026-03-14T08:00:00".
        Data::DateTimeIso(s) => s.split('T').next().unwrap_or(s).to_string(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => {
            return Err(format!(
                "the cell holds the error {e}: fix it or type the value"
            ));
        }
    })
}

/// A date cell's serial must be one of Excel's dates: 1 (1900-01-01) to
/// 2958465 (9999-12-31), or 0 to 2957003 in a 1904-based workbook.
/// calamine clamps the others (0, negative, huge, NaN: a formula that
/// returned 0) to 1899-12-31 or 9999-12-31, so an assessment would
/// silently expire or never expire (issue 27, F14).
fn date_serial(d: &ExcelDateTime) -> Result<(), String> {
    let serial = d.as_f64();
    let is_1904 = *d == ExcelDateTime::new(serial, ExcelDateTimeType::DateTime, true);
    let (low, end) = if is_1904 {
        (0.0, 2_957_004.0)
    } else {
        (1.0, 2_958_466.0)
    };
    if serial >= low && serial < end {
        Ok(())
    } else {
        Err(format!(
            "the date cell holds {serial}, which is no date (Excel's dates are 1900-01-01 to 9999-12-31): a formula that gave 0 or a typo? type the date"
        ))
    }
}

/// A number as text: whole numbers without a decimal point (`3`, `1001`).
fn number(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn print_titles_are_read_from_the_defined_name() {
        let names = |formula: &str| vec![("_xlnm.Print_Titles".to_string(), formula.to_string())];
        assert_eq!(print_titles(&names("Skjema!$7:$7"), "Skjema"), Some(7..=7));
        assert_eq!(
            print_titles(&names("'Mitt ''ark'!$A$3:$L$4"), "mitt 'ark"),
            Some(3..=4)
        );
        assert_eq!(
            print_titles(&names("Skjema!$A:$B,Skjema!$7:$7"), "Skjema"),
            Some(7..=7)
        );
        assert_eq!(print_titles(&names("Annet!$7:$7"), "Skjema"), None);
        assert_eq!(print_titles(&names("Skjema!$A:$B"), "Skjema"), None);
        assert_eq!(print_titles(&[], "Skjema"), None);
    }

    #[test]
    fn cells_read_as_their_export() {
        assert_eq!(cell_text(&Data::Float(1001.0)), Ok("1001".into()));
        assert_eq!(cell_text(&Data::Float(2.5)), Ok("2.5".into()));
        assert_eq!(cell_text(&Data::Int(3)), Ok("3".into()));
        assert_eq!(cell_text(&Data::Empty), Ok(String::new()));
        assert_eq!(
            cell_text(&Data::DateTimeIso("2026-03-14T00:00:00".into())),
            Ok("2026-03-14".into())
        );
        assert!(cell_text(&Data::Error(calamine::CellErrorType::NA)).is_err());
    }

    #[test]
    fn date_serials_outside_excels_dates_are_errors() {
        let date = |v, is_1904| {
            Data::DateTime(ExcelDateTime::new(v, ExcelDateTimeType::DateTime, is_1904))
        };
        assert_eq!(cell_text(&date(1.0, false)), Ok("1900-01-01".into()));
        assert_eq!(
            cell_text(&date(2_958_465.0, false)),
            Ok("9999-12-31".into())
        );
        assert_eq!(cell_text(&date(0.0, true)), Ok("1904-01-01".into()));
        for v in [0.0, 0.5, -1.0, 2_958_466.0, f64::NAN, f64::INFINITY] {
            assert!(cell_text(&date(v, false)).is_err(), "{v}");
        }
        assert!(cell_text(&date(2_957_004.0, true)).is_err());
    }
}
