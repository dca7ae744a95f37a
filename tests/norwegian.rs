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
    "by in",
    "column D",
    "column Kapasitet",
    "column id",
    "column legemiddelhåndtering",
    "column rsut",
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

/// An ISO date (`2026-11-26`) anywhere in `text`.
fn iso_date(text: &str) -> Option<&str> {
    let b = text.as_bytes();
    (0..b.len().saturating_sub(9)).find_map(|i| {
        let w = &b[i..i + 10];
        let iso = w[4] == b'-'
            && w[7] == b'-'
            && w.iter()
                .enumerate()
                .all(|(j, c)| j == 4 || j == 7 || c.is_ascii_digit());
        let alone = i == 0 || !b[i - 1].is_ascii_digit();
        (iso && alone).then(|| &text[i..i + 10])
    })
}

/// Dates in Norwegian views are 14.03.2026 (issue 21); English and the
/// machine formats keep 2026-03-14.
#[test]
fn norwegian_views_write_dates_the_norwegian_way() {
    for view in VIEWS.iter().chain([&["report"][..]].iter()) {
        let formats: &[&str] = if view[0] == "report" {
            &["html"]
        } else {
            &["table", "markdown", "html"]
        };
        for format in formats {
            let mut args = view.to_vec();
            args.extend([X, "-q", "--lang", "nb", "--width", "200", "-f", format]);
            let text = String::from_utf8(run(&args)).unwrap();
            // File paths and line numbers are not dates; the text between tags counts.
            assert!(
                iso_date(&text).is_none(),
                "{view:?} {format}: {:?}",
                iso_date(&text)
            );
            let mut en = view.to_vec();
            en.extend([X, "-q", "--lang", "en", "--width", "200", "-f", format]);
            let en = String::from_utf8(run(&en)).unwrap();
            assert!(
                iso_date(&en).is_some() || !text.contains(".20"),
                "{view:?} {format}: English keeps ISO dates"
            );
        }
    }
    // The personal page too (issue 23).
    for format in ["html", "markdown"] {
        let args = [
            "report",
            X,
            "--person",
            "anne.myhre",
            "-q",
            "--lang",
            "nb",
            "-f",
            format,
        ];
        let page = String::from_utf8(run(&args)).unwrap();
        assert!(
            iso_date(&page).is_none(),
            "personal page {format}: {:?}",
            iso_date(&page)
        );
    }
    let json = String::from_utf8(run(&["gap", X, "-q", "--lang", "nb", "-f", "json"])).unwrap();
    assert!(iso_date(&json).is_some(), "JSON keeps ISO dates");
    let md = String::from_utf8(run(&["gap", X, "-q", "--lang", "nb", "-f", "markdown"])).unwrap();
    assert!(md.contains("31.12.2027"), "{md}");
}

/// WCAG 3.1.2 (issue 21): on an English page, the organisation's own words
/// (`[organisation] language = "nb"`) say they are Norwegian: the title,
/// the heatmap's skills and units, the bars' labels. A Norwegian page needs
/// no mark, and a language that is none of nb, nn or en is an error.
#[test]
fn an_english_page_marks_the_organisations_norwegian_words() {
    let en = String::from_utf8(run(&["report", X, "-q", "--lang", "en"])).unwrap();
    assert!(en.contains("<html lang=\"en\">"));
    assert!(
        en.contains("<h1 lang=\"nb\">Virksomhet X</h1>"),
        "the title"
    );
    assert!(
        en.contains("<th scope=\"row\" lang=\"nb\">Skyarkitektur"),
        "a heatmap skill"
    );
    assert!(
        en.contains("<dt lang=\"nb\">Bærekraftsrapportering (ESRS)"),
        "a bar's skill"
    );
    let nb = String::from_utf8(run(&["report", X, "-q", "--lang", "nb"])).unwrap();
    assert_eq!(
        nb.matches("lang=\"nb\"").count(),
        1,
        "only <html lang=\"nb\">"
    );
    // tiny says nothing of its language: nothing is marked.
    let tiny = String::from_utf8(run(&[
        "report",
        "examples/tiny/org.toml",
        "-q",
        "--lang",
        "en",
    ]))
    .unwrap();
    assert_eq!(tiny.matches(" lang=").count(), 1);

    let dir = tempfile::tempdir().unwrap();
    let org = dir.path().join("org.toml");
    std::fs::write(
        &org,
        "[organisation]\nlanguage = \"norsk\"\n\n[[skill]]\nid = \"a\"\n",
    )
    .unwrap();
    let out = Command::cargo_bin("kompetanse")
        .unwrap()
        .args(["check"])
        .arg(&org)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "org.toml:2:12: error: [organisation] language 'norsk' must be \"nb\", \"nn\" or \"en\""
        ),
        "{err}"
    );
}
