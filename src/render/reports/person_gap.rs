//! `gap --by person`: each person's gaps to their role, and readiness: its
//! outline (a row per person in a terminal, per required skill in a
//! document), its CSV rows and its workbook (people, gaps).

use std::io;

use crate::model::Date;
use crate::render::outline::{Dialect, Outline, Text, ToOutline};
use crate::render::reports::text::{effort_hours, effort_line, or_empty, person};
use crate::render::reports::{EFFORT_COLUMNS, effort, effort_lines, names, opening};
use crate::render::table::{Cell, Grid, L, R, RowSink, Sheet, ToCsv, ToXlsx, heads};
use crate::render::words::{Key, Labels};
use crate::report::{PersonGap, PersonGapReport};

use Dialect::{Document, Terminal};

/// `gap --by person`: one row per person (terminal) or per required skill
/// (document), their gaps to their role.
impl ToOutline for PersonGapReport {
    fn outline_in(&self, dialect: Dialect, l: Labels) -> Outline {
        let r = self;
        let t = &r.totals;
        let mut out = opening(
            l,
            dialect,
            l.get(Key::WhatRoleGap),
            &r.organisation,
            r.as_of,
            Some((&r.mix, "")),
        );
        let effort = effort_line(l, &t.effort, &r.mix);
        match dialect {
            Terminal if r.people.is_empty() => {
                out.heading(2, l.get(Key::NobodyWithRole));
            }
            Terminal => {
                out.grid(person_rows(l, r));
                effort_lines(l, dialect, &effort, Key::BasisRoles, &mut out);
            }
            Document => {
                out.grid(person_skill_rows(l, r)).para(
                    Text::default()
                        .strong(l.get(Key::TotalDocument))
                        .and(l.fill(
                            Key::PeopleTotalDocument,
                            &[
                                &l.count(t.people, Key::Person, Key::People),
                                &l.int(t.with_gap as u64),
                                &l.percent(t.readiness),
                            ],
                        )),
                );
                effort_lines(l, dialect, &effort, Key::BasisRoles, &mut out);
            }
        }
        out.build()
    }
}

/// A row per person (by name, with the id) with their gaps on one line,
/// and a total.
fn person_rows(l: Labels, r: &PersonGapReport) -> Grid {
    use Key::*;
    let mut grid = Grid::new(&heads(
        l,
        &[
            (L, ColPerson),
            (L, ColUnit),
            (L, ColRole),
            (R, ColReadiness),
            (L, ColGaps),
            (R, ColHours),
            (R, Experience),
            (R, Social),
            (R, Formal),
        ],
    ))
    .fold(&[8, 7, 6, 1, 2]);
    for p in &r.people {
        let gaps: Vec<String> = p
            .skills
            .iter()
            .filter(|s| s.gap > 0)
            .map(|s| format!("{} {}->{}", s.skill_name, s.current, s.target))
            .collect();
        let mut row = vec![
            person(&p.person, p.name.as_deref()),
            or_empty(p.unit.as_ref()),
            p.role.clone(),
            l.percent(p.readiness),
            if gaps.is_empty() {
                l.get(None).to_string()
            } else {
                gaps.join(", ")
            },
        ];
        row.extend(effort_hours(l, &p.effort));
        grid.push(row);
    }
    let t = &r.totals;
    let mut total = vec![
        format!("{} ({})", l.get(Total), l.count(t.people, Person, People)),
        String::new(),
        String::new(),
        l.percent(t.readiness),
        l.fill(WithGap, &[&l.int(t.with_gap as u64)]),
    ];
    total.extend(effort_hours(l, &t.effort));
    grid.push(total);
    grid
}

/// A row per person and required skill.
fn person_skill_rows(l: Labels, r: &PersonGapReport) -> Grid {
    use Key::*;
    let mut grid = Grid::new(&heads(
        l,
        &[
            (L, ColPerson),
            (L, ColRole),
            (R, ColReadiness),
            (L, ColSkill),
            (R, ColNow),
            (R, ColTarget),
            (R, ColGap),
            (R, ColHours),
        ],
    ));
    for p in &r.people {
        for s in &p.skills {
            grid.push([
                person(&p.person, p.name.as_deref()),
                p.role.clone(),
                l.percent(p.readiness),
                s.skill_name.clone(),
                s.current.to_string(),
                s.target.to_string(),
                s.gap.to_string(),
                l.hours(s.effort.total),
            ]);
        }
    }
    grid
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

impl ToXlsx for PersonGapReport {
    fn as_of(&self) -> Date {
        self.as_of
    }

    fn sheets(&self) -> io::Result<Vec<Sheet>> {
        let gaps = Sheet::from_csv(Key::SheetPersonGaps, self)?;
        let mut columns = vec!["person", "name", "unit", "role", "readiness"];
        columns.extend(EFFORT_COLUMNS);
        let mut people = Sheet::new(Key::SheetPeople, &columns);
        for p in &self.people {
            let mut row = person_cells(p);
            row.extend(effort(&p.effort));
            people.rows.push(row);
        }
        Ok(vec![people, gaps])
    }
}
