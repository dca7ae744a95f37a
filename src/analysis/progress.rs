//! Progress (`kompetanse progress --since S`): the organisation then and
//! now, and what moved in between. "Then" is the same files loaded at S:
//! FORMAT.md "Known at D" sets aside every assessment dated after S, and
//! expiry is judged at S, so it is exactly what `--as-of S` shows. Progress
//! is therefore by construction the difference of two `--as-of` runs, and
//! this module only compares them: needs through [`gap_report`] on each,
//! levels through each organisation's matrix.
//!
//! Rules held here (docs/format.md "Progress"):
//! - a need is matched by id; its then/now `have`, `shortfall` and
//!   `coverage` are `gap`'s at S and at D (`need_progress`);
//! - a move is a (person, skill) whose current level differs between S and
//!   D, people matched by id (`moves`);
//! - a gain counts for its person's unit, and for each driver that has a
//!   need on the skill whose scope holds the person, once per driver; a
//!   gain under no such need counts for "no driver" (`gains_by_driver`);
//! - with an activity log, what the logged hours did (r3 "Effect", the
//!   lived mix, "Reach"): `analysis::effect`, over the rising pairs here.
//!
//! It reads no file and chooses no date: the caller loads both organisations.

use std::collections::BTreeMap;

use crate::analysis::IdOrder;
use crate::analysis::gap::{GapFilter, coverage, gap_report};
use crate::model::{Level, Organisation, PackedDate};
use crate::report::{
    GainBy, LevelChange, NeedGap, NeedProgress, NeedState, ProgressReport, ProgressTotals,
    SkillProgress,
};

/// Compares `then` (the files loaded at S) with `now` (loaded at D).
pub fn progress_report(then: &Organisation, now: &Organisation) -> ProgressReport {
    let gap_now = gap_report(now, &GapFilter::default());
    let gap_then = gap_report(then, &GapFilter::default());
    let needs: Vec<NeedProgress> = gap_now
        .needs
        .iter()
        .map(|n| {
            let before = gap_then.needs.iter().find(|t| t.id == n.id);
            need_progress(n, before)
        })
        .collect();
    let skills = skills(then, now);
    let (moved_up, moved_down) = moves(then, now);
    let totals = ProgressTotals {
        needs: needs.len(),
        met_then: needs.iter().filter(|n| n.then.shortfall == 0).count(),
        met_now: needs.iter().filter(|n| n.now.shortfall == 0).count(),
        shortfall_then: needs.iter().map(|n| u64::from(n.then.shortfall)).sum(),
        shortfall_now: needs.iter().map(|n| u64::from(n.now.shortfall)).sum(),
        moved_up: distinct_people(&moved_up),
        moved_down: distinct_people(&moved_down),
        levels_gained: moved_up
            .iter()
            .map(|m| m.gained.unsigned_abs() as u64)
            .sum(),
        levels_lost: moved_down
            .iter()
            .map(|m| m.gained.unsigned_abs() as u64)
            .sum(),
        levels_first_assessed: moved_up
            .iter()
            .filter(|m| m.first_assessed)
            .map(|m| m.gained.unsigned_abs() as u64)
            .sum(),
    };
    let log = crate::analysis::effect::log_effect(now, then.as_of, &moved_up);
    ProgressReport {
        effect: log.as_ref().map(|l| l.effect.clone()),
        lived_mix: log.as_ref().map(|l| l.lived_mix.clone()),
        activity_effect: log.as_ref().map(|l| l.activities.clone()),
        reach: log.as_ref().map(|l| l.reach),
        organisation: now.name.clone(),
        as_of: now.as_of,
        since: then.as_of,
        scale: now.scale.levels.clone(),
        gained_by_unit: gains_by_unit(&moved_up),
        gained_by_driver: gains_by_driver(now, &moved_up),
        needs,
        skills,
        moved_up,
        moved_down,
        totals,
    }
}

fn state(n: &NeedGap) -> NeedState {
    NeedState {
        have: n.have,
        shortfall: n.shortfall,
        coverage: n.coverage,
    }
}

/// One need then and now. The same org.toml gives the same needs on both
/// dates; should one be missing then, it shows as unchanged.
fn need_progress(now: &NeedGap, then: Option<&NeedGap>) -> NeedProgress {
    let (then, now_state) = (state(then.unwrap_or(now)), state(now));
    NeedProgress {
        id: now.id.clone(),
        skill: now.skill.clone(),
        unit: now.unit.clone(),
        role: now.role.clone(),
        level: now.level,
        count: now.count,
        then,
        now: now_state,
        change: change(then.have, now_state.have, now.count),
        skill_name: now.skill_name.clone(),
    }
}

/// `now.coverage - then.coverage` (the count is the same on both dates),
/// exactly: see [`Coverage::since`](crate::analysis::gap::Coverage::since).
fn change(then: u32, now: u32, count: u32) -> f64 {
    coverage(now.into(), count.into()).since(coverage(then.into(), count.into()))
}

/// The people present at D.
fn present(org: &Organisation) -> u64 {
    (0..org.people.len())
        .filter(|&p| org.people.present(p, org.as_of))
        .count() as u64
}

/// People at each level (unassessed at 0) and people assessed, per skill,
/// of the `present` people present at D.
fn level_counts(org: &Organisation, skill: usize, present: u64) -> (Vec<u64>, u64) {
    let top = org.scale.levels.len().max(1);
    let mut levels = vec![0u64; top];
    let mut assessed = 0;
    // FORMAT.md r2 "Present": as `balance` counts them at that date. The
    // assessed are counted at their level, everyone else at 0.
    for (p, cell, _) in org.matrix.entries(skill) {
        if !org.people.present(p, org.as_of) {
            continue;
        }
        let level = cell.level() as usize;
        if level >= levels.len() {
            levels.resize(level + 1, 0);
        }
        levels[level] += 1;
        assessed += 1;
    }
    levels[0] += present - assessed;
    (levels, assessed)
}

fn skills(then: &Organisation, now: &Organisation) -> Vec<SkillProgress> {
    let (present_now, present_then) = (present(now), present(then));
    now.skills
        .iter()
        .enumerate()
        .map(|(s, skill)| {
            let (levels_now, assessed_now) = level_counts(now, s, present_now);
            let (levels_then, assessed_then) = match then.skill_index(&skill.id) {
                Some(t) => level_counts(then, t, present_then),
                None => (vec![0; levels_now.len()], 0),
            };
            SkillProgress {
                skill: skill.id.clone(),
                name: skill.name.clone(),
                levels_then,
                levels_now,
                assessed_then,
                assessed_now,
            }
        })
        .collect()
}

/// Every (person, skill) whose current level differs between S and D, by
/// person id (byte order), then skill (catalogue order): the rises, then
/// the falls. A person or skill missing then counts as level 0 then.
fn moves(then: &Organisation, now: &Organisation) -> (Vec<LevelChange>, Vec<LevelChange>) {
    let skill_then: Vec<Option<usize>> =
        now.skills.iter().map(|s| then.skill_index(&s.id)).collect();
    let (mut up, mut down) = (Vec::new(), Vec::new());
    // The people here now (FORMAT.md r2 "Present"); someone who was not
    // here then starts from nothing (a first assessment).
    for p in IdOrder::new(&now.people).people() {
        if !now.people.present(p, now.as_of) {
            continue;
        }
        let id = now.people.id(p);
        let before = then
            .people
            .find(id)
            .filter(|&q| then.people.present(q, then.as_of));
        for (s, skill) in now.skills.iter().enumerate() {
            let to = now.matrix.level(p, s);
            let (from, known): (Level, bool) = match (before, skill_then[s]) {
                (Some(q), Some(t)) => (
                    then.matrix.level(q, t),
                    then.matrix.assessed(q, t) != PackedDate::NONE,
                ),
                _ => (0, false),
            };
            if from == to {
                continue;
            }
            let unit = now.people.unit(p).map(|u| now.units[u as usize].clone());
            let change = LevelChange {
                person: id.to_string(),
                name: now.people.name(p).map(str::to_string),
                unit,
                skill: skill.id.clone(),
                from,
                to,
                gained: i32::from(to) - i32::from(from),
                first_assessed: !known,
                skill_name: skill.name.clone(),
            };
            if to > from { &mut up } else { &mut down }.push(change);
        }
    }
    (up, down)
}

fn distinct_people(moves: &[LevelChange]) -> usize {
    // Moves are ordered by person, so a new person starts a new run.
    moves
        .iter()
        .enumerate()
        .filter(|(i, m)| *i == 0 || moves[i - 1].person != m.person)
        .count()
}

/// Adds gains into a bucket: people counted once each (moves come by person).
fn add(bucket: &mut GainBy, m: &LevelChange, last_person: &mut Option<String>) {
    if last_person.as_deref() != Some(m.person.as_str()) {
        bucket.people += 1;
        *last_person = Some(m.person.clone());
    }
    bucket.moves += 1;
    bucket.levels += m.gained.unsigned_abs() as u64;
}

fn bucket(key: Option<String>, name: Option<String>) -> GainBy {
    GainBy {
        key,
        name,
        people: 0,
        moves: 0,
        levels: 0,
    }
}

/// Levels gained per the person's own unit (no roll-up to parent units):
/// units in byte order, people without a unit last.
fn gains_by_unit(up: &[LevelChange]) -> Vec<GainBy> {
    let mut units: BTreeMap<Option<&str>, (GainBy, Option<String>)> = BTreeMap::new();
    for m in up {
        let (b, last) = units
            .entry(m.unit.as_deref())
            .or_insert_with(|| (bucket(m.unit.clone(), None), None));
        add(b, m, last);
    }
    // BTreeMap puts None first; it goes last.
    let mut out: Vec<GainBy> = units.into_values().map(|(b, _)| b).collect();
    if out.first().is_some_and(|b| b.key.is_none()) {
        out.rotate_left(1);
    }
    out
}

/// Levels gained per driver, every driver in catalogue order (a driver
/// without gains shows 0: no progress is news too), then "no driver" when
/// some gain is under no driver's need.
fn gains_by_driver(org: &Organisation, up: &[LevelChange]) -> Vec<GainBy> {
    let mut out: Vec<(GainBy, Option<String>)> = org
        .drivers
        .iter()
        .map(|d| (bucket(Some(d.id.clone()), Some(d.name.clone())), None))
        .collect();
    let mut none = (bucket(None, None), None);
    // The needs with a driver, each with its scope made once (units are
    // decided when a scope is made): a move is checked against these only.
    let driven: Vec<_> = org
        .needs
        .iter()
        .filter_map(|n| n.driver.map(|d| (d, n.skill, n.scope(org))))
        .collect();
    let mut under = vec![false; out.len()];
    for m in up {
        let (Some(p), Some(s)) = (org.people.find(&m.person), org.skill_index(&m.skill)) else {
            continue;
        };
        under.fill(false);
        for (d, skill, scope) in &driven {
            if *skill == s && !under[*d] && scope.contains(p) {
                under[*d] = true;
            }
        }
        // Once per driver, however many of its needs hold the gain.
        for ((b, last), _) in out.iter_mut().zip(&under).filter(|(_, u)| **u) {
            add(b, m, last);
        }
        if !under.contains(&true) {
            add(&mut none.0, m, &mut none.1);
        }
    }
    let mut out: Vec<GainBy> = out.into_iter().map(|(b, _)| b).collect();
    if none.0.moves > 0 {
        out.push(none.0);
    }
    out
}
