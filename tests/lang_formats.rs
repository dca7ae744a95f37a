//! `--lang nb` leaves no English label in the HTML and XLSX outputs (issue
//! 10, "Norwegian labels"): every label of the HTML catalogue that differs
//! between the languages is absent from the Norwegian page's text, and the
//! Norwegian workbook's sheet names and headers are the Norwegian ones.
//! (Tables and Markdown are checked in tests/human.rs.)

use std::io::Cursor;
use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;
use calamine::{Reader, Xlsx};
use kompetanse::render::words::Key;

const X: &str = "examples/virksomhet-x/org.toml";

fn run(args: &[&str]) -> Vec<u8> {
    let out = Command::cargo_bin("kompetanse")
        .expect("binary")
        .args(args)
        .args(["--as-of", "2026-11-26", "--quiet"])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// A page's visible text: no style sheet, no tags.
fn text_of(html: &str) -> String {
    let without_style = match (html.find("<style"), html.find("</style>")) {
        (Some(a), Some(b)) => format!("{}{}", &html[..a], &html[b..]),
        _ => html.to_string(),
    };
    let mut text = String::new();
    let mut in_tag = false;
    for c in without_style.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

#[test]
fn the_norwegian_html_report_has_no_english_label() {
    let english: Vec<String> = Key::ALL.iter().map(|k| k.words()[0].to_string()).collect();
    let norwegian: Vec<String> = Key::ALL.iter().map(|k| k.words()[1].to_string()).collect();
    assert_eq!(
        english.len(),
        norwegian.len(),
        "both catalogues have every label"
    );
    for view in [
        &["report", X][..],
        &["gap", X, "--format", "html"],
        &["plan", X, "--format", "html"],
    ] {
        let mut args = view.to_vec();
        args.extend(["--lang", "nb"]);
        let page = text_of(&String::from_utf8(run(&args)).expect("UTF-8"));
        for (en, nb) in english.iter().zip(&norwegian) {
            if en != nb && en.len() > 3 && !en.starts_with("Made by") {
                assert!(
                    !page.contains(en.as_str()),
                    "{view:?}: English label '{en}' in the nb page"
                );
            }
        }
    }
}

#[test]
fn the_norwegian_workbook_has_norwegian_sheets_and_headers() {
    for view in [
        &["gap", X][..],
        &["plan", X],
        &["balance", X],
        &["report", X],
    ] {
        let book = |lang: &str| {
            let mut args = view.to_vec();
            args.extend(["--format", "xlsx", "--lang", lang]);
            Xlsx::new(Cursor::new(run(&args))).expect("a workbook")
        };
        let (mut en, mut nb) = (book("en"), book("nb"));
        let (en_sheets, nb_sheets) = (en.sheet_names(), nb.sheet_names());
        assert_eq!(en_sheets.len(), nb_sheets.len());
        for (e, n) in en_sheets.iter().zip(&nb_sheets) {
            assert_ne!(e, n, "{view:?}: sheet '{e}' is not translated");
            let header = |book: &mut Xlsx<Cursor<Vec<u8>>>, name: &str| -> Vec<String> {
                let range = book.worksheet_range(name).expect("sheet");
                range
                    .rows()
                    .next()
                    .map(|r| r.iter().map(|c| c.to_string()).collect())
                    .unwrap_or_default()
            };
            let (eh, nh) = (header(&mut en, e), header(&mut nb, n));
            for (a, b) in eh.iter().zip(&nh) {
                // Words the languages share, and balance's level_N columns.
                let shared = ["Person", "Median", "Status", "Gap", "Mentor", "Mentees"]
                    .contains(&a.as_str())
                    || a.starts_with("level_");
                assert!(
                    shared || a != b,
                    "{view:?}/{n}: header '{a}' is not translated"
                );
            }
        }
    }
}
