//! Hostile workbooks (issue 27, F1-F4, F14, F16, F20): small .xlsx and
//! .ods files whose sizes, repeat counts or damage made calamine allocate
//! hundreds of GB (an abort), spin forever, or read a damaged entry as
//! whole. Each runs the binary under `common/bounded.rs` (2 GiB, 10 s) and
//! must end with exit 2 and a message at the file or cell. The files are
//! built here: a workbook from rust_xlsxwriter with its sheet's XML
//! replaced, or an ODS written entry by entry.

#[path = "common/bounded.rs"]
mod bounded;
#[path = "common/tool.rs"]
mod tool;

use std::io::{Cursor, Read, Write};

use rust_xlsxwriter::{Format, Workbook};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

const ORG: &str = r#"[organisation]
name = "X"
as_of = 2026-11-26

[profiles]
people = "PEOPLE"
assessments = ["ASSESSMENTS"]

[[skill]]
id = "rust"
name = "Rust"
"#;

const PEOPLE_ROWS: &str = r#"<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>name</t></is></c><c r="C1" t="inlineStr"><is><t>unit</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>ada</t></is></c><c r="B2" t="inlineStr"><is><t>Ada</t></is></c><c r="C2" t="inlineStr"><is><t>app</t></is></c></row>"#;

/// An organisation whose people and assessments are the files named.
fn org(people: &str, assessments: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let toml = ORG
        .replace("PEOPLE", people)
        .replace("ASSESSMENTS", assessments);
    std::fs::write(dir.path().join("org.toml"), toml).unwrap();
    std::fs::write(dir.path().join("people.csv"), "id,name,unit\nada,Ada,app\n").unwrap();
    std::fs::write(
        dir.path().join("assessments.csv"),
        "person,skill,level\nada,rust,2\n",
    )
    .unwrap();
    dir
}

/// A workbook whose first sheet's XML is `<sheetData>` holding `rows`
/// (and `shared`, when given, as its shared-strings table); the sheet
/// entry is stored uncompressed when `stored`.
fn xlsx_with(rows: &str, shared: Option<&str>, stored: bool) -> Vec<u8> {
    let mut book = Workbook::new();
    book.add_worksheet().write_string(0, 0, "x").unwrap();
    let base = book.save_to_buffer().unwrap();
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>"#
    );
    replace(&base, |name| match name {
        "xl/worksheets/sheet1.xml" => Some((sheet.clone().into_bytes(), stored)),
        "xl/sharedStrings.xml" => shared.map(|s| (s.as_bytes().to_vec(), false)),
        _ => None,
    })
}

/// `zip` with the entries `new` gives bytes for replaced.
fn replace(zip: &[u8], new: impl Fn(&str) -> Option<(Vec<u8>, bool)>) -> Vec<u8> {
    let mut archive = ZipArchive::new(Cursor::new(zip)).unwrap();
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
        let (bytes, stored) = match new(&name) {
            Some(replaced) => replaced,
            None => {
                let mut bytes = Vec::new();
                entry.read_to_end(&mut bytes).unwrap();
                (bytes, false)
            }
        };
        let method = if stored {
            CompressionMethod::Stored
        } else {
            CompressionMethod::Deflated
        };
        out.start_file(
            name,
            SimpleFileOptions::default().compression_method(method),
        )
        .unwrap();
        out.write_all(&bytes).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// An .ods holding `content` as its content.xml.
fn ods(content: &str) -> Vec<u8> {
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    out.start_file("mimetype", stored).unwrap();
    out.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    out.start_file("META-INF/manifest.xml", SimpleFileOptions::default())
        .unwrap();
    out.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#).unwrap();
    out.start_file("content.xml", SimpleFileOptions::default())
        .unwrap();
    out.write_all(content.as_bytes()).unwrap();
    out.finish().unwrap().into_inner()
}

const ODS_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="people"><table:table-row><table:table-cell office:value-type="string"><text:p>id</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>name</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>unit</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell office:value-type="string"><text:p>ada</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Ada</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>app</text:p></table:table-cell></table:table-row>"#;
const ODS_TAIL: &str =
    "</table:table></office:spreadsheet></office:body></office:document-content>";

/// `check` of an organisation whose people file is `name` holding `bytes`.
fn check_people(name: &str, bytes: &[u8]) -> Option<bounded::Bounded> {
    let dir = org(name, "assessments.csv");
    std::fs::write(dir.path().join(name), bytes).unwrap();
    bounded::run(dir.path(), &["check", "org.toml"])
}

/// The run ended with exit 2 within the limits, saying `says`.
fn refused(run: Option<bounded::Bounded>, says: &str) {
    let Some(run) = run else { return };
    run.assert_exit(2);
    assert!(run.stderr().contains(says), "stderr: {}", run.stderr());
    assert!(run.stdout().is_empty(), "stdout: {}", run.stdout());
}

fn check_ok(run: Option<bounded::Bounded>) {
    let Some(run) = run else { return };
    run.assert_exit(0);
}

#[test]
fn the_sheets_as_built_here_are_read() {
    check_ok(check_people(
        "people.xlsx",
        &xlsx_with(PEOPLE_ROWS, None, false),
    ));
    check_ok(check_people(
        "people.ods",
        &ods(&format!("{ODS_HEAD}{ODS_TAIL}")),
    ));
}

// F1: cells at A1 and XFD1048576 made calamine allocate the 17-billion-cell
// rectangle between them (549 GB): an abort.
#[test]
fn a_cell_at_xfd1048576_is_refused_before_anything_is_allocated() {
    let rows = format!(r#"{PEOPLE_ROWS}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#);
    refused(
        check_people("people.xlsx", &xlsx_with(&rows, None, false)),
        "the sheet's used range A1:XFD1048576 is too large",
    );
}

#[test]
fn a_column_or_row_beyond_excel_is_refused() {
    for rows in [
        format!(r#"{PEOPLE_ROWS}<row r="3"><c r="ZZZZZZ3"><v>1</v></c></row>"#),
        format!(r#"{PEOPLE_ROWS}<row r="4294967290"><c r="A4294967290"><v>1</v></c></row>"#),
        format!(r#"{PEOPLE_ROWS}<row r="100000"><c r="ZZ100000"><v>1</v></c></row>"#),
    ] {
        refused(
            check_people("people.xlsx", &xlsx_with(&rows, None, false)),
            "is too large",
        );
    }
}

// A stale dimension (formatting to the sheet's end) and formatted empty
// cells far out are not used ranges: calamine keeps neither, and they are
// read.
#[test]
fn a_huge_declared_dimension_and_formatted_empty_cells_are_read() {
    let rows = format!(r#"{PEOPLE_ROWS}<row r="1048576"><c r="XFD1048576" s="0"/></row>"#);
    let book = xlsx_with(&rows, None, false);
    let book = replace(&book, |name| {
        (name == "xl/worksheets/sheet1.xml").then(|| {
            (format!(r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData>{rows}</sheetData></worksheet>"#).into_bytes(), false)
        })
    });
    check_ok(check_people("people.xlsx", &book));
}

// F1: uniqueCount was reserved as declared (103 GB) by Xlsx::new.
#[test]
fn a_huge_shared_strings_count_is_refused() {
    let sst = r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="4294967295"><si><t>x</t></si></sst>"#;
    refused(
        check_people("people.xlsx", &xlsx_with(PEOPLE_ROWS, Some(sst), false)),
        "shared strings",
    );
}

// F2: a truncated content.xml (no </table:table>) made calamine spin.
#[test]
fn a_truncated_ods_table_is_damaged_not_a_hang() {
    let content = format!(
        "{ODS_HEAD}<table:table-row><table:table-cell office:value-type=\"string\"><text:p>bo</text:p></table:table-cell></table:table-row>"
    );
    refused(
        check_people("people.ods", &ods(&content)),
        "the workbook is damaged",
    );
}

// F3: 16384 repeated columns x 6000 repeated rows (98M cells, 7.8 GB).
#[test]
fn repeated_ods_cells_beyond_the_cap_are_refused() {
    let content = format!(
        r#"{ODS_HEAD}<table:table-row table:number-rows-repeated="6000"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>{ODS_TAIL}"#
    );
    refused(check_people("people.ods", &ods(&content)), "more than");
}

#[test]
fn trailing_empty_ods_repeats_as_libreoffice_writes_them_are_read() {
    let content = format!(
        r#"{ODS_HEAD}<table:table-row table:number-rows-repeated="1048574"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>{ODS_TAIL}"#
    );
    check_ok(check_people("people.ods", &ods(&content)));
}

// F4: 300M empty rows took 13 s of CPU; more rows than Excel has are refused.
#[test]
fn more_rows_than_excel_has_are_refused() {
    let rows = format!("{PEOPLE_ROWS}{}", "<row/>".repeat(1_100_000));
    refused(
        check_people("people.xlsx", &xlsx_with(&rows, None, false)),
        "more than 1048576 rows",
    );
}

// F4: a zip bomb: a small file inflating past the entry cap.
#[test]
fn a_zip_bomb_is_refused_by_its_inflated_size() {
    let rows = format!("{PEOPLE_ROWS}{}", " ".repeat(130 << 20));
    refused(
        check_people("people.xlsx", &xlsx_with(&rows, None, false)),
        "beyond the 128 MiB limit",
    );
}

// F4: an unused table of millions of shared strings.
#[test]
fn millions_of_unused_shared_strings_are_refused() {
    let sst = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{}</sst>"#,
        "<si/>".repeat(5_000_001)
    );
    refused(
        check_people("people.xlsx", &xlsx_with(PEOPLE_ROWS, Some(&sst), false)),
        "shared strings",
    );
}

// F16: a worksheet entry whose bytes no longer match its CRC was read,
// with the changed value counted.
#[test]
fn a_worksheet_with_a_bad_crc_is_damaged() {
    let mut book = xlsx_with(PEOPLE_ROWS, None, true);
    let at = book
        .windows(3)
        .position(|w| w == b"Ada")
        .expect("the stored sheet");
    book[at] = b'E';
    refused(
        check_people("people.xlsx", &book),
        "the workbook is damaged",
    );
}

fn assessments_with_expires(expires: f64) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["person", "skill", "level", "expires"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "ada").unwrap();
    sheet.write_string(1, 1, "rust").unwrap();
    sheet.write_number(1, 2, 2).unwrap();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    sheet
        .write_number_with_format(1, 3, expires, &date)
        .unwrap();
    book.save_to_buffer().unwrap()
}

// F14: date serials outside Excel's dates were clamped to 1899-12-31 or
// 9999-12-31, so the assessment silently expired or never did.
#[test]
fn a_date_serial_outside_excels_dates_is_an_error_at_its_cell() {
    for serial in [0.0, -5.0, 2_958_466.0] {
        let dir = org("people.csv", "assessments.xlsx");
        std::fs::write(
            dir.path().join("assessments.xlsx"),
            assessments_with_expires(serial),
        )
        .unwrap();
        let Some(run) = bounded::run(dir.path(), &["check", "org.toml"]) else {
            return;
        };
        run.assert_exit(2);
        assert!(
            run.stderr().contains("assessments.xlsx#Sheet1!D2"),
            "{serial}: {}",
            run.stderr()
        );
        assert!(run.stderr().contains("date"), "{}", run.stderr());
    }
    let dir = org("people.csv", "assessments.xlsx");
    std::fs::write(
        dir.path().join("assessments.xlsx"),
        assessments_with_expires(46_000.0),
    )
    .unwrap();
    check_ok(bounded::run(dir.path(), &["check", "org.toml"]));
}

// F20: a CSV file named .xlsx says what it is.
#[test]
fn a_csv_named_xlsx_says_it_is_text() {
    refused(
        check_people("people.xlsx", b"id,name,unit\nada,Ada,app\n"),
        "the file is text",
    );
}

/// `check` of an organisation whose assessments file is `name` holding `bytes`.
fn check_assessments(name: &str, bytes: &[u8]) -> Option<bounded::Bounded> {
    let dir = org("people.csv", name);
    std::fs::write(dir.path().join(name), bytes).unwrap();
    bounded::run(dir.path(), &["check", "org.toml"])
}

// F20: a workbook named .csv was read as Windows-1252 text, and failed for
// a missing column.
#[test]
fn a_workbook_named_csv_says_it_is_a_workbook() {
    let book = xlsx_with(PEOPLE_ROWS, None, false);
    refused(check_people("people.csv", &book), "zip archive");
    refused(check_assessments("assessments.csv", &book), "zip archive");
}

// F20: UTF-16 without a byte-order mark, or UTF-32, says the encoding.
#[test]
fn utf16_without_a_bom_and_utf32_say_their_encoding() {
    let text = "id,name,unit\nada,Ada,app\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    refused(check_people("people.csv", &le), "UTF-16");
    refused(check_people("people.csv", &be), "UTF-16");
    let utf32: Vec<u8> = [0xFF, 0xFE, 0, 0]
        .into_iter()
        .chain(text.chars().flat_map(|c| (c as u32).to_le_bytes()))
        .collect();
    refused(check_people("people.csv", &utf32), "UTF-32");
    let utf32: Vec<u8> = text
        .chars()
        .flat_map(|c| (c as u32).to_be_bytes())
        .collect();
    refused(check_assessments("assessments.csv", &utf32), "UTF-32");
}

// F20: an error code calamine does not know (`#GARBAGE`, or Excel 365's
// `#SPILL!`) failed the whole sheet ("cannot read sheet"); it is an error
// at its cell, and the rest of the sheet is read (the #N/A in C3 is found).
#[test]
fn an_unknown_error_code_is_an_error_at_its_cell() {
    let rows = format!(
        r#"{PEOPLE_ROWS}<row r="3"><c r="A3" t="inlineStr"><is><t>bo</t></is></c><c r="B3" t="e"><v>#GARBAGE</v></c><c r="C3" t="e"><v>#N/A</v></c></row>"#
    );
    let Some(run) = check_people("people.xlsx", &xlsx_with(&rows, None, false)) else {
        return;
    };
    run.assert_exit(2);
    let stderr = run.stderr();
    assert!(
        stderr.contains("people.xlsx#Sheet1!B3") && stderr.contains("#GARBAGE"),
        "{stderr}"
    );
    assert!(
        stderr.contains("people.xlsx#Sheet1!C3") && stderr.contains("#N/A"),
        "{stderr}"
    );
}

/// `zip` with its entry `from` renamed `to`, and `from`'s path in the
/// workbook's relationships changed to match.
fn rename(zip: &[u8], from: &str, to: &str) -> Vec<u8> {
    let mut archive = ZipArchive::new(Cursor::new(zip)).unwrap();
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        let name = if name == from { to.to_string() } else { name };
        if name == "xl/_rels/workbook.xml.rels" {
            let text = String::from_utf8(bytes).unwrap();
            let relative = |p: &str| p.strip_prefix("xl/").unwrap().to_string();
            assert!(text.contains(&relative(from)), "{text}");
            bytes = text.replace(&relative(from), &relative(to)).into_bytes();
        }
        out.start_file(name, SimpleFileOptions::default()).unwrap();
        out.write_all(&bytes).unwrap();
    }
    out.finish().unwrap().into_inner()
}

// F1 again: calamine finds a sheet through the workbook's relationships,
// wherever it is in the archive; a sheet outside xl/worksheets/ is
// measured too.
#[test]
fn a_sheet_outside_xl_worksheets_is_measured_too() {
    let rows = format!(r#"{PEOPLE_ROWS}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#);
    for elsewhere in ["xl/elsewhere.xml", "xl/worksheets/sheet1.dat"] {
        let book = rename(
            &xlsx_with(&rows, None, false),
            "xl/worksheets/sheet1.xml",
            elsewhere,
        );
        refused(
            check_people("people.xlsx", &book),
            "the sheet's used range A1:XFD1048576 is too large",
        );
    }
}

// F2 again: an end tag hidden in a comment or an attribute value is no end
// of the table; the truncated table is still damaged, not a hang.
#[test]
fn a_table_end_hidden_in_a_comment_or_attribute_is_no_end() {
    for hidden in [
        "<!-- </table:table> -->",
        r#"<table:table-row table:style-name="</table:table>"><table:table-cell/></table:table-row>"#,
        "<![CDATA[</table:table>]]>",
    ] {
        let content = format!("{ODS_HEAD}{hidden}");
        refused(
            check_people("people.ods", &ods(&content)),
            "the workbook is damaged",
        );
    }
}
