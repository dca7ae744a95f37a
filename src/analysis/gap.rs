//! The organisation perspective: every need evaluated against the current
//! levels (FORMAT.md "Semantics": scope, have, shortfall, coverage,
//! development candidates, recruit, effort, priority order).
//!
//! Each need scans one skill's column of the level matrix over the people,
//! so the cost is needs x people, never needs x assessment rows.

use std::cmp::Ordering;

use crate::model::{Level, Organisation, PackedDate, Priority};
use crate::report::{Development, Freshness, GapReport, GapTotals, NeedGap};

/// Which needs a report shows.
#[derive(Debug, Clone, Default)]
pub struct GapFilter {
    /// Only needs scoped to this unit or a unit below it.
    pub unit: Option<String>,
    /// Only needs at this priority or a more urgent one.
    pub priority: Option<Priority>,
}

impl GapFilter {
    fn keeps(&self, unit: Option<&str>, priority: Priority) -> bool {
        let unit_ok = match (&self.unit, unit) {
            (None, _) => true,
            (Some(scope), Some(unit)) => crate::model::unit_within(unit, scope),
            (Some(_), None) => false,
        };
        unit_ok && self.priority.is_none_or(|p| priority.at_least(p))
    }
}

/// Evaluates every need (that the filter keeps) and totals them. Needs are
/// independent, so they are spread over the available cores.
pub fn gap_report(org: &Organisation, filter: &GapFilter) -> GapReport {
    let kept: Vec<usize> = (0..org.needs.len())
        .filter(|&i| filter.keeps(org.needs[i].unit.as_deref(), org.needs[i].priority))
        .collect();
    let people = PeopleColumns::new(org);
    let mut needs: Vec<NeedGap> = parallel_map(&kept, |&i| evaluate(org, &people, i));
    needs.sort_by(report_order);
    let totals = totals(org, &needs);
    GapReport {
        organisation: org.name.clone(),
        as_of: org.as_of,
        mix: org.policy.mix,
        needs,
        totals,
        freshness: freshness(org),
        levels: org.scale.levels.clone(),
    }
}

/// Priority, then shortfall descending, then need id in byte order.
fn report_order(a: &NeedGap, b: &NeedGap) -> Ordering {
    a.priority
        .cmp(&b.priority)
        .then(b.shortfall.cmp(&a.shortfall))
        .then_with(|| a.id.as_bytes().cmp(b.id.as_bytes()))
}

/// A development candidate: steps to go, interest, person index.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    steps: Level,
    interest: bool,
    person: usize,
}

/// Each person's unit and role as plain numbers (`NONE` for none), laid out
/// for the per-need scan.
pub struct PeopleColumns {
    unit: Vec<u32>,
    role: Vec<u32>,
}

const NONE: u32 = u32::MAX;

impl PeopleColumns {
    pub fn new(org: &Organisation) -> Self {
        PeopleColumns {
            unit: org.people.iter().map(|p| p.unit.unwrap_or(NONE)).collect(),
            role: org.people.iter().map(|p| p.role.unwrap_or(NONE)).collect(),
        }
    }
}

/// Maps `items` in order, on as many threads as there are cores (one
/// contiguous chunk each), when there is enough work to pay for them.
pub fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads < 2 || items.len() < 2 {
        return items.iter().map(&f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(|| part.iter().map(&f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// Evaluates need `index` of the organisation.
pub fn evaluate_need(org: &Organisation, index: usize) -> NeedGap {
    evaluate(org, &PeopleColumns::new(org), index)
}

fn evaluate(org: &Organisation, people: &PeopleColumns, index: usize) -> NeedGap {
    let need = &org.needs[index];
    // Units are few; which of them are in scope is decided once per need.
    let within_unit = need.unit.as_deref().map(|u| org.units_within(u));
    let role = need.role.map_or(NONE, |r| r as u32);
    let levels = org.matrix.skill_levels(need.skill);
    let base = org.matrix.cell(0, need.skill);
    let lowest = need.level.saturating_sub(org.policy.max_steps);
    let mut have = 0u32;
    let mut candidates = Vec::new();
    for (p, &level) in levels.iter().enumerate() {
        if let Some(within) = &within_unit {
            let unit = people.unit[p];
            if unit == NONE || !within[unit as usize] {
                continue;
            }
        }
        if role != NONE && people.role[p] != role {
            continue;
        }
        if level >= need.level {
            have += 1;
        } else if level >= lowest {
            candidates.push(Candidate {
                steps: need.level - level,
                interest: org.matrix.interest[base + p],
                person: p,
            });
        }
    }
    let shortfall = need.count.saturating_sub(have);
    let chosen = choose_candidates(org, candidates, shortfall as usize);
    let hours_per_level = org.hours_per_level(need.skill) as u64;
    let develop: Vec<Development> = chosen
        .iter()
        .map(|c| Development {
            person: org.people[c.person].id.clone(),
            from: need.level - c.steps,
            to: need.level,
            hours: c.steps as u64 * hours_per_level,
        })
        .collect();
    let effort_hours: u64 = develop.iter().map(|d| d.hours).sum();
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
        coverage: have.min(need.count) as f64 / need.count as f64,
        priority: need.priority,
        by: need.by,
        driver: need.driver.map(|d| org.drivers[d].id.clone()),
        recruit: shortfall - develop.len() as u32,
        develop,
        effort: org.policy.mix.split(effort_hours),
        skill_name: skill.name.clone(),
    }
}

/// The first `wanted` candidates by steps ascending, interest first, then
/// person id in byte order.
fn choose_candidates(
    org: &Organisation,
    mut candidates: Vec<Candidate>,
    wanted: usize,
) -> Vec<Candidate> {
    if wanted == 0 {
        return Vec::new();
    }
    let order = |a: &Candidate, b: &Candidate| {
        a.steps
            .cmp(&b.steps)
            .then(b.interest.cmp(&a.interest))
            .then_with(|| {
                org.people[a.person]
                    .id
                    .as_bytes()
                    .cmp(org.people[b.person].id.as_bytes())
            })
    };
    if candidates.len() > wanted {
        candidates.select_nth_unstable_by(wanted - 1, order);
        candidates.truncate(wanted);
    }
    candidates.sort_by(order);
    candidates
}

fn totals(org: &Organisation, needs: &[NeedGap]) -> GapTotals {
    let hours: u64 = needs.iter().map(|n| n.effort.total as u64).sum();
    GapTotals {
        needs: needs.len(),
        unmet: needs.iter().filter(|n| n.shortfall > 0).count(),
        shortfall: needs.iter().map(|n| n.shortfall as u64).sum(),
        develop: needs.iter().map(|n| n.develop.len()).sum(),
        recruit: needs.iter().map(|n| n.recruit as u64).sum(),
        effort: org.policy.mix.split(hours),
    }
}

/// Counts current assessments that are stale or undated, and expired rows.
pub fn freshness(org: &Organisation) -> Freshness {
    let stale_before = PackedDate::new(org.stale_before());
    let mut f = Freshness {
        expired: org.expired.len(),
        stale_before: Some(org.stale_before()),
        max_age_months: org.policy.max_age_months,
        ..Freshness::default()
    };
    for &d in &org.matrix.assessed {
        if d == PackedDate::NONE {
            continue;
        }
        f.assessed += 1;
        if d == PackedDate::UNDATED {
            f.undated += 1;
        } else if d < stale_before {
            f.stale += 1;
        }
    }
    f
}
