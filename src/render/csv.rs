//! CSV output: one row per item with FORMAT.md's column names; empty cells
//! for missing values, dates in ISO form, hours unrounded.

use std::io::{self, Write};

use crate::report::{
    BalanceReport, GapGroupsReport, GapReport, PersonGapReport, PlanReport, SkillBalance,
};

/// The columns of `gap --format csv`, in order.
pub const GAP_COLUMNS: [&str; 18] = [
    "id",
    "skill",
    "unit",
    "role",
    "level",
    "count",
    "have",
    "shortfall",
    "coverage",
    "priority",
    "by",
    "driver",
    "develop",
    "recruit",
    "effort_hours",
    "experience_hours",
    "social_hours",
    "formal_hours",
];

/// A number as CSV text: integers without a decimal point.
fn number(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

pub fn write_gap<W: Write>(report: &GapReport, out: W) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(GAP_COLUMNS)?;
    for n in &report.needs {
        w.write_record([
            n.id.clone(),
            n.skill.clone(),
            n.unit.clone().unwrap_or_default(),
            n.role.clone().unwrap_or_default(),
            n.level.to_string(),
            n.count.to_string(),
            n.have.to_string(),
            n.shortfall.to_string(),
            number(n.coverage),
            n.priority.to_string(),
            n.by.map(|d| d.to_string()).unwrap_or_default(),
            n.driver.clone().unwrap_or_default(),
            n.develop.len().to_string(),
            n.recruit.to_string(),
            number(n.effort.total),
            number(n.effort.experience),
            number(n.effort.social),
            number(n.effort.formal),
        ])?;
    }
    w.flush()
}

/// The columns of `gap --by person --format csv`: one row per person and required skill.
pub const PERSON_GAP_COLUMNS: [&str; 13] = [
    "person",
    "name",
    "unit",
    "role",
    "readiness",
    "skill",
    "current",
    "target",
    "gap",
    "effort_hours",
    "experience_hours",
    "social_hours",
    "formal_hours",
];

pub fn write_person_gap<W: Write>(report: &PersonGapReport, out: W) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(PERSON_GAP_COLUMNS)?;
    for p in &report.people {
        for s in &p.skills {
            w.write_record([
                p.person.clone(),
                p.name.clone().unwrap_or_default(),
                p.unit.clone().unwrap_or_default(),
                p.role.clone(),
                number(p.readiness),
                s.skill.clone(),
                s.current.to_string(),
                s.target.to_string(),
                s.gap.to_string(),
                number(s.effort.total),
                number(s.effort.experience),
                number(s.effort.social),
                number(s.effort.formal),
            ])?;
        }
    }
    w.flush()
}

/// The columns of `plan --format csv`: one row per goal.
pub const PLAN_COLUMNS: [&str; 14] = [
    "person",
    "name",
    "unit",
    "role",
    "skill",
    "from",
    "to",
    "effort_hours",
    "experience_hours",
    "social_hours",
    "formal_hours",
    "reasons",
    "by",
    "activities",
];

pub fn write_plan<W: Write>(report: &PlanReport, out: W) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(PLAN_COLUMNS)?;
    for p in &report.plans {
        for g in &p.goals {
            let reasons: Vec<String> = g
                .reasons
                .iter()
                .map(|r| match r {
                    crate::report::Reason::Role { role, .. } => format!("role:{role}"),
                    crate::report::Reason::Need { need, .. } => format!("need:{need}"),
                })
                .collect();
            let activities: Vec<&str> = report
                .activities_for(&g.skill)
                .iter()
                .map(|a| a.name.as_str())
                .collect();
            w.write_record([
                p.person.clone(),
                p.name.clone().unwrap_or_default(),
                p.unit.clone().unwrap_or_default(),
                p.role.clone().unwrap_or_default(),
                g.skill.clone(),
                g.from.to_string(),
                g.to.to_string(),
                number(g.effort.total),
                number(g.effort.experience),
                number(g.effort.social),
                number(g.effort.formal),
                reasons.join("; "),
                g.by.map(|d| d.to_string()).unwrap_or_default(),
                activities.join("; "),
            ])?;
        }
    }
    w.flush()
}

/// The columns of `gap --by unit|skill|driver --format csv`.
pub const GAP_GROUP_COLUMNS: [&str; 13] = [
    "key",
    "name",
    "needs",
    "unmet",
    "coverage",
    "shortfall",
    "develop",
    "recruit",
    "effort_hours",
    "experience_hours",
    "social_hours",
    "formal_hours",
    "at_risk",
];

pub fn write_gap_groups<W: Write>(report: &GapGroupsReport, out: W) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(GAP_GROUP_COLUMNS)?;
    for g in &report.groups {
        w.write_record([
            g.key.clone().unwrap_or_default(),
            g.name.clone().unwrap_or_default(),
            g.needs.to_string(),
            g.unmet.to_string(),
            number(g.coverage),
            g.shortfall.to_string(),
            g.develop.to_string(),
            g.recruit.to_string(),
            number(g.effort.total),
            number(g.effort.experience),
            number(g.effort.social),
            number(g.effort.formal),
            g.at_risk.map(|p| p.to_string()).unwrap_or_default(),
        ])?;
    }
    w.flush()
}

/// `balance --format csv`: one row per skill (per unit and skill with
/// `--by unit`); `level_0` .. `level_<top>` count people at each level.
pub fn write_balance<W: Write>(report: &BalanceReport, out: W) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let mut header: Vec<String> = ["unit", "skill", "name", "group", "kind", "people"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    header.extend((0..report.scale.len()).map(|i| format!("level_{i}")));
    header.extend(
        [
            "assessed",
            "unassessed",
            "stale",
            "expired",
            "median",
            "interest",
        ]
        .iter()
        .map(|s| s.to_string()),
    );
    w.write_record(&header)?;
    let mut row = |unit: &str, r: &SkillBalance| -> io::Result<()> {
        let mut fields = vec![
            unit.to_string(),
            r.skill.clone(),
            r.name.clone(),
            r.group.clone().unwrap_or_default(),
            match r.kind {
                crate::model::SkillKind::Breadth => "breadth".into(),
                crate::model::SkillKind::Specialist => "specialist".into(),
            },
            r.people.to_string(),
        ];
        fields.extend(r.levels.iter().map(|n| n.to_string()));
        fields.extend([
            r.assessed.to_string(),
            r.unassessed.to_string(),
            r.stale.to_string(),
            r.expired.to_string(),
            r.median.map(number).unwrap_or_default(),
            r.interest.to_string(),
        ]);
        w.write_record(&fields)?;
        Ok(())
    };
    if report.units.is_empty() {
        for r in &report.skills {
            row("", r)?;
        }
    } else {
        for u in &report.units {
            for r in &u.skills {
                row(&u.unit, r)?;
            }
        }
    }
    w.flush()
}
