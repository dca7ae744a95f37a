//! Human output (tables, markdown) as people meet it: in Norwegian with no
//! English label left, fitted to 80, 120 and 200 columns without a word or
//! a date cut, hostile names shown as text on the terminal, in markdown and
//! on stderr, and the machine formats the same in every language.

use std::collections::HashSet;
use std::path::Path;
use std::process::{Command, Output};

use assert_cmd::cargo::CommandCargoExt;
use kompetanse::render::words::Key;

/// A key's English word.
fn en(key: Key) -> &'static str {
    key.words()[0]
}

/// A key's bokmål word.
fn nb(key: Key) -> &'static str {
    key.words()[1]
}

const VX: &str = "examples/virksomhet-x/org.toml";
const HOSTILE: &str = "tests/fixtures/hostile/org.toml";

/// The views of every report command.
const VIEWS: &[&[&str]] = &[
    &["gap"],
    &["gap", "--by", "person"],
    &["gap", "--by", "unit"],
    &["gap", "--by", "driver"],
    &["plan"],
    &["balance"],
    &["balance", "--by", "unit"],
    &["progress", "--since", "2026-01-01"],
];

/// Runs kompetanse with no language or width from the environment.
fn run(args: &[&str]) -> Output {
    Command::cargo_bin("kompetanse")
        .unwrap()
        .args(args)
        .env_remove("KOMPETANSE_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("COLUMNS")
        .output()
        .unwrap()
}

fn stdout(args: &[&str]) -> String {
    let out = run(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn with<'a>(view: &[&'a str], org: &'a str, more: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![view[0], org];
    args.extend(&view[1..]);
    args.extend(more);
    args.push("--quiet");
    args
}

/// Whether `phrase` stands in `text` as words of its own (not inside a
/// longer word).
fn contains_phrase(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + phrase.len()..].chars().next();
        // A command-line option (`--by person`) is not a label.
        !before.is_some_and(|c| c.is_alphanumeric() || c == '-')
            && !after.is_some_and(char::is_alphanumeric)
    })
}

#[test]
fn norwegian_output_has_no_english_label_left() {
    // Every English label's wording (the text between its placeholders)
    // that differs from the Norwegian one.
    let mut english: Vec<(Key, String)> = Vec::new();
    for &key in Key::ALL {
        if en(key) == nb(key) {
            continue;
        }
        for part in en(key).split("{}") {
            let part = part.trim_matches(|c: char| !c.is_alphanumeric());
            // Single letters ("h", "x") are not words to look for.
            if part.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !nb(key).contains(part) {
                english.push((key, part.to_string()));
            }
        }
    }
    assert!(english.len() > 100, "the catalogue has its labels");
    for view in VIEWS {
        for format in ["table", "markdown"] {
            let args = with(view, VX, &["--lang", "nb", "--wide", "--format", format]);
            let out = stdout(&args);
            let left: Vec<_> = english
                .iter()
                .filter(|(_, part)| contains_phrase(&out, part))
                .collect();
            assert!(left.is_empty(), "{args:?} still says {left:?}:\n{out}");
        }
    }
}

#[test]
fn norwegian_numbers_have_a_decimal_comma_and_a_narrow_space() {
    let out = stdout(&["gap", VX, "--lang", "nb", "--quiet", "--wide"]);
    assert!(out.contains("33,3 %"), "{out}");
    assert!(!out.contains("33.3 %"), "{out}");
    assert!(out.contains("kritisk"), "{out}");
    assert!(out.contains("erfaringsbasert"), "{out}");
    let plan = stdout(&["plan", VX, "--lang", "nb", "--quiet"]);
    // 1 000 hours or more are grouped with U+202F.
    assert!(plan.contains('\u{202F}'), "{plan}");
}

#[test]
fn the_language_comes_from_the_environment_when_not_given() {
    let title = |envs: &[(&str, &str)]| {
        let mut cmd = Command::cargo_bin("kompetanse").unwrap();
        for var in ["KOMPETANSE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
            cmd.env_remove(var);
        }
        cmd.args(["gap", VX, "--quiet"]).envs(envs.iter().copied());
        let out = String::from_utf8(cmd.output().unwrap().stdout).unwrap();
        out.lines().next().unwrap_or_default().to_string()
    };
    assert!(title(&[]).contains("competence gaps"));
    assert!(title(&[("LANG", "nb_NO.UTF-8")]).contains("kompetansegap"));
    assert!(title(&[("LANG", "nn_NO.UTF-8")]).contains("kompetansegap"));
    assert!(title(&[("LC_ALL", "C"), ("LANG", "nb_NO.UTF-8")]).contains("competence gaps"));
    assert!(title(&[("KOMPETANSE_LANG", "nb"), ("LC_ALL", "C")]).contains("kompetansegap"));
}

#[test]
fn machine_formats_are_the_same_in_every_language_and_width() {
    for view in VIEWS {
        for format in ["json", "csv"] {
            let plain = stdout(&with(view, VX, &["--format", format]));
            let nb = stdout(&with(
                view,
                VX,
                &["--format", format, "--lang", "nb", "--width", "80"],
            ));
            assert_eq!(plain, nb, "{view:?} {format}");
        }
    }
}

/// The words of a drawn table's cells: everything between its rules, below
/// its header (a folded column's heading goes with its values, and a column
/// with no values leaves no heading).
fn table_words(text: &str) -> Vec<String> {
    let mut body = false;
    let mut words = Vec::new();
    for line in text.lines() {
        if line.starts_with('┌') {
            body = false;
        } else if line.starts_with('╞') {
            body = true;
        } else if body && line.starts_with('│') {
            words.extend(
                line.split(['│', '┆'])
                    .flat_map(str::split_whitespace)
                    .map(str::to_string),
            );
        }
    }
    words
}

#[test]
fn tables_fit_80_120_and_200_columns_without_cutting_a_word() {
    for lang in ["en", "nb"] {
        for view in VIEWS {
            let wide = stdout(&with(view, VX, &["--lang", lang, "--wide"]));
            let words: HashSet<String> = table_words(&wide).into_iter().collect();
            for width in [80usize, 120, 200] {
                let w = width.to_string();
                let args = with(view, VX, &["--lang", lang, "--width", &w]);
                let out = stdout(&args);
                // Every word of every cell is there whole: folded columns
                // are "Heading: value;", a ':' or ';' after their words.
                let mut narrow: HashSet<String> = HashSet::new();
                for word in table_words(&out) {
                    narrow.insert(word.trim_end_matches([';', ':']).to_string());
                    narrow.insert(word.trim_end_matches(';').to_string());
                    narrow.insert(word);
                }
                // `gap` leaves out details its lists and `--need` show, and
                // cuts a skill's name with "…" (issue 21): its words that
                // remain are whole, and nothing else is cut.
                let cut: Vec<&String> = if *view == &["gap"][..] {
                    narrow
                        .iter()
                        .filter(|w| {
                            let w = w.trim_end_matches(':');
                            !w.ends_with('…') && !wide.contains(w)
                        })
                        .collect()
                } else {
                    words.iter().filter(|w| !narrow.contains(*w)).collect()
                };
                assert!(cut.is_empty(), "{args:?} cut {cut:?}:\n{out}");
                // Every table row has as many column rules as its header.
                for table in out.split("\n┌").skip(1) {
                    let rows: Vec<&str> = table.lines().filter(|l| l.starts_with('│')).collect();
                    let rules = |l: &str| l.matches(['│', '┆']).count();
                    assert!(rows.iter().all(|r| rules(r) == rules(rows[0])), "{args:?}");
                }
                // Tables fit (these examples have no word too long for 80).
                let widest = out
                    .lines()
                    .filter(|l| l.starts_with(['┌', '│', '╞', '└']))
                    .map(|l| l.chars().count())
                    .max()
                    .unwrap_or(0);
                assert!(widest <= width, "{args:?}: {widest} > {width}:\n{out}");
            }
        }
    }
}

#[test]
fn piped_tables_keep_every_column() {
    let out = stdout(&["gap", VX, "--quiet"]);
    for heading in ["Need", "Scope", "Priority", "By", "Driver"] {
        assert!(out.lines().nth(2).unwrap().contains(heading), "{out}");
    }
}

/// No byte a terminal acts on: ESC, BEL, CR, and the C1 CSI.
fn assert_inert(what: &str, text: &[u8]) {
    let s = String::from_utf8_lossy(text);
    assert!(!text.contains(&0x1b), "{what}: ESC in {s}");
    assert!(!text.contains(&0x07), "{what}: BEL in {s}");
    assert!(!text.contains(&b'\r'), "{what}: CR in {s}");
    assert!(!s.contains('\u{9b}'), "{what}: CSI in {s}");
}

#[test]
fn hostile_names_stay_text_in_tables_markdown_and_stderr() {
    for view in VIEWS {
        for width in ["80", "200"] {
            let args = with(view, HOSTILE, &["--width", width]);
            let out = run(&args);
            assert_inert(&format!("{args:?}"), &out.stdout);
            let text = String::from_utf8(out.stdout).unwrap();
            for table in text.split("\n┌").skip(1) {
                let rows: Vec<&str> = table.lines().filter(|l| l.starts_with('│')).collect();
                let rules = |l: &str| l.matches(['│', '┆']).count();
                assert!(
                    rows.iter().all(|r| rules(r) == rules(rows[0])),
                    "{args:?}:\n{text}"
                );
            }
        }
        let args = with(view, HOSTILE, &["--format", "markdown"]);
        let out = run(&args);
        assert_inert(&format!("{args:?}"), &out.stdout);
        let text = String::from_utf8(out.stdout).unwrap();
        for bad in ["<script>", "<b>", "<img", "**bold**", "[link]("] {
            assert!(!text.contains(bad), "{args:?}: raw {bad}:\n{text}");
        }
        // A name cannot open a heading: only the report's own lines start with '#'.
        for line in text.lines().filter(|l| l.starts_with('#')) {
            assert!(!line.contains("# heading"), "{line}");
        }
        // Every row of a pipe table has the header's number of cells.
        let unescaped_pipes =
            |l: &str| l.len() - l.replace('|', "").len() - l.matches("\\|").count();
        let mut header = None;
        for line in text.lines() {
            if line.starts_with('|') {
                let n = unescaped_pipes(line);
                assert_eq!(*header.get_or_insert(n), n, "{args:?}: {line}");
            } else {
                header = None;
            }
        }
    }
}

#[test]
fn diagnostics_show_control_characters_escaped() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["org.toml", "people.csv", "assessments.csv"] {
        let from = Path::new("tests/fixtures/hostile").join(name);
        std::fs::copy(from, dir.path().join(name)).unwrap();
    }
    // An assessment of an unknown skill whose id is a terminal escape:
    // the error quotes it.
    let assessments = dir.path().join("assessments.csv");
    let mut text = std::fs::read_to_string(&assessments).unwrap();
    text.push_str("p1,\u{1b}]0;pwned\u{7}\u{1b}[2J,2,2026-01-01,self\r\n");
    std::fs::write(&assessments, text).unwrap();
    let org = dir.path().join("org.toml");
    let out = run(&["gap", org.to_str().unwrap()]);
    assert!(!out.stderr.is_empty());
    assert_inert("stderr", &out.stderr);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("\\x1b"), "{err}");
    // Usage errors quote the arguments, which are as hostile as any file.
    let out = run(&["gap", HOSTILE, "--without", "p\u{1b}[2J,zz"]);
    assert_eq!(out.status.code(), Some(2));
    assert_inert("usage error", &out.stderr);
    assert_eq!(String::from_utf8(out.stderr).unwrap().lines().count(), 2);
}

#[test]
fn each_effort_total_says_what_it_counts() {
    for (view, says) in [
        (&["gap"][..], "what the needs require"),
        (&["gap", "--by", "person"][..], "what the roles require"),
        (&["plan"][..], "merges needs and roles"),
    ] {
        for format in ["table", "markdown"] {
            let out = stdout(&with(view, VX, &["--format", format]));
            assert!(out.contains(says), "{view:?} {format}:\n{out}");
        }
        let out = stdout(&with(view, VX, &["--lang", "nb"]));
        assert!(out.contains("Innsatsen"), "{view:?} nb:\n{out}");
    }
}

#[test]
fn check_counts_in_the_singular_too() {
    let out = stdout(&["check", HOSTILE]);
    assert!(out.contains(", 1 role, "), "{out}");
    let out = stdout(&["gap", VX, "--format", "markdown", "--quiet"]);
    assert!(out.contains("**Total:** 13 needs, 10 unmet"), "{out}");
}
