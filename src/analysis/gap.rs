//! The organisation perspective: every need evaluated against the current
//! levels. FORMAT.md rules held here, in `evaluate` (one need, read top to
//! bottom): "Have" (its loop), "Shortfall" and "Coverage" (functions of
//! those names), recruit, and a need's "Effort" (sum of its develop list);
//! "Development candidates" and their order ([`Candidate`], first
//! `shortfall` of them by `first_candidates`); "Priority order" of the
//! report (`report_order`). Scope is `Need::scope` in the model.
//!
//! Each need scans one skill's column of the level matrix over the people,
//! so the cost is needs x people, never needs x assessment rows.

use std::cmp::{Ordering, Reverse};

use rayon::prelude::*;

use crate::analysis::goals::Goals;
use crate::analysis::schedule::late_counts;
use crate::analysis::{IdOrder, LISTED};
use crate::model::people::Codes;
use crate::model::{
    Cell, Date, Level, MixedHours, Money, Need, Organisation, PackedDate, Priority,
};
use crate::report::{
    DevelopOrRecruit, Development, Elsewhere, Freshness, GapGroup, GapGroupsReport, GapReport,
    GapTotals, Measures, NeedGap, Renewal,
};

/// Which needs a report shows.
#[derive(Debug, Clone, Default)]
pub struct GapFilter {
    /// Only needs scoped to this unit or a unit below it.
    pub unit: Option<String>,
    /// Only needs at this priority or a more urgent one.
    pub priority: Option<Priority>,
}

impl GapFilter {
    pub fn keeps(&self, unit: Option<&str>, priority: Priority) -> bool {
        let unit_ok = crate::analysis::need_in_unit(unit, self.unit.as_deref());
        unit_ok && self.priority.is_none_or(|p| priority.at_least(p))
    }
}

/// Evaluates every need (that the filter keeps) and totals them; when plans
/// are scheduled (FORMAT.md r2 "Capacity"), counts each need's late people
/// from everyone's schedule.
pub fn gap_report(org: &Organisation, filter: &GapFilter) -> GapReport {
    let mut report = needs_report(org, filter);
    if org.schedules() {
        // Every goal competes for a person's hours, whatever the filter shows.
        let slots = if filter.unit.is_none() && filter.priority.is_none() {
            Goals::new(org, &report, &|_| true).slots()
        } else {
            let all = needs_report(org, &GapFilter::default());
            Goals::new(org, &all, &|_| true).slots()
        };
        count_late(org, &mut report, &slots);
    }
    report
}

/// The unfiltered [`gap_report`] from its needs and everyone's goals, which
/// the caller has for other reports too (`report`'s overview).
pub fn gap_report_of(org: &Organisation, needs: &GapReport, goals: &Goals) -> GapReport {
    let mut report = needs.clone();
    if org.schedules() {
        count_late(org, &mut report, &goals.slots());
    }
    report
}

/// A need's late people and the costs booked by the schedule's years.
fn count_late(org: &Organisation, report: &mut GapReport, slots: &crate::analysis::budget::Slots) {
    late_counts(org, report, slots);
    crate::analysis::budget::book_needs(org, report, Some(slots));
}

/// [`gap_report`] without the `late` counts (all 0), which need the plans.
/// Needs are independent, so they are spread over the available cores.
pub fn needs_report(org: &Organisation, filter: &GapFilter) -> GapReport {
    let kept: Vec<usize> = (0..org.needs.len())
        .filter(|&i| filter.keeps(org.needs[i].unit.as_deref(), org.needs[i].priority))
        .collect();
    let shared = Shared::new(org);
    let mut needs: Vec<NeedGap> = kept
        .par_iter()
        .map(|&i| evaluate(org, &shared, i))
        .collect();
    needs.sort_by(report_order);
    let mut totals = totals(org, &needs);
    totals.done = org.log.is_some().then(|| done_of_needs(org, &needs));
    let mut report = GapReport {
        organisation: org.name.clone(),
        as_of: org.as_of,
        mix: org.policy.mix,
        needs,
        totals,
        freshness: freshness(org),
        levels: org.scale.levels.clone(),
        scheduled: org.schedules(),
        ks: org.policy.cost.is_some() || org.skills.iter().any(|s| s.phase_out),
    };
    crate::analysis::budget::book_needs(org, &mut report, None);
    report
}

/// Priority, then shortfall descending, then need id in byte order.
fn report_order(a: &NeedGap, b: &NeedGap) -> Ordering {
    a.priority
        .cmp(&b.priority)
        .then(b.shortfall.cmp(&a.shortfall))
        .then_with(|| a.id.as_bytes().cmp(b.id.as_bytes()))
}

/// What every need's evaluation shares, worked out once a report.
struct Shared {
    ids: IdOrder,
    /// Some person has a first or last day (FORMAT.md r2 "Scope").
    dated: bool,
    /// The people of each unit, in person order: a need scoped to a unit
    /// visits only the people of the units within it.
    members: Vec<Vec<u32>>,
    /// The people of each role, in person order: a need for a role in the
    /// whole organisation visits only them.
    holders: Vec<Vec<u32>>,
    /// For each skill of a need of the whole organisation, how many people
    /// hold each level (index: the level); empty for other skills, and
    /// for all when someone has a first or last day (see [`pass_everyone`]).
    levels: Vec<Vec<u32>>,
}

impl Shared {
    fn new(org: &Organisation) -> Shared {
        Shared {
            ids: IdOrder::new(&org.people),
            dated: org.people.any_dates(),
            members: groups(org.people.units(), org.units.len()),
            holders: groups(org.people.roles(), org.roles.len()),
            levels: levels(org),
        }
    }
}

/// How many people hold each level of each skill a need of the whole
/// organisation names (the unassessed at 0), on all cores; none when some
/// person has a first or last day, since then who counts depends on the
/// need's horizon.
fn levels(org: &Organisation) -> Vec<Vec<u32>> {
    if org.people.any_dates() {
        return Vec::new();
    }
    (0..org.skills.len())
        .into_par_iter()
        .map(|skill| {
            let wanted = org
                .needs
                .iter()
                .any(|n| n.skill == skill && n.unit.is_none() && n.role.is_none());
            if !wanted {
                return Vec::new();
            }
            let mut counts = vec![0u32; usize::from(Level::MAX) + 1];
            for cell in org.matrix.cells(skill) {
                counts[usize::from(cell.level())] += 1;
            }
            counts
        })
        .collect()
}

/// The people of each of `groups` groups (`NONE` in none), in person
/// order. Counted first: each list is made at its size once (grown by
/// doubling, 6.25M people left a heap of freed lists behind).
fn groups(of: &Codes, groups: usize) -> Vec<Vec<u32>> {
    let mut sizes = vec![0usize; groups];
    for group in of.iter() {
        if let Some(size) = sizes.get_mut(group as usize) {
            *size += 1;
        }
    }
    let mut lists: Vec<Vec<u32>> = sizes.into_iter().map(Vec::with_capacity).collect();
    for (p, group) in of.iter().enumerate() {
        if let Some(list) = lists.get_mut(group as usize) {
            list.push(p as u32);
        }
    }
    lists
}

/// What one pass over a need's scope finds (FORMAT.md "Have", "Renew" and
/// "Development candidates").
struct Pass {
    have: u32,
    leaving: u32,
    arriving: u32,
    renewals: Smallest<Expiring>,
    candidates: Smallest<Candidate>,
}

impl Pass {
    fn new() -> Pass {
        Pass {
            have: 0,
            leaving: 0,
            arriving: 0,
            renewals: Smallest::new(),
            candidates: Smallest::new(),
        }
    }
}

/// The first `keep` items in their order among any number pushed, held in
/// at most twice that (and at least a thousand): a need chooses at most
/// `count` of its expiring holders and candidates, so an organisation-wide
/// need over 6.25 million people does not hold millions of candidates
/// (issue 28: 100 MiB at 100M rows). Items are unique (they hold a
/// person's rank), so the first `keep` are the same whenever they are cut.
///
/// `keep` may shrink from one push to the next (never grow): a need takes
/// at most its shortfall, `count - have`, and `have` grows as its holders
/// are met. After a cut, `bound` is the last of those kept: an item after
/// it cannot be among the first `keep` and is turned away with one
/// comparison. People are mostly met in id order, so after the first cut
/// nearly every later one is. (At 100M rows, needs for millions of people
/// with shortfalls of a few thousand held all their candidates to the
/// end: 76 million in all.)
struct Smallest<T> {
    items: Vec<T>,
    bound: Option<T>,
}

impl<T: Ord + Copy> Smallest<T> {
    fn new() -> Self {
        Smallest {
            items: Vec::new(),
            bound: None,
        }
    }

    #[inline]
    fn push(&mut self, item: T, keep: usize) {
        if keep == 0 || self.bound.is_some_and(|bound| item > bound) {
            return;
        }
        self.items.push(item);
        if self.items.len() >= (2 * keep).max(1024) {
            let (_, last, _) = self.items.select_nth_unstable(keep - 1);
            self.bound = Some(*last);
            self.items.truncate(keep);
        }
    }
}

fn evaluate(org: &Organisation, shared: &Shared, index: usize) -> NeedGap {
    let people = &org.people;
    let ids = &shared.ids;
    let need = &org.needs[index];
    let scope = need.scope(org);
    let lowest = need.level.saturating_sub(org.policy.max_steps);
    let horizon = horizon(need.by, org.as_of);
    // Holders whose chosen assessment expires before H, in person order.
    let expiring: Vec<(usize, Date)> = org.matrix.expiring(need.skill, horizon).collect();
    // FORMAT.md "Have", "Renew" and "Development candidates".
    let pass = if !shared.dated && need.unit.is_none() && need.role.is_none() {
        pass_everyone(org, shared, need, lowest, &expiring)
    } else {
        pass_in_scope(org, shared, need, lowest, horizon, &expiring)
    };
    let Pass {
        have,
        leaving,
        arriving,
        renewals,
        candidates,
    } = pass;
    let shortfall = shortfall(need.count, have);
    let renewals = first_candidates(renewals.items, shortfall as usize);
    let chosen = first_candidates(candidates.items, shortfall as usize - renewals.len());
    let mix = org.mix_of(need.skill);
    let mut hours = MixedHours::default();
    let renew: Vec<Renewal> = renewals
        .iter()
        .map(|r| {
            let p = ids.person(r.id);
            let h = org.renew_hours(need.skill);
            hours.add(mix, h);
            Renewal {
                person: people.id(p).to_string(),
                level: org.matrix.level(p, need.skill),
                expires: r.expires,
                hours: h,
                name: people.name(p).map(str::to_string),
                cost: org.goal_cost(p, need.skill, h, 0, true),
            }
        })
        .collect();
    let develop: Vec<Development> = chosen
        .iter()
        .map(|c| {
            let (p, from) = (ids.person(c.id), need.level - c.steps);
            let h = org.development_hours(need.skill, from, need.level);
            hours.add(mix, h);
            Development {
                person: people.id(p).to_string(),
                from,
                to: need.level,
                hours: h,
                name: people.name(p).map(str::to_string),
                cost: org.goal_cost(p, need.skill, h, c.steps, false),
            }
        })
        .collect();
    let recruit = shortfall - (renew.len() + develop.len()) as u32;
    let elsewhere = if recruit == 0 {
        Vec::new()
    } else {
        // FORMAT.md r3 "Elsewhere": present at H outside the scope, at or
        // above the level, not expiring before H; looked for only when
        // someone is to be recruited.
        let mut outside = Vec::new();
        for (p, cell) in org.matrix.cells(need.skill).enumerate() {
            if !scope.matches(p)
                && cell.level() >= need.level
                && expiry(&expiring, p).is_none()
                && (!shared.dated || people.present(p, horizon))
            {
                outside.push((Reverse(cell.level()), ids.rank(p)));
            }
        }
        elsewhere_list(org, ids, outside)
    };
    let surplus = have.saturating_sub(need.count);
    let measures = ks_measures(have, need.count, &renew, &develop, recruit, &elsewhere);
    let cost = org.policy.cost.as_ref().map(|rates| {
        let goals: Money = renew.iter().filter_map(|r| r.cost).sum::<Money>()
            + develop.iter().filter_map(|d| d.cost).sum::<Money>();
        goals + rates.recruitments(recruit.into())
    });
    let develop_or_recruit = org.policy.cost.as_ref().map(|rates| DevelopOrRecruit {
        develop_cost: develop.iter().filter_map(|d| d.cost).sum(),
        recruit_cost: rates.recruitments(develop.len() as u64),
        in_time: None,
    });
    let skill = &org.skills[need.skill];
    NeedGap {
        id: need.id.clone(),
        skill: skill.id.clone(),
        unit: need.unit.clone(),
        role: need.role.map(|r| org.roles[r].id.clone()),
        level: need.level,
        count: need.count,
        have,
        shortfall,
        // A need asks for at least one person (FORMAT.md): never None.
        coverage: coverage(have.into(), need.count.into())
            .share()
            .unwrap_or(1.0),
        priority: need.priority,
        by: need.by,
        horizon,
        driver: need.driver.map(|d| org.drivers[d].id.clone()),
        recruit,
        renew,
        develop,
        late: 0,
        leaving,
        arriving,
        effort: hours.effort(),
        surplus,
        elsewhere,
        measures,
        cost,
        develop_or_recruit,
        skill_name: skill.name.clone(),
        hours,
    }
}

/// FORMAT.md "Have", "Renew" and "Development candidates" in one pass
/// over the people in the need's scope; the order they are met in does
/// not matter, since the lists are ordered by their keys (ids among them).
/// `expiring`: the skill's holders expiring before the horizon, in person
/// order.
fn pass_in_scope(
    org: &Organisation,
    shared: &Shared,
    need: &Need,
    lowest: Level,
    horizon: Date,
    expiring: &[(usize, Date)],
) -> Pass {
    let (people, ids) = (&org.people, &shared.ids);
    let scope = need.scope(org);
    let expires = |p: usize| expiry(expiring, p);
    // FORMAT.md r2 "Scope": among the people present at H; who is there at
    // D but gone by H is leaving, who starts after D and by H arriving.
    let dated = shared.dated;
    let mut pass = Pass::new();
    let mut visit = |p: usize, cell: Cell| {
        if dated {
            let (now, then) = (people.present(p, org.as_of), people.present(p, horizon));
            pass.leaving += u32::from(now && !then);
            pass.arriving += u32::from(!now && then);
            if !then {
                return;
            }
        }
        let level = cell.level();
        // At most the shortfall is chosen: `have` only grows.
        let keep = |have: u32| need.count.saturating_sub(have) as usize;
        if level >= need.level {
            match expires(p) {
                Some(expires) => pass.renewals.push(
                    Expiring {
                        expires,
                        id: ids.rank(p),
                    },
                    keep(pass.have),
                ),
                None => pass.have += 1,
            }
        } else if level >= lowest {
            pass.candidates.push(
                Candidate {
                    steps: need.level - level,
                    interest: Reverse(cell.interest()),
                    id: ids.rank(p),
                },
                keep(pass.have),
            );
        }
    };
    match &need.unit {
        Some(_) => {
            let within = org.units_within(need.unit.as_deref().unwrap_or_default());
            for (unit, members) in shared.members.iter().enumerate() {
                if !within[unit] {
                    continue;
                }
                // In a unit within: only the role is left to check.
                for &p in members {
                    let p = p as usize;
                    if need.role.is_none_or(|r| people.role(p) == Some(r as u32)) {
                        visit(p, org.matrix.cell(p, need.skill));
                    }
                }
            }
        }
        None if need.role.is_some_and(|r| r < shared.holders.len()) => {
            // Everyone with the role is in scope.
            for &p in &shared.holders[need.role.unwrap_or_default()] {
                let p = p as usize;
                visit(p, org.matrix.cell(p, need.skill));
            }
        }
        None => {
            for (p, cell) in org.matrix.cells(need.skill).enumerate() {
                if scope.matches(p) {
                    visit(p, cell);
                }
            }
        }
    }
    pass
}

/// When the holder `p`'s chosen assessment expires, if before the
/// horizon (`expiring`: in person order).
fn expiry(expiring: &[(usize, Date)], p: usize) -> Option<Date> {
    if expiring.is_empty() {
        return None;
    }
    expiring
        .binary_search_by_key(&p, |&(q, _)| q)
        .ok()
        .map(|i| expiring[i].1)
}

/// [`pass_in_scope`] for a need of the whole organisation when no one has
/// a first or last day, without a pass where none is needed: `have` is the
/// holders at or above the level (`Shared::levels`) less those expiring
/// before the horizon, and the candidates are looked for only when the
/// renewals do not fill the shortfall, and only for as many as are
/// missing. With people in id order, the look ends once that many of the
/// first candidates (one step below, interested) are found: no later
/// person comes before them. (At 100M rows the 28 such needs visited 6.25
/// million people each, two thirds of the needs' time.)
fn pass_everyone(
    org: &Organisation,
    shared: &Shared,
    need: &Need,
    lowest: Level,
    expiring: &[(usize, Date)],
) -> Pass {
    let ids = &shared.ids;
    let mut pass = Pass::new();
    let at_level: u32 = shared.levels[need.skill][need.level as usize..]
        .iter()
        .sum();
    let mut renewing = 0u32;
    for &(p, expires) in expiring {
        if org.matrix.cell(p, need.skill).level() >= need.level {
            renewing += 1;
            let id = ids.rank(p);
            pass.renewals
                .push(Expiring { expires, id }, need.count as usize);
        }
    }
    pass.have = at_level - renewing;
    let wanted = shortfall(need.count, pass.have).saturating_sub(renewing) as usize;
    if wanted == 0 {
        return pass;
    }
    let in_order = ids.in_person_order();
    let mut first = 0usize;
    for (p, cell) in org.matrix.cells(need.skill).enumerate() {
        let level = cell.level();
        if level >= need.level || level < lowest {
            continue;
        }
        let interest = cell.interest();
        let id = ids.rank(p);
        let steps = need.level - level;
        pass.candidates.push(
            Candidate {
                steps,
                interest: Reverse(interest),
                id,
            },
            wanted,
        );
        if in_order && steps == 1 && interest {
            first += 1;
            if first == wanted {
                break;
            }
        }
    }
    pass
}

/// FORMAT.md r3 "Elsewhere": for a need with a recruit, the holders found
/// outside its scope (`outside`: level reversed and id rank, so that their
/// order is FORMAT's: level descending, then person id); none without one.
fn elsewhere_list(
    org: &Organisation,
    ids: &IdOrder,
    mut outside: Vec<(Reverse<Level>, u32)>,
) -> Vec<Elsewhere> {
    outside.sort_unstable();
    outside
        .into_iter()
        .map(|(Reverse(level), rank)| {
            let p = ids.person(rank);
            Elsewhere {
                person: org.people.id(p).to_string(),
                unit: org.people.unit(p).map(|u| org.units[u as usize].clone()),
                level,
                name: org.people.name(p).map(str::to_string),
            }
        })
        .collect()
}

/// FORMAT.md r3 "KS measures" of one need: *beholde* = min(have, count)
/// when there is no surplus (every holder is needed), else 0; *utvikle* =
/// renew + develop; *mobilisere* = min(recruit, elsewhere); *rekruttere* =
/// recruit - mobilisere.
fn ks_measures(
    have: u32,
    count: u32,
    renew: &[Renewal],
    develop: &[Development],
    recruit: u32,
    elsewhere: &[Elsewhere],
) -> Measures {
    let surplus = have.saturating_sub(count);
    let mobilisere = u64::from(recruit).min(elsewhere.len() as u64);
    Measures {
        beholde: if surplus == 0 {
            u64::from(have.min(count))
        } else {
            0
        },
        utvikle: (renew.len() + develop.len()) as u64,
        mobilisere,
        rekruttere: u64::from(recruit) - mobilisere,
    }
}

/// FORMAT.md r2 "Scope" for one person: in the need's unit and role and
/// present at its horizon (what `evaluate` asks of each person in its pass).
pub fn in_scope(org: &Organisation, index: usize, person: usize) -> bool {
    let need = &org.needs[index];
    need.scope(org)
        .at(horizon(need.by, org.as_of))
        .contains(person)
}

/// FORMAT.md "Have" for one person: in scope, at or above the need's
/// level, and not expiring before its horizon. The personal page asks it;
/// a test checks that it counts every need's `have` as `evaluate` does.
pub fn counts(org: &Organisation, index: usize, person: usize) -> bool {
    let need = &org.needs[index];
    let horizon = horizon(need.by, org.as_of);
    in_scope(org, index, person)
        && org.matrix.level(person, need.skill) >= need.level
        && org
            .matrix
            .expires(person, need.skill)
            .is_none_or(|expires| expires >= horizon)
}

/// FORMAT.md r2 "Horizon" H of a need: its `by` date when that is after D,
/// else D.
pub fn horizon(by: Option<Date>, as_of: Date) -> Date {
    by.filter(|&by| by > as_of).unwrap_or(as_of)
}

/// FORMAT.md "Shortfall": max(0, count - have).
fn shortfall(count: u32, have: u32) -> u32 {
    count.saturating_sub(have)
}

/// FORMAT.md "Coverage" = min(have, count) / count, kept as its two counts
/// so that coverages add up (a group of needs, a cell of the coverage map:
/// the sum of min(have, count) over the sum of counts) and subtract exactly
/// (progress). The one place the formula is written: every coverage of
/// every report is made by [`coverage`] and read with [`Coverage::share`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Coverage {
    /// min(have, count), summed over what was added up.
    covered: u64,
    /// count, summed likewise.
    demand: u64,
}

/// The coverage of a demand for `count` people by the `have` who meet it.
pub fn coverage(have: u64, count: u64) -> Coverage {
    Coverage {
        covered: have.min(count),
        demand: count,
    }
}

impl Coverage {
    /// min(have, count), summed over what was added up.
    pub fn covered(self) -> u64 {
        self.covered
    }

    /// count, summed likewise.
    pub fn demand(self) -> u64 {
        self.demand
    }

    /// The share covered, 0 to 1; None when nothing is asked for.
    pub fn share(self) -> Option<f64> {
        (self.demand > 0).then(|| self.covered as f64 / self.demand as f64)
    }

    /// `self.share() - then.share()` for the same demand, from the counts
    /// so that a third is 0.333..., not 0.33333333333333337; 0 when
    /// nothing is asked for.
    pub fn since(self, then: Coverage) -> f64 {
        if self.demand == 0 {
            return 0.0;
        }
        (self.covered as f64 - then.covered as f64) / self.demand as f64
    }
}

impl std::ops::Add for Coverage {
    type Output = Coverage;

    fn add(self, other: Coverage) -> Coverage {
        Coverage {
            covered: self.covered + other.covered,
            demand: self.demand + other.demand,
        }
    }
}

impl std::iter::Sum for Coverage {
    fn sum<I: Iterator<Item = Coverage>>(iter: I) -> Coverage {
        iter.fold(Coverage::default(), |a, b| a + b)
    }
}

/// A development candidate of a need, as FORMAT.md "Development candidates"
/// orders them: the derived order compares the fields top to bottom, so
/// fewer steps first, then interest yes first, then person id in plain byte
/// order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Candidate {
    /// level - L(p, s).
    pub steps: Level,
    /// Interest, reversed so that yes sorts first.
    pub interest: Reverse<bool>,
    /// The person's rank in [`IdOrder`] (plain byte order of ids).
    pub id: u32,
}

/// A holder expiring before the horizon, as FORMAT.md r2 "Renew" orders
/// them: `expires` ascending, then person id in plain byte order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Expiring {
    pub expires: Date,
    /// The person's rank in [`IdOrder`].
    pub id: u32,
}

/// The first `wanted` of `items` in their order: a need's develop list of
/// its candidates, or its renew list of its expiring holders.
fn first_candidates<T: Ord>(mut items: Vec<T>, wanted: usize) -> Vec<T> {
    if wanted == 0 {
        return Vec::new();
    }
    if items.len() > wanted {
        items.select_nth_unstable(wanted - 1);
        items.truncate(wanted);
    }
    items.sort_unstable();
    items
}

/// The needs added up; with `[cost]`, their cost too (its years are
/// `budget::book_needs`'s).
fn totals(org: &Organisation, needs: &[NeedGap]) -> GapTotals {
    let mut hours = MixedHours::default();
    for n in needs {
        hours.add_all(n.hours);
    }
    GapTotals {
        measures: needs.iter().map(|n| n.measures).sum(),
        cost: org
            .policy
            .cost
            .as_ref()
            .map(|_| needs.iter().filter_map(|n| n.cost).sum()),
        cost_by_year: None,
        currency: org.policy.cost.as_ref().map(|c| c.currency.clone()),
        needs: needs.len(),
        unmet: needs.iter().filter(|n| n.shortfall > 0).count(),
        shortfall: needs.iter().map(|n| n.shortfall as u64).sum(),
        renew: needs.iter().map(|n| n.renew.len()).sum(),
        develop: needs.iter().map(|n| n.develop.len()).sum(),
        recruit: needs.iter().map(|n| n.recruit as u64).sum(),
        effort: hours.effort(),
        done: None,
    }
}

/// FORMAT.md r3 "Hours done" of the needs' effort: each renew and develop
/// entry's logged hours, at most its own hours.
fn done_of_needs(org: &Organisation, needs: &[NeedGap]) -> f64 {
    let mut done = 0.0;
    for n in needs {
        let Some(s) = org.skill_index(&n.skill) else {
            continue;
        };
        let entries = n
            .renew
            .iter()
            .map(|r| (&r.person, r.hours))
            .chain(n.develop.iter().map(|d| (&d.person, d.hours)));
        for (person, hours) in entries {
            if let Some(p) = org.people.find(person) {
                done += org.done_hours(p, s).min(hours as f64);
            }
        }
    }
    done
}

/// An expired assessment as report rows show it.
pub fn expired_row(
    org: &Organisation,
    e: &crate::model::ExpiredAssessment,
) -> crate::report::ExpiredRow {
    crate::report::ExpiredRow {
        person: org.people.id(e.person).to_string(),
        name: org.people.name(e.person).map(str::to_string),
        skill: org.skills[e.skill].id.clone(),
        level: e.level,
        expires: e.expires,
        file: e.path.clone(),
        line: e.line,
    }
}

/// Counts current assessments that are stale or undated, and expired rows.
pub fn freshness(org: &Organisation) -> Freshness {
    let rule = org.freshness_rule();
    let mut f = Freshness {
        expired: org.expired.len(),
        expired_list: org
            .expired
            .iter()
            .take(LISTED)
            .map(|e| expired_row(org, e))
            .collect(),
        stale_before: Some(rule.stale_before),
        max_age_months: org.policy.max_age_months,
        ..Freshness::default()
    };
    // The matrix holds no expired assessment (the loader set them aside).
    // Skills are counted apart, on every core.
    let (assessed, undated, stale) = (0..org.matrix.skills)
        .into_par_iter()
        .map(|s| {
            let (mut assessed, mut undated, mut stale) = (0, 0, 0);
            for (p, _, d) in org.matrix.entries(s) {
                assessed += 1;
                if d == PackedDate::UNDATED {
                    undated += 1;
                } else if org.matrix.is_stale(&rule, p, s, d) {
                    stale += 1;
                }
            }
            (assessed, undated, stale)
        })
        .reduce(|| (0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2));
    f.assessed += assessed;
    f.undated += undated;
    f.stale += stale;
    f
}

/// How `gap --by unit|skill|driver` groups needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    Unit,
    Skill,
    Driver,
}

/// Adds the needs of a report up per unit, skill or driver (the strategy
/// view: which drivers are at risk). Groups come in unit-path, skill
/// catalogue or driver catalogue order; needs without a unit or driver last.
pub fn group_report(org: &Organisation, report: &GapReport, by: Grouping) -> GapGroupsReport {
    // (sort position, key, name) for a need's group.
    let group_of = |n: &NeedGap| -> (usize, Option<String>, Option<String>) {
        match by {
            Grouping::Unit => (0, n.unit.clone(), None),
            Grouping::Skill => {
                let s = org.skill_index(&n.skill).unwrap_or(usize::MAX);
                (s, Some(n.skill.clone()), Some(n.skill_name.clone()))
            }
            Grouping::Driver => match &n.driver {
                Some(d) => {
                    let i = org
                        .drivers
                        .iter()
                        .position(|x| &x.id == d)
                        .unwrap_or(usize::MAX - 1);
                    (
                        i,
                        Some(d.clone()),
                        org.drivers.get(i).map(|x| x.name.clone()),
                    )
                }
                None => (usize::MAX, None, None),
            },
        }
    };
    type Group<'a> = ((usize, Option<String>, Option<String>), Vec<&'a NeedGap>);
    let mut groups: Vec<Group> = Vec::new();
    for n in &report.needs {
        let g = group_of(n);
        match groups.iter_mut().find(|(k, _)| k.1 == g.1) {
            Some((_, list)) => list.push(n),
            None => groups.push((g, vec![n])),
        }
    }
    groups.sort_by(|a, b| match by {
        Grouping::Unit => (
            a.0.1.is_none(),
            a.0.1.as_deref().map(|u| u.split('/').collect::<Vec<_>>()),
        )
            .cmp(&(
                b.0.1.is_none(),
                b.0.1.as_deref().map(|u| u.split('/').collect::<Vec<_>>()),
            )),
        _ => a.0.0.cmp(&b.0.0),
    });
    let groups = groups
        .into_iter()
        .map(|((_, key, name), needs)| {
            let owned: Vec<NeedGap> = needs.iter().map(|n| (*n).clone()).collect();
            let t = totals(org, &owned);
            let covered: Coverage = needs
                .iter()
                .map(|n| coverage(n.have.into(), n.count.into()))
                .sum();
            GapGroup {
                key,
                name,
                needs: t.needs,
                unmet: t.unmet,
                // A group without needs lacks nothing.
                coverage: covered.share().unwrap_or(1.0),
                shortfall: t.shortfall,
                renew: t.renew,
                develop: t.develop,
                recruit: t.recruit,
                effort: t.effort,
                measures: t.measures,
                cost: t.cost,
                at_risk: needs
                    .iter()
                    .filter(|n| n.shortfall > 0)
                    .map(|n| n.priority)
                    .min(),
                suppressed: false,
            }
        })
        .collect();
    GapGroupsReport {
        organisation: report.organisation.clone(),
        as_of: report.as_of,
        mix: report.mix,
        by: match by {
            Grouping::Unit => "unit",
            Grouping::Skill => "skill",
            Grouping::Driver => "driver",
        }
        .to_string(),
        groups,
        totals: report.totals.clone(),
        ks: report.ks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Holding at most twice `keep` items, cut now and then, chooses the
    /// first `keep` of all of them, whatever the order they come in.
    #[test]
    fn smallest_keeps_the_first_of_everything_pushed() {
        for keep in [0usize, 1, 3, 511, 512, 513, 5_000] {
            // A fixed shuffle of 0..20,000 (7919 is coprime to it), then
            // in order and in reverse (the bound turns away everything
            // after the first cut, or nothing).
            let orders: [Vec<u32>; 3] = [
                (0..20_000u32).map(|i| i * 7919 % 20_000).collect(),
                (0..20_000u32).collect(),
                (0..20_000u32).rev().collect(),
            ];
            for all in orders {
                let mut smallest = Smallest::new();
                for &item in &all {
                    smallest.push(item, keep);
                    assert!(smallest.items.len() < (2 * keep).max(1024));
                }
                let want: Vec<u32> = (0..keep as u32).collect();
                assert_eq!(first_candidates(smallest.items, keep), want, "keep {keep}");
            }
        }
    }

    /// `keep` shrinking as holders are met (a need's shortfall) still
    /// chooses the first of everything pushed, for the last `keep`.
    #[test]
    fn smallest_with_a_shrinking_keep_keeps_the_first_for_the_last() {
        for order in [7919u32, 1, 19_999] {
            let all: Vec<u32> = (0..20_000u32).map(|i| i * order % 20_000).collect();
            let mut smallest = Smallest::new();
            let mut keep = 6_000usize;
            for (i, &item) in all.iter().enumerate() {
                // A holder met every third push, down to 40.
                if i % 3 == 0 && keep > 40 {
                    keep -= 1;
                }
                smallest.push(item, keep);
            }
            assert_eq!(keep, 40);
            let want: Vec<u32> = (0..40).collect();
            assert_eq!(
                first_candidates(smallest.items, keep),
                want,
                "order {order}"
            );
        }
    }

    #[test]
    fn coverage_adds_up_and_subtracts_exactly() {
        assert_eq!(coverage(3, 4).share(), Some(0.75));
        // More people than asked for cover it, no more.
        assert_eq!(coverage(9, 4).share(), Some(1.0));
        assert_eq!(coverage(0, 0).share(), None);
        // A group: the sum of min(have, count) over the sum of counts.
        let group: Coverage = [coverage(5, 1), coverage(0, 3)].into_iter().sum();
        assert_eq!(group.share(), Some(0.25));
        assert_eq!(coverage(2, 3).since(coverage(1, 3)), 1.0 / 3.0);
        assert_eq!(coverage(0, 0).since(coverage(0, 0)), 0.0);
    }
}
