//! One skill's column of the level matrix, stored for what it holds: the
//! chosen assessments of the people assessed in the skill, never a slot for
//! every person the organisation could pair with every skill.
//!
//! A column with few assessed people keeps them in a map by person (sparse);
//! once at least one person in [`DENSE_SHARE`] is assessed it keeps a slot
//! per person (dense), which the hot loops over a well-assessed skill scan
//! like a slice. Either way its memory is a small constant times the
//! assessments it holds (a dense column is at most `2 * DENSE_SHARE`
//! slots per assessment), so 20,000 skills of 100,000 people nobody
//! assessed cost nothing per pair.
//!
//! A column stores [`Cell`]s (a level and an interest flag in a byte) and
//! their dates. It holds no FORMAT.md rule: which assessment wins is the
//! matrix's (`Matrix::choose_latest`), and it does no IO.

use std::collections::BTreeMap;
use std::collections::btree_map;
use std::iter::Peekable;
use std::slice;

use crate::model::{Level, PackedDate};

/// One matrix cell: the chosen assessment's level and interest flag in one
/// byte (level in the low seven bits).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[repr(transparent)]
pub struct Cell(u8);

/// The interest flag in a matrix cell.
const INTEREST: u8 = 0x80;

impl Cell {
    pub(crate) fn new(level: Level, interest: bool) -> Cell {
        Cell(level | if interest { INTEREST } else { 0 })
    }

    /// The level, 0 where unassessed.
    #[inline]
    pub fn level(self) -> Level {
        self.0 & !INTEREST
    }

    /// True when the person wants to develop the skill.
    #[inline]
    pub fn interest(self) -> bool {
        self.0 & INTEREST != 0
    }

    /// The same cell, with interest.
    pub fn with_interest(self) -> Cell {
        Cell(self.0 | INTEREST)
    }
}

/// A column is dense while at least one person in this many is assessed
/// in it, and goes back to sparse when fewer than half that many are. A
/// slot costs three bytes a person (five with a date outside 1950-2077)
/// and a map entry about twenty, so 4 would use the least memory; 16
/// reads a million assessments about a quarter faster (fewer map inserts before a column turns dense; measured on
/// edge-1m: gap 0.44 s at 4, 0.37 s at 16) for at most 160 bytes an
/// assessment.
pub const DENSE_SHARE: usize = 16;

/// One skill's chosen assessments.
#[derive(Debug, Clone)]
pub enum Column {
    /// Few assessed, met in person order (as files list them): (person,
    /// cell, assessed), each person once, by person. A row for a person
    /// before the last one turns it into a map.
    Run(Vec<(u32, Cell, PackedDate)>),
    /// Few assessed, met in any order: (cell, assessed) by person.
    Sparse(BTreeMap<u32, (Cell, PackedDate)>),
    /// Many assessed: one slot per person, unassessed ones holding the
    /// default cell and `PackedDate::NONE`; `count` slots are assessed.
    Dense {
        cells: Vec<Cell>,
        assessed: Dates,
        count: usize,
    },
}

/// The dates of a dense column, one a person: two bytes each while every
/// date lies in 1950-2077 (a date's [`PackedDate`] less that of 1950, with
/// the two sentinels below), else four. At 100M assessment rows the two
/// bytes a cell saved are 238 MiB (issue 28); a date outside the window
/// widens the column, keeping every date.
#[derive(Debug, Clone)]
pub enum Dates {
    Narrow(Vec<u16>),
    Wide(Vec<PackedDate>),
}

/// The packed value two bytes count from: year 1950, month and day 0.
const NARROW_BASE: i32 = 1950 * 512;

impl Dates {
    /// `people` dates, all `PackedDate::NONE` (zeros: the pages are not
    /// touched until written).
    fn none(people: usize) -> Dates {
        Dates::Narrow(vec![0; people])
    }

    fn narrow(date: PackedDate) -> Option<u16> {
        match date {
            PackedDate::NONE => Some(0),
            PackedDate::UNDATED => Some(1),
            _ => u16::try_from(date.0 - NARROW_BASE + 2)
                .ok()
                .filter(|&v| v >= 2),
        }
    }

    #[inline]
    fn widen(v: u16) -> PackedDate {
        match v {
            0 => PackedDate::NONE,
            1 => PackedDate::UNDATED,
            _ => PackedDate(i32::from(v) - 2 + NARROW_BASE),
        }
    }

    #[inline]
    pub fn get(&self, person: usize) -> PackedDate {
        match self {
            Dates::Narrow(v) => Dates::widen(v[person]),
            Dates::Wide(v) => v[person],
        }
    }

    #[inline]
    pub fn set(&mut self, person: usize, date: PackedDate) {
        match self {
            Dates::Narrow(v) => match Dates::narrow(date) {
                Some(n) => v[person] = n,
                None => {
                    let mut wide: Vec<PackedDate> = v.iter().map(|&n| Dates::widen(n)).collect();
                    wide[person] = date;
                    *self = Dates::Wide(wide);
                }
            },
            Dates::Wide(v) => v[person] = date,
        }
    }

    pub fn len(&self) -> usize {
        match self {
            Dates::Narrow(v) => v.len(),
            Dates::Wide(v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// `people` dates, the new ones `PackedDate::NONE`.
    fn resize(&mut self, people: usize) {
        match self {
            Dates::Narrow(v) => v.resize(people, 0),
            Dates::Wide(v) => v.resize(people, PackedDate::NONE),
        }
    }

    /// Every date from `from` on, in person order.
    fn iter_from(&self, from: usize) -> impl Iterator<Item = PackedDate> + '_ {
        (from..self.len()).map(|p| self.get(p))
    }
}

impl Default for Column {
    fn default() -> Self {
        Column::Run(Vec::new())
    }
}

/// Where `person` is in a run, or where it would go.
#[inline]
fn find(run: &[(u32, Cell, PackedDate)], person: usize) -> Result<usize, usize> {
    let person = person as u32;
    match run.last() {
        // Rows come in person order: the last entry, or after it.
        Some(&(last, ..)) if last < person => Err(run.len()),
        Some(&(last, ..)) if last == person => Ok(run.len() - 1),
        _ => run.binary_search_by_key(&person, |&(p, ..)| p),
    }
}

impl Column {
    /// The person's cell and date (`PackedDate::NONE` where unassessed).
    #[inline]
    pub fn get(&self, person: usize) -> (Cell, PackedDate) {
        match self {
            Column::Dense {
                cells, assessed, ..
            } => (cells[person], assessed.get(person)),
            Column::Run(run) => match find(run, person) {
                Ok(i) => (run[i].1, run[i].2),
                Err(_) => (Cell::default(), PackedDate::NONE),
            },
            Column::Sparse(map) => map
                .get(&(person as u32))
                .copied()
                .unwrap_or((Cell::default(), PackedDate::NONE)),
        }
    }

    /// The person's cell (the default where unassessed), without the
    /// date: a need's pass reads a cell a person, and at millions of people
    /// the date's slot is a cache miss of its own.
    #[inline]
    pub fn cell(&self, person: usize) -> Cell {
        match self {
            Column::Dense { cells, .. } => cells[person],
            Column::Run(run) => match find(run, person) {
                Ok(i) => run[i].1,
                Err(_) => Cell::default(),
            },
            Column::Sparse(map) => map
                .get(&(person as u32))
                .map_or(Cell::default(), |&(cell, _)| cell),
        }
    }

    /// Replaces an assessed person's (cell, assessed), whatever the dates:
    /// a preferred source beats a newer assessment (FORMAT.md r3).
    pub fn replace(&mut self, person: usize, cell: Cell, assessed: PackedDate) {
        match self {
            Column::Dense {
                cells,
                assessed: dates,
                ..
            } => {
                debug_assert!(
                    dates.get(person) != PackedDate::NONE,
                    "only an assessed person"
                );
                cells[person] = cell;
                dates.set(person, assessed);
            }
            Column::Run(run) => match find(run, person) {
                Ok(i) => run[i] = (person as u32, cell, assessed),
                Err(i) => run.insert(i, (person as u32, cell, assessed)),
            },
            Column::Sparse(map) => {
                map.insert(person as u32, (cell, assessed));
            }
        }
    }

    /// How many people are assessed in the skill.
    pub fn count(&self) -> usize {
        match self {
            Column::Dense { count, .. } => *count,
            Column::Run(run) => run.iter().filter(|(.., d)| *d != PackedDate::NONE).count(),
            Column::Sparse(map) => map.values().filter(|(_, d)| *d != PackedDate::NONE).count(),
        }
    }

    /// Stores (cell, assessed) for the person when `assessed` is not older
    /// than what is there; true when it did. `people` is the matrix's
    /// width, for the choice of storage.
    #[inline]
    pub fn offer(
        &mut self,
        person: usize,
        cell: Cell,
        assessed: PackedDate,
        people: usize,
    ) -> bool {
        match self {
            Column::Dense {
                cells,
                assessed: dates,
                count,
            } => {
                let old = dates.get(person);
                if assessed < old {
                    return false;
                }
                *count += usize::from(old == PackedDate::NONE);
                cells[person] = cell;
                dates.set(person, assessed);
                true
            }
            Column::Run(run) => {
                match find(run, person) {
                    Ok(i) => {
                        if assessed < run[i].2 {
                            return false;
                        }
                        run[i] = (person as u32, cell, assessed);
                    }
                    Err(i) if i == run.len() => run.push((person as u32, cell, assessed)),
                    Err(_) => {
                        // Out of person order: a map takes inserts anywhere.
                        self.store_map();
                        return self.offer(person, cell, assessed, people);
                    }
                }
                if run.len() * DENSE_SHARE >= people {
                    self.store_dense(people);
                }
                true
            }
            Column::Sparse(map) => {
                match map.entry(person as u32) {
                    btree_map::Entry::Occupied(mut old) => {
                        if assessed < old.get().1 {
                            return false;
                        }
                        old.insert((cell, assessed));
                    }
                    btree_map::Entry::Vacant(slot) => {
                        slot.insert((cell, assessed));
                    }
                }
                if map.len() * DENSE_SHARE >= people {
                    self.store_dense(people);
                }
                true
            }
        }
    }

    /// Marks that the person wants to develop the skill, keeping their
    /// assessment (or lack of one) as it is (FORMAT.md r3 interest-only
    /// rows). An unassessed person keeps `PackedDate::NONE`, which every
    /// listing of the assessed passes over. Marks are made once every
    /// assessment is chosen: a later offer replaces the cell.
    pub fn mark_interest(&mut self, person: usize) {
        match self {
            Column::Dense { cells, .. } => cells[person] = cells[person].with_interest(),
            Column::Run(run) => match find(run, person) {
                Ok(i) => run[i].1 = run[i].1.with_interest(),
                Err(i) if i == run.len() => run.push((
                    person as u32,
                    Cell::default().with_interest(),
                    PackedDate::NONE,
                )),
                Err(_) => {
                    self.store_map();
                    self.mark_interest(person);
                }
            },
            Column::Sparse(map) => {
                let slot = map
                    .entry(person as u32)
                    .or_insert((Cell::default(), PackedDate::NONE));
                slot.0 = slot.0.with_interest();
            }
        }
    }

    /// Every stored (person, cell, assessed) in person order, also the
    /// interest marks of unassessed people, for a copy of the column.
    pub fn stored(&self) -> Vec<(u32, Cell, PackedDate)> {
        match self {
            Column::Dense {
                cells, assessed, ..
            } => cells
                .iter()
                .zip(assessed.iter_from(0))
                .enumerate()
                .filter(|(_, (c, d))| *d != PackedDate::NONE || c.interest())
                .map(|(p, (&c, d))| (p as u32, c, d))
                .collect(),
            Column::Run(run) => run.clone(),
            Column::Sparse(map) => map.iter().map(|(&p, &(c, d))| (p, c, d)).collect(),
        }
    }

    /// The (person, cell, assessed) kept of `new_of_old` people (old index
    /// -> new, `u32::MAX` for gone), interest marks too, in new order.
    pub fn select(&self, new_of_old: &[u32]) -> Vec<(u32, Cell, PackedDate)> {
        let mut kept: Vec<_> = self
            .stored()
            .into_iter()
            .filter(|&(p, ..)| new_of_old[p as usize] != u32::MAX)
            .map(|(p, cell, date)| (new_of_old[p as usize], cell, date))
            .collect();
        kept.sort_unstable_by_key(|e| e.0);
        kept
    }

    /// The column for `people` people: those at or past the new width are
    /// dropped, and the storage follows the share assessed.
    pub fn resize(&mut self, people: usize) {
        match self {
            Column::Dense {
                cells,
                assessed,
                count,
            } => {
                if people < assessed.len() {
                    *count -= assessed
                        .iter_from(people)
                        .filter(|&d| d != PackedDate::NONE)
                        .count();
                }
                cells.resize(people, Cell::default());
                assessed.resize(people);
                if *count * DENSE_SHARE * 2 < people {
                    self.store_sparse();
                }
            }
            Column::Run(run) => {
                let people_u32 = people.min(u32::MAX as usize) as u32;
                run.truncate(run.partition_point(|&(p, ..)| p < people_u32));
                if people > 0 && run.len() * DENSE_SHARE >= people {
                    self.store_dense(people);
                }
            }
            Column::Sparse(map) => {
                map.split_off(&(people.min(u32::MAX as usize) as u32));
                if people > 0 && map.len() * DENSE_SHARE >= people {
                    self.store_dense(people);
                }
            }
        }
    }

    /// A column from (person, cell, assessed) in person order, each person
    /// once, for `people` people.
    pub fn from_sorted(entries: Vec<(u32, Cell, PackedDate)>, people: usize) -> Column {
        let mut column = Column::Run(entries);
        column.resize(people);
        column
    }

    fn store_dense(&mut self, people: usize) {
        let entries = match self {
            Column::Dense { .. } => return,
            Column::Run(run) => std::mem::take(run),
            Column::Sparse(map) => map.iter().map(|(&p, &(c, d))| (p, c, d)).collect(),
        };
        let mut cells = vec![Cell::default(); people];
        let mut assessed = Dates::none(people);
        for &(p, cell, date) in &entries {
            cells[p as usize] = cell;
            assessed.set(p as usize, date);
        }
        let count = entries
            .iter()
            .filter(|(.., d)| *d != PackedDate::NONE)
            .count();
        *self = Column::Dense {
            cells,
            assessed,
            count,
        };
    }

    fn store_sparse(&mut self) {
        *self = Column::Run(self.stored());
    }

    /// A run as a map, for a row out of person order.
    fn store_map(&mut self) {
        if let Column::Run(run) = self {
            let map = run.iter().map(|&(p, c, d)| (p, (c, d))).collect();
            *self = Column::Sparse(map);
        }
    }

    /// The assessed people's (person, cell, assessed), in person order.
    pub fn entries(&self) -> Entries<'_> {
        match self {
            Column::Dense {
                cells, assessed, ..
            } => Entries::Dense {
                next: 0,
                cells,
                assessed,
            },
            Column::Run(run) => Entries::Run(run.iter()),
            Column::Sparse(map) => Entries::Sparse(map.iter()),
        }
    }

    /// Every person's cell (the default where unassessed), in person order,
    /// `people` of them.
    pub fn cells(&self, people: usize) -> Cells<'_> {
        match self {
            Column::Dense { cells, .. } => Cells::Dense(cells.iter()),
            Column::Run(run) => Cells::Run {
                next: 0,
                people,
                entries: run.iter().peekable(),
            },
            Column::Sparse(map) => Cells::Sparse {
                next: 0,
                people,
                entries: map.iter().peekable(),
            },
        }
    }
}

/// The assessed cells of a column: (person, cell, assessed), in person order.
pub enum Entries<'a> {
    Dense {
        next: usize,
        cells: &'a [Cell],
        assessed: &'a Dates,
    },
    Run(slice::Iter<'a, (u32, Cell, PackedDate)>),
    Sparse(btree_map::Iter<'a, u32, (Cell, PackedDate)>),
}

impl Iterator for Entries<'_> {
    type Item = (usize, Cell, PackedDate);

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Entries::Dense {
                next,
                cells,
                assessed,
            } => {
                while *next < cells.len() {
                    let p = *next;
                    *next += 1;
                    let d = assessed.get(p);
                    if d != PackedDate::NONE {
                        return Some((p, cells[p], d));
                    }
                }
                None
            }
            Entries::Run(run) => run
                .find(|(.., d)| *d != PackedDate::NONE)
                .map(|&(p, c, d)| (p as usize, c, d)),
            // Interest marks of the unassessed are no assessment.
            Entries::Sparse(map) => map
                .find(|(_, (_, d))| *d != PackedDate::NONE)
                .map(|(&p, &(c, d))| (p as usize, c, d)),
        }
    }
}

/// Every person's cell of a column, in person order.
pub enum Cells<'a> {
    Dense(slice::Iter<'a, Cell>),
    Run {
        next: usize,
        people: usize,
        entries: Peekable<slice::Iter<'a, (u32, Cell, PackedDate)>>,
    },
    Sparse {
        next: usize,
        people: usize,
        entries: Peekable<btree_map::Iter<'a, u32, (Cell, PackedDate)>>,
    },
}

impl Iterator for Cells<'_> {
    type Item = Cell;

    #[inline]
    fn next(&mut self) -> Option<Cell> {
        match self {
            Cells::Dense(cells) => cells.next().copied(),
            Cells::Run {
                next,
                people,
                entries,
            } => {
                if *next >= *people {
                    return None;
                }
                let p = *next;
                *next += 1;
                match entries.next_if(|(q, ..)| *q as usize == p) {
                    Some(&(_, cell, _)) => Some(cell),
                    None => Some(Cell::default()),
                }
            }
            Cells::Sparse {
                next,
                people,
                entries,
            } => {
                if *next >= *people {
                    return None;
                }
                let p = *next;
                *next += 1;
                match entries.next_if(|(q, _)| **q as usize == p) {
                    Some((_, &(cell, _))) => Some(cell),
                    None => Some(Cell::default()),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dated(day: i32) -> PackedDate {
        PackedDate(day)
    }

    fn is_dense(c: &Column) -> bool {
        matches!(c, Column::Dense { .. })
    }

    fn on(y: i16, m: i8, d: i8) -> PackedDate {
        PackedDate::new(crate::model::Date::new(y, m, d).unwrap())
    }

    /// Two bytes a date from 1950 to 2077, the sentinels too; a date
    /// outside widens the column and keeps every date set before.
    #[test]
    fn dates_are_two_bytes_in_the_window_and_widen_outside_it() {
        let inside = [
            PackedDate::NONE,
            PackedDate::UNDATED,
            on(1950, 1, 1),
            on(2026, 12, 7),
            on(2077, 12, 31),
        ];
        for (p, &d) in inside.iter().enumerate() {
            assert_eq!(Dates::widen(Dates::narrow(d).unwrap()), d, "{d:?}");
            assert_eq!(p < 2, Dates::narrow(d).unwrap() < 2);
        }
        for outside in [
            on(1949, 12, 31),
            on(2078, 1, 1),
            on(-5, 1, 1),
            on(9999, 12, 31),
        ] {
            assert_eq!(Dates::narrow(outside), None, "{outside:?}");
            let mut dates = Dates::none(6);
            for (p, &d) in inside.iter().enumerate() {
                dates.set(p, d);
            }
            assert!(matches!(dates, Dates::Narrow(_)));
            dates.set(5, outside);
            assert!(matches!(dates, Dates::Wide(_)));
            let all: Vec<PackedDate> = dates.iter_from(0).collect();
            assert_eq!(all[..5], inside);
            assert_eq!(all[5], outside);
            dates.resize(8);
            assert_eq!(dates.get(7), PackedDate::NONE);
        }
        // In a dense column the order of dates holds across the widening.
        let mut c = Column::default();
        for p in 0..8 {
            c.offer(p, Cell::default(), on(2020, 1, 1), 8);
        }
        assert!(is_dense(&c));
        assert!(!c.offer(3, Cell::default(), on(1900, 1, 1), 8));
        assert!(c.offer(3, Cell::default(), on(2100, 1, 1), 8));
        assert!(!c.offer(3, Cell::default(), on(2077, 1, 1), 8));
        assert_eq!(c.get(3).1, on(2100, 1, 1));
        assert_eq!(c.get(4).1, on(2020, 1, 1));
        assert_eq!(c.entries().count(), 8);
    }

    #[test]
    fn a_column_turns_dense_at_one_in_sixteen_and_sparse_below_one_in_thirty_two() {
        // 64 people: dense once 4 are assessed (4 * 16 >= 64).
        let mut c = Column::default();
        for p in [3, 9, 1] {
            assert!(c.offer(p, Cell::default(), dated(p as i32), 64));
        }
        assert!(!is_dense(&c));
        assert!(c.offer(12, Cell::default(), dated(1), 64));
        assert!(is_dense(&c));
        let people: Vec<usize> = c.entries().map(|(p, ..)| p).collect();
        assert_eq!(people, [1, 3, 9, 12]);
        // 128 people: 4 * 32 = 128 is not below 128, still dense; 129: sparse.
        c.resize(128);
        assert!(is_dense(&c));
        c.resize(129);
        assert!(!is_dense(&c));
        // Down to 10 people: person 12 goes, 3 * 16 >= 10 is dense again.
        c.resize(10);
        assert!(is_dense(&c));
        assert_eq!(c.count(), 3);
        assert_eq!(c.get(2).1, PackedDate::NONE);
    }

    #[test]
    fn an_older_offer_loses_in_either_storage() {
        for people in [2, 1000] {
            let mut c = Column::default();
            assert!(c.offer(1, Cell::default(), dated(5), people));
            assert!(!c.offer(1, Cell::default(), dated(4), people));
            assert!(c.offer(1, Cell::default(), dated(5), people), "a tie wins");
            assert_eq!((c.count(), c.get(1).1), (1, dated(5)));
        }
    }

    #[test]
    fn cells_fill_the_unassessed_with_the_default() {
        let mut c = Column::default();
        c.offer(2, Cell::default(), PackedDate::UNDATED, 100);
        assert_eq!(c.cells(4).count(), 4);
        assert_eq!(c.entries().count(), 1);
        let dense = Column::from_sorted(vec![(0, Cell::default(), dated(1))], 4);
        assert!(is_dense(&dense));
        assert_eq!(dense.cells(4).count(), 4);
    }
}
