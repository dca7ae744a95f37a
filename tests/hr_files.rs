//! Issue 22: files as they come from HR and from the practice leads'
//! workbooks (FORMAT.md r3: the header row, headers folded, roles and job
//! titles, other columns in the wide format, the long format's skill by
//! id or name, interest-only rows, levels written as decimals, names, an
//! unknown person never given another person's id). Each rule is run
//! through the binary and, where it accepts a file, compared with the gap
//! JSON of the clean files.

mod common;

use common::{Fixture, org_toml};
use serde_json::Value;

/// The catalogue, roles and needs every fixture here shares.
const BODY: &str = r#"
[[skill]]
id = "rust"
name = "Rust programming"

[[skill]]
id = "sql"
name = "Databases"

[[role]]
id = "backend"
name = "Backend developer"
requires = { rust = 2 }
titles = ["Seniorkonsulent", "Konsulent"]

[[need]]
skill = "rust"
level = 3
count = 2

[[need]]
skill = "sql"
level = 2
count = 2
"#;

const PEOPLE: &str = "id,name,unit,role\n1001,Kari Nordmann,it,backend\n1002,Ola Hansen,it,backend\n1003,Per Berg,hr,\n";

const WIDE: &str = "person,rust,sql\n1001,3,2\n1002,2,\n1003,,1\n";

/// stderr as text.
fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The gap report of a fixture, as JSON without the input paths.
fn gap(fixture: &Fixture) -> Value {
    let mut v = fixture.json(&["gap", "org.toml", "-q", "--format", "json"]);
    strip_inputs(&mut v);
    v
}

/// Input file names differ between variants; the numbers must not.
fn strip_inputs(v: &mut Value) {
    match v {
        Value::Object(map) => {
            map.remove("inputs");
            map.remove("organisation");
            for value in map.values_mut() {
                strip_inputs(value);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(strip_inputs),
        _ => {}
    }
}

fn clean() -> Fixture {
    Fixture::standard(BODY, PEOPLE, WIDE)
}

fn check(fixture: &Fixture) -> (Option<i32>, String) {
    let out = fixture.run(&["check", "org.toml"]);
    (out.status.code(), stderr(&out))
}

#[test]
fn a_title_row_and_a_blank_row_above_the_header_are_skipped_with_one_warning() {
    let people = format!("Ansatte per 1. juni\n\n{PEOPLE}");
    let wide =
        "Kompetansematrise 2026;;\n;;\nAnsattnr;Rust programming;SQL\n1001;3;2\n1002;2;\n1003;;1\n";
    let fixture = Fixture::standard(BODY, &people, wide);
    let (code, err) = check(&fixture);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains(
            "assessments.csv:3: warning: the header is on row 3: the row above it is skipped (row 1 holds 'Kompetansematrise 2026')"
        ),
        "{err}"
    );
    assert!(
        err.contains("people.csv:3: warning: the header is on row 3: the row above it is skipped (row 1 holds 'Ansatte per 1. juni')"),
        "{err}"
    );
    assert_eq!(gap(&fixture), gap(&clean()));
}

#[test]
fn a_row_of_group_headings_saying_person_is_not_the_header() {
    let wide = "Kompetansematrise 2026,,\nPerson,Sky og plattform,\nperson,rust,sql\n1001,3,2\n1002,2,\n1003,,1\n";
    let fixture = Fixture::standard(BODY, PEOPLE, wide);
    let (code, err) = check(&fixture);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("the rows above it are skipped (row 1 holds 'Kompetansematrise 2026')"),
        "{err}"
    );
    assert_eq!(gap(&fixture), gap(&clean()));
}

#[test]
fn with_no_key_column_in_ten_rows_the_error_quotes_row_one_and_names_the_column() {
    let people = "Ansatte\nNummer,Navn\n1001,Kari\n";
    let fixture = Fixture::standard(BODY, people, WIDE);
    let (code, err) = check(&fixture);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains(
            "people.csv:1: error: people file has no 'id' column (or person, ansatt, ansattnr): row 1 holds 'Ansatte'; the header row, the one naming 'id', must be among the first 10 rows"
        ),
        "{err}"
    );
    let wide = "Kompetansematrise 2026\nMedarbeider,rust\nx,1\n";
    let fixture = Fixture::standard(BODY, PEOPLE, wide);
    let (_, err) = check(&fixture);
    assert!(
        err.contains("row 1 holds 'Kompetansematrise 2026'; the header row, the one naming 'person', must be among the first 10 rows"),
        "{err}"
    );
    // The header eleven rows down is not looked for.
    let far = format!("{}{PEOPLE}", "Notat\n".repeat(10));
    let fixture = Fixture::standard(BODY, &far, WIDE);
    let (code, err) = check(&fixture);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("row 1 holds 'Notat'"), "{err}");
}

#[test]
fn headers_are_folded_line_breaks_and_non_breaking_spaces_too() {
    let wide =
        "\" Person \",\"Rust\nprogramming\",\"DATABASES\u{a0}\"\n1001,3,2\n1002,2,\n1003,,1\n";
    let people = "\"ID\",\"Name\",\"Unit\u{a0}\",\" ROLE\"\n1001,Kari Nordmann,it,backend\n1002,Ola Hansen,it,backend\n1003,Per Berg,hr,\n";
    let fixture = Fixture::standard(BODY, people, wide);
    let (code, err) = check(&fixture);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(gap(&fixture), gap(&clean()));
}

#[test]
fn job_titles_match_roles_by_id_name_or_title_ignoring_case() {
    let people = "Ansattnr;Navn;Enhet;Stilling\n1001;Kari Nordmann;it;SENIORKONSULENT\n1002;Ola Hansen;it;backend developer\n1003;Per Berg;hr;\n";
    let fixture = Fixture::standard(BODY, people, WIDE);
    let (code, err) = check(&fixture);
    assert_eq!(code, Some(0), "{err}");
    assert!(!err.contains("is not a [[role]]"), "{err}");
    assert_eq!(gap(&fixture), gap(&clean()));
}

#[test]
fn an_unknown_job_title_is_one_warning_with_a_count_not_an_error() {
    let mut people = String::from("Ansattnr;Navn;Enhet;Stilling\n");
    for i in 0..5 {
        people.push_str(&format!("{};P{i};it;Partner\n", 2000 + i));
    }
    people.push_str("1001;Kari;it;Seniorkonsulent\n1002;Ola;it;Konsulentt\n1003;Per;hr;\n");
    let fixture = Fixture::standard(BODY, &people, WIDE);
    let (code, err) = check(&fixture);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(err.matches("'Partner'").count(), 1, "{err}");
    assert!(
        err.contains("people.csv:1:4: warning: role 'Partner' is not a [[role]] id, name or title (5 people have it): they have no role requirements"),
        "{err}"
    );
    assert!(
        err.contains("role 'Konsulentt' is not a [[role]] id, name or title (did you mean 'Konsulent'?) (1 person has it)"),
        "{err}"
    );
    assert!(!err.contains("error"), "{err}");
}

#[test]
fn without_roles_the_role_column_is_not_used_with_one_warning() {
    let body = BODY.replace("[[role]]", "[[x]]");
    let body = &body[..body.find("[[x]]").unwrap()];
    let body = format!("{body}\n[[need]]\nskill = \"rust\"\nlevel = 3\ncount = 2\n");
    let people = "Ansattnr;Navn;Enhet;Stilling\n1001;Kari;it;Partner\n1002;Ola;it;Seniorkonsulent\n1003;Per;hr;Partner\n";
    let fixture = Fixture::standard(&body, people, WIDE);
    let (code, err) = check(&fixture);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(
        err.matches("warning").count(),
        1,
        "one warning, none per person: {err}"
    );
    assert!(
        err.contains(
            "people.csv:1:4: warning: column 'Stilling' is not used: org.toml declares no [[role]]"
        ),
        "{err}"
    );
}

#[test]
fn role_ids_are_unique_ignoring_case() {
    let body = format!("{BODY}\n[[role]]\nid = \"Backend\"\n");
    let fixture = Fixture::standard(&body, PEOPLE, WIDE);
    let (code, err) = check(&fixture);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("role id 'Backend' differs from 'backend' (line 19) only in letter case"),
        "{err}"
    );
}

#[test]
fn titles_must_be_a_list_of_strings() {
    let body = BODY.replace(
        "titles = [\"Seniorkonsulent\", \"Konsulent\"]",
        "titles = \"Seniorkonsulent\"",
    );
    let fixture = Fixture::new(&org_toml(&body))
        .file("people.csv", PEOPLE)
        .file("assessments.csv", WIDE);
    let (code, err) = check(&fixture);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("'titles' in [[role]] must be a list of job titles"),
        "{err}"
    );
}

#[test]
fn other_columns_in_the_matrix_are_one_warning_and_a_misspelt_skill_an_error() {
    let wide = "person,Kommentar,rust,sql,Praksisområde,Ressurs-ID\n1001,ny i år,3,2,Sky,R1\n1002,,2,,Data,R2\n1003,,,1,,R3\n";
    let fixture = Fixture::standard(BODY, PEOPLE, wide);
    let (code, err) = check(&fixture);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(err.matches("warning").count(), 2, "{err}");
    assert!(
        err.contains("assessments.csv:1: warning: columns 'Kommentar', 'Praksisområde', 'Ressurs-ID' are ignored: neither a skill id or name nor one of person, name, unit, role, assessed"),
        "{err}"
    );
    assert_eq!(gap(&fixture), gap(&clean()));
    // Two edits from a skill's id or name: an error, so no level is lost.
    for (header, meant) in [("Pyhton", "python"), ("Databsaes", "Databases")] {
        let body = format!("{BODY}\n[[skill]]\nid = \"python\"\n");
        let wide = format!("person,rust,{header}\n1001,3,2\n");
        let fixture = Fixture::standard(&body, PEOPLE, &wide);
        let (code, err) = check(&fixture);
        assert_eq!(code, Some(2), "{err}");
        assert!(
            err.contains(&format!(
                "column '{header}' is not a skill id or name (did you mean '{meant}'?)"
            )),
            "{err}"
        );
    }
}

#[test]
fn the_long_format_takes_a_skill_by_id_or_name_in_any_case() {
    let long =
        "person,skill,level\n1001,RUST,3\n1001,databases,2\n1002,Rust Programming,2\n1003,Sql,1\n";
    let fixture = Fixture::standard(BODY, PEOPLE, long);
    let (code, err) = check(&fixture);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(gap(&fixture), gap(&clean()));
    let long = "person,skill,level\n1001,Rusty,3\n";
    let (_, err) = check(&Fixture::standard(BODY, PEOPLE, long));
    assert!(
        err.contains("unknown skill 'Rusty' (did you mean 'rust'?)"),
        "{err}"
    );
}

#[test]
fn interest_only_rows_mark_interest_and_blank_rows_are_skipped_with_one_warning() {
    let long = "person,skill,level,interest\n1001,rust,3,\n1001,sql,2,\n1002,rust,2,\n1003,sql,1,\n\
                1003,rust,,ja\n1002,sql,,nei\n1002,sql,,\n";
    let fixture = Fixture::standard(BODY, PEOPLE, long);
    let (code, err) = check(&fixture);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("assessments.csv:1: warning: 2 rows have a blank level and no interest (the first on row 7): skipped, they record nothing"),
        "{err}"
    );
    let out = fixture.run(&["check", "org.toml"]);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("4 assessments"),
        "the interest-only row is no assessment"
    );
    let market = fixture.json(&["market", "org.toml", "-q", "-f", "json"]);
    let rust = market["skills"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["skill"] == "rust")
        .unwrap();
    let learners: Vec<&str> = rust["learners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["person"].as_str().unwrap())
        .collect();
    assert_eq!(learners, ["1003"]);
    let balance = fixture.json(&["balance", "org.toml", "-q", "-f", "json"]);
    let rust = &balance["skills"][0];
    assert_eq!(
        (
            &rust["skill"],
            &rust["assessed_count"],
            &rust["interest_count"]
        ),
        (&"rust".into(), &2.into(), &1.into()),
        "1003 wants to learn rust without an assessment"
    );
    let org = fixture.load();
    let p = org.people.find("1003").unwrap();
    assert_eq!(org.matrix.level(p, 0), 0);
    assert!(org.matrix.interest(p, 0));
    assert_eq!(
        org.matrix.assessed(p, 0),
        kompetanse::model::PackedDate::NONE,
        "still unassessed"
    );
}

#[test]
fn the_wide_format_marks_interest_with_a_star() {
    let wide = "person,rust,sql\n1001,3,2\n1002,2*,\n1003,*,1\n";
    let fixture = Fixture::standard(BODY, PEOPLE, wide);
    let org = fixture.load();
    let (p2, p3) = (
        org.people.find("1002").unwrap(),
        org.people.find("1003").unwrap(),
    );
    assert_eq!(
        (org.matrix.level(p2, 0), org.matrix.interest(p2, 0)),
        (2, true)
    );
    assert_eq!(
        (org.matrix.level(p3, 0), org.matrix.interest(p3, 0)),
        (0, true)
    );
    assert_eq!(
        org.matrix.assessed(p3, 0),
        kompetanse::model::PackedDate::NONE
    );
    let clean_org = clean().load();
    for s in 0..2 {
        for p in 0..3 {
            assert_eq!(org.matrix.level(p, s), clean_org.matrix.level(p, s));
        }
    }
}

#[test]
fn levels_written_with_a_zero_decimal_are_whole() {
    let wide = "person;rust;sql\n1001;3,0;2.0\n1002;\"2,00\";\n1003;;1\n";
    let fixture = Fixture::standard(BODY, PEOPLE, wide);
    assert_eq!(gap(&fixture), gap(&clean()));
    let wide = "person;rust;sql\n1001;2,5;2\n";
    let (code, err) = check(&Fixture::standard(BODY, PEOPLE, wide));
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("level '2,5' is not a whole number"), "{err}");
}

#[test]
fn first_and_last_name_make_the_name() {
    let people = "Ansattnr;Fornavn;Etternavn;Enhet;Stilling\n1001;Kari;Nordmann;it;backend\n1002;Ola;Hansen;it;backend\n1003;Per;;hr;\n";
    let fixture = Fixture::standard(BODY, people, WIDE);
    let (code, err) = check(&fixture);
    assert_eq!(code, Some(0), "{err}");
    assert!(!err.contains("ignored"), "{err}");
    let org = fixture.load();
    let names: Vec<Option<&str>> = (0..3).map(|p| org.people.name(p)).collect();
    assert_eq!(
        names,
        [Some("Kari Nordmann"), Some("Ola Hansen"), Some("Per")]
    );
}

#[test]
fn an_unknown_person_is_never_given_another_persons_id() {
    let people = "id,role\n10041,backend\n1001,backend\n1002,backend\n1003,backend\n";
    let long = "person,skill,level\n10401,rust,3\n";
    let (code, err) = check(&Fixture::standard(BODY, people, long));
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains(
            "unknown person '10401': not in the people file (add them to it, or correct the id)"
        ),
        "{err}"
    );
    assert!(!err.contains("10041"), "{err}");
    let wide = "person,rust\n10401,3\n";
    let (_, err) = check(&Fixture::standard(BODY, people, wide));
    assert!(err.contains("unknown person '10401'"), "{err}");
    assert!(!err.contains("10041"), "{err}");
}

#[test]
fn check_counts_the_people_present_and_those_who_left_or_start_later() {
    let people = "id,leaves,starts\n1001,,\n1002,2025-12-31,\n1003,,2026-09-01\n1004,2026-01-31,\n";
    let fixture = Fixture::standard(BODY, people, "person,rust\n1001,3\n");
    let out = fixture.run(&["check", "org.toml"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("1 person present on 2026-06-15 (2 have left, 1 starts later)"),
        "{stdout}"
    );
}

#[test]
fn a_job_title_means_one_role() {
    let body = format!("{BODY}\n[[role]]\nid = \"lead\"\ntitles = [\"seniorkonsulent\"]\n");
    let (code, err) = check(&Fixture::standard(&body, PEOPLE, WIDE));
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("job title 'seniorkonsulent' is already a title of role 'backend': a title means one role"),
        "{err}"
    );
}

#[test]
fn a_first_row_whose_job_title_is_ansatt_is_no_header() {
    let people = "Ansattnr;Navn;Enhet;Stilling\n1001;Kari Nordmann;it;Ansatt\n1002;Ola Hansen;it;backend\n1003;Per Berg;hr;\n";
    let fixture = Fixture::standard(BODY, people, WIDE);
    let (code, err) = check(&fixture);
    assert_eq!(code, Some(0), "{err}");
    assert!(!err.contains("header is on row"), "{err}");
    assert!(err.contains("role 'Ansatt' is not a [[role]]"), "{err}");
}

/// A people file of many 2 MB blocks is parsed on every core and applied
/// in file order. The problems must come out with the lines, the order
/// and the "first at" a reader going row by row gives: across block
/// boundaries, after a quoted line break, with CR LF line ends, and with
/// a column that has no header reported once.
#[test]
fn a_people_file_of_many_blocks_reads_as_row_by_row() {
    const ROWS: usize = 150_000;
    // Row i is on line i + 2, and from row 11 on (after the quoted line
    // break in row 10) on line i + 3.
    let line = |i: usize| i + if i > 10 { 3 } else { 2 };
    let special = |i: usize| -> Option<String> {
        Some(match i {
            10 => "p000010,\"Kari\nNordmann\",it,,,,".into(),
            70_000 => "p000005,Dobbel,it,,,,".into(),
            70_001 => "p070001,Ugyldig enhet,a//b,,,,".into(),
            100_000 => "p100000,Kapasitet,it,mange,,,".into(),
            100_001 => "p100001,Datoer,it,,2026-10-01,2026-09-01,".into(),
            120_000 => ",Uten id,it,,,,".into(),
            120_001 => "p120001,For,kort".into(),
            130_000 => "p130000,Kommentar,it,,,,uten overskrift".into(),
            140_000 => "p140000,Kommentar igjen,it,,,,igjen".into(),
            149_999 => "p000010,Dobbel igjen,it,,,,".into(),
            _ => return None,
        })
    };
    let mut people = String::from("id,name,unit,capacity,starts,leaves,\r\n");
    for i in 0..ROWS {
        let row = special(i)
            .unwrap_or_else(|| format!("p{i:06},Person nummer {i},avdeling/team-{},,,,", i % 7));
        people.push_str(&row);
        people.push_str("\r\n");
    }
    assert!(people.len() > 3 * (1 << 21), "several blocks");
    let fixture = Fixture::standard(BODY, &people, "person,skill,level\n");
    let loaded = fixture.loaded(&Default::default());
    let errors: Vec<(Option<usize>, String)> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == kompetanse::diagnostics::Severity::Error)
        .map(|d| (d.line, d.message.clone()))
        .collect();
    let people_csv = fixture.dir().join("people.csv").display().to_string();
    let expected: Vec<(Option<usize>, String)> = vec![
        (
            Some(line(70_000)),
            format!("duplicate person id 'p000005' (first at {people_csv}:7)"),
        ),
        (
            Some(line(70_001)),
            "unit 'a//b' is not a unit path like \"it/platform\"".into(),
        ),
        (
            Some(line(100_000)),
            "capacity 'mange' is not a number of learning hours a year (0 to 8784)".into(),
        ),
        (
            Some(line(100_001)),
            "leaves 2026-09-01 is before starts 2026-10-01: the last working day comes after the first".into(),
        ),
        (Some(line(120_000)), "person id is empty".into()),
        (
            Some(line(120_001)),
            "this row has 3 fields but the header has 7 (a stray or missing delimiter?)".into(),
        ),
        (
            Some(1),
            format!(
                "column G has no header but holds values (first in cell G{}): give it a header or delete it",
                line(130_000)
            ),
        ),
        (
            Some(line(149_999)),
            format!("duplicate person id 'p000010' (first at {people_csv}:12)"),
        ),
    ];
    // Problems are listed by line; a cell's message names its column first.
    let mut expected = expected;
    expected.sort_by_key(|(line, _)| *line);
    assert_eq!(errors.len(), expected.len(), "{errors:#?}");
    for ((line, message), (want_line, want)) in errors.iter().zip(&expected) {
        assert_eq!(line, want_line, "{message}");
        assert!(
            message.ends_with(want.as_str()),
            "{message}\nwanted: {want}"
        );
    }

    // Without the problems, every person is there, in file order.
    let mut clean = String::from("id,name,unit\r\n");
    for i in 0..ROWS {
        match i {
            10 => clean.push_str("p000010,\"Kari\nNordmann\",it\r\n"),
            _ => clean.push_str(&format!(
                "p{i:06},Person nummer {i},avdeling/team-{}\r\n",
                i % 7
            )),
        }
    }
    let org =
        Fixture::standard(BODY, &clean, "person,skill,level\n").load_with(&Default::default());
    assert_eq!(org.people.len(), ROWS);
    for i in [0, 10, 11, 52_000, 70_000, ROWS - 1] {
        assert_eq!(org.people.id(i), format!("p{i:06}"));
        assert_eq!(org.people.find(&format!("p{i:06}")), Some(i));
    }
    assert_eq!(org.people.name(10), Some("Kari\nNordmann"));
    assert_eq!(
        org.people.name(ROWS - 1),
        Some(format!("Person nummer {}", ROWS - 1).as_str())
    );
    let unit = org.people.unit(ROWS - 1).expect("a unit");
    assert_eq!(
        org.units[unit as usize],
        format!("avdeling/team-{}", (ROWS - 1) % 7)
    );
}
