//! FORMAT.md r3: several sources of one person's level. `[assessment]
//! prefer` (the earliest listed source wins whatever the dates; unlisted
//! and blank sources after every listed one; among equals the latest, a
//! later row on a tie) and "Calibration" (latest self against latest
//! manager, `calibrate_at` or more apart). Hand-worked; D is 2026-06-15.

mod common;

use common::{Fixture, org_toml};
use kompetanse::model::Organisation;
use serde_json::Value;

const ROWS: &str = "person,skill,level,assessed,expires,source\n\
    a,s,2,2026-01-10,,manager\n\
    a,s,4,2026-03-01,,self\n\
    b,s,3,2026-01-10,,Self\n\
    b,s,1,2026-02-01,,kollega\n\
    c,s,1,2026-02-01,,manager\n\
    c,s,2,2026-02-01,,leder\n\
    d,s,3,2026-01-01,,\n\
    d,s,2,2026-05-01,,selv\n\
    e,s,4,2020-01-01,2026-01-01,manager\n\
    e,s,2,2026-02-01,,self\n\
    f,s,3,2026-01-01,,self\n\
    f,s,1,2026-04-01,,self\n\
    f,s,2,2026-01-01,,manager\n\
    g,s,4,2026-01-01,,manager\n\
    g,s,1,2026-01-01,,manager\n\
    g,s,3,2026-01-01,,self\n\
    h,s,4,2026-07-01,,self\n\
    h,s,1,2026-01-01,,manager\n";

fn fixture(assessment: &str) -> Fixture {
    Fixture::new(&org_toml(&format!("{assessment}\n[[skill]]\nid = \"s\"\n")))
        .file("people.csv", "id\na\nb\nc\nd\ne\nf\ng\nh\n")
        .file("assessments.csv", ROWS)
}

fn levels(org: &Organisation) -> Vec<(String, u8)> {
    (0..org.people.len())
        .map(|p| (org.people.id(p).to_string(), org.matrix.level(p, 0)))
        .collect()
}

fn expect(pairs: &[(&str, u8)]) -> Vec<(String, u8)> {
    pairs.iter().map(|(p, l)| (p.to_string(), *l)).collect()
}

/// With prefer = [manager, self]:
/// - a: manager 2 (Jan) beats the newer self 4 (Mar): 2.
/// - b: self 3 beats the newer kollega 1 (unlisted, after every listed): 3.
/// - c: manager 1 and leder 2 are one source on one day: the later row, 2.
/// - d: a blank source is unlisted; self 2 wins over the older blank 3: 2.
/// - e: the manager's 4 expired (set aside), so self 2.
/// - f: manager 2 beats both self rows: 2. g: manager 4 and manager 1 on
///   one day: the later row, 1. h: self 4 is dated after D (not known):
///   manager 1.
///
/// Without `prefer` the latest wins whatever its source: a 4, b 1, c 2,
/// d 2, e 2, f 1 (Apr), g 3 (the last row of the day), h 1.
#[test]
fn prefer_orders_sources_before_dates() {
    let org = fixture("[assessment]\nprefer = [\"manager\", \"self\"]\n").load();
    assert_eq!(
        levels(&org),
        expect(&[
            ("a", 2),
            ("b", 3),
            ("c", 2),
            ("d", 2),
            ("e", 2),
            ("f", 2),
            ("g", 1),
            ("h", 1)
        ])
    );
    let org = fixture("").load();
    assert_eq!(
        levels(&org),
        expect(&[
            ("a", 4),
            ("b", 1),
            ("c", 2),
            ("d", 2),
            ("e", 2),
            ("f", 1),
            ("g", 3),
            ("h", 1)
        ])
    );
}

/// A source ranked first in `prefer` beats a skills matrix too (a matrix
/// has no source column: it is unlisted).
#[test]
fn a_matrix_ranks_after_every_listed_source() {
    let fx = Fixture::new(&org_toml(
        "[assessment]\nprefer = [\"certificate\"]\n\n[[skill]]\nid = \"s\"\n",
    ))
    .file("people.csv", "id\na\n")
    .file(
        "assessments.csv",
        "person,skill,level,assessed,source\na,s,2,2025-01-01,sertifikat\n",
    )
    .file("matrix.csv", "person,assessed,s\na,2026-06-01,4\n");
    let text = std::fs::read_to_string(fx.path()).unwrap().replace(
        "assessments = [\"assessments.csv\"]",
        "assessments = [\"assessments.csv\", \"matrix.csv\"]",
    );
    let fx = fx.file("org.toml", &text);
    assert_eq!(levels(&fx.load()), expect(&[("a", 2)]));
}

/// Calibration (calibrate_at 2, the default), latest self against latest
/// manager, both known at D and unexpired:
/// - a: self 4, manager 2: 2 apart, listed (counted 2 by prefer).
/// - b: no manager; c, d: no self in c, d's self 2 has no manager: none.
/// - e: the manager row expired: no pair.
/// - f: latest self 1 (Apr), manager 2: 1 apart, not listed at 2.
/// - g: self 3, latest manager 1 (the later row of the day): listed.
/// - h: the self 4 is not known at D: no pair.
///
/// At calibrate_at = 1, f is listed too.
#[test]
fn self_and_manager_far_apart_are_listed_for_a_talk() {
    let fx = fixture("[assessment]\nprefer = [\"manager\", \"self\"]\n");
    let json = fx.json(&["balance", "org.toml", "-f", "json", "-q"]);
    let brief = |json: &Value| -> Vec<String> {
        json["calibration"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                format!(
                    "{} {} self {} manager {} counted {}",
                    c["person"].as_str().unwrap(),
                    c["skill"].as_str().unwrap(),
                    c["self"],
                    c["manager"],
                    c["counted"]
                )
            })
            .collect()
    };
    assert_eq!(
        brief(&json),
        [
            "a s self 4 manager 2 counted 2",
            "g s self 3 manager 1 counted 1"
        ]
    );
    let fx = fixture("[assessment]\ncalibrate_at = 1\n");
    let json = fx.json(&["balance", "org.toml", "-f", "json", "-q"]);
    assert_eq!(
        brief(&json),
        [
            "a s self 4 manager 2 counted 4",
            "f s self 1 manager 2 counted 1",
            "g s self 3 manager 1 counted 3"
        ]
    );
}

/// A source listed twice (leder is manager) and a calibrate_at of 0 are
/// errors at their place in org.toml, exit 2.
#[test]
fn a_source_listed_twice_and_calibrate_at_zero_are_errors() {
    let fx = fixture("[assessment]\nprefer = [\"manager\", \"leder\"]\ncalibrate_at = 0\n");
    let out = fx.run(&["check", "org.toml"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("org.toml:10:22: error: source"), "{stderr}");
    assert!(
        stderr.contains("source 'leder' is listed twice in 'prefer'"),
        "{stderr}"
    );
    assert!(stderr.contains("calibrate_at"), "{stderr}");
    let fx = fixture("[assessment]\nprefers = [\"manager\"]\n");
    let out = fx.run(&["check", "org.toml"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("did you mean 'prefer'"), "{stderr}");
}

/// The calibration list in balance's table and Markdown (both languages),
/// people by name, the levels with their names.
#[test]
fn balance_shows_the_calibration_list_by_name() {
    let fx = fixture("[assessment]\nprefer = [\"manager\", \"self\"]\n").file(
        "people.csv",
        "id,name\na,Kari Nordmann\nb,\nc,\nd,\ne,\nf,\ng,Ola Hansen\nh,\n",
    );
    let out = fx.run(&["balance", "org.toml", "-q"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(
        table.contains("Self and manager 2 or more levels apart (for a competence talk):"),
        "{table}"
    );
    assert!(
        table.contains("Kari Nordmann (a)")
            && table.contains("4 expert")
            && table.contains("2 working"),
        "{table}"
    );
    let out = fx.run(&["balance", "org.toml", "-q", "--lang", "nb", "-f", "md"]);
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(
        md.contains("## Egen og leders vurdering 2 nivåer eller mer fra hverandre"),
        "{md}"
    );
    assert!(
        md.contains("| Ola Hansen (g) | s | 3 advanced | 1 basic | 1 basic |"),
        "{md}"
    );
}

fn sources(org: &Organisation) -> Vec<(String, Option<&'static str>)> {
    (0..org.people.len())
        .map(|p| {
            let kind = org.matrix.source(p, 0).and_then(|k| k.word());
            (org.people.id(p).to_string(), kind)
        })
        .collect()
}

/// Issue 24 item 3: the level that counts shows where it comes from, the
/// source of the row chosen above (aliases in their plain word; `kollega`
/// and a blank source show none).
#[test]
fn the_counted_level_knows_its_source() {
    let m = Some("manager");
    let s = Some("self");
    let org = fixture("[assessment]\nprefer = [\"manager\", \"self\"]\n").load();
    let want: Vec<(String, Option<&str>)> = [m, s, m, s, s, m, m, m]
        .into_iter()
        .zip(["a", "b", "c", "d", "e", "f", "g", "h"])
        .map(|(k, p)| (p.to_string(), k))
        .collect();
    assert_eq!(sources(&org), want);
    let org = fixture("").load();
    let want: Vec<(String, Option<&str>)> = [s, None, m, s, s, s, s, m]
        .into_iter()
        .zip(["a", "b", "c", "d", "e", "f", "g", "h"])
        .map(|(k, p)| (p.to_string(), k))
        .collect();
    assert_eq!(sources(&org), want);
}

/// The personal page and `who` show the source, and the page lists the
/// person's own calibration pairs (a: self 4, manager 2, 2 counts).
#[test]
fn the_personal_page_and_who_show_the_source_and_the_calibration() {
    let fx = fixture("[assessment]\nprefer = [\"manager\", \"self\"]\n");
    let page = fx.json(&["report", "org.toml", "--person", "a", "-f", "json"]);
    assert_eq!(page["levels"][0]["source"], "manager");
    assert_eq!(page["levels"][0]["level"], 2);
    let calibration = page["calibration"].as_array().unwrap();
    assert_eq!(calibration.len(), 1);
    assert_eq!(calibration[0]["self"], 4);
    assert_eq!(calibration[0]["manager"], 2);
    assert_eq!(calibration[0]["counted"], 2);
    // b has no pair far apart: nothing to talk about.
    let page = fx.json(&["report", "org.toml", "--person", "b", "-f", "json"]);
    assert_eq!(page["levels"][0]["source"], "self");
    assert_eq!(page["calibration"], Value::Array(vec![]));
    let md = String::from_utf8(
        fx.run(&[
            "report", "org.toml", "--person", "a", "-f", "markdown", "--lang", "nb",
        ])
        .stdout,
    )
    .unwrap();
    assert!(md.contains("| Kilde |"), "{md}");
    assert!(md.contains("| leder |"), "{md}");
    assert!(md.contains("Til kompetansedrøftingen"), "{md}");
    let who = fx.json(&["who", "org.toml", "s>=1", "-f", "json"]);
    let by: Vec<(&str, &Value)> = who["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["person"].as_str().unwrap(), &p["levels"][0]["source"]))
        .collect();
    assert_eq!(by[0], ("a", &Value::from("manager")));
    assert_eq!(by[1], ("b", &Value::from("self")));
}
