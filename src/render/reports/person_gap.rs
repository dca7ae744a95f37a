//! `gap --by person`: each person's gaps to their role, and readiness: its
//! outline (a row per person in a terminal, per required skill in a
//! document), its CSV rows and its workbook (people, gaps).

use std::io;

use crate::model::Effort;
use crate::render::outline::{Block, Builder, Dialect, Outline, Text, ToOutline};
use crate::render::reports::text::{effort_hours, effort_line, level, person};
use crate::render::reports::{EFFORT_COLUMNS, effort_lines, opening};
use crate::render::table::{
    Cell, Field, Grid, Human, L, R, Sheet, ToXlsx, field_csv, heads, pick, rows_of,
};
use crate::render::words::{Key, Labels};
use crate::report::{PersonGap, PersonGapReport, RoleSkillGap};

use Dialect::{Document, Terminal};

/// `gap --by person`: one row per person (terminal) or per required skill
/// (document), their gaps to their role.
impl ToOutline for PersonGapReport {
    fn outline_in(&self, dialect: Dialect, l: Labels) -> Outline {
        let mut blocks = Vec::new();
        self.tell(dialect, l, &mut |block| blocks.push(block));
        blocks
    }

    /// A document's table person by person (issue 27 F18).
    fn tell(&self, dialect: Dialect, l: Labels, sink: &mut dyn FnMut(Block)) {
        let r = self;
        let t = &r.totals;
        let what = match &r.toward {
            Some(role) => l.fill(Key::WhatToward, &[role]),
            None => l.get(Key::WhatRoleGap).to_string(),
        };
        let mut out = Builder::to(sink);
        out.extend(
            opening(
                l,
                dialect,
                &what,
                &r.organisation,
                r.as_of,
                Some((&r.mix, "")),
            )
            .build(),
        );
        if let Some(role) = &r.toward {
            out.para(l.fill(Key::TowardBasis, &[role]));
        }
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
                person_skill_rows(l, r, &mut out);
                out.para(
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
    }
}

/// A row per person (by name, with the id) with their gaps on one line,
/// and a total.
pub fn person_rows(l: Labels, r: &PersonGapReport) -> Grid {
    use Key::*;
    let order = [
        ColPerson,
        ColUnit,
        ColRole,
        ColReadiness,
        ColGaps,
        ColHours,
        Experience,
        Social,
        Formal,
    ];
    let rows: Vec<PersonRow> = r.people.iter().map(|p| (p, Option::None)).collect();
    let h = Human::new(l, Terminal, &());
    let mut grid = Grid::of(&h, &person_fields(), &order, &rows).fold(&[8, 7, 6, 1, 2]);
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

/// A row per person and required skill, told person by person: the grid
/// with the first person's rows, then each next person's (issue 27 F18).
fn person_skill_rows(l: Labels, r: &PersonGapReport, out: &mut Builder) {
    use Key::*;
    let order = [
        ColPerson,
        ColRole,
        ColReadiness,
        ColSkill,
        ColNow,
        ColTarget,
        ColGap,
        ColHours,
    ];
    let h = Human::new(l, Document, &());
    let fields = person_fields();
    let mut people = r.people.iter().map(|p| {
        let rows: Vec<PersonRow> = p.skills.iter().map(|s| (p, Some(s))).collect();
        rows
    });
    out.grid(Grid::of(
        &h,
        &fields,
        &order,
        &people.next().unwrap_or_default(),
    ));
    for rows in people {
        out.push(Block::Rows(rows_of(&h, &fields, &order, &rows)));
    }
}

/// A row of `gap --by person`'s machine output: a person and one of their
/// required skills (the CSV, the workbook's Gaps sheet), or a person alone
/// (the People sheet, whose effort is the person's).
type PersonRow<'a> = (&'a PersonGap, Option<&'a RoleSkillGap>);

/// The skill cells of a [`PersonRow`]: empty for a person alone.
fn skill_cell(row: &PersonRow, cell: fn(&RoleSkillGap) -> Cell) -> Cell {
    row.1.map_or(Cell::Empty, cell)
}

/// The effort of a [`PersonRow`]: its skill's, or the person's.
fn row_effort<'a>(row: &PersonRow<'a>) -> &'a Effort {
    row.1.map_or(&row.0.effort, |s| &s.effort)
}

/// The columns of `gap --by person --format csv`, one row per person and
/// required skill; the People sheet shows those without a skill.
fn person_fields<'a>() -> [Field<PersonRow<'a>>; 14] {
    use Key::*;
    type P<'a> = Field<PersonRow<'a>>;
    [
        P::new("person", |(p, _)| Cell::text(&p.person))
            .head(L, ColPerson)
            .shows(|(p, _), _| person(&p.person, p.name.as_deref())),
        P::new("name", |(p, _)| Cell::opt_text(p.name.as_ref())),
        P::new("unit", |(p, _)| Cell::opt_text(p.unit.as_ref())).head(L, ColUnit),
        P::new("role", |(p, _)| Cell::text(&p.role)).head(L, ColRole),
        P::new("readiness", |(p, _)| Cell::Share(p.readiness)).head(R, ColReadiness),
        P::new("skill", |r| skill_cell(r, |s| Cell::text(&s.skill)))
            .head(L, ColSkill)
            .shows(|r, _| r.1.map_or_else(String::new, |s| s.skill_name.clone())),
        P::new("current", |r| skill_cell(r, |s| Cell::int(s.current))).head(R, ColNow),
        P::new("target", |r| skill_cell(r, |s| Cell::int(s.target))).head(R, ColTarget),
        P::new("gap", |r| skill_cell(r, |s| Cell::int(s.gap))).head(R, ColGap),
        P::new(EFFORT_COLUMNS[0], |r| Cell::Num(row_effort(r).total)).head(R, ColHours),
        P::new(EFFORT_COLUMNS[1], |r| Cell::Num(row_effort(r).experience)).head(R, Experience),
        P::new(EFFORT_COLUMNS[2], |r| Cell::Num(row_effort(r).social)).head(R, Social),
        P::new(EFFORT_COLUMNS[3], |r| Cell::Num(row_effort(r).formal)).head(R, Formal),
        // A person's gaps on one line, for the terminal's row per person.
        P::human(L, ColGaps, |(p, _), h| {
            let gaps: Vec<String> = p
                .skills
                .iter()
                .filter(|s| s.gap > 0)
                .map(|s| format!("{} {}->{}", s.skill_name, s.current, s.target))
                .collect();
            if gaps.is_empty() {
                h.l.get(Key::None).to_string()
            } else {
                gaps.join(", ")
            }
        }),
    ]
}

/// Every person and required skill, in order.
fn person_skills(r: &PersonGapReport) -> impl Iterator<Item = PersonRow<'_>> {
    r.people
        .iter()
        .flat_map(|p| p.skills.iter().map(move |s| (p, Some(s))))
}

field_csv!(
    PersonGapReport,
    |r| person_fields(),
    &person_skills(r).collect::<Vec<_>>()
);

impl ToXlsx for PersonGapReport {
    fn sheets(&self) -> io::Result<Vec<Sheet>> {
        let gaps = Sheet::from_csv(Key::SheetPersonGaps, self)?;
        let mut columns = vec!["person", "name", "unit", "role", "readiness"];
        columns.extend(EFFORT_COLUMNS);
        let people: Vec<_> = self.people.iter().map(|p| (p, None)).collect();
        let people = Sheet::of(Key::SheetPeople, &pick(&person_fields(), &columns), &people);
        Ok(vec![people, gaps])
    }
}

/// `plan --person ID --toward R`: the person's gap to R, skill by skill.
pub fn toward_grid(l: Labels, levels: &[String], gap: &PersonGap) -> Grid {
    use Key::*;
    let mut grid = Grid::new(&heads(
        l,
        &[
            (L, ColSkill),
            (L, HeadCurrent),
            (L, ColTarget),
            (R, ColGap),
            (R, ColHours),
            (R, Experience),
            (R, Social),
            (R, Formal),
        ],
    ))
    .fold(&[7, 6, 5]);
    for s in &gap.skills {
        let mut row = vec![
            s.skill_name.clone(),
            level(levels, s.current),
            level(levels, s.target),
            s.gap.to_string(),
        ];
        row.extend(effort_hours(l, &s.effort));
        grid.push(row);
    }
    grid
}
