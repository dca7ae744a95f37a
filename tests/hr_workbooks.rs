//! Issue 22's "done when": one organisation as the clean files, as the
//! workbooks Excel 365 makes (an HR export and a practice lead's skills
//! matrix with a certificate sheet) and as the CSV files Excel exports from
//! them. Every variant gives the same gap JSON as the clean files.
//!
//! The workbooks hold what real ones hold: a title row, a blank row, merged
//! group headings, an Excel Table, line breaks in headers (Alt+Enter), a
//! Kommentar column, a hidden helper column, numeric ids, date cells,
//! drop-down labels with their data validation, job titles in Stilling,
//! Fornavn + Etternavn without Navn, E-post, Leder and Stillingsprosent,
//! a level typed as `2,0`, skills named by id or name in any case, and the
//! sheet named after `#` in another letter case.

mod common;
#[path = "common/tool.rs"]
mod tool;

use common::Fixture;
use rust_xlsxwriter::{
    DataValidation, ExcelDateTime, Format, Table, TableColumn, Workbook, XlsxError,
};
use serde_json::Value;

const ORG: &str = r#"
[organisation]
name = "Konsulenthuset"
as_of = 2026-06-15

[profiles]
people = "{people}"
assessments = [{assessments}]

[[skill]]
id = "rust"
name = "Rust programming"

[[skill]]
id = "sql"
name = "Databases"

[[skill]]
id = "cissp"
name = "CISSP-sertifisering"

[[role]]
id = "backend"
name = "Backend developer"
requires = { rust = 3, sql = 2 }
titles = ["Seniorkonsulent", "Konsulent"]

[[need]]
skill = "rust"
level = 3
count = 3

[[need]]
skill = "sql"
level = 2
count = 2
unit = "it"

[[need]]
skill = "cissp"
level = 2
count = 2
by = 2027-06-30
"#;

fn org(people: &str, assessments: &[&str]) -> String {
    let list: Vec<String> = assessments.iter().map(|a| format!("\"{a}\"")).collect();
    ORG.replace("{people}", people)
        .replace("{assessments}", &list.join(", "))
}

/// (id, first name, last name, unit, job title, role as the clean file
/// has it, starts, leaves)
type Person = (
    u32,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<(u16, u8, u8)>,
    Option<(u16, u8, u8)>,
);

const PEOPLE: [Person; 5] = [
    (
        1001,
        "Kari",
        "Nordmann",
        "it/platform",
        "Seniorkonsulent",
        "backend",
        Some((2020, 1, 6)),
        None,
    ),
    (
        1002,
        "Ola",
        "Hansen",
        "it/platform",
        "backend",
        "backend",
        None,
        None,
    ),
    (1003, "Per", "Berg", "it/data", "Partner", "", None, None),
    (
        1004,
        "Siri",
        "Bråten",
        "it/data",
        "Partner",
        "",
        None,
        Some((2025, 12, 31)),
    ),
    (
        1005,
        "Aisha",
        "Rahman",
        "it/data",
        "KONSULENT",
        "backend",
        Some((2026, 9, 1)),
        None,
    ),
];

/// (id, rust, sql) as the clean file has them ("" = not assessed), and
/// as the workbook writes them: a drop-down label, a number, text.
const LEVELS: [(u32, &str, &str); 4] = [
    (1001, "3", "2"),
    (1002, "2", "2"),
    (1003, "1", "3"),
    (1005, "2", ""),
];

/// A date as (year, month, day).
type Ymd = (u16, u8, u8);

/// (id, skill as the certificate sheet writes it, level as typed, expires)
const CERTIFICATES: [(u32, &str, &str, Ymd); 3] = [
    (1001, "CISSP", "2,0", (2027, 1, 31)),
    (1002, "cissp-sertifisering", "2", (2026, 12, 31)),
    (1003, "Cissp", "1", (2028, 3, 1)),
];

const LABELS: [&str; 5] = [
    "0 - none",
    "1 - basic",
    "2 - working",
    "3 - advanced",
    "4 - expert",
];

fn iso((y, m, d): (u16, u8, u8)) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

fn dotted((y, m, d): (u16, u8, u8)) -> String {
    format!("{d:02}.{m:02}.{y:04}")
}

/// The clean files: one header row, ids, levels as digits, ISO dates.
fn clean() -> Fixture {
    let mut people = String::from("id,name,unit,role,starts,leaves\n");
    for (id, first, last, unit, _, role, starts, leaves) in PEOPLE {
        let date = |d: Option<(u16, u8, u8)>| d.map(iso).unwrap_or_default();
        people.push_str(&format!(
            "{id},{first} {last},{unit},{role},{},{}\n",
            date(starts),
            date(leaves)
        ));
    }
    let mut matrix = String::from("person,assessed,rust,sql\n");
    for (id, rust, sql) in LEVELS {
        matrix.push_str(&format!("{id},2026-03-02,{rust},{sql}\n"));
    }
    let mut certificates = String::from("person,skill,level,expires\n");
    for (id, _, level, expires) in CERTIFICATES {
        let level = level.replace(",0", "");
        certificates.push_str(&format!("{id},cissp,{level},{}\n", iso(expires)));
    }
    Fixture::new(&org("people.csv", &["matrix.csv", "certificates.csv"]))
        .file("people.csv", &people)
        .file("matrix.csv", &matrix)
        .file("certificates.csv", &certificates)
}

fn date(ymd: (u16, u8, u8)) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(ymd.0, ymd.1, ymd.2)
}

/// The HR export: a merged title, a blank row, then an Excel Table whose
/// header is on row 3; Ansattnr as numbers, dates as date cells.
fn hr_export() -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("Ansatte")?;
    let title = Format::new().set_bold().set_font_size(14);
    let day = Format::new().set_num_format("dd.mm.yyyy");
    ws.merge_range(0, 0, 0, 9, "Ansatte per 15.06.2026", &title)?;
    let headers = [
        "Ansattnr",
        "Fornavn",
        "Etternavn",
        "Enhet",
        "Stilling",
        "Startdato",
        "Sluttdato",
        "E-post",
        "Leder",
        "Stillingsprosent",
    ];
    let columns: Vec<TableColumn> = headers
        .iter()
        .map(|h| TableColumn::new().set_header(*h))
        .collect();
    let table = Table::new().set_columns(&columns);
    ws.add_table(2, 0, 2 + PEOPLE.len() as u32, 9, &table)?;
    for (i, (id, first, last, unit, title, _, starts, leaves)) in PEOPLE.into_iter().enumerate() {
        let r = 3 + i as u32;
        ws.write_number(r, 0, id)?;
        ws.write_string(r, 1, first)?;
        ws.write_string(r, 2, last)?;
        ws.write_string(r, 3, unit)?;
        ws.write_string(r, 4, title)?;
        if let Some(d) = starts {
            ws.write_datetime_with_format(r, 5, &date(d)?, &day)?;
        }
        if let Some(d) = leaves {
            ws.write_datetime_with_format(r, 6, &date(d)?, &day)?;
        }
        ws.write_string(r, 7, format!("{}@firma.no", first.to_lowercase()))?;
        ws.write_number(r, 8, 1001)?;
        ws.write_number(r, 9, 100)?;
    }
    book.save_to_buffer()
}

/// The practice lead's workbook: the matrix (title, blank row, merged
/// group headings, headers with line breaks, a Kommentar column, a hidden
/// Ressurs-ID, drop-down labels) and a certificate sheet in long format.
fn skills_workbook() -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_bold().set_text_wrap();
    let day = Format::new().set_num_format("dd.mm.yyyy");
    let ws = book.add_worksheet();
    ws.set_name("Kompetanse")?;
    ws.write_string_with_format(0, 0, "Kompetansematrise 2026", &bold)?;
    ws.merge_range(2, 0, 2, 3, "Person", &bold)?;
    ws.merge_range(2, 4, 2, 5, "Sky og plattform", &bold)?;
    let headers = [
        "Ansattnr",
        "Navn",
        "Vurdert",
        "Kommentar",
        "Rust\nprogramming",
        "SQL",
        "Ressurs-ID",
    ];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(3, c as u16, *h, &wrap)?;
    }
    ws.set_column_hidden(6)?;
    let validation = DataValidation::new().allow_list_strings(&LABELS)?;
    ws.add_data_validation(4, 4, 200, 5, &validation)?;
    for (i, (id, rust, sql)) in LEVELS.into_iter().enumerate() {
        let r = 4 + i as u32;
        let person = PEOPLE.iter().find(|p| p.0 == id).unwrap();
        ws.write_number(r, 0, id)?;
        ws.write_string(r, 1, format!("{} {}", person.1, person.2))?;
        ws.write_datetime_with_format(r, 2, &date((2026, 3, 2))?, &day)?;
        if i == 0 {
            ws.write_string(r, 3, "Ny som teamleder")?;
        }
        // Rust as a drop-down label, SQL as a number cell.
        let level: usize = rust.parse().unwrap();
        ws.write_string(r, 4, LABELS[level])?;
        if !sql.is_empty() {
            ws.write_number(r, 5, sql.parse::<f64>().unwrap())?;
        }
        ws.write_string(r, 6, format!("R-{id}"))?;
    }
    let ws = book.add_worksheet();
    ws.set_name("Sertifikater")?;
    ws.write_string_with_format(0, 0, "Sertifikater", &bold)?;
    for (c, h) in ["Ansattnr", "Kompetanse", "Nivå", "Gyldig til"]
        .iter()
        .enumerate()
    {
        ws.write_string_with_format(1, c as u16, *h, &bold)?;
    }
    for (i, (id, skill, level, expires)) in CERTIFICATES.into_iter().enumerate() {
        let r = 2 + i as u32;
        ws.write_number(r, 0, id)?;
        ws.write_string(r, 1, skill)?;
        ws.write_string(r, 2, level)?;
        ws.write_datetime_with_format(r, 3, &date(expires)?, &day)?;
    }
    book.save_to_buffer()
}

/// The same workbooks saved by Excel as "CSV UTF-8 (semikolondelt)": a
/// byte-order mark, every row padded to the sheet's width, merged cells
/// as their top-left value, a header with a line break quoted, dates as
/// Norwegian Excel shows them.
fn csv_exports(fixture: Fixture) -> Fixture {
    let bom = "\u{feff}";
    let mut hr = format!(
        "{bom}Ansatte per 15.06.2026;;;;;;;;;\n;;;;;;;;;\n\
         Ansattnr;Fornavn;Etternavn;Enhet;Stilling;Startdato;Sluttdato;E-post;Leder;Stillingsprosent\n"
    );
    for (id, first, last, unit, title, _, starts, leaves) in PEOPLE {
        let d = |x: Option<(u16, u8, u8)>| x.map(dotted).unwrap_or_default();
        hr.push_str(&format!(
            "{id};{first};{last};{unit};{title};{};{};{}@firma.no;1001;100\n",
            d(starts),
            d(leaves),
            first.to_lowercase()
        ));
    }
    let mut matrix = format!(
        "{bom}Kompetansematrise 2026;;;;;;\n;;;;;;\nPerson;;;;Sky og plattform;;\n\
         Ansattnr;Navn;Vurdert;Kommentar;\"Rust\nprogramming\";SQL;Ressurs-ID\n"
    );
    for (i, (id, rust, sql)) in LEVELS.into_iter().enumerate() {
        let person = PEOPLE.iter().find(|p| p.0 == id).unwrap();
        let comment = if i == 0 { "Ny som teamleder" } else { "" };
        let label = LABELS[rust.parse::<usize>().unwrap()];
        matrix.push_str(&format!(
            "{id};{} {};02.03.2026;{comment};{label};{sql};R-{id}\n",
            person.1, person.2
        ));
    }
    let mut certificates = format!("{bom}Sertifikater;;;\nAnsattnr;Kompetanse;Nivå;Gyldig til\n");
    for (id, skill, level, expires) in CERTIFICATES {
        certificates.push_str(&format!("{id};{skill};{level};{}\n", dotted(expires)));
    }
    fixture
        .file("hr.csv", &hr)
        .file("kompetanse.csv", &matrix)
        .file("sertifikater.csv", &certificates)
}

/// The gap report as JSON, without what names the input files.
fn gap(fixture: &Fixture) -> Value {
    let mut v = fixture.json(&["gap", "org.toml", "-q", "--format", "json"]);
    strip(&mut v);
    v
}

fn strip(v: &mut Value) {
    match v {
        Value::Object(map) => {
            map.remove("inputs");
            map.values_mut().for_each(strip);
        }
        Value::Array(items) => items.iter_mut().for_each(strip),
        _ => {}
    }
}

fn stderr_of_check(fixture: &Fixture) -> String {
    let out = fixture.run(&["check", "org.toml"]);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(0), "{err}");
    err
}

/// The warnings every HR variant gives: the title rows, the unknown job
/// title (once), the ignored columns, who left and who starts later.
fn assert_hr_warnings(err: &str, matrix: &str) {
    assert_eq!(
        err.matches("role 'Partner' is not a [[role]] id, name or title")
            .count(),
        1,
        "{err}"
    );
    assert!(err.contains("(2 people have it)"), "{err}");
    assert!(
        err.contains("the header is on row 3: the row above it is skipped (row 1 holds 'Ansatte per 15.06.2026')"),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{matrix}:4: warning: the header is on row 4: the rows above it are skipped (row 1 holds 'Kompetansematrise 2026')"
        )),
        "{err}"
    );
    assert!(
        err.contains("columns 'Kommentar', 'Ressurs-ID' are ignored"),
        "{err}"
    );
    assert!(
        err.contains("columns 'E-post', 'Leder', 'Stillingsprosent' are ignored"),
        "{err}"
    );
    assert!(!err.contains("error"), "{err}");
}

#[test]
fn excel_365_workbooks_give_the_clean_files_gap() {
    let clean = clean();
    let expected = gap(&clean);
    let fixture = Fixture::new(&org(
        "hr.xlsx#ansatte",
        &["kompetanse.xlsx", "kompetanse.xlsx#SERTIFIKATER"],
    ))
    .bytes("hr.xlsx", &hr_export().unwrap())
    .bytes("kompetanse.xlsx", &skills_workbook().unwrap());
    let err = stderr_of_check(&fixture);
    assert_hr_warnings(&err, "kompetanse.xlsx#Kompetanse");
    let stdout = fixture.run(&["check", "org.toml"]).stdout;
    let stdout = String::from_utf8_lossy(&stdout);
    assert!(
        stdout.contains("3 people present on 2026-06-15 (1 has left, 1 starts later)"),
        "{stdout}"
    );
    assert_eq!(gap(&fixture), expected);
    // The names come from Fornavn + Etternavn.
    let org = fixture.load();
    let p = org.people.find("1004").unwrap();
    assert_eq!(org.people.name(p), Some("Siri Bråten"));
}

#[test]
fn excel_csv_exports_give_the_clean_files_gap() {
    let expected = gap(&clean());
    let fixture = csv_exports(Fixture::new(&org(
        "hr.csv",
        &["kompetanse.csv", "sertifikater.csv"],
    )));
    let err = stderr_of_check(&fixture);
    assert_hr_warnings(&err, "kompetanse.csv");
    assert_eq!(gap(&fixture), expected);
}

/// The CSV exports' text re-encoded: Excel's "CSV (semikolondelt)"
/// (Windows-1252: æøå are their Latin-1 bytes here) or "Unicode-tekst"
/// (UTF-16 LE with a byte-order mark, tab-delimited).
fn reencoded(fixture: &Fixture, utf16: bool) -> Fixture {
    let mut out = Fixture::new(&org("hr.csv", &["kompetanse.csv", "sertifikater.csv"]));
    for name in ["hr.csv", "kompetanse.csv", "sertifikater.csv"] {
        let text = std::fs::read_to_string(fixture.dir().join(name)).unwrap();
        let text = text.trim_start_matches('\u{feff}');
        let bytes: Vec<u8> = if utf16 {
            let tabbed = text.replace(';', "\t");
            let mut bytes = vec![0xFF, 0xFE];
            for unit in tabbed.encode_utf16() {
                bytes.extend(unit.to_le_bytes());
            }
            bytes
        } else {
            text.chars()
                .map(|c| u8::try_from(u32::from(c)).expect("a Latin-1 letter"))
                .collect()
        };
        out = out.bytes(name, &bytes);
    }
    out
}

#[test]
fn windows_1252_and_utf16_exports_give_the_clean_files_gap() {
    let expected = gap(&clean());
    let utf8 = csv_exports(Fixture::new("[organisation]\nname = \"x\"\n"));
    for utf16 in [false, true] {
        let fixture = reencoded(&utf8, utf16);
        let err = stderr_of_check(&fixture);
        assert_hr_warnings(&err, "kompetanse.csv");
        assert_eq!(gap(&fixture), expected, "utf16: {utf16}");
    }
}

#[test]
fn without_roles_the_hr_exports_stilling_is_not_used() {
    // Without [[role]], Stilling is not used: one warning, no error.
    let body = org("hr.xlsx", &["kompetanse.xlsx"]);
    let start = body.find("[[role]]").unwrap();
    let end = body.find("[[need]]").unwrap();
    let body = format!("{}{}", &body[..start], &body[end..]);
    let fixture = Fixture::new(&body)
        .bytes("hr.xlsx", &hr_export().unwrap())
        .bytes("kompetanse.xlsx", &skills_workbook().unwrap());
    let err = stderr_of_check(&fixture);
    assert!(
        err.contains("column 'Stilling' is not used: org.toml declares no [[role]]"),
        "{err}"
    );
    assert!(!err.contains("'Partner'"), "{err}");
}

/// A one-sheet workbook: a title row, then `rows` from row 3 (the first is
/// the header), numbers written as number cells.
fn sheet(name: &str, rows: &[&[&str]]) -> Vec<u8> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(name).unwrap();
    ws.write_string(0, 0, "Kompetansematrise 2026").unwrap();
    for (r, cells) in rows.iter().enumerate() {
        for (c, cell) in cells.iter().enumerate() {
            let (r, c) = (2 + r as u32, c as u16);
            match cell.parse::<f64>() {
                Ok(n) if r > 2 => ws.write_number(r, c, n).unwrap(),
                _ => ws.write_string(r, c, *cell).unwrap(),
            };
        }
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn interest_marks_in_a_workbook_give_the_clean_files_gap() {
    // Clean: the long format, interest in its own column.
    let mut long = String::from("person,skill,level,assessed,interest\n");
    for (id, rust, sql) in LEVELS {
        let rust_interest = if id == 1002 { "ja" } else { "" };
        long.push_str(&format!("{id},rust,{rust},2026-03-02,{rust_interest}\n"));
        if !sql.is_empty() {
            long.push_str(&format!("{id},sql,{sql},2026-03-02,\n"));
        }
    }
    long.push_str("1005,sql,,,ja\n");
    let clean = clean().file("matrix.csv", &long);
    // The workbook: '2 - working*' and '*' alone in the matrix.
    let matrix = sheet(
        "Kompetanse",
        &[
            &[
                "Ansattnr",
                "Vurdert",
                "Rust\nprogramming",
                "SQL",
                "Kommentar",
            ],
            &["1001", "2026-03-02", "3 - advanced", "2", ""],
            &["1002", "2026-03-02", "2 - working*", "2", "vil lære mer"],
            &["1003", "2026-03-02", "1", "3", ""],
            &["1005", "2026-03-02", "2", "*", ""],
        ],
    );
    let fixture = clean_with_matrix(matrix);
    stderr_of_check(&fixture);
    let gap_json = gap(&fixture);
    assert_eq!(gap_json, gap(&clean));
    let market = |f: &Fixture| f.json(&["market", "org.toml", "-q", "-f", "json"]);
    assert_eq!(market(&fixture), market(&clean));
}

/// The clean people and certificates with `matrix` as the skills matrix.
fn clean_with_matrix(matrix: Vec<u8>) -> Fixture {
    let clean = clean();
    let people = std::fs::read_to_string(clean.dir().join("people.csv")).unwrap();
    let certificates = std::fs::read_to_string(clean.dir().join("certificates.csv")).unwrap();
    Fixture::new(&org(
        "people.csv",
        &["kompetanse.xlsx#kompetanse", "certificates.csv"],
    ))
    .file("people.csv", &people)
    .file("certificates.csv", &certificates)
    .bytes("kompetanse.xlsx", &matrix)
}

#[test]
fn in_a_workbook_a_misspelt_skill_an_unknown_person_and_no_header_are_errors() {
    let matrix = sheet(
        "Kompetanse",
        &[
            &["Ansattnr", "Rust programing", "SQL"],
            &["1001", "3", "2"],
            &["10010", "2", "1"],
        ],
    );
    let out = clean_with_matrix(matrix).run(&["check", "org.toml"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("kompetanse.xlsx#Kompetanse!B3: error: column 'Rust programing' is not a skill id or name (did you mean 'Rust programming'?)"),
        "{err}"
    );
    let matrix = sheet("Kompetanse", &[&["Ansattnr", "SQL"], &["10010", "1"]]);
    let out = clean_with_matrix(matrix).run(&["check", "org.toml"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("kompetanse.xlsx#Kompetanse!A4: error: column 'Ansattnr': unknown person '10010': not in the people file (add them to it, or correct the id)"),
        "{err}"
    );
    assert!(!err.contains("1001'"), "never another person's id: {err}");
    let matrix = sheet("Kompetanse", &[&["Medarbeider", "SQL"], &["1001", "1"]]);
    let out = clean_with_matrix(matrix).run(&["check", "org.toml"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("row 1 holds 'Kompetansematrise 2026'; the header row, the one naming 'person', must be among the first 10 rows"),
        "{err}"
    );
}

/// The same two workbooks as openpyxl writes them (a second writer:
/// inline layout, merged cells, a Table and data validation its own way).
const OPENPYXL: &str = r#"
import sys, datetime
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.table import Table
from openpyxl.worksheet.datavalidation import DataValidation

out = sys.argv[1]
people = [
    (1001, "Kari", "Nordmann", "it/platform", "Seniorkonsulent", datetime.date(2020, 1, 6), None),
    (1002, "Ola", "Hansen", "it/platform", "backend", None, None),
    (1003, "Per", "Berg", "it/data", "Partner", None, None),
    (1004, "Siri", "Bråten", "it/data", "Partner", None, datetime.date(2025, 12, 31)),
    (1005, "Aisha", "Rahman", "it/data", "KONSULENT", datetime.date(2026, 9, 1), None),
]
wb = Workbook()
ws = wb.active
ws.title = "Ansatte"
ws["A1"] = "Ansatte per 15.06.2026"
ws["A1"].font = Font(bold=True, size=14)
ws.merge_cells("A1:J1")
ws.append([])
ws.append(["Ansattnr", "Fornavn", "Etternavn", "Enhet", "Stilling", "Startdato",
           "Sluttdato", "E-post", "Leder", "Stillingsprosent"])
for (i, first, last, unit, title, starts, leaves) in people:
    ws.append([i, first, last, unit, title, starts, leaves,
               first.lower() + "@firma.no", 1001, 100])
for row in ws.iter_rows(min_row=4, min_col=6, max_col=7):
    for cell in row:
        cell.number_format = "DD.MM.YYYY"
ws.add_table(Table(displayName="Ansatte", ref="A3:J8"))
wb.save(out + "/hr.xlsx")

labels = ["0 - none", "1 - basic", "2 - working", "3 - advanced", "4 - expert"]
wb = Workbook()
ws = wb.active
ws.title = "Kompetanse"
ws["A1"] = "Kompetansematrise 2026"
ws["A3"] = "Person"
ws.merge_cells("A3:D3")
ws["E3"] = "Sky og plattform"
ws.merge_cells("E3:F3")
ws.append(["Ansattnr", "Navn", "Vurdert", "Kommentar", "Rust\nprogramming", "SQL", "Ressurs-ID"])
for cell in ws[4]:
    cell.alignment = Alignment(wrap_text=True)
levels = [(1001, "Kari Nordmann", 3, 2), (1002, "Ola Hansen", 2, 2),
          (1003, "Per Berg", 1, 3), (1005, "Aisha Rahman", 2, None)]
for n, (i, name, rust, sql) in enumerate(levels):
    ws.append([i, name, datetime.date(2026, 3, 2), "Ny som teamleder" if n == 0 else None,
               labels[rust], sql, "R-%d" % i])
    ws.cell(row=ws.max_row, column=3).number_format = "DD.MM.YYYY"
ws.column_dimensions["G"].hidden = True
dv = DataValidation(type="list", formula1='"' + ",".join(labels) + '"')
ws.add_data_validation(dv)
dv.add("E5:F200")
ws = wb.create_sheet("Sertifikater")
ws["A1"] = "Sertifikater"
ws.append(["Ansattnr", "Kompetanse", "Nivå", "Gyldig til"])
for (i, skill, level, expires) in [(1001, "CISSP", "2,0", datetime.date(2027, 1, 31)),
                                   (1002, "cissp-sertifisering", "2", datetime.date(2026, 12, 31)),
                                   (1003, "Cissp", "1", datetime.date(2028, 3, 1))]:
    ws.append([i, skill, level, expires])
    ws.cell(row=ws.max_row, column=4).number_format = "DD.MM.YYYY"
wb.save(out + "/kompetanse.xlsx")
"#;

#[test]
fn openpyxl_workbooks_give_the_clean_files_gap() {
    if !tool::required(
        "openpyxl",
        tool::python_has("openpyxl"),
        "pip install openpyxl, or set KOMPETANSE_PYTHON to a Python that has it",
    ) {
        return;
    }
    let expected = gap(&clean());
    let fixture = Fixture::new(&org(
        "hr.xlsx#ANSATTE",
        &["kompetanse.xlsx", "kompetanse.xlsx#sertifikater"],
    ));
    let out = std::process::Command::new(tool::python())
        .args(["-c", OPENPYXL])
        .arg(fixture.dir())
        .output()
        .expect("run python3");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = stderr_of_check(&fixture);
    assert_hr_warnings(&err, "kompetanse.xlsx#Kompetanse");
    assert_eq!(gap(&fixture), expected);
}
