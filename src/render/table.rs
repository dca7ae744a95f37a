//! Tables for people at a terminal (comfy-table). This output may change
//! freely between versions; scripts should use JSON or CSV.

use std::io::{self, Write};

use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets};

use crate::model::{Effort, LearningMix};
use crate::render::{hours, percent};
use crate::report::{Freshness, GapReport};

/// How tables are laid out.
#[derive(Debug, Clone, Copy, Default)]
pub struct TableStyle {
    /// Wrap to the terminal's width (only when writing to a terminal).
    pub wrap: bool,
}

fn new_table(style: TableStyle, header: &[&str]) -> Table {
    let mut table = Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED);
    table.set_content_arrangement(if style.wrap {
        ContentArrangement::Dynamic
    } else {
        ContentArrangement::Disabled
    });
    table.set_header(header.iter().map(Cell::new));
    table
}

fn right(text: impl ToString) -> Cell {
    Cell::new(text.to_string()).set_alignment(CellAlignment::Right)
}

/// "280 h: experience 196 h (70 %), social 56 h (20 %), formal 28 h (10 %)".
pub fn effort_line(effort: &Effort, mix: &LearningMix) -> String {
    format!(
        "{} h: experience {} h ({} %), social {} h ({} %), formal {} h ({} %)",
        hours(effort.total),
        hours(effort.experience),
        mix.experience,
        hours(effort.social),
        mix.social,
        hours(effort.formal),
        mix.formal
    )
}

fn freshness_line(f: &Freshness) -> String {
    let mut line = format!("Freshness: {} assessed person-skill pairs", f.assessed);
    if f.assessed > 0 {
        line.push_str(&format!(
            ", {} stale ({}; assessed before {}, over {} months old)",
            f.stale,
            percent(f.stale as f64 / f.assessed as f64),
            f.stale_before.map(|d| d.to_string()).unwrap_or_default(),
            f.max_age_months
        ));
        if f.undated > 0 {
            line.push_str(&format!(", {} undated", f.undated));
        }
    }
    line.push_str(&format!("; {} expired set aside.", f.expired));
    line
}

pub fn write_gap<W: Write>(report: &GapReport, style: TableStyle, mut out: W) -> io::Result<()> {
    writeln!(
        out,
        "{}: competence gaps as of {} (learning mix {})",
        report.organisation, report.as_of, report.mix
    )?;
    if report.needs.is_empty() {
        writeln!(out, "\nNo needs to report.")?;
        return Ok(());
    }
    let mut table = new_table(
        style,
        &[
            "Need", "Skill", "Scope", "Level", "Have", "Short", "Coverage", "Develop", "Recruit",
            "Hours", "Priority", "By", "Driver",
        ],
    );
    for n in &report.needs {
        let scope = match (&n.unit, &n.role) {
            (None, None) => "all".to_string(),
            (Some(u), None) => u.clone(),
            (None, Some(r)) => format!("role {r}"),
            (Some(u), Some(r)) => format!("{u}, role {r}"),
        };
        let level_name = report
            .levels
            .get(n.level as usize)
            .map(String::as_str)
            .unwrap_or("");
        table.add_row(vec![
            Cell::new(&n.id),
            Cell::new(&n.skill_name),
            Cell::new(scope),
            Cell::new(format!("{} {level_name}", n.level)),
            right(format!("{}/{}", n.have, n.count)),
            right(n.shortfall),
            right(percent(n.coverage)),
            right(n.develop.len()),
            right(n.recruit),
            right(hours(n.effort.total)),
            Cell::new(n.priority),
            Cell::new(n.by.map(|d| d.to_string()).unwrap_or_default()),
            Cell::new(n.driver.clone().unwrap_or_default()),
        ]);
    }
    let t = &report.totals;
    table.add_row(vec![
        Cell::new("Total"),
        Cell::new(format!("{} needs", t.needs)),
        Cell::new(format!("{} unmet", t.unmet)),
        Cell::new(""),
        Cell::new(""),
        right(t.shortfall),
        Cell::new(""),
        right(t.develop),
        right(t.recruit),
        right(hours(t.effort.total)),
        Cell::new(""),
        Cell::new(""),
        Cell::new(""),
    ]);
    writeln!(out, "{table}")?;
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
