//! `kompetanse schema` against the real loader: every shipped example and
//! every `init` output validates against the schema (with a JSON Schema
//! validator, reading TOML as an editor does: dates become strings, as in
//! taplo), and what the loader rejects as a misspelt key or a wrong choice
//! the schema rejects too.

use std::path::Path;
use std::process::{Command, Output};

use assert_cmd::cargo::CommandCargoExt;
use serde_json::Value;

fn kompetanse(dir: &Path, args: &[&str]) -> Output {
    Command::cargo_bin("kompetanse")
        .expect("the binary is built")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("run kompetanse")
}

fn schema_text() -> String {
    let out = kompetanse(Path::new("."), &["schema"]);
    assert_eq!(out.status.code(), Some(0));
    String::from_utf8(out.stdout).unwrap()
}

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&schema_text()).unwrap();
    jsonschema::draft7::new(&schema).expect("the schema is valid draft-07")
}

/// TOML as JSON, the way taplo hands it to a schema: dates as strings.
fn to_json(value: &toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s.clone()),
        toml::Value::Integer(i) => Value::from(*i),
        toml::Value::Float(f) => Value::from(*f),
        toml::Value::Boolean(b) => Value::Bool(*b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.iter().map(to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.iter().map(|(k, v)| (k.clone(), to_json(v))).collect())
        }
    }
}

/// The schema's complaints about an org.toml text, one line each.
fn problems(validator: &jsonschema::Validator, org_toml: &str) -> Vec<String> {
    let value: toml::Value = toml::from_str(org_toml).expect("valid TOML");
    let json = to_json(&value);
    validator
        .iter_errors(&json)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn every_example_validates() {
    let validator = validator();
    let mut seen = 0;
    for entry in std::fs::read_dir("examples").unwrap() {
        let org = entry.unwrap().path().join("org.toml");
        if !org.exists() {
            continue;
        }
        let text = std::fs::read_to_string(&org).unwrap();
        assert_eq!(
            problems(&validator, &text),
            Vec::<String>::new(),
            "{}",
            org.display()
        );
        seen += 1;
    }
    assert!(seen >= 3, "examples/*/org.toml: {seen}");
}

#[test]
fn every_init_output_validates_and_carries_the_schema() {
    let validator = validator();
    let schema = schema_text();
    for (lang, xlsx) in [("en", false), ("nb", false), ("en", true), ("nb", true)] {
        let tmp = tempfile::tempdir().unwrap();
        let mut args = vec!["init", ".", "--lang", lang];
        if xlsx {
            args.push("--xlsx");
        }
        let out = kompetanse(tmp.path(), &args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let org = std::fs::read_to_string(tmp.path().join("org.toml")).unwrap();
        assert!(org.starts_with("#:schema ./org.schema.json\n"));
        assert_eq!(problems(&validator, &org), Vec::<String>::new(), "{lang}");
        let written = std::fs::read_to_string(tmp.path().join("org.schema.json")).unwrap();
        assert_eq!(written, schema, "init writes the schema `schema` prints");
    }
}

/// Each mistake is caught by both the schema and the loader (`check`).
#[test]
fn misspelt_keys_and_wrong_choices_fail() {
    let validator = validator();
    let tiny = std::fs::read_to_string("examples/tiny/org.toml").unwrap();
    assert!(problems(&validator, &tiny).is_empty());
    let mistakes = [
        // (what the tiny example says, the mistake, where the schema points)
        ("\n[mix]\n", "\n[mixx]\n", ""),
        ("kind = \"specialist\"", "knd = \"specialist\"", "/skill/0"),
        (
            "priority = \"critical\"",
            "prioirty = \"critical\"",
            "/need/0",
        ),
        (
            "priority = \"critical\"",
            "priority = \"urgent\"",
            "/need/0/priority",
        ),
        (
            "kind = \"specialist\"",
            "kind = \"expert\"",
            "/skill/0/kind",
        ),
        (
            "preset = \"70-20-10\"",
            "preset = \"70-30-10\"",
            "/mix/preset",
        ),
        (
            "as_of = 2026-11-26",
            "as_of = \"26/11/2026\"",
            "/organisation/as_of",
        ),
    ];
    for (right, wrong, at) in mistakes {
        assert!(tiny.contains(right), "{right}");
        let text = tiny.replacen(right, wrong, 1);
        let found = problems(&validator, &text);
        assert!(
            found.iter().any(|p| p.starts_with(&format!("{at}: "))),
            "{wrong}: {found:?}"
        );
        // The loader agrees.
        let tmp = tempfile::tempdir().unwrap();
        for file in ["people.csv", "assessments.csv"] {
            std::fs::copy(Path::new("examples/tiny").join(file), tmp.path().join(file)).unwrap();
        }
        std::fs::write(tmp.path().join("org.toml"), &text).unwrap();
        let check = kompetanse(tmp.path(), &["check", "org.toml"]);
        assert_eq!(check.status.code(), Some(2), "{wrong}");
    }
}

#[test]
fn schema_goes_to_a_file_with_o() {
    let tmp = tempfile::tempdir().unwrap();
    let out = kompetanse(tmp.path(), &["schema", "-o", "org.schema.json"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(tmp.path().join("org.schema.json")).unwrap();
    assert_eq!(written, schema_text());
}
