//! XLSX output: a workbook with one sheet per view of a report (gap: needs,
//! develop, renew, recruit; plan: goals, effort by unit and driver,
//! recruit, and late goals when plans are scheduled; balance: levels,
//! freshness, key people, and arriving and leaving people when there are
//! any), written with rust_xlsxwriter.
//!
//! Each report says what its sheets hold as typed [`Cell`](crate::render::table::Cell) rows
//! ([`ToXlsx`](crate::render::table::ToXlsx), in each report's file); this module only lays them out: numbers as
//! numbers, shares as percentages, dates as dates, the header row frozen
//! with an autofilter, columns as wide as their contents, and coverage
//! coloured red to green. Every sheet name is a [`Key`](crate::render::words::Key) and every header
//! a CSV column worded by [`words::header`], so the workbook's words are
//! the catalogue's.
//!
//! The workbook is reproducible: its creation date is the report's
//! reference date (not the clock), so the same input gives the same bytes.
//! Text is always written as a string cell, never as a formula; text that a
//! spreadsheet would take for one (`=`, `+`, `-`, `@`, tab, CR first) also
//! gets Excel's quote prefix, the mark Excel itself sets when a person
//! types `'=...`: the cell shows the name as it is, and stays text when
//! edited. (No literal `'` is added, unlike CSV: an XLSX string cell is
//! already data, so the value stays the report's.)

use std::borrow::Cow;
use std::io::{self, Write};

use rust_xlsxwriter::{
    ColNum, ConditionalFormat3ColorScale, ConditionalFormatFormula, ConditionalFormatType,
    DocProperties, ExcelDateTime, Format, Note, RowNum, Workbook, Worksheet, XlsxError,
};

use crate::model::Date;
use crate::render::Lang;
use crate::render::formats::csv::formula_like;
use crate::render::table::{Cell, Sheet, ToXlsx, show};
use crate::render::words::{self, Key, Labels};

/// Writes a report as an XLSX workbook.
pub fn write<R: ToXlsx + ?Sized, W: Write>(report: &R, lang: Lang, mut out: W) -> io::Result<()> {
    let bytes = workbook(report, lang)?;
    out.write_all(&bytes)
}

/// The workbook's bytes.
pub fn workbook<R: ToXlsx + ?Sized>(report: &R, lang: Lang) -> io::Result<Vec<u8>> {
    let mut book = Workbook::new();
    let created = xlsx(excel_date(report.as_of()))?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let styles = Styles::new();
    let sheets = report.sheets()?;
    // Every sheet measured before the first is laid out (issue 27, F17).
    for sheet in &sheets {
        if sheet.rows.len() >= MAX_ROWS {
            return Err(io::Error::other(format!(
                "the sheet '{}' would have {} rows, more than the {MAX_ROWS} a worksheet holds: write --format csv or json instead, or narrow the report (--unit)",
                Labels::new(lang).get(sheet.name),
                sheet.rows.len() + 1
            )));
        }
    }
    let l = Labels::new(lang);
    for (i, sheet) in sheets.iter().enumerate() {
        let next = sheets.get(i + 1).map(|s| l.get(s.name));
        // Rows go to a temporary file as they are written (rust_xlsxwriter's
        // low-memory mode: shared strings, so the cells are the standard
        // mode's), not into a table of every cell (issue 27, F17); where no
        // temporary file can be made, the standard mode.
        let ws = match book.add_worksheet_with_low_memory() {
            Ok(ws) => ws,
            Err(_) => book.add_worksheet(),
        };
        write_sheet(ws, sheet, &styles, lang, next)?;
    }
    xlsx(book.save_to_buffer())
}

/// The cell formats, made once per workbook.
struct Styles {
    header: Format,
    quoted: Format,
    percent: Format,
    date: Format,
}

impl Styles {
    fn new() -> Styles {
        Styles {
            header: Format::new().set_bold(),
            quoted: Format::new().set_quote_prefix(),
            percent: Format::new().set_num_format("0.0%"),
            date: Format::new().set_num_format("yyyy-mm-dd"),
        }
    }
}

/// The most rows a worksheet holds (Excel's limit), the header's included.
const MAX_ROWS: usize = 1_048_576;

/// The most characters a cell holds (Excel's limit). Longer text (a list
/// of thousands of people) is cut, and ends with [`CUT`] saying so (F21).
const MAX_CELL: usize = 32_767;
const CUT: &str = " … [cut at Excel's 32,767 characters; the CSV and JSON outputs hold it whole]";

/// `text` cut to [`MAX_CELL`] characters with the [`CUT`] mark, or as it is.
fn fit_cell(text: &str) -> std::borrow::Cow<'_, str> {
    if text.len() <= MAX_CELL || text.chars().count() <= MAX_CELL {
        return text.into();
    }
    let keep = MAX_CELL - CUT.chars().count();
    let end = text.char_indices().nth(keep).map_or(text.len(), |(i, _)| i);
    format!("{}{CUT}", &text[..end]).into()
}

/// The widest a column is made, in characters: long lists wrap the sheet otherwise.
const MAX_WIDTH: usize = 60;

/// A column's header: its CSV name worded in `lang`, or the name itself
/// when the organisation gave it (balance's `level_3`).
fn header(column: &str, lang: Lang) -> Cow<'_, str> {
    let l = Labels::new(lang);
    if let Some(key) = words::header(column) {
        return Cow::Borrowed(l.get(key));
    }
    // The level columns: level_3, level_3_then, baseline_level_3 ...
    let numbered = [
        ("level_", "", Key::HeadLevelN),
        ("level_", "_then", Key::HeadLevelNThen),
        ("level_", "_now", Key::HeadLevelNNow),
        ("baseline_level_", "", Key::HeadBaselineLevelN),
        ("change_level_", "", Key::HeadChangeLevelN),
    ];
    for (prefix, suffix, key) in numbered {
        let n = column
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix(suffix))
            .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        if let Some(n) = n {
            return Cow::Owned(l.fill(key, &[&n]));
        }
    }
    Cow::Borrowed(column)
}

fn write_sheet(
    ws: &mut Worksheet,
    sheet: &Sheet,
    styles: &Styles,
    lang: Lang,
    next: Option<&str>,
) -> io::Result<()> {
    xlsx(ws.set_name(Labels::new(lang).get(sheet.name)))?;
    let last_col = col(sheet.columns.len().saturating_sub(1))?;
    // Room for the autofilter's arrow beside each header.
    let mut widths: Vec<usize> = sheet
        .columns
        .iter()
        .map(|key| header(key, lang).chars().count() + 3)
        .collect();
    for (c, key) in sheet.columns.iter().enumerate() {
        xlsx(ws.write_string_with_format(0, col(c)?, header(key, lang).as_ref(), &styles.header))?;
    }
    for (i, cells) in sheet.rows.iter().enumerate() {
        let r = row(i + 1)?;
        for (c, cell) in cells.iter().enumerate() {
            let width = write_cell(ws, r, col(c)?, cell, styles, lang)?;
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(width);
            }
        }
    }
    let last_row = row(sheet.rows.len())?;
    xlsx(ws.set_freeze_panes(1, 0))?;
    xlsx(ws.autofilter(0, 0, last_row, last_col))?;
    for (c, w) in widths.iter().enumerate() {
        xlsx(ws.set_column_width(col(c)?, (*w).min(MAX_WIDTH) as f64 + 1.0))?;
    }
    if !sheet.rows.is_empty() {
        let scale = ConditionalFormat3ColorScale::new()
            .set_minimum(ConditionalFormatType::Number, 0)
            .set_midpoint(ConditionalFormatType::Number, 0.5)
            .set_maximum(ConditionalFormatType::Number, 1)
            .set_minimum_color("F8696B")
            .set_midpoint_color("FFEB84")
            .set_maximum_color("63BE7B");
        // A column of shares (coverage, readiness) is coloured on the
        // coverage scale, whatever its name: the cells' type says so.
        for c in 0..sheet.columns.len() {
            let shares = sheet
                .rows
                .iter()
                .any(|r| matches!(r.get(c), Some(Cell::Share(_))));
            if shares {
                let c = col(c)?;
                xlsx(ws.add_conditional_format(1, c, last_row, c, &scale))?;
            }
        }
        if let (Some(first), Some(next)) = (sheet.against_next, next) {
            against(ws, (col(first)?, last_row, last_col), next)?;
        }
    }
    Ok(())
}

/// Colours the cells from row 2 and column `first` to `last_row` and
/// `last_col` against the same cells of the sheet `next` (FORMAT.md "Role
/// gap": an empty cell is level 0): below red, at or above green, nothing
/// where `next` has no number. Formulas, so the colours follow an edit.
fn against(
    ws: &mut Worksheet,
    (first, last_row, last_col): (ColNum, RowNum, ColNum),
    next: &str,
) -> io::Result<()> {
    if first > last_col {
        return Ok(());
    }
    let here = rust_xlsxwriter::utility::row_col_to_cell(1, first);
    let there = format!("'{}'!{here}", next.replace('\'', "''"));
    let rules = [
        (
            "<",
            Format::new()
                .set_background_color("FFC7CE")
                .set_font_color("9C0006"),
        ),
        (
            ">=",
            Format::new()
                .set_background_color("C6EFCE")
                .set_font_color("006100"),
        ),
    ];
    for (compare, format) in rules {
        let rule = ConditionalFormatFormula::new()
            .set_rule(format!("=AND(ISNUMBER({there}),N({here}){compare}{there})").as_str())
            .set_format(format);
        xlsx(ws.add_conditional_format(1, first, last_row, last_col, &rule))?;
    }
    Ok(())
}

/// Writes one cell; returns how many characters wide it shows.
fn write_cell(
    ws: &mut Worksheet,
    r: RowNum,
    c: ColNum,
    cell: &Cell,
    styles: &Styles,
    lang: Lang,
) -> io::Result<usize> {
    let width = match cell {
        // A term, its tags, and a yes or no in the workbook's language (a
        // boolean cell shows TRUE/FALSE in English wherever the file is
        // opened), as the tables show them.
        Cell::Term(_) | Cell::Tagged(_) | Cell::Bool(_) => {
            write_text(ws, r, c, &show(Labels::new(lang), cell), styles)?
        }
        Cell::Empty => 0,
        Cell::Noted(cell, tags) => {
            let width = write_cell(ws, r, c, cell, styles, lang)?;
            let l = Labels::new(lang);
            let text: Vec<String> = tags
                .iter()
                .map(|(t, v)| {
                    let tag = words::term(t).map_or(*t, |k| l.get(k));
                    format!("{tag}: {}", l.value(v))
                })
                .collect();
            let note = Note::new(text.join("\n")).add_author_prefix(false);
            xlsx(ws.insert_note(r, c, &note))?;
            width
        }
        Cell::Text(t) if t.is_empty() => 0,
        Cell::Text(t) => write_text(ws, r, c, t, styles)?,
        Cell::Int(n) => {
            xlsx(ws.write_number(r, c, *n as f64))?;
            n.to_string().len()
        }
        Cell::Num(x) => {
            xlsx(ws.write_number(r, c, *x))?;
            // Excel's General format shows at most about 11 characters.
            x.to_string().len().min(11)
        }
        Cell::Share(x) => {
            xlsx(ws.write_number_with_format(r, c, *x, &styles.percent))?;
            6
        }
        // Money is a number formatted as its currency: `1 142 000 NOK` in
        // a Norwegian Excel, still a number to sum (issue 25).
        Cell::Money(x, currency) => {
            let label: String = currency.chars().filter(|&ch| ch != '"').collect();
            let format = Format::new().set_num_format(format!("#,##0 \"{label}\""));
            xlsx(ws.write_number_with_format(r, c, *x, &format))?;
            format!("{x:.0}").len() + label.chars().count() + 3
        }
        Cell::Date(d) => {
            match excel_date(*d) {
                Ok(date) => xlsx(ws.write_datetime_with_format(r, c, &date, &styles.date))?,
                // Outside Excel's calendar (before 1900): the ISO text instead.
                Err(_) => xlsx(ws.write_string(r, c, d.to_string()))?,
            };
            10
        }
    };
    Ok(width)
}

/// Writes text as text (write_string: it never becomes a formula, whatever
/// it says); returns how many characters its widest line has.
fn write_text(
    ws: &mut Worksheet,
    r: RowNum,
    c: ColNum,
    text: &str,
    styles: &Styles,
) -> io::Result<usize> {
    let t = fit_cell(text);
    let t = t.as_ref();
    if formula_like(t) {
        xlsx(ws.write_string_with_format(r, c, t, &styles.quoted))?;
    } else {
        xlsx(ws.write_string(r, c, t))?;
    }
    Ok(t.lines().map(|l| l.chars().count()).max().unwrap_or(0))
}

fn excel_date(date: Date) -> Result<ExcelDateTime, XlsxError> {
    let year =
        u16::try_from(date.year()).map_err(|_| XlsxError::DateTimeRangeError(date.to_string()))?;
    ExcelDateTime::from_ymd(year, date.month() as u8, date.day() as u8)
}

fn row(i: usize) -> io::Result<RowNum> {
    RowNum::try_from(i).map_err(|_| io::Error::other("too many rows for a worksheet"))
}

fn col(i: usize) -> io::Result<ColNum> {
    ColNum::try_from(i).map_err(|_| io::Error::other("too many columns for a worksheet"))
}

/// rust_xlsxwriter's errors as IO errors, the renderers' error type.
fn xlsx<T>(result: Result<T, XlsxError>) -> io::Result<T> {
    result.map_err(io::Error::other)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::words::Key;

    struct One(Sheet);

    impl crate::render::table::Dated for One {
        fn as_of(&self) -> Date {
            jiff::civil::date(2026, 11, 26)
        }
    }

    impl ToXlsx for One {
        fn sheets(&self) -> io::Result<Vec<Sheet>> {
            Ok(vec![Sheet {
                name: self.0.name,
                columns: self.0.columns.clone(),
                rows: self.0.rows.clone(),
                against_next: None,
            }])
        }
    }

    /// Issue 27, F21: a cell over Excel's 32,767 characters failed the
    /// whole workbook without naming it; it is cut, with a mark.
    #[test]
    fn a_cell_over_32767_characters_is_cut_with_a_mark() {
        let long = "æ".repeat(40_000);
        let sheet = Sheet::new(Key::SheetGoals, &["person"]);
        let sheet = Sheet {
            rows: vec![
                vec![Cell::Text(long.clone())],
                vec![Cell::Text("ok".into())],
                // Tagged values too (a goal's reasons), which failed the
                // workbook before they were written as text is.
                vec![Cell::Tagged(vec![("need", long.clone())])],
            ],
            ..sheet
        };
        let bytes = workbook(&One(sheet), Lang::En).expect("a workbook");
        use calamine::Reader;
        let mut book = calamine::Xlsx::new(io::Cursor::new(bytes)).expect("xlsx");
        let name = book.sheet_names()[0].clone();
        let range = book.worksheet_range(&name).expect("sheet");
        let cell = range.get((1, 0)).expect("the cell").to_string();
        assert_eq!(cell.chars().count(), MAX_CELL);
        assert!(cell.ends_with(CUT), "{}", &cell[cell.len() - 100..]);
        assert!(cell.starts_with("æææ"));
        let tagged = range.get((3, 0)).expect("the tagged cell").to_string();
        assert_eq!(tagged.chars().count(), MAX_CELL);
        assert!(tagged.starts_with("need: æææ") && tagged.ends_with(CUT));
        assert_eq!(fit_cell("short"), "short");
        assert_eq!(fit_cell(&"a".repeat(MAX_CELL)).len(), MAX_CELL);
    }

    /// Issue 27, F17: a sheet over Excel's 1,048,576 rows is refused before
    /// any sheet is laid out.
    #[test]
    fn a_sheet_over_excels_rows_is_refused_before_it_is_built() {
        let sheet = Sheet::new(Key::SheetGoals, &["person"]);
        let sheet = Sheet {
            rows: vec![Vec::new(); MAX_ROWS],
            ..sheet
        };
        let error = workbook(&One(sheet), Lang::En).expect_err("too many rows");
        let message = error.to_string();
        assert!(
            message.contains("1048577 rows") && message.contains("1048576"),
            "{message}"
        );
        assert!(message.contains("--format csv"), "{message}");
    }
}
