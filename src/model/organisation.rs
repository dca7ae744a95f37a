//! The organisation: its configuration from org.toml, its people and their
//! chosen assessments, as of one reference date.
//!
//! FORMAT.md rules held here:
//! - "Reference date" D: [`reference_date`], kept in [`Organisation::as_of`].
//! - The stale limit of "Stale": [`Organisation::freshness_rule`] builds the
//!   one [`FreshnessRule`] from D and `max_age_months`.
//! - "Effort" of one development: [`Organisation::development_hours`] (its
//!   split by the learning mix is `LearningMix::split`).
//! - r3 "Cost" of a goal: [`Organisation::goal_cost`], of its remaining
//!   hours ([`Organisation::remaining_hours`]).
//!
//! No IO and no analysis here.

use crate::model::{
    Activity, ActivityLog, Date, Driver, ExpiredAssessment, FreshnessRule, LearningMix, Level,
    Matrix, Money, NONE, Need, People, Policy, Role, Scale, SelfAndManager, Skill, Unit,
    unit_within,
};

/// The language an organisation's own words (names of skills, units,
/// people) are in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataLanguage {
    Nb,
    Nn,
    En,
}

impl DataLanguage {
    pub fn parse(code: &str) -> Option<DataLanguage> {
        match code.trim().to_ascii_lowercase().as_str() {
            "nb" | "no" => Some(DataLanguage::Nb),
            "nn" => Some(DataLanguage::Nn),
            "en" => Some(DataLanguage::En),
            _ => None,
        }
    }

    /// Its BCP 47 code, for HTML's `lang`.
    pub fn code(self) -> &'static str {
        match self {
            DataLanguage::Nb => "nb",
            DataLanguage::Nn => "nn",
            DataLanguage::En => "en",
        }
    }
}

/// Everything `kompetanse` knows about one organisation, as of one date.
#[derive(Debug, Clone, Default)]
pub struct Organisation {
    pub name: String,
    /// The language its files are written in (`[organisation] language`):
    /// an English page marks their names as that language.
    pub language: Option<DataLanguage>,
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
    /// The units of org.toml's `[[unit]]`s; when not empty, the only units
    /// there are (with their parents): FORMAT.md "Units".
    pub declared_units: Vec<Unit>,
    pub people: People,
    pub matrix: Matrix,
    pub expired: Vec<ExpiredAssessment>,
    /// Every person and skill with both a self and a manager assessment
    /// known at D and unexpired (FORMAT.md r3 "Calibration"), in person
    /// then skill order; the analysis keeps those far enough apart.
    pub self_and_manager: Vec<SelfAndManager>,
    /// Assessment rows read (including expired ones).
    pub assessment_rows: usize,
    /// FORMAT.md r3 "Activity log": None without `[profiles] activities`
    /// (then nothing about hours done is shown anywhere).
    pub log: Option<ActivityLog>,
    /// True when org.toml has no `[[activity]]` and the built-in catalogue is used.
    pub default_catalogue: bool,
    /// Every file read, so outputs never overwrite one.
    pub inputs: Vec<std::path::PathBuf>,
}

/// FORMAT.md "Reference date" D: `--as-of`, else `organisation.as_of`,
/// else today (asked only when needed: the clock is the caller's).
pub fn reference_date(
    option: Option<Date>,
    organisation: Option<Date>,
    today: impl FnOnce() -> Date,
) -> Date {
    option.or(organisation).unwrap_or_else(today)
}

impl Organisation {
    pub fn skill_index(&self, id: &str) -> Option<usize> {
        self.skills.iter().position(|s| s.id == id)
    }

    pub fn role_index(&self, id: &str) -> Option<usize> {
        self.roles.iter().position(|r| r.id == id)
    }

    /// The hours one level of `skill` costs: the skill's own, else the mix's.
    pub fn hours_per_level(&self, skill: usize) -> u32 {
        self.skills[skill]
            .hours_per_level
            .unwrap_or(self.policy.hours_per_level)
    }

    /// FORMAT.md "Effort" of developing someone in `skill` from level `from`
    /// to level `to`: (to - from) x hours_per_level (0 when `to` is not higher).
    pub fn development_hours(&self, skill: usize, from: Level, to: Level) -> u64 {
        to.saturating_sub(from) as u64 * self.hours_per_level(skill) as u64
    }

    /// FORMAT.md r2 "Renew": the hours one renewal of `skill` costs, its
    /// `renew_hours`, else its hours per level.
    pub fn renew_hours(&self, skill: usize) -> u64 {
        self.skills[skill]
            .renew_hours
            .unwrap_or_else(|| self.hours_per_level(skill)) as u64
    }

    /// FORMAT.md r2 "Effort": the mix that splits `skill`'s hours, its own
    /// where it has one, else the organisation's (which `--mix` replaced).
    pub fn mix_of(&self, skill: usize) -> LearningMix {
        self.skills[skill].mix.unwrap_or(self.policy.mix)
    }

    /// FORMAT.md r3 "Hours done": the hours of a goal still to do,
    /// max(0, effort - done), its whole `effort` without an activity log.
    /// Every cost is computed from this one function (r3 "Cost": a goal's
    /// remaining effort).
    pub fn remaining_hours(&self, person: usize, skill: usize, effort: u64) -> f64 {
        (effort as f64 - self.done_hours(person, skill)).max(0.0)
    }

    /// FORMAT.md r3 "Cost" of a goal of `person` in `skill` with `effort`
    /// hours and `gained` levels (a renewal gains none and pays one fee):
    /// its remaining hours split by the skill's mix, each mode times that
    /// mode's hour cost, plus `course_fee` per level gained. None without
    /// `[cost]`.
    pub fn goal_cost(
        &self,
        person: usize,
        skill: usize,
        effort: u64,
        gained: Level,
        renew: bool,
    ) -> Option<Money> {
        let rates = self.policy.cost.as_ref()?;
        let hours = self.remaining_hours(person, skill, effort);
        let fees = if renew { 1 } else { u128::from(gained) };
        let fee = self.skills[skill].course_fee.unwrap_or(0) as u128;
        Some(rates.hours(self.mix_of(skill), hours) + Money::whole(fees * fee))
    }

    /// FORMAT.md r2 "Capacity": a person's learning hours a year, their
    /// own `capacity`, else `[capacity]`; None: unlimited.
    pub fn capacity(&self, person: usize) -> Option<f64> {
        self.people.terms(person).capacity.or(self.policy.capacity)
    }

    /// The day a person's learning hours start (FORMAT.md r2 "Capacity and
    /// schedule" from D on; a signed hire from their first day).
    pub fn learning_starts(&self, person: usize) -> Date {
        self.people
            .terms(person)
            .starts
            .map_or(self.as_of, |s| s.max(self.as_of))
    }

    /// FORMAT.md r3 "Hours done": the hours logged for `person` in `skill`
    /// after their chosen assessment and on or before D; 0 without a log.
    pub fn done_hours(&self, person: usize, skill: usize) -> f64 {
        self.log.as_ref().map_or(0.0, |log| {
            log.done(
                person,
                skill,
                self.matrix.assessed(person, skill),
                self.as_of,
            )
        })
    }

    /// True when plans are scheduled: `[capacity]` or someone's own capacity.
    pub fn schedules(&self) -> bool {
        self.policy.capacity.is_some() || self.people.any_capacity()
    }

    /// D and the stale limit (D minus `max_age_months`), which classify
    /// every assessment (FORMAT.md "Expired", "Stale").
    pub fn freshness_rule(&self) -> FreshnessRule {
        FreshnessRule::new(self.as_of, self.policy.max_age_months)
    }

    /// For each unit, whether it lies within `scope`.
    pub fn units_within(&self, scope: &str) -> Vec<bool> {
        self.units.iter().map(|u| unit_within(u, scope)).collect()
    }

    /// The organisation as if `leaving` (person indexes) had never been in
    /// its files: their people, assessments and expired rows are gone, and
    /// everyone else keeps their order ("what happens if Kari leaves?").
    ///
    /// Only what is indexed by person is rebuilt; every other field is kept
    /// as it is, so a new setting cannot be forgotten here.
    pub fn without(&self, leaving: &[usize]) -> Organisation {
        self.clone().into_without(leaving)
    }

    /// [`Organisation::without`] for an organisation the caller is done
    /// with: nothing is copied but the people who stay.
    pub fn into_without(mut self, leaving: &[usize]) -> Organisation {
        let mut gone = vec![false; self.people.len()];
        for &p in leaving {
            gone[p] = true;
        }
        let kept: Vec<usize> = (0..self.people.len()).filter(|&p| !gone[p]).collect();
        let mut new_index = vec![usize::MAX; self.people.len()];
        for (to, &p) in kept.iter().enumerate() {
            new_index[p] = to;
        }
        self.people = self.people.select(&kept);
        self.matrix = self.matrix.select_people(&kept);
        self.expired.retain(|e| !gone[e.person]);
        for e in &mut self.expired {
            e.person = new_index[e.person];
        }
        if let Some(log) = &mut self.log {
            log.reindex(&new_index);
        }
        self.self_and_manager.retain(|c| !gone[c.person]);
        for c in &mut self.self_and_manager {
            c.person = new_index[c.person];
        }
        self
    }

    /// True when no unit is declared (any unit goes) or `unit` is a
    /// declared unit or the parent of one.
    pub fn unit_declared(&self, unit: &str) -> bool {
        self.declared_units.is_empty()
            || self.declared_units.iter().any(|d| unit_within(&d.id, unit))
    }

    /// True when some person's unit lies within `scope`.
    pub fn unit_has_people(&self, scope: &str) -> bool {
        let within = self.units_within(scope);
        self.people
            .units()
            .iter()
            .any(|u| u != NONE && within[u as usize])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn reference_date_is_option_then_file_then_today() {
        let today = || date(2026, 11, 27);
        let (a, b) = (Some(date(2025, 1, 1)), Some(date(2024, 1, 1)));
        assert_eq!(reference_date(a, b, today), date(2025, 1, 1));
        assert_eq!(reference_date(None, b, today), date(2024, 1, 1));
        assert_eq!(reference_date(None, None, today), today());
    }

    #[test]
    fn without_drops_the_people_and_keeps_everything_else() {
        let mut org = Organisation {
            name: "x".into(),
            skills: vec![Skill {
                id: "rust".into(),
                name: "Rust".into(),
                kind: Default::default(),
                group: None,
                hours_per_level: None,
                renew_hours: None,
                mix: None,
                esco: None,
                description: None,
                levels: Vec::new(),
                course_fee: None,
                phase_out: false,
            }],
            ..Organisation::default()
        };
        for id in ["a", "b", "c"] {
            org.people.push(id, None, None, None);
        }
        org.matrix = Matrix::new(3, 1);
        org.matrix
            .choose_latest(2, 0, 3, crate::model::PackedDate::UNDATED, true, None);
        org.expired.push(ExpiredAssessment {
            person: 2,
            skill: 0,
            level: 1,
            expires: date(2020, 1, 1),
            path: "a.csv".into(),
            line: 2,
        });
        let gone = org.without(&[1]);
        assert_eq!(gone.people.ids().collect::<Vec<_>>(), ["a", "c"]);
        assert_eq!(
            (gone.matrix.level(1, 0), gone.matrix.interest(1, 0)),
            (3, true)
        );
        assert_eq!(gone.expired[0].person, 1);
        assert_eq!((gone.name.as_str(), gone.skills.len()), ("x", 1));
    }

    #[test]
    fn declared_units_cover_their_parents() {
        let mut org = Organisation::default();
        assert!(org.unit_declared("anything"), "no declarations: any unit");
        org.declared_units.push(crate::model::Unit {
            id: "helse/sykehjem".into(),
            name: None,
        });
        assert!(org.unit_declared("helse/sykehjem"));
        assert!(org.unit_declared("helse"));
        assert!(!org.unit_declared("helse/sykehjem/avd"));
        assert!(!org.unit_declared("Helse"));
        assert!(!org.unit_declared("hel"));
    }
}
