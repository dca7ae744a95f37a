//! Tables for people at a terminal (comfy-table). This output may change
//! freely between versions; scripts should use JSON or CSV.

use std::io::{self, Write};

use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets};

use crate::model::{Effort, LearningMix};
use crate::render::{activities, count, hours, level, percent, reason};
use crate::report::{
    BalanceReport, Freshness, GapGroupsReport, GapReport, PersonGapReport, PlanReport, SkillBalance,
};

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

/// `gap --by person`: one row per person, their gaps to their role.
pub fn write_person_gap<W: Write>(
    report: &PersonGapReport,
    style: TableStyle,
    mut out: W,
) -> io::Result<()> {
    writeln!(
        out,
        "{}: role gaps as of {} (learning mix {})",
        report.organisation, report.as_of, report.mix
    )?;
    if report.people.is_empty() {
        writeln!(out, "\nNobody with a role to report.")?;
        return Ok(());
    }
    let mut table = new_table(
        style,
        &[
            "Person",
            "Name",
            "Unit",
            "Role",
            "Readiness",
            "Gaps (now->target)",
            "Hours",
            "Experience",
            "Social",
            "Formal",
        ],
    );
    for p in &report.people {
        let gaps: Vec<String> = p
            .skills
            .iter()
            .filter(|s| s.gap > 0)
            .map(|s| format!("{} {}->{}", s.skill, s.current, s.target))
            .collect();
        table.add_row(vec![
            Cell::new(&p.person),
            Cell::new(p.name.as_deref().unwrap_or("")),
            Cell::new(p.unit.as_deref().unwrap_or("")),
            Cell::new(&p.role),
            right(percent(p.readiness)),
            Cell::new(if gaps.is_empty() {
                "none".to_string()
            } else {
                gaps.join(", ")
            }),
            right(hours(p.effort.total)),
            right(hours(p.effort.experience)),
            right(hours(p.effort.social)),
            right(hours(p.effort.formal)),
        ]);
    }
    let t = &report.totals;
    table.add_row(vec![
        Cell::new("Total"),
        Cell::new(format!("{} people", t.people)),
        Cell::new(""),
        Cell::new(""),
        right(percent(t.readiness)),
        Cell::new(format!("{} with a gap", t.with_gap)),
        right(hours(t.effort.total)),
        right(hours(t.effort.experience)),
        right(hours(t.effort.social)),
        right(hours(t.effort.formal)),
    ]);
    writeln!(out, "{table}")?;
    writeln!(out, "Effort {}", effort_line(&t.effort, &report.mix))
}

/// `plan`: each person's goals with reasons and activities, then the summary.
pub fn write_plan<W: Write>(report: &PlanReport, style: TableStyle, mut out: W) -> io::Result<()> {
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
            let mut table = new_table(
                style,
                &[
                    "Skill",
                    "From",
                    "To",
                    "Hours",
                    "Experience",
                    "Social",
                    "Formal",
                    "Why",
                    "By",
                ],
            );
            for g in &plan.goals {
                let why: Vec<String> = g.reasons.iter().map(reason).collect();
                table.add_row(vec![
                    Cell::new(&g.skill_name),
                    Cell::new(level(levels, g.from)),
                    Cell::new(level(levels, g.to)),
                    right(hours(g.effort.total)),
                    right(hours(g.effort.experience)),
                    right(hours(g.effort.social)),
                    right(hours(g.effort.formal)),
                    Cell::new(why.join("; ")),
                    Cell::new(g.by.map(|d| d.to_string()).unwrap_or_default()),
                ]);
            }
            writeln!(out, "{table}")?;
            writeln!(out, "Effort {}", effort_line(&plan.effort, &report.mix))?;
            writeln!(out, "Suggested activities:")?;
            for g in &plan.goals {
                let lines = activities(report.activities_for(&g.skill));
                if lines.is_empty() {
                    writeln!(out, "  {}: none in the catalogue", g.skill_name)?;
                } else {
                    writeln!(out, "  {}: {}", g.skill_name, lines.join("; "))?;
                }
            }
        }
        if !plan.wishes.is_empty() {
            let wishes: Vec<String> = plan
                .wishes
                .iter()
                .map(|w| format!("{} (now {})", w.skill, level(levels, w.level)))
                .collect();
            writeln!(
                out,
                "Own wishes, voluntary development: {}",
                wishes.join(", ")
            )?;
        }
    }
    let s = &report.summary;
    writeln!(
        out,
        "\nSummary: {}, {}, effort {}",
        count(s.people, "person", "people"),
        count(s.goals, "goal", "goals"),
        effort_line(&s.effort, &report.mix)
    )?;
    for (title, rows) in [("Unit", &s.by_unit), ("Driver", &s.by_driver)] {
        if rows.is_empty() {
            continue;
        }
        let mut table = new_table(
            style,
            &[title, "Goals", "Hours", "Experience", "Social", "Formal"],
        );
        for r in rows {
            let key = r.key.clone().unwrap_or_else(|| {
                if title == "Unit" {
                    "(no unit)"
                } else {
                    "(role requirements)"
                }
                .to_string()
            });
            table.add_row(vec![
                Cell::new(key),
                right(r.goals),
                right(hours(r.effort.total)),
                right(hours(r.effort.experience)),
                right(hours(r.effort.social)),
                right(hours(r.effort.formal)),
            ]);
        }
        writeln!(out, "{table}")?;
    }
    if s.recruit.is_empty() {
        writeln!(out, "Recruitment: none needed.")?;
    } else {
        writeln!(out, "Recruitment (rekruttering/innleie):")?;
        let mut table = new_table(
            style,
            &[
                "Need", "Skill", "Level", "Count", "Priority", "By", "Driver",
            ],
        );
        for r in &s.recruit {
            table.add_row(vec![
                Cell::new(&r.need),
                Cell::new(&r.skill),
                Cell::new(level(levels, r.level)),
                right(r.count),
                Cell::new(r.priority),
                Cell::new(r.by.map(|d| d.to_string()).unwrap_or_default()),
                Cell::new(r.driver.clone().unwrap_or_default()),
            ]);
        }
        writeln!(out, "{table}")?;
    }
    Ok(())
}

/// `gap --by unit|skill|driver`: one row per group.
pub fn write_gap_groups<W: Write>(
    report: &GapGroupsReport,
    style: TableStyle,
    mut out: W,
) -> io::Result<()> {
    writeln!(
        out,
        "{}: competence gaps by {} as of {} (learning mix {})",
        report.organisation, report.by, report.as_of, report.mix
    )?;
    let title = match report.by.as_str() {
        "unit" => "Unit",
        "skill" => "Skill",
        _ => "Driver",
    };
    let mut table = new_table(
        style,
        &[
            title, "Name", "Needs", "Unmet", "Coverage", "Short", "Develop", "Recruit", "Hours",
            "At risk",
        ],
    );
    for g in &report.groups {
        let key = g.key.clone().unwrap_or_else(|| match report.by.as_str() {
            "unit" => "(whole organisation)".into(),
            _ => "(none)".into(),
        });
        table.add_row(vec![
            Cell::new(key),
            Cell::new(g.name.clone().unwrap_or_default()),
            right(g.needs),
            right(g.unmet),
            right(percent(g.coverage)),
            right(g.shortfall),
            right(g.develop),
            right(g.recruit),
            right(hours(g.effort.total)),
            Cell::new(
                g.at_risk
                    .map(|p| p.to_string())
                    .unwrap_or_else(|| "no".into()),
            ),
        ]);
    }
    let t = &report.totals;
    table.add_row(vec![
        Cell::new("Total"),
        Cell::new(""),
        right(t.needs),
        right(t.unmet),
        Cell::new(""),
        right(t.shortfall),
        right(t.develop),
        right(t.recruit),
        right(hours(t.effort.total)),
        Cell::new(""),
    ]);
    writeln!(out, "{table}")?;
    writeln!(out, "Effort {}", effort_line(&t.effort, &report.mix))
}

fn balance_table(scale: &[String], rows: &[SkillBalance], style: TableStyle) -> Table {
    let mut header: Vec<String> = vec!["Skill".into(), "Group".into()];
    header.extend(
        scale
            .iter()
            .enumerate()
            .map(|(i, name)| format!("{i} {name}")),
    );
    header.extend(
        [
            "Assessed",
            "Unassessed",
            "Stale",
            "Expired",
            "Median",
            "Interest",
        ]
        .iter()
        .map(|s| s.to_string()),
    );
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut table = new_table(style, &header);
    for r in rows {
        let mut row = vec![
            Cell::new(&r.name),
            Cell::new(r.group.clone().unwrap_or_default()),
        ];
        row.extend(r.levels.iter().map(right));
        row.extend([
            right(r.assessed),
            right(r.unassessed),
            right(r.stale),
            right(r.expired),
            right(
                r.median
                    .map(|m| m.to_string())
                    .unwrap_or_else(|| "-".into()),
            ),
            right(r.interest),
        ]);
        table.add_row(row);
    }
    table
}

/// `balance`: the inventory, freshness and key-person risk.
pub fn write_balance<W: Write>(
    report: &BalanceReport,
    style: TableStyle,
    mut out: W,
) -> io::Result<()> {
    writeln!(
        out,
        "{}: competence balance as of {} (people at each level)",
        report.organisation, report.as_of
    )?;
    if report.units.is_empty() {
        writeln!(
            out,
            "{}",
            balance_table(&report.scale, &report.skills, style)
        )?;
    } else {
        for u in &report.units {
            writeln!(
                out,
                "\n{} ({})",
                u.unit,
                count(u.people as usize, "person", "people")
            )?;
            writeln!(out, "{}", balance_table(&report.scale, &u.skills, style))?;
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
        let mut table = new_table(style, &["Skill", "Level", "Holders", "Who", "Risk"]);
        for k in &report.key_people {
            table.add_row(vec![
                Cell::new(&k.skill),
                Cell::new(level(&report.scale, k.level)),
                right(k.holders),
                Cell::new(k.people.join(", ")),
                Cell::new(if k.risk { "RISK" } else { "" }),
            ]);
        }
        writeln!(out, "{table}")?;
    }
    Ok(())
}
