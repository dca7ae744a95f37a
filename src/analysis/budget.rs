//! FORMAT.md r3 "Cost" booked by calendar year: the *økonomiplan* view. A
//! goal's cost is booked in the year of its finish (with capacity), else of
//! its need's horizon (a plan goal: its deadline's horizon); recruitment in
//! the year of the need's horizon. The cost of one goal is
//! `Organisation::goal_cost` (in the model); a need's is summed by
//! `gap::evaluate`; here they only find their year.
//!
//! A year appears only with an amount above 0, so a budget lists the years
//! that cost something.

use std::collections::HashMap;

use crate::analysis::gap::horizon;
use crate::analysis::schedule::Slot;
use crate::model::{Date, Money, Organisation};
use crate::report::{CostByYear, GapReport};

/// Each scheduled goal's slot by (person, skill, renew), as
/// `Goals::slots` gives them.
pub type Slots = HashMap<(usize, usize, bool), Slot>;

/// The calendar year a goal's cost is booked in: its `finish` year when it
/// has one (with capacity), else its `horizon`'s.
pub fn booking_year(finish: Option<Date>, horizon: Date) -> i16 {
    finish.unwrap_or(horizon).year()
}

/// The year a plan goal is booked in: its finish, else the horizon of its
/// deadline (D for a goal without one, or one already past).
pub fn goal_year(org: &Organisation, finish: Option<Date>, by: Option<Date>) -> i16 {
    booking_year(finish, horizon(by, org.as_of))
}

/// Adds `amount` to `year` (nothing for 0).
pub fn book(years: &mut CostByYear, year: i16, amount: Money) {
    if !amount.is_zero() {
        *years.entry(year).or_default() += amount;
    }
}

/// Books every need's cost in its years (`totals.cost_by_year`), and says
/// of each need's develop-or-recruit comparison whether its development
/// finishes by the horizon (only with `slots`, the plans' schedule).
/// Without `[cost]` it does nothing.
pub fn book_needs(org: &Organisation, report: &mut GapReport, slots: Option<&Slots>) {
    let Some(rates) = &org.policy.cost else {
        return;
    };
    let mut years = CostByYear::new();
    for need in &mut report.needs {
        let skill = org.skill_index(&need.skill);
        let slot = |person: &str, renew: bool| -> Option<&Slot> {
            slots?.get(&(org.people.find(person)?, skill?, renew))
        };
        let finish = |person: &str, renew: bool| slot(person, renew).and_then(|s| s.finish);
        for r in &need.renew {
            let year = booking_year(finish(&r.person, true), need.horizon);
            book(&mut years, year, r.cost.unwrap_or_default());
        }
        for d in &need.develop {
            let year = booking_year(finish(&d.person, false), need.horizon);
            book(&mut years, year, d.cost.unwrap_or_default());
        }
        book(
            &mut years,
            need.horizon.year(),
            rates.recruitments(need.recruit.into()),
        );
        if let Some(choice) = &mut need.develop_or_recruit {
            // As `schedule::late_counts` counts late: a need without `by`
            // has no deadline to miss.
            choice.in_time = slots.map(|_| {
                need.by.is_none()
                    || need.develop.iter().all(|d| {
                        slot(&d.person, false).is_none_or(|s| match s.finish {
                            Some(f) => f <= need.horizon,
                            None => !s.late,
                        })
                    })
            });
        }
    }
    report.totals.cost_by_year = Some(years);
}
