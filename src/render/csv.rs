//! CSV output: one row per item with FORMAT.md's column names; empty cells
//! for missing values, dates in ISO form, hours unrounded. Each report
//! gives its rows as typed [`Cell`]s ([`ToCsv`]); [`write_dialect`] owns
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

use crate::model::{Date, Effort, Priority};
use crate::report::{
    BalanceReport, GapGroupsReport, GapReport, PersonGap, PersonGapReport, PlanReport, Reason,
    SkillBalance,
};

/// One cell of a report row; its kind decides how each format writes it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text from the organisation (ids, names) or a fixed word.
    Text(String),
    /// A count or a level.
    Int(i64),
    /// Hours or a median: written unrounded.
    Num(f64),
    /// A share from 0 to 1 (coverage, readiness): a percentage in XLSX.
    Share(f64),
    Date(Date),
    Bool(bool),
    /// A missing value.
    Empty,
}

impl Cell {
    /// Text, or an empty cell for a missing value.
    pub fn opt_text(value: Option<&String>) -> Cell {
        value.map_or(Cell::Empty, |v| Cell::Text(v.clone()))
    }

    pub fn text(value: impl Into<String>) -> Cell {
        Cell::Text(value.into())
    }

    pub fn int(value: impl Into<i64>) -> Cell {
        Cell::Int(value.into())
    }

    /// A `usize` or `u64` count (never near `i64::MAX` in practice).
    pub fn count(value: impl TryInto<i64>) -> Cell {
        Cell::Int(value.try_into().unwrap_or(i64::MAX))
    }

    pub fn opt_date(value: Option<Date>) -> Cell {
        value.map_or(Cell::Empty, Cell::Date)
    }

    pub fn opt_priority(value: Option<Priority>) -> Cell {
        value.map_or(Cell::Empty, |p| Cell::Text(p.to_string()))
    }
}

/// Where a report's rows go: a CSV writer or a worksheet.
pub trait RowSink {
    fn row(&mut self, cells: &[Cell]) -> io::Result<()>;
}

/// A report as a header and typed rows.
pub trait ToCsv {
    /// The column names (FORMAT.md's, English and stable).
    fn columns(&self) -> Vec<String>;
    /// Every row, in order, to `sink`.
    fn write_rows(&self, sink: &mut dyn RowSink) -> io::Result<()>;
}

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
            match cell {
                Cell::Text(t) => {
                    self.w.write_field(neutralise(t).as_bytes())?;
                    continue;
                }
                Cell::Int(n) => {
                    let _ = write!(self.buf, "{n}");
                }
                Cell::Num(x) | Cell::Share(x) => {
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
                Cell::Empty => {}
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

/// The four effort cells: total, experience, social, formal.
pub fn effort(effort: &Effort) -> [Cell; 4] {
    [
        Cell::Num(effort.total),
        Cell::Num(effort.experience),
        Cell::Num(effort.social),
        Cell::Num(effort.formal),
    ]
}

/// The four effort column names, after any others.
pub const EFFORT_COLUMNS: [&str; 4] = [
    "effort_hours",
    "experience_hours",
    "social_hours",
    "formal_hours",
];

fn names(columns: &[&str]) -> Vec<String> {
    columns.iter().map(|c| c.to_string()).collect()
}

/// The columns of `gap --format csv`, in order; r2's `horizon`, `renew`
/// (count) and `late`, then `leaving` and `arriving` (r2 "Present") come
/// last, so scripts reading by position still work.
pub const GAP_COLUMNS: [&str; 23] = [
    "id",
    "skill",
    "unit",
    "role",
    "level",
    "count",
    "have",
    "shortfall",
    "coverage",
    "priority",
    "by",
    "driver",
    "develop",
    "recruit",
    EFFORT_COLUMNS[0],
    EFFORT_COLUMNS[1],
    EFFORT_COLUMNS[2],
    EFFORT_COLUMNS[3],
    "horizon",
    "renew",
    "late",
    "leaving",
    "arriving",
];

impl ToCsv for GapReport {
    fn columns(&self) -> Vec<String> {
        names(&GAP_COLUMNS)
    }

    fn write_rows(&self, sink: &mut dyn RowSink) -> io::Result<()> {
        for n in &self.needs {
            let mut row = vec![
                Cell::text(&n.id),
                Cell::text(&n.skill),
                Cell::opt_text(n.unit.as_ref()),
                Cell::opt_text(n.role.as_ref()),
                Cell::int(n.level),
                Cell::int(n.count),
                Cell::int(n.have),
                Cell::int(n.shortfall),
                Cell::Share(n.coverage),
                Cell::text(n.priority.to_string()),
                Cell::opt_date(n.by),
                Cell::opt_text(n.driver.as_ref()),
                Cell::count(n.develop.len()),
                Cell::int(n.recruit),
            ];
            row.extend(effort(&n.effort));
            row.extend([
                Cell::Date(n.horizon),
                Cell::count(n.renew.len()),
                Cell::int(n.late),
                Cell::int(n.leaving),
                Cell::int(n.arriving),
            ]);
            sink.row(&row)?;
        }
        Ok(())
    }
}

/// The columns of `gap --by person --format csv`: one row per person and required skill.
pub const PERSON_GAP_COLUMNS: [&str; 13] = [
    "person",
    "name",
    "unit",
    "role",
    "readiness",
    "skill",
    "current",
    "target",
    "gap",
    EFFORT_COLUMNS[0],
    EFFORT_COLUMNS[1],
    EFFORT_COLUMNS[2],
    EFFORT_COLUMNS[3],
];

impl ToCsv for PersonGapReport {
    fn columns(&self) -> Vec<String> {
        names(&PERSON_GAP_COLUMNS)
    }

    fn write_rows(&self, sink: &mut dyn RowSink) -> io::Result<()> {
        for p in &self.people {
            for s in &p.skills {
                let mut row = person_cells(p);
                row.extend([
                    Cell::text(&s.skill),
                    Cell::int(s.current),
                    Cell::int(s.target),
                    Cell::int(s.gap),
                ]);
                row.extend(effort(&s.effort));
                sink.row(&row)?;
            }
        }
        Ok(())
    }
}

/// The cells that say who a person is in `gap --by person`: person, name,
/// unit, role, readiness (the CSV's first columns and the workbook's
/// People sheet).
pub fn person_cells(p: &PersonGap) -> Vec<Cell> {
    vec![
        Cell::text(&p.person),
        Cell::opt_text(p.name.as_ref()),
        Cell::opt_text(p.unit.as_ref()),
        Cell::text(&p.role),
        Cell::Share(p.readiness),
    ]
}

/// The columns of `plan --format csv`: one row per goal; r2's `renew`,
/// `finish` (empty without capacity, or never) and `late`, then r2
/// "Mentors"' `mentor` (person id) and `host` (unit), empty when none.
pub const PLAN_COLUMNS: [&str; 19] = [
    "person",
    "name",
    "unit",
    "role",
    "skill",
    "from",
    "to",
    EFFORT_COLUMNS[0],
    EFFORT_COLUMNS[1],
    EFFORT_COLUMNS[2],
    EFFORT_COLUMNS[3],
    "reasons",
    "by",
    "activities",
    "renew",
    "finish",
    "late",
    "mentor",
    "host",
];

impl ToCsv for PlanReport {
    fn columns(&self) -> Vec<String> {
        names(&PLAN_COLUMNS)
    }

    fn write_rows(&self, sink: &mut dyn RowSink) -> io::Result<()> {
        for p in &self.plans {
            for g in &p.goals {
                let reasons: Vec<String> = g
                    .reasons
                    .iter()
                    .map(|r| match r {
                        Reason::Role { role, .. } => format!("role:{role}"),
                        Reason::Need { need, .. } => format!("need:{need}"),
                    })
                    .collect();
                let activities: Vec<&str> = self
                    .activities_for(&g.skill)
                    .iter()
                    .map(|a| a.name.as_str())
                    .collect();
                let mut row = vec![
                    Cell::text(&p.person),
                    Cell::opt_text(p.name.as_ref()),
                    Cell::opt_text(p.unit.as_ref()),
                    Cell::opt_text(p.role.as_ref()),
                    Cell::text(&g.skill),
                    Cell::int(g.from),
                    Cell::int(g.to),
                ];
                row.extend(effort(&g.effort));
                row.extend([
                    Cell::Text(reasons.join("; ")),
                    Cell::opt_date(g.by),
                    Cell::Text(activities.join("; ")),
                    Cell::Bool(g.renew),
                    Cell::opt_date(g.finish),
                    Cell::Bool(g.late),
                    Cell::opt_text(g.mentor.as_ref()),
                    Cell::opt_text(g.host.as_ref()),
                ]);
                sink.row(&row)?;
            }
        }
        Ok(())
    }
}

/// The columns of `gap --by unit|skill|driver --format csv`; r2's `renew`
/// (people-need pairs) comes last.
pub const GAP_GROUP_COLUMNS: [&str; 14] = [
    "key",
    "name",
    "needs",
    "unmet",
    "coverage",
    "shortfall",
    "develop",
    "recruit",
    EFFORT_COLUMNS[0],
    EFFORT_COLUMNS[1],
    EFFORT_COLUMNS[2],
    EFFORT_COLUMNS[3],
    "at_risk",
    "renew",
];

impl ToCsv for GapGroupsReport {
    fn columns(&self) -> Vec<String> {
        names(&GAP_GROUP_COLUMNS)
    }

    fn write_rows(&self, sink: &mut dyn RowSink) -> io::Result<()> {
        for g in &self.groups {
            let mut row = vec![
                Cell::opt_text(g.key.as_ref()),
                Cell::opt_text(g.name.as_ref()),
                Cell::count(g.needs),
                Cell::count(g.unmet),
                Cell::Share(g.coverage),
                Cell::count(g.shortfall),
                Cell::count(g.develop),
                Cell::count(g.recruit),
            ];
            row.extend(effort(&g.effort));
            row.push(Cell::opt_priority(g.at_risk));
            row.push(Cell::count(g.renew));
            if g.suppressed {
                // `--min-group`: the key and name stay, every number is empty.
                row[2..].fill(Cell::Empty);
            }
            sink.row(&row)?;
        }
        Ok(())
    }
}

/// `balance --format csv`: one row per skill (per unit and skill with
/// `--by unit`); `level_0` .. `level_<top>` count people at each level.
impl ToCsv for BalanceReport {
    fn columns(&self) -> Vec<String> {
        let mut header = names(&["unit", "skill", "name", "group", "kind", "people"]);
        header.extend((0..self.scale.len()).map(|i| format!("level_{i}")));
        header.extend(names(&[
            "assessed",
            "unassessed",
            "stale",
            "expired",
            "median",
            "interest",
        ]));
        header
    }

    fn write_rows(&self, sink: &mut dyn RowSink) -> io::Result<()> {
        if self.units.is_empty() {
            for r in &self.skills {
                balance_row(sink, None, r, false)?;
            }
        } else {
            for u in &self.units {
                for r in &u.skills {
                    balance_row(sink, Some(&u.unit), r, u.suppressed)?;
                }
            }
        }
        Ok(())
    }
}

/// One skill's row; a unit `--min-group` suppressed keeps its keys and
/// headcount, and its numbers are empty cells.
fn balance_row(
    sink: &mut dyn RowSink,
    unit: Option<&String>,
    r: &SkillBalance,
    suppressed: bool,
) -> io::Result<()> {
    let mut cells = vec![
        Cell::opt_text(unit),
        Cell::text(&r.skill),
        Cell::text(&r.name),
        Cell::opt_text(r.group.as_ref()),
        Cell::text(match r.kind {
            crate::model::SkillKind::Breadth => "breadth",
            crate::model::SkillKind::Specialist => "specialist",
        }),
        Cell::count(r.people),
    ];
    cells.extend(r.levels.iter().map(|&n| Cell::count(n)));
    cells.extend([
        Cell::count(r.assessed),
        Cell::count(r.unassessed),
        Cell::count(r.stale),
        Cell::count(r.expired),
        r.median.map_or(Cell::Empty, Cell::Num),
        Cell::count(r.interest),
    ]);
    if suppressed {
        let keys = 6;
        cells[keys..].fill(Cell::Empty);
    }
    sink.row(&cells)
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
