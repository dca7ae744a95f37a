//! The team page (`report --unit UNIT`, issue 23 item 2): what a line
//! manager needs of their unit, each part taken from the report that owns
//! it, filtered to the unit's people.

use serde::Serialize;

use super::{BalanceReport, Calibration, Due, GapReport, Movement, NeedGap, PersonGapReport};
use super::{PersonPlan, PlanReport};
use crate::model::{Date, LearningMix, Level, Priority};

/// One unit's page: its needs, its share of the needs above it, its
/// people against their roles, their plans, who is due for reassessment,
/// and who leaves and arrives. It names only the unit's own people, plus
/// their mentors and hosts.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct TeamReport {
    pub organisation: String,
    #[schemars(with = "crate::report::schema::DateString")]
    pub as_of: Date,
    pub mix: LearningMix,
    /// The unit (its subtree counts as the unit).
    pub unit: String,
    /// Its display name (`[[unit]] name`), when declared.
    pub name: Option<String>,
    /// The people of the unit present at D.
    #[serde(rename = "people_count")]
    pub people: usize,
    /// The needs scoped to the unit or a unit below it, as `gap` has them.
    pub needs: Vec<NeedGap>,
    /// The needs above the unit whose scope holds some of its people: the
    /// unit's share only.
    pub above: Vec<UnitShare>,
    /// Each person's gaps to their role, as `gap --by person` has them.
    pub roles: PersonGapReport,
    /// The unit's competence matrix, as `matrix --unit UNIT` has it.
    pub matrix: super::MatrixReport,
    /// Each person's plan, as `plan` has it.
    pub plans: Vec<PersonPlan>,
    /// Who is due for reassessment (unassessed or stale in what is asked
    /// of them, or expiring within the window), as `balance` has it.
    pub due: Vec<Due>,
    pub arriving: Vec<Movement>,
    pub leaving: Vec<Movement>,
    pub calibration: Vec<Calibration>,
    /// The reports the parts came from, for the human formats.
    #[serde(skip)]
    pub gap: GapReport,
    #[serde(skip)]
    pub plan: PlanReport,
    #[serde(skip)]
    pub balance: BalanceReport,
}

/// A need above the unit (scoped to a unit that holds it, or to
/// everyone), seen from the unit: how many of its people are in the
/// need's scope, and how many of them count (FORMAT "Have").
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct UnitShare {
    pub need: String,
    pub skill: String,
    pub scope: Option<String>,
    pub level: Level,
    pub count: u32,
    /// Everyone who counts, organisation-wide.
    pub have: u32,
    /// The unit's people in the need's scope at its horizon.
    pub in_scope: u32,
    /// Of them, those who count.
    pub unit_have: u32,
    pub priority: Priority,
    #[schemars(with = "Option<crate::report::schema::DateString>")]
    pub by: Option<Date>,
    #[serde(skip)]
    pub skill_name: String,
}
