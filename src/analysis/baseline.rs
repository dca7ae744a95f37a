//! Baselines (FORMAT.md r2 "Baseline"): today's report against an earlier
//! one, matched by need id (`gap`) or skill id (`balance`). Pure: the
//! earlier report comes in already read (`load::baseline`), and the
//! comparison goes out as report values (`report::baseline`). The
//! regression rules of `--fail-on-regression` are here, one function each:
//! coverage fell or shortfall grew (`need_regressed`), a need redefined
//! under its id (`redefinitions`, issue 27 F8), and the gate that decides
//! which of them fail the run (`Gate`, issue 30).

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

use crate::analysis::gap::GapFilter;
use crate::model::{Level, Priority};
use crate::report::baseline::{
    BalanceBaseline, BalanceComparison, EarlierBalance, EarlierGap, EarlierNeed, EarlierSkill,
    GapBaseline, GapComparison, Gate, GateResult, NeedBaseline, NeedChange, NeedField,
    Redefinition, SkillBaseline, SkillChange, ThenNow, Trend,
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

/// How a need's definition changed under its id (issue 27, F8): its skill,
/// unit, role, level, count or priority, then against now. A field the
/// baseline did not record (an older file) is not compared. Each change
/// says whether it weakens the need: it asks less (a lower level or
/// count, a less urgent priority) or is about something else (another
/// skill, unit or role: a changed scope).
pub fn redefinitions(then: &EarlierNeed, now: &NeedGap) -> Vec<Redefinition> {
    let mut out = Vec::new();
    let mut differs = |field: NeedField, was: String, is: String, weakens: bool| {
        if was != is {
            out.push(Redefinition {
                field,
                was,
                is,
                weakens,
            });
        }
    };
    let text = |s: &Option<String>| s.clone().unwrap_or_default();
    differs(
        NeedField::Skill,
        then.skill.clone(),
        now.skill.clone(),
        true,
    );
    differs(NeedField::Unit, text(&then.unit), text(&now.unit), true);
    differs(NeedField::Role, text(&then.role), text(&now.role), true);
    if let Some(level) = then.level {
        let lowered = now.level < level;
        differs(
            NeedField::Level,
            level.to_string(),
            now.level.to_string(),
            lowered,
        );
    }
    if let Some(count) = then.count {
        let lowered = now.count < count;
        differs(
            NeedField::Count,
            count.to_string(),
            now.count.to_string(),
            lowered,
        );
    }
    if let Some(priority) = earlier_priority(then) {
        let downgraded = !now.priority.at_least(priority);
        differs(
            NeedField::Priority,
            priority.to_string(),
            now.priority.to_string(),
            downgraded,
        );
    }
    out
}

/// The priority a baseline gave a need, when it recorded one we know.
fn earlier_priority(then: &EarlierNeed) -> Option<Priority> {
    then.priority.as_deref().and_then(Priority::parse)
}

/// Whether the gate looks at a need: at or above its priority then or
/// now. A need whose earlier priority is unknown (an older file) counts
/// when it is gone, so that deleting it cannot slip past.
fn gated(gate: Gate, then: Option<Priority>, now: Option<Priority>) -> bool {
    match (then, now) {
        (None, None) => true,
        _ => [then, now]
            .into_iter()
            .flatten()
            .any(|p| p.at_least(gate.priority)),
    }
}

fn delta(now: u64, then: u64) -> i64 {
    i64::try_from(now).unwrap_or(i64::MAX) - i64::try_from(then).unwrap_or(i64::MAX)
}

/// One need then and now, judged by `gate`.
fn need_baseline(then: &EarlierNeed, now: &NeedGap, gate: Gate) -> NeedBaseline {
    let renew = u32::try_from(now.renew.len()).unwrap_or(u32::MAX);
    let order = coverage_order(then, now);
    let coverage = match order {
        Ordering::Equal => 0.0,
        _ => now.coverage - then.coverage,
    };
    let regression = need_regressed(then, now);
    let redefined = redefinitions(then, now);
    let weakened = !gate.allow_redefined && redefined.iter().any(|r| r.weakens);
    let fails_gate =
        (regression || weakened) && gated(gate, earlier_priority(then), Some(now.priority));
    // A redefined need is never "better" for it: a lower level closing a
    // shortfall is a change of the question, not progress (F8).
    let trend = if regression || weakened {
        Trend::Worse
    } else if !redefined.is_empty() {
        Trend::Changed
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
        redefined,
        regression,
        fails_gate,
        trend,
    }
}

/// `gap --baseline`: each need of `now` against the need of the same id in
/// `then`, the needs new and removed, the totals then and now, and the
/// verdict of `gate`. `all` is the organisation's every need (`now` with
/// no `filter`): a baseline need that `filter` leaves out today is not
/// removed but filtered, and it still counts for the gate when the filter
/// would have kept it then (it left the filter by being redefined, e.g.
/// downgraded out of `--priority critical`). The summary has the gate's
/// verdict only when it is `enforced` (`--fail-on-regression`).
pub fn compare_gap(
    then: &EarlierGap,
    now: GapReport,
    all: &GapReport,
    filter: &GapFilter,
    gate: Gate,
    enforced: bool,
) -> GapComparison {
    let mut failing = Vec::new();
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
        redefined: Vec::new(),
        filtered: Vec::new(),
        gate: None,
    };
    let mut baselines = Vec::with_capacity(now.needs.len());
    for need in &now.needs {
        let Some(old) = earlier.get(need.id.as_str()) else {
            summary.new.push(need.id.clone());
            baselines.push(None);
            continue;
        };
        let baseline = need_baseline(old, need, gate);
        // A shortfall closed by asking less is not a need closed (F8).
        let weakened = baseline.redefined.iter().any(|r| r.weakens);
        if old.shortfall > 0 && need.shortfall == 0 && !weakened {
            summary.closed.push(need.id.clone());
        }
        if old.shortfall == 0 && need.shortfall > 0 {
            summary.opened.push(need.id.clone());
        }
        if baseline.regression {
            summary.regressions.push(need.id.clone());
        }
        if !baseline.redefined.is_empty() {
            summary.redefined.push(need.id.clone());
        }
        if baseline.fails_gate {
            failing.push(need.id.clone());
        }
        baselines.push(Some(baseline));
    }
    let current: HashSet<&str> = now.needs.iter().map(|n| n.id.as_str()).collect();
    let everywhere: HashMap<&str, &NeedGap> =
        all.needs.iter().map(|n| (n.id.as_str(), n)).collect();
    let mut seen = HashSet::new();
    for old in &then.needs {
        if current.contains(old.id.as_str()) || !seen.insert(old.id.as_str()) {
            continue;
        }
        match everywhere.get(old.id.as_str()) {
            Some(need) => {
                summary.filtered.push(old.id.clone());
                let then_in = filter.keeps(
                    old.unit.as_deref(),
                    earlier_priority(old).unwrap_or(Priority::Low),
                );
                if then_in {
                    let baseline = need_baseline(old, need, gate);
                    if !baseline.redefined.is_empty() {
                        summary.redefined.push(old.id.clone());
                    }
                    if baseline.fails_gate {
                        failing.push(old.id.clone());
                    }
                }
            }
            None => {
                // Removed (or renamed: removed plus new): a redefinition.
                if !gate.allow_redefined && gated(gate, earlier_priority(old), None) {
                    failing.push(old.id.clone());
                }
                summary.removed.push(old.clone());
            }
        }
    }
    summary.gate = enforced.then_some(GateResult { gate, failing });
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
