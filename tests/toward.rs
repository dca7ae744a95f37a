//! Readiness for another role, `--toward ROLE` on `gap --by person` and
//! `plan --person ID` (issue 23 item 6, FORMAT r3 "Readiness"): the gap to
//! that role's targets as for one's own role, effort split by the mix,
//! and readiness = the share of the role's required skills at target.
//! Worked by hand.

mod common;

use common::{Fixture, close};

/// D = 2026-06-15, hours_per_level 40, mix 70-20-10.
/// Role lead requires rust 3, sql 2, ledelse 2.
/// - p (role dev: rust 3): rust 3, sql 1, ledelse 0. Toward lead: rust gap
///   0; sql gap 1 = 40 h; ledelse gap 2 = 80 h; 120 h = 84 + 24 + 12;
///   readiness 1 of 3 skills at target = 1/3.
/// - q (no role): rust 4, sql 2, ledelse 2: readiness 3/3 = 1, no hours.
///
/// Totals: (1 + 3) / (3 + 3) = 2/3 of the pairs at target.
fn org() -> Fixture {
    let body = r#"
[[skill]]
id = "rust"

[[skill]]
id = "sql"

[[skill]]
id = "ledelse"

[[role]]
id = "dev"
requires = { rust = 3 }

[[role]]
id = "lead"
requires = { rust = 3, sql = 2, ledelse = 2 }
"#;
    Fixture::standard(
        body,
        "id,name,role\np,Per P,dev\nq,Kari Q,\n",
        "person,skill,level,assessed\n\
         p,rust,3,2026-01-01\n\
         p,sql,1,2026-01-01\n\
         q,rust,4,2026-01-01\n\
         q,sql,2,2026-01-01\n\
         q,ledelse,2,2026-01-01\n",
    )
}

#[test]
fn gap_by_person_toward_a_role_measures_everyone_against_it() {
    let fx = org();
    let v = fx.json(&[
        "gap", "org.toml", "--by", "person", "--toward", "lead", "-f", "json",
    ]);
    assert_eq!(v["toward"], "lead");
    let people = v["people"].as_array().unwrap();
    assert_eq!(
        people.len(),
        2,
        "q has no role of their own but is measured"
    );
    let p = &people[0];
    assert_eq!(p["person"], "p");
    assert_eq!(p["role"], "lead");
    assert!(close(p["readiness"].as_f64().unwrap(), 1.0 / 3.0));
    let gaps: Vec<u64> = p["skills"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["gap_levels"].as_u64().unwrap())
        .collect();
    assert_eq!(gaps, [0, 1, 2]);
    assert_eq!(p["effort"]["total"], 120.0);
    assert_eq!(p["effort"]["experience"], 84.0);
    assert_eq!(p["effort"]["social"], 24.0);
    assert_eq!(p["effort"]["formal"], 12.0);
    assert_eq!(people[1]["readiness"], 1.0);
    assert_eq!(people[1]["effort"]["total"], 0.0);
    assert!(close(v["totals"]["readiness"].as_f64().unwrap(), 2.0 / 3.0));
    // Without --toward: own roles only, and no `toward` field.
    let v = fx.json(&["gap", "org.toml", "--by", "person", "-f", "json"]);
    assert!(v.get("toward").is_none());
    assert_eq!(v["people"].as_array().unwrap().len(), 1);
    assert_eq!(v["people"][0]["role"], "dev");
}

#[test]
fn plan_toward_a_role_adds_the_persons_readiness() {
    let fx = org();
    let v = fx.json(&[
        "plan", "org.toml", "--person", "p", "--toward", "lead", "-f", "json",
    ]);
    let t = &v["toward_gap"];
    assert_eq!(t["person"], "p");
    assert_eq!(t["role"], "lead");
    assert!(close(t["readiness"].as_f64().unwrap(), 1.0 / 3.0));
    assert_eq!(t["effort"]["total"], 120.0);
    // The plan itself is the person's own (role dev: nothing to do).
    assert_eq!(v["plans"][0]["goals"].as_array().unwrap().len(), 0);
    let v = fx.json(&["plan", "org.toml", "--person", "p", "-f", "json"]);
    assert!(v.get("toward").is_none());
    for lang in ["en", "nb"] {
        let out = fx.run(&[
            "plan", "org.toml", "--person", "p", "--toward", "lead", "--lang", lang,
        ]);
        let text = String::from_utf8(out.stdout).unwrap();
        let heading = match lang {
            "en" => "Toward the role lead: readiness 33",
            _ => "Mot rollen lead: beredskap 33",
        };
        assert!(text.contains(heading), "{lang}:\n{text}");
    }
}

#[test]
fn toward_is_refused_where_it_means_nothing() {
    let fx = org();
    for args in [
        &["gap", "org.toml", "--toward", "lead"][..],
        &["plan", "org.toml", "--toward", "lead"][..],
        &["gap", "org.toml", "--by", "person", "--toward", "boss"][..],
        &["plan", "org.toml", "--person", "p", "--toward", "boss"][..],
    ] {
        let out = fx.run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}
