//! `kompetanse who ORG CRITERION...` (issue 23 item 4): the people present
//! at D who meet every `SKILL>=LEVEL`, the skill by id or name, the level
//! by number or name. Worked by hand on a small organisation.

mod common;

use common::Fixture;
use serde_json::Value;

/// D = 2026-06-15, the default scale (none, basic, working, advanced, expert).
/// - a (it, dev): rust 3, sql 2; role dev asks sql 3, so a has a goal sql 2 -> 3
/// - b (it): rust 4, sql 1
/// - c (hr): rust 4, sql 3, left 2026-05-01: not present at D
/// - d (it): rust 4, sql 4, starts 2026-09-01: not present at D
/// - e (it): rust 2, sql 3: a's mentor for sql (the only one present at
///   D with sql >= 3), so e has 1 mentee
/// - f (it): rust 3, sql 2, leaves 2026-12-31: present, leaving
fn org() -> Fixture {
    let body = r#"
[[skill]]
id = "rust"
name = "Rust programming"

[[skill]]
id = "sql"

[[role]]
id = "dev"
requires = { sql = 3 }
"#;
    Fixture::standard(
        body,
        "id,name,unit,role,starts,leaves\n\
         a,Anna A,it,dev,,\n\
         b,Bjørn B,it,,,\n\
         c,Cecilie C,hr,,,2026-05-01\n\
         d,Dag D,it,,2026-09-01,\n\
         e,Eva E,it,,,\n\
         f,Frida F,it,,,2026-12-31\n",
        "person,skill,level,assessed,expires,interest\n\
         a,rust,3,2026-01-10,,\n\
         a,sql,2,2026-01-10,,yes\n\
         b,rust,4,2026-01-10,,\n\
         b,sql,1,2026-01-10,,\n\
         c,rust,4,2026-01-10,,\n\
         c,sql,3,2026-01-10,,\n\
         d,rust,4,2026-01-10,,\n\
         d,sql,4,2026-01-10,,\n\
         e,rust,2,2026-01-10,,\n\
         e,sql,3,2026-01-10,2027-03-01,\n\
         f,rust,3,2026-01-10,,\n\
         f,sql,2,2026-01-10,,\n",
    )
}

fn people(v: &Value) -> Vec<&str> {
    v["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["person"].as_str().unwrap())
        .collect()
}

#[test]
fn two_criteria_by_name_and_level_name_leave_out_who_is_not_present() {
    let fx = org();
    // rust >= 3 (advanced) and sql >= 2 (working): a (3, 2) and f (3, 2);
    // b fails sql (1), e fails rust (2), c has left, d has not started.
    let v = fx.json(&[
        "who",
        "org.toml",
        "Rust programming>=advanced",
        "sql>=working",
        "-f",
        "json",
    ]);
    assert_eq!(v["report"], "who");
    assert_eq!(people(&v), ["a", "f"]);
    assert_eq!(v["criteria"][0]["skill"], "rust");
    assert_eq!(v["criteria"][0]["level"], 3);
    assert_eq!(v["criteria"][1]["level"], 2);
    let a = &v["people"][0];
    assert_eq!(a["levels"][0]["level"], 3);
    assert_eq!(a["levels"][1]["level"], 2);
    assert_eq!(a["levels"][1]["interest"], true);
    assert_eq!(a["levels"][1]["assessed"], "2026-01-10");
    assert_eq!(a["leaves"], Value::Null);
    assert_eq!(v["people"][1]["leaves"], "2026-12-31");
    // rust >= 3 alone: a, b, f (c and d hold 4 but are not here at D).
    let v = fx.json(&["who", "org.toml", "rust>=3", "-f", "json"]);
    assert_eq!(people(&v), ["a", "b", "f"]);
    // sql >= 3: e only, who mentors a's sql goal, and whose level expires.
    let v = fx.json(&["who", "org.toml", "sql>=3", "-f", "json"]);
    assert_eq!(people(&v), ["e"]);
    assert_eq!(v["people"][0]["mentees_count"], 1);
    assert_eq!(v["people"][0]["levels"][0]["expires"], "2027-03-01");
    // --unit and --role narrow it.
    let v = fx.json(&["who", "org.toml", "rust>=3", "--role", "dev", "-f", "json"]);
    assert_eq!(people(&v), ["a"]);
    let v = fx.json(&["who", "org.toml", "rust>=1", "--unit", "hr", "-f", "json"]);
    assert_eq!(people(&v), Vec::<&str>::new());
}

#[test]
fn every_format_lists_the_same_people() {
    let fx = org();
    let args = ["who", "org.toml", "rust>=advanced", "sql>=2"];
    for format in ["table", "markdown", "html"] {
        for lang in ["en", "nb"] {
            let out = fx.run(&[&args[..], &["-f", format, "--lang", lang]].concat());
            assert_eq!(out.status.code(), Some(0), "{format}");
            let text = String::from_utf8(out.stdout).unwrap();
            // Frida's last day, in the language's way of writing a date.
            let last_day = if lang == "nb" {
                "31.12.2026"
            } else {
                "2026-12-31"
            };
            for name in ["Anna A", "Frida F", last_day] {
                assert!(text.contains(name), "{format} {lang}: {name}");
            }
            for name in ["Bjørn B", "Cecilie C", "Dag D", "Eva E"] {
                assert!(!text.contains(name), "{format} {lang}: {name}");
            }
        }
    }
    // CSV: one row per person and criterion.
    let out = fx.run(&[&args[..], &["-f", "csv"]].concat());
    let csv = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "person,name,unit,role,skill,level,assessed,expires,interest,mentees,leaves,source"
    );
    // No `source` column in the assessments: the source is empty.
    assert_eq!(lines[1], "a,Anna A,it,dev,rust,3,2026-01-10,,false,0,,");
    assert_eq!(lines[2], "a,Anna A,it,dev,sql,2,2026-01-10,,true,0,,");
    assert_eq!(lines.len(), 5);
    let out = fx.run(&[&args[..], &["-o", "who.xlsx"]].concat());
    assert_eq!(out.status.code(), Some(0));
    assert!(
        std::fs::read(fx.dir().join("who.xlsx"))
            .unwrap()
            .starts_with(b"PK")
    );
}

#[test]
fn a_bad_criterion_is_a_usage_error_and_nothing_is_written() {
    let fx = org();
    for (criterion, says) in [
        ("rsut>=3", "did you mean 'rust'"),
        ("rust>=guru", "'guru' is not a level"),
        ("rust>=5", "'5' is not a level"),
        ("rust>=0", "'0' is not a level"),
        ("rust=3", "not SKILL>=LEVEL"),
        (">=3", "not SKILL>=LEVEL"),
    ] {
        let out = fx.run(&["who", "org.toml", criterion, "-o", "who.csv"]);
        assert_eq!(out.status.code(), Some(2), "{criterion}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(says), "{criterion}: {stderr}");
        assert!(!fx.dir().join("who.csv").exists());
    }
    let out = fx.run(&["who", "org.toml"]);
    assert_eq!(out.status.code(), Some(2), "a criterion is required");
}

/// `who` lists named people, which no group suppression hides: like
/// `plan` and `matrix`, it refuses `--min-group` before reading anything.
#[test]
fn min_group_is_refused() {
    let fx = Fixture::standard(
        "[[skill]]\nid = \"rust\"\n",
        "id,name,unit\na,Anna A,it\n",
        "person,skill,level,assessed\na,rust,3,2026-01-10\n",
    );
    let out = fx.run(&["who", "org.toml", "rust>=1", "--min-group", "3"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("--min-group") && stderr.contains("`who`"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}
