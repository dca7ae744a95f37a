//! The CSV dialect of FORMAT.md: UTF-8 with or without a byte-order mark,
//! delimiter detected from the header line (`,` `;` or tab), RFC 4180 quotes,
//! case-insensitive header names.
//!
//! This module turns a file into a header and a stream of records with
//! 1-based line numbers; it knows nothing of people or skills. It streams:
//! memory does not grow with the number of rows.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// An open CSV file, positioned after its header.
pub struct CsvFile {
    pub path: String,
    /// Header names, trimmed and lowercased.
    pub header: Vec<String>,
    /// Header names as written.
    pub header_raw: Vec<String>,
    pub delimiter: u8,
    reader: csv::Reader<Box<dyn Read>>,
    record: csv::ByteRecord,
}

/// One data row: its fields as text and the line it starts on.
pub struct Row<'a> {
    pub line: usize,
    fields: &'a csv::ByteRecord,
}

impl<'a> Row<'a> {
    /// The field at `index`, trimmed; "" when the row is short.
    /// Fields were checked to be UTF-8 when the row was read.
    pub fn get(&self, index: usize) -> &'a str {
        self.fields
            .get(index)
            .and_then(|b| std::str::from_utf8(b).ok())
            .map(str::trim)
            .unwrap_or("")
    }

    pub fn len(&self) -> usize {
        self.fields.len()
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }
}

/// Why a CSV file could not be read at all.
pub enum OpenError {
    Io(std::io::Error),
    Empty,
    NotUtf8 { line: usize },
}

/// A problem reading one row; reading may go on after it.
pub enum RowError {
    NotUtf8,
    Io(String),
}

pub const NOT_UTF8: &str = "the file is not UTF-8 (saved as ANSI/Latin-1?): save it as \"CSV UTF-8\" (in Excel: Save As > CSV UTF-8) or convert it with `iconv -f latin1 -t utf-8`";

/// Picks the delimiter that splits the header line into the most fields,
/// counting only outside quotes; `,` when there is none.
pub fn detect_delimiter(header_line: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in header_line {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            b'\n' if !quoted => break,
            _ => {}
        }
    }
    let delimiters = [b',', b';', b'\t'];
    let mut best = 0;
    for i in 1..3 {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    delimiters[best]
}

impl CsvFile {
    pub fn open(path: &Path, shown: &str) -> Result<CsvFile, OpenError> {
        let file = File::open(path).map_err(OpenError::Io)?;
        let mut buffered = BufReader::with_capacity(1 << 18, file);
        let head = buffered.fill_buf().map_err(OpenError::Io)?;
        let bom = head.starts_with(b"\xEF\xBB\xBF");
        let start = if bom { 3 } else { 0 };
        let delimiter = detect_delimiter(&head[start.min(head.len())..]);
        buffered.consume(start);
        let reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(Box::new(buffered) as Box<dyn Read>);
        let mut file = CsvFile {
            path: shown.to_string(),
            header: Vec::new(),
            header_raw: Vec::new(),
            delimiter,
            reader,
            record: csv::ByteRecord::new(),
        };
        match file.reader.read_byte_record(&mut file.record) {
            Ok(true) => {}
            Ok(false) => return Err(OpenError::Empty),
            Err(e) => return Err(OpenError::Io(std::io::Error::other(e.to_string()))),
        }
        for field in file.record.iter() {
            let text = std::str::from_utf8(field).map_err(|_| OpenError::NotUtf8 { line: 1 })?;
            file.header_raw.push(text.trim().to_string());
            file.header.push(text.trim().to_lowercase());
        }
        if file.header.iter().all(String::is_empty) {
            return Err(OpenError::Empty);
        }
        Ok(file)
    }

    /// The index of a header column, matched case-insensitively.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }

    /// Reads the next row into `self`, returning its line or an error about it.
    /// `Ok(None)` at the end of the file.
    pub fn next_row(&mut self) -> Result<Option<Row<'_>>, (usize, RowError)> {
        match self.reader.read_byte_record(&mut self.record) {
            Ok(false) => Ok(None),
            Ok(true) => {
                let line = self
                    .record
                    .position()
                    .map(|p| p.line() as usize)
                    .unwrap_or(0);
                if std::str::from_utf8(self.record.as_slice()).is_err() {
                    return Err((line, RowError::NotUtf8));
                }
                Ok(Some(Row {
                    line,
                    fields: &self.record,
                }))
            }
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize).unwrap_or(0);
                Err((line, RowError::Io(e.to_string())))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_the_delimiter_from_the_header() {
        assert_eq!(detect_delimiter(b"id,name,unit\n1;2;3"), b',');
        assert_eq!(detect_delimiter(b"id;name;unit\n"), b';');
        assert_eq!(detect_delimiter(b"id\tname\n"), b'\t');
        assert_eq!(detect_delimiter(b"\"a;b\",c\n"), b',');
        assert_eq!(detect_delimiter(b"id\n"), b',');
    }
}
