//! FORMAT.md r3: what levels and skills mean, for forms and personal
//! pages: `[scale] descriptions` and `[[skill]] description` and `levels`,
//! one text per level of the scale, lowest first. A list of another length
//! is an error at its place in org.toml.

mod common;

use common::{Fixture, org_toml};

fn fixture(scale: &str, skill: &str) -> Fixture {
    Fixture::new(&org_toml(&format!(
        "{scale}\n[[skill]]\nid = \"s\"\nname = \"Sertifisering\"\n{skill}\n"
    )))
    .file("people.csv", "id\na\n")
    .file("assessments.csv", "person,skill,level\na,s,2\n")
}

#[test]
fn descriptions_of_the_scale_and_of_a_skill_are_read() {
    let org = fixture(
        "[scale]\nlevels = [\"ingen\", \"litt\", \"mye\"]\ndescriptions = [\"Ingen\", \" Litt \", \"Mye\"]\n",
        "description = \"Sertifiseringen som kreves\"\nlevels = [\"-\", \"Kurs\", \"Sertifisert\"]\n",
    )
    .load();
    assert_eq!(org.scale.descriptions, ["Ingen", "Litt", "Mye"]);
    assert_eq!(
        org.skills[0].description.as_deref(),
        Some("Sertifiseringen som kreves")
    );
    assert_eq!(org.skills[0].levels, ["-", "Kurs", "Sertifisert"]);
    // Without them: nothing, and the default scale's five levels.
    let org = fixture("", "").load();
    assert!(org.scale.descriptions.is_empty() && org.skills[0].levels.is_empty());
    assert_eq!(org.skills[0].description, None);
}

#[test]
fn a_list_of_another_length_than_the_scale_is_an_error_at_its_place() {
    let fx = fixture(
        "[scale]\ndescriptions = [\"a\", \"b\"]\n",
        "levels = [\"0\", \"1\", \"2\", \"3\", \"4\", \"5\"]\n",
    );
    let out = fx.run(&["check", "org.toml"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("org.toml:10:16: error: 'descriptions' in [scale] has 2 texts; the scale has 5 levels (none, basic, working, advanced, expert)"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "org.toml:15:10: error: 'levels' in [[skill]] has 6 texts; the scale has 5 levels"
        ),
        "{stderr}"
    );
}
