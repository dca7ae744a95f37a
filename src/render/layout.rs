//! Layouts: each report told as an [`Outline`] for the human formats, in
//! either [`Dialect`]. This is the one place that decides what a report
//! shows to people and in which order; a part both dialects show alike
//! (goal grids, activity lines, wishes, the effort and recruitment grids)
//! is built once, and only the wording that differs is chosen per dialect.
//!
//! Layouts never write bytes (the formats do) and never compute a figure
//! the report does not hold.

use crate::model::{Date, LearningMix};
use crate::render::grid::{self, Grid};
use crate::render::outline::{Builder, Dialect, Outline, Text, ToOutline};
use crate::render::text::{
    activities_line, count, effort_hours, effort_line, hours, level, or_empty, percent,
    plan_counts, wishes,
};
use crate::report::{
    BalanceReport, GapGroupsReport, GapReport, NeedGap, PersonGapReport, PersonPlan, PlanReport,
};

use Dialect::{Document, Terminal};

/// A document's opening, from what the report is about ("competence
/// gaps"): the terminal's one line "ORG: competence gaps as of DATE
/// (learning mix M)", or a document's title "Competence gaps: ORG" and a
/// line of context. A report without a learning mix counts people at each
/// level; `note` follows the mix in a document.
fn opening(
    dialect: Dialect,
    what: &str,
    organisation: &str,
    as_of: Date,
    mix: Option<(&LearningMix, &str)>,
) -> Builder {
    let mut out = Builder::default();
    match (dialect, mix) {
        (Terminal, Some((mix, _))) => out.title(format!(
            "{organisation}: {what} as of {as_of} (learning mix {mix})"
        )),
        (Terminal, None) => out.title(format!(
            "{organisation}: {what} as of {as_of} (people at each level)"
        )),
        (Document, _) => {
            let mut chars = what.chars();
            let what: String = chars
                .next()
                .map(|c| c.to_ascii_uppercase())
                .into_iter()
                .chain(chars)
                .collect();
            let about = match mix {
                Some((mix, note)) => format!("As of {as_of}, learning mix {mix}{note}."),
                None => format!("As of {as_of}; people at each level."),
            };
            out.title(format!("{what}: {organisation}")).para(about)
        }
    };
    out
}

impl ToOutline for GapReport {
    fn outline(&self, dialect: Dialect) -> Outline {
        let r = self;
        let mut out = opening(
            dialect,
            "competence gaps",
            &r.organisation,
            r.as_of,
            Some((&r.mix, "")),
        );
        match dialect {
            Terminal => gap_terminal(r, &mut out),
            Document => gap_document(r, &mut out),
        }
        out.build()
    }
}

fn gap_terminal(r: &GapReport, out: &mut Builder) {
    if r.needs.is_empty() {
        out.heading(2, "No needs to report.");
        return;
    }
    let scope = |n: &NeedGap| match (&n.unit, &n.role) {
        (None, None) => "all".to_string(),
        (Some(u), None) => u.clone(),
        (None, Some(role)) => format!("role {role}"),
        (Some(u), Some(role)) => format!("{u}, role {role}"),
    };
    // The level's name, or nothing after the number when the scale has none.
    let level = |n: &NeedGap| {
        let name = r.levels.get(n.level as usize).map_or("", String::as_str);
        format!("{} {name}", n.level)
    };
    let mut needs = grid::needs(r, scope, level);
    let t = &r.totals;
    needs.push([
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
    out.grid(needs)
        .para(format!("Effort {}", effort_line(&t.effort, &r.mix)));
    let f = &r.freshness;
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
    let mut expired: Vec<Text> = f
        .expired_list
        .iter()
        .map(|e| {
            Text::plain(format!(
                "expired: {} {} level {} (expired {}, {}:{})",
                e.person, e.skill, e.level, e.expires, e.file, e.line
            ))
        })
        .collect();
    if f.expired > f.expired_list.len() {
        let more = f.expired - f.expired_list.len();
        expired.push(Text::plain(format!("... and {more} more expired")));
    }
    out.para(line).list(expired);
    let develop: Vec<Text> = r
        .needs
        .iter()
        .filter(|n| !n.develop.is_empty())
        .map(|n| {
            let people: Vec<String> = n
                .develop
                .iter()
                .map(|d| format!("{} {}->{} {} h", d.person, d.from, d.to, d.hours))
                .collect();
            Text::plain(format!("{}: {}", n.id, people.join(", ")))
        })
        .collect();
    if !develop.is_empty() {
        out.heading(2, "Develop (from -> to level, hours):")
            .list(develop);
    }
    let recruit: Vec<Text> = r
        .needs
        .iter()
        .filter(|n| n.recruit > 0)
        .map(|n| Text::plain(format!("{}: {}", n.id, recruit_line(n))))
        .collect();
    if !recruit.is_empty() {
        out.heading(2, "Recruit (rekruttering/innleie):")
            .list(recruit);
    }
}

/// "2 x Rust at level 3 by 2027-06-30": what a need recruits.
fn recruit_line(n: &NeedGap) -> String {
    let by = n.by.map(|d| format!(" by {d}")).unwrap_or_default();
    format!("{} x {} at level {}{by}", n.recruit, n.skill_name, n.level)
}

fn gap_document(r: &GapReport, out: &mut Builder) {
    let scope = |n: &NeedGap| {
        let mut scope = vec![n.unit.clone().unwrap_or_else(|| "all".into())];
        scope.extend(n.role.as_ref().map(|role| format!("role {role}")));
        scope.join(", ")
    };
    let t = &r.totals;
    out.grid(grid::needs(r, scope, |n| level(&r.levels, n.level)))
        .para(Text::default().strong("Total:").and(format!(
            " {} needs, {} unmet, shortfall {}, {} to develop, {} to recruit.",
            t.needs, t.unmet, t.shortfall, t.develop, t.recruit
        )))
        .para(
            Text::default()
                .strong("Effort")
                .and(format!(" {}", effort_line(&t.effort, &r.mix))),
        );
    let develop = r.needs.iter().filter(|n| !n.develop.is_empty()).map(|n| {
        let people: Vec<String> = n
            .develop
            .iter()
            .map(|d| format!("{} {}->{} ({} h)", d.person, d.from, d.to, d.hours))
            .collect();
        Text::plain("Develop for ")
            .strong(&n.id)
            .and(format!(": {}", people.join(", ")))
    });
    let recruit = r.needs.iter().filter(|n| n.recruit > 0).map(|n| {
        Text::plain("Recruit for ")
            .strong(&n.id)
            .and(format!(": {}", recruit_line(n)))
    });
    out.list(develop.chain(recruit));
}

/// `gap --by person`: one row per person (terminal) or per required skill
/// (document), their gaps to their role.
impl ToOutline for PersonGapReport {
    fn outline(&self, dialect: Dialect) -> Outline {
        let r = self;
        let t = &r.totals;
        let mut out = opening(
            dialect,
            "role gaps",
            &r.organisation,
            r.as_of,
            Some((&r.mix, "")),
        );
        let effort = effort_line(&t.effort, &r.mix);
        match dialect {
            Terminal if r.people.is_empty() => {
                out.heading(2, "Nobody with a role to report.");
            }
            Terminal => {
                out.grid(person_rows(r)).para(format!("Effort {effort}"));
            }
            Document => {
                out.grid(person_skill_rows(r))
                    .para(Text::default().strong("Total:").and(format!(
                        " {}, {} with a gap, readiness {}.",
                        count(t.people, "person", "people"),
                        t.with_gap,
                        percent(t.readiness)
                    )))
                    .para(Text::default().strong("Effort").and(format!(" {effort}")));
            }
        }
        out.build()
    }
}

/// A row per person with their gaps on one line, and a total.
fn person_rows(r: &PersonGapReport) -> Grid {
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
    for p in &r.people {
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
    let t = &r.totals;
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
    grid
}

/// A row per person and required skill.
fn person_skill_rows(r: &PersonGapReport) -> Grid {
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
    for p in &r.people {
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
    grid
}

/// `plan`: each person's goals with reasons and activities, then the summary.
impl ToOutline for PlanReport {
    fn outline(&self, dialect: Dialect) -> Outline {
        let r = self;
        let mut out = opening(
            dialect,
            "development plans",
            &r.organisation,
            r.as_of,
            Some((&r.mix, " (experience, social, formal)")),
        );
        for plan in &r.plans {
            person_plan(r, plan, dialect, &mut out);
        }
        let s = &r.summary;
        let effort = effort_line(&s.effort, &r.mix);
        match dialect {
            Terminal => out.heading(2, format!("Summary: {}, effort {effort}", plan_counts(s))),
            Document => out
                .heading(2, "Summary")
                .para(format!("{}. Effort {effort}", plan_counts(s))),
        };
        for grid in grid::effort_summary(s) {
            out.grid(grid);
        }
        let recruitment = (!s.recruit.is_empty()).then(|| grid::recruitment(&r.levels, &s.recruit));
        match (dialect, recruitment) {
            (Terminal, None) => out.para("Recruitment: none needed."),
            (Terminal, Some(grid)) => out.para("Recruitment (rekruttering/innleie):").grid(grid),
            (Document, recruitment) => {
                out.heading(3, "Recruitment (rekruttering/innleie)");
                match recruitment {
                    None => out.para("None needed."),
                    Some(grid) => out.grid(grid),
                }
            }
        };
        out.build()
    }
}

/// One person's plan: who, their goals, activities and own wishes.
fn person_plan(r: &PlanReport, plan: &PersonPlan, dialect: Dialect, out: &mut Builder) {
    let name = format!(
        "{} ({})",
        plan.name.as_deref().unwrap_or(&plan.person),
        plan.person
    );
    let effort = effort_line(&plan.effort, &r.mix);
    match dialect {
        Terminal => {
            let mut about = vec![name];
            about.extend(plan.unit.clone());
            about.extend(plan.role.as_ref().map(|role| format!("role {role}")));
            out.heading(2, about.join(", "));
        }
        Document => {
            let mut about = Vec::new();
            about.extend(plan.unit.as_ref().map(|u| format!("Unit: {u}")));
            about.extend(plan.role.as_ref().map(|role| format!("Role: {role}")));
            about.push(format!("Effort: {effort}"));
            out.heading(2, name).para(about.join(" · "));
        }
    }
    if plan.goals.is_empty() {
        match dialect {
            Terminal => out.list([Text::plain("No development goals.")]),
            Document => out.para("No development goals."),
        };
    } else {
        out.grid(grid::goals(r, plan));
        let activities = plan.goals.iter().map(|g| {
            let text = activities_line(r.activities_for(&g.skill));
            (g.skill_name.as_str(), text)
        });
        match dialect {
            Terminal => out
                .para(format!("Effort {effort}"))
                .para("Suggested activities:")
                .list(activities.map(|(skill, text)| Text::plain(format!("{skill}: {text}")))),
            Document => {
                out.para(Text::default().strong("Suggested activities"))
                    .list(activities.map(|(skill, text)| {
                        Text::default().strong(skill).and(format!(": {text}"))
                    }))
            }
        };
    }
    if let Some(w) = wishes(&r.levels, &plan.wishes) {
        match dialect {
            Terminal => out.para(format!("Own wishes, voluntary development: {w}")),
            Document => out.para(
                Text::default()
                    .strong("Own wishes (voluntary development):")
                    .and(format!(" {w}")),
            ),
        };
    }
}

/// `gap --by unit|skill|driver`: one row per group.
impl ToOutline for GapGroupsReport {
    fn outline(&self, dialect: Dialect) -> Outline {
        let r = self;
        let t = &r.totals;
        let mut out = opening(
            dialect,
            &format!("competence gaps by {}", r.by),
            &r.organisation,
            r.as_of,
            Some((&r.mix, "")),
        );
        let effort = effort_line(&t.effort, &r.mix);
        match dialect {
            Terminal => {
                let none = match r.by.as_str() {
                    "unit" => "(whole organisation)",
                    _ => "(none)",
                };
                let mut groups = grid::gap_groups(r, none);
                groups.push([
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
                out.grid(groups).para(format!("Effort {effort}"))
            }
            Document => out
                .grid(grid::gap_groups(r, "(none)"))
                .para(Text::default().strong("Effort").and(format!(" {effort}"))),
        };
        out.build()
    }
}

/// `balance`: the inventory, freshness and key-person risk.
impl ToOutline for BalanceReport {
    fn outline(&self, dialect: Dialect) -> Outline {
        let r = self;
        let mut out = opening(
            dialect,
            "competence balance",
            &r.organisation,
            r.as_of,
            None,
        );
        if r.units.is_empty() {
            out.grid(grid::balance(&r.scale, &r.skills));
        }
        for u in &r.units {
            let people = count(u.people as usize, "person", "people");
            out.heading(2, format!("{} ({people})", u.unit))
                .grid(grid::balance(&r.scale, &u.skills));
        }
        match dialect {
            Terminal => balance_terminal(r, &mut out),
            Document => balance_document(r, &mut out),
        }
        out.build()
    }
}

fn balance_terminal(r: &BalanceReport, out: &mut Builder) {
    let f = &r.freshness;
    out.heading(2, format!(
        "Freshness: {} current assessments; {} stale ({}, assessed before {}, over {} months old); {} undated; {} expired set aside ({}).",
        f.assessments,
        f.stale,
        percent(f.stale_share),
        f.stale_before,
        f.max_age_months,
        f.undated,
        f.expired,
        percent(f.expired_share)
    ))
    .list(f.expired_assessments.iter().map(|e| {
        Text::plain(format!(
            "expired: {} {} level {} (expired {}, {}:{})",
            e.person, e.skill, e.level, e.expires, e.file, e.line
        ))
    }));
    if !f.oldest.is_empty() {
        let oldest: Vec<String> = f
            .oldest
            .iter()
            .map(|o| format!("{} {} {}", o.person, o.skill, o.assessed))
            .collect();
        out.para(format!("Oldest: {}", oldest.join(", ")));
    }
    let soon = if f.expiring.is_empty() {
        "none.".to_string()
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
        soon.join(", ")
    };
    out.para(format!("Expiring within {} days: {soon}", f.expiring_days));
    if !r.key_people.is_empty() {
        out.heading(
            2,
            "Key-person risk (people at or above the highest level required):",
        )
        .grid(grid::key_people(r, "RISK"));
    }
}

fn balance_document(r: &BalanceReport, out: &mut Builder) {
    let f = &r.freshness;
    let expired = f.expired_assessments.iter().map(|e| {
        format!(
            "expired: {} in {} level {} (expired {}, {}:{})",
            e.person, e.skill, e.level, e.expires, e.file, e.line
        )
    });
    let oldest = f
        .oldest
        .iter()
        .map(|o| format!("oldest: {} in {} ({})", o.person, o.skill, o.assessed));
    let expiring = f.expiring.iter().map(|e| {
        format!(
            "expiring: {} in {} on {} (in {} days)",
            e.person, e.skill, e.expires, e.days
        )
    });
    out.heading(2, "Freshness")
        .para(format!(
            "{} current assessments: {} stale ({}, assessed before {}), {} undated; {} expired set aside ({}).",
            f.assessments,
            f.stale,
            percent(f.stale_share),
            f.stale_before,
            f.undated,
            f.expired,
            percent(f.expired_share)
        ))
        .list(expired.chain(oldest).chain(expiring).map(Text::plain))
        .heading(2, "Key-person risk")
        .grid(grid::key_people(r, "**risk**"));
}
