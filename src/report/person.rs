//! The personal page (`report --person ID`, issue 23): one person's own
//! competence and development, and nothing else of the organisation: no
//! recruitment list, no need whose scope excludes them, and no other person
//! except their mentors and mentees.

use serde::Serialize;

use crate::model::{Date, LearningMix, Level, Priority};

use super::{PersonGap, PersonPlan, SkillActivities};

/// "Min kompetanse": one person's page.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PersonReport {
    pub organisation: String,
    #[schemars(with = "crate::report::schema::DateString")]
    pub as_of: Date,
    pub mix: LearningMix,
    pub person: String,
    pub name: Option<String>,
    pub unit: Option<String>,
    pub role: Option<String>,
    /// Every assessed skill, in catalogue order.
    pub levels: Vec<PersonLevel>,
    /// Their role's targets and gaps (FORMAT.md "Role gap"); null without a role.
    pub role_gap: Option<PersonGap>,
    /// The needs whose scope holds them and that they count for, or are
    /// renewed or developed for, in the gap report's order.
    pub needs: Vec<PersonNeed>,
    /// Their goals (mentor and host included) and voluntary wishes.
    pub plan: PersonPlan,
    /// Suggested activities for the skills of their goals.
    pub activities: Vec<SkillActivities>,
    /// Every skill they want to develop, and the needs it meets.
    pub wishes: Vec<PersonWish>,
    /// The goals they mentor, one plan per mentee.
    pub mentees: Vec<PersonPlan>,
    /// Their skills whose self and manager levels are far apart (FORMAT
    /// r3 "Calibration"), as `balance` lists them.
    pub calibration: Vec<super::Calibration>,
    /// Level names of the scale, for human output.
    #[serde(skip)]
    pub levels_named: Vec<String>,
    /// Plans are scheduled: human output shows finish dates.
    #[serde(skip)]
    pub scheduled: bool,
}

/// One assessed skill of the person: the chosen assessment.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PersonLevel {
    pub skill: String,
    pub level: Level,
    /// null: undated.
    #[schemars(with = "Option<crate::report::schema::DateString>")]
    pub assessed: Option<Date>,
    #[schemars(with = "Option<crate::report::schema::DateString>")]
    pub expires: Option<Date>,
    /// FORMAT.md "Stale".
    pub stale: bool,
    pub interest: bool,
    /// Who made the assessment: "self", "manager" or "certificate" (r3),
    /// null when its `source` says none of those.
    pub source: Option<&'static str>,
    /// What the skill is (`[[skill]] description`), null without one.
    pub description: Option<String>,
    /// What the level means: the skill's own `levels`, else the scale's
    /// `descriptions` (r3); null without either.
    pub meaning: Option<String>,
    #[serde(skip)]
    pub skill_name: String,
}

/// How a need concerns the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum NeedPart {
    /// They are among its `have` (FORMAT.md "Have").
    Counts,
    /// They hold the level but it expires before the horizon: on its renew list.
    Renew,
    /// On its develop list.
    Develop,
}

/// A need as it concerns the person.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PersonNeed {
    pub need: String,
    pub skill: String,
    pub level: Level,
    pub priority: Priority,
    #[schemars(with = "Option<crate::report::schema::DateString>")]
    pub by: Option<Date>,
    pub part: NeedPart,
    #[serde(skip)]
    pub skill_name: String,
}

/// A skill the person wants to develop (interest), and where it meets a need.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PersonWish {
    pub skill: String,
    pub level: Level,
    /// The needs of this skill whose scope holds them.
    pub needs: Vec<String>,
    /// A goal of their plan is about this skill.
    pub goal: bool,
    #[serde(skip)]
    pub skill_name: String,
}
