//! `--min-group N`: an aggregate of fewer than N people is suppressed, so
//! that nobody can read one person's levels out of a team's total.
//!
//! A group's size is the people in the unit and every unit below it who
//! are present at D (FORMAT.md r2 "Present") and in the report's scope:
//! the `people` the balance already counts. Suppressed are: the unit rows
//! of `balance --by unit` and the unit groups of `gap --by unit` (and the
//! heatmap columns of `report`, which the cli no longer runs with N > 1).
//!
//! Unit rows roll up (`it` holds `it/app`), so a parent's total minus its
//! shown children would give back a suppressed child, or the parent's own
//! few members: complementary suppression ([`suppressed_units`]) hides
//! more siblings, or the parent, until what is left is N people or more.
//! The organisation is the root of the top-level units (issue 27, F7).
//!
//! What this cannot protect is refused by the cli (`PrivacyArgs::
//! refuse_min_group`, [`check_scope`]): a scope of fewer than N people, and
//! every view that lists needs, people and levels (gap by need, person,
//! skill or driver, plan, market, progress, report).
//!
//! A suppressed row keeps its key and headcount, has its numbers zeroed
//! (a renderer that forgot the flag shows 0, never the value) and
//! `suppressed` set; renderers show it as suppressed. N of 0 or 1
//! suppresses nothing. Nothing here prints.

use crate::model::{Effort, Organisation};
use crate::report::{
    BalanceReport, CoverageCell, GapGroup, GapGroupsReport, OverviewReport, SkillBalance,
    UnitBalance,
};

/// For each unit (path, people in it and below it), whether it is
/// suppressed: fewer than `min` people, and then as many more as it takes
/// that no parent minus its shown children leaves 1 to `min - 1` people.
pub fn suppressed_units(units: &[(&str, u64)], min: u32) -> Vec<bool> {
    let min = u64::from(min);
    // A unit of nobody reveals nobody: only 1 to N - 1 people are too few.
    let mut hidden: Vec<bool> = units.iter().map(|&(_, n)| n > 0 && n < min).collect();
    if min <= 1 {
        return hidden;
    }
    // The organisation is the root (path ""), when given: the top-level
    // units are its children (issue 27, F7 b).
    let parent_of = |path: &str| match path.rsplit_once('/') {
        Some((p, _)) => Some(p.to_string()),
        None if !path.is_empty() => Some(String::new()),
        None => None,
    };
    // Deepest parents first: hiding a parent changes its own parent's rest.
    let mut parents: Vec<usize> = (0..units.len()).collect();
    parents.sort_by_key(|&i| std::cmp::Reverse(units[i].0.matches('/').count()));
    loop {
        let mut changed = false;
        for &p in &parents {
            if hidden[p] {
                continue;
            }
            let children: Vec<usize> = (0..units.len())
                .filter(|&c| parent_of(units[c].0).as_deref() == Some(units[p].0))
                .collect();
            loop {
                let shown: u64 = children
                    .iter()
                    .filter(|&&c| !hidden[c])
                    .map(|&c| units[c].1)
                    .sum();
                let rest = units[p].1.saturating_sub(shown);
                if rest == 0 || rest >= min {
                    break;
                }
                // The smallest shown child joins the rest; with none left,
                // the parent itself is hidden.
                match children
                    .iter()
                    .filter(|&&c| !hidden[c])
                    .min_by_key(|&&c| (units[c].1, units[c].0))
                {
                    Some(&c) => hidden[c] = true,
                    None => {
                        hidden[p] = true;
                        break;
                    }
                }
                changed = true;
            }
        }
        if !changed {
            return hidden;
        }
    }
}

/// `balance --by unit`: unit rows of fewer than `min` people suppressed,
/// the organisation-wide rows (the scope's) being the root every top-level
/// unit adds up to, with the people in no unit as its own few. With `min`
/// over 1 the lists that name people (oldest, expired and expiring
/// assessments, key people's names, calibration, arriving and leaving) are
/// left empty: they show a small unit's people and levels (F7 d).
pub fn balance(report: &mut BalanceReport, min: u32) {
    if min <= 1 {
        return;
    }
    let freshness = &mut report.freshness;
    freshness.expired_assessments.clear();
    freshness.oldest.clear();
    freshness.expiring.clear();
    for key in &mut report.key_people {
        key.people.clear();
    }
    report.calibration.clear();
    report.arriving.clear();
    report.leaving.clear();
    let everyone = report.skills.first().map_or(0, |s| s.people);
    let mut units: Vec<(&str, u64)> = report
        .units
        .iter()
        .map(|u| (u.unit.as_str(), u.people))
        .collect();
    units.push(("", everyone));
    let hidden = suppressed_units(&units, min);
    for (unit, hide) in report.units.iter_mut().zip(hidden) {
        if hide {
            suppress_unit(unit);
        }
    }
}

fn suppress_unit(unit: &mut UnitBalance) {
    unit.suppressed = true;
    for s in &mut unit.skills {
        *s = SkillBalance {
            levels: vec![0; s.levels.len()],
            assessed: 0,
            unassessed: 0,
            stale: 0,
            expired: 0,
            median: None,
            interest: 0,
            ..s.clone()
        };
    }
}

/// `report`: its balance's unit rows, and the same units' heatmap columns.
pub fn overview(report: &mut OverviewReport, min: u32) {
    balance(&mut report.balance, min);
    let hidden: Vec<bool> = report
        .coverage
        .units
        .iter()
        .map(|column| {
            column.as_ref().is_some_and(|unit| {
                report
                    .balance
                    .units
                    .iter()
                    .any(|u| &u.unit == unit && u.suppressed)
            })
        })
        .collect();
    for skill in &mut report.coverage.skills {
        for (cell, &hide) in skill.cells.iter_mut().zip(&hidden) {
            if hide {
                *cell = CoverageCell {
                    people: cell.people,
                    have: 0,
                    demand: 0,
                    coverage: None,
                    suppressed: true,
                };
            }
        }
    }
}

/// `gap --by unit`: the needs of a unit of 1 to `min - 1` people (in it
/// and below it, present at D). Needs are grouped by their own unit, not
/// rolled up, but the totals add every group up: the totals minus the
/// shown groups give the hidden ones together, so more are hidden, the
/// smallest first, until those together concern `min` people or more.
///
/// The needs of no unit (the whole organisation's group) are hidden last,
/// as a group of everyone (F7 a). When even that leaves the hidden groups
/// fewer than `min` people, the totals would give them back: an error, the
/// report is refused.
pub fn gap_groups(
    report: &mut GapGroupsReport,
    org: &Organisation,
    min: u32,
) -> Result<(), String> {
    if report.by != "unit" || min <= 1 {
        return Ok(());
    }
    let min = u64::from(min);
    let everyone = present(org);
    let sizes: Vec<Option<u64>> = report
        .groups
        .iter()
        .map(|g| g.key.as_deref().map(|u| people_in(org, &[u])))
        .collect();
    let whole = report.groups.iter().position(|g| g.key.is_none());
    let mut hidden: Vec<bool> = sizes
        .iter()
        .map(|s| s.is_some_and(|n| n > 0 && n < min))
        .collect();
    while hidden.iter().any(|&h| h) {
        let units: Vec<&str> = report
            .groups
            .iter()
            .zip(&hidden)
            .filter(|(_, h)| **h)
            .filter_map(|(g, _)| g.key.as_deref())
            .collect();
        let together = match whole {
            Some(w) if hidden[w] => everyone,
            _ => people_in(org, &units),
        };
        if together >= min {
            break;
        }
        let next = (0..hidden.len())
            .filter(|&g| !hidden[g] && sizes[g].is_some_and(|n| n > 0))
            .min_by_key(|&g| (sizes[g], &report.groups[g].key));
        match next.or(whole.filter(|&w| !hidden[w])) {
            Some(g) => hidden[g] = true,
            None => {
                return Err(format!(
                    "--min-group {min}: the total of gap --by unit would give back the needs of units of fewer than {min} people, with no other group to hide them among"
                ));
            }
        }
    }
    for (group, hide) in report.groups.iter_mut().zip(hidden) {
        if hide {
            *group = GapGroup {
                needs: 0,
                unmet: 0,
                coverage: 0.0,
                shortfall: 0,
                renew: 0,
                develop: 0,
                recruit: 0,
                effort: Effort::default(),
                measures: Default::default(),
                cost: group.cost.map(|_| Default::default()),
                at_risk: None,
                suppressed: true,
                ..group.clone()
            };
        }
    }
    Ok(())
}

/// The people present at D, in a unit or none.
pub fn present(org: &Organisation) -> u64 {
    (0..org.people.len())
        .filter(|&p| org.people.present(p, org.as_of))
        .count() as u64
}

/// Issue 27, F7 c: a report whose whole scope (`--unit U`, else the
/// organisation) has 1 to `min - 1` people would be one small group's
/// aggregate, whatever is suppressed within it: refused.
pub fn check_scope(org: &Organisation, unit: Option<&str>, min: u32) -> Result<(), String> {
    let people = match unit {
        Some(u) => people_in(org, &[u]),
        None => present(org),
    };
    if people == 0 || people >= u64::from(min) {
        return Ok(());
    }
    let scope = match unit {
        Some(u) => format!("--unit {u} has"),
        None => "the organisation has".to_string(),
    };
    Err(format!(
        "{scope} {people} people, fewer than --min-group {min}: every figure would be theirs, so nothing is written"
    ))
}

/// People in any of `units` or below them, present at D, each once.
pub fn people_in(org: &Organisation, units: &[&str]) -> u64 {
    let mut within = vec![false; org.units.len()];
    for unit in units {
        for (w, inside) in within.iter_mut().zip(org.units_within(unit)) {
            *w |= inside;
        }
    }
    (0..org.people.len())
        .filter(|&p| {
            org.people.unit(p).is_some_and(|u| within[u as usize])
                && org.people.present(p, org.as_of)
        })
        .count() as u64
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_no_suppression() {
        assert_eq!(suppressed_units(&[("a", 1), ("a/b", 0)], 1), [false, false]);
    }

    #[test]
    fn a_small_unit_is_suppressed_and_a_sibling_with_it() {
        // it = 9: it/app 5 + it/drift 2 + it/ki 2, no one directly in it.
        // min 3: drift and ki (2 each) are hidden; 9 - 5 = 4 >= 3 is fine.
        let units = [("it", 9), ("it/app", 5), ("it/drift", 2), ("it/ki", 2)];
        assert_eq!(suppressed_units(&units, 3), [false, false, true, true]);
        // it = 8: it/app 6 + it/drift 2: 8 - 6 = 2 would give drift back,
        // so app is hidden too, and 8 - 0 = 8 leaves nothing to read out.
        let units = [("it", 8), ("it/app", 6), ("it/drift", 2)];
        assert_eq!(suppressed_units(&units, 3), [false, true, true]);
    }

    #[test]
    fn a_parents_own_few_members_are_protected_too() {
        // hr = 7: hr/lonn 6 and one person directly in hr. 7 - 6 = 1 < 3:
        // lonn is hidden (the only child), and then 7 - 0 = 7 is fine.
        assert_eq!(
            suppressed_units(&[("hr", 7), ("hr/lonn", 6)], 3),
            [false, true]
        );
        // hr = 4 with hr/a 2 and hr/b 2 (no one directly in hr): both hidden,
        // 4 - 0 = 4 >= 3, so hr is shown.
        assert_eq!(
            suppressed_units(&[("hr", 4), ("hr/a", 2), ("hr/b", 2)], 3),
            [false, true, true]
        );
    }
}
