//! Reads the profile files: `people.csv` and the assessment files (long and
//! wide format), into the people list and the level matrix.
//!
//! Assessment rows are streamed and folded into the matrix as they are read:
//! only the chosen assessment of each person and skill is kept (FORMAT.md
//! "Current level"), and expired ones are set aside. Every bad row is
//! reported with its file and line; reading goes on after it.

use rustc_hash::FxHashMap as HashMap;
use std::path::Path;

use crate::load::long;
use crate::load::org::{normalise_unit, parse_date};
use crate::load::table::{CsvFile, NOT_UTF8, OpenError, Row, RowError};
use crate::model::{
    Date, ExpiredAssessment, Level, Matrix, PackedDate, People, Role, Scale, Skill,
};
use crate::validate::{Diagnostics, did_you_mean};

/// Suggestions for misspelt person ids compare against every id; past this
/// many people that costs more than it helps.
const SUGGEST_PEOPLE_LIMIT: usize = 20_000;

/// The people and their levels, as they are being read.
pub struct Profiles<'a> {
    pub scale: &'a Scale,
    pub skills: &'a [Skill],
    pub roles: &'a [Role],
    pub as_of: Date,
    pub stale_before: Date,
    /// True when people come from people.csv (assessments may not add people).
    pub closed: bool,
    pub people: People,
    /// Where each person was first described (file, line), for conflict messages.
    origin: Vec<(u16, u32)>,
    files: Vec<String>,
    /// The person the previous assessment row named.
    last_person: Option<u32>,
    /// Unknown person ids met so far.
    suggested: usize,
    pub units: Vec<String>,
    unit_index: HashMap<String, u32>,
    skill_index: HashMap<String, usize>,
    pub matrix: Matrix,
    pub expired: Vec<ExpiredAssessment>,
    pub rows: usize,
}

impl<'a> Profiles<'a> {
    pub fn new(
        scale: &'a Scale,
        skills: &'a [Skill],
        roles: &'a [Role],
        as_of: Date,
        stale_before: Date,
    ) -> Self {
        Profiles {
            scale,
            skills,
            roles,
            as_of,
            stale_before,
            closed: false,
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
            matrix: Matrix::new(0, skills.len()),
            expired: Vec::new(),
            rows: 0,
        }
    }

    /// Trims the matrix to the people actually found.
    pub fn finish(&mut self) {
        self.matrix.resize_people(self.people.len());
    }

    fn file_id(&mut self, path: &str) -> u16 {
        match self.files.iter().position(|f| f == path) {
            Some(i) => i as u16,
            None => {
                self.files.push(path.to_string());
                (self.files.len() - 1) as u16
            }
        }
    }

    fn intern_unit(&mut self, unit: String) -> u32 {
        if let Some(&i) = self.unit_index.get(&unit) {
            return i;
        }
        self.units.push(unit.clone());
        let i = (self.units.len() - 1) as u32;
        self.unit_index.insert(unit, i);
        i
    }

    #[allow(clippy::too_many_arguments)]
    fn add_person(
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

    fn origin(&self, person: u32) -> String {
        let (file, line) = self.origin[person as usize];
        format!("{}:{line}", self.files[file as usize])
    }

    fn unknown_person(&mut self, id: &str) -> String {
        // A suggestion compares with every id: only the first few get one.
        self.suggested += 1;
        let hint = if self.people.len() <= SUGGEST_PEOPLE_LIMIT && self.suggested <= 50 {
            did_you_mean(id, self.people.ids())
        } else {
            String::new()
        };
        format!("unknown person '{id}': not in the people file{hint}")
    }

    fn role(
        &self,
        text: &str,
        path: &str,
        line: usize,
        diags: &mut Diagnostics,
    ) -> Result<Option<u32>, ()> {
        if text.is_empty() {
            return Ok(None);
        }
        match self.roles.iter().position(|r| r.id == text) {
            Some(i) => Ok(Some(i as u32)),
            None => {
                let hint = did_you_mean(text, self.roles.iter().map(|r| r.id.as_str()));
                let declared = if self.roles.is_empty() {
                    " (org.toml defines no [[role]])"
                } else {
                    ""
                };
                diags.error(
                    path,
                    Some(line),
                    format!("unknown role '{text}'{hint}{declared}"),
                );
                Err(())
            }
        }
    }

    fn unit(
        &mut self,
        text: &str,
        path: &str,
        line: usize,
        diags: &mut Diagnostics,
    ) -> Result<Option<u32>, ()> {
        if text.is_empty() {
            return Ok(None);
        }
        // Most rows name a unit already seen, written the normal way.
        if let Some(&i) = self.unit_index.get(text) {
            return Ok(Some(i));
        }
        match normalise_unit(text) {
            Some(u) => Ok(Some(self.intern_unit(u))),
            None => {
                diags.error(
                    path,
                    Some(line),
                    format!("unit '{text}' is not a unit path like \"it/platform\""),
                );
                Err(())
            }
        }
    }

    fn level(&self, text: &str, path: &str, line: usize, diags: &mut Diagnostics) -> Option<Level> {
        long::parse_level(self.scale, text)
            .map_err(|message| diags.error(path, Some(line), message))
            .ok()
    }

    /// Reads people.csv.
    pub fn read_people(&mut self, path: &Path, shown: &str, diags: &mut Diagnostics) {
        self.closed = true;
        let Some(mut file) = open(path, shown, diags) else {
            return;
        };
        let file_id = self.file_id(shown);
        let Some(id_col) = file.column("id") else {
            let hint = meant_as(&file, "id");
            diags.error(
                shown,
                Some(1),
                format!("people file has no 'id' column{hint} (columns: id, name, unit, role)"),
            );
            return;
        };
        warn_near_misses(&file, &["id", "name", "unit", "role"], diags);
        let name_col = file.column("name");
        let unit_col = file.column("unit");
        let role_col = file.column("role");
        let width = file.header.len();
        let mut without_role = 0usize;
        loop {
            let row = match file.next_row() {
                Ok(Some(row)) => row,
                Ok(None) => break,
                Err((line, e)) => {
                    if report_row_error(shown, line, e, diags) {
                        break;
                    }
                    continue;
                }
            };
            let line = row.line;
            if !row_width_ok(&row, width, shown, diags) {
                continue;
            }
            let id = row.get(id_col);
            if id.is_empty() {
                diags.error(shown, Some(line), "person id is empty");
                continue;
            }
            if let Some(first) = self.people.find(id) {
                let at = self.origin(first as u32);
                diags.error(
                    shown,
                    Some(line),
                    format!("duplicate person id '{id}' (first at {at})"),
                );
                continue;
            }
            let name = name_col.map(|c| row.get(c)).filter(|s| !s.is_empty());
            let unit_text = unit_col.map(|c| row.get(c)).unwrap_or("");
            let role_text = role_col.map(|c| row.get(c)).unwrap_or("");
            // A bad unit or role is reported once; the person is kept so that
            // their assessments do not each fail as "unknown person".
            let unit = self.unit(unit_text, shown, line, diags);
            let role = self.role(role_text, shown, line, diags);
            let (bad, unit, role) = (
                unit.is_err() || role.is_err(),
                unit.unwrap_or(None),
                role.unwrap_or(None),
            );
            if role.is_none() && !bad && !self.roles.is_empty() {
                without_role += 1;
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
            self.add_person(id, name, unit, role, file_id, line);
        }
        let _ = without_role;
    }

    /// Reads one assessment file, long or wide format.
    pub fn read_assessments(&mut self, path: &Path, shown: &str, diags: &mut Diagnostics) {
        if self.matrix.people < self.people.len() {
            self.matrix.resize_people(self.people.len());
        }
        let Some(file) = open(path, shown, diags) else {
            return;
        };
        if file.column("skill").is_some() {
            self.read_long(file, diags);
        } else {
            self.read_wide(file, diags);
        }
    }

    /// Finds or (without people.csv) adds a person named in an assessment file.
    fn person(
        &mut self,
        id: &str,
        file: u16,
        shown: &str,
        line: usize,
        diags: &mut Diagnostics,
    ) -> Option<u32> {
        if id.is_empty() {
            diags.error(shown, Some(line), "person is empty");
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
                diags.error(shown, Some(line), self.unknown_person(id));
                return None;
            }
            None => self.add_person(id, None, None, None, file, line),
        };
        self.last_person = Some(found);
        Some(found)
    }

    fn date(
        &self,
        text: &str,
        column: &str,
        shown: &str,
        line: usize,
        diags: &mut Diagnostics,
    ) -> Result<Option<Date>, ()> {
        if text.is_empty() {
            return Ok(None);
        }
        match parse_date(text) {
            Some(d) => Ok(Some(d)),
            None => {
                diags.error(
                    shown,
                    Some(line),
                    format!("{column} {}", crate::load::org::date_problem(text)),
                );
                Err(())
            }
        }
    }

    /// Folds one assessment into the matrix, or sets it aside when expired.
    #[allow(clippy::too_many_arguments)]
    fn assess(
        &mut self,
        person: u32,
        skill: usize,
        level: Level,
        assessed: Option<Date>,
        expires: Option<Date>,
        interest: bool,
        shown: &str,
        line: usize,
        diags: &mut Diagnostics,
    ) {
        self.rows += 1;
        if let Some(expires) = expires
            && expires < self.as_of
        {
            self.expired.push(ExpiredAssessment {
                person: person as usize,
                skill,
                level,
                expires,
                path: shown.to_string(),
                line,
            });
            return;
        }
        if let Some(d) = assessed {
            if d > self.as_of {
                diags.repeated_warning(
                    "future",
                    shown,
                    Some(line),
                    || format!("assessed {d} is after the reference date {}", self.as_of),
                    "assessments dated after the reference date",
                );
            } else if d < self.stale_before {
                diags.repeated_warning(
                    "stale",
                    shown,
                    Some(line),
                    || {
                        format!(
                            "stale: '{}' in '{}' was assessed {d}, before {} (reassess it)",
                            self.people.id(person as usize),
                            self.skills[skill].id,
                            self.stale_before
                        )
                    },
                    "stale assessments",
                );
            }
        }
        let packed = assessed.map(PackedDate::new).unwrap_or(PackedDate::UNDATED);
        self.matrix
            .choose_latest(person as usize, skill, level, packed, interest, expires);
    }

    fn read_long(&mut self, file: CsvFile, diags: &mut Diagnostics) {
        let shown = file.path.clone();
        let shown = shown.as_str();
        let file_id = self.file_id(shown);
        let known = [
            "person", "skill", "level", "assessed", "expires", "source", "interest",
        ];
        let mut missing = false;
        for required in ["person", "skill", "level"] {
            if file.column(required).is_none() {
                let hint = meant_as(&file, required);
                diags.error(
                    shown,
                    Some(1),
                    format!("long-format assessment file has no '{required}' column{hint}"),
                );
                missing = true;
            }
        }
        if missing {
            return;
        }
        warn_near_misses(&file, &known, diags);
        let col = |name: &str| file.column(name);
        let columns = long::Columns {
            person: col("person").unwrap_or(0),
            skill: col("skill").unwrap_or(0),
            level: col("level").unwrap_or(0),
            assessed: col("assessed"),
            expires: col("expires"),
            interest: col("interest"),
            width: file.header.len(),
        };
        let delimiter = file.delimiter;
        let (first, source, mut line, eof) = file.into_rest();
        let skill_index = self
            .skills
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i as u32))
            .collect();
        let mut context = long::Context {
            columns,
            delimiter,
            scale: self.scale,
            skills: self.skills,
            skill_index,
            people: None,
            as_of: self.as_of,
            stale_before: self.stale_before,
            workers: 0,
        };
        let result = if self.closed {
            // People are fixed: the workers resolve ids themselves.
            let Profiles {
                people,
                matrix,
                expired,
                rows,
                skills,
                as_of,
                stale_before,
                ..
            } = self;
            context.people = Some(people);
            context.run(first, source, eof, |block| {
                let start = line;
                line += block.lines;
                *rows += block.rows.len();
                for row in &block.rows {
                    fold(matrix, expired, row, row.person, shown, start);
                }
                let describe = Describe {
                    people,
                    skills,
                    as_of: *as_of,
                    stale_before: *stale_before,
                };
                describe.report(&block, |row| block.rows[row].person, start, shown, diags);
            })
        } else {
            // People come from the assessments: they are added in file order here.
            context.run(first, source, eof, |block| {
                let start = line;
                line += block.lines;
                self.rows += block.rows.len();
                let mut resolved = Vec::with_capacity(block.rows.len());
                for row in &block.rows {
                    let at = start + row.line as usize;
                    let person = self.person(block.id(row), file_id, shown, at, diags);
                    resolved.push(person.unwrap_or(0));
                    if let Some(person) = person {
                        fold(
                            &mut self.matrix,
                            &mut self.expired,
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
                    as_of: self.as_of,
                    stale_before: self.stale_before,
                };
                describe.report(&block, |row| resolved[row], start, shown, diags);
            })
        };
        if let Err(e) = result {
            diags.error(shown, Some(line), format!("cannot read: {e}"));
        }
    }

    fn read_wide(&mut self, mut file: CsvFile, diags: &mut Diagnostics) {
        let shown = file.path.clone();
        let shown = shown.as_str();
        let file_id = self.file_id(shown);
        if file.column("person").is_some() && file.column("id").is_some() {
            diags.error(
                shown,
                Some(1),
                "the skills matrix has both a 'person' and an 'id' column: keep one",
            );
            return;
        }
        let person_col = file.column("person").or_else(|| file.column("id"));
        let Some(person_col) = person_col else {
            let hint = meant_as(&file, "person");
            diags.error(
                shown,
                Some(1),
                format!(
                    "assessment file has neither a 'skill' column (long format) nor a 'person' or 'id' column (wide format){hint}"
                ),
            );
            return;
        };
        let meta = ["person", "id", "name", "unit", "role", "assessed"];
        let mut skill_cols: Vec<(usize, usize)> = Vec::new();
        let mut bad_header = false;
        for (i, raw) in file.header_raw.iter().enumerate() {
            let lower = &file.header[i];
            if i == person_col
                || (meta.contains(&lower.as_str()) && lower != "person" && lower != "id")
            {
                continue;
            }
            if raw.is_empty() {
                diags.error(shown, Some(1), format!("column {} has no name", i + 1));
                bad_header = true;
                continue;
            }
            let skill = self.skill_index.get(raw.as_str()).copied().or_else(|| {
                self.skills
                    .iter()
                    .position(|s| s.id.eq_ignore_ascii_case(raw))
            });
            match skill {
                Some(s) => {
                    if let Some(&(first, _)) = skill_cols.iter().find(|(_, t)| *t == s) {
                        diags.error(
                            shown,
                            Some(1),
                            format!(
                                "skill '{}' has two columns ({} and {})",
                                self.skills[s].id,
                                first + 1,
                                i + 1
                            ),
                        );
                        bad_header = true;
                    }
                    skill_cols.push((i, s));
                }
                None => {
                    let candidates = self.skills.iter().map(|s| s.id.as_str()).chain(meta);
                    let hint = did_you_mean(raw, candidates);
                    diags.error(
                        shown,
                        Some(1),
                        format!("column '{raw}' is neither a skill id nor one of person, name, unit, role, assessed{hint}"),
                    );
                    bad_header = true;
                }
            }
        }
        if bad_header {
            return;
        }
        let col = |name: &str| file.column(name).filter(|&c| c != person_col);
        let (name_col, unit_col, role_col, assessed_col) =
            (col("name"), col("unit"), col("role"), col("assessed"));
        let width = file.header.len();
        loop {
            let row = match file.next_row() {
                Ok(Some(row)) => row,
                Ok(None) => break,
                Err((line, e)) => {
                    if report_row_error(shown, line, e, diags) {
                        break;
                    }
                    continue;
                }
            };
            let line = row.line;
            if !row_width_ok(&row, width, shown, diags) {
                continue;
            }
            let id = row.get(person_col);
            let name = name_col.map(|c| row.get(c)).unwrap_or("");
            let unit_text = unit_col.map(|c| row.get(c)).unwrap_or("");
            let role_text = role_col.map(|c| row.get(c)).unwrap_or("");
            let unit = self.unit(unit_text, shown, line, diags).unwrap_or(None);
            let role = self.role(role_text, shown, line, diags).unwrap_or(None);
            let Some(person) = self.person(id, file_id, shown, line, diags) else {
                continue;
            };
            self.merge_person(person, name, unit, role, shown, line, diags);
            let Ok(assessed) = self.date(
                assessed_col.map(|c| row.get(c)).unwrap_or(""),
                "assessed",
                shown,
                line,
                diags,
            ) else {
                continue;
            };
            let cells: Vec<(usize, &str)> =
                skill_cols.iter().map(|&(c, s)| (s, row.get(c))).collect();
            for (skill, text) in cells {
                if text.is_empty() {
                    continue;
                }
                if let Some(level) = self.level(text, shown, line, diags) {
                    self.assess(
                        person, skill, level, assessed, None, false, shown, line, diags,
                    );
                }
            }
        }
    }

    /// Takes a wide file's name, unit and role for a person: they fill in what
    /// is missing, and a different value is reported.
    #[allow(clippy::too_many_arguments)]
    fn merge_person(
        &mut self,
        person: u32,
        name: &str,
        unit: Option<u32>,
        role: Option<u32>,
        shown: &str,
        line: usize,
        diags: &mut Diagnostics,
    ) {
        let at = self.origin(person);
        let closed = self.closed;
        let p = person as usize;
        let people = &mut self.people;
        let id = people.id(p).to_string();
        let mut conflict = |what: &str, here: &str, there: &str| {
            let message = format!("person '{id}' has {what} '{here}' here but '{there}' at {at}");
            if closed {
                diags.warning(
                    shown,
                    Some(line),
                    format!("{message}; the people file wins"),
                );
            } else {
                diags.error(shown, Some(line), message);
            }
        };
        if let Some(u) = unit {
            match people.unit(p) {
                None if !closed => people.unit[p] = u,
                Some(old) if old != u => {
                    conflict("unit", &self.units[u as usize], &self.units[old as usize])
                }
                _ => {}
            }
        }
        if let Some(r) = role {
            match people.role(p) {
                None if !closed => people.role[p] = r,
                Some(old) if old != r => conflict(
                    "role",
                    &self.roles[r as usize].id,
                    &self.roles[old as usize].id,
                ),
                _ => {}
            }
        }
        if !name.is_empty() && people.name(p).is_none() && !closed {
            people.set_name(p, name);
        }
    }
}

/// Folds one parsed row into the matrix, or sets it aside when expired.
fn fold(
    matrix: &mut Matrix,
    expired: &mut Vec<ExpiredAssessment>,
    row: &long::Parsed,
    person: u32,
    shown: &str,
    start: usize,
) {
    match row.expires {
        Some(expires) if row.expired => expired.push(ExpiredAssessment {
            person: person as usize,
            skill: row.skill as usize,
            level: row.level,
            expires,
            path: shown.to_string(),
            line: start + row.line as usize,
        }),
        _ => matrix.choose_latest(
            person as usize,
            row.skill as usize,
            row.level,
            row.assessed,
            row.interest,
            row.expires,
        ),
    }
}

const STALE: &str = "stale assessments";
const FUTURE: &str = "assessments dated after the reference date";

/// What warnings about a row need to name it.
struct Describe<'a> {
    people: &'a People,
    skills: &'a [Skill],
    as_of: Date,
    stale_before: Date,
}

impl Describe<'_> {
    /// Turns a block's events into diagnostics, in order; `person_of` gives
    /// the person of a row of the block.
    fn report(
        &self,
        block: &long::Block,
        person_of: impl Fn(usize) -> u32,
        start: usize,
        shown: &str,
        diags: &mut Diagnostics,
    ) {
        // Blocks may hold many thousands of stale rows: once the listed few
        // are out, the rest are only counted.
        let mut open = [
            diags.listing("stale", shown),
            diags.listing("future", shown),
        ];
        let mut more = [0usize; 2];
        for event in &block.events {
            let (row, which) = match event {
                long::Event::Error { line, message } => {
                    diags.error(shown, Some(start + *line as usize), message.clone());
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
                diags.repeated_warning(
                    "future",
                    shown,
                    line,
                    || {
                        format!(
                            "assessed {} is after the reference date {}",
                            date(),
                            self.as_of
                        )
                    },
                    FUTURE,
                );
            } else {
                let person = self.people.id(person_of(row) as usize);
                let skill = &self.skills[r.skill as usize].id;
                diags.repeated_warning(
                    "stale",
                    shown,
                    line,
                    || {
                        format!(
                            "stale: '{person}' in '{skill}' was assessed {}, before {} (reassess it)",
                            date(),
                            self.stale_before
                        )
                    },
                    STALE,
                );
            }
            open[which] = diags.listing(["stale", "future"][which], shown);
        }
        diags.repeated_more("stale", shown, more[0], STALE);
        diags.repeated_more("future", shown, more[1], FUTURE);
    }
}

fn open(path: &Path, shown: &str, diags: &mut Diagnostics) -> Option<CsvFile> {
    match CsvFile::open(path, shown) {
        Ok(file) => Some(file),
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
        Err(OpenError::NotUtf8 { line }) => {
            diags.error(shown, Some(line), NOT_UTF8);
            None
        }
        Err(OpenError::DuplicateColumn(name)) => {
            diags.error(
                shown,
                Some(1),
                format!("column '{name}' appears twice in the header"),
            );
            None
        }
    }
}

/// Reports a row that could not be read; true when reading the file should stop.
fn report_row_error(shown: &str, line: usize, e: RowError, diags: &mut Diagnostics) -> bool {
    match e {
        RowError::NotUtf8 => {
            diags.error(shown, Some(line), NOT_UTF8);
            true
        }
        RowError::Io(message) => {
            diags.error(shown, Some(line), format!("cannot read: {message}"));
            true
        }
    }
}

fn row_width_ok(row: &Row<'_>, width: usize, shown: &str, diags: &mut Diagnostics) -> bool {
    if row.len() == width {
        return true;
    }
    diags.error(
        shown,
        Some(row.line),
        format!(
            "this row has {} fields but the header has {width} (a stray or missing delimiter?)",
            row.len()
        ),
    );
    false
}

/// " (is 'ident' meant to be 'id'?)" when a header column looks like the missing one.
fn meant_as(file: &CsvFile, missing: &str) -> String {
    file.header_raw
        .iter()
        .find(|h| {
            let lower = h.to_lowercase();
            lower.starts_with(missing) || crate::validate::suggest(h, [missing]).is_some()
        })
        .map(|h| format!(" (is '{h}' meant to be '{missing}'?)"))
        .unwrap_or_default()
}

/// Warns about header columns that are ignored but look like a misspelt known one.
fn warn_near_misses(file: &CsvFile, known: &[&str], diags: &mut Diagnostics) {
    for (i, name) in file.header.iter().enumerate() {
        if known.contains(&name.as_str()) {
            continue;
        }
        if let Some(s) = crate::validate::suggest(name, known.iter().copied())
            && file.column(s).is_none()
        {
            diags.warning(
                &file.path,
                Some(1),
                format!(
                    "column '{}' is ignored (did you mean '{s}'?)",
                    file.header_raw[i]
                ),
            );
        }
    }
}
