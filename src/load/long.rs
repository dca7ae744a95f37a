//! Parses the rows of a long-format assessment file (one row per person and
//! skill) into compact rows and problems, one block at a time, so blocks can
//! be parsed on every core ([`crate::load::pipeline`] hands them back in file
//! order).
//!
//! A block is parsed knowing only org.toml and (when there is a people
//! file) the people: it checks each field and classifies each row's dates,
//! but folds nothing into the matrix and reports nothing itself; the
//! assessments reader does both, in order, on the calling thread.

use std::io;

use rustc_hash::FxHashMap;

use crate::diagnostics::{SUGGESTIONS_PER_BLOCK, clip, did_you_mean};
use crate::load::columns::fold;
use crate::load::csv::{Blocks, Chunk, Encoding, Records, Row};
use crate::load::fields::{optional_date, optional_packed_date, parse_interest, parse_level};
use crate::load::pipeline::parse_in_order;
use crate::load::profiles::{record_problem, width_problem};
use crate::model::{
    Date, Freshness, FreshnessRule, Level, PackedDate, People, Scale, Skill, Source, SourceRule,
};

/// The error for a person not in the people file (FORMAT.md r3): it
/// never names another person's id.
pub fn unknown_person(id: &str) -> String {
    format!(
        "unknown person '{}': not in the people file (add them to it, or correct the id)",
        clip(id)
    )
}

/// "This row's person is not resolved yet": the thread applying blocks looks it up.
pub const UNRESOLVED: u32 = u32::MAX;

/// The columns of a long-format file.
#[derive(Debug, Clone, Copy)]
pub struct Columns {
    pub person: usize,
    pub skill: usize,
    pub level: usize,
    pub assessed: Option<usize>,
    pub expires: Option<usize>,
    pub interest: Option<usize>,
    /// `source` (FORMAT.md r3: which level counts, and calibration).
    pub source: Option<usize>,
    pub width: usize,
    /// Bit i set: column i has no header (such columns must stay empty;
    /// only the first 64 columns are checked).
    pub unnamed: u64,
}

/// What parsing needs to know, shared read-only by the threads parsing blocks.
pub struct Context<'a> {
    pub columns: Columns,
    pub delimiter: u8,
    pub scale: &'a Scale,
    pub skills: &'a [Skill],
    pub skill_index: SkillIndex<'a>,
    /// Folded skill ids and names (FORMAT.md r3): looked up only when a
    /// cell is not an id as written.
    pub skill_names: &'a FxHashMap<String, u32>,
    /// People to resolve ids against when the set is closed (people.csv);
    /// None leaves every person `UNRESOLVED` for the thread applying blocks.
    pub people: Option<&'a People>,
    /// D and the stale limit: FORMAT.md "Expired" and "Stale".
    pub freshness: FreshnessRule,
    /// `[assessment]`: what a `source` cell means (FORMAT.md r3).
    pub sources: &'a SourceRule,
    /// The people file could not be read: unknown ids are not reported.
    pub people_failed: bool,
    /// Parse blocks on the thread pool (false: all on the calling thread).
    pub parallel: bool,
    /// How blocks are decoded; while it is UTF-8, each block says whether
    /// it is all ASCII or not UTF-8 at all (see `crate::load::assessments`).
    pub decode: Encoding,
}

/// Skill ids to skill numbers, looked up once a row. Ids of up to seven
/// bytes (most are) are packed into an integer with their length and found
/// in a small open table by one compare; longer ones go to a hash map. A
/// repeated id keeps its last skill, as a map built by inserting would.
#[derive(Clone)]
pub struct SkillIndex<'a> {
    /// (packed id, skill + 1), 0 for an empty slot; a power of two long.
    short: Vec<(u64, u32)>,
    /// 64 minus log2 of the slots: the top bits of a product pick the slot.
    shift: u32,
    long: FxHashMap<&'a str, u32>,
}

impl<'a> SkillIndex<'a> {
    pub fn new(skills: &'a [Skill]) -> Self {
        let slots = (skills.len() * 4).next_power_of_two().max(16);
        let mut index = SkillIndex {
            short: vec![(0, 0); slots],
            shift: 64 - slots.trailing_zeros(),
            long: FxHashMap::default(),
        };
        for (i, skill) in skills.iter().enumerate() {
            match Self::pack(&skill.id) {
                Some(key) => {
                    let slot = index.slot(key);
                    index.short[slot] = (key, i as u32 + 1);
                }
                None => {
                    index.long.insert(&skill.id, i as u32);
                }
            }
        }
        index
    }

    /// The bytes of a short id and its length in one integer (never 0).
    #[inline]
    fn pack(id: &str) -> Option<u64> {
        let bytes = id.as_bytes();
        // Byte by byte: a copy of a length not known here calls memcpy.
        (bytes.len() <= 7).then(|| {
            let length = (bytes.len() as u64 + 1) << 56;
            bytes
                .iter()
                .enumerate()
                .fold(length, |key, (i, &b)| key | (b as u64) << (i * 8))
        })
    }

    /// Where `key` is, or the empty slot where it would go.
    #[inline]
    fn slot(&self, key: u64) -> usize {
        let mask = self.short.len() - 1;
        let mut slot = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize;
        while self.short[slot].1 != 0 && self.short[slot].0 != key {
            slot = (slot + 1) & mask;
        }
        slot
    }

    #[inline]
    pub fn get(&self, id: &str) -> Option<u32> {
        match Self::pack(id) {
            Some(key) => self.short[self.slot(key)].1.checked_sub(1),
            None => self.long.get(id).copied(),
        }
    }
}

/// One parsed assessment row.
#[derive(Debug, Clone, Copy)]
pub struct Parsed {
    /// Person index, or `UNRESOLVED` (then `id` spans the id in `Block::ids`).
    pub person: u32,
    pub skill: u32,
    pub level: Level,
    pub interest: bool,
    /// The level is blank and interest yes: an interest, not an assessment.
    pub interest_only: bool,
    /// Its `expires` date is before the reference date: set aside.
    pub expired: bool,
    /// Dated after the reference date: not known at D, ignored.
    pub not_yet: bool,
    pub assessed: PackedDate,
    pub expires: Option<Date>,
    /// What its `source` cell says (rank 0 and no kind without one).
    pub source: Source,
    /// Line within the block (0 = the block's first line).
    pub line: u32,
    pub id: (u32, u32),
}

/// What a block's parser remembers from row to row: long files list a
/// person's skills together, so the last id resolved is tried first.
struct Last {
    id: String,
    person: Option<u32>,
}

impl Last {
    fn new() -> Self {
        Last {
            id: String::new(),
            person: None,
        }
    }
}

/// `a == b` for short ids, eight bytes at a time: the comparison of every
/// row with the last person's id is too short for a call to memcmp to pay.
#[inline]
fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let ((a_words, a_tail), (b_words, b_tail)) = (a.as_chunks::<8>(), b.as_chunks::<8>());
    a_words.iter().zip(b_words).all(|(x, y)| x == y)
        && a_tail.iter().zip(b_tail).all(|(x, y)| x == y)
}

/// A problem found in a block.
#[derive(Debug, Clone)]
pub enum Event {
    /// A problem in the cell of `column` (0-based), or in the whole row.
    Error {
        line: u32,
        column: Option<u32>,
        message: String,
    },
    /// The first value in a column with no header.
    Unnamed { line: u32, column: u32 },
    /// Row `row` of the block is stale (assessed before the stale date).
    Stale { row: u32 },
    /// Row `row` of the block is dated after the real today (a typo?).
    Future { row: u32 },
    /// A row with a blank level and no interest: skipped.
    Blank { line: u32 },
}

/// A parsed block: rows, problems (in line order), and the lines it spans.
#[derive(Debug, Default)]
pub struct Block {
    pub rows: Vec<Parsed>,
    pub events: Vec<Event>,
    /// Ids of `UNRESOLVED` rows, end to end.
    pub ids: String,
    pub lines: usize,
    /// The file cannot be read past this block (unclosed quote).
    pub stop: bool,
    /// The block is not UTF-8 (nothing in it was parsed).
    pub not_utf8: bool,
    /// The block is all ASCII (known only while decoding UTF-8).
    pub ascii: bool,
    /// Its size in bytes.
    pub size: usize,
    /// Unknown skills met so far (only the first few get a suggestion).
    suggested: usize,
}

impl Block {
    pub fn id(&self, row: &Parsed) -> &str {
        let (start, len) = (row.id.0 as usize, row.id.1 as usize);
        &self.ids[start..start + len]
    }
}

impl<'a> Context<'a> {
    /// This context resolving ids against `people` (None: not at all).
    pub fn with_people<'b>(&'b self, people: Option<&'b People>) -> Context<'b>
    where
        'a: 'b,
    {
        Context {
            columns: self.columns,
            delimiter: self.delimiter,
            scale: self.scale,
            skills: self.skills,
            skill_index: self.skill_index.clone(),
            skill_names: self.skill_names,
            people,
            freshness: self.freshness,
            sources: self.sources,
            people_failed: self.people_failed,
            parallel: self.parallel,
            decode: self.decode,
        }
    }

    /// Parses one block of whole records.
    pub fn parse(&self, chunk: &Chunk) -> Block {
        let mut block = Block {
            size: chunk.bytes().len(),
            ..Block::default()
        };
        if self.decode == Encoding::Utf8 {
            if chunk.not_utf8() {
                block.not_utf8 = true;
                return block;
            }
            block.ascii = chunk.is_ascii();
        }
        // About 30 bytes a row: growing the rows vector would copy it.
        block.rows.reserve(block.size / 24);
        let mut records = Records::new(self.delimiter, 0, 0);
        let mut last_person = Last::new();
        while records.advance(chunk) {
            match records.row(chunk) {
                Ok(row) => self.row(&row, &mut last_person, &mut block),
                Err((line, error)) => {
                    block.events.push(Event::Error {
                        line: line as u32,
                        column: None,
                        message: record_problem(error, false),
                    });
                    block.stop = true;
                    break;
                }
            }
        }
        block.lines = records.line();
        block
    }

    /// Parses the rows of a sheet (their lines are the sheet's rows) into one block.
    pub fn parse_rows<'r>(&self, rows: impl Iterator<Item = Row<'r>>) -> Block {
        let mut block = Block::default();
        let mut last_person = Last::new();
        for row in rows {
            self.row(&row, &mut last_person, &mut block);
        }
        block
    }

    /// Parses one row into `block`, remembering its person in `last`.
    fn row(&self, row: &Row<'_>, last: &mut Last, block: &mut Block) {
        let line = row.line as u32;
        let c = &self.columns;
        if let Some(problem) = width_problem(row, c.width) {
            block.events.push(Event::Error {
                line,
                column: None,
                message: problem,
            });
            return;
        }
        if c.unnamed != 0 {
            // Rare: a header with empty cells. Each is reported once, by the applier.
            for column in (0..c.width.min(64)).filter(|i| c.unnamed & (1 << i) != 0) {
                if !row.get(column).is_empty() {
                    block.events.push(Event::Unnamed {
                        line,
                        column: column as u32,
                    });
                }
            }
        }
        let mut cell_error = |column: usize, message: String| {
            block.events.push(Event::Error {
                line,
                column: Some(column as u32),
                message,
            });
        };
        let id = row.get(c.person);
        let person = if id.is_empty() {
            cell_error(c.person, "person is empty".into());
            None
        } else {
            match (self.people, last.person) {
                (_, Some(p)) if same(last.id.as_bytes(), id.as_bytes()) => Some(p),
                // Files list people in people.csv's order, mostly: the one
                // after the last is tried before the index (a read next to
                // the last, where the index is a cache miss a person).
                (Some(people), _) => match last
                    .person
                    .map(|p| p as usize + 1)
                    .filter(|&next| next < people.len() && people.id(next) == id)
                    .or_else(|| people.find(id))
                {
                    Some(p) => {
                        // Its buffer is reused: no allocation per person.
                        last.id.clear();
                        last.id.push_str(id);
                        last.person = Some(p as u32);
                        Some(p as u32)
                    }
                    None if self.people_failed => None,
                    None => {
                        // FORMAT.md r3: never another person's id as a
                        // suggestion: following it would give one person's
                        // levels to another.
                        cell_error(c.person, unknown_person(id));
                        None
                    }
                },
                (None, _) => Some(UNRESOLVED),
            }
        };
        let skill_text = row.get(c.skill);
        let skill = self
            .skill_index
            .get(skill_text)
            .or_else(|| self.skill_names.get(&fold(skill_text)).copied());
        if skill.is_none() {
            // Only the first few unknown skills of a block get a suggestion.
            block.suggested += 1;
            let hint = if block.suggested <= SUGGESTIONS_PER_BLOCK {
                let spellings = self
                    .skills
                    .iter()
                    .flat_map(|s| [s.id.as_str(), s.name.as_str()]);
                did_you_mean(skill_text, spellings)
            } else {
                String::new()
            };
            cell_error(
                c.skill,
                format!("unknown skill '{}'{hint}", clip(skill_text)),
            );
        }
        let level_text = row.get(c.level);
        // A blank level is an interest-only row or nothing (FORMAT.md r3),
        // decided once the interest cell is read.
        let level = if level_text.is_empty() {
            Some(0)
        } else {
            parse_level(self.scale, level_text)
                .map_err(|message| cell_error(c.level, message))
                .ok()
        };
        let assessed = match c.assessed {
            Some(column) => optional_packed_date(row.get(column), "assessed")
                .map_err(|message| cell_error(column, message)),
            None => Ok(None),
        };
        let expires = match c.expires {
            Some(column) => optional_date(row.get(column), "expires")
                .map_err(|message| cell_error(column, message)),
            None => Ok(None),
        };
        let interest_text = c.interest.map(|i| row.get(i)).unwrap_or("");
        let interest = parse_interest(interest_text);
        if interest.is_none() {
            cell_error(
                c.interest.unwrap_or(0),
                format!(
                    "interest '{interest_text}' must be yes/no, true/false, ja/nei or 1/0 (blank = no)"
                ),
            );
        }
        let (Some(person), Some(skill), Some(level), Ok(assessed), Ok(expires), Some(interest)) =
            (person, skill, level, assessed, expires, interest)
        else {
            return;
        };
        let interest_only = level_text.is_empty();
        if interest_only && !interest {
            block.events.push(Event::Blank { line });
            return;
        }
        let id = if person == UNRESOLVED {
            let start = block.ids.len() as u32;
            block.ids.push_str(id);
            (start, id.len() as u32)
        } else {
            (0, 0)
        };
        let packed = assessed.unwrap_or(PackedDate::UNDATED);
        let freshness = self.freshness.classify(packed, expires);
        let expired = freshness == Freshness::Expired;
        let index = block.rows.len() as u32;
        if freshness == Freshness::Stale {
            block.events.push(Event::Stale { row: index });
        } else if self.freshness.after_today(packed) {
            block.events.push(Event::Future { row: index });
        }
        // Only a file with a `source` column, or `prefer`, pays for this.
        let source = match c.source {
            Some(column) => self.sources.classify(row.get(column)),
            None if self.sources.ranks() => self.sources.classify(""),
            None => Source::default(),
        };
        block.rows.push(Parsed {
            person,
            skill,
            level,
            interest,
            interest_only,
            expired,
            not_yet: freshness == Freshness::NotYet,
            assessed: packed,
            expires,
            source,
            line,
            id,
        });
    }

    /// Reads the rest of a file and hands each parsed block to `apply` in
    /// file order. Stops after a block that says the file cannot be read
    /// further.
    pub fn run(&self, blocks: Blocks, apply: impl FnMut(Block)) -> io::Result<()> {
        parse_in_order(
            blocks,
            self.parallel,
            self.decode,
            |chunk| self.parse(chunk),
            |block| block.stop || block.not_utf8,
            apply,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every row and problem, with absolute lines, as `run` applies them.
    /// (person, skill, level, line) of each row applied.
    type Rows = Vec<(u32, u32, u8, usize)>;

    fn applied(text: &[u8], parallel: bool) -> (Rows, Vec<String>) {
        let skills: Vec<Skill> = ["a", "b"]
            .iter()
            .map(|id| Skill {
                id: id.to_string(),
                name: id.to_string(),
                kind: Default::default(),
                group: None,
                hours_per_level: None,
                renew_hours: None,
                mix: None,
                esco: None,
                description: None,
                levels: Vec::new(),
                course_fee: None,
                phase_out: false,
            })
            .collect();
        let scale = Scale::default();
        let mut people = People::default();
        for i in 0..1000 {
            people.push(&format!("p{i}"), None, None, None);
        }
        let names = FxHashMap::default();
        let context = Context {
            columns: Columns {
                person: 0,
                skill: 1,
                level: 2,
                assessed: Some(3),
                expires: None,
                interest: Some(4),
                source: None,
                width: 5,
                unnamed: 0,
            },
            delimiter: b',',
            scale: &scale,
            skills: &skills,
            skill_index: SkillIndex::new(&skills),
            skill_names: &names,
            people: Some(&people),
            freshness: FreshnessRule::new(jiff::civil::date(2026, 1, 1), 24),
            sources: &SourceRule::default(),
            people_failed: false,
            parallel,
            decode: Encoding::Utf8,
        };
        let (mut rows, mut events, mut line) = (Vec::new(), Vec::new(), 2usize);
        let blocks = Blocks::new(Box::new(io::Cursor::new(text.to_vec())));
        context
            .run(blocks, |block| {
                for r in &block.rows {
                    rows.push((r.person, r.skill, r.level, line + r.line as usize));
                }
                for e in &block.events {
                    events.push(match e {
                        Event::Error {
                            line: l, message, ..
                        } => {
                            format!("{}: {message}", line + *l as usize)
                        }
                        Event::Unnamed { line: l, column } => {
                            format!("{}: unnamed {column}", line + *l as usize)
                        }
                        Event::Blank { line: l } => format!("{}: blank", line + *l as usize),
                        Event::Stale { row } => format!(
                            "stale row {}",
                            block.rows[*row as usize].line as usize + line
                        ),
                        Event::Future { row } => format!(
                            "future row {}",
                            block.rows[*row as usize].line as usize + line
                        ),
                    });
                }
                line += block.lines;
            })
            .unwrap();
        (rows, events)
    }

    #[test]
    fn parallel_blocks_give_what_one_thread_gives() {
        // About 8 MB: several blocks, with quoted line breaks, CR LF, blank
        // lines and bad rows scattered across block boundaries.
        let mut text = String::new();
        for i in 0..400_000u32 {
            let person = i % 1000;
            match i % 9973 {
                0 => text.push_str(&format!("p{person},\"a\",9,2025-01-01,\r\n")),
                1 => text.push('\n'),
                2 => text.push_str(&format!("\"p{person}\",b,2,\"2023-\n05-01\",\n")),
                3 => text.push_str("nobody,a,1,2025-01-01,ja\n"),
                _ => text.push_str(&format!(
                    "p{person},{},{},2025-0{}-01,{}\n",
                    ["a", "b"][(i % 2) as usize],
                    i % 5,
                    1 + i % 9,
                    ["", "ja"][(i % 3 == 0) as usize]
                )),
            }
        }
        let one = applied(text.as_bytes(), false);
        let many = applied(text.as_bytes(), true);
        assert_eq!(one.0.len(), many.0.len());
        assert!(
            one == many,
            "the parallel reader must match the sequential one"
        );
        assert!(one.0.len() > 390_000);
        // Rows 0 to 3 are a bad level, a blank line, a record over two lines
        // and an unknown person; row 4 (p4, a, level 4) is on line 2 + 4 + 1.
        assert_eq!(one.0[0], (4, 0, 4, 7));
        assert!(
            one.1
                .iter()
                .any(|e| e.contains("level '9' is not on the scale"))
        );
        assert!(one.1.iter().any(|e| e.contains("unknown person 'nobody'")));
    }
}
