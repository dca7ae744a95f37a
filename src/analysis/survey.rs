//! An assessment round (*kartleggingsrunde*): which skills matter to each
//! person (the rows of their form), and who is due for reassessment.
//!
//! A skill matters to a person when their role requires it, when a need
//! whose scope they are in asks for it, or when they are assessed in it
//! (an expired assessment included: it may be renewed) or want to learn it.
//! A person is **due** in a skill (issue 24, item 5) when their role or a
//! need asks for it and they are unassessed in it (an expired assessment
//! is set aside, so it is missing) or their assessment is stale, or when
//! their assessment of it expires within the `--expiring` window (D to D +
//! days, both days included, as `balance`'s expiring list), **(r3)** or
//! when the activity log holds every hour of a plan goal of theirs in it
//! (done, awaiting reassessment: [`awaiting_reassessment`]).
//!
//! It decides nothing about files: `crate::survey` writes the forms and
//! `balance` lists the due pairs. Staleness is the model's
//! (`Matrix::is_stale`), scope is `Scope`'s; nothing is restated here.

use std::collections::HashMap;

use crate::analysis::IdOrder;
use crate::model::{Date, FreshnessRule, Level, NONE, Organisation, PackedDate, Scope};
use crate::report::{DueItem, DueList, DueReason};

/// Who gets a form, and which rows it has.
#[derive(Debug, Clone, Default)]
pub struct SurveyOptions {
    /// Only people in this unit or a unit below it.
    pub unit: Option<String>,
    /// Only this person.
    pub person: Option<usize>,
    /// `--due`: only people due for reassessment, and only their due skills.
    pub due_only: bool,
    /// The window for expiring certificates, in days from D.
    pub expiring_days: u32,
}

/// One person's form.
#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub person: usize,
    pub rows: Vec<FormRow>,
}

/// One skill on a form.
#[derive(Debug, Clone, PartialEq)]
pub struct FormRow {
    pub skill: usize,
    /// The current level; None where the person is unassessed at D.
    pub current: Option<Level>,
    /// The current assessment's date (None: unassessed or undated).
    pub assessed: Option<Date>,
    /// The highest level the person's role or a need in whose scope they
    /// are asks for; None where neither asks for the skill.
    pub target: Option<Level>,
    /// The person wants to learn more of it (as things stand at D).
    pub interest: bool,
    /// The chosen assessment's `expires`, or else that of an expired one.
    pub expires: Option<Date>,
    /// Why the person is due in this skill, if they are.
    pub due: Option<DueReason>,
}

/// What is asked of the people with one unit and role: (skill, target),
/// in catalogue order. Units and roles are few, people many: it is worked
/// out once per pair that some person has.
struct Asked<'a> {
    org: &'a Organisation,
    needs: Vec<Scope<'a>>,
    rule: FreshnessRule,
    /// Each person's expired assessments: (skill, latest expiry).
    expired: HashMap<usize, Vec<(usize, Date)>>,
    cache: HashMap<(u32, u32), Vec<(usize, Level)>>,
    /// (person, skill) of the plan goals done, awaiting reassessment (r3).
    done: std::collections::HashSet<(usize, usize)>,
}

impl<'a> Asked<'a> {
    fn new(org: &'a Organisation) -> Self {
        Asked {
            org,
            needs: org.needs.iter().map(|n| n.scope(org)).collect(),
            rule: org.freshness_rule(),
            expired: expired_by_person(org),
            cache: HashMap::new(),
            done: awaiting_reassessment(org, &|_| true).into_iter().collect(),
        }
    }

    /// The skills asked of `person` and their targets (the highest asked).
    fn of(&mut self, person: usize) -> &[(usize, Level)] {
        let org = self.org;
        let key = (
            org.people.units().get(person),
            org.people.roles().get(person),
        );
        let needs = &self.needs;
        self.cache.entry(key).or_insert_with(|| {
            let mut asked: Vec<(usize, Level)> = Vec::new();
            if key.1 != NONE {
                asked.extend(&org.roles[key.1 as usize].requires);
            }
            for (need, scope) in org.needs.iter().zip(needs) {
                // Everyone with this unit and role is in scope or nobody is.
                if scope.matches(person) {
                    asked.push((need.skill, need.level));
                }
            }
            // Catalogue order; of a skill asked twice, the higher level.
            asked.sort_unstable_by_key(|&(skill, level)| (skill, std::cmp::Reverse(level)));
            asked.dedup_by_key(|&mut (skill, _)| skill);
            asked
        })
    }
}

/// The expired assessments (set aside) of each person: (skill, the latest
/// expiry), found once for a round rather than once a person.
fn expired_by_person(org: &Organisation) -> HashMap<usize, Vec<(usize, Date)>> {
    let mut by_person: HashMap<usize, Vec<(usize, Date)>> = HashMap::new();
    for e in &org.expired {
        let list = by_person.entry(e.person).or_default();
        match list.iter_mut().find(|(s, _)| *s == e.skill) {
            Some((_, date)) => *date = (*date).max(e.expires),
            None => list.push((e.skill, e.expires)),
        }
    }
    by_person
}

/// The last day of the expiring window: D + `days` (the calendar's end
/// when that is past it).
fn window_end(org: &Organisation, days: u32) -> Date {
    jiff::Span::new()
        .try_days(days as i64)
        .ok()
        .and_then(|span| org.as_of.checked_add(span).ok())
        .unwrap_or(Date::MAX)
}

/// Why `person` is due in `skill` (asked of them when `asked`), if they are.
fn due_reason(
    org: &Organisation,
    rule: &FreshnessRule,
    person: usize,
    skill: usize,
    asked: bool,
    until: Date,
) -> Option<DueReason> {
    let assessed = org.matrix.assessed(person, skill);
    if asked && assessed == PackedDate::NONE {
        return Some(DueReason::Missing);
    }
    if asked && org.matrix.is_stale(rule, person, skill, assessed) {
        return Some(DueReason::Stale);
    }
    org.matrix
        .expires(person, skill)
        .filter(|&e| e >= org.as_of && e <= until)
        .map(|_| DueReason::Expiring)
}

/// The rows of `person`'s form (every skill that matters to them, in
/// catalogue order), or with `due_only` only the rows they are due in.
pub fn form_rows(
    org: &Organisation,
    person: usize,
    expiring_days: u32,
    due_only: bool,
) -> Vec<FormRow> {
    form_rows_with(
        &mut Asked::new(org),
        person,
        window_end(org, expiring_days),
        due_only,
    )
}

fn form_rows_with(
    asked: &mut Asked<'_>,
    person: usize,
    until: Date,
    due_only: bool,
) -> Vec<FormRow> {
    let org = asked.org;
    let mut target: Vec<Option<Level>> = vec![None; org.skills.len()];
    for &(skill, level) in asked.of(person) {
        target[skill] = Some(level);
    }
    let expired: HashMap<usize, Date> = asked
        .expired
        .get(&person)
        .map(|list| list.iter().copied().collect())
        .unwrap_or_default();
    (0..org.skills.len())
        .filter_map(|skill| {
            let assessed = org.matrix.assessed(person, skill) != PackedDate::NONE;
            let interest = org.matrix.interest(person, skill);
            let matters =
                target[skill].is_some() || assessed || interest || expired.contains_key(&skill);
            if !matters {
                return None;
            }
            let due = due_reason(
                org,
                &asked.rule,
                person,
                skill,
                target[skill].is_some(),
                until,
            )
            .or_else(|| {
                asked
                    .done
                    .contains(&(person, skill))
                    .then_some(DueReason::Done)
            });
            if due_only && due.is_none() {
                return None;
            }
            Some(FormRow {
                skill,
                current: assessed.then(|| org.matrix.level(person, skill)),
                assessed: org.matrix.assessed(person, skill).date(),
                target: target[skill],
                interest,
                expires: org
                    .matrix
                    .expires(person, skill)
                    .or_else(|| expired.get(&skill).copied()),
                due,
            })
        })
        .collect()
}

/// The forms of a round: one per person present at D (in the unit, or
/// the one person), in plain byte order of ids; with `due_only`, only
/// those due in some skill, each with only the rows they are due in.
pub fn survey_forms(org: &Organisation, options: &SurveyOptions) -> Vec<Form> {
    let scope = Scope::new(org, options.unit.as_deref(), None).at(org.as_of);
    let until = window_end(org, options.expiring_days);
    let mut asked = Asked::new(org);
    IdOrder::new(&org.people)
        .people()
        .filter(|&p| scope.contains(p) && options.person.is_none_or(|x| x == p))
        .filter_map(|person| {
            let rows = form_rows_with(&mut asked, person, until, options.due_only);
            (!options.due_only || !rows.is_empty()).then_some(Form { person, rows })
        })
        .collect()
}

/// FORMAT.md r3 "Hours done": the (person, skill) of every plan goal whose
/// remaining effort is 0, the log holding all its hours: done, awaiting
/// reassessment. None without an activity log.
pub fn awaiting_reassessment(
    org: &Organisation,
    in_scope: &(dyn Fn(usize) -> bool + Sync),
) -> Vec<(usize, usize)> {
    if org.log.is_none() {
        return Vec::new();
    }
    let gaps = crate::analysis::gap::needs_report(org, &crate::analysis::gap::GapFilter::default());
    let goals = crate::analysis::goals::Goals::new(org, &gaps, in_scope);
    let mut people: Vec<usize> = goals.drafts.keys().map(|k| k.0).collect();
    people.dedup();
    let mut out: Vec<(usize, usize)> = people
        .into_iter()
        .flat_map(|p| {
            goals
                .scheduled(p)
                .into_iter()
                .filter(|g| g.awaiting_reassessment())
                .map(move |g| (p, g.skill))
                .collect::<Vec<_>>()
        })
        .collect();
    out.dedup();
    out
}

/// Everyone in scope who is due for reassessment (issue 24, item 5), by
/// unit (units in path order, people without a unit last), then person
/// id, then skill in catalogue order. It looks only at what is asked of
/// each person and at the assessments that expire: never at every pair of
/// person and skill (an organisation may have 100,000 people and 3,000
/// skills nobody is assessed in).
pub fn due_list(org: &Organisation, in_scope: &dyn Fn(usize) -> bool, days: u32) -> DueList {
    let until = window_end(org, days);
    let mut asked = Asked::new(org);
    let rule = asked.rule;
    // Units in path order (a unit's subtree follows it), no unit last.
    let mut units: Vec<usize> = (0..org.units.len()).collect();
    units.sort_by(|&a, &b| org.units[a].split('/').cmp(org.units[b].split('/')));
    let mut unit_rank = vec![0u32; org.units.len()];
    for (rank, &u) in units.iter().enumerate() {
        unit_rank[u] = rank as u32;
    }
    let ids = IdOrder::new(&org.people);
    let unit_key = |p: usize| {
        org.people
            .unit(p)
            .map_or(u32::MAX, |u| unit_rank[u as usize])
    };
    // The people in scope in the list's order: walked in it, each person's
    // pairs come out in order (the skills asked are in catalogue order),
    // and the half million pairs of a large organisation are never sorted.
    let mut people: Vec<(u32, u32)> = (0..org.people.len())
        .filter(|&p| in_scope(p))
        .map(|p| (unit_key(p), ids.rank(p)))
        .collect();
    people.sort_unstable();
    // Done (r3) and expiring pairs, where nothing asked already makes them
    // due (done before expiring): few, sorted into the same order.
    let mut place = vec![u32::MAX; org.people.len()];
    for (i, &(_, rank)) in people.iter().enumerate() {
        place[ids.person(rank)] = i as u32;
    }
    // Sorted in the list's order (not person order) for the search below.
    let mut extra: Vec<(u32, usize, DueReason)> = asked
        .done
        .iter()
        .filter(|&&(p, _)| in_scope(p))
        .map(|&(p, s)| (place[p], s, DueReason::Done))
        .collect();
    extra.sort_unstable_by_key(|&(i, s, _)| (i, s));
    let mut expiring: Vec<(u32, usize, DueReason)> = org
        .matrix
        .expiry_dates()
        .filter(|&(p, _, e)| e >= org.as_of && e <= until && in_scope(p))
        .map(|(p, s, _)| (place[p], s, DueReason::Expiring))
        .collect();
    expiring.sort_unstable_by_key(|&(i, s, _)| (i, s));
    // Expiring pairs already done are left out.
    expiring.retain(|&(i, s, _)| {
        extra
            .binary_search_by_key(&(i, s), |&(i, s, _)| (i, s))
            .is_err()
    });
    extra.extend(expiring);
    extra.sort_unstable_by_key(|&(i, s, _)| (i, s));
    let mut extra = extra.as_slice();
    let skills = org.skills.iter().map(|s| s.id.clone()).collect();
    let mut list = DueList::new(skills);
    let mut items: Vec<DueItem> = Vec::new();
    for (i, &(_, rank)) in people.iter().enumerate() {
        let p = ids.person(rank);
        items.clear();
        let item = |skill: usize, reason| DueItem {
            skill: skill as u32,
            reason,
            assessed: org.matrix.assessed(p, skill).date(),
            expires: org.matrix.expires(p, skill),
        };
        let mine = extra.partition_point(|&(at, ..)| at as usize == i);
        let (mut more, rest) = extra.split_at(mine);
        extra = rest;
        for &(skill, _) in asked.of(p) {
            let assessed = org.matrix.assessed(p, skill);
            let reason = if assessed == PackedDate::NONE {
                DueReason::Missing
            } else if org.matrix.is_stale(&rule, p, skill, assessed) {
                DueReason::Stale
            } else {
                continue;
            };
            // What asked makes due is due for that, whatever else holds.
            while let Some((&(_, s, why), after)) = more.split_first()
                && s <= skill
            {
                if s < skill {
                    items.push(item(s, why));
                }
                more = after;
            }
            items.push(item(skill, reason));
        }
        items.extend(more.iter().map(|&(_, s, why)| item(s, why)));
        let unit = org.people.unit(p).map(|u| org.units[u as usize].as_str());
        list.push(org.people.id(p), org.people.name(p), unit, items.drain(..));
    }
    list
}
