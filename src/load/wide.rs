//! Reads a wide-format assessment file (the skills matrix: one row per
//! person, one column per skill), folding each cell into the matrix. A row
//! may also describe its person (name, unit, role), which fills in or is
//! checked against what is known.

use crate::diagnostics::{Diagnostics, did_you_mean};
use crate::load::csv::CsvFile;
use crate::load::profiles::{
    FUTURE, Profiles, STALE, each_row, future_warning, meant_as, stale_warning,
};
use crate::model::{Date, Freshness, Level, PackedDate};

impl Profiles<'_> {
    pub fn read_wide(&mut self, mut file: CsvFile, diags: &mut Diagnostics) {
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
                    .position(|s| s.id.to_lowercase() == *lower)
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
        each_row(&mut file, diags, |row, diags| {
            let line = row.line;
            let id = row.get(person_col);
            let name = name_col.map(|c| row.get(c)).unwrap_or("");
            let unit_text = unit_col.map(|c| row.get(c)).unwrap_or("");
            let role_text = role_col.map(|c| row.get(c)).unwrap_or("");
            let mut report = |found: Result<Option<u32>, String>| {
                let reported = found.map_err(|message| diags.error(shown, Some(line), message));
                reported.unwrap_or(None)
            };
            let unit = report(self.unit(unit_text));
            let role = report(self.role(role_text));
            let Some(person) = self.person(id, file_id, shown, line, diags) else {
                return;
            };
            self.merge_person(person, name, unit, role, shown, line, diags);
            let Ok(assessed) = self.date(
                assessed_col.map(|c| row.get(c)).unwrap_or(""),
                "assessed",
                shown,
                line,
                diags,
            ) else {
                return;
            };
            let cells: Vec<(usize, &str)> =
                skill_cols.iter().map(|&(c, s)| (s, row.get(c))).collect();
            for (skill, text) in cells {
                if text.is_empty() {
                    continue;
                }
                if let Some(level) = self.level(text, shown, line, diags) {
                    self.assess(person, skill, level, assessed, false, shown, line, diags);
                }
            }
        });
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

    /// Folds one assessment into the matrix (wide files have no `expires`),
    /// warning when it is dated after the reference date or stale.
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
        // Wide files have no `expires` column: an assessment is fresh or stale.
        match (self.freshness.classify(packed, None), assessed) {
            (Freshness::Stale, Some(d)) => {
                let warning = || {
                    let (person, skill) = (self.people.id(person as usize), &self.skills[skill].id);
                    stale_warning(person, skill, d, self.freshness.stale_before)
                };
                diags.repeated_warning("stale", shown, Some(line), warning, STALE);
            }
            (_, Some(d)) if d > self.freshness.as_of => {
                let warning = || future_warning(d, self.freshness.as_of);
                diags.repeated_warning("future", shown, Some(line), warning, FUTURE);
            }
            _ => {}
        }
        self.matrix
            .choose_latest(person as usize, skill, level, packed, interest, None);
    }
}
