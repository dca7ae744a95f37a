//! Development plans: for each person, their role gaps and the needs whose
//! develop lists they are on, merged into one goal per skill (the higher
//! target wins and every reason is kept), and a renewal goal per skill they
//! are to renew for a need (FORMAT.md r2 "Renew"); each split by the skill's
//! learning mix, scheduled at the person's capacity (`schedule`) and
//! matched with activities from the catalogue; their own wishes besides;
//! and the organisation's summary with the recruitment list and late goals.

use std::collections::{BTreeMap, HashMap};

use crate::analysis::gap::{GapFilter, needs_report};
use crate::analysis::role::role_gap;
use crate::analysis::schedule::{ScheduleKey, Slot, schedule, short_before};
use rayon::prelude::*;

use crate::analysis::{IdOrder, PeopleFilter, need_in_unit};
use crate::model::{
    ActivityKind, Date, Level, MixedHours, Mode, Organisation, Priority, SkillKind,
};
use crate::report::{
    EffortBy, GapReport, Goal, LateGoal, PersonPlan, PlanReport, PlanSummary, Reason, Recruitment,
    SkillActivities, SuggestedActivity, Wish,
};

/// A goal being assembled: the highest target asked for and all reasons.
struct Draft {
    to: Level,
    reasons: Vec<Reason>,
}

/// The goals being assembled, by (person, skill, renewal).
type Drafts = BTreeMap<(usize, usize, bool), Draft>;

/// Every goal of the people `keep` keeps: their role gaps, the develop
/// lists and the renew lists of the needs in `gaps`.
fn drafts(org: &Organisation, gaps: &GapReport, keep: &dyn Fn(usize) -> bool) -> Drafts {
    let mut drafts = Drafts::new();
    let mut add = |key: (usize, usize, bool), to: Level, reason: Reason| {
        let draft = drafts.entry(key).or_insert(Draft {
            to,
            reasons: Vec::new(),
        });
        draft.to = draft.to.max(to);
        draft.reasons.push(reason);
    };
    let ids = IdOrder::new(&org.people);
    for p in ids.people().filter(|&p| keep(p)) {
        if let Some(gap) = role_gap(org, p) {
            for s in gap.skills.iter().filter(|s| s.gap > 0) {
                let role = org.roles[gap.role].id.clone();
                let reason = Reason::Role {
                    role,
                    level: s.target,
                };
                add((p, s.skill, false), s.target, reason);
            }
        }
    }
    for need in &gaps.needs {
        let skill = org.skill_index(&need.skill).unwrap_or_default();
        let reason = || Reason::Need {
            need: need.id.clone(),
            level: need.level,
            priority: need.priority,
            by: need.by,
            driver: need.driver.clone(),
        };
        let people = need
            .renew
            .iter()
            .map(|r| (&r.person, r.level, true))
            .chain(need.develop.iter().map(|d| (&d.person, d.to, false)));
        for (person, to, renew) in people {
            if let Some(p) = org.people.find(person).filter(|&p| keep(p)) {
                add((p, skill, renew), to, reason());
            }
        }
    }
    drafts
}

/// The slot of every goal of everyone in the organisation, by (person id,
/// skill id, renewal): what `gap` needs to count a need's late people.
pub fn goal_slots(org: &Organisation, gaps: &GapReport) -> HashMap<(String, String, bool), Slot> {
    let drafts = drafts(org, gaps, &|_| true);
    let people: Vec<usize> = {
        let mut v: Vec<usize> = drafts.keys().map(|k| k.0).collect();
        v.dedup();
        v
    };
    people
        .par_iter()
        .flat_map_iter(|&p| {
            let goals = person_goals(org, p, &drafts);
            goals.into_iter().map(move |(goal, _, slot)| {
                let key = (org.people.id(p).to_string(), goal.skill, goal.renew);
                (key, slot)
            })
        })
        .collect()
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
type GoalDrivers = Vec<(Option<usize>, MixedHours)>;

/// The schedule place of a goal with these reasons (FORMAT.md r2 "Capacity
/// and schedule"): the deadline and priority of its most urgent need
/// (earliest deadline, then priority); a goal from a role alone has no
/// deadline and priority medium.
fn schedule_key(org: &Organisation, skill: usize, renew: bool, reasons: &[Reason]) -> ScheduleKey {
    let urgent = reasons
        .iter()
        .filter_map(|r| match r {
            Reason::Need { by, priority, .. } => Some(((by.is_none(), *by), *priority)),
            Reason::Role { .. } => None,
        })
        .min();
    ScheduleKey {
        by: urgent.and_then(|((_, by), _)| by),
        priority: urgent.map_or(Priority::Medium, |(_, p)| p),
        skill: org.skills[skill].id.clone(),
        renew,
    }
}

/// One person's goals from their drafts, scheduled: each with its driver
/// (of its most urgent need) and its slot, in schedule order.
fn person_goals(org: &Organisation, p: usize, drafts: &Drafts) -> Vec<(Goal, Option<usize>, Slot)> {
    let mut goals: Vec<(ScheduleKey, Goal, Option<usize>)> = Vec::new();
    for (&(_, skill, renew), draft) in drafts.range((p, 0, false)..(p + 1, 0, false)) {
        let from = org.matrix.level(p, skill);
        let h = if renew {
            org.renew_hours(skill)
        } else {
            org.development_hours(skill, from, draft.to)
        };
        let mut hours = MixedHours::default();
        hours.add(org.mix_of(skill), h);
        let driver = most_urgent(&draft.reasons)
            .and_then(|u| u.3.as_deref())
            .and_then(|d| org.drivers.iter().position(|x| x.id == d));
        let by = draft
            .reasons
            .iter()
            .filter_map(|r| match r {
                Reason::Need { by, .. } => *by,
                Reason::Role { .. } => None,
            })
            .min();
        let goal = Goal {
            skill: org.skills[skill].id.clone(),
            from,
            to: draft.to,
            reasons: draft.reasons.clone(),
            by,
            renew,
            effort: hours.effort(),
            finish: None,
            late: false,
            skill_name: org.skills[skill].name.clone(),
            hours,
        };
        goals.push((
            schedule_key(org, skill, renew, &draft.reasons),
            goal,
            driver,
        ));
    }
    goals.sort_by(|a, b| a.0.cmp(&b.0));
    let work: Vec<(u64, Option<Date>)> =
        goals.iter().map(|g| (g.1.hours.hours(), g.0.by)).collect();
    let slots = schedule(org.as_of, org.capacity(p), &work);
    goals
        .into_iter()
        .zip(slots)
        .map(|((_, mut goal, driver), slot)| {
            goal.finish = slot.finish;
            goal.late = slot.late;
            (goal, driver, slot)
        })
        .collect()
}

/// The display order of goals without a schedule (as before capacity
/// existed): need goals before role-only ones, then priority, deadline
/// (none last) and catalogue order.
fn unscheduled_order(
    org: &Organisation,
    goal: &Goal,
) -> (bool, Priority, bool, Option<Date>, usize, bool) {
    let urgent = most_urgent(&goal.reasons);
    let priority = urgent.map_or(Priority::Low, |u| *u.0);
    let skill = org.skill_index(&goal.skill).unwrap_or(usize::MAX);
    (
        urgent.is_none(),
        priority,
        goal.by.is_none(),
        goal.by,
        skill,
        goal.renew,
    )
}

/// One person's plan from their drafted goals, with each goal's driver (of
/// its most urgent need; None for role-only goals) and hours, and their late
/// goals; None when there is nothing to say and the person was not asked for
/// by name.
fn person_plan(
    org: &Organisation,
    p: usize,
    drafts: &Drafts,
    asked_for: bool,
) -> Option<(PersonPlan, GoalDrivers, Vec<LateGoal>)> {
    let mut goals = person_goals(org, p, drafts);
    if !org.schedules() {
        goals.sort_by_cached_key(|g| unscheduled_order(org, &g.0));
    }
    let wishes: Vec<Wish> = (0..org.skills.len())
        .filter(|&s| {
            org.matrix.interest(p, s)
                && !drafts.contains_key(&(p, s, false))
                && !drafts.contains_key(&(p, s, true))
        })
        .map(|s| Wish {
            skill: org.skills[s].id.clone(),
            level: org.matrix.level(p, s),
            skill_name: org.skills[s].name.clone(),
        })
        .collect();
    if goals.is_empty() && wishes.is_empty() && !asked_for {
        return None;
    }
    let person = org.people.id(p).to_string();
    let name = org.people.name(p).map(str::to_string);
    let mut hours = MixedHours::default();
    let mut drivers = Vec::new();
    let mut late = Vec::new();
    for (goal, driver, slot) in &goals {
        hours.add_all(goal.hours);
        drivers.push((*driver, goal.hours));
        late.extend(late_for_needs(org, p, goal, slot, &person, &name));
    }
    let plan = PersonPlan {
        person,
        name,
        unit: org.people.unit(p).map(|u| org.units[u as usize].clone()),
        role: org.people.role(p).map(|r| org.roles[r as usize].id.clone()),
        goals: goals.into_iter().map(|g| g.0).collect(),
        wishes,
        effort: hours.effort(),
        capacity: org.capacity(p),
    };
    Some((plan, drivers, late))
}

/// The needs of a goal whose deadline it misses, each with the hours that
/// do not fit before that deadline.
fn late_for_needs(
    org: &Organisation,
    p: usize,
    goal: &Goal,
    slot: &Slot,
    person: &str,
    name: &Option<String>,
) -> Vec<LateGoal> {
    let Some(capacity) = org.capacity(p) else {
        return Vec::new();
    };
    goal.reasons
        .iter()
        .filter_map(|r| match r {
            Reason::Need {
                need, by: Some(by), ..
            } => Some((need, *by)),
            _ => None,
        })
        .filter(|&(_, by)| slot.finish.is_none_or(|f| f > by))
        .map(|(need, by)| LateGoal {
            need: need.clone(),
            by,
            person: person.to_string(),
            skill: goal.skill.clone(),
            renew: goal.renew,
            finish: slot.finish,
            short: short_before(org.as_of, capacity, slot.spent, goal.hours.hours(), by),
            name: name.clone(),
        })
        .collect()
}

/// Plans for the people the filter keeps. Needs are evaluated for the whole
/// organisation (a need's develop list does not depend on the filter); the
/// recruitment list keeps the needs in the filter's unit.
pub fn plan_report(org: &Organisation, filter: &PeopleFilter) -> PlanReport {
    let gaps = needs_report(org, &GapFilter::default());
    let keep = filter.matcher(org);
    let drafts = drafts(org, &gaps, &keep);
    let ids = IdOrder::new(&org.people);

    // Each person's plan is independent of the others': build them on all cores.
    let kept: Vec<usize> = ids.people().filter(|&p| keep(p)).collect();
    let built: Vec<_> = kept
        .par_iter()
        .map(|&p| person_plan(org, p, &drafts, filter.person == Some(p)))
        .collect();
    let mut plans = Vec::new();
    let mut late = Vec::new();
    let mut by_unit: BTreeMap<Option<String>, (usize, MixedHours)> = BTreeMap::new();
    let mut by_driver: BTreeMap<Option<usize>, (usize, MixedHours)> = BTreeMap::new();
    let mut total = MixedHours::default();
    let mut goal_count = 0usize;
    for (plan, drivers, person_late) in built.into_iter().flatten() {
        let entry = by_unit.entry(plan.unit.clone()).or_default();
        entry.0 += plan.goals.len();
        for goal in &plan.goals {
            entry.1.add_all(goal.hours);
            total.add_all(goal.hours);
        }
        goal_count += plan.goals.len();
        for (driver, hours) in drivers {
            let entry = by_driver.entry(driver).or_default();
            entry.0 += 1;
            entry.1.add_all(hours);
        }
        late.extend(person_late);
        plans.push(plan);
    }
    // Late goals need by need (need id in byte order), then by person.
    late.sort_by(|a: &LateGoal, b: &LateGoal| {
        (
            a.need.as_bytes(),
            a.person.as_bytes(),
            a.skill.as_bytes(),
            a.renew,
        )
            .cmp(&(
                b.need.as_bytes(),
                b.person.as_bytes(),
                b.skill.as_bytes(),
                b.renew,
            ))
    });

    let mut by_unit: Vec<EffortBy> = by_unit
        .into_iter()
        .map(|(key, (goals, hours))| EffortBy {
            key,
            goals,
            effort: hours.effort(),
        })
        .collect();
    // Units in path order, people without a unit last.
    by_unit.sort_by(|a, b| (a.key.is_none(), &a.key).cmp(&(b.key.is_none(), &b.key)));
    let mut by_driver_list: Vec<(Option<usize>, EffortBy)> = by_driver
        .into_iter()
        .map(|(d, (goals, hours))| {
            let key = d.map(|d| org.drivers[d].id.clone());
            let effort = hours.effort();
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
    let mut skills_in_goals: Vec<usize> = drafts.keys().map(|&(_, s, _)| s).collect();
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
            effort: total.effort(),
            by_unit,
            by_driver: by_driver_list.into_iter().map(|(_, e)| e).collect(),
            recruit,
            late,
        },
        plans,
        levels: org.scale.levels.clone(),
        scheduled: org.schedules(),
    }
}
