//! The domain: an organisation's skills, roles, needs, people and their
//! assessed levels, as plain values.
//!
//! This module owns the vocabulary of FORMAT.md and DOMAIN.md and nothing
//! else: it does no IO and no analysis, and knows nothing of reports.
//! Loaders build these values; analyses read them. Levels are stored skill
//! by skill, for the people assessed (`column`: sparse where few are, a byte
//! per person where many are), so that an organisation of millions of
//! assessments stays small and one of many people and skills nobody
//! assessed costs nothing per pair.
//!
//! Where the FORMAT.md rules that are about the data itself live:
//! - "Reference date", the stale limit and the effort rate: [`organisation`];
//! - "Current level" (latest assessment wins), "Expired", "Stale": [`matrix`]
//!   (which stores each skill as a [`column`]);
//! - how a date is written, and the packed dates the matrix stores: [`date`];
//! - "Scope", "Priority order", declared units ("Units"): [`need`];
//! - "Effort" split by the learning mix: [`mix`];
//! - r3 "Cost": the rates and exact money, [`cost`];
//! - the people and their units and roles: [`people`];
//! - r3 "Activity log" and "Hours done": [`log`].
//!
//! The rules that compute reports (have, shortfall, coverage, development
//! candidates, role gap) are in `crate::analysis`.

pub mod column;
pub mod cost;
pub mod date;
mod ids;
pub mod log;
pub mod matrix;
pub mod mix;
pub mod need;
pub mod organisation;
pub mod people;
pub mod source;

mod lookup;
pub use lookup::{Looked, LookupError};

pub use column::Cell;
pub use cost::{CostRates, Money};
pub use date::{PackedDate, parse_date};
pub use log::{ActivityLog, Logged};
pub use matrix::{BySkill, ExpiredAssessment, Freshness, FreshnessRule, Matrix};
pub use mix::{Activity, ActivityKind, Effort, LearningMix, MixedHours, Mode, Policy};
pub use need::{Need, Priority, Scope, Unit, normalise_unit, unit_and_parents, unit_within};
pub use organisation::{DataLanguage, Organisation, reference_date};
pub use people::{People, Terms};
pub use source::{SelfAndManager, Source, SourceKind, SourceRule};

use serde::Serialize;

pub use jiff::civil::Date;

/// A level on the organisation's scale: 0 is "none", `Scale::top()` the highest.
pub type Level = u8;

/// The ordered level names; index = level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scale {
    pub levels: Vec<String>,
    /// `[scale] descriptions` (r3): what each level means in general,
    /// lowest first, as many as `levels`; empty when not given.
    pub descriptions: Vec<String>,
}

impl Default for Scale {
    fn default() -> Self {
        Scale {
            levels: ["none", "basic", "working", "advanced", "expert"]
                .iter()
                .map(|s| s.to_string())
                .collect(),
            descriptions: Vec::new(),
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default, schemars::JsonSchema)]
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
    /// Effort to renew a time-limited level (r2); default: the skill's hours per level.
    pub renew_hours: Option<u32>,
    /// The skill's own learning mix (r2), which `--mix` does not replace.
    pub mix: Option<LearningMix>,
    pub esco: Option<String>,
    /// What the skill is (r3), shown on forms and personal pages.
    pub description: Option<String>,
    /// What each level means for this skill (r3), lowest first, as many as
    /// the scale; empty when not given.
    pub levels: Vec<String>,
    /// The fee of formal training per level gained, and per renewal (r3
    /// `course_fee`; counted only with `[cost]`).
    pub course_fee: Option<u64>,
    /// Competence the organisation is winding down (r3 `phase_out`, KS's
    /// *avvikle*): no need may name it.
    pub phase_out: bool,
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
    /// Job titles in the people file that mean this role (FORMAT.md r3).
    pub titles: Vec<String>,
}

/// "No unit" / "no role" in the people columns.
pub const NONE: u32 = u32::MAX;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_parse_as_numbers_or_names() {
        let s = Scale::default();
        assert_eq!(s.parse("3"), Some(3));
        assert_eq!(s.parse("Advanced"), Some(3));
        assert_eq!(s.parse("5"), None);
        assert_eq!(s.parse("guru"), None);
    }
}
