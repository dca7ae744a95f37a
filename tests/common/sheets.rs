//! Workbook helpers shared by the output tests that read XLSX back
//! (renewal_output, people_over_time_output): a sheet by name, and its
//! cells as text. Included with `#[path]`, apart from `common`, so the
//! tests that read no workbook do not compile calamine's helpers.

#![allow(dead_code)]

use std::io::Cursor;

use calamine::{Data, Range, Reader, Xlsx};

/// A workbook from bytes.
pub fn book(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    Xlsx::new(Cursor::new(bytes)).expect("an XLSX workbook")
}

/// A sheet by its (worded) name.
pub fn sheet(book: &mut Xlsx<Cursor<Vec<u8>>>, name: &str) -> Range<Data> {
    book.worksheet_range(name)
        .unwrap_or_else(|e| panic!("sheet {name}: {e}"))
}

/// Every row, the header first, each cell as text (dates as ISO, empty
/// cells as "").
pub fn rows(range: &Range<Data>) -> Vec<Vec<String>> {
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(|c| match c {
                    Data::DateTime(d) => {
                        let (y, m, day, ..) = d.to_ymd_hms_milli();
                        format!("{y:04}-{m:02}-{day:02}")
                    }
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

/// Every row after the header, as [`rows`].
pub fn cells(range: &Range<Data>) -> Vec<Vec<String>> {
    rows(range).split_off(1.min(range.height()))
}
