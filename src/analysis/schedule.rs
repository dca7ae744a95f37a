//! FORMAT.md r2 "Capacity and schedule": each person's goals, taken in
//! order of deadline (undated last), then priority, then skill id, consume
//! the person's learning hours at their yearly capacity from D on. A goal's
//! finish is the day its last hour is spent; a goal finishing after its
//! deadline is late.
//!
//! The rule is [`ScheduleKey`] (the order) and [`schedule`] (the dates),
//! both free of reports: `plan` shows the result per goal, and `gap` counts
//! a need's late people with [`late_counts`].
//!
//! Hours are spent evenly over the year, capacity / 365 a day, starting the
//! day after D: a goal's finish is D + ceil(hours so far x 365 / capacity)
//! days. Capacity 0 never finishes a goal that has hours (finish unknown,
//! and late when it has a deadline); without capacity (unlimited) no goal
//! has a finish and none is late.

use std::cmp::Ordering;
use std::collections::HashMap;

use crate::model::{Date, Organisation, Priority};
use crate::report::GapReport;

/// Where a goal comes in a person's schedule: deadline (undated last), then
/// priority, then skill id in byte order, and a renewal before a development
/// in the same skill (it is due first: the certificate runs out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduleKey {
    pub by: Option<Date>,
    pub priority: Priority,
    /// The skill's rank in plain byte order of skill ids.
    pub skill: u32,
    pub renew: bool,
}

impl Ord for ScheduleKey {
    fn cmp(&self, other: &Self) -> Ordering {
        let dated = |k: &ScheduleKey| (k.by.is_none(), k.by);
        dated(self)
            .cmp(&dated(other))
            .then(self.priority.cmp(&other.priority))
            .then(self.skill.cmp(&other.skill))
            .then(other.renew.cmp(&self.renew))
    }
}

impl PartialOrd for ScheduleKey {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// One goal's place in time.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Slot {
    /// The day the goal's last hour is spent; None without capacity, or
    /// when it never finishes (capacity 0).
    pub finish: Option<Date>,
    /// Finishes after its deadline (or never, with a deadline).
    pub late: bool,
    /// For a late goal: its hours that do not fit before the deadline.
    pub short: f64,
    /// The person's hours spent when this goal is done (its own included).
    pub spent: u64,
}

/// Schedules a person's goals, given as (hours, deadline) in schedule order,
/// at `capacity` hours a year from `as_of`.
pub fn schedule(as_of: Date, capacity: Option<f64>, goals: &[(u64, Option<Date>)]) -> Vec<Slot> {
    let Some(capacity) = capacity else {
        return vec![Slot::default(); goals.len()];
    };
    let mut spent = 0u64;
    goals
        .iter()
        .map(|&(hours, deadline)| {
            spent += hours;
            let finish = finish(as_of, capacity, spent);
            let late = match (deadline, finish) {
                (None, _) => false,
                (Some(_), None) => true,
                (Some(d), Some(f)) => f > d,
            };
            let short = match deadline {
                Some(d) if late => short_before(as_of, capacity, spent, hours, d),
                _ => 0.0,
            };
            Slot {
                finish,
                late,
                short,
                spent,
            }
        })
        .collect()
}

/// How many of a goal's `hours` do not fit before `deadline`, when the
/// person has spent `spent` hours (this goal's included) by the goal's end:
/// the hours beyond what `capacity` a year gives from `as_of` to the
/// deadline, at most the goal's own; to one decimal.
pub fn short_before(as_of: Date, capacity: f64, spent: u64, hours: u64, deadline: Date) -> f64 {
    let days = as_of.until(deadline).map_or(0, |s| s.get_days().max(0));
    let before = capacity * days as f64 / 365.0;
    let short = (spent as f64 - before).clamp(0.0, hours as f64);
    (short * 10.0).round() / 10.0
}

/// The day `spent` hours are done at `capacity` a year from `as_of`.
fn finish(as_of: Date, capacity: f64, spent: u64) -> Option<Date> {
    if spent == 0 {
        return Some(as_of);
    }
    if capacity <= 0.0 {
        return None;
    }
    let days = (spent as f64 * 365.0 / capacity).ceil();
    if days > 4_000_000.0 {
        return None;
    }
    as_of.checked_add(jiff::Span::new().days(days as i64)).ok()
}

/// Fills each need's `late` (FORMAT.md r2 "Outputs"): how many of its renew
/// and develop people's goals for its skill finish after its horizon.
/// `slots` maps (person, skill, renew) to the goal's slot.
pub fn late_counts(
    org: &Organisation,
    report: &mut GapReport,
    slots: &HashMap<(usize, usize, bool), Slot>,
) {
    for need in &mut report.needs {
        // FORMAT.md r3: a need without `by` has no deadline, so nothing of
        // it is late (its horizon is D only to count who is there).
        if need.by.is_none() {
            need.late = 0;
            continue;
        }
        let Some(skill) = org.skill_index(&need.skill) else {
            continue;
        };
        let after = |person: &str, renew: bool| {
            org.people
                .find(person)
                .and_then(|p| slots.get(&(p, skill, renew)))
                .is_some_and(|slot| match slot.finish {
                    Some(f) => f > need.horizon,
                    None => slot.late,
                })
        };
        let renew = need.renew.iter().filter(|r| after(&r.person, true)).count();
        let develop = need
            .develop
            .iter()
            .filter(|d| after(&d.person, false))
            .count();
        need.late = (renew + develop) as u32;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn hours_are_spent_at_capacity_over_365_days() {
        let d = date(2026, 1, 1);
        // 365 h a year is one hour a day: 30 h finish 30 days after D.
        let slots = schedule(d, Some(365.0), &[(30, Some(date(2026, 1, 31)))]);
        assert_eq!(slots[0].finish, Some(date(2026, 1, 31)));
        assert!(!slots[0].late, "finishing on the deadline is in time");
        // Two goals share the hours: the second finishes at 30 + 10 h.
        let slots = schedule(
            d,
            Some(365.0),
            &[(30, Some(date(2026, 2, 28))), (10, Some(date(2026, 2, 5)))],
        );
        assert_eq!(slots[1].finish, Some(date(2026, 2, 10)));
        assert!(slots[1].late);
        // Before 2026-02-05 there are 35 h: 40 - 35 = 5 h short.
        assert_eq!(slots[1].short, 5.0);
    }

    #[test]
    fn capacity_zero_never_finishes_and_none_means_unlimited() {
        let d = date(2026, 1, 1);
        let slots = schedule(
            d,
            Some(0.0),
            &[(0, None), (8, Some(date(2026, 6, 1))), (8, None)],
        );
        assert_eq!(slots[0].finish, Some(d), "nothing to do is done on D");
        assert_eq!((slots[1].finish, slots[1].late), (None, true));
        assert_eq!(slots[1].short, 8.0);
        assert_eq!((slots[2].finish, slots[2].late), (None, false));
        let slots = schedule(d, None, &[(800, Some(d))]);
        assert_eq!(slots[0], Slot::default());
        assert!(!slots[0].late);
    }

    #[test]
    fn order_is_deadline_then_priority_then_skill_then_renewal_first() {
        let key = |by: Option<Date>, priority, skill: &str, renew| ScheduleKey {
            by,
            priority,
            skill: skill.as_bytes()[0] as u32,
            renew,
        };
        let early = Some(date(2026, 3, 1));
        let late = Some(date(2026, 9, 1));
        let mut keys = [
            key(None, Priority::Critical, "a", false),
            key(late, Priority::Critical, "a", false),
            key(early, Priority::Low, "b", false),
            key(early, Priority::High, "z", false),
            key(early, Priority::Low, "b", true),
        ];
        keys.sort();
        let order: Vec<_> = keys
            .iter()
            .map(|k| (char::from(k.skill as u8).to_string(), k.priority, k.renew))
            .collect();
        assert_eq!(
            order,
            [
                ("z".into(), Priority::High, false),
                ("b".into(), Priority::Low, true),
                ("b".into(), Priority::Low, false),
                ("a".into(), Priority::Critical, false),
                ("a".into(), Priority::Critical, false),
            ]
        );
        assert_eq!(keys[3].by, late);
        assert_eq!(keys[4].by, None);
    }
}
