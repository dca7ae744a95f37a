//! CSV dialects: the default stays RFC 4180 (`,`, `.` decimals, LF, no
//! BOM: the machine contract); `--csv-dialect excel` gives what Excel in a
//! decimal-comma locale opens by double-click (BOM, `;`, decimal comma,
//! CRLF) with the same cells. In both, text that a spreadsheet would take
//! for a formula gets a leading `'`, and only text: numbers stay numbers.

use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;

const X: &str = "examples/virksomhet-x/org.toml";
const HOSTILE: &str = "tests/fixtures/hostile/org.toml";

fn run(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("kompetanse")
        .unwrap()
        .args(args)
        .args(["--as-of", "2026-11-26", "--quiet"])
        .output()
        .unwrap()
}

fn csv(args: &[&str], dialect: Option<&str>) -> String {
    let mut all = args.to_vec();
    all.extend(["--format", "csv"]);
    if let Some(d) = dialect {
        all.extend(["--csv-dialect", d]);
    }
    let out = run(&all);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{all:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The records of a CSV text.
fn records(text: &str, delimiter: u8) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

const VIEWS: [&[&str]; 7] = [
    &["gap", X],
    &["gap", X, "--by", "person"],
    &["gap", X, "--by", "unit"],
    &["gap", X, "--by", "driver"],
    &["plan", X],
    &["balance", X],
    &["balance", X, "--by", "unit"],
];

#[test]
fn default_is_rfc4180_and_the_same_as_naming_it() {
    for args in VIEWS {
        let default = csv(args, None);
        assert!(!default.starts_with('\u{feff}'));
        assert!(!default.contains('\r'));
        assert!(default.lines().next().unwrap().contains(','));
        assert_eq!(default, csv(args, Some("rfc4180")), "{args:?}");
    }
}

#[test]
fn excel_dialect_has_a_bom_semicolons_decimal_commas_and_crlf() {
    for args in VIEWS {
        let excel = csv(args, Some("excel"));
        let body = excel.strip_prefix('\u{feff}').expect("a UTF-8 BOM");
        assert!(body.ends_with("\r\n"));
        assert_eq!(body.matches("\r\n").count(), body.matches('\n').count());
        let default = csv(args, None);
        let (a, b) = (records(&default, b','), records(body, b';'));
        assert_eq!(a.len(), b.len(), "{args:?}");
        for (ra, rb) in a.iter().zip(&b) {
            assert_eq!(ra.len(), rb.len());
            for (ca, cb) in ra.iter().zip(rb) {
                // The same cell, or the same number with a decimal comma.
                let number = ca.parse::<f64>().is_ok() && ca.contains('.');
                if number {
                    assert_eq!(cb, &ca.replace('.', ","), "{args:?}");
                } else {
                    assert_eq!(ca, cb, "{args:?}");
                }
            }
        }
    }
    // Coverage and hours do have decimals in virksomhet-x.
    let gap = csv(&["gap", X], Some("excel"));
    assert!(gap.contains(";0,"), "no decimal comma in {gap}");
}

#[test]
fn formula_like_text_gets_a_quote_in_both_dialects() {
    for dialect in [None, Some("excel")] {
        let sep = if dialect.is_some() { b';' } else { b',' };
        let people = records(&csv(&["gap", HOSTILE, "--by", "person"], dialect), sep);
        let names: Vec<&str> = people.iter().skip(1).map(|r| r[1].as_str()).collect();
        assert!(names.contains(&"'=HYPERLINK(\"http://evil.example/\",\"x\")"));
        // Inside a name, CR and tab are not a formula's start: left as they are.
        assert!(names.contains(&"Carriage\rReturn"));
        assert!(names.contains(&"Tab\there|pipe"));
        for row in &people {
            assert!(
                row.iter()
                    .all(|c| !c.starts_with(['=', '+', '-', '@', '\t', '\r'])),
                "{row:?}"
            );
        }

        let plan = records(&csv(&["plan", HOSTILE], dialect), sep);
        assert!(
            plan.iter()
                .any(|r| r[1] == "'=HYPERLINK(\"http://evil.example/\",\"x\")")
        );

        let balance = records(&csv(&["balance", HOSTILE], dialect), sep);
        let s1 = balance.iter().find(|r| r[1] == "s1").unwrap();
        assert_eq!(s1[2], "'+cmd|' /C calc'!A0");
        assert_eq!(s1[3], "'@SUM(1+1)*cmd|' /C calc'!A0");
        // Counts beside them are still numbers.
        assert!(s1[5].parse::<u64>().is_ok());
    }
}

#[test]
fn csv_dialect_applies_to_csv_only() {
    let out = run(&["gap", X, "--format", "json", "--csv-dialect", "excel"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--csv-dialect applies to CSV output"), "{err}");

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rapport.csv");
    let out = run(&[
        "gap",
        X,
        "-o",
        path.to_str().unwrap(),
        "--csv-dialect",
        "excel",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with("\u{feff}id;skill;".as_bytes()));
}
