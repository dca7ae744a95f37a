//! Norwegian all the way (issue 21, item 8): with `--lang nb` no English
//! word a person reads is left in the workbooks (priorities, statuses,
//! kinds, yes/no, level headings, reasons, headers) or in the terminal,
//! Markdown and HTML views of the shipped example. The words checked are a
//! list of the English words the tool itself writes; the organisation's own
//! words (names, ids) are Norwegian in virksomhet-x.

use std::collections::BTreeSet;
use std::io::Cursor;

use assert_cmd::Command;
use calamine::{Data, Reader, Xlsx};

const X: &str = "examples/virksomhet-x/org.toml";

/// English words the tool writes, which a Norwegian view must not show.
const ENGLISH: &[&str] = &[
    "critical",
    "high",
    "medium",
    "low",
    "oldest",
    "expiring",
    "expired",
    "arriving",
    "leaving",
    "breadth",
    "specialist",
    "learner",
    "teacher",
    "mentee",
    "mentees",
    "Mentees",
    "yes",
    "no",
    "true",
    "false",
    "TRUE",
    "FALSE",
    "role",
    "need",
    "level",
    "Level",
    "Skill",
    "Need",
    "Have",
    "Short",
    "Coverage",
    "Develop",
    "Recruit",
    "Renew",
    "Late",
    "Hours",
    "Priority",
    "Driver",
    "Total",
    "Effort",
    "none",
    "Stale",
    "Expires",
    "days",
    "people",
    "goals",
    "Who",
    "What",
    "Value",
    "Scope",
    "the",
    "and",
    "of",
    "to",
    "with",
    "is",
    "from",
    "then",
    "now",
];

fn english_in(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .flat_map(|w| w.split('_'))
        .filter(|w| ENGLISH.contains(w))
        .map(str::to_string)
        .collect()
}

fn run(args: &[&str]) -> Vec<u8> {
    let out = Command::cargo_bin("kompetanse")
        .unwrap()
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

const VIEWS: &[&[&str]] = &[
    &["gap"],
    &["gap", "--by", "person"],
    &["gap", "--by", "unit"],
    &["plan"],
    &["balance"],
    &["market"],
    &["progress", "--since", "2026-01-01"],
];

#[test]
fn norwegian_workbooks_have_no_english_value() {
    for view in VIEWS.iter().chain([&["report"][..]].iter()) {
        let mut args = view.to_vec();
        args.extend([X, "-q", "--lang", "nb", "-f", "xlsx"]);
        let mut book = Xlsx::new(Cursor::new(run(&args))).unwrap();
        for name in book.sheet_names() {
            let range = book.worksheet_range(&name).unwrap();
            for (r, row) in range.rows().enumerate() {
                for cell in row {
                    if let Data::Bool(b) = cell {
                        panic!("{view:?} {name} row {r}: a boolean {b} shows in English");
                    }
                    let english = english_in(&cell.to_string());
                    assert!(
                        english.is_empty(),
                        "{view:?} {name} row {r}: {english:?} in {cell}"
                    );
                }
            }
        }
    }
}

#[test]
fn norwegian_views_have_no_english_word() {
    for view in VIEWS {
        for format in ["table", "markdown", "html"] {
            let mut args = view.to_vec();
            args.extend([X, "-q", "--lang", "nb", "--width", "200", "-f", format]);
            let text = String::from_utf8(run(&args)).unwrap();
            // Command names ("gap --by person") and the stylesheet are code.
            let text = text.replace("--by person", "").replace("gap --by", "");
            let text = match text.find("<style>") {
                Some(a) => format!("{}{}", &text[..a], &text[text.find("</style>").unwrap()..]),
                None => text,
            };
            // Markup is code too: only the text between tags counts.
            let mut words = String::with_capacity(text.len());
            let mut in_tag = false;
            for c in text.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => {
                        in_tag = false;
                        words.push(' ');
                    }
                    c if !in_tag => words.push(c),
                    _ => {}
                }
            }
            let english = english_in(&words);
            assert!(english.is_empty(), "{view:?} {format}: {english:?}");
        }
    }
}

#[test]
fn english_workbooks_say_yes_and_no_too() {
    let mut book = Xlsx::new(Cursor::new(run(&["balance", X, "-q", "-f", "xlsx"]))).unwrap();
    let key = book.worksheet_range("Key people").unwrap();
    let risk: BTreeSet<String> = key.rows().skip(1).map(|r| r[4].to_string()).collect();
    assert_eq!(risk, BTreeSet::from(["no".to_string(), "yes".to_string()]));
}

/// stderr follows `--lang` (issue 21): the problems people meet most are
/// told in bokmål, severity words included.
#[test]
fn problems_on_stderr_follow_the_language() {
    let out = Command::cargo_bin("kompetanse")
        .unwrap()
        .args(["gap", X, "--lang", "nb", "-f", "json"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains(": advarsel: foreldet: 'kristin.haugland' i 'prosjektledelse' ble vurdert 2022-09-15, før 2024-11-26 (vurder på nytt)"), "{err}");
    assert!(err.contains("advarsel: nøkkelpersonrisiko: bare 'liv.aamodt' har 'barekraftsrapportering' på nivå 3 eller høyere"), "{err}");
    assert!(
        err.contains("advarsel: personen 'sindre.aasen' har ingen rolle"),
        "{err}"
    );
    // The same run in English, as before.
    let en = Command::cargo_bin("kompetanse")
        .unwrap()
        .args(["gap", X, "--lang", "en", "-f", "json"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let en = String::from_utf8(en.stderr).unwrap();
    assert!(
        en.contains(": warning: stale: 'kristin.haugland' in 'prosjektledelse'"),
        "{en}"
    );
    assert_eq!(en.lines().count(), err.lines().count(), "one line for one");
}

/// Which problems are told in bokmål and which stay English (the rest,
/// listed here so that a new message is a decision): every invalid
/// organisation of tests/cmd/invalid checked with KOMPETANSE_LANG=nb.
#[test]
fn the_problems_still_in_english_are_listed() {
    let invalid = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cmd/invalid");
    let mut english: BTreeSet<String> = BTreeSet::new();
    let mut norwegian = 0;
    for entry in std::fs::read_dir(&invalid).unwrap() {
        let dir = entry.unwrap().path();
        if !dir.join("org.toml").is_file() {
            continue;
        }
        let out = Command::cargo_bin("kompetanse")
            .unwrap()
            .args(["check", "org.toml"])
            .current_dir(&dir)
            .env_remove("KOMPETANSE_DIAGNOSTICS")
            // `check` has no --lang: the environment says Norwegian.
            .env("KOMPETANSE_LANG", "nb")
            .output()
            .unwrap();
        for line in String::from_utf8_lossy(&out.stderr).lines() {
            if line.contains(": feil: ") || line.contains(": advarsel: ") {
                norwegian += 1;
            }
            for word in [": error: ", ": warning: "] {
                if let Some(at) = line.find(word) {
                    // The kind: the message's first two words.
                    let message = &line[at + word.len()..];
                    let kind: Vec<&str> = message
                        .split(|c: char| c.is_whitespace() || c == '\'' || c == ':')
                        .filter(|w| !w.is_empty())
                        .take(2)
                        .collect();
                    english.insert(kind.join(" "));
                }
            }
        }
    }
    assert!(norwegian > 5, "only {norwegian} problems in Norwegian");
    // Known and left English for now: translating one, or a new message,
    // changes this list on purpose.
    let listed: BTreeSet<String> = STILL_ENGLISH.iter().map(|k| k.to_string()).collect();
    assert_eq!(english, listed, "the problems still in English changed");
}

/// The first two words of each problem of tests/cmd/invalid not yet told
/// in bokmål (2026-12-07).
const STILL_ENGLISH: &[&str] = &[
    "[[unit]] has",
    "[mix] gives",
    "activity mode",
    "assessment file",
    "by in",
    "column Ansattnr",
    "column D",
    "column Demensomsorg",
    "column Kapasitet",
    "column Vurdert",
    "column assessed",
    "column avd",
    "column expires",
    "column id",
    "column interest",
    "column legemiddelhåndtering",
    "column level",
    "column person",
    "column rsut",
    "column rust",
    "column skill",
    "column språkutvikling",
    "column sql",
    "columns Enhet",
    "columns Epost",
    "columns id",
    "count in",
    "duplicate need",
    "duplicate skill",
    "duplicate unit",
    "give either",
    "hours_per_level in",
    "invalid TOML",
    "long-format assessment",
    "need demensomsorg@helse/sykehjem",
    "need must",
    "no [[skill]]",
    "people file",
    "priority urgent",
    "required level",
    "role devv",
    "role suport",
    "row 6",
    "skill id",
    "skill kind",
    "the file",
    "the learning",
    "the skills",
    "the workbook",
    "unit Helse/Sykehjem",
    "unit helse/hjemmetjenesten",
    "unit helse/sykehjm",
    "unit oppvekst/",
    "unknown key",
    "unknown mix",
    "vurderinger.csv does",
];
