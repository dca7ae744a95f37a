//! The people and their levels as the profile files are read: the state
//! the people, wide-format and long-format readers share (people, units,
//! the matrix, where each person was first described), the checks of the
//! fields they share (person, unit, role, level, date), and the header
//! checks and wording of CSV problems common to all three.
//!
//! Each reader lives in its own module (`people`, `wide`, `assessments`
//! with `long`); this one reads no file itself.

use rustc_hash::FxHashMap as HashMap;
use std::fmt::Display;
use std::path::Path;

use crate::diagnostics::{
    Diagnostics, SUGGEST_PEOPLE_LIMIT, SUGGESTIONS_PER_LOAD, clip, column_letters, did_you_mean,
};
use crate::load::columns::canonical;
use crate::load::csv::{CsvFile, Encoding, OpenError, READ_AS_1252, RecordError, Row};
use crate::load::fields::{optional_date, parse_level};
use crate::load::place::Place;
use crate::load::workbook;
use crate::model::{
    Date, ExpiredAssessment, FreshnessRule, Level, Matrix, People, Role, Scale, Skill,
    normalise_unit,
};

/// What the profile files gave, for the organisation.
pub struct ProfilesRead {
    pub people: People,
    pub units: Vec<String>,
    pub matrix: Matrix,
    pub expired: Vec<ExpiredAssessment>,
    pub rows: usize,
}

/// The people and their levels, as they are being read.
pub struct Profiles<'a> {
    pub scale: &'a Scale,
    pub skills: &'a [Skill],
    pub roles: &'a [Role],
    /// D and the stale limit: FORMAT.md "Expired" and "Stale".
    pub freshness: FreshnessRule,
    /// True when people come from people.csv (assessments may not add people).
    pub closed: bool,
    /// The people file could not be read (its error is out): an id it
    /// would have listed is not also "unknown" at each use.
    pub people_failed: bool,
    pub people: People,
    /// Where each person was first described (file, line), for conflict messages.
    pub origin: Vec<(u16, u32)>,
    pub files: Vec<String>,
    /// The person the previous assessment row named.
    pub last_person: Option<u32>,
    /// Unknown person ids met so far.
    pub suggested: usize,
    pub units: Vec<String>,
    pub unit_index: HashMap<String, u32>,
    pub skill_index: HashMap<String, usize>,
    /// Role id -> index (the first of a repeated id, as a scan would find):
    /// every person names one, so a scan of the roles would be quadratic.
    pub role_index: HashMap<&'a str, u32>,
    pub matrix: Matrix,
    pub expired: Vec<ExpiredAssessment>,
    pub rows: usize,
    /// The people file and its header's columns as written, for messages
    /// about columns that are missing or misnamed (org-wide checks).
    pub people_columns: Option<(String, Vec<String>)>,
}

impl<'a> Profiles<'a> {
    pub fn new(
        scale: &'a Scale,
        skills: &'a [Skill],
        roles: &'a [Role],
        freshness: FreshnessRule,
    ) -> Self {
        Profiles {
            scale,
            skills,
            roles,
            freshness,
            closed: false,
            people_failed: false,
            people: People::default(),
            origin: Vec::new(),
            files: Vec::new(),
            last_person: None,
            suggested: 0,
            units: Vec::new(),
            unit_index: HashMap::default(),
            skill_index: skills
                .iter()
                .enumerate()
                .map(|(i, s)| (s.id.clone(), i))
                .collect(),
            role_index: {
                let mut index = HashMap::default();
                for (i, r) in roles.iter().enumerate() {
                    index.entry(r.id.as_str()).or_insert(i as u32);
                }
                index
            },
            matrix: Matrix::new(0, skills.len()),
            expired: Vec::new(),
            rows: 0,
            people_columns: None,
        }
    }

    /// What was read, with the matrix trimmed to the people actually found.
    pub fn finish(mut self) -> ProfilesRead {
        self.matrix.resize_people(self.people.len());
        ProfilesRead {
            people: self.people,
            units: self.units,
            matrix: self.matrix,
            expired: self.expired,
            rows: self.rows,
        }
    }

    pub fn file_id(&mut self, path: &str) -> u16 {
        match self.files.iter().position(|f| f == path) {
            Some(i) => i as u16,
            None => {
                self.files.push(path.to_string());
                (self.files.len() - 1) as u16
            }
        }
    }

    pub fn intern_unit(&mut self, unit: String) -> u32 {
        if let Some(&i) = self.unit_index.get(&unit) {
            return i;
        }
        self.units.push(unit.clone());
        let i = (self.units.len() - 1) as u32;
        self.unit_index.insert(unit, i);
        i
    }

    #[allow(clippy::too_many_arguments)]
    pub fn add_person(
        &mut self,
        id: &str,
        name: Option<&str>,
        unit: Option<u32>,
        role: Option<u32>,
        file: u16,
        line: usize,
    ) -> u32 {
        let i = self.people.push(id, name, unit, role) as u32;
        self.origin.push((file, line as u32));
        // People from assessment files arrive one by one: grow by doubling.
        // (People from people.csv get their columns at once, see `read_assessments`.)
        if !self.closed && self.people.len() > self.matrix.people {
            let capacity = (self.matrix.people * 2).max(1024);
            self.matrix.resize_people(capacity);
        }
        i
    }

    pub fn origin(&self, person: u32) -> String {
        let (file, line) = self.origin[person as usize];
        format!("{}:{line}", self.files[file as usize])
    }

    pub fn unknown_person(&mut self, id: &str) -> String {
        // A suggestion compares with every id: only the first few get one.
        self.suggested += 1;
        let hint = if self.people.len() <= SUGGEST_PEOPLE_LIMIT
            && self.suggested <= SUGGESTIONS_PER_LOAD
        {
            did_you_mean(id, self.people.ids())
        } else {
            String::new()
        };
        format!(
            "unknown person '{}': not in the people file{hint}",
            clip(id)
        )
    }

    /// The role a profile row names (blank: none), or why it names none.
    pub fn role(&mut self, text: &str) -> Result<Option<u32>, String> {
        if text.is_empty() {
            return Ok(None);
        }
        let found = self.role_index.get(text).copied();
        found.map(Some).ok_or_else(|| {
            // Unknown roles share the load's did-you-mean budget with people.
            self.suggested += 1;
            let hint = if self.suggested <= SUGGESTIONS_PER_LOAD {
                did_you_mean(text, self.roles.iter().map(|r| r.id.as_str()))
            } else {
                String::new()
            };
            let declared = if self.roles.is_empty() {
                " (org.toml defines no [[role]])"
            } else {
                ""
            };
            format!("unknown role '{}'{hint}{declared}", clip(text))
        })
    }

    /// The unit a profile row names (blank: none), interned, or why it is
    /// not a unit.
    pub fn unit(&mut self, text: &str) -> Result<Option<u32>, String> {
        if text.is_empty() {
            return Ok(None);
        }
        // Most rows name a unit already seen, written the normal way.
        if let Some(&i) = self.unit_index.get(text) {
            return Ok(Some(i));
        }
        match normalise_unit(text) {
            Some(u) => Ok(Some(self.intern_unit(u))),
            None => Err(format!(
                "unit '{text}' is not a unit path like \"it/platform\""
            )),
        }
    }

    pub fn level(
        &self,
        text: &str,
        place: &Place,
        line: usize,
        column: usize,
        diags: &mut Diagnostics,
    ) -> Option<Level> {
        parse_level(self.scale, text)
            .map_err(|message| place.cell_error(diags, line, column, message))
            .ok()
    }

    /// Reads one assessment file (or sheet), long or wide format.
    pub fn read_assessments(
        &mut self,
        path: &Path,
        shown: &str,
        sheet: Option<&str>,
        diags: &mut Diagnostics,
    ) {
        if self.matrix.people < self.people.len() {
            self.matrix.resize_people(self.people.len());
        }
        let Some(file) = open(path, shown, sheet, false, diags) else {
            return;
        };
        if file.header.iter().any(|h| canonical(h) == Some("skill")) {
            self.read_long(file, diags);
        } else if file.whole {
            self.read_wide(file, diags);
        } else if let Some(file) = open(path, shown, sheet, true, diags) {
            // Read whole, so that its encoding is known before a row is read.
            self.read_wide(file, diags);
        }
    }

    /// Finds or (without people.csv) adds a person named in an assessment file.
    #[allow(clippy::too_many_arguments)]
    pub fn person(
        &mut self,
        id: &str,
        file: u16,
        place: &Place,
        line: usize,
        column: usize,
        diags: &mut Diagnostics,
    ) -> Option<u32> {
        if id.is_empty() {
            place.cell_error(diags, line, column, "person is empty");
            return None;
        }
        // Long files usually list a person's skills together: try the last one first.
        if let Some(last) = self.last_person
            && self.people.id(last as usize) == id
        {
            return Some(last);
        }
        let found = match self.people.find(id) {
            Some(i) => i as u32,
            None if self.closed => {
                if !self.people_failed {
                    let message = self.unknown_person(id);
                    place.cell_error(diags, line, column, message);
                }
                return None;
            }
            None => self.add_person(id, None, None, None, file, line),
        };
        self.last_person = Some(found);
        Some(found)
    }

    /// The date in the cell of `column` (if the file has one), named `name`.
    pub fn date(
        &self,
        row: &Row<'_>,
        column: Option<usize>,
        name: &str,
        place: &Place,
        diags: &mut Diagnostics,
    ) -> Result<Option<Date>, ()> {
        let Some(column) = column else {
            return Ok(None);
        };
        optional_date(row.get(column), name)
            .map_err(|message| place.cell_error(diags, row.line, column, message))
    }
}

/// Opens a profile file: a sheet of a workbook, or a CSV file read in
/// blocks or (`whole`) at once. A CSV file read as Windows-1252 gets its
/// one warning here.
pub fn open(
    path: &Path,
    shown: &str,
    sheet: Option<&str>,
    whole: bool,
    diags: &mut Diagnostics,
) -> Option<CsvFile> {
    if workbook::is_workbook(path) {
        return workbook::open(path, shown, sheet, diags);
    }
    let opened = if whole {
        CsvFile::open_whole(path, shown)
    } else {
        CsvFile::open(path, shown)
    };
    match opened {
        Ok(file) => {
            if file.encoding == Encoding::Windows1252 {
                diags.warning(shown, None, READ_AS_1252);
            }
            Some(file)
        }
        Err(OpenError::Io(e)) => {
            diags.error(shown, None, format!("cannot read: {e}"));
            None
        }
        Err(OpenError::Empty) => {
            diags.error(
                shown,
                Some(1),
                "the file is empty: a header row is required",
            );
            None
        }
        Err(OpenError::DuplicateColumn(name, line)) => {
            diags.error(
                shown,
                Some(line),
                format!("column '{}' appears twice in the header", clip(&name)),
            );
            None
        }
        Err(OpenError::Unclosed(line)) => {
            diags.error(shown, Some(line), UNCLOSED);
            None
        }
    }
}

/// Calls `each` with every row of `file` that is as wide as its header,
/// reporting the others; stops at a row that cannot be read. A column with
/// no header is ignored while it is empty; the first value in one is an
/// error (`fix` says what to do about it).
pub fn each_row(
    file: &mut CsvFile,
    fix: &str,
    diags: &mut Diagnostics,
    mut each: impl FnMut(&Row<'_>, &mut Diagnostics),
) {
    let place = Place::of(file);
    let width = file.header.len();
    let mut unnamed: Vec<usize> = (0..width).filter(|&i| file.header[i].is_empty()).collect();
    loop {
        let row = match file.next_row() {
            Ok(Some(row)) => row,
            Ok(None) => break,
            Err((line, e)) => {
                place.row_error(diags, line, record_problem(e, true));
                break;
            }
        };
        if let Some(problem) = width_problem(&row, width) {
            place.row_error(diags, row.line, problem);
            continue;
        }
        if !unnamed.is_empty() {
            unnamed.retain(|&c| {
                let empty = row.get(c).is_empty();
                if !empty {
                    place.header_error(diags, c, unnamed_message(c, row.line, fix));
                }
                empty
            });
        }
        each(&row, diags);
    }
}

/// The error for a column with no header over a value (first on `line`).
pub fn unnamed_message(column: usize, line: usize, fix: &str) -> String {
    let letters = column_letters(column + 1);
    format!(
        "column {letters} has no header but holds values (first in cell {letters}{line}): {fix}"
    )
}

/// A quoted field that runs to the end of the file: not an I/O failure but
/// a cell, usually from a spreadsheet, with a stray `"`.
pub const UNCLOSED: &str = "a quoted field opened here is never closed (a cell starts with \" but has no closing quote: remove the stray quote, or in Excel save as CSV again)";

/// Why a record could not be read: "cannot read: ..." from a file reader
/// (`io`), bare from the block parser, as the messages have always been.
pub fn record_problem(e: RecordError, io: bool) -> String {
    let message = match e {
        RecordError::NotUtf8 => "this record is not UTF-8".to_string(),
        RecordError::Unclosed => return UNCLOSED.to_string(),
        RecordError::Io(message) => message,
    };
    if io {
        format!("cannot read: {message}")
    } else {
        message
    }
}

/// Why a row does not fit its header, when it does not.
#[inline]
pub fn width_problem(row: &Row<'_>, width: usize) -> Option<String> {
    (row.len() != width).then(|| {
        format!(
            "this row has {} fields but the header has {width} (a stray or missing delimiter?)",
            row.len()
        )
    })
}

/// Labels of the repeated warnings about assessment dates.
pub const STALE: &str = "stale assessments";
pub const FUTURE: &str = "assessments dated after today";

/// The warning for an assessment dated after the real today (FORMAT.md
/// "Known at D": probably a typo).
pub fn future_warning(assessed: impl Display, today: Date) -> String {
    format!("assessed {assessed} is after today ({today}): is the date a typo?")
}

/// The warning for a stale assessment.
pub fn stale_warning(person: &str, skill: &str, assessed: impl Display, before: Date) -> String {
    format!("stale: '{person}' in '{skill}' was assessed {assessed}, before {before} (reassess it)")
}
