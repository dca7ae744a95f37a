//! The report page's *kompetansetorg* (competence marketplace) and the
//! plan summary's mentors (FORMAT r2 "Mentors"): per skill, who wants to
//! learn it next to who can teach it, and each mentor's load. The words are
//! the outline formats' ([`crate::render::reports::market`],
//! [`crate::render::reports::plan`]); this only cleans them for the template,
//! and shows nothing when the marketplace has no skill.

use crate::render::formats::html::{Labels, clean};
use crate::render::reports::market;
use crate::render::reports::plan;
use crate::render::words::Key;
use crate::report::{KeyPerson, MarketPerson, MarketReport, MentorLoad};

/// What the page shows of the marketplace.
pub struct MarketSection {
    pub heading: &'static str,
    pub intro: String,
    /// Column headings: skill, wants to learn, can teach.
    pub head: Vec<String>,
    /// A row per skill: the skill, then each side's people, one per line.
    pub rows: Vec<(String, Vec<String>, Vec<String>)>,
    /// The plan summary's mentors, "Name (id), unit: 2 mentees".
    pub mentors_heading: &'static str,
    pub mentors: Vec<String>,
}

/// The page's marketplace and mentors; None when the marketplace has no
/// skill and no goal has a mentor (the page then looks as it always did).
pub fn section(
    report: &MarketReport,
    mentors: &[MentorLoad],
    labels: &Labels,
) -> Option<MarketSection> {
    if report.skills.is_empty() && mentors.is_empty() {
        return None;
    }
    let l = *labels;
    let grid = market::market_grid(l, &report.levels, &[]);
    let side = |people: &[MarketPerson], teacher: bool| -> Vec<String> {
        people
            .iter()
            .map(|p| clean(&market::who(l, &report.levels, p, teacher)))
            .collect()
    };
    Some(MarketSection {
        heading: l.get(Key::MarketHeading),
        intro: clean(&l.fill(Key::MarketNote, &[&report.teaching_level])),
        head: grid.columns.iter().map(|c| clean(&c.name)).collect(),
        rows: report
            .skills
            .iter()
            .map(|s| {
                let learners = side(&s.learners, false);
                (clean(&s.name), learners, side(&s.teachers, true))
            })
            .collect(),
        mentors_heading: l.get(Key::MentorsHeading),
        mentors: mentors
            .iter()
            .map(|m| clean(&plan::load_line(l, m)))
            .collect(),
    })
}

/// The key-person list's mentoring note: "3 mentees" when the holders
/// mentor in the plans, and "not addressed by any plan" for a risk no plan
/// goal addresses; None when there is nothing to say.
pub fn key_note(k: &KeyPerson, labels: &Labels) -> Option<String> {
    let l = *labels;
    let mut note = Vec::new();
    if k.mentees > 0 {
        note.push(l.count(k.mentees as usize, Key::MenteeNoun, Key::MenteesNoun));
    }
    if k.risk && !k.addressed {
        note.push(l.get(Key::NotAddressed).to_string());
    }
    (!note.is_empty()).then(|| note.join("; "))
}
