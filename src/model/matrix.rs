//! The level matrix and the rules about one assessment's dates.
//!
//! FORMAT.md rules held here, one function each:
//! - "Current level" (latest assessment wins): [`Matrix::choose_latest`];
//!   L(p, s) is [`Matrix::level`].
//! - "Known at D", "Expired" and "Stale": [`FreshnessRule::classify`], the
//!   one classification of an assessment against the reference date D and
//!   the stale limit. Loaders call it to ignore assessments not yet made at
//!   D, set expired rows aside and warn about stale ones; analyses call it to
//!   count stale assessments. [`FreshnessRule::after_today`] is the typo
//!   warning for a date after the real today.
//!
//! Each skill's assessments are a `model::column::Column`, stored for what
//! it holds (see there).
//!
//! The matrix stores, it does not decide scope or gaps (that is
//! `model::need` and `analysis`), and it does no IO.

use std::collections::{BTreeMap, HashMap};

use crate::model::column::{Cell, Cells, Column, Entries};
use crate::model::{Date, Level, PackedDate, SelfAndManager, Source, SourceKind};

/// How an assessment stands at the reference date D (FORMAT.md "Known at
/// D", "Expired", "Stale"). Each assessment is exactly one of them: one not
/// yet made is neither expired nor stale, and an expired one is never also
/// called stale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freshness {
    Fresh,
    /// Dated after D: it does not exist yet at D and is ignored.
    NotYet,
    /// Dated more than `max_age_months` calendar months before D; still counts.
    Stale,
    /// `expires` is before D; set aside as if it did not exist.
    Expired,
}

/// D and the stale limit derived from it: everything [`FreshnessRule::classify`] needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FreshnessRule {
    /// The reference date D.
    pub as_of: Date,
    /// D minus `max_age_months`: an assessment dated before it is stale.
    pub stale_before: Date,
    /// `stale_before` packed, so hot loops compare integers.
    stale_before_packed: PackedDate,
    /// D packed.
    as_of_packed: PackedDate,
    /// The real today: a date after it is probably a typo.
    pub today: Date,
    today_packed: PackedDate,
}

impl FreshnessRule {
    pub fn new(as_of: Date, max_age_months: u32) -> FreshnessRule {
        let stale_before = as_of
            .checked_sub(jiff::Span::new().months(max_age_months as i64))
            .unwrap_or(Date::MIN);
        FreshnessRule {
            as_of,
            stale_before,
            stale_before_packed: PackedDate::new(stale_before),
            as_of_packed: PackedDate::new(as_of),
            today: as_of,
            today_packed: PackedDate::new(as_of),
        }
    }

    /// This rule with the real today, for the typo warning of
    /// [`FreshnessRule::after_today`] (without it, today is taken to be D).
    pub fn with_today(mut self, today: Date) -> FreshnessRule {
        self.today = today;
        self.today_packed = PackedDate::new(today);
        self
    }

    /// FORMAT.md "Known at D", "Expired" and "Stale" for an assessment dated
    /// `assessed` (either sentinel for none: always known, never stale) that
    /// expires on `expires`.
    #[inline]
    pub fn classify(&self, assessed: PackedDate, expires: Option<Date>) -> Freshness {
        // Packing keeps the order of dates; the sentinels sort below every date.
        if assessed > self.as_of_packed {
            Freshness::NotYet
        } else if expires.is_some_and(|e| e < self.as_of) {
            Freshness::Expired
        } else if assessed.is_dated()
            && assessed < self.stale_before_packed
            && expires.is_none_or(|e| e <= self.as_of)
        {
            // FORMAT.md r3: one valid after D is never stale; its expiry is
            // its freshness.
            Freshness::Stale
        } else {
            Freshness::Fresh
        }
    }

    /// FORMAT.md "Known at D": an assessment dated after the real today is
    /// probably a typo (a warning, whatever D is).
    #[inline]
    pub fn after_today(&self, assessed: PackedDate) -> bool {
        assessed > self.today_packed
    }
}

/// The chosen (current) assessments, skill by skill.
///
/// Each skill is a [`Column`] of the people assessed in it (sparse while
/// few are, a slot per person once many are), because analyses scan one
/// skill over many people. Only the winning assessment of each pair is
/// kept, so memory grows with the pairs actually assessed, never with
/// rows and never with people x skills.
#[derive(Debug, Clone, Default)]
pub struct Matrix {
    pub people: usize,
    pub skills: usize,
    columns: Vec<Column>,
    /// `expires` of chosen assessments that have one, by [`pair`].
    expires: BTreeMap<u64, Date>,
    /// While loading with `[assessment] prefer`: the source rank of chosen
    /// assessments whose rank is not 0, by [`pair`] (empty otherwise).
    ranks: HashMap<u64, u8>,
    /// While loading: the latest self and manager (assessed, level) of each
    /// pair that has either, by [`pair`] (FORMAT.md r3 "Calibration"; only
    /// files with a `source` column fill it). Taken out by
    /// [`Matrix::take_self_and_manager`].
    sources: HashMap<u64, [Option<(PackedDate, Level)>; 2]>,
    /// Who made the chosen assessment, by [`pair`], where its `source`
    /// says self, manager or certificate (FORMAT.md r3: a report can show
    /// where a level comes from); empty without a `source` column.
    kinds: HashMap<u64, SourceKind>,
}

/// The key of (skill, person) in `Matrix::expires`: skill by skill, then
/// person by person, whatever the matrix's width.
#[inline]
fn pair(skill: usize, person: usize) -> u64 {
    ((skill as u64) << 32) | person as u64
}

impl Matrix {
    pub fn new(people: usize, skills: usize) -> Matrix {
        let mut matrix = Matrix {
            people: 0,
            skills,
            columns: vec![Column::default(); skills],
            expires: Default::default(),
            ranks: HashMap::new(),
            sources: HashMap::new(),
            kinds: HashMap::new(),
        };
        matrix.resize_people(people);
        matrix
    }

    /// Changes the number of person columns, keeping every cell of the
    /// people that remain (loaders grow it while they discover people).
    pub fn resize_people(&mut self, people: usize) {
        if people == self.people {
            return;
        }
        for column in &mut self.columns {
            column.resize(people);
        }
        if people < self.people {
            self.expires
                .retain(|&key, _| ((key & u64::from(u32::MAX)) as usize) < people);
            self.ranks
                .retain(|&key, _| ((key & u64::from(u32::MAX)) as usize) < people);
            self.sources
                .retain(|&key, _| ((key & u64::from(u32::MAX)) as usize) < people);
            self.kinds
                .retain(|&key, _| ((key & u64::from(u32::MAX)) as usize) < people);
        }
        self.people = people;
    }

    /// A new matrix of the people `kept` (old person indexes, in their new
    /// order), every cell of theirs as it was.
    pub fn select_people(&self, kept: &[usize]) -> Matrix {
        let mut new_of_old = vec![u32::MAX; self.people];
        for (to, &p) in kept.iter().enumerate() {
            new_of_old[p] = to as u32;
        }
        let columns = self
            .columns
            .iter()
            .map(|column| Column::from_sorted(column.select(&new_of_old), kept.len()))
            .collect();
        let moved = |key: u64| {
            let (skill, p) = ((key >> 32) as usize, (key & u64::from(u32::MAX)) as usize);
            let to = *new_of_old.get(p).filter(|&&to| to != u32::MAX)?;
            Some(pair(skill, to as usize))
        };
        let expires = self
            .expires
            .iter()
            .filter_map(|(&key, &d)| Some((moved(key)?, d)))
            .collect();
        let kinds = self
            .kinds
            .iter()
            .filter_map(|(&key, &k)| Some((moved(key)?, k)))
            .collect();
        Matrix {
            people: kept.len(),
            skills: self.skills,
            columns,
            expires,
            // Ranks and sources only matter while loading.
            ranks: HashMap::new(),
            sources: HashMap::new(),
            kinds,
        }
    }

    /// L(p, s): the current level, 0 where unassessed.
    #[inline]
    pub fn level(&self, person: usize, skill: usize) -> Level {
        self.cell(person, skill).level()
    }

    /// The person's cell in the skill (the default where unassessed).
    #[inline]
    pub fn cell(&self, person: usize, skill: usize) -> Cell {
        self.columns[skill].cell(person)
    }

    /// True when the chosen assessment says the person wants to develop the skill.
    #[inline]
    pub fn interest(&self, person: usize, skill: usize) -> bool {
        self.columns[skill].cell(person).interest()
    }

    /// The chosen assessment's date: `PackedDate::NONE` when unassessed,
    /// `PackedDate::UNDATED` when it has no date.
    #[inline]
    pub fn assessed(&self, person: usize, skill: usize) -> PackedDate {
        self.columns[skill].get(person).1
    }

    /// `(person, skill, assessed)` of every chosen assessment, skill by
    /// skill (never `PackedDate::NONE`: only assessed pairs are listed).
    pub fn assessed_dates(&self) -> impl Iterator<Item = (usize, usize, PackedDate)> + '_ {
        self.columns
            .iter()
            .enumerate()
            .flat_map(|(s, column)| column.entries().map(move |(p, _, date)| (p, s, date)))
    }

    /// The chosen assessment's `expires` date, where it has one.
    #[inline]
    pub fn expires(&self, person: usize, skill: usize) -> Option<Date> {
        if self.expires.is_empty() {
            return None;
        }
        self.expires.get(&pair(skill, person)).copied()
    }

    /// FORMAT.md "Stale" of the chosen assessment of (person, skill), dated
    /// `assessed`: older than the limit, and (r3) not valid after D. The
    /// expiry is looked up only for the old ones.
    #[inline]
    pub fn is_stale(
        &self,
        rule: &FreshnessRule,
        person: usize,
        skill: usize,
        assessed: PackedDate,
    ) -> bool {
        rule.classify(assessed, None) == Freshness::Stale
            && rule.classify(assessed, self.expires(person, skill)) == Freshness::Stale
    }

    /// FORMAT.md "Current level": offers an assessment for (person, skill)
    /// and keeps it when it is the latest so far. The latest `assessed` date
    /// wins; an undated one is older than any dated one; on a tie the later
    /// row wins, so callers offer rows in file order, then line order.
    /// True when it was chosen.
    pub fn choose_latest(
        &mut self,
        person: usize,
        skill: usize,
        level: Level,
        assessed: PackedDate,
        interest: bool,
        expires: Option<Date>,
    ) -> bool {
        debug_assert!(person < self.people, "person {person} of {}", self.people);
        let cell = Cell::new(level, interest);
        let chosen = self.columns[skill].offer(person, cell, assessed, self.people);
        if chosen {
            self.set_expires(pair(skill, person), expires);
        }
        chosen
    }

    /// Records the chosen assessment's `expires` (or that it has none).
    fn set_expires(&mut self, key: u64, expires: Option<Date>) {
        match expires {
            Some(d) => {
                self.expires.insert(key, d);
            }
            None if !self.expires.is_empty() => {
                self.expires.remove(&key);
            }
            None => {}
        }
    }

    /// The people who want to develop `skill` (FORMAT.md r3: assessed or
    /// not, an interest-only row counts), in person order.
    pub fn interested(&self, skill: usize) -> impl Iterator<Item = (usize, Cell)> + '_ {
        self.columns[skill]
            .stored()
            .into_iter()
            .filter(|(_, cell, _)| cell.interest())
            .map(|(p, cell, _)| (p as usize, cell))
    }

    /// FORMAT.md r3 interest-only rows: the person wants to develop the
    /// skill, whatever their level; no assessment is added or changed.
    /// Called once every assessment is chosen.
    pub fn mark_interest(&mut self, person: usize, skill: usize) {
        self.columns[skill].mark_interest(person);
    }

    /// FORMAT.md r3 "Current level" with `[assessment] prefer`: offers an
    /// assessment from `source`, whose rank is 0 first. A better-ranked
    /// source wins whatever the dates, a worse one never does, and among
    /// equals [`Matrix::choose_latest`] decides. Ranks other than 0, and
    /// the kinds of the chosen assessments' sources, are kept in maps
    /// beside the columns, so without `prefer` and a `source` column
    /// nothing changes and nothing is stored.
    #[allow(clippy::too_many_arguments)]
    pub fn choose_preferred(
        &mut self,
        person: usize,
        skill: usize,
        level: Level,
        assessed: PackedDate,
        interest: bool,
        expires: Option<Date>,
        source: Source,
    ) {
        let key = pair(skill, person);
        if self.choose_ranked(
            person,
            skill,
            level,
            assessed,
            interest,
            expires,
            source.rank,
        ) {
            match source.kind {
                SourceKind::Other if self.kinds.is_empty() => {}
                SourceKind::Other => {
                    self.kinds.remove(&key);
                }
                kind => {
                    self.kinds.insert(key, kind);
                }
            }
        }
    }

    /// [`Matrix::choose_preferred`]'s rule; whether the offer was chosen.
    #[allow(clippy::too_many_arguments)]
    fn choose_ranked(
        &mut self,
        person: usize,
        skill: usize,
        level: Level,
        assessed: PackedDate,
        interest: bool,
        expires: Option<Date>,
        rank: u8,
    ) -> bool {
        if rank == 0 && self.ranks.is_empty() {
            return self.choose_latest(person, skill, level, assessed, interest, expires);
        }
        let key = pair(skill, person);
        let held = self.ranks.get(&key).copied().unwrap_or(0);
        let assessed_before = self.columns[skill].get(person).1 != PackedDate::NONE;
        if assessed_before && rank > held {
            return false;
        }
        if assessed_before && rank < held {
            self.columns[skill].replace(person, Cell::new(level, interest), assessed);
            self.set_expires(key, expires);
        } else if !self.choose_latest(person, skill, level, assessed, interest, expires) {
            return false;
        }
        if rank == 0 {
            self.ranks.remove(&key);
        } else {
            self.ranks.insert(key, rank);
        }
        true
    }

    /// Who made the current assessment of (person, skill): self, manager
    /// or certificate, as its `source` cell says; None when it does not
    /// say one of those (or the file has no `source` column).
    pub fn source(&self, person: usize, skill: usize) -> Option<SourceKind> {
        if self.kinds.is_empty() {
            return None;
        }
        self.kinds.get(&pair(skill, person)).copied()
    }

    /// FORMAT.md r3 "Calibration": offers a self or manager assessment
    /// (known at D, unexpired) of (person, skill); the latest of each kind
    /// is kept, a later row winning a tie, as for the current level.
    pub fn offer_for_calibration(
        &mut self,
        person: usize,
        skill: usize,
        kind: SourceKind,
        level: Level,
        assessed: PackedDate,
    ) {
        let slot = match kind {
            SourceKind::Own => 0,
            SourceKind::Manager => 1,
            SourceKind::Certificate | SourceKind::Other => return,
        };
        let held = &mut self.sources.entry(pair(skill, person)).or_default()[slot];
        if held.is_none_or(|(date, _)| assessed >= date) {
            *held = Some((assessed, level));
        }
    }

    /// The pairs with both a self and a manager level, in person then skill
    /// order; what calibration was keeping is dropped.
    pub fn take_self_and_manager(&mut self) -> Vec<SelfAndManager> {
        let mut pairs: Vec<SelfAndManager> = std::mem::take(&mut self.sources)
            .into_iter()
            .filter_map(|(key, [own, manager])| {
                let (skill, person) = ((key >> 32) as usize, (key & u64::from(u32::MAX)) as usize);
                Some(SelfAndManager {
                    person,
                    skill,
                    own: own?.1,
                    manager: manager?.1,
                })
            })
            .collect();
        pairs.sort_unstable_by_key(|c| (c.person, c.skill));
        self.ranks = HashMap::new();
        pairs
    }

    /// Every person's cell of one skill, person by person (the default
    /// cell, level 0 without interest, where unassessed).
    #[inline]
    pub fn cells(&self, skill: usize) -> Cells<'_> {
        self.columns[skill].cells(self.people)
    }

    /// `(person, cell, assessed)` of the people assessed in one skill, in
    /// person order: what a count over the assessed needs, without a step
    /// per unassessed person.
    #[inline]
    pub fn entries(&self, skill: usize) -> Entries<'_> {
        self.columns[skill].entries()
    }

    /// For each person, the skills (in catalogue order) whose chosen
    /// assessment `keeps`: one pass over what is assessed.
    pub fn skills_by_person(&self, keeps: impl Fn(Cell) -> bool) -> BySkill {
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        for (s, column) in self.columns.iter().enumerate() {
            // Interest marks of the unassessed too (FORMAT.md r3).
            pairs.extend(
                column
                    .stored()
                    .into_iter()
                    .filter(|&(_, cell, _)| keeps(cell))
                    .map(|(p, ..)| (p, s as u32)),
            );
        }
        // Skill by skill, then a stable sort by person: skills stay in order.
        pairs.sort_by_key(|&(p, _)| p);
        let mut start = vec![0u32; self.people + 1];
        for &(p, _) in &pairs {
            start[p as usize + 1] += 1;
        }
        for p in 0..self.people {
            start[p + 1] += start[p];
        }
        BySkill {
            start,
            skills: pairs.into_iter().map(|(_, s)| s).collect(),
        }
    }

    /// `(person, expires)` of the chosen assessments of `skill` whose
    /// `expires` is before `before`, in person order (FORMAT.md r2
    /// "Horizon": the holders expiring before a need's horizon).
    pub fn expiring(&self, skill: usize, before: Date) -> impl Iterator<Item = (usize, Date)> + '_ {
        self.expires
            .range(pair(skill, 0)..pair(skill + 1, 0))
            .filter(move |&(_, &d)| d < before)
            .map(|(&key, &d)| ((key & u64::from(u32::MAX)) as usize, d))
    }

    /// `(person, skill, expires)` of every chosen assessment with an
    /// `expires` date, skill by skill, then person by person.
    pub fn expiry_dates(&self) -> impl Iterator<Item = (usize, usize, Date)> + '_ {
        self.expires.iter().map(|(&key, &d)| {
            let (skill, person) = (key >> 32, key & u64::from(u32::MAX));
            (person as usize, skill as usize, d)
        })
    }
}

/// Skills per person from [`Matrix::skills_by_person`].
#[derive(Debug, Clone, Default)]
pub struct BySkill {
    /// Where each person's skills start in `skills` (one more than people).
    start: Vec<u32>,
    skills: Vec<u32>,
}

impl BySkill {
    /// The person's skills, in catalogue order.
    pub fn of(&self, person: usize) -> impl Iterator<Item = usize> + '_ {
        let (from, to) = (self.start[person] as usize, self.start[person + 1] as usize);
        self.skills[from..to].iter().map(|&s| s as usize)
    }
}

/// An assessment set aside because its `expires` date is before the reference date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpiredAssessment {
    pub person: usize,
    pub skill: usize,
    pub level: Level,
    pub expires: Date,
    pub path: String,
    pub line: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn packed_dates_order_like_dates_and_sentinels_sort_first() {
        let a = PackedDate::new(date(2024, 12, 31));
        let b = PackedDate::new(date(2025, 1, 1));
        assert!(a < b);
        assert!(PackedDate::UNDATED < a);
        assert!(PackedDate::NONE < PackedDate::UNDATED);
        assert_eq!(a.date(), Some(date(2024, 12, 31)));
        assert_eq!(PackedDate::UNDATED.date(), None);
    }

    #[test]
    fn later_or_equal_dated_assessment_wins_undated_loses() {
        let mut m = Matrix::new(1, 1);
        let d = |y, mo, da| PackedDate::new(date(y, mo, da));
        m.choose_latest(0, 0, 2, d(2025, 1, 1), false, None);
        m.choose_latest(0, 0, 4, PackedDate::UNDATED, false, None);
        assert_eq!(m.level(0, 0), 2, "undated is older than any dated");
        m.choose_latest(0, 0, 3, d(2025, 1, 1), false, None);
        assert_eq!(m.level(0, 0), 3, "a tie goes to the later row");
        m.choose_latest(0, 0, 1, d(2024, 1, 1), false, None);
        assert_eq!(m.level(0, 0), 3, "an older one never wins");
    }

    #[test]
    fn expired_before_d_stale_before_the_limit_undated_never_stale() {
        let rule = FreshnessRule::new(date(2026, 3, 31), 24);
        assert_eq!(rule.stale_before, date(2024, 3, 31));
        let d = |y, mo, da| PackedDate::new(date(y, mo, da));
        let c = |assessed, expires| rule.classify(assessed, expires);
        assert_eq!(c(d(2024, 3, 30), None), Freshness::Stale);
        assert_eq!(c(d(2024, 3, 31), None), Freshness::Fresh);
        assert_eq!(c(PackedDate::UNDATED, None), Freshness::Fresh);
        assert_eq!(c(PackedDate::NONE, None), Freshness::Fresh);
        assert_eq!(
            c(d(2020, 1, 1), Some(date(2026, 3, 30))),
            Freshness::Expired,
            "expired wins over stale"
        );
        assert_eq!(c(d(2026, 1, 1), Some(date(2026, 3, 31))), Freshness::Fresh);
        // FORMAT.md r3: valid after D is never stale; valid on D only is.
        assert_eq!(c(d(2020, 1, 1), Some(date(2026, 4, 1))), Freshness::Fresh);
        assert_eq!(c(d(2020, 1, 1), Some(date(2026, 3, 31))), Freshness::Stale);
        assert_eq!(
            c(d(2026, 3, 31), None),
            Freshness::Fresh,
            "made on D: known"
        );
        assert_eq!(c(d(2026, 4, 1), None), Freshness::NotYet, "the day after D");
        assert_eq!(
            c(d(2026, 4, 1), Some(date(2026, 1, 1))),
            Freshness::NotYet,
            "not yet made is not expired either"
        );
    }

    #[test]
    fn after_today_is_the_typo_warning_whatever_d_is() {
        let d = |y, mo, da| PackedDate::new(date(y, mo, da));
        let past = FreshnessRule::new(date(2025, 1, 1), 24).with_today(date(2026, 11, 27));
        assert!(!past.after_today(d(2026, 11, 27)));
        assert!(past.after_today(d(2026, 11, 28)));
        assert!(!past.after_today(PackedDate::UNDATED));
        assert_eq!(past.classify(d(2026, 1, 1), None), Freshness::NotYet);
    }

    #[test]
    fn resize_people_keeps_cells() {
        let mut m = Matrix::new(2, 2);
        m.choose_latest(1, 1, 3, PackedDate::UNDATED, true, None);
        m.choose_latest(0, 1, 2, PackedDate::UNDATED, false, Some(date(2030, 1, 1)));
        m.resize_people(5);
        assert_eq!(m.level(1, 1), 3);
        assert!(m.interest(1, 1));
        assert_eq!(m.level(0, 1), 2);
        assert_eq!(
            m.expiry_dates().collect::<Vec<_>>(),
            [(0, 1, date(2030, 1, 1))]
        );
        assert_eq!(m.level(4, 1), 0);
    }
}
