//! `balance`: people at each level per skill, freshness, key-person risk
//! (with mentees), and people arriving and leaving (FORMAT r2 "Present"):
//! its outline, CSV rows and workbook.

use std::io;

use rustc_hash::FxHashMap;

use crate::model::Date;
use crate::render::outline::{Builder, Dialect, Outline, Text, ToOutline};
use crate::render::reports::text::{level, or_empty, person};
use crate::render::reports::{names, opening};
use crate::render::table::{
    Cell, Field, Grid, Human, L, R, RowSink, Sheet, ToCsv, ToXlsx, heads, pick,
};
use crate::render::words::{Key, Labels};
use crate::report::{BalanceReport, DueReason, ExpiredRow, KeyPerson, Movement, SkillBalance};

use Dialect::{Document, Terminal};

/// `balance`: the inventory, freshness and key-person risk.
impl crate::render::ToJson for BalanceReport {
    fn write_json(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        self.stream_json(out)
    }
}

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
            out.grid(levels_grid(l, &r.scale, &r.skills));
        }
        for u in &r.units {
            let people = l.count(u.people as usize, Key::Person, Key::People);
            out.heading(2, l.fill(Key::UnitPeople, &[&u.unit, &people]));
            if u.suppressed {
                out.para(l.get(Key::Suppressed));
            } else {
                out.grid(levels_grid(l, &r.scale, &u.skills));
            }
        }
        match dialect {
            Terminal => balance_terminal(l, r, &mut out),
            Document => balance_document(l, r, &mut out),
        }
        out.build()
    }
}

/// The balance of the whole organisation as a document tells it, without
/// its opening and its units: a part of `report`'s page.
pub fn whole(l: Labels, r: &BalanceReport) -> Outline {
    let mut out = Builder::default();
    out.grid(levels_grid(l, &r.scale, &r.skills));
    balance_document(l, r, &mut out);
    out.build()
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
    .list(
        f.expired_assessments
            .iter()
            .map(|e| Text::plain(expired(l, r, e, Key::ExpiredItem))),
    );
    if !f.oldest.is_empty() {
        let oldest: Vec<String> = f
            .oldest
            .iter()
            .map(|o| {
                format!(
                    "{} {} {}",
                    r.who(&o.person),
                    o.skill,
                    l.value(&o.assessed.to_string())
                )
            })
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
                    &[&r.who(&e.person), &e.skill, &e.expires, &e.days],
                )
            })
            .collect();
        soon.join(", ")
    };
    out.para(l.fill(Key::ExpiringWithin, &[&f.expiring_days, &soon]));
    if !r.key_people.is_empty() {
        out.heading(2, l.get(Key::KeyPersonTerminal))
            .grid(key_people(l, r));
    }
    people_over_time(l, r, Terminal, out);
}

/// An expired assessment worded by `item`: who, skill, level, when, where.
fn expired(l: Labels, r: &BalanceReport, e: &ExpiredRow, item: Key) -> String {
    let who = r.who(&e.person);
    l.fill(
        item,
        &[&who, &e.skill, &e.level, &e.expires, &e.file, &e.line],
    )
}

fn balance_document(l: Labels, r: &BalanceReport, out: &mut Builder) {
    let f = &r.freshness;
    let expired = f
        .expired_assessments
        .iter()
        .map(|e| expired(l, r, e, Key::ExpiredDocumentItem));
    let oldest = f.oldest.iter().map(|o| {
        l.fill(
            Key::OldestDocumentItem,
            &[&r.who(&o.person), &o.skill, &o.assessed],
        )
    });
    let expiring = f.expiring.iter().map(|e| {
        l.fill(
            Key::ExpiringDocumentItem,
            &[&r.who(&e.person), &e.skill, &e.expires, &e.days],
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
        .grid(key_people(l, r));
    people_over_time(l, r, Document, out);
}

/// A balance: people at each level of the scale per skill, and freshness counts.
pub fn levels_grid(l: Labels, scale: &[String], rows: &[SkillBalance]) -> Grid {
    use Key::*;
    let mut header: Vec<String> = heads(l, &[(L, ColSkill), (L, ColGroup)]);
    header.extend(scale.iter().enumerate().map(|(i, n)| format!(">{i} {n}")));
    header.extend(heads(
        l,
        &[
            (R, ColAssessed),
            (R, ColUnassessed),
            (R, ColStale),
            (R, ColExpired),
            (R, ColMedian),
            (R, ColInterest),
        ],
    ));
    let after = 2 + scale.len();
    // The level histogram is the table; its bookkeeping folds first.
    let mut grid = Grid::new(&header).fold(&[
        1,
        after + 5,
        after + 3,
        after + 1,
        after + 4,
        after + 2,
        after,
    ]);
    for r in rows {
        let mut row = vec![r.name.clone(), or_empty(r.group.as_ref())];
        row.extend(r.levels.iter().map(|&n| l.int(n)));
        row.extend([
            l.int(r.assessed),
            l.int(r.unassessed),
            l.int(r.stale),
            l.int(r.expired),
            r.median.map_or_else(|| "-".into(), |m| l.hours(m)),
            l.int(r.interest),
        ]);
        grid.push(row);
    }
    grid
}

/// Key-person risk per skill, by the skill's name where the report has it;
/// RISK marks the skills held by 0 or 1 person. It shows mentoring only
/// where it says something: a Mentees column when some holder mentors,
/// which only a terminal too narrow for the wrapped table folds under the
/// skill.
pub fn key_people(l: Labels, report: &BalanceReport) -> Grid {
    use Key::*;
    let mut order = vec![ColSkill, ColLevel, ColHolders, ColWho, ColMentees, ColRisk];
    order.retain(|&k| k != ColMentees || key_columns(report));
    let rows: Vec<KeyRow> = report.key_people.iter().map(|k| (report, k)).collect();
    let h = Human::new(l, Dialect::Terminal, &());
    let grid = Grid::of(&h, &key_fields(), &order, &rows);
    let last = grid.at(&[ColMentees]);
    grid.fold_last(&last)
}

/// A key person's row: the skill's, with the report.
type KeyRow<'a> = (&'a BalanceReport, &'a KeyPerson);

/// The key-person columns of the table and the workbook's sheet.
fn key_fields<'a>() -> [Field<KeyRow<'a>>; 11] {
    use Key::*;
    type K<'a> = Field<KeyRow<'a>>;
    [
        K::new("skill", |(_, k)| Cell::text(&k.skill))
            .head(L, ColSkill)
            .shows(|(r, k), _| skill_name(r, &k.skill).to_string()),
        K::new("level", |(_, k)| Cell::int(k.level))
            .head(L, ColLevel)
            .shows(|(r, k), _| level(&r.scale, k.level)),
        K::new("holders", |(_, k)| Cell::count(k.holders)).head(R, ColHolders),
        K::new("people", |(r, k)| Cell::Text(who_all(r, &k.people))).head(L, ColWho),
        K::new("risk", |(_, k)| Cell::Bool(k.risk)),
        K::human(L, ColRisk, |(_, k), h| risk_cell(h.l, k)),
        // FORMAT r2 "Present": the need a skill's holders all leave before.
        K::new("gone_before", |(_, k)| gone(k, |g| Cell::text(&g.need))),
        K::new("gone_horizon", |(_, k)| gone(k, |g| Cell::Date(g.horizon))),
        K::new("gone_holders", |(r, k)| {
            gone(k, |g| {
                let who: Vec<String> = g
                    .holders
                    .iter()
                    .map(|d| format!("{} {}", r.who(&d.person), d.leaves))
                    .collect();
                Cell::Text(who.join(", "))
            })
        }),
        K::new("mentees", |(_, k)| Cell::int(k.mentees)).head(R, ColMentees),
        K::new("addressed", |(_, k)| Cell::Bool(k.addressed)),
    ]
}

/// A cell of the need a key person's holders all leave before, if any.
fn gone(k: &KeyPerson, cell: impl Fn(&crate::report::GoneBefore) -> Cell) -> Cell {
    k.gone.as_ref().map_or(Cell::Empty, cell)
}

/// "Kari Lunde (kari), lars": people by name where they have one.
fn who_all(r: &BalanceReport, ids: &[String]) -> String {
    let who: Vec<String> = ids.iter().map(|id| r.who(id)).collect();
    who.join(", ")
}

/// "every holder leaves before sikkerhet-revisjon is due (2027-06-30):
/// kari (last day 2027-03-31), ...", for a key person whose holders all
/// leave before a need of the skill is due.
pub fn gone_line(l: Labels, r: &BalanceReport, k: &KeyPerson) -> Option<String> {
    let gone = k.gone.as_ref()?;
    let who: Vec<String> = gone
        .holders
        .iter()
        .map(|d| l.fill(Key::LastDayItem, &[&r.who(&d.person), &d.leaves]))
        .collect();
    let key = if gone.holders.len() == 1 {
        Key::GoneOne
    } else {
        Key::GoneEvery
    };
    Some(l.fill(key, &[&gone.need, &gone.horizon, &who.join(", ")]))
}

/// A skill's name in a balance, its id where the balance has no row for it.
fn skill_name<'a>(report: &'a BalanceReport, skill: &'a str) -> &'a str {
    report
        .skills
        .iter()
        .find(|s| s.skill == skill)
        .map_or(skill, |s| s.name.as_str())
}

/// Signed hires: person, unit, first day.
pub fn arriving_grid(l: Labels, rows: &[Movement]) -> Grid {
    use Key::*;
    let mut grid = Grid::new(&heads(l, &[(L, ColPerson), (L, ColUnit), (L, ColFirstDay)]));
    for m in rows {
        grid.push([
            person(&m.person, m.name.as_deref()),
            unit(l, m),
            m.date.to_string(),
        ]);
    }
    grid
}

/// People leaving, grouped by unit: the unit on the first row of its
/// group only (the report holds them unit by unit), then person, last day.
pub fn leaving_grid(l: Labels, rows: &[Movement]) -> Grid {
    use Key::*;
    let mut grid = Grid::new(&heads(l, &[(L, ColUnit), (L, ColPerson), (L, ColLastDay)]));
    let mut previous: Option<&Option<String>> = Option::None;
    for m in rows {
        let first = previous != Some(&m.unit);
        previous = Some(&m.unit);
        grid.push([
            if first { unit(l, m) } else { String::new() },
            person(&m.person, m.name.as_deref()),
            m.date.to_string(),
        ]);
    }
    grid
}

fn unit(l: Labels, m: &Movement) -> String {
    m.unit
        .clone()
        .unwrap_or_else(|| l.get(Key::NoUnit).to_string())
}

/// `balance`, after the key-person table: why a skill is at risk when its
/// holders all leave before a need is due, then the signed hires and the
/// people leaving within the expiring window, each only when there are any.
pub fn people_over_time(l: Labels, r: &BalanceReport, dialect: Dialect, out: &mut Builder) {
    let gone: Vec<Text> = r
        .key_people
        .iter()
        .filter_map(|k| {
            let line = gone_line(l, r, k)?;
            Some(Text::plain(format!("{}: {line}", skill_name(r, &k.skill))))
        })
        .collect();
    if !gone.is_empty() {
        out.list(gone);
    }
    let days = r.freshness.expiring_days;
    let pick = |terminal, document| l.get(dialect.pick(terminal, document));
    if !r.arriving.is_empty() {
        out.heading(2, pick(Key::ArrivingTerminal, Key::ArrivingHeading))
            .grid(arriving_grid(l, &r.arriving));
    }
    if !r.leaving.is_empty() {
        let key = dialect.pick(Key::LeavingTerminal, Key::LeavingHeading);
        out.heading(2, l.fill(key, &[&days]))
            .grid(leaving_grid(l, &r.leaving));
    }
    if !r.calibration.is_empty() {
        let key = dialect.pick(Key::CalibrationTerminal, Key::CalibrationHeading);
        out.heading(2, l.fill(key, &[&r.calibrate_at]))
            .grid(calibration_grid(l, r));
    }
    if !r.due.is_empty() {
        out.heading(2, pick(Key::DueTerminal, Key::DueHeading))
            .grid(due_grid(l, r));
    }
    // Issue 25, KS's *avvikle*: each skill being wound down, its holders
    // unit by unit.
    for p in &r.phase_out {
        let holders = p.holders.iter().map(|h| {
            let who = crate::render::reports::text::person(&h.person, h.name.as_deref());
            let unit = crate::render::reports::text::or_empty(h.unit.as_ref());
            Text::plain(l.fill(Key::ElsewhereItem, &[&who, &unit, &h.level]))
        });
        out.heading(2, l.fill(Key::AvvikleHeading, &[&p.name]))
            .list(holders);
    }
}

/// Who is due for reassessment (issue 24, item 5), unit by unit: the unit
/// on the first row of its group only, then one row per person with the
/// skills they are due in and why (the report holds a row per pair, in
/// that order). At 1M rows that is half a million pairs: the rows are
/// worded on all cores (issue 28).
pub fn due_grid(l: Labels, r: &BalanceReport) -> Grid {
    use Key::*;
    use rayon::prelude::*;
    let mut grid = Grid::new(&heads(l, &[(L, ColUnit), (L, ColPerson), (L, ColDueWhy)]));
    // Each skill's name once, not looked for in each entry (issue 28: at
    // 1M rows the list has about half a million entries).
    let names: Vec<&str> = r.due.skills().iter().map(|s| skill_name(r, s)).collect();
    // Why, in words: the same few dates come again and again, so each
    // reason and date is worded once per piece of the work.
    let words = |reason: DueReason, date: Option<Date>| match reason {
        DueReason::Missing => l.get(DueMissing).to_string(),
        DueReason::Stale | DueReason::Expiring => {
            let key = if reason == DueReason::Stale {
                DueStale
            } else {
                DueExpiring
            };
            l.fill(key, &[&date.map(|d| d.to_string()).unwrap_or_default()])
        }
        DueReason::Done => l.get(DueDone).to_string(),
    };
    let rows: Vec<[String; 3]> = (0..r.due.people())
        .into_par_iter()
        .map_init(FxHashMap::default, |worded, i| {
            let group = r.due.group(i);
            let unit = group.unit();
            let first = i == 0 || r.due.group(i - 1).unit() != unit;
            let mut why = String::new();
            for (k, d) in group.items().iter().enumerate() {
                if k > 0 {
                    why.push_str("; ");
                }
                why.push_str(names[d.skill as usize]);
                why.push_str(" (");
                let date = match d.reason {
                    DueReason::Stale => d.assessed,
                    DueReason::Expiring => d.expires,
                    DueReason::Missing | DueReason::Done => Option::None,
                };
                let said = worded
                    .entry((d.reason, date))
                    .or_insert_with(|| words(d.reason, date));
                why.push_str(said);
                why.push(')');
            }
            let unit = match (unit, first) {
                (_, false) => String::new(),
                (Some(u), true) => u.to_string(),
                (Option::None, true) => l.get(NoUnit).to_string(),
            };
            [unit, person(group.person(), group.name()), why]
        })
        .collect();
    for row in rows {
        grid.push(row);
    }
    grid
}

/// FORMAT.md r3 "Calibration": person, skill, the self and manager levels,
/// and the level that counts.
pub fn calibration_grid(l: Labels, r: &BalanceReport) -> Grid {
    use Key::*;
    let mut grid = Grid::new(&heads(
        l,
        &[
            (L, ColPerson),
            (L, ColSkill),
            (L, ColSelf),
            (L, ColManager),
            (L, ColCounted),
        ],
    ));
    for c in &r.calibration {
        grid.push([
            person(&c.person, c.name.as_deref()),
            skill_name(r, &c.skill).to_string(),
            level(&r.scale, c.own),
            level(&r.scale, c.manager),
            level(&r.scale, c.counted),
        ]);
    }
    grid
}

/// Whether some key person's holder mentors.
pub fn key_columns(report: &BalanceReport) -> bool {
    report.key_people.iter().any(|k| k.mentees > 0)
}

/// The Risk cell: "RISK", and "RISK; not addressed by any plan" when no
/// plan goal develops anyone in the skill to the key level.
pub fn risk_cell(l: Labels, k: &KeyPerson) -> String {
    match (k.risk, k.addressed) {
        (false, _) => String::new(),
        (true, true) => l.get(Key::Risk).to_string(),
        (true, false) => format!("{}; {}", l.get(Key::Risk), l.get(Key::NotAddressed)),
    }
}

/// `balance --format csv`: one row per skill (per unit and skill with
/// `--by unit`); `level_0` .. `level_<top>` count people at each level.
impl ToCsv for BalanceReport {
    fn columns(&self) -> Vec<String> {
        let mut header = names(&["unit", "skill", "name", "group", "kind", "people"]);
        header.extend((0..self.scale.len()).map(|i| format!("level_{i}")));
        header.extend(names(&[
            "assessed",
            "unassessed",
            "stale",
            "expired",
            "median",
            "interest",
        ]));
        header
    }

    fn write_rows(&self, sink: &mut dyn RowSink) -> io::Result<()> {
        if self.units.is_empty() {
            for r in &self.skills {
                balance_row(sink, None, r, false)?;
            }
        } else {
            for u in &self.units {
                for r in &u.skills {
                    balance_row(sink, Some(&u.unit), r, u.suppressed)?;
                }
            }
        }
        Ok(())
    }
}

/// One skill's row; a unit `--min-group` suppressed keeps its keys and
/// headcount, and its numbers are empty cells.
fn balance_row(
    sink: &mut dyn RowSink,
    unit: Option<&String>,
    r: &SkillBalance,
    suppressed: bool,
) -> io::Result<()> {
    let mut cells = vec![
        Cell::opt_text(unit),
        Cell::text(&r.skill),
        Cell::text(&r.name),
        Cell::opt_text(r.group.as_ref()),
        Cell::Term(match r.kind {
            crate::model::SkillKind::Breadth => "breadth",
            crate::model::SkillKind::Specialist => "specialist",
        }),
        Cell::count(r.people),
    ];
    cells.extend(r.levels.iter().map(|&n| Cell::count(n)));
    cells.extend([
        Cell::count(r.assessed),
        Cell::count(r.unassessed),
        Cell::count(r.stale),
        Cell::count(r.expired),
        r.median.map_or(Cell::Empty, Cell::Num),
        Cell::count(r.interest),
    ]);
    if suppressed {
        let keys = 6;
        cells[keys..].fill(Cell::Empty);
    }
    sink.row(&cells)
}

impl ToXlsx for BalanceReport {
    fn sheets(&self) -> io::Result<Vec<Sheet>> {
        let levels = Sheet::from_csv(Key::SheetLevels, self)?;
        let f = &self.freshness;
        let mut freshness = Sheet::new(
            Key::SheetFreshness,
            &["status", "person", "name", "skill", "level", "date", "days"],
        );
        // Each assessment's status, date and, for one expiring, days left.
        let oldest = f
            .oldest
            .iter()
            .map(|a| ("oldest", &a.person, &a.skill, a.level, a.assessed, None));
        let expiring = f.expiring.iter().map(|a| {
            (
                "expiring",
                &a.person,
                &a.skill,
                a.level,
                a.expires,
                Some(a.days),
            )
        });
        let expired = f
            .expired_assessments
            .iter()
            .map(|a| ("expired", &a.person, &a.skill, a.level, a.expires, None));
        for (status, person, skill, level, date, days) in oldest.chain(expiring).chain(expired) {
            freshness.rows.push(vec![
                Cell::Term(status),
                Cell::text(person),
                Cell::opt_text(self.names.get(person)),
                Cell::text(skill),
                Cell::int(level),
                Cell::Date(date),
                days.map_or(Cell::Empty, Cell::Int),
            ]);
        }
        // The sheet adds the need the holders all leave before when some
        // skill has one, and mentoring when some holder mentors or some
        // skill is at risk; a workbook with neither keeps its columns.
        let mut columns = vec!["skill", "level", "holders", "people", "risk"];
        if self.key_people.iter().any(|k| k.gone.is_some()) {
            columns.extend(["gone_before", "gone_horizon", "gone_holders"]);
        }
        if key_columns(self) || self.key_people.iter().any(|k| k.risk) {
            columns.extend(["mentees", "addressed"]);
        }
        let rows: Vec<KeyRow> = self.key_people.iter().map(|k| (self, k)).collect();
        let key_people = Sheet::of(Key::SheetKeyPeople, &pick(&key_fields(), &columns), &rows);
        let mut sheets = vec![levels, freshness, key_people];
        sheets.extend(movements(self));
        Ok(sheets)
    }
}

/// `balance`: signed hires (kind `arriving`, their first day) and the
/// people leaving within the `--expiring` window (kind `leaving`, their
/// last day), when there are any.
fn movements(report: &BalanceReport) -> Option<Sheet> {
    if report.arriving.is_empty() && report.leaving.is_empty() {
        return None;
    }
    let fields: [Field<(&'static str, &Movement)>; 5] = [
        Field::new("kind", |(kind, _)| Cell::Term(kind)),
        Field::new("person", |(_, m)| Cell::text(&m.person)),
        Field::new("name", |(_, m)| Cell::opt_text(m.name.as_ref())),
        Field::new("unit", |(_, m)| Cell::opt_text(m.unit.as_ref())),
        Field::new("date", |(_, m)| Cell::Date(m.date)),
    ];
    let arriving = report.arriving.iter().map(|m| ("arriving", m));
    let rows: Vec<_> = arriving
        .chain(report.leaving.iter().map(|m| ("leaving", m)))
        .collect();
    Some(Sheet::of(Key::SheetMovements, &fields, &rows))
}
