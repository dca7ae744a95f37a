//! Excel workbooks (`-o rapport.xlsx`): read back with calamine, numbers
//! are numbers and equal the JSON report's, text is text, dates are dates;
//! the same input gives the same bytes; hostile names stay text (never a
//! formula); a workbook is not written to a terminal but may go to a pipe.

#[path = "common/tool.rs"]
mod tool;

use std::io::Cursor;
use std::path::Path;
use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;
use calamine::{Data, Range, Reader, Xlsx};
use serde_json::Value;

const X: &str = "examples/virksomhet-x/org.toml";
const HOSTILE: &str = "tests/fixtures/hostile/org.toml";
const AS_OF: &str = "2026-11-26";

fn run(args: &[&str]) -> Vec<u8> {
    let out = Command::cargo_bin("kompetanse")
        .unwrap()
        .args(args)
        .args(["--as-of", AS_OF, "--quiet"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// The workbook of `args`, written to stdout (a pipe) with `--format xlsx`.
fn workbook(args: &[&str]) -> Xlsx<Cursor<Vec<u8>>> {
    let mut all = args.to_vec();
    all.extend(["--format", "xlsx"]);
    Xlsx::new(Cursor::new(run(&all))).unwrap()
}

fn json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_slice(&run(&all)).unwrap()
}

fn sheet<R: std::io::Read + std::io::Seek>(book: &mut Xlsx<R>, name: &str) -> Range<Data> {
    book.worksheet_range(name)
        .unwrap_or_else(|e| panic!("sheet {name}: {e}"))
}

/// The column of `header` in the sheet's first row.
fn column(range: &Range<Data>, header: &str) -> usize {
    let first = range.rows().next().unwrap();
    first
        .iter()
        .position(|c| c == &Data::String(header.into()))
        .unwrap_or_else(|| panic!("no column {header} in {first:?}"))
}

/// A numeric cell's value; anything else fails the test.
fn number(cell: &Data) -> f64 {
    match cell {
        Data::Float(f) => *f,
        Data::Int(n) => *n as f64,
        other => panic!("{other:?} is not a number"),
    }
}

fn text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.clone(),
        other => panic!("{other:?} is not text"),
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn gap_workbook_holds_the_reports_numbers_as_numbers() {
    let report = json(&["gap", X]);
    let mut book = workbook(&["gap", X]);
    // Issue 25: virksomhet-x has a [cost], so its økonomiplan too.
    assert_eq!(
        book.sheet_names(),
        ["Needs", "Develop", "Renew", "Recruit", "Budget"]
    );
    let needs = sheet(&mut book, "Needs");
    let json_needs = report["needs"].as_array().unwrap();
    assert_eq!(needs.height(), json_needs.len() + 1);
    let (id, level, coverage, shortfall, effort, by) = (
        column(&needs, "Need"),
        column(&needs, "Level"),
        column(&needs, "Coverage"),
        column(&needs, "Shortfall"),
        column(&needs, "Effort (h)"),
        column(&needs, "By"),
    );
    let mut dates = 0;
    for (row, n) in needs.rows().skip(1).zip(json_needs) {
        assert_eq!(text(&row[id]), n["id"].as_str().unwrap());
        assert_eq!(number(&row[level]), n["level"].as_f64().unwrap());
        assert!(close(
            number(&row[coverage]),
            n["coverage"].as_f64().unwrap()
        ));
        assert_eq!(number(&row[shortfall]), n["shortfall"].as_f64().unwrap());
        assert!(close(
            number(&row[effort]),
            n["effort"]["total"].as_f64().unwrap()
        ));
        match (&row[by], n["by"].as_str()) {
            (Data::DateTime(d), Some(iso)) => {
                assert!(d.is_datetime());
                let (y, m, day, ..) = d.to_ymd_hms_milli();
                assert_eq!(format!("{y:04}-{m:02}-{day:02}"), iso);
                dates += 1;
            }
            (Data::Empty, None) => {}
            other => panic!("by: {other:?}"),
        }
    }
    assert!(dates > 0, "virksomhet-x has needs with a date");
    let develop = sheet(&mut book, "Develop");
    let listed: usize = json_needs
        .iter()
        .map(|n| n["develop"].as_array().unwrap().len())
        .sum();
    assert_eq!(develop.height(), listed + 1);
    let hours = column(&develop, "Hours");
    for row in develop.rows().skip(1) {
        assert!(number(&row[hours]) > 0.0);
    }
    let recruit = sheet(&mut book, "Recruit");
    let recruiting = json_needs
        .iter()
        .filter(|n| n["recruit_count"].as_u64().unwrap() > 0)
        .count();
    assert_eq!(recruit.height(), recruiting + 1);
    // r2: one Renew row per expiring holder, with the hours the JSON has.
    let renew = sheet(&mut book, "Renew");
    let renewals: Vec<&Value> = json_needs
        .iter()
        .flat_map(|n| n["renew"].as_array().unwrap())
        .collect();
    assert!(!renewals.is_empty(), "virksomhet-x renews certificates");
    assert_eq!(renew.height(), renewals.len() + 1);
    let (person, hours) = (column(&renew, "Person"), column(&renew, "Hours"));
    for (row, r) in renew.rows().skip(1).zip(renewals) {
        assert_eq!(text(&row[person]), r["person"].as_str().unwrap());
        assert_eq!(number(&row[hours]), r["hours"].as_f64().unwrap());
    }
}

#[test]
fn every_gap_view_and_plan_and_balance_make_workbooks() {
    for (args, sheets) in [
        (vec!["gap", X, "--by", "person"], vec!["People", "Gaps"]),
        (vec!["gap", X, "--by", "unit"], vec!["By unit"]),
        (vec!["gap", X, "--by", "skill"], vec!["By skill"]),
        (vec!["gap", X, "--by", "driver"], vec!["By driver"]),
        (
            // virksomhet-x has [capacity]: its late goals have a sheet.
            vec!["plan", X],
            vec![
                "Goals",
                "Effort by unit",
                "Effort by driver",
                "Recruit",
                "Late",
                "Mentors",
            ],
        ),
        (vec!["market", X], vec!["Marketplace"]),
        (
            // virksomhet-x has a signed hire arriving: a sheet for people over time.
            vec!["balance", X],
            vec!["Levels", "Freshness", "Key people", "Arriving and leaving"],
        ),
        (
            vec!["balance", X, "--by", "unit"],
            vec!["Levels", "Freshness", "Key people", "Arriving and leaving"],
        ),
    ] {
        let book = workbook(&args);
        assert_eq!(book.sheet_names(), sheets, "{args:?}");
    }
}

#[test]
fn plan_goals_and_balance_levels_equal_the_json() {
    let report = json(&["plan", X]);
    let mut book = workbook(&["plan", X]);
    let goals = sheet(&mut book, "Goals");
    let json_goals: Vec<(&Value, &Value)> = report["plans"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["goals"].as_array().unwrap().iter().map(move |g| (p, g)))
        .collect();
    assert_eq!(goals.height(), json_goals.len() + 1);
    let (person, to, hours) = (
        column(&goals, "Person"),
        column(&goals, "To"),
        column(&goals, "Effort (h)"),
    );
    for (row, (p, g)) in goals.rows().skip(1).zip(&json_goals) {
        assert_eq!(text(&row[person]), p["person"].as_str().unwrap());
        assert_eq!(number(&row[to]), g["to"].as_f64().unwrap());
        assert!(close(
            number(&row[hours]),
            g["effort"]["total"].as_f64().unwrap()
        ));
    }

    let report = json(&["balance", X]);
    let mut book = workbook(&["balance", X]);
    let levels = sheet(&mut book, "Levels");
    let skills = report["skills"].as_array().unwrap();
    assert_eq!(levels.height(), skills.len() + 1);
    let (skill, people, first) = (
        column(&levels, "Skill"),
        column(&levels, "People"),
        column(&levels, "Level 0"),
    );
    for (row, s) in levels.rows().skip(1).zip(skills) {
        assert_eq!(text(&row[skill]), s["skill"].as_str().unwrap());
        assert_eq!(number(&row[people]), s["people_count"].as_f64().unwrap());
        for (i, n) in s["levels"].as_array().unwrap().iter().enumerate() {
            assert_eq!(number(&row[first + i]), n.as_f64().unwrap());
        }
    }
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let first = run(&["plan", X, "--format", "xlsx"]);
    // Past a second boundary: a clock-stamped workbook would now differ.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let second = run(&["plan", X, "--format", "xlsx"]);
    assert!(first == second, "two runs gave different workbooks");
    assert_eq!(&first[..2], b"PK");
}

#[test]
fn output_file_by_extension() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rapport.XLSX");
    run(&["gap", X, "-o", path.to_str().unwrap()]);
    let mut book: Xlsx<_> = calamine::open_workbook(&path).unwrap();
    assert!(sheet(&mut book, "Needs").height() > 1);
}

#[test]
fn hostile_names_stay_text_and_nothing_is_a_formula() {
    let people = std::fs::read_to_string("tests/fixtures/hostile/people.csv").unwrap();
    assert!(people.contains("=HYPERLINK"));
    for (args, name_sheet, names) in [
        (
            vec!["gap", HOSTILE, "--by", "person"],
            "People",
            vec![
                "=HYPERLINK(\"http://evil.example/\",\"x\")",
                "Carriage\rReturn",
            ],
        ),
        (
            vec!["plan", HOSTILE],
            "Goals",
            vec!["=HYPERLINK(\"http://evil.example/\",\"x\")"],
        ),
        (
            vec!["balance", HOSTILE],
            "Levels",
            vec!["+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0"],
        ),
        (vec!["gap", HOSTILE, "--by", "driver"], "By driver", vec![]),
    ] {
        let mut book = workbook(&args);
        let range = sheet(&mut book, name_sheet);
        let cells: Vec<&Data> = range.cells().map(|(_, _, c)| c).collect();
        for name in names {
            assert!(
                cells.contains(&&Data::String(name.to_string())),
                "{args:?}: {name:?} is not a text cell of {name_sheet}"
            );
        }
        for sheet_name in book.sheet_names() {
            let formulas = book.worksheet_formula(&sheet_name).unwrap();
            assert!(
                formulas.cells().all(|(_, _, f)| f.is_empty()),
                "{args:?}: a formula in {sheet_name}"
            );
        }
    }
}

#[test]
fn hostile_formula_text_gets_excels_quote_prefix() {
    // calamine does not report cell styles: look for the style itself.
    let bytes = run(&["gap", HOSTILE, "--by", "person", "--format", "xlsx"]);
    let Some(styles) = unzip_entry(&bytes, "xl/styles.xml") else {
        return;
    };
    assert!(styles.contains("quotePrefix=\"1\""), "{styles}");
}

/// One entry of a zip archive, via the system's `unzip`, as text; None
/// (the test skipped, with a message) where `unzip` is not installed.
fn unzip_entry(bytes: &[u8], entry: &str) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.xlsx");
    std::fs::write(&path, bytes).unwrap();
    match Command::new("unzip")
        .args(["-p", path.to_str().unwrap(), entry])
        .output()
    {
        Ok(out) => Some(String::from_utf8(out.stdout).unwrap()),
        Err(_) => {
            tool::required("unzip", false, "apt-get install unzip");
            None
        }
    }
}

#[test]
fn creation_date_is_the_reference_date() {
    let bytes = run(&["balance", X, "--format", "xlsx"]);
    let Some(core) = unzip_entry(&bytes, "docProps/core.xml") else {
        return;
    };
    assert!(core.contains(&format!("{AS_OF}T00:00:00Z")), "{core}");
}

#[test]
fn csv_dialect_does_not_apply_to_a_workbook() {
    let out = Command::cargo_bin("kompetanse")
        .unwrap()
        .args(["gap", X, "--format", "xlsx", "--csv-dialect", "excel"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--csv-dialect"));
    assert!(Path::new(X).exists());
}

#[test]
fn the_report_workbook_holds_every_view_and_the_coverage_map_as_numbers() {
    let mut book = workbook(&["report", X]);
    assert_eq!(
        book.sheet_names(),
        [
            "Needs",
            "Develop",
            "Renew",
            "Recruit",
            "Budget",
            "Effort by unit",
            "Effort by driver",
            "Levels",
            "Freshness",
            "Key people",
            "Arriving and leaving",
            "Coverage map"
        ]
    );
    let report = json(&["report", X]);
    let map = &report["coverage_map"];
    let units = map["units"].as_array().unwrap();
    let skills = map["skills"].as_array().unwrap();
    let coverage = sheet(&mut book, "Coverage map");
    // One row per skill and column of the map, after the header.
    assert_eq!(coverage.rows().count() - 1, units.len() * skills.len());
    let (have, demand, share) = (
        column(&coverage, "Have"),
        column(&coverage, "Demand"),
        column(&coverage, "Coverage"),
    );
    let cells = skills
        .iter()
        .flat_map(|s| s["cells"].as_array().unwrap().iter());
    for (row, cell) in coverage.rows().skip(1).zip(cells) {
        assert!(close(number(&row[have]), cell["have"].as_f64().unwrap()));
        assert!(close(
            number(&row[demand]),
            cell["demand"].as_f64().unwrap()
        ));
        match cell["coverage"].as_f64() {
            Some(c) => assert!(close(number(&row[share]), c)),
            None => assert_eq!(row[share], Data::Empty),
        }
    }
}
