//! Tables for people at a terminal (comfy-table). This output may change
//! freely between versions; scripts should use JSON or CSV. Each report
//! implements [`ToTable`]; parts laid out alike in markdown come from
//! [`grid`](crate::render::grid), wording from [`text`](crate::render::text).

use std::io::{self, Write};

use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets};

use crate::render::grid::{self, Grid};
use crate::render::text::{
    activities_line, count, effort_hours, effort_line, hours, or_empty, percent, plan_counts,
    wishes,
};
use crate::report::{
    BalanceReport, Freshness, GapGroupsReport, GapReport, NeedGap, PersonGapReport, PlanReport,
};

/// How tables are laid out.
#[derive(Debug, Clone, Copy, Default)]
pub struct TableStyle {
    /// Wrap to the terminal's width (only when writing to a terminal).
    pub wrap: bool,
}

/// A report as text tables.
pub trait ToTable {
    fn write_table<W: Write>(&self, style: TableStyle, out: W) -> io::Result<()>;
}

/// Draws a grid: its right-aligned columns right-aligned.
fn draw(style: TableStyle, grid: &Grid) -> Table {
    let mut table = Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED);
    table.set_content_arrangement(if style.wrap {
        ContentArrangement::Dynamic
    } else {
        ContentArrangement::Disabled
    });
    table.set_header(grid.columns.iter().map(|c| Cell::new(&c.name)));
    for row in &grid.rows {
        table.add_row(row.iter().zip(&grid.columns).map(|(text, column)| {
            let cell = Cell::new(text);
            if column.right {
                cell.set_alignment(CellAlignment::Right)
            } else {
                cell
            }
        }));
    }
    table
}

fn freshness_line(f: &Freshness) -> String {
    let mut line = format!("Freshness: {} assessed person-skill pairs", f.assessed);
    if f.assessed > 0 {
        line.push_str(&format!(
            ", {} stale ({}; assessed before {}, over {} months old)",
            f.stale,
            percent(f.stale as f64 / f.assessed as f64),
            or_empty(f.stale_before),
            f.max_age_months
        ));
        if f.undated > 0 {
            line.push_str(&format!(", {} undated", f.undated));
        }
    }
    line.push_str(&format!("; {} expired set aside.", f.expired));
    for e in &f.expired_list {
        line.push_str(&format!(
            "\n  expired: {} {} level {} (expired {}, {}:{})",
            e.person, e.skill, e.level, e.expires, e.file, e.line
        ));
    }
    if f.expired > f.expired_list.len() {
        line.push_str(&format!(
            "\n  ... and {} more expired",
            f.expired - f.expired_list.len()
        ));
    }
    line
}

impl ToTable for GapReport {
    fn write_table<W: Write>(&self, style: TableStyle, mut out: W) -> io::Result<()> {
        let report = self;
        writeln!(
            out,
            "{}: competence gaps as of {} (learning mix {})",
            report.organisation, report.as_of, report.mix
        )?;
        if report.needs.is_empty() {
            writeln!(out, "\nNo needs to report.")?;
            return Ok(());
        }
        let scope = |n: &NeedGap| match (&n.unit, &n.role) {
            (None, None) => "all".to_string(),
            (Some(u), None) => u.clone(),
            (None, Some(r)) => format!("role {r}"),
            (Some(u), Some(r)) => format!("{u}, role {r}"),
        };
        // The level's name, or nothing after the number when the scale has none.
        let level = |n: &NeedGap| {
            let name = report
                .levels
                .get(n.level as usize)
                .map_or("", String::as_str);
            format!("{} {name}", n.level)
        };
        let mut grid = grid::needs(report, scope, level);
        let t = &report.totals;
        grid.push([
            "Total".to_string(),
            format!("{} needs", t.needs),
            format!("{} unmet", t.unmet),
            String::new(),
            String::new(),
            t.shortfall.to_string(),
            String::new(),
            t.develop.to_string(),
            t.recruit.to_string(),
            hours(t.effort.total),
            String::new(),
            String::new(),
            String::new(),
        ]);
        writeln!(out, "{}", draw(style, &grid))?;
        writeln!(out, "Effort {}", effort_line(&t.effort, &report.mix))?;
        writeln!(out, "{}", freshness_line(&report.freshness))?;

        let developing: Vec<_> = report
            .needs
            .iter()
            .filter(|n| !n.develop.is_empty())
            .collect();
        if !developing.is_empty() {
            writeln!(out, "\nDevelop (from -> to level, hours):")?;
            for n in developing {
                let people: Vec<String> = n
                    .develop
                    .iter()
                    .map(|d| format!("{} {}->{} {} h", d.person, d.from, d.to, d.hours))
                    .collect();
                writeln!(out, "  {}: {}", n.id, people.join(", "))?;
            }
        }
        let recruiting: Vec<_> = report.needs.iter().filter(|n| n.recruit > 0).collect();
        if !recruiting.is_empty() {
            writeln!(out, "\nRecruit (rekruttering/innleie):")?;
            for n in recruiting {
                let by = n.by.map(|d| format!(" by {d}")).unwrap_or_default();
                writeln!(
                    out,
                    "  {}: {} x {} at level {}{by}",
                    n.id, n.recruit, n.skill_name, n.level
                )?;
            }
        }
        Ok(())
    }
}

/// `gap --by person`: one row per person, their gaps to their role.
impl ToTable for PersonGapReport {
    fn write_table<W: Write>(&self, style: TableStyle, mut out: W) -> io::Result<()> {
        let report = self;
        writeln!(
            out,
            "{}: role gaps as of {} (learning mix {})",
            report.organisation, report.as_of, report.mix
        )?;
        if report.people.is_empty() {
            writeln!(out, "\nNobody with a role to report.")?;
            return Ok(());
        }
        let mut grid = Grid::new(&[
            "Person",
            "Name",
            "Unit",
            "Role",
            ">Readiness",
            "Gaps (now->target)",
            ">Hours",
            ">Experience",
            ">Social",
            ">Formal",
        ]);
        for p in &report.people {
            let gaps: Vec<String> = p
                .skills
                .iter()
                .filter(|s| s.gap > 0)
                .map(|s| format!("{} {}->{}", s.skill, s.current, s.target))
                .collect();
            let mut row = vec![
                p.person.clone(),
                or_empty(p.name.as_ref()),
                or_empty(p.unit.as_ref()),
                p.role.clone(),
                percent(p.readiness),
                if gaps.is_empty() {
                    "none".to_string()
                } else {
                    gaps.join(", ")
                },
            ];
            row.extend(effort_hours(&p.effort));
            grid.push(row);
        }
        let t = &report.totals;
        let mut total = vec![
            "Total".to_string(),
            count(t.people, "person", "people"),
            String::new(),
            String::new(),
            percent(t.readiness),
            format!("{} with a gap", t.with_gap),
        ];
        total.extend(effort_hours(&t.effort));
        grid.push(total);
        writeln!(out, "{}", draw(style, &grid))?;
        writeln!(out, "Effort {}", effort_line(&t.effort, &report.mix))
    }
}

/// `plan`: each person's goals with reasons and activities, then the summary.
impl ToTable for PlanReport {
    fn write_table<W: Write>(&self, style: TableStyle, mut out: W) -> io::Result<()> {
        let report = self;
        writeln!(
            out,
            "{}: development plans as of {} (learning mix {})",
            report.organisation, report.as_of, report.mix
        )?;
        let levels = &report.levels;
        for plan in &report.plans {
            let mut about = vec![format!(
                "{} ({})",
                plan.name.as_deref().unwrap_or(&plan.person),
                plan.person
            )];
            about.extend(plan.unit.clone());
            about.extend(plan.role.as_ref().map(|r| format!("role {r}")));
            writeln!(out, "\n{}", about.join(", "))?;
            if plan.goals.is_empty() {
                writeln!(out, "  No development goals.")?;
            } else {
                writeln!(out, "{}", draw(style, &grid::goals(report, plan)))?;
                writeln!(out, "Effort {}", effort_line(&plan.effort, &report.mix))?;
                writeln!(out, "Suggested activities:")?;
                for g in &plan.goals {
                    let text = activities_line(report.activities_for(&g.skill));
                    writeln!(out, "  {}: {text}", g.skill_name)?;
                }
            }
            if let Some(w) = wishes(levels, &plan.wishes) {
                writeln!(out, "Own wishes, voluntary development: {w}")?;
            }
        }
        let s = &report.summary;
        writeln!(
            out,
            "\nSummary: {}, effort {}",
            plan_counts(s),
            effort_line(&s.effort, &report.mix)
        )?;
        for grid in grid::effort_summary(s) {
            writeln!(out, "{}", draw(style, &grid))?;
        }
        if s.recruit.is_empty() {
            writeln!(out, "Recruitment: none needed.")?;
        } else {
            writeln!(out, "Recruitment (rekruttering/innleie):")?;
            let grid = grid::recruitment(levels, &s.recruit);
            writeln!(out, "{}", draw(style, &grid))?;
        }
        Ok(())
    }
}

/// `gap --by unit|skill|driver`: one row per group.
impl ToTable for GapGroupsReport {
    fn write_table<W: Write>(&self, style: TableStyle, mut out: W) -> io::Result<()> {
        let report = self;
        writeln!(
            out,
            "{}: competence gaps by {} as of {} (learning mix {})",
            report.organisation, report.by, report.as_of, report.mix
        )?;
        let none = match report.by.as_str() {
            "unit" => "(whole organisation)",
            _ => "(none)",
        };
        let mut grid = grid::gap_groups(report, none);
        let t = &report.totals;
        grid.push([
            "Total".to_string(),
            String::new(),
            t.needs.to_string(),
            t.unmet.to_string(),
            String::new(),
            t.shortfall.to_string(),
            t.develop.to_string(),
            t.recruit.to_string(),
            hours(t.effort.total),
            String::new(),
        ]);
        writeln!(out, "{}", draw(style, &grid))?;
        writeln!(out, "Effort {}", effort_line(&t.effort, &report.mix))
    }
}

/// `balance`: the inventory, freshness and key-person risk.
impl ToTable for BalanceReport {
    fn write_table<W: Write>(&self, style: TableStyle, mut out: W) -> io::Result<()> {
        let report = self;
        writeln!(
            out,
            "{}: competence balance as of {} (people at each level)",
            report.organisation, report.as_of
        )?;
        if report.units.is_empty() {
            let grid = grid::balance(&report.scale, &report.skills);
            writeln!(out, "{}", draw(style, &grid))?;
        } else {
            for u in &report.units {
                writeln!(
                    out,
                    "\n{} ({})",
                    u.unit,
                    count(u.people as usize, "person", "people")
                )?;
                let grid = grid::balance(&report.scale, &u.skills);
                writeln!(out, "{}", draw(style, &grid))?;
            }
        }
        let f = &report.freshness;
        writeln!(
            out,
            "\nFreshness: {} current assessments; {} stale ({}, assessed before {}, over {} months old); {} undated; {} expired set aside ({}).",
            f.assessments,
            f.stale,
            percent(f.stale_share),
            f.stale_before,
            f.max_age_months,
            f.undated,
            f.expired,
            percent(f.expired_share)
        )?;
        for e in &f.expired_assessments {
            writeln!(
                out,
                "  expired: {} {} level {} (expired {}, {}:{})",
                e.person, e.skill, e.level, e.expires, e.file, e.line
            )?;
        }
        if !f.oldest.is_empty() {
            let oldest: Vec<String> = f
                .oldest
                .iter()
                .map(|o| format!("{} {} {}", o.person, o.skill, o.assessed))
                .collect();
            writeln!(out, "Oldest: {}", oldest.join(", "))?;
        }
        if f.expiring.is_empty() {
            writeln!(out, "Expiring within {} days: none.", f.expiring_days)?;
        } else {
            let soon: Vec<String> = f
                .expiring
                .iter()
                .map(|e| {
                    format!(
                        "{} {} {} (in {} days)",
                        e.person, e.skill, e.expires, e.days
                    )
                })
                .collect();
            writeln!(
                out,
                "Expiring within {} days: {}",
                f.expiring_days,
                soon.join(", ")
            )?;
        }
        if !report.key_people.is_empty() {
            writeln!(
                out,
                "\nKey-person risk (people at or above the highest level required):"
            )?;
            writeln!(out, "{}", draw(style, &grid::key_people(report, "RISK")))?;
        }
        Ok(())
    }
}
