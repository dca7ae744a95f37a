//! Pure functions from the model to report values. Nothing here reads files
//! or prints; everything here is deterministic (no hash-map iteration order
//! reaches a report).

pub mod balance;
pub mod gap;
pub mod plan;
pub mod role;

use crate::model::{NONE, Organisation, People, unit_within};

/// Which people a person-level report (`gap --by person`, `plan`) shows.
#[derive(Debug, Clone, Default)]
pub struct PeopleFilter {
    /// Only people in this unit or a unit below it.
    pub unit: Option<String>,
    /// Only people with this role (index into `Organisation::roles`).
    pub role: Option<usize>,
    /// Only this person.
    pub person: Option<usize>,
}

impl PeopleFilter {
    /// A test of whether a person is kept.
    pub fn matcher<'a>(&'a self, org: &'a Organisation) -> impl Fn(usize) -> bool + 'a {
        let units = self.unit.as_deref().map(|u| org.units_within(u));
        move |p| {
            let unit_ok = units.as_ref().is_none_or(|within| {
                let u = org.people.unit[p];
                u != NONE && within[u as usize]
            });
            unit_ok
                && self.role.is_none_or(|r| org.people.role[p] == r as u32)
                && self.person.is_none_or(|x| x == p)
        }
    }
}

/// True when a need's unit lies within the filter's (for "needs in my unit").
pub fn need_in_unit(need_unit: Option<&str>, scope: Option<&str>) -> bool {
    match (scope, need_unit) {
        (None, _) => true,
        (Some(scope), Some(unit)) => unit_within(unit, scope),
        (Some(_), None) => false,
    }
}

/// The people in plain byte order of their ids: the candidates' last tie-break.
pub struct IdOrder {
    /// Each person's place in that order.
    rank: Vec<u32>,
    /// The people in that order: `order[rank[p]] == p`.
    order: Vec<u32>,
}

impl IdOrder {
    pub fn new(people: &People) -> Self {
        let mut order: Vec<u32> = (0..people.len() as u32).collect();
        // People files are usually sorted by id already; check before sorting.
        let sorted =
            (1..people.len()).all(|p| people.id(p - 1).as_bytes() <= people.id(p).as_bytes());
        if !sorted {
            order.sort_unstable_by(|&a, &b| {
                people
                    .id(a as usize)
                    .as_bytes()
                    .cmp(people.id(b as usize).as_bytes())
            });
        }
        let mut rank = vec![0; people.len()];
        for (r, &p) in order.iter().enumerate() {
            rank[p as usize] = r as u32;
        }
        IdOrder { rank, order }
    }

    /// The person with the given rank.
    pub fn person(&self, rank: u32) -> usize {
        self.order[rank as usize] as usize
    }

    /// A person's rank.
    pub fn rank(&self, person: usize) -> u32 {
        self.rank[person]
    }

    /// Everyone, in id order.
    pub fn people(&self) -> impl Iterator<Item = usize> + '_ {
        self.order.iter().map(|&p| p as usize)
    }
}

/// Maps `items` in order, on as many threads as there are cores (one
/// contiguous chunk each), when there is enough work to pay for them.
pub fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads < 2 || items.len() < 2 {
        return items.iter().map(&f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(|| part.iter().map(&f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}
