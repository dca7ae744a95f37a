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
