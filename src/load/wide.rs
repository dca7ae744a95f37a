//! Reads a wide-format assessment file (the skills matrix: one row per
//! person, one column per skill, headed by the skill's id or name),
//! folding each cell into the matrix. A row
//! may also describe its person (name, unit, role), which fills in or is
//! checked against what is known.

use crate::diagnostics::{Diagnostics, clip, column_letters, did_you_mean};
use crate::load::columns::{Header, fold, meant_as};
use crate::load::csv::CsvFile;
use crate::load::place::Place;
use crate::load::profiles::{
    FUTURE, Profiles, STALE, each_row, future_warning, no_header, stale_warning, warn_skipped,
};
use crate::model::{Date, Freshness, Level, PackedDate};

/// How far a header may be from a skill's id or name and still be taken
/// for a misspelling of it (FORMAT.md r3 "Other columns in the wide format").
const EDITS: usize = 2;

/// Comparisons of headers with skill spellings one file may make: a header
/// of 200,000 cells against a big catalogue must not take minutes. Past it,
/// an unknown header is an error, as before r3: never silently ignored.
const NEAR_BUDGET: usize = 1_000_000;

/// Other columns named one by one in the warning about them.
const OTHER_LISTED: usize = 20;

/// What an unknown wide header is.
enum Near {
    /// Within [`EDITS`] of this skill's id or name (as written): a
    /// misspelt skill.
    Skill(String),
    /// Some other column (a comment, a practice area).
    Nothing,
    /// Not compared: the budget is spent.
    Unchecked,
}

/// One warning listing the other columns of a wide file, which are not read.
fn warn_other_columns(file: &CsvFile, ignored: &[usize], diags: &mut Diagnostics) {
    if ignored.is_empty() {
        return;
    }
    let meta = [
        "person", "id", "name", "unit", "role", "assessed", "navn", "enhet", "avdeling", "rolle",
        "stilling", "vurdert", "dato",
    ];
    let mut listed: Vec<String> = ignored
        .iter()
        .take(OTHER_LISTED)
        .map(|&i| {
            let raw = &file.header_raw[i];
            let hint = did_you_mean(&file.header[i], meta);
            format!("'{}'{hint}", clip(raw))
        })
        .collect();
    if ignored.len() > OTHER_LISTED {
        listed.push(format!("and {} more", ignored.len() - OTHER_LISTED));
    }
    let (what, verb) = if ignored.len() == 1 {
        ("column", "is")
    } else {
        ("columns", "are")
    };
    Place::of(file).file_warning(
        diags,
        format!(
            "{what} {} {verb} ignored: neither a skill id or name nor one of person, name, unit, role, assessed",
            listed.join(", ")
        ),
    );
}

/// Folded skill ids and names by their length in characters, so that a
/// header is compared only with those a few edits could reach: a matrix of
/// many other columns must not scan the catalogue for each.
struct NearIndex<'a> {
    by_length: Vec<Vec<(&'a str, u32)>>,
}

impl<'a> NearIndex<'a> {
    fn new(names: &'a rustc_hash::FxHashMap<String, u32>) -> Self {
        let mut by_length: Vec<Vec<(&str, u32)>> = Vec::new();
        for (name, &skill) in names {
            let length = name.chars().count();
            if length >= by_length.len() {
                by_length.resize_with(length + 1, Vec::new);
            }
            by_length[length].push((name, skill));
        }
        // Map order is arbitrary: a tie must go the same way every run.
        for names in &mut by_length {
            names.sort_unstable_by_key(|&(name, skill)| (skill, name));
        }
        NearIndex { by_length }
    }

    /// Whether a folded header that is no skill is within [`EDITS`] of a
    /// skill's folded id or name (and closer than the shorter is long, so
    /// that a short id such as `go` does not claim every short header):
    /// the closest, as (skill, spelling).
    fn near(&self, header: &str, budget: &mut usize) -> Result<Option<(u32, &'a str)>, ()> {
        let length = header.chars().count();
        let lengths = length.saturating_sub(EDITS)..=length + EDITS;
        let mut best: Option<(usize, u32, &str)> = None;
        for names in lengths.filter_map(|l| self.by_length.get(l)) {
            for &(name, skill) in names {
                if *budget == 0 {
                    return Err(());
                }
                *budget -= 1;
                let distance = strsim::osa_distance(header, name);
                let other = name.chars().count();
                if distance <= EDITS
                    && distance < length.min(other)
                    && best.is_none_or(|(d, s, n)| (distance, skill, name) < (d, s, n))
                {
                    best = Some((distance, skill, name));
                }
            }
        }
        Ok(best.map(|(_, skill, name)| (skill, name)))
    }
}

impl Profiles<'_> {
    /// What an unknown wide header is (see [`Near`]).
    fn near_skill(&self, near: &NearIndex<'_>, header: &str, budget: &mut usize) -> Near {
        match near.near(header, budget) {
            Err(()) => Near::Unchecked,
            Ok(None) => Near::Nothing,
            Ok(Some((skill, name))) => {
                let skill = &self.skills[skill as usize];
                // The spelling that was near: the id, or else the name.
                let meant = if fold(&skill.id) == name {
                    &skill.id
                } else {
                    &skill.name
                };
                Near::Skill(meant.clone())
            }
        }
    }

    /// The skill a wide file's column header names: a skill's id or its
    /// name, folded (any letter case, line breaks in the cell).
    fn skill_of_header(&self, raw: &str) -> Option<usize> {
        if let Some(&s) = self.skill_index.get(raw) {
            return Some(s);
        }
        self.skill_names.get(&fold(raw)).map(|&s| s as usize)
    }

    pub fn read_wide(&mut self, mut file: CsvFile, diags: &mut Diagnostics) {
        let place = Place::of(&file);
        let shown = place.path.clone();
        let shown = shown.as_str();
        let file_id = self.file_id(shown);
        warn_skipped(&file, diags);
        let Some(header) = Header::new(&file, diags) else {
            return;
        };
        let person_col = match (header.find("person"), header.find("id")) {
            (Some(_), Some(_)) => {
                place.file_error(
                    diags,
                    "the skills matrix has both a 'person' and an 'id' column: keep one",
                );
                return;
            }
            (Some(c), None) | (None, Some(c)) => c,
            (None, None) => {
                let taken = |i: usize| self.skill_of_header(&file.header_raw[i]).is_some();
                let hint = meant_as(&file, &header, "person", taken);
                place.file_error(
                    diags,
                    format!(
                        "assessment file has neither a 'skill' column (long format) nor a 'person' or 'id' column (wide format){hint}: {}",
                        no_header(&file, "person")
                    ),
                );
                return;
            }
        };
        let meta = ["person", "id", "name", "unit", "role", "assessed"];
        let mut skill_cols: Vec<(usize, usize)> = Vec::new();
        let mut bad_header = false;
        // Headers that are neither a known column nor a skill: ignored.
        let mut ignored = Vec::new();
        let mut budget = NEAR_BUDGET;
        let names = std::sync::Arc::clone(&self.skill_names);
        let near = NearIndex::new(&names);
        // Skill -> its first column: a header may have 200,000 cells.
        let mut first_col: rustc_hash::FxHashMap<usize, usize> = Default::default();
        for (i, raw) in file.header_raw.iter().enumerate() {
            // Columns with no header are read by `each_row` (ignored while empty).
            if i == person_col || header.is(i, &meta) || raw.is_empty() {
                continue;
            }
            match self.skill_of_header(raw) {
                Some(s) => {
                    let first = *first_col.entry(s).or_insert(i);
                    if first != i {
                        place.header_error(
                            diags,
                            i,
                            format!(
                                "skill '{}' has two columns ({} and {})",
                                self.skills[s].id,
                                column_letters(first + 1),
                                column_letters(i + 1)
                            ),
                        );
                        bad_header = true;
                    }
                    skill_cols.push((i, s));
                }
                None => match self.near_skill(&near, &file.header[i], &mut budget) {
                    // FORMAT.md r3: a misspelt skill column must not drop data.
                    Near::Skill(meant) => {
                        place.header_error(
                            diags,
                            i,
                            format!(
                                "column '{}' is not a skill id or name (did you mean '{meant}'?): fix the header so that its levels are read",
                                clip(raw)
                            ),
                        );
                        bad_header = true;
                    }
                    Near::Unchecked => {
                        place.header_error(
                            diags,
                            i,
                            format!(
                                "column '{}' is neither a skill id or name nor one of person, name, unit, role, assessed (too many columns to compare with the skills)",
                                clip(raw)
                            ),
                        );
                        bad_header = true;
                    }
                    Near::Nothing => ignored.push(i),
                },
            }
        }
        warn_other_columns(&file, &ignored, diags);
        if bad_header {
            return;
        }
        let col = |name: &str| header.find(name).filter(|&c| c != person_col);
        let (name_col, unit_col, assessed_col) = (col("name"), col("unit"), col("assessed"));
        let role_col = self.role_column(col("role"), &file, diags);
        let fix = "give it a skill id or delete it";
        each_row(&mut file, fix, diags, |row, diags| {
            let line = row.line;
            let id = row.get(person_col);
            let name = name_col.map(|c| row.get(c)).unwrap_or("");
            let mut cell = |column: Option<usize>, found: Result<Option<u32>, String>| {
                let reported = found
                    .map_err(|message| place.cell_error(diags, line, column.unwrap_or(0), message));
                reported.unwrap_or(None)
            };
            let unit = cell(
                unit_col,
                self.unit(unit_col.map(|c| row.get(c)).unwrap_or("")),
            );
            let role = role_col.and_then(|c| self.role(row.get(c)));
            let Some(person) = self.person(id, file_id, &place, line, person_col, diags) else {
                return;
            };
            self.merge_person(
                person,
                name,
                (unit, unit_col),
                (role, role_col),
                name_col,
                &place,
                line,
                diags,
            );
            // A bad date is one problem; the row's levels are still checked
            // so that each of its other problems is reported too.
            let assessed = self.date(row, assessed_col, "assessed", &place, diags);
            for &(column, skill) in &skill_cols {
                let text = row.get(column);
                if text.is_empty() {
                    continue;
                }
                // The interest mark (docs/format.md): `2*` is level 2 and
                // wants to learn more; `*` alone is an interest only.
                let (text, interest) = match text.strip_suffix('*') {
                    Some(level) => (level.trim_end(), true),
                    None => (text, false),
                };
                if text.is_empty() {
                    self.interests.push((person, skill as u32));
                    continue;
                }
                if let Some(level) = self.level(text, &place, line, column, diags)
                    && let Ok(assessed) = assessed
                {
                    self.assess(person, skill, level, assessed, interest, shown, line, diags);
                }
            }
        });
        if let Some(c) = role_col {
            self.warn_titles(&place, c, diags);
        }
    }

    /// Takes a wide file's name, unit and role for a person: they fill in what
    /// is missing, and a different value is reported.
    #[allow(clippy::too_many_arguments)]
    fn merge_person(
        &mut self,
        person: u32,
        name: &str,
        (unit, unit_col): (Option<u32>, Option<usize>),
        (role, role_col): (Option<u32>, Option<usize>),
        name_col: Option<usize>,
        place: &Place,
        line: usize,
        diags: &mut Diagnostics,
    ) {
        let at = self.origin(person);
        let closed = self.closed;
        let p = person as usize;
        let people = &mut self.people;
        let id = people.id(p).to_string();
        let mut conflict = |what: &str, column: Option<usize>, here: &str, there: &str| {
            let message = format!("person '{id}' has {what} '{here}' here but '{there}' at {at}");
            let column = column.unwrap_or(0);
            if closed {
                place.cell_warning(
                    diags,
                    line,
                    column,
                    format!("{message}; the people file wins"),
                );
            } else {
                place.cell_error(diags, line, column, message);
            }
        };
        if let Some(u) = unit {
            match people.unit(p) {
                None if !closed => people.set_unit(p, Some(u)),
                Some(old) if old != u => conflict(
                    "unit",
                    unit_col,
                    &self.units[u as usize],
                    &self.units[old as usize],
                ),
                _ => {}
            }
        }
        if let Some(r) = role {
            match people.role(p) {
                None if !closed => people.set_role(p, Some(r)),
                Some(old) if old != r => conflict(
                    "role",
                    role_col,
                    &self.roles[r as usize].id,
                    &self.roles[old as usize].id,
                ),
                _ => {}
            }
        }
        if !name.is_empty() {
            match people.name(p) {
                None if !closed => people.set_name(p, name),
                // Two names for one id are the sign of an id clash (two
                // people given one employee number); letter case and
                // spacing are not a different name.
                Some(old) if !same_name(old, name) => {
                    let old = old.to_string();
                    conflict("name", name_col, name, &old);
                }
                _ => {}
            }
        }
    }

    /// Folds one assessment into the matrix (wide files have no `expires`)
    /// unless it is not yet made at D (FORMAT.md "Known at D"), warning when
    /// it is stale or dated after the real today.
    #[allow(clippy::too_many_arguments)]
    fn assess(
        &mut self,
        person: u32,
        skill: usize,
        level: Level,
        assessed: Option<Date>,
        interest: bool,
        shown: &str,
        line: usize,
        diags: &mut Diagnostics,
    ) {
        self.rows += 1;
        let packed = assessed.map_or(PackedDate::UNDATED, PackedDate::new);
        // Wide files have no `expires` column: an assessment is fresh, stale
        // or not yet made at D.
        let freshness = self.freshness.classify(packed, None);
        if let Some(d) = assessed {
            if freshness == Freshness::Stale {
                let warning = || {
                    let (person, skill) = (self.people.id(person as usize), &self.skills[skill].id);
                    stale_warning(person, skill, d, self.freshness.stale_before)
                };
                diags.repeated_warning("stale", shown, Some(line), warning, STALE);
            } else if self.freshness.after_today(packed) {
                let warning = || future_warning(d, self.freshness.today);
                diags.repeated_warning("future", shown, Some(line), warning, FUTURE);
            }
        }
        if freshness == Freshness::NotYet {
            return;
        }
        // A matrix has no `source` column: with `prefer`, it ranks after
        // every listed source (FORMAT.md r3).
        let source = crate::model::Source {
            rank: self.sources.unlisted(),
            kind: crate::model::SourceKind::Other,
        };
        self.matrix.choose_preferred(
            person as usize,
            skill,
            level,
            packed,
            interest,
            None,
            source,
        );
    }
}

/// Two spellings of one name: equal ignoring letter case and runs of
/// white space (`Kari  Nordmann`, `kari nordmann`).
fn same_name(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        s.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    words(a) == words(b)
}
