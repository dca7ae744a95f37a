//! The page of `kompetanse report`: a summary, the coverage heatmap, the
//! learning-mix bars, the gap table, the balance, the recruitment list and
//! the plan totals. This file turns an [`OverviewReport`] into what the
//! template `templates/report.html` shows: cleaned text, numbers worded
//! for people, and the colour class and bar width of each figure. It
//! computes nothing a machine format would need.

mod market;
mod present;
mod progress;

use std::io::{self, Write};

use askama::Template;

use crate::model::{Effort, Priority};
use crate::render::Style;
use crate::render::formats::html::{Labels, clean, write_page};
use crate::render::reports::text::level;
use crate::render::words::Key;
use crate::report::{CoverageCell, EffortBy, NeedGap, OverviewReport};

/// One figure of the summary.
pub struct Card {
    pub label: &'static str,
    pub value: String,
    pub note: String,
    /// "good", "bad" or "" (neutral): the card's accent.
    pub tone: &'static str,
}

/// A column of the heatmap: the unit's last part, and its parent path.
pub struct Column {
    pub name: String,
    pub parent: String,
}

pub struct HeatRow {
    pub name: String,
    pub skill: String,
    pub level: String,
    pub cells: Vec<HeatCell>,
}

pub struct HeatCell {
    /// "2/4", or the people at the level where no need asks.
    pub main: String,
    /// "50 %", or empty.
    pub share: String,
    /// The colour class: c0 (under 25 %) to c4 (100 %), or cn (no need;
    /// `cn z` when nobody is at the level either).
    pub class: &'static str,
    pub title: String,
}

/// A stacked bar of hours by learning mode.
pub struct Bar {
    pub label: String,
    pub note: String,
    pub total: String,
    /// The bar's length against the longest bar of its list, in percent.
    pub width: String,
    /// (class, share of the bar in percent, label with hours).
    pub parts: Vec<(&'static str, String, String)>,
}

pub struct GapRow {
    pub need: String,
    pub skill: String,
    pub scope: String,
    pub level: String,
    pub have: String,
    pub coverage: String,
    /// Coverage in percent, for the small bar.
    pub coverage_width: String,
    pub class: &'static str,
    pub shortfall: u32,
    /// Expiring holders to renew (r2): "anne 2 (2026-12-15)".
    pub renew: Vec<String>,
    /// People to renew or develop whose plan finishes too late (r2).
    pub late: u32,
    /// People leaving and arriving before the deadline (r2 "Present").
    pub leaving: u32,
    pub arriving: u32,
    pub develop: Vec<String>,
    pub recruit: u32,
    pub hours: String,
    pub priority: &'static str,
    pub priority_class: &'static str,
    pub by: String,
    pub driver: String,
}

pub struct HistoRow {
    pub name: String,
    /// (count, shade from 0 to 1 as text, dark enough for white text).
    pub cells: Vec<(u64, String, bool)>,
    pub median: String,
    pub assessed: u64,
    pub stale: u64,
    pub interest: u64,
}

/// A row of a simple table: cells already worded.
pub type Row = Vec<String>;

#[derive(Template)]
#[template(path = "report.html")]
pub struct ReportPage<'a> {
    pub labels: &'a Labels,
    pub title: String,
    pub subtitle: String,
    pub cards: Vec<Card>,
    pub columns: Vec<Column>,
    pub heat: Vec<HeatRow>,
    pub legend: Vec<(&'static str, String)>,
    pub need_bars: Vec<Bar>,
    pub unit_bars: Vec<Bar>,
    pub no_development: Vec<String>,
    pub gaps: Vec<GapRow>,
    pub gap_total: Row,
    /// Some need renews: the gap table has a Renew column (r2).
    pub show_renew: bool,
    /// Plans are scheduled: the gap table has a Late column (r2).
    pub show_late: bool,
    pub renew_total: usize,
    /// Deadlines that have passed, and what Late counts (r2).
    pub gap_notes: Vec<String>,
    pub scale: Vec<String>,
    pub histogram: Vec<HistoRow>,
    pub freshness: Vec<String>,
    pub expiring: Vec<Row>,
    pub key_people: Vec<(String, String)>,
    pub recruitment: Vec<Row>,
    pub by_unit: Vec<Row>,
    pub by_driver: Vec<Row>,
    /// With `report --since`: coverage then and now, who moved up.
    pub progress: Option<progress::ProgressSection>,
    /// Leaving and Arriving columns, signed hires and leavers (r2).
    pub present: present::PresentSection,
    /// The kompetansetorg and the mentors (r2), when there are any.
    pub market: Option<market::MarketSection>,
}

/// Writes the report's page.
pub fn write<W: Write>(report: &OverviewReport, style: Style, out: W) -> io::Result<()> {
    write_with_progress(report, None, style, out)
}

/// Writes the report's page, with the before/after section when given
/// the progress since a date (`report --since`).
pub fn write_with_progress<W: Write>(
    report: &OverviewReport,
    progress: Option<&crate::report::ProgressReport>,
    style: Style,
    mut out: W,
) -> io::Result<()> {
    let labels = Labels::new(style.lang);
    let mut page = page(report, &labels);
    page.progress = progress.map(|p| progress::section(p, &labels));
    write_page(&page, &mut out)
}

/// The page's content, worded with `labels`. One function because it is
/// one struct literal, field by field in the page's order; its larger
/// parts (cards, heat cells, bars, gap rows) have functions of their own.
/// Item 4 of issue 20 (the page as an outline of Cards, Heatmap and Bars
/// blocks) would replace it.
pub fn page<'a>(report: &OverviewReport, labels: &'a Labels) -> ReportPage<'a> {
    let skill_name = |id: &str| -> String {
        report
            .balance
            .skills
            .iter()
            .find(|s| s.skill == id)
            .map_or_else(|| clean(id), |s| clean(&s.name))
    };
    let levels = &report.balance.scale;
    ReportPage {
        labels,
        title: clean(&report.organisation),
        subtitle: format!(
            "{} {} · {} {}",
            labels.get(Key::AsOf),
            report.as_of,
            labels.get(Key::LearningMix),
            report.mix
        ),
        cards: cards(report, labels),
        columns: report
            .coverage
            .units
            .iter()
            .map(|u| match u {
                None => Column {
                    name: labels.get(Key::PageWholeOrganisation).to_string(),
                    parent: String::new(),
                },
                Some(path) => {
                    let (parent, name) = path.rsplit_once('/').unwrap_or(("", path));
                    Column {
                        name: clean(name),
                        parent: clean(parent),
                    }
                }
            })
            .collect(),
        heat: report
            .coverage
            .skills
            .iter()
            .map(|s| HeatRow {
                name: clean(&s.name),
                skill: clean(&s.skill),
                level: format!(
                    "{} ≥ {}",
                    labels.get(Key::AtLevel),
                    clean(&level(levels, s.level))
                ),
                cells: s.cells.iter().map(|c| heat_cell(c, labels)).collect(),
            })
            .collect(),
        legend: vec![
            ("c0", "< 25 %".into()),
            ("c1", "25–49 %".into()),
            ("c2", "50–74 %".into()),
            ("c3", "75–99 %".into()),
            ("c4", "100 %".into()),
            ("cn", labels.get(Key::LegendNone).into()),
        ],
        need_bars: bars(
            report
                .gap
                .needs
                .iter()
                .filter(|n| n.effort.total > 0.0)
                .map(|n| (clean(&n.id), clean(&n.skill_name), n.effort)),
            labels,
        ),
        unit_bars: bars(
            report
                .plan
                .by_unit
                .iter()
                .filter(|u| u.effort.total > 0.0)
                .map(|u| {
                    let key = u
                        .key
                        .as_deref()
                        .map_or(labels.get(Key::NoUnit).into(), clean);
                    let noun = if u.goals == 1 {
                        labels.get(Key::Goal).to_string()
                    } else {
                        labels.get(Key::ColGoals).to_lowercase()
                    };
                    let goals = format!("{} {noun}", u.goals);
                    (key, goals, u.effort)
                }),
            labels,
        ),
        no_development: report
            .gap
            .needs
            .iter()
            .filter(|n| n.effort.total == 0.0)
            .map(|n| clean(&n.id))
            .collect(),
        gaps: report
            .gap
            .needs
            .iter()
            .map(|n| gap_row(n, levels, labels))
            .collect(),
        show_renew: crate::render::reports::gap::renews(&report.gap),
        show_late: report.gap.scheduled,
        renew_total: report.gap.totals.renew,
        gap_notes: gap_notes(report, labels),
        gap_total: vec![
            labels.get(Key::Total).to_string(),
            report.gap.totals.shortfall.to_string(),
            report.gap.totals.develop.to_string(),
            report.gap.totals.recruit.to_string(),
            labels.hours(report.gap.totals.effort.total),
        ],
        scale: levels
            .iter()
            .enumerate()
            .map(|(i, name)| format!("{i} {}", clean(name)))
            .collect(),
        histogram: report
            .balance
            .skills
            .iter()
            .map(|s| HistoRow {
                name: clean(&s.name),
                cells: s
                    .levels
                    .iter()
                    .map(|&n| {
                        let share = if s.people == 0 {
                            0.0
                        } else {
                            n as f64 / s.people as f64
                        };
                        (n, format!("{share:.2}"), share > 0.55)
                    })
                    .collect(),
                median: s
                    .median
                    .map(|m| labels.hours(m))
                    .unwrap_or_else(|| "–".into()),
                assessed: s.assessed,
                stale: s.stale,
                interest: s.interest,
            })
            .collect(),
        freshness: freshness(report, labels),
        expiring: report
            .balance
            .freshness
            .expiring
            .iter()
            .map(|e| {
                vec![
                    clean(&e.person),
                    skill_name(&e.skill),
                    clean(&level(levels, e.level)),
                    e.expires.to_string(),
                    e.days.to_string(),
                ]
            })
            .collect(),
        key_people: report
            .balance
            .key_people
            .iter()
            .filter(|k| k.risk)
            .map(|k| {
                let who = match (present::gone(k, labels), k.people.first()) {
                    (Some(gone), _) => gone,
                    (None, Some(p)) => format!("{} {}", labels.get(Key::HeldOnlyBy), clean(p)),
                    (None, None) => labels.get(Key::HeldByNobody).to_string(),
                };
                let who = match market::key_note(k, labels) {
                    Some(note) => format!("{who}; {note}"),
                    None => who,
                };
                (
                    format!(
                        "{} ({} ≥ {})",
                        skill_name(&k.skill),
                        labels.get(Key::AtLevel),
                        clean(&level(levels, k.level))
                    ),
                    who,
                )
            })
            .collect(),
        recruitment: report
            .plan
            .recruit
            .iter()
            .map(|r| {
                vec![
                    clean(&r.need),
                    skill_name(&r.skill),
                    clean(&level(levels, r.level)),
                    r.count.to_string(),
                    r.unit.as_deref().map_or(String::new(), clean),
                    labels.priority(r.priority).to_string(),
                    r.by.map(|d| d.to_string()).unwrap_or_default(),
                ]
            })
            .collect(),
        by_unit: totals(&report.plan.by_unit, labels.get(Key::NoUnit), labels),
        by_driver: totals(&report.plan.by_driver, labels.get(Key::NoDriver), labels),
        progress: None,
        present: present::section(&report.gap.needs, &report.balance, labels),
        market: market::section(&report.market, &report.plan.mentors, labels),
    }
}

fn cards(report: &OverviewReport, labels: &Labels) -> Vec<Card> {
    let t = &report.gap.totals;
    let tone = |bad: bool| if bad { "bad" } else { "good" };
    let mut cards = vec![
        Card {
            label: labels.get(Key::ColNeeds),
            value: format!("{} / {}", t.needs - t.unmet, t.needs),
            note: format!(
                "{} {}, {} {}",
                t.needs - t.unmet,
                labels.get(Key::Met),
                t.unmet,
                labels.get(Key::Unmet)
            ),
            tone: tone(t.unmet > 0),
        },
        Card {
            label: labels.get(Key::Shortfall),
            value: t.shortfall.to_string(),
            note: labels.get(Key::ShortfallNote).into(),
            tone: tone(t.shortfall > 0),
        },
        Card {
            label: labels.get(Key::ColDevelop),
            value: t.develop.to_string(),
            note: labels.get(Key::DevelopNote).into(),
            tone: "",
        },
        Card {
            label: labels.get(Key::ColRecruit),
            value: t.recruit.to_string(),
            note: labels.get(Key::RecruitNote).into(),
            tone: if t.recruit > 0 { "bad" } else { "" },
        },
    ];
    // Holders to renew before a deadline (r2), when there are any.
    if t.renew > 0 {
        cards.push(Card {
            label: labels.get(Key::ColRenew),
            value: t.renew.to_string(),
            note: labels.get(Key::RenewNote).into(),
            tone: "",
        });
    }
    cards.extend([
        Card {
            label: labels.get(Key::EffortNeeds),
            value: format!(
                "{} {}",
                labels.hours(t.effort.total),
                labels.get(Key::HoursUnit)
            ),
            note: labels.get(Key::EffortNeedsNote).into(),
            tone: "",
        },
        Card {
            label: labels.get(Key::EffortPlans),
            value: format!(
                "{} {}",
                labels.hours(report.plan.effort.total),
                labels.get(Key::HoursUnit)
            ),
            note: labels.get(Key::EffortPlansNote).into(),
            tone: "",
        },
    ]);
    cards
}

/// A line per need whose deadline has passed (FORMAT r2 "Horizon"), and
/// what the Late column counts when a need has late people.
fn gap_notes(report: &OverviewReport, labels: &Labels) -> Vec<String> {
    let l = *labels;
    let gap = &report.gap;
    let mut notes: Vec<String> = gap
        .needs
        .iter()
        .filter_map(|n| {
            let by = n.by.filter(|&by| by != n.horizon)?;
            Some(clean(
                &l.fill(Key::HorizonPassed, &[&n.id, &by, &n.horizon]),
            ))
        })
        .collect();
    if gap.scheduled && gap.needs.iter().any(|n| n.late > 0) {
        notes.push(l.get(Key::LateNote).to_string());
    }
    notes.extend(present::gap_notes(&gap.needs, labels));
    notes
}

/// Coverage in five steps; a cell without demand is grey (`cn`).
fn heat_cell(cell: &CoverageCell, labels: &Labels) -> HeatCell {
    if cell.suppressed {
        return HeatCell {
            main: "–".to_string(),
            share: String::new(),
            class: "cn z",
            title: labels
                .get(crate::render::words::Key::Suppressed)
                .to_string(),
        };
    }
    match cell.coverage {
        Some(share) => HeatCell {
            main: format!("{}/{}", cell.have, cell.demand),
            share: labels.percent(share),
            class: coverage_class(share),
            title: format!(
                "{} / {} {}",
                cell.have,
                cell.demand,
                labels.get(Key::People)
            ),
        },
        None => HeatCell {
            main: cell.have.to_string(),
            share: String::new(),
            // Nobody at the level, and nobody asked for: faded, not hidden.
            class: if cell.have == 0 { "cn z" } else { "cn" },
            title: format!(
                "{} {} · {}",
                cell.have,
                labels.get(Key::People),
                labels.get(Key::NoNeedHere)
            ),
        },
    }
}

pub(super) fn coverage_class(share: f64) -> &'static str {
    match share {
        s if s >= 1.0 => "c4",
        s if s >= 0.75 => "c3",
        s if s >= 0.5 => "c2",
        s if s >= 0.25 => "c1",
        _ => "c0",
    }
}

/// Bars for (label, note, effort), each as long as its hours against the
/// longest of the list.
fn bars(items: impl Iterator<Item = (String, String, Effort)>, labels: &Labels) -> Vec<Bar> {
    let items: Vec<_> = items.collect();
    let longest = items.iter().map(|i| i.2.total).fold(0.0, f64::max);
    items
        .into_iter()
        .map(|(label, note, e)| {
            let share = |part: f64| {
                format!(
                    "{:.2}",
                    if e.total > 0.0 {
                        part / e.total * 100.0
                    } else {
                        0.0
                    }
                )
            };
            let h = labels.get(Key::HoursUnit);
            Bar {
                label,
                note,
                total: format!("{} {h}", labels.hours(e.total)),
                width: format!(
                    "{:.2}",
                    if longest > 0.0 {
                        e.total / longest * 100.0
                    } else {
                        0.0
                    }
                ),
                parts: vec![
                    (
                        "exp",
                        share(e.experience),
                        format!(
                            "{} {} {h}",
                            labels.get(Key::Experience),
                            labels.hours(e.experience)
                        ),
                    ),
                    (
                        "soc",
                        share(e.social),
                        format!("{} {} {h}", labels.get(Key::Social), labels.hours(e.social)),
                    ),
                    (
                        "for",
                        share(e.formal),
                        format!("{} {} {h}", labels.get(Key::Formal), labels.hours(e.formal)),
                    ),
                ],
            }
        })
        .collect()
}

fn gap_row(n: &NeedGap, levels: &[String], labels: &Labels) -> GapRow {
    let scope = match (&n.unit, &n.role) {
        (Some(u), Some(r)) => format!("{}, {} {}", clean(u), labels.get(Key::Role), clean(r)),
        (Some(u), None) => clean(u),
        (None, Some(r)) => format!("{} {}", labels.get(Key::Role), clean(r)),
        (None, None) => labels.get(Key::AllPeople).into(),
    };
    GapRow {
        need: clean(&n.id),
        skill: clean(&n.skill_name),
        scope,
        level: clean(&level(levels, n.level)),
        have: format!("{}/{}", n.have, n.count),
        coverage: labels.percent(n.coverage),
        coverage_width: format!("{:.1}", n.coverage * 100.0),
        class: coverage_class(n.coverage),
        shortfall: n.shortfall,
        renew: n
            .renew
            .iter()
            .map(|r| format!("{} {} ({})", clean(&r.person), r.level, r.expires))
            .collect(),
        late: n.late,
        leaving: n.leaving,
        arriving: n.arriving,
        develop: n
            .develop
            .iter()
            .map(|d| format!("{} {}→{}", clean(&d.person), d.from, d.to))
            .collect(),
        recruit: n.recruit,
        hours: labels.hours(n.effort.total),
        priority: labels.priority(n.priority),
        priority_class: match n.priority {
            Priority::Critical => "p0",
            Priority::High => "p1",
            Priority::Medium => "p2",
            Priority::Low => "p3",
        },
        by: n.by.map(|d| d.to_string()).unwrap_or_default(),
        driver: n.driver.as_deref().map_or(String::new(), clean),
    }
}

fn freshness(report: &OverviewReport, labels: &Labels) -> Vec<String> {
    let f = &report.balance.freshness;
    vec![
        format!("{} {}", f.assessments, labels.get(Key::FreshnessLine)),
        format!(
            "{} {} ({})",
            f.stale,
            labels.get(Key::Stale).to_lowercase(),
            labels.percent(f.stale_share)
        ),
        format!("{} {}", f.expired, labels.get(Key::Expired)),
    ]
}

fn totals(rows: &[EffortBy], none: &str, labels: &Labels) -> Vec<Row> {
    rows.iter()
        .map(|r| {
            vec![
                r.key.as_deref().map_or(none.to_string(), clean),
                r.goals.to_string(),
                labels.hours(r.effort.total),
                labels.hours(r.effort.experience),
                labels.hours(r.effort.social),
                labels.hours(r.effort.formal),
            ]
        })
        .collect()
}
