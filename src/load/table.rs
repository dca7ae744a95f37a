//! The CSV dialect of FORMAT.md: UTF-8 with or without a byte-order mark,
//! delimiter detected from the header line (`,` `;` or tab), RFC 4180 quotes,
//! case-insensitive header names.
//!
//! This module turns a file into a header and a stream of records with
//! 1-based line numbers; it knows nothing of people or skills. It streams:
//! memory does not grow with the number of rows.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;
use std::rc::Rc;

/// Where line breaks are in the bytes handed to the CSV parser, so a record's
/// byte offset maps to its physical line (the parser's own count skips blank
/// lines and miscounts bare CR line ends, as old Excel for Mac writes).
#[derive(Default)]
struct LineBreaks {
    /// Line ends (first and last byte: CR LF is one) passed to the parser
    /// but not yet behind a record.
    pending: VecDeque<(u64, u64)>,
    /// Line ends before the first pending one.
    passed: usize,
    /// Bytes handed over so far.
    offset: u64,
    /// The last byte handed over was a CR (a following LF ends the same line).
    after_cr: bool,
}

impl LineBreaks {
    fn scan(&mut self, chunk: &[u8]) {
        for i in memchr::memchr2_iter(b'\n', b'\r', chunk) {
            let at = self.offset + i as u64;
            let lf_after_cr = chunk[i] == b'\n'
                && (if i == 0 {
                    self.after_cr
                } else {
                    chunk[i - 1] == b'\r'
                });
            match self.pending.back_mut() {
                Some(last) if lf_after_cr && last.1 + 1 == at => last.1 = at,
                _ => self.pending.push_back((at, at)),
            }
        }
        if let Some(&last) = chunk.last() {
            self.after_cr = last == b'\r';
        }
        self.offset += chunk.len() as u64;
    }

    /// The 1-based line of a record the parser says starts at `offset`.
    /// The parser's offset may sit on blank lines it skipped; they are
    /// counted too. Offsets must not go backwards.
    fn line_of(&mut self, offset: u64) -> usize {
        while self
            .pending
            .front()
            .is_some_and(|&(start, _)| start < offset)
        {
            self.pending.pop_front();
            self.passed += 1;
        }
        let mut at = offset;
        while let Some(&(start, end)) = self.pending.front() {
            if start != at {
                break;
            }
            self.pending.pop_front();
            self.passed += 1;
            at = end + 1;
        }
        self.passed + 1
    }
}

/// A reader that tells [`LineBreaks`] about every byte it passes on.
struct Counting<R> {
    inner: R,
    breaks: Rc<RefCell<LineBreaks>>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.breaks.borrow_mut().scan(&buf[..n]);
        Ok(n)
    }
}

/// An open CSV file, positioned after its header.
pub struct CsvFile {
    pub path: String,
    /// Header names, trimmed and lowercased.
    pub header: Vec<String>,
    /// Header names as written.
    pub header_raw: Vec<String>,
    pub delimiter: u8,
    reader: csv::Reader<Counting<BufReader<File>>>,
    record: csv::ByteRecord,
    breaks: Rc<RefCell<LineBreaks>>,
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
    DuplicateColumn(String),
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
        let breaks = Rc::new(RefCell::new(LineBreaks::default()));
        let reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(Counting {
                inner: buffered,
                breaks: Rc::clone(&breaks),
            });
        let mut file = CsvFile {
            path: shown.to_string(),
            header: Vec::new(),
            header_raw: Vec::new(),
            delimiter,
            reader,
            record: csv::ByteRecord::new(),
            breaks,
        };
        match file.reader.read_byte_record(&mut file.record) {
            Ok(true) => {}
            Ok(false) => return Err(OpenError::Empty),
            Err(e) => return Err(OpenError::Io(std::io::Error::other(e.to_string()))),
        }
        let header: Vec<&[u8]> = file.record.iter().collect();
        let mut seen: Vec<String> = Vec::new();
        for field in header {
            let text = std::str::from_utf8(field).map_err(|_| OpenError::NotUtf8 { line: 1 })?;
            let name = text.trim().to_lowercase();
            if !name.is_empty() && seen.contains(&name) {
                return Err(OpenError::DuplicateColumn(text.trim().to_string()));
            }
            seen.push(name.clone());
            file.header_raw.push(text.trim().to_string());
            file.header.push(name);
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
                let offset = self.record.position().map(|p| p.byte()).unwrap_or(0);
                let line = self.breaks.borrow_mut().line_of(offset);
                if std::str::from_utf8(self.record.as_slice()).is_err() {
                    return Err((line, RowError::NotUtf8));
                }
                Ok(Some(Row {
                    line,
                    fields: &self.record,
                }))
            }
            Err(e) => {
                let offset = e.position().map(|p| p.byte()).unwrap_or(0);
                let line = self.breaks.borrow_mut().line_of(offset);
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

    fn lines_of(text: &[u8]) -> Vec<usize> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        std::fs::write(&path, text).unwrap();
        let mut file = CsvFile::open(&path, "t.csv").ok().unwrap();
        let mut lines = Vec::new();
        while let Ok(Some(row)) = file.next_row() {
            lines.push(row.line);
        }
        lines
    }

    #[test]
    fn rows_get_physical_line_numbers() {
        assert_eq!(lines_of(b"a,b\n1,2\n3,4\n"), [2, 3]);
        assert_eq!(lines_of(b"a,b\r\n1,2\r\n3,4\r\n"), [2, 3], "CRLF");
        assert_eq!(lines_of(b"a,b\r1,2\r3,4\r"), [2, 3], "bare CR");
        assert_eq!(lines_of(b"a,b\n\n1,2\n\n\n3,4"), [3, 6], "blank lines");
        assert_eq!(
            lines_of(b"a,b\n\"x\ny\",2\n3,4\n"),
            [2, 4],
            "quoted line break"
        );
        assert_eq!(lines_of(b"\xEF\xBB\xBFa;b\r\n1;2\r\n"), [2], "BOM");
    }

    #[test]
    fn line_breaks_split_across_reads() {
        let mut b = LineBreaks::default();
        b.scan(b"a\r");
        b.scan(b"\nb\r");
        b.scan(b"\nc");
        assert_eq!(b.line_of(3), 2);
        assert_eq!(b.line_of(6), 3);
    }
}
