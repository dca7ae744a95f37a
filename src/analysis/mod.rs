//! Pure functions from the model to report values. Nothing here reads files
//! or prints; everything here is deterministic (no hash-map iteration order
//! reaches a report).
//!
//! Where the FORMAT.md rules that compute reports live:
//! - "Have", "Shortfall", "Coverage", "Development candidates" (their order
//!   is [`gap::Candidate`]), a need's "Effort", "Priority order" of the
//!   report: [`gap`];
//! - "Role gap": [`role::role_gap`];
//! - r3 "Cost" booked by calendar year (the økonomiplan): [`budget`];
//! - plans built from both: [`plan`]; the balance and freshness summary:
//!   [`balance`]; all of them at once, with the coverage map: [`overview`];
//! - r3 "Hours done" of a goal: [`goals::Scheduled::remaining`]; r3
//!   "Effect", the lived mix and "Reach" from the log: [`effect`].
//!
//! The rules about the data itself (current level, expired, stale, scope)
//! are in `crate::model`; analyses call them and never restate them. Work
//! spread over cores goes through rayon's pool (see `gap_report`,
//! `plan_report`).

pub mod balance;
pub mod baseline;
pub mod budget;
pub mod effect;
pub mod gap;
pub mod goals;
pub mod market;
pub mod matrix;
pub mod mentors;
pub mod overview;
pub mod person;
pub mod plan;
pub mod progress;
pub mod role;
pub mod schedule;
pub mod survey;
pub mod team;
pub mod who;

use crate::model::{Organisation, People, Scope, unit_within};

/// How many expired or oldest assessments a freshness summary lists by name.
pub const LISTED: usize = 10;

/// The default window for expiring certificates, in days from the reference
/// date (`balance --expiring`).
pub const DEFAULT_EXPIRING_DAYS: u32 = 90;

/// Which people a person-level report (`gap --by person`, `plan`) shows.
#[derive(Debug, Clone, Default)]
pub struct PeopleFilter {
    /// Only people in this unit or a unit below it.
    pub unit: Option<String>,
    /// Only people with this role (index into `Organisation::roles`).
    pub role: Option<usize>,
    /// Only this person.
    pub person: Option<usize>,
    /// `plan --mentor`: only the goals this person mentors.
    pub mentor: Option<usize>,
}

impl PeopleFilter {
    /// A test of whether a person is kept: in the unit, with the role,
    /// present at D (FORMAT.md r2 "Present": role gaps and plans count the
    /// people present at D).
    pub fn matcher<'a>(&'a self, org: &'a Organisation) -> impl Fn(usize) -> bool + 'a {
        let scope = Scope::new(org, self.unit.as_deref(), self.role).at(org.as_of);
        move |p| scope.contains(p) && self.person.is_none_or(|x| x == p)
    }

    /// [`PeopleFilter::matcher`] whenever people work here: plans also
    /// show signed hires on a need's develop or renew list (FORMAT.md r2
    /// "Scope"), who start after D.
    pub fn matcher_any_time<'a>(&'a self, org: &'a Organisation) -> impl Fn(usize) -> bool + 'a {
        let scope = Scope::new(org, self.unit.as_deref(), self.role);
        move |p| scope.matches(p) && self.person.is_none_or(|x| x == p)
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

/// The people in plain byte order of their ids: the candidates' last
/// tie-break (of the original ids, where they were replaced by pseudonyms).
pub struct IdOrder {
    /// Each person's place in that order; empty when it is person order
    /// (people files are usually sorted by id: no 8 bytes a person then).
    rank: Vec<u32>,
    /// The people in that order: `order[rank[p]] == p` (empty with `rank`).
    order: Vec<u32>,
    people: usize,
}

impl IdOrder {
    pub fn new(people: &People) -> Self {
        let n = people.len();
        if let Some(keys) = people.tie_keys() {
            // Pseudonymised: the original ids' order (FORMAT.md r3).
            let mut order: Vec<u32> = (0..n as u32).collect();
            order.sort_unstable_by_key(|&p| keys[p as usize]);
            return IdOrder::of(order);
        }
        // People files are usually sorted by id already; check before sorting.
        let sorted = (1..n).all(|p| people.id(p - 1).as_bytes() <= people.id(p).as_bytes());
        if sorted {
            return IdOrder {
                rank: Vec::new(),
                order: Vec::new(),
                people: n,
            };
        }
        let mut order: Vec<u32> = (0..n as u32).collect();
        order.sort_unstable_by(|&a, &b| {
            people
                .id(a as usize)
                .as_bytes()
                .cmp(people.id(b as usize).as_bytes())
        });
        IdOrder::of(order)
    }

    fn of(order: Vec<u32>) -> Self {
        let mut rank = vec![0; order.len()];
        for (r, &p) in order.iter().enumerate() {
            rank[p as usize] = r as u32;
        }
        IdOrder {
            people: order.len(),
            rank,
            order,
        }
    }

    /// True when a person's rank is the person (the people are in id
    /// order): then meeting people in person order meets them in id order.
    pub fn in_person_order(&self) -> bool {
        self.order.is_empty()
    }

    /// The person with the given rank.
    #[inline]
    pub fn person(&self, rank: u32) -> usize {
        match self.order.is_empty() {
            true => rank as usize,
            false => self.order[rank as usize] as usize,
        }
    }

    /// A person's rank.
    #[inline]
    pub fn rank(&self, person: usize) -> u32 {
        match self.rank.is_empty() {
            true => person as u32,
            false => self.rank[person],
        }
    }

    /// Everyone, in id order.
    pub fn people(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.people).map(|r| self.person(r as u32))
    }
}
