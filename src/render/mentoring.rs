//! Who to learn from (FORMAT r2 "Mentors") as people read it: a goal's
//! mentor and *hospitering* host in one cell, the plan summary's mentor
//! list, `plan --mentor`'s title, and the key-person table's mentoring
//! columns. Wording only: the matching is `analysis::mentors`, and this
//! module never decides who mentors whom.

use crate::render::csv::Cell;
use crate::render::grid::{Grid, R, heads};
use crate::render::words::{Key, Labels};
use crate::render::outline::{Builder, Dialect, Text};
use crate::render::text::{level, person};
use crate::render::xlsx::Sheet;
use crate::report::{BalanceReport, Goal, KeyPerson, MentorLoad, PlanReport};

/// "Liv Aamodt (liv.aamodt), it/plattform, level 3 advanced" and, when the
/// goal has a host, "; job rotation: it/plattform". A goal without a mentor
/// points to an external network: nobody qualified, or everyone was full.
pub fn mentor_cell(l: Labels, levels: &[String], g: &Goal) -> String {
    let mut cell = match (&g.mentor, &g.mentor_info) {
        (Some(id), Some(info)) => {
            let mut parts = vec![person(id, info.name.as_deref())];
            parts.extend(info.unit.clone());
            parts.push(l.fill(Key::MentorLevel, &[&level(levels, info.level)]));
            parts.join(", ")
        }
        (Some(id), None) => id.clone(),
        (None, _) => l.get(Key::ExternalNetwork).to_string(),
    };
    if let Some(host) = &g.host {
        cell.push_str("; ");
        cell.push_str(&l.fill(Key::HostCell, &[host]));
    }
    cell
}

/// "Liv Aamodt (liv.aamodt), it/plattform: 2 mentees".
pub fn load_line(l: Labels, m: &MentorLoad) -> String {
    let mut who = vec![person(&m.person, m.name.as_deref())];
    who.extend(m.unit.clone());
    let count = l.count(m.mentees as usize, Key::MenteeNoun, Key::MenteesNoun);
    format!("{}: {count}", who.join(", "))
}

/// What a plan report is about: "development plans", or with `--mentor`
/// "goals mentored by Liv Aamodt (liv.aamodt)".
pub fn plan_what(l: Labels, r: &PlanReport) -> String {
    match &r.mentored_by {
        Some((id, name)) => l.fill(Key::WhatMentored, &[&person(id, name.as_deref())]),
        None => l.get(Key::WhatPlans).to_string(),
    }
}

/// The plan summary's mentors, most mentees first; nothing when no goal
/// has a mentor (the Mentor column already says "external network").
pub fn mentors_summary(l: Labels, r: &PlanReport, dialect: Dialect, out: &mut Builder) {
    let mentors = &r.summary.mentors;
    if mentors.is_empty() {
        return;
    }
    match dialect {
        Dialect::Terminal => out.para(l.get(Key::MentorsTerminal)),
        Dialect::Document => out.heading(3, l.get(Key::MentorsHeading)),
    };
    out.list(mentors.iter().map(|m| Text::plain(load_line(l, m))));
}

/// The key-person table shows mentoring only where it says something: a
/// Mentees column when some holder mentors, and a note on risks no plan
/// addresses. An organisation with neither sees the table it always had.
pub fn key_columns(report: &BalanceReport) -> bool {
    report.key_people.iter().any(|k| k.mentees > 0)
}

/// The Mentees heading, for [`key_columns`].
pub fn mentees_head(l: Labels) -> String {
    heads(l, &[(R, Key::ColMentees)]).remove(0)
}

/// The Risk cell: "RISK", and "RISK; not addressed by any plan" when no
/// plan goal develops anyone in the skill to the key level.
pub fn risk_cell(l: Labels, k: &KeyPerson) -> String {
    match (k.risk, k.addressed) {
        (false, _) => String::new(),
        (true, true) => l.get(Key::Risk).to_string(),
        (true, false) => format!("{}; {}", l.get(Key::Risk), l.get(Key::NotAddressed)),
    }
}

/// Adds the Mentees column to a key-person grid built without it.
pub fn add_mentees(l: Labels, report: &BalanceReport, grid: &mut Grid, at: usize) {
    if !key_columns(report) {
        return;
    }
    let mut head = Grid::new(&[mentees_head(l)]).columns;
    grid.columns.insert(at, head.remove(0));
    // Only a terminal too narrow for the wrapped table folds the count
    // under the skill.
    grid.columns[at].fold = Some(crate::render::grid::LAST_RESORT);
    for (row, k) in grid.rows.iter_mut().zip(&report.key_people) {
        row.insert(at, l.int(k.mentees.into()));
    }
}

/// The plan workbook's mentors sheet: each mentor's unit and number of
/// mentees, as the summary lists them.
pub fn mentors_sheet(report: &PlanReport) -> Sheet {
    let mut sheet = Sheet::new(Key::SheetMentors, &["person", "name", "unit", "mentees"]);
    for m in &report.summary.mentors {
        sheet.rows.push(vec![
            Cell::text(&m.person),
            Cell::opt_text(m.name.as_ref()),
            Cell::opt_text(m.unit.as_ref()),
            Cell::int(m.mentees),
        ]);
    }
    sheet
}

/// The balance workbook's key-people sheet adds `mentees` and `addressed`
/// when some holder mentors or some skill is at risk; a workbook with
/// neither keeps the columns it always had.
pub fn key_people_sheet_columns(report: &BalanceReport, sheet: &mut Sheet) {
    if !key_columns(report) && !report.key_people.iter().any(|k| k.risk) {
        return;
    }
    sheet
        .columns
        .extend(["mentees", "addressed"].map(String::from));
    for (row, k) in sheet.rows.iter_mut().zip(&report.key_people) {
        row.extend([Cell::int(k.mentees), Cell::Bool(k.addressed)]);
    }
}
