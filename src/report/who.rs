//! `kompetanse who` (issue 23 item 4, the deck's *CV-base*): the people
//! present at D who meet every criterion `SKILL>=LEVEL`.

use serde::Serialize;

use crate::model::{Date, Level};

/// Who knows what.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct WhoReport {
    pub organisation: String,
    #[schemars(with = "crate::report::schema::DateString")]
    pub as_of: Date,
    /// The criteria, as resolved: every one must hold.
    pub criteria: Vec<Criterion>,
    pub unit: Option<String>,
    pub role: Option<String>,
    /// Those who meet them, in person id order.
    pub people: Vec<WhoPerson>,
    /// Level names of the scale, for human output.
    #[serde(skip)]
    pub levels: Vec<String>,
}

/// `SKILL>=LEVEL`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Criterion {
    pub skill: String,
    pub level: Level,
    #[serde(skip)]
    pub skill_name: String,
}

/// A person who meets every criterion.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct WhoPerson {
    pub person: String,
    pub name: Option<String>,
    pub unit: Option<String>,
    pub role: Option<String>,
    /// One per criterion, in the criteria's order.
    pub levels: Vec<WhoLevel>,
    /// How many plan goals they mentor now (FORMAT r2 "Mentors").
    #[serde(rename = "mentees_count")]
    pub mentees: u32,
    /// Their last working day, when they have one (leaving).
    #[schemars(with = "Option<crate::report::schema::DateString>")]
    pub leaves: Option<Date>,
}

/// The person's chosen assessment of one criterion's skill.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct WhoLevel {
    pub skill: String,
    pub level: Level,
    #[schemars(with = "Option<crate::report::schema::DateString>")]
    pub assessed: Option<Date>,
    #[schemars(with = "Option<crate::report::schema::DateString>")]
    pub expires: Option<Date>,
    pub interest: bool,
    /// Who made the assessment: "self", "manager" or "certificate" (r3),
    /// null when its `source` says none of those.
    pub source: Option<&'static str>,
}
