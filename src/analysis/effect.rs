//! What the logged learning did (`progress --since S`, with an activity
//! log): FORMAT.md r3 "Effect", the lived mix against the declared one,
//! each catalogue activity's share of the gains, and r3 "Reach" from the
//! log. Everything is read from the log as known at D, in the period
//! (S, D]; the rising pairs are `progress`'s own (`moved_up`), so the
//! effect and the level table agree by construction.
//!
//! Rules held here:
//! - a pair's mode is the mode with most of its hours, ties to experience,
//!   then social, then formal; a pair without hours has none ([`pair_mode`]);
//! - per mode: pairs, their hours (all modes), levels, hours per level;
//! - a pair's largest activity is the catalogue activity with most of its
//!   hours, ties to the earlier in the catalogue ([`largest_activity`]);
//! - reach counts the people present at D only.

use std::collections::{BTreeMap, HashMap};

use crate::model::{Date, Logged, Mode, Organisation};
use crate::report::{
    ActivityEffect, Effect, LevelChange, LivedMix, MixBy, ModeEffect, ModeHours, Reach,
};

/// The parts of a progress report that the activity log gives.
#[derive(Debug, Clone)]
pub struct LogEffect {
    pub effect: Effect,
    pub lived_mix: LivedMix,
    pub activities: Vec<ActivityEffect>,
    pub reach: Reach,
}

/// To the hundredth of an hour: sums of logged hours without float noise.
fn hundredths(h: f64) -> f64 {
    (h * 100.0).round() / 100.0
}

/// FORMAT.md r3 "Effect": the mode with most of a pair's hours (by mode:
/// experience, social, formal), ties to the earlier mode; None when the
/// pair has no hours logged.
pub fn pair_mode(hours: [f64; 3]) -> Option<Mode> {
    let mut best: Option<(Mode, f64)> = None;
    for mode in Mode::ALL {
        let h = hours[mode as usize];
        if h > 0.0 && best.is_none_or(|(_, b)| h > b) {
            best = Some((mode, h));
        }
    }
    best.map(|(mode, _)| mode)
}

/// The catalogue activity with most of `entries`' hours, ties to the
/// earlier in the catalogue; None when none names one.
pub fn largest_activity(entries: &[&Logged]) -> Option<usize> {
    let mut hours: BTreeMap<usize, f64> = BTreeMap::new();
    for e in entries {
        if let Some(a) = e.activity {
            *hours.entry(a).or_default() += e.hours;
        }
    }
    let mut best: Option<(usize, f64)> = None;
    for (a, h) in hours {
        if h > 0.0 && best.is_none_or(|(_, b)| h > b) {
            best = Some((a, h));
        }
    }
    best.map(|(a, _)| a)
}

/// Hours by mode and each mode's share in percent, to one decimal.
pub fn mode_hours(hours: [f64; 3]) -> ModeHours {
    let total: f64 = hours.iter().sum();
    let share = |h: f64| {
        if total > 0.0 {
            (h / total * 1000.0).round() / 10.0
        } else {
            0.0
        }
    };
    ModeHours {
        total: hundredths(total),
        experience: hundredths(hours[0]),
        social: hundredths(hours[1]),
        formal: hundredths(hours[2]),
        share: hours.map(share),
    }
}

/// The log's effect in (`since`, D] on `now`, the organisation at D, given
/// progress's rising pairs; None without an activity log.
pub fn log_effect(now: &Organisation, since: Date, up: &[LevelChange]) -> Option<LogEffect> {
    let log = now.log.as_ref()?;
    let period: Vec<&Logged> = log.between(since, now.as_of).collect();
    let mut by_pair: HashMap<(usize, usize), Vec<&Logged>> = HashMap::new();
    for &e in &period {
        if let Some(s) = e.skill {
            by_pair.entry((e.person, s)).or_default().push(e);
        }
    }
    let mut effect = Effect::default();
    let mut gains = vec![(0usize, 0u64); now.activities.len()];
    for m in up {
        let (Some(p), Some(s)) = (now.people.find(&m.person), now.skill_index(&m.skill)) else {
            continue;
        };
        let entries = by_pair.get(&(p, s)).map_or(&[][..], Vec::as_slice);
        let mut hours = [0.0; 3];
        for e in entries {
            hours[e.mode as usize] += e.hours;
        }
        let levels = m.gained.unsigned_abs() as u64;
        let bucket = match pair_mode(hours) {
            Some(mode) => effect.of_mut(mode),
            None => &mut effect.unlogged,
        };
        bucket.pairs += 1;
        bucket.hours += hours.iter().sum::<f64>();
        bucket.levels += levels;
        if let Some(a) = largest_activity(entries) {
            gains[a].0 += 1;
            gains[a].1 += levels;
        }
    }
    let finish = |b: &mut ModeEffect| {
        b.hours = hundredths(b.hours);
        b.hours_per_level = (b.levels > 0).then(|| hundredths(b.hours / b.levels as f64));
    };
    for mode in Mode::ALL {
        finish(effect.of_mut(mode));
    }
    // The pairs without hours have no hours per level (None, as made).
    Some(LogEffect {
        effect,
        lived_mix: lived_mix(now, &period),
        activities: activity_effect(now, &period, &gains),
        reach: reach(now, &period),
    })
}

/// Logged hours by mode in all, by the person's unit and by driver.
fn lived_mix(org: &Organisation, period: &[&Logged]) -> LivedMix {
    let mut all = [0.0; 3];
    let mut units: BTreeMap<Option<&str>, [f64; 3]> = BTreeMap::new();
    let mut drivers = vec![[0.0; 3]; org.drivers.len()];
    let mut none = [0.0; 3];
    let driven: Vec<_> = org
        .needs
        .iter()
        .filter_map(|n| n.driver.map(|d| (d, n.skill, n.scope(org))))
        .collect();
    let mut under = vec![false; org.drivers.len()];
    for e in period {
        let m = e.mode as usize;
        all[m] += e.hours;
        let unit = org
            .people
            .unit(e.person)
            .map(|u| org.units[u as usize].as_str());
        units.entry(unit).or_default()[m] += e.hours;
        under.fill(false);
        if let Some(s) = e.skill {
            for (d, skill, scope) in &driven {
                if *skill == s && scope.contains(e.person) {
                    under[*d] = true;
                }
            }
        }
        // Once per driver, however many of its needs hold the entry.
        for (hours, _) in drivers.iter_mut().zip(&under).filter(|(_, u)| **u) {
            hours[m] += e.hours;
        }
        if !under.contains(&true) {
            none[m] += e.hours;
        }
    }
    let mut by_unit: Vec<MixBy> = units
        .into_iter()
        .map(|(unit, hours)| MixBy {
            key: unit.map(str::to_string),
            name: None,
            hours: mode_hours(hours),
        })
        .collect();
    // BTreeMap puts None first; it goes last.
    if by_unit.first().is_some_and(|b| b.key.is_none()) {
        by_unit.rotate_left(1);
    }
    let mut by_driver: Vec<MixBy> = org
        .drivers
        .iter()
        .zip(drivers)
        .map(|(d, hours)| MixBy {
            key: Some(d.id.clone()),
            name: Some(d.name.clone()),
            hours: mode_hours(hours),
        })
        .collect();
    if none.iter().sum::<f64>() > 0.0 {
        by_driver.push(MixBy {
            key: None,
            name: None,
            hours: mode_hours(none),
        });
    }
    LivedMix {
        declared: org.policy.mix,
        hours: mode_hours(all),
        by_unit,
        by_driver,
    }
}

/// Each catalogue activity with hours in the period or a gain, in
/// catalogue order.
fn activity_effect(
    org: &Organisation,
    period: &[&Logged],
    gains: &[(usize, u64)],
) -> Vec<ActivityEffect> {
    let mut hours = vec![0.0; org.activities.len()];
    for e in period {
        if let Some(a) = e.activity {
            hours[a] += e.hours;
        }
    }
    org.activities
        .iter()
        .enumerate()
        .filter(|&(a, _)| hours[a] > 0.0 || gains[a].0 > 0)
        .map(|(a, activity)| ActivityEffect {
            activity: activity.name.clone(),
            mode: activity.mode,
            hours: hundredths(hours[a]),
            pairs: gains[a].0,
            levels: gains[a].1,
        })
        .collect()
}

/// FORMAT.md r3 "Reach" from the log: of the people present at D, those
/// with hours logged in the period, in all and per mode.
fn reach(org: &Organisation, period: &[&Logged]) -> Reach {
    let mut logged = vec![[false; 3]; org.people.len()];
    for e in period.iter().filter(|e| e.hours > 0.0) {
        logged[e.person][e.mode as usize] = true;
    }
    let mut reach = Reach::default();
    for (p, modes) in logged.iter().enumerate() {
        if !org.people.present(p, org.as_of) {
            continue;
        }
        reach.people += 1;
        reach.any += usize::from(modes.contains(&true));
        reach.experience += usize::from(modes[0]);
        reach.social += usize::from(modes[1]);
        reach.formal += usize::from(modes[2]);
    }
    reach
}

#[cfg(test)]
mod tests {
    use super::*;

    /// FORMAT r3 "Effect": ties go to experience, then social, then formal.
    #[test]
    fn a_tie_between_modes_goes_to_the_earlier_mode() {
        assert_eq!(pair_mode([10.0, 10.0, 0.0]), Some(Mode::Experience));
        assert_eq!(pair_mode([0.0, 5.0, 5.0]), Some(Mode::Social));
        assert_eq!(pair_mode([3.0, 5.0, 6.0]), Some(Mode::Formal));
        assert_eq!(pair_mode([4.0, 4.0, 4.0]), Some(Mode::Experience));
    }

    #[test]
    fn a_pair_without_hours_has_no_mode() {
        assert_eq!(pair_mode([0.0, 0.0, 0.0]), None);
    }

    #[test]
    fn shares_are_percent_of_the_hours() {
        let h = mode_hours([35.0, 10.0, 5.0]);
        assert_eq!((h.total, h.share), (50.0, [70.0, 20.0, 10.0]));
        assert_eq!(mode_hours([0.0; 3]).share, [0.0; 3]);
        assert_eq!(mode_hours([1.0, 1.0, 1.0]).share, [33.3, 33.3, 33.3]);
    }
}
