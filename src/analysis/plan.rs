//! Development plans: for each person, their role gaps and the needs whose
//! develop lists they are on, merged into one goal per skill (the higher
//! target wins and every reason is kept), and a renewal goal per skill they
//! are to renew for a need (FORMAT.md r2 "Renew"); each split by the skill's
//! learning mix, scheduled at the person's capacity (`schedule`) and
//! matched with activities from the catalogue; their own wishes besides;
//! and the organisation's summary with the recruitment list and late goals.

use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

use crate::analysis::budget::{book, goal_year};
use crate::analysis::gap::{GapFilter, needs_report};
use crate::analysis::goals::{Goals, Scheduled, Why};
use crate::analysis::mentors::{Mentoring, mentors};
use crate::analysis::schedule::{Slot, short_before};
use rayon::prelude::*;

use crate::analysis::{IdOrder, PeopleFilter, need_in_unit};
use crate::model::{
    ActivityKind, BySkill, Date, Effort, MixedHours, Mode, Money, Organisation, Priority, SkillKind,
};
use crate::report::{
    CostByYear, EffortBy, Goal, LateGoal, MentorInfo, MentorLoad, NeedGap, PersonPlan, PlanReport,
    PlanSummary, Reach, Reason, Recruitment, Short, SkillActivities, SuggestedActivity, Wish,
};

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

/// The most urgent need of a goal, for its driver: priority, then
/// deadline (none last), then need id.
fn most_urgent<'g>(goals: &Goals<'g>, reasons: &[Why]) -> Option<&'g NeedGap> {
    reasons
        .iter()
        .filter_map(|&why| match why {
            Why::Need(i) => Some(goals.need(i)),
            Why::Role { .. } => None,
        })
        .min_by(|a, b| {
            a.priority
                .cmp(&b.priority)
                .then_with(|| (a.by.is_none(), a.by).cmp(&(b.by.is_none(), b.by)))
                .then_with(|| a.id.as_bytes().cmp(b.id.as_bytes()))
        })
}

/// Each goal's driver (index into `Organisation::drivers`), hours, cost
/// (with `[cost]`), skill and mentor: what the summary counts, as indexes.
type GoalDrivers = Vec<(
    Option<usize>,
    MixedHours,
    Option<Money>,
    usize,
    Option<usize>,
)>;

/// The display order of goals without a schedule (as before capacity
/// existed): need goals before role-only ones, then priority, deadline
/// (none last) and catalogue order.
fn unscheduled_order(
    urgent: Option<&NeedGap>,
    g: &Scheduled,
) -> (bool, Priority, bool, Option<Date>, usize, bool) {
    let priority = urgent.map_or(Priority::Low, |n| n.priority);
    (
        urgent.is_none(),
        priority,
        g.by.is_none(),
        g.by,
        g.skill,
        g.renew,
    )
}

/// What plans are built for, and so which strings their goals carry: each
/// left out is one fewer to make and free, for every goal (issue 28).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Detail {
    /// Only added up ([`plan_summary`]), never shown: without the skill's
    /// name, the mentor and the host.
    Counted,
    /// Printed as JSON ([`plan_json`]): without the words only people read
    /// (the skill's name, the mentor's name, unit and level), which JSON
    /// leaves out.
    Ids,
    /// Everything, for every view.
    Full,
}

/// One person's plan from their goals, with each goal's driver (of its most
/// urgent need; None for role-only goals) and hours, and their late goals;
/// None when there is nothing to say and the person was not asked for by
/// name (`filter.person`); with `filter.mentor`, only the goals that
/// person mentors. `detail`: which strings its goals carry.
fn person_plan(
    goals: &Goals,
    mentoring: &Mentoring,
    interests: &BySkill,
    p: usize,
    filter: &PeopleFilter,
    detail: Detail,
) -> Option<(PersonPlan, GoalDrivers, Vec<LateGoal>)> {
    let (asked_for, mentor) = (filter.person == Some(p), filter.mentor);
    let printed = detail != Detail::Counted;
    let read = detail == Detail::Full;
    let skill_name = |s: usize| match read {
        true => Short::from(&goals.org.skills[s].name),
        false => Short::default(),
    };
    let org = goals.org;
    // Its goals and their matches side by side: both are in schedule
    // order (`Mentoring::of_person`).
    let mut scheduled: Vec<_> = goals
        .scheduled(p)
        .into_iter()
        .zip(mentoring.of_person(p))
        .map(|(g, &(_, found))| (most_urgent(goals, &g.draft.reasons), g, found))
        // `plan --mentor`: only the goals that person mentors.
        .filter(|&(.., found)| mentor.is_none_or(|m| found.mentor == Some(m)))
        .collect();
    if !org.schedules() {
        scheduled.sort_by_key(|(urgent, g, _)| unscheduled_order(*urgent, g));
    }
    // Wishes are for the people here now; a hire's plan holds the needs'
    // goals only.
    let here = org.people.present(p, org.as_of) && mentor.is_none();
    let wishes: Vec<Wish> = interests
        .of(p)
        .filter(|&s| here && !goals.has_goal(p, s))
        .map(|s| Wish {
            skill: Short::from(&org.skills[s].id),
            level: org.matrix.level(p, s),
            skill_name: skill_name(s),
        })
        .collect();
    if scheduled.is_empty() && wishes.is_empty() && !asked_for {
        return None;
    }
    let person = Short::from(org.people.id(p));
    let name = org.people.name(p).map(Short::from);
    let mut hours = MixedHours::default();
    let mut drivers = Vec::with_capacity(scheduled.len());
    let mut late = Vec::new();
    let mut shown = Vec::with_capacity(scheduled.len());
    for (urgent, g, found) in scheduled {
        let shown_mentor = found.mentor.filter(|_| printed);
        let driver = urgent
            .and_then(|n| n.driver.as_deref())
            .and_then(|d| org.drivers.iter().position(|x| x.id == d));
        hours.add_all(g.hours);
        let from = org.matrix.level(p, g.skill);
        let cost = org.goal_cost(
            p,
            g.skill,
            g.hours.hours(),
            g.draft.to.saturating_sub(from),
            g.renew,
        );
        drivers.push((driver, g.hours, cost, g.skill, found.mentor));
        let goal = Goal {
            skill: Short::from(&org.skills[g.skill].id),
            from,
            to: g.draft.to,
            reasons: g
                .draft
                .reasons
                .iter()
                .map(|&w| goals.reason(p, w))
                .collect(),
            by: g.by,
            renew: g.renew,
            effort: g.hours.effort(),
            done: org.log.is_some().then_some(g.done),
            remaining: org.log.is_some().then(|| g.remaining()),
            finish: g.slot.finish,
            late: g.slot.late,
            mentor: shown_mentor.map(|m| Short::from(org.people.id(m))),
            host: found
                .host
                .filter(|_| printed)
                .map(|u| Short::from(&org.units[u as usize])),
            cost,
            mentor_info: shown_mentor.filter(|_| read).map(|m| MentorInfo {
                name: org.people.name(m).map(Short::from),
                unit: org
                    .people
                    .unit(m)
                    .map(|u| Short::from(&org.units[u as usize])),
                level: org.matrix.level(m, g.skill),
            }),
            skill_name: skill_name(g.skill),
            hours: g.hours,
        };
        late.extend(late_for_needs(org, p, &goal, &g.slot, &person, &name));
        shown.push(goal);
    }
    let cost = org
        .policy
        .cost
        .as_ref()
        .map(|_| shown.iter().filter_map(|g: &Goal| g.cost).sum());
    let plan = PersonPlan {
        cost,
        person,
        name,
        unit: org
            .people
            .unit(p)
            .map(|u| Short::from(&org.units[u as usize])),
        role: org
            .people
            .role(p)
            .map(|r| Short::from(&org.roles[r as usize].id)),
        goals: shown,
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
    person: &Short,
    name: &Option<Short>,
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
            person: person.clone(),
            skill: goal.skill.clone(),
            renew: goal.renew,
            finish: slot.finish,
            short: short_before(
                org.learning_starts(p),
                capacity,
                slot.spent,
                // The hours the schedule spends on it (r3 "Hours done").
                goal.remaining
                    .map_or(goal.hours.hours(), |r| r.total.ceil() as u64),
                by,
            ),
            name: name.clone(),
        })
        .collect()
}

/// `plan --person ID --toward R`: the person's plan, and their gap to R's
/// targets with readiness (FORMAT r3 "Readiness").
pub fn plan_toward(org: &Organisation, filter: &PeopleFilter, role: usize) -> PlanReport {
    let mut report = plan_report(org, filter);
    report.toward = crate::analysis::role::toward_report(org, filter, role)
        .people
        .into_iter()
        .next();
    report
}

/// Plans for the people the filter keeps. Needs are evaluated for the whole
/// organisation (a need's develop list does not depend on the filter); the
/// recruitment list keeps the needs in the filter's unit.
pub fn plan_report(org: &Organisation, filter: &PeopleFilter) -> PlanReport {
    let mut plans = Vec::new();
    let mut report = plans_in_chunks(org, filter, Detail::Full, &mut |chunk| {
        plans.extend(chunk);
        Ok(())
    })
    .expect("collecting plans does not fail");
    report.plans = plans;
    report
}

/// `plan -f json`: [`plan_report`] (or [`plan_toward`] with `toward`)
/// printed as the JSON writer prints it, with the plans serialised a chunk
/// at a time on all cores and dropped once written: the report is never
/// held whole (issue 28).
pub fn plan_json(
    org: &Organisation,
    filter: &PeopleFilter,
    toward: Option<usize>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    use crate::report::stream::{Document, list_items};
    let mut doc = Document::new(std::io::BufWriter::with_capacity(1 << 16, out), "plan")?;
    doc.field("organisation", &org.name)?;
    doc.field("as_of", &org.as_of)?;
    doc.field("mix", &org.policy.mix)?;
    let mut list = doc.list("plans")?;
    let report = plans_in_chunks(org, filter, Detail::Ids, &mut |chunk| {
        let runs = chunk
            .par_chunks(RUN)
            .map(list_items)
            .collect::<std::io::Result<Vec<_>>>()?;
        // Freed on all cores too, as in `plan_summary`.
        chunk.into_par_iter().for_each(drop);
        runs.iter().try_for_each(|run| list.push(run))
    })?;
    list.end()?;
    doc.field("activities", &report.activities)?;
    doc.field("summary", &report.summary)?;
    if let Some(role) = toward {
        let gap = crate::analysis::role::toward_report(org, filter, role)
            .people
            .into_iter()
            .next();
        if let Some(gap) = gap {
            doc.field("toward_gap", &gap)?;
        }
    }
    doc.end()
}

/// How many people's plans are built (and printed) at a time: enough to
/// keep every core busy, few enough that a chunk's plans take little room.
const CHUNK: usize = 2048;

/// How many plans are printed into one buffer.
const RUN: usize = 32;

/// What the summary adds up over the plans, plan by plan in id order.
#[derive(Default)]
struct Tally {
    people: usize,
    late: Vec<LateGoal>,
    /// By unit index (None: no unit); named once, after the last plan
    /// (issue 28: a unit's name cloned and compared for every plan).
    by_unit: FxHashMap<Option<u32>, (usize, MixedHours, Money)>,
    by_driver: BTreeMap<Option<usize>, (usize, MixedHours, Money)>,
    /// FORMAT.md r3 "Cost": the goals' costs by the year they are booked in.
    years: CostByYear,
    total: MixedHours,
    goal_count: usize,
    reach: Reach,
    /// The plans' costs.
    cost: Money,
    /// The skills some goal is in.
    skills: Vec<bool>,
    /// Each person's number of goals they mentor in the plans.
    mentees: Vec<u32>,
}

impl Tally {
    /// Counts person `p`'s plan, if any; hands the plan back.
    fn add(
        &mut self,
        org: &Organisation,
        p: usize,
        built: Option<(PersonPlan, GoalDrivers, Vec<LateGoal>)>,
    ) -> Option<PersonPlan> {
        // FORMAT r3 "Reach": the people present at D, and their goals' modes.
        if org.people.present(p, org.as_of) {
            let reach = &mut self.reach;
            reach.people += 1;
            if let Some((plan, ..)) = &built {
                let has =
                    |mode: fn(&Effort) -> f64| plan.goals.iter().any(|g| mode(&g.effort) > 0.0);
                reach.any += usize::from(!plan.goals.is_empty());
                reach.experience += usize::from(has(|e| e.experience));
                reach.social += usize::from(has(|e| e.social));
                reach.formal += usize::from(has(|e| e.formal));
            }
        }
        let (plan, drivers, person_late) = built?;
        let entry = self.by_unit.entry(org.people.unit(p)).or_default();
        entry.0 += plan.goals.len();
        for goal in &plan.goals {
            entry.1.add_all(goal.hours);
            entry.2 += goal.cost.unwrap_or_default();
            self.total.add_all(goal.hours);
            let year = goal_year(org, goal.finish, goal.by);
            book(&mut self.years, year, goal.cost.unwrap_or_default());
        }
        self.goal_count += plan.goals.len();
        for (driver, hours, cost, skill, mentor) in drivers {
            self.skills[skill] = true;
            if let Some(m) = mentor {
                self.mentees[m] += 1;
            }
            let entry = self.by_driver.entry(driver).or_default();
            entry.0 += 1;
            entry.1.add_all(hours);
            entry.2 += cost.unwrap_or_default();
        }
        self.late.extend(person_late);
        self.cost += plan.cost.unwrap_or_default();
        self.people += 1;
        Some(plan)
    }
}

/// The plans of the people the filter keeps, in id order, handed to `each`
/// a chunk at a time once counted, and the report without them (`plans`
/// empty): [`plan_report`] collects them, [`plan_json`] prints them.
fn plans_in_chunks(
    org: &Organisation,
    filter: &PeopleFilter,
    detail: Detail,
    each: &mut dyn FnMut(Vec<PersonPlan>) -> std::io::Result<()>,
) -> std::io::Result<PlanReport> {
    let gaps = needs_report(org, &GapFilter::default());
    // Mentors are matched over every goal of the organisation, so a
    // mentor's load is the same whatever the filter shows.
    let goals = Goals::new(org, &gaps, &|_| true);
    let mentoring = mentors(&goals);
    plans_from(org, filter, &goals, &mentoring, detail, each)
}

/// The summary of everyone's plans ([`plan_report`]'s, for the whole
/// organisation) from everyone's goals and their mentors, which the caller
/// has for other reports too; the plans are counted, never kept.
pub fn plan_summary(org: &Organisation, goals: &Goals, mentoring: &Mentoring) -> PlanSummary {
    // The plans are freed on all cores: at 1M rows a chunk's strings took
    // as long to free one by one as to build (issue 28).
    plans_from(
        org,
        &PeopleFilter::default(),
        goals,
        mentoring,
        Detail::Counted,
        &mut |plans| {
            plans.into_par_iter().for_each(drop);
            Ok(())
        },
    )
    .expect("counting plans does not fail")
    .summary
}

/// [`plans_in_chunks`] from everyone's goals (`goals`, of the needs of the
/// whole organisation) and their mentors; `detail`: which strings the
/// plans' goals carry (see [`person_plan`]).
fn plans_from(
    org: &Organisation,
    filter: &PeopleFilter,
    goals: &Goals,
    mentoring: &Mentoring,
    detail: Detail,
    each: &mut dyn FnMut(Vec<PersonPlan>) -> std::io::Result<()>,
) -> std::io::Result<PlanReport> {
    let gaps = goals.gaps;
    let keep = filter.matcher_any_time(org);
    let ids = IdOrder::new(&org.people);
    // Each person's wishes, from one pass over what is assessed.
    let interests = org.matrix.skills_by_person(|cell| cell.interest());

    let kept: Vec<usize> = ids.people().filter(|&p| keep(p)).collect();
    let mut tally = Tally {
        skills: vec![false; org.skills.len()],
        mentees: vec![0; org.people.len()],
        ..Tally::default()
    };
    for chunk in kept.chunks(CHUNK) {
        // Each person's plan is independent of the others': build them on
        // all cores.
        let built: Vec<_> = chunk
            .par_iter()
            .map(|&p| person_plan(goals, mentoring, &interests, p, filter, detail))
            .collect();
        let plans: Vec<PersonPlan> = chunk
            .iter()
            .zip(built)
            .filter_map(|(&p, built)| tally.add(org, p, built))
            .collect();
        each(plans)?;
    }
    let Tally {
        people,
        mut late,
        by_unit,
        by_driver,
        mut years,
        total,
        goal_count,
        reach,
        cost: goals_cost,
        skills,
        mentees,
    } = tally;
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

    let costed = |cost: Money| org.policy.cost.as_ref().map(|_| cost);
    let mut by_unit: Vec<EffortBy> = by_unit
        .into_iter()
        .map(|(unit, (goals, hours, cost))| EffortBy {
            key: unit.map(|u| org.units[u as usize].clone()),
            goals,
            effort: hours.effort(),
            cost: costed(cost),
        })
        .collect();
    // Units in path order, people without a unit last.
    by_unit.sort_by(|a, b| (a.key.is_none(), &a.key).cmp(&(b.key.is_none(), &b.key)));
    let mut by_driver_list: Vec<(Option<usize>, EffortBy)> = by_driver
        .into_iter()
        .map(|(d, (goals, hours, cost))| {
            let key = d.map(|d| org.drivers[d].id.clone());
            let effort = hours.effort();
            let cost = costed(cost);
            (
                d,
                EffortBy {
                    key,
                    goals,
                    effort,
                    cost,
                },
            )
        })
        .collect();
    by_driver_list.sort_by_key(|(d, _)| d.unwrap_or(usize::MAX));

    let recruiting: Vec<&NeedGap> = gaps
        .needs
        .iter()
        .filter(|n| n.recruit > 0 && need_in_unit(n.unit.as_deref(), filter.unit.as_deref()))
        .collect();
    let cost = org.policy.cost.as_ref().map(|rates| {
        let hires: Money = recruiting
            .iter()
            .map(|n| {
                let amount = rates.recruitments(n.recruit.into());
                book(&mut years, n.horizon.year(), amount);
                amount
            })
            .sum();
        goals_cost + hires
    });
    let recruit = recruiting
        .into_iter()
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
    let mentor_loads = mentor_loads(org, mentees);
    let activities = (0..skills.len())
        .filter(|&s| skills[s])
        .map(|s| SkillActivities {
            skill: org.skills[s].id.clone(),
            suggestions: activities_for(org, s),
        })
        .collect();

    Ok(PlanReport {
        organisation: org.name.clone(),
        activities,
        as_of: org.as_of,
        mix: org.policy.mix,
        summary: PlanSummary {
            people,
            goals: goal_count,
            effort: total.effort(),
            by_unit,
            by_driver: by_driver_list.into_iter().map(|(_, e)| e).collect(),
            recruit,
            late,
            mentors: mentor_loads,
            reach,
            cost_by_year: cost.map(|_| years),
            cost,
            currency: org.policy.cost.as_ref().map(|c| c.currency.clone()),
        },
        plans: Vec::new(),
        toward: None,
        levels: org.scale.levels.clone(),
        scheduled: org.schedules(),
        logged: org.log.is_some(),
        mentored_by: filter.mentor.map(|m| {
            let name = org.people.name(m).map(str::to_string);
            (org.people.id(m).to_string(), name)
        }),
    })
}

/// Each mentor of the plans' goals with their number of mentees
/// (`count`, by person), most first, then id.
fn mentor_loads(org: &Organisation, count: Vec<u32>) -> Vec<MentorLoad> {
    let mut loads: Vec<MentorLoad> = count
        .into_iter()
        .enumerate()
        .filter(|&(_, mentees)| mentees > 0)
        .map(|(m, mentees)| {
            let id = org.people.id(m).to_string();
            let p = org.people.find(&id);
            MentorLoad {
                unit: p
                    .and_then(|p| org.people.unit(p))
                    .map(|u| org.units[u as usize].clone()),
                mentees,
                name: p.and_then(|p| org.people.name(p)).map(str::to_string),
                person: id,
            }
        })
        .collect();
    loads.sort_by(|a, b| {
        b.mentees
            .cmp(&a.mentees)
            .then_with(|| a.person.as_bytes().cmp(b.person.as_bytes()))
    });
    loads
}
