//! Baseline: `kompetanse gap --format json` agrees, need by need, with an
//! independent pandas implementation of FORMAT.md (bench/pandas_gap.py) on
//! generated organisations (examples/generate.rs).
//!
//! Skipped, with a note on stderr, when `python3 -c "import pandas"` fails.
//! Run it with `cargo test --release --test baseline -- --nocapture`.

use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;
use serde_json::Value;

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn pandas_available() -> bool {
    Command::new("python3")
        .args(["-c", "import pandas"])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Runs the generator example (built by cargo, in this test's profile).
fn generate(dir: &Path, people: u32, skills: u32, needs: u32, seed: u32, edge_cases: bool) {
    let mut cmd = Command::new(env!("CARGO"));
    cmd.current_dir(manifest_dir())
        .args(["run", "--quiet", "--example", "generate"]);
    if !cfg!(debug_assertions) {
        cmd.arg("--release");
    }
    cmd.arg("--")
        .args(["--people", &people.to_string()])
        .args(["--skills", &skills.to_string()])
        .args(["--needs", &needs.to_string()])
        .args(["--seed", &seed.to_string()])
        .arg("--out")
        .arg(dir);
    if edge_cases {
        cmd.arg("--edge-cases");
    }
    let out = cmd.output().expect("cargo run --example generate");
    assert!(
        out.status.success(),
        "generator failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn json_of(out: std::process::Output, what: &str) -> Value {
    assert!(
        out.status.success(),
        "{what} failed ({:?}): {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{what}: bad JSON: {e}"))
}

fn rust_report(org: &Path) -> Value {
    let out = Command::cargo_bin("kompetanse")
        .unwrap()
        .arg("gap")
        .arg(org)
        .args(["--format", "json", "-q"])
        .output()
        .unwrap();
    json_of(out, "kompetanse gap")
}

fn pandas_report(org: &Path) -> Value {
    let out = Command::new("python3")
        .arg(manifest_dir().join("bench/pandas_gap.py"))
        .arg(org)
        .output()
        .unwrap();
    json_of(out, "bench/pandas_gap.py")
}

fn num(v: &Value) -> f64 {
    v.as_f64()
        .unwrap_or_else(|| panic!("expected a number, got {v}"))
}

/// Appends to `diffs` where `rust` and `pandas` disagree on `field`.
fn same(diffs: &mut Vec<String>, at: &str, field: &str, rust: &Value, pandas: &Value) {
    if rust[field] != pandas[field] {
        diffs.push(format!(
            "{at}: {field}: kompetanse {} vs pandas {}",
            rust[field], pandas[field]
        ));
    }
}

fn close(diffs: &mut Vec<String>, at: &str, field: &str, rust: &Value, pandas: &Value, tol: f64) {
    let (r, p) = (num(&rust[field]), num(&pandas[field]));
    if (r - p).abs() > tol {
        diffs.push(format!("{at}: {field}: kompetanse {r} vs pandas {p}"));
    }
}

fn effort(diffs: &mut Vec<String>, at: &str, rust: &Value, pandas: &Value) {
    for part in ["total", "experience", "social", "formal"] {
        close(
            diffs,
            &format!("{at}: effort"),
            part,
            &rust["effort"],
            &pandas["effort"],
            1e-9,
        );
    }
}

/// Every disagreement between the two reports, as readable lines.
fn compare(rust: &Value, pandas: &Value) -> Vec<String> {
    let mut diffs = Vec::new();
    for field in ["organisation", "as_of", "mix"] {
        same(&mut diffs, "report", field, rust, pandas);
    }
    let (rn, pn) = (
        rust["needs"].as_array().unwrap(),
        pandas["needs"].as_array().unwrap(),
    );
    if rn.len() != pn.len() {
        diffs.push(format!(
            "number of needs: kompetanse {} vs pandas {}",
            rn.len(),
            pn.len()
        ));
    }
    for (i, (r, p)) in rn.iter().zip(pn).enumerate() {
        let at = format!("needs[{i}] (kompetanse {}, pandas {})", r["id"], p["id"]);
        for field in [
            "id",
            "skill",
            "unit",
            "role",
            "level",
            "count",
            "have",
            "shortfall",
            "priority",
            "by",
            "driver",
            "recruit",
        ] {
            same(&mut diffs, &at, field, r, p);
        }
        close(&mut diffs, &at, "coverage", r, p, 1e-12);
        let (rd, pd) = (
            r["develop"].as_array().unwrap(),
            p["develop"].as_array().unwrap(),
        );
        if rd.len() != pd.len() {
            diffs.push(format!(
                "{at}: develop has {} entries in kompetanse vs {} in pandas",
                rd.len(),
                pd.len()
            ));
        }
        if let Some(j) = rd.iter().zip(pd).position(|(a, b)| a != b) {
            diffs.push(format!(
                "{at}: develop[{j}]: kompetanse {} vs pandas {}",
                rd[j], pd[j]
            ));
        }
        effort(&mut diffs, &at, r, p);
    }
    let (rt, pt) = (&rust["totals"], &pandas["totals"]);
    for field in ["needs", "unmet", "shortfall", "develop", "recruit"] {
        same(&mut diffs, "totals", field, rt, pt);
    }
    effort(&mut diffs, "totals", rt, pt);
    diffs
}

#[test]
fn gap_report_agrees_with_pandas_baseline() {
    if !pandas_available() {
        eprintln!("note: skipping the pandas baseline: `python3 -c \"import pandas\"` failed");
        return;
    }
    // (people, skills, needs, seed, edge cases)
    let cases = [
        (300, 8, 40, 1, false),
        (1000, 12, 80, 2, false),
        (700, 10, 60, 3, true),
    ];
    for (people, skills, needs, seed, edge_cases) in cases {
        let dir = tempfile::tempdir().unwrap();
        generate(dir.path(), people, skills, needs, seed, edge_cases);
        let org = dir.path().join("org.toml");
        let rust = rust_report(&org);
        let pandas = pandas_report(&org);
        let case = format!(
            "--people {people} --skills {skills} --needs {needs} --seed {seed}{}",
            if edge_cases { " --edge-cases" } else { "" }
        );
        let diffs = compare(&rust, &pandas);
        assert!(
            diffs.is_empty(),
            "kompetanse and pandas disagree on {case}:\n{}",
            diffs.join("\n")
        );
        // The generated data must exercise the interesting paths.
        let totals = &rust["totals"];
        assert_eq!(num(&totals["needs"]), needs as f64, "{case}");
        for field in ["unmet", "develop", "recruit"] {
            assert!(num(&totals[field]) > 0.0, "{case}: no {field} in totals");
        }
        eprintln!(
            "baseline {case}: agree on {} needs ({} unmet, {} develop, {} recruit)",
            needs, totals["unmet"], totals["develop"], totals["recruit"]
        );
    }
}
