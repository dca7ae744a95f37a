//! Baseline: `kompetanse gap --format json` agrees, need by need, with an
//! independent pandas implementation of FORMAT.md (bench/pandas_gap.py) on
//! generated organisations (examples/generate.rs).
//!
//! The script follows FORMAT.md revision 2 (horizon, renewals, known at D,
//! presence at H, per-skill mix); the edge-case organisations exercise each
//! of those, and the shipped examples are compared too.
//!
//! Locally skipped, with a note on stderr, when `python3 -c "import pandas"`
//! fails (`KOMPETANSE_PYTHON` names another interpreter); under `CI=true`
//! that is a failure: `.ci/run` installs pandas in a virtual environment.
//! Run it with `cargo test --release --test baseline -- --nocapture`.

#[path = "common/tool.rs"]
mod tool;

use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;
use serde_json::Value;

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn pandas_available() -> bool {
    tool::required(
        "pandas",
        tool::python_has("pandas"),
        "pip install pandas, or set KOMPETANSE_PYTHON to a Python that has it",
    )
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
    let out = Command::new(tool::python())
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

/// Appends where a need's `field` list (renew, develop) differs: its
/// length, or the first entry (person, levels, dates, hours) that differs,
/// in order.
fn list(diffs: &mut Vec<String>, at: &str, field: &str, rust: &Value, pandas: &Value) {
    let (r, p) = (
        rust[field].as_array().unwrap(),
        pandas[field].as_array().unwrap(),
    );
    if r.len() != p.len() {
        diffs.push(format!(
            "{at}: {field} has {} entries in kompetanse vs {} in pandas",
            r.len(),
            p.len()
        ));
    }
    if let Some(j) = r.iter().zip(p).position(|(a, b)| a != b) {
        diffs.push(format!(
            "{at}: {field}[{j}]: kompetanse {} vs pandas {}",
            r[j], p[j]
        ));
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
            "horizon",
            "driver",
            "recruit_count",
            "leaving_count",
            "arriving_count",
        ] {
            same(&mut diffs, &at, field, r, p);
        }
        list(&mut diffs, &at, "renew", r, p);
        close(&mut diffs, &at, "coverage", r, p, 1e-12);
        list(&mut diffs, &at, "develop", r, p);
        effort(&mut diffs, &at, r, p);
    }
    let (rt, pt) = (&rust["totals"], &pandas["totals"]);
    for field in [
        "needs_count",
        "unmet",
        "shortfall",
        "renew_count",
        "develop_count",
        "recruit_count",
    ] {
        same(&mut diffs, "totals", field, rt, pt);
    }
    effort(&mut diffs, "totals", rt, pt);
    diffs
}

/// How often the r2 rules show up in a report: (needs with `by`, needs
/// with renewals, needs with people leaving or arriving, needs whose effort
/// is not split 70-20-10).
fn r2_paths(report: &Value) -> (usize, usize, usize, usize) {
    let needs = report["needs"].as_array().unwrap();
    let count = |f: &dyn Fn(&Value) -> bool| needs.iter().filter(|n| f(n)).count();
    (
        count(&|n| !n["by"].is_null()),
        count(&|n| !n["renew"].as_array().unwrap().is_empty()),
        count(&|n| num(&n["leaving_count"]) + num(&n["arriving_count"]) > 0.0),
        count(&|n| {
            let e = &n["effort"];
            num(&e["total"]) > 0.0 && (num(&e["experience"]) - num(&e["total"]) * 0.7).abs() > 1e-9
        }),
    )
}

#[test]
fn gap_report_agrees_with_pandas_baseline() {
    if !pandas_available() {
        return;
    }
    // (people, skills, needs, seed, edge cases)
    let cases = [
        (300, 8, 40, 1, false),
        (1000, 12, 80, 2, false),
        (700, 10, 60, 3, true),
        (1500, 12, 80, 5, true),
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
        assert_eq!(num(&totals["needs_count"]), needs as f64, "{case}");
        for field in ["unmet", "develop_count", "recruit_count"] {
            assert!(num(&totals[field]) > 0.0, "{case}: no {field} in totals");
        }
        let (dated, renewing, moving, own_mix) = r2_paths(&rust);
        assert!(dated > 0, "{case}: no need with a `by` date");
        if edge_cases {
            assert!(renewing > 0, "{case}: no need renews an expiring holder");
            assert!(moving > 0, "{case}: nobody leaves or arrives in a scope");
            assert!(own_mix > 0, "{case}: no skill with its own mix in a need");
        }
        eprintln!(
            "baseline {case}: agree on {} needs ({} unmet, {} renew, {} develop, {} recruit; \
             {dated} with by, {renewing} renewing, {moving} with leavers or hires, {own_mix} with a skill's own mix)",
            needs,
            totals["unmet"],
            totals["renew_count"],
            totals["develop_count"],
            totals["recruit_count"]
        );
    }
}

/// The shipped examples in plain CSV (tiny: long format; virksomhet-x: a
/// long file plus a `;` matrix from Excel, certificates, a leaver and a
/// hire) agree too.
#[test]
fn shipped_examples_agree_with_pandas_baseline() {
    if !pandas_available() {
        return;
    }
    for example in ["tiny", "virksomhet-x"] {
        let org = manifest_dir()
            .join("examples")
            .join(example)
            .join("org.toml");
        let diffs = compare(&rust_report(&org), &pandas_report(&org));
        assert!(
            diffs.is_empty(),
            "kompetanse and pandas disagree on examples/{example}:\n{}",
            diffs.join("\n")
        );
    }
}
