//! Markdown: headings and pipe tables that read well as plain text and
//! render in a wiki, a pull request, an e-mail or through pandoc. Like the
//! tables, this output is for people and may change between versions.

use std::io::{self, Write};

use crate::render::table::effort_line;
use crate::render::{activities, count, hours, level, percent, reason};
use crate::report::{
    BalanceReport, GapGroupsReport, GapReport, PersonGapReport, PlanReport, SkillBalance,
};

/// Escapes what would break a table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// Writes a pipe table; columns whose header starts with '>' are right-aligned.
fn table<W: Write>(out: &mut W, header: &[&str], rows: &[Vec<String>]) -> io::Result<()> {
    let names: Vec<&str> = header.iter().map(|h| h.trim_start_matches('>')).collect();
    writeln!(out, "| {} |", names.join(" | "))?;
    let rule: Vec<&str> = header
        .iter()
        .map(|h| if h.starts_with('>') { "---:" } else { "---" })
        .collect();
    writeln!(out, "|{}|", rule.join("|"))?;
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    writeln!(out)
}

pub fn write_gap<W: Write>(report: &GapReport, mut out: W) -> io::Result<()> {
    writeln!(
        out,
        "# Competence gaps: {}\n\nAs of {}, learning mix {}.\n",
        report.organisation, report.as_of, report.mix
    )?;
    let rows: Vec<Vec<String>> = report
        .needs
        .iter()
        .map(|n| {
            let mut scope = vec![n.unit.clone().unwrap_or_else(|| "all".into())];
            scope.extend(n.role.as_ref().map(|r| format!("role {r}")));
            vec![
                n.id.clone(),
                n.skill_name.clone(),
                scope.join(", "),
                level(&report.levels, n.level),
                format!("{}/{}", n.have, n.count),
                n.shortfall.to_string(),
                percent(n.coverage),
                n.develop.len().to_string(),
                n.recruit.to_string(),
                hours(n.effort.total),
                n.priority.to_string(),
                n.by.map(|d| d.to_string()).unwrap_or_default(),
                n.driver.clone().unwrap_or_default(),
            ]
        })
        .collect();
    table(
        &mut out,
        &[
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
        ],
        &rows,
    )?;
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

pub fn write_person_gap<W: Write>(report: &PersonGapReport, mut out: W) -> io::Result<()> {
    writeln!(
        out,
        "# Role gaps: {}\n\nAs of {}, learning mix {}.\n",
        report.organisation, report.as_of, report.mix
    )?;
    let rows: Vec<Vec<String>> = report
        .people
        .iter()
        .flat_map(|p| {
            p.skills.iter().map(move |s| {
                vec![
                    p.person.clone(),
                    p.role.clone(),
                    percent(p.readiness),
                    s.skill.clone(),
                    s.current.to_string(),
                    s.target.to_string(),
                    s.gap.to_string(),
                    hours(s.effort.total),
                ]
            })
        })
        .collect();
    table(
        &mut out,
        &[
            "Person",
            "Role",
            ">Readiness",
            "Skill",
            ">Now",
            ">Target",
            ">Gap",
            ">Hours",
        ],
        &rows,
    )?;
    let t = &report.totals;
    writeln!(
        out,
        "**Total:** {} people, {} with a gap, readiness {}.\n\n**Effort** {}",
        t.people,
        t.with_gap,
        percent(t.readiness),
        effort_line(&t.effort, &report.mix)
    )
}

pub fn write_plan<W: Write>(report: &PlanReport, mut out: W) -> io::Result<()> {
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
            let rows: Vec<Vec<String>> = plan
                .goals
                .iter()
                .map(|g| {
                    let why: Vec<String> = g.reasons.iter().map(reason).collect();
                    vec![
                        g.skill_name.clone(),
                        level(levels, g.from),
                        level(levels, g.to),
                        hours(g.effort.total),
                        hours(g.effort.experience),
                        hours(g.effort.social),
                        hours(g.effort.formal),
                        why.join("; "),
                        g.by.map(|d| d.to_string()).unwrap_or_default(),
                    ]
                })
                .collect();
            table(
                &mut out,
                &[
                    "Skill",
                    "From",
                    "To",
                    ">Hours",
                    ">Experience",
                    ">Social",
                    ">Formal",
                    "Why",
                    "By",
                ],
                &rows,
            )?;
            writeln!(out, "**Suggested activities**\n")?;
            for g in &plan.goals {
                let lines = activities(report.activities_for(&g.skill));
                let text = if lines.is_empty() {
                    "none in the catalogue".to_string()
                } else {
                    lines.join("; ")
                };
                writeln!(out, "- **{}**: {text}", g.skill_name)?;
            }
            writeln!(out)?;
        }
        if !plan.wishes.is_empty() {
            let wishes: Vec<String> = plan
                .wishes
                .iter()
                .map(|w| format!("{} (now {})", w.skill, level(levels, w.level)))
                .collect();
            writeln!(
                out,
                "**Own wishes (voluntary development):** {}\n",
                wishes.join(", ")
            )?;
        }
    }
    let s = &report.summary;
    writeln!(
        out,
        "## Summary\n\n{}, {}. Effort {}\n",
        count(s.people, "person", "people"),
        count(s.goals, "goal", "goals"),
        effort_line(&s.effort, &report.mix)
    )?;
    for (title, rows, none) in [
        ("Unit", &s.by_unit, "(no unit)"),
        ("Driver", &s.by_driver, "(role requirements)"),
    ] {
        let rows: Vec<Vec<String>> = rows
            .iter()
            .map(|r| {
                vec![
                    r.key.clone().unwrap_or_else(|| none.to_string()),
                    r.goals.to_string(),
                    hours(r.effort.total),
                    hours(r.effort.experience),
                    hours(r.effort.social),
                    hours(r.effort.formal),
                ]
            })
            .collect();
        if !rows.is_empty() {
            table(
                &mut out,
                &[
                    title,
                    ">Goals",
                    ">Hours",
                    ">Experience",
                    ">Social",
                    ">Formal",
                ],
                &rows,
            )?;
        }
    }
    writeln!(out, "### Recruitment (rekruttering/innleie)\n")?;
    if s.recruit.is_empty() {
        return writeln!(out, "None needed.");
    }
    let rows: Vec<Vec<String>> = s
        .recruit
        .iter()
        .map(|r| {
            vec![
                r.need.clone(),
                r.skill.clone(),
                level(levels, r.level),
                r.count.to_string(),
                r.priority.to_string(),
                r.by.map(|d| d.to_string()).unwrap_or_default(),
                r.driver.clone().unwrap_or_default(),
            ]
        })
        .collect();
    table(
        &mut out,
        &[
            "Need", "Skill", "Level", ">Count", "Priority", "By", "Driver",
        ],
        &rows,
    )
}

pub fn write_gap_groups<W: Write>(report: &GapGroupsReport, mut out: W) -> io::Result<()> {
    writeln!(
        out,
        "# Competence gaps by {}: {}\n\nAs of {}, learning mix {}.\n",
        report.by, report.organisation, report.as_of, report.mix
    )?;
    let rows: Vec<Vec<String>> = report
        .groups
        .iter()
        .map(|g| {
            vec![
                g.key.clone().unwrap_or_else(|| "(none)".into()),
                g.name.clone().unwrap_or_default(),
                g.needs.to_string(),
                g.unmet.to_string(),
                percent(g.coverage),
                g.shortfall.to_string(),
                g.develop.to_string(),
                g.recruit.to_string(),
                hours(g.effort.total),
                g.at_risk
                    .map(|p| p.to_string())
                    .unwrap_or_else(|| "no".into()),
            ]
        })
        .collect();
    let title = match report.by.as_str() {
        "unit" => "Unit",
        "skill" => "Skill",
        _ => "Driver",
    };
    table(
        &mut out,
        &[
            title,
            "Name",
            ">Needs",
            ">Unmet",
            ">Coverage",
            ">Short",
            ">Develop",
            ">Recruit",
            ">Hours",
            "At risk",
        ],
        &rows,
    )?;
    writeln!(
        out,
        "**Effort** {}",
        effort_line(&report.totals.effort, &report.mix)
    )
}

fn balance_rows(rows: &[SkillBalance]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| {
            let mut row = vec![r.name.clone(), r.group.clone().unwrap_or_default()];
            row.extend(r.levels.iter().map(|n| n.to_string()));
            row.extend([
                r.assessed.to_string(),
                r.unassessed.to_string(),
                r.stale.to_string(),
                r.expired.to_string(),
                r.median
                    .map(|m| m.to_string())
                    .unwrap_or_else(|| "-".into()),
                r.interest.to_string(),
            ]);
            row
        })
        .collect()
}

pub fn write_balance<W: Write>(report: &BalanceReport, mut out: W) -> io::Result<()> {
    writeln!(
        out,
        "# Competence balance: {}\n\nAs of {}; people at each level.\n",
        report.organisation, report.as_of
    )?;
    let mut header: Vec<String> = vec!["Skill".into(), "Group".into()];
    header.extend(
        report
            .scale
            .iter()
            .enumerate()
            .map(|(i, n)| format!(">{i} {n}")),
    );
    header.extend(
        [
            ">Assessed",
            ">Unassessed",
            ">Stale",
            ">Expired",
            ">Median",
            ">Interest",
        ]
        .iter()
        .map(|s| s.to_string()),
    );
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    if report.units.is_empty() {
        table(&mut out, &header, &balance_rows(&report.skills))?;
    } else {
        for u in &report.units {
            writeln!(
                out,
                "## {} ({})\n",
                u.unit,
                count(u.people as usize, "person", "people")
            )?;
            table(&mut out, &header, &balance_rows(&u.skills))?;
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
    let rows: Vec<Vec<String>> = report
        .key_people
        .iter()
        .map(|k| {
            vec![
                k.skill.clone(),
                level(&report.scale, k.level),
                k.holders.to_string(),
                k.people.join(", "),
                if k.risk {
                    "**risk**".into()
                } else {
                    String::new()
                },
            ]
        })
        .collect();
    table(
        &mut out,
        &["Skill", "Level", ">Holders", "Who", "Risk"],
        &rows,
    )
}
