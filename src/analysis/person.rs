//! The personal page (`report --person ID`, issue 23): one person's levels,
//! role gap, the needs that concern them, their plan, wishes and mentees,
//! each taken from the analysis that owns it (gap, role, plan), so every
//! figure is the one the organisation's reports show. It keeps out what
//! the page must not show: other people (except mentors and mentees), the
//! recruitment list, needs whose scope excludes the person.

use crate::analysis::PeopleFilter;
use crate::analysis::gap::{GapFilter, counts, in_scope, needs_report};
use crate::analysis::plan::plan_report;
use crate::analysis::role::person_report;
use crate::model::{Organisation, PackedDate};
use crate::report::{NeedPart, PersonLevel, PersonNeed, PersonReport, PersonWish, Short};

/// The page of `person` (an index into `org.people`).
pub fn person_page(org: &Organisation, person: usize) -> PersonReport {
    let people = &org.people;
    let id = people.id(person);
    let rule = org.freshness_rule();
    let levels = (0..org.skills.len())
        .filter_map(|s| {
            let assessed = org.matrix.assessed(person, s);
            (assessed != PackedDate::NONE).then(|| PersonLevel {
                skill: org.skills[s].id.clone(),
                level: org.matrix.level(person, s),
                assessed: assessed.date(),
                expires: org.matrix.expires(person, s),
                stale: org.matrix.is_stale(&rule, person, s, assessed),
                interest: org.matrix.interest(person, s),
                source: org.matrix.source(person, s).and_then(|k| k.word()),
                description: org.skills[s].description.clone(),
                meaning: meaning(org, s, org.matrix.level(person, s)),
                skill_name: org.skills[s].name.clone(),
            })
        })
        .collect();

    let own = PeopleFilter {
        person: Some(person),
        ..PeopleFilter::default()
    };
    let role_gap = person_report(org, &own).people.pop();

    let gaps = needs_report(org, &GapFilter::default());
    let needs = gaps
        .needs
        .iter()
        .filter_map(|n| {
            let index = org.needs.iter().position(|x| x.id == n.id)?;
            let part = if n.renew.iter().any(|r| r.person == id) {
                NeedPart::Renew
            } else if n.develop.iter().any(|d| d.person == id) {
                NeedPart::Develop
            } else if counts(org, index, person) {
                NeedPart::Counts
            } else {
                return None;
            };
            Some(PersonNeed {
                need: n.id.clone(),
                skill: n.skill.clone(),
                level: n.level,
                priority: n.priority,
                by: n.by,
                part,
                skill_name: n.skill_name.clone(),
            })
        })
        .collect();

    let mut plans = plan_report(org, &own);
    let plan = plans
        .plans
        .pop()
        .unwrap_or_else(|| crate::report::PersonPlan {
            person: Short::from(id),
            name: people.name(person).map(Short::from),
            unit: people
                .unit(person)
                .map(|u| Short::from(&org.units[u as usize])),
            role: people
                .role(person)
                .map(|r| Short::from(&org.roles[r as usize].id)),
            goals: Vec::new(),
            wishes: Vec::new(),
            effort: org.policy.mix.split(0),
            capacity: org.capacity(person),
            cost: org.policy.cost.as_ref().map(|_| Default::default()),
        });
    let activities = plans
        .activities
        .into_iter()
        .filter(|a| plan.goals.iter().any(|g| g.skill == a.skill))
        .collect();

    let interests = org.matrix.skills_by_person(|cell| cell.interest());
    let wishes = interests
        .of(person)
        .map(|s| PersonWish {
            skill: org.skills[s].id.clone(),
            level: org.matrix.level(person, s),
            needs: (0..org.needs.len())
                .filter(|&i| org.needs[i].skill == s && in_scope(org, i, person))
                .map(|i| org.needs[i].id.clone())
                .collect(),
            goal: plan.goals.iter().any(|g| g.skill == org.skills[s].id),
            skill_name: org.skills[s].name.clone(),
        })
        .collect();

    let mentor = PeopleFilter {
        mentor: Some(person),
        ..PeopleFilter::default()
    };
    let mentees = plan_report(org, &mentor)
        .plans
        .into_iter()
        .filter(|p| !p.goals.is_empty())
        .collect();

    PersonReport {
        organisation: org.name.clone(),
        as_of: org.as_of,
        mix: org.policy.mix,
        person: id.to_string(),
        name: people.name(person).map(str::to_string),
        unit: plan.unit.as_deref().map(str::to_string),
        role: plan.role.as_deref().map(str::to_string),
        levels,
        role_gap,
        needs,
        plan,
        activities,
        wishes,
        mentees,
        calibration: crate::analysis::balance::calibration(org, &|p| p == person),
        levels_named: org.scale.levels.clone(),
        scheduled: plans.scheduled,
    }
}

/// What `level` means in `skill`: the skill's own `levels`, else the
/// scale's `descriptions` (FORMAT r3); None without either.
fn meaning(org: &Organisation, skill: usize, level: crate::model::Level) -> Option<String> {
    let own = &org.skills[skill].levels;
    let general = &org.scale.descriptions;
    own.get(level as usize)
        .or_else(|| general.get(level as usize))
        .filter(|text| !text.trim().is_empty())
        .cloned()
}
