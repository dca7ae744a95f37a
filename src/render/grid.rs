//! Grids: a report part as a header and rows of text, before any format
//! draws it. The human formats (table, markdown) lay out the same grids
//! their own way, so a part shown alike in both is built here once.
//!
//! A grid holds text only: no borders, no escaping, no alignment beyond a
//! flag per column. Parts that the two formats word differently stay in
//! their format's file.

use crate::render::text::{effort_hours, group_title, hours, level, or_empty, percent, reason};
use crate::report::{
    BalanceReport, EffortBy, GapGroupsReport, GapReport, NeedGap, PersonPlan, PlanReport,
    PlanSummary, Recruitment, SkillBalance,
};

/// One column: its heading, and whether its cells are right-aligned (numbers).
#[derive(Debug, Clone)]
pub struct Column {
    pub name: String,
    pub right: bool,
}

/// A header and rows of cells, one cell per column.
#[derive(Debug, Clone)]
pub struct Grid {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
}

impl Grid {
    /// A grid with these headings; a leading '>' marks a right-aligned column.
    pub fn new<S: AsRef<str>>(header: &[S]) -> Grid {
        let columns = header
            .iter()
            .map(|h| {
                let h = h.as_ref();
                Column {
                    name: h.trim_start_matches('>').to_string(),
                    right: h.starts_with('>'),
                }
            })
            .collect();
        Grid {
            columns,
            rows: Vec::new(),
        }
    }

    pub fn push(&mut self, row: impl IntoIterator<Item = String>) {
        self.rows.push(row.into_iter().collect());
    }
}

/// `gap`: a row per need. The formats word a need's scope and level
/// differently, so they pass those in.
pub fn needs(
    report: &GapReport,
    scope: impl Fn(&NeedGap) -> String,
    level: impl Fn(&NeedGap) -> String,
) -> Grid {
    let mut grid = Grid::new(&[
        "Need",
        "Skill",
        "Scope",
        "Level",
        ">Have",
        ">Short",
        ">Coverage",
        ">Develop",
        ">Recruit",
        ">Hours",
        "Priority",
        "By",
        "Driver",
    ]);
    for n in &report.needs {
        grid.push([
            n.id.clone(),
            n.skill_name.clone(),
            scope(n),
            level(n),
            format!("{}/{}", n.have, n.count),
            n.shortfall.to_string(),
            percent(n.coverage),
            n.develop.len().to_string(),
            n.recruit.to_string(),
            hours(n.effort.total),
            n.priority.to_string(),
            or_empty(n.by),
            or_empty(n.driver.as_ref()),
        ]);
    }
    grid
}

/// A plan's goals: from, to, effort by mode, why and by when.
pub fn goals(report: &PlanReport, plan: &PersonPlan) -> Grid {
    let mut grid = Grid::new(&[
        "Skill",
        "From",
        "To",
        ">Hours",
        ">Experience",
        ">Social",
        ">Formal",
        "Why",
        "By",
    ]);
    for g in &plan.goals {
        let why: Vec<String> = g.reasons.iter().map(reason).collect();
        let mut row = vec![
            g.skill_name.clone(),
            level(&report.levels, g.from),
            level(&report.levels, g.to),
        ];
        row.extend(effort_hours(&g.effort));
        row.extend([why.join("; "), or_empty(g.by)]);
        grid.push(row);
    }
    grid
}

/// The plan summary's effort per unit, then per driver (each when it has rows).
pub fn effort_summary(summary: &PlanSummary) -> Vec<Grid> {
    [
        ("Unit", &summary.by_unit, "(no unit)"),
        ("Driver", &summary.by_driver, "(role requirements)"),
    ]
    .into_iter()
    .filter(|(_, rows, _)| !rows.is_empty())
    .map(|(title, rows, none)| effort_by(title, rows, none))
    .collect()
}

/// Effort per unit or per driver; `none` names the null key.
fn effort_by(title: &str, rows: &[EffortBy], none: &str) -> Grid {
    let mut grid = Grid::new(&[
        title,
        ">Goals",
        ">Hours",
        ">Experience",
        ">Social",
        ">Formal",
    ]);
    for r in rows {
        let mut row = vec![
            r.key.clone().unwrap_or_else(|| none.to_string()),
            r.goals.to_string(),
        ];
        row.extend(effort_hours(&r.effort));
        grid.push(row);
    }
    grid
}

/// The recruitment list (*rekruttering/innleie*).
pub fn recruitment(levels: &[String], rows: &[Recruitment]) -> Grid {
    let mut grid = Grid::new(&[
        "Need", "Skill", "Level", ">Count", "Priority", "By", "Driver",
    ]);
    for r in rows {
        grid.push([
            r.need.clone(),
            r.skill.clone(),
            level(levels, r.level),
            r.count.to_string(),
            r.priority.to_string(),
            or_empty(r.by),
            or_empty(r.driver.as_ref()),
        ]);
    }
    grid
}

/// A balance: people at each level of the scale per skill, and freshness counts.
pub fn balance(scale: &[String], rows: &[SkillBalance]) -> Grid {
    let mut header: Vec<String> = vec!["Skill".into(), "Group".into()];
    header.extend(scale.iter().enumerate().map(|(i, n)| format!(">{i} {n}")));
    header.extend(
        [
            ">Assessed",
            ">Unassessed",
            ">Stale",
            ">Expired",
            ">Median",
            ">Interest",
        ]
        .map(String::from),
    );
    let mut grid = Grid::new(&header);
    for r in rows {
        let mut row = vec![r.name.clone(), or_empty(r.group.as_ref())];
        row.extend(r.levels.iter().map(u64::to_string));
        row.extend([
            r.assessed.to_string(),
            r.unassessed.to_string(),
            r.stale.to_string(),
            r.expired.to_string(),
            r.median.map_or_else(|| "-".into(), |m| m.to_string()),
            r.interest.to_string(),
        ]);
        grid.push(row);
    }
    grid
}

/// Key-person risk per skill; `risk` marks the skills held by 0 or 1 person.
pub fn key_people(report: &BalanceReport, risk: &str) -> Grid {
    let mut grid = Grid::new(&["Skill", "Level", ">Holders", "Who", "Risk"]);
    for k in &report.key_people {
        grid.push([
            k.skill.clone(),
            level(&report.scale, k.level),
            k.holders.to_string(),
            k.people.join(", "),
            if k.risk { risk } else { "" }.to_string(),
        ]);
    }
    grid
}

/// `gap --by unit|skill|driver`: a row per group; `none` names the null key.
pub fn gap_groups(report: &GapGroupsReport, none: &str) -> Grid {
    let mut grid = Grid::new(&[
        group_title(&report.by),
        "Name",
        ">Needs",
        ">Unmet",
        ">Coverage",
        ">Short",
        ">Develop",
        ">Recruit",
        ">Hours",
        "At risk",
    ]);
    for g in &report.groups {
        grid.push([
            g.key.clone().unwrap_or_else(|| none.to_string()),
            or_empty(g.name.as_ref()),
            g.needs.to_string(),
            g.unmet.to_string(),
            percent(g.coverage),
            g.shortfall.to_string(),
            g.develop.to_string(),
            g.recruit.to_string(),
            hours(g.effort.total),
            g.at_risk.map_or_else(|| "no".into(), |p| p.to_string()),
        ]);
    }
    grid
}
