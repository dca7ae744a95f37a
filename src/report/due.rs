//! `balance`'s list of who is due for reassessment, held compactly (issue
//! 28). At 1M assessment rows it has over half a million entries; as
//! [`Due`] values, each with its own copies of the person's id, name and
//! unit and of the skill's id, they took over 100 MiB. Here each person
//! is held once, with their entries after them (a skill's index, the
//! reason and two dates: 20 bytes an entry), and the strings are put
//! back only as the list is read ([`DueList::iter`]) or printed
//! ([`DueList::write_json`]).
//!
//! It serialises to exactly what `Vec<Due>` did, entry for entry.

use std::io;
use std::ops::Range;

use rayon::prelude::*;
use serde::Serialize;

use crate::model::Date;
use crate::report::stream::Document;
use crate::report::{BalanceReport, Due, DueReason, kind};

/// People due for reassessment, each with the skills they are due in, in
/// the order they were added (`balance`: by unit, then person id, then
/// skill).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DueList {
    /// The skills' ids, by index.
    skills: Vec<String>,
    /// The units the people are in, each once.
    units: Vec<String>,
    people: Vec<DuePerson>,
    items: Vec<DueItem>,
}

/// A person of the list; their entries run up to `end` (from the previous
/// person's `end`).
#[derive(Debug, Clone, PartialEq)]
struct DuePerson {
    id: Box<str>,
    name: Option<Box<str>>,
    /// An index into `units`.
    unit: Option<u32>,
    end: u32,
}

/// One skill a person is due in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DueItem {
    /// An index into the list's skills.
    pub skill: u32,
    pub reason: DueReason,
    /// The current assessment's date (None: unassessed or undated).
    pub assessed: Option<Date>,
    /// The current assessment's `expires`, where it has one.
    pub expires: Option<Date>,
}

/// One entry of a [`DueList`], borrowed: a [`Due`] without the copies. It
/// serialises as [`Due`] does.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DueRef<'a> {
    pub person: &'a str,
    pub name: Option<&'a str>,
    pub unit: Option<&'a str>,
    pub skill: &'a str,
    pub reason: DueReason,
    pub assessed: Option<Date>,
    pub expires: Option<Date>,
}

impl DueRef<'_> {
    pub fn to_owned(&self) -> Due {
        Due {
            person: self.person.to_string(),
            name: self.name.map(str::to_string),
            unit: self.unit.map(str::to_string),
            skill: self.skill.to_string(),
            reason: self.reason,
            assessed: self.assessed,
            expires: self.expires,
        }
    }
}

/// A person of the list and their entries, in order.
#[derive(Debug, Clone, Copy)]
pub struct DueGroup<'a> {
    list: &'a DueList,
    person: usize,
}

impl<'a> DueGroup<'a> {
    pub fn person(&self) -> &'a str {
        &self.list.people[self.person].id
    }

    pub fn name(&self) -> Option<&'a str> {
        self.list.people[self.person].name.as_deref()
    }

    pub fn unit(&self) -> Option<&'a str> {
        let unit = self.list.people[self.person].unit?;
        Some(&self.list.units[unit as usize])
    }

    /// Its entries as held: a skill is an index into [`DueList::skills`].
    pub fn items(&self) -> &'a [DueItem] {
        &self.list.items[self.list.span(self.person)]
    }

    /// The person's entries, in order.
    pub fn entries(self) -> impl Iterator<Item = DueRef<'a>> + 'a {
        let list = self.list;
        let (person, name, unit) = (self.person(), self.name(), self.unit());
        list.items[list.span(self.person)]
            .iter()
            .map(move |item| DueRef {
                person,
                name,
                unit,
                skill: &list.skills[item.skill as usize],
                reason: item.reason,
                assessed: item.assessed,
                expires: item.expires,
            })
    }
}

impl DueList {
    /// An empty list whose entries name skills by their index in `skills`.
    pub fn new(skills: Vec<String>) -> DueList {
        DueList {
            skills,
            ..DueList::default()
        }
    }

    /// Adds a person, their unit's path and the skills they are due in
    /// (nothing when there are none). A unit is held once for a run of
    /// people in it.
    pub fn push(
        &mut self,
        id: &str,
        name: Option<&str>,
        unit: Option<&str>,
        items: impl IntoIterator<Item = DueItem>,
    ) {
        let before = self.items.len();
        self.items.extend(items);
        if self.items.len() == before {
            return;
        }
        debug_assert!(
            self.items[before..]
                .iter()
                .all(|i| (i.skill as usize) < self.skills.len())
        );
        let unit = unit.map(|path| match self.units.last() {
            Some(last) if last == path => self.units.len() as u32 - 1,
            _ => {
                self.units.push(path.to_string());
                self.units.len() as u32 - 1
            }
        });
        self.people.push(DuePerson {
            id: id.into(),
            name: name.map(Into::into),
            unit,
            end: self.items.len() as u32,
        });
    }

    /// The entries of person `p` (an index into `people`).
    fn span(&self, p: usize) -> Range<usize> {
        let start = p.checked_sub(1).map_or(0, |q| self.people[q].end as usize);
        start..self.people[p].end as usize
    }

    /// The skills' ids, by the index an entry names them by.
    pub fn skills(&self) -> &[String] {
        &self.skills
    }

    /// How many entries (person and skill) the list has.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// How many people the list names.
    pub fn people(&self) -> usize {
        self.people.len()
    }

    /// Person `person` (an index below [`DueList::people`]) and their
    /// entries.
    pub fn group(&self, person: usize) -> DueGroup<'_> {
        DueGroup { list: self, person }
    }

    /// Each person and their entries, in order.
    pub fn groups(&self) -> impl Iterator<Item = DueGroup<'_>> + '_ {
        (0..self.people.len()).map(move |person| DueGroup { list: self, person })
    }

    /// Every entry, in order.
    pub fn iter(&self) -> impl Iterator<Item = DueRef<'_>> + '_ {
        self.groups().flat_map(|g| g.entries())
    }

    /// The entries as owned values.
    pub fn to_vec(&self) -> Vec<Due> {
        self.iter().map(|d| d.to_owned()).collect()
    }

    /// The entries of `people` (a range of the list's people) as items of
    /// a top-level list of a pretty-printed report, joined as the list
    /// joins them: the bytes `report::stream::list_items` writes for them
    /// (empty for none), appended to `out`. Each person's fields are
    /// escaped once, not once an entry.
    pub fn write_json(&self, people: Range<usize>, out: &mut Vec<u8>) -> io::Result<()> {
        const FIELD: &[u8] = b",\n      \"";
        let mut skills: Vec<Vec<u8>> = Vec::with_capacity(self.skills.len());
        for skill in &self.skills {
            skills.push(serde_json::to_vec(skill)?);
        }
        let mut head = Vec::new();
        let mut first = true;
        for p in people {
            let person = &self.people[p];
            head.clear();
            head.extend_from_slice(b"{\n      \"person\": ");
            serde_json::to_writer(&mut head, &*person.id)?;
            head.extend_from_slice(FIELD);
            head.extend_from_slice(b"name\": ");
            serde_json::to_writer(&mut head, &person.name)?;
            head.extend_from_slice(FIELD);
            head.extend_from_slice(b"unit\": ");
            let unit = person.unit.map(|u| &self.units[u as usize]);
            serde_json::to_writer(&mut head, &unit)?;
            head.extend_from_slice(FIELD);
            head.extend_from_slice(b"skill\": ");
            for item in &self.items[self.span(p)] {
                if !first {
                    out.extend_from_slice(b",\n    ");
                }
                first = false;
                out.extend_from_slice(&head);
                out.extend_from_slice(&skills[item.skill as usize]);
                out.extend_from_slice(match item.reason {
                    DueReason::Missing => b",\n      \"reason\": \"missing\"",
                    DueReason::Stale => b",\n      \"reason\": \"stale\"",
                    DueReason::Expiring => b",\n      \"reason\": \"expiring\"",
                    DueReason::Done => b",\n      \"reason\": \"done\"",
                });
                out.extend_from_slice(b",\n      \"assessed\": ");
                json_date(item.assessed, out)?;
                out.extend_from_slice(b",\n      \"expires\": ");
                json_date(item.expires, out)?;
                out.extend_from_slice(b"\n    }");
            }
        }
        Ok(())
    }

    /// Ranges of the list's people with about `items` entries each (a
    /// person's entries are never split), covering every person in order.
    pub fn runs(&self, items: usize) -> Vec<Range<usize>> {
        let mut runs = Vec::new();
        let (mut start, mut from) = (0, 0usize);
        for (p, person) in self.people.iter().enumerate() {
            if person.end as usize - from >= items {
                runs.push(start..p + 1);
                (start, from) = (p + 1, person.end as usize);
            }
        }
        if start < self.people.len() {
            runs.push(start..self.people.len());
        }
        runs
    }
}

impl BalanceReport {
    /// `balance -f json`: the bytes the whole report printed by serde_json
    /// gives (`render::formats::json`), with the due list printed by
    /// [`DueList::write_json`] a run of people at a time on all cores
    /// instead of entry by entry through serde (at 1M rows it is over half
    /// a million entries, and printing them was a third of `balance`'s
    /// time). The fields are [`BalanceReport`]'s, in its order.
    pub fn stream_json(&self, out: &mut dyn io::Write) -> io::Result<()> {
        /// Entries printed into one buffer, and buffers printed at a time.
        const RUN: usize = 256;
        const RUNS: usize = 64;
        let out = io::BufWriter::with_capacity(1 << 16, out);
        let mut doc = Document::new(out, kind::name::BALANCE)?;
        doc.field("organisation", &self.organisation)?;
        doc.field("as_of", &self.as_of)?;
        doc.field("scale", &self.scale)?;
        doc.field("skills", &self.skills)?;
        doc.field("units", &self.units)?;
        doc.field("freshness", &self.freshness)?;
        doc.field("key_people", &self.key_people)?;
        doc.field("arriving", &self.arriving)?;
        doc.field("leaving", &self.leaving)?;
        doc.field("calibration", &self.calibration)?;
        let mut list = doc.list("due")?;
        for runs in self.due.runs(RUN).chunks(RUNS) {
            let printed = runs
                .par_iter()
                .map(|run| {
                    let mut buf = Vec::with_capacity(RUN * 256);
                    self.due.write_json(run.clone(), &mut buf).map(|()| buf)
                })
                .collect::<io::Result<Vec<_>>>()?;
            printed.iter().try_for_each(|buf| list.push(buf))?;
        }
        list.end()?;
        if !self.phase_out.is_empty() {
            doc.field("phase_out", &self.phase_out)?;
        }
        doc.end()
    }
}

/// A date as serde prints it (`"2026-01-31"`, or `null`).
fn json_date(date: Option<Date>, out: &mut Vec<u8>) -> io::Result<()> {
    let Some(date) = date else {
        out.extend_from_slice(b"null");
        return Ok(());
    };
    let (y, m, d) = (date.year(), date.month(), date.day());
    if !(0..=9999).contains(&y) {
        // Signed, six digits: as jiff prints it.
        return serde_json::to_writer(&mut *out, &date).map_err(io::Error::from);
    }
    let (y, m, d) = (y as u16, m as u8, d as u8);
    out.extend_from_slice(&[
        b'"',
        b'0' + (y / 1000) as u8,
        b'0' + (y / 100 % 10) as u8,
        b'0' + (y / 10 % 10) as u8,
        b'0' + (y % 10) as u8,
        b'-',
        b'0' + m / 10,
        b'0' + m % 10,
        b'-',
        b'0' + d / 10,
        b'0' + d % 10,
        b'"',
    ]);
    Ok(())
}

impl Serialize for DueList {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i16, m: i8, d: i8) -> Option<Date> {
        Some(Date::new(y, m, d).unwrap())
    }

    fn item(skill: u32, reason: DueReason, assessed: Option<Date>) -> DueItem {
        DueItem {
            skill,
            reason,
            assessed,
            expires: None,
        }
    }

    fn sample() -> DueList {
        let mut list = DueList::new(vec!["s1".into(), "s\"2\u{e6}".into()]);
        list.push(
            "p1",
            Some("Åse \"Q\"\n\t\u{1}"),
            Some("it/x"),
            [
                item(0, DueReason::Missing, None),
                DueItem {
                    expires: date(2027, 1, 2),
                    ..item(1, DueReason::Expiring, date(9, 12, 31))
                },
            ],
        );
        // Nothing due: not listed.
        list.push("p0", None, Some("it/x"), []);
        list.push(
            "p2\\",
            None,
            Some("it/x"),
            [item(1, DueReason::Stale, date(-3, 5, 6))],
        );
        list.push(
            "p3",
            Some(""),
            None,
            [
                item(0, DueReason::Done, date(9999, 12, 31)),
                item(1, DueReason::Stale, date(2020, 10, 1)),
            ],
        );
        list
    }

    #[test]
    fn holds_each_person_once() {
        let list = sample();
        assert_eq!((list.len(), list.people()), (5, 3));
        assert_eq!(list.units, ["it/x"]);
        let groups: Vec<(&str, Option<&str>, usize)> = list
            .groups()
            .map(|g| (g.person(), g.unit(), g.entries().count()))
            .collect();
        assert_eq!(
            groups,
            [
                ("p1", Some("it/x"), 2),
                ("p2\\", Some("it/x"), 1),
                ("p3", None, 2)
            ]
        );
        let owned = list.to_vec();
        assert_eq!(owned[1].skill, "s\"2\u{e6}");
        assert_eq!(owned[1].expires, date(2027, 1, 2));
        assert_eq!(owned[4].name.as_deref(), Some(""));
        assert!(DueList::new(Vec::new()).is_empty());
    }

    /// Serialised, it is the `Vec<Due>` it stands for; printed by hand, it
    /// is what the stream's list items are, in any runs.
    #[test]
    fn prints_what_the_owned_list_prints() {
        let list = sample();
        let owned = list.to_vec();
        assert_eq!(
            serde_json::to_string_pretty(&list).unwrap(),
            serde_json::to_string_pretty(&owned).unwrap()
        );
        let expected = crate::report::stream::list_items(&owned).unwrap();
        let mut got = Vec::new();
        list.write_json(0..list.people(), &mut got).unwrap();
        assert_eq!(
            String::from_utf8(got).unwrap(),
            String::from_utf8(expected).unwrap()
        );
        for size in [1, 2, 3, 100] {
            let runs = list.runs(size);
            assert_eq!(runs.first().map(|r| r.start), Some(0));
            assert_eq!(runs.last().map(|r| r.end), Some(list.people()));
            for (run, next) in runs.iter().zip(runs.iter().skip(1)) {
                assert_eq!(run.end, next.start);
            }
            for run in runs {
                let mut got = Vec::new();
                list.write_json(run.clone(), &mut got).unwrap();
                let from = run.start.checked_sub(1).map_or(0, |q| list.people[q].end);
                let to = list.people[run.end - 1].end;
                let expected =
                    crate::report::stream::list_items(&owned[from as usize..to as usize]).unwrap();
                assert_eq!(got, expected);
            }
        }
        assert!(DueList::new(Vec::new()).runs(10).is_empty());
    }
}
