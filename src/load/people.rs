//! Reads `people.csv` (or a sheet): who exists, with their name, unit and
//! role. Once it is read the set of people is closed: assessment files may
//! not add anyone.

use std::path::Path;

use crate::diagnostics::Diagnostics;
use crate::load::columns::{Header, meant_as, warn_ignored};
use crate::load::csv::{Chunk, Records, Row};
use crate::load::fields::optional_date;
use crate::load::org::HOURS_PER_YEAR;
use crate::load::pipeline::parse_in_order;
use crate::load::place::Place;
use crate::load::profiles::{
    Profiles, no_header, open, record_problem, unnamed_message, warn_skipped, width_problem,
};
use crate::model::Terms;
use crate::model::people::hash_id;

/// The columns people.csv reads (`person` and its aliases mean `id` here).
const KNOWN: &[&str] = &[
    "id",
    "name",
    "first name",
    "last name",
    "unit",
    "role",
    "capacity",
    "starts",
    "leaves",
];

impl Profiles<'_> {
    /// Reads people.csv (or a sheet of a workbook).
    pub fn read_people(
        &mut self,
        path: &Path,
        shown: &str,
        sheet: Option<&str>,
        diags: &mut Diagnostics,
    ) {
        self.closed = true;
        self.people_failed = true;
        let Some(mut file) = open(path, shown, sheet, true, self.label_sheets, diags) else {
            return;
        };
        warn_skipped(&file, diags);
        self.people_columns = Some((shown.to_string(), file.header_raw.clone()));
        let Some(header) = Header::new(&file, diags) else {
            return;
        };
        let place = Place::of(&file);
        let shown = place.path.clone();
        let shown = shown.as_str();
        let file_id = self.file_id(shown);
        let (id, person) = (header.find("id"), header.find("person"));
        let id_col = match (id, person) {
            // `person` (ansattnr) is people.csv's id: two of them is the
            // same mistake as 'Enhet' beside 'unit', said the same way.
            (Some(i), Some(p)) => {
                let (first, second) = (i.min(p), i.max(p));
                place.header_error(
                    diags,
                    second,
                    format!(
                        "columns '{}' and '{}' both mean 'id': keep one",
                        file.header_raw[first], file.header_raw[second]
                    ),
                );
                return;
            }
            (Some(c), None) | (None, Some(c)) => c,
            (None, None) => {
                let hint = meant_as(&file, &header, "id", |_| false);
                place.file_error(
                    diags,
                    format!(
                        "people file has no 'id' column (or person, ansatt, ansattnr){hint}: {}",
                        no_header(&file, "id")
                    ),
                );
                return;
            }
        };
        self.people_failed = false;
        warn_ignored(&file, &header, KNOWN, &["person"], true, diags);
        let (name_col, unit_col) = (header.find("name"), header.find("unit"));
        // FORMAT.md r3 "Names": without a name column, first and last name.
        let (first_col, last_col) = match name_col {
            Some(_) => (None, None),
            None => (header.find("first name"), header.find("last name")),
        };
        let role_col = self.role_column(header.find("role"), &file, diags);
        let (capacity_col, starts_col, leaves_col) = (
            header.find("capacity"),
            header.find("starts"),
            header.find("leaves"),
        );
        let columns = Columns {
            id: id_col,
            name: name_col,
            first: first_col,
            last: last_col,
            unit: unit_col,
            role: role_col,
            capacity: capacity_col,
            starts: starts_col,
            leaves: leaves_col,
            width: file.header.len(),
            unnamed: (0..file.header.len())
                .filter(|&i| file.header[i].is_empty())
                .collect(),
            delimiter: file.delimiter,
        };
        let mut state = Applying {
            place: &place,
            size: file.size,
            reserved: false,
            file: file_id,
            columns: &columns,
            unnamed: columns.unnamed.clone(),
            added: Vec::new(),
        };
        match file.take_sheet_rows() {
            Some(rows) => {
                let rows = rows
                    .iter()
                    .map(|(line, text, fields)| Row::of_cells(*line, text, fields));
                self.apply_people(&mut state, columns.parse_rows(rows), 0, diags);
            }
            None => {
                let Some((blocks, mut line, _, decode)) = file.into_blocks() else {
                    return;
                };
                let result = parse_in_order(
                    blocks,
                    true,
                    decode,
                    |chunk| columns.parse(chunk),
                    |block| block.stop,
                    |block| {
                        let lines = block.lines;
                        self.apply_people(&mut state, block, line, diags);
                        line += lines;
                    },
                );
                if let Err(e) = result {
                    place.row_error(diags, line, format!("cannot read: {e}"));
                }
            }
        }
        if let Some(c) = role_col {
            self.warn_titles(&place, c, diags);
        }
    }

    /// Applies a parsed block of people.csv in file order: adds its people,
    /// decides who is a duplicate and which unit and role each names, and
    /// reports each row's problems. `base` is the line the block starts on.
    fn apply_people(
        &mut self,
        state: &mut Applying,
        block: Block,
        base: usize,
        diags: &mut Diagnostics,
    ) {
        let shown = state.place.path.as_str();
        // The ids first, in one loop of their own: at millions of people
        // each look into the index of ids is a cache miss, the costliest
        // step of the file, and nothing else in the row waits for it.
        state.added.clear();
        // Room for the whole file's people, estimated at the first block
        // from its share of the file: growing the index of millions of ids
        // by doubling would place every id again at each step. Not from
        // the file's lines: they may be blank (a file of nothing but line
        // breaks must not reserve gigabytes).
        if !state.reserved {
            state.reserved = true;
            let people = block
                .items
                .iter()
                .filter(|item| matches!(item, Item::Person(_)))
                .count();
            let estimate = match state.size {
                Some(size) if block.size > 0 => people.saturating_mul(size) / block.size,
                _ => people,
            };
            // A sixteenth more: the first block's rows may be a little
            // longer or shorter than the file's.
            self.people.reserve(estimate + estimate / 16);
        }
        let mut ahead = block
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Person(person) => Some(person.hash),
                _ => None,
            })
            .skip(AHEAD);
        for item in &block.items {
            if let Item::Person(person) = item {
                // The slot of the id a few rows on is fetched meanwhile.
                if let Some(hash) = ahead.next() {
                    self.people.prefetch(hash);
                }
                let added_as = self.people.add(
                    person.hash,
                    block.id(person),
                    block.name(person),
                    None,
                    None,
                );
                if added_as.is_ok() {
                    self.origin
                        .push(state.file, (base + person.line as usize) as u32);
                }
                state.added.push(added_as);
            }
        }
        // Then everything else, row by row as the file has it.
        let mut added = state.added.iter();
        for item in &block.items {
            let person = match item {
                Item::Person(person) => person,
                Item::Problem { line, message } => {
                    state
                        .place
                        .row_error(diags, base + *line as usize, message.as_str());
                    continue;
                }
                Item::EmptyId { line } => {
                    state.place.cell_error(
                        diags,
                        base + *line as usize,
                        state.columns.id,
                        "person id is empty",
                    );
                    continue;
                }
                &Item::Unnamed { line, column } => {
                    let column = column as usize;
                    if let Some(at) = state.unnamed.iter().position(|&c| c == column) {
                        state.unnamed.remove(at);
                        let message = unnamed_message(column, base + line as usize, FIX_UNNAMED);
                        state.place.header_error(diags, column, message);
                    }
                    continue;
                }
            };
            let line = base + person.line as usize;
            let id = block.id(person);
            let index = match added.next() {
                Some(&Ok(index)) => index,
                Some(&Err(first)) => {
                    let at = self.origin(first as u32);
                    state.place.cell_error(
                        diags,
                        line,
                        state.columns.id,
                        format!("duplicate person id '{id}' (first at {at})"),
                    );
                    continue;
                }
                // One result was pushed for each person above.
                None => continue,
            };
            // A bad unit or role is reported once; the person is kept so that
            // their assessments do not each fail as "unknown person".
            let unit = match state.columns.unit {
                Some(c) => self
                    .unit(block.cell(person, 2))
                    .map_err(|message| state.place.cell_error(diags, line, c, message)),
                None => Ok(None),
            };
            // An unknown job title is counted for one warning a title.
            let role_text = block.cell(person, 3);
            let titled = !role_text.is_empty();
            let role = state.columns.role.and_then(|_| self.role(role_text));
            for (column, message) in block.problems(person) {
                state
                    .place
                    .cell_error(diags, line, *column, message.as_str());
            }
            let (bad, unit) = (unit.is_err(), unit.unwrap_or(None));
            if role.is_none() && !bad && !titled && !self.roles.is_empty() {
                diags.repeated_warning(
                    "no-role",
                    shown,
                    Some(line),
                    || {
                        format!(
                            "person '{id}' has no role, so no role gap can be computed for them"
                        )
                    },
                    "people without a role",
                );
            }
            // FORMAT.md r2 "Present": someone who has left by D is counted
            // nowhere; the file should not hold them.
            let terms = block.terms(person);
            if let Some(leaves) = terms.leaves.filter(|&l| l < self.freshness.as_of) {
                let as_of = self.freshness.as_of;
                diags.repeated_warning(
                    "left",
                    shown,
                    Some(line),
                    || {
                        format!(
                            "person '{id}' left on {leaves}, before the reference date {as_of}: they are not counted; remove them from the file"
                        )
                    },
                    "people who have left",
                );
            }
            self.people.set_unit(index, unit);
            self.people.set_role(index, role);
            self.people.set_terms(index, terms);
        }
    }
}

/// What applying people.csv's blocks keeps from one block to the next.
struct Applying<'a> {
    place: &'a Place,
    /// The file's size, when it was read whole.
    size: Option<usize>,
    /// Room for the file's people is made (at the first block).
    reserved: bool,
    file: u16,
    columns: &'a Columns,
    /// Columns with no header whose first value is not reported yet.
    unnamed: Vec<usize>,
    /// What adding each person of the block gave (reused).
    added: Vec<Result<usize, usize>>,
}

/// How many people ahead the index's slot is fetched: about the misses a
/// core keeps in flight.
const AHEAD: usize = 16;

/// What to do with a value in a column with no header.
const FIX_UNNAMED: &str = "give it a header or delete it";

/// Where people.csv's fields are, for the threads parsing its blocks.
struct Columns {
    id: usize,
    name: Option<usize>,
    first: Option<usize>,
    last: Option<usize>,
    unit: Option<usize>,
    role: Option<usize>,
    capacity: Option<usize>,
    starts: Option<usize>,
    leaves: Option<usize>,
    width: usize,
    /// Columns with no header (they must stay empty).
    unnamed: Vec<usize>,
    delimiter: u8,
}

/// A row of people.csv, parsed: its cells copied into the block's text
/// end to end (40 bytes a row beside them: a block is about 50 000 rows).
struct Person {
    /// Line within the block (0 = the block's first line).
    line: u32,
    /// Its terms and problems in the block's `extras`; `NO_EXTRA` for none
    /// (most files have no capacity or dates).
    extra: u32,
    /// The id's `hash_id`, made on the pool.
    hash: u64,
    /// Where the id starts in the block's text.
    start: u32,
    /// Where the id, the name (empty for none), the unit and the role end.
    ends: [u32; 4],
}

/// A row's terms, and (column, message) of a bad capacity or date,
/// reported after the unit.
struct Extra {
    terms: Terms,
    problems: Vec<(usize, String)>,
}

const NO_EXTRA: u32 = u32::MAX;

/// What a row of a block is, in file order.
enum Item {
    Person(Person),
    /// A row that could not be taken (too many or too few fields; a record
    /// that cannot be read ends the file).
    Problem {
        line: u32,
        message: String,
    },
    EmptyId {
        line: u32,
    },
    /// A value in `column`, which has no header.
    Unnamed {
        line: u32,
        column: u32,
    },
}

/// A block of people.csv, parsed on the pool and applied in file order.
#[derive(Default)]
struct Block {
    items: Vec<Item>,
    /// The bytes it was parsed from (0 for a sheet's rows).
    size: usize,
    text: String,
    extras: Vec<Extra>,
    lines: usize,
    /// The file cannot be read past this block.
    stop: bool,
}

impl Block {
    /// A person's cell: 0 the id, 1 the name, 2 the unit, 3 the role.
    fn cell(&self, person: &Person, cell: usize) -> &str {
        let start = match cell {
            0 => person.start,
            _ => person.ends[cell - 1],
        };
        &self.text[start as usize..person.ends[cell] as usize]
    }

    fn id(&self, person: &Person) -> &str {
        self.cell(person, 0)
    }

    fn name(&self, person: &Person) -> Option<&str> {
        Some(self.cell(person, 1)).filter(|name| !name.is_empty())
    }

    fn terms(&self, person: &Person) -> Terms {
        self.extras
            .get(person.extra as usize)
            .map_or_else(Terms::default, |e| e.terms)
    }

    fn problems(&self, person: &Person) -> &[(usize, String)] {
        self.extras
            .get(person.extra as usize)
            .map_or(&[], |e| e.problems.as_slice())
    }

    /// Adds a cell to the text, and says where it ends.
    fn keep(&mut self, text: &str) -> u32 {
        self.text.push_str(text);
        self.text.len() as u32
    }
}

impl Columns {
    /// Parses one block of whole records.
    fn parse(&self, chunk: &Chunk) -> Block {
        let mut block = Block {
            size: chunk.bytes().len(),
            ..Block::default()
        };
        let mut records = Records::new(self.delimiter, 0, 0);
        while records.advance(chunk) {
            match records.row(chunk) {
                Ok(row) => self.row(&row, &mut block),
                Err((line, error)) => {
                    block.items.push(Item::Problem {
                        line: line as u32,
                        message: record_problem(error, true),
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
    fn parse_rows<'r>(&self, rows: impl Iterator<Item = Row<'r>>) -> Block {
        let mut block = Block::default();
        for row in rows {
            self.row(&row, &mut block);
        }
        block
    }

    /// Parses one row into `block`. Checks what needs only the row; who is
    /// a duplicate, and which unit and role a cell names, are decided in
    /// file order when the block is applied.
    fn row(&self, row: &Row<'_>, block: &mut Block) {
        let line = row.line as u32;
        if let Some(message) = width_problem(row, self.width) {
            block.items.push(Item::Problem { line, message });
            return;
        }
        for &column in &self.unnamed {
            if !row.get(column).is_empty() {
                let column = column as u32;
                block.items.push(Item::Unnamed { line, column });
            }
        }
        let id = row.get(self.id);
        if id.is_empty() {
            block.items.push(Item::EmptyId { line });
            return;
        }
        let hash = hash_id(id);
        let start = block.text.len() as u32;
        let id = block.keep(id);
        let name = match self.name {
            Some(c) => block.keep(row.get(c)),
            None => {
                // FORMAT.md r3 "Names": the first and last name, joined.
                for part in [self.first, self.last].into_iter().flatten() {
                    let part = row.get(part);
                    if part.is_empty() {
                        continue;
                    }
                    if block.text.len() as u32 > id {
                        block.text.push(' ');
                    }
                    block.text.push_str(part);
                }
                block.text.len() as u32
            }
        };
        let cell = |c: Option<usize>| c.map_or("", |c| row.get(c));
        let unit = block.keep(cell(self.unit));
        let role = block.keep(cell(self.role));
        let mut terms = Terms::default();
        let mut problems = Vec::new();
        if let Some(c) = self.capacity {
            match capacity(row.get(c)) {
                Ok(hours) => terms.capacity = hours,
                Err(message) => problems.push((c, message)),
            }
        }
        for (c, what) in [(self.starts, "starts"), (self.leaves, "leaves")] {
            let Some(c) = c else { continue };
            match optional_date(row.get(c), what) {
                Ok(date) if what == "starts" => terms.starts = date,
                Ok(date) => terms.leaves = date,
                Err(message) => problems.push((c, message)),
            }
        }
        if let (Some(starts), Some(leaves)) = (terms.starts, terms.leaves)
            && leaves < starts
        {
            problems.push((
                self.leaves.unwrap_or(self.id),
                format!("leaves {leaves} is before starts {starts}: the last working day comes after the first"),
            ));
        }
        let extra = match terms == Terms::default() && problems.is_empty() {
            true => NO_EXTRA,
            false => {
                block.extras.push(Extra { terms, problems });
                block.extras.len() as u32 - 1
            }
        };
        block.items.push(Item::Person(Person {
            line,
            extra,
            hash,
            start,
            ends: [id, name, unit, role],
        }));
    }
}

/// A `capacity` cell: learning hours a year, a decimal comma allowed
/// (`18,5`); blank: none of the person's own.
fn capacity(text: &str) -> Result<Option<f64>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    let max = HOURS_PER_YEAR.1 as f64;
    match text.replace(',', ".").parse::<f64>() {
        Ok(h) if (0.0..=max).contains(&h) => Ok(Some(h)),
        _ => Err(format!(
            "capacity '{text}' is not a number of learning hours a year (0 to {max})"
        )),
    }
}
