//! The JSON Schema of org.toml (`kompetanse schema`), for editors: Even
//! Better TOML / taplo complete keys, show each key's description and mark
//! a misspelt key or a wrong value as the file is typed.
//!
//! org.toml is read by the hand-written reader in `org` and `org_items`, not
//! by serde, so the types here are a mirror kept only for their schema: a
//! doc comment becomes a `description`, `deny_unknown_fields` becomes
//! `additionalProperties: false`. They are never built. The unit tests
//! below hold every table's keys equal to the lists the loader accepts, and
//! the numeric bounds are the loader's own constants; tests/schema.rs
//! validates every example and `init`'s output against the schema. The
//! schema does not replace the loader's checks (references between ids,
//! sums, level names from `[scale]`): it cannot, and must not contradict them.

// The mirror types exist only for `JsonSchema`: nothing builds or reads them.
#![allow(dead_code)]

use std::borrow::Cow;
use std::collections::BTreeMap;

use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use crate::load::org::{HOURS_PER_YEAR, MAX_AGE_MONTHS, MAX_MENTEES, MONEY, PERCENT};
use crate::load::org_items::{ACTIVITY_HOURS, HOURS_PER_LEVEL, NEED_COUNT};

/// The schema of org.toml as pretty-printed JSON (draft-07), ending in a
/// newline.
pub fn org_schema_json() -> String {
    let settings = SchemaSettings::draft07().with(|s| {
        // One self-contained tree: editors and readers need not follow $refs.
        s.inline_subschemas = true;
    });
    let mut generator = settings
        .with_transform(RecursiveTransform(tidy))
        .into_generator();
    let schema = generator.root_schema_for::<OrgToml>();
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// TOML has no null, and Rust's integer widths mean nothing to a TOML
/// editor: drop `null` from optional keys' types and the `format`s
/// (`uint32`) schemars adds to integers.
fn tidy(schema: &mut Schema) {
    schema.remove("format");
    if let Some(serde_json::Value::Array(types)) = schema.get_mut("type") {
        types.retain(|t| t != "null");
        if let [only] = &types[..] {
            let only = only.clone();
            schema.insert("type".into(), only);
        }
    }
    if let Some(serde_json::Value::Array(values)) = schema.get_mut("enum") {
        values.retain(|v| !v.is_null());
    }
    if let Some(serde_json::Value::Array(any)) = schema.get_mut("anyOf") {
        any.retain(|s| s.get("type").is_none_or(|t| t != "null"));
    }
}

/// A date: TOML's own (2027-06-30, which editors hand to the schema as a
/// string) or a quoted Norwegian one ("30.06.2027", "1.7.2027").
const DATE_PATTERN: &str = r"^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4})$";
/// A learning mix in percentages, experience-social-formal: "70-20-10".
const MIX_PATTERN: &str = r"^\s*[0-9]{1,3}\s*[-/,]\s*[0-9]{1,3}\s*[-/,]\s*[0-9]{1,3}\s*$";
/// A skill id, which the loader holds to letters of any script, digits,
/// `_`, `.` and `-`: at least, no spaces. (Role and driver ids are not
/// checked so, so the schema does not check them either.)
const ID_PATTERN: &str = r"^[^\s]+$";

/// A date as org.toml accepts it.
struct DateValue;

impl JsonSchema for DateValue {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "pattern": DATE_PATTERN })
    }
}

/// A level: a whole number from `MIN` (0 is "none") or a level name from
/// `[scale]` (which the schema cannot know).
struct LevelValue<const MIN: u32>;

impl<const MIN: u32> JsonSchema for LevelValue<MIN> {
    fn schema_name() -> Cow<'static, str> {
        format!("Level{MIN}").into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "anyOf": [
                { "type": "integer", "minimum": MIN },
                { "type": "string", "minLength": 1 }
            ]
        })
    }
}

/// One path or a list of paths.
struct PathsValue;

impl JsonSchema for PathsValue {
    fn schema_name() -> Cow<'static, str> {
        "Paths".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "anyOf": [
                { "type": "string", "minLength": 1 },
                { "type": "array", "items": { "type": "string", "minLength": 1 } }
            ]
        })
    }
}

/// The whole file.
#[derive(JsonSchema)]
#[schemars(
    deny_unknown_fields,
    title = "kompetanse organisation (org.toml)",
    description = "An organisation for kompetanse, the competence gap analyser: its skill catalogue, roles, forward-looking needs and learning activities, and the people and assessment files it reads. Paths are relative to this file. See docs/format.md."
)]
struct OrgToml {
    /// The organisation's name and reference date.
    organisation: Option<Organisation>,
    /// The level scale, lowest first; level 0 is "none". Default: none, basic, working, advanced, expert.
    scale: Option<Scale>,
    /// The learning mix that splits development effort into experience, social and formal learning, and the effort per level.
    mix: Option<Mix>,
    /// When an assessment is stale (still counted, but flagged).
    freshness: Option<Freshness>,
    /// Learning time a person can spend per year; plans schedule goals within it.
    capacity: Option<Capacity>,
    /// How development plans are made.
    plan: Option<Plan>,
    /// Several sources of one person's level (self, manager, certificate): which one counts, and when self and manager are far enough apart for a competence talk.
    assessment: Option<Assessment>,
    /// Money, for budgets (the økonomiplan): the cost of an hour of learning time (per mode if wished) and of one recruitment. Absent: no cost appears anywhere.
    cost: Option<Cost>,
    /// The files with people and their assessed levels (CSV, XLSX, XLSM or ODS).
    profiles: Option<Profiles>,
    /// Declared units (optional). When any is declared, units are a closed list: every unit used must be declared or be a parent of one.
    unit: Option<Vec<Unit>>,
    /// Strategic drivers that needs refer to.
    driver: Option<Vec<Driver>>,
    /// The skill catalogue: one or more skills.
    #[schemars(length(min = 1))]
    skill: Vec<Skill>,
    /// Roles and the levels they require of each skill (the individual perspective).
    role: Option<Vec<Role>>,
    /// The organisation's forward-looking needs: so many people at or above a level in a skill.
    need: Option<Vec<Need>>,
    /// The learning-activity catalogue plans suggest from. Absent: the built-in catalogue (hospitering, mentorordning, kompetansetorg, kurs ...).
    activity: Option<Vec<Activity>>,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Organisation {
    /// The organisation's name, shown in every report. Default: the folder's name.
    name: Option<String>,
    /// Reference date for expiry, staleness and deadlines (YYYY-MM-DD, or quoted DD.MM.YYYY). Default: today; --as-of overrides it.
    as_of: Option<DateValue>,
    /// The language the organisation's files are written in: "nb", "nn" or "en". An HTML page in the other language marks the organisation's names with it (for screen readers).
    #[schemars(regex(pattern = "^(nb|nn|en|no)$"))]
    language: Option<String>,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Scale {
    /// Level names, lowest first, the first being level 0 ("none"); 2 to 101 names, none of them a number.
    #[schemars(length(min = 2, max = 101), inner(length(min = 1)))]
    levels: Option<Vec<String>>,
    /// What each level means in general, lowest first, one text per level (shown on assessment forms and personal pages).
    #[schemars(length(min = 2, max = 101))]
    descriptions: Option<Vec<String>>,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Mix {
    /// A named learning mix: "70-20-10" (default) or "40-50-10". Give either this or experience, social and formal.
    preset: Option<Preset>,
    /// Percentage of development effort learnt by experience (on the job); with social and formal, sums to 100.
    #[schemars(range(min = PERCENT.0, max = PERCENT.1))]
    experience: Option<i64>,
    /// Percentage learnt socially (mentors, networks, the competence marketplace); with experience and formal, sums to 100.
    #[schemars(range(min = PERCENT.0, max = PERCENT.1))]
    social: Option<i64>,
    /// Percentage learnt formally (courses, certification); with experience and social, sums to 100.
    #[schemars(range(min = PERCENT.0, max = PERCENT.1))]
    formal: Option<i64>,
    /// Hours of effort to raise one person one level. Default 40; a skill's own hours_per_level overrides it.
    #[schemars(range(min = HOURS_PER_LEVEL.0, max = HOURS_PER_LEVEL.1))]
    hours_per_level: Option<i64>,
    /// How many levels a person may be developed to meet a need (default 2); at most the scale's top level.
    #[schemars(range(min = 0))]
    max_steps: Option<i64>,
}

/// A named learning mix.
#[derive(JsonSchema)]
enum Preset {
    #[schemars(rename = "70-20-10")]
    SeventyTwentyTen,
    #[schemars(rename = "40-50-10")]
    FortyFiftyTen,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Freshness {
    /// An assessment older than this many months is stale (default 24).
    #[schemars(range(min = MAX_AGE_MONTHS.0, max = MAX_AGE_MONTHS.1))]
    max_age_months: Option<i64>,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Capacity {
    /// Learning hours per person per year; people.csv's capacity column overrides it per person. Absent: unlimited.
    #[schemars(range(min = HOURS_PER_YEAR.0, max = HOURS_PER_YEAR.1))]
    hours_per_year: Option<i64>,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Plan {
    /// How many goals one person mentors at most (default 3); 0 = no mentor suggestions.
    #[schemars(range(min = MAX_MENTEES.0, max = MAX_MENTEES.1))]
    max_mentees: Option<i64>,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Assessment {
    /// Sources in order of trust, e.g. ["certificate", "manager", "self"]: the earliest listed source's latest assessment counts, whatever its date; a source not listed comes after every listed one. Compared ignoring case; selv and leder are self and manager. Absent: the latest assessment counts, whatever its source.
    #[schemars(length(min = 1))]
    prefer: Option<Vec<String>>,
    /// Self and manager levels this many levels apart or more are listed for a competence talk (kompetansedrøfting). Default 2.
    #[schemars(range(min = 1, max = 100))]
    calibrate_at: Option<i64>,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Cost {
    /// The currency's label in reports, e.g. "NOK" (default) or "kr"; amounts are never converted.
    #[schemars(length(min = 1))]
    currency: Option<String>,
    /// The cost of one hour of learning time, in every mode without its own hour cost. Default 0.
    #[schemars(range(min = MONEY.0, max = MONEY.1))]
    hour: Option<i64>,
    /// The cost of one hour of learning by experience (hospitering, pilots); overrides hour.
    #[schemars(range(min = MONEY.0, max = MONEY.1))]
    experience_hour: Option<i64>,
    /// The cost of one hour of social learning (mentoring, networks); overrides hour.
    #[schemars(range(min = MONEY.0, max = MONEY.1))]
    social_hour: Option<i64>,
    /// The cost of one hour of formal training (courses); overrides hour.
    #[schemars(range(min = MONEY.0, max = MONEY.1))]
    formal_hour: Option<i64>,
    /// The cost of one recruitment (rekruttering/innleie). Default 0.
    #[schemars(range(min = MONEY.0, max = MONEY.1))]
    recruit: Option<i64>,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Profiles {
    /// The people file (columns id, name, unit, role, capacity, starts, leaves); a workbook's sheet after '#': "kartlegging.xlsx#Ansatte".
    #[schemars(length(min = 1))]
    people: Option<String>,
    /// One or more assessment files, long format (a skill column) or wide (a skills matrix, one column per skill).
    assessments: Option<PathsValue>,
    /// The activity log, one or more files (columns person, hours, date, skill, activity, mode; Norwegian headers too): the learning activities people did, for hours done, effect and reach. A pattern such as "svar/*.xlsx" names every matching file.
    activities: Option<PathsValue>,
    /// Read profile files outside org.toml's folder (after links are resolved); refused by default, since a pull request's org.toml could name any file on the machine. Same as --allow-outside.
    allow_outside: Option<bool>,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Unit {
    /// The unit's path, levels separated by '/': "helse/sykehjem". Its parents are declared with it.
    #[schemars(length(min = 1))]
    id: String,
    /// Display name.
    name: Option<String>,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Driver {
    /// Unique id that needs name in their driver key.
    #[schemars(length(min = 1))]
    id: String,
    /// Display name. Default: the id.
    name: Option<String>,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Skill {
    /// Unique id: letters of any script (æøå too), digits, '_', '.' and '-'. Also the skill's column header in a skills matrix.
    #[schemars(regex(pattern = ID_PATTERN))]
    id: String,
    /// Display name, also accepted as the skill's column header in a skills matrix. Default: the id.
    name: Option<String>,
    /// Breadth competence (breddekompetanse, default) or specialist competence (spisskompetanse): decides which learning activities fit.
    kind: Option<SkillKind>,
    /// Free-text group for reports (e.g. "Helsefag").
    group: Option<String>,
    /// Hours to raise one person one level in this skill; overrides [mix].hours_per_level.
    #[schemars(range(min = HOURS_PER_LEVEL.0, max = HOURS_PER_LEVEL.1))]
    hours_per_level: Option<i64>,
    /// Hours to renew a time-limited level (a certificate that expires). Default: the skill's hours_per_level.
    #[schemars(range(min = 0, max = HOURS_PER_LEVEL.1))]
    renew_hours: Option<i64>,
    /// This skill's own learning mix, a preset or experience-social-formal percentages summing to 100 ("0-0-100" for a pure course).
    #[schemars(regex(pattern = MIX_PATTERN))]
    mix: Option<String>,
    /// Reference URI in ESCO (http://data.europa.eu/esco/skill/...).
    #[schemars(regex(pattern = r"^https?://"))]
    esco: Option<String>,
    /// What the skill is, shown on assessment forms and personal pages.
    description: Option<String>,
    /// What each level means for this skill, lowest first, one text per level of the scale.
    #[schemars(length(min = 2, max = 101))]
    levels: Option<Vec<String>>,
    /// The fee of formal training (a course, a certificate) per level gained, and per renewal; counted with [cost].
    #[schemars(range(min = MONEY.0, max = MONEY.1))]
    course_fee: Option<i64>,
    /// Competence the organisation is winding down (KS: avvikle): balance lists its holders, and no need may name it.
    phase_out: Option<bool>,
}

/// Breadth or specialist competence.
#[derive(JsonSchema)]
#[schemars(rename_all = "lowercase")]
enum SkillKind {
    Breadth,
    Specialist,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Role {
    /// Unique id; people.csv's role column names it.
    #[schemars(length(min = 1))]
    id: String,
    /// Display name. Default: the id.
    name: Option<String>,
    /// Target level per skill id: { "førstehjelp" = 2, dokumentasjon = "god" } (quote ids with letters beyond a-z).
    requires: Option<BTreeMap<String, LevelValue<0>>>,
    /// Job titles in the people file's role column (stilling) that mean this role, matched ignoring case.
    titles: Option<Vec<String>>,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Need {
    /// Unique id. Default: "<skill>@<unit or *>", plus "#<role>" when scoped to a role.
    #[schemars(length(min = 1))]
    id: Option<String>,
    /// The skill id needed.
    skill: String,
    /// Minimum level, a number from 1 or a level name.
    level: LevelValue<1>,
    /// People needed at or above that level.
    #[schemars(range(min = NEED_COUNT.0, max = NEED_COUNT.1))]
    count: i64,
    /// Scope: this unit and every unit below it. Default: the whole organisation.
    #[schemars(length(min = 1))]
    unit: Option<String>,
    /// Scope: only people in this role. Default: any role.
    role: Option<String>,
    /// Priority (default "medium"); reports list needs by it.
    priority: Option<Priority>,
    /// Deadline: the need's horizon. People leaving before it do not count; certificates expiring before it must be renewed.
    by: Option<DateValue>,
    /// The [[driver]] id this need serves.
    driver: Option<String>,
}

/// How urgent a need is.
#[derive(JsonSchema)]
#[schemars(rename_all = "lowercase")]
enum Priority {
    Critical,
    High,
    Medium,
    Low,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Activity {
    /// The activity's name as plans show it ("Hospitering", "Mentorordning").
    #[schemars(length(min = 1))]
    name: String,
    /// The part of the learning mix it serves: experience (on the job), social (from others) or formal (courses).
    mode: Mode,
    /// The kind of skill it fits (default "any").
    kind: Option<ActivityKind>,
    /// Mandatory for everyone developed in a fitting skill (default false).
    mandatory: Option<bool>,
    /// Skill ids it fits; empty or absent: any skill of its kind.
    skills: Option<Vec<String>>,
    /// Typical effort in hours.
    #[schemars(range(min = ACTIVITY_HOURS.0, max = ACTIVITY_HOURS.1))]
    hours: Option<i64>,
}

/// The three ways of learning (70-20-10).
#[derive(JsonSchema)]
#[schemars(rename_all = "lowercase")]
enum Mode {
    Experience,
    Social,
    Formal,
}

/// The kind of skill an activity fits.
#[derive(JsonSchema)]
#[schemars(rename_all = "lowercase")]
enum ActivityKind {
    Breadth,
    Specialist,
    Any,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::org::{
        ASSESSMENT_KEYS, CAPACITY_KEYS, COST_KEYS, DRIVER_KEYS, FRESHNESS_KEYS, MIX_KEYS,
        ORGANISATION_KEYS, PLAN_KEYS, PROFILES_KEYS, ROLE_KEYS, SCALE_KEYS, TOP_KEYS,
    };
    use crate::load::org_items::{ACTIVITY_KEYS, NEED_KEYS, SKILL_KEYS, UNIT_KEYS};
    use serde_json::Value;

    fn schema() -> Value {
        serde_json::from_str(&org_schema_json()).unwrap()
    }

    /// The sorted property names of the object schema at `pointer`.
    fn keys(schema: &Value, pointer: &str) -> Vec<String> {
        let object = schema
            .pointer(pointer)
            .unwrap_or_else(|| panic!("{pointer}"));
        assert_eq!(
            object["additionalProperties"],
            Value::Bool(false),
            "{pointer} must reject unknown keys"
        );
        let mut names: Vec<String> = object["properties"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        names.sort();
        names
    }

    fn sorted(list: &[&str]) -> Vec<String> {
        let mut names: Vec<String> = list.iter().map(|s| s.to_string()).collect();
        names.sort();
        names
    }

    #[test]
    fn every_table_has_the_keys_the_loader_accepts() {
        let schema = schema();
        let tables: [(&str, &[&str]); 16] = [
            ("", TOP_KEYS),
            ("/properties/organisation", ORGANISATION_KEYS),
            ("/properties/scale", SCALE_KEYS),
            ("/properties/mix", MIX_KEYS),
            ("/properties/freshness", FRESHNESS_KEYS),
            ("/properties/capacity", CAPACITY_KEYS),
            ("/properties/plan", PLAN_KEYS),
            ("/properties/assessment", ASSESSMENT_KEYS),
            ("/properties/cost", COST_KEYS),
            ("/properties/profiles", PROFILES_KEYS),
            ("/properties/unit/items", UNIT_KEYS),
            ("/properties/driver/items", DRIVER_KEYS),
            ("/properties/skill/items", SKILL_KEYS),
            ("/properties/role/items", ROLE_KEYS),
            ("/properties/need/items", NEED_KEYS),
            ("/properties/activity/items", ACTIVITY_KEYS),
        ];
        for (pointer, loader) in tables {
            assert_eq!(keys(&schema, pointer), sorted(loader), "at '{pointer}'");
        }
    }

    /// Every key, at every depth, carries a description for the editor.
    #[test]
    fn every_key_is_described() {
        fn walk(value: &Value, at: &str, missing: &mut Vec<String>) {
            let Some(object) = value.as_object() else {
                return;
            };
            if let Some(Value::Object(properties)) = object.get("properties") {
                for (key, property) in properties {
                    let here = format!("{at}.{key}");
                    if property.get("description").is_none() {
                        missing.push(here.clone());
                    }
                    walk(property, &here, missing);
                }
            }
            if let Some(items) = object.get("items") {
                walk(items, at, missing);
            }
        }
        let schema = schema();
        let mut missing = Vec::new();
        walk(&schema, "org.toml", &mut missing);
        assert!(missing.is_empty(), "no description: {missing:?}");
        assert_eq!(schema["title"], "kompetanse organisation (org.toml)");
        assert!(
            schema["description"]
                .as_str()
                .unwrap()
                .contains("skill catalogue")
        );
        assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    }

    #[test]
    fn closed_choices_are_enums() {
        let schema = schema();
        let need = &schema["properties"]["need"]["items"]["properties"];
        // A need asks for level 1 at least; a role may require 0.
        assert_eq!(need["level"]["anyOf"][0]["minimum"], 1);
        let role = &schema["properties"]["role"]["items"]["properties"];
        assert_eq!(
            role["requires"]["additionalProperties"]["anyOf"][0]["minimum"],
            0
        );
        assert_eq!(
            need["priority"]["enum"],
            serde_json::json!(["critical", "high", "medium", "low"])
        );
        assert_eq!(need["count"]["minimum"], 1);
        let skill = &schema["properties"]["skill"]["items"]["properties"];
        assert_eq!(
            skill["kind"]["enum"],
            serde_json::json!(["breadth", "specialist"])
        );
        let mix = &schema["properties"]["mix"]["properties"];
        assert_eq!(
            mix["preset"]["enum"],
            serde_json::json!(["70-20-10", "40-50-10"])
        );
        // No trace of Rust's types or of null, which TOML cannot write.
        let text = org_schema_json();
        assert!(!text.contains("null"), "{text}");
        assert!(!text.contains("\"format\""), "{text}");
        assert!(!text.contains("$ref"), "{text}");
    }
}
