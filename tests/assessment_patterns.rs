//! FORMAT.md r3: `[profiles] assessments` may name a pattern such as
//! `"svar/*.csv"`: every matching file, in name order (so on a tie of dates
//! the file later by name wins, as a later file does); a pattern matching
//! nothing is a warning, not an error, so an empty answers folder is fine.

mod common;

use common::{Fixture, org_toml};

fn body(assessments: &str) -> String {
    org_toml("[[skill]]\nid = \"s\"\n\n[[need]]\nid = \"n\"\nskill = \"s\"\nlevel = 3\ncount = 1\n")
        .replace(
            "assessments = [\"assessments.csv\"]",
            &format!("assessments = {assessments}"),
        )
}

/// a is at 1 in assessments.csv (2026-01-01). The answers folder holds
/// b-kari.csv (a at 3) and a-ola.csv (a at 2), both dated 2026-03-01: read
/// in name order, a-ola then b-kari, the tie goes to the later file, so a
/// is at 3 and the need (1 at level 3) is met. notes.txt does not match.
#[test]
fn a_pattern_reads_every_matching_file_in_name_order() {
    let fx = Fixture::new(&body("[\"assessments.csv\", \"svar/*.csv\"]"))
        .file("people.csv", "id\na\n")
        .file(
            "assessments.csv",
            "person,skill,level,assessed\na,s,1,2026-01-01\n",
        );
    std::fs::create_dir(fx.dir().join("svar")).unwrap();
    let fx = fx
        .file(
            "svar/b-kari.csv",
            "person,skill,level,assessed\na,s,3,2026-03-01\n",
        )
        .file(
            "svar/a-ola.csv",
            "person,skill,level,assessed\na,s,2,2026-03-01\n",
        )
        .file("svar/notes.txt", "not an assessment file\n");
    let json = fx.json(&["gap", "org.toml", "-f", "json"]);
    assert_eq!(json["needs"][0]["have"], 1, "{json}");
    // Renamed so that the level-2 file comes last, it wins the tie.
    std::fs::rename(
        fx.dir().join("svar/a-ola.csv"),
        fx.dir().join("svar/c-ola.csv"),
    )
    .unwrap();
    let json = fx.json(&["gap", "org.toml", "-f", "json"]);
    assert_eq!(json["needs"][0]["have"], 0, "{json}");
    assert_eq!(json["needs"][0]["develop"][0]["from"], 2, "{json}");
}

/// Before the first answers come back the folder is empty (or missing):
/// one warning at the pattern's place in org.toml, exit 0, and the other
/// files are read as usual.
#[test]
fn a_pattern_that_matches_nothing_is_a_warning() {
    let fx = Fixture::new(&body("[\"assessments.csv\", \"svar/*.xlsx\"]"))
        .file("people.csv", "id\na\n")
        .file("assessments.csv", "person,skill,level\na,s,3\n");
    let out = fx.run(&["check", "org.toml"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("org.toml:7:35: ")
            && stderr.contains("warning: the pattern")
            && stderr.contains("svar/*.xlsx matches no file yet"),
        "{stderr}"
    );
    let json = fx.json(&["gap", "org.toml", "-f", "json", "-q"]);
    assert_eq!(json["needs"][0]["have"], 1);
}
