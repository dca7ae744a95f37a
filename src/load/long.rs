//! Long-format assessment files (one row per person and skill), read in
//! blocks that all cores parse at once, then folded into the level matrix in
//! file order.
//!
//! This is the hot path for a million assessments and more. The main thread
//! reads the file in blocks cut at record boundaries (never inside quotes);
//! workers turn each block into compact parsed rows and problems; the main
//! thread applies the blocks strictly in order, so "the later row wins" and
//! every diagnostic come out exactly as a sequential reader's would. Only a
//! few blocks are in flight, so memory does not grow with the file.

use std::collections::BTreeMap;
use std::io::{self, Read};
use std::ops::Range;
use std::sync::{Arc, Mutex, mpsc};

use rustc_hash::FxHashMap;

use crate::load::org::{date_problem, parse_date};
use crate::load::table::{NOT_UTF8, Row, Split, split};
use crate::model::{Date, Level, PackedDate, People, Scale, Skill};
use crate::validate::did_you_mean;

/// Bytes per block: big enough to amortise the hand-over between threads,
/// small enough that the blocks in flight stay a few megabytes.
const BLOCK: usize = 1 << 21;

/// Blocks read ahead of the one being applied.
const IN_FLIGHT: usize = 6;

/// Suggestions for misspelt person ids compare against every id; past this
/// many people that costs more than it helps.
pub const SUGGEST_PEOPLE_LIMIT: usize = 20_000;

/// Unknown person ids per block that get a did-you-mean.
const SUGGESTIONS_PER_BLOCK: usize = 10;

/// "This row's person is not resolved yet": the main thread looks it up.
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
    pub width: usize,
}

/// What parsing needs to know, shared read-only by the workers.
pub struct Context<'a> {
    pub columns: Columns,
    pub delimiter: u8,
    pub scale: &'a Scale,
    pub skills: &'a [Skill],
    pub skill_index: FxHashMap<&'a str, u32>,
    /// People to resolve ids against when the set is closed (people.csv);
    /// None leaves every person `UNRESOLVED` for the main thread.
    pub people: Option<&'a People>,
    pub as_of: Date,
    pub stale_before: Date,
    /// Parsing threads; 0 = one per core.
    pub workers: usize,
}

/// One parsed assessment row.
#[derive(Debug, Clone, Copy)]
pub struct Parsed {
    /// Person index, or `UNRESOLVED` (then `id` spans the id in `Block::ids`).
    pub person: u32,
    pub skill: u32,
    pub level: Level,
    pub interest: bool,
    /// Its `expires` date is before the reference date: set aside.
    pub expired: bool,
    pub assessed: PackedDate,
    pub expires: Option<Date>,
    /// Line within the block (0 = the block's first line).
    pub line: u32,
    pub id: (u32, u32),
}

/// A problem found in a block.
#[derive(Debug, Clone)]
pub enum Event {
    Error {
        line: u32,
        message: String,
    },
    /// Row `row` of the block is stale (assessed before the stale date).
    Stale {
        row: u32,
    },
    /// Row `row` of the block is dated after the reference date.
    Future {
        row: u32,
    },
}

/// A parsed block: rows, problems (in line order), and the lines it spans.
#[derive(Debug, Default)]
pub struct Block {
    pub rows: Vec<Parsed>,
    pub events: Vec<Event>,
    /// Ids of `UNRESOLVED` rows, end to end.
    pub ids: String,
    pub lines: usize,
    /// The file cannot be read past this block (not UTF-8, unclosed quote).
    pub stop: bool,
    /// Unknown person ids met so far (only the first few get a suggestion).
    suggested: usize,
}

impl Block {
    pub fn id(&self, row: &Parsed) -> &str {
        let (start, len) = (row.id.0 as usize, row.id.1 as usize);
        &self.ids[start..start + len]
    }
}

/// The level named by `text`, or the message saying why it is not one.
pub fn parse_level(scale: &Scale, text: &str) -> Result<Level, String> {
    // Fast path: a single digit, as almost every level is written.
    if let [digit @ b'0'..=b'9'] = text.as_bytes()
        && digit - b'0' <= scale.top()
    {
        return Ok(digit - b'0');
    }
    scale.parse(text).ok_or_else(|| {
        let hint = did_you_mean(text, scale.levels.iter().map(String::as_str));
        format!(
            "level '{text}' is not on the scale: use 0 to {} or {}{hint}",
            scale.top(),
            scale.levels.join(", ")
        )
    })
}

/// yes/no, true/false, ja/nei, 1/0 (any case); blank = no.
pub fn parse_interest(text: &str) -> Option<bool> {
    match text.as_bytes() {
        b"" => return Some(false),
        b"yes" | b"1" | b"ja" | b"true" => return Some(true),
        b"no" | b"0" | b"nei" | b"false" => return Some(false),
        _ => {}
    }
    match text.trim().to_lowercase().as_str() {
        "" | "no" | "false" | "nei" | "0" | "n" => Some(false),
        "yes" | "true" | "ja" | "1" | "y" | "j" => Some(true),
        _ => None,
    }
}

/// Reads from `source` onto the end of `buf` until it holds `upto` bytes
/// (at least one more) or the source ends; the number of bytes read (0 at
/// the end). Reads into spare capacity: nothing is zeroed first.
fn read_more(source: &mut dyn Read, buf: &mut Vec<u8>, upto: usize) -> io::Result<usize> {
    let want = upto.saturating_sub(buf.len()).max(1);
    buf.reserve(want);
    source.take(want as u64).read_to_end(buf)
}

/// Where the last whole record in `bytes` ends: after the last line break
/// that is outside quotes. None when there is none.
fn record_boundary(bytes: &[u8]) -> Option<usize> {
    let newline = if memchr::memchr(b'\n', bytes).is_some() {
        b'\n'
    } else {
        b'\r'
    };
    if memchr::memchr(b'"', bytes).is_none() {
        return memchr::memrchr(newline, bytes).map(|i| i + 1);
    }
    // RFC 4180 doubles quotes inside quotes, so parity tells inside from outside.
    let mut inside = false;
    let mut last = None;
    for i in memchr::memchr2_iter(b'"', newline, bytes) {
        if bytes[i] == b'"' {
            inside = !inside;
        } else if !inside {
            last = Some(i + 1);
        }
    }
    last
}

impl Context<'_> {
    /// Parses one block of whole records.
    pub fn parse(&self, bytes: &[u8]) -> Block {
        let mut block = Block::default();
        let mut fields: Vec<Range<usize>> = Vec::new();
        let mut decoded = String::new();
        let (mut pos, mut line) = (0, 0usize);
        // Long files list a person's skills together: the last id found is tried first.
        let mut last_person: Option<(String, u32)> = None;
        // One check of the whole block spares one per line (a bad block is
        // checked line by line, to report the right line).
        let utf8 = std::str::from_utf8(bytes).ok();
        loop {
            let start = pos;
            match split(
                bytes,
                start,
                true,
                self.delimiter,
                &mut fields,
                &mut decoded,
            ) {
                Split::End | Split::NeedMore => break,
                Split::Unclosed => {
                    block.events.push(Event::Error {
                        line: line as u32,
                        message: "a quoted field is never closed".into(),
                    });
                    block.stop = true;
                    break;
                }
                Split::Blank { next } => {
                    pos = next;
                    line += 1;
                }
                Split::Record {
                    next,
                    breaks,
                    quoted,
                    end,
                } => {
                    let row_line = line;
                    pos = next;
                    line += breaks;
                    let text = if quoted && !fields.is_empty() {
                        decoded.as_str()
                    } else if let (Some(all), false) = (utf8, quoted) {
                        // Cut at ASCII line breaks of valid UTF-8: still valid.
                        &all[start..end]
                    } else {
                        match std::str::from_utf8(&bytes[start..end]) {
                            Ok(text) if !quoted => text,
                            _ => {
                                block.events.push(Event::Error {
                                    line: row_line as u32,
                                    message: NOT_UTF8.into(),
                                });
                                block.stop = true;
                                break;
                            }
                        }
                    };
                    let row = Row::new(row_line, text, &fields);
                    self.row(&row, &mut last_person, &mut block);
                }
            }
        }
        block.lines = line;
        block
    }

    /// Parses one row into `block`, remembering its person in `last`.
    fn row(&self, row: &Row<'_>, last: &mut Option<(String, u32)>, block: &mut Block) {
        let line = row.line as u32;
        let mut error = |message: String| {
            block.events.push(Event::Error { line, message });
        };
        let c = &self.columns;
        if row.len() != c.width {
            error(format!(
                "this row has {} fields but the header has {} (a stray or missing delimiter?)",
                row.len(),
                c.width
            ));
            return;
        }
        let id = row.get(c.person);
        let person = if id.is_empty() {
            error("person is empty".into());
            None
        } else {
            match (self.people, last.as_ref()) {
                (_, Some((last_id, p))) if last_id == id => Some(*p),
                (Some(people), _) => match people.find(id) {
                    Some(p) => {
                        *last = Some((id.to_string(), p as u32));
                        Some(p as u32)
                    }
                    None => {
                        // A suggestion compares with every id: only the first
                        // few unknown ids of a block get one.
                        block.suggested += 1;
                        let hint = if people.len() <= SUGGEST_PEOPLE_LIMIT
                            && block.suggested <= SUGGESTIONS_PER_BLOCK
                        {
                            did_you_mean(id, people.ids())
                        } else {
                            String::new()
                        };
                        error(format!(
                            "unknown person '{id}': not in the people file{hint}"
                        ));
                        None
                    }
                },
                (None, _) => Some(UNRESOLVED),
            }
        };
        let skill_text = row.get(c.skill);
        let skill = self.skill_index.get(skill_text).copied();
        if skill.is_none() {
            let hint = did_you_mean(skill_text, self.skills.iter().map(|s| s.id.as_str()));
            error(format!("unknown skill '{skill_text}'{hint}"));
        }
        let level_text = row.get(c.level);
        let level = if level_text.is_empty() {
            error("level is empty".into());
            None
        } else {
            parse_level(self.scale, level_text).map_err(&mut error).ok()
        };
        let mut date = |column: Option<usize>, name: &str| -> Result<Option<Date>, ()> {
            let text = column.map(|i| row.get(i)).unwrap_or("");
            if text.is_empty() {
                return Ok(None);
            }
            match parse_date(text) {
                Some(d) => Ok(Some(d)),
                None => {
                    error(format!("{name} {}", date_problem(text)));
                    Err(())
                }
            }
        };
        let assessed = date(c.assessed, "assessed");
        let expires = date(c.expires, "expires");
        let interest_text = c.interest.map(|i| row.get(i)).unwrap_or("");
        let interest = parse_interest(interest_text);
        if interest.is_none() {
            error(format!(
                "interest '{interest_text}' must be yes/no, true/false, ja/nei or 1/0 (blank = no)"
            ));
        }
        let (Some(person), Some(skill), Some(level), Ok(assessed), Ok(expires), Some(interest)) =
            (person, skill, level, assessed, expires, interest)
        else {
            return;
        };
        let id = if person == UNRESOLVED {
            let start = block.ids.len() as u32;
            block.ids.push_str(id);
            (start, id.len() as u32)
        } else {
            (0, 0)
        };
        let expired = expires.is_some_and(|e| e < self.as_of);
        let index = block.rows.len() as u32;
        if let (false, Some(d)) = (expired, assessed) {
            if d > self.as_of {
                block.events.push(Event::Future { row: index });
            } else if d < self.stale_before {
                block.events.push(Event::Stale { row: index });
            }
        }
        block.rows.push(Parsed {
            person,
            skill,
            level,
            interest,
            expired,
            assessed: assessed.map_or(PackedDate::UNDATED, PackedDate::new),
            expires,
            line,
            id,
        });
    }

    /// Reads the rest of a file, starting with the bytes already read
    /// (`first`, at a record start), and hands each parsed block to `apply`
    /// in file order. Stops after a block that says the file cannot be read
    /// further. Parses on every core when the file is larger than one block.
    pub fn run(
        &self,
        first: Vec<u8>,
        mut source: Box<dyn Read>,
        mut eof: bool,
        mut apply: impl FnMut(Block),
    ) -> io::Result<()> {
        let mut carry = first;
        // Parsed blocks' buffers, for the next blocks: fresh memory costs page faults.
        let spare: Mutex<Vec<Vec<u8>>> = Mutex::new(Vec::new());
        let recycle = |mut bytes: Vec<u8>| {
            bytes.clear();
            spare.lock().unwrap_or_else(|e| e.into_inner()).push(bytes);
        };
        // The next block, and whether it is the file's last.
        let mut next_block = || -> io::Result<Option<(Vec<u8>, bool)>> {
            loop {
                while !eof && carry.len() < BLOCK {
                    eof = read_more(&mut source, &mut carry, BLOCK)? == 0;
                }
                if carry.is_empty() {
                    return Ok(None);
                }
                let cut = if eof {
                    Some(carry.len())
                } else {
                    record_boundary(&carry)
                };
                match cut {
                    Some(cut) => {
                        let mut rest = spare
                            .lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .pop()
                            .unwrap_or_else(|| Vec::with_capacity(BLOCK + BLOCK / 2));
                        rest.extend_from_slice(&carry[cut..]);
                        carry.truncate(cut);
                        let last = eof && rest.is_empty();
                        return Ok(Some((std::mem::replace(&mut carry, rest), last)));
                    }
                    // One record longer than a block: read on.
                    None => {
                        let more = carry.len() + BLOCK;
                        eof = read_more(&mut source, &mut carry, more)? == 0;
                    }
                }
            }
        };

        let Some((block, last)) = next_block()? else {
            return Ok(());
        };
        let workers = match self.workers {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
            n => n,
        };
        if last || workers < 2 {
            // Files of one block (or one core): no threads.
            let mut block = Some(block);
            while let Some(bytes) = block {
                let parsed = self.parse(&bytes);
                recycle(bytes);
                let stop = parsed.stop;
                apply(parsed);
                if stop {
                    break;
                }
                block = next_block()?.map(|(bytes, _)| bytes);
            }
            return Ok(());
        }

        std::thread::scope(|scope| {
            let (job_tx, job_rx) = mpsc::channel::<(usize, Vec<u8>)>();
            let job_rx = Arc::new(Mutex::new(job_rx));
            let (done_tx, done_rx) = mpsc::channel::<(usize, Block)>();
            for _ in 0..workers {
                let (job_rx, done_tx) = (Arc::clone(&job_rx), done_tx.clone());
                scope.spawn(move || {
                    loop {
                        let job = job_rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
                        let Ok((index, bytes)) = job else { break };
                        let parsed = self.parse(&bytes);
                        recycle(bytes);
                        if done_tx.send((index, parsed)).is_err() {
                            break;
                        }
                    }
                });
            }
            drop(done_tx);
            let (mut sent, mut applied, mut stopped) = (0usize, 0usize, false);
            let mut pending: BTreeMap<usize, Block> = BTreeMap::new();
            let mut apply_ready =
                |pending: &mut BTreeMap<usize, Block>, applied: &mut usize, stopped: &mut bool| {
                    while let Some(block) = pending.remove(applied) {
                        *applied += 1;
                        if !*stopped {
                            *stopped = block.stop;
                            apply(block);
                        }
                    }
                };
            let mut block = Some(block);
            let mut result = Ok(());
            while let Some(bytes) = block.take() {
                if job_tx.send((sent, bytes)).is_err() {
                    break;
                }
                sent += 1;
                // Take in what is done; wait while too many blocks are in flight.
                loop {
                    let done = match done_rx.try_recv() {
                        Ok(done) => done,
                        Err(_) if sent - applied < IN_FLIGHT => break,
                        Err(_) => match done_rx.recv() {
                            Ok(done) => done,
                            Err(_) => break,
                        },
                    };
                    pending.insert(done.0, done.1);
                    apply_ready(&mut pending, &mut applied, &mut stopped);
                }
                if stopped {
                    break;
                }
                match next_block() {
                    Ok(next) => block = next.map(|(bytes, _)| bytes),
                    Err(e) => result = Err(e),
                }
            }
            drop(job_tx);
            while applied < sent {
                let Ok((i, b)) = done_rx.recv() else { break };
                pending.insert(i, b);
                apply_ready(&mut pending, &mut applied, &mut stopped);
            }
            result
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_boundaries_skip_line_breaks_inside_quotes() {
        assert_eq!(record_boundary(b"a,b\nc,d\ne"), Some(8));
        assert_eq!(record_boundary(b"a,\"b\nc\"\nd"), Some(8));
        assert_eq!(record_boundary(b"a,\"b\nc"), None);
        assert_eq!(record_boundary(b"a\rb\rc"), Some(4));
        assert_eq!(record_boundary(b"abc"), None);
    }

    /// Every row and problem, with absolute lines, as `run` applies them.
    /// (person, skill, level, line) of each row applied.
    type Rows = Vec<(u32, u32, u8, usize)>;

    fn applied(text: &[u8], workers: usize) -> (Rows, Vec<String>) {
        let skills: Vec<Skill> = ["a", "b"]
            .iter()
            .map(|id| Skill {
                id: id.to_string(),
                name: id.to_string(),
                kind: Default::default(),
                group: None,
                hours_per_level: None,
                esco: None,
            })
            .collect();
        let scale = Scale::default();
        let mut people = People::default();
        for i in 0..1000 {
            people.push(&format!("p{i}"), None, None, None);
        }
        let context = Context {
            columns: Columns {
                person: 0,
                skill: 1,
                level: 2,
                assessed: Some(3),
                expires: None,
                interest: Some(4),
                width: 5,
            },
            delimiter: b',',
            scale: &scale,
            skills: &skills,
            skill_index: skills
                .iter()
                .enumerate()
                .map(|(i, s)| (s.id.as_str(), i as u32))
                .collect(),
            people: Some(&people),
            as_of: jiff::civil::date(2026, 1, 1),
            stale_before: jiff::civil::date(2024, 1, 1),
            workers,
        };
        let (mut rows, mut events, mut line) = (Vec::new(), Vec::new(), 2usize);
        let source: Box<dyn Read> = Box::new(io::Cursor::new(text.to_vec()));
        context
            .run(Vec::new(), source, false, |block| {
                for r in &block.rows {
                    rows.push((r.person, r.skill, r.level, line + r.line as usize));
                }
                for e in &block.events {
                    events.push(match e {
                        Event::Error { line: l, message } => {
                            format!("{}: {message}", line + *l as usize)
                        }
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
        let one = applied(text.as_bytes(), 1);
        let many = applied(text.as_bytes(), 3);
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

    #[test]
    fn levels_parse_fast_and_slow() {
        let scale = Scale::default();
        assert_eq!(parse_level(&scale, "3"), Ok(3));
        assert_eq!(parse_level(&scale, "Expert"), Ok(4));
        assert!(
            parse_level(&scale, "5")
                .unwrap_err()
                .contains("not on the scale")
        );
        assert!(
            parse_level(&scale, "expret")
                .unwrap_err()
                .contains("did you mean 'expert'")
        );
    }

    #[test]
    fn interest_words() {
        for yes in ["yes", "Ja", "TRUE", "1"] {
            assert_eq!(parse_interest(yes), Some(true), "{yes}");
        }
        for no in ["", "no", "Nei", "false", "0"] {
            assert_eq!(parse_interest(no), Some(false), "{no}");
        }
        assert_eq!(parse_interest("maybe"), None);
    }
}
