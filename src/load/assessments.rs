//! Reads a long-format assessment file into the profiles: checks its
//! header, has [`long`] parse its blocks (on every core), then folds each
//! block's rows into the matrix and turns its problems into diagnostics,
//! strictly in file order.
//!
//! Only the chosen assessment of each person and skill is kept (FORMAT.md
//! "Current level"), and expired ones are set aside.

use std::io::{Seek, SeekFrom};

use crate::diagnostics::Diagnostics;
use crate::load::columns::{Header, meant_as, warn_ignored};
use crate::load::csv::{Blocks, CsvFile, Encoding, READ_AS_1252, Row, SheetRow};
use crate::load::long;
use crate::load::place::Place;
use crate::load::profiles::{
    FUTURE, Profiles, STALE, future_warning, no_header, stale_warning, unnamed_message,
};
use crate::model::{ExpiredAssessment, FreshnessRule, Matrix, People, Skill, SourceKind};

/// The state before the first block of a file that is UTF-8 but not ASCII:
/// if a later block is not UTF-8, the file is Windows-1252 after all, and is
/// read again from there (earlier blocks are ASCII, which reads the same).
struct Snapshot {
    diags: Diagnostics,
    matrix: Matrix,
    expired: usize,
    rows: usize,
    /// People, their origins, the last person and the suggestions made,
    /// when the assessments add people.
    people: Option<PeopleSoFar>,
    /// Where to read again from: byte offset and line (None: the header
    /// is not ASCII, so the whole file is read again).
    from: Option<(u64, usize)>,
}

/// People, their origins, the last person named, unknown ids met.
type PeopleSoFar = (People, crate::load::profiles::Origins, Option<u32>, usize);

/// Where a block of the file begins, and the snapshot to go back to.
struct Progress {
    line: usize,
    offset: u64,
    snapshot: Option<Snapshot>,
    /// Set when a block is not UTF-8: read again as Windows-1252.
    restart: bool,
}

impl Profiles<'_> {
    pub fn read_long(&mut self, file: CsvFile, diags: &mut Diagnostics) {
        let place = Place::of(&file);
        let shown = place.path.clone();
        let shown = shown.as_str();
        let file_id = self.file_id(shown);
        let known = [
            "person", "skill", "level", "assessed", "expires", "source", "interest",
        ];
        let Some(header) = Header::new(&file, diags) else {
            return;
        };
        let mut missing = false;
        for required in ["person", "skill", "level"] {
            if header.find(required).is_none() {
                let hint = meant_as(&file, &header, required, |_| false);
                let why = if required == "person" {
                    format!(": {}", no_header(&file, "person"))
                } else {
                    String::new()
                };
                place.file_error(
                    diags,
                    format!("long-format assessment file has no '{required}' column{hint}{why}"),
                );
                missing = true;
            }
        }
        if missing {
            return;
        }
        warn_ignored(&file, &header, &known, &[], false, diags);
        let col = |name: &str| header.find(name);
        let unnamed = (0..file.header.len().min(64))
            .filter(|&i| file.header[i].is_empty())
            .fold(0u64, |bits, i| bits | (1 << i));
        let columns = long::Columns {
            person: col("person").unwrap_or(0),
            skill: col("skill").unwrap_or(0),
            level: col("level").unwrap_or(0),
            assessed: col("assessed"),
            expires: col("expires"),
            interest: col("interest"),
            source: col("source"),
            width: file.header.len(),
            unnamed,
        };
        let header_ascii = file.header_raw.iter().all(|h| h.is_ascii());
        let path = file.file.clone();
        let delimiter = file.delimiter;
        let skill_index = long::SkillIndex::new(self.skills);
        let skill_names = std::sync::Arc::clone(&self.skill_names);
        let mut context = long::Context {
            columns,
            delimiter,
            scale: self.scale,
            skills: self.skills,
            skill_index,
            skill_names: &skill_names,
            people: None,
            freshness: self.freshness,
            sources: self.sources,
            people_failed: self.people_failed,
            parallel: true,
            decode: Encoding::Utf8,
        };
        let mut file = file;
        let mut source = match file.take_sheet_rows() {
            Some(rows) => Source::Sheet(Some(rows)),
            None => match file.into_blocks() {
                Some((blocks, line, offset, decode)) => {
                    context.decode = decode;
                    Source::Blocks(blocks, line, offset)
                }
                None => return,
            },
        };
        let mut seen = Seen::default();
        loop {
            seen.blank = (0, None);
            let (line, offset) = match &source {
                Source::Blocks(_, line, offset) => (*line, *offset),
                Source::Sheet(_) => (0, 0),
            };
            let mut progress = Progress {
                line,
                offset,
                snapshot: None,
                restart: false,
            };
            // Blocks of a file taken as UTF-8 that are not ASCII: the state
            // before the first of them is kept (the header's: before all).
            let watch = context.decode == Encoding::Utf8 && matches!(source, Source::Blocks(..));
            if watch && !header_ascii {
                progress.snapshot = Some(self.snapshot(diags, None));
            }
            let result = if self.closed {
                // People are fixed: the block parsers resolve ids themselves.
                let Profiles {
                    people,
                    matrix,
                    expired,
                    interests,
                    rows,
                    skills,
                    freshness,
                    ..
                } = self;
                let context = context.with_people(Some(people));
                feed(&context, &mut source, |block| {
                    if !progress.check(&block, watch, || Snapshot {
                        diags: diags.clone(),
                        matrix: matrix.clone(),
                        expired: expired.len(),
                        rows: *rows,
                        people: None,
                        from: None,
                    }) {
                        return;
                    }
                    let start = progress.line;
                    progress.line += block.lines;
                    *rows += block.rows.iter().filter(|r| !r.interest_only).count();
                    for row in &block.rows {
                        fold(matrix, expired, interests, row, row.person, shown, start);
                    }
                    let describe = Describe {
                        people,
                        skills,
                        freshness: *freshness,
                    };
                    let person_of = |row: usize| block.rows[row].person;
                    describe.report(&block, person_of, start, &place, &mut seen, diags);
                })
            } else {
                // People come from the assessments: they are added in file order here.
                feed(&context, &mut source, |block| {
                    if !progress.check(&block, watch, || self.snapshot(diags, None)) {
                        return;
                    }
                    let start = progress.line;
                    progress.line += block.lines;
                    self.rows += block.rows.iter().filter(|r| !r.interest_only).count();
                    let mut resolved = Vec::with_capacity(block.rows.len());
                    for row in &block.rows {
                        let at = start + row.line as usize;
                        let column = context.columns.person;
                        let person = self.person(block.id(row), file_id, &place, at, column, diags);
                        resolved.push(person.unwrap_or(0));
                        if let Some(person) = person {
                            fold(
                                &mut self.matrix,
                                &mut self.expired,
                                &mut self.interests,
                                row,
                                person,
                                shown,
                                start,
                            );
                        }
                    }
                    let describe = Describe {
                        people: &self.people,
                        skills: self.skills,
                        freshness: self.freshness,
                    };
                    let person_of = |row: usize| resolved[row];
                    describe.report(&block, person_of, start, &place, &mut seen, diags);
                })
            };
            if let Err(e) = result {
                diags.error(shown, Some(progress.line), format!("cannot read: {e}"));
            }
            if !progress.restart {
                if let (count, Some(first)) = seen.blank {
                    let rows = if count == 1 {
                        format!("row {first} has")
                    } else {
                        format!("{count} rows have")
                    };
                    let first = if count == 1 {
                        String::new()
                    } else {
                        format!(" (the first on row {first})")
                    };
                    place.file_warning(
                        diags,
                        format!("{rows} a blank level and no interest{first}: skipped, they record nothing"),
                    );
                }
                return;
            }
            // Not UTF-8 after all: Windows-1252, from the last point that
            // reads the same either way.
            let from = match progress.snapshot {
                Some(snapshot) => {
                    let from = snapshot.from;
                    self.restore(snapshot, diags);
                    from
                }
                None => Some((progress.offset, progress.line)),
            };
            diags.warning(shown, None, READ_AS_1252);
            let Some(path) = &path else { return };
            let Some((offset, line)) = from else {
                // The header itself may read differently: read the file again whole.
                match CsvFile::open_whole(path, shown) {
                    Ok(file) => self.read_long(file, diags),
                    Err(_) => diags.error(shown, None, "cannot read the file again"),
                }
                return;
            };
            let reopened = std::fs::File::open(path).and_then(|mut f| {
                f.seek(SeekFrom::Start(offset))?;
                Ok(f)
            });
            match reopened {
                Ok(f) => {
                    context.decode = Encoding::Windows1252;
                    source = Source::Blocks(Blocks::new(Box::new(f)), line, offset);
                }
                Err(e) => {
                    diags.error(shown, None, format!("cannot read: {e}"));
                    return;
                }
            }
        }
    }

    /// The state to go back to if the file turns out not to be UTF-8.
    fn snapshot(&self, diags: &Diagnostics, from: Option<(u64, usize)>) -> Snapshot {
        Snapshot {
            diags: diags.clone(),
            matrix: self.matrix.clone(),
            expired: self.expired.len(),
            rows: self.rows,
            people: (!self.closed).then(|| {
                (
                    self.people.clone(),
                    self.origin.clone(),
                    self.last_person,
                    self.suggested,
                )
            }),
            from,
        }
    }

    fn restore(&mut self, snapshot: Snapshot, diags: &mut Diagnostics) {
        *diags = snapshot.diags;
        self.matrix = snapshot.matrix;
        self.expired.truncate(snapshot.expired);
        self.rows = snapshot.rows;
        if let Some((people, origin, last, suggested)) = snapshot.people {
            self.people = people;
            self.origin = origin;
            self.last_person = last;
            self.suggested = suggested;
        }
    }
}

/// Where the rows of a long-format file come from.
enum Source {
    /// Blocks of a CSV file, starting on `line` at byte `offset`.
    Blocks(Blocks, usize, u64),
    /// A sheet's rows (parsed as one block: they carry their lines).
    Sheet(Option<Vec<SheetRow>>),
}

/// Hands each block of `source` to `apply`, in file order.
fn feed(
    context: &long::Context<'_>,
    source: &mut Source,
    mut apply: impl FnMut(long::Block),
) -> std::io::Result<()> {
    match source {
        Source::Sheet(rows) => {
            if let Some(rows) = rows.take() {
                let rows = rows
                    .iter()
                    .map(|(line, text, fields)| Row::of_cells(*line, text, fields));
                apply(context.parse_rows(rows));
            }
            Ok(())
        }
        Source::Blocks(blocks, ..) => {
            let blocks = std::mem::replace(blocks, Blocks::new(Box::new(std::io::empty())));
            context.run(blocks, apply)
        }
    }
}

impl Progress {
    /// Before a block is applied: false when it is not UTF-8 (the file is
    /// to be read again). Keeps the state before the first block that is
    /// not ASCII (`snapshot` takes it) while `watch`ing a UTF-8 file.
    fn check(
        &mut self,
        block: &long::Block,
        watch: bool,
        snapshot: impl FnOnce() -> Snapshot,
    ) -> bool {
        if block.not_utf8 {
            self.restart = true;
            return false;
        }
        if watch && !block.ascii && self.snapshot.is_none() {
            let mut taken = snapshot();
            taken.from = Some((self.offset, self.line));
            self.snapshot = Some(taken);
        }
        self.offset += block.size as u64;
        true
    }
}

/// Folds one parsed row into the matrix, sets it aside when expired, or
/// ignores it when it is not yet made at D (FORMAT.md "Known at D").
fn fold(
    matrix: &mut Matrix,
    expired: &mut Vec<ExpiredAssessment>,
    interests: &mut Vec<(u32, u32)>,
    row: &long::Parsed,
    person: u32,
    shown: &str,
    start: usize,
) {
    if row.interest_only {
        // Marked once every assessment is chosen (`Profiles::finish`).
        interests.push((person, row.skill));
        return;
    }
    if row.not_yet {
        return;
    }
    match row.expires {
        Some(expires) if row.expired => expired.push(ExpiredAssessment {
            person: person as usize,
            skill: row.skill as usize,
            level: row.level,
            expires,
            path: shown.to_string(),
            line: start + row.line as usize,
        }),
        _ => {
            matrix.choose_preferred(
                person as usize,
                row.skill as usize,
                row.level,
                row.assessed,
                row.interest,
                row.expires,
                row.source,
            );
            if matches!(row.source.kind, SourceKind::Own | SourceKind::Manager) {
                matrix.offer_for_calibration(
                    person as usize,
                    row.skill as usize,
                    row.source.kind,
                    row.level,
                    row.assessed,
                );
            }
        }
    }
}

/// What a file's blocks have met so far that is reported once a file.
#[derive(Default)]
struct Seen {
    /// Bit i: column i, which has no header, was reported holding a value.
    unnamed: u64,
    /// Rows with a blank level and no interest: how many, and the first's line.
    blank: (usize, Option<usize>),
}

/// What warnings about a row need to name it.
struct Describe<'a> {
    people: &'a People,
    skills: &'a [Skill],
    freshness: FreshnessRule,
}

impl Describe<'_> {
    /// Turns a block's events into diagnostics, in order; `person_of` gives
    /// the person of a row of the block.
    fn report(
        &self,
        block: &long::Block,
        person_of: impl Fn(usize) -> u32,
        start: usize,
        place: &Place,
        seen: &mut Seen,
        diags: &mut Diagnostics,
    ) {
        let shown = place.path.as_str();
        // Blocks may hold many thousands of stale rows: once the listed few
        // are out, the rest are only counted.
        let mut open = [
            diags.listing("stale", shown),
            diags.listing("future", shown),
        ];
        let mut more = [0usize; 2];
        for event in &block.events {
            let (row, which) = match event {
                long::Event::Error {
                    line,
                    column,
                    message,
                } => {
                    let line = start + *line as usize;
                    match column {
                        Some(c) => place.cell_error(diags, line, *c as usize, message),
                        None => place.row_error(diags, line, message.clone()),
                    }
                    continue;
                }
                long::Event::Unnamed { line, column } => {
                    if seen.unnamed & (1 << column) == 0 {
                        seen.unnamed |= 1 << column;
                        let line = start + *line as usize;
                        let message = unnamed_message(
                            *column as usize,
                            line,
                            "give it a header or delete it",
                        );
                        place.header_error(diags, *column as usize, message);
                    }
                    continue;
                }
                long::Event::Blank { line } => {
                    seen.blank.0 += 1;
                    seen.blank.1.get_or_insert(start + *line as usize);
                    continue;
                }
                long::Event::Stale { row } => (*row as usize, 0),
                long::Event::Future { row } => (*row as usize, 1),
            };
            if !open[which] {
                more[which] += 1;
                continue;
            }
            let r = &block.rows[row];
            let date = || r.assessed.date().map(|d| d.to_string()).unwrap_or_default();
            let line = Some(start + r.line as usize);
            if which == 1 {
                let warning = || future_warning(date(), self.freshness.today);
                diags.repeated_warning("future", shown, line, warning, FUTURE);
            } else {
                let person = self.people.id(person_of(row) as usize);
                let skill = &self.skills[r.skill as usize].id;
                let warning = || stale_warning(person, skill, date(), self.freshness.stale_before);
                diags.repeated_warning("stale", shown, line, warning, STALE);
            }
            open[which] = diags.listing(["stale", "future"][which], shown);
        }
        diags.repeated_more("stale", shown, more[0], STALE);
        diags.repeated_more("future", shown, more[1], FUTURE);
    }
}
