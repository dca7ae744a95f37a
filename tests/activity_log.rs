//! Issue 26, FORMAT r3 "Activity log", "Hours done", "Effect" and
//! "Reach": what was done and what it did. Every number here is worked by
//! hand in the comment above its fixture.

mod common;
#[path = "common/sheets.rs"]
mod sheets;

use common::Fixture;
use serde_json::Value;

/// An org.toml with D = 2026-06-15 and an activity log, then `body`.
fn org_with_log(body: &str) -> String {
    format!(
        "[organisation]\nname = \"Test\"\nas_of = 2026-06-15\n\n\
         [profiles]\npeople = \"people.csv\"\nassessments = [\"assessments.csv\"]\n\
         activities = \"aktiviteter.csv\"\n\n{body}"
    )
}

const PLANS: &str = r#"
[capacity]
hours_per_year = 365

[[skill]]
id = "x"

[[role]]
id = "r"
requires = { x = 2 }

[[activity]]
name = "Kurs i x"
mode = "formal"
"#;

/// D = 2026-06-15, capacity 365 h a year (one hour a day, so a goal of h
/// hours scheduled first finishes h days after D). Role r asks x 2; an
/// hour of x is 40 per level, split 70-20-10.
/// - a: x unassessed, goal 0 -> 2 = 80 h. Logged 30 h (01.05.2026, before
///   D): unassessed, so all count: done 30, remaining 50 = 35/10/5, finish
///   D + 50 = 2026-08-04 (without the log D + 80 = 2026-09-03).
/// - b: x 1 assessed 2026-03-01, goal 1 -> 2 = 40 h. Logged 100 h on
///   2026-02-01 (before the assessment: not done), 10 h on 2026-04-01
///   (done) and 25 h on 2026-07-01 (after D: not known). Done 10,
///   remaining 30, finish 2026-07-15.
/// - c: x 1 assessed 2026-01-01, goal 40 h; logged 50 h on 2026-03-01
///   ("kurs i X": the catalogue's "Kurs i x", so formal): done 50,
///   remaining max(0, 40 - 50) = 0: done, awaiting reassessment.
fn plans(log: bool) -> Fixture {
    let toml = org_with_log(PLANS);
    let toml = if log {
        toml
    } else {
        toml.replace("activities = \"aktiviteter.csv\"\n", "")
    };
    Fixture::new(&toml)
        .file("people.csv", "id,role\na,r\nb,r\nc,r\n")
        .file(
            "assessments.csv",
            "person,skill,level,assessed\nb,x,1,2026-03-01\nc,x,1,2026-01-01\n",
        )
        .file(
            "aktiviteter.csv",
            "ansatt;kompetanse;timer;dato;aktivitet;læringsform\n\
             a;x;30;01.05.2026;;sosial\n\
             b;x;100;2026-02-01;Kurs i x;\n\
             b;x;10;2026-04-01;;experience\n\
             b;x;25;2026-07-01;;experience\n\
             c;x;50;2026-03-01;kurs i X;\n",
        )
}

fn goal<'v>(v: &'v Value, person: &str) -> &'v Value {
    v["plans"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["person"] == person)
        .map(|p| &p["goals"][0])
        .unwrap_or_else(|| panic!("no plan for {person}"))
}

#[test]
fn hours_before_the_assessment_and_after_d_are_not_done() {
    let v = plans(true).json(&["plan", "org.toml", "-f", "json"]);
    let b = goal(&v, "b");
    assert_eq!(b["done"], 10);
    assert_eq!(b["effort"]["total"], 40, "the effort stays the full effort");
    assert_eq!(b["remaining"]["total"], 30);
    assert_eq!(b["finish"], "2026-07-15");
    // Unassessed: every hour up to D is done.
    let a = goal(&v, "a");
    assert_eq!(a["done"], 30);
    assert_eq!(
        a["remaining"],
        serde_json::json!({"total": 50, "experience": 35, "social": 10, "formal": 5})
    );
}

#[test]
fn a_finish_date_moves_earlier_by_the_done_hours() {
    let with = plans(true).json(&["plan", "org.toml", "-f", "json"]);
    let without = plans(false).json(&["plan", "org.toml", "-f", "json"]);
    assert_eq!(goal(&without, "a")["finish"], "2026-09-03");
    assert_eq!(goal(&with, "a")["finish"], "2026-08-04", "30 days earlier");
    // Without a log the goal has neither field (outputs as before).
    assert!(goal(&without, "a").get("done").is_none());
    assert!(goal(&without, "a").get("remaining").is_none());
}

#[test]
fn remaining_never_goes_below_zero_and_a_done_goal_is_due() {
    let fx = plans(true);
    let v = fx.json(&["plan", "org.toml", "-f", "json"]);
    let c = goal(&v, "c");
    assert_eq!(c["done"], 50);
    assert_eq!(c["remaining"]["total"], 0);
    assert_eq!(c["finish"], "2026-06-15", "nothing left to spend");
    let v = fx.json(&["balance", "org.toml", "-f", "json"]);
    let due: Vec<(&str, &str)> = v["due"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["person"].as_str().unwrap(), d["reason"].as_str().unwrap()))
        .collect();
    assert_eq!(due, [("a", "missing"), ("c", "done")]);
    // gap's need effort stays whole; its totals say how much is done.
    let v = fx.json(&["gap", "org.toml", "-f", "json"]);
    assert!(v["totals"].get("done").is_some());
}

/// Bad rows are reported cell by cell, every one, and nothing is written.
#[test]
fn bad_log_rows_get_cell_precise_errors() {
    let fx = Fixture::new(&org_with_log(PLANS))
        .file("people.csv", "id,role\na,r\n")
        .file("assessments.csv", "person,skill,level\n")
        .file(
            "aktiviteter.csv",
            "person,skill,hours,date,activity,mode\n\
             zed,x,3,2026-05-01,,social\n\
             a,q,2,2026-05-01,,social\n\
             a,x,-1,2026-05-01,,social\n\
             a,x,2,01/05/2026,,social\n\
             a,x,2,,,social\n\
             a,x,2,2026-05-01,Kurs i y,\n\
             a,x,2,2026-05-01,,kurs\n\
             a,x,2,2026-05-01,,\n",
        );
    let out = fx.run(&["plan", "org.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    let expected = [
        "aktiviteter.csv:2:1: error: column 'person' (cell A2): unknown person 'zed': not in the people file (add them to it, or correct the id)",
        "aktiviteter.csv:3:2: error: column 'skill' (cell B3): unknown skill 'q'",
        "aktiviteter.csv:4:3: error: column 'hours' (cell C4): hours '-1' is not a number of hours from 0 to 8784",
        "aktiviteter.csv:5:4: error: column 'date' (cell D5): date '01/05/2026' is ambiguous",
        "aktiviteter.csv:6:4: error: column 'date' (cell D6): date is empty: give the day it was done",
        "aktiviteter.csv:7:6: error: column 'mode' (cell F7): mode is empty and 'Kurs i y' is not a [[activity]] name (did you mean 'Kurs i x'?): give the mode (experience, social or formal)",
        "aktiviteter.csv:8:6: error: column 'mode' (cell F8): mode 'kurs' is not a learning mode: use experience, social or formal (erfaring, sosial, formell)",
        "aktiviteter.csv:9:6: error: column 'mode' (cell F9): mode is empty and no activity is named: give the mode (experience, social or formal)",
    ];
    for line in expected {
        assert!(
            stderr.lines().any(|l| l.starts_with(line)),
            "missing {line}\nin:\n{stderr}"
        );
    }
    assert_eq!(
        stderr.matches(": error: ").count(),
        expected.len(),
        "{stderr}"
    );
}

#[test]
fn a_log_without_its_required_columns_is_one_error_each() {
    let fx = Fixture::new(&org_with_log(PLANS))
        .file("people.csv", "id,role\na,r\n")
        .file("assessments.csv", "person,skill,level\n")
        .file("aktiviteter.csv", "person,skill,date\na,x,2026-05-01\n");
    let out = fx.run(&["plan", "org.toml"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("aktiviteter.csv:1: error: activity log has no 'hours' column"),
        "{stderr}"
    );
    assert!(
        stderr.contains("activity log has neither a 'mode' nor an 'activity' column"),
        "{stderr}"
    );
    assert_eq!(stderr.matches(": error: ").count(), 2, "{stderr}");
}

const PROGRESS: &str = r#"
[[driver]]
id = "d1"
name = "Driver one"

[[skill]]
id = "x"

[[skill]]
id = "y"

[[need]]
skill = "y"
level = 2
count = 2
driver = "d1"

[[activity]]
name = "Kurs"
mode = "formal"
"#;

/// S = 2026-01-01, D = 2026-06-15.
/// Rising pairs (progress's moved_up) and their hours in (S, D]:
/// - a/x 1 -> 2: 10 h experience + 10 h social (a tie: experience);
///   100 h on 2025-12-15 is before S, 40 h on 2026-07-01 after D;
/// - b/y 0 -> 2: 6 h "Kurs" (formal, from the catalogue) + 4 h social:
///   formal, and "Kurs" is its largest activity;
/// - c/x 1 -> 2: no hours logged: in no mode;
/// - f/y first assessed 1: 8 h social.
///
/// Effect: experience 1 pair, 20 h, 1 level, 20 h/level; social 1 pair,
/// 8 h, 1 level, 8 h/level; formal 1 pair, 10 h, 2 levels, 5 h/level.
///
/// Also logged in (S, D]: d (leaves 2026-03-01) 5 h experience, e (starts
/// 2026-09-01) 3 h social, f 2 h formal general learning (no skill).
/// Lived mix: experience 10 + 5 = 15, social 10 + 4 + 8 + 3 = 25, formal
/// 6 + 2 = 8; 48 h.
/// By driver d1 (need on y, whole organisation): b's 10 h and f's 8 h,
/// 6 formal, 12 social; the rest (30 h) under no driver.
///
/// Reach: present at D are a, b, c, f (d has left, e has not started):
/// people 4, any 3 (a, b, f), experience 1 (a), social 3 (a, b, f),
/// formal 2 (b, f).
fn progress() -> Fixture {
    Fixture::new(&org_with_log(PROGRESS))
        .file(
            "people.csv",
            "id,unit,starts,leaves\na,u1,,\nb,u1,,\nc,u2,,\nd,u2,,2026-03-01\ne,u2,2026-09-01,\nf,,,\n",
        )
        .file(
            "assessments.csv",
            "person,skill,level,assessed\n\
             a,x,1,2025-12-01\na,x,2,2026-05-01\n\
             b,y,0,2025-12-01\nb,y,2,2026-05-01\n\
             c,x,1,2025-12-01\nc,x,2,2026-06-01\n\
             f,y,1,2026-05-01\n",
        )
        .file(
            "aktiviteter.csv",
            "person,skill,hours,date,activity,mode\n\
             a,x,100,2025-12-15,,experience\n\
             a,x,10,2026-02-01,Hospitering,experience\n\
             a,x,10,2026-03-01,,social\n\
             a,x,40,2026-07-01,,formal\n\
             b,y,6,2026-02-01,Kurs,\n\
             b,y,4,2026-03-01,,social\n\
             f,y,8,2026-04-01,,social\n\
             d,x,5,2026-02-01,,experience\n\
             e,x,3,2026-05-01,,social\n\
             f,,2,2026-02-01,,formal\n",
        )
}

#[test]
fn effect_per_mode_with_a_tie_and_a_pair_without_hours() {
    let v = progress().json(&[
        "progress",
        "org.toml",
        "--since",
        "2026-01-01",
        "-f",
        "json",
    ]);
    assert_eq!(
        v["effect"],
        serde_json::json!({
            "experience_effect": {"pairs": 1, "hours": 20, "levels_gained": 1, "hours_per_level": 20.0},
            "social_effect": {"pairs": 1, "hours": 8, "levels_gained": 1, "hours_per_level": 8.0},
            "formal_effect": {"pairs": 1, "hours": 10, "levels_gained": 2, "hours_per_level": 5.0},
        })
    );
    // c/x rose without hours: counted in no mode (3 of the 4 rising pairs).
    assert_eq!(v["moved_up"].as_array().unwrap().len(), 4);
}

#[test]
fn the_lived_mix_against_the_declared_by_unit_and_driver() {
    let v = progress().json(&[
        "progress",
        "org.toml",
        "--since",
        "2026-01-01",
        "-f",
        "json",
    ]);
    let mix = &v["lived_mix"];
    assert_eq!(
        mix["declared"],
        serde_json::json!({"experience": 70, "social": 20, "formal": 10})
    );
    assert_eq!(
        mix["logged"],
        serde_json::json!({"total": 48, "experience": 15, "social": 25, "formal": 8,
            "share": [31.3, 52.1, 16.7]})
    );
    let d1 = &mix["by_driver"][0];
    assert_eq!(d1["key"], "d1");
    assert_eq!(
        (
            &d1["logged"]["total"],
            &d1["logged"]["social"],
            &d1["logged"]["formal"]
        ),
        (
            &serde_json::json!(18),
            &serde_json::json!(12),
            &serde_json::json!(6)
        )
    );
    assert_eq!(mix["by_driver"][1]["key"], Value::Null);
    assert_eq!(mix["by_driver"][1]["logged"]["total"], 30);
    let units: Vec<(Value, Value)> = mix["by_unit"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| (u["key"].clone(), u["logged"]["total"].clone()))
        .collect();
    // u1: a 20 + b 10; u2: d 5 + e 3; no unit: f 8 + 2, last.
    assert_eq!(
        units,
        [
            (serde_json::json!("u1"), serde_json::json!(30)),
            (serde_json::json!("u2"), serde_json::json!(8)),
            (Value::Null, serde_json::json!(10)),
        ]
    );
    // The catalogue activity "Kurs": 6 h, b/y's largest, 2 levels.
    assert_eq!(
        v["activity_effect"],
        serde_json::json!([{"activity": "Kurs", "mode": "formal", "hours": 6, "pairs": 1, "levels_gained": 2}])
    );
}

#[test]
fn reach_counts_the_people_present_only() {
    let v = progress().json(&[
        "progress",
        "org.toml",
        "--since",
        "2026-01-01",
        "-f",
        "json",
    ]);
    assert_eq!(
        v["reach"],
        serde_json::json!({"people_count": 4, "any": 3, "experience": 1, "social": 3, "formal": 2})
    );
}

#[test]
fn without_a_log_progress_has_no_effect_fields() {
    let fx = progress();
    let toml = org_with_log(PROGRESS).replace("activities = \"aktiviteter.csv\"\n", "");
    let fx = fx.file("org.toml", &toml);
    let v = fx.json(&[
        "progress",
        "org.toml",
        "--since",
        "2026-01-01",
        "-f",
        "json",
    ]);
    for key in ["effect", "lived_mix", "activity_effect", "reach"] {
        assert!(v.get(key).is_none(), "{key}");
    }
}

/// A renewal and a development in one skill share one log: the hours go
/// to the renewal first (up to its 8 h), the rest to the development.
/// a holds c 2 (assessed 2025-01-01, expires 2026-09-01, before the need's
/// deadline 2026-12-31): renewal 8 h; role r asks c 3: development 2 -> 3,
/// 40 h. 20 h logged on 2026-03-01: renewal done 8 (remaining 0),
/// development done 12 (remaining 28). No hour is done twice.
#[test]
fn a_renewal_and_a_development_share_the_logged_hours() {
    let body = r#"
[[skill]]
id = "c"
renew_hours = 8

[[role]]
id = "r"
requires = { c = 3 }

[[need]]
skill = "c"
level = 2
count = 1
by = 2026-12-31
"#;
    let fx = Fixture::new(&org_with_log(body))
        .file("people.csv", "id,role\na,r\n")
        .file(
            "assessments.csv",
            "person,skill,level,assessed,expires\na,c,2,2025-01-01,2026-09-01\n",
        )
        .file(
            "aktiviteter.csv",
            "person,skill,hours,date,mode\na,c,20,2026-03-01,formal\n",
        );
    let v = fx.json(&["plan", "org.toml", "-f", "json"]);
    let goals = v["plans"][0]["goals"].as_array().unwrap();
    let by_renew = |renew: bool| goals.iter().find(|g| g["renewal"] == renew).unwrap();
    assert_eq!(by_renew(true)["done"], 8);
    assert_eq!(by_renew(true)["remaining"]["total"], 0);
    assert_eq!(by_renew(false)["done"], 12);
    assert_eq!(by_renew(false)["remaining"]["total"], 28);
}

/// The effect as people read it: the table in a terminal (hand-worked
/// figures above), in bokmål Markdown, and the report page's section of
/// lived vs declared mix bars with the logged-reach card. Without a log
/// none of it is there.
#[test]
fn the_effect_table_and_the_report_section() {
    let fx = progress();
    let out = fx.run(&["progress", "org.toml", "--since", "2026-01-01", "-q"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Effect by learning mode"), "{text}");
    let row = |mode: &str| {
        text.lines()
            .find(|l| l.contains(&format!(" {mode} ")))
            .map(|l| {
                l.split(['│', '┆'])
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    assert_eq!(row("experience"), ["experience", "1", "20", "1", "20"]);
    assert_eq!(row("social"), ["social", "1", "8", "1", "8"]);
    assert_eq!(row("formal"), ["formal", "1", "10", "2", "5"]);
    assert_eq!(row("no hours logged"), ["no hours logged", "1", "0", "1"]);
    assert!(text.contains("Declared mix"), "{text}");
    assert!(
        text.contains("Reach: 3 of 4 people present logged learning; 1 with experience, 3 with social, 2 with formal hours."),
        "{text}"
    );
    let out = fx.run(&[
        "progress",
        "org.toml",
        "--since",
        "2026-01-01",
        "-q",
        "--lang",
        "nb",
        "-f",
        "markdown",
    ]);
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("| erfaringsbasert | 1 | 20 | 1 | 20 |"), "{md}");
    assert!(
        md.contains("| Levd (alle loggede timer) | 48 | 31,3 % | 52,1 % | 16,7 % |"),
        "{md}"
    );
    let out = fx.run(&[
        "report",
        "org.toml",
        "--since",
        "2026-01-01",
        "-q",
        "--lang",
        "en",
    ]);
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.contains("id=\"effect\""), "an effect section");
    assert!(html.contains("What the learning did"));
    assert!(html.contains("Reach, logged"), "a logged-reach card");
    assert!(html.contains("3 / 4"));
    // Without a log: no effect, no card.
    let toml = org_with_log(PROGRESS).replace("activities = \"aktiviteter.csv\"\n", "");
    let fx = fx.file("org.toml", &toml);
    let out = fx.run(&[
        "report",
        "org.toml",
        "--since",
        "2026-01-01",
        "-q",
        "--lang",
        "en",
    ]);
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(!html.contains("id=\"effect\""));
    assert!(!html.contains("Reach, logged"));
}

/// Plans as people read them: Done and Remaining columns, c's goal "done,
/// awaiting reassessment"; CSV appends done_hours and remaining_hours
/// only with a log.
#[test]
fn plans_show_done_and_remaining_and_csv_only_with_a_log() {
    let fx = plans(true);
    let out = fx.run(&["plan", "org.toml", "-f", "markdown"]);
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("| Done | Remaining |"), "{md}");
    assert!(
        md.contains("| 50 | done, awaiting reassessment |"),
        "c's goal: {md}"
    );
    let out = fx.run(&["plan", "org.toml", "-f", "csv"]);
    let csv = String::from_utf8(out.stdout).unwrap();
    let header = csv.lines().next().unwrap();
    assert!(
        header.ends_with(",host,done_hours,remaining_hours"),
        "{header}"
    );
    assert!(
        csv.lines()
            .any(|l| l.starts_with("b,") && l.ends_with(",10,30")),
        "{csv}"
    );
    let out = plans(false).run(&["plan", "org.toml", "-f", "csv"]);
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(
        csv.lines().next().unwrap().ends_with(",mentor,host"),
        "{csv}"
    );
    let out = plans(false).run(&["plan", "org.toml", "-f", "markdown"]);
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(!md.contains("Remaining"), "{md}");
}

/// gap's need effort stays whole and its effort line says how much of it
/// is done: a need of 2 people at x 2 has b (1 -> 2, 40 h, 10 done) and
/// c (1 -> 2, 40 h, 50 logged: 40 done at most) on its develop list:
/// effort 80 h, 50 h done.
#[test]
fn gap_says_how_much_of_the_effort_is_done() {
    let toml = org_with_log(PLANS).replace(
        "[[activity]]",
        "[[need]]\nskill = \"x\"\nlevel = 2\ncount = 2\n\n[[activity]]",
    );
    let fx = plans(true).file("org.toml", &toml);
    let v = fx.json(&["gap", "org.toml", "-f", "json"]);
    assert_eq!(v["totals"]["effort"]["total"], 80);
    assert_eq!(v["totals"]["done"], 50);
    let out = fx.run(&["gap", "org.toml"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("; 50 h of it done (activity log)"), "{text}");
}

/// The workbook of progress has an Effect sheet (the mode's CSV-style
/// name and the figures) and an Activities sheet, only with a log.
#[test]
fn the_progress_workbook_has_the_effect() {
    let fx = progress();
    let out = fx.run(&[
        "progress",
        "org.toml",
        "--since",
        "2026-01-01",
        "-q",
        "-f",
        "xlsx",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut book = sheets::book(out.stdout);
    let effect = sheets::cells(&sheets::sheet(&mut book, "Effect"));
    assert_eq!(
        effect,
        [
            ["experience", "1", "20", "1", "20"],
            ["social", "1", "8", "1", "8"],
            ["formal", "1", "10", "2", "5"],
            ["no hours logged", "1", "0", "1", ""],
        ]
    );
    let activities = sheets::cells(&sheets::sheet(&mut book, "Activities"));
    assert_eq!(activities, [["Kurs", "formal", "6", "1", "2"]]);
}

/// A goal done, awaiting reassessment, is due on the person's survey form
/// too (issue 24's `--due` forms ask for a new level).
#[test]
fn a_done_goal_is_due_on_the_survey_form() {
    use kompetanse::analysis::survey::{SurveyOptions, survey_forms};
    use kompetanse::report::DueReason;
    let org = plans(true).load();
    let options = SurveyOptions {
        due_only: true,
        expiring_days: 90,
        ..SurveyOptions::default()
    };
    let due: Vec<(String, Option<DueReason>)> = survey_forms(&org, &options)
        .iter()
        .flat_map(|f| {
            f.rows
                .iter()
                .map(|r| (org.people.id(f.person).to_string(), r.due))
        })
        .collect();
    assert_eq!(
        due,
        [
            ("a".to_string(), Some(DueReason::Missing)),
            ("c".to_string(), Some(DueReason::Done)),
        ]
    );
}

/// A certificate both done (its goal's hours logged) and expiring is due
/// once, as done: done before expiring, whatever order people.csv lists
/// people in (b before a, against the list's order by unit and id).
#[test]
fn a_done_pair_that_also_expires_is_due_once_as_done() {
    let fx = Fixture::new(&org_with_log(
        "[[skill]]\nid = \"k\"\n\n[[role]]\nid = \"r\"\nrequires = { k = 2 }\n",
    ))
    .file("people.csv", "id,name,unit,role\nb,,y,r\na,,x,r\n")
    .file(
        "assessments.csv",
        "person,skill,level,assessed,expires\n\
         a,k,1,2026-03-01,2026-07-20\n\
         b,k,1,2026-03-01,2026-07-20\n",
    )
    .file(
        "aktiviteter.csv",
        "person,skill,hours,date,mode\n\
         a,k,500,2026-05-01,experience\n\
         b,k,500,2026-05-01,experience\n",
    );
    let v = fx.json(&["balance", "org.toml", "-f", "json", "--expiring", "90"]);
    let due: Vec<(&str, &str, &str)> = v["due"]
        .as_array()
        .expect("a due list")
        .iter()
        .map(|d| {
            (
                d["person"].as_str().unwrap(),
                d["skill"].as_str().unwrap(),
                d["reason"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(due, [("a", "k", "done"), ("b", "k", "done")]);
}
