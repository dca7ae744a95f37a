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

/// Evaluates every need (that the filter keeps) and totals them.
pub fn gap_report(org: &Organisation, filter: &GapFilter) -> GapReport {
    let mut needs: Vec<NeedGap> = org
        .needs
        .iter()
        .enumerate()
        .filter(|(_, n)| filter.keeps(n.unit.as_deref(), n.priority))
        .map(|(i, _)| evaluate_need(org, i))
        .collect();
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

/// Evaluates need `index` of the organisation.
pub fn evaluate_need(org: &Organisation, index: usize) -> NeedGap {
    let need = &org.needs[index];
    let within_unit = need.unit.as_deref().map(|u| org.units_within(u));
    let levels = org.matrix.skill_levels(need.skill);
    let base = org.matrix.cell(0, need.skill);
    let lowest = need.level.saturating_sub(org.policy.max_steps);
    let mut have = 0u32;
    let mut candidates = Vec::new();
    for (p, person) in org.people.iter().enumerate() {
        if let Some(within) = &within_unit
            && !person.unit.is_some_and(|u| within[u as usize])
        {
            continue;
        }
        if let Some(role) = need.role
            && person.role != Some(role as u32)
        {
            continue;
        }
        let level = levels[p];
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
