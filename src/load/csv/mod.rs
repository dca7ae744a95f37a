//! The CSV dialect of FORMAT.md, for every CSV input (people, wide matrix,
//! long format): UTF-8 with or without a byte-order mark, delimiter detected
//! from the header line (`,` `;` or tab), RFC 4180 quotes, case-insensitive
//! header names, physical 1-based line numbers (LF, CR LF or a bare CR; blank
//! lines and rows of bare delimiters are skipped but counted; a quoted field
//! may span lines).
//!
//! Three layers, each with one job, so that other encodings and spreadsheet
//! files can come in at a seam rather than through the readers:
//! - [`Blocks`] reads raw bytes in blocks cut at record boundaries (never
//!   inside quotes), so a block can be parsed on any thread;
//! - [`Chunk::decode`] is where raw bytes become UTF-8 text: a block that is
//!   all valid UTF-8 is taken as text without a copy (the fast path), any
//!   other is checked record by record so the error names its line;
//! - [`Records`] splits a chunk into [`Row`]s with their line numbers. A row
//!   without quotes is split with `memchr` in place and its fields are
//!   borrowed, never copied; quoted rows take a slower path.
//!
//! [`CsvFile`] puts them together for sequential readers: a header and a
//! stream of rows. It knows nothing of people or skills, and reports nothing
//! itself: it returns what went wrong for the reader to word.

use std::fs::File;
use std::io::{self, Read};
use std::ops::Range;
use std::path::Path;

mod blocks;
mod split;

pub use blocks::{Blocks, Spare};
use split::{Fields, Split, detect_delimiter, split};

/// Bytes per block: big enough to amortise handing a block to another
/// thread, small enough that the blocks in flight stay a few megabytes.
/// (It also fixes where long files' blocks are cut, which decides which
/// unknown ids get a did-you-mean: see `crate::diagnostics::SUGGESTIONS_PER_BLOCK`.)
pub const BLOCK: usize = 1 << 21;

pub const NOT_UTF8: &str = "the file is not UTF-8 (saved as ANSI/Latin-1?): save it as \"CSV UTF-8\" (in Excel: Save As > CSV UTF-8) or convert it with `iconv -f latin1 -t utf-8`";

/// One data row: its fields as text and the line it starts on.
pub struct Row<'a> {
    pub line: usize,
    text: &'a str,
    fields: &'a [Range<usize>],
}

impl<'a> Row<'a> {
    /// The field at `index`, trimmed; "" when the row is short.
    #[inline]
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
}

/// Why a CSV file could not be read at all.
pub enum OpenError {
    Io(std::io::Error),
    Empty,
    NotUtf8 { line: usize },
    DuplicateColumn(String),
}

/// Why reading stopped at a record; nothing after it is read.
#[derive(Debug, PartialEq, Eq)]
pub enum RecordError {
    NotUtf8,
    /// A quoted field is never closed before the end of the file.
    Unclosed,
    Io(String),
}

/// A block of whole records, as text when it is all valid UTF-8.
pub enum Chunk {
    Text(String),
    Bytes(Vec<u8>),
}

impl Chunk {
    /// The seam where raw bytes become text. Only UTF-8 is read today;
    /// other encodings are to be decoded here, so that nothing after it
    /// sees anything but UTF-8.
    pub fn decode(bytes: Vec<u8>) -> Chunk {
        match String::from_utf8(bytes) {
            Ok(text) => Chunk::Text(text),
            Err(e) => Chunk::Bytes(e.into_bytes()),
        }
    }

    #[inline]
    pub fn bytes(&self) -> &[u8] {
        match self {
            Chunk::Text(text) => text.as_bytes(),
            Chunk::Bytes(bytes) => bytes,
        }
    }

    /// The memory back, for the next block.
    pub fn into_bytes(self) -> Vec<u8> {
        match self {
            Chunk::Text(text) => text.into_bytes(),
            Chunk::Bytes(bytes) => bytes,
        }
    }

    /// The text of `range`, which [`split`] cut at ASCII line breaks.
    #[inline]
    fn text(&self, range: Range<usize>) -> Option<&str> {
        match self {
            Chunk::Text(text) => text.get(range),
            Chunk::Bytes(bytes) => std::str::from_utf8(&bytes[range]).ok(),
        }
    }
}

/// The record [`Records::advance`] stopped at.
enum Current {
    None,
    Record {
        line: usize,
        start: usize,
        end: usize,
        quoted: bool,
    },
    Unclosed {
        line: usize,
    },
}

/// A cursor over the records of chunks: where the next record starts, the
/// line it is on, and the fields of the current one.
pub struct Records {
    delimiter: u8,
    pos: usize,
    line: usize,
    current: Current,
    fields: Fields,
}

impl Records {
    /// Records from byte `pos` of a chunk, which is on line `line`.
    pub fn new(delimiter: u8, pos: usize, line: usize) -> Self {
        Records {
            delimiter,
            pos,
            line,
            current: Current::None,
            fields: Fields::default(),
        }
    }

    /// The line the next record starts on (counting from the first line given).
    pub fn line(&self) -> usize {
        self.line
    }

    /// Moves to the next record of `chunk`, past blank lines; false at the
    /// chunk's end. A chunk holds whole records, so it is read as the end
    /// of the data.
    #[inline]
    pub fn advance(&mut self, chunk: &Chunk) -> bool {
        let bytes = chunk.bytes();
        loop {
            let start = self.pos;
            match split(bytes, start, self.delimiter, &mut self.fields) {
                Split::End => {
                    self.current = Current::None;
                    return false;
                }
                Split::Unclosed => {
                    self.current = Current::Unclosed { line: self.line };
                    // Nothing after it can be read.
                    self.pos = bytes.len();
                    return true;
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
                    self.current = Current::Record {
                        line: self.line,
                        start,
                        end,
                        quoted,
                    };
                    self.pos = next;
                    self.line += breaks;
                    return true;
                }
            }
        }
    }

    /// The record [`advance`](Self::advance) moved to, or why it cannot be
    /// read (with its line).
    #[inline]
    pub fn row<'a>(&'a self, chunk: &'a Chunk) -> Result<Row<'a>, (usize, RecordError)> {
        match self.current {
            Current::None => Err((self.line, RecordError::Io("no record".into()))),
            Current::Unclosed { line } => Err((line, RecordError::Unclosed)),
            Current::Record {
                line,
                start,
                end,
                quoted,
            } => {
                let text = if quoted {
                    // Fields were decoded; none means the bytes were not UTF-8.
                    (!self.fields.ranges.is_empty()).then_some(self.fields.decoded.as_str())
                } else {
                    chunk.text(start..end)
                };
                match text {
                    Some(text) => Ok(Row {
                        line,
                        text,
                        fields: &self.fields.ranges,
                    }),
                    None => Err((line, RecordError::NotUtf8)),
                }
            }
        }
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
    blocks: Blocks,
    chunk: Chunk,
    records: Records,
    spare: Spare,
}

impl CsvFile {
    pub fn open(path: &Path, shown: &str) -> Result<CsvFile, OpenError> {
        let file = File::open(path).map_err(OpenError::Io)?;
        Self::from_reader(Box::new(file), shown)
    }

    pub fn from_reader(source: Box<dyn Read>, shown: &str) -> Result<CsvFile, OpenError> {
        let mut blocks = Blocks::new(source);
        let spare = Spare::default();
        let first = blocks.next(&spare).map_err(OpenError::Io)?;
        let chunk = Chunk::decode(first.unwrap_or_default());
        let bom = usize::from(chunk.bytes().starts_with(b"\xEF\xBB\xBF")) * 3;
        let delimiter = detect_delimiter(&chunk.bytes()[bom..]);
        let mut file = CsvFile {
            path: shown.to_string(),
            header: Vec::new(),
            header_raw: Vec::new(),
            delimiter,
            blocks,
            chunk,
            records: Records::new(delimiter, bom, 1),
            spare,
        };
        let header: Vec<String> = match file.next_row() {
            Ok(Some(row)) => (0..row.len()).map(|i| row.get(i).to_string()).collect(),
            Ok(None) => return Err(OpenError::Empty),
            Err((line, RecordError::NotUtf8)) => return Err(OpenError::NotUtf8 { line }),
            Err((_, RecordError::Unclosed)) => {
                return Err(OpenError::Io(io::Error::other(
                    "a quoted field is never closed",
                )));
            }
            Err((_, RecordError::Io(e))) => return Err(OpenError::Io(io::Error::other(e))),
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

    /// Reads the next non-blank record. `Ok(None)` at the end of the file.
    pub fn next_row(&mut self) -> Result<Option<Row<'_>>, (usize, RecordError)> {
        while !self.records.advance(&self.chunk) {
            let line = self.records.line();
            let next = self
                .blocks
                .next(&self.spare)
                .map_err(|e| (line, RecordError::Io(e.to_string())))?;
            let Some(bytes) = next else {
                return Ok(None);
            };
            let old = std::mem::replace(&mut self.chunk, Chunk::decode(bytes));
            self.spare.put(old.into_bytes());
            self.records = Records::new(self.delimiter, 0, line);
        }
        self.records.row(&self.chunk).map(Some)
    }

    /// Hands over what is left to read, for a reader of its own blocks: the
    /// blocks (starting right after the current record) and the line they
    /// start on.
    pub fn into_blocks(self) -> (Blocks, usize) {
        let CsvFile {
            mut blocks,
            chunk,
            records,
            ..
        } = self;
        let mut rest = chunk.into_bytes();
        rest.drain(..records.pos.min(rest.len()));
        rest.extend_from_slice(&blocks.carry);
        blocks.carry = rest;
        (blocks, records.line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
