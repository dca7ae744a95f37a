//! CSV output: one row per item with FORMAT.md's column names; empty cells
//! for missing values, dates in ISO form, hours unrounded.

use std::io::{self, Write};

use crate::report::GapReport;

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
