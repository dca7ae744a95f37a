//! `plan`: each person's goals with reasons, activities, the schedule's
//! finish dates and late goals (FORMAT r2 "Capacity and schedule") and who
//! to learn from (r2 "Mentors"), then the summary's effort per unit and
//! driver and the recruitment list: its outline, CSV rows and workbook.

use std::io;

use crate::model::Date;
use crate::render::outline::{Builder, Dialect, Outline, Text, ToOutline};
use crate::render::reports::text::{
    activities_line, effort_hours, effort_line, level, or_empty, person, plan_counts, reason,
    wishes,
};
use crate::render::reports::{EFFORT_COLUMNS, effort, names, opening};
use crate::render::table::{Cell, Field, Grid, L, R, RowSink, Sheet, ToCsv, ToXlsx, heads};
use crate::render::words::{Key, Labels};
use crate::report::{
    EffortBy, Goal, LateGoal, MentorLoad, PersonPlan, PlanReport, PlanSummary, Reason, Recruitment,
};

use Dialect::{Document, Terminal};

/// `plan`: each person's goals with reasons and activities, then the summary.
impl ToOutline for PlanReport {
    fn outline_in(&self, dialect: Dialect, l: Labels) -> Outline {
        let r = self;
        let mut out = opening(
            l,
            dialect,
            &plan_what(l, r),
            &r.organisation,
            r.as_of,
            Some((&r.mix, l.get(Key::PlanMixNote))),
        );
        for plan in &r.plans {
            person_plan(l, r, plan, dialect, &mut out);
        }
        if let Some(gap) = &r.toward {
            // FORMAT r3 "Readiness": the person's gap to another role.
            out.heading(
                2,
                l.fill(Key::TowardHeading, &[&gap.role, &l.percent(gap.readiness)]),
            )
            .para(l.fill(Key::TowardBasis, &[&gap.role]))
            .grid(crate::render::reports::person_gap::toward_grid(
                l, &r.levels, gap,
            ))
            .para(format!(
                "{} {}",
                l.get(Key::Effort),
                effort_line(l, &gap.effort, &r.mix)
            ));
        }
        let s = &r.summary;
        let effort = effort_line(l, &s.effort, &r.mix);
        match dialect {
            Terminal => out
                .heading(
                    2,
                    l.fill(Key::SummaryTerminal, &[&plan_counts(l, s), &effort]),
                )
                .para(l.get(Key::BasisPlan)),
            Document => out
                .heading(2, l.get(Key::Summary))
                .para(l.fill(Key::SummaryDocument, &[&plan_counts(l, s), &effort]))
                .para(l.get(Key::BasisPlan)),
        };
        for grid in effort_summary(l, s) {
            out.grid(grid);
        }
        let recruitment = (!s.recruit.is_empty()).then(|| recruitment(l, &r.levels, &s.recruit));
        match (dialect, recruitment) {
            (Terminal, None) => out.para(l.get(Key::RecruitmentNone)),
            (Terminal, Some(grid)) => out.para(l.get(Key::RecruitmentTerminal)).grid(grid),
            (Document, recruitment) => {
                out.heading(3, l.get(Key::Recruitment));
                match recruitment {
                    None => out.para(l.get(Key::NoneNeeded)),
                    Some(grid) => out.grid(grid),
                }
            }
        };
        out.para(reach_line(l, &s.reach));
        late_goals(l, r, dialect, &mut out);
        mentors_summary(l, r, dialect, &mut out);
        out.build()
    }
}

/// One person's plan: who, their goals, activities and own wishes.
fn person_plan(l: Labels, r: &PlanReport, plan: &PersonPlan, dialect: Dialect, out: &mut Builder) {
    let name = format!(
        "{} ({})",
        plan.name.as_deref().unwrap_or(&plan.person),
        plan.person
    );
    let effort = effort_line(l, &plan.effort, &r.mix);
    match dialect {
        Terminal => {
            let mut about = vec![name];
            about.extend(plan.unit.clone());
            about.extend(
                plan.role
                    .as_ref()
                    .map(|role| l.fill(Key::ScopeRole, &[role])),
            );
            about.extend(capacity(l, plan, dialect));
            out.heading(2, about.join(", "));
        }
        Document => {
            let mut about = Vec::new();
            about.extend(plan.unit.as_ref().map(|u| l.fill(Key::UnitIs, &[u])));
            about.extend(plan.role.as_ref().map(|role| l.fill(Key::RoleIs, &[role])));
            about.push(l.fill(Key::EffortIs, &[&effort]));
            about.extend(capacity(l, plan, dialect));
            out.heading(2, name).para(about.join(" · "));
        }
    }
    if plan.goals.is_empty() {
        match dialect {
            Terminal => out.list([Text::plain(l.get(Key::NoGoals))]),
            Document => out.para(l.get(Key::NoGoals)),
        };
    } else {
        out.grid(goals(l, r, plan));
        let activities = plan.goals.iter().map(|g| {
            let text = activities_line(l, r.activities_for(&g.skill));
            (g.skill_name.as_str(), text)
        });
        match dialect {
            Terminal => out
                .para(format!("{} {effort}", l.get(Key::Effort)))
                .para(l.get(Key::SuggestedTerminal))
                .list(activities.map(|(skill, text)| Text::plain(format!("{skill}: {text}")))),
            Document => {
                out.para(Text::default().strong(l.get(Key::Suggested)))
                    .list(activities.map(|(skill, text)| {
                        Text::default().strong(skill).and(format!(": {text}"))
                    }))
            }
        };
    }
    if let Some(w) = wishes(l, &r.levels, &plan.wishes) {
        match dialect {
            Terminal => out.para(l.fill(Key::WishesTerminal, &[&w])),
            Document => out.para(
                Text::default()
                    .strong(l.get(Key::WishesDocument))
                    .and(format!(" {w}")),
            ),
        };
    }
}

/// FORMAT r3 "Reach" in a sentence.
pub fn reach_line(l: Labels, reach: &crate::report::Reach) -> String {
    l.fill(
        Key::ReachLine,
        &[
            &reach.any,
            &reach.people,
            &reach.experience,
            &reach.social,
            &reach.formal,
        ],
    )
}

/// A plan's goals: from, to, effort by mode, why and by when.
pub fn goals(l: Labels, report: &PlanReport, plan: &PersonPlan) -> Grid {
    use Key::*;
    let mut columns = vec![
        (L, ColSkill),
        (L, ColFrom),
        (L, ColTo),
        (R, ColHours),
        (R, Experience),
        (R, Social),
        (R, Formal),
        (L, ColWhy),
        (L, ColBy),
    ];
    if report.scheduled {
        // FORMAT r2 "Capacity and schedule": when each goal is done.
        columns.extend([(L, ColFinish), (L, ColLate)]);
    }
    // FORMAT r2 "Mentors": who to learn from, last; a narrow terminal
    // folds it under the goal after the deadline.
    let mentor = columns.len();
    columns.push((L, ColMentor));
    // The effort line under the table has the split by mode. A narrow
    // terminal keeps the finish date and says "late" under the goal.
    let grid = Grid::new(&heads(l, &columns)).fold(&[6, 5, 4, 8, mentor]);
    let mut grid = if report.scheduled {
        grid.fold_last(&[10, 1, 9])
    } else {
        grid.fold_last(&[1])
    };
    for g in &plan.goals {
        let why: Vec<String> = g.reasons.iter().map(|r| reason(l, r)).collect();
        let mut row = vec![
            g.skill_name.clone(),
            goal_from(l, &report.levels, g),
            level(&report.levels, g.to),
        ];
        row.extend(effort_hours(l, &g.effort));
        row.extend([why.join("; "), or_empty(g.by)]);
        if report.scheduled {
            row.extend(schedule_cells(l, plan, g));
        }
        row.push(mentor_cell(l, &report.levels, g));
        grid.push(row);
    }
    grid
}

/// The plan summary's effort per unit, then per driver (each when it has rows).
pub fn effort_summary(l: Labels, summary: &PlanSummary) -> Vec<Grid> {
    [
        (Key::ColUnit, &summary.by_unit, Key::NoUnit),
        (Key::ColDriver, &summary.by_driver, Key::RoleRequirements),
    ]
    .into_iter()
    .filter(|(_, rows, _)| !rows.is_empty())
    .map(|(title, rows, none)| effort_by(l, title, rows, none))
    .collect()
}

/// Effort per unit or per driver; `none` names the null key.
fn effort_by(l: Labels, title: Key, rows: &[EffortBy], none: Key) -> Grid {
    use Key::*;
    let mut grid = Grid::new(&heads(
        l,
        &[
            (L, title),
            (R, ColGoals),
            (R, ColHours),
            (R, Experience),
            (R, Social),
            (R, Formal),
        ],
    ));
    for r in rows {
        let mut row = vec![
            r.key.clone().unwrap_or_else(|| l.get(none).to_string()),
            l.int(r.goals as u64),
        ];
        row.extend(effort_hours(l, &r.effort));
        grid.push(row);
    }
    grid
}

/// The recruitment list (*rekruttering/innleie*).
pub fn recruitment(l: Labels, levels: &[String], rows: &[Recruitment]) -> Grid {
    use Key::*;
    let mut grid = Grid::new(&heads(
        l,
        &[
            (L, ColNeed),
            (L, ColSkill),
            (L, ColLevel),
            (R, ColCount),
            (L, ColPriority),
            (L, ColBy),
            (L, ColDriver),
        ],
    ))
    .fold(&[6, 5, 1]);
    for r in rows {
        grid.push([
            r.need.clone(),
            r.skill_name.clone(),
            level(levels, r.level),
            l.int(r.count.into()),
            l.priority(r.priority).to_string(),
            or_empty(r.by),
            or_empty(r.driver.as_ref()),
        ]);
    }
    grid
}

/// A goal's From cell: "renew" for a renewal (its level is the To cell),
/// else the level it starts at.
pub fn goal_from(l: Labels, levels: &[String], g: &Goal) -> String {
    if g.renew {
        l.get(Key::RenewFrom).to_string()
    } else {
        level(levels, g.from)
    }
}

/// A goal's finish cell: the date, "never" when the person has no hours
/// for it (capacity 0), empty when their time is not limited.
pub fn finish(l: Labels, plan: &PersonPlan, g: &Goal) -> String {
    match (g.finish, plan.capacity) {
        (Some(date), _) => l.value(&date.to_string()).into_owned(),
        (None, Some(_)) => l.get(Key::Never).to_string(),
        (None, None) => String::new(),
    }
}

/// The goal grid's extra cells when plans are scheduled: finish, late.
pub fn schedule_cells(l: Labels, plan: &PersonPlan, g: &Goal) -> [String; 2] {
    let late = if g.late { l.get(Key::LateMark) } else { "" };
    [finish(l, plan, g), late.to_string()]
}

/// A person's capacity for their plan's heading, when it is limited.
pub fn capacity(l: Labels, plan: &PersonPlan, dialect: Dialect) -> Option<String> {
    let key = match dialect {
        Dialect::Terminal => Key::CapacityTerminal,
        Dialect::Document => Key::CapacityIs,
    };
    plan.capacity.map(|c| l.fill(key, &[&l.hours(c)]))
}

/// The plan summary's late goals, need by need, when plans are scheduled.
pub fn late_goals(l: Labels, r: &PlanReport, dialect: Dialect, out: &mut Builder) {
    if !r.scheduled {
        return;
    }
    let late = &r.summary.late;
    match (dialect, late.is_empty()) {
        (Dialect::Terminal, true) => {
            out.para(l.get(Key::LateGoalsNone));
            return;
        }
        (Dialect::Terminal, false) => out.para(l.get(Key::LateGoalsTerminal)),
        (Dialect::Document, true) => {
            out.heading(3, l.get(Key::LateGoals))
                .para(l.get(Key::NoneNeeded));
            return;
        }
        (Dialect::Document, false) => out.heading(3, l.get(Key::LateGoals)),
    };
    out.grid(late_grid(l, r));
}

/// Need, deadline, person, skill, finish and the hours that do not fit.
fn late_grid(l: Labels, r: &PlanReport) -> Grid {
    use Key::*;
    let mut grid = Grid::new(&heads(
        l,
        &[
            (L, ColNeed),
            (L, ColBy),
            (L, ColPerson),
            (L, ColSkill),
            (L, ColFinish),
            (R, ColHoursShort),
        ],
    ))
    // The need's deadline, then the finish, go under the need on a narrow
    // terminal.
    .fold(&[1])
    .fold_last(&[4]);
    for g in &r.summary.late {
        let plan = r.plans.iter().find(|p| p.person == g.person);
        // The skill's name is on the person's goal; the id stands in.
        let name = plan
            .and_then(|p| p.goals.iter().find(|x| x.skill == g.skill))
            .map_or(g.skill.as_str(), |x| x.skill_name.as_str());
        let skill = if g.renew {
            l.fill(RenewSkill, &[&name])
        } else {
            name.to_string()
        };
        let finish = match g.finish {
            Some(date) => date.to_string(),
            Option::None => l.get(Never).to_string(),
        };
        grid.push([
            g.need.clone(),
            g.by.to_string(),
            person(&g.person, g.name.as_deref()),
            skill,
            finish,
            l.hours(g.short),
        ]);
    }
    grid
}

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

/// The columns of `plan --format csv`: one row per goal; r2's `renew`,
/// `finish` (empty without capacity, or never) and `late`, then r2
/// "Mentors"' `mentor` (person id) and `host` (unit), empty when none.
pub const PLAN_COLUMNS: [&str; 19] = [
    "person",
    "name",
    "unit",
    "role",
    "skill",
    "from",
    "to",
    EFFORT_COLUMNS[0],
    EFFORT_COLUMNS[1],
    EFFORT_COLUMNS[2],
    EFFORT_COLUMNS[3],
    "reasons",
    "by",
    "activities",
    "renew",
    "finish",
    "late",
    "mentor",
    "host",
];

impl ToCsv for PlanReport {
    fn columns(&self) -> Vec<String> {
        names(&PLAN_COLUMNS)
    }

    fn write_rows(&self, sink: &mut dyn RowSink) -> io::Result<()> {
        for p in &self.plans {
            for g in &p.goals {
                let reasons: Vec<(&'static str, String)> = g
                    .reasons
                    .iter()
                    .map(|r| match r {
                        Reason::Role { role, .. } => ("role", role.clone()),
                        Reason::Need { need, .. } => ("need", need.clone()),
                    })
                    .collect();
                let activities: Vec<&str> = self
                    .activities_for(&g.skill)
                    .iter()
                    .map(|a| a.name.as_str())
                    .collect();
                let mut row = vec![
                    Cell::text(&p.person),
                    Cell::opt_text(p.name.as_ref()),
                    Cell::opt_text(p.unit.as_ref()),
                    Cell::opt_text(p.role.as_ref()),
                    Cell::text(&g.skill),
                    Cell::int(g.from),
                    Cell::int(g.to),
                ];
                row.extend(effort(&g.effort));
                row.extend([
                    Cell::Tagged(reasons),
                    Cell::opt_date(g.by),
                    Cell::Text(activities.join("; ")),
                    Cell::Bool(g.renew),
                    Cell::opt_date(g.finish),
                    Cell::Bool(g.late),
                    Cell::opt_text(g.mentor.as_ref()),
                    Cell::opt_text(g.host.as_ref()),
                ]);
                sink.row(&row)?;
            }
        }
        Ok(())
    }
}

impl ToXlsx for PlanReport {
    fn as_of(&self) -> Date {
        self.as_of
    }

    fn sheets(&self) -> io::Result<Vec<Sheet>> {
        let mut goals = Sheet::from_csv(Key::SheetGoals, self)?;
        mentor_names(self, &mut goals);
        let by_unit = effort_sheet(Key::SheetEffortByUnit, "unit", &self.summary.by_unit);
        let by_driver = effort_sheet(Key::SheetEffortByDriver, "driver", &self.summary.by_driver);
        let recruit = Sheet::of(Key::SheetRecruit, RECRUIT_FIELDS, &self.summary.recruit);
        let mut sheets = vec![goals, by_unit, by_driver, recruit];
        if self.scheduled {
            sheets.push(Sheet::of(Key::SheetLate, LATE_FIELDS, &self.summary.late));
        }
        if !self.summary.mentors.is_empty() {
            sheets.push(mentors_sheet(self));
        }
        Ok(sheets)
    }
}

/// The workbook's goals name each mentor too, after the mentor's id (the
/// CSV keeps the id only): a person reads "Liv Aamodt", not "10008".
fn mentor_names(report: &PlanReport, sheet: &mut Sheet) {
    let Some(at) = sheet.columns.iter().position(|c| c == "mentor") else {
        return;
    };
    sheet.columns.insert(at + 1, "mentor_name".to_string());
    let goals = report.plans.iter().flat_map(|p| p.goals.iter());
    for (row, g) in sheet.rows.iter_mut().zip(goals) {
        let name = g.mentor_info.as_ref().and_then(|m| m.name.as_ref());
        row.insert(at + 1, Cell::opt_text(name));
    }
}

/// `plan`'s Recruit sheet: a row per need that recruits (gap's columns).
const RECRUIT_FIELDS: &[Field<Recruitment>] = &[
    Field::new("id", |r| Cell::text(&r.need)),
    Field::new("skill", |r| Cell::text(&r.skill)),
    Field::new("unit", |r| Cell::opt_text(r.unit.as_ref())),
    Field::new("role", |r| Cell::opt_text(r.role.as_ref())),
    Field::new("level", |r| Cell::int(r.level)),
    Field::new("recruit", |r| Cell::int(r.count)),
    Field::new("priority", |r| Cell::priority(r.priority)),
    Field::new("by", |r| Cell::opt_date(r.by)),
    Field::new("driver", |r| Cell::opt_text(r.driver.as_ref())),
];

/// `plan` with capacity: the goals finishing after a need's deadline
/// (FORMAT r2 "Capacity and schedule"); finish empty: never.
const LATE_FIELDS: &[Field<LateGoal>] = &[
    Field::new("id", |g| Cell::text(&g.need)),
    Field::new("by", |g| Cell::Date(g.by)),
    Field::new("person", |g| Cell::text(&g.person)),
    Field::new("name", |g| Cell::opt_text(g.name.as_ref())),
    Field::new("skill", |g| Cell::text(&g.skill)),
    Field::new("renew", |g| Cell::Bool(g.renew)),
    Field::new("finish", |g| Cell::opt_date(g.finish)),
    Field::new("short", |g| Cell::Num(g.short)),
];

/// Effort added up by unit or driver: one row per key.
pub fn effort_sheet(name: Key, key: &str, rows: &[EffortBy]) -> Sheet {
    let mut columns = vec![key, "goals"];
    columns.extend(EFFORT_COLUMNS);
    let mut sheet = Sheet::new(name, &columns);
    for e in rows {
        let mut row = vec![Cell::opt_text(e.key.as_ref()), Cell::count(e.goals)];
        row.extend(effort(&e.effort));
        sheet.rows.push(row);
    }
    sheet
}
