//! The team page (`report --unit UNIT`, issue 23 item 2): each part is
//! the report that owns it, filtered to the unit (its subtree), so every
//! figure is the one `gap`, `gap --by person`, `plan` and `balance` show
//! for the unit. Needs above the unit give the unit's share only.

use crate::analysis::balance::{BalanceOptions, balance_report};
use crate::analysis::gap::{GapFilter, counts, in_scope, needs_report};
use crate::analysis::plan::plan_report;
use crate::analysis::role::person_report;
use crate::analysis::{PeopleFilter, need_in_unit};
use crate::model::{Organisation, Scope};
use crate::report::{TeamReport, UnitShare};

/// The page of `unit` (as [`Organisation::find_unit`] gives it), with
/// certificates expiring within `expiring_days` due.
pub fn team_page(org: &Organisation, unit: &str, expiring_days: u32) -> TeamReport {
    let within = org.units_within(unit);
    let of_unit = |p: usize| org.people.unit(p).is_some_and(|u| within[u as usize]);
    let people = Scope::new(org, Some(unit), None).at(org.as_of);
    let present = (0..org.people.len())
        .filter(|&p| people.contains(p))
        .count();

    let mut gap = needs_report(
        org,
        &GapFilter {
            unit: Some(unit.to_string()),
            priority: None,
        },
    );
    // Who is elsewhere (issue 25) is outside the unit by definition: the
    // page names only its own people. The count stays in `mobilisere`.
    for need in &mut gap.needs {
        need.elsewhere.clear();
    }
    let all = needs_report(org, &GapFilter::default());
    let members: Vec<usize> = (0..org.people.len()).filter(|&p| of_unit(p)).collect();
    let above = all
        .needs
        .iter()
        .filter(|n| !need_in_unit(n.unit.as_deref(), Some(unit)))
        .filter_map(|n| {
            let i = org.needs.iter().position(|x| x.id == n.id)?;
            let scoped: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&p| in_scope(org, i, p))
                .collect();
            (!scoped.is_empty()).then(|| UnitShare {
                need: n.id.clone(),
                skill: n.skill.clone(),
                scope: n.unit.clone(),
                level: n.level,
                count: n.count,
                have: n.have,
                in_scope: scoped.len() as u32,
                unit_have: scoped.iter().filter(|&&p| counts(org, i, p)).count() as u32,
                priority: n.priority,
                by: n.by,
                skill_name: n.skill_name.clone(),
            })
        })
        .collect();

    let filter = PeopleFilter {
        unit: Some(unit.to_string()),
        ..PeopleFilter::default()
    };
    let roles = person_report(org, &filter);
    let mut plan = plan_report(org, &filter);
    // The organisation's recruitment and mentor loads are not the unit's.
    plan.summary.recruit.clear();
    plan.summary.mentors.clear();
    let mut balance = balance_report(
        org,
        &BalanceOptions {
            unit: Some(unit.to_string()),
            by_unit: false,
            expiring_days,
        },
    );
    // Key-person risk is the organisation's: its holders may be anywhere.
    balance.key_people.clear();
    TeamReport {
        organisation: org.name.clone(),
        as_of: org.as_of,
        mix: org.policy.mix,
        unit: unit.to_string(),
        name: org
            .declared_units
            .iter()
            .find(|d| d.id == unit)
            .and_then(|d| d.name.clone()),
        people: present,
        needs: gap.needs.clone(),
        above,
        roles,
        matrix: crate::analysis::matrix::unit_matrix(org, unit),
        plans: plan.plans.clone(),
        due: balance.due.to_vec(),
        arriving: balance.arriving.clone(),
        leaving: balance.leaving.clone(),
        calibration: balance.calibration.clone(),
        gap,
        plan,
        balance,
    }
}
