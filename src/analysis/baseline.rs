//! Baselines (FORMAT.md r2 "Baseline"): today's report against an earlier
//! one, matched by need id (`gap`) or skill id (`balance`). Pure: the
//! earlier report comes in already read (`load::baseline`), and the
//! comparison goes out as report values (`report::baseline`). The two
//! regression rules of `--fail-on-regression` are here, one function each.

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

use crate::model::Level;
use crate::report::baseline::{
    BalanceBaseline, BalanceComparison, EarlierBalance, EarlierGap, EarlierNeed, EarlierSkill,
    GapBaseline, GapComparison, NeedBaseline, NeedChange, SkillBaseline, SkillChange, ThenNow,
    Trend,
};
use crate::report::{BalanceReport, GapReport, NeedGap, SkillBalance};

/// Coverage is a ratio of small counts written in full by JSON: the same
/// ratio reads back equal. The tolerance only keeps a ratio of different
/// counts that is equal in exact arithmetic from counting as a change.
const COVERAGE_EPSILON: f64 = 1e-9;

/// The gap rule: a need in both reports fell behind when its coverage fell
/// or its shortfall grew.
pub fn need_regressed(then: &EarlierNeed, now: &NeedGap) -> bool {
    coverage_order(then, now) == Ordering::Less || now.shortfall > then.shortfall
}

/// Coverage now against then (FORMAT.md r3 "Baseline change"): the exact
/// fractions min(have, count) / count, compared by cross-multiplying, so a
/// decimal that read back one unit in the last place off (or was rounded
/// by another tool) is no change. A baseline without `count` (written
/// before it was recorded) falls back to the decimals, within a tolerance.
fn coverage_order(then: &EarlierNeed, now: &NeedGap) -> Ordering {
    match then.count {
        Some(count) if count > 0 && now.count > 0 => {
            let (a, b) = (u64::from(now.have.min(now.count)), u64::from(now.count));
            let (c, d) = (u64::from(then.have.min(count)), u64::from(count));
            (a * d).cmp(&(c * b))
        }
        _ if (now.coverage - then.coverage).abs() < COVERAGE_EPSILON => Ordering::Equal,
        _ => now.coverage.total_cmp(&then.coverage),
    }
}

/// The balance rule: the lowest level >= 1 at or above which fewer people
/// stand now than then (a cumulative count fell), if any. Level 0 is
/// everyone in scope, which a smaller unit or a leaver lowers without any
/// competence lost, so it is not a regression on its own.
pub fn skill_regressed(then: &[u64], now: &[u64]) -> Option<Level> {
    let top = then.len().max(now.len());
    // People at or above each level, by suffix sums: one pass each, not
    // one sum per level (issue 27, F6: a long histogram was quadratic).
    let at_or_above = |levels: &[u64]| {
        let mut sums = vec![0u64; top + 1];
        for level in (0..top).rev() {
            sums[level] = sums[level + 1].saturating_add(levels.get(level).copied().unwrap_or(0));
        }
        sums
    };
    let (now, then) = (at_or_above(now), at_or_above(then));
    (1..top)
        .find(|&level| now[level] < then[level])
        .and_then(|level| Level::try_from(level).ok())
}

fn delta(now: u64, then: u64) -> i64 {
    i64::try_from(now).unwrap_or(i64::MAX) - i64::try_from(then).unwrap_or(i64::MAX)
}

/// One need then and now.
fn need_baseline(then: &EarlierNeed, now: &NeedGap) -> NeedBaseline {
    let renew = u32::try_from(now.renew.len()).unwrap_or(u32::MAX);
    let order = coverage_order(then, now);
    let coverage = match order {
        Ordering::Equal => 0.0,
        _ => now.coverage - then.coverage,
    };
    let regression = need_regressed(then, now);
    let trend = if regression {
        Trend::Worse
    } else if now.shortfall < then.shortfall || order == Ordering::Greater {
        Trend::Better
    } else if now.have != then.have || renew != then.renew || order != Ordering::Equal {
        Trend::Changed
    } else {
        Trend::Unchanged
    };
    NeedBaseline {
        have: then.have,
        shortfall: then.shortfall,
        renew: then.renew,
        coverage: then.coverage,
        change: NeedChange {
            have: delta(now.have.into(), then.have.into()),
            shortfall: delta(now.shortfall.into(), then.shortfall.into()),
            renew: delta(renew.into(), then.renew.into()),
            coverage,
        },
        regression,
        trend,
    }
}

/// `gap --baseline`: each need of `now` against the need of the same id in
/// `then`, the needs new and removed, and the totals then and now.
pub fn compare_gap(then: &EarlierGap, now: GapReport) -> GapComparison {
    // The first of a repeated id wins, as in the file's own order.
    let mut earlier: HashMap<&str, &EarlierNeed> = HashMap::new();
    for need in &then.needs {
        earlier.entry(need.id.as_str()).or_insert(need);
    }
    let mut summary = GapBaseline {
        as_of: then.as_of.clone(),
        new: Vec::new(),
        removed: Vec::new(),
        shortfall: ThenNow {
            then: then.needs.iter().map(|n| u64::from(n.shortfall)).sum(),
            now: now.totals.shortfall,
        },
        closed: Vec::new(),
        opened: Vec::new(),
        regressions: Vec::new(),
    };
    let mut baselines = Vec::with_capacity(now.needs.len());
    for need in &now.needs {
        let Some(old) = earlier.get(need.id.as_str()) else {
            summary.new.push(need.id.clone());
            baselines.push(None);
            continue;
        };
        let baseline = need_baseline(old, need);
        if old.shortfall > 0 && need.shortfall == 0 {
            summary.closed.push(need.id.clone());
        }
        if old.shortfall == 0 && need.shortfall > 0 {
            summary.opened.push(need.id.clone());
        }
        if baseline.regression {
            summary.regressions.push(need.id.clone());
        }
        baselines.push(Some(baseline));
    }
    let current: HashSet<&str> = now.needs.iter().map(|n| n.id.as_str()).collect();
    let mut seen = HashSet::new();
    summary.removed = then
        .needs
        .iter()
        .filter(|n| !current.contains(n.id.as_str()) && seen.insert(n.id.as_str()))
        .cloned()
        .collect();
    GapComparison {
        now,
        baselines,
        summary,
    }
}

/// One skill then and now.
fn skill_baseline(then: &EarlierSkill, now: &SkillBalance) -> SkillBaseline {
    let top = then.levels.len().max(now.levels.len());
    let at = |levels: &[u64], i: usize| levels.get(i).copied().unwrap_or(0);
    SkillBaseline {
        levels: then.levels.clone(),
        people: then.people,
        assessed: then.assessed,
        change: SkillChange {
            levels: (0..top)
                .map(|i| delta(at(&now.levels, i), at(&then.levels, i)))
                .collect(),
            people: delta(now.people, then.people),
            assessed: delta(now.assessed, then.assessed),
        },
        regression: skill_regressed(&then.levels, &now.levels),
    }
}

/// `balance --baseline`: each skill of `now` against the skill of the same
/// id in `then`, and the skills new and removed.
pub fn compare_balance(then: &EarlierBalance, now: BalanceReport) -> BalanceComparison {
    let mut earlier: HashMap<&str, &EarlierSkill> = HashMap::new();
    for skill in &then.skills {
        earlier.entry(skill.skill.as_str()).or_insert(skill);
    }
    let mut summary = BalanceBaseline {
        as_of: then.as_of.clone(),
        new: Vec::new(),
        removed: Vec::new(),
        regressions: Vec::new(),
    };
    let mut baselines = Vec::with_capacity(now.skills.len());
    for skill in &now.skills {
        let Some(old) = earlier.get(skill.skill.as_str()) else {
            summary.new.push(skill.skill.clone());
            baselines.push(None);
            continue;
        };
        let baseline = skill_baseline(old, skill);
        if baseline.regression.is_some() {
            summary.regressions.push(skill.skill.clone());
        }
        baselines.push(Some(baseline));
    }
    let current: HashSet<&str> = now.skills.iter().map(|s| s.skill.as_str()).collect();
    let mut seen = HashSet::new();
    summary.removed = then
        .skills
        .iter()
        .filter(|s| !current.contains(s.skill.as_str()) && seen.insert(s.skill.as_str()))
        .cloned()
        .collect();
    BalanceComparison {
        now,
        baselines,
        summary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cumulative_count_that_falls_is_a_regression() {
        // Then 0:1 1:2 2:2 3:1 -> at or above 1, 2, 3: 5, 3, 1.
        // Now one moved from 3 to 2: at or above 3 falls 1 -> 0.
        assert_eq!(skill_regressed(&[1, 2, 2, 1], &[1, 2, 3, 0]), Some(3));
        // One moved up from 1 to 2: no count at or above any level falls.
        assert_eq!(skill_regressed(&[1, 2, 2, 1], &[1, 1, 3, 1]), None);
        // Fewer people at level 0 only (someone unassessed left): not one.
        assert_eq!(skill_regressed(&[3, 2, 2, 1], &[1, 2, 2, 1]), None);
        // A shorter scale now: its missing levels hold nobody.
        assert_eq!(skill_regressed(&[0, 1, 1], &[0, 2]), Some(2));
    }
}
