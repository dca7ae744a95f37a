//! FORMAT.md r2 "Mentors": the social part of the learning mix made
//! concrete (the deck's *mentorordning* and *kompetansetorg*). For a goal of
//! person p in skill s to level t, a mentor candidate is any other person
//! present at D with L(m, s) >= t. Goals are taken in the schedule order
//! (deadline, undated last; then priority; then person id; then skill id),
//! and each takes the first candidate by: same unit as p first; then more
//! leading unit levels shared with p; then higher L(m, s); then fewer
//! mentees so far; then person id. A mentor takes at most `[plan]
//! max_mentees` goals in all. Where p's unit has fewer than two holders at
//! t or above, the other unit with the most holders at t or above (then
//! unit id) is suggested as a host for *hospitering* (job rotation).
//!
//! The rule is [`mentors`] (the order), `choose` and `host`. It
//! works on every goal of the organisation, whatever a report shows, so a
//! mentor's load is the same in every view. Candidates are kept per skill
//! and unit in heaps ordered by (level, fewer mentees, id), so a goal looks
//! at one heap top per unit, not at every holder.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

use crate::analysis::IdOrder;
use crate::analysis::goals::{Goals, Scheduled};
use crate::model::{Date, Level, NONE, Organisation};

/// A goal's mentor (a person) and host (a unit index), either may be none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Match {
    pub mentor: Option<usize>,
    pub host: Option<u32>,
    /// The goal's target level.
    pub to: Level,
}

/// Every goal's match, by (person, skill, renewal), and each person's
/// number of mentees.
#[derive(Debug, Clone, Default)]
pub struct Mentoring {
    pub matches: HashMap<(usize, usize, bool), Match>,
    pub mentees: Vec<u32>,
}

impl Mentoring {
    pub fn of(&self, person: usize, skill: usize, renew: bool) -> Match {
        self.matches
            .get(&(person, skill, renew))
            .copied()
            .unwrap_or_default()
    }
}

/// A candidate in a heap: higher level first, then fewer mentees, then id.
type Entry = (Level, Reverse<u32>, Reverse<u32>, usize);

/// A skill's unit buckets in the order a mentee's unit ranks them: best
/// first, with the rank (same unit, shared leading levels).
type Order = Vec<(Reverse<(bool, usize)>, usize)>;

/// How many leading unit levels two unit paths share (`it/a` and `it/b`: 1).
fn shared_levels(a: &str, b: &str) -> usize {
    a.split('/')
        .zip(b.split('/'))
        .take_while(|(x, y)| x == y)
        .count()
}

/// Matches every goal in `goals` (which must hold everyone's goals) with a
/// mentor and a host.
pub fn mentors(goals: &Goals) -> Mentoring {
    let org = goals.org;
    let ids = IdOrder::new(&org.people);
    let cap = org.policy.max_mentees;
    let mut mentees = vec![0u32; org.people.len()];
    // Every goal with its order: (by undated last, by, priority, person id
    // rank, skill rank and renewal first, from the schedule key).
    let mut all = Vec::new();
    let mut people: Vec<usize> = goals.drafts.keys().map(|k| k.0).collect();
    people.dedup();
    for &p in &people {
        for g in goals.scheduled(p) {
            let order = (
                g.key.by.is_none(),
                g.key.by,
                g.key.priority,
                ids.rank(p),
                g.key.skill,
                !g.renew,
            );
            all.push((order, p, g.skill, g.renew, g.draft.to, goal_end(org, &g)));
        }
    }
    all.sort_unstable_by_key(|goal| goal.0);

    let units = unit_paths(org);
    let mut heaps: HashMap<usize, Vec<(u32, BinaryHeap<Entry>)>> = HashMap::new();
    // Per skill, per mentee unit: the skill's buckets in rank order.
    let mut orders: HashMap<usize, HashMap<u32, Order>> = HashMap::new();
    let mut counts: HashMap<usize, Holders> = HashMap::new();
    let mut hosts: HashMap<(usize, u32, Level, bool), Option<u32>> = HashMap::new();
    let unit_rank = unit_ranks(org);
    // Each unit's shared leading levels with a mentee's unit, once per unit.
    let mut shared_by_unit: HashMap<u32, Vec<usize>> = HashMap::new();
    let mut matches = HashMap::with_capacity(all.len());
    for (_, p, skill, renew, to, end) in all {
        let per_unit = counts
            .entry(skill)
            .or_insert_with(|| Holders::of(org, skill));
        // A host depends on the skill, the unit, the level and whether p is
        // one of the unit's holders: many goals share one answer.
        let own = org.people.unit[p];
        let me =
            own != NONE && org.matrix.level(p, skill) >= to && org.people.present(p, org.as_of);
        let host = *hosts
            .entry((skill, own, to, me))
            .or_insert_with(|| host(per_unit, &unit_rank, own, me, to));
        let mut mentor = None;
        if cap > 0 {
            let buckets = heaps
                .entry(skill)
                .or_insert_with(|| candidates(org, &ids, skill));
            let own = org.people.unit[p];
            let shared = shared_by_unit
                .entry(own)
                .or_insert_with(|| shared_with(&units, own));
            let orders = orders.entry(skill).or_default();
            mentor = choose(org, shared, buckets, orders, &mentees, cap, p, to, end);
            if let Some(m) = mentor {
                mentees[m] += 1;
                // The heap entry of m now has a stale load: push the new one.
                let unit = org.people.unit[m];
                if mentees[m] < cap
                    && let Some((_, heap)) = buckets.iter_mut().find(|(u, _)| *u == unit)
                {
                    let level = org.matrix.level(m, skill);
                    heap.push((level, Reverse(mentees[m]), Reverse(ids.rank(m)), m));
                }
            }
        }
        matches.insert((p, skill, renew), Match { mentor, host, to });
    }
    Mentoring { matches, mentees }
}

/// The day a goal ends (FORMAT.md r3 "Mentors"): its finish with capacity,
/// else its deadline, else D. A goal that never finishes (capacity 0) has
/// no finish, so its deadline or D stands in. A mentor must still be there
/// on that day.
fn goal_end(org: &Organisation, goal: &Scheduled) -> Date {
    goal.slot
        .finish
        .unwrap_or_else(|| goal.by.map_or(org.as_of, |by| by.max(org.as_of)))
}

/// How many leading levels each unit shares with `own` (0 for everything
/// when `own` is no unit), indexed like `Organisation::units`.
fn shared_with(units: &[&str], own: u32) -> Vec<usize> {
    units
        .iter()
        .map(|u| match units.get(own as usize) {
            Some(mine) if own != NONE => shared_levels(u, mine),
            _ => 0,
        })
        .collect()
}

/// Each unit's path, indexed like `Organisation::units`.
fn unit_paths(org: &Organisation) -> Vec<&str> {
    org.units.iter().map(String::as_str).collect()
}

/// The people present at D with any level in `skill`, one heap per unit
/// (`NONE` for no unit).
fn candidates(org: &Organisation, ids: &IdOrder, skill: usize) -> Vec<(u32, BinaryHeap<Entry>)> {
    let mut by_unit: HashMap<u32, BinaryHeap<Entry>> = HashMap::new();
    for (m, cell, _) in org.matrix.entries(skill) {
        let level = cell.level();
        if level == 0 || !org.people.present(m, org.as_of) {
            continue;
        }
        by_unit.entry(org.people.unit[m]).or_default().push((
            level,
            Reverse(0),
            Reverse(ids.rank(m)),
            m,
        ));
    }
    let mut list: Vec<(u32, BinaryHeap<Entry>)> = by_unit.into_iter().collect();
    list.sort_unstable_by_key(|(u, _)| *u);
    list
}

/// The first candidate for a goal of `p` to level `to` that ends on `end`
/// (FORMAT.md r2 "Mentors", r3: present at the goal's end), from the
/// heaps of the skill's holders per unit.
#[allow(clippy::too_many_arguments)]
fn choose(
    org: &Organisation,
    shared: &[usize],
    buckets: &mut [(u32, BinaryHeap<Entry>)],
    orders: &mut HashMap<u32, Order>,
    mentees: &[u32],
    cap: u32,
    p: usize,
    to: Level,
    end: Date,
) -> Option<usize> {
    let stays = |m: usize| org.people.terms(m).leaves.is_none_or(|l| l >= end);
    let own = org.people.unit[p];
    // (same unit, shared levels) of each bucket: the unit ranking.
    let rank = |unit: u32| -> (bool, usize) {
        if own == NONE || unit == NONE {
            return (false, 0);
        }
        (unit == own, shared[unit as usize])
    };
    // Buckets best-ranked first (the order is the same for every goal of a
    // unit in a skill): once a candidate is found, a bucket of a lower rank
    // cannot beat it, and the search stops.
    let order = orders.entry(own).or_insert_with(|| {
        let mut order: Order = buckets
            .iter()
            .enumerate()
            .map(|(i, (unit, _))| (Reverse(rank(*unit)), i))
            .collect();
        order.sort_unstable();
        order
    });
    let mut best: Option<((bool, usize), Entry)> = None;
    for &(Reverse(key), i) in order.iter() {
        if best.is_some_and(|(k, _)| key < k) {
            break;
        }
        let heap = &mut buckets[i].1;
        // The person is never their own mentor (a renewal's holder may top
        // their unit's heap), nor is one who leaves before the goal ends:
        // held aside while looking, as they may suit another goal.
        let mut held = Vec::new();
        let top = loop {
            let Some(&entry) = heap.peek() else {
                break None;
            };
            let (level, Reverse(load), _, m) = entry;
            if load != mentees[m] || mentees[m] >= cap {
                // Stale (m took a mentee since: the newer entry is in the
                // heap too) or full: gone for good.
                heap.pop();
            } else if level < to {
                break None;
            } else if m == p || !stays(m) {
                held.extend(heap.pop());
            } else {
                break Some(entry);
            }
        };
        heap.extend(held);
        let Some(entry) = top else { continue };
        if best.is_none_or(|(k, e)| (key, entry) > (k, e)) {
            best = Some((key, entry));
        }
    }
    best.map(|(_, entry)| entry.3)
}

/// The people present at D in each unit at each level of one skill, for
/// hosts: `counts[unit][level]`.
struct Holders {
    counts: HashMap<u32, Vec<u32>>,
}

impl Holders {
    fn of(org: &Organisation, skill: usize) -> Holders {
        let top = org.scale.top() as usize;
        let mut counts: HashMap<u32, Vec<u32>> = HashMap::new();
        for (m, cell, _) in org.matrix.entries(skill) {
            let unit = org.people.unit[m];
            if unit != NONE && cell.level() > 0 && org.people.present(m, org.as_of) {
                counts.entry(unit).or_insert_with(|| vec![0; top + 1])[cell.level() as usize] += 1;
            }
        }
        Holders { counts }
    }

    /// People in `unit` at `to` or above.
    fn at_least(&self, unit: u32, to: Level) -> u32 {
        self.counts
            .get(&unit)
            .map_or(0, |c| c.iter().skip(to as usize).sum())
    }
}

/// Each unit's rank in plain byte order of unit ids: the host's tie-break.
fn unit_ranks(org: &Organisation) -> Vec<u32> {
    let mut order: Vec<usize> = (0..org.units.len()).collect();
    order.sort_by(|&a, &b| org.units[a].as_bytes().cmp(org.units[b].as_bytes()));
    let mut rank = vec![0u32; org.units.len()];
    for (r, &u) in order.iter().enumerate() {
        rank[u] = r as u32;
    }
    rank
}

/// A host unit for *hospitering*: where the mentee's own unit `own` has
/// fewer than two other people present at D at >= `to` in the skill (`me`:
/// the mentee is one of them), the other unit with the most of them (then
/// unit id); None when no other unit has any.
fn host(holders: &Holders, unit_rank: &[u32], own: u32, me: bool, to: Level) -> Option<u32> {
    if own != NONE && holders.at_least(own, to) - u32::from(me) >= 2 {
        return None;
    }
    holders
        .counts
        .keys()
        .filter(|&&u| u != own)
        .map(|&u| (u, holders.at_least(u, to)))
        .filter(|&(_, n)| n > 0)
        .min_by_key(|&(u, n)| (std::cmp::Reverse(n), unit_rank[u as usize]))
        .map(|(u, _)| u)
}
