//! The CSV dialect of FORMAT.md, for every CSV input (people, wide matrix,
//! long format): UTF-8 with or without a byte-order mark (or UTF-16, or
//! Windows-1252, see [`encoding`]), delimiter detected
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
//!   all valid UTF-8 is taken as text without a copy (the fast path); in a
//!   file read as Windows-1252 every block is decoded. A block that is not
//!   valid UTF-8 in a file taken as UTF-8 stays bytes, for the reader to
//!   start over as Windows-1252 (see `crate::load::assessments`);
//! - [`Records`] splits a chunk into [`Row`]s with their line numbers. A row
//!   without quotes is split with `memchr` in place and its fields are
//!   borrowed, never copied; quoted rows take a slower path.
//!
//! [`CsvFile`] puts them together for sequential readers: a header and a
//! stream of rows, from a CSV file or (the same rows) from a sheet of a
//! workbook, `crate::load::workbook`. It knows nothing of people or skills,
//! and reports nothing itself: it returns what went wrong for the reader to
//! word.

use std::fs::File;
use std::io::{self, Read};
use std::ops::Range;
use std::path::Path;

mod blocks;
mod encoding;
mod split;

pub use blocks::{Blocks, Spare};
pub use encoding::{Encoding, READ_AS_1252};
use split::{Fields, Split, detect_delimiter, split};

use crate::load::columns::{fold, known_cell};

/// Bytes per block: big enough to amortise handing a block to another
/// thread, small enough that the blocks in flight stay a few megabytes.
/// (It also fixes where long files' blocks are cut, which decides which
/// unknown ids get a did-you-mean: see `crate::diagnostics::SUGGESTIONS_PER_BLOCK`.)
pub const BLOCK: usize = 1 << 21;

/// The longest header or record a profile file may have (16 MiB), and the
/// largest file (8 GiB): a pull request's org.toml could name
/// `/proc/self/pagemap` or a sparse file of NULs, which would otherwise be
/// read for minutes into gigabytes (issue 27, F9). A record of a real
/// profile file is a few hundred bytes.
pub const MAX_RECORD: usize = 16 << 20;
pub const MAX_FILE: u64 = 8 << 30;

/// A file beyond [`MAX_RECORD`] or [`MAX_FILE`], as the I/O error the block
/// reader gives (found again by [`Limit::of`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Limit {
    #[error(
        "a record is longer than 16 MiB (a line with no end, or a quoted field that never closes): this is not a profile file"
    )]
    Record,
    #[error("the file is larger than 8 GiB: this is not a profile file")]
    File,
}

impl Limit {
    /// The limit an I/O error reports, if it is one.
    pub fn of(e: &io::Error) -> Option<Limit> {
        e.get_ref()?.downcast_ref::<Limit>().copied()
    }

    fn error(self) -> io::Error {
        io::Error::other(self)
    }
}

/// Reads a whole file within the limits: its size is checked first, and
/// while it is read (a file in /proc says it is empty), and no line may be
/// longer than [`MAX_RECORD`]; the error says on which line.
fn read_bounded(path: &Path) -> Result<Vec<u8>, OpenError> {
    let file = File::open(path).map_err(OpenError::Io)?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE {
        return Err(OpenError::Limit(Limit::File, 1));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    let mut source = file.take(MAX_FILE + 1);
    let (mut line, mut run) = (1usize, 0usize);
    loop {
        let start = bytes.len();
        let read = (&mut source)
            .take(1 << 20)
            .read_to_end(&mut bytes)
            .map_err(OpenError::Io)?;
        if read == 0 {
            return Ok(bytes);
        }
        if bytes.len() as u64 > MAX_FILE {
            return Err(OpenError::Limit(Limit::File, line));
        }
        let mut last = start;
        for at in memchr::memchr_iter(b'\n', &bytes[start..]) {
            run += start + at - last;
            if run > MAX_RECORD {
                return Err(OpenError::Limit(Limit::Record, line));
            }
            (line, run, last) = (line + 1, 0, start + at + 1);
        }
        run += bytes.len() - last;
        if run > MAX_RECORD {
            return Err(OpenError::Limit(Limit::Record, line));
        }
    }
}

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
            // Blank cells are common (interest): nothing to trim.
            (None, _) => field,
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

    /// A row of a sheet: its cells' text end to end, and where each is.
    pub fn of_cells(line: usize, text: &'a str, fields: &'a [Range<usize>]) -> Self {
        Row { line, text, fields }
    }
}

/// Why a CSV file could not be read at all.
pub enum OpenError {
    Io(std::io::Error),
    Empty,
    /// A header name given twice (as written), and the header's line.
    DuplicateColumn(String, usize),
    /// A quoted field opened on this line (of the header) is never closed.
    Unclosed(usize),
    /// The file is no CSV text (a workbook, UTF-32...): what it is.
    NotText(String),
    /// Beyond a limit, at this line.
    Limit(Limit, usize),
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
    /// The seam where raw bytes become text, so that nothing after it sees
    /// anything but UTF-8. UTF-8 is taken as it is, without a copy (the
    /// fast path); a block that is not valid UTF-8 stays bytes.
    #[inline]
    pub fn decode(bytes: Vec<u8>, encoding: Encoding) -> Chunk {
        match encoding {
            Encoding::Windows1252 => Chunk::Text(encoding::decode_1252(&bytes)),
            // UTF-16 files are decoded whole when opened: what comes here is UTF-8.
            Encoding::Utf8 | Encoding::Utf16 => match String::from_utf8(bytes) {
                Ok(text) => Chunk::Text(text),
                Err(e) => Chunk::Bytes(e.into_bytes()),
            },
        }
    }

    /// True when the block is text with no byte outside ASCII (then it
    /// reads the same as UTF-8 and as Windows-1252).
    pub fn is_ascii(&self) -> bool {
        match self {
            Chunk::Text(text) => text.is_ascii(),
            Chunk::Bytes(_) => false,
        }
    }

    /// True when the block is not valid UTF-8.
    pub fn not_utf8(&self) -> bool {
        matches!(self, Chunk::Bytes(_))
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

/// The rows of a sheet, read whole: each row's cells end to end and where
/// each cell is, with the row's number in the sheet.
#[derive(Debug, Default)]
pub struct SheetRows {
    pub rows: Vec<SheetRow>,
}

/// A row of a sheet: its number, its cells end to end, where each cell is.
pub type SheetRow = (usize, String, Vec<Range<usize>>);

/// Where an open file's rows come from. One per open file, so the size
/// of the larger variant costs nothing worth a box.
#[allow(clippy::large_enum_variant)]
enum Source {
    Csv {
        blocks: Blocks,
        chunk: Chunk,
        records: Records,
        spare: Spare,
        /// How blocks after the first are decoded.
        decode: Encoding,
        /// Offset in the file of `chunk`'s first byte (meaningful while
        /// the file is read as UTF-8, where text and bytes are the same).
        offset: u64,
    },
    Sheet {
        rows: SheetRows,
        next: usize,
    },
}

/// The most rows above a header (FORMAT.md r3 "The header row"): the
/// header is looked for among the first this many non-blank rows.
pub const HEADER_ROWS: usize = 10;

/// How much a row looks like a header: whether it names the key column,
/// then how many known columns it names and how many cells it fills.
type HeaderScore = Option<(usize, usize)>;

/// The score of a row of `cells` (trimmed, as written).
fn header_score<'a>(cells: impl Iterator<Item = &'a str>) -> HeaderScore {
    let (mut key, mut known, mut filled) = (false, 0, 0);
    for cell in cells.filter(|c| !c.is_empty()) {
        filled += 1;
        match known_cell(cell) {
            Some("id" | "person") => {
                key = true;
                known += 1;
            }
            Some(_) => known += 1,
            None => {}
        }
    }
    key.then_some((known, filled))
}

/// Which of the first rows (their scores, in order) is the header: the
/// first that names the key column, or rather the next row when that
/// names it too and looks more like a header (more known columns, or as
/// many and more cells): a row of merged group headings may say "Person"
/// above the header's "Ansattnr", while a data row whose job title is
/// "Ansatt" must not be taken for the header. None when no row names it.
fn header_index(scores: &[HeaderScore]) -> Option<usize> {
    let mut at = scores.iter().position(Option::is_some)?;
    while let Some(Some(next)) = scores.get(at + 1)
        && Some(*next) > scores[at]
    {
        at += 1;
    }
    Some(at)
}

/// Rows above the header that were skipped: how many, and the first one's
/// cells as written (for the warning that quotes it).
#[derive(Debug, Clone)]
pub struct Skipped {
    pub rows: usize,
    /// The first skipped row's line and its cells that are not blank.
    pub line: usize,
    pub first: Vec<String>,
}

/// An open CSV file (or sheet), positioned after its header.
pub struct CsvFile {
    /// How problems name the file: its path, or `PATH#SHEET` for a sheet.
    pub path: String,
    /// The file on disk, for a reader that must read it again.
    pub file: Option<std::path::PathBuf>,
    /// True for a sheet of a workbook: problems name cells (`PATH#SHEET!F2`).
    pub sheet: bool,
    /// Header names, folded (`crate::load::columns::fold`).
    pub header: Vec<String>,
    /// Header names as written.
    pub header_raw: Vec<String>,
    /// The line (sheet row) the header is on.
    pub header_line: usize,
    /// Rows above the header (a title, group headings), skipped.
    pub skipped: Option<Skipped>,
    pub delimiter: u8,
    /// What the file was read as (a reader warns about Windows-1252).
    pub encoding: Encoding,
    /// True when it was read whole (a sheet, or `open_whole`): its
    /// encoding held for every row.
    pub whole: bool,
    /// For a CSV file read whole, its size in bytes (as UTF-8): with the
    /// size of a block read, what a reader may estimate its rows from.
    pub size: Option<usize>,
    source: Source,
}

impl CsvFile {
    /// Opens a CSV file to be read in blocks: only the first block is read
    /// now. A file whose first block is not UTF-8 (UTF-16, Windows-1252) is
    /// read whole and decoded at once (such files are Excel's exports, not
    /// millions of rows); a later block may still turn out not to be UTF-8,
    /// which the block reader handles.
    pub fn open(path: &Path, shown: &str) -> Result<CsvFile, OpenError> {
        let source = File::open(path).map_err(OpenError::Io)?;
        if source.metadata().is_ok_and(|m| m.len() > MAX_FILE) {
            return Err(OpenError::Limit(Limit::File, 1));
        }
        let mut file = Self::from_reader(Box::new(source), shown, None)?;
        file.file = Some(path.to_path_buf());
        if file.encoding != Encoding::Utf8 {
            return Self::open_whole(path, shown);
        }
        Ok(file)
    }

    /// Opens a CSV file read whole and decoded at once, so that its
    /// encoding is known for every row before the first is read.
    pub fn open_whole(path: &Path, shown: &str) -> Result<CsvFile, OpenError> {
        let bytes = read_bounded(path)?;
        if let Some(what) = encoding::not_text(&bytes) {
            return Err(OpenError::NotText(what));
        }
        let (text, encoding) = encoding::decode_whole(bytes);
        let size = text.len();
        let mut file = Self::from_reader(Box::new(io::Cursor::new(text)), shown, Some(encoding))?;
        file.file = Some(path.to_path_buf());
        file.whole = true;
        file.size = Some(size);
        Ok(file)
    }

    /// A file from `source`: `known` is what its bytes were decoded from
    /// (they are UTF-8 now); None decides it from the first block.
    pub fn from_reader(
        source: Box<dyn Read>,
        shown: &str,
        known: Option<Encoding>,
    ) -> Result<CsvFile, OpenError> {
        let mut blocks = Blocks::new(source);
        let spare = Spare::default();
        let first = blocks
            .next(&spare)
            .map_err(|e| match Limit::of(&e) {
                Some(limit) => OpenError::Limit(limit, 1),
                None => OpenError::Io(e),
            })?
            .unwrap_or_default();
        if known.is_none()
            && let Some(what) = encoding::not_text(&first)
        {
            return Err(OpenError::NotText(what));
        }
        // Decoded files come as UTF-8; others are taken as UTF-8 when their
        // first block is, and read again whole by `open` when it is not.
        let encoding = match known {
            Some(encoding) => encoding,
            None if encoding::is_utf16(&first) => Encoding::Utf16,
            None => Encoding::Utf8,
        };
        let chunk = Chunk::decode(first, Encoding::Utf8);
        if known.is_none() && (encoding == Encoding::Utf16 || chunk.not_utf8()) {
            return Ok(CsvFile::empty(
                shown,
                if encoding == Encoding::Utf16 {
                    encoding
                } else {
                    Encoding::Windows1252
                },
            ));
        }
        let bom = usize::from(chunk.bytes().starts_with(b"\xEF\xBB\xBF")) * 3;
        let (delimiter, above) = find_header(&chunk, bom);
        let mut file = CsvFile::empty(shown, encoding);
        file.delimiter = delimiter;
        file.source = Source::Csv {
            blocks,
            chunk,
            records: Records::new(delimiter, bom, 1),
            spare,
            decode: Encoding::Utf8,
            offset: 0,
        };
        file.skip_rows(above)?;
        file.read_header()?;
        Ok(file)
    }

    /// A sheet's rows as a file: the header is found as in a CSV file
    /// (blank rows are not among the rows).
    pub fn from_sheet(rows: SheetRows, shown: &str) -> Result<CsvFile, OpenError> {
        let scores: Vec<HeaderScore> = rows
            .rows
            .iter()
            .take(HEADER_ROWS)
            .map(|(_, text, fields)| {
                header_score(fields.iter().filter_map(|f| text.get(f.clone())))
            })
            .collect();
        let above = header_index(&scores).unwrap_or(0);
        let mut file = CsvFile::empty(shown, Encoding::Utf8);
        file.sheet = true;
        file.whole = true;
        file.source = Source::Sheet { rows, next: 0 };
        file.skip_rows(above)?;
        file.read_header()?;
        Ok(file)
    }

    /// Reads past the `count` rows above the header, keeping the first.
    fn skip_rows(&mut self, count: usize) -> Result<(), OpenError> {
        if count == 0 {
            return Ok(());
        }
        let mut first = Vec::new();
        let mut line = 0;
        for i in 0..count {
            match self.next_row() {
                Ok(Some(row)) if i == 0 => {
                    line = row.line;
                    first = (0..row.len())
                        .map(|c| row.get(c).to_string())
                        .filter(|c| !c.is_empty())
                        .collect();
                }
                Ok(Some(_)) => {}
                // They were read once to find the header: they read again.
                _ => return Err(OpenError::Empty),
            }
        }
        self.skipped = Some(Skipped {
            rows: count,
            line,
            first,
        });
        Ok(())
    }

    /// What the header row holds, as written, for messages: its cells that
    /// are not blank, joined by ", ".
    pub fn header_text(&self) -> String {
        let cells: Vec<&str> = self
            .header_raw
            .iter()
            .map(String::as_str)
            .filter(|c| !c.is_empty())
            .collect();
        cells.join(", ")
    }

    fn empty(shown: &str, encoding: Encoding) -> CsvFile {
        CsvFile {
            path: shown.to_string(),
            file: None,
            sheet: false,
            header: Vec::new(),
            header_raw: Vec::new(),
            header_line: 1,
            skipped: None,
            delimiter: b',',
            encoding,
            whole: false,
            size: None,
            source: Source::Sheet {
                rows: SheetRows::default(),
                next: 0,
            },
        }
    }

    fn read_header(&mut self) -> Result<(), OpenError> {
        let (line, header): (usize, Vec<String>) = match self.next_row() {
            Ok(Some(row)) => (
                row.line,
                (0..row.len()).map(|i| row.get(i).to_string()).collect(),
            ),
            Ok(None) => return Err(OpenError::Empty),
            Err((_, RecordError::NotUtf8)) => {
                // Only a header longer than a block gets here.
                return Err(OpenError::Io(io::Error::other("the header is not UTF-8")));
            }
            Err((line, RecordError::Unclosed)) => return Err(OpenError::Unclosed(line)),
            Err((_, RecordError::Io(e))) => return Err(OpenError::Io(io::Error::other(e))),
        };
        self.header_line = line;
        // A set, not a scan of the names before: a header may have 200,000 cells.
        let mut seen = rustc_hash::FxHashSet::default();
        for text in header {
            let name = fold(&text);
            if !name.is_empty() && !seen.insert(name.clone()) {
                return Err(OpenError::DuplicateColumn(text, line));
            }
            self.header_raw.push(text);
            self.header.push(name);
        }
        if self.header.iter().all(String::is_empty) {
            return Err(OpenError::Empty);
        }
        Ok(())
    }

    /// The index of a header column, matched case-insensitively.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }

    /// Reads the next non-blank record. `Ok(None)` at the end of the file.
    pub fn next_row(&mut self) -> Result<Option<Row<'_>>, (usize, RecordError)> {
        match &mut self.source {
            Source::Sheet { rows, next } => {
                let Some((line, text, fields)) = rows.rows.get(*next) else {
                    return Ok(None);
                };
                *next += 1;
                Ok(Some(Row::of_cells(*line, text, fields)))
            }
            Source::Csv {
                blocks,
                chunk,
                records,
                spare,
                decode,
                offset,
            } => {
                while !records.advance(chunk) {
                    let line = records.line();
                    let next = blocks
                        .next(spare)
                        .map_err(|e| (line, RecordError::Io(e.to_string())))?;
                    let Some(bytes) = next else {
                        return Ok(None);
                    };
                    let old = std::mem::replace(chunk, Chunk::decode(bytes, *decode));
                    *offset += old.bytes().len() as u64;
                    spare.put(old.into_bytes());
                    *records = Records::new(self.delimiter, 0, line);
                }
                records.row(chunk).map(Some)
            }
        }
    }

    /// Hands over what is left to read, for a reader of its own blocks: the
    /// blocks (starting right after the current record), the line they
    /// start on, their offset in the file (while it is read as UTF-8) and
    /// how to decode them. None for a sheet.
    pub fn into_blocks(self) -> Option<(Blocks, usize, u64, Encoding)> {
        let Source::Csv {
            mut blocks,
            chunk,
            records,
            decode,
            offset,
            ..
        } = self.source
        else {
            return None;
        };
        let mut rest = chunk.into_bytes();
        let pos = records.pos.min(rest.len());
        rest.drain(..pos);
        rest.extend_from_slice(&blocks.carry);
        blocks.carry = rest;
        Some((blocks, records.line, offset + pos as u64, decode))
    }

    /// The rows of a sheet not read yet, taken (None for a CSV file).
    pub fn take_sheet_rows(&mut self) -> Option<Vec<SheetRow>> {
        match &mut self.source {
            Source::Sheet { rows, next } => {
                let mut rest = std::mem::take(&mut rows.rows);
                rest.drain(..(*next).min(rest.len()));
                Some(rest)
            }
            Source::Csv { .. } => None,
        }
    }
}

/// The delimiter and the number of rows above the header of a CSV file
/// whose first block is `chunk` (FORMAT.md r3 "The header row"). The
/// delimiter is the first line's, unless the header is found only with
/// another (a title row has no delimiters, or other ones). With no key
/// column in the first rows, the first row is the header, for the
/// readers' messages. Only the first rows of the first block are read.
fn find_header(chunk: &Chunk, bom: usize) -> (u8, usize) {
    let first = detect_delimiter(&chunk.bytes()[bom..]);
    let others = [b',', b';', b'\t'].into_iter().filter(|&d| d != first);
    for delimiter in std::iter::once(first).chain(others) {
        let mut records = Records::new(delimiter, bom, 1);
        let mut scores = Vec::with_capacity(HEADER_ROWS);
        while scores.len() < HEADER_ROWS && records.advance(chunk) {
            let Ok(row) = records.row(chunk) else { break };
            scores.push(header_score((0..row.len()).map(|i| row.get(i))));
        }
        if let Some(above) = header_index(&scores) {
            return (delimiter, above);
        }
    }
    (first, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(text: &[u8]) -> Vec<usize> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        std::fs::write(&path, text).unwrap();
        let mut file = CsvFile::open_whole(&path, "t.csv").ok().unwrap();
        let mut lines = Vec::new();
        while let Ok(Some(row)) = file.next_row() {
            lines.push(row.line);
        }
        lines
    }

    #[test]
    fn the_header_is_the_row_naming_the_key_that_looks_most_like_one() {
        let score = |row: &str| header_score(row.split(','));
        let rows = |text: &str| text.lines().map(score).collect::<Vec<_>>();
        assert_eq!(header_index(&rows("id,name\n1,Kari")), Some(0));
        assert_eq!(header_index(&rows("Title\n\nperson,rust\n1,2")), Some(2));
        // Group headings saying "Person" above "Ansattnr".
        let grouped = "Title,,\nPerson,,Sky\nAnsattnr,Navn,rust\n1,Kari,3";
        assert_eq!(header_index(&rows(grouped)), Some(2));
        // A first data row whose job title is "Ansatt" is no header.
        let titled = "Ansattnr,Navn,Stilling\n1,Kari,Ansatt\n2,Ola,Ansatt";
        assert_eq!(header_index(&rows(titled)), Some(0));
        let titled = "person,rust\nansatt,3";
        assert_eq!(header_index(&rows(titled)), Some(0));
        assert_eq!(header_index(&rows("a,b\nc,d")), None);
    }

    #[test]
    fn a_title_row_without_delimiters_does_not_choose_the_delimiter() {
        let text = "Kompetansematrise 2026\n\nAnsattnr;Navn\n1001;Kari\n";
        let source = Box::new(io::Cursor::new(text.as_bytes().to_vec()));
        let mut file = CsvFile::from_reader(source, "t.csv", None).ok().unwrap();
        assert_eq!((file.delimiter, file.header_line), (b';', 3));
        assert_eq!(file.header, ["ansattnr", "navn"]);
        let skipped = file.skipped.clone().unwrap();
        assert_eq!((skipped.rows, skipped.line), (1, 1));
        assert_eq!(skipped.first, ["Kompetansematrise 2026"]);
        let row = file.next_row().ok().flatten().unwrap();
        assert_eq!((row.line, row.get(1)), (4, "Kari"));
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
        let mut file = CsvFile::open_whole(&path, "t.csv").ok().unwrap();
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
        let mut file = CsvFile::open_whole(&path, "t.csv").ok().unwrap();
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
