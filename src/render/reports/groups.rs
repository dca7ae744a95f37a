//! `gap --by unit|skill|driver`: the needs added up per group, which
//! drivers are at risk: its outline, CSV rows and workbook sheet.

use std::io;

use crate::model::Date;
use crate::render::outline::{Dialect, Outline, ToOutline};
use crate::render::reports::text::{effort_line, group_title, group_word, or_empty};
use crate::render::reports::{EFFORT_COLUMNS, effort, effort_lines, names, opening};
use crate::render::table::{Cell, Grid, L, R, RowSink, Sheet, ToCsv, ToXlsx, heads};
use crate::render::words::{Key, Labels};
use crate::report::GapGroupsReport;

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
    let mut grid = if renew {
        Grid::new(&header).fold(&[10, 1, 7, 6])
    } else {
        Grid::new(&header).fold(&[9, 1, 6])
    }
    .fold_last(&[3]);
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
        grid.push(row);
    }
    grid
}

/// Whether `gap --by` shows a Renew column: only when a group renews.
pub fn groups_renew(report: &GapGroupsReport) -> bool {
    report.groups.iter().any(|g| g.renew > 0)
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
