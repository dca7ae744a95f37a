//! Needs and who they are about (FORMAT.md "Scope", "Priority order").
//!
//! FORMAT.md rules held here, one function each:
//! - "Scope": [`Scope::contains`], built for a need by [`Need::scope`]; the
//!   same test serves `balance --unit` and the person filters, so unit
//!   containment ([`unit_within`]) is decided in one place.
//! - "Priority order": the derived order of [`Priority`] (critical first).
//!
//! Gap arithmetic (have, shortfall, coverage) is `analysis::gap`.

use std::fmt;

use serde::Serialize;

use crate::model::{Date, Level, NONE, Organisation, People};

/// How urgent a need is. The derived order is the report order: critical first.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Default,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    Critical,
    High,
    #[default]
    Medium,
    Low,
}

impl Priority {
    pub const ALL: [Priority; 4] = [
        Priority::Critical,
        Priority::High,
        Priority::Medium,
        Priority::Low,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Priority::Critical => "critical",
            Priority::High => "high",
            Priority::Medium => "medium",
            Priority::Low => "low",
        }
    }

    pub fn parse(text: &str) -> Option<Priority> {
        Priority::ALL
            .into_iter()
            .find(|p| p.as_str().eq_ignore_ascii_case(text.trim()))
    }

    /// True when `self` is as urgent as `threshold` or more.
    pub fn at_least(self, threshold: Priority) -> bool {
        self <= threshold
    }
}

impl fmt::Display for Priority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A forward-looking organisation need: `count` people at `level` or above in `skill`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Need {
    pub id: String,
    pub skill: usize,
    pub level: Level,
    pub count: u32,
    pub unit: Option<String>,
    pub role: Option<usize>,
    pub priority: Priority,
    pub by: Option<Date>,
    pub driver: Option<usize>,
}

impl Need {
    /// FORMAT.md "Scope": the people this need is about, whenever they
    /// work here; [`Scope::at`] narrows it to those present at a date (the
    /// need's horizon, r2).
    pub fn scope<'a>(&self, org: &'a Organisation) -> Scope<'a> {
        Scope::new(org, self.unit.as_deref(), self.role)
    }
}

/// True when `unit` is `scope` or below it (`it` covers `it/platform`, not `itx`).
pub fn unit_within(unit: &str, scope: &str) -> bool {
    unit == scope
        || (unit.len() > scope.len()
            && unit.starts_with(scope)
            && unit.as_bytes()[scope.len()] == b'/')
}

/// A set of people given by a unit (theirs or one above it) and a role,
/// either optional, and optionally a date they are present at (FORMAT.md
/// r2 "Present"). Which units lie within the unit is decided once, when the
/// scope is made: units are few, people many.
pub struct Scope<'a> {
    people: &'a People,
    /// For each unit, whether it lies within the scope's unit; None: any unit.
    units: Option<Vec<bool>>,
    /// The role (index into `Organisation::roles`), or `NONE`: any role.
    role: u32,
    /// Only people present on this day; None: whenever they work here.
    at: Option<Date>,
}

impl<'a> Scope<'a> {
    pub fn new(org: &'a Organisation, unit: Option<&str>, role: Option<usize>) -> Scope<'a> {
        Scope {
            people: &org.people,
            units: unit.map(|u| org.units_within(u)),
            role: role.map_or(NONE, |r| r as u32),
            at: None,
        }
    }

    /// This scope among the people present on `date`.
    pub fn at(mut self, date: Date) -> Scope<'a> {
        self.at = Some(date);
        self
    }

    /// True when `person` is in the unit (or below it), has the role, and
    /// is present on the scope's date (if it has one).
    #[inline]
    pub fn contains(&self, person: usize) -> bool {
        self.matches(person) && self.at.is_none_or(|d| self.people.present(person, d))
    }

    /// True when `person` is in the unit (or below it) and has the role,
    /// whenever they work here.
    #[inline]
    pub fn matches(&self, person: usize) -> bool {
        if let Some(within) = &self.units {
            let unit = self.people.units().get(person);
            if unit == NONE || !within[unit as usize] {
                return false;
            }
        }
        self.role == NONE || self.people.roles().get(person) == self.role
    }
}

/// A unit declared in org.toml (`[[unit]]`, FORMAT.md "Units"): when any
/// is declared, the declared units and their parents are the only units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// The unit path, normalised (`helse/sykehjem`).
    pub id: String,
    /// Its display name, when given.
    pub name: Option<String>,
}

/// Every unit `unit` names: its parents, shortest first, then itself
/// (`helse/sykehjem` -> `helse`, `helse/sykehjem`).
pub fn unit_and_parents(unit: &str) -> impl Iterator<Item = &str> {
    unit.match_indices('/')
        .map(|(i, _)| &unit[..i])
        .chain(std::iter::once(unit))
}

/// Normalises a unit path (`/it/platform/` -> `it/platform`); None when it has an empty level.
pub fn normalise_unit(text: &str) -> Option<String> {
    let trimmed = text.trim().trim_matches('/');
    if trimmed.is_empty() || trimmed.split('/').any(|part| part.trim().is_empty()) {
        return None;
    }
    Some(
        trimmed
            .split('/')
            .map(str::trim)
            .collect::<Vec<_>>()
            .join("/"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_names_its_parents() {
        let all: Vec<&str> = unit_and_parents("helse/sykehjem/avd-2").collect();
        assert_eq!(all, ["helse", "helse/sykehjem", "helse/sykehjem/avd-2"]);
        assert_eq!(unit_and_parents("it").collect::<Vec<_>>(), ["it"]);
    }

    #[test]
    fn units_normalise() {
        assert_eq!(normalise_unit("/it/platform/"), Some("it/platform".into()));
        assert_eq!(normalise_unit("it//x"), None);
        assert_eq!(normalise_unit(""), None);
    }

    #[test]
    fn unit_it_covers_its_subunits_but_not_itx() {
        assert!(unit_within("it", "it"));
        assert!(unit_within("it/platform", "it"));
        assert!(unit_within("it/data/ml", "it"));
        assert!(!unit_within("itx", "it"));
        assert!(!unit_within("it", "it/platform"));
    }

    #[test]
    fn scope_is_unit_subtree_and_role() {
        let mut org = Organisation {
            units: vec!["it".into(), "it/platform".into(), "itx".into()],
            ..Organisation::default()
        };
        let a = org.people.push("a", None, Some(1), Some(0));
        let b = org.people.push("b", None, Some(2), Some(0));
        let c = org.people.push("c", None, None, None);
        let it = Scope::new(&org, Some("it"), None);
        assert_eq!(
            (it.contains(a), it.contains(b), it.contains(c)),
            (true, false, false)
        );
        let role = Scope::new(&org, None, Some(0));
        assert_eq!(
            (role.contains(a), role.contains(b), role.contains(c)),
            (true, true, false)
        );
        let everyone = Scope::new(&org, None, None);
        assert!(everyone.contains(c));
    }
}
