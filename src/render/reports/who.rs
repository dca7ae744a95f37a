//! `kompetanse who` (issue 23 item 4) in every format: one row per person
//! who meets every criterion in the human formats, a cell per criterion
//! (level, when assessed, expiry, interest); one row per person and
//! criterion in CSV and the workbook. Computed in `analysis::who`; this
//! module only words and lays it out.

use std::io;

use crate::render::outline::{Builder, Dialect, Outline, ToOutline};
use crate::render::reports::text::{level, or_empty, person};
use crate::render::table::{Cell, Grid, L, R, RowSink, Sheet, ToCsv, ToXlsx, heads, show};
use crate::render::words::{Key, Labels};
use crate::report::{WhoLevel, WhoReport};

/// "Rust programming ≥ 3 advanced and SQL ≥ 2 working".
fn criteria(l: Labels, r: &WhoReport) -> String {
    let each: Vec<String> = r
        .criteria
        .iter()
        .map(|c| format!("{} ≥ {}", c.skill_name, level(&r.levels, c.level)))
        .collect();
    each.join(&format!(" {} ", l.get(Key::WhoAnd)))
}

/// A criterion's cell: "3 advanced, 2026-02-02, expires 2027-01-01, wants to develop".
fn cell(l: Labels, levels: &[String], w: &WhoLevel) -> String {
    let mut parts = vec![level(levels, w.level)];
    parts.extend(w.assessed.map(|d| l.value(&d.to_string()).into_owned()));
    parts.extend(w.expires.map(|d| l.fill(Key::WhoExpires, &[&d])));
    parts.extend(w.source.map(|word| show(l, &Cell::Term(word))));
    if w.interest {
        parts.push(l.get(Key::WhoInterest).to_string());
    }
    parts.join(", ")
}

impl ToOutline for WhoReport {
    fn outline_in(&self, dialect: Dialect, l: Labels) -> Outline {
        let r = self;
        let what = criteria(l, r);
        let mut scope = Vec::new();
        scope.extend(r.unit.as_ref().map(|u| l.fill(Key::UnitIs, &[u])));
        scope.extend(r.role.as_ref().map(|role| l.fill(Key::RoleIs, &[role])));
        let mut out = Builder::default();
        match dialect {
            Dialect::Terminal => {
                out.title(l.fill(Key::WhoTitle, &[&r.organisation, &what, &r.as_of]));
                if !scope.is_empty() {
                    out.para(scope.join(", "));
                }
            }
            Dialect::Document => {
                out.title(l.fill(Key::WhoTitleDocument, &[&r.organisation]))
                    .para(l.fill(Key::WhoAbout, &[&r.as_of, &what]));
                if !scope.is_empty() {
                    out.para(scope.join(" · "));
                }
            }
        }
        if r.people.is_empty() {
            out.para(l.get(Key::WhoNone));
            return out.build();
        }
        let mut header = heads(
            l,
            &[(L, Key::ColPerson), (L, Key::ColUnit), (L, Key::ColRole)],
        );
        header.extend(r.criteria.iter().map(|c| c.skill_name.clone()));
        header.extend(heads(l, &[(R, Key::ColMentees), (L, Key::ColLastDay)]));
        let columns = header.len();
        let mut grid = Grid::new(&header).fold(&[columns - 1, 2, 1]);
        for p in &r.people {
            let mut row = vec![
                person(&p.person, p.name.as_deref()),
                or_empty(p.unit.as_ref()),
                or_empty(p.role.as_ref()),
            ];
            row.extend(p.levels.iter().map(|w| cell(l, &r.levels, w)));
            row.push(p.mentees.to_string());
            row.push(or_empty(p.leaves));
            grid.push(row);
        }
        out.grid(grid)
            .para(l.count(r.people.len(), Key::Person, Key::People));
        out.build()
    }
}

/// One row per person and criterion.
const COLUMNS: [&str; 12] = [
    "person", "name", "unit", "role", "skill", "level", "assessed", "expires", "interest",
    "mentees", "leaves", "source",
];

impl ToCsv for WhoReport {
    fn columns(&self) -> Vec<String> {
        COLUMNS.iter().map(|c| c.to_string()).collect()
    }

    fn write_rows(&self, sink: &mut dyn RowSink) -> io::Result<()> {
        for p in &self.people {
            for w in &p.levels {
                sink.row(&[
                    Cell::text(&p.person),
                    Cell::opt_text(p.name.as_ref()),
                    Cell::opt_text(p.unit.as_ref()),
                    Cell::opt_text(p.role.as_ref()),
                    Cell::text(&w.skill),
                    Cell::int(w.level),
                    Cell::opt_date(w.assessed),
                    Cell::opt_date(w.expires),
                    Cell::Bool(w.interest),
                    Cell::int(p.mentees),
                    Cell::opt_date(p.leaves),
                    w.source.map_or(Cell::Empty, Cell::Term),
                ])?;
            }
        }
        Ok(())
    }
}

impl ToXlsx for WhoReport {
    fn sheets(&self) -> io::Result<Vec<Sheet>> {
        Ok(vec![Sheet::from_csv(Key::SheetPeople, self)?])
    }
}
