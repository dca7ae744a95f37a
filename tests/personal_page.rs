//! The personal page, `report ORG --person ID` (issue 23 item 1): one
//! person's levels, role gap, the needs that concern them, goals with
//! mentor, wishes and mentees, and nobody else: every other person of the
//! organisation is absent except their mentors and mentees. A hand-worked
//! organisation checks each part; virksomhet-x checks the absence for
//! every one of its people, and that a page prints on one A4 sheet.

#[path = "common/tool.rs"]
mod tool;

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;
use common::Fixture;
use kompetanse::analysis::gap::{GapFilter, counts, needs_report};
use serde_json::Value;

/// D = 2026-06-15. Worked by hand:
/// - rust-it (rust 3 x 2 in it, high): holders in it kari (3): have 1,
///   short 1; candidates 1 <= L < 3: ola (1) -> develop ola 1 -> 3. Kari counts.
/// - sky-it (sky 3 x 1 in it, by 2027-01-01): kari holds 3 but it expires
///   2026-09-01, before the horizon: have 0, renew kari.
/// - sql-it (sql 2 x 2 in it): ola (3) holds: have 1, short 1; candidates
///   kari (1, interest) and siri (1): interest first -> develop kari 1 -> 2.
/// - rust-hr (rust 3 x 1 in hr): per holds; kari is not in its scope.
///
/// Mentors: kari's sql goal -> ola (same unit, sql 3); ola's rust goal ->
/// kari (same unit, before per of hr). So kari's page names ola (mentor
/// and mentee) and never per or siri.
fn hand_worked() -> Fixture {
    let body = r#"
[[skill]]
id = "rust"
name = "Rust programming"

[[skill]]
id = "sql"

[[skill]]
id = "sky"

[[role]]
id = "backend"
requires = { rust = 3 }

[[need]]
id = "rust-it"
skill = "rust"
level = 3
count = 2
unit = "it"
priority = "high"

[[need]]
id = "sky-it"
skill = "sky"
level = 3
count = 1
unit = "it"
by = 2027-01-01

[[need]]
id = "sql-it"
skill = "sql"
level = 2
count = 2
unit = "it"

[[need]]
id = "rust-hr"
skill = "rust"
level = 3
count = 1
unit = "hr"
"#;
    Fixture::standard(
        body,
        "id,name,unit,role\n\
         kari.nordmann,Kari Nordmann,it,backend\n\
         ola.hansen,Ola Hansen,it,\n\
         per.berg,Per Berg,hr,\n\
         siri.dahl,Siri Dahl,it,\n",
        "person,skill,level,assessed,expires,interest\n\
         kari.nordmann,rust,3,2026-01-01,,\n\
         kari.nordmann,sql,1,2026-01-01,,yes\n\
         kari.nordmann,sky,3,2026-01-01,2026-09-01,\n\
         ola.hansen,sql,3,2026-01-01,,\n\
         ola.hansen,rust,1,2026-01-01,,\n\
         per.berg,rust,4,2026-01-01,,\n\
         siri.dahl,sql,1,2026-01-01,,\n",
    )
}

fn run_ok(fx: &Fixture, args: &[&str]) -> String {
    let out = fx.run(args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn the_page_holds_each_part_worked_by_hand() {
    let fx = hand_worked();
    let page: Value = serde_json::from_str(&run_ok(
        &fx,
        &[
            "report",
            "org.toml",
            "--person",
            "kari.nordmann",
            "-f",
            "json",
        ],
    ))
    .unwrap();
    assert_eq!(page["report"], "person");
    assert_eq!(page["name"], "Kari Nordmann");
    let levels: Vec<(&str, u64)> = page["levels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["skill"].as_str().unwrap(), l["level"].as_u64().unwrap()))
        .collect();
    assert_eq!(levels, [("rust", 3), ("sql", 1), ("sky", 3)]);
    assert_eq!(page["levels"][2]["expires"], "2026-09-01");
    assert_eq!(page["levels"][1]["interest"], true);
    assert_eq!(page["role_gap"]["readiness"], 1.0);
    let needs: Vec<(&str, &str)> = page["needs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| (n["need"].as_str().unwrap(), n["part"].as_str().unwrap()))
        .collect();
    // Priority, then shortfall, then id; rust-hr's scope excludes kari.
    assert_eq!(
        needs,
        [
            ("rust-it", "counts"),
            ("sky-it", "renew"),
            ("sql-it", "develop")
        ]
    );
    let goals = page["plan"]["goals"].as_array().unwrap();
    let sql = goals.iter().find(|g| g["skill"] == "sql").unwrap();
    assert_eq!(
        (sql["from"].as_u64(), sql["to"].as_u64()),
        (Some(1), Some(2))
    );
    assert_eq!(sql["mentor"], "ola.hansen");
    let sky = goals.iter().find(|g| g["skill"] == "sky").unwrap();
    assert_eq!(sky["renewal"], true);
    assert_eq!(page["wishes"][0]["skill"], "sql");
    assert_eq!(page["wishes"][0]["needs"][0], "sql-it");
    assert_eq!(page["wishes"][0]["goal"], true);
    assert_eq!(page["mentees"][0]["person"], "ola.hansen");
    assert_eq!(page["mentees"][0]["goals"][0]["skill"], "rust");
    // No recruitment list, no summary of the organisation.
    assert!(page.get("summary").is_none() && page.get("recruit").is_none());
}

#[test]
fn the_page_names_nobody_outside_mentors_and_mentees_in_any_format() {
    let fx = hand_worked();
    for lang in ["en", "nb"] {
        for format in ["html", "markdown", "json"] {
            let text = run_ok(
                &fx,
                &[
                    "report",
                    "org.toml",
                    "--person",
                    "kari.nordmann",
                    "-f",
                    format,
                    "--lang",
                    lang,
                ],
            );
            for absent in ["Per Berg", "per.berg", "Siri Dahl", "siri.dahl", "rust-hr"] {
                assert!(!text.contains(absent), "{format} {lang} names {absent}");
            }
            if format != "json" {
                assert!(text.contains("Ola Hansen"), "{format}: the mentor");
                let title = match lang {
                    "en" => "My competence: Kari Nordmann",
                    _ => "Min kompetanse: Kari Nordmann",
                };
                assert!(text.contains(title), "{format} {lang}: {title}");
            }
        }
    }
    // The workbook is written, and is a zip.
    let out = fx.run(&[
        "report",
        "org.toml",
        "--person",
        "kari.nordmann",
        "-o",
        "kari.xlsx",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let bytes = std::fs::read(fx.dir().join("kari.xlsx")).unwrap();
    assert!(bytes.starts_with(b"PK"));
}

#[test]
fn counts_for_one_person_adds_up_to_every_needs_have() {
    // FORMAT.md "Have", asked person by person, agrees with the gap report.
    for example in ["virksomhet-x", "nordvik-kommune"] {
        let path = example_org(example);
        let org = kompetanse::load::load(&path, &Default::default())
            .org
            .expect("the example loads");
        let gap = needs_report(&org, &GapFilter::default());
        for n in &gap.needs {
            let i = org.needs.iter().position(|x| x.id == n.id).unwrap();
            let have = (0..org.people.len())
                .filter(|&p| counts(&org, i, p))
                .count();
            assert_eq!(have as u32, n.have, "{example}: need {}", n.id);
        }
    }
    // And in the hand-worked one, with an expiring holder.
    let org = hand_worked().load();
    let i = org.needs.iter().position(|x| x.id == "sky-it").unwrap();
    assert!((0..org.people.len()).all(|p| !counts(&org, i, p)));
}

#[test]
fn a_pseudonymised_or_unknown_person_is_refused_and_nothing_is_written() {
    let fx = hand_worked();
    let out = fx.run(&[
        "report",
        "org.toml",
        "--person",
        "kari.nordmann",
        "--pseudonymize",
        "--salt",
        "a-long-enough-secret-salt",
        "-o",
        "kari.html",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--pseudonymize"));
    assert!(!fx.dir().join("kari.html").exists());
    let out = fx.run(&["report", "org.toml", "--person", "nobody", "-o", "x.html"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--person"));
    assert!(!fx.dir().join("x.html").exists());
    let out = fx.run(&[
        "report",
        "org.toml",
        "--person",
        "kari.nordmann",
        "-f",
        "csv",
    ]);
    assert_eq!(out.status.code(), Some(2));
}

fn example_org(example: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(example)
        .join("org.toml")
}

fn kompetanse(args: &[&str]) -> String {
    let out = Command::cargo_bin("kompetanse")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// virksomhet-x's people as (id, name).
fn example_people() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/virksomhet-x/people.csv"),
    )
    .unwrap();
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let cells: Vec<&str> = l.split(',').collect();
            (cells[0].to_string(), cells[1].to_string())
        })
        .collect()
}

#[test]
fn every_virksomhet_x_page_names_only_its_person_mentors_and_mentees() {
    let org = example_org("virksomhet-x");
    let org = org.to_str().unwrap();
    // Who mentors whom, from the organisation's plans (not from the page).
    let plans: Value =
        serde_json::from_str(&kompetanse(&["plan", org, "-f", "json", "-q"])).unwrap();
    let people = example_people();
    let mut mentored = 0;
    for (id, name) in &people {
        let mut allowed = vec![id.clone()];
        for plan in plans["plans"].as_array().unwrap() {
            for goal in plan["goals"].as_array().unwrap() {
                if plan["person"] == id.as_str() {
                    allowed.extend(goal["mentor"].as_str().map(str::to_string));
                }
                if goal["mentor"] == id.as_str() {
                    allowed.push(plan["person"].as_str().unwrap().to_string());
                }
            }
        }
        mentored += usize::from(allowed.len() > 1);
        for lang in ["en", "nb"] {
            let html = kompetanse(&["report", org, "--person", id, "-q", "--lang", lang]);
            assert!(html.contains(name.as_str()), "{id}'s page names them");
            for (other, other_name) in &people {
                if allowed.contains(other) {
                    continue;
                }
                assert!(
                    !html.contains(other_name.as_str()) && !html.contains(other.as_str()),
                    "{id}'s page ({lang}) names {other}"
                );
            }
        }
    }
    assert!(mentored > 5, "the example has mentors and mentees");
}

/// A typical person of virksomhet-x: goals, a mentor, levels.
const TYPICAL: &str = "anne.myhre";

#[test]
fn a_personal_page_prints_on_one_a4_page() {
    let chromium = std::env::var_os("KOMPETANSE_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    if !tool::required(
        "headless Chromium",
        chromium.exists(),
        "apt-get install chromium",
    ) || !tool::required(
        "pdftotext",
        tool::on_path("pdftotext"),
        "apt-get install poppler-utils",
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let org = example_org("virksomhet-x");
    for lang in ["en", "nb"] {
        let page = dir.path().join(format!("{TYPICAL}-{lang}.html"));
        kompetanse(&[
            "report",
            org.to_str().unwrap(),
            "--person",
            TYPICAL,
            "-q",
            "--lang",
            lang,
            "-o",
            page.to_str().unwrap(),
        ]);
        let pdf = dir.path().join(format!("{lang}.pdf"));
        let profile = tempfile::tempdir().unwrap();
        let status = Command::new(&chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-pdf-header-footer",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(format!("file://{}", page.display()))
            .output()
            .unwrap();
        assert!(status.status.success() && pdf.exists(), "printing failed");
        let text = Command::new("pdftotext")
            .args(["-layout"])
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&text.stdout);
        // pdftotext ends every page with a form feed.
        let pages = text.matches('\u{c}').count();
        assert_eq!(pages, 1, "{lang}: {pages} pages:\n{text}");
        let title = if lang == "en" {
            "My competence"
        } else {
            "Min kompetanse"
        };
        assert!(text.contains(title), "{lang}: the title is printed");
    }
}
