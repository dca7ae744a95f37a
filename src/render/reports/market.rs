//! The competence marketplace (`kompetanse market`, the deck's
//! *kompetansetorg*) in every format: per skill, who wants to learn it
//! next to who can teach it. Human formats get one row per skill
//! ([`ToOutline`]); CSV and the workbook one row per skill and person, role
//! `learner` or `teacher`. The report is computed in `analysis::market`;
//! this module only words and lays it out.

use std::io;

use crate::render::outline::{Builder, Dialect, Outline, ToOutline};
use crate::render::reports::text::level;
use crate::render::table::{Cell, Field, Grid, L, Sheet, ToXlsx, field_csv, heads};
use crate::render::words::{Key, Labels};
use crate::report::{MarketPerson, MarketReport, MarketSkill};

/// The words for a level, and for a number of mentees, made once for the
/// whole list (issue 28: a marketplace at 1M rows names about a million
/// people, and wording each one's count took a tenth of writing it).
struct Said {
    /// "level N name" for each level of the scale.
    levels: Vec<String>,
    /// "N mentees" for each load up to the list's largest.
    mentees: Vec<String>,
}

/// "Liv Aamodt (liv.aamodt), okonomi/regnskap, level 3 advanced" and, for
/// a teacher, ", 1 mentee" (the goals they already mentor), after `out`'s
/// text.
fn push_who(out: &mut String, l: Labels, said: &Said, p: &MarketPerson, teacher: bool) {
    match p.name.as_deref() {
        Some(name) if !name.is_empty() && name != p.person => {
            out.push_str(name);
            out.push_str(" (");
            out.push_str(&p.person);
            out.push(')');
        }
        _ => out.push_str(&p.person),
    }
    if let Some(unit) = &p.unit {
        out.push_str(", ");
        out.push_str(unit);
    }
    out.push_str(", ");
    match said.levels.get(usize::from(p.level)) {
        Some(words) => out.push_str(words),
        None => out.push_str(&l.fill(Key::MentorLevel, &[&p.level])),
    }
    if teacher {
        out.push_str(", ");
        match said.mentees.get(p.mentees as usize) {
            Some(words) => out.push_str(words),
            None => out.push_str(&mentee_count(l, p.mentees)),
        }
    }
}

/// "3 mentees", as the language counts them.
fn mentee_count(l: Labels, n: u32) -> String {
    l.count(n as usize, Key::MenteeNoun, Key::MenteesNoun)
}

/// Skill, learners, teachers: one row per skill, people separated by "; ".
/// A marketplace at 1M rows lists about a million people: each cell is
/// written into one string, the skills on all cores (issue 28).
pub fn market_grid(l: Labels, levels: &[String], skills: &[MarketSkill]) -> Grid {
    use rayon::prelude::*;
    let mut grid = Grid::new(&heads(
        l,
        &[
            (L, Key::ColSkill),
            (L, Key::ColLearners),
            (L, Key::ColTeachers),
        ],
    ));
    // Loads are at most `max_mentees`; a list's own maximum bounds them.
    let most = skills
        .iter()
        .flat_map(|s| &s.teachers)
        .map(|p| p.mentees)
        .max()
        .unwrap_or(0);
    let said = Said {
        levels: (0..levels.len())
            .map(|n| l.fill(Key::MentorLevel, &[&level(levels, n as u8)]))
            .collect(),
        mentees: (0..=most).map(|n| mentee_count(l, n)).collect(),
    };
    let list = |people: &[MarketPerson], teacher: bool| {
        let mut out = String::new();
        for (i, p) in people.iter().enumerate() {
            if i > 0 {
                out.push_str("; ");
            }
            push_who(&mut out, l, &said, p, teacher);
        }
        out
    };
    let rows: Vec<[String; 3]> = skills
        .par_iter()
        .map(|s| {
            [
                s.name.clone(),
                list(&s.learners, false),
                list(&s.teachers, true),
            ]
        })
        .collect();
    for row in rows {
        grid.push(row);
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

field_csv!(MarketReport, |r| market_fields(), &market_rows(r));

/// A row per learner, then per teacher, of each skill.
fn market_rows(r: &MarketReport) -> Vec<MarketRow<'_>> {
    r.skills
        .iter()
        .flat_map(|s| {
            let learners = s.learners.iter().map(move |p| (s, "learner", p));
            learners.chain(s.teachers.iter().map(move |p| (s, "teacher", p)))
        })
        .collect()
}

impl ToXlsx for MarketReport {
    fn sheets(&self) -> io::Result<Vec<Sheet>> {
        Ok(vec![Sheet::from_csv(Key::SheetMarket, self)?])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::words::Lang;

    fn person(
        id: &str,
        name: Option<&str>,
        unit: Option<&str>,
        level: u8,
        mentees: u32,
    ) -> MarketPerson {
        MarketPerson {
            person: id.into(),
            name: name.map(Into::into),
            unit: unit.map(Into::into),
            level,
            mentees,
        }
    }

    /// Each person as "name (id), unit, level N name" (a teacher with their
    /// mentees), the id alone without a name or when the name is the id, a
    /// level past the scale's names as its number, "; " between people.
    #[test]
    fn market_cells_word_each_person() {
        let levels: Vec<String> = ["none", "basic", "working", "advanced"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let skills = vec![MarketSkill {
            skill: "rust".into(),
            name: "Rust".into(),
            learners: vec![
                person("liv", Some("Liv Aamodt"), Some("it/drift"), 1, 0),
                person("ola", Some("ola"), None, 0, 0),
            ],
            teachers: vec![
                person("kari", Some("Kari Berg"), Some("it"), 3, 1),
                person("per", None, None, 7, 2),
            ],
        }];
        let en = market_grid(Labels::new(Lang::En), &levels, &skills);
        assert_eq!(
            en.rows,
            vec![vec![
                "Rust".to_string(),
                "Liv Aamodt (liv), it/drift, level 1 basic; ola, level 0 none".to_string(),
                "Kari Berg (kari), it, level 3 advanced, 1 mentee; per, level 7, 2 mentees"
                    .to_string(),
            ]]
        );
        let nb = market_grid(Labels::new(Lang::Nb), &levels, &skills);
        assert_eq!(
            nb.rows[0][2],
            "Kari Berg (kari), it, nivå 3 advanced, 1 adept; per, nivå 7, 2 adepter"
        );
    }
}
