//! The domain: an organisation's skills, roles, needs, people and their
//! assessed levels, as plain values.
//!
//! This module owns the vocabulary of FORMAT.md and DOMAIN.md and nothing
//! else: it does no IO and no analysis. Loaders build these values; analyses
//! read them. Levels are stored densely (one byte per person and skill, skill
//! by skill) so that an organisation of millions of assessments stays small.

mod lookup;
pub use lookup::{Looked, LookupError};

use std::fmt;

use serde::Serialize;

pub use jiff::civil::Date;

/// A level on the organisation's scale: 0 is "none", `Scale::top()` the highest.
pub type Level = u8;

/// The ordered level names; index = level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scale {
    pub levels: Vec<String>,
}

impl Default for Scale {
    fn default() -> Self {
        Scale {
            levels: ["none", "basic", "working", "advanced", "expert"]
                .iter()
                .map(|s| s.to_string())
                .collect(),
        }
    }
}

impl Scale {
    /// The highest level.
    pub fn top(&self) -> Level {
        (self.levels.len() - 1) as Level
    }

    /// The name of a level, or its number when it is off the scale.
    pub fn name(&self, level: Level) -> &str {
        self.levels
            .get(level as usize)
            .map(String::as_str)
            .unwrap_or("?")
    }

    /// Parses a level given as a whole number or a level name (any case).
    pub fn parse(&self, text: &str) -> Option<Level> {
        let text = text.trim();
        if let Ok(n) = text.parse::<u32>() {
            return (n <= self.top() as u32).then_some(n as Level);
        }
        self.levels
            .iter()
            .position(|name| name.to_lowercase() == text.to_lowercase())
            .map(|i| i as Level)
    }
}

/// Breadth (*breddekompetanse*) or specialist (*spisskompetanse*) competence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum SkillKind {
    #[default]
    Breadth,
    Specialist,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skill {
    pub id: String,
    pub name: String,
    pub kind: SkillKind,
    pub group: Option<String>,
    /// Overrides the mix's `hours_per_level` for this skill.
    pub hours_per_level: Option<u32>,
    pub esco: Option<String>,
}

/// A strategic driver (*kompetansekontekst*): the reason a need matters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Driver {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    pub id: String,
    pub name: String,
    /// Required skills (index into `Organisation::skills`) and target levels, in file order.
    pub requires: Vec<(usize, Level)>,
}

/// How urgent a need is. The derived order is the report order: critical first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
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

/// The three ways people learn, in the order of the 70-20-10 model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Experience,
    Social,
    Formal,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::Experience, Mode::Social, Mode::Formal];

    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Experience => "experience",
            Mode::Social => "social",
            Mode::Formal => "formal",
        }
    }
}

/// Which skills an activity fits: breadth, specialist or any.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum ActivityKind {
    Breadth,
    Specialist,
    #[default]
    Any,
}

/// A learning activity from the catalogue (*kompetansepraksis*).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity {
    pub name: String,
    pub mode: Mode,
    pub kind: ActivityKind,
    pub mandatory: bool,
    /// Skills it is meant for; empty = any skill of its kind.
    pub skills: Vec<usize>,
    pub hours: Option<u32>,
}

/// The learning mix: how development effort splits by mode, in whole percent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LearningMix {
    pub experience: u32,
    pub social: u32,
    pub formal: u32,
}

impl LearningMix {
    pub const SEVENTY_TWENTY_TEN: LearningMix = LearningMix {
        experience: 70,
        social: 20,
        formal: 10,
    };
    pub const FORTY_FIFTY_TEN: LearningMix = LearningMix {
        experience: 40,
        social: 50,
        formal: 10,
    };

    /// The named presets: "70-20-10" and "40-50-10".
    pub fn preset(name: &str) -> Option<LearningMix> {
        match name.trim() {
            "70-20-10" => Some(Self::SEVENTY_TWENTY_TEN),
            "40-50-10" => Some(Self::FORTY_FIFTY_TEN),
            _ => None,
        }
    }

    /// Parses a preset name or any `E-S-F` triple of whole numbers summing to 100.
    pub fn parse(text: &str) -> Result<LearningMix, String> {
        if let Some(mix) = Self::preset(text) {
            return Ok(mix);
        }
        let parts: Vec<&str> = text.trim().split(['-', '/', ',']).collect();
        let numbers: Option<Vec<u32>> = parts.iter().map(|p| p.trim().parse().ok()).collect();
        match numbers.as_deref() {
            Some(&[experience, social, formal]) => {
                let mix = LearningMix {
                    experience,
                    social,
                    formal,
                };
                mix.check()?;
                Ok(mix)
            }
            _ => Err(format!(
                "'{text}' is not a learning mix: use 70-20-10, 40-50-10 or three whole percentages like 60-30-10"
            )),
        }
    }

    /// The percentages must sum to 100.
    pub fn check(&self) -> Result<(), String> {
        let parts = [self.experience, self.social, self.formal];
        if parts.iter().any(|&p| p > 100) {
            return Err(format!(
                "each part of the learning mix is a percentage from 0 to 100, not {}-{}-{}",
                self.experience, self.social, self.formal
            ));
        }
        let sum: u32 = parts.iter().sum();
        if sum == 100 {
            Ok(())
        } else {
            Err(format!(
                "the learning mix must sum to 100, but {} + {} + {} = {sum}",
                self.experience, self.social, self.formal
            ))
        }
    }

    /// Splits whole hours by the mix. The parts are exact up to one rounding
    /// each (integer product, one division), and never rounded for display here.
    pub fn split(&self, hours: u64) -> Effort {
        let part = |pct: u32| (hours * pct as u64) as f64 / 100.0;
        Effort {
            total: hours as f64,
            experience: part(self.experience),
            social: part(self.social),
            formal: part(self.formal),
        }
    }
}

impl fmt::Display for LearningMix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}-{}", self.experience, self.social, self.formal)
    }
}

/// Hours of development effort and their split by the learning mix.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct Effort {
    #[serde(serialize_with = "crate::report::hours")]
    pub total: f64,
    #[serde(serialize_with = "crate::report::hours")]
    pub experience: f64,
    #[serde(serialize_with = "crate::report::hours")]
    pub social: f64,
    #[serde(serialize_with = "crate::report::hours")]
    pub formal: f64,
}

/// The organisation's philosophy in numbers: mix, effort rates and freshness.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    pub mix: LearningMix,
    pub hours_per_level: u32,
    pub max_steps: Level,
    pub max_age_months: u32,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            mix: LearningMix::SEVENTY_TWENTY_TEN,
            hours_per_level: 40,
            max_steps: 2,
            max_age_months: 24,
        }
    }
}

/// "No unit" / "no role" in the people columns.
pub const NONE: u32 = u32::MAX;

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

    /// Ids in person order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|p| self.id(p))
    }
}

/// A date packed into an `i32` that orders like the date (`y * 512 + m * 32 + d`).
/// Two sentinels sort below every real date: no assessment at all, and an undated one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PackedDate(pub i32);

impl PackedDate {
    pub const NONE: PackedDate = PackedDate(i32::MIN);
    pub const UNDATED: PackedDate = PackedDate(i32::MIN + 1);

    pub fn new(date: Date) -> PackedDate {
        PackedDate(date.year() as i32 * 512 + date.month() as i32 * 32 + date.day() as i32)
    }

    pub fn date(self) -> Option<Date> {
        if self.0 < 0 {
            return None;
        }
        let (y, m, d) = (self.0 / 512, (self.0 % 512) / 32, self.0 % 32);
        Date::new(y as i16, m as i8, d as i8).ok()
    }
}

/// The chosen (current) assessments: one cell per person and skill.
///
/// Stored skill by skill (`cell = skill * people + person`) because analyses
/// scan one skill over many people. Only the winning assessment of each pair
/// is kept, so memory grows with people x skills, never with rows: five
/// bytes a cell, the level and the interest flag sharing one.
#[derive(Debug, Clone, Default)]
pub struct Matrix {
    pub people: usize,
    pub skills: usize,
    /// Level in the low seven bits, `INTEREST` when the person wants to learn it.
    pub cells: Vec<u8>,
    pub assessed: Vec<PackedDate>,
    /// `expires` of chosen assessments that have one, by cell.
    pub expires: std::collections::BTreeMap<usize, Date>,
}

/// The interest flag in a matrix cell.
pub const INTEREST: u8 = 0x80;

impl Matrix {
    pub fn new(people: usize, skills: usize) -> Matrix {
        let cells = people * skills;
        Matrix {
            people,
            skills,
            cells: vec![0; cells],
            assessed: vec![PackedDate::NONE; cells],
            expires: Default::default(),
        }
    }

    /// Changes the number of person columns, keeping every cell of the
    /// people that remain (loaders grow it while they discover people).
    pub fn resize_people(&mut self, people: usize) {
        if people == self.people {
            return;
        }
        let (old, keep) = (self.people, self.people.min(people));
        let cells = people * self.skills;
        let mut level = vec![0; cells];
        let mut assessed = vec![PackedDate::NONE; cells];
        for s in 0..self.skills {
            let (from, to) = (s * old, s * people);
            level[to..to + keep].copy_from_slice(&self.cells[from..from + keep]);
            assessed[to..to + keep].copy_from_slice(&self.assessed[from..from + keep]);
        }
        self.expires = std::mem::take(&mut self.expires)
            .into_iter()
            .filter(|(cell, _)| cell % old < keep)
            .map(|(cell, d)| ((cell / old) * people + cell % old, d))
            .collect();
        self.cells = level;
        self.assessed = assessed;
        self.people = people;
    }

    #[inline]
    pub fn cell(&self, person: usize, skill: usize) -> usize {
        skill * self.people + person
    }

    /// L(p, s): the current level, 0 where unassessed.
    #[inline]
    pub fn level(&self, person: usize, skill: usize) -> Level {
        self.cells[self.cell(person, skill)] & !INTEREST
    }

    /// True when the chosen assessment says the person wants to develop the skill.
    #[inline]
    pub fn interest(&self, person: usize, skill: usize) -> bool {
        self.cells[self.cell(person, skill)] & INTEREST != 0
    }

    /// Offers an assessment for a cell. It wins when its date is the same as or
    /// later than the current one's: undated loses to dated, and on a tie the
    /// later row (offered later) wins.
    pub fn offer(
        &mut self,
        person: usize,
        skill: usize,
        level: Level,
        assessed: PackedDate,
        interest: bool,
        expires: Option<Date>,
    ) {
        let cell = self.cell(person, skill);
        if assessed >= self.assessed[cell] {
            self.cells[cell] = level | if interest { INTEREST } else { 0 };
            self.assessed[cell] = assessed;
            match expires {
                Some(d) => {
                    self.expires.insert(cell, d);
                }
                None if !self.expires.is_empty() => {
                    self.expires.remove(&cell);
                }
                None => {}
            }
        }
    }

    /// The cells of one skill, person by person (level | `INTEREST`).
    pub fn skill_cells(&self, skill: usize) -> &[u8] {
        &self.cells[skill * self.people..(skill + 1) * self.people]
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

/// Everything `kompetanse` knows about one organisation, as of one date.
#[derive(Debug, Clone, Default)]
pub struct Organisation {
    pub name: String,
    /// The reference date D: `--as-of`, else `organisation.as_of`, else today.
    pub as_of: Date,
    pub scale: Scale,
    pub policy: Policy,
    pub drivers: Vec<Driver>,
    pub skills: Vec<Skill>,
    pub roles: Vec<Role>,
    pub needs: Vec<Need>,
    pub activities: Vec<Activity>,
    /// Unit paths, interned; people refer to them by index.
    pub units: Vec<String>,
    pub people: People,
    pub matrix: Matrix,
    pub expired: Vec<ExpiredAssessment>,
    /// Assessment rows read (including expired ones).
    pub assessment_rows: usize,
    /// True when org.toml has no `[[activity]]` and the built-in catalogue is used.
    pub default_catalogue: bool,
    /// Every file read, so outputs never overwrite one.
    pub inputs: Vec<std::path::PathBuf>,
}

/// True when `unit` is `scope` or below it (`it` covers `it/platform`, not `itx`).
pub fn unit_within(unit: &str, scope: &str) -> bool {
    unit == scope
        || (unit.len() > scope.len()
            && unit.starts_with(scope)
            && unit.as_bytes()[scope.len()] == b'/')
}

impl Organisation {
    pub fn skill_index(&self, id: &str) -> Option<usize> {
        self.skills.iter().position(|s| s.id == id)
    }

    pub fn role_index(&self, id: &str) -> Option<usize> {
        self.roles.iter().position(|r| r.id == id)
    }

    pub fn hours_per_level(&self, skill: usize) -> u32 {
        self.skills[skill]
            .hours_per_level
            .unwrap_or(self.policy.hours_per_level)
    }

    /// The date before which an assessment is stale: D minus `max_age_months`.
    pub fn stale_before(&self) -> Date {
        self.as_of
            .checked_sub(jiff::Span::new().months(self.policy.max_age_months as i64))
            .unwrap_or(Date::MIN)
    }

    /// For each unit, whether it lies within `scope`.
    pub fn units_within(&self, scope: &str) -> Vec<bool> {
        self.units.iter().map(|u| unit_within(u, scope)).collect()
    }

    /// The organisation as if `leaving` (person indexes) had never been in
    /// its files: their people, assessments and expired rows are gone, and
    /// everyone else keeps their order ("what happens if Kari leaves?").
    pub fn without(&self, leaving: &[usize]) -> Organisation {
        let mut gone = vec![false; self.people.len()];
        for &p in leaving {
            gone[p] = true;
        }
        let mut people = People::default();
        let mut new_index = vec![usize::MAX; self.people.len()];
        for p in (0..self.people.len()).filter(|&p| !gone[p]) {
            new_index[p] = people.push(
                self.people.id(p),
                self.people.name(p),
                self.people.unit(p),
                self.people.role(p),
            );
        }
        let mut matrix = Matrix::new(people.len(), self.matrix.skills);
        for s in 0..self.matrix.skills {
            for p in (0..self.people.len()).filter(|&p| !gone[p]) {
                let (from, to) = (self.matrix.cell(p, s), matrix.cell(new_index[p], s));
                matrix.cells[to] = self.matrix.cells[from];
                matrix.assessed[to] = self.matrix.assessed[from];
                if let Some(&d) = self.matrix.expires.get(&from) {
                    matrix.expires.insert(to, d);
                }
            }
        }
        let expired = self
            .expired
            .iter()
            .filter(|e| !gone[e.person])
            .map(|e| ExpiredAssessment {
                person: new_index[e.person],
                ..e.clone()
            })
            .collect();
        Organisation {
            name: self.name.clone(),
            as_of: self.as_of,
            scale: self.scale.clone(),
            policy: self.policy.clone(),
            drivers: self.drivers.clone(),
            skills: self.skills.clone(),
            roles: self.roles.clone(),
            needs: self.needs.clone(),
            activities: self.activities.clone(),
            units: self.units.clone(),
            people,
            matrix,
            expired,
            assessment_rows: self.assessment_rows,
            default_catalogue: self.default_catalogue,
            inputs: self.inputs.clone(),
        }
    }

    /// True when some person's unit lies within `scope`.
    pub fn unit_has_people(&self, scope: &str) -> bool {
        let within = self.units_within(scope);
        self.people
            .unit
            .iter()
            .any(|&u| u != NONE && within[u as usize])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_it_covers_its_subunits_but_not_itx() {
        assert!(unit_within("it", "it"));
        assert!(unit_within("it/platform", "it"));
        assert!(unit_within("it/data/ml", "it"));
        assert!(!unit_within("itx", "it"));
        assert!(!unit_within("it", "it/platform"));
    }

    #[test]
    fn packed_dates_order_like_dates_and_sentinels_sort_first() {
        let a = PackedDate::new(jiff::civil::date(2024, 12, 31));
        let b = PackedDate::new(jiff::civil::date(2025, 1, 1));
        assert!(a < b);
        assert!(PackedDate::UNDATED < a);
        assert!(PackedDate::NONE < PackedDate::UNDATED);
        assert_eq!(a.date(), Some(jiff::civil::date(2024, 12, 31)));
        assert_eq!(PackedDate::UNDATED.date(), None);
    }

    #[test]
    fn later_or_equal_dated_assessment_wins_undated_loses() {
        let mut m = Matrix::new(1, 1);
        let d = |y, mo, da| PackedDate::new(jiff::civil::date(y, mo, da));
        m.offer(0, 0, 2, d(2025, 1, 1), false, None);
        m.offer(0, 0, 4, PackedDate::UNDATED, false, None);
        assert_eq!(m.level(0, 0), 2, "undated is older than any dated");
        m.offer(0, 0, 3, d(2025, 1, 1), false, None);
        assert_eq!(m.level(0, 0), 3, "a tie goes to the later row");
        m.offer(0, 0, 1, d(2024, 1, 1), false, None);
        assert_eq!(m.level(0, 0), 3, "an older one never wins");
    }

    #[test]
    fn resize_people_keeps_cells() {
        let mut m = Matrix::new(2, 2);
        m.offer(1, 1, 3, PackedDate::UNDATED, true, None);
        m.offer(
            0,
            1,
            2,
            PackedDate::UNDATED,
            false,
            Some(jiff::civil::date(2030, 1, 1)),
        );
        m.resize_people(5);
        assert_eq!(m.level(1, 1), 3);
        assert!(m.interest(1, 1));
        assert_eq!(m.level(0, 1), 2);
        assert!(m.expires.contains_key(&m.cell(0, 1)));
        assert_eq!(m.level(4, 1), 0);
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
    fn mix_split_and_parse() {
        let e = LearningMix::SEVENTY_TWENTY_TEN.split(40);
        assert_eq!(
            (e.total, e.experience, e.social, e.formal),
            (40.0, 28.0, 8.0, 4.0)
        );
        assert_eq!(
            LearningMix::parse("40-50-10"),
            Ok(LearningMix::FORTY_FIFTY_TEN)
        );
        assert_eq!(
            LearningMix::parse("60-30-10"),
            Ok(LearningMix {
                experience: 60,
                social: 30,
                formal: 10
            })
        );
        assert!(LearningMix::parse("60-30-20").is_err());
        assert!(LearningMix::parse("abc").is_err());
    }

    #[test]
    fn levels_parse_as_numbers_or_names() {
        let s = Scale::default();
        assert_eq!(s.parse("3"), Some(3));
        assert_eq!(s.parse("Advanced"), Some(3));
        assert_eq!(s.parse("5"), None);
        assert_eq!(s.parse("guru"), None);
    }
}
