//! `kompetanse matrix` (issue 23 item 5) in every format. People read a
//! grid of people by skills, the skills as narrow numbered columns with a
//! legend below naming them, each cell the level with its marks: ↓ below
//! the role's target, = at it, ↑ above it (no mark: no target), · not
//! assessed, * stale, ! expiring. The terminal colours a cell below target
//! red and one at or above it green (when colour is on; the marks say it
//! without); HTML colours the heatmap's cells. CSV has a row per person
//! and skill; the workbook has the matrix itself, the targets beside it
//! (its conditional formatting compares the two; a stale or expiring
//! level has a note) and those rows.
//! Computed in `analysis::matrix`; this module only words and lays it out.

use std::io;

use crate::render::outline::{
    Block, Builder, Dialect, HeatCell, HeatRow, Heatmap, Outline, Text, ToOutline, Tone,
};
use crate::render::reports::text::{level, or_empty, person};
use crate::render::table::{Cell, Field, Grid, L, Sheet, ToXlsx, field_csv, heads};
use crate::render::words::{Key, Labels};
use crate::report::{MatrixCell, MatrixPerson, MatrixReport, MatrixSkill, Standing};

/// A cell's text: the level (or · when unassessed), then its marks.
pub fn mark(l: Labels, c: &MatrixCell) -> String {
    let mut text = match c.level {
        Some(n) => n.to_string(),
        None => l.get(Key::MarkUnassessed).to_string(),
    };
    match c.standing {
        Standing::Below => text.push_str(l.get(Key::MarkBelow)),
        Standing::At => text.push_str(l.get(Key::MarkAt)),
        Standing::Above => text.push_str(l.get(Key::MarkAbove)),
        Standing::NoTarget => {}
    }
    if c.stale {
        text.push_str(l.get(Key::MarkStale));
    }
    if c.expiring {
        text.push_str(l.get(Key::MarkExpiring));
    }
    text
}

/// What the marks mean, in one line.
fn marks_legend(l: Labels, r: &MatrixReport) -> String {
    let pair = |mark: Key, word: String| format!("{} {word}", l.get(mark));
    let target = [
        pair(Key::MarkBelow, l.get(Key::MatrixBelow).to_string()),
        pair(Key::MarkAt, l.get(Key::MatrixAt).to_string()),
        pair(Key::MarkAbove, l.get(Key::MatrixAbove).to_string()),
        l.get(Key::MatrixNoMark).to_string(),
    ];
    [
        target.join(", "),
        pair(
            Key::MarkUnassessed,
            l.get(Key::MatrixUnassessed).to_string(),
        ),
        pair(Key::MarkStale, l.fill(Key::MatrixStale, &[&r.stale_before])),
        pair(
            Key::MarkExpiring,
            l.fill(Key::MatrixExpiring, &[&r.expiring_days]),
        ),
    ]
    .join("; ")
}

/// The legend of the numbered columns: "1 Rust programming (rust)".
fn skills_legend(r: &MatrixReport) -> Vec<Text> {
    r.skills
        .iter()
        .enumerate()
        .map(|(i, s)| {
            Text::default()
                .strong(format!("{}", i + 1))
                .and(format!(" {}", person(&s.skill, Some(&s.name))))
        })
        .collect()
}

/// A cell's colour in the page: below target on the red end of the
/// coverage scale, at or above on the green, no target grey.
fn tone(c: &MatrixCell) -> Tone {
    match (c.standing, c.level) {
        (Standing::Below, _) => Tone::Band(0),
        (Standing::At | Standing::Above, _) => Tone::Band(4),
        (Standing::NoTarget, Some(_)) => Tone::NoNeed,
        (Standing::NoTarget, None) => Tone::Nothing,
    }
}

/// A cell's words under a pointer: "Rust programming: 2 working; target 3".
fn title(l: Labels, r: &MatrixReport, s: &MatrixSkill, c: &MatrixCell) -> String {
    let mut parts = vec![match c.level {
        Some(n) => level(&r.levels, n),
        None => l.get(Key::MatrixUnassessed).to_string(),
    }];
    parts.push(match c.target {
        Some(t) => l.fill(Key::MatrixTarget, &[&level(&r.levels, t)]),
        None => l.get(Key::MatrixNoTarget).to_string(),
    });
    parts.extend(c.assessed.map(|d| l.fill(Key::MatrixAssessed, &[&d])));
    if c.stale {
        parts.push(l.get(Key::Stale).to_lowercase());
    }
    parts.extend(c.expires.map(|d| l.fill(Key::MatrixExpires, &[&d])));
    format!("{}: {}", s.name, parts.join("; "))
}

/// Where the matrix is: "Unit: it, Role: dev".
fn scope(l: Labels, r: &MatrixReport) -> Vec<String> {
    let mut scope = Vec::new();
    scope.extend(r.unit.as_ref().map(|u| l.fill(Key::UnitIs, &[u])));
    scope.extend(r.role.as_ref().map(|role| l.fill(Key::RoleIs, &[role])));
    scope
}

/// The people by the numbered skills, in the terminal: a row keeps to one
/// line, a narrow terminal leaving out the role, then the unit (`--wide`
/// shows them), then cutting the person's name.
fn grid(l: Labels, r: &MatrixReport) -> Grid {
    let mut header = heads(
        l,
        &[(L, Key::ColPerson), (L, Key::ColUnit), (L, Key::ColRole)],
    );
    header.extend((1..=r.skills.len()).map(|i| i.to_string()));
    let mut grid = Grid::new(&header).details(&[2, 1]).clip(0);
    for p in &r.people {
        let mut row = vec![
            person(&p.person, p.name.as_deref()),
            or_empty(p.unit.as_ref()),
            or_empty(p.role.as_ref()),
        ];
        row.extend(p.cells.iter().map(|c| mark(l, c)));
        grid.push(row);
    }
    grid
}

/// The people by the numbered skills, in a document: a heatmap.
fn heatmap(l: Labels, r: &MatrixReport) -> Heatmap {
    Heatmap {
        narrow: true,
        corner: l.get(Key::ColPerson).to_string(),
        columns: (1..=r.skills.len())
            .map(|i| (String::new(), i.to_string()))
            .collect(),
        rows: r
            .people
            .iter()
            .map(|p| HeatRow {
                name: person(&p.person, p.name.as_deref()),
                note: [p.unit.as_deref(), p.role.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" · "),
                id: p.person.clone(),
                cells: r
                    .skills
                    .iter()
                    .zip(&p.cells)
                    .map(|(s, c)| HeatCell {
                        main: mark(l, c),
                        share: String::new(),
                        tone: tone(c),
                        title: title(l, r, s, c),
                    })
                    .collect(),
            })
            .collect(),
    }
}

impl ToOutline for MatrixReport {
    fn outline_in(&self, dialect: Dialect, l: Labels) -> Outline {
        let r = self;
        let mut scope = scope(l, r);
        let mut out = Builder::default();
        // One line under the title, always: what a page's part leaves out.
        match dialect {
            Dialect::Terminal => {
                scope.push(l.count(r.people.len(), Key::Person, Key::People));
                out.title(l.fill(Key::MatrixTitle, &[&r.organisation, &r.as_of]))
                    .para(scope.join(", "));
            }
            Dialect::Document => {
                scope.insert(0, l.fill(Key::MatrixAbout, &[&r.as_of]));
                out.title(l.fill(Key::MatrixTitleDocument, &[&r.organisation]))
                    .para(scope.join(" "));
            }
        }
        // Its headings are the document's sections as they are.
        out.extend(matrix_part(l, r, dialect));
        out.build()
    }
}

/// The matrix without its opening (title and the line under it, which
/// says the scope): the grid or heatmap, what the marks and colours mean,
/// how many people (in a document) and which skill each column is. A page
/// embeds it as it is (the team page, `report --unit`, with
/// `analysis::matrix::unit_matrix`); [`Builder::part`] of the whole
/// outline gives the same blocks.
pub fn matrix_part(l: Labels, r: &MatrixReport, dialect: Dialect) -> Outline {
    let mut out = Builder::default();
    if r.people.is_empty() {
        out.para(l.get(Key::MatrixNone));
        return out.build();
    }
    if r.skills.is_empty() {
        out.para(l.get(Key::MatrixNoSkills));
        return out.build();
    }
    match dialect {
        Dialect::Terminal => {
            out.grid(grid(l, r));
        }
        Dialect::Document => {
            out.push(Block::Heatmap(heatmap(l, r)))
                .push(Block::Legend(vec![
                    (Tone::Band(0), l.get(Key::MatrixBelow).to_string()),
                    (
                        Tone::Band(4),
                        format!("{} / {}", l.get(Key::MatrixAt), l.get(Key::MatrixAbove)),
                    ),
                    (Tone::NoNeed, l.get(Key::MatrixNoTarget).to_string()),
                    (Tone::Nothing, l.get(Key::MatrixUnassessed).to_string()),
                ]));
        }
    }
    out.para(marks_legend(l, r));
    if dialect == Dialect::Document {
        out.para(l.count(r.people.len(), Key::Person, Key::People));
    }
    out.heading(2, l.get(Key::MatrixSkills))
        .list(skills_legend(r));
    out.build()
}

/// A row of the CSV: one person's cell in one skill.
pub struct CellRow<'a> {
    pub person: &'a MatrixPerson,
    pub skill: &'a MatrixSkill,
    pub cell: &'a MatrixCell,
}

/// The CSV's (and the workbook's cell sheet's) columns.
fn cell_fields<'a>() -> [Field<CellRow<'a>>; 12] {
    [
        Field::new("person", |r: &CellRow| Cell::text(&r.person.person)),
        Field::new("name", |r: &CellRow| Cell::opt_text(r.person.name.as_ref())),
        Field::new("unit", |r: &CellRow| Cell::opt_text(r.person.unit.as_ref())),
        Field::new("role", |r: &CellRow| Cell::opt_text(r.person.role.as_ref())),
        Field::new("skill", |r: &CellRow| Cell::text(&r.skill.skill)),
        Field::new("level", |r: &CellRow| {
            r.cell.level.map_or(Cell::Empty, Cell::int)
        }),
        Field::new("target", |r: &CellRow| {
            r.cell.target.map_or(Cell::Empty, Cell::int)
        }),
        Field::new("standing", |r: &CellRow| Cell::Term(r.cell.standing.term())),
        Field::new("assessed", |r: &CellRow| Cell::opt_date(r.cell.assessed)),
        Field::new("expires", |r: &CellRow| Cell::opt_date(r.cell.expires)),
        Field::new("stale", |r: &CellRow| Cell::Bool(r.cell.stale)),
        Field::new("expiring", |r: &CellRow| Cell::Bool(r.cell.expiring)),
    ]
}

impl MatrixReport {
    /// Every cell, person by person, skill by skill.
    fn cell_rows(&self) -> Vec<CellRow<'_>> {
        self.people
            .iter()
            .flat_map(|person| {
                self.skills
                    .iter()
                    .zip(&person.cells)
                    .map(move |(skill, cell)| CellRow {
                        person,
                        skill,
                        cell,
                    })
            })
            .collect()
    }

    /// A wide sheet: a row per person, a column per skill, each cell
    /// `value` of the person's cell there.
    fn wide(&self, name: Key, value: fn(&MatrixCell) -> Cell) -> Sheet {
        let mut columns = vec!["person", "name", "unit", "role"];
        columns.extend(self.skills.iter().map(|s| s.skill.as_str()));
        let mut sheet = Sheet::new(name, &columns);
        for p in &self.people {
            let mut row = vec![
                Cell::text(&p.person),
                Cell::opt_text(p.name.as_ref()),
                Cell::opt_text(p.unit.as_ref()),
                Cell::opt_text(p.role.as_ref()),
            ];
            row.extend(p.cells.iter().map(value));
            sheet.rows.push(row);
        }
        sheet
    }
}

/// The first skill column of the wide sheets.
const FIRST_SKILL: usize = 4;

field_csv!(MatrixReport, |r| cell_fields(), &r.cell_rows());

impl ToXlsx for MatrixReport {
    fn sheets(&self) -> io::Result<Vec<Sheet>> {
        let mut matrix = self.wide(Key::SheetMatrix, |c| {
            let level = c.level.map_or(Cell::Empty, Cell::int);
            // Stale and expiring levels carry a note saying so.
            let mut note = Vec::new();
            if let (true, Some(assessed)) = (c.stale, c.assessed) {
                note.push(("stale", assessed.to_string()));
            }
            if let (true, Some(expires)) = (c.expiring, c.expires) {
                note.push(("expiring", expires.to_string()));
            }
            match note.is_empty() {
                true => level,
                false => Cell::Noted(Box::new(level), note),
            }
        });
        // Coloured against the targets sheet, cell by cell.
        matrix.against_next = Some(FIRST_SKILL);
        let targets = self.wide(Key::SheetTargets, |c| {
            c.target.map_or(Cell::Empty, Cell::int)
        });
        let cells = Sheet::of(Key::SheetLevels, &cell_fields(), &self.cell_rows());
        Ok(vec![matrix, targets, cells])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::Lang;
    use crate::report::MatrixCell;

    fn report(people: usize) -> MatrixReport {
        let cell = MatrixCell {
            level: Some(2),
            target: Some(3),
            standing: Standing::Below,
            assessed: None,
            expires: None,
            stale: true,
            expiring: false,
        };
        MatrixReport {
            organisation: "T".into(),
            as_of: jiff::civil::date(2026, 6, 15),
            unit: Some("it".into()),
            role: None,
            expiring_days: 90,
            stale_before: jiff::civil::date(2024, 6, 15),
            skills: vec![MatrixSkill {
                skill: "rust".into(),
                name: "Rust programming".into(),
            }],
            people: (0..people)
                .map(|i| MatrixPerson {
                    person: format!("p{i}"),
                    name: None,
                    unit: Some("it".into()),
                    role: Some("dev".into()),
                    levels: Default::default(),
                    targets: Default::default(),
                    stale: Vec::new(),
                    expiring: Default::default(),
                    cells: vec![cell],
                })
                .collect(),
            levels: Vec::new(),
        }
    }

    /// The team page embeds the matrix as a part: the whole outline without
    /// its opening is exactly [`matrix_part`], in either dialect.
    #[test]
    fn the_part_is_the_outline_without_its_opening() {
        for people in [0, 2] {
            let r = report(people);
            for dialect in [Dialect::Terminal, Dialect::Document] {
                for lang in [Lang::En, Lang::Nb] {
                    let l = Labels::new(lang);
                    let mut page = Builder::default();
                    page.part(r.outline_in(dialect, l));
                    let mut part = Builder::default();
                    part.body(matrix_part(l, &r, dialect));
                    assert_eq!(
                        format!("{:?}", page.build()),
                        format!("{:?}", part.build()),
                        "{people} {dialect:?} {lang:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_cell_reads_its_level_and_marks() {
        let l = Labels::new(Lang::En);
        let r = report(1);
        assert_eq!(mark(l, &r.people[0].cells[0]), "2↓*");
        let none = MatrixCell {
            level: None,
            target: None,
            standing: Standing::NoTarget,
            stale: false,
            expiring: true,
            ..r.people[0].cells[0]
        };
        assert_eq!(mark(l, &none), "·!");
        assert_eq!(tone(&none), Tone::Nothing);
    }
}
