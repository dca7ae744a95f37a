//! The whole picture for `kompetanse report`: the need view (`gap`), the
//! plans' summary (`plan`) and the balance by unit (`balance --by unit`),
//! each computed by its own analysis, and the one thing only this report
//! adds: the coverage map of skills x units.
//!
//! The map (FORMAT.md r3 "Coverage map") adds up the need view's own
//! numbers: each cell's covered count and demand are sums of its needs'
//! min(have, count) and count, so a cell never says more than the gap
//! table. Cells no need reaches count people from the balance's histograms.

use crate::analysis::balance::{BalanceOptions, balance_report};
use crate::analysis::gap::{Coverage, GapFilter, coverage, gap_report_of, needs_report};
use crate::analysis::goals::Goals;
use crate::analysis::mentors::mentors;
use crate::analysis::plan::plan_summary;
use crate::model::{Level, Organisation, unit_within};
use crate::report::{
    BalanceReport, CoverageCell, CoverageMap, GapReport, NeedGap, OverviewReport, SkillBalance,
    SkillCoverage,
};

/// Everything the report shows, for the whole organisation.
pub fn overview_report(org: &Organisation) -> OverviewReport {
    // The needs and everyone's goals once, for the gap view, the plans'
    // summary and the marketplace alike, and the goals matched with
    // mentors once (issue 28: each evaluated and matched them again). The
    // matching is one walk in the goals' order, so the gap and balance
    // views, which do not need it, are computed beside it (issue 28).
    let needs = needs_report(org, &GapFilter::default());
    let goals = Goals::new(org, &needs, &|_| true);
    let ((plan, market), (gap, balance)) = rayon::join(
        || {
            let mentoring = mentors(&goals);
            rayon::join(
                || plan_summary(org, &goals, &mentoring),
                || crate::analysis::market::market_report_with(org, None, &mentoring),
            )
        },
        || {
            let gap = gap_report_of(org, &needs, &goals);
            let by_unit = BalanceOptions {
                by_unit: true,
                ..BalanceOptions::default()
            };
            (gap, balance_report(org, &by_unit))
        },
    );
    let coverage = coverage_map(&gap, &balance);
    OverviewReport {
        organisation: org.name.clone(),
        as_of: org.as_of,
        mix: org.policy.mix,
        gap,
        plan,
        balance,
        coverage,
        market,
    }
}

/// FORMAT.md r3 "Coverage map": skills some need asks for (rows) x the
/// whole organisation and each unit (columns). Cell (s, u) adds up the
/// needs of s whose unit is u or below u (a need without a unit only in
/// the whole-organisation column, which so holds every need of s and agrees
/// with the gap table): covered = sum of min(have, count), demand = sum of
/// count. A cell no need reaches counts the people of u at or above the
/// highest level a need of s asks for, shown grey, without a share.
pub fn coverage_map(gap: &GapReport, balance: &BalanceReport) -> CoverageMap {
    let mut units: Vec<Option<String>> = vec![None];
    units.extend(balance.units.iter().map(|u| Some(u.unit.clone())));
    let skills = balance
        .skills
        .iter()
        .enumerate()
        .filter_map(|(i, skill)| {
            let needs: Vec<&NeedGap> = gap
                .needs
                .iter()
                .filter(|n| n.skill == skill.skill)
                .collect();
            let level = needs.iter().map(|n| n.level).max()?;
            let mut cells = vec![cell(Some(skill), level, &needs, None)];
            for unit in &balance.units {
                // A unit lists the skills in the same order as the whole
                // organisation: look where it should be before searching.
                let row = unit
                    .skills
                    .get(i)
                    .filter(|s| s.skill == skill.skill)
                    .or_else(|| unit.skills.iter().find(|s| s.skill == skill.skill));
                cells.push(cell(row, level, &needs, Some(&unit.unit)));
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

/// One cell of column `unit` (None: the whole organisation) from the
/// skill's `needs` and the unit's histogram of the skill (None: nobody
/// there). `have` is the covered count where some need reaches the cell,
/// else the people at or above `level`.
fn cell(
    balance: Option<&SkillBalance>,
    level: Level,
    needs: &[&NeedGap],
    unit: Option<&str>,
) -> CoverageCell {
    let reached: Coverage = needs
        .iter()
        .filter(|n| match (unit, n.unit.as_deref()) {
            (None, _) => true,
            (Some(column), Some(scope)) => unit_within(scope, column),
            (Some(_), None) => false,
        })
        .map(|n| coverage(n.have.into(), n.count.into()))
        .sum();
    let people = balance.map_or(0, |b| b.people);
    let have = if reached.demand() > 0 {
        reached.covered()
    } else {
        balance.map_or(0, |b| b.levels.iter().skip(usize::from(level)).sum::<u64>())
    };
    CoverageCell {
        people,
        have,
        demand: reached.demand(),
        coverage: reached.share(),
        suppressed: false,
    }
}
