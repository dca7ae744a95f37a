//! The report values of `kompetanse progress`: the organisation then and
//! now, as plain serialisable data (its JSON is these values).

use serde::Serialize;

use crate::model::{Date, Level};

/// `kompetanse progress`: the organisation at `since` (then) and at
/// `as_of` (now), from the same files (FORMAT.md "Known at D" makes the
/// first the organisation as it was), and what moved in between.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ProgressReport {
    pub organisation: String,
    /// D, "now".
    #[schemars(with = "crate::report::schema::DateString")]
    pub as_of: Date,
    /// S, "then" (on or before D).
    #[schemars(with = "crate::report::schema::DateString")]
    pub since: Date,
    /// The level names, lowest first (index = level).
    pub scale: Vec<String>,
    /// Every need, in the gap report's order at D.
    pub needs: Vec<NeedProgress>,
    /// Every skill, in catalogue order.
    pub skills: Vec<SkillProgress>,
    /// (person, skill) pairs whose current level rose: by person id, then skill.
    pub moved_up: Vec<LevelChange>,
    /// (person, skill) pairs whose current level fell (an expired
    /// certificate, a lower reassessment), in the same order.
    pub moved_down: Vec<LevelChange>,
    /// Levels gained per person's unit (units in byte order, none last).
    pub gained_by_unit: Vec<GainBy>,
    /// Levels gained per driver (catalogue order, "no driver" last): a gain
    /// counts for every driver with a need on its skill whose scope holds
    /// the person, so the drivers can add up to more than the total.
    pub gained_by_driver: Vec<GainBy>,
    pub totals: ProgressTotals,
    /// FORMAT.md r3 "Effect", with an activity log: per learning mode,
    /// the rising pairs whose mode it is. Absent without a log.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effect: Option<Effect>,
    /// The mix the organisation lived in (S, D]: logged hours by mode
    /// against the declared mix, in all and by unit and by driver.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lived_mix: Option<LivedMix>,
    /// Per catalogue activity: hours logged in (S, D] and the levels
    /// gained by the rising pairs whose largest activity it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub activity_effect: Option<Vec<ActivityEffect>>,
    /// FORMAT.md r3 "Reach" from the log: of the people present at D, who
    /// logged hours in (S, D], in all and per mode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reach: Option<crate::report::Reach>,
}

/// FORMAT.md r3 "Effect": each mode's rising pairs (whose logged hours in
/// (S, D] are most in that mode).
#[derive(Debug, Clone, Default, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Effect {
    // One name, one type (issue 30): `experience` is a number of hours
    // in every effort.
    #[serde(rename = "experience_effect")]
    pub experience: ModeEffect,
    #[serde(rename = "social_effect")]
    pub social: ModeEffect,
    #[serde(rename = "formal_effect")]
    pub formal: ModeEffect,
    /// Rising pairs with no hours logged in (S, D]: in no mode.
    #[serde(skip)]
    pub unlogged: ModeEffect,
}

impl Effect {
    /// Each mode's effect, in the 70-20-10 order.
    pub fn by_mode(&self) -> [(crate::model::Mode, &ModeEffect); 3] {
        use crate::model::Mode;
        [
            (Mode::Experience, &self.experience),
            (Mode::Social, &self.social),
            (Mode::Formal, &self.formal),
        ]
    }

    pub fn of_mut(&mut self, mode: crate::model::Mode) -> &mut ModeEffect {
        use crate::model::Mode;
        match mode {
            Mode::Experience => &mut self.experience,
            Mode::Social => &mut self.social,
            Mode::Formal => &mut self.formal,
        }
    }
}

/// One mode's rising pairs: how many, their logged hours (all modes),
/// their levels gained, and hours per level (null with no level gained).
#[derive(Debug, Clone, Default, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ModeEffect {
    pub pairs: usize,
    #[serde(serialize_with = "crate::model::mix::serialize_hours")]
    pub hours: f64,
    #[serde(rename = "levels_gained")]
    pub levels: u64,
    pub hours_per_level: Option<f64>,
}

/// Logged hours by mode, and each mode's share of them in percent (to one
/// decimal; all 0 when nothing was logged).
#[derive(Debug, Clone, Default, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ModeHours {
    #[serde(serialize_with = "crate::model::mix::serialize_hours")]
    pub total: f64,
    #[serde(serialize_with = "crate::model::mix::serialize_hours")]
    pub experience: f64,
    #[serde(serialize_with = "crate::model::mix::serialize_hours")]
    pub social: f64,
    #[serde(serialize_with = "crate::model::mix::serialize_hours")]
    pub formal: f64,
    /// Percent of `total` in each mode: experience, social, formal.
    pub share: [f64; 3],
}

/// The lived mix against the declared one.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct LivedMix {
    /// The organisation's declared mix (`[mix]`, or `--mix`).
    pub declared: crate::model::LearningMix,
    /// Every hour logged in (S, D] (`hours` is a number elsewhere).
    #[serde(rename = "logged")]
    pub hours: ModeHours,
    /// By the person's own unit (units in byte order, none last).
    pub by_unit: Vec<MixBy>,
    /// By driver (catalogue order, "no driver" last): an entry counts for
    /// every driver with a need on its skill whose scope holds the person.
    pub by_driver: Vec<MixBy>,
}

/// The lived mix of one unit or driver (`null`: none).
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct MixBy {
    pub key: Option<String>,
    /// The driver's name (null for units and for the null key).
    pub name: Option<String>,
    #[serde(rename = "logged")]
    pub hours: ModeHours,
}

/// One catalogue activity's hours in (S, D], and the levels gained by the
/// rising pairs whose largest activity (most hours) it was.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ActivityEffect {
    pub activity: String,
    pub mode: crate::model::Mode,
    #[serde(serialize_with = "crate::model::mix::serialize_hours")]
    pub hours: f64,
    /// Rising pairs whose largest activity it was.
    pub pairs: usize,
    #[serde(rename = "levels_gained")]
    pub levels: u64,
}

/// One need then and now.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct NeedProgress {
    pub id: String,
    pub skill: String,
    pub unit: Option<String>,
    pub role: Option<String>,
    pub level: Level,
    pub count: u32,
    pub then: NeedState,
    pub now: NeedState,
    /// `now.coverage - then.coverage`.
    #[serde(rename = "coverage_change")]
    pub change: f64,
    #[serde(skip)]
    pub skill_name: String,
}

/// A need's state on one date, as `gap --as-of` that date shows it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, schemars::JsonSchema)]
pub struct NeedState {
    pub have: u32,
    pub shortfall: u32,
    pub coverage: f64,
}

/// One skill's people at each level then and now.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SkillProgress {
    pub skill: String,
    pub name: String,
    /// People at each level at S, 0 to top (unassessed people count at 0).
    pub levels_then: Vec<u64>,
    pub levels_now: Vec<u64>,
    pub assessed_then: u64,
    pub assessed_now: u64,
}

/// A person whose current level in a skill changed between S and D.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct LevelChange {
    pub person: String,
    pub name: Option<String>,
    pub unit: Option<String>,
    pub skill: String,
    pub from: Level,
    pub to: Level,
    /// `to - from`: negative for a move down.
    pub gained: i32,
    /// No assessment of the pair was known at S (its level then counts as
    /// 0): the rise may be a first measurement rather than learning.
    pub first_assessed: bool,
    #[serde(skip)]
    pub skill_name: String,
}

/// Levels gained attributed to one unit or driver (`null`: none).
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct GainBy {
    pub key: Option<String>,
    /// The driver's name (null for units and for the null key).
    pub name: Option<String>,
    /// People with at least one gain counted here.
    #[serde(rename = "people_count")]
    pub people: usize,
    /// (person, skill) gains counted here.
    pub moves: usize,
    /// Levels gained, summed.
    #[serde(rename = "levels_gained")]
    pub levels: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ProgressTotals {
    #[serde(rename = "needs_count")]
    pub needs: usize,
    /// Needs without a shortfall at S and at D.
    pub met_then: usize,
    pub met_now: usize,
    pub shortfall_then: u64,
    pub shortfall_now: u64,
    /// People with at least one skill up / down.
    #[serde(rename = "moved_up_count")]
    pub moved_up: usize,
    #[serde(rename = "moved_down_count")]
    pub moved_down: usize,
    /// Sum of the gains of `moved_up` / of the losses of `moved_down`.
    pub levels_gained: u64,
    pub levels_lost: u64,
    /// Of `levels_gained`, the levels of pairs first assessed after S.
    pub levels_first_assessed: u64,
}
