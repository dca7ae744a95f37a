//! The human wording of people over time (FORMAT.md r2 "Present" and the
//! r2 part of "Scope"): the gap grid's Leaving and Arriving columns and
//! their note, and balance's signed hires, the people leaving within the
//! `--expiring` window, and key-person risk from holders who all leave
//! before a need is due. [`layout`](crate::render::layout), the grids and
//! the report page call these, so an organisation without `starts` and
//! `leaves` sees the outputs it always had.
//!
//! Like the layouts, this only words what the report holds: it never
//! decides who is present, counts people or compares dates.

use crate::render::grid::{Grid, L, heads};
use crate::render::words::{Key, Labels};
use crate::render::outline::{Builder, Dialect, Text};
use crate::render::text::person;
use crate::report::{BalanceReport, KeyPerson, Movement, NeedGap};

/// Whether the gap grid shows a Leaving and an Arriving column: each only
/// when some need has someone leaving or arriving before its deadline.
pub fn gap_columns(needs: &[NeedGap]) -> (bool, bool) {
    (
        needs.iter().any(|n| n.leaving > 0),
        needs.iter().any(|n| n.arriving > 0),
    )
}

/// What the Leaving and Arriving columns count, one sentence for each
/// column shown.
pub fn gap_notes(l: Labels, needs: &[NeedGap]) -> Vec<&'static str> {
    let (leaving, arriving) = gap_columns(needs);
    let mut notes = Vec::new();
    notes.extend(leaving.then(|| l.get(Key::LeavingNote)));
    notes.extend(arriving.then(|| l.get(Key::ArrivingNote)));
    notes
}

/// "every holder leaves before sikkerhet-revisjon is due (2027-06-30):
/// kari (last day 2027-03-31), ...", for a key person whose holders all
/// leave before a need of the skill is due.
pub fn gone_line(l: Labels, k: &KeyPerson) -> Option<String> {
    let gone = k.gone.as_ref()?;
    let who: Vec<String> = gone
        .holders
        .iter()
        .map(|d| l.fill(Key::LastDayItem, &[&d.person, &d.leaves]))
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
pub fn balance(l: Labels, r: &BalanceReport, dialect: Dialect, out: &mut Builder) {
    let gone: Vec<Text> = r
        .key_people
        .iter()
        .filter_map(|k| {
            let line = gone_line(l, k)?;
            Some(Text::plain(format!("{}: {line}", skill_name(r, &k.skill))))
        })
        .collect();
    if !gone.is_empty() {
        out.list(gone);
    }
    let days = r.freshness.expiring_days;
    let (arriving, leaving) = match dialect {
        Dialect::Terminal => (
            l.get(Key::ArrivingTerminal).to_string(),
            l.fill(Key::LeavingTerminal, &[&days]),
        ),
        Dialect::Document => (
            l.get(Key::ArrivingHeading).to_string(),
            l.fill(Key::LeavingHeading, &[&days]),
        ),
    };
    if !r.arriving.is_empty() {
        out.heading(2, arriving).grid(arriving_grid(l, &r.arriving));
    }
    if !r.leaving.is_empty() {
        out.heading(2, leaving).grid(leaving_grid(l, &r.leaving));
    }
}
