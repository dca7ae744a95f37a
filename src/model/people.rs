//! The people, column by column (FORMAT.md "people.csv"): ids, names, units
//! and roles, interned so that millions of people stay small, and the
//! optional terms of each (learning capacity, first and last day).
//!
//! It holds no FORMAT.md rule of its own: which people a need covers is
//! `model::need` ("Scope"). It does no IO.

use std::fmt;

use crate::model::{Date, NONE};

/// A person's optional terms from people.csv (FORMAT.md r2): learning
/// hours a year, and the first and last working day.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Terms {
    /// The `capacity` column: learning hours a year (overrides `[capacity]`).
    pub capacity: Option<f64>,
    /// The `starts` column: a signed hire's first working day.
    pub starts: Option<Date>,
    /// The `leaves` column: the last working day.
    pub leaves: Option<Date>,
}

/// Strings stored end to end in one buffer, found by (start, length):
/// millions of short ids cost their bytes plus eight, not a heap block each.
#[derive(Debug, Clone, Default)]
struct Strings {
    text: String,
    spans: Vec<(u32, u32)>,
}

impl Strings {
    fn push(&mut self, s: &str) -> (u32, u32) {
        let span = (self.text.len() as u32, s.len() as u32);
        self.text.push_str(s);
        span
    }

    fn get(&self, span: (u32, u32)) -> &str {
        let start = span.0 as usize;
        &self.text[start..start + span.1 as usize]
    }
}

/// The people, column by column: ids and names interned once, unit and role
/// as indexes (`NONE` for none), and an index from id to person.
///
/// A person is a number `0..len()`, in the order people were first read.
#[derive(Clone, Default)]
pub struct People {
    ids: Strings,
    names: Strings,
    /// Span of each person's name in `names`; length 0 = no name.
    name_spans: Vec<(u32, u32)>,
    /// Unit of each person (index into `Organisation::units`) or `NONE`.
    pub unit: Vec<u32>,
    /// Role of each person (index into `Organisation::roles`) or `NONE`.
    pub role: Vec<u32>,
    /// Terms by person; empty while nobody has any (most organisations).
    terms: Vec<Terms>,
    /// Where ids were replaced by pseudonyms: each person's key in the
    /// order of the original ids, so ties among people are broken as in
    /// the named report (FORMAT.md r3 "Pseudonyms change names only").
    /// Empty otherwise: the ids themselves give the order.
    tie_keys: Vec<u32>,
    index: hashbrown::HashTable<u32>,
}

impl fmt::Debug for People {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries((0..self.len()).map(|i| self.id(i)))
            .finish()
    }
}

fn hash_id(id: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(id)
}

impl People {
    pub fn len(&self) -> usize {
        self.ids.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn id(&self, person: usize) -> &str {
        self.ids.get(self.ids.spans[person])
    }

    pub fn name(&self, person: usize) -> Option<&str> {
        let span = self.name_spans[person];
        (span.1 > 0).then(|| self.names.get(span))
    }

    pub fn unit(&self, person: usize) -> Option<u32> {
        Some(self.unit[person]).filter(|&u| u != NONE)
    }

    pub fn role(&self, person: usize) -> Option<u32> {
        Some(self.role[person]).filter(|&r| r != NONE)
    }

    /// The person with this id.
    pub fn find(&self, id: &str) -> Option<usize> {
        self.index
            .find(hash_id(id), |&p| self.id(p as usize) == id)
            .map(|&p| p as usize)
    }

    /// Adds a person with a new id (the caller checks it is new) and returns them.
    pub fn push(
        &mut self,
        id: &str,
        name: Option<&str>,
        unit: Option<u32>,
        role: Option<u32>,
    ) -> usize {
        let person = self.len();
        let span = self.ids.push(id);
        self.ids.spans.push(span);
        self.name_spans.push((0, 0));
        self.set_name(person, name.unwrap_or(""));
        self.unit.push(unit.unwrap_or(NONE));
        self.role.push(role.unwrap_or(NONE));
        let (ids, index) = (&self.ids, &mut self.index);
        index.insert_unique(hash_id(id), person as u32, |&p| {
            hash_id(ids.get(ids.spans[p as usize]))
        });
        person
    }

    pub fn set_name(&mut self, person: usize, name: &str) {
        self.name_spans[person] = if name.is_empty() {
            (0, 0)
        } else {
            self.names.push(name)
        };
    }

    /// The person's terms (all `None` when people.csv gives none).
    pub fn terms(&self, person: usize) -> Terms {
        self.terms.get(person).copied().unwrap_or_default()
    }

    /// Sets a person's terms; the column is only stored once someone has any.
    pub fn set_terms(&mut self, person: usize, terms: Terms) {
        if terms == Terms::default() && self.terms.len() <= person {
            return;
        }
        if self.terms.len() <= person {
            self.terms.resize(self.len(), Terms::default());
        }
        self.terms[person] = terms;
    }

    /// FORMAT.md r2 "Present" at `date`: `starts` blank or on or before it,
    /// and `leaves` blank or on or after it.
    #[inline]
    pub fn present(&self, person: usize, date: Date) -> bool {
        match self.terms.get(person) {
            None => true,
            Some(t) => t.starts.is_none_or(|s| s <= date) && t.leaves.is_none_or(|l| l >= date),
        }
    }

    /// True when some person has a first or last day.
    pub fn any_dates(&self) -> bool {
        self.terms
            .iter()
            .any(|t| t.starts.is_some() || t.leaves.is_some())
    }

    /// True when some person has a `capacity` of their own.
    pub fn any_capacity(&self) -> bool {
        self.terms.iter().any(|t| t.capacity.is_some())
    }

    /// Ids in person order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|p| self.id(p))
    }

    /// The people `kept` (person numbers), in that order, renumbered from 0.
    pub fn select(&self, kept: &[usize]) -> People {
        let mut people = People::default();
        for (to, &p) in kept.iter().enumerate() {
            people.push(self.id(p), self.name(p), self.unit(p), self.role(p));
            people.set_terms(to, self.terms(p));
        }
        if !self.tie_keys.is_empty() {
            people.tie_keys = kept.iter().map(|&p| self.tie_keys[p]).collect();
        }
        people
    }

    /// Keys that order people in place of their ids (one per person, in
    /// person order): set when ids are replaced by pseudonyms, to the order
    /// of the original ids.
    pub fn set_tie_keys(&mut self, keys: Vec<u32>) {
        debug_assert_eq!(keys.len(), self.len());
        self.tie_keys = keys;
    }

    /// The keys set by [`People::set_tie_keys`], if any.
    pub fn tie_keys(&self) -> Option<&[u32]> {
        (!self.tie_keys.is_empty()).then_some(self.tie_keys.as_slice())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_are_interned_and_found_by_id() {
        let mut people = People::default();
        let a = people.push("kari", Some("Kari Nordmann"), Some(2), None);
        let b = people.push("ola", None, None, Some(0));
        assert_eq!(
            (people.find("kari"), people.find("ola"), people.find("x")),
            (Some(a), Some(b), None)
        );
        assert_eq!(
            (people.id(b), people.name(a), people.name(b)),
            ("ola", Some("Kari Nordmann"), None)
        );
        assert_eq!(
            (people.unit(a), people.unit(b), people.role(b)),
            (Some(2), None, Some(0))
        );
        people.set_name(b, "Ola");
        assert_eq!(people.name(b), Some("Ola"));
        assert_eq!(people.ids().collect::<Vec<_>>(), ["kari", "ola"]);
    }

    #[test]
    fn terms_are_stored_once_someone_has_any_and_kept_by_select() {
        let mut people = People::default();
        let a = people.push("a", None, None, None);
        let b = people.push("b", None, None, None);
        people.set_terms(a, Terms::default());
        assert!(!people.any_capacity());
        let terms = Terms {
            capacity: Some(37.5),
            ..Terms::default()
        };
        people.set_terms(b, terms);
        assert_eq!(
            (people.terms(a), people.terms(b)),
            (Terms::default(), terms)
        );
        assert!(people.any_capacity());
        let kept = people.select(&[b]);
        assert_eq!(kept.terms(0), terms);
    }

    #[test]
    fn present_from_the_first_day_to_the_last_both_included() {
        use jiff::civil::date;
        let mut people = People::default();
        let a = people.push("a", None, None, None);
        let b = people.push("b", None, None, None);
        people.set_terms(
            b,
            Terms {
                starts: Some(date(2027, 1, 4)),
                leaves: Some(date(2027, 3, 31)),
                ..Terms::default()
            },
        );
        assert!(people.present(a, date(1900, 1, 1)), "no dates: always");
        assert!(!people.present(b, date(2027, 1, 3)));
        assert!(people.present(b, date(2027, 1, 4)), "the first day");
        assert!(people.present(b, date(2027, 3, 31)), "the last day");
        assert!(!people.present(b, date(2027, 4, 1)));
        assert!(people.any_dates());
    }
}
