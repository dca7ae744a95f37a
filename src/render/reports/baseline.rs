//! `gap --baseline` for people and for spreadsheets (FORMAT.md r2
//! "Baseline"): the summary line, each need's change, new and removed
//! needs. The terminal lists every need in report order; a document
//! (Markdown, for a pull-request comment) is short: the summary first,
//! then only the needs that changed, those that fell behind first, and the
//! rest as a count. CSV is `gap`'s own rows with the baseline's columns
//! appended, and the removed needs as rows of their own. It formats the
//! comparison; it computes nothing (`analysis::baseline` does).

use std::io;

use crate::model::Date;
use crate::render::outline::{Builder, Dialect, Outline, Text, ToOutline};
use crate::render::reports::gap::NEED_FIELDS;
use crate::render::table::Grid;
use crate::render::table::{Cell, RowSink, ToCsv};
use crate::render::words::{Key, Labels};
use crate::report::NeedGap;
use crate::report::baseline::{GapBaseline, GapComparison, NeedBaseline, NeedField, Trend};

/// A count's change for people: "+2", "-1", and nothing for no change.
pub fn signed(l: Labels, change: i64) -> String {
    match change {
        0 => String::new(),
        c if c > 0 => format!("+{}", l.int(c.unsigned_abs())),
        c => format!("-{}", l.int(c.unsigned_abs())),
    }
}

/// A coverage change in percentage points: "+33.3 pp", nothing for none.
fn points(l: Labels, change: f64) -> String {
    if change == 0.0 {
        return String::new();
    }
    let sign = if change > 0.0 { "+" } else { "" };
    let p = change * 100.0;
    // Whole points without decimals, as `Labels::percent` writes shares.
    let p = if (p - p.round()).abs() < 0.05 {
        l.decimal(p.round(), 0)
    } else {
        l.decimal(p, 1)
    };
    l.fill(Key::PercentPoints, &[&format!("{sign}{p}")])
}

/// The baseline's date, or that there is none yet (`nothing`: its words).
pub fn as_of(l: Labels, as_of: Option<&str>, nothing: Key) -> String {
    as_of.map_or_else(|| l.get(nothing).to_string(), str::to_string)
}

/// A need's redefinitions for people: "level 3 -> 2; priority critical -> high".
fn redefined(l: Labels, b: &NeedBaseline) -> String {
    let field = |f: NeedField| match f {
        NeedField::Skill => l.get(Key::ColSkill),
        NeedField::Unit => l.get(Key::ColUnit),
        NeedField::Role => l.get(Key::ColRole),
        NeedField::Level => l.get(Key::ColLevel),
        NeedField::Count => l.get(Key::ColCount),
        NeedField::Priority => l.get(Key::ColPriority),
    };
    let shown = |s: &str| {
        if s.is_empty() {
            "-".to_string()
        } else {
            s.to_string()
        }
    };
    b.redefined
        .iter()
        .map(|r| {
            format!(
                "{} {} -> {}",
                field(r.field).to_lowercase(),
                shown(&r.was),
                shown(&r.is)
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The summary line: "shortfall 14 -> 9, 3 needs closed, 1 new"; the
/// parts after the shortfall only when there are any.
pub fn summary_line(l: Labels, s: &GapBaseline) -> String {
    let mut parts = vec![l.fill(
        Key::BaselineShortfall,
        &[&l.int(s.shortfall.then), &l.int(s.shortfall.now)],
    )];
    let needs = |n: usize| l.count(n, Key::NeedNoun, Key::NeedsNoun);
    let mut add = |n: usize, key: Key, what: String| {
        if n > 0 {
            parts.push(l.fill(key, &[&what]));
        }
    };
    add(s.closed.len(), Key::BaselineClosed, needs(s.closed.len()));
    add(s.opened.len(), Key::BaselineOpened, needs(s.opened.len()));
    add(
        s.regressions.len(),
        Key::BaselineWorse,
        l.int(s.regressions.len() as u64),
    );
    add(
        s.redefined.len(),
        Key::BaselineRedefined,
        l.int(s.redefined.len() as u64),
    );
    let new = if s.new.len() == 1 {
        Key::BaselineNewOne
    } else {
        Key::BaselineNewMany
    };
    add(s.new.len(), new, l.int(s.new.len() as u64));
    add(
        s.removed.len(),
        Key::BaselineRemoved,
        l.int(s.removed.len() as u64),
    );
    if let Some(gate) = s.gate.as_ref().filter(|g| !g.failing.is_empty()) {
        parts.push(l.fill(
            Key::BaselineFailing,
            &[
                &l.priority(gate.gate.priority),
                &l.int(gate.failing.len() as u64),
            ],
        ));
    }
    parts.join(", ")
}

/// What happened to a need or a skill, in a word (and an order: worse
/// first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mark {
    Worse,
    Better,
    Changed,
    New,
    Unchanged,
}

fn mark(baseline: Option<&NeedBaseline>) -> Mark {
    match baseline {
        None => Mark::New,
        Some(b) => match b.trend {
            Trend::Worse => Mark::Worse,
            Trend::Better => Mark::Better,
            Trend::Changed => Mark::Changed,
            Trend::Unchanged => Mark::Unchanged,
        },
    }
}

pub fn mark_word(l: Labels, mark: Mark) -> &'static str {
    match mark {
        Mark::Worse => l.get(Key::MarkWorse),
        Mark::Better => l.get(Key::MarkBetter),
        Mark::Changed => l.get(Key::MarkChanged),
        Mark::New => l.get(Key::MarkNew),
        Mark::Unchanged => "",
    }
}

/// A comparison's page, `gap --baseline`'s and `balance --baseline`'s
/// alike: the title, the summary line, the rows (a document shows only
/// those that changed, the worse first, and counts the rest as `nouns`),
/// and what the baseline had that is gone.
pub struct Page<'a, T, B> {
    pub organisation: &'a str,
    pub what: Key,
    pub as_of: Date,
    /// The baseline's date, or that there is none.
    pub baseline: String,
    pub line: String,
    pub rows: Vec<(&'a T, Option<&'a B>)>,
    pub mark: fn(Option<&B>) -> Mark,
    pub nouns: (Key, Key),
    pub removed: Vec<Text>,
}

impl<'a, T, B> Page<'a, T, B> {
    pub fn outline(
        self,
        l: Labels,
        dialect: Dialect,
        grid: impl Fn(Vec<(&'a T, Option<&'a B>)>) -> Grid,
    ) -> Outline {
        let mut out = Builder::default();
        let what = l.get(self.what);
        out.title(l.fill(
            Key::BaselineTitle,
            &[&self.organisation, &what, &self.as_of, &self.baseline],
        ));
        match dialect {
            Dialect::Terminal => {
                out.para(self.line).grid(grid(self.rows));
            }
            Dialect::Document => {
                out.para(Text::default().strong(self.line));
                let mark = self.mark;
                let (mut changed, same): (Vec<_>, Vec<_>) = self
                    .rows
                    .into_iter()
                    .partition(|(_, b)| mark(*b) != Mark::Unchanged);
                changed.sort_by_key(|(_, b)| mark(*b));
                if !changed.is_empty() {
                    out.grid(grid(changed));
                }
                if !same.is_empty() {
                    let (one, many) = self.nouns;
                    out.para(l.fill(Key::BaselineUnchanged, &[&l.count(same.len(), one, many)]));
                }
            }
        }
        if !self.removed.is_empty() {
            out.heading(2, l.fill(Key::BaselineRemovedHeading, &[&self.baseline]))
                .list(self.removed);
        }
        out.build()
    }
}

/// The needs' grid: now, the change, and the mark. The change in renewals
/// has a column only when some need's changed, so a need marked "changed"
/// always shows what changed, and organisations without certificates keep
/// the narrower table.
fn needs_grid(l: Labels, rows: Vec<(&NeedGap, Option<&NeedBaseline>)>) -> Grid {
    let renew = rows
        .iter()
        .any(|(_, b)| b.is_some_and(|b| b.change.renew != 0));
    let right = |key: Key| format!(">{}", l.get(key));
    let mut columns = vec![
        l.get(Key::ColNeed).to_string(),
        l.get(Key::ColSkill).to_string(),
        l.get(Key::ColPriority).to_string(),
        right(Key::ColHave),
        right(Key::ColShort),
        right(Key::ColCoverage),
        right(Key::ColDeltaHave),
        right(Key::ColDeltaShort),
        right(Key::ColDeltaCoverage),
    ];
    if renew {
        columns.push(right(Key::ColDeltaRenew));
    }
    columns.push(l.get(Key::ColChange).to_string());
    let mut grid = Grid::new(&columns);
    for (need, baseline) in rows {
        let change = baseline.map(|b| b.change);
        let skill = if need.skill_name.is_empty() {
            &need.skill
        } else {
            &need.skill_name
        };
        let mut cells = vec![
            need.id.clone(),
            skill.clone(),
            l.priority(need.priority).to_string(),
            l.int(need.have.into()),
            l.int(need.shortfall.into()),
            l.percent(need.coverage),
            change.map_or(String::new(), |c| signed(l, c.have)),
            change.map_or(String::new(), |c| signed(l, c.shortfall)),
            change.map_or(String::new(), |c| points(l, c.coverage)),
        ];
        if renew {
            cells.push(change.map_or(String::new(), |c| signed(l, c.renew)));
        }
        let word = mark_word(l, mark(baseline));
        cells.push(match baseline.map(|b| redefined(l, b)) {
            Some(how) if !how.is_empty() => format!("{word}: {how}"),
            _ => word.to_string(),
        });
        grid.push(cells);
    }
    grid
}

impl ToOutline for GapComparison {
    fn outline_in(&self, dialect: Dialect, l: Labels) -> Outline {
        let s = &self.summary;
        let removed = s.removed.iter().map(|n| {
            let shortfall = l.int(n.shortfall.into());
            Text::plain(l.fill(Key::BaselineRemovedNeed, &[&n.id, &n.skill, &shortfall]))
        });
        Page {
            organisation: &self.now.organisation,
            what: Key::WhatGap,
            as_of: self.now.as_of,
            baseline: as_of(l, s.as_of.as_deref(), Key::BaselineNothing),
            line: summary_line(l, s),
            rows: self.rows().collect(),
            mark,
            nouns: (Key::NeedNoun, Key::NeedsNoun),
            removed: removed.collect(),
        }
        .outline(l, dialect, |rows| needs_grid(l, rows))
    }
}

/// The columns `gap --baseline --format csv` appends to `gap`'s.
pub const BASELINE_COLUMNS: [&str; 9] = [
    "baseline_have",
    "baseline_shortfall",
    "baseline_renew",
    "baseline_coverage",
    "change_have",
    "change_shortfall",
    "change_renew",
    "change_coverage",
    "baseline_status",
];

/// A sink that appends a row's baseline cells to the report's row for it:
/// `cells` of its baseline and its status, or, for a row the baseline
/// lacks, `width` empty cells and status `new`.
pub struct Appending<'a, B> {
    pub inner: &'a mut dyn RowSink,
    pub baselines: std::slice::Iter<'a, Option<B>>,
    pub cells: &'a dyn Fn(&B) -> Vec<Cell>,
    pub width: usize,
}

impl<B> RowSink for Appending<'_, B> {
    fn row(&mut self, cells: &[Cell]) -> io::Result<()> {
        let mut row = cells.to_vec();
        match self.baselines.next().and_then(Option::as_ref) {
            Some(b) => row.extend((self.cells)(b)),
            None => {
                row.extend(std::iter::repeat_n(Cell::Empty, self.width));
                row.push(Cell::text("new"));
            }
        }
        self.inner.row(&row)
    }
}

/// A row's status against its baseline, the last of the appended cells.
pub fn status(changed: bool) -> Cell {
    Cell::text(if changed { "changed" } else { "unchanged" })
}

impl ToCsv for GapComparison {
    fn columns(&self) -> Vec<String> {
        let mut columns = self.now.columns();
        columns.extend(BASELINE_COLUMNS.iter().map(|c| c.to_string()));
        columns
    }

    /// `gap`'s rows with the baseline appended, then one row per removed
    /// need: what the baseline said of it under `gap`'s columns (the rest
    /// empty), its baseline cells, no change, and status `removed`.
    fn write_rows(&self, sink: &mut dyn RowSink) -> io::Result<()> {
        self.now.write_rows(&mut Appending {
            inner: &mut *sink,
            baselines: self.baselines.iter(),
            cells: &|b: &NeedBaseline| {
                vec![
                    Cell::int(b.have),
                    Cell::int(b.shortfall),
                    Cell::int(b.renew),
                    Cell::Share(b.coverage),
                    Cell::Int(b.change.have),
                    Cell::Int(b.change.shortfall),
                    Cell::Int(b.change.renew),
                    Cell::Num(b.change.coverage),
                    status(b.changed()),
                ]
            },
            width: BASELINE_COLUMNS.len() - 1,
        })?;
        for n in &self.summary.removed {
            let mut row: Vec<Cell> = NEED_FIELDS
                .iter()
                .filter(|field| field.machine())
                .map(|field| match field.name {
                    "id" => Cell::text(&n.id),
                    "skill" => Cell::text(&n.skill),
                    "unit" => Cell::opt_text(n.unit.as_ref()),
                    "role" => Cell::opt_text(n.role.as_ref()),
                    "level" => n.level.map_or(Cell::Empty, Cell::int),
                    "count" => n.count.map_or(Cell::Empty, Cell::int),
                    "priority" => Cell::opt_text(n.priority.as_ref()),
                    _ => Cell::Empty,
                })
                .collect();
            row.extend([
                Cell::int(n.have),
                Cell::int(n.shortfall),
                Cell::int(n.renew),
                Cell::Share(n.coverage),
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                Cell::text("removed"),
            ]);
            sink.row(&row)?;
        }
        Ok(())
    }
}
