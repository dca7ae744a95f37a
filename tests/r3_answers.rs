//! Right answers everywhere (issue 21, FORMAT.md r3), items 2-6: late only
//! with a deadline, baseline change by exact fractions, mentors present at
//! the goal's end, pseudonyms that change names only, and no stale warning
//! for a certificate valid after D. Each case is a hand-worked organisation;
//! the comment above it shows the working. D is 2026-06-15 (stale before
//! 2024-06-15), hours_per_level 40, max_steps 2, 70-20-10.

mod common;

use common::Fixture;
use kompetanse::analysis::PeopleFilter;
use kompetanse::analysis::gap::{GapFilter, gap_report};
use kompetanse::analysis::plan::plan_report;
use kompetanse::diagnostics::Severity;
use kompetanse::load::LoadOptions;
use serde_json::Value;

// ---------------------------------------------------------------------------
// Late only with a deadline (FORMAT.md r3 "Capacity and schedule")
// ---------------------------------------------------------------------------

/// a (level 2 in s and t) has two goals at 365 h a year (a day an hour):
/// t for need `m` (by 2026-07-01) first, 40 h, finishing 2026-07-25: late;
/// then s for need `n` (no `by`), finishing 2026-09-03: no deadline, so
/// never late. `gap` said late 1 for `n` while `plan` said not late.
#[test]
fn a_need_without_by_is_never_late() {
    let fx = Fixture::standard(
        "[capacity]\nhours_per_year = 365\n\n\
         [[skill]]\nid = \"s\"\n\n[[skill]]\nid = \"t\"\n\n\
         [[need]]\nid = \"n\"\nskill = \"s\"\nlevel = 3\ncount = 1\n\n\
         [[need]]\nid = \"m\"\nskill = \"t\"\nlevel = 3\ncount = 1\nby = 2026-07-01\n",
        "id\na\n",
        "person,skill,level\na,s,2\na,t,2\n",
    );
    let org = fx.load();
    let gap = gap_report(&org, &GapFilter::default());
    let late = |id: &str| gap.needs.iter().find(|n| n.id == id).unwrap().late;
    assert_eq!(late("n"), 0, "no deadline, nothing late");
    assert_eq!(late("m"), 1, "finishes 2026-07-25, after 2026-07-01");

    let plan = plan_report(&org, &PeopleFilter::default());
    let goal = |skill: &str| {
        plan.plans[0]
            .goals
            .iter()
            .find(|g| g.skill == skill)
            .unwrap()
            .clone()
    };
    assert_eq!(goal("t").finish, Some(jiff::civil::date(2026, 7, 25)));
    assert!(goal("t").late);
    assert_eq!(goal("s").finish, Some(jiff::civil::date(2026, 9, 3)));
    assert!(!goal("s").late);

    // Every format says the same: the JSON, and the table has no late mark
    // for n.
    let json = fx.json(&["gap", "org.toml", "-f", "json", "-q"]);
    let need = |id: &str| {
        json["needs"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(need("n")["late_count"], 0);
    assert_eq!(need("m")["late_count"], 1);
}

// ---------------------------------------------------------------------------
// Baseline change by exact fractions (FORMAT.md r3 "Baseline change")
// ---------------------------------------------------------------------------

/// Need n: 3 at level 3, a holds it: have 1, coverage 1/3. A baseline of
/// the same files whose coverage was written as a rounded decimal
/// (0.33333333333333, as another tool or a hand edit writes it) is the
/// same fraction: unchanged in every format, no regression. The Markdown
/// comment called it "better" (0.3333333333333333 > 0.33333333333333).
#[test]
fn a_report_compared_with_itself_is_unchanged_even_with_rounded_decimals() {
    let fx = Fixture::standard(
        "[[skill]]\nid = \"s\"\n\n[[need]]\nid = \"n\"\nskill = \"s\"\nlevel = 3\ncount = 3\n",
        "id\na\nb\nc\n",
        "person,skill,level\na,s,3\nb,s,2\nc,s,2\n",
    );
    let mut earlier = fx.json(&["gap", "org.toml", "-f", "json", "-q"]);
    assert_eq!(earlier["needs"][0]["have"], 1);
    for written in [
        "0.33333333333333",
        "0.3333333333333333",
        "0.333333333333333426",
    ] {
        earlier["needs"][0]["coverage"] = serde_json::from_str(written).unwrap();
        std::fs::write(fx.dir().join("base.json"), earlier.to_string()).unwrap();
        let base = ["--baseline", "base.json", "--fail-on-regression", "-q"];
        let run = |format: &str| {
            let mut args = vec!["gap", "org.toml", "-f", format];
            args.extend(base);
            let out = fx.run(&args);
            assert_eq!(
                out.status.code(),
                Some(0),
                "{written} {format}: no regression"
            );
            String::from_utf8(out.stdout).unwrap()
        };
        let md = run("markdown");
        for word in ["better", "worse"] {
            assert!(!md.contains(word), "{written}: {word} in\n{md}");
        }
        assert!(md.contains("1 need unchanged"), "{written}:\n{md}");
        assert_eq!(
            md.matches("changed").count(),
            md.matches("unchanged").count()
        );
        let json: Value = serde_json::from_str(&run("json")).unwrap();
        assert_eq!(
            json["needs"][0]["baseline"]["change"]["coverage"], 0.0,
            "{written}"
        );
        let csv = run("csv");
        assert!(csv.contains(",unchanged"), "{written}: {csv}");
    }
    // A real change of the fraction is one: b reaches 3, have 2 of 3.
    earlier["needs"][0]["coverage"] = serde_json::from_str("0.3333333333333333").unwrap();
    std::fs::write(fx.dir().join("base.json"), earlier.to_string()).unwrap();
    let fx = fx.file(
        "assessments.csv",
        "person,skill,level\na,s,3\nb,s,3\nc,s,2\n",
    );
    let out = fx.run(&[
        "gap",
        "org.toml",
        "-f",
        "markdown",
        "--baseline",
        "base.json",
        "-q",
    ]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("better"));
}

// ---------------------------------------------------------------------------
// Mentors present at the goal's end (FORMAT.md r3 "Mentors")
// ---------------------------------------------------------------------------

/// Need n: 2 at level 3 in unit a by 2027-06-30. x (a, level 4) leaves
/// 2027-03-31, so at H only m (a, level 2) is in scope: have 0, develop m
/// 2->3, recruit 1. m's goal ends at its deadline 2027-06-30 (no capacity).
/// Candidates present at D at >= 3: x (same unit) and y (unit b). x leaves
/// before the goal ends, so y mentors. With 365 h a year the 40 h goal
/// finishes 2026-07-25, while x is still there: x mentors.
#[test]
fn a_mentor_who_leaves_before_the_goal_ends_is_not_one() {
    let body = |capacity: &str| {
        format!(
            "{capacity}[[skill]]\nid = \"s\"\n\n\
             [[need]]\nid = \"n\"\nskill = \"s\"\nlevel = 3\ncount = 2\nunit = \"a\"\nby = 2027-06-30\n"
        )
    };
    let people = "id,unit,leaves\nm,a,\nx,a,2027-03-31\ny,b,\n";
    let assessments = "person,skill,level\nm,s,2\nx,s,4\ny,s,3\n";
    let mentor_of_m = |fx: &Fixture| {
        let plan = plan_report(&fx.load(), &PeopleFilter::default());
        let m = plan.plans.iter().find(|p| p.person == "m").unwrap();
        assert_eq!(m.goals.len(), 1);
        m.goals[0].mentor.clone()
    };
    let fx = Fixture::standard(&body(""), people, assessments);
    assert_eq!(mentor_of_m(&fx).as_deref(), Some("y"));
    let fx = Fixture::standard(
        &body("[capacity]\nhours_per_year = 365\n\n"),
        people,
        assessments,
    );
    assert_eq!(mentor_of_m(&fx).as_deref(), Some("x"));
}

// ---------------------------------------------------------------------------
// Pseudonyms change names only (FORMAT.md r3)
// ---------------------------------------------------------------------------

/// Need n: 1 at level 3; a (unit x) and b (unit y) are both at 2 without
/// interest: equally suited, so the lower id, a, is developed (40 h in unit
/// x). Role r (t at 1) gives each a goal of their own, so both have plans.
/// Pseudonymised, the tie must still go to a whatever order the pseudonyms
/// have: the same numbers by unit under every salt, and a's pseudonym in
/// the develop list. Some of the salts put b's pseudonym first.
#[test]
fn pseudonymised_numbers_equal_the_named_ones() {
    let fx = Fixture::standard(
        "[[skill]]\nid = \"s\"\n\n[[skill]]\nid = \"t\"\n\n\
         [[role]]\nid = \"r\"\nrequires = { t = 1 }\n\n\
         [[need]]\nid = \"n\"\nskill = \"s\"\nlevel = 3\ncount = 1\n",
        "id,unit,role\na,x,r\nb,y,r\n",
        "person,skill,level\na,s,2\nb,s,2\n",
    );
    let by_unit = |json: &Value| json["summary"]["by_unit"].to_string();
    let named = fx.json(&["plan", "org.toml", "-f", "json", "-q"]);
    let named_gap = fx.json(&["gap", "org.toml", "-f", "json", "-q"]);
    assert_eq!(named_gap["needs"][0]["develop"][0]["person"], "a");
    let mut flipped = 0;
    for i in 0..12 {
        let salt = format!("a-salt-of-sixteen-or-more-{i:02}");
        let hidden = |command: &str| {
            fx.json(&[
                command,
                "org.toml",
                "-f",
                "json",
                "-q",
                "--pseudonymize",
                "--salt",
                &salt,
            ])
        };
        let (plan, gap) = (hidden("plan"), hidden("gap"));
        assert_eq!(by_unit(&plan), by_unit(&named), "salt {salt}");
        assert_eq!(gap["totals"], named_gap["totals"], "salt {salt}");
        let pseudonym = |unit: &str| {
            plan["plans"]
                .as_array()
                .unwrap()
                .iter()
                .find(|p| p["unit"] == unit)
                .map(|p| p["person"].as_str().unwrap().to_string())
                .unwrap()
        };
        let (a, b) = (pseudonym("x"), pseudonym("y"));
        assert_eq!(
            gap["needs"][0]["develop"][0]["person"],
            a.as_str(),
            "salt {salt}"
        );
        flipped += usize::from(b < a);
    }
    assert!(
        flipped > 0,
        "no salt puts b's pseudonym first: the test proves nothing"
    );
}

// ---------------------------------------------------------------------------
// Stale never for a certificate valid after D (FORMAT.md r3 "Stale")
// ---------------------------------------------------------------------------

/// Three holders assessed 2020-01-01 (before 2024-06-15): a's certificate
/// is valid until 2027-04-01 (after D: its expiry is its freshness, not
/// stale); b's until D itself (valid, but not after D: stale); c has no
/// expiry (stale). So 2 stale of 3, and a stale warning for b and c only.
#[test]
fn a_certificate_valid_after_d_is_never_stale() {
    let fx = Fixture::standard(
        "[[skill]]\nid = \"s\"\n\n[[need]]\nid = \"n\"\nskill = \"s\"\nlevel = 3\ncount = 3\n",
        "id\na\nb\nc\n",
        "person,skill,level,assessed,expires\n\
         a,s,3,2020-01-01,2027-04-01\n\
         b,s,3,2020-01-01,2026-06-15\n\
         c,s,3,2020-01-01,\n",
    );
    let loaded = fx.loaded(&LoadOptions::default());
    let stale: Vec<String> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning && d.message.contains("stale"))
        .map(|d| d.message.clone())
        .collect();
    assert_eq!(stale.len(), 2, "{stale:?}");
    assert!(stale.iter().all(|m| !m.contains("'a'")), "{stale:?}");
    let org = loaded.org.expect("loads");
    let gap = gap_report(&org, &GapFilter::default());
    assert_eq!((gap.freshness.assessed, gap.freshness.stale), (3, 2));
    let balance = fx.json(&["balance", "org.toml", "-f", "json", "-q"]);
    assert_eq!(balance["skills"][0]["stale_count"], 2, "{balance}");
}

// ---------------------------------------------------------------------------
// The coverage map agrees with the gap table (FORMAT.md r3 "Coverage map")
// ---------------------------------------------------------------------------

/// Need n: 4 at level 3 in unit a, which has 2 holders; unit b has 5
/// holders but no need. The whole-organisation cell counted all 7 holders
/// against n's 4 (100 %); it is n itself: 2 of 4 (50 %). Column a: 2 of 4.
/// Column b: no need reaches it, so it shows its 5 people at >= 3, without
/// a share.
#[test]
fn the_whole_organisation_cell_is_its_needs_not_every_holder() {
    let mut people = String::from("id,unit\n");
    let mut rows = String::from("person,skill,level\n");
    for (id, unit) in [("a1", "a"), ("a2", "a"), ("a3", "a")]
        .into_iter()
        .chain((1..=5).map(|i| (["b1", "b2", "b3", "b4", "b5"][i - 1], "b")))
    {
        people.push_str(&format!("{id},{unit}\n"));
        let level = if id == "a3" { 1 } else { 3 };
        rows.push_str(&format!("{id},s,{level}\n"));
    }
    let fx = Fixture::standard(
        "[[skill]]\nid = \"s\"\n\n[[need]]\nid = \"n\"\nskill = \"s\"\nlevel = 3\ncount = 4\nunit = \"a\"\n",
        &people,
        &rows,
    );
    let report = fx.json(&["report", "org.toml", "-f", "json", "-q"]);
    let map = &report["coverage_map"];
    assert_eq!(map["units"], serde_json::json!([null, "a", "b"]));
    let cells = &map["skills"][0]["cells"];
    let brief = |c: &Value| {
        (
            c["have"].clone(),
            c["demand"].clone(),
            c["coverage"].clone(),
        )
    };
    assert_eq!(brief(&cells[0]), (2.into(), 4.into(), 0.5.into()));
    assert_eq!(brief(&cells[1]), (2.into(), 4.into(), 0.5.into()));
    assert_eq!(brief(&cells[2]), (5.into(), 0.into(), Value::Null));
}

/// On every shipped example, each cell of the map with a demand is the sum
/// over the needs of its skill in its column of min(have, count) against
/// the sum of count, as the gap table has them.
#[test]
fn the_coverage_map_adds_up_the_gap_table_on_every_example() {
    for example in ["tiny", "virksomhet-x", "nordvik-kommune"] {
        let org = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples")
            .join(example)
            .join("org.toml");
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_kompetanse"))
            .arg("report")
            .arg(&org)
            .args(["-f", "json", "-q"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{example}");
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        let needs = report["gap"]["needs"].as_array().unwrap();
        let units = report["coverage_map"]["units"].as_array().unwrap();
        for row in report["coverage_map"]["skills"].as_array().unwrap() {
            for (column, cell) in units.iter().zip(row["cells"].as_array().unwrap()) {
                let within = |n: &&Value| match (column.as_str(), n["unit"].as_str()) {
                    (None, _) => true,
                    (Some(c), Some(u)) => u == c || u.starts_with(&format!("{c}/")),
                    (Some(_), None) => false,
                };
                let mine: Vec<&Value> = needs
                    .iter()
                    .filter(|n| n["skill"] == row["skill"])
                    .filter(within)
                    .collect();
                let count = |n: &Value| n["count"].as_u64().unwrap();
                let demand: u64 = mine.iter().map(|n| count(n)).sum();
                let covered: u64 = mine
                    .iter()
                    .map(|n| n["have"].as_u64().unwrap().min(count(n)))
                    .sum();
                assert_eq!(
                    cell["demand"], demand,
                    "{example} {} {column}",
                    row["skill"]
                );
                if demand > 0 {
                    assert_eq!(cell["have"], covered, "{example} {} {column}", row["skill"]);
                    let share = cell["coverage"].as_f64().unwrap();
                    assert!((share - covered as f64 / demand as f64).abs() < 1e-12);
                } else {
                    assert!(cell["coverage"].is_null());
                }
            }
        }
    }
}
