//! `balance --baseline` for people and for spreadsheets (FORMAT.md r2
//! "Baseline"): people per level per skill then and now. The terminal
//! lists every skill, each changed cell as "then -> now"; a document
//! (Markdown) shows only the skills that changed, those with fewer people
//! at or above a level first, and counts the rest. CSV is `balance`'s rows
//! with the baseline's columns appended and removed skills as rows of
//! their own. It formats; `analysis::baseline` computes.

use std::io;

use crate::render::outline::{Dialect, Outline, Text, ToOutline};
use crate::render::reports::baseline::{Appending, Mark, Page, as_of, mark_word, signed, status};
use crate::render::reports::text::then_now;
use crate::render::table::Grid;
use crate::render::table::{Cell, RowSink, ToCsv};
use crate::render::words::{Key, Labels};
use crate::report::SkillBalance;
use crate::report::baseline::{BalanceBaseline, BalanceComparison, SkillBaseline};

/// "14 skills compared, 1 worse, 1 new, 1 removed".
pub fn summary_line(l: Labels, compared: usize, s: &BalanceBaseline) -> String {
    let skills = |n: usize| l.count(n, Key::BaselineSkillNoun, Key::BaselineSkillsNoun);
    let mut parts = vec![l.fill(Key::BaselineCompared, &[&skills(compared)])];
    let mut add = |n: usize, key: Key| {
        if n > 0 {
            parts.push(l.fill(key, &[&l.int(n as u64)]));
        }
    };
    add(s.regressions.len(), Key::BaselineWorse);
    let new = if s.new.len() == 1 {
        Key::BaselineNewOne
    } else {
        Key::BaselineNewMany
    };
    add(s.new.len(), new);
    add(s.removed.len(), Key::BaselineRemoved);
    parts.join(", ")
}

fn mark(baseline: Option<&SkillBaseline>) -> Mark {
    match baseline {
        None => Mark::New,
        Some(b) if b.regression.is_some() => Mark::Worse,
        Some(b) if b.changed() => Mark::Changed,
        Some(_) => Mark::Unchanged,
    }
}

fn skills_grid(
    l: Labels,
    scale: &[String],
    rows: Vec<(&SkillBalance, Option<&SkillBaseline>)>,
) -> Grid {
    let mut header = vec![l.get(Key::ColSkill).to_string()];
    header.extend(
        scale
            .iter()
            .enumerate()
            .map(|(i, name)| format!(">{i} {name}")),
    );
    header.push(format!(">{}", l.get(Key::ColPeople)));
    header.push(format!(">{}", l.get(Key::ColDeltaPeople)));
    header.push(l.get(Key::ColChange).to_string());
    let mut grid = Grid::new(&header);
    for (skill, baseline) in rows {
        let mut row = vec![skill.name.clone()];
        row.extend((0..scale.len()).map(|i| {
            let now = skill.levels.get(i).copied().unwrap_or(0);
            let then = baseline.map(|b| b.levels.get(i).copied().unwrap_or(0));
            then_now(l, then, now)
        }));
        row.push(then_now(l, baseline.map(|b| b.people), skill.people));
        row.push(baseline.map_or(String::new(), |b| signed(l, b.change.people)));
        row.push(mark_word(l, mark(baseline)).to_string());
        grid.push(row);
    }
    grid
}

impl ToOutline for BalanceComparison {
    fn outline_in(&self, dialect: Dialect, l: Labels) -> Outline {
        let s = &self.summary;
        let compared = self.baselines.iter().filter(|b| b.is_some()).count();
        let removed = s.removed.iter().map(|k| {
            let name = k.name.as_ref().unwrap_or(&k.skill);
            Text::plain(l.fill(Key::BaselineRemovedSkill, &[name, &l.int(k.people)]))
        });
        Page {
            organisation: &self.now.organisation,
            what: Key::WhatBalance,
            as_of: self.now.as_of,
            baseline: as_of(l, s.as_of.as_deref(), Key::BaselineNothingSkills),
            line: summary_line(l, compared, s),
            rows: self.rows().collect(),
            mark,
            nouns: (Key::BaselineSkillNoun, Key::BaselineSkillsNoun),
            removed: removed.collect(),
        }
        .outline(l, dialect, |rows| skills_grid(l, &self.now.scale, rows))
    }
}

/// The columns appended to `balance`'s for a scale of `levels` levels.
fn appended(levels: usize) -> Vec<String> {
    let mut columns = vec!["baseline_people".to_string(), "baseline_assessed".into()];
    columns.extend((0..levels).map(|i| format!("baseline_level_{i}")));
    columns.extend(["change_people".to_string(), "change_assessed".into()]);
    columns.extend((0..levels).map(|i| format!("change_level_{i}")));
    columns.push("baseline_status".into());
    columns
}

impl ToCsv for BalanceComparison {
    fn columns(&self) -> Vec<String> {
        let mut columns = self.now.columns();
        columns.extend(appended(self.now.scale.len()));
        columns
    }

    /// `balance`'s rows with the baseline appended, then one row per
    /// removed skill: its id and name, the rest of `balance`'s columns
    /// empty, its baseline cells, no change, and status `removed`.
    fn write_rows(&self, sink: &mut dyn RowSink) -> io::Result<()> {
        let levels = self.now.scale.len();
        let at = |v: &[u64], i: usize| Cell::count(v.get(i).copied().unwrap_or(0));
        self.now.write_rows(&mut Appending {
            inner: &mut *sink,
            baselines: self.baselines.iter(),
            cells: &|b: &SkillBaseline| {
                let mut row = vec![Cell::count(b.people), Cell::count(b.assessed)];
                row.extend((0..levels).map(|i| at(&b.levels, i)));
                row.extend([Cell::Int(b.change.people), Cell::Int(b.change.assessed)]);
                row.extend(
                    (0..levels).map(|i| Cell::Int(b.change.levels.get(i).copied().unwrap_or(0))),
                );
                row.push(status(b.changed()));
                row
            },
            width: 4 + 2 * levels,
        })?;
        let width = self.now.columns().len();
        for k in &self.summary.removed {
            let mut row = vec![Cell::Empty; width];
            // `balance`'s columns open with unit, skill, name.
            row[1] = Cell::text(&k.skill);
            row[2] = Cell::opt_text(k.name.as_ref());
            row.extend([Cell::count(k.people), Cell::count(k.assessed)]);
            row.extend((0..levels).map(|i| at(&k.levels, i)));
            row.extend(std::iter::repeat_n(Cell::Empty, 2 + levels));
            row.push(Cell::text("removed"));
            sink.row(&row)?;
        }
        Ok(())
    }
}
