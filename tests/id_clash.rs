//! Issue 27, F15 (docs/format.md, people from several files): two files
//! giving one id two different names is the sign of an id clash (two
//! people sharing an employee number). Without a people file it is an
//! error at the cell; with one, the people file wins and it is a warning.
//! Letter case and spacing are not a different name.

mod common;

use common::Fixture;

const ORG: &str = "[organisation]\nname = \"T\"\nas_of = 2026-06-15\n\n\
    [profiles]\nassessments = [\"a.csv\", \"b.csv\"]\n\n[[skill]]\nid = \"s\"\n";

#[test]
fn two_names_for_one_id_in_two_matrices_are_an_error() {
    let fx = Fixture::new(ORG)
        .file("a.csv", "person,name,s\n10041,Kari Nordmann,2\n")
        .file("b.csv", "person,name,s\n10041,Ola Hansen,3\n");
    let out = fx.run(&["check", "org.toml"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("b.csv:2:2: error:")
            && stderr.contains(
                "person '10041' has name 'Ola Hansen' here but 'Kari Nordmann' at a.csv:2"
            ),
        "{stderr}"
    );
    // The same name in other case and spacing is the same person.
    let fx = fx.file("b.csv", "person,name,s\n10041,kari  NORDMANN,3\n");
    let out = fx.run(&["check", "org.toml"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn with_a_people_file_a_different_name_is_a_warning_and_the_file_wins() {
    let org = ORG.replace("[profiles]\n", "[profiles]\npeople = \"people.csv\"\n");
    let fx = Fixture::new(&org)
        .file("people.csv", "id,name\n10041,Kari Nordmann\n")
        .file("a.csv", "person,name,s\n10041,Kari Nordmann,2\n")
        .file("b.csv", "person,name,s\n10041,Ola Hansen,3\n");
    let out = fx.run(&["check", "org.toml"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains(
            "b.csv:2:2: warning: column 'name' (cell B2): person '10041' has name 'Ola Hansen' here but 'Kari Nordmann' at people.csv:2"
        ) && stderr.contains("the people file wins"),
        "{stderr}"
    );
}
