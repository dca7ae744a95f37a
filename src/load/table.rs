//! The CSV dialect of FORMAT.md: UTF-8 with or without a byte-order mark,
//! delimiter detected from the header line (`,` `;` or tab), RFC 4180 quotes,
//! case-insensitive header names.
//!
//! This module turns a file into a header and a stream of records with
//! their physical 1-based line numbers; it knows nothing of people or
//! skills. It streams through a fixed buffer, so memory does not grow with
//! the number of rows, and it is the hot path of loading a million
//! assessments: a record without quotes is split with `memchr` in place and
//! its fields are borrowed, never copied. Quoted records take a slower path
//! that handles doubled quotes and line breaks inside quotes.

use std::fs::File;
use std::io::{self, Read};
use std::ops::Range;
use std::path::Path;

/// Bytes read from the file at a time.
const BLOCK: usize = 1 << 20;

/// An open CSV file, positioned after its header.
pub struct CsvFile {
    pub path: String,
    /// Header names, trimmed and lowercased.
    pub header: Vec<String>,
    /// Header names as written.
    pub header_raw: Vec<String>,
    pub delimiter: u8,
    source: Box<dyn Read>,
    buf: Vec<u8>,
    /// Unparsed bytes are `buf[pos..end]`.
    pos: usize,
    end: usize,
    eof: bool,
    /// The physical line `buf[pos]` is on.
    line: usize,
    /// Field ranges of the current record: into `buf`, or into `decoded`
    /// for a record with quotes.
    fields: Vec<Range<usize>>,
    decoded: String,
}

/// One data row: its fields as text and the line it starts on.
pub struct Row<'a> {
    pub line: usize,
    text: &'a str,
    fields: &'a [Range<usize>],
}

impl<'a> Row<'a> {
    /// A row over `text` split at `fields` (for readers other than [`CsvFile`]).
    pub fn new(line: usize, text: &'a str, fields: &'a [Range<usize>]) -> Self {
        Row { line, text, fields }
    }

    /// The field at `index`, trimmed; "" when the row is short.
    pub fn get(&self, index: usize) -> &'a str {
        let field = self
            .fields
            .get(index)
            .and_then(|r| self.text.get(r.clone()))
            .unwrap_or("");
        // Most fields have no surrounding space; skip the general trim for them.
        match (field.as_bytes().first(), field.as_bytes().last()) {
            (Some(a), Some(b))
                if !a.is_ascii_whitespace()
                    && !b.is_ascii_whitespace()
                    && a.is_ascii()
                    && b.is_ascii() =>
            {
                field
            }
            _ => field.trim(),
        }
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

/// A problem reading one row; reading stops after it.
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
            b'\n' | b'\r' if !quoted => break,
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

/// What [`split`] found at a position.
#[derive(Debug, PartialEq, Eq)]
pub enum Split {
    /// A record: its fields are in `fields` (into the buffer from the
    /// record's start, or into `decoded` when `quoted`); the next record
    /// starts at `next`, after `breaks` line breaks.
    Record {
        next: usize,
        breaks: usize,
        quoted: bool,
        end: usize,
    },
    /// A blank line; the next record starts at `next`.
    Blank { next: usize },
    /// The data ends here.
    End,
    /// The record runs past the data (read more; only when not at EOF).
    NeedMore,
    /// A quoted field is never closed before the end of the file.
    Unclosed,
}

/// Splits the record at `buf[start..]` by `delimiter` (RFC 4180). `eof`
/// says whether `buf` holds the rest of the file. Line ends are LF, CR LF
/// or a bare CR. Records without quotes are split in place with memchr.
pub fn split(
    buf: &[u8],
    start: usize,
    eof: bool,
    delimiter: u8,
    fields: &mut Vec<Range<usize>>,
    decoded: &mut String,
) -> Split {
    if start >= buf.len() {
        return if eof { Split::End } else { Split::NeedMore };
    }
    let (end, next) = match memchr::memchr2(b'\n', b'\r', &buf[start..]) {
        Some(i) => {
            let end = start + i;
            if buf[end] == b'\r' {
                // CR LF is one line end; a CR at the data's end may be followed by LF.
                match buf.get(end + 1) {
                    Some(&b) => (end, end + 1 + usize::from(b == b'\n')),
                    None if eof => (end, end + 1),
                    None => return Split::NeedMore,
                }
            } else {
                (end, end + 1)
            }
        }
        None if eof => (buf.len(), buf.len()),
        None => return Split::NeedMore,
    };
    let line = &buf[start..end];
    if memchr::memchr(b'"', line).is_some() {
        return split_quoted(buf, start, eof, delimiter, fields, decoded);
    }
    // Excel writes rows of bare delimiters for empty formatted rows: blank too.
    if line
        .iter()
        .all(|&b| b == delimiter || b == b' ' || b == b'\t')
    {
        return Split::Blank { next };
    }
    fields.clear();
    let mut field_start = 0;
    for (i, &b) in line.iter().enumerate() {
        if b == delimiter {
            fields.push(field_start..i);
            field_start = i + 1;
        }
    }
    fields.push(field_start..line.len());
    Split::Record {
        next,
        breaks: usize::from(next > end),
        quoted: false,
        end,
    }
}

/// The slow path of [`split`], for records with quotes: fields are decoded
/// into `decoded` (doubled quotes made single), and may span lines.
fn split_quoted(
    buf: &[u8],
    start: usize,
    eof: bool,
    delimiter: u8,
    fields: &mut Vec<Range<usize>>,
    decoded: &mut String,
) -> Split {
    let mut bytes: Vec<u8> = Vec::new();
    fields.clear();
    let mut field_start = 0;
    let mut in_quotes = false;
    let mut breaks = 0;
    let mut i = start;
    let (end, next) = loop {
        let Some(&b) = buf.get(i) else {
            if !eof {
                return Split::NeedMore;
            }
            if in_quotes {
                return Split::Unclosed;
            }
            break (i, i);
        };
        if in_quotes {
            if b == b'"' {
                match buf.get(i + 1) {
                    Some(b'"') => {
                        bytes.push(b'"');
                        i += 2;
                        continue;
                    }
                    None if !eof => return Split::NeedMore,
                    _ => in_quotes = false,
                }
            } else {
                // A CR LF inside quotes is one line break, counted at its LF.
                if b == b'\n' || (b == b'\r' && buf.get(i + 1) != Some(&b'\n')) {
                    breaks += 1;
                }
                bytes.push(b);
            }
            i += 1;
            continue;
        }
        match b {
            b'"' => in_quotes = true,
            b'\n' => break (i, i + 1),
            b'\r' => match buf.get(i + 1) {
                Some(&c) => break (i, i + 1 + usize::from(c == b'\n')),
                None if eof => break (i, i + 1),
                None => return Split::NeedMore,
            },
            d if d == delimiter => {
                fields.push(field_start..bytes.len());
                field_start = bytes.len();
            }
            _ => bytes.push(b),
        }
        i += 1;
    };
    fields.push(field_start..bytes.len());
    decoded.clear();
    match String::from_utf8(bytes) {
        Ok(text) => decoded.push_str(&text),
        // Left empty; the caller's UTF-8 check of the raw bytes reports it.
        Err(_) => fields.clear(),
    }
    Split::Record {
        next,
        breaks: breaks + usize::from(next > end),
        quoted: true,
        end,
    }
}

impl CsvFile {
    pub fn open(path: &Path, shown: &str) -> Result<CsvFile, OpenError> {
        let file = File::open(path).map_err(OpenError::Io)?;
        Self::from_reader(Box::new(file), shown)
    }

    pub fn from_reader(source: Box<dyn Read>, shown: &str) -> Result<CsvFile, OpenError> {
        let mut file = CsvFile {
            path: shown.to_string(),
            header: Vec::new(),
            header_raw: Vec::new(),
            delimiter: b',',
            source,
            buf: vec![0; BLOCK],
            pos: 0,
            end: 0,
            eof: false,
            line: 1,
            fields: Vec::new(),
            decoded: String::new(),
        };
        file.fill().map_err(OpenError::Io)?;
        if file.buf[..file.end].starts_with(b"\xEF\xBB\xBF") {
            file.pos = 3;
        }
        file.delimiter = detect_delimiter(&file.buf[file.pos..file.end]);
        let header: Vec<String> = match file.next_row() {
            Ok(Some(row)) => (0..row.len()).map(|i| row.get(i).to_string()).collect(),
            Ok(None) => return Err(OpenError::Empty),
            Err((line, RowError::NotUtf8)) => return Err(OpenError::NotUtf8 { line }),
            Err((_, RowError::Io(e))) => return Err(OpenError::Io(io::Error::other(e))),
        };
        for text in header {
            let name = text.to_lowercase();
            if !name.is_empty() && file.header.contains(&name) {
                return Err(OpenError::DuplicateColumn(text));
            }
            file.header_raw.push(text);
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

    /// Moves unparsed bytes to the front and reads more after them; grows
    /// the buffer when one record fills it.
    fn fill(&mut self) -> io::Result<()> {
        if self.pos > 0 {
            self.buf.copy_within(self.pos..self.end, 0);
            self.end -= self.pos;
            self.pos = 0;
        }
        if self.end == self.buf.len() {
            self.buf.resize(self.buf.len() * 2, 0);
        }
        while !self.eof && self.end < self.buf.len() {
            match self.source.read(&mut self.buf[self.end..]) {
                Ok(0) => self.eof = true,
                Ok(n) => {
                    self.end += n;
                    if self.end >= self.buf.len() / 2 {
                        break;
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// Reads the next non-blank record. `Ok(None)` at the end of the file.
    pub fn next_row(&mut self) -> Result<Option<Row<'_>>, (usize, RowError)> {
        loop {
            let start = self.pos;
            let found = split(
                &self.buf[..self.end],
                start,
                self.eof,
                self.delimiter,
                &mut self.fields,
                &mut self.decoded,
            );
            match found {
                Split::End => return Ok(None),
                Split::NeedMore => self
                    .fill()
                    .map_err(|e| (self.line, RowError::Io(e.to_string())))?,
                Split::Unclosed => {
                    return Err((
                        self.line,
                        RowError::Io("a quoted field is never closed".into()),
                    ));
                }
                Split::Blank { next } => {
                    self.pos = next;
                    self.line += 1;
                }
                Split::Record {
                    next,
                    breaks,
                    quoted,
                    end,
                } => {
                    let line = self.line;
                    self.pos = next;
                    self.line += breaks;
                    let raw = &self.buf[start..end];
                    let text = if quoted && !self.fields.is_empty() {
                        self.decoded.as_str()
                    } else {
                        std::str::from_utf8(raw).map_err(|_| (line, RowError::NotUtf8))?
                    };
                    if quoted && self.fields.is_empty() {
                        return Err((line, RowError::NotUtf8));
                    }
                    return Ok(Some(Row {
                        line,
                        text,
                        fields: &self.fields,
                    }));
                }
            }
        }
    }

    /// Hands over what is left to read: the buffered bytes after the current
    /// record, the rest of the source, the line the buffered bytes start on.
    pub fn into_rest(self) -> (Vec<u8>, Box<dyn Read>, usize, bool) {
        let mut rest = self.buf;
        rest.truncate(self.end);
        rest.drain(..self.pos);
        (rest, self.source, self.line, self.eof)
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
    fn quoted_fields_and_small_buffers() {
        assert_eq!(lines_of(b"a,b\n\"x,\"\"y\"\"\",2\r\n3,\"4\"\n"), [2, 3]);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        std::fs::write(&path, b"a;b\n\"x;\"\"y\"\"\";\"multi\nline\"\nz;w").unwrap();
        let mut file = CsvFile::open(&path, "t.csv").ok().unwrap();
        let row = file.next_row().ok().flatten().unwrap();
        assert_eq!(
            (row.line, row.get(0), row.get(1)),
            (2, "x;\"y\"", "multi\nline")
        );
        let row = file.next_row().ok().flatten().unwrap();
        assert_eq!((row.line, row.get(0), row.get(1)), (4, "z", "w"));
        assert!(file.next_row().ok().unwrap().is_none());
    }

    #[test]
    fn records_across_buffer_refills() {
        // Many rows so that records straddle the block boundary, CR LF too.
        let mut text = String::from("id,name\r\n");
        for i in 0..200_000 {
            text.push_str(&format!("p{i},\"N, {i}\"\r\n"));
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        std::fs::write(&path, &text).unwrap();
        let mut file = CsvFile::open(&path, "t.csv").ok().unwrap();
        let mut n = 0;
        while let Ok(Some(row)) = file.next_row() {
            assert_eq!(row.line, n + 2);
            assert_eq!(row.get(0), format!("p{n}"));
            assert_eq!(row.get(1), format!("N, {n}"));
            n += 1;
        }
        assert_eq!(n, 200_000);
    }
}
