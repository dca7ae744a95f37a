//! The competence marketplace (`kompetanse market`, the deck's
//! *kompetansetorg*) in every format: per skill, who wants to learn it
//! next to who can teach it. Human formats get one row per skill
//! ([`ToOutline`]); CSV and the workbook one row per skill and person, role
//! `learner` or `teacher`. The report is computed in `analysis::market`;
//! this module only words and lays it out.

use std::io;

use crate::model::Date;
use crate::render::outline::{Builder, Dialect, Outline, ToOutline};
use crate::render::reports::text::{level, person};
use crate::render::table::{
    Cell, Field, Grid, L, RowSink, Sheet, ToCsv, ToXlsx, field_names, field_rows, heads,
};
use crate::render::words::{Key, Labels};
use crate::report::{MarketPerson, MarketReport, MarketSkill};

/// "Liv Aamodt (liv.aamodt), okonomi/regnskap, level 3 advanced" and, for
/// a teacher, ", 1 mentee" (the goals they already mentor).
pub fn who(l: Labels, levels: &[String], p: &MarketPerson, teacher: bool) -> String {
    let mut parts = vec![person(&p.person, p.name.as_deref())];
    parts.extend(p.unit.clone());
    parts.push(l.fill(Key::MentorLevel, &[&level(levels, p.level)]));
    if teacher {
        parts.push(l.count(p.mentees as usize, Key::MenteeNoun, Key::MenteesNoun));
    }
    parts.join(", ")
}

/// Skill, learners, teachers: one row per skill, people separated by "; ".
pub fn market_grid(l: Labels, levels: &[String], skills: &[MarketSkill]) -> Grid {
    let mut grid = Grid::new(&heads(
        l,
        &[
            (L, Key::ColSkill),
            (L, Key::ColLearners),
            (L, Key::ColTeachers),
        ],
    ));
    let list = |people: &[MarketPerson], teacher: bool| {
        let all: Vec<String> = people.iter().map(|p| who(l, levels, p, teacher)).collect();
        all.join("; ")
    };
    for s in skills {
        grid.push([
            s.name.clone(),
            list(&s.learners, false),
            list(&s.teachers, true),
        ]);
    }
    grid
}

impl ToOutline for MarketReport {
    fn outline_in(&self, dialect: Dialect, l: Labels) -> Outline {
        let mut out = Builder::default();
        match dialect {
            Dialect::Terminal => {
                out.title(l.fill(Key::MarketTitleTerminal, &[&self.organisation, &self.as_of]))
            }
            Dialect::Document => out
                .title(format!(
                    "{}: {}",
                    l.get(Key::MarketHeading),
                    self.organisation
                ))
                .para(l.fill(Key::MarketAbout, &[&self.as_of])),
        };
        if self.skills.is_empty() {
            out.para(l.get(Key::MarketNone));
        } else {
            out.grid(market_grid(l, &self.levels, &self.skills))
                .para(l.fill(Key::MarketNote, &[&self.teaching_level]));
        }
        out.build()
    }
}

/// A row of `market --format csv`: a skill, a role (`learner` or
/// `teacher`) and a person.
type MarketRow<'a> = (&'a MarketSkill, &'static str, &'a MarketPerson);

/// The columns of `market --format csv`: one row per skill and person.
fn market_fields<'a>() -> [Field<MarketRow<'a>>; 7] {
    [
        Field::new("skill", |(s, _, _)| Cell::text(&s.skill)),
        Field::new("role", |(_, role, _)| Cell::Term(role)),
        Field::new("person", |(_, _, p)| Cell::text(&p.person)),
        Field::new("name", |(_, _, p)| Cell::opt_text(p.name.as_ref())),
        Field::new("unit", |(_, _, p)| Cell::opt_text(p.unit.as_ref())),
        Field::new("level", |(_, _, p)| Cell::int(p.level)),
        Field::new("mentees", |(_, _, p)| Cell::int(p.mentees)),
    ]
}

impl ToCsv for MarketReport {
    fn columns(&self) -> Vec<String> {
        field_names(&market_fields())
    }

    fn write_rows(&self, sink: &mut dyn RowSink) -> io::Result<()> {
        let rows: Vec<MarketRow> = self
            .skills
            .iter()
            .flat_map(|s| {
                let learners = s.learners.iter().map(move |p| (s, "learner", p));
                learners.chain(s.teachers.iter().map(move |p| (s, "teacher", p)))
            })
            .collect();
        field_rows(&market_fields(), &rows, sink)
    }
}

impl ToXlsx for MarketReport {
    fn as_of(&self) -> Date {
        self.as_of
    }

    fn sheets(&self) -> io::Result<Vec<Sheet>> {
        Ok(vec![Sheet::from_csv(Key::SheetMarket, self)?])
    }
}
