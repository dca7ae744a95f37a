//! The competence marketplace (*kompetansetorg*, `kompetanse market`): per
//! skill, who wants to learn it (their chosen assessment says `interest`)
//! next to who can teach it (level 3 and above, or the scale's top when it
//! has fewer levels), with how many goals each already mentors in the
//! plans (FORMAT.md r2 "Mentors"). Only the people present at D take part.
//!
//! It restates no rule: the mentor loads come from `analysis::mentors`.

use crate::analysis::gap::{GapFilter, needs_report};
use crate::analysis::goals::Goals;
use crate::analysis::mentors::{Mentoring, mentors};
use crate::analysis::{IdOrder, need_in_unit};
use crate::model::{Cell, Level, Organisation};
use crate::report::{MarketPerson, MarketReport, MarketSkill};

/// The lowest level that can teach: 3, or the top of a shorter scale.
pub fn teaching_level(org: &Organisation) -> Level {
    org.scale.top().min(3)
}

/// Every goal of the organisation matched with its mentor: what the market
/// and the balance's key-person table count mentees from.
pub fn mentoring(org: &Organisation) -> Mentoring {
    let gaps = needs_report(org, &GapFilter::default());
    let goals = Goals::new(org, &gaps, &|_| true);
    mentors(&goals)
}

/// The marketplace of the people in `unit` (or below it; None: everyone),
/// skill by skill in catalogue order; skills nobody wants or teaches are
/// left out, and so are skills being wound down (r3 `phase_out`, KS's
/// *avvikle*): the marketplace does not spread them.
pub fn market_report(org: &Organisation, unit: Option<&str>) -> MarketReport {
    market_report_with(org, unit, &mentoring(org))
}

/// [`market_report`] with everyone's goals already matched with mentors
/// ([`mentoring`]), for a caller that has them for other reports too.
pub fn market_report_with(
    org: &Organisation,
    unit: Option<&str>,
    mentoring: &Mentoring,
) -> MarketReport {
    let ids = IdOrder::new(&org.people);
    let teach = teaching_level(org);
    let person = |p: usize, skill: usize| MarketPerson {
        person: org.people.id(p).to_string(),
        name: org.people.name(p).map(str::to_string),
        unit: org.people.unit(p).map(|u| org.units[u as usize].clone()),
        level: org.matrix.level(p, skill),
        mentees: mentoring.mentees.get(p).copied().unwrap_or(0),
    };
    let here: Vec<bool> = (0..org.people.len())
        .map(|p| {
            let own = org.people.unit(p).map(|u| org.units[u as usize].as_str());
            org.people.present(p, org.as_of)
                && (unit.is_none() || own.is_some_and(|own| need_in_unit(Some(own), unit)))
        })
        .collect();
    // The people here whose cell in the skill `keeps`, by id: only the
    // assessed can teach a skill.
    let listed = |s: usize, keeps: &dyn Fn(Cell) -> bool| -> Vec<MarketPerson> {
        let mut found: Vec<(u32, usize)> = org
            .matrix
            .entries(s)
            .filter(|&(p, cell, _)| here[p] && keeps(cell))
            .map(|(p, ..)| (ids.rank(p), p))
            .collect();
        found.sort_unstable();
        found.into_iter().map(|(_, p)| person(p, s)).collect()
    };
    let skills = (0..org.skills.len())
        .filter(|&s| !org.skills[s].phase_out)
        .filter_map(|s| {
            // FORMAT.md r3: an interest-only row makes a learner too.
            let mut learners: Vec<(u32, usize)> = org
                .matrix
                .interested(s)
                .filter(|&(p, _)| here[p])
                .map(|(p, _)| (ids.rank(p), p))
                .collect();
            learners.sort_unstable();
            let learners: Vec<MarketPerson> =
                learners.into_iter().map(|(_, p)| person(p, s)).collect();
            // The teaching level is at least 1 on any scale.
            let mut teachers = listed(s, &|cell| cell.level() >= teach);
            // Highest level first, then the lightest load, then id.
            teachers.sort_by(|a, b| {
                b.level
                    .cmp(&a.level)
                    .then(a.mentees.cmp(&b.mentees))
                    .then_with(|| a.person.as_bytes().cmp(b.person.as_bytes()))
            });
            (!learners.is_empty() || !teachers.is_empty()).then(|| MarketSkill {
                skill: org.skills[s].id.clone(),
                name: org.skills[s].name.clone(),
                learners,
                teachers,
            })
        })
        .collect();
    MarketReport {
        organisation: org.name.clone(),
        as_of: org.as_of,
        teaching_level: teach,
        skills,
        levels: org.scale.levels.clone(),
    }
}
