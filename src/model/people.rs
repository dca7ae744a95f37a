//! The people, column by column (FORMAT.md "people.csv"): ids, names, units
//! and roles, interned so that millions of people stay small, and the
//! optional terms of each (learning capacity, first and last day).
//!
//! It holds no FORMAT.md rule of its own: which people a need covers is
//! `model::need` ("Scope"). It does no IO.

use super::ids::IdIndex;
pub use super::ids::hash_id;
use std::fmt;

use rustc_hash::FxHashMap;

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

/// One string a person, stored end to end in one buffer: string `i` runs
/// from the end of string `i - 1` to `ends[i]`, so millions of short ids
/// cost their bytes plus four, not a heap block (or a start and a length)
/// each.
#[derive(Debug, Clone, Default)]
struct Strings {
    text: String,
    ends: Vec<u32>,
}

impl Strings {
    fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.ends.push(offset(self.text.len()));
    }

    #[inline]
    fn start(&self, i: usize) -> usize {
        match i {
            0 => 0,
            _ => self.ends[i - 1] as usize,
        }
    }

    #[inline]
    fn get(&self, i: usize) -> &str {
        &self.text[self.start(i)..self.ends[i] as usize]
    }

    /// Replaces the last string.
    fn set_last(&mut self, s: &str) {
        let last = self.ends.len() - 1;
        self.text.truncate(self.start(last));
        self.text.push_str(s);
        self.ends[last] = offset(self.text.len());
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}

/// An offset into the text of [`Strings`]: ids and names of even 100
/// million people stay far below 4 GiB.
fn offset(at: usize) -> u32 {
    u32::try_from(at).expect("people's ids and names take over 4 GiB")
}

/// Small indexes one a person (units, roles, `NONE` for none), each as
/// narrow as the largest of them allows: a byte while every index is
/// under 255, two while under 65,535, else four. `NONE` is stored as the
/// narrow type's largest value.
#[derive(Debug, Clone)]
pub enum Codes {
    U8(Vec<u8>),
    U16(Vec<u16>),
    U32(Vec<u32>),
}

impl Default for Codes {
    fn default() -> Self {
        Codes::U8(Vec::new())
    }
}

impl Codes {
    pub fn len(&self) -> usize {
        match self {
            Codes::U8(v) => v.len(),
            Codes::U16(v) => v.len(),
            Codes::U32(v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The index of `i` (`NONE` for none).
    #[inline]
    pub fn get(&self, i: usize) -> u32 {
        match self {
            Codes::U8(v) => widen(v[i] as u32, u8::MAX as u32),
            Codes::U16(v) => widen(v[i] as u32, u16::MAX as u32),
            Codes::U32(v) => v[i],
        }
    }

    pub fn push(&mut self, code: u32) {
        self.fit(code);
        match self {
            Codes::U8(v) => v.push(code as u8),
            Codes::U16(v) => v.push(code as u16),
            Codes::U32(v) => v.push(code),
        }
    }

    pub fn set(&mut self, i: usize, code: u32) {
        self.fit(code);
        match self {
            Codes::U8(v) => v[i] = code as u8,
            Codes::U16(v) => v[i] = code as u16,
            Codes::U32(v) => v[i] = code,
        }
    }

    /// Every index, in order.
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// Widens the column when `code` does not fit it (`NONE` fits any).
    fn fit(&mut self, code: u32) {
        let (wide_u8, wide_u16) = (
            code != NONE && code >= u8::MAX as u32,
            code != NONE && code >= u16::MAX as u32,
        );
        match self {
            Codes::U8(v) if wide_u16 => {
                *self = Codes::U32(v.iter().map(|&c| widen(c as u32, u8::MAX as u32)).collect())
            }
            Codes::U8(v) if wide_u8 => {
                *self = Codes::U16(
                    v.iter()
                        .map(|&c| narrow16(widen(c as u32, u8::MAX as u32)))
                        .collect(),
                )
            }
            Codes::U16(v) if wide_u16 => {
                *self = Codes::U32(
                    v.iter()
                        .map(|&c| widen(c as u32, u16::MAX as u32))
                        .collect(),
                )
            }
            _ => {}
        }
    }

    fn reserve(&mut self, more: usize) {
        match self {
            Codes::U8(v) => v.reserve(more),
            Codes::U16(v) => v.reserve(more),
            Codes::U32(v) => v.reserve(more),
        }
    }

    fn shrink_to_fit(&mut self) {
        match self {
            Codes::U8(v) => v.shrink_to_fit(),
            Codes::U16(v) => v.shrink_to_fit(),
            Codes::U32(v) => v.shrink_to_fit(),
        }
    }
}

/// A stored code as an index: the narrow type's `max` is `NONE`.
#[inline]
fn widen(code: u32, max: u32) -> u32 {
    if code == max { NONE } else { code }
}

fn narrow16(code: u32) -> u16 {
    if code == NONE { u16::MAX } else { code as u16 }
}

/// The people, column by column: ids and names interned once, unit and role
/// as indexes (`NONE` for none), and an index from id to person.
///
/// A person is a number `0..len()`, in the order people were first read.
#[derive(Clone, Default)]
pub struct People {
    ids: Strings,
    /// Each person's name, empty for none, as it was when they were added
    /// (or renamed while the last person added).
    names: Strings,
    /// Names given later to people added before others (rare: a wide file
    /// naming someone an earlier file added); empty for none.
    renamed: FxHashMap<u32, Box<str>>,
    /// Unit of each person (index into `Organisation::units`) or `NONE`.
    unit: Codes,
    /// Role of each person (index into `Organisation::roles`) or `NONE`.
    role: Codes,
    /// Terms by person; empty while nobody has any (most organisations).
    terms: Vec<Terms>,
    /// Where ids were replaced by pseudonyms: each person's key in the
    /// order of the original ids, so ties among people are broken as in
    /// the named report (FORMAT.md r3 "Pseudonyms change names only").
    /// Empty otherwise: the ids themselves give the order.
    tie_keys: Vec<u32>,
    index: IdIndex,
}

impl fmt::Debug for People {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries((0..self.len()).map(|i| self.id(i)))
            .finish()
    }
}

impl People {
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    #[inline]
    pub fn id(&self, person: usize) -> &str {
        self.ids.get(person)
    }

    pub fn name(&self, person: usize) -> Option<&str> {
        let name = match self.renamed.get(&(person as u32)) {
            Some(name) => name,
            None => self.names.get(person),
        };
        (!name.is_empty()).then_some(name)
    }

    pub fn unit(&self, person: usize) -> Option<u32> {
        Some(self.unit.get(person)).filter(|&u| u != NONE)
    }

    pub fn role(&self, person: usize) -> Option<u32> {
        Some(self.role.get(person)).filter(|&r| r != NONE)
    }

    /// Each person's unit (`NONE` for none), in person order.
    pub fn units(&self) -> &Codes {
        &self.unit
    }

    /// Each person's role (`NONE` for none), in person order.
    pub fn roles(&self) -> &Codes {
        &self.role
    }

    pub fn set_unit(&mut self, person: usize, unit: Option<u32>) {
        self.unit.set(person, unit.unwrap_or(NONE));
    }

    pub fn set_role(&mut self, person: usize, role: Option<u32>) {
        self.role.set(person, role.unwrap_or(NONE));
    }

    /// The person with this id.
    pub fn find(&self, id: &str) -> Option<usize> {
        self.index
            .find(hash_id(id), |p| self.id(p as usize) == id)
            .map(|p| p as usize)
    }

    /// Makes room for `more` people (when their number is known or
    /// estimated), so that the columns are not grown by doubling.
    pub fn reserve(&mut self, more: usize) {
        self.ids.ends.reserve(more);
        self.names.ends.reserve(more);
        self.unit.reserve(more);
        self.role.reserve(more);
        self.index.reserve(more);
    }

    /// Gives back what the columns hold beyond their people (once no more
    /// are added).
    pub fn shrink_to_fit(&mut self) {
        self.ids.shrink_to_fit();
        self.names.shrink_to_fit();
        self.unit.shrink_to_fit();
        self.role.shrink_to_fit();
        self.index.shrink_to_fit();
    }

    /// Adds a person unless their id is taken: `Ok(person)` for the new
    /// person, `Err(first)` for the one who has the id. `hash` is the id's
    /// [`hash_id`], and one look into the index decides.
    pub fn add(
        &mut self,
        hash: u64,
        id: &str,
        name: Option<&str>,
        unit: Option<u32>,
        role: Option<u32>,
    ) -> Result<usize, usize> {
        let person = self.len();
        assert!(person < NONE as usize, "more than 4 billion people");
        let ids = &self.ids;
        self.index
            .insert(hash, person as u32, |p| ids.get(p as usize) == id)
            .map_err(|first| first as usize)?;
        self.ids.push(id);
        self.names.push(name.unwrap_or(""));
        self.unit.push(unit.unwrap_or(NONE));
        self.role.push(role.unwrap_or(NONE));
        Ok(person)
    }

    /// Fetches the place of the index an id of this [`hash_id`] is looked
    /// for in, ahead of [`People::add`] with it.
    #[inline]
    pub fn prefetch(&self, hash: u64) {
        self.index.prefetch(hash);
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
        assert!(person < NONE as usize, "more than 4 billion people");
        self.ids.push(id);
        self.names.push(name.unwrap_or(""));
        self.unit.push(unit.unwrap_or(NONE));
        self.role.push(role.unwrap_or(NONE));
        let ids = &self.ids;
        let added = self
            .index
            .insert(hash_id(id), person as u32, |p| ids.get(p as usize) == id);
        debug_assert!(added.is_ok(), "a new id");
        person
    }

    /// Sets a person's name ("" for none).
    pub fn set_name(&mut self, person: usize, name: &str) {
        if person + 1 == self.len() {
            self.names.set_last(name);
            self.renamed.remove(&(person as u32));
        } else {
            self.renamed.insert(person as u32, name.into());
        }
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
        people.reserve(kept.len());
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

    /// Units and roles take a byte a person while every index fits one,
    /// and widen (keeping every index and every none) when one does not.
    #[test]
    fn codes_widen_and_keep_none() {
        for (wide, kind) in [(254, "u8"), (255, "u16"), (65_534, "u16"), (65_535, "u32")] {
            let mut codes = Codes::default();
            codes.push(0);
            codes.push(NONE);
            codes.push(wide);
            codes.push(NONE);
            codes.set(0, 7);
            let held = match &codes {
                Codes::U8(_) => "u8",
                Codes::U16(_) => "u16",
                Codes::U32(_) => "u32",
            };
            assert_eq!(held, kind, "{wide}");
            assert_eq!(codes.iter().collect::<Vec<_>>(), [7, NONE, wide, NONE]);
            codes.set(1, 70_000);
            assert_eq!(codes.iter().collect::<Vec<_>>(), [7, 70_000, wide, NONE]);
            assert_eq!(codes.len(), 4);
        }
    }

    /// Ids and names end to end: empty ones, æøå, a name given later to
    /// the last person or to an earlier one, and none.
    #[test]
    fn ids_and_names_end_to_end() {
        let mut people = People::default();
        let a = people.push("ærlig-ø", Some("Åse Øye"), None, None);
        let b = people.push("b", None, Some(300), Some(1));
        let c = people.push("c", Some(""), None, None);
        assert_eq!(people.name(c), None);
        people.set_name(c, "Cæcilie");
        people.set_name(a, "Åse Øye-Ås");
        people.set_name(b, "Bø");
        assert_eq!(
            (people.name(a), people.name(b), people.name(c)),
            (Some("Åse Øye-Ås"), Some("Bø"), Some("Cæcilie"))
        );
        people.set_name(b, "");
        people.set_name(c, "");
        assert_eq!((people.name(b), people.name(c)), (None, None));
        let d = people.push("d", Some("Dag"), None, None);
        assert_eq!(
            (people.id(a), people.id(c), people.id(d), people.name(d)),
            ("ærlig-ø", "c", "d", Some("Dag"))
        );
        assert_eq!((people.unit(b), people.role(b)), (Some(300), Some(1)));
        people.shrink_to_fit();
        let kept = people.select(&[d, a]);
        assert_eq!(
            (kept.id(0), kept.name(1), kept.find("ærlig-ø")),
            ("d", Some("Åse Øye-Ås"), Some(1))
        );
    }

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
