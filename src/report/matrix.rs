//! `kompetanse matrix` (issue 23 item 5, the deck's *kompetansematrise*):
//! people as rows, skills as columns, each cell a level held against the
//! person's role target.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{Date, Level};

/// The competence matrix of the people present at D.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct MatrixReport {
    pub organisation: String,
    #[schemars(with = "crate::report::schema::DateString")]
    pub as_of: Date,
    pub unit: Option<String>,
    pub role: Option<String>,
    /// A level expiring within this many days of D is marked.
    pub expiring_days: u32,
    /// An assessment dated before this is stale (FORMAT.md "Stale").
    #[schemars(with = "crate::report::schema::DateString")]
    pub stale_before: Date,
    /// The columns, in order.
    pub skills: Vec<MatrixSkill>,
    /// The rows, in person id order.
    pub people: Vec<MatrixPerson>,
    /// Level names of the scale, for human output.
    #[serde(skip)]
    pub levels: Vec<String>,
}

/// A column.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct MatrixSkill {
    pub skill: String,
    pub name: String,
}

/// A row: one person present at D.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct MatrixPerson {
    pub person: String,
    pub name: Option<String>,
    pub unit: Option<String>,
    pub role: Option<String>,
    /// Each column's current level, null where unassessed (a map by
    /// skill id; one name, one type: `levels` is a list elsewhere).
    #[serde(rename = "levels_by_skill")]
    pub levels: BTreeMap<String, Option<Level>>,
    /// The role's target of each column it requires.
    #[serde(rename = "targets_by_skill")]
    pub targets: BTreeMap<String, Level>,
    /// The columns whose assessment is stale.
    #[serde(rename = "stale_skills")]
    pub stale: Vec<String>,
    /// The columns whose level expires within `expiring_days`, and when.
    #[schemars(with = "BTreeMap<String, crate::report::schema::DateString>")]
    #[serde(rename = "expiring_by_skill")]
    pub expiring: BTreeMap<String, Date>,
    /// One per column, in the columns' order: what every format shows.
    #[serde(skip)]
    pub cells: Vec<MatrixCell>,
}

/// A cell: the level against the target, and how fresh it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatrixCell {
    /// None where unassessed (L = 0).
    pub level: Option<Level>,
    pub target: Option<Level>,
    pub standing: Standing,
    pub assessed: Option<Date>,
    pub expires: Option<Date>,
    pub stale: bool,
    pub expiring: bool,
}

/// A level against the role's target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Standing {
    Below,
    At,
    Above,
    NoTarget,
}

impl Standing {
    /// The word of the CSV and JSON: below, at, above, no-target.
    pub fn term(self) -> &'static str {
        match self {
            Standing::Below => "below",
            Standing::At => "at",
            Standing::Above => "above",
            Standing::NoTarget => "no-target",
        }
    }
}
