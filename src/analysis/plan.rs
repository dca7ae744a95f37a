//! Development plans: for each person, their role gaps and the needs whose
//! develop lists they are on, merged into one goal per skill (the higher
//! target wins and every reason is kept), each split by the learning mix and
//! matched with activities from the catalogue; their own wishes besides;
//! and the organisation's summary with the recruitment list.

use std::collections::BTreeMap;

use crate::analysis::gap::{GapFilter, gap_report};
use crate::analysis::role::role_gap;
use rayon::prelude::*;

use crate::analysis::{IdOrder, PeopleFilter, need_in_unit};
use crate::model::{ActivityKind, Date, Level, Mode, Organisation, Priority, SkillKind};
use crate::report::{
    EffortBy, Goal, PersonPlan, PlanReport, PlanSummary, Reason, Recruitment, SkillActivities,
    SuggestedActivity, Wish,
};

/// A goal being assembled: the highest target asked for and all reasons.
struct Draft {
    to: Level,
    reasons: Vec<Reason>,
}

/// The activities suggested for a skill, mode by mode (experience, social,
/// formal): those made for the skill, else those for any skill of its kind;
/// mandatory ones first, then in catalogue order.
pub fn activities_for(org: &Organisation, skill: usize) -> Vec<SuggestedActivity> {
    let kind = org.skills[skill].kind;
    let fits_kind = |k: ActivityKind| {
        matches!(
            (k, kind),
            (ActivityKind::Any, _)
                | (ActivityKind::Breadth, SkillKind::Breadth)
                | (ActivityKind::Specialist, SkillKind::Specialist)
        )
    };
    let mut out = Vec::new();
    for mode in Mode::ALL {
        let in_mode = || org.activities.iter().filter(move |a| a.mode == mode);
        let mut chosen: Vec<_> = in_mode().filter(|a| a.skills.contains(&skill)).collect();
        if chosen.is_empty() {
            chosen = in_mode()
                .filter(|a| a.skills.is_empty() && fits_kind(a.kind))
                .collect();
        }
        chosen.sort_by_key(|a| !a.mandatory);
        out.extend(chosen.into_iter().map(|a| SuggestedActivity {
            name: a.name.clone(),
            mode: a.mode,
            mandatory: a.mandatory,
            hours: a.hours,
        }));
    }
    out
}

/// The most urgent need reason of a goal: priority, then deadline, then id.
fn most_urgent(reasons: &[Reason]) -> Option<(&Priority, &Option<Date>, &String, &Option<String>)> {
    reasons
        .iter()
        .filter_map(|r| match r {
            Reason::Need {
                need,
                priority,
                by,
                driver,
                ..
            } => Some((priority, by, need, driver)),
            Reason::Role { .. } => None,
        })
        .min_by(|a, b| {
            a.0.cmp(b.0)
                .then_with(|| match (a.1, b.1) {
                    (Some(x), Some(y)) => x.cmp(y),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => std::cmp::Ordering::Equal,
                })
                .then_with(|| a.2.as_bytes().cmp(b.2.as_bytes()))
        })
}

/// Each goal's driver (index into `Organisation::drivers`) and hours.
type GoalDrivers = Vec<(Option<usize>, u64)>;

/// One person's plan from their drafted goals, with each goal's driver (of
/// its most urgent need; None for role-only goals) and hours; None when
/// there is nothing to say and the person was not asked for by name.
fn person_plan(
    org: &Organisation,
    p: usize,
    drafts: &BTreeMap<(usize, usize), Draft>,
    asked_for: bool,
) -> Option<(PersonPlan, GoalDrivers)> {
    // Each goal with its sort key: need goals before role-only ones, then
    // priority, deadline (none last) and catalogue order.
    type Key = (bool, Priority, bool, Option<Date>, usize);
    let mut goals: Vec<(Goal, Key)> = Vec::new();
    let mut drivers = Vec::new();
    let mut hours = 0u64;
    for (&(_, skill), draft) in drafts.range((p, 0)..(p + 1, 0)) {
        let from = org.matrix.level(p, skill);
        let h = org.development_hours(skill, from, draft.to);
        hours += h;
        let urgent = most_urgent(&draft.reasons);
        let priority = urgent.map_or(Priority::Low, |u| *u.0);
        let by = draft
            .reasons
            .iter()
            .filter_map(|r| match r {
                Reason::Need { by, .. } => *by,
                Reason::Role { .. } => None,
            })
            .min();
        let driver = urgent
            .and_then(|u| u.3.as_deref())
            .and_then(|d| org.drivers.iter().position(|x| x.id == d));
        drivers.push((driver, h));
        let key = (urgent.is_none(), priority, by.is_none(), by, skill);
        goals.push((
            Goal {
                skill: org.skills[skill].id.clone(),
                from,
                to: draft.to,
                reasons: draft.reasons.clone(),
                by,
                effort: org.policy.mix.split(h),
                skill_name: org.skills[skill].name.clone(),
            },
            key,
        ));
    }
    goals.sort_by_key(|g| g.1);
    let wishes: Vec<Wish> = (0..org.skills.len())
        .filter(|&s| org.matrix.interest(p, s) && !drafts.contains_key(&(p, s)))
        .map(|s| Wish {
            skill: org.skills[s].id.clone(),
            level: org.matrix.level(p, s),
            skill_name: org.skills[s].name.clone(),
        })
        .collect();
    if goals.is_empty() && wishes.is_empty() && !asked_for {
        return None;
    }
    let plan = PersonPlan {
        person: org.people.id(p).to_string(),
        name: org.people.name(p).map(str::to_string),
        unit: org.people.unit(p).map(|u| org.units[u as usize].clone()),
        role: org.people.role(p).map(|r| org.roles[r as usize].id.clone()),
        goals: goals.into_iter().map(|g| g.0).collect(),
        wishes,
        effort: org.policy.mix.split(hours),
    };
    Some((plan, drivers))
}

/// Plans for the people the filter keeps. Needs are evaluated for the whole
/// organisation (a need's develop list does not depend on the filter); the
/// recruitment list keeps the needs in the filter's unit.
pub fn plan_report(org: &Organisation, filter: &PeopleFilter) -> PlanReport {
    let gaps = gap_report(org, &GapFilter::default());
    let mut drafts: BTreeMap<(usize, usize), Draft> = BTreeMap::new();
    let mut add = |person: usize, skill: usize, to: Level, reason: Reason| {
        let draft = drafts.entry((person, skill)).or_insert(Draft {
            to,
            reasons: Vec::new(),
        });
        draft.to = draft.to.max(to);
        draft.reasons.push(reason);
    };
    let keep = filter.matcher(org);
    let ids = IdOrder::new(&org.people);
    for p in ids.people().filter(|&p| keep(p)) {
        if let Some(gap) = role_gap(org, p) {
            for s in gap.skills.iter().filter(|s| s.gap > 0) {
                let role = org.roles[gap.role].id.clone();
                add(
                    p,
                    s.skill,
                    s.target,
                    Reason::Role {
                        role,
                        level: s.target,
                    },
                );
            }
        }
    }
    for need in &gaps.needs {
        let skill = org.skill_index(&need.skill).unwrap_or_default();
        for d in &need.develop {
            let Some(p) = org.people.find(&d.person).filter(|&p| keep(p)) else {
                continue;
            };
            let reason = Reason::Need {
                need: need.id.clone(),
                level: need.level,
                priority: need.priority,
                by: need.by,
                driver: need.driver.clone(),
            };
            add(p, skill, d.to, reason);
        }
    }

    // Each person's plan is independent of the others': build them on all cores.
    let kept: Vec<usize> = ids.people().filter(|&p| keep(p)).collect();
    let built: Vec<_> = kept
        .par_iter()
        .map(|&p| person_plan(org, p, &drafts, filter.person == Some(p)))
        .collect();
    let mut plans = Vec::new();
    let mut by_unit: BTreeMap<Option<String>, (usize, u64)> = BTreeMap::new();
    let mut by_driver: BTreeMap<Option<usize>, (usize, u64)> = BTreeMap::new();
    let mut total_hours = 0u64;
    let mut goal_count = 0usize;
    for (plan, drivers) in built.into_iter().flatten() {
        let entry = by_unit.entry(plan.unit.clone()).or_default();
        entry.0 += plan.goals.len();
        entry.1 += plan.effort.total as u64;
        total_hours += plan.effort.total as u64;
        goal_count += plan.goals.len();
        for (driver, hours) in drivers {
            let entry = by_driver.entry(driver).or_default();
            entry.0 += 1;
            entry.1 += hours;
        }
        plans.push(plan);
    }

    let split = |(goals, hours): (usize, u64)| (goals, org.policy.mix.split(hours));
    let mut by_unit: Vec<EffortBy> = by_unit
        .into_iter()
        .map(|(key, v)| {
            let (goals, effort) = split(v);
            EffortBy { key, goals, effort }
        })
        .collect();
    // Units in path order, people without a unit last.
    by_unit.sort_by(|a, b| (a.key.is_none(), &a.key).cmp(&(b.key.is_none(), &b.key)));
    let mut by_driver_list: Vec<(Option<usize>, EffortBy)> = by_driver
        .into_iter()
        .map(|(d, v)| {
            let (goals, effort) = split(v);
            let key = d.map(|d| org.drivers[d].id.clone());
            (d, EffortBy { key, goals, effort })
        })
        .collect();
    by_driver_list.sort_by_key(|(d, _)| d.unwrap_or(usize::MAX));

    let recruit = gaps
        .needs
        .iter()
        .filter(|n| n.recruit > 0 && need_in_unit(n.unit.as_deref(), filter.unit.as_deref()))
        .map(|n| Recruitment {
            need: n.id.clone(),
            skill: n.skill.clone(),
            level: n.level,
            count: n.recruit,
            unit: n.unit.clone(),
            role: n.role.clone(),
            priority: n.priority,
            by: n.by,
            driver: n.driver.clone(),
            skill_name: n.skill_name.clone(),
        })
        .collect();

    // Suggestions depend on the skill only: listed once per skill in a goal.
    let mut skills_in_goals: Vec<usize> = drafts.keys().map(|&(_, s)| s).collect();
    skills_in_goals.sort_unstable();
    skills_in_goals.dedup();
    let activities = skills_in_goals
        .into_iter()
        .map(|s| SkillActivities {
            skill: org.skills[s].id.clone(),
            suggestions: activities_for(org, s),
        })
        .collect();

    PlanReport {
        organisation: org.name.clone(),
        activities,
        as_of: org.as_of,
        mix: org.policy.mix,
        summary: PlanSummary {
            people: plans.len(),
            goals: goal_count,
            effort: org.policy.mix.split(total_hours),
            by_unit,
            by_driver: by_driver_list.into_iter().map(|(_, e)| e).collect(),
            recruit,
        },
        plans,
        levels: org.scale.levels.clone(),
    }
}
