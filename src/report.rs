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
