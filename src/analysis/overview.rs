//! The whole picture for `kompetanse report`: the need view (`gap`), the
//! plans' summary (`plan`) and the balance by unit (`balance --by unit`),
//! each computed by its own analysis, and the one thing only this report
//! adds: the coverage map of skills x units.
//!
//! The map restates no FORMAT.md rule. Its counts come from the balance's
//! level histograms (people in a unit and below it, at each current level)
//! and its demand from the need view's counts; it only adds them up.

use crate::analysis::PeopleFilter;
use crate::analysis::balance::{BalanceOptions, balance_report};
use crate::analysis::gap::{GapFilter, coverage, gap_report};
use crate::analysis::plan::plan_report;
use crate::model::{Level, Organisation, unit_within};
use crate::report::{
    BalanceReport, CoverageCell, CoverageMap, GapReport, OverviewReport, SkillBalance,
    SkillCoverage,
};

/// Everything the report shows, for the whole organisation.
pub fn overview_report(org: &Organisation) -> OverviewReport {
    let gap = gap_report(org, &GapFilter::default());
    let plan = plan_report(org, &PeopleFilter::default());
    let balance = balance_report(
        org,
        &BalanceOptions {
            by_unit: true,
            ..BalanceOptions::default()
        },
    );
    let coverage = coverage_map(&gap, &balance);
    OverviewReport {
        organisation: org.name.clone(),
        as_of: org.as_of,
        mix: org.policy.mix,
        gap,
        plan: plan.summary,
        balance,
        coverage,
        market: crate::analysis::market::market_report(org, None),
    }
}

/// Skills some need asks for (rows) x the whole organisation and each
/// unit (columns). A row counts people at the highest level any need asks
/// of its skill, so one bar holds across the row; a need's role is not
/// looked at (the map is about units; the gap table has the exact scope).
pub fn coverage_map(gap: &GapReport, balance: &BalanceReport) -> CoverageMap {
    let mut units: Vec<Option<String>> = vec![None];
    units.extend(balance.units.iter().map(|u| Some(u.unit.clone())));
    let skills = balance
        .skills
        .iter()
        .enumerate()
        .filter_map(|(i, skill)| {
            let needs: Vec<_> = gap
                .needs
                .iter()
                .filter(|n| n.skill == skill.skill)
                .collect();
            let level = needs.iter().map(|n| n.level).max()?;
            let demand = |unit: Option<&str>| -> u64 {
                needs
                    .iter()
                    .filter(|n| match (unit, n.unit.as_deref()) {
                        (None, _) => true,
                        (Some(column), Some(scope)) => unit_within(scope, column),
                        (Some(_), None) => false,
                    })
                    .map(|n| u64::from(n.count))
                    .sum()
            };
            let mut cells = vec![cell(Some(skill), level, demand(None))];
            for unit in &balance.units {
                // A unit lists the skills in the same order as the whole
                // organisation: look where it should be before searching.
                let row = unit
                    .skills
                    .get(i)
                    .filter(|s| s.skill == skill.skill)
                    .or_else(|| unit.skills.iter().find(|s| s.skill == skill.skill));
                cells.push(cell(row, level, demand(Some(&unit.unit))));
            }
            Some(SkillCoverage {
                skill: skill.skill.clone(),
                name: skill.name.clone(),
                level,
                cells,
            })
        })
        .collect();
    CoverageMap { units, skills }
}

/// One cell from a unit's histogram of the skill (None: nobody there).
fn cell(balance: Option<&SkillBalance>, level: Level, demand: u64) -> CoverageCell {
    let people = balance.map_or(0, |b| b.people);
    let have = balance.map_or(0, |b| b.levels.iter().skip(usize::from(level)).sum::<u64>());
    CoverageCell {
        people,
        have,
        demand,
        coverage: coverage(have, demand).share(),
        suppressed: false,
    }
}
