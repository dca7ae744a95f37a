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
use crate::model::{Level, Organisation};
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
/// left out.
pub fn market_report(org: &Organisation, unit: Option<&str>) -> MarketReport {
    let mentoring = mentoring(org);
    let ids = IdOrder::new(&org.people);
    let teach = teaching_level(org);
    let person = |p: usize, skill: usize| MarketPerson {
        person: org.people.id(p).to_string(),
        name: org.people.name(p).map(str::to_string),
        unit: org.people.unit(p).map(|u| org.units[u as usize].clone()),
        level: org.matrix.level(p, skill),
        mentees: mentoring.mentees.get(p).copied().unwrap_or(0),
    };
    let here: Vec<usize> = ids
        .people()
        .filter(|&p| org.people.present(p, org.as_of))
        .filter(|&p| {
            let own = org.people.unit(p).map(|u| org.units[u as usize].as_str());
            unit.is_none() || own.is_some_and(|own| need_in_unit(Some(own), unit))
        })
        .collect();
    let skills = (0..org.skills.len())
        .filter_map(|s| {
            let cells = org.matrix.skill_cells(s);
            let learners: Vec<MarketPerson> = here
                .iter()
                .filter(|&&p| cells[p].interest())
                .map(|&p| person(p, s))
                .collect();
            let mut teachers: Vec<MarketPerson> = here
                .iter()
                .filter(|&&p| cells[p].level() >= teach)
                .map(|&p| person(p, s))
                .collect();
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
