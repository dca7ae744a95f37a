//! Bounds on what a workbook may ask of the reader, checked before
//! `calamine` sees the file (issue 27, F1-F4, F16, F20). calamine trusts a
//! workbook's sizes: cells at A1 and XFD1048576 make it allocate the whole
//! 17-billion-cell rectangle, `uniqueCount` is reserved as given, an ODS
//! table without its end tag is read forever, repeat counts are expanded,
//! and a zip entry is inflated to whatever size it holds. Allocation
//! failures abort the process and cannot be caught, so the file is
//! measured here first, and refused (exit 2) when it is beyond the caps
//! (FORMAT.md "Spreadsheets", "Limits"):
//!
//! - a zip entry inflates to at most [`ENTRY_BYTES`], all of them to at
//!   most [`TOTAL_BYTES`]; each entry is read to its end, which checks its
//!   CRC (a damaged entry is never read as if it were whole);
//! - a sheet's used range (the rectangle its cells with content span)
//!   holds at most [`CELLS`] cells, within Excel's
//!   1,048,576 rows x 16,384 columns; so do its cell elements, and it has
//!   at most 1,048,576 row elements;
//! - the shared-strings table declares and holds at most [`STRINGS`];
//! - an ODS table's repeated rows and cells, expanded as calamine expands
//!   them, hold at most [`CELLS`] cells, and every table and row ends.

use std::fs::File;
use std::io::{BufReader, Read, Seek};
use std::path::Path;

use memchr::memchr;

/// The most bytes one zip entry may inflate to (128 MiB).
pub const ENTRY_BYTES: u64 = 128 << 20;
/// The most bytes all entries together may inflate to (256 MiB).
pub const TOTAL_BYTES: u64 = 256 << 20;
/// The most cells a sheet's used range may hold: 10 million, about 320 MB
/// of calamine's cells plus the rows made of them, well inside a 2 GiB
/// address space (a 100,000-person x 100-column sheet fits).
pub const CELLS: u64 = 10_000_000;
/// Excel's rows and columns.
pub const ROWS: u64 = 1_048_576;
pub const COLUMNS: u64 = 16_384;
/// The most shared strings a workbook may declare or hold (5 million).
pub const STRINGS: u64 = 5_000_000;

/// Marks a cell whose error code calamine does not know (`#GARBAGE`,
/// Excel 365's `#SPILL!`): such a cell is rewritten as the text of this
/// noncharacter and its code, so calamine reads the sheet and the cell is
/// an error at its place (F20) instead of failing the whole sheet.
pub const UNKNOWN_ERROR: char = '\u{FDD0}';

/// The error codes calamine reads (`CellErrorType::from_str`).
const KNOWN_ERRORS: [&[u8]; 7] = [
    b"#DIV/0!", b"#N/A", b"#NAME?", b"#NULL!", b"#NUM!", b"#REF!", b"#VALUE!",
];

/// Checks the workbook at `path`; Err is the message for the file. Some
/// is the workbook, whole, with its unknown error codes marked
/// ([`UNKNOWN_ERROR`]), to be read instead of the file.
pub fn check(path: &Path) -> Result<Option<Vec<u8>>, String> {
    let mut file = File::open(path).map_err(|e| format!("cannot read the workbook: {e}"))?;
    let mut head = Vec::with_capacity(512);
    (&mut file)
        .take(512)
        .read_to_end(&mut head)
        .map_err(|e| format!("cannot read the workbook: {e}"))?;
    if !head.starts_with(b"PK\x03\x04") {
        return Err(not_a_workbook(&head));
    }
    file.rewind()
        .map_err(|e| format!("cannot read the workbook: {e}"))?;
    let mut zip = zip::ZipArchive::new(BufReader::new(file)).map_err(damaged)?;
    let ods = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ods"));
    let mut total = 0u64;
    let mut patched = Vec::new();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).map_err(damaged)?;
        let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
        let declared = entry.size();
        if declared > ENTRY_BYTES {
            return Err(too_big(&name, declared));
        }
        let mut data = Vec::new();
        (&mut entry)
            .take(ENTRY_BYTES + 1)
            .read_to_end(&mut data)
            .map_err(|e| format!("the workbook is damaged: {name}: {e}"))?;
        let size = data.len() as u64;
        if size > ENTRY_BYTES {
            return Err(too_big(&name, size));
        }
        total += size.max(declared);
        if total > TOTAL_BYTES {
            return Err(format!(
                "the workbook inflates to more than {} MiB, the limit",
                TOTAL_BYTES >> 20
            ));
        }
        // calamine finds sheets and shared strings through the workbook's
        // relationships, wherever they are and whatever their names end
        // in: every other part is measured as a sheet could be (other
        // parts hold no <row> or <c>; in an image they are too rare to
        // matter).
        if name == "content.xml" {
            ods_content(&data)?;
        } else if name.ends_with("sharedStrings.xml") {
            shared_strings(&data)?;
        } else {
            sheet(&data)?;
            // Only an XLSX is read again from memory, as an XLSX.
            if !ods
                && memchr::memmem::find(&data, b"sheetData").is_some()
                && let Some(new) = mark_unknown_errors(&data)
            {
                patched.push((i, name, new));
            }
        }
    }
    if patched.is_empty() {
        return Ok(None);
    }
    rewrite(&mut zip, patched).map(Some).map_err(damaged)
}

/// The archive with the entries `patched` (index, name, bytes) replaced,
/// stored uncompressed; the others copied as they are.
fn rewrite<R: Read + Seek>(
    zip: &mut zip::ZipArchive<R>,
    patched: Vec<(usize, String, Vec<u8>)>,
) -> zip::result::ZipResult<Vec<u8>> {
    use std::io::Write;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .large_file(true);
    let mut patched = patched.into_iter().peekable();
    for i in 0..zip.len() {
        match patched.next_if(|(at, ..)| *at == i) {
            Some((_, name, bytes)) => {
                out.start_file(name, stored)?;
                out.write_all(&bytes)?;
            }
            None => out.raw_copy_file(zip.by_index_raw(i)?)?,
        }
    }
    Ok(out.finish()?.into_inner())
}

/// The sheet with each error cell whose code calamine does not know
/// (`<c t="e"><v>#GARBAGE</v></c>`) made a text cell holding
/// [`UNKNOWN_ERROR`] and the code; None when there is none.
fn mark_unknown_errors(xml: &[u8]) -> Option<Vec<u8>> {
    use memchr::memmem;
    let mut out = Vec::new();
    let mut copied = 0;
    let mut at = 0;
    while let Some(p) = memmem::find(&xml[at..], b" t=\"e\"") {
        let t = at + p;
        at = t + 6;
        let rest = &xml[at..];
        let Some(v) = memmem::find(rest, b"<v>") else {
            break;
        };
        // The value must be this cell's: no other cell starts before it.
        if memmem::find(&rest[..v], b"<c").is_some() {
            continue;
        }
        let Some(len) = memmem::find(&rest[v + 3..], b"</v>") else {
            break;
        };
        let code = &rest[v + 3..v + 3 + len];
        if KNOWN_ERRORS.contains(&code) {
            continue;
        }
        out.extend_from_slice(&xml[copied..t]);
        out.extend_from_slice(b" t=\"str\"");
        out.extend_from_slice(&rest[..v + 3]);
        let mut mark = [0; 4];
        out.extend_from_slice(UNKNOWN_ERROR.encode_utf8(&mut mark).as_bytes());
        copied = at + v + 3;
    }
    if copied == 0 {
        return None;
    }
    out.extend_from_slice(&xml[copied..]);
    Some(out)
}

fn damaged(e: zip::result::ZipError) -> String {
    format!("the workbook is damaged: {e}")
}

fn too_big(name: &str, size: u64) -> String {
    format!(
        "the workbook's part {name} inflates to {} MiB or more, beyond the {} MiB limit",
        size >> 20,
        ENTRY_BYTES >> 20
    )
}

/// What a file named as a workbook is instead.
fn not_a_workbook(head: &[u8]) -> String {
    let what = if head.starts_with(b"\xD0\xCF\x11\xE0") {
        "an old binary Excel file (.xls, or an encrypted workbook): save it as .xlsx"
    } else if head.is_empty() {
        "empty"
    } else if std::str::from_utf8(head).is_ok()
        || head.starts_with(b"\xFF\xFE")
        || head.starts_with(b"\xFE\xFF")
    {
        "text, not a workbook (a CSV file? name it .csv)"
    } else {
        "not a zip archive, as .xlsx and .ods workbooks are"
    };
    format!("the file is {what}")
}

/// The tags of `xml`: (name with its prefix, the tag's bytes between its
/// name and `>`, true for an end tag). Comments, CDATA sections,
/// declarations and processing instructions are skipped whole, and a `>`
/// or `<` inside a quoted attribute value ends nothing, as for an XML
/// parser: an end tag hidden in either is no end tag.
fn tags(
    xml: &[u8],
    mut each: impl FnMut(&[u8], &[u8], bool) -> Result<(), String>,
) -> Result<(), String> {
    use memchr::memmem;
    let skip = |from: usize, end: &[u8]| {
        memmem::find(&xml[from..], end).map_or(xml.len(), |p| from + p + end.len())
    };
    let mut at = 0;
    while let Some(lt) = memchr(b'<', &xml[at..]) {
        let start = at + lt + 1;
        let rest = &xml[start..];
        if rest.starts_with(b"!--") {
            at = skip(start + 3, b"-->");
            continue;
        }
        if rest.starts_with(b"![CDATA[") {
            at = skip(start + 8, b"]]>");
            continue;
        }
        if rest.starts_with(b"?") {
            at = skip(start + 1, b"?>");
            continue;
        }
        let (end_tag, from) = match rest.first() {
            Some(b'/') => (true, start + 1),
            Some(b'!') => {
                at = skip(start, b">");
                continue;
            }
            None => break,
            Some(_) => (false, start),
        };
        let rest = &xml[from..];
        let name_len = rest
            .iter()
            .position(|b| b.is_ascii_whitespace() || *b == b'/' || *b == b'>')
            .unwrap_or(rest.len());
        let name = &rest[..name_len];
        // The tag's end: the first `>` outside quotes.
        let mut quote = None;
        let mut close = rest.len();
        for (k, b) in rest.iter().enumerate().skip(name_len) {
            match (quote, *b) {
                (None, b'"' | b'\'') => quote = Some(*b),
                (Some(q), b) if b == q => quote = None,
                (None, b'>') => {
                    close = k;
                    break;
                }
                _ => {}
            }
        }
        each(name, &rest[name_len..close], end_tag)?;
        at = (from + close).max(from + name_len);
    }
    Ok(())
}

fn local(name: &[u8]) -> &[u8] {
    name.iter()
        .rposition(|b| *b == b':')
        .map_or(name, |p| &name[p + 1..])
}

/// The value of attribute `key` (with its prefix, if any) in a tag's
/// bytes, attribute by attribute, so that a value holding `r="..."` is no
/// attribute `r`.
fn attr<'a>(tag: &'a [u8], key: &[u8]) -> Option<&'a [u8]> {
    let mut i = 0;
    let space = |i: &mut usize| {
        while tag
            .get(*i)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'/')
        {
            *i += 1;
        }
    };
    loop {
        space(&mut i);
        let name_start = i;
        while tag
            .get(i)
            .is_some_and(|b| !b.is_ascii_whitespace() && *b != b'=')
        {
            i += 1;
        }
        if i == name_start {
            return None;
        }
        let name = &tag[name_start..i];
        space(&mut i);
        if tag.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        space(&mut i);
        let quote = *tag.get(i)?;
        if quote != b'"' && quote != b'\'' {
            continue;
        }
        let value = &tag[i + 1..];
        let end = memchr(quote, value).unwrap_or(value.len());
        if name == key {
            return Some(&value[..end]);
        }
        i += 1 + end + 1;
    }
}

/// A number attribute; an unreadable one counts as huge (calamine fails on it).
fn count(value: &[u8]) -> u64 {
    std::str::from_utf8(value)
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(u64::MAX)
}

/// A cell reference `AB12` as (column, row), 1-based; None for a
/// reference that is not one, Some with huge numbers for one beyond Excel.
fn reference(r: &[u8]) -> Option<(u64, Option<u64>)> {
    let r = r.strip_prefix(b"$").unwrap_or(r);
    let letters = r.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    if letters == 0 {
        return None;
    }
    let col = r[..letters].iter().fold(0u64, |n, b| {
        n.saturating_mul(26)
            .saturating_add(u64::from(b.to_ascii_uppercase() - b'A' + 1))
    });
    let digits = r[letters..].strip_prefix(b"$").unwrap_or(&r[letters..]);
    let row = (!digits.is_empty()).then(|| count(digits));
    Some((col, row))
}

/// A column number as letters (1 = A).
fn letters(mut col: u64) -> String {
    let mut out = Vec::new();
    while col > 0 && out.len() < 8 {
        col -= 1;
        out.push(b'A' + (col % 26) as u8);
        col /= 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

fn range_too_large(top: u64, left: u64, bottom: u64, right: u64) -> String {
    format!(
        "the sheet's used range {}{top}:{}{bottom} is too large: it spans {} x {} cells, beyond the limit of {CELLS} cells (Excel's sheets have {ROWS} rows and {COLUMNS} columns)",
        letters(left),
        letters(right),
        bottom.saturating_sub(top).saturating_add(1),
        right.saturating_sub(left).saturating_add(1),
    )
}

/// The rectangle's cells, saturating.
fn area(top: u64, left: u64, bottom: u64, right: u64) -> u64 {
    bottom
        .saturating_sub(top)
        .saturating_add(1)
        .saturating_mul(right.saturating_sub(left).saturating_add(1))
}

/// An XLSX worksheet: the rectangle its cells with content span, and how
/// many rows and cells there are. Its declared `<dimension>` is not
/// trusted, and not refused either: calamine reserves it only when it is
/// small, and a stale one (formatting to the sheet's end) is harmless.
fn sheet(xml: &[u8]) -> Result<(), String> {
    let (mut top, mut left, mut bottom, mut right) = (u64::MAX, u64::MAX, 0u64, 0u64);
    let (mut rows, mut cells, mut row, mut col) = (0u64, 0u64, 0u64, 0u64);
    tags(xml, |name, tag, end| {
        if end {
            return Ok(());
        }
        match local(name) {
            b"row" => {
                rows += 1;
                if rows > ROWS {
                    return Err(format!("the sheet has more than {ROWS} rows"));
                }
                row = attr(tag, b"r").map_or(row.saturating_add(1), count);
                col = 0;
            }
            b"c" => {
                cells += 1;
                if cells > CELLS {
                    return Err(format!("the sheet has more than {CELLS} cells, the limit"));
                }
                match attr(tag, b"r").and_then(reference) {
                    Some((c, r)) => {
                        col = c;
                        if let Some(r) = r {
                            row = r;
                        }
                    }
                    None => col = col.saturating_add(1),
                }
                // An empty cell (`<c r="XFD1048576" s="1"/>`, formatting
                // only) is not kept by calamine and spans nothing.
                if tag.ends_with(b"/") {
                    return Ok(());
                }
                let r = row.max(1);
                top = top.min(r);
                bottom = bottom.max(r);
                left = left.min(col);
                right = right.max(col);
                if r > ROWS || col > COLUMNS || area(top, left, bottom, right) > CELLS {
                    return Err(range_too_large(top, left, bottom, right));
                }
            }
            _ => {}
        }
        Ok(())
    })
}

/// The shared-strings table: what it declares and what it holds.
fn shared_strings(xml: &[u8]) -> Result<(), String> {
    let mut held = 0u64;
    tags(xml, |name, tag, end| {
        if end {
            return Ok(());
        }
        match local(name) {
            b"sst" => {
                if let Some(n) = attr(tag, b"uniqueCount").map(count)
                    && n > STRINGS
                {
                    return Err(format!(
                        "the workbook declares {n} shared strings, beyond the limit of {STRINGS}"
                    ));
                }
            }
            b"si" => {
                held += 1;
                if held > STRINGS {
                    return Err(format!(
                        "the workbook holds more than {STRINGS} shared strings, the limit"
                    ));
                }
            }
            _ => {}
        }
        Ok(())
    })
}

/// An ODS content.xml: every table and row ends, and each table's cells,
/// expanded by their repeat counts as calamine expands them, fit the cap.
fn ods_content(xml: &[u8]) -> Result<(), String> {
    #[derive(Default)]
    struct Table {
        /// Rows so far, repeats counted.
        rows: u64,
        /// The first and the past-the-last row holding a value.
        first: Option<u64>,
        end: u64,
        /// The widest row, to its last value.
        width: u64,
        /// Cells calamine keeps before expanding rows.
        kept: u64,
    }
    let mut tables = 0i64;
    let mut table = Table::default();
    let mut in_row: Option<(u64, u64, u64)> = None; // (repeats, position, width)
    let too_many = || {
        format!(
            "a table expands (by its repeated rows and cells) to more than {CELLS} cells, the limit"
        )
    };
    tags(xml, |name, tag, end| {
        let closed = tag.ends_with(b"/");
        match (name, end) {
            (b"table:table", false) if !closed => {
                tables += 1;
                table = Table::default();
            }
            (b"table:table", true) => {
                tables -= 1;
                if in_row.is_some() {
                    return Err(String::new());
                }
            }
            (b"table:table-row", false) => {
                if in_row.is_some() {
                    return Err(String::new());
                }
                let repeats = attr(tag, b"table:number-rows-repeated").map_or(1, count);
                if closed {
                    table.rows = table.rows.saturating_add(repeats);
                } else {
                    in_row = Some((repeats, 0, 0));
                }
            }
            (b"table:table-row", true) => {
                let Some((repeats, _, width)) = in_row.take() else {
                    return Err(String::new());
                };
                if width > 0 {
                    let first = *table.first.get_or_insert(table.rows);
                    table.end = table.rows.saturating_add(repeats);
                    table.width = table.width.max(width);
                    table.kept = table.kept.saturating_add(width);
                    let rows = table.end.min(ROWS).saturating_sub(first);
                    if rows.saturating_mul(table.width.min(COLUMNS)) > CELLS || table.kept > CELLS {
                        return Err(too_many());
                    }
                }
                table.rows = table.rows.saturating_add(repeats);
            }
            (b"table:table-cell" | b"table:covered-table-cell", false) => {
                let Some((_, position, width)) = in_row.as_mut() else {
                    return Ok(());
                };
                let repeats = attr(tag, b"table:number-columns-repeated").map_or(1, count);
                *position = position.saturating_add(repeats).min(COLUMNS);
                if !closed || attr(tag, b"office:value-type").is_some() {
                    *width = *position;
                }
            }
            _ => {}
        }
        Ok(())
    })
    .map_err(|e| {
        if e.is_empty() {
            "the workbook is damaged: a table row does not end".to_string()
        } else {
            e
        }
    })?;
    if tables != 0 || in_row.is_some() {
        return Err("the workbook is damaged: a table does not end (a truncated file?)".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_hidden_in_comments_cdata_or_attributes_are_skipped() {
        let xml = br#"<a x="</b>"><!-- <c> --><![CDATA[<d>]]><?pi <e>?><f/></a>"#;
        let mut seen = Vec::new();
        tags(xml, |name, _, end| {
            seen.push(format!(
                "{}{}",
                if end { "/" } else { "" },
                String::from_utf8_lossy(name)
            ));
            Ok(())
        })
        .unwrap();
        assert_eq!(seen, ["a", "f", "/a"]);
    }

    #[test]
    fn references_and_letters() {
        assert_eq!(reference(b"A1"), Some((1, Some(1))));
        assert_eq!(reference(b"XFD1048576"), Some((16_384, Some(1_048_576))));
        assert_eq!(reference(b"$B$7"), Some((2, Some(7))));
        assert_eq!(letters(16_384), "XFD");
        assert_eq!(letters(27), "AA");
    }

    #[test]
    fn attributes_are_found_by_their_whole_name() {
        let tag = br#" r="B2" t="s" s='3'"#;
        assert_eq!(attr(tag, b"r"), Some(&b"B2"[..]));
        assert_eq!(attr(tag, b"s"), Some(&b"3"[..]));
        assert_eq!(attr(br#" spans="1:2""#, b"s"), None);
        assert_eq!(
            attr(br#" x=' r="A1"' r="XFD1048576""#, b"r"),
            Some(&b"XFD1048576"[..])
        );
        assert_eq!(attr(br#" r = 'B2' /"#, b"r"), Some(&b"B2"[..]));
        assert_eq!(attr(b" r", b"r"), None);
    }

    #[test]
    fn a_small_sheet_passes_and_a_far_cell_does_not() {
        let ok = br#"<worksheet><dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="C1"/></row><row r="2"><c r="B2"/><c r="XFD1048576" s="1"/></row></sheetData></worksheet>"#;
        assert_eq!(sheet(ok), Ok(()));
        let far = br#"<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>"#;
        let e = sheet(far).unwrap_err();
        assert!(e.contains("A1:XFD1048576 is too large"), "{e}");
    }

    #[test]
    fn unknown_error_codes_are_marked_and_known_ones_kept() {
        let xml = br#"<row><c r="A1" t="e"><v>#N/A</v></c><c r="B1" t="e"><f>X()</f><v>#SPILL!</v></c><c r="C1" t="e"/><c r="D1"><v>1</v></c></row>"#;
        let marked = String::from_utf8(mark_unknown_errors(xml).unwrap()).unwrap();
        assert_eq!(
            marked,
            "<row><c r=\"A1\" t=\"e\"><v>#N/A</v></c><c r=\"B1\" t=\"str\"><f>X()</f><v>\u{FDD0}#SPILL!</v></c><c r=\"C1\" t=\"e\"/><c r=\"D1\"><v>1</v></c></row>"
        );
        assert_eq!(
            mark_unknown_errors(br#"<c r="A1" t="e"><v>#REF!</v></c>"#),
            None
        );
    }
}
