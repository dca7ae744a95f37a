//! Tables before any format draws them: [`Grid`]s, a header and rows of
//! text for the human formats (terminal, markdown, HTML), and typed
//! [`Cell`] rows for the machine ones: a report's CSV ([`ToCsv`]) and its
//! workbook's [`Sheet`]s ([`ToXlsx`]). A cell's type decides how each
//! format writes it (a [`Cell::Share`] is a percentage with the coverage
//! scale in a workbook).
//!
//! A grid holds text only: no borders, no escaping, no alignment beyond a
//! flag per column.

use std::io;

use crate::model::{Date, Priority};
use crate::render::words::{Key, Labels, term};

/// The words a document is told in. The terminal's tables are terse, one
/// line a fact; documents (markdown, HTML) spell things out under headings.
/// Where the two word a report alike, its layout says it once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// Compact lines around tables, for a terminal (`--format table`).
    Terminal,
    /// Headings and paragraphs, for documents (`--format markdown`).
    Document,
}

impl Dialect {
    /// `terminal`'s word in a terminal, `document`'s in a document.
    pub fn pick<T>(self, terminal: T, document: T) -> T {
        match self {
            Dialect::Terminal => terminal,
            Dialect::Document => document,
        }
    }
}

/// The first fold rank of [`Grid::fold_last`]'s columns.
pub const LAST_RESORT: u8 = 128;

/// One column: its heading, whether its cells are right-aligned (numbers),
/// and whether a narrow table may fold it away (see [`Grid::fold`]).
#[derive(Debug, Clone)]
pub struct Column {
    pub name: String,
    /// The catalogue key of its heading, for a grid laid out from
    /// [`Field`]s ([`Grid::of`]): what [`Grid::at`] finds it by.
    pub key: Option<Key>,
    pub right: bool,
    /// When the table is too wide for its terminal, folded columns leave
    /// the table, lowest rank first, and their values become a line under
    /// the row's first cell ("By: 2027-06-30; Driver: sky"). None: kept.
    pub fold: Option<u8>,
    /// A detail the report shows elsewhere too (its lists, `--wide`, a
    /// view of one row): a narrow table leaves it out, lowest rank first,
    /// before it folds anything. None: never left out.
    pub detail: Option<u8>,
    /// Its cells are cut to fit, marked "…", rather than wrapped, so that a
    /// row keeps to one line (and its folded line to one more).
    pub clip: bool,
}

/// A header and rows of cells, one cell per column.
#[derive(Debug, Clone)]
pub struct Grid {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
}

impl Grid {
    /// A grid with these headings; a leading '>' marks a right-aligned column.
    pub fn new<S: AsRef<str>>(header: &[S]) -> Grid {
        let columns = header
            .iter()
            .map(|h| {
                let h = h.as_ref();
                Column {
                    name: h.trim_start_matches('>').to_string(),
                    key: None,
                    right: h.starts_with('>'),
                    fold: None,
                    detail: None,
                    clip: false,
                }
            })
            .collect();
        Grid {
            columns,
            rows: Vec::new(),
        }
    }

    /// The columns a narrow table folds first, least important first (by
    /// index). The first column left takes the others' values; a grid keeps
    /// at least one column unfolded.
    pub fn fold(self, order: &[usize]) -> Grid {
        self.ranked(order, |c, rank| c.fold = Some(rank))
    }

    /// Columns folded only when the table cannot fit otherwise, even with
    /// its cells wrapped (its longest words alone too wide), after the
    /// [`fold`](Grid::fold) ones, in this order.
    pub fn fold_last(self, order: &[usize]) -> Grid {
        self.ranked(order, |c, rank| {
            c.fold = Some(LAST_RESORT.saturating_add(rank))
        })
    }

    /// The columns a narrow table leaves out (details shown elsewhere),
    /// least important first (by index), before it folds any.
    pub fn details(self, order: &[usize]) -> Grid {
        self.ranked(order, |c, rank| c.detail = Some(rank))
    }

    /// Each column of `order` (by index) given its rank in it by `set`.
    fn ranked(mut self, order: &[usize], set: impl Fn(&mut Column, u8)) -> Grid {
        for (rank, &i) in order.iter().enumerate() {
            if let Some(c) = self.columns.get_mut(i) {
                set(c, rank as u8);
            }
        }
        self
    }

    /// Column `i`'s cells are cut to fit rather than wrapped.
    pub fn clip(mut self, i: usize) -> Grid {
        if let Some(c) = self.columns.get_mut(i) {
            c.clip = true;
        }
        self
    }

    /// A human table of a row type: `fields`' columns headed by `order`'s
    /// keys, in that order, a row per item of `rows`, each cell its field's
    /// text ([`Field::show`]).
    pub fn of<'r, T: 'r, C: ?Sized>(
        h: &Human<'_, C>,
        fields: &[Field<T, C>],
        order: &[Key],
        rows: impl IntoIterator<Item = &'r T>,
    ) -> Grid {
        let picked = picked(fields, order);
        let keys: Vec<(bool, Key)> = picked.iter().map(|&(_, r, k)| (r, k)).collect();
        let mut grid = Grid::new(&heads(h.l, &keys));
        for (column, &(_, _, key)) in grid.columns.iter_mut().zip(&picked) {
            column.key = Some(key);
        }
        grid.rows = rows_of(h, fields, order, rows);
        grid
    }

    /// The indices of the columns headed `keys`, in the order of `keys`
    /// (those the grid lacks left out): for [`fold`](Grid::fold) and the like.
    pub fn at(&self, keys: &[Key]) -> Vec<usize> {
        keys.iter()
            .filter_map(|k| self.columns.iter().position(|c| c.key == Some(*k)))
            .collect()
    }

    pub fn push(&mut self, row: impl IntoIterator<Item = String>) {
        self.rows.push(row.into_iter().collect());
    }
}

/// The fields headed `order`'s keys, in that order, each with its heading.
fn picked<'f, T, C: ?Sized>(
    fields: &'f [Field<T, C>],
    order: &[Key],
) -> Vec<(&'f Field<T, C>, bool, Key)> {
    order
        .iter()
        .filter_map(|k| {
            fields.iter().find_map(|f| {
                f.head
                    .filter(|(_, key)| key == k)
                    .map(|(r, key)| (f, r, key))
            })
        })
        .collect()
}

/// [`Grid::of`]'s rows alone: more rows of a table told in parts
/// ([`Block::Rows`](crate::render::outline::Block::Rows)).
pub fn rows_of<'r, T: 'r, C: ?Sized>(
    h: &Human<'_, C>,
    fields: &[Field<T, C>],
    order: &[Key],
    rows: impl IntoIterator<Item = &'r T>,
) -> Vec<Vec<String>> {
    let picked = picked(fields, order);
    let rows = rows.into_iter();
    rows.map(|row| picked.iter().map(|(f, _, _)| f.show(row, h)).collect())
        .collect()
}

/// Headings from the catalogue, capitalised (the learning-mix modes are
/// lower case in running text), right-aligned ones (numbers) marked `>`.
pub fn heads(l: Labels, keys: &[(bool, Key)]) -> Vec<String> {
    keys.iter()
        .map(|&(right, k)| {
            let mut chars = l.get(k).chars();
            let first: String = chars
                .next()
                .into_iter()
                .flat_map(char::to_uppercase)
                .collect();
            format!("{}{first}{}", if right { ">" } else { "" }, chars.as_str())
        })
        .collect()
}

/// A left-aligned column, for [`heads`].
pub const L: bool = false;

/// A right-aligned column, for [`heads`].
pub const R: bool = true;

/// One cell of a report row; its kind decides how each format writes it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text from the organisation (ids, names).
    Text(String),
    /// A fixed word of FORMAT.md (a priority, a status, a kind): as it is
    /// in CSV, worded in the workbook's language (see
    /// [`term`](crate::render::words::term)).
    Term(&'static str),
    /// Tagged values, "role:leder; need:sky" in CSV: each tag a term the
    /// workbook words ("rolle: leder; behov: sky").
    Tagged(Vec<(&'static str, String)>),
    /// A count or a level.
    Int(i64),
    /// Hours or a median: written unrounded.
    Num(f64),
    /// A share from 0 to 1 (coverage, readiness): a percentage in XLSX.
    Share(f64),
    /// An amount of money and its currency's label: a number in CSV, a
    /// number formatted as that currency in XLSX (issue 25).
    Money(f64, String),
    Date(Date),
    Bool(bool),
    /// A missing value.
    Empty,
    /// A cell with a note a workbook shows on it (a matrix level that is
    /// stale or expiring), tagged values as in [`Cell::Tagged`]; every
    /// other format writes the cell alone.
    Noted(Box<Cell>, Vec<(&'static str, String)>),
}

impl Cell {
    /// The cell without its note.
    pub fn bare(&self) -> &Cell {
        match self {
            Cell::Noted(cell, _) => cell.bare(),
            cell => cell,
        }
    }

    /// Text, or an empty cell for a missing value.
    pub fn opt_text(value: Option<&(impl AsRef<str> + ?Sized)>) -> Cell {
        value.map_or(Cell::Empty, |v| Cell::Text(v.as_ref().to_string()))
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
        value.map_or(Cell::Empty, Cell::priority)
    }

    /// A priority: its FORMAT.md word.
    pub fn priority(value: Priority) -> Cell {
        Cell::Term(match value {
            Priority::Critical => "critical",
            Priority::High => "high",
            Priority::Medium => "medium",
            Priority::Low => "low",
        })
    }
}

/// A cell for people, as the human tables show it when its field says
/// nothing else: numbers in the language's way, a term in its words, a
/// date as `YYYY-MM-DD` (which a Norwegian outline then localises).
pub fn show(l: Labels, cell: &Cell) -> String {
    match cell {
        Cell::Text(text) => text.clone(),
        Cell::Term(word) => term(word).map_or(word.to_string(), |k| l.get(k).to_string()),
        Cell::Tagged(tags) => tags
            .iter()
            .map(|(tag, value)| {
                let tag = term(tag).map_or(*tag, |k| l.get(k));
                format!("{tag}: {value}")
            })
            .collect::<Vec<_>>()
            .join("; "),
        Cell::Int(n) if *n < 0 => format!("-{}", l.int(n.unsigned_abs())),
        Cell::Int(n) => l.int(n.unsigned_abs()),
        Cell::Num(hours) => l.hours(*hours),
        Cell::Share(share) => l.percent(*share),
        Cell::Money(amount, currency) => l.money(*amount, currency),
        Cell::Date(date) => date.to_string(),
        Cell::Bool(yes) => l.get(if *yes { Key::Yes } else { Key::No }).to_string(),
        Cell::Empty => String::new(),
        Cell::Noted(cell, _) => show(l, cell),
    }
}

/// What a human table's text of a field may look at besides its row: the
/// words, the dialect, and the report the rows come from (its scale, say).
pub struct Human<'a, C: ?Sized> {
    pub l: Labels,
    pub dialect: Dialect,
    pub of: &'a C,
}

impl<'a, C: ?Sized> Human<'a, C> {
    pub fn new(l: Labels, dialect: Dialect, of: &'a C) -> Human<'a, C> {
        Human { l, dialect, of }
    }
}

/// One column of a row type, once for every format: its name (FORMAT.md's,
/// the CSV header, worded in a workbook by
/// [`header`](crate::render::words::header)), how a row makes its typed
/// cell, and, for a column the human tables show, its heading and, where
/// people read it otherwise than the cell, its text. A name and its cell
/// are never matched by position; a report's human layout picks columns by
/// heading ([`Grid::of`]) and its CSV takes every named one in order.
pub struct Field<T, C: ?Sized = ()> {
    /// The CSV name; empty for a column of the human tables only.
    pub name: &'static str,
    pub cell: fn(&T) -> Cell,
    /// Its heading in the human tables, right-aligned when the flag is set.
    pub head: Option<(bool, Key)>,
    /// Its text in the human tables, when not [`show`] of its cell.
    pub text: Option<fn(&T, &Human<'_, C>) -> String>,
}

impl<T, C: ?Sized> Field<T, C> {
    pub const fn new(name: &'static str, cell: fn(&T) -> Cell) -> Field<T, C> {
        Field {
            name,
            cell,
            head: None,
            text: None,
        }
    }

    /// A column of the human tables only, headed `key`.
    pub const fn human(
        right: bool,
        key: Key,
        text: fn(&T, &Human<'_, C>) -> String,
    ) -> Field<T, C> {
        Field {
            name: "",
            cell: |_| Cell::Empty,
            head: Some((right, key)),
            text: Some(text),
        }
    }

    /// This column in the human tables too, headed `key`.
    pub const fn head(self, right: bool, key: Key) -> Field<T, C> {
        Field {
            head: Some((right, key)),
            ..self
        }
    }

    /// People read this column as `text`, not as its cell.
    pub const fn shows(self, text: fn(&T, &Human<'_, C>) -> String) -> Field<T, C> {
        Field {
            text: Some(text),
            ..self
        }
    }

    /// Its text in a human table.
    pub fn show(&self, row: &T, h: &Human<'_, C>) -> String {
        match self.text {
            Some(text) => text(row, h),
            None => show(h.l, &(self.cell)(row)),
        }
    }

    /// Whether the machine formats (CSV, workbook) have this column.
    pub fn machine(&self) -> bool {
        !self.name.is_empty()
    }
}

/// The fields of `fields` named `names`, in the order of `names` (a sheet
/// showing some of a row type's columns).
pub fn pick<T, C: ?Sized>(fields: &[Field<T, C>], names: &[&str]) -> Vec<Field<T, C>> {
    names
        .iter()
        .filter_map(|n| fields.iter().find(|f| f.machine() && f.name == *n))
        .map(|f| Field::new(f.name, f.cell))
        .collect()
}

/// The names of `fields`' machine columns: a CSV header.
pub fn field_names<T, C: ?Sized>(fields: &[Field<T, C>]) -> Vec<String> {
    fields
        .iter()
        .filter(|f| f.machine())
        .map(|f| f.name.to_string())
        .collect()
}

/// Each of `rows` through `fields`' machine columns, to `sink`.
pub fn field_rows<'a, T: 'a, C: ?Sized>(
    fields: &[Field<T, C>],
    rows: impl IntoIterator<Item = &'a T>,
    sink: &mut dyn RowSink,
) -> io::Result<()> {
    let mut cells = Vec::with_capacity(fields.len());
    for row in rows {
        cells.clear();
        cells.extend(fields.iter().filter(|f| f.machine()).map(|f| (f.cell)(row)));
        sink.row(&cells)?;
    }
    Ok(())
}

/// `impl ToCsv` for a report whose CSV is a row of `fields` per item of
/// `rows`, both made from the report, `r`.
macro_rules! field_csv {
    ($report:ty, |$r:ident| $fields:expr, $rows:expr) => {
        impl $crate::render::table::ToCsv for $report {
            fn columns(&self) -> Vec<String> {
                #[allow(unused_variables)]
                let $r = self;
                $crate::render::table::field_names(&$fields)
            }

            fn write_rows(
                &self,
                sink: &mut dyn $crate::render::table::RowSink,
            ) -> std::io::Result<()> {
                let $r = self;
                $crate::render::table::field_rows(&$fields, $rows, sink)
            }
        }
    };
}
pub(crate) use field_csv;

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

/// One worksheet: a name key, column keys and typed rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// The sheet's name.
    pub name: Key,
    /// The columns' CSV names; [`header`](crate::render::words::header) words them.
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// From this column on, each cell is coloured against the same cell of
    /// the next sheet (a target): below it red, at or above it green, an
    /// empty cell counting as 0. None: no such colouring.
    pub against_next: Option<usize>,
}

impl Sheet {
    /// A sheet of fixed columns.
    pub fn new(name: Key, columns: &[&str]) -> Sheet {
        Sheet {
            name,
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: Vec::new(),
            against_next: None,
        }
    }

    /// A sheet of `fields`' columns, a row of them per item of `rows`.
    pub fn of<'a, T: 'a, C: ?Sized>(
        name: Key,
        fields: &[Field<T, C>],
        rows: impl IntoIterator<Item = &'a T>,
    ) -> Sheet {
        Sheet {
            name,
            columns: field_names(fields),
            rows: rows
                .into_iter()
                .map(|row| {
                    fields
                        .iter()
                        .filter(|f| f.machine())
                        .map(|f| (f.cell)(row))
                        .collect()
                })
                .collect(),
            against_next: None,
        }
    }

    /// A sheet with a report's CSV columns and rows.
    pub fn from_csv<R: ToCsv + ?Sized>(name: Key, report: &R) -> io::Result<Sheet> {
        let mut sheet = Sheet {
            name,
            columns: report.columns(),
            rows: Vec::new(),
            against_next: None,
        };
        report.write_rows(&mut sheet)?;
        Ok(sheet)
    }
}

impl RowSink for Sheet {
    fn row(&mut self, cells: &[Cell]) -> io::Result<()> {
        self.rows.push(cells.to_vec());
        Ok(())
    }
}

/// A report's reference date.
pub trait Dated {
    fn as_of(&self) -> Date;
}

/// A report as worksheets; its [`Dated::as_of`] is the workbook's creation
/// date.
pub trait ToXlsx: Dated {
    /// The sheets, in order.
    fn sheets(&self) -> io::Result<Vec<Sheet>>;
}
