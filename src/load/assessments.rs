//! Reads a long-format assessment file into the profiles: checks its
//! header, has [`long`] parse its blocks (on every core), then folds each
//! block's rows into the matrix and turns its problems into diagnostics,
//! strictly in file order.
//!
//! Only the chosen assessment of each person and skill is kept (FORMAT.md
//! "Current level"), and expired ones are set aside.

use crate::diagnostics::Diagnostics;
use crate::load::csv::CsvFile;
use crate::load::long;
use crate::load::profiles::{
    FUTURE, Profiles, STALE, future_warning, meant_as, stale_warning, warn_near_misses,
};
use crate::model::{ExpiredAssessment, FreshnessRule, Matrix, People, Skill};

impl Profiles<'_> {
    pub fn read_long(&mut self, file: CsvFile, diags: &mut Diagnostics) {
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
        let (blocks, mut line) = file.into_blocks();
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
            freshness: self.freshness,
            parallel: true,
        };
        let result = if self.closed {
            // People are fixed: the block parsers resolve ids themselves.
            let Profiles {
                people,
                matrix,
                expired,
                rows,
                skills,
                freshness,
                ..
            } = self;
            context.people = Some(people);
            context.run(blocks, |block| {
                let start = line;
                line += block.lines;
                *rows += block.rows.len();
                for row in &block.rows {
                    fold(matrix, expired, row, row.person, shown, start);
                }
                let describe = Describe {
                    people,
                    skills,
                    freshness: *freshness,
                };
                describe.report(&block, |row| block.rows[row].person, start, shown, diags);
            })
        } else {
            // People come from the assessments: they are added in file order here.
            context.run(blocks, |block| {
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
                    freshness: self.freshness,
                };
                describe.report(&block, |row| resolved[row], start, shown, diags);
            })
        };
        if let Err(e) = result {
            diags.error(shown, Some(line), format!("cannot read: {e}"));
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
                let warning = || future_warning(date(), self.freshness.as_of);
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
