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
        if let Some(keys) = people.tie_keys() {
            // Pseudonymised: the original ids' order (FORMAT.md r3).
            order.sort_unstable_by_key(|&p| keys[p as usize]);
        } else if !sorted {
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
