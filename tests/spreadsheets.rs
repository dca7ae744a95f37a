//! Spreadsheets as users make them (issue 9, FORMAT.md r2 "Spreadsheets",
//! "CSV dialect", "Dates", "Column names"): the same organisation, Nordvik
//! kommune, read from its Excel workbook and from each way Norwegian
//! LibreOffice/Excel exports its sheets, gives byte-identical `gap`,
//! `balance` and `plan` JSON.
//!
//! The exports checked in under tests/fixtures/kommune/ were made by
//! LibreOffice (tests/fixtures/kommune/export.sh) from
//! examples/nordvik-kommune/kartlegging.xlsx, so these tests run without it.
//! Where `soffice` is installed, `exports_made_now_read_the_same` makes the
//! exports afresh, and the workbook itself from its .fods source, and
//! checks those too; without it that test says so and passes.

#[path = "common/tool.rs"]
mod tool;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;
use tempfile::TempDir;

const EXAMPLE: &str = "examples/nordvik-kommune";
const FIXTURES: &str = "tests/fixtures/kommune";
const VIEWS: [&[&str]; 5] = [
    &["gap"],
    &["gap", "--by", "person"],
    &["balance"],
    &["balance", "--by", "unit"],
    &["plan"],
];

/// The example's org.toml with `[profiles]` pointing at `people` and
/// `assessments` (paths written as given), in a fresh folder.
fn org_with_profiles(people: &Path, assessments: &[PathBuf]) -> (TempDir, PathBuf) {
    let text = fs::read_to_string(Path::new(EXAMPLE).join("org.toml")).expect("read the example");
    let start = text.find("[profiles]").expect("the example has [profiles]");
    let end = start + text[start..].find("\n\n").expect("[profiles] ends");
    let quoted = |p: &Path| format!("{:?}", p.display().to_string());
    let list: Vec<String> = assessments.iter().map(|p| quoted(p)).collect();
    // The fixtures stay where they are checked in, outside the fresh
    // folder: allowed explicitly (issue 27, F9).
    let profiles = format!(
        "[profiles]\nallow_outside = true\npeople = {}\nassessments = [{}]",
        quoted(people),
        list.join(", ")
    );
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("org.toml");
    fs::write(
        &path,
        format!("{}{}{}", &text[..start], profiles, &text[end..]),
    )
    .expect("write org.toml");
    (dir, path)
}

/// An org.toml reading the three CSV exports in `folder`.
fn org_for_export(folder: &Path) -> (TempDir, PathBuf) {
    let abs = fs::canonicalize(folder).expect("export folder");
    org_with_profiles(
        &abs.join("ansatte.csv"),
        &[abs.join("kartlegging.csv"), abs.join("sertifikater.csv")],
    )
}

/// stdout of `kompetanse VIEW ORG --format json`, which must succeed.
fn json(org: &Path, view: &[&str]) -> String {
    let out = Command::cargo_bin("kompetanse")
        .expect("binary")
        .args(view)
        .arg(org)
        .args(["--format", "json", "--as-of", "2026-11-26"])
        .output()
        .expect("run kompetanse");
    assert!(
        out.status.success(),
        "kompetanse {view:?} {} failed: {}",
        org.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("JSON is UTF-8")
}

/// Every view of `org` gives the same JSON as the workbook's.
fn assert_same_as_workbook(org: &Path, what: &str) {
    let workbook = Path::new(EXAMPLE).join("org.toml");
    for view in VIEWS {
        let expected = json(&workbook, view);
        let got = json(org, view);
        assert!(
            expected == got,
            "{what}: `{}` differs from the workbook's\n--- workbook\n{}\n--- {what}\n{}",
            view.join(" "),
            &expected[..expected.len().min(2000)],
            &got[..got.len().min(2000)]
        );
    }
}

#[test]
fn the_workbook_example_is_valid_and_has_the_expected_numbers() {
    let org = Path::new(EXAMPLE).join("org.toml");
    let gap: serde_json::Value = serde_json::from_str(&json(&org, &["gap"])).expect("JSON");
    let need = |id: &str| {
        gap["needs"]
            .as_array()
            .expect("needs")
            .iter()
            .find(|n| n["id"] == id)
            .unwrap_or_else(|| panic!("need {id}"))
            .clone()
    };
    // First aid at the sykehjem, at D = 2026-11-26: of the ten people there,
    // 1001-1005, 1007 and 1008 hold a valid certificate at level 2 or more
    // (1006's expired 2025-10-01; 1009 is at level 1; 1010 has none). The
    // need is due 2027-01-31 (FORMAT r2 "Horizon"): the certificates of 1002
    // (2026-12-10), 1008 (2027-01-10) and 1004 (2027-01-15) run out before,
    // so have 4, shortfall 4: renew those three (in that order, by expiry)
    // at the skill's renew_hours = 8, and develop 1009 from 1 to 2 (40 h).
    let first_aid = need("førstehjelp-sykehjem");
    assert_eq!(first_aid["have"], 4, "{first_aid}");
    assert_eq!(first_aid["shortfall"], 4);
    let renewed: Vec<_> = first_aid["renew"]
        .as_array()
        .expect("renew")
        .iter()
        .map(|r| {
            (
                r["person"].as_str(),
                r["expires"].as_str(),
                r["hours"].as_u64(),
            )
        })
        .collect();
    assert_eq!(
        renewed,
        [
            (Some("1002"), Some("2026-12-10"), Some(8)),
            (Some("1008"), Some("2027-01-10"), Some(8)),
            (Some("1004"), Some("2027-01-15"), Some(8)),
        ]
    );
    assert_eq!(first_aid["develop"][0]["person"], "1009");
    assert_eq!(first_aid["recruit_count"], 0);
    // The skill's own mix is 0-0-100: 3 x 8 + 40 = 64 h, all formal.
    assert_eq!(
        first_aid["effort"],
        serde_json::json!({"total": 64, "experience": 0, "social": 0, "formal": 64})
    );
    // Medication at level 3 in all of helse: 1001 (4, the certificate, and
    // 4 in the matrix), 1002 (3), 1011 (3): 3 of 4.
    let medication = need("legemiddel-helse");
    assert_eq!(medication["have"], 3, "{medication}");
    // Dementia care at level 3 at the sykehjem: 1001 ("3 - avansert"), 1003
    // (3), 1004 ("3 - avansert"), 1008 (3): 4 of 3, met.
    let dementia = need("demens-sykehjem");
    assert_eq!(dementia["have"], 4, "{dementia}");
    assert_eq!(dementia["shortfall"], 0);
    // Welfare technology at level 2 in hjemmetjenesten: 1011 (3), 1012 (2),
    // 1014 ("3 - avansert"): 3 of 5.
    let welfare = need("velferdsteknologi-hjemme");
    assert_eq!(welfare["have"], 3, "{welfare}");
    // Language development at level 3 in the barnehage: 1016 (3) of 2;
    // 1017 ("2 - god") and 1018 (2) are one step below.
    let language = need("språk-barnehage");
    assert_eq!(language["have"], 1, "{language}");
    assert_eq!(language["develop"].as_array().map(Vec::len), Some(1));
}

#[test]
fn each_checked_in_export_reads_like_the_workbook() {
    for export in ["cp1252", "utf8", "utf16", "iso"] {
        let (_dir, org) = org_for_export(&Path::new(FIXTURES).join(export));
        assert_same_as_workbook(&org, export);
    }
}

#[test]
fn a_windows_1252_export_is_read_with_one_warning_per_file() {
    let (_dir, org) = org_for_export(&Path::new(FIXTURES).join("cp1252"));
    let out = Command::cargo_bin("kompetanse")
        .expect("binary")
        .args(["check"])
        .arg(&org)
        .output()
        .expect("run kompetanse");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    for file in ["ansatte.csv", "kartlegging.csv", "sertifikater.csv"] {
        let warnings = stderr
            .lines()
            .filter(|l| l.contains(file) && l.contains("Windows-1252"))
            .count();
        assert_eq!(warnings, 1, "{file}: {stderr}");
    }
}

/// Is LibreOffice here? Prints why the test is skipped when it is not.
fn soffice() -> bool {
    tool::required(
        "soffice (LibreOffice)",
        tool::on_path("soffice"),
        "apt-get install libreoffice-calc-nogui, to check exports made now, not only the checked-in ones",
    )
}

#[test]
fn exports_made_now_read_the_same() {
    if !soffice() {
        return;
    }
    let out = tempfile::tempdir().expect("temporary folder");
    let status = Command::new("bash")
        .arg(Path::new(FIXTURES).join("export.sh"))
        .arg(out.path())
        .status()
        .expect("run export.sh");
    assert!(status.success(), "export.sh failed");
    for export in ["cp1252", "utf8", "utf16", "iso"] {
        let folder = out.path().join(export);
        let (_dir, org) = org_for_export(&folder);
        assert_same_as_workbook(&org, &format!("{export} (made now)"));
    }
    // The workbook itself, made now from its readable source, as Excel and
    // as OpenDocument.
    let books = tempfile::tempdir().expect("temporary folder");
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        books.path().display()
    );
    for kind in ["xlsx", "ods"] {
        let made = Command::new("soffice")
            .args([
                profile.as_str(),
                "--headless",
                "--convert-to",
                kind,
                "--outdir",
            ])
            .arg(books.path())
            .arg(Path::new(EXAMPLE).join("kartlegging.fods"))
            .output()
            .expect("run soffice");
        assert!(
            made.status.success(),
            "soffice could not make the {kind} workbook"
        );
        let book = books.path().join(format!("kartlegging.{kind}"));
        let sheet = |name: &str| PathBuf::from(format!("{}#{name}", book.display()));
        let (_dir, org) = org_with_profiles(
            &sheet("Ansatte"),
            &[sheet("Kartlegging"), sheet("Sertifikater")],
        );
        assert_same_as_workbook(&org, &format!("the {kind} workbook made now"));
    }
}
