//! CSV output: one row per item with FORMAT.md's column names; empty cells
//! for missing values, dates in ISO form, hours unrounded. Each report
//! gives its rows as typed [`Cell`]s ([`ToCsv`], both in
//! [`table`](crate::render::table)); [`write_dialect`] owns
//! the writer around them, so the dialect (RFC 4180 for scripts, or Excel's
//! `;`, decimal comma, BOM and CRLF) is decided in one place, and the XLSX
//! writer reuses the same rows with numbers kept as numbers.
//!
//! Text cells that begin with `=`, `+`, `-`, `@`, tab or CR get a leading
//! `'` in both dialects (OWASP's defence against formula injection: a
//! spreadsheet would otherwise run a name like `=HYPERLINK(..)`). Only text
//! is touched: numbers are typed cells, so a negative number stays a number.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};

use crate::render::table::{Cell, RowSink, ToCsv};

/// How CSV is spelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Dialect {
    /// RFC 4180: `,`, `.` decimals, LF, no BOM (the machine contract).
    #[default]
    Rfc4180,
    /// What Excel in a Norwegian (or other decimal-comma) locale opens by
    /// double-click: UTF-8 BOM, `;`, decimal comma, CRLF.
    Excel,
}

/// Writes a report as RFC 4180 CSV.
pub fn write<R: ToCsv + ?Sized, W: Write>(report: &R, out: W) -> io::Result<()> {
    write_dialect(report, Dialect::Rfc4180, out)
}

/// Writes a report as CSV in `dialect`.
pub fn write_dialect<R: ToCsv + ?Sized, W: Write>(
    report: &R,
    dialect: Dialect,
    mut out: W,
) -> io::Result<()> {
    let mut builder = csv::WriterBuilder::new();
    if dialect == Dialect::Excel {
        // The BOM is what tells Excel the file is UTF-8 (not the ANSI code page).
        out.write_all("\u{feff}".as_bytes())?;
        builder.delimiter(b';').terminator(csv::Terminator::CRLF);
    }
    let mut sink = CsvSink {
        w: builder.from_writer(out),
        dialect,
        buf: String::new(),
    };
    sink.w.write_record(report.columns())?;
    report.write_rows(&mut sink)?;
    sink.w.flush()
}

/// The first characters that make a spreadsheet read a cell as a formula
/// (tab and CR too: some spreadsheets strip them and then see the rest).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// True when text would be taken for a formula by a spreadsheet.
pub fn formula_like(text: &str) -> bool {
    text.starts_with(FORMULA_STARTS)
}

/// Text safe from formula injection: a leading `'` where it would be read
/// as a formula, otherwise the text itself.
pub fn neutralise(text: &str) -> Cow<'_, str> {
    if formula_like(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

struct CsvSink<W: Write> {
    w: csv::Writer<W>,
    dialect: Dialect,
    /// Reused for every number, so a row costs no allocation per cell.
    buf: String,
}

impl<W: Write> RowSink for CsvSink<W> {
    fn row(&mut self, cells: &[Cell]) -> io::Result<()> {
        for cell in cells {
            self.buf.clear();
            match cell.bare() {
                Cell::Text(t) => {
                    self.w.write_field(neutralise(t).as_bytes())?;
                    continue;
                }
                Cell::Term(t) => {
                    self.w.write_field(t.as_bytes())?;
                    continue;
                }
                Cell::Tagged(tags) => {
                    let text: Vec<String> = tags.iter().map(|(t, v)| format!("{t}:{v}")).collect();
                    self.w
                        .write_field(neutralise(&text.join("; ")).as_bytes())?;
                    continue;
                }
                Cell::Int(n) => {
                    let _ = write!(self.buf, "{n}");
                }
                Cell::Num(x) | Cell::Share(x) | Cell::Money(x, _) => {
                    push_number(&mut self.buf, *x);
                    if self.dialect == Dialect::Excel {
                        // Only a decimal point can be in a number's text.
                        self.buf = self.buf.replace('.', ",");
                    }
                }
                Cell::Date(d) => {
                    let _ = write!(self.buf, "{d}");
                }
                Cell::Bool(b) => {
                    let _ = write!(self.buf, "{b}");
                }
                // `bare` leaves no note.
                Cell::Empty | Cell::Noted(..) => {}
            }
            self.w.write_field(self.buf.as_bytes())?;
        }
        self.w.write_record(None::<&[u8]>)?;
        Ok(())
    }
}

/// A number as CSV text: integers without a decimal point.
fn push_number(buf: &mut String, value: f64) {
    if value.fract() == 0.0 {
        let _ = write!(buf, "{}", value as i64);
    } else {
        let _ = write!(buf, "{value}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised_and_nothing_else() {
        for hostile in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(hostile), format!("'{hostile}"));
        }
        for plain in ["Kari", "", "1-2", "a=b", "'quoted", " =x"] {
            assert_eq!(neutralise(plain), plain);
        }
    }

    struct One(Vec<Cell>);

    impl ToCsv for One {
        fn columns(&self) -> Vec<String> {
            (0..self.0.len()).map(|i| format!("c{i}")).collect()
        }
        fn write_rows(&self, sink: &mut dyn RowSink) -> io::Result<()> {
            sink.row(&self.0)
        }
    }

    fn csv(dialect: Dialect, cells: Vec<Cell>) -> String {
        let mut out = Vec::new();
        write_dialect(&One(cells), dialect, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn negative_numbers_stay_numbers() {
        let cells = vec![Cell::Int(-3), Cell::Num(-1.5), Cell::text("-3")];
        assert_eq!(
            csv(Dialect::Rfc4180, cells.clone()),
            "c0,c1,c2\n-3,-1.5,'-3\n"
        );
        assert_eq!(
            csv(Dialect::Excel, cells),
            "\u{feff}c0;c1;c2\r\n-3;-1,5;'-3\r\n"
        );
    }

    #[test]
    fn excel_dialect_uses_decimal_commas_in_numbers_only() {
        let cells = vec![
            Cell::Share(1.0 / 3.0),
            Cell::Num(13.2),
            Cell::Num(12.0),
            Cell::text("1.5, or so"),
            Cell::Empty,
        ];
        assert_eq!(
            csv(Dialect::Excel, cells),
            "\u{feff}c0;c1;c2;c3;c4\r\n0,3333333333333333;13,2;12;1.5, or so;\r\n"
        );
    }
}
