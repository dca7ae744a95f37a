//! The activity log (FORMAT.md r3 "Activity log"): the learning activities
//! people did, one entry per row, as read up to D (an entry dated after D
//! is not known yet and never gets here), and the rule that turns it into
//! hours done (FORMAT.md r3 "Hours done", [`ActivityLog::done`]).
//!
//! No IO and no analysis of periods here: `analysis::effect` reads the log
//! for `progress`.

use crate::model::{Date, Mode, PackedDate};

/// One logged activity.
#[derive(Debug, Clone, PartialEq)]
pub struct Logged {
    pub person: usize,
    /// The skill it was for; None: general learning.
    pub skill: Option<usize>,
    pub hours: f64,
    /// The day it was done or finished.
    pub date: Date,
    pub mode: Mode,
    /// The `[[activity]]` it names (an index into `Organisation::activities`).
    pub activity: Option<usize>,
}

/// Every logged activity known at D, in file order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ActivityLog {
    pub entries: Vec<Logged>,
}

impl ActivityLog {
    /// FORMAT.md r3 "Hours done": the hours logged for `person` in `skill`
    /// dated after `assessed` (the chosen assessment's date; every entry
    /// when unassessed or undated) and on or before `as_of`.
    pub fn done(&self, person: usize, skill: usize, assessed: PackedDate, as_of: Date) -> f64 {
        let after = assessed.date();
        self.entries
            .iter()
            .filter(|e| e.person == person && e.skill == Some(skill))
            .filter(|e| e.date <= as_of && after.is_none_or(|a| e.date > a))
            .map(|e| e.hours)
            .sum()
    }

    /// The entries dated in the period (`since`, `as_of`].
    pub fn between(&self, since: Date, as_of: Date) -> impl Iterator<Item = &Logged> {
        self.entries
            .iter()
            .filter(move |e| e.date > since && e.date <= as_of)
    }

    /// The log of the people kept (`new_index[p]`: the new index of person
    /// p, `usize::MAX` for one who is gone).
    pub fn reindex(&mut self, new_index: &[usize]) {
        self.entries
            .retain(|e| new_index.get(e.person).is_some_and(|&p| p != usize::MAX));
        for e in &mut self.entries {
            e.person = new_index[e.person];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn entry(person: usize, skill: Option<usize>, hours: f64, on: Date) -> Logged {
        Logged {
            person,
            skill,
            hours,
            date: on,
            mode: Mode::Experience,
            activity: None,
        }
    }

    /// FORMAT r3 "Hours done" by hand: assessed 2026-03-01, D 2026-06-30.
    /// Hours on 2026-02-01 and on the assessment day came before the level
    /// was judged (not done); 2026-04-01 and D itself are done (10 + 5);
    /// 2026-07-01 is after D (unknown); another skill, another person and
    /// general learning are not this pair's.
    #[test]
    fn hours_before_the_assessment_and_after_d_are_not_done() {
        let log = ActivityLog {
            entries: vec![
                entry(0, Some(0), 100.0, date(2026, 2, 1)),
                entry(0, Some(0), 7.0, date(2026, 3, 1)),
                entry(0, Some(0), 10.0, date(2026, 4, 1)),
                entry(0, Some(0), 5.0, date(2026, 6, 30)),
                entry(0, Some(0), 50.0, date(2026, 7, 1)),
                entry(0, Some(1), 20.0, date(2026, 4, 1)),
                entry(1, Some(0), 20.0, date(2026, 4, 1)),
                entry(0, None, 20.0, date(2026, 4, 1)),
            ],
        };
        let d = date(2026, 6, 30);
        let assessed = PackedDate::new(date(2026, 3, 1));
        assert_eq!(log.done(0, 0, assessed, d), 15.0);
        // Unassessed (or undated): every hour up to D counts.
        assert_eq!(log.done(0, 0, PackedDate::NONE, d), 122.0);
        assert_eq!(log.done(0, 0, PackedDate::UNDATED, d), 122.0);
    }

    #[test]
    fn reindex_drops_the_people_gone() {
        let mut log = ActivityLog {
            entries: vec![
                entry(0, None, 1.0, date(2026, 1, 1)),
                entry(1, None, 2.0, date(2026, 1, 1)),
                entry(2, None, 3.0, date(2026, 1, 1)),
            ],
        };
        log.reindex(&[0, usize::MAX, 1]);
        let kept: Vec<(usize, f64)> = log.entries.iter().map(|e| (e.person, e.hours)).collect();
        assert_eq!(kept, [(0, 1.0), (1, 3.0)]);
    }
}
