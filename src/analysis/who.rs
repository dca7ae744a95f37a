//! `kompetanse who` (issue 23 item 4): the people present at D, in a unit
//! and role when given, whose current level L(p, s) meets every criterion
//! `s >= level`, with the facts that help choose among them (when
//! assessed, expiry, interest, current mentees, last day).

use crate::analysis::IdOrder;
use crate::analysis::gap::{GapFilter, needs_report};
use crate::analysis::goals::Goals;
use crate::analysis::mentors::mentors;
use crate::model::{Level, Organisation, Scope};
use crate::report::{Criterion, WhoLevel, WhoPerson, WhoReport};

/// Who meets every one of `criteria` (skill index, minimum level), among
/// the people present at D in `unit` (and below) with `role`.
pub fn who_report(
    org: &Organisation,
    criteria: &[(usize, Level)],
    unit: Option<&str>,
    role: Option<usize>,
) -> WhoReport {
    let scope = Scope::new(org, unit, role).at(org.as_of);
    let gaps = needs_report(org, &GapFilter::default());
    let goals = Goals::new(org, &gaps, &|_| true);
    let mentoring = mentors(&goals);
    let people = &org.people;
    let found = IdOrder::new(people)
        .people()
        .filter(|&p| scope.contains(p))
        .filter(|&p| criteria.iter().all(|&(s, l)| org.matrix.level(p, s) >= l))
        .map(|p| WhoPerson {
            person: people.id(p).to_string(),
            name: people.name(p).map(str::to_string),
            unit: people.unit(p).map(|u| org.units[u as usize].clone()),
            role: people.role(p).map(|r| org.roles[r as usize].id.clone()),
            levels: criteria
                .iter()
                .map(|&(s, _)| WhoLevel {
                    skill: org.skills[s].id.clone(),
                    level: org.matrix.level(p, s),
                    assessed: org.matrix.assessed(p, s).date(),
                    expires: org.matrix.expires(p, s),
                    interest: org.matrix.interest(p, s),
                    source: org.matrix.source(p, s).and_then(|k| k.word()),
                })
                .collect(),
            mentees: mentoring.mentees.get(p).copied().unwrap_or(0),
            leaves: people.terms(p).leaves,
        })
        .collect();
    WhoReport {
        organisation: org.name.clone(),
        as_of: org.as_of,
        criteria: criteria
            .iter()
            .map(|&(s, level)| Criterion {
                skill: org.skills[s].id.clone(),
                level,
                skill_name: org.skills[s].name.clone(),
            })
            .collect(),
        unit: unit.map(str::to_string),
        role: role.map(|r| org.roles[r].id.clone()),
        people: found,
        levels: org.scale.levels.clone(),
    }
}
