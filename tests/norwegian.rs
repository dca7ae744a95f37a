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
