//! Semantic tests for `kompetanse progress --since S`: the organisation
//! then (the same files at S) and now (at D), per need, per skill, who
//! moved up or down, and the levels gained by unit and by driver.
//!
//! Every expected number was worked out by hand; the comment above each
//! block shows the working. D is 2026-06-15 (the standard fixture) and S is
//! 2025-12-31 unless a test says otherwise.

mod common;

use common::{Fixture, close};
use jiff::civil::date;
use kompetanse::analysis::progress::progress_report;
use kompetanse::load::LoadOptions;
use kompetanse::report::{GainBy, LevelChange, ProgressReport};
use serde_json::Value;

const BODY: &str = r#"
[[driver]]
id = "cloud"
name = "Cloud"

[[driver]]
id = "safety"
name = "Safety"

[[skill]]
id = "rust"

[[skill]]
id = "firstaid"

[[need]]
id = "rust-it"
skill = "rust"
level = 3
count = 2
unit = "it"
driver = "cloud"

[[need]]
id = "aid-all"
skill = "firstaid"
level = 2
count = 2
driver = "safety"
"#;

const PEOPLE: &str = "id,name,unit\na,Ann,it\nb,Bo,it\nc,Cy,hr\nd,Di,\n";

const ASSESSMENTS: &str = "person,skill,level,assessed,expires\n\
    a,rust,1,2025-03-01,\n\
    a,rust,3,2026-02-01,\n\
    b,rust,3,2025-05-01,\n\
    c,rust,1,2025-05-01,\n\
    c,rust,2,2026-03-01,\n\
    b,firstaid,2,2025-01-10,2026-01-10\n\
    d,firstaid,2,2025-06-01,2027-06-01\n\
    c,firstaid,2,2026-04-01,2028-04-01\n";

fn fixture() -> Fixture {
    Fixture::standard(BODY, PEOPLE, ASSESSMENTS)
}

/// The report from the library: the files at S, and at D.
fn progress(fx: &Fixture, since: jiff::civil::Date) -> ProgressReport {
    let then = fx.load_with(&LoadOptions {
        as_of: Some(since),
        ..LoadOptions::default()
    });
    progress_report(&then, &fx.load())
}

fn mv(
    person: &str,
    unit: Option<&str>,
    skill: &str,
    from: u8,
    to: u8,
) -> (String, Option<String>, String, u8, u8, i32) {
    (
        person.into(),
        unit.map(str::to_string),
        skill.into(),
        from,
        to,
        i32::from(to) - i32::from(from),
    )
}

fn moves(list: &[LevelChange]) -> Vec<(String, Option<String>, String, u8, u8, i32)> {
    list.iter()
        .map(|m| {
            (
                m.person.clone(),
                m.unit.clone(),
                m.skill.clone(),
                m.from,
                m.to,
                m.gained,
            )
        })
        .collect()
}

fn gains(list: &[GainBy]) -> Vec<(Option<&str>, usize, usize, u64)> {
    list.iter()
        .map(|g| (g.key.as_deref(), g.people, g.moves, g.levels))
        .collect()
}

// At S = 2025-12-31 (rows dated after S are not known; expiry judged at S):
//   rust:     a 1 (2025-03-01; the 2026-02-01 row is later), b 3, c 1, d 0
//   firstaid: a 0, b 2 (expires 2026-01-10, after S), c 0 (2026-04-01 is later), d 2
// At D = 2026-06-15:
//   rust:     a 3, b 3, c 2, d 0
//   firstaid: a 0, b 0 (expired 2026-01-10, set aside), c 2, d 2

/// A person assessed 1 in 2025 and 3 in 2026 moves up by 2; a first
/// assessment after S moves up from 0 and says so.
#[test]
fn who_moved_up_by_person_then_skill() {
    let r = progress(&fixture(), date(2025, 12, 31));
    // By person id (a, b, c, d), then skill in catalogue order (rust, firstaid).
    assert_eq!(
        moves(&r.moved_up),
        vec![
            mv("a", Some("it"), "rust", 1, 3),
            mv("c", Some("hr"), "rust", 1, 2),
            mv("c", Some("hr"), "firstaid", 0, 2),
        ]
    );
    let first: Vec<bool> = r.moved_up.iter().map(|m| m.first_assessed).collect();
    assert_eq!(first, [false, false, true]);
    assert_eq!(r.moved_up[0].name.as_deref(), Some("Ann"));
}

/// An expired certificate moves its holder down: b's first aid (2,
/// expires 2026-01-10) counted at S, is set aside at D.
#[test]
fn an_expired_certificate_moves_someone_down() {
    let r = progress(&fixture(), date(2025, 12, 31));
    assert_eq!(
        moves(&r.moved_down),
        vec![mv("b", Some("it"), "firstaid", 2, 0)]
    );
}

/// Per need, then and now.
#[test]
fn coverage_then_and_now_per_need() {
    let r = progress(&fixture(), date(2025, 12, 31));
    // rust-it (rust >= 3 x 2, unit it = a, b): then a 1, b 3 -> have 1,
    // shortfall 1, coverage 1/2; now a 3, b 3 -> have 2, shortfall 0,
    // coverage 1; change +0.5.
    // aid-all (firstaid >= 2 x 2, everyone): then b, d -> have 2, coverage 1;
    // now c, d -> have 2, coverage 1; change 0 (b's loss is c's gain).
    // Gap order at D: both medium, shortfall 0 each, then id: aid-all, rust-it.
    let ids: Vec<&str> = r.needs.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["aid-all", "rust-it"]);
    let rust = &r.needs[1];
    assert_eq!((rust.then.have, rust.then.shortfall), (1, 1));
    assert_eq!((rust.now.have, rust.now.shortfall), (2, 0));
    assert!(close(rust.then.coverage, 0.5) && close(rust.now.coverage, 1.0));
    assert!(close(rust.change, 0.5));
    let aid = &r.needs[0];
    assert_eq!((aid.then.have, aid.now.have), (2, 2));
    assert!(close(aid.change, 0.0));
    // Totals: met then 1 (aid-all), now 2; shortfall 1 -> 0; moved up a and
    // c (2 people), levels 2 + 1 + 2 = 5, of which 2 first assessed (c's
    // first aid); moved down b, 2 levels.
    let t = &r.totals;
    assert_eq!((t.needs, t.met_then, t.met_now), (2, 1, 2));
    assert_eq!((t.shortfall_then, t.shortfall_now), (1, 0));
    assert_eq!(
        (t.moved_up, t.levels_gained, t.levels_first_assessed),
        (2, 5, 2)
    );
    assert_eq!((t.moved_down, t.levels_lost), (1, 2));
}

/// The gains by the person's own unit, and by driver: a gain counts for a
/// driver when a need of that driver is on the skill and its scope holds
/// the person.
#[test]
fn gains_by_unit_and_by_driver() {
    let r = progress(&fixture(), date(2025, 12, 31));
    // Units in byte order: hr (c: rust +1, firstaid +2 = 3), it (a: rust +2).
    assert_eq!(
        gains(&r.gained_by_unit),
        vec![(Some("hr"), 1, 2, 3), (Some("it"), 1, 1, 2)]
    );
    // cloud: rust-it is scoped to it, so a's rust +2 counts, c's (hr) does
    // not. safety: aid-all covers everyone, so c's first aid +2 counts.
    // c's rust +1 is under no driver's need: "no driver", last.
    assert_eq!(
        gains(&r.gained_by_driver),
        vec![
            (Some("cloud"), 1, 1, 2),
            (Some("safety"), 1, 1, 2),
            (None, 1, 1, 1),
        ]
    );
    assert_eq!(r.gained_by_driver[0].name.as_deref(), Some("Cloud"));
}

/// People at each level per skill, then and now (unassessed at 0).
#[test]
fn people_at_each_level_then_and_now() {
    let r = progress(&fixture(), date(2025, 12, 31));
    let rust = &r.skills[0];
    assert_eq!(rust.skill, "rust");
    // Then: level 0 d; 1 a, c; 3 b. Now: 0 d; 2 c; 3 a, b.
    assert_eq!(&rust.levels_then[..4], &[1, 2, 0, 1]);
    assert_eq!(&rust.levels_now[..4], &[1, 0, 1, 2]);
    assert_eq!((rust.assessed_then, rust.assessed_now), (3, 3));
    let aid = &r.skills[1];
    // Then: 0 a, c; 2 b, d. Now: 0 a, b (expired); 2 c, d.
    assert_eq!(&aid.levels_then[..3], &[2, 0, 2]);
    assert_eq!(&aid.levels_now[..3], &[2, 0, 2]);
    assert_eq!((aid.assessed_then, aid.assessed_now), (2, 2));
    // Every person is counted once per skill, on both dates.
    for s in &r.skills {
        assert_eq!(s.levels_then.iter().sum::<u64>(), 4);
        assert_eq!(s.levels_now.iter().sum::<u64>(), 4);
    }
}

/// --since equal to D: nothing moved.
#[test]
fn since_equal_to_d_shows_no_movement() {
    let r = progress(&fixture(), date(2026, 6, 15));
    assert!(r.moved_up.is_empty() && r.moved_down.is_empty());
    assert!(r.needs.iter().all(|n| n.then == n.now && n.change == 0.0));
    assert_eq!(r.since, r.as_of);
}

/// --since after D is a usage mistake: exit 2, said plainly, nothing written.
#[test]
fn since_after_d_is_exit_2() {
    let out = fixture().run(&["progress", "org.toml", "--since", "2026-06-16"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--since 2026-06-16 is after the reference date 2026-06-15"),
        "{err}"
    );
    // With --as-of later, the same --since is fine.
    let ok = fixture().run(&[
        "progress",
        "org.toml",
        "--since",
        "2026-06-16",
        "--as-of",
        "2026-07-01",
    ]);
    assert_eq!(ok.status.code(), Some(0));
}

/// The JSON is the report: then/now nested per need, the lists and totals.
#[test]
fn json_holds_then_and_now() {
    let v = fixture().json(&[
        "progress",
        "org.toml",
        "--since",
        "2025-12-31",
        "-f",
        "json",
    ]);
    assert_eq!(v["since"], "2025-12-31");
    assert_eq!(v["as_of"], "2026-06-15");
    assert_eq!(v["needs"][1]["id"], "rust-it");
    assert_eq!(v["needs"][1]["then"]["have"], 1);
    assert_eq!(v["needs"][1]["now"]["coverage"], 1.0);
    assert_eq!(v["moved_up"][0]["gained"], 2);
    assert_eq!(v["moved_down"][0]["gained"], -2);
    assert_eq!(v["totals"]["levels_gained"], 5);
}

/// The CSV: one row per need, then and now side by side.
#[test]
fn csv_has_a_row_per_need() {
    let out = fixture().run(&["progress", "org.toml", "--since", "2025-12-31", "-f", "csv"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "id,skill,unit,role,level,count,have_then,have_now,shortfall_then,shortfall_now,coverage_then,coverage_now,change\n\
         aid-all,firstaid,,,2,2,2,2,0,0,1,1,0\n\
         rust-it,rust,it,,3,2,1,2,1,0,0.5,1,0.5\n"
    );
}

// ---------------------------------------------------------------------------
// Property: progress --since S is the difference of two --as-of runs
// ---------------------------------------------------------------------------

/// A small deterministic generator (no dependency needed for a few cases).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

/// An organisation of 3 skills, 3 needs (units, drivers) and `people`
/// people with dated assessments (some expiring) from 2024 to 2026.
fn generated(seed: u64, people: usize) -> Fixture {
    let mut g = Lcg(seed);
    let units = ["it", "it/dev", "hr", ""];
    let mut body = String::from("[[driver]]\nid = \"d1\"\nname = \"D1\"\n\n");
    for s in ["s0", "s1", "s2"] {
        body.push_str(&format!("[[skill]]\nid = \"{s}\"\n\n"));
    }
    for (i, s) in ["s0", "s1", "s2"].iter().enumerate() {
        let unit = match g.next(3) {
            0 => "unit = \"it\"\n",
            1 => "unit = \"hr\"\n",
            _ => "",
        };
        let driver = if g.next(2) == 0 {
            "driver = \"d1\"\n"
        } else {
            ""
        };
        body.push_str(&format!(
            "[[need]]\nid = \"n{i}\"\nskill = \"{s}\"\nlevel = {}\ncount = {}\n{unit}{driver}\n",
            1 + g.next(4),
            1 + g.next(4)
        ));
    }
    let mut csv = String::from("id,unit\n");
    let mut rows = String::from("person,skill,level,assessed,expires\n");
    for p in 0..people {
        csv.push_str(&format!("p{p:02},{}\n", units[g.next(4) as usize]));
        for s in ["s0", "s1", "s2"] {
            for _ in 0..g.next(3) {
                let (y, m, d) = (2024 + g.next(3), 1 + g.next(12), 1 + g.next(28));
                let expires = if g.next(4) == 0 {
                    format!("{}-{:02}-{:02}", y + 1 + g.next(2), m, d)
                } else {
                    String::new()
                };
                rows.push_str(&format!(
                    "p{p:02},{s},{},{y}-{m:02}-{d:02},{expires}\n",
                    g.next(5)
                ));
            }
        }
    }
    Fixture::standard(&body, &csv, &rows)
}

fn by_id<'a>(list: &'a Value, key: &str, id: &str) -> &'a Value {
    list.as_array()
        .and_then(|a| a.iter().find(|x| x[key] == id))
        .unwrap_or_else(|| panic!("no {key} {id} in {list}"))
}

#[test]
fn progress_is_the_difference_of_two_as_of_runs() {
    // Moves seen over all cases: the histogram check must not be vacuous.
    let mut seen = [0usize; 2];
    for seed in 1..=6u64 {
        let fx = generated(seed, 12);
        for (since, as_of) in [("2025-01-01", "2026-06-15"), ("2024-06-30", "2025-12-31")] {
            let p = fx.json(&[
                "progress", "org.toml", "--since", since, "--as-of", as_of, "-f", "json", "-q",
            ]);
            for (side, date) in [("then", since), ("now", as_of)] {
                let gap = fx.json(&["gap", "org.toml", "--as-of", date, "-f", "json", "-q"]);
                let balance =
                    fx.json(&["balance", "org.toml", "--as-of", date, "-f", "json", "-q"]);
                for n in p["needs"].as_array().expect("needs") {
                    let g = by_id(&gap["needs"], "id", n["id"].as_str().expect("id"));
                    for f in ["have", "shortfall", "coverage"] {
                        assert_eq!(
                            n[side][f], g[f],
                            "seed {seed}, {side} {date}, need {}, {f}",
                            n["id"]
                        );
                    }
                }
                for s in p["skills"].as_array().expect("skills") {
                    let b = by_id(
                        &balance["skills"],
                        "skill",
                        s["skill"].as_str().expect("skill"),
                    );
                    assert_eq!(
                        s[format!("levels_{side}")],
                        b["levels"],
                        "seed {seed}, {side}"
                    );
                    assert_eq!(
                        s[format!("assessed_{side}")],
                        b["assessed_count"],
                        "seed {seed}, {side}"
                    );
                }
            }
            // Moves are the level differences: the histogram then, moved by
            // every move, is the histogram now.
            for s in p["skills"].as_array().expect("skills") {
                let mut levels: Vec<i64> = s["levels_then"]
                    .as_array()
                    .expect("levels")
                    .iter()
                    .map(|v| v.as_i64().expect("count"))
                    .collect();
                for (i, list) in ["moved_up", "moved_down"].iter().enumerate() {
                    for m in p[*list].as_array().expect("moves") {
                        if m["skill"] == s["skill"] {
                            seen[i] += 1;
                            levels[m["from"].as_u64().expect("from") as usize] -= 1;
                            levels[m["to"].as_u64().expect("to") as usize] += 1;
                        }
                    }
                }
                let now: Vec<i64> = s["levels_now"]
                    .as_array()
                    .expect("levels")
                    .iter()
                    .map(|v| v.as_i64().expect("count"))
                    .collect();
                assert_eq!(levels, now, "seed {seed}: {}", s["skill"]);
            }
        }
    }
    assert!(
        seen[0] > 0 && seen[1] > 0,
        "moves up and down seen: {seen:?}"
    );
}

/// `--without` applies to both dates: the person leaves then and now.
#[test]
fn without_applies_then_and_now() {
    let v = fixture().json(&[
        "progress",
        "org.toml",
        "--since",
        "2025-12-31",
        "--without",
        "a",
        "-f",
        "json",
    ]);
    // Without a: rust-it (unit it = b) has 1 then and now (short 1 on both
    // dates, so it now sorts first); only c moved up (rust +1, firstaid +2).
    assert_eq!(v["needs"][0]["id"], "rust-it");
    assert_eq!(v["needs"][0]["then"]["have"], 1);
    assert_eq!(v["needs"][0]["now"]["have"], 1);
    assert_eq!(v["totals"]["moved_up_count"], 1);
    assert_eq!(v["totals"]["levels_gained"], 3);
}

/// The workbook: needs (the CSV), levels then and now, moved up, moved down.
#[test]
fn workbook_sheets() {
    use calamine::{Data, Reader, Xlsx};
    let out = fixture().run(&[
        "progress",
        "org.toml",
        "--since",
        "2025-12-31",
        "-f",
        "xlsx",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let mut book = Xlsx::new(std::io::Cursor::new(out.stdout)).expect("a workbook");
    assert_eq!(
        book.sheet_names(),
        ["Needs", "Levels", "Moved up", "Moved down"]
    );
    let up = book.worksheet_range("Moved up").expect("sheet");
    // Header, then a rust, c rust, c firstaid; gained is a number.
    assert_eq!(up.height(), 4);
    assert_eq!(up.get((1, 0)), Some(&Data::String("a".into())));
    assert_eq!(up.get((1, 6)), Some(&Data::Float(2.0)));
}

/// `report --since` adds to the HTML page only: other formats are told
/// to use `progress`.
#[test]
fn report_since_is_for_the_page() {
    let out = fixture().run(&["report", "org.toml", "--since", "2025-12-31", "-f", "json"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("use `progress --since` for json"), "{err}");
    let page = fixture().run(&["report", "org.toml", "--since", "2025-12-31"]);
    assert_eq!(page.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&page.stdout)
            .contains("data-bar=\"progress\" data-key=\"rust-it\"")
    );
}

/// A gain under two needs of one driver counts once for it; under needs of
/// two drivers it counts for each, so the drivers add up to more than the
/// total.
#[test]
fn a_gain_counts_once_per_driver() {
    let body = BODY.to_string()
        + "\n[[need]]\nid = \"rust-all\"\nskill = \"rust\"\nlevel = 2\ncount = 4\ndriver = \"cloud\"\n\
           \n[[need]]\nid = \"rust-safe\"\nskill = \"rust\"\nlevel = 1\ncount = 1\ndriver = \"safety\"\n";
    let fx = Fixture::standard(&body, PEOPLE, ASSESSMENTS);
    let r = progress(&fx, date(2025, 12, 31));
    // a rust +2: cloud (rust-it and rust-all: once), safety (rust-safe).
    // c rust +1: cloud (rust-all covers everyone), safety (rust-safe).
    // c firstaid +2: safety (aid-all). Nothing is left for "no driver".
    // cloud: a, c; 2 moves; 2 + 1 = 3 levels.
    // safety: a, c; 3 moves; 2 + 1 + 2 = 5 levels.
    assert_eq!(
        gains(&r.gained_by_driver),
        vec![(Some("cloud"), 2, 2, 3), (Some("safety"), 2, 3, 5)]
    );
    assert_eq!(r.totals.levels_gained, 5);
}
