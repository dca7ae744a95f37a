//! `report`: its page, an outline of its parts (the gap, balance, plan and
//! marketplace reports, each as it tells itself) around a summary, the
//! coverage heatmap and the learning-mix bars; and its workbook, the gap,
//! plan and balance sheets of its parts and the coverage map.

use std::io;

use crate::model::Effort;
use crate::render::outline::{
    Bar, Block, Builder, Card, Dialect, HeatCell, HeatRow, Heatmap, Outline, ToOutline, Tone, Track,
};
use crate::render::reports::text::level;
use crate::render::reports::{balance, plan, progress};
use crate::render::table::{Cell, Sheet, ToXlsx};
use crate::render::words::{Key, Labels};
use crate::report::{LivedMix, ModeHours, OverviewReport, ProgressReport};

/// `report`: the page's views as sheets: the gap's, the plans' totals, the
/// balance's, and the coverage map (one row per skill and unit).
impl ToXlsx for OverviewReport {
    fn sheets(&self) -> io::Result<Vec<Sheet>> {
        let mut sheets = self.gap.sheets()?;
        let s = &self.plan;
        sheets.push(plan::effort_sheet(
            Key::SheetEffortByUnit,
            "unit",
            &s.by_unit,
        ));
        sheets.push(plan::effort_sheet(
            Key::SheetEffortByDriver,
            "driver",
            &s.by_driver,
        ));
        sheets.extend(self.balance.sheets()?);
        let mut coverage = Sheet::new(
            Key::SheetCoverage,
            &[
                "skill", "unit", "level", "people", "have", "demand", "coverage",
            ],
        );
        for skill in &self.coverage.skills {
            for (unit, cell) in self.coverage.units.iter().zip(&skill.cells) {
                let mut row = vec![
                    Cell::text(&skill.skill),
                    Cell::opt_text(unit.as_ref()),
                    Cell::int(skill.level),
                    Cell::count(cell.people),
                    Cell::count(cell.have),
                    Cell::count(cell.demand),
                    cell.coverage.map_or(Cell::Empty, Cell::Share),
                ];
                if cell.suppressed {
                    // `--min-group`: as in CSV, the numbers are empty cells.
                    row[4..].fill(Cell::Empty);
                }
                coverage.rows.push(row);
            }
        }
        sheets.push(coverage);
        Ok(sheets)
    }
}

/// `report`'s page: a summary of key figures, the coverage heatmap, the
/// learning-mix bars, then its parts as their own reports tell them (the
/// gap, the progress since a date, the balance, the recruitment list, the
/// plans' totals and mentors, the marketplace), each a section. It words
/// and colours what the reports hold; it computes nothing. One function
/// because it is the page's reading order, section after section, each a
/// few blocks; its larger parts (cards, heatmap, bars) have their own.
pub fn page(r: &OverviewReport, progress: Option<&ProgressReport>, l: Labels) -> Outline {
    use Key::*;
    let mut out = Builder::default();
    out.title(&r.organisation).push(Block::Subtitle(format!(
        "{} · {} {} · {} {}",
        l.get(ReportTitle),
        l.get(AsOf),
        l.value(&r.as_of.to_string()),
        l.get(LearningMix),
        r.mix
    )));
    let mut summary = cards(r, l);
    // FORMAT r3 "Reach" from the log over the period, beside the plans'.
    if let Some((reach, p)) = progress.and_then(|p| p.reach.as_ref().map(|x| (x, p))) {
        summary.push(Card {
            label: l.get(ColReachLog).to_string(),
            value: format!("{} / {}", reach.any, reach.people),
            note: l.fill(
                ReachLogNote,
                &[&p.since, &reach.experience, &reach.social, &reach.formal],
            ),
            tone: Tone::Neutral,
        });
    }
    out.section("summary", l.get(Summary))
        .push(Block::Cards(summary));
    out.section("coverage", l.get(CoverageMap))
        .para(l.get(CoverageMapIntro))
        .push(Block::Heatmap(heatmap(r, l)))
        .push(Block::Legend(
            ["< 25 %", "25–49 %", "50–74 %", "75–99 %", "100 %"]
                .iter()
                .enumerate()
                .map(|(band, text)| (Tone::Band(band as u8), text.to_string()))
                .chain([(Tone::NoNeed, l.get(LegendNone).to_string())])
                .collect(),
        ));
    let mut by_need = Builder::default();
    by_need.heading(3, l.get(MixByNeed)).push(Block::Bars(bars(
        r.gap
            .needs
            .iter()
            .filter(|n| n.effort.total > 0.0)
            .map(|n| (n.skill_name.clone(), n.id.clone(), n.id.clone(), n.effort)),
        "need",
        l,
    )));
    let idle: Vec<&str> = r
        .gap
        .needs
        .iter()
        .filter(|n| n.effort.total == 0.0)
        .map(|n| n.id.as_str())
        .collect();
    if !idle.is_empty() {
        by_need.para(format!("{}: {}", l.get(NoDevelopment), idle.join(", ")));
    }
    let mut by_unit = Builder::default();
    by_unit.heading(3, l.get(MixByUnit)).push(Block::Bars(bars(
        r.plan
            .by_unit
            .iter()
            .filter(|u| u.effort.total > 0.0)
            .map(|u| {
                let noun = if u.goals == 1 {
                    l.get(Goal).to_string()
                } else {
                    l.get(ColGoals).to_lowercase()
                };
                let unit = u.key.clone().unwrap_or_else(|| l.get(NoUnit).into());
                let key = u.key.clone().unwrap_or_default();
                (unit, format!("{} {noun}", u.goals), key, u.effort)
            }),
        "unit",
        l,
    )));
    out.section("mix", l.get(MixTitle))
        .para(l.get(MixIntro))
        .push(modes_legend(l))
        .push(Block::Columns(vec![by_need.build(), by_unit.build()]));
    // Issue 25: with `[cost]`, the økonomiplan, a bar a year.
    if let (Some(years), Some(currency)) = (&r.gap.totals.cost_by_year, &r.gap.totals.currency) {
        out.section("budget", l.get(BudgetSection))
            .para(l.get(BudgetIntro))
            .push(Block::Bars(budget_bars(years, currency, l)));
    }
    out.section("gaps", l.get(Gaps))
        .part(r.gap.outline_in(Dialect::Document, l));
    if let Some(p) = progress {
        out.section("progress", l.fill(ProgressSince, &[&p.since]))
            .push(Block::Legend(vec![
                (Tone::Then, l.fill(ThenOn, &[&p.since])),
                (Tone::Band(4), l.fill(NowOn, &[&p.as_of])),
            ]))
            .push(Block::Bars(progress_bars(p, l)))
            .part(p.outline_in(Dialect::Document, l));
        // Issue 26: the mix the logged hours lived, against the declared.
        if let Some(mix) = &p.lived_mix {
            out.section("effect", l.get(EffectTitle))
                .para(l.fill(EffectPageIntro, &[&p.since]))
                .push(modes_legend(l))
                .push(Block::Bars(lived_bars(mix, l)))
                .push(Block::Columns(lived_by(mix, l)));
        }
    }
    out.section("balance", l.get(Balance))
        .body(balance::whole(l, &r.balance));
    out.section("recruitment", l.get(PageRecruitment));
    if r.plan.recruit.is_empty() {
        out.para(l.get(NoRecruitment));
    } else {
        out.grid(plan::recruitment(l, &r.gap.levels, &r.plan.recruit));
    }
    out.section("plans", l.get(PlanTotals))
        .para(l.get(PlanTotalsIntro))
        .push(Block::Columns(
            plan::effort_summary(l, &r.plan)
                .into_iter()
                .map(|grid| vec![Block::Grid(grid)])
                .collect(),
        ));
    plan::mentors_summary(l, &r.plan, Dialect::Document, &mut out);
    if !r.market.skills.is_empty() {
        out.section("market", l.get(MarketHeading))
            .part(r.market.outline_in(Dialect::Document, l));
    }
    out.build()
}

/// The summary's figures: needs met, shortfall, develop, recruit, renew
/// (when any), and the hours of the needs and of the plans.
fn cards(r: &OverviewReport, l: Labels) -> Vec<Card> {
    use Key::*;
    let t = &r.gap.totals;
    let card = |label: Key, value: String, note: String, tone: Tone| Card {
        label: l.get(label).to_string(),
        value,
        note,
        tone,
    };
    let bad = |bad: bool| if bad { Tone::Bad } else { Tone::Good };
    let hours = |h: f64| format!("{} {}", l.hours(h), l.get(HoursUnit));
    let met = t.needs - t.unmet;
    let mut cards = vec![
        card(
            ColNeeds,
            format!("{met} / {}", t.needs),
            format!("{met} {}, {} {}", l.get(Met), t.unmet, l.get(Unmet)),
            bad(t.unmet > 0),
        ),
        card(
            Shortfall,
            t.shortfall.to_string(),
            l.get(ShortfallNote).into(),
            bad(t.shortfall > 0),
        ),
        card(
            ColDevelop,
            t.develop.to_string(),
            l.get(DevelopNote).into(),
            Tone::Neutral,
        ),
        card(
            ColRecruit,
            t.recruit.to_string(),
            l.get(RecruitNote).into(),
            if t.recruit > 0 {
                Tone::Bad
            } else {
                Tone::Neutral
            },
        ),
    ];
    if t.renew > 0 {
        cards.push(card(
            ColRenew,
            t.renew.to_string(),
            l.get(RenewNote).into(),
            Tone::Neutral,
        ));
    }
    // Issue 25: the needs' cost, and the dearest year of the økonomiplan.
    if let (Some(cost), Some(years), Some(currency)) = (t.cost, &t.cost_by_year, &t.currency) {
        let dearest = years
            .iter()
            .max_by_key(|(_, c)| **c)
            .map(|(year, c)| format!("{year}: {}", l.money(c.amount(), currency)))
            .unwrap_or_default();
        cards.push(card(
            BudgetCard,
            l.money(cost.amount(), currency),
            l.fill(BudgetCardNote, &[&dearest]),
            Tone::Neutral,
        ));
    }
    cards.push(card(
        EffortNeeds,
        hours(t.effort.total),
        l.get(EffortNeedsNote).into(),
        Tone::Neutral,
    ));
    cards.push(card(
        EffortPlans,
        hours(r.plan.effort.total),
        l.get(EffortPlansNote).into(),
        Tone::Neutral,
    ));
    // FORMAT r3 "Reach": people present with a goal, and by mode.
    let reach = &r.plan.reach;
    cards.push(card(
        ColReach,
        format!("{} / {}", reach.any, reach.people),
        l.fill(
            ReachNote,
            &[&reach.experience, &reach.social, &reach.formal],
        ),
        Tone::Neutral,
    ));
    cards
}

/// The coverage map: a row per skill, a column per unit, each cell its
/// holders against the needs' demand there.
fn heatmap(r: &OverviewReport, l: Labels) -> Heatmap {
    use Key::*;
    let people = l.get(People);
    Heatmap {
        narrow: false,
        corner: l.get(ColSkill).to_string(),
        columns: r
            .coverage
            .units
            .iter()
            .map(|u| match u {
                Option::None => (String::new(), l.get(PageWholeOrganisation).to_string()),
                Some(path) => match path.rsplit_once('/') {
                    Some((parent, name)) => (format!("{parent}/"), name.to_string()),
                    Option::None => (String::new(), path.clone()),
                },
            })
            .collect(),
        rows: r
            .coverage
            .skills
            .iter()
            .map(|s| HeatRow {
                name: s.name.clone(),
                note: format!("{} ≥ {}", l.get(AtLevel), level(&r.balance.scale, s.level)),
                id: s.skill.clone(),
                cells: s
                    .cells
                    .iter()
                    .map(|c| match c.coverage {
                        _ if c.suppressed => HeatCell {
                            main: "–".into(),
                            share: String::new(),
                            tone: Tone::Nothing,
                            title: l.get(Suppressed).into(),
                        },
                        Some(share) => HeatCell {
                            main: format!("{}/{}", c.have, c.demand),
                            share: l.percent(share),
                            tone: Tone::Coverage(share),
                            title: format!("{} / {} {people}", c.have, c.demand),
                        },
                        Option::None => HeatCell {
                            main: c.have.to_string(),
                            share: String::new(),
                            // Nobody at the level and nobody asked for: faded.
                            tone: if c.have == 0 {
                                Tone::Nothing
                            } else {
                                Tone::NoNeed
                            },
                            title: format!("{} {people} · {}", c.have, l.get(NoNeedHere)),
                        },
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// A bar per (label, note, key, effort): its hours by learning mode, as long as
/// its hours against the longest of the list.
fn bars(
    items: impl Iterator<Item = (String, String, String, Effort)>,
    kind: &'static str,
    l: Labels,
) -> Vec<Bar> {
    let items: Vec<_> = items.collect();
    let longest = items.iter().map(|i| i.3.total).fold(0.0, f64::max);
    let h = l.get(Key::HoursUnit);
    items
        .into_iter()
        .map(|(label, note, key, e)| {
            let share = |part: f64| if e.total > 0.0 { part / e.total } else { 0.0 };
            let amounts = [e.experience, e.social, e.formal];
            let length = if longest > 0.0 {
                e.total / longest
            } else {
                0.0
            };
            let value = format!("{} {h}", l.hours(e.total));
            let modes = (amounts, amounts.map(share), h);
            modes_bar(l, (label, note), (kind, key), modes, length, value)
        })
        .collect()
}

/// The økonomiplan as bars: a bar a calendar year, as long as its cost
/// against the dearest year's (issue 25).
fn budget_bars(years: &crate::report::CostByYear, currency: &str, l: Labels) -> Vec<Bar> {
    let dearest = years.values().map(|c| c.amount()).fold(0.0, f64::max);
    years
        .iter()
        .map(|(year, cost)| {
            let text = l.money(cost.amount(), currency);
            Bar {
                label: year.to_string(),
                note: String::new(),
                kind: "year",
                key: year.to_string(),
                tracks: vec![Track {
                    length: if dearest > 0.0 {
                        cost.amount() / dearest
                    } else {
                        0.0
                    },
                    parts: vec![(Tone::Formal, 1.0, text.clone())],
                    value: text,
                    change: String::new(),
                }],
                caption: String::new(),
            }
        })
        .collect()
}

/// The declared mix and the lived one (every hour logged in the period)
/// as two full-length bars of the modes' shares (issue 26).
fn lived_bars(mix: &LivedMix, l: Labels) -> Vec<Bar> {
    let d = &mix.declared;
    vec![
        // The declared mix is percentages only: its value says it.
        shares_bar(
            l,
            l.get(Key::MixDeclared).to_string(),
            ("mix", "declared".to_string()),
            [d.experience, d.social, d.formal].map(f64::from),
            d.to_string(),
        ),
        hours_bar(
            l,
            l.get(Key::MixLived).to_string(),
            ("mix", "lived".into()),
            &mix.hours,
        ),
    ]
}

/// The lived mix by unit and by driver, side by side.
fn lived_by(mix: &LivedMix, l: Labels) -> Vec<Outline> {
    use Key::*;
    let side = |heading: Key, bars: Vec<Bar>| {
        let mut out = Builder::default();
        out.heading(3, l.get(heading)).push(Block::Bars(bars));
        out.build()
    };
    let units = mix.by_unit.iter().map(|u| {
        let unit = u.key.clone().unwrap_or_else(|| l.get(NoUnit).into());
        hours_bar(
            l,
            unit,
            ("lived-unit", u.key.clone().unwrap_or_default()),
            &u.hours,
        )
    });
    let drivers = mix.by_driver.iter().map(|d| {
        let name = d.name.clone().unwrap_or_else(|| l.get(NoDriver).into());
        hours_bar(
            l,
            name,
            ("lived-driver", d.key.clone().unwrap_or_default()),
            &d.hours,
        )
    });
    vec![
        side(LivedByUnit, units.collect()),
        side(LivedByDriver, drivers.collect()),
    ]
}

/// The learning modes' colours, named.
fn modes_legend(l: Labels) -> Block {
    let modes = [Key::Experience, Key::Social, Key::Formal];
    let tones = [Tone::Experience, Tone::Social, Tone::Formal];
    Block::Legend(
        tones
            .into_iter()
            .zip(modes.map(|k| l.get(k).to_string()))
            .collect(),
    )
}

/// A bar of one track whose parts are the learning modes: `amounts` in
/// `unit` (hours or percent) and their `shares` of the track; the caption
/// names all three.
fn modes_bar(
    l: Labels,
    (label, note): (String, String),
    (kind, key): (&'static str, String),
    (amounts, shares, unit): ([f64; 3], [f64; 3], &str),
    length: f64,
    value: String,
) -> Bar {
    let modes = [
        (Tone::Experience, Key::Experience),
        (Tone::Social, Key::Social),
        (Tone::Formal, Key::Formal),
    ];
    let parts: Vec<(Tone, f64, String)> = modes
        .into_iter()
        .zip(amounts)
        .zip(shares)
        .map(|(((tone, word), amount), share)| {
            (
                tone,
                share,
                format!("{} {} {unit}", l.get(word), l.hours(amount)),
            )
        })
        .collect();
    let caption = parts.iter().map(|p| p.2.as_str()).collect::<Vec<_>>();
    Bar {
        label,
        note,
        kind,
        key,
        caption: caption.join(" · "),
        tracks: vec![Track {
            length,
            parts,
            value,
            change: String::new(),
        }],
    }
}

/// Logged hours as a full-length bar of the modes' shares, the hours after it.
fn hours_bar(l: Labels, label: String, key: (&'static str, String), m: &ModeHours) -> Bar {
    let value = format!("{} {}", l.hours(m.total), l.get(Key::HoursUnit));
    shares_bar(l, label, key, m.share, value)
}

/// A bar of the modes' `share`s (in percent, as the report holds them),
/// full length, `value` after it; `key` is its kind and key.
fn shares_bar(
    l: Labels,
    label: String,
    key: (&'static str, String),
    share: [f64; 3],
    value: String,
) -> Bar {
    let modes = (share, share.map(|p| p / 100.0), "%");
    modes_bar(l, (label, String::new()), key, modes, 1.0, value)
}

/// A need's coverage at `--since` and now, as two tracks.
fn progress_bars(p: &ProgressReport, l: Labels) -> Vec<Bar> {
    let then = l.fill(Key::ThenOn, &[&p.since]);
    let now = l.fill(Key::NowOn, &[&p.as_of]);
    p.needs
        .iter()
        .map(|n| {
            let track = |tone, share: f64, label: &str, change: String| Track {
                length: share.clamp(0.0, 1.0),
                parts: vec![(tone, 1.0, format!("{label}: {}", l.percent(share)))],
                value: l.percent(share),
                change,
            };
            Bar {
                label: n.skill_name.clone(),
                note: n.id.clone(),
                kind: "progress",
                key: n.id.clone(),
                tracks: vec![
                    track(Tone::Then, n.then.coverage, &then, String::new()),
                    track(
                        Tone::Coverage(n.now.coverage),
                        n.now.coverage,
                        &now,
                        progress::points(l, n.change),
                    ),
                ],
                caption: String::new(),
            }
        })
        .collect()
}
