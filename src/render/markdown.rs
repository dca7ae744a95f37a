//! Markdown: headings and pipe tables that read well as plain text and
//! render in a wiki, a pull request, an e-mail or through pandoc. Like the
//! tables, this output is for people and may change between versions. Each
//! report implements [`ToMarkdown`]; parts laid out alike in tables come
//! from [`grid`](crate::render::grid), wording from [`text`](crate::render::text).

use std::io::{self, Write};

use crate::render::grid::{self, Grid};
use crate::render::text::{
    activities_line, count, effort_line, hours, level, percent, plan_counts, wishes,
};
use crate::report::{
    BalanceReport, GapGroupsReport, GapReport, NeedGap, PersonGapReport, PlanReport,
};

/// A report as markdown.
pub trait ToMarkdown {
    fn write_markdown<W: Write>(&self, out: W) -> io::Result<()>;
}

/// Escapes what would break a table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// Writes a grid as a pipe table, then a blank line.
fn table<W: Write>(out: &mut W, grid: &Grid) -> io::Result<()> {
    let names: Vec<&str> = grid.columns.iter().map(|c| c.name.as_str()).collect();
    writeln!(out, "| {} |", names.join(" | "))?;
    let rule: Vec<&str> = grid
        .columns
        .iter()
        .map(|c| if c.right { "---:" } else { "---" })
        .collect();
    writeln!(out, "|{}|", rule.join("|"))?;
    for row in &grid.rows {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    writeln!(out)
}

impl ToMarkdown for GapReport {
    fn write_markdown<W: Write>(&self, mut out: W) -> io::Result<()> {
        let report = self;
        writeln!(
            out,
            "# Competence gaps: {}\n\nAs of {}, learning mix {}.\n",
            report.organisation, report.as_of, report.mix
        )?;
        let scope = |n: &NeedGap| {
            let mut scope = vec![n.unit.clone().unwrap_or_else(|| "all".into())];
            scope.extend(n.role.as_ref().map(|r| format!("role {r}")));
            scope.join(", ")
        };
        let grid = grid::needs(report, scope, |n| level(&report.levels, n.level));
        table(&mut out, &grid)?;
        let t = &report.totals;
        writeln!(
            out,
            "**Total:** {} needs, {} unmet, shortfall {}, {} to develop, {} to recruit.\n\n**Effort** {}\n",
            t.needs,
            t.unmet,
            t.shortfall,
            t.develop,
            t.recruit,
            effort_line(&t.effort, &report.mix)
        )?;
        for n in report.needs.iter().filter(|n| !n.develop.is_empty()) {
            let people: Vec<String> = n
                .develop
                .iter()
                .map(|d| format!("{} {}->{} ({} h)", d.person, d.from, d.to, d.hours))
                .collect();
            writeln!(out, "- Develop for **{}**: {}", n.id, people.join(", "))?;
        }
        for n in report.needs.iter().filter(|n| n.recruit > 0) {
            let by = n.by.map(|d| format!(" by {d}")).unwrap_or_default();
            writeln!(
                out,
                "- Recruit for **{}**: {} x {} at level {}{by}",
                n.id, n.recruit, n.skill_name, n.level
            )?;
        }
        Ok(())
    }
}

impl ToMarkdown for PersonGapReport {
    fn write_markdown<W: Write>(&self, mut out: W) -> io::Result<()> {
        let report = self;
        writeln!(
            out,
            "# Role gaps: {}\n\nAs of {}, learning mix {}.\n",
            report.organisation, report.as_of, report.mix
        )?;
        let mut grid = Grid::new(&[
            "Person",
            "Role",
            ">Readiness",
            "Skill",
            ">Now",
            ">Target",
            ">Gap",
            ">Hours",
        ]);
        for p in &report.people {
            for s in &p.skills {
                grid.push([
                    p.person.clone(),
                    p.role.clone(),
                    percent(p.readiness),
                    s.skill.clone(),
                    s.current.to_string(),
                    s.target.to_string(),
                    s.gap.to_string(),
                    hours(s.effort.total),
                ]);
            }
        }
        table(&mut out, &grid)?;
        let t = &report.totals;
        writeln!(
            out,
            "**Total:** {}, {} with a gap, readiness {}.\n\n**Effort** {}",
            count(t.people, "person", "people"),
            t.with_gap,
            percent(t.readiness),
            effort_line(&t.effort, &report.mix)
        )
    }
}

impl ToMarkdown for PlanReport {
    fn write_markdown<W: Write>(&self, mut out: W) -> io::Result<()> {
        let report = self;
        writeln!(
            out,
            "# Development plans: {}\n\nAs of {}, learning mix {} (experience, social, formal).\n",
            report.organisation, report.as_of, report.mix
        )?;
        let levels = &report.levels;
        for plan in &report.plans {
            writeln!(
                out,
                "## {} ({})\n",
                plan.name.as_deref().unwrap_or(&plan.person),
                plan.person
            )?;
            let mut about = Vec::new();
            about.extend(plan.unit.as_ref().map(|u| format!("Unit: {u}")));
            about.extend(plan.role.as_ref().map(|r| format!("Role: {r}")));
            about.push(format!(
                "Effort: {}",
                effort_line(&plan.effort, &report.mix)
            ));
            writeln!(out, "{}\n", about.join(" · "))?;
            if plan.goals.is_empty() {
                writeln!(out, "No development goals.\n")?;
            } else {
                table(&mut out, &grid::goals(report, plan))?;
                writeln!(out, "**Suggested activities**\n")?;
                for g in &plan.goals {
                    let text = activities_line(report.activities_for(&g.skill));
                    writeln!(out, "- **{}**: {text}", g.skill_name)?;
                }
                writeln!(out)?;
            }
            if let Some(w) = wishes(levels, &plan.wishes) {
                writeln!(out, "**Own wishes (voluntary development):** {w}\n")?;
            }
        }
        let s = &report.summary;
        writeln!(
            out,
            "## Summary\n\n{}. Effort {}\n",
            plan_counts(s),
            effort_line(&s.effort, &report.mix)
        )?;
        for grid in grid::effort_summary(s) {
            table(&mut out, &grid)?;
        }
        writeln!(out, "### Recruitment (rekruttering/innleie)\n")?;
        if s.recruit.is_empty() {
            return writeln!(out, "None needed.");
        }
        table(&mut out, &grid::recruitment(levels, &s.recruit))
    }
}

impl ToMarkdown for GapGroupsReport {
    fn write_markdown<W: Write>(&self, mut out: W) -> io::Result<()> {
        let report = self;
        writeln!(
            out,
            "# Competence gaps by {}: {}\n\nAs of {}, learning mix {}.\n",
            report.by, report.organisation, report.as_of, report.mix
        )?;
        table(&mut out, &grid::gap_groups(report, "(none)"))?;
        writeln!(
            out,
            "**Effort** {}",
            effort_line(&report.totals.effort, &report.mix)
        )
    }
}

impl ToMarkdown for BalanceReport {
    fn write_markdown<W: Write>(&self, mut out: W) -> io::Result<()> {
        let report = self;
        writeln!(
            out,
            "# Competence balance: {}\n\nAs of {}; people at each level.\n",
            report.organisation, report.as_of
        )?;
        if report.units.is_empty() {
            table(&mut out, &grid::balance(&report.scale, &report.skills))?;
        } else {
            for u in &report.units {
                writeln!(
                    out,
                    "## {} ({})\n",
                    u.unit,
                    count(u.people as usize, "person", "people")
                )?;
                table(&mut out, &grid::balance(&report.scale, &u.skills))?;
            }
        }
        let f = &report.freshness;
        writeln!(
            out,
            "## Freshness\n\n{} current assessments: {} stale ({}, assessed before {}), {} undated; {} expired set aside ({}).\n",
            f.assessments,
            f.stale,
            percent(f.stale_share),
            f.stale_before,
            f.undated,
            f.expired,
            percent(f.expired_share)
        )?;
        for e in &f.expired_assessments {
            writeln!(
                out,
                "- expired: {} in {} level {} (expired {}, {}:{})",
                e.person, e.skill, e.level, e.expires, e.file, e.line
            )?;
        }
        for o in &f.oldest {
            writeln!(
                out,
                "- oldest: {} in {} ({})",
                o.person, o.skill, o.assessed
            )?;
        }
        for e in &f.expiring {
            writeln!(
                out,
                "- expiring: {} in {} on {} (in {} days)",
                e.person, e.skill, e.expires, e.days
            )?;
        }
        writeln!(out, "\n## Key-person risk\n")?;
        table(&mut out, &grid::key_people(report, "**risk**"))
    }
}
