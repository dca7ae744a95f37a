//! `gap --by unit|skill|driver`: the needs added up per group, which
//! drivers are at risk: its outline, CSV rows and workbook sheet.

use std::io;

use crate::model::Date;
use crate::render::outline::{Dialect, Outline, ToOutline};
use crate::render::reports::text::{effort_line, group_title, group_word, or_empty};
use crate::render::reports::{EFFORT_COLUMNS, effort_lines, opening};
use crate::render::table::{Cell, Field, Grid, L, R, RowSink, Sheet, ToCsv, ToXlsx, heads};
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
                let none = match r.by.as_str() {
                    "unit" => l.get(Key::WholeOrganisation),
                    _ => l.get(Key::NoneInParens),
                };
                let mut groups = gap_groups(l, r, none);
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
                out.grid(gap_groups(l, r, l.get(Key::NoneInParens)));
            }
        };
        effort_lines(l, dialect, &effort, Key::BasisNeeds, &mut out);
        out.build()
    }
}

/// `gap --by unit|skill|driver`: a row per group; `none` names the null key.
pub fn gap_groups(l: Labels, report: &GapGroupsReport, none: &str) -> Grid {
    use Key::*;
    let mut header = vec![group_title(l, &report.by).to_string()];
    header.extend(heads(
        l,
        &[
            (L, ColName),
            (R, ColNeeds),
            (R, ColUnmet),
            (R, ColCoverage),
            (R, ColShort),
            (R, ColDevelop),
            (R, ColRecruit),
            (R, ColHours),
            (L, ColAtRisk),
        ],
    ));
    let renew = groups_renew(report);
    if renew {
        header.insert(6, heads(l, &[(R, ColRenew)]).remove(0));
    }
    // Issue 25: KS's measures summed per group, and the cost, last.
    let currency = report
        .totals
        .currency
        .as_deref()
        .filter(|_| report.totals.cost.is_some());
    let mut more = Vec::new();
    if report.ks {
        more.extend([
            (R, ColBeholde),
            (R, ColUtvikle),
            (R, ColMobilisere),
            (R, ColRekruttere),
        ]);
    }
    more.extend(currency.map(|_| (R, ColCost)));
    let base = header.len();
    header.extend(heads(l, &more));
    // A narrow terminal folds the cost and KS's measures first.
    let mut fold: Vec<usize> = (base..header.len()).rev().collect();
    fold.extend(if renew {
        &[10, 1, 7, 6][..]
    } else {
        &[9, 1, 6][..]
    });
    let mut grid = Grid::new(&header).fold(&fold).fold_last(&[3]);
    for g in &report.groups {
        let mut row = vec![
            g.key.clone().unwrap_or_else(|| none.to_string()),
            or_empty(g.name.as_ref()),
            l.int(g.needs as u64),
            l.int(g.unmet as u64),
            l.percent(g.coverage),
            l.int(g.shortfall),
            l.int(g.develop as u64),
            l.int(g.recruit),
            l.hours(g.effort.total),
            g.at_risk
                .map_or_else(|| l.get(No).to_string(), |p| l.priority(p).to_string()),
        ];
        if renew {
            row.insert(6, l.int(g.renew as u64));
        }
        if g.suppressed {
            // `--min-group`: dashes, and the reason where the risk would be.
            let last = row.len() - 1;
            row[2..last].fill("–".to_string());
            row[last] = l.get(Suppressed).to_string();
        }
        let m = g.measures;
        let mut ks: Vec<String> = Vec::new();
        if report.ks {
            ks.extend([m.beholde, m.utvikle, m.mobilisere, m.rekruttere].map(|n| l.int(n)));
        }
        if let Some(currency) = currency {
            ks.push(
                g.cost
                    .map_or_else(String::new, |c| l.money(c.amount(), currency)),
            );
        }
        if g.suppressed {
            ks.fill("–".to_string());
        }
        row.extend(ks);
        grid.push(row);
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
pub const GROUP_FIELDS: &[Field<GapGroup>] = &[
    Field::new("key", |g| Cell::opt_text(g.key.as_ref())),
    Field::new("name", |g| Cell::opt_text(g.name.as_ref())),
    Field::new("needs", |g| Cell::count(g.needs)),
    Field::new("unmet", |g| Cell::count(g.unmet)),
    Field::new("coverage", |g| Cell::Share(g.coverage)),
    Field::new("shortfall", |g| Cell::count(g.shortfall)),
    Field::new("develop", |g| Cell::count(g.develop)),
    Field::new("recruit", |g| Cell::count(g.recruit)),
    Field::new(EFFORT_COLUMNS[0], |g| Cell::Num(g.effort.total)),
    Field::new(EFFORT_COLUMNS[1], |g| Cell::Num(g.effort.experience)),
    Field::new(EFFORT_COLUMNS[2], |g| Cell::Num(g.effort.social)),
    Field::new(EFFORT_COLUMNS[3], |g| Cell::Num(g.effort.formal)),
    Field::new("at_risk", |g| Cell::opt_priority(g.at_risk)),
    Field::new("renew", |g| Cell::count(g.renew)),
    // Issue 25: KS's measures summed, and the cost only with `[cost]`.
    Field::new("beholde", |g| Cell::count(g.measures.beholde)),
    Field::new("utvikle", |g| Cell::count(g.measures.utvikle)),
    Field::new("mobilisere", |g| Cell::count(g.measures.mobilisere)),
    Field::new("rekruttere", |g| Cell::count(g.measures.rekruttere)),
    Field::new("cost", |g| {
        g.cost.map_or(Cell::Empty, |c| Cell::Num(c.amount()))
    }),
];

/// The group row's columns: every one, `cost` only with `[cost]`.
fn group_fields(r: &GapGroupsReport) -> Vec<&'static Field<GapGroup>> {
    GROUP_FIELDS
        .iter()
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
    fn as_of(&self) -> Date {
        self.as_of
    }

    fn sheets(&self) -> io::Result<Vec<Sheet>> {
        let name = match self.by.as_str() {
            "unit" => Key::SheetByUnit,
            "skill" => Key::SheetBySkill,
            _ => Key::SheetByDriver,
        };
        Ok(vec![Sheet::from_csv(name, self)?])
    }
}
