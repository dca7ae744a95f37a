//! Report values: what each command computed, as plain serialisable data
//! with rows and totals and no formatting.
//!
//! The JSON output is exactly these values serialised, so field names here
//! are a contract (FORMAT.md "Outputs"); fields marked `serde(skip)` exist
//! only for the human renderers.

use serde::Serialize;

/// A short string kept inline when it fits (24 bytes): ids, names and
/// units in the plans, made and freed for every goal (issue 28).
pub type Short = compact_str::CompactString;

use crate::diagnostics::{Diagnostic, Severity};
use crate::model::{Date, Effort, LearningMix, Level, MixedHours, Money, Priority};

pub mod baseline;
mod due;
pub mod kind;
mod market;
mod matrix;
mod person;
mod progress;
pub mod schema;
pub mod stream;
mod suppressed;
mod team;
mod who;
pub use due::{DueGroup, DueItem, DueList, DueRef};
pub use kind::{ReportKind, SCHEMA_VERSION};
pub use market::{MarketPerson, MarketReport, MarketSkill};
pub use matrix::{MatrixCell, MatrixPerson, MatrixReport, MatrixSkill, Standing};
pub use person::{NeedPart, PersonLevel, PersonNeed, PersonReport, PersonWish};
pub use progress::{
    ActivityEffect, Effect, GainBy, LevelChange, LivedMix, MixBy, ModeEffect, ModeHours,
    NeedProgress, NeedState, ProgressReport, ProgressTotals, SkillProgress,
};
pub use team::{TeamReport, UnitShare};
pub use who::{Criterion, WhoLevel, WhoPerson, WhoReport};

/// The organisation-perspective gap report (`kompetanse gap`).
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct GapReport {
    pub organisation: String,
    #[schemars(with = "crate::report::schema::DateString")]
    pub as_of: Date,
    pub mix: LearningMix,
    pub needs: Vec<NeedGap>,
    pub totals: GapTotals,
    #[serde(skip)]
    pub freshness: Freshness,
    /// Level names of the scale, for human output.
    #[serde(skip)]
    pub levels: Vec<String>,
    /// Plans are scheduled (r2 "Capacity"): human output shows late counts.
    #[serde(skip)]
    pub scheduled: bool,
    /// The organisation plans in KS's terms and money (`[cost]`, or a
    /// skill with `phase_out`): human output shows KS's measures and the
    /// budget; without, it is the table it always was (issue 25).
    #[serde(skip)]
    pub ks: bool,
}

impl GapReport {
    /// `--fail-on`: does a need in the report at `threshold` or a more
    /// urgent priority have a shortfall?
    pub fn fails_at(&self, threshold: Priority) -> bool {
        self.needs
            .iter()
            .any(|n| n.shortfall > 0 && n.priority.at_least(threshold))
    }

    /// `--fail-on-budget`: does the needs' cost in some calendar year
    /// exceed `amount`? Never without `[cost]`.
    pub fn over_budget(&self, amount: f64) -> bool {
        self.totals
            .cost_by_year
            .iter()
            .flat_map(|years| years.values())
            .any(|cost| cost.amount() > amount)
    }
}

/// One need, evaluated (FORMAT.md "Semantics").
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
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
    #[schemars(with = "Option<crate::report::schema::DateString>")]
    pub by: Option<Date>,
    /// FORMAT.md r2 "Horizon": `by` when that is after D, else D.
    #[schemars(with = "crate::report::schema::DateString")]
    pub horizon: Date,
    pub driver: Option<String>,
    /// Expiring holders to renew, first of the shortfall (r2 "Renew").
    pub renew: Vec<Renewal>,
    pub develop: Vec<Development>,
    #[serde(rename = "recruit_count")]
    pub recruit: u32,
    /// Renew and develop people whose plan goal for the skill finishes
    /// after the horizon (r2 "Capacity and schedule"); 0 without capacity.
    #[serde(rename = "late_count")]
    pub late: u32,
    /// People in scope at D whose last day is before the horizon (r2
    /// "Present"): they neither cover the need nor are developed for it.
    #[serde(rename = "leaving_count")]
    pub leaving: u32,
    /// Signed hires in scope who start after D and by the horizon: they
    /// count with their assessed levels.
    #[serde(rename = "arriving_count")]
    pub arriving: u32,
    pub effort: Effort,
    /// FORMAT.md r3 "Elsewhere and surplus": max(0, have - count).
    pub surplus: u32,
    /// FORMAT.md r3 "Elsewhere": with a recruit, the holders outside the
    /// scope who could move or rotate in first; empty otherwise.
    pub elsewhere: Vec<Elsewhere>,
    /// FORMAT.md r3 "KS measures".
    pub measures: Measures,
    /// FORMAT.md r3 "Cost": renew and develop goals plus recruitment;
    /// absent without `[cost]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost: Option<Money>,
    /// Developing the develop list against recruiting as many (issue 25,
    /// shown, not decided); absent without `[cost]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub develop_or_recruit: Option<DevelopOrRecruit>,
    #[serde(skip)]
    pub skill_name: String,
    /// The effort's hours by mix, so totals add up exactly.
    #[serde(skip)]
    pub hours: MixedHours,
}

/// A holder of a need's level outside its scope (FORMAT.md r3
/// "Elsewhere"): a candidate to move or for *hospitering* before recruiting.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Elsewhere {
    pub person: String,
    pub unit: Option<String>,
    pub level: Level,
    /// The person's name, for human output (machines keep the id).
    #[serde(skip)]
    pub name: Option<String>,
}

/// A need's measures in KS's words (FORMAT.md r3 "KS measures"): people to
/// retain, develop (renew included), mobilise from elsewhere and recruit.
/// They add up over needs, for units, drivers and the totals.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Measures {
    pub beholde: u64,
    pub utvikle: u64,
    pub mobilisere: u64,
    pub rekruttere: u64,
}

impl std::ops::Add for Measures {
    type Output = Measures;

    fn add(self, o: Measures) -> Measures {
        Measures {
            beholde: self.beholde + o.beholde,
            utvikle: self.utvikle + o.utvikle,
            mobilisere: self.mobilisere + o.mobilisere,
            rekruttere: self.rekruttere + o.rekruttere,
        }
    }
}

impl std::iter::Sum for Measures {
    fn sum<I: Iterator<Item = Measures>>(iter: I) -> Measures {
        iter.fold(Measures::default(), |a, b| a + b)
    }
}

/// Issue 25, "develop or recruit, by money and time": the cost of the
/// develop list against recruiting as many people, and whether the
/// development finishes by the need's horizon. Shown, never decided: the
/// develop list stays FORMAT.md's.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, schemars::JsonSchema)]
pub struct DevelopOrRecruit {
    /// The develop list's goals' cost (renewals not included).
    pub develop_cost: Money,
    /// `[cost] recruit` x the length of the develop list.
    pub recruit_cost: Money,
    /// Every develop goal finishes by the horizon; null without capacity.
    pub in_time: Option<bool>,
}

/// A holder whose qualifying assessment expires before the need's horizon,
/// to be renewed at their level (FORMAT.md r2 "Renew").
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Renewal {
    pub person: String,
    pub level: Level,
    #[schemars(with = "crate::report::schema::DateString")]
    pub expires: Date,
    pub hours: u64,
    /// The person's name, for human output (machines keep the id).
    #[serde(skip)]
    pub name: Option<String>,
    /// FORMAT.md r3 "Cost" of the renewal, for the budget's years.
    #[serde(skip)]
    pub cost: Option<Money>,
}

/// One person to be developed for a need: from their level to the need's.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Development {
    pub person: String,
    pub from: Level,
    pub to: Level,
    pub hours: u64,
    /// The person's name, for human output (machines keep the id).
    #[serde(skip)]
    pub name: Option<String>,
    /// FORMAT.md r3 "Cost" of the development, for the budget's years.
    #[serde(skip)]
    pub cost: Option<Money>,
}

#[derive(Debug, Clone, Serialize, Default, schemars::JsonSchema)]
pub struct GapTotals {
    #[serde(rename = "needs_count")]
    pub needs: usize,
    /// Needs with a shortfall.
    pub unmet: usize,
    pub shortfall: u64,
    /// People-need pairs on renew lists (r2).
    #[serde(rename = "renew_count")]
    pub renew: usize,
    /// People-need pairs on develop lists.
    #[serde(rename = "develop_count")]
    pub develop: usize,
    #[serde(rename = "recruit_count")]
    pub recruit: u64,
    pub effort: Effort,
    /// FORMAT.md r3 "KS measures", summed over the needs.
    pub measures: Measures,
    /// FORMAT.md r3 "Cost": the needs' costs; absent without `[cost]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost: Option<Money>,
    /// The needs' costs by the calendar year they are booked in (the
    /// *økonomiplan*); absent without `[cost]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost_by_year: Option<CostByYear>,
    /// `[cost] currency`, for human output; None without `[cost]`.
    #[serde(skip)]
    pub currency: Option<String>,
    /// FORMAT.md r3 "Hours done": of `effort`, the hours the activity log
    /// holds (each renew and develop entry's done hours, at most its own
    /// hours); absent without a log.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::model::mix::serialize_optional_hours"
    )]
    pub done: Option<f64>,
}

/// Money by calendar year; JSON `{"2027": 45000}`.
pub type CostByYear = std::collections::BTreeMap<i16, Money>;

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
    /// The first expired assessments, in file order, for people to read.
    pub expired_list: Vec<ExpiredRow>,
}

/// An assessment set aside because it expired, and where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ExpiredRow {
    pub person: String,
    /// The person's name, for people (JSON and CSV keep the id).
    #[serde(skip)]
    pub name: Option<String>,
    pub skill: String,
    pub level: Level,
    #[schemars(with = "crate::report::schema::DateString")]
    pub expires: Date,
    /// Where the row is, for people (not in JSON: a what-if shifts lines).
    #[serde(skip)]
    pub file: String,
    #[serde(skip)]
    pub line: usize,
}

/// The individual perspective (`kompetanse gap --by person`): each person
/// with a role, against their role's requirements.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PersonGapReport {
    pub organisation: String,
    #[schemars(with = "crate::report::schema::DateString")]
    pub as_of: Date,
    pub mix: LearningMix,
    pub people: Vec<PersonGap>,
    pub totals: PersonGapTotals,
    /// `--toward R` (FORMAT r3 "Readiness"): every person against R, and
    /// `readiness` the share of R's required skills at target. Absent
    /// without it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub toward: Option<String>,
    #[serde(skip)]
    pub levels: Vec<String>,
}

/// One person's role gap.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
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
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RoleSkillGap {
    pub skill: String,
    pub current: Level,
    pub target: Level,
    #[serde(rename = "gap_levels")]
    pub gap: Level,
    pub effort: Effort,
    /// The skill's name, for human output (machines keep the id).
    #[serde(skip)]
    pub skill_name: String,
}

#[derive(Debug, Clone, Serialize, Default, schemars::JsonSchema)]
pub struct PersonGapTotals {
    #[serde(rename = "people_count")]
    pub people: usize,
    /// People with at least one required skill below target.
    pub with_gap: usize,
    /// Over everyone listed: sum of min(L, target) over the sum of targets.
    pub readiness: f64,
    pub effort: Effort,
}

/// Development plans (`kompetanse plan`): one per person, and the
/// organisation's summary.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PlanReport {
    pub organisation: String,
    #[schemars(with = "crate::report::schema::DateString")]
    pub as_of: Date,
    pub mix: LearningMix,
    pub plans: Vec<PersonPlan>,
    /// Suggested activities for each skill that some goal is about, once.
    pub activities: Vec<SkillActivities>,
    pub summary: PlanSummary,
    #[serde(skip)]
    pub levels: Vec<String>,
    /// Plans are scheduled (r2 "Capacity"): human output shows finish dates.
    #[serde(skip)]
    pub scheduled: bool,
    /// There is an activity log (r3 "Hours done"): goals have `done` and
    /// `remaining`, which human output and CSV show.
    #[serde(skip)]
    pub logged: bool,
    /// `plan --person ID --toward R` (FORMAT r3 "Readiness"): the person's
    /// gap to R's targets and readiness. Absent without it. JSON
    /// `toward_gap` (schema version 2): `toward` is a role id in `gap --by
    /// person`.
    #[serde(rename = "toward_gap", skip_serializing_if = "Option::is_none")]
    pub toward: Option<PersonGap>,
    /// `plan --mentor ID`: whose mentoring load these plans are, as
    /// (id, name), for human output's title.
    #[serde(skip)]
    pub mentored_by: Option<(String, Option<String>)>,
}

/// One person's development plan.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PersonPlan {
    pub person: Short,
    pub name: Option<Short>,
    pub unit: Option<Short>,
    pub role: Option<Short>,
    pub goals: Vec<Goal>,
    /// Skills the person wants to develop that no need or role asks for.
    pub wishes: Vec<Wish>,
    pub effort: Effort,
    /// Learning hours a year (r2 "Capacity"); null: unlimited.
    pub capacity: Option<f64>,
    /// FORMAT.md r3 "Cost" of the person's goals; absent without `[cost]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost: Option<Money>,
}

/// One development goal: a skill from the current level to a target, with
/// every reason for it (role, needs) and suggested activities per mode.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Goal {
    pub skill: Short,
    pub from: Level,
    pub to: Level,
    pub reasons: Vec<Reason>,
    /// The earliest deadline among the reasons.
    #[schemars(with = "Option<crate::report::schema::DateString>")]
    pub by: Option<Date>,
    /// A renewal of a time-limited level (r2 "Renew"): `from` = `to`.
    #[serde(rename = "renewal")]
    pub renew: bool,
    pub effort: Effort,
    /// FORMAT.md r3 "Hours done": the hours logged for the goal since the
    /// person's assessment in the skill; absent without an activity log.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::model::mix::serialize_optional_hours"
    )]
    pub done: Option<f64>,
    /// max(0, effort - done), split by the mix: what the schedule spends;
    /// absent without an activity log.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remaining: Option<Effort>,
    /// When the goal's last hour is spent (r2 "Capacity and schedule");
    /// null without capacity, or when it never finishes (capacity 0).
    #[schemars(with = "Option<crate::report::schema::DateString>")]
    pub finish: Option<Date>,
    /// Finishes after its deadline.
    pub late: bool,
    /// Who to learn from (r2 "Mentors"): a person id, or null.
    pub mentor: Option<Short>,
    /// A unit to visit for *hospitering* (job rotation), or null.
    pub host: Option<Short>,
    /// FORMAT.md r3 "Cost" of the goal; absent without `[cost]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost: Option<Money>,
    #[serde(skip)]
    pub skill_name: Short,
    /// The effort's hours by mix.
    #[serde(skip)]
    pub hours: MixedHours,
    /// The mentor as people read it: name, unit, level in the skill.
    #[serde(skip)]
    pub mentor_info: Option<MentorInfo>,
}

/// A mentor as human output shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct MentorInfo {
    pub name: Option<Short>,
    pub unit: Option<Short>,
    pub level: Level,
}

/// How many goals one person mentors in the plans shown.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct MentorLoad {
    pub person: String,
    pub unit: Option<String>,
    #[serde(rename = "mentees_count")]
    pub mentees: u32,
    #[serde(skip)]
    pub name: Option<String>,
}

/// The activities suggested for goals in one skill, mode by mode.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
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
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Reason {
    /// The person's role requires the level.
    Role { role: Short, level: Level },
    /// The person is on the need's develop list.
    Need {
        need: Short,
        level: Level,
        priority: Priority,
        #[schemars(with = "Option<crate::report::schema::DateString>")]
        by: Option<Date>,
        driver: Option<Short>,
    },
}

/// A learning activity suggested for a goal.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct SuggestedActivity {
    pub name: String,
    pub mode: crate::model::Mode,
    pub mandatory: bool,
    pub hours: Option<u32>,
}

/// A wish: the person wants to develop a skill no goal covers.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Wish {
    pub skill: Short,
    pub level: Level,
    /// The skill's name, for human output (machines keep the id).
    #[serde(skip)]
    pub skill_name: Short,
}

/// FORMAT r3 "Reach" (the deck's "reach every employee with several
/// means"): of the people present at D among the plans' people, how many
/// have at least one goal, and how many have hours in each learning mode.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Reach {
    #[serde(rename = "people_count")]
    pub people: usize,
    pub any: usize,
    pub experience: usize,
    pub social: usize,
    pub formal: usize,
}

/// The organisation's view of all plans.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PlanSummary {
    #[serde(rename = "people_count")]
    pub people: usize,
    #[serde(rename = "goals_count")]
    pub goals: usize,
    pub effort: Effort,
    pub by_unit: Vec<EffortBy>,
    pub by_driver: Vec<EffortBy>,
    /// The recruitment list (*rekruttering/innleie*): needs with `recruit > 0`.
    pub recruit: Vec<Recruitment>,
    /// Goals finishing after a need's deadline, need by need (r2).
    #[serde(rename = "late_goals")]
    pub late: Vec<LateGoal>,
    /// Each mentor's number of mentees (goals) in these plans, most first,
    /// then id (r2 "Mentors").
    pub mentors: Vec<MentorLoad>,
    /// FORMAT r3 "Reach".
    pub reach: Reach,
    /// FORMAT.md r3 "Cost": the goals' costs plus the recruitment list's;
    /// absent without `[cost]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost: Option<Money>,
    /// The same by the calendar year it is booked in (goals by their
    /// finish, else deadline; recruitment by the need's horizon).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost_by_year: Option<CostByYear>,
    /// `[cost] currency`, for human output; None without `[cost]`.
    #[serde(skip)]
    pub currency: Option<String>,
}

/// A plan goal that finishes after the deadline of a need it serves.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct LateGoal {
    pub need: Short,
    #[schemars(with = "crate::report::schema::DateString")]
    pub by: Date,
    pub person: Short,
    pub skill: Short,
    #[serde(rename = "renewal")]
    pub renew: bool,
    /// null: never, at the person's capacity (0).
    #[schemars(with = "Option<crate::report::schema::DateString>")]
    pub finish: Option<Date>,
    /// The goal's hours that do not fit before the deadline.
    #[serde(serialize_with = "crate::model::mix::serialize_hours")]
    pub short: f64,
    /// The person's name, for human output.
    #[serde(skip)]
    pub name: Option<Short>,
}

/// Effort attributed to one unit or driver (`null`: none).
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct EffortBy {
    pub key: Option<String>,
    #[serde(rename = "goals_count")]
    pub goals: usize,
    pub effort: Effort,
    /// FORMAT.md r3 "Cost" of these goals; absent without `[cost]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost: Option<Money>,
}

/// People to recruit for a need.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Recruitment {
    pub need: String,
    pub skill: String,
    pub level: Level,
    pub count: u32,
    pub unit: Option<String>,
    pub role: Option<String>,
    pub priority: Priority,
    #[schemars(with = "Option<crate::report::schema::DateString>")]
    pub by: Option<Date>,
    pub driver: Option<String>,
    /// The skill's name, for human output (machines keep the id).
    #[serde(skip)]
    pub skill_name: String,
}

/// The competence balance (`kompetanse balance`): what the organisation
/// has, skill by skill (and unit by unit), how fresh that picture is, and
/// which skills hang on one person.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct BalanceReport {
    pub organisation: String,
    #[schemars(with = "crate::report::schema::DateString")]
    pub as_of: Date,
    /// The level names, lowest first (index = level).
    pub scale: Vec<String>,
    /// Skills grouped by `group` (groups in catalogue order), for everyone in scope.
    pub skills: Vec<SkillBalance>,
    /// With `--by unit`: the same per unit, units rolled up (`it` includes `it/platform`).
    pub units: Vec<UnitBalance>,
    pub freshness: FreshnessReport,
    pub key_people: Vec<KeyPerson>,
    /// Signed hires in scope who start after D (r2), by first day.
    pub arriving: Vec<Movement>,
    /// People present at D who leave within the `--expiring` window (r2),
    /// unit by unit.
    pub leaving: Vec<Movement>,
    /// FORMAT.md r3 "Calibration": people in scope whose latest self and
    /// manager levels in a skill are `calibrate_at` or more apart, for a
    /// competence talk (*kompetansedrøfting*), by person id, then skill.
    pub calibration: Vec<Calibration>,
    /// People in scope due for reassessment (issue 24, item 5), by unit,
    /// then person id, then skill (`crate::analysis::survey::due_list`),
    /// held compactly (it serialises as `Vec<Due>`).
    #[schemars(with = "Vec<Due>")]
    pub due: DueList,
    /// FORMAT.md r3 "KS measures", *avvikle*: each skill being wound down
    /// (`phase_out`) and its holders; absent when no skill is.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub phase_out: Vec<PhaseOut>,
    /// `[assessment] calibrate_at`: how far apart is listed (for the views).
    #[serde(skip)]
    pub calibrate_at: Level,
    /// The names of the people its lists mention (freshness, key people),
    /// by id, for the human views ("Name (id)"); JSON and CSV keep ids.
    #[serde(skip)]
    pub names: std::collections::BTreeMap<String, String>,
}

impl ExpiredRow {
    /// "Name (id)", or the id when the person has no name.
    pub fn who(&self) -> String {
        match &self.name {
            Some(name) => format!("{name} ({})", self.person),
            None => self.person.clone(),
        }
    }
}

impl BalanceReport {
    /// "Name (id)", or the id when the person has no name.
    pub fn who(&self, id: &str) -> String {
        match self.names.get(id) {
            Some(name) => format!("{name} ({id})"),
            None => id.to_string(),
        }
    }
}

/// A skill being wound down (KS's *avvikle*) and who holds it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PhaseOut {
    pub skill: String,
    /// The people present at D in scope with level 1 or more, by unit
    /// (none last), then person id.
    pub holders: Vec<PhaseOutHolder>,
    /// The skill's name, for human output.
    #[serde(skip)]
    pub name: String,
}

/// One holder of a skill being wound down.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct PhaseOutHolder {
    pub person: String,
    pub unit: Option<String>,
    pub level: Level,
    #[serde(skip)]
    pub name: Option<String>,
}

/// A person and skill whose self and manager levels differ enough to talk
/// about, and the level that counts (by `[assessment] prefer`, or the
/// latest).
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Calibration {
    pub person: String,
    pub name: Option<String>,
    pub skill: String,
    #[serde(rename = "self")]
    pub own: Level,
    pub manager: Level,
    pub counted: Level,
}

/// A person due for reassessment in a skill, and why.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Due {
    pub person: String,
    pub name: Option<String>,
    pub unit: Option<String>,
    pub skill: String,
    pub reason: DueReason,
    /// The current assessment's date (null: unassessed or undated).
    #[schemars(with = "Option<crate::report::schema::DateString>")]
    pub assessed: Option<Date>,
    /// The current assessment's `expires`, where it has one.
    #[schemars(with = "Option<crate::report::schema::DateString>")]
    pub expires: Option<Date>,
}

/// Why a person is due in a skill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum DueReason {
    /// Their role or a need asks for it and they are unassessed (an
    /// expired assessment is set aside, so it is missing too).
    Missing,
    /// Their role or a need asks for it and their assessment is stale.
    Stale,
    /// Their assessment expires within the `--expiring` window.
    Expiring,
    /// FORMAT.md r3 "Hours done": the activity log holds every hour of a
    /// plan goal of theirs in it (done, awaiting reassessment).
    Done,
}

/// A person arriving or leaving, and the day: a signed hire's first day,
/// or the last working day.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Movement {
    pub person: String,
    pub name: Option<String>,
    pub unit: Option<String>,
    #[schemars(with = "crate::report::schema::DateString")]
    pub date: Date,
}

/// One skill's inventory among a set of people.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SkillBalance {
    pub skill: String,
    pub name: String,
    pub group: Option<String>,
    pub kind: crate::model::SkillKind,
    /// People in scope.
    #[serde(rename = "people_count")]
    pub people: u64,
    /// People at each current level, 0 to top (unassessed people count at 0).
    pub levels: Vec<u64>,
    #[serde(rename = "assessed_count")]
    pub assessed: u64,
    pub unassessed: u64,
    /// Current assessments older than the freshness limit.
    #[serde(rename = "stale_count")]
    pub stale: u64,
    /// Assessment rows set aside because they expired.
    pub expired: u64,
    /// Median current level of the assessed (null when none is).
    pub median: Option<f64>,
    /// People who say they want to develop it.
    #[serde(rename = "interest_count")]
    pub interest: u64,
}

/// One unit's inventory (the unit and every unit below it).
#[derive(Debug, Clone)]
pub struct UnitBalance {
    pub unit: String,
    pub people: u64,
    pub skills: Vec<SkillBalance>,
    /// `--min-group` (JSON by hand, `suppressed.rs`: numbers null, zeroed here).
    pub suppressed: bool,
}

/// How fresh the picture is, and what to reassess.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct FreshnessReport {
    /// Current (chosen) assessments.
    pub assessments: u64,
    #[serde(rename = "stale_count")]
    pub stale: u64,
    /// `stale / assessments` (0 when there are none).
    pub stale_share: f64,
    pub undated: u64,
    /// Assessment rows set aside as expired.
    pub expired: u64,
    /// `expired / (assessments + expired)`.
    pub expired_share: f64,
    /// Every expired assessment of the people in scope, in file order.
    pub expired_assessments: Vec<ExpiredRow>,
    #[schemars(with = "crate::report::schema::DateString")]
    pub stale_before: Date,
    pub max_age_months: u32,
    /// The oldest current assessments, oldest first.
    pub oldest: Vec<DatedAssessment>,
    pub expiring_days: u32,
    /// Current assessments whose `expires` falls within `expiring_days` from the reference date.
    pub expiring: Vec<ExpiringAssessment>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct DatedAssessment {
    pub person: String,
    pub skill: String,
    pub level: Level,
    #[schemars(with = "crate::report::schema::DateString")]
    pub assessed: Date,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ExpiringAssessment {
    pub person: String,
    pub skill: String,
    pub level: Level,
    #[schemars(with = "crate::report::schema::DateString")]
    pub expires: Date,
    /// Days from the reference date.
    pub days: i64,
}

/// Key-person risk: how many people hold a required skill at the highest
/// level any need or role requires of it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct KeyPerson {
    pub skill: String,
    pub level: Level,
    #[serde(rename = "holders_count")]
    pub holders: u64,
    /// The holder's id when there is exactly one; empty otherwise.
    pub people: Vec<String>,
    /// Held by 0 or 1 person, or by people who all leave before a need of
    /// the skill is due.
    pub risk: bool,
    /// Every holder leaves before this need is due (r2); null otherwise.
    pub gone: Option<GoneBefore>,
    /// Goals in this skill that the holders mentor in the plans (r2
    /// "Mentors": spreading a skill lowers the risk).
    #[serde(rename = "mentees_count")]
    pub mentees: u32,
    /// Some plan goal develops someone in this skill to the level: the
    /// risk is being addressed.
    pub addressed: bool,
}

/// The need whose deadline every holder of a skill leaves before.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct GoneBefore {
    pub need: String,
    #[schemars(with = "crate::report::schema::DateString")]
    pub horizon: Date,
    pub holders: Vec<Departure>,
}

/// A person's last working day.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Departure {
    pub person: String,
    #[schemars(with = "crate::report::schema::DateString")]
    pub leaves: Date,
}

impl KeyPerson {
    /// The warning for a skill at risk, against the organisation file at
    /// `path`; None when two or more people hold it.
    pub fn warning(&self, path: &str) -> Option<Diagnostic> {
        if !self.risk {
            return None;
        }
        if let Some(gone) = &self.gone {
            let who: Vec<String> = gone
                .holders
                .iter()
                .map(|d| format!("'{}' (last day {})", d.person, d.leaves))
                .collect();
            let all = if gone.holders.len() == 1 {
                "the only holder"
            } else {
                "every holder"
            };
            return Some(Diagnostic {
                path: path.to_string(),
                line: None,
                column: None,
                cell: false,
                severity: Severity::Warning,
                message: format!(
                    "key-person risk: {all} of '{}' at level {} or above leaves before need '{}' is due {}: {}",
                    self.skill,
                    self.level,
                    gone.need,
                    gone.horizon,
                    who.join(", ")
                ),
            });
        }
        let who = match self.people.first() {
            Some(p) => format!("only '{p}' holds"),
            None => "nobody holds".to_string(),
        };
        Some(Diagnostic {
            path: path.to_string(),
            line: None,
            column: None,
            cell: false,
            severity: Severity::Warning,
            message: format!(
                "key-person risk: {who} '{}' at level {} or above",
                self.skill, self.level
            ),
        })
    }
}

/// `gap --by unit|skill|driver`: needs added up per group.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct GapGroupsReport {
    pub organisation: String,
    #[schemars(with = "crate::report::schema::DateString")]
    pub as_of: Date,
    pub mix: LearningMix,
    /// "unit", "skill" or "driver".
    #[serde(rename = "grouped_by")]
    pub by: String,
    pub groups: Vec<GapGroup>,
    pub totals: GapTotals,
    /// As [`GapReport::ks`]: human output shows KS's measures and costs.
    #[serde(skip)]
    pub ks: bool,
}

/// The needs of one unit, skill or driver, added up.
#[derive(Debug, Clone)]
pub struct GapGroup {
    /// The unit path, skill id or driver id; null for needs without one.
    pub key: Option<String>,
    /// The skill's or driver's name (null for units and for null keys).
    pub name: Option<String>,
    pub needs: usize,
    pub unmet: usize,
    /// Sum of min(have, count) over the sum of counts.
    pub coverage: f64,
    pub shortfall: u64,
    /// People-need pairs on renew lists (r2).
    pub renew: usize,
    pub develop: usize,
    pub recruit: u64,
    pub effort: Effort,
    /// FORMAT.md r3 "KS measures", summed over the group's needs.
    pub measures: Measures,
    /// FORMAT.md r3 "Cost" of the group's needs; absent without `[cost]`.
    pub cost: Option<Money>,
    /// The most urgent priority among unmet needs (null when all are met).
    pub at_risk: Option<Priority>,
    /// `--min-group` (JSON by hand, `suppressed.rs`: numbers null, zeroed here).
    pub suppressed: bool,
}

/// `kompetanse report`: the whole picture in one value, for the HTML
/// report people open (and `--format json`). It holds the need view, the
/// plans' summary and the balance as their own commands compute them, and
/// the one thing only this report needs: the coverage map.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct OverviewReport {
    pub organisation: String,
    #[schemars(with = "crate::report::schema::DateString")]
    pub as_of: Date,
    pub mix: LearningMix,
    /// `gap`: every need.
    pub gap: GapReport,
    /// `plan`'s summary: effort by unit and driver, the recruitment list.
    pub plan: PlanSummary,
    /// `balance --by unit`: levels per skill, freshness, key people.
    pub balance: BalanceReport,
    #[serde(rename = "coverage_map")]
    pub coverage: CoverageMap,
    /// The competence marketplace (r2 "Mentors"), for the page only.
    #[serde(skip)]
    pub market: MarketReport,
}

/// Skills (rows) x units (columns): how many people in each unit (and the
/// units below it) are at or above the highest level any need asks of the
/// skill, against the people the needs scoped there ask for.
#[derive(Debug, Clone, Serialize, Default, schemars::JsonSchema)]
pub struct CoverageMap {
    /// The columns: null first (the whole organisation), then every unit
    /// with people, parents before children.
    pub units: Vec<Option<String>>,
    /// Skills some need asks for, in the balance's (catalogue) order.
    pub skills: Vec<SkillCoverage>,
}

/// One row of the coverage map.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SkillCoverage {
    pub skill: String,
    pub name: String,
    /// The highest level any need asks of the skill: the bar people are counted at.
    pub level: Level,
    /// One cell per column of [`CoverageMap::units`].
    pub cells: Vec<CoverageCell>,
}

/// One unit's people against the needs scoped to it (or below it).
#[derive(Debug, Clone, PartialEq)]
pub struct CoverageCell {
    /// People in the unit and below it.
    pub people: u64,
    /// FORMAT.md r3 "Coverage map": where a need reaches the cell, the
    /// covered count, the sum over its needs of min(have, count); where
    /// none does, the people at or above the row's level.
    pub have: u64,
    /// People the needs of this skill scoped to the unit or below it ask
    /// for (the whole organisation's column: every need of the skill).
    pub demand: u64,
    /// min(have, demand) / demand; null when no need asks for the skill here.
    pub coverage: Option<f64>,
    /// `--min-group` (JSON by hand, `suppressed.rs`: numbers null, zeroed here).
    pub suppressed: bool,
}
