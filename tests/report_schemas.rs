//! Issue 30, "Output schemas": every command's JSON, on both shipped
//! examples and a generated edge-case organisation, validates against
//! `kompetanse schema --report KIND`; and across all of those outputs no
//! field name has two JSON types (a count beside a list, a date beside a
//! word), so a generic `jq '.. | .renew_count? | numbers'` holds.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use assert_cmd::cargo::CommandCargoExt;
use serde_json::Value;

const AS_OF: &str = "2026-11-26";

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn kompetanse(dir: &Path, args: &[&str]) -> Output {
    Command::cargo_bin("kompetanse")
        .expect("the binary is built")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("run kompetanse")
}

/// Runs the generator example (built by cargo, in this test's profile).
fn generate_edge_cases(dir: &Path) {
    let mut cmd = Command::new(env!("CARGO"));
    cmd.current_dir(manifest_dir())
        .args(["run", "--quiet", "--example", "generate"]);
    if !cfg!(debug_assertions) {
        cmd.arg("--release");
    }
    cmd.arg("--")
        .args(["--people", "300", "--skills", "12", "--needs", "40"])
        .args(["--seed", "7", "--edge-cases", "--out"])
        .arg(dir);
    let out = cmd.output().expect("cargo run --example generate");
    assert!(
        out.status.success(),
        "generator failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// One command's JSON: what ran, the schema kind it claims, the value.
struct Written {
    command: String,
    kind: String,
    value: Value,
}

/// Runs the command `args[0]` on ORG with the rest of `args` (and
/// `--as-of`), and reads its JSON.
fn json(dir: &Path, org: &Path, args: &[&str]) -> Written {
    let org = org.to_str().unwrap();
    let mut all: Vec<&str> = vec![args[0], org];
    all.extend(&args[1..]);
    all.extend(["--as-of", AS_OF, "-f", "json", "-q"]);
    let out = kompetanse(dir, &all);
    let command = format!("kompetanse {}", all.join(" "));
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{command}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let value: Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{command}: not JSON: {e}"));
    let kind = value["report"].as_str().unwrap_or_default().to_string();
    Written {
        command,
        kind,
        value,
    }
}

/// Every JSON output of every command, on every organisation. Run once and
/// shared by the tests below (the generator and 60-odd runs take a while).
fn outputs() -> &'static [Written] {
    static OUTPUTS: OnceLock<Vec<Written>> = OnceLock::new();
    OUTPUTS.get_or_init(|| {
        let work = tempfile::tempdir().unwrap();
        let edge = work.path().join("edge");
        generate_edge_cases(&edge);
        let orgs = [
            manifest_dir().join("examples/virksomhet-x/org.toml"),
            manifest_dir().join("examples/nordvik-kommune/org.toml"),
            edge.join("org.toml"),
        ];
        let mut all = Vec::new();
        for org in &orgs {
            let dir = work.path();
            let views: Vec<Written> = [
                &["gap"][..],
                &["gap", "--by", "person"],
                &["gap", "--by", "unit"],
                &["gap", "--by", "skill"],
                &["gap", "--by", "driver"],
                &["gap", "--by", "unit", "--min-group", "3"],
                &["plan"],
                &["balance"],
                &["balance", "--by", "unit"],
                &["balance", "--by", "unit", "--min-group", "3"],
                &["market"],
                &["progress", "--since", "2026-01-01"],
                &["report"],
            ]
            .iter()
            .map(|view| json(dir, org, view))
            .collect();
            let (gap, plan, units) = (&views[0].value, &views[6].value, &views[8].value);
            let need = gap["needs"][0]["id"].as_str().unwrap().to_string();
            let skill = gap["needs"][0]["skill"].as_str().unwrap().to_string();
            let person = plan["plans"][0]["person"].as_str().unwrap().to_string();
            let unit = units["units"][0]["unit"].as_str().unwrap().to_string();
            let criterion = format!("{skill}>=1");
            all.push(json(dir, org, &["gap", "--need", &need]));
            all.push(json(dir, org, &["report", "--person", &person]));
            all.push(json(dir, org, &["report", "--unit", &unit]));
            all.push(json(dir, org, &["plan", "--mentor", &person]));
            all.push(json(dir, org, &["who", &criterion]));
            all.push(json(dir, org, &["matrix"]));
            all.push(json(dir, org, &["matrix", "--unit", &unit]));
            // --toward adds the person's readiness for another role.
            let role = views[1].value["people"][0]["role"]
                .as_str()
                .unwrap()
                .to_string();
            all.push(json(
                dir,
                org,
                &["gap", "--by", "person", "--toward", &role],
            ));
            all.push(json(
                dir,
                org,
                &["plan", "--person", &person, "--toward", &role],
            ));
            all.extend(views);
            // Baselines: the same commands' JSON a year and a half earlier.
            for command in ["gap", "balance"] {
                let earlier = dir.join(format!("{command}-earlier.json"));
                let out = kompetanse(
                    dir,
                    &[
                        command,
                        org.to_str().unwrap(),
                        "--as-of",
                        "2025-06-01",
                        "-f",
                        "json",
                        "-q",
                    ],
                );
                std::fs::write(&earlier, &out.stdout).unwrap();
                all.push(json(
                    dir,
                    org,
                    &[command, "--baseline", earlier.to_str().unwrap()],
                ));
            }
        }
        all
    })
}

fn schema(kind: &str) -> Value {
    let out = kompetanse(Path::new("."), &["schema", "--report", kind]);
    assert_eq!(out.status.code(), Some(0), "schema --report {kind}");
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn every_output_validates_against_its_schema() {
    let mut validators = BTreeMap::new();
    let mut kinds = BTreeSet::new();
    for written in outputs() {
        kinds.insert(written.kind.clone());
        let validator = validators.entry(written.kind.clone()).or_insert_with(|| {
            jsonschema::draft7::new(&schema(&written.kind)).expect("a valid draft-07 schema")
        });
        let errors: Vec<String> = validator
            .iter_errors(&written.value)
            .take(5)
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "{}:\n{}",
            written.command,
            errors.join("\n")
        );
    }
    // A comparison is also what `schema --report baseline` describes; a
    // report without its baseline keys is not.
    let baseline = jsonschema::draft7::new(&schema("baseline")).expect("a valid schema");
    let mut comparisons = 0;
    for written in outputs() {
        let compared = written.value.get("baseline").is_some();
        assert_eq!(
            baseline.is_valid(&written.value),
            compared,
            "{}",
            written.command
        );
        comparisons += usize::from(compared);
    }
    assert_eq!(comparisons, 6);
    // The schemas are closed: a field they do not name, or an old name,
    // fails.
    let gap = outputs().iter().find(|w| w.kind == "gap").unwrap();
    let validator = &validators["gap"];
    let mut extra = gap.value.clone();
    extra["needs"][0]["renew_list"] = Value::Array(Vec::new());
    assert!(!validator.is_valid(&extra));
    let mut old = gap.value.clone();
    let count = old["totals"]
        .as_object_mut()
        .unwrap()
        .remove("renew_count")
        .unwrap();
    old["totals"]["renew"] = count;
    assert!(!validator.is_valid(&old));
    // Every kind the binary writes was seen.
    let seen: Vec<&str> = kinds.iter().map(String::as_str).collect();
    assert_eq!(
        seen,
        [
            "balance",
            "gap",
            "gap-by-driver",
            "gap-by-person",
            "gap-by-skill",
            "gap-by-unit",
            "market",
            "matrix",
            "need",
            "person",
            "plan",
            "progress",
            "report",
            "team",
            "who"
        ]
    );
}

/// The JSON type of a value as a reader tells them apart: null is no type
/// (an Option), integers and decimals are one "number", and a date
/// (YYYY-MM-DD) is not the same as other text.
fn json_type(value: &Value) -> Option<&'static str> {
    Some(match value {
        Value::Null => return None,
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(s) if is_date(s) => "date",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    })
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// Field name -> JSON type -> the first place it was seen with that type.
type Types = BTreeMap<String, BTreeMap<&'static str, String>>;

/// A map whose keys are data, not field names: a `*_by_skill` object of
/// the matrix is keyed by skill id (`{"rust": 3}`).
fn is_map(name: &str) -> bool {
    name.ends_with("_by_skill")
}

fn walk(value: &Value, at: &str, types: &mut Types) {
    match value {
        Value::Object(fields) => {
            for (name, field) in fields {
                if is_map(name) {
                    // Its keys are skill ids; its values are one type.
                    let here = format!("{at}.{name}");
                    if let Some(t) = json_type(field) {
                        types
                            .entry(name.clone())
                            .or_default()
                            .entry(t)
                            .or_insert_with(|| here.clone());
                    }
                    continue;
                }
                let here = format!("{at}.{name}");
                if let Some(t) = json_type(field) {
                    types
                        .entry(name.clone())
                        .or_default()
                        .entry(t)
                        .or_insert_with(|| here.clone());
                }
                walk(field, &here, types);
            }
        }
        Value::Array(items) => {
            for item in items {
                walk(item, &format!("{at}[]"), types);
            }
        }
        _ => {}
    }
}

#[test]
fn no_field_name_has_two_types() {
    let mut types = Types::new();
    for written in outputs() {
        walk(&written.value, &written.kind, &mut types);
    }
    let clashes: Vec<String> = types
        .iter()
        .filter(|(_, seen)| seen.len() > 1)
        .map(|(name, seen)| format!("{name}: {seen:?}"))
        .collect();
    assert!(clashes.is_empty(), "{}", clashes.join("\n"));
    // The walk saw the renamed fields (it would pass on no output at all).
    for name in [
        "renew",
        "renew_count",
        "renewal",
        "late",
        "late_count",
        "late_goals",
        "needs_count",
        "people_count",
        "grouped_by",
        "coverage_map",
        "shortfall_then",
        "toward",
        "toward_gap",
    ] {
        assert!(types.contains_key(name), "no output has '{name}'");
    }
}

/// Every schema names itself and the contract's version.
#[test]
fn every_schema_has_its_id_and_version() {
    for kind in [
        "gap",
        "gap-by-person",
        "gap-by-unit",
        "gap-by-skill",
        "gap-by-driver",
        "plan",
        "balance",
        "progress",
        "market",
        "person",
        "team",
        "who",
        "matrix",
        "report",
        "need",
        "check",
        "baseline",
    ] {
        let schema = schema(kind);
        assert_eq!(schema["$id"], format!("urn:kompetanse:schema:2:{kind}"));
        assert_eq!(schema["schema_version"], 2, "{kind}");
        assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
        if kind != "check" && kind != "baseline" {
            assert_eq!(schema["properties"]["schema_version"]["const"], 2);
            assert_eq!(schema["properties"]["report"]["const"], kind);
        }
    }
    let out = kompetanse(Path::new("."), &["schema", "--report", "nonsense"]);
    assert_eq!(out.status.code(), Some(2));
}

/// A `--diagnostics json` line (what `check` reports) validates against
/// `schema --report check`.
#[test]
fn diagnostics_lines_validate() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("org.toml"),
        "[organisation]\nname = \"X\"\n\n[[skill]]\nid = \"a\"\n\n[[need]]\nskill = \"b\"\nlevel = 2\ncount = 1\n",
    )
    .unwrap();
    let out = kompetanse(dir.path(), &["check", "org.toml", "--diagnostics", "json"]);
    assert_eq!(out.status.code(), Some(2));
    let validator = jsonschema::draft7::new(&schema("check")).unwrap();
    let text = String::from_utf8(out.stderr).unwrap();
    let mut lines = 0;
    for line in text.lines() {
        let value: Value = serde_json::from_str(line).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{line}: {errors:?}");
        lines += 1;
    }
    assert!(lines > 0, "{text}");
}

/// A baseline written by schema version 1 (`people` and `assessed` in a
/// balance skill, before they were `people_count` and `assessed_count`)
/// still compares, exactly as the same file in version 2 does.
#[test]
fn a_version_1_baseline_still_compares() {
    let dir = tempfile::tempdir().unwrap();
    let org = manifest_dir().join("examples/nordvik-kommune/org.toml");
    let org = org.to_str().unwrap();
    let earlier = kompetanse(
        dir.path(),
        &["balance", org, "--as-of", "2025-06-01", "-f", "json", "-q"],
    );
    let mut old: Value = serde_json::from_slice(&earlier.stdout).unwrap();
    old["schema_version"] = Value::from(1);
    for skill in old["skills"].as_array_mut().unwrap() {
        let skill = skill.as_object_mut().unwrap();
        for (new, was) in [("people_count", "people"), ("assessed_count", "assessed")] {
            let value = skill.remove(new).unwrap();
            skill.insert(was.to_string(), value);
        }
    }
    std::fs::write(dir.path().join("v2.json"), &earlier.stdout).unwrap();
    std::fs::write(dir.path().join("v1.json"), old.to_string()).unwrap();
    let compare = |file: &str| {
        let out = kompetanse(
            dir.path(),
            &[
                "balance",
                org,
                "--as-of",
                AS_OF,
                "-f",
                "json",
                "--baseline",
                file,
            ],
        );
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let v1 = compare("v1.json");
    assert_eq!(v1, compare("v2.json"));
    let v1: Value = serde_json::from_slice(&v1).unwrap();
    assert!(
        v1["skills"][0]["baseline"]["people_count"]
            .as_u64()
            .unwrap()
            > 0
    );
}
