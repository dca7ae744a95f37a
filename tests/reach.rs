//! FORMAT r3 "Reach" (issue 23 item 7, the deck's "reach every employee
//! with several means"): of the people present at D, how many have at
//! least one plan goal, and per mode how many have plan hours in it; in the
//! plan summary (JSON `reach`) and the report's summary cards. Worked by hand.

mod common;

use common::Fixture;

/// D = 2026-06-15. Role r requires x 1 (the organisation's 70-20-10 mix);
/// role s requires y 1 (y's own mix 0-0-100, a course).
/// - a (r): x 0 -> goal x 0 -> 1: experience, social and formal hours
/// - b (s): y 0 -> goal y 0 -> 1: formal hours only
/// - c (no role): no goal
/// - d (r), left 2026-01-01: not present at D, not counted
///
/// Reach: people 3 (a, b, c), any 2, experience 1, social 1, formal 2.
fn org() -> Fixture {
    let body = r#"
[[skill]]
id = "x"

[[skill]]
id = "y"
mix = "0-0-100"

[[role]]
id = "r"
requires = { x = 1 }

[[role]]
id = "s"
requires = { y = 1 }
"#;
    Fixture::standard(
        body,
        "id,role,leaves\na,r,\nb,s,\nc,,\nd,r,2026-01-01\n",
        "person,skill,level,assessed\nc,x,1,2026-01-01\n",
    )
}

#[test]
fn reach_counts_the_people_present_with_a_goal_and_by_mode() {
    let fx = org();
    let v = fx.json(&["plan", "org.toml", "-f", "json"]);
    let reach = &v["summary"]["reach"];
    assert_eq!(reach["people_count"], 3);
    assert_eq!(reach["any"], 2);
    assert_eq!(reach["experience"], 1);
    assert_eq!(reach["social"], 1);
    assert_eq!(reach["formal"], 2);
    // The report's JSON has the plan summary's reach, and its page a card.
    let v = fx.json(&["report", "org.toml", "-f", "json"]);
    assert_eq!(v["plan"]["reach"]["any"], 2);
    let out = fx.run(&["report", "org.toml", "--lang", "en"]);
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.contains("Reach"), "a reach card");
    assert!(html.contains("2 / 3"), "2 of 3 people reached");
    // The plan's summary says it in words.
    let out = fx.run(&["plan", "org.toml"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Reach: 2 of 3 people present have a goal; 1 with experience, 1 with social, 2 with formal hours."),
        "{text}"
    );
}
