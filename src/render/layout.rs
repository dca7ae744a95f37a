//! Layouts: each report told as an [`Outline`] for the human formats, in
//! either [`Dialect`]. This is the one place that decides what a report
//! shows to people and in which order; a part both dialects show alike
//! (goal grids, activity lines, wishes, the effort and recruitment grids)
//! is built once, and only the wording that differs is chosen per dialect.
//!
//! Layouts never write bytes (the formats do) and never compute a figure
//! the report does not hold.

use crate::model::{Date, LearningMix};
use crate::render::grid::{self, Grid, L, R};
use crate::render::words::{Key, Labels};
use crate::render::outline::{Builder, Dialect, Outline, Text, ToOutline};
use crate::render::over_time;
use crate::render::text::{
    activities_line, effort_hours, effort_line, group_word, level, or_empty, person, plan_counts,
    wishes,
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
    l: Labels,
    dialect: Dialect,
    what: &str,
    organisation: &str,
    as_of: Date,
    mix: Option<(&LearningMix, &str)>,
) -> Builder {
    let mut out = Builder::default();
    match (dialect, mix) {
        (Terminal, Some((mix, _))) => {
            out.title(l.fill(Key::TitleTerminal, &[&organisation, &what, &as_of, mix]))
        }
        (Terminal, None) => {
            out.title(l.fill(Key::TitleTerminalLevels, &[&organisation, &what, &as_of]))
        }
        (Document, _) => {
            let mut chars = what.chars();
            let what: String = chars
                .next()
                .into_iter()
                .flat_map(char::to_uppercase)
                .chain(chars)
                .collect();
            let about = match mix {
                Some((mix, note)) => l.fill(Key::AboutDocument, &[&as_of, mix, &note]),
                None => l.fill(Key::AboutLevels, &[&as_of]),
            };
            out.title(format!("{what}: {organisation}")).para(about)
        }
    };
    out
}

/// "Effort 280 h: ..." and, on the next line, what that effort counts.
fn effort_lines(l: Labels, dialect: Dialect, line: &str, basis: Key, out: &mut Builder) {
    match dialect {
        Terminal => out.para(format!("{} {line}", l.get(Key::Effort))),
        Document => out.para(
            Text::default()
                .strong(l.get(Key::Effort))
                .and(format!(" {line}")),
        ),
    };
    out.para(l.get(basis));
}

impl ToOutline for GapReport {
    fn outline_in(&self, dialect: Dialect, l: Labels) -> Outline {
        let r = self;
        let mut out = opening(
            l,
            dialect,
            l.get(Key::WhatGap),
            &r.organisation,
            r.as_of,
            Some((&r.mix, "")),
        );
        match dialect {
            Terminal => gap_terminal(l, r, &mut out),
            Document => gap_document(l, r, &mut out),
        }
        out.build()
    }
}

fn gap_terminal(l: Labels, r: &GapReport, out: &mut Builder) {
    if r.needs.is_empty() {
        out.heading(2, l.get(Key::NoNeeds));
        return;
    }
    let scope = |n: &NeedGap| match (&n.unit, &n.role) {
        (None, None) => l.get(Key::ScopeAll).to_string(),
        (Some(u), None) => u.clone(),
        (None, Some(role)) => l.fill(Key::ScopeRole, &[role]),
        (Some(u), Some(role)) => format!("{u}, {}", l.fill(Key::ScopeRole, &[role])),
    };
    // The level's name, or nothing after the number when the scale has none.
    let level = |n: &NeedGap| {
        let name = r.levels.get(n.level as usize).map_or("", String::as_str);
        format!("{} {name}", n.level)
    };
    let mut needs = grid::needs(l, r, scope, level);
    let t = &r.totals;
    // The total's words stand in the skill column, which a narrow table keeps.
    let words = format!(
        "{}: {}, {}",
        l.get(Key::Total),
        l.count(t.needs, Key::NeedNoun, Key::NeedsNoun),
        l.fill(Key::NUnmet, &[&l.int(t.unmet as u64)])
    );
    needs.push(grid::needs_total(l, r, words));
    out.grid(needs);
    effort_lines(
        l,
        Terminal,
        &effort_line(l, &t.effort, &r.mix),
        Key::BasisNeeds,
        out,
    );
    let f = &r.freshness;
    let mut line = l.fill(Key::FreshnessPairs, &[&l.int(f.assessed as u64)]);
    if f.assessed > 0 {
        line.push_str(&l.fill(
            Key::FreshnessStale,
            &[
                &l.int(f.stale as u64),
                &l.percent(f.stale as f64 / f.assessed as f64),
                &or_empty(f.stale_before),
                &f.max_age_months,
            ],
        ));
        if f.undated > 0 {
            line.push_str(&l.fill(Key::FreshnessUndated, &[&l.int(f.undated as u64)]));
        }
    }
    line.push_str(&l.fill(Key::FreshnessExpired, &[&l.int(f.expired as u64)]));
    let mut expired: Vec<Text> = f
        .expired_list
        .iter()
        .map(|e| {
            Text::plain(l.fill(
                Key::ExpiredItem,
                &[&e.person, &e.skill, &e.level, &e.expires, &e.file, &e.line],
            ))
        })
        .collect();
    if f.expired > f.expired_list.len() {
        let more = f.expired - f.expired_list.len();
        expired.push(Text::plain(l.fill(Key::ExpiredMore, &[&more])));
    }
    out.para(line).list(expired);
    over_time::gap_terminal(l, r, out);
    let develop: Vec<Text> = r
        .needs
        .iter()
        .filter(|n| !n.develop.is_empty())
        .map(|n| {
            let people: Vec<String> = n
                .develop
                .iter()
                .map(|d| {
                    l.fill(
                        Key::DevelopItem,
                        &[
                            &person(&d.person, d.name.as_deref()),
                            &d.from,
                            &d.to,
                            &l.int(d.hours),
                        ],
                    )
                })
                .collect();
            Text::plain(format!("{}: {}", n.id, people.join(", ")))
        })
        .collect();
    if !develop.is_empty() {
        out.heading(2, l.get(Key::DevelopHeading)).list(develop);
    }
    let recruit: Vec<Text> = r
        .needs
        .iter()
        .filter(|n| n.recruit > 0)
        .map(|n| Text::plain(format!("{}: {}", n.id, recruit_line(l, n))))
        .collect();
    if !recruit.is_empty() {
        out.heading(2, l.get(Key::RecruitHeading)).list(recruit);
    }
}

/// "2 x Rust at level 3 by 2027-06-30": what a need recruits.
fn recruit_line(l: Labels, n: &NeedGap) -> String {
    let by =
        n.by.map(|d| format!(" {}", l.fill(Key::ByDate, &[&d])))
            .unwrap_or_default();
    l.fill(
        Key::RecruitLine,
        &[&l.int(n.recruit.into()), &n.skill_name, &n.level, &by],
    )
}

fn gap_document(l: Labels, r: &GapReport, out: &mut Builder) {
    let scope = |n: &NeedGap| {
        let mut scope = vec![
            n.unit
                .clone()
                .unwrap_or_else(|| l.get(Key::ScopeAll).into()),
        ];
        scope.extend(n.role.as_ref().map(|role| l.fill(Key::ScopeRole, &[role])));
        scope.join(", ")
    };
    let t = &r.totals;
    out.grid(grid::needs(l, r, scope, |n| level(&r.levels, n.level)))
        .para(
            Text::default()
                .strong(l.get(Key::TotalDocument))
                .and(over_time::gap_total_document(l, t)),
        );
    effort_lines(
        l,
        Document,
        &effort_line(l, &t.effort, &r.mix),
        Key::BasisNeeds,
        out,
    );
    over_time::gap_notes(l, r, out);
    let develop = r.needs.iter().filter(|n| !n.develop.is_empty()).map(|n| {
        let people: Vec<String> = n
            .develop
            .iter()
            .map(|d| {
                l.fill(
                    Key::DevelopDocumentItem,
                    &[
                        &person(&d.person, d.name.as_deref()),
                        &d.from,
                        &d.to,
                        &l.int(d.hours),
                    ],
                )
            })
            .collect();
        Text::plain(l.get(Key::DevelopFor))
            .strong(&n.id)
            .and(format!(": {}", people.join(", ")))
    });
    let recruit = r.needs.iter().filter(|n| n.recruit > 0).map(|n| {
        Text::plain(l.get(Key::RecruitFor))
            .strong(&n.id)
            .and(format!(": {}", recruit_line(l, n)))
    });
    let renew = over_time::renew_document(l, r);
    out.list(renew.into_iter().chain(develop).chain(recruit));
}

/// `gap --by person`: one row per person (terminal) or per required skill
/// (document), their gaps to their role.
impl ToOutline for PersonGapReport {
    fn outline_in(&self, dialect: Dialect, l: Labels) -> Outline {
        let r = self;
        let t = &r.totals;
        let mut out = opening(
            l,
            dialect,
            l.get(Key::WhatRoleGap),
            &r.organisation,
            r.as_of,
            Some((&r.mix, "")),
        );
        let effort = effort_line(l, &t.effort, &r.mix);
        match dialect {
            Terminal if r.people.is_empty() => {
                out.heading(2, l.get(Key::NobodyWithRole));
            }
            Terminal => {
                out.grid(person_rows(l, r));
                effort_lines(l, dialect, &effort, Key::BasisRoles, &mut out);
            }
            Document => {
                out.grid(person_skill_rows(l, r)).para(
                    Text::default()
                        .strong(l.get(Key::TotalDocument))
                        .and(l.fill(
                            Key::PeopleTotalDocument,
                            &[
                                &l.count(t.people, Key::Person, Key::People),
                                &l.int(t.with_gap as u64),
                                &l.percent(t.readiness),
                            ],
                        )),
                );
                effort_lines(l, dialect, &effort, Key::BasisRoles, &mut out);
            }
        }
        out.build()
    }
}

/// A row per person (by name, with the id) with their gaps on one line,
/// and a total.
fn person_rows(l: Labels, r: &PersonGapReport) -> Grid {
    use Key::*;
    let mut grid = Grid::new(&grid::heads(
        l,
        &[
            (L, ColPerson),
            (L, ColUnit),
            (L, ColRole),
            (R, ColReadiness),
            (L, ColGaps),
            (R, ColHours),
            (R, Experience),
            (R, Social),
            (R, Formal),
        ],
    ))
    .fold(&[8, 7, 6, 1, 2]);
    for p in &r.people {
        let gaps: Vec<String> = p
            .skills
            .iter()
            .filter(|s| s.gap > 0)
            .map(|s| format!("{} {}->{}", s.skill_name, s.current, s.target))
            .collect();
        let mut row = vec![
            person(&p.person, p.name.as_deref()),
            or_empty(p.unit.as_ref()),
            p.role.clone(),
            l.percent(p.readiness),
            if gaps.is_empty() {
                l.get(None).to_string()
            } else {
                gaps.join(", ")
            },
        ];
        row.extend(effort_hours(l, &p.effort));
        grid.push(row);
    }
    let t = &r.totals;
    let mut total = vec![
        format!("{} ({})", l.get(Total), l.count(t.people, Person, People)),
        String::new(),
        String::new(),
        l.percent(t.readiness),
        l.fill(WithGap, &[&l.int(t.with_gap as u64)]),
    ];
    total.extend(effort_hours(l, &t.effort));
    grid.push(total);
    grid
}

/// A row per person and required skill.
fn person_skill_rows(l: Labels, r: &PersonGapReport) -> Grid {
    use Key::*;
    let mut grid = Grid::new(&grid::heads(
        l,
        &[
            (L, ColPerson),
            (L, ColRole),
            (R, ColReadiness),
            (L, ColSkill),
            (R, ColNow),
            (R, ColTarget),
            (R, ColGap),
            (R, ColHours),
        ],
    ));
    for p in &r.people {
        for s in &p.skills {
            grid.push([
                person(&p.person, p.name.as_deref()),
                p.role.clone(),
                l.percent(p.readiness),
                s.skill_name.clone(),
                s.current.to_string(),
                s.target.to_string(),
                s.gap.to_string(),
                l.hours(s.effort.total),
            ]);
        }
    }
    grid
}

/// `plan`: each person's goals with reasons and activities, then the summary.
impl ToOutline for PlanReport {
    fn outline_in(&self, dialect: Dialect, l: Labels) -> Outline {
        let r = self;
        let mut out = opening(
            l,
            dialect,
            &crate::render::mentoring::plan_what(l, r),
            &r.organisation,
            r.as_of,
            Some((&r.mix, l.get(Key::PlanMixNote))),
        );
        for plan in &r.plans {
            person_plan(l, r, plan, dialect, &mut out);
        }
        let s = &r.summary;
        let effort = effort_line(l, &s.effort, &r.mix);
        match dialect {
            Terminal => out
                .heading(
                    2,
                    l.fill(Key::SummaryTerminal, &[&plan_counts(l, s), &effort]),
                )
                .para(l.get(Key::BasisPlan)),
            Document => out
                .heading(2, l.get(Key::Summary))
                .para(l.fill(Key::SummaryDocument, &[&plan_counts(l, s), &effort]))
                .para(l.get(Key::BasisPlan)),
        };
        for grid in grid::effort_summary(l, s) {
            out.grid(grid);
        }
        let recruitment =
            (!s.recruit.is_empty()).then(|| grid::recruitment(l, &r.levels, &s.recruit));
        match (dialect, recruitment) {
            (Terminal, None) => out.para(l.get(Key::RecruitmentNone)),
            (Terminal, Some(grid)) => out.para(l.get(Key::RecruitmentTerminal)).grid(grid),
            (Document, recruitment) => {
                out.heading(3, l.get(Key::Recruitment));
                match recruitment {
                    None => out.para(l.get(Key::NoneNeeded)),
                    Some(grid) => out.grid(grid),
                }
            }
        };
        over_time::late_goals(l, r, dialect, &mut out);
        crate::render::mentoring::mentors_summary(l, r, dialect, &mut out);
        out.build()
    }
}

/// One person's plan: who, their goals, activities and own wishes.
fn person_plan(l: Labels, r: &PlanReport, plan: &PersonPlan, dialect: Dialect, out: &mut Builder) {
    let name = format!(
        "{} ({})",
        plan.name.as_deref().unwrap_or(&plan.person),
        plan.person
    );
    let effort = effort_line(l, &plan.effort, &r.mix);
    match dialect {
        Terminal => {
            let mut about = vec![name];
            about.extend(plan.unit.clone());
            about.extend(
                plan.role
                    .as_ref()
                    .map(|role| l.fill(Key::ScopeRole, &[role])),
            );
            about.extend(over_time::capacity(l, plan, dialect));
            out.heading(2, about.join(", "));
        }
        Document => {
            let mut about = Vec::new();
            about.extend(plan.unit.as_ref().map(|u| l.fill(Key::UnitIs, &[u])));
            about.extend(plan.role.as_ref().map(|role| l.fill(Key::RoleIs, &[role])));
            about.push(l.fill(Key::EffortIs, &[&effort]));
            about.extend(over_time::capacity(l, plan, dialect));
            out.heading(2, name).para(about.join(" · "));
        }
    }
    if plan.goals.is_empty() {
        match dialect {
            Terminal => out.list([Text::plain(l.get(Key::NoGoals))]),
            Document => out.para(l.get(Key::NoGoals)),
        };
    } else {
        out.grid(grid::goals(l, r, plan));
        let activities = plan.goals.iter().map(|g| {
            let text = activities_line(l, r.activities_for(&g.skill));
            (g.skill_name.as_str(), text)
        });
        match dialect {
            Terminal => out
                .para(format!("{} {effort}", l.get(Key::Effort)))
                .para(l.get(Key::SuggestedTerminal))
                .list(activities.map(|(skill, text)| Text::plain(format!("{skill}: {text}")))),
            Document => {
                out.para(Text::default().strong(l.get(Key::Suggested)))
                    .list(activities.map(|(skill, text)| {
                        Text::default().strong(skill).and(format!(": {text}"))
                    }))
            }
        };
    }
    if let Some(w) = wishes(l, &r.levels, &plan.wishes) {
        match dialect {
            Terminal => out.para(l.fill(Key::WishesTerminal, &[&w])),
            Document => out.para(
                Text::default()
                    .strong(l.get(Key::WishesDocument))
                    .and(format!(" {w}")),
            ),
        };
    }
}

/// `gap --by unit|skill|driver`: one row per group.
impl ToOutline for GapGroupsReport {
    fn outline_in(&self, dialect: Dialect, l: Labels) -> Outline {
        let r = self;
        let t = &r.totals;
        let mut out = opening(
            l,
            dialect,
            &l.fill(Key::WhatGapBy, &[&group_word(l, &r.by)]),
            &r.organisation,
            r.as_of,
            Some((&r.mix, "")),
        );
        let effort = effort_line(l, &t.effort, &r.mix);
        match dialect {
            Terminal => {
                let none = match r.by.as_str() {
                    "unit" => l.get(Key::WholeOrganisation),
                    _ => l.get(Key::NoneInParens),
                };
                let mut groups = grid::gap_groups(l, r, none);
                let mut total = vec![
                    l.get(Key::Total).to_string(),
                    String::new(),
                    l.int(t.needs as u64),
                    l.int(t.unmet as u64),
                    String::new(),
                    l.int(t.shortfall),
                    l.int(t.develop as u64),
                    l.int(t.recruit),
                    l.hours(t.effort.total),
                    String::new(),
                ];
                if grid::groups_renew(r) {
                    total.insert(6, l.int(t.renew as u64));
                }
                groups.push(total);
                out.grid(groups);
            }
            Document => {
                out.grid(grid::gap_groups(l, r, l.get(Key::NoneInParens)));
            }
        };
        effort_lines(l, dialect, &effort, Key::BasisNeeds, &mut out);
        out.build()
    }
}

/// `balance`: the inventory, freshness and key-person risk.
impl ToOutline for BalanceReport {
    fn outline_in(&self, dialect: Dialect, l: Labels) -> Outline {
        let r = self;
        let mut out = opening(
            l,
            dialect,
            l.get(Key::WhatBalance),
            &r.organisation,
            r.as_of,
            None,
        );
        if r.units.is_empty() {
            out.grid(grid::balance(l, &r.scale, &r.skills));
        }
        for u in &r.units {
            let people = l.count(u.people as usize, Key::Person, Key::People);
            out.heading(2, l.fill(Key::UnitPeople, &[&u.unit, &people]));
            if u.suppressed {
                out.para(l.get(Key::Suppressed));
            } else {
                out.grid(grid::balance(l, &r.scale, &u.skills));
            }
        }
        match dialect {
            Terminal => balance_terminal(l, r, &mut out),
            Document => balance_document(l, r, &mut out),
        }
        out.build()
    }
}

fn balance_terminal(l: Labels, r: &BalanceReport, out: &mut Builder) {
    let f = &r.freshness;
    out.heading(
        2,
        l.fill(
            Key::FreshnessBalance,
            &[
                &l.int(f.assessments),
                &l.int(f.stale),
                &l.percent(f.stale_share),
                &f.stale_before,
                &f.max_age_months,
                &l.int(f.undated),
                &l.int(f.expired),
                &l.percent(f.expired_share),
            ],
        ),
    )
    .list(f.expired_assessments.iter().map(|e| {
        Text::plain(l.fill(
            Key::ExpiredItem,
            &[&e.person, &e.skill, &e.level, &e.expires, &e.file, &e.line],
        ))
    }));
    if !f.oldest.is_empty() {
        let oldest: Vec<String> = f
            .oldest
            .iter()
            .map(|o| format!("{} {} {}", o.person, o.skill, o.assessed))
            .collect();
        out.para(l.fill(Key::Oldest, &[&oldest.join(", ")]));
    }
    let soon = if f.expiring.is_empty() {
        l.get(Key::NoneDot).to_string()
    } else {
        let soon: Vec<String> = f
            .expiring
            .iter()
            .map(|e| {
                l.fill(
                    Key::ExpiringItem,
                    &[&e.person, &e.skill, &e.expires, &e.days],
                )
            })
            .collect();
        soon.join(", ")
    };
    out.para(l.fill(Key::ExpiringWithin, &[&f.expiring_days, &soon]));
    if !r.key_people.is_empty() {
        out.heading(2, l.get(Key::KeyPersonTerminal))
            .grid(grid::key_people(l, r));
    }
    crate::render::present::balance(l, r, Terminal, out);
}

fn balance_document(l: Labels, r: &BalanceReport, out: &mut Builder) {
    let f = &r.freshness;
    let expired = f.expired_assessments.iter().map(|e| {
        l.fill(
            Key::ExpiredDocumentItem,
            &[&e.person, &e.skill, &e.level, &e.expires, &e.file, &e.line],
        )
    });
    let oldest = f
        .oldest
        .iter()
        .map(|o| l.fill(Key::OldestDocumentItem, &[&o.person, &o.skill, &o.assessed]));
    let expiring = f.expiring.iter().map(|e| {
        l.fill(
            Key::ExpiringDocumentItem,
            &[&e.person, &e.skill, &e.expires, &e.days],
        )
    });
    out.heading(2, l.get(Key::FreshnessHeading))
        .para(l.fill(
            Key::FreshnessBalanceDocument,
            &[
                &l.int(f.assessments),
                &l.int(f.stale),
                &l.percent(f.stale_share),
                &f.stale_before,
                &l.int(f.undated),
                &l.int(f.expired),
                &l.percent(f.expired_share),
            ],
        ))
        .list(expired.chain(oldest).chain(expiring).map(Text::plain))
        .heading(2, l.get(Key::KeyPersonHeading))
        .grid(grid::key_people(l, r));
    crate::render::present::balance(l, r, Document, out);
}
