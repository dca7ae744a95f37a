//! The JSON Schemas of the reports (`kompetanse schema --report KIND`,
//! issue 30), generated from the report types with schemars (draft-07),
//! so the schema and the JSON cannot drift apart: each describes the JSON
//! exactly as `render::formats::json` writes it, `schema_version`,
//! `report` and `tool_version` in front, then the report's own fields.
//! Objects are closed (`additionalProperties: false`) and every field that
//! is always written is required, so a renamed or dropped field fails
//! tests/report_schemas.rs, which validates every command's JSON.
//!
//! Most types derive `JsonSchema` next to `Serialize`; here are the few
//! whose JSON is written by hand (`suppressed.rs`, the `--baseline`
//! comparisons, `gap --need`), mirrored by schema-only types that are
//! never built.

// The mirror types exist only for `JsonSchema`: nothing builds them.
#![allow(dead_code)]

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::Value;

use crate::model::{Effort, LearningMix, Priority, SkillKind};
use crate::report::baseline::{BalanceBaseline, GapBaseline, NeedBaseline, SkillBaseline};
use crate::report::kind::{SCHEMA_VERSION, name};
use crate::report::{
    Calibration, CoverageCell, Due, FreshnessReport, GapGroup, GapGroupsReport, GapTotals,
    KeyPerson, MarketReport, MatrixReport, Movement, NeedGap, OverviewReport, PersonGapReport,
    PersonReport, PlanReport, ProgressReport, SkillBalance, TeamReport, UnitBalance, WhoReport,
};

/// The `report` names `--report` takes: every JSON report kind, `need`
/// (`gap --need ID`, one need's object) and `check` (one line of
/// `--diagnostics json`, which has no `schema_version` of its own).
pub const KINDS: &[&str] = &[
    name::GAP,
    name::GAP_BY_PERSON,
    name::GAP_BY_UNIT,
    name::GAP_BY_SKILL,
    name::GAP_BY_DRIVER,
    name::PLAN,
    name::BALANCE,
    name::PROGRESS,
    name::MARKET,
    name::PERSON,
    name::TEAM,
    name::WHO,
    name::MATRIX,
    name::REPORT,
    NEED,
    CHECK,
    BASELINE,
];

/// `gap --need ID`'s `report`.
pub const NEED: &str = "need";
/// One diagnostic line of `--diagnostics json` (`check` and every command).
pub const CHECK: &str = "check";
/// A `--baseline` comparison: a `gap` or `balance` report whose `baseline`
/// keys are all there (their schemas have them as optional).
pub const BASELINE: &str = "baseline";

/// The `$id` of a kind's schema: a URN, since the tool has no web home to
/// point at; it names the kind and the contract's version.
pub fn id(kind: &str) -> String {
    format!("urn:kompetanse:schema:{SCHEMA_VERSION}:{kind}")
}

/// A calendar date, `YYYY-MM-DD` (the JSON of `jiff::civil::Date`).
pub struct DateString;

impl JsonSchema for DateString {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        })
    }
}

/// The three fields every report opens with, then the report's own.
#[derive(JsonSchema)]
struct Versioned<T> {
    /// The version of the JSON contract (raised when a field changes meaning).
    schema_version: u32,
    /// What the report is: the command, and for `gap --by` the view.
    report: String,
    /// The package version of the kompetanse that wrote it.
    tool_version: String,
    #[serde(flatten)]
    value: T,
}

/// `gap`, and `gap --baseline` (which adds `baseline` to each need and at
/// the top).
#[derive(JsonSchema)]
struct GapJson {
    organisation: String,
    #[schemars(with = "DateString")]
    as_of: crate::model::Date,
    mix: LearningMix,
    needs: Vec<NeedJson>,
    totals: GapTotals,
    /// `--baseline` only: the comparison's summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    baseline: Option<GapBaseline>,
}

/// One need of `gap`; with `--baseline`, also its `baseline` (null for a
/// need the baseline did not have).
#[derive(JsonSchema)]
struct NeedJson {
    #[serde(flatten)]
    need: NeedGap,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    baseline: Option<Option<NeedBaseline>>,
}

/// `balance`, and `balance --baseline`.
#[derive(JsonSchema)]
struct BalanceJson {
    organisation: String,
    #[schemars(with = "DateString")]
    as_of: crate::model::Date,
    scale: Vec<String>,
    skills: Vec<SkillJson>,
    units: Vec<UnitBalance>,
    freshness: FreshnessReport,
    key_people: Vec<KeyPerson>,
    arriving: Vec<Movement>,
    leaving: Vec<Movement>,
    calibration: Vec<Calibration>,
    due: Vec<Due>,
    /// Skills being wound down (issue 25, KS's avvikle); absent when none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    phase_out: Vec<crate::report::PhaseOut>,
    /// `--baseline` only: the comparison's summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    baseline: Option<BalanceBaseline>,
}

/// One skill of `balance`; with `--baseline`, also its `baseline`.
#[derive(JsonSchema)]
struct SkillJson {
    #[serde(flatten)]
    skill: SkillBalance,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    baseline: Option<Option<SkillBaseline>>,
}

/// A balance skill as `--min-group` may write it: its numbers null.
#[derive(JsonSchema)]
struct MaybeSkill {
    skill: String,
    name: String,
    group: Option<String>,
    kind: SkillKind,
    people_count: u64,
    levels: Option<Vec<u64>>,
    assessed_count: Option<u64>,
    unassessed: Option<u64>,
    stale_count: Option<u64>,
    expired: Option<u64>,
    median: Option<f64>,
    interest_count: Option<u64>,
}

/// Mirror of `UnitBalance`'s hand-written JSON.
#[derive(JsonSchema)]
struct UnitBalanceJson {
    unit: String,
    people_count: u64,
    skills: Vec<MaybeSkill>,
    /// Present, and true, when `--min-group` suppressed the unit's numbers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    suppressed: Option<bool>,
}

/// Mirror of `GapGroup`'s hand-written JSON.
#[derive(JsonSchema)]
struct GapGroupJson {
    key: Option<String>,
    name: Option<String>,
    needs_count: Option<usize>,
    unmet: Option<usize>,
    coverage: Option<f64>,
    shortfall: Option<u64>,
    renew_count: Option<usize>,
    develop_count: Option<usize>,
    recruit_count: Option<u64>,
    effort: Option<Effort>,
    /// KS's measures, summed (issue 25).
    measures: Option<crate::report::Measures>,
    /// The group's cost, only with `[cost]` (issue 25).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cost: Option<crate::model::Money>,
    at_risk: Option<Priority>,
    /// Present, and true, when `--min-group` suppressed the group's numbers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    suppressed: Option<bool>,
}

/// Mirror of `CoverageCell`'s hand-written JSON.
#[derive(JsonSchema)]
struct CoverageCellJson {
    people_count: u64,
    have: Option<u64>,
    demand: Option<u64>,
    coverage: Option<f64>,
    /// Present, and true, when `--min-group` suppressed the cell's numbers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    suppressed: Option<bool>,
}

macro_rules! mirrored {
    ($($real:ty => $mirror:ty),* $(,)?) => {
        $(impl JsonSchema for $real {
            fn schema_name() -> Cow<'static, str> {
                <$mirror>::schema_name()
            }

            fn json_schema(generator: &mut SchemaGenerator) -> Schema {
                <$mirror>::json_schema(generator)
            }
        })*
    };
}

mirrored! {
    UnitBalance => UnitBalanceJson,
    GapGroup => GapGroupJson,
    CoverageCell => CoverageCellJson,
}

/// Closes every object: a field the schema does not name is an error, so
/// the schema says exactly what the JSON has.
fn close(schema: &mut Schema) {
    if schema.get("properties").is_some() && schema.get("additionalProperties").is_none() {
        schema.insert("additionalProperties".into(), Value::Bool(false));
    }
    // Rust's integer widths mean nothing to a reader of the JSON.
    if schema.get("format").and_then(Value::as_str) != Some("date") {
        schema.remove("format");
    }
}

/// The schema of a comparison: `gap`'s or `balance`'s, with `baseline`
/// required at the top and in every row (null for a row the baseline did
/// not have).
fn comparison(kind: &str, rows: &str) -> Option<Value> {
    let mut schema = report_schema(kind)?;
    let require = |object: &mut Value| {
        if let Some(Value::Array(required)) = object.get_mut("required") {
            required.push(Value::String("baseline".into()));
        }
    };
    require(&mut schema);
    require(schema.pointer_mut(&format!("/properties/{rows}/items"))?);
    let object = schema.as_object_mut()?;
    for key in ["$schema", "$id", "title", "schema_version"] {
        object.remove(key);
    }
    Some(schema)
}

/// The schema of one report kind (one of [`KINDS`]) as a JSON value, or
/// None for a kind there is none of.
pub fn report_schema(kind: &str) -> Option<Value> {
    if kind == BASELINE {
        return Some(serde_json::json!({
            "$schema": "http://json-schema.org/draft-07/schema#",
            "$id": id(BASELINE),
            "title": "kompetanse --baseline comparison (JSON): a gap or balance report with its baseline keys",
            "schema_version": SCHEMA_VERSION,
            "anyOf": [comparison(name::GAP, "needs")?, comparison(name::BALANCE, "skills")?],
        }));
    }
    let settings = SchemaSettings::draft07().for_serialize().with(|s| {
        // One self-contained tree: readers need not follow $refs.
        s.inline_subschemas = true;
    });
    let mut generator = settings
        .with_transform(RecursiveTransform(close))
        .into_generator();
    let mut schema = match kind {
        name::GAP => generator.root_schema_for::<Versioned<GapJson>>(),
        name::GAP_BY_PERSON => generator.root_schema_for::<Versioned<PersonGapReport>>(),
        name::GAP_BY_UNIT | name::GAP_BY_SKILL | name::GAP_BY_DRIVER => {
            generator.root_schema_for::<Versioned<GapGroupsReport>>()
        }
        name::PLAN => generator.root_schema_for::<Versioned<PlanReport>>(),
        name::BALANCE => generator.root_schema_for::<Versioned<BalanceJson>>(),
        name::PROGRESS => generator.root_schema_for::<Versioned<ProgressReport>>(),
        name::MARKET => generator.root_schema_for::<Versioned<MarketReport>>(),
        name::PERSON => generator.root_schema_for::<Versioned<PersonReport>>(),
        name::TEAM => generator.root_schema_for::<Versioned<TeamReport>>(),
        name::WHO => generator.root_schema_for::<Versioned<WhoReport>>(),
        name::MATRIX => generator.root_schema_for::<Versioned<MatrixReport>>(),
        name::REPORT => generator.root_schema_for::<Versioned<OverviewReport>>(),
        NEED => generator.root_schema_for::<Versioned<NeedGap>>(),
        CHECK => generator.root_schema_for::<crate::diagnostics::formats::Annotation<'static>>(),
        _ => return None,
    };
    let object = schema.ensure_object();
    object.insert("$id".into(), Value::String(id(kind)));
    object.insert(
        "title".into(),
        Value::String(format!("kompetanse {kind} report (JSON)")),
    );
    // The contract's version, also where a reader of the schema alone looks.
    object.insert("schema_version".into(), Value::from(SCHEMA_VERSION));
    if kind != CHECK {
        let properties = object
            .get_mut("properties")
            .and_then(Value::as_object_mut)?;
        properties.insert(
            "schema_version".into(),
            serde_json::json!({ "const": SCHEMA_VERSION }),
        );
        properties.insert("report".into(), serde_json::json!({ "const": kind }));
        if let Some(by) = match kind {
            name::GAP_BY_UNIT => Some("unit"),
            name::GAP_BY_SKILL => Some("skill"),
            name::GAP_BY_DRIVER => Some("driver"),
            _ => None,
        } {
            properties.insert("grouped_by".into(), serde_json::json!({ "const": by }));
        }
    }
    Some(schema.to_value())
}

/// [`report_schema`] as pretty-printed JSON ending in a newline.
pub fn report_schema_json(kind: &str) -> Option<String> {
    let schema = report_schema(kind)?;
    let mut text = serde_json::to_string_pretty(&schema).ok()?;
    text.push('\n');
    Some(text)
}
