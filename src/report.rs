//! Report values: what each command computed, as plain serialisable data
//! with rows and totals and no formatting.
//!
//! The JSON output is exactly these values serialised, so field names here
//! are a contract (FORMAT.md "Outputs"); fields marked `serde(skip)` exist
//! only for the human renderers.

use serde::{Serialize, Serializer};

use crate::model::{Date, Effort, LearningMix, Level, Priority};

/// Serialises hours: whole numbers as integers (`40`), others as decimals (`13.2`).
pub fn hours<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    if value.fract() == 0.0 && value.abs() < 9_007_199_254_740_992.0 {
        serializer.serialize_i64(*value as i64)
    } else {
        serializer.serialize_f64(*value)
    }
}

/// The organisation-perspective gap report (`kompetanse gap`).
#[derive(Debug, Clone, Serialize)]
pub struct GapReport {
    pub organisation: String,
    pub as_of: Date,
    pub mix: LearningMix,
    pub needs: Vec<NeedGap>,
    pub totals: GapTotals,
    #[serde(skip)]
    pub freshness: Freshness,
    /// Level names of the scale, for human output.
    #[serde(skip)]
    pub levels: Vec<String>,
}

/// One need, evaluated (FORMAT.md "Semantics").
#[derive(Debug, Clone, Serialize)]
pub struct NeedGap {
    pub id: String,
    pub skill: String,
    pub unit: Option<String>,
    pub role: Option<String>,
    pub level: Level,
    pub count: u32,
    pub have: u32,
    pub shortfall: u32,
    pub coverage: f64,
    pub priority: Priority,
    pub by: Option<Date>,
    pub driver: Option<String>,
    pub develop: Vec<Development>,
    pub recruit: u32,
    pub effort: Effort,
    #[serde(skip)]
    pub skill_name: String,
}

/// One person to be developed for a need: from their level to the need's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Development {
    pub person: String,
    pub from: Level,
    pub to: Level,
    pub hours: u64,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct GapTotals {
    pub needs: usize,
    /// Needs with a shortfall.
    pub unmet: usize,
    pub shortfall: u64,
    /// People-need pairs on develop lists.
    pub develop: usize,
    pub recruit: u64,
    pub effort: Effort,
}

/// How fresh the picture is ("competence is fresh produce, not stock").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Freshness {
    /// Person-skill pairs with a current assessment.
    pub assessed: usize,
    /// Of those, assessed before `stale_before`.
    pub stale: usize,
    /// Of those, without a date.
    pub undated: usize,
    /// Assessment rows set aside as expired.
    pub expired: usize,
    pub stale_before: Option<Date>,
    pub max_age_months: u32,
}

/// The individual perspective (`kompetanse gap --by person`): each person
/// with a role, against their role's requirements.
#[derive(Debug, Clone, Serialize)]
pub struct PersonGapReport {
    pub organisation: String,
    pub as_of: Date,
    pub mix: LearningMix,
    pub people: Vec<PersonGap>,
    pub totals: PersonGapTotals,
    #[serde(skip)]
    pub levels: Vec<String>,
}

/// One person's role gap.
#[derive(Debug, Clone, Serialize)]
pub struct PersonGap {
    pub person: String,
    pub name: Option<String>,
    pub unit: Option<String>,
    pub role: String,
    /// Sum of min(L, target) over the sum of targets, from 0 to 1.
    pub readiness: f64,
    pub skills: Vec<RoleSkillGap>,
    pub effort: Effort,
}

/// One required skill of a person's role.
#[derive(Debug, Clone, Serialize)]
pub struct RoleSkillGap {
    pub skill: String,
    pub current: Level,
    pub target: Level,
    pub gap: Level,
    pub effort: Effort,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct PersonGapTotals {
    pub people: usize,
    /// People with at least one required skill below target.
    pub with_gap: usize,
    /// Over everyone listed: sum of min(L, target) over the sum of targets.
    pub readiness: f64,
    pub effort: Effort,
}

/// Development plans (`kompetanse plan`): one per person, and the
/// organisation's summary.
#[derive(Debug, Clone, Serialize)]
pub struct PlanReport {
    pub organisation: String,
    pub as_of: Date,
    pub mix: LearningMix,
    pub plans: Vec<PersonPlan>,
    /// Suggested activities for each skill that some goal is about, once.
    pub activities: Vec<SkillActivities>,
    pub summary: PlanSummary,
    #[serde(skip)]
    pub levels: Vec<String>,
}

/// One person's development plan.
#[derive(Debug, Clone, Serialize)]
pub struct PersonPlan {
    pub person: String,
    pub name: Option<String>,
    pub unit: Option<String>,
    pub role: Option<String>,
    pub goals: Vec<Goal>,
    /// Skills the person wants to develop that no need or role asks for.
    pub wishes: Vec<Wish>,
    pub effort: Effort,
}

/// One development goal: a skill from the current level to a target, with
/// every reason for it (role, needs) and suggested activities per mode.
#[derive(Debug, Clone, Serialize)]
pub struct Goal {
    pub skill: String,
    pub from: Level,
    pub to: Level,
    pub reasons: Vec<Reason>,
    /// The earliest deadline among the reasons.
    pub by: Option<Date>,
    pub effort: Effort,
    #[serde(skip)]
    pub skill_name: String,
}

/// The activities suggested for goals in one skill, mode by mode.
#[derive(Debug, Clone, Serialize)]
pub struct SkillActivities {
    pub skill: String,
    pub suggestions: Vec<SuggestedActivity>,
}

impl PlanReport {
    /// The activities suggested for a skill (empty when none).
    pub fn activities_for(&self, skill: &str) -> &[SuggestedActivity] {
        self.activities
            .iter()
            .find(|a| a.skill == skill)
            .map_or(&[], |a| &a.suggestions)
    }
}

/// Why a goal is there.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Reason {
    /// The person's role requires the level.
    Role { role: String, level: Level },
    /// The person is on the need's develop list.
    Need {
        need: String,
        level: Level,
        priority: Priority,
        by: Option<Date>,
        driver: Option<String>,
    },
}

/// A learning activity suggested for a goal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SuggestedActivity {
    pub name: String,
    pub mode: crate::model::Mode,
    pub mandatory: bool,
    pub hours: Option<u32>,
}

/// A wish: the person wants to develop a skill no goal covers.
#[derive(Debug, Clone, Serialize)]
pub struct Wish {
    pub skill: String,
    pub level: Level,
}

/// The organisation's view of all plans.
#[derive(Debug, Clone, Serialize)]
pub struct PlanSummary {
    pub people: usize,
    pub goals: usize,
    pub effort: Effort,
    pub by_unit: Vec<EffortBy>,
    pub by_driver: Vec<EffortBy>,
    /// The recruitment list (*rekruttering/innleie*): needs with `recruit > 0`.
    pub recruit: Vec<Recruitment>,
}

/// Effort attributed to one unit or driver (`null`: none).
#[derive(Debug, Clone, Serialize)]
pub struct EffortBy {
    pub key: Option<String>,
    pub goals: usize,
    pub effort: Effort,
}

/// People to recruit for a need.
#[derive(Debug, Clone, Serialize)]
pub struct Recruitment {
    pub need: String,
    pub skill: String,
    pub level: Level,
    pub count: u32,
    pub unit: Option<String>,
    pub role: Option<String>,
    pub priority: Priority,
    pub by: Option<Date>,
    pub driver: Option<String>,
}
