//! `gap --by unit|skill|driver`: the needs added up per group, which
//! drivers are at risk: its outline, CSV rows and workbook sheet.

use std::io;

use crate::render::outline::{Dialect, Outline, ToOutline};
use crate::render::reports::text::{effort_line, group_word};
use crate::render::reports::{EFFORT_COLUMNS, effort_lines, opening};
use crate::render::table::{Cell, Field, Grid, Human, L, R, RowSink, Sheet, ToCsv, ToXlsx};
use crate::render::words::{Key, Labels};
use crate::report::{GapGroup, GapGroupsReport};

use Dialect::{Document, Terminal};

/// `gap --by unit|skill|driver`: one row per group.
impl ToOutline for GapGroupsReport {
    fn outline_in(&self, dialect: Dialect, l: Labels) -> Outline {
        let r = self;
        let t = &r.totals;
        let mut out = opening(
            l,
            dialect,
            &l.fill(Key::WhatGapBy, &[&group_word(l, &r.by)]),
            &r.organisation,
            r.as_of,
            Some((&r.mix, "")),
        );
        let effort = effort_line(l, &t.effort, &r.mix);
        match dialect {
            Terminal => {
                let mut groups = gap_groups(l, r, dialect);
                let mut total = vec![
                    l.get(Key::Total).to_string(),
                    String::new(),
                    l.int(t.needs as u64),
                    l.int(t.unmet as u64),
                    String::new(),
                    l.int(t.shortfall),
                    l.int(t.develop as u64),
                    l.int(t.recruit),
                    l.hours(t.effort.total),
                    String::new(),
                ];
                if groups_renew(r) {
                    total.insert(6, l.int(t.renew as u64));
                }
                if r.ks {
                    let m = t.measures;
                    total.extend(
                        [m.beholde, m.utvikle, m.mobilisere, m.rekruttere].map(|n| l.int(n)),
                    );
                }
                if let (Some(cost), Some(currency)) = (t.cost, &t.currency) {
                    total.push(l.money(cost.amount(), currency));
                }
                groups.push(total);
                out.grid(groups);
            }
            Document => {
                out.grid(gap_groups(l, r, dialect));
            }
        };
        effort_lines(l, dialect, &effort, Key::BasisNeeds, &mut out);
        out.build()
    }
}

/// `gap --by unit|skill|driver`: a row per group (see [`GROUP_FIELDS`]).
pub fn gap_groups(l: Labels, report: &GapGroupsReport, dialect: Dialect) -> Grid {
    use Key::*;
    let mut order = vec![
        group_title(&report.by),
        ColName,
        ColNeeds,
        ColUnmet,
        ColCoverage,
        ColShort,
        ColRenew,
        ColDevelop,
        ColRecruit,
        ColHours,
        ColAtRisk,
    ];
    order.retain(|&k| k != ColRenew || groups_renew(report));
    // Issue 25: KS's measures summed per group, and the cost, last.
    let ks = [ColBeholde, ColUtvikle, ColMobilisere, ColRekruttere];
    order.extend(ks.iter().filter(|_| report.ks));
    let cost = report.totals.currency.is_some() && report.totals.cost.is_some();
    order.extend(cost.then_some(ColCost));
    let h = Human::new(l, dialect, report);
    let mut grid = Grid::of(&h, GROUP_FIELDS, &order, &report.groups);
    // A narrow terminal folds the cost and KS's measures first.
    let mut fold = vec![
        ColCost,
        ColRekruttere,
        ColMobilisere,
        ColUtvikle,
        ColBeholde,
    ];
    fold.extend([ColAtRisk, ColName, ColDevelop, ColRenew]);
    let (fold, last) = (grid.at(&fold), grid.at(&[ColUnmet]));
    grid = grid.fold(&fold).fold_last(&last);
    for (row, g) in grid.rows.iter_mut().zip(&report.groups) {
        if g.suppressed {
            // `--min-group`: dashes, and the reason where the risk would be.
            for (cell, column) in row.iter_mut().zip(&grid.columns).skip(2) {
                *cell = match column.key {
                    Some(ColAtRisk) => l.get(Suppressed).to_string(),
                    _ => "–".to_string(),
                };
            }
        }
    }
    grid
}

/// Whether `gap --by` shows a Renew column: only when a group renews.
pub fn groups_renew(report: &GapGroupsReport) -> bool {
    report.groups.iter().any(|g| g.renew > 0)
}

/// A group's row in `gap --by unit|skill|driver --format csv` and its
/// workbook sheet, in order (`renew` last, so scripts reading by position
/// still work).
pub const GROUP_FIELDS: &[GroupField] = &[
    GroupField::new("key", |g| Cell::opt_text(g.key.as_ref())),
    GroupField::new("name", |g| Cell::opt_text(g.name.as_ref())).head(L, Key::ColName),
    GroupField::new("needs", |g| Cell::count(g.needs)).head(R, Key::ColNeeds),
    GroupField::new("unmet", |g| Cell::count(g.unmet)).head(R, Key::ColUnmet),
    GroupField::new("coverage", |g| Cell::Share(g.coverage)).head(R, Key::ColCoverage),
    GroupField::new("shortfall", |g| Cell::count(g.shortfall)).head(R, Key::ColShort),
    GroupField::new("develop", |g| Cell::count(g.develop)).head(R, Key::ColDevelop),
    GroupField::new("recruit", |g| Cell::count(g.recruit)).head(R, Key::ColRecruit),
    GroupField::new(EFFORT_COLUMNS[0], |g| Cell::Num(g.effort.total)).head(R, Key::ColHours),
    Field::new(EFFORT_COLUMNS[1], |g| Cell::Num(g.effort.experience)),
    Field::new(EFFORT_COLUMNS[2], |g| Cell::Num(g.effort.social)),
    Field::new(EFFORT_COLUMNS[3], |g| Cell::Num(g.effort.formal)),
    GroupField::new("at_risk", |g| Cell::opt_priority(g.at_risk))
        .head(L, Key::ColAtRisk)
        .shows(|g, h| {
            g.at_risk
                .map_or(h.l.get(Key::No), |p| h.l.priority(p))
                .to_string()
        }),
    GroupField::new("renew", |g| Cell::count(g.renew)).head(R, Key::ColRenew),
    // Issue 25: KS's measures summed, and the cost only with `[cost]`.
    GroupField::new("beholde", |g| Cell::count(g.measures.beholde)).head(R, Key::ColBeholde),
    GroupField::new("utvikle", |g| Cell::count(g.measures.utvikle)).head(R, Key::ColUtvikle),
    GroupField::new("mobilisere", |g| Cell::count(g.measures.mobilisere))
        .head(R, Key::ColMobilisere),
    GroupField::new("rekruttere", |g| Cell::count(g.measures.rekruttere))
        .head(R, Key::ColRekruttere),
    GroupField::new("cost", |g| {
        g.cost.map_or(Cell::Empty, |c| Cell::Num(c.amount()))
    })
    .head(R, Key::ColCost)
    .shows(|g, h| {
        let currency = h.of.totals.currency.as_deref().unwrap_or_default();
        g.cost
            .map_or_else(String::new, |c| h.l.money(c.amount(), currency))
    }),
    // The key heads the table by what it groups (one of these three).
    GroupField::human(L, Key::ColUnit, key),
    GroupField::human(L, Key::ColSkill, key),
    GroupField::human(L, Key::ColDriver, key),
];

type GroupField = Field<GapGroup, GapGroupsReport>;

/// A group's key; the group of none is the whole organisation in a
/// terminal's `--by unit`.
fn key(g: &GapGroup, h: &Human<'_, GapGroupsReport>) -> String {
    let none = match (h.dialect, h.of.by.as_str()) {
        (Terminal, "unit") => Key::WholeOrganisation,
        _ => Key::NoneInParens,
    };
    g.key.clone().unwrap_or_else(|| h.l.get(none).to_string())
}

/// The heading of a group's key, by what `gap --by` groups.
fn group_title(by: &str) -> Key {
    match by {
        "unit" => Key::ColUnit,
        "skill" => Key::ColSkill,
        _ => Key::ColDriver,
    }
}

/// The group row's columns: every one, `cost` only with `[cost]`.
fn group_fields(r: &GapGroupsReport) -> Vec<&'static GroupField> {
    GROUP_FIELDS
        .iter()
        .filter(|f| f.machine())
        .filter(|f| r.totals.cost.is_some() || f.name != "cost")
        .filter(|f| r.ks || !["beholde", "utvikle", "mobilisere", "rekruttere"].contains(&f.name))
        .collect()
}

impl ToCsv for GapGroupsReport {
    fn columns(&self) -> Vec<String> {
        group_fields(self)
            .iter()
            .map(|f| f.name.to_string())
            .collect()
    }

    fn write_rows(&self, sink: &mut dyn RowSink) -> io::Result<()> {
        let fields = group_fields(self);
        for g in &self.groups {
            let mut row: Vec<Cell> = fields.iter().map(|f| (f.cell)(g)).collect();
            if g.suppressed {
                // `--min-group`: the key and name stay, every number is empty.
                row[2..].fill(Cell::Empty);
            }
            sink.row(&row)?;
        }
        Ok(())
    }
}

impl ToXlsx for GapGroupsReport {
    fn sheets(&self) -> io::Result<Vec<Sheet>> {
        let name = match self.by.as_str() {
            "unit" => Key::SheetByUnit,
            "skill" => Key::SheetBySkill,
            _ => Key::SheetByDriver,
        };
        Ok(vec![Sheet::from_csv(name, self)?])
    }
}
