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
//! and unit in queues ordered by (level, fewer mentees, id), so a goal
//! looks at one queue top per unit, not at every holder. A skill's units are kept
//! in the order of their paths, so the units that share k leading levels
//! with a mentee's are found by binary search, never listed per mentee
//! unit: memory is linear in people, units and goals (issue 27, F5: 3,000
//! units x 20 skills took 3.9 GB as units^2 x skills).

use std::collections::BinaryHeap;

use rustc_hash::FxHashMap as HashMap;

use rayon::prelude::*;

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

/// Every goal's match, person by person (by person index) and each
/// person's in schedule order, and each person's number of mentees.
#[derive(Debug, Clone, Default)]
pub struct Mentoring {
    /// The goals of person p are `matches[starts[p]..starts[p + 1]]`, in
    /// the order of [`Goals::scheduled`]: a plan reads its person's goals
    /// and their matches side by side, with no search and no sort of the
    /// matches by key (issue 28).
    starts: Vec<u32>,
    /// Each goal's (skill, renewal) and match.
    pub matches: Vec<((usize, bool), Match)>,
    pub mentees: Vec<u32>,
}

impl Mentoring {
    /// The matches of person p's goals, in schedule order.
    pub fn of_person(&self, person: usize) -> &[((usize, bool), Match)] {
        match (self.starts.get(person), self.starts.get(person + 1)) {
            (Some(&start), Some(&end)) => &self.matches[start as usize..end as usize],
            _ => &[],
        }
    }
}

/// A candidate in a heap: higher level first, then fewer mentees, then id,
/// in one integer whose order is that order (issue 28: the heaps' sifts
/// were a third of the matching, most of it waiting for memory; an entry
/// of 8 bytes instead of 24 puts three times as many in a cache line).
/// Bits 48 to 55 hold the level; 32 to 47 `u16::MAX` less the load
/// (`max_mentees` is at most 10,000, and an entry's load is below it);
/// 0 to 31 `u32::MAX` less the person's rank in id order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Entry(u64);

impl Entry {
    fn new(level: Level, load: u32, rank: u32) -> Self {
        debug_assert!(load <= u32::from(u16::MAX));
        let load = u16::MAX - load as u16;
        Entry((u64::from(level) << 16 | u64::from(load)) << 32 | u64::from(u32::MAX - rank))
    }

    fn level(self) -> Level {
        (self.0 >> 48) as Level
    }

    fn load(self) -> u32 {
        u32::from(u16::MAX - (self.0 >> 32) as u16)
    }

    fn rank(self) -> u32 {
        u32::MAX - self.0 as u32
    }

    /// The same candidate with another load.
    fn with_load(self, load: u32) -> Self {
        Entry::new(self.level(), load, self.rank())
    }
}

/// A unit's candidates in one skill, the best on top: the entries as they
/// were made, sorted once with the best last, and a heap of the entries
/// put back (with a new load, or held aside while looking). The top is the
/// greater of the two tops; entries are unique (one per person), so it is
/// the same as one heap's. Most entries are never put back: they are taken
/// off the end of the sorted list in turn, where a heap of them all spent
/// most of the matching sifting through memory (issue 28).
#[derive(Debug, Default)]
struct Queue {
    sorted: Vec<Entry>,
    back: BinaryHeap<Entry>,
}

impl Queue {
    fn new(mut entries: Vec<Entry>) -> Self {
        entries.sort_unstable();
        Queue {
            sorted: entries,
            back: BinaryHeap::new(),
        }
    }

    /// Whether the top is the sorted list's (else the heap's, or none).
    fn sorted_on_top(&self) -> bool {
        match (self.sorted.last(), self.back.peek()) {
            (Some(a), Some(b)) => a > b,
            (a, _) => a.is_some(),
        }
    }

    fn peek(&self) -> Option<Entry> {
        match self.sorted_on_top() {
            true => self.sorted.last().copied(),
            false => self.back.peek().copied(),
        }
    }

    fn pop(&mut self) -> Option<Entry> {
        match self.sorted_on_top() {
            true => self.sorted.pop(),
            false => self.back.pop(),
        }
    }

    fn push(&mut self, entry: Entry) {
        self.back.push(entry);
    }
}

/// One skill's candidates: a queue per unit with holders, in the order of
/// the units' paths (level by level), the heap of people in no unit last.
struct Buckets {
    list: Vec<(u32, Queue)>,
    /// How many of `list` have a unit (all but a last `NONE`).
    units: usize,
    /// Each unit's place in `list`.
    at: HashMap<u32, usize>,
    /// The groups of each mentee unit seen so far (`groups`): they depend
    /// only on the unit, as `list`'s order never changes, and working them
    /// out splits unit paths, which took most of the matching's time when
    /// done per goal (issue 28). Each unit's place in `group_lists`.
    groups: HashMap<u32, usize>,
    group_lists: Vec<Vec<Group>>,
    /// The level of each heap's top (None: empty), kept beside the heaps
    /// so that a goal passes over a unit without anyone at its level
    /// without reading the heap: the top's level is the highest in the
    /// heap, stale entries included, so below `to` nobody there can
    /// mentor the goal (issue 28: those reads were most of the matching's
    /// time at 1M rows).
    top: Vec<Option<Level>>,
}

impl Buckets {
    /// The range of `list` whose units' first `k` levels are `segs[..k]`
    /// (`paths`: each unit's path split at `/`).
    fn within(&self, paths: &[Vec<&str>], segs: &[&str], k: usize) -> std::ops::Range<usize> {
        let list = &self.list[..self.units];
        let key = |i: &(u32, Queue)| {
            let path = &paths[i.0 as usize];
            path[..k.min(path.len())].cmp(&segs[..k])
        };
        let start = list.partition_point(|b| key(b) == std::cmp::Ordering::Less);
        let end = list.partition_point(|b| key(b) != std::cmp::Ordering::Greater);
        start..end
    }

    /// The buckets in groups of one rank, best first, with the rank (same
    /// unit, shared leading levels) a mentee in unit `own` gives them. A
    /// group is a few ranges, never a list: it costs the same for 3,000
    /// units as for 3.
    /// Their place in `group_lists`.
    fn groups(&mut self, paths: &[Vec<&str>], own: u32) -> usize {
        if let Some(&known) = self.groups.get(&own) {
            return known;
        }
        let groups = self.groups_of(paths, own);
        self.group_lists.push(groups);
        self.groups.insert(own, self.group_lists.len() - 1);
        self.group_lists.len() - 1
    }

    fn groups_of(&self, paths: &[Vec<&str>], own: u32) -> Vec<Group> {
        let all = 0..self.list.len();
        let Some(segs) = paths.get(own as usize).filter(|_| own != NONE) else {
            return vec![Group {
                key: (false, 0),
                outer: all,
                inner: 0..0,
                skip: None,
            }];
        };
        let mut groups = Vec::with_capacity(segs.len() + 2);
        let mine = self.at.get(&own).copied();
        if let Some(i) = mine {
            groups.push(Group {
                key: (true, segs.len()),
                outer: i..i + 1,
                inner: 0..0,
                skip: None,
            });
        }
        let mut inner = self.within(paths, segs, segs.len());
        groups.push(Group {
            key: (false, segs.len()),
            outer: inner.clone(),
            inner: 0..0,
            skip: mine,
        });
        for k in (0..segs.len()).rev() {
            // Level 0 is every bucket, the one of no unit included.
            let outer = match k {
                0 => all.clone(),
                _ => self.within(paths, segs, k),
            };
            groups.push(Group {
                key: (false, k),
                outer: outer.clone(),
                inner,
                skip: None,
            });
            inner = outer;
        }
        groups
    }
}

/// Buckets of one rank: `outer` without `inner` and `skip`.
struct Group {
    key: (bool, usize),
    outer: std::ops::Range<usize>,
    inner: std::ops::Range<usize>,
    skip: Option<usize>,
}

impl Group {
    fn indices(&self) -> impl Iterator<Item = usize> + '_ {
        self.outer
            .clone()
            .filter(|i| !self.inner.contains(i) && Some(*i) != self.skip)
    }
}

/// Matches every goal in `goals` (which must hold everyone's goals) with a
/// mentor and a host.
pub fn mentors(goals: &Goals) -> Mentoring {
    let org = goals.org;
    let ids = IdOrder::new(&org.people);
    let cap = org.policy.max_mentees;
    let mut mentees = vec![0u32; org.people.len()];
    // Where each person's goals start in `matches`.
    let counts: Vec<u32> = (0..org.people.len())
        .into_par_iter()
        .map(|p| goals.count(p) as u32)
        .collect();
    let mut starts = Vec::with_capacity(counts.len() + 1);
    starts.push(0u32);
    for count in counts {
        starts.push(starts[starts.len() - 1] + count);
    }
    // Every goal with its order: (by undated last, by, priority, person id
    // rank, skill rank and renewal first, from the schedule key), and its
    // place in `matches`. The keys are unique (one goal per person, skill
    // and renewal), so the order is the same however the goals are
    // gathered and sorted.
    let mut all: Vec<_> = (0..org.people.len())
        .into_par_iter()
        .flat_map_iter(|p| {
            let (ids, start) = (&ids, starts[p] as usize);
            goals
                .scheduled(p)
                .into_iter()
                .enumerate()
                .map(move |(i, g)| {
                    let order = (
                        g.key.by.is_none(),
                        g.key.by,
                        g.key.priority,
                        ids.rank(p),
                        g.key.skill,
                        !g.renew,
                    );
                    // Whether p is one of their unit's holders (for the host),
                    // looked up here on all cores, not in the walk below.
                    let own = org.people.units().get(p);
                    let to = g.draft.to;
                    let me = own != NONE
                        && org.matrix.level(p, g.skill) >= to
                        && org.people.present(p, org.as_of);
                    let goal = (p, g.skill, start + i, to, goal_end(org, &g));
                    (order, goal, own, me, g.renew)
                })
        })
        .collect();
    all.par_sort_unstable_by_key(|goal| goal.0);

    // Each unit's path split at `/`, once: finding the units that share
    // leading levels compares them (issue 28: splitting in each comparison
    // was a tenth of the matching).
    let paths: Vec<Vec<&str>> = org.units.iter().map(|u| u.split('/').collect()).collect();
    // The candidates and holders of each skill some goal is in, made on
    // all cores before the walk (issue 28: made in it, they were a fifth of
    // the walk's time).
    let skills = org.skills.len();
    let mut used = vec![false; skills];
    for (_, (_, skill, ..), ..) in &all {
        used[*skill] = true;
    }
    let (mut heaps, counts): (Vec<Option<Buckets>>, Vec<Holders>) = (0..skills)
        .into_par_iter()
        .map(|s| match used[s] {
            true => (
                (cap > 0).then(|| candidates(org, &paths, &ids, s)),
                Holders::of(org, s),
            ),
            false => (None, Holders::default()),
        })
        .unzip();
    let mut hosts: HashMap<(usize, u32, Level, bool), Option<u32>> = HashMap::default();
    let unit_rank = unit_ranks(org);
    // Per skill and level: the two units with the most holders (for hosts).
    let mut best_hosts: Vec<HashMap<Level, [Option<u32>; 2]>> = vec![HashMap::default(); skills];
    let mut matches = vec![((0, false), Match::default()); all.len()];
    for (_, (p, skill, at, to, end), own, me, renew) in all {
        let per_unit = &counts[skill];
        // A host depends on the skill, the unit, the level and whether p is
        // one of the unit's holders: many goals share one answer.
        let host = *hosts
            .entry((skill, own, to, me))
            .or_insert_with(|| host(per_unit, &mut best_hosts[skill], &unit_rank, own, me, to));
        let mut mentor = None;
        if let Some(buckets) = &mut heaps[skill] {
            let chosen = choose(org, &paths, &ids, buckets, &mentees, cap, p, to, end);
            if let Some((i, entry)) = chosen {
                let m = ids.person(entry.rank());
                mentor = Some(m);
                mentees[m] += 1;
                let heap = &mut buckets.list[i].1;
                // Usually m still tops their unit's queue: their entry goes
                // back with the new load, or leaves when m is full. Where
                // someone held aside tops it, the entry is put right when it
                // comes to the top (`choose`), as m's entries in the queues
                // of their other skills are.
                if heap.peek() == Some(entry) {
                    heap.pop();
                    if mentees[m] < cap {
                        heap.push(entry.with_load(mentees[m]));
                    }
                }
                buckets.top[i] = heap.peek().map(|e| e.level());
            }
        }
        matches[at] = ((skill, renew), Match { mentor, host, to });
    }
    Mentoring {
        starts,
        matches,
        mentees,
    }
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

/// The people present at D with any level in `skill`, one heap per unit
/// (`NONE` for no unit).
fn candidates(org: &Organisation, paths: &[Vec<&str>], ids: &IdOrder, skill: usize) -> Buckets {
    let mut by_unit: HashMap<u32, Vec<Entry>> = HashMap::default();
    for (m, cell, _) in org.matrix.entries(skill) {
        let level = cell.level();
        if level == 0 || !org.people.present(m, org.as_of) {
            continue;
        }
        by_unit
            .entry(org.people.units().get(m))
            .or_default()
            .push(Entry::new(level, 0, ids.rank(m)));
    }
    let mut list: Vec<(u32, Queue)> = by_unit
        .into_iter()
        .map(|(unit, entries)| (unit, Queue::new(entries)))
        .collect();
    // By path, level by level (`it` < `it/a` < `it/b` < `itx`), no unit last.
    list.sort_unstable_by(|(a, _), (b, _)| match (*a == NONE, *b == NONE) {
        (false, false) => paths[*a as usize].cmp(&paths[*b as usize]),
        (x, y) => x.cmp(&y),
    });
    let units = list.iter().filter(|(u, _)| *u != NONE).count();
    let at = list.iter().enumerate().map(|(i, (u, _))| (*u, i)).collect();
    let top = list
        .iter()
        .map(|(_, heap)| heap.peek().map(|e| e.level()))
        .collect();
    Buckets {
        list,
        units,
        at,
        groups: HashMap::default(),
        group_lists: Vec::new(),
        top,
    }
}

/// The first candidate for a goal of `p` to level `to` that ends on `end`
/// (FORMAT.md r2 "Mentors", r3: present at the goal's end), from the
/// heaps of the skill's holders per unit: the place in `buckets.list` of
/// the heap they are in, and their entry there.
#[allow(clippy::too_many_arguments)]
fn choose(
    org: &Organisation,
    paths: &[Vec<&str>],
    ids: &IdOrder,
    buckets: &mut Buckets,
    mentees: &[u32],
    cap: u32,
    p: usize,
    to: Level,
    end: Date,
) -> Option<(usize, Entry)> {
    let stays = |m: usize| org.people.terms(m).leaves.is_none_or(|l| l >= end);
    let own = org.people.units().get(p);
    // Buckets best-ranked first (same unit, then more shared leading
    // levels): once a candidate is found, a group of a lower rank cannot
    // beat it, and the search stops.
    let mut best: Option<((bool, usize), Entry, usize)> = None;
    let groups = buckets.groups(paths, own);
    for group in &buckets.group_lists[groups] {
        if best.is_some() {
            break;
        }
        let key = group.key;
        for i in group.indices() {
            if buckets.top[i].is_none_or(|level| level < to) {
                continue;
            }
            let heap = &mut buckets.list[i].1;
            // The person is never their own mentor (a renewal's holder may
            // top their unit's heap), nor is one who leaves before the goal
            // ends: held aside while looking, as they may suit another goal.
            let mut held = Vec::new();
            let top = loop {
                let Some(entry) = heap.peek() else {
                    break None;
                };
                let m = ids.person(entry.rank());
                if mentees[m] >= cap {
                    // Full: gone for good.
                    heap.pop();
                } else if entry.load() != mentees[m] {
                    // m took mentees since the entry was made, in this
                    // skill or another ("at most max_mentees goals in
                    // all"): it goes back with their load now. A load only
                    // grows, so an entry never ranks below where it should,
                    // and a top with its load right is the true first.
                    heap.pop();
                    heap.push(entry.with_load(mentees[m]));
                } else if entry.level() < to {
                    break None;
                } else if m == p || !stays(m) {
                    held.extend(heap.pop());
                } else {
                    break Some(entry);
                }
            };
            held.into_iter().for_each(|e| heap.push(e));
            buckets.top[i] = heap.peek().map(|e| e.level());
            let Some(entry) = top else { continue };
            if best.is_none_or(|(k, e, _)| (key, entry) > (k, e)) {
                best = Some((key, entry, i));
            }
        }
    }
    best.map(|(_, entry, i)| (i, entry))
}

/// The people present at D in each unit at each level of one skill, for
/// hosts: `counts[unit][level]`.
#[derive(Default)]
struct Holders {
    counts: HashMap<u32, Vec<u32>>,
}

impl Holders {
    fn of(org: &Organisation, skill: usize) -> Holders {
        let top = org.scale.top() as usize;
        let mut counts: HashMap<u32, Vec<u32>> = HashMap::default();
        for (m, cell, _) in org.matrix.entries(skill) {
            let unit = org.people.units().get(m);
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
///
/// The two best units per level are found once per skill and level
/// (`best`), so a goal costs no walk over every unit (issue 27, F5).
fn host(
    holders: &Holders,
    best: &mut HashMap<Level, [Option<u32>; 2]>,
    unit_rank: &[u32],
    own: u32,
    me: bool,
    to: Level,
) -> Option<u32> {
    if own != NONE && holders.at_least(own, to) - u32::from(me) >= 2 {
        return None;
    }
    let two = best.entry(to).or_insert_with(|| {
        let mut units: Vec<(std::cmp::Reverse<u32>, u32, u32)> = holders
            .counts
            .keys()
            .map(|&u| {
                (
                    std::cmp::Reverse(holders.at_least(u, to)),
                    unit_rank[u as usize],
                    u,
                )
            })
            .filter(|&(std::cmp::Reverse(n), _, _)| n > 0)
            .collect();
        let n = units.len().min(2);
        if n > 0 {
            units.select_nth_unstable(n - 1);
        }
        units.truncate(n);
        units.sort_unstable();
        [units.first().map(|u| u.2), units.get(1).map(|u| u.2)]
    });
    two.iter().flatten().copied().find(|&u| u != own)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cmp::Reverse;

    /// The order the rule asks for, written plainly.
    fn plain(e: (Level, u32, u32)) -> (Level, Reverse<u32>, Reverse<u32>) {
        (e.0, Reverse(e.1), Reverse(e.2))
    }

    #[test]
    fn a_queue_gives_what_one_heap_of_all_its_entries_gives() {
        // A small generator, the same every run: pushes, pops and peeks in
        // every mix, over entries that are unique as a person's are.
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for round in 0..200 {
            let n = (next() % 40) as u32;
            let made: Vec<Entry> = (0..n)
                .map(|r| Entry::new((next() % 5) as Level, 0, r))
                .collect();
            let mut queue = Queue::new(made.clone());
            let mut heap: BinaryHeap<Entry> = made.into_iter().collect();
            let mut rank = n;
            for _ in 0..60 {
                assert_eq!(queue.peek(), heap.peek().copied(), "round {round}");
                match next() % 3 {
                    0 => assert_eq!(queue.pop(), heap.pop(), "round {round}"),
                    1 => {
                        // Put back with a new load, as the walk does.
                        if let Some(top) = heap.pop() {
                            assert_eq!(queue.pop(), Some(top));
                            let back = top.with_load(top.load() + 1);
                            queue.push(back);
                            heap.push(back);
                        }
                    }
                    _ => {
                        let new = Entry::new((next() % 5) as Level, (next() % 3) as u32, rank);
                        rank += 1;
                        queue.push(new);
                        heap.push(new);
                    }
                }
            }
        }
    }

    #[test]
    fn a_packed_entry_orders_as_level_then_fewer_mentees_then_id() {
        // The edges of each field, and values in between.
        let levels: [Level; 5] = [0, 1, 2, 7, Level::MAX];
        let loads = [0, 1, 2, 9_999, 10_000];
        let ranks = [0, 1, 2, 1 << 20, u32::MAX - 1, u32::MAX];
        let mut all = Vec::new();
        for &l in &levels {
            for &load in &loads {
                for &r in &ranks {
                    all.push((l, load, r));
                }
            }
        }
        for &a in &all {
            let e = Entry::new(a.0, a.1, a.2);
            assert_eq!((e.level(), e.load(), e.rank()), a, "{a:?} unpacks");
            assert_eq!(e.with_load(3), Entry::new(a.0, 3, a.2));
            for &b in &all {
                let packed = Entry::new(a.0, a.1, a.2).cmp(&Entry::new(b.0, b.1, b.2));
                assert_eq!(packed, plain(a).cmp(&plain(b)), "{a:?} vs {b:?}");
            }
        }
    }
}
