//! The report page's people over time (FORMAT.md r2 "Present"): the gap
//! table's Leaving and Arriving columns (each only when some need has a
//! count), and the balance's signed hires and the people leaving within
//! the expiring window (each only when there are any). The words and rows
//! are [`crate::render::reports::balance`]'s, the ones the outline formats show;
//! this only cleans them for the template.

use crate::render::formats::html::{Labels, clean};
use crate::render::reports::{balance, gap};
use crate::render::table::Grid;
use crate::render::words::Key;
use crate::report::{BalanceReport, KeyPerson, NeedGap};

/// A small table: headings and rows of cleaned text.
pub struct Table {
    pub heading: String,
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// What the page shows of people over time.
pub struct PresentSection {
    /// The gap table's column headings.
    pub leaving: &'static str,
    pub arriving: &'static str,
    pub show_leaving: bool,
    pub show_arriving: bool,
    /// The balance's tables, each only when it has rows: signed hires
    /// (person, unit, first day), then the people leaving within the
    /// window, by unit (unit, person, last day).
    pub tables: Vec<Table>,
}

/// The page's people-over-time parts, worded with `labels`.
pub fn section(needs: &[NeedGap], balance: &BalanceReport, labels: &Labels) -> PresentSection {
    let l = *labels;
    let (show_leaving, show_arriving) = gap::gap_columns(needs);
    let days = balance.freshness.expiring_days;
    PresentSection {
        leaving: l.get(Key::ColLeaving),
        arriving: l.get(Key::ColArriving),
        show_leaving,
        show_arriving,
        tables: [
            (!balance.arriving.is_empty()).then(|| {
                table(
                    l.get(Key::ArrivingHeading).to_string(),
                    balance::arriving_grid(l, &balance.arriving),
                )
            }),
            (!balance.leaving.is_empty()).then(|| {
                table(
                    l.fill(Key::LeavingHeading, &[&days]),
                    balance::leaving_grid(l, &balance.leaving),
                )
            }),
        ]
        .into_iter()
        .flatten()
        .collect(),
    }
}

fn table(heading: String, grid: Grid) -> Table {
    Table {
        heading: clean(&heading),
        head: grid.columns.iter().map(|c| clean(&c.name)).collect(),
        rows: grid
            .rows
            .iter()
            .map(|row| row.iter().map(|c| clean(c)).collect())
            .collect(),
    }
}

/// A key person's line when every holder leaves before a need is due:
/// that need, its date and the holders' last days.
pub fn gone(k: &KeyPerson, labels: &Labels) -> Option<String> {
    balance::gone_line(*labels, k).map(|line| clean(&line))
}

/// The notes under the gap table that say what Leaving and Arriving count.
pub fn gap_notes(needs: &[NeedGap], labels: &Labels) -> Vec<String> {
    gap::present_notes(*labels, needs)
        .into_iter()
        .map(str::to_string)
        .collect()
}
