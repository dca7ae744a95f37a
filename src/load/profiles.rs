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

use crate::diagnostics::{Diagnostics, clip, column_letters, did_you_mean};
use crate::load::columns::{canonical, fold};
use crate::load::csv::{CsvFile, Encoding, OpenError, READ_AS_1252, RecordError, Row};
use crate::load::fields::{optional_date, parse_level};
use crate::load::long::unknown_person;
use crate::load::place::Place;
use crate::load::workbook;
use crate::model::{
    Date, ExpiredAssessment, FreshnessRule, Level, Matrix, People, Role, Scale, SelfAndManager,
    Skill, SourceRule, normalise_unit,
};

/// What the profile files gave, for the organisation.
pub struct ProfilesRead {
    pub people: People,
    pub units: Vec<String>,
    pub matrix: Matrix,
    pub expired: Vec<ExpiredAssessment>,
    pub rows: usize,
    /// FORMAT.md r3 "Calibration": pairs with a self and a manager level.
    pub self_and_manager: Vec<SelfAndManager>,
}

/// Where each person was first described: a line a person (4 bytes; at
/// 6.25M people a (file, line) pair took 25 MB more), and the file as runs
/// of people, since people come file by file.
#[derive(Debug, Clone, Default)]
pub struct Origins {
    lines: Vec<u32>,
    /// (first person, file) for each run of people from one file.
    files: Vec<(u32, u16)>,
}

impl Origins {
    pub fn push(&mut self, file: u16, line: u32) {
        if self.files.last().is_none_or(|&(_, f)| f != file) {
            self.files.push((self.lines.len() as u32, file));
        }
        self.lines.push(line);
    }

    /// The (file, line) person `person` was first described at.
    pub fn get(&self, person: usize) -> (u16, u32) {
        let run = self
            .files
            .partition_point(|&(first, _)| first as usize <= person);
        (self.files[run - 1].1, self.lines[person])
    }
}

/// The people and their levels, as they are being read.
pub struct Profiles<'a> {
    pub scale: &'a Scale,
    pub skills: &'a [Skill],
    pub roles: &'a [Role],
    /// D and the stale limit: FORMAT.md "Expired" and "Stale".
    pub freshness: FreshnessRule,
    /// `[assessment]`: which source counts, and calibration (FORMAT.md r3).
    pub sources: &'a SourceRule,
    /// True when people come from people.csv (assessments may not add people).
    pub closed: bool,
    /// The people file could not be read (its error is out): an id it
    /// would have listed is not also "unknown" at each use.
    pub people_failed: bool,
    pub people: People,
    /// Where each person was first described (file, line), for conflict messages.
    pub origin: Origins,
    pub files: Vec<String>,
    /// The person the previous assessment row named.
    pub last_person: Option<u32>,
    /// Unknown person ids met so far.
    pub suggested: usize,
    pub units: Vec<String>,
    pub unit_index: HashMap<String, u32>,
    pub skill_index: HashMap<String, usize>,
    /// Folded skill ids, then folded names not taken by an id -> skill
    /// (FORMAT.md r3: a header or a long file's skill cell may hold
    /// either, in any case); built once, looked up only when the exact id
    /// is not found.
    pub skill_names: std::sync::Arc<HashMap<String, u32>>,
    /// Role id -> index (the first of a repeated id, as a scan would find):
    /// every person names one, so a scan of the roles would be quadratic.
    pub role_index: HashMap<&'a str, u32>,
    /// Folded role ids, then names, then titles -> role.
    pub role_names: HashMap<String, u32>,
    /// Role cells met that are not an id as written -> the role they
    /// name, or None and how many people of this file hold them.
    pub titles: HashMap<String, (Option<u32>, u32)>,
    /// Values naming no role, in the order met (for the warnings).
    pub title_order: Vec<String>,
    pub matrix: Matrix,
    pub expired: Vec<ExpiredAssessment>,
    pub rows: usize,
    /// (person, skill) of interest-only rows (FORMAT.md r3), marked in the
    /// matrix once every assessment is chosen.
    pub interests: Vec<(u32, u32)>,
    /// The people file and its header's columns as written, for messages
    /// about columns that are missing or misnamed (org-wide checks).
    pub people_columns: Option<(String, Vec<String>)>,
    /// `--pseudonymize`: a workbook's sheet is shown by number, not name.
    pub label_sheets: bool,
}

impl<'a> Profiles<'a> {
    pub fn new(
        scale: &'a Scale,
        skills: &'a [Skill],
        roles: &'a [Role],
        freshness: FreshnessRule,
        sources: &'a SourceRule,
    ) -> Self {
        Profiles {
            scale,
            skills,
            roles,
            freshness,
            sources,
            closed: false,
            people_failed: false,
            people: People::default(),
            origin: Origins::default(),
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
            skill_names: std::sync::Arc::new(skill_names(skills)),
            role_index: {
                let mut index = HashMap::default();
                for (i, r) in roles.iter().enumerate() {
                    index.entry(r.id.as_str()).or_insert(i as u32);
                }
                index
            },
            role_names: role_names(roles),
            titles: HashMap::default(),
            title_order: Vec::new(),
            matrix: Matrix::new(0, skills.len()),
            expired: Vec::new(),
            rows: 0,
            interests: Vec::new(),
            people_columns: None,
            label_sheets: false,
        }
    }

    /// What was read, with the matrix trimmed to the people actually found.
    pub fn finish(mut self) -> ProfilesRead {
        self.matrix.resize_people(self.people.len());
        for &(person, skill) in &self.interests {
            self.matrix.mark_interest(person as usize, skill as usize);
        }
        let self_and_manager = self.matrix.take_self_and_manager();
        ProfilesRead {
            people: self.people,
            units: self.units,
            matrix: self.matrix,
            expired: self.expired,
            rows: self.rows,
            self_and_manager,
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
        self.origin.push(file, line as u32);
        // People from assessment files arrive one by one: grow by doubling.
        // (People from people.csv get their columns at once, see `read_assessments`.)
        if !self.closed && self.people.len() > self.matrix.people {
            let capacity = (self.matrix.people * 2).max(1024);
            self.matrix.resize_people(capacity);
        }
        i
    }

    pub fn origin(&self, person: u32) -> String {
        let (file, line) = self.origin.get(person as usize);
        format!("{}:{line}", self.files[file as usize])
    }

    /// The role a profile row's role cell names (blank: none), matched
    /// ignoring case against each role's id, name and `titles` (FORMAT.md
    /// r3 "Roles and job titles"). A value that names no role is counted
    /// for [`Profiles::warn_titles`]: it is a job title, not an error.
    pub fn role(&mut self, text: &str) -> Option<u32> {
        if text.is_empty() {
            return None;
        }
        if let Some(&r) = self.role_index.get(text) {
            return Some(r);
        }
        // Most people of a big file share a few titles: one fold a value.
        if let Some((r, count)) = self.titles.get_mut(text) {
            *count += u32::from(r.is_none());
            return *r;
        }
        let found = self.role_names.get(&fold(text)).copied();
        let count = u32::from(found.is_none());
        self.titles.insert(text.to_string(), (found, count));
        if found.is_none() {
            self.title_order.push(text.to_string());
        }
        found
    }

    /// One warning per distinct role value of the file just read that
    /// names no role, with how many people hold it and a did-you-mean.
    pub fn warn_titles(&mut self, place: &Place, column: usize, diags: &mut Diagnostics) {
        let roles = self.roles;
        for title in std::mem::take(&mut self.title_order) {
            let Some((None, count)) = self.titles.get(&title).copied() else {
                continue;
            };
            let hint = if diags.may_suggest() {
                let candidates = roles.iter().flat_map(|r| {
                    std::iter::once(r.id.as_str())
                        .chain(std::iter::once(r.name.as_str()))
                        .chain(r.titles.iter().map(String::as_str))
                });
                did_you_mean(&title, candidates)
            } else {
                String::new()
            };
            let who = if count == 1 {
                "1 person has it".to_string()
            } else {
                format!("{count} people have it")
            };
            place.column_warning(
                diags,
                column,
                format!(
                    "role '{}' is not a [[role]] id, name or title{hint} ({who}): they have no role requirements; add it to a role's titles in org.toml to give them one",
                    clip(&title)
                ),
            );
        }
        self.titles.clear();
    }

    /// The role column of a file, or None with one warning when org.toml
    /// declares no `[[role]]`: then it holds job titles, not roles.
    pub fn role_column(
        &self,
        column: Option<usize>,
        file: &CsvFile,
        diags: &mut Diagnostics,
    ) -> Option<usize> {
        let c = column?;
        if !self.roles.is_empty() {
            return Some(c);
        }
        Place::of(file).column_warning(
            diags,
            c,
            format!(
                "column '{}' is not used: org.toml declares no [[role]] (add roles, with the job titles that mean them in 'titles', to get role gaps)",
                clip(&file.header_raw[c])
            ),
        );
        None
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
        let Some(file) = open(path, shown, sheet, false, self.label_sheets, diags) else {
            return;
        };
        if file.header.iter().any(|h| canonical(h) == Some("skill")) {
            // Here, not in `read_long`, which may read the file again.
            warn_skipped(&file, diags);
            self.read_long(file, diags);
        } else if file.whole {
            self.read_wide(file, diags);
        } else if let Some(file) = open(path, shown, sheet, true, self.label_sheets, diags) {
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
                    place.cell_error(diags, line, column, unknown_person(id));
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

/// Folded skill ids and names -> skill: ids first, so that an id is never
/// read as another skill's name.
fn skill_names(skills: &[Skill]) -> HashMap<String, u32> {
    let mut names = HashMap::default();
    for (i, skill) in skills.iter().enumerate() {
        names.entry(fold(&skill.id)).or_insert(i as u32);
    }
    for (i, skill) in skills.iter().enumerate() {
        names.entry(fold(&skill.name)).or_insert(i as u32);
    }
    names
}

/// Folded role ids, names and titles -> role, in that order of precedence.
fn role_names(roles: &[Role]) -> HashMap<String, u32> {
    let mut names = HashMap::default();
    let ids = roles.iter().map(|r| vec![r.id.as_str()]);
    let named = roles.iter().map(|r| vec![r.name.as_str()]);
    let titled = roles
        .iter()
        .map(|r| r.titles.iter().map(String::as_str).collect());
    for pass in [
        ids.collect::<Vec<Vec<&str>>>(),
        named.collect(),
        titled.collect(),
    ] {
        for (i, spellings) in pass.iter().enumerate() {
            for s in spellings {
                names.entry(fold(s)).or_insert(i as u32);
            }
        }
    }
    names
}

/// Opens a profile file: a sheet of a workbook, or a CSV file read in
/// blocks or (`whole`) at once. A CSV file read as Windows-1252 gets its
/// one warning here.
pub fn open(
    path: &Path,
    shown: &str,
    sheet: Option<&str>,
    whole: bool,
    label_sheet: bool,
    diags: &mut Diagnostics,
) -> Option<CsvFile> {
    open_preferring(path, shown, sheet, &[], whole, label_sheet, diags)
}

/// As [`open`], a workbook's sheet named one of `preferred` before its
/// first sheet when no sheet is named (`workbook::open_preferring`).
pub fn open_preferring(
    path: &Path,
    shown: &str,
    sheet: Option<&str>,
    preferred: &[&str],
    whole: bool,
    label_sheet: bool,
    diags: &mut Diagnostics,
) -> Option<CsvFile> {
    if workbook::is_workbook(path) {
        return workbook::open_preferring(path, shown, sheet, preferred, label_sheet, diags);
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
        Err(OpenError::NotText(what)) => {
            diags.error(shown, None, what);
            None
        }
        Err(OpenError::Limit(limit, line)) => {
            diags.error(shown, Some(line), limit.to_string());
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

/// One warning for the rows above a file's header (FORMAT.md r3 "The
/// header row"): a title, a blank row, merged group headings.
pub fn warn_skipped(file: &CsvFile, diags: &mut Diagnostics) {
    let Some(skipped) = &file.skipped else {
        return;
    };
    let first = clip(&skipped.first.join(", ")).into_owned();
    let rows = if skipped.rows == 1 {
        "row above it is"
    } else {
        "rows above it are"
    };
    Place::of(file).file_warning(
        diags,
        format!(
            "the header is on row {}: the {rows} skipped (row {} holds '{first}')",
            file.header_line, skipped.line
        ),
    );
}

/// Why no header was found, for the error about the missing key column:
/// what the row taken as the header holds, and where the header may be.
pub fn no_header(file: &CsvFile, key: &str) -> String {
    format!(
        "row {} holds '{}'; the header row, the one naming '{key}', must be among the first {} rows",
        file.header_line,
        clip(&file.header_text()),
        crate::load::csv::HEADER_ROWS
    )
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

#[cfg(test)]
mod tests {
    use super::Origins;

    /// Lines a person, files as runs: a file met again after another is
    /// a new run.
    #[test]
    fn origins_keep_each_persons_file_and_line() {
        let mut origins = Origins::default();
        let given = [(0, 2), (0, 3), (1, 2), (1, 9), (0, 5), (2, 2)];
        for &(file, line) in &given {
            origins.push(file, line);
        }
        for (person, &at) in given.iter().enumerate() {
            assert_eq!(origins.get(person), at);
        }
        assert_eq!(origins.files.len(), 4);
    }
}
