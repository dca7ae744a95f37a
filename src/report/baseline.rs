//! The report values of `--baseline` (FORMAT.md r2 "Baseline"): an earlier
//! report as read back (only the fields a comparison needs), and the
//! comparison of today's report with it, need by need (`gap`) or skill by
//! skill (`balance`). Plain data: `analysis::baseline` computes it,
//! `load::baseline` reads the earlier file, `render::baseline` writes it.
//!
//! The JSON of a comparison is the report's own JSON with a `baseline` key
//! added to each need (or skill) and one at the top (the summary). The
//! views below write that without restating the report: each row is the
//! report's row flattened, plus its `baseline`.

use serde::Serialize;

use crate::model::{Date, LearningMix, Level, Priority};
use crate::report::{
    BalanceReport, Calibration, DueList, FreshnessReport, GapReport, GapTotals, KeyPerson,
    Movement, NeedGap, PhaseOut, ReportKind, SkillBalance, UnitBalance,
};

/// An earlier gap report: who it was for, when, and its needs.
#[derive(Debug, Clone, PartialEq)]
pub struct EarlierGap {
    pub organisation: String,
    /// As written in the file (an ISO date in every file we wrote); None
    /// when there is no baseline yet (a brand-new repository): then every
    /// need is new.
    pub as_of: Option<String>,
    pub needs: Vec<EarlierNeed>,
}

impl EarlierGap {
    /// No baseline yet (issue 30): nothing to compare with, every need new.
    pub fn nothing(organisation: &str) -> EarlierGap {
        EarlierGap {
            organisation: organisation.to_string(),
            as_of: None,
            needs: Vec::new(),
        }
    }
}

/// What `--fail-on-regression[=PRIORITY]` and `--allow-redefined` ask of a
/// comparison (issue 30): which needs can fail it, and whether a need
/// redefined under the same id may.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Gate {
    /// Needs at this priority or a more urgent one, then or now, fail the
    /// gate; the others are compared but never fail it.
    pub priority: Priority,
    /// A redefinition (removed, lowered, downgraded, rescoped) is accepted.
    pub allow_redefined: bool,
}

impl Default for Gate {
    /// Every need counts, and a redefinition is a regression.
    fn default() -> Gate {
        Gate {
            priority: Priority::Low,
            allow_redefined: false,
        }
    }
}

/// A part of a need's definition (issue 27, F8; issue 30).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum NeedField {
    Skill,
    Unit,
    Role,
    Level,
    Count,
    Priority,
}

impl NeedField {
    pub fn as_str(self) -> &'static str {
        match self {
            NeedField::Skill => "skill",
            NeedField::Unit => "unit",
            NeedField::Role => "role",
            NeedField::Level => "level",
            NeedField::Count => "count",
            NeedField::Priority => "priority",
        }
    }
}

/// A need whose definition changed under the same id: what it was and
/// what it is ("level 3 -> 2"), both as text so that one field name keeps
/// one type (an absent unit or role is "").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Redefinition {
    pub field: NeedField,
    pub was: String,
    pub is: String,
    /// Asks less of the organisation (a lower level or count, a less
    /// urgent priority) or moves the need elsewhere (another skill, unit
    /// or role): a regression at the gate unless `--allow-redefined`.
    pub weakens: bool,
}

/// One need of an earlier gap report. Its identity fields are optional: a
/// removed need is listed with whatever the file said of it.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct EarlierNeed {
    pub id: String,
    pub skill: String,
    pub unit: Option<String>,
    pub role: Option<String>,
    pub level: Option<Level>,
    pub count: Option<u32>,
    pub priority: Option<String>,
    pub have: u32,
    pub shortfall: u32,
    /// How many holders were to be renewed (the length of its `renew`
    /// list; 0 in files from before r2, which had none).
    #[serde(rename = "renew_count")]
    pub renew: u32,
    pub coverage: f64,
}

/// A need then and its change since (now minus then).
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct NeedBaseline {
    pub have: u32,
    pub shortfall: u32,
    #[serde(rename = "renew_count")]
    pub renew: u32,
    pub coverage: f64,
    pub change: NeedChange,
    /// How the need's definition changed (empty: it did not).
    pub redefined: Vec<Redefinition>,
    /// Coverage fell or shortfall grew.
    #[serde(skip)]
    pub regression: bool,
    /// The need fails the gate: at or above its priority, it regressed or
    /// was weakened (unless `--allow-redefined`).
    #[serde(skip)]
    pub fails_gate: bool,
    /// Worse, better, changed or unchanged (FORMAT.md r3 "Baseline
    /// change"), decided once in the analysis so that every format says
    /// the same.
    #[serde(skip)]
    pub trend: Trend,
}

/// How a need moved since its baseline (FORMAT.md r3 "Baseline change"):
/// only a difference in have, shortfall, renew or the exact fraction of
/// coverage counts. In the order a comparison lists needs, worse first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Trend {
    Worse,
    Better,
    Changed,
    Unchanged,
}

impl NeedBaseline {
    /// Anything differs from the baseline.
    pub fn changed(&self) -> bool {
        self.change.have != 0
            || self.change.shortfall != 0
            || self.change.renew != 0
            || self.change.coverage != 0.0
            || !self.redefined.is_empty()
    }
}

/// Now minus then.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, schemars::JsonSchema)]
pub struct NeedChange {
    pub have: i64,
    pub shortfall: i64,
    #[serde(rename = "renew_count")]
    pub renew: i64,
    pub coverage: f64,
}

/// A total then and now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ThenNow {
    #[serde(rename = "shortfall_then")]
    pub then: u64,
    #[serde(rename = "shortfall_now")]
    pub now: u64,
}

/// The top-level `baseline` of a gap comparison.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct GapBaseline {
    /// The baseline's reference date; null when there is no baseline yet.
    pub as_of: Option<String>,
    /// Needs in today's report only, by id, in report order.
    pub new: Vec<String>,
    /// Needs in the baseline only, as it had them, in its order.
    pub removed: Vec<EarlierNeed>,
    /// The total shortfall of every need then (removed ones too) and now.
    /// Written flattened, as `shortfall_then` and `shortfall_now` (schema
    /// version 2: `then` and `now` are progress's states of a need).
    #[serde(flatten)]
    pub shortfall: ThenNow,
    /// Needs in both with a shortfall then and none now, unless only
    /// because the need was weakened (a lower level or count, ...).
    pub closed: Vec<String>,
    /// Needs in both with no shortfall then and one now.
    pub opened: Vec<String>,
    /// Needs in both whose coverage fell or whose shortfall grew.
    pub regressions: Vec<String>,
    /// Needs in both whose definition changed (skill, unit, role, level,
    /// count or priority), in report order.
    pub redefined: Vec<String>,
    /// Needs of the baseline that today's `--priority` or `--unit` leaves
    /// out but the organisation still has: not removed, not listed.
    pub filtered: Vec<String>,
    /// The gate of `--fail-on-regression` and the needs that fail it; null
    /// without `--fail-on-regression`.
    pub gate: Option<GateResult>,
}

/// `--fail-on-regression[=PRIORITY]`'s verdict: the gate asked for, and
/// every need (by id) that fails it, removed ones included.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct GateResult {
    #[serde(flatten)]
    pub gate: Gate,
    pub failing: Vec<String>,
}

/// `gap --baseline`: today's report, each need's baseline (None: a new
/// need), in the report's order, and the summary.
#[derive(Debug, Clone)]
pub struct GapComparison {
    pub now: GapReport,
    /// One per `now.needs`, in order.
    pub baselines: Vec<Option<NeedBaseline>>,
    pub summary: GapBaseline,
}

impl GapComparison {
    /// `--fail-on-regression`: does any need fail the gate?
    pub fn regressed(&self) -> bool {
        self.summary
            .gate
            .as_ref()
            .is_some_and(|g| !g.failing.is_empty())
    }

    /// Each need with its baseline.
    pub fn rows(&self) -> impl Iterator<Item = (&NeedGap, Option<&NeedBaseline>)> {
        self.now
            .needs
            .iter()
            .zip(self.baselines.iter().map(Option::as_ref))
    }
}

/// A row of a report and its baseline, as JSON writes it.
#[derive(Serialize)]
struct WithBaseline<'a, T, B> {
    #[serde(flatten)]
    row: &'a T,
    baseline: Option<&'a B>,
}

/// The gap report's fields (as `GapReport` serialises them), each need
/// with its baseline, and the summary last.
#[derive(Serialize)]
struct GapView<'a> {
    organisation: &'a str,
    as_of: Date,
    mix: LearningMix,
    needs: Vec<WithBaseline<'a, NeedGap, NeedBaseline>>,
    totals: &'a GapTotals,
    baseline: &'a GapBaseline,
}

impl Serialize for GapComparison {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let r = &self.now;
        GapView {
            organisation: &r.organisation,
            as_of: r.as_of,
            mix: r.mix,
            needs: self
                .rows()
                .map(|(row, baseline)| WithBaseline { row, baseline })
                .collect(),
            totals: &r.totals,
            baseline: &self.summary,
        }
        .serialize(serializer)
    }
}

impl ReportKind for GapComparison {
    /// Still a gap report: it can be the next run's baseline.
    fn kind(&self) -> &'static str {
        self.now.kind()
    }
}

/// An earlier balance: who it was for, when, and its skills.
#[derive(Debug, Clone, PartialEq)]
pub struct EarlierBalance {
    pub organisation: String,
    /// None: no baseline yet, every skill new.
    pub as_of: Option<String>,
    pub skills: Vec<EarlierSkill>,
}

impl EarlierBalance {
    /// No baseline yet (issue 30): every skill new.
    pub fn nothing(organisation: &str) -> EarlierBalance {
        EarlierBalance {
            organisation: organisation.to_string(),
            as_of: None,
            skills: Vec::new(),
        }
    }
}

/// One skill of an earlier balance.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct EarlierSkill {
    pub skill: String,
    pub name: Option<String>,
    /// People at each level, 0 to top.
    pub levels: Vec<u64>,
    #[serde(rename = "people_count")]
    pub people: u64,
    #[serde(rename = "assessed_count")]
    pub assessed: u64,
}

/// A skill's balance then and its change since (now minus then).
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct SkillBaseline {
    pub levels: Vec<u64>,
    #[serde(rename = "people_count")]
    pub people: u64,
    #[serde(rename = "assessed_count")]
    pub assessed: u64,
    pub change: SkillChange,
    /// The lowest level >= 1 at or above which fewer people stand than
    /// then (a cumulative count fell), if any.
    #[serde(skip)]
    pub regression: Option<Level>,
}

impl SkillBaseline {
    pub fn changed(&self) -> bool {
        self.change.people != 0
            || self.change.assessed != 0
            || self.change.levels.iter().any(|&d| d != 0)
    }
}

/// Now minus then; `levels` as long as the longer scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct SkillChange {
    pub levels: Vec<i64>,
    #[serde(rename = "people_count")]
    pub people: i64,
    #[serde(rename = "assessed_count")]
    pub assessed: i64,
}

/// The top-level `baseline` of a balance comparison.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct BalanceBaseline {
    /// Null when there is no baseline yet.
    pub as_of: Option<String>,
    /// Skills in today's balance only.
    pub new: Vec<String>,
    /// Skills in the baseline only, as it had them.
    pub removed: Vec<EarlierSkill>,
    /// Skills with fewer people at or above some level >= 1 than then.
    pub regressions: Vec<String>,
}

/// `balance --baseline`: today's balance, each skill's baseline (None: a
/// new skill), and the summary.
#[derive(Debug, Clone)]
pub struct BalanceComparison {
    pub now: BalanceReport,
    /// One per `now.skills`, in order.
    pub baselines: Vec<Option<SkillBaseline>>,
    pub summary: BalanceBaseline,
}

impl BalanceComparison {
    pub fn regressed(&self) -> bool {
        !self.summary.regressions.is_empty()
    }

    pub fn rows(&self) -> impl Iterator<Item = (&SkillBalance, Option<&SkillBaseline>)> {
        self.now
            .skills
            .iter()
            .zip(self.baselines.iter().map(Option::as_ref))
    }
}

/// The balance's fields (as `BalanceReport` serialises them), each
/// top-level skill with its baseline, and the summary last.
#[derive(Serialize)]
struct BalanceView<'a> {
    organisation: &'a str,
    as_of: Date,
    scale: &'a [String],
    skills: Vec<WithBaseline<'a, SkillBalance, SkillBaseline>>,
    units: &'a [UnitBalance],
    freshness: &'a FreshnessReport,
    key_people: &'a [KeyPerson],
    arriving: &'a [Movement],
    leaving: &'a [Movement],
    calibration: &'a [Calibration],
    due: &'a DueList,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    phase_out: &'a [PhaseOut],
    baseline: &'a BalanceBaseline,
}

impl Serialize for BalanceComparison {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let r = &self.now;
        BalanceView {
            organisation: &r.organisation,
            as_of: r.as_of,
            scale: &r.scale,
            skills: self
                .rows()
                .map(|(row, baseline)| WithBaseline { row, baseline })
                .collect(),
            units: &r.units,
            freshness: &r.freshness,
            key_people: &r.key_people,
            arriving: &r.arriving,
            leaving: &r.leaving,
            calibration: &r.calibration,
            due: &r.due,
            phase_out: &r.phase_out,
            baseline: &self.summary,
        }
        .serialize(serializer)
    }
}

impl ReportKind for BalanceComparison {
    fn kind(&self) -> &'static str {
        self.now.kind()
    }
}
