//! CSV output: one row per item with FORMAT.md's column names; empty cells
//! for missing values, dates in ISO form, hours unrounded. Each report
//! writes its records ([`ToCsv`]); [`write`] owns the writer around them.

use std::io::{self, Write};

use crate::model::Effort;
use crate::render::text::or_empty;
use crate::report::{
    BalanceReport, GapGroupsReport, GapReport, PersonGapReport, PlanReport, Reason, SkillBalance,
};

/// A report as CSV records, header first.
pub trait ToCsv {
    fn write_csv<W: Write>(&self, w: &mut csv::Writer<W>) -> csv::Result<()>;
}

/// Writes a report as CSV.
pub fn write<R: ToCsv + ?Sized, W: Write>(report: &R, out: W) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    report.write_csv(&mut w)?;
    w.flush()
}

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

/// The four effort columns: total, experience, social, formal.
fn effort(effort: &Effort) -> [String; 4] {
    [
        number(effort.total),
        number(effort.experience),
        number(effort.social),
        number(effort.formal),
    ]
}

/// A number as CSV text: integers without a decimal point.
fn number(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

impl ToCsv for GapReport {
    fn write_csv<W: Write>(&self, w: &mut csv::Writer<W>) -> csv::Result<()> {
        let report = self;
        w.write_record(GAP_COLUMNS)?;
        for n in &report.needs {
            let mut row = vec![
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
                or_empty(n.by),
                n.driver.clone().unwrap_or_default(),
                n.develop.len().to_string(),
                n.recruit.to_string(),
            ];
            row.extend(effort(&n.effort));
            w.write_record(&row)?;
        }
        Ok(())
    }
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

impl ToCsv for PersonGapReport {
    fn write_csv<W: Write>(&self, w: &mut csv::Writer<W>) -> csv::Result<()> {
        let report = self;
        w.write_record(PERSON_GAP_COLUMNS)?;
        for p in &report.people {
            for s in &p.skills {
                let mut row = vec![
                    p.person.clone(),
                    p.name.clone().unwrap_or_default(),
                    p.unit.clone().unwrap_or_default(),
                    p.role.clone(),
                    number(p.readiness),
                    s.skill.clone(),
                    s.current.to_string(),
                    s.target.to_string(),
                    s.gap.to_string(),
                ];
                row.extend(effort(&s.effort));
                w.write_record(&row)?;
            }
        }
        Ok(())
    }
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

impl ToCsv for PlanReport {
    fn write_csv<W: Write>(&self, w: &mut csv::Writer<W>) -> csv::Result<()> {
        let report = self;
        w.write_record(PLAN_COLUMNS)?;
        for p in &report.plans {
            for g in &p.goals {
                let reasons: Vec<String> = g
                    .reasons
                    .iter()
                    .map(|r| match r {
                        Reason::Role { role, .. } => format!("role:{role}"),
                        Reason::Need { need, .. } => format!("need:{need}"),
                    })
                    .collect();
                let activities: Vec<&str> = report
                    .activities_for(&g.skill)
                    .iter()
                    .map(|a| a.name.as_str())
                    .collect();
                let mut row = vec![
                    p.person.clone(),
                    p.name.clone().unwrap_or_default(),
                    p.unit.clone().unwrap_or_default(),
                    p.role.clone().unwrap_or_default(),
                    g.skill.clone(),
                    g.from.to_string(),
                    g.to.to_string(),
                ];
                row.extend(effort(&g.effort));
                row.extend([reasons.join("; "), or_empty(g.by), activities.join("; ")]);
                w.write_record(&row)?;
            }
        }
        Ok(())
    }
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

impl ToCsv for GapGroupsReport {
    fn write_csv<W: Write>(&self, w: &mut csv::Writer<W>) -> csv::Result<()> {
        let report = self;
        w.write_record(GAP_GROUP_COLUMNS)?;
        for g in &report.groups {
            let mut row = vec![
                g.key.clone().unwrap_or_default(),
                g.name.clone().unwrap_or_default(),
                g.needs.to_string(),
                g.unmet.to_string(),
                number(g.coverage),
                g.shortfall.to_string(),
                g.develop.to_string(),
                g.recruit.to_string(),
            ];
            row.extend(effort(&g.effort));
            row.extend([or_empty(g.at_risk)]);
            w.write_record(&row)?;
        }
        Ok(())
    }
}

/// `balance --format csv`: one row per skill (per unit and skill with
/// `--by unit`); `level_0` .. `level_<top>` count people at each level.
impl ToCsv for BalanceReport {
    fn write_csv<W: Write>(&self, w: &mut csv::Writer<W>) -> csv::Result<()> {
        let mut header: Vec<String> = ["unit", "skill", "name", "group", "kind", "people"]
            .map(String::from)
            .to_vec();
        header.extend((0..self.scale.len()).map(|i| format!("level_{i}")));
        header.extend(
            [
                "assessed",
                "unassessed",
                "stale",
                "expired",
                "median",
                "interest",
            ]
            .map(String::from),
        );
        w.write_record(&header)?;
        if self.units.is_empty() {
            for r in &self.skills {
                balance_row(w, "", r)?;
            }
        } else {
            for u in &self.units {
                for r in &u.skills {
                    balance_row(w, &u.unit, r)?;
                }
            }
        }
        Ok(())
    }
}

fn balance_row<W: Write>(w: &mut csv::Writer<W>, unit: &str, r: &SkillBalance) -> csv::Result<()> {
    let mut fields = vec![
        unit.to_string(),
        r.skill.clone(),
        r.name.clone(),
        or_empty(r.group.as_ref()),
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
    w.write_record(&fields)
}
