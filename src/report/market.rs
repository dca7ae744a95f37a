//! The report values of `kompetanse market` (*kompetansetorg*), as plain
//! serialisable data (its JSON is these values).

use serde::Serialize;

use crate::model::{Date, Level};

/// The competence marketplace (`kompetanse market`, *kompetansetorg*).
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct MarketReport {
    pub organisation: String,
    #[schemars(with = "crate::report::schema::DateString")]
    pub as_of: Date,
    /// The lowest level that teaches (3, or the top of a shorter scale).
    pub teaching_level: Level,
    pub skills: Vec<MarketSkill>,
    #[serde(skip)]
    pub levels: Vec<String>,
}

/// One skill on the marketplace: who wants to learn it, who can teach it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct MarketSkill {
    pub skill: String,
    pub name: String,
    /// People who want to learn the skill (their chosen assessment says
    /// `interest`, or an interest-only row does), by id.
    pub learners: Vec<MarketPerson>,
    /// People at the teaching level or above: highest level first, then
    /// fewest mentees, then id.
    pub teachers: Vec<MarketPerson>,
}

/// A person on the marketplace, with their level in the skill and the
/// goals they mentor in the plans (in any skill).
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct MarketPerson {
    pub person: String,
    pub name: Option<String>,
    pub unit: Option<String>,
    pub level: Level,
    #[serde(rename = "mentees_count")]
    pub mentees: u32,
}
