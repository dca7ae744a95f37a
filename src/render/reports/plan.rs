//! `plan`: each person's goals with reasons, activities, the schedule's
//! finish dates and late goals (FORMAT r2 "Capacity and schedule") and who
//! to learn from (r2 "Mentors"), then the summary's effort per unit and
//! driver and the recruitment list: its outline, CSV rows and workbook.

use std::io;

use crate::render::outline::{Block, Builder, Dialect, Outline, Text, ToOutline};
use crate::render::reports::text::{
    activities_line, effort_hours, effort_line, level, person, plan_counts, reason, wishes,
};
use crate::render::reports::{EFFORT_COLUMNS, effort, opening};
use crate::render::table::{Cell, Field, Grid, Human, L, R, Sheet, ToXlsx, field_csv, heads};
use crate::render::words::{Key, Labels};
use crate::report::{
    EffortBy, Goal, LateGoal, MentorLoad, PersonPlan, PlanReport, PlanSummary, Reason, Recruitment,
};

use Dialect::{Document, Terminal};

/// `plan`: each person's goals with reasons and activities, then the summary.
impl ToOutline for PlanReport {
    fn outline_in(&self, dialect: Dialect, l: Labels) -> Outline {
        let mut blocks = Vec::new();
        self.tell(dialect, l, &mut |block| blocks.push(block));
        blocks
    }

    /// Person by person: a writer holds one person's plan at a time, not
    /// the plans of every person (issue 27 F18).
    fn tell(&self, dialect: Dialect, l: Labels, sink: &mut dyn FnMut(Block)) {
        let r = self;
        let mut out = Builder::to(sink);
        out.extend(
            opening(
                l,
                dialect,
                &plan_what(l, r),
                &r.organisation,
                r.as_of,
                Some((&r.mix, l.get(Key::PlanMixNote))),
            )
            .build(),
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
        use Key::{Recruitment, RecruitmentNone, RecruitmentTerminal};
        let keys = [RecruitmentNone, RecruitmentTerminal, Recruitment];
        listed(l, dialect, keys, recruitment, &mut out);
        out.para(reach_line(l, Key::ReachLine, &s.reach));
        // Issue 25: with `[cost]`, what the plans and recruitment cost, by year.
        if let (Some(cost), Some(years), Some(currency)) = (s.cost, &s.cost_by_year, &s.currency) {
            let by_year: Vec<String> = years
                .iter()
                .map(|(year, c)| format!("{year} {}", l.money(c.amount(), currency)))
                .collect();
            out.para(l.fill(
                Key::PlanCostLine,
                &[&l.money(cost.amount(), currency), &by_year.join(", ")],
            ));
        }
        late_goals(l, r, dialect, &mut out);
        mentors_summary(l, &r.summary, dialect, &mut out);
    }
}

/// One person's plan: who, their goals, activities and own wishes.
pub fn person_plan(
    l: Labels,
    r: &PlanReport,
    plan: &PersonPlan,
    dialect: Dialect,
    out: &mut Builder,
) {
    let name = format!(
        "{} ({})",
        plan.name.as_deref().unwrap_or(&plan.person),
        plan.person
    );
    let effort = effort_line(l, &plan.effort, &r.mix);
    match dialect {
        Terminal => {
            let mut about = vec![name];
            about.extend(plan.unit.as_deref().map(str::to_string));
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

/// FORMAT r3 "Reach" in a sentence worded by `key`.
pub fn reach_line(l: Labels, key: Key, reach: &crate::report::Reach) -> String {
    l.fill(
        key,
        &[
            &reach.any,
            &reach.people,
            &reach.experience,
            &reach.social,
            &reach.formal,
        ],
    )
}

/// A plan's goals: from, to, effort by mode, why and by when, laid out
/// from [`goal_fields`].
pub fn goals(l: Labels, report: &PlanReport, plan: &PersonPlan) -> Grid {
    use Key::*;
    let mut columns = vec![
        ColSkill, ColFrom, ColTo, ColHours, Experience, Social, Formal, ColWhy, ColBy,
    ];
    if report.logged {
        // FORMAT r3 "Hours done": what the log holds, and what is left.
        columns.extend([ColDone, ColRemaining]);
    }
    if report.scheduled {
        // FORMAT r2 "Capacity and schedule": when each goal is done.
        columns.extend([ColFinish, ColLate]);
    }
    // FORMAT r2 "Mentors": who to learn from, last; a narrow terminal
    // folds it under the goal after the deadline.
    columns.push(ColMentor);
    // Issue 25: with `[cost]`, each goal's cost, last.
    if report.summary.cost.is_some() {
        columns.push(ColCost);
    }
    let h = Human::new(l, Dialect::Terminal, &());
    let rows: Vec<GoalRow> = plan.goals.iter().map(|g| (report, plan, g)).collect();
    let grid = Grid::of(&h, &goal_fields(), &columns, &rows);
    // The effort line under the table has the split by mode. A narrow
    // terminal keeps the finish date and says "late" under the goal.
    let fold = grid.at(&[
        ColCost,
        Formal,
        Social,
        Experience,
        ColBy,
        ColDone,
        ColMentor,
        ColRemaining,
    ]);
    let last = grid.at(&[ColLate, ColFrom, ColFinish]);
    grid.fold(&fold).fold_last(&last)
}

/// The plan summary's effort per unit, then per driver (each when it has rows).
pub fn effort_summary(l: Labels, summary: &PlanSummary) -> Vec<Grid> {
    [
        (Key::ColUnit, &summary.by_unit, Key::NoUnit),
        (Key::ColDriver, &summary.by_driver, Key::RoleRequirements),
    ]
    .into_iter()
    .filter(|(_, rows, _)| !rows.is_empty())
    .map(|(title, rows, none)| effort_by(l, title, rows, none, summary.currency.as_deref()))
    .collect()
}

/// Effort per unit or per driver; `none` names the null key.
/// With `[cost]` (`currency`), each row's cost last (issue 25).
fn effort_by(l: Labels, title: Key, rows: &[EffortBy], none: Key, currency: Option<&str>) -> Grid {
    use Key::*;
    let mut columns = vec![
        (L, title),
        (R, ColGoals),
        (R, ColHours),
        (R, Experience),
        (R, Social),
        (R, Formal),
    ];
    columns.extend(currency.map(|_| (R, ColCost)));
    // A narrow terminal folds the cost under the unit or driver.
    let mut grid = Grid::new(&heads(l, &columns)).fold(&[6]);
    for r in rows {
        let mut row = vec![
            r.key.clone().unwrap_or_else(|| l.get(none).to_string()),
            l.int(r.goals as u64),
        ];
        row.extend(effort_hours(l, &r.effort));
        if let Some(currency) = currency {
            row.push(
                r.cost
                    .map_or_else(String::new, |c| l.money(c.amount(), currency)),
            );
        }
        grid.push(row);
    }
    grid
}

/// The recruitment list (*rekruttering/innleie*), laid out from
/// [`RECRUIT_FIELDS`].
pub fn recruitment(l: Labels, levels: &[String], rows: &[Recruitment]) -> Grid {
    use Key::*;
    let h = Human::new(l, Dialect::Terminal, levels);
    let order = [
        ColNeed,
        ColSkill,
        ColLevel,
        ColCount,
        ColPriority,
        ColBy,
        ColDriver,
    ];
    let grid = Grid::of(&h, RECRUIT_FIELDS, &order, rows);
    let fold = grid.at(&[ColDriver, ColBy, ColSkill]);
    grid.fold(&fold)
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
    let key = dialect.pick(Key::CapacityTerminal, Key::CapacityIs);
    plan.capacity.map(|c| l.fill(key, &[&l.hours(c)]))
}

/// The plan summary's late goals, need by need, when plans are scheduled.
pub fn late_goals(l: Labels, r: &PlanReport, dialect: Dialect, out: &mut Builder) {
    if !r.scheduled {
        return;
    }
    let late = (!r.summary.late.is_empty()).then(|| late_grid(l, r));
    let keys = [Key::LateGoalsNone, Key::LateGoalsTerminal, Key::LateGoals];
    listed(l, dialect, keys, late, out);
}

/// A list of the summary's: in a terminal the `none` line, or the `lead`
/// line and the grid; in a document its `heading`, then the grid or "none
/// needed".
fn listed(l: Labels, dialect: Dialect, keys: [Key; 3], grid: Option<Grid>, out: &mut Builder) {
    let [none, lead, heading] = keys;
    match (dialect, grid) {
        (Terminal, None) => out.para(l.get(none)),
        (Terminal, Some(grid)) => out.para(l.get(lead)).grid(grid),
        (Document, grid) => {
            out.heading(3, l.get(heading));
            match grid {
                None => out.para(l.get(Key::NoneNeeded)),
                Some(grid) => out.grid(grid),
            }
        }
    };
}

/// Need, deadline, person, skill, finish and the hours that do not fit,
/// laid out from [`LATE_FIELDS`].
fn late_grid(l: Labels, r: &PlanReport) -> Grid {
    use Key::*;
    let h = Human::new(l, Dialect::Terminal, r);
    let order = [
        ColNeed,
        ColBy,
        ColPerson,
        ColSkill,
        ColFinish,
        ColHoursShort,
    ];
    let grid = Grid::of(&h, LATE_FIELDS, &order, &r.summary.late);
    // The need's deadline, then the finish, go under the need on a narrow
    // terminal.
    let (fold, last) = (grid.at(&[ColBy]), grid.at(&[ColFinish]));
    grid.fold(&fold).fold_last(&last)
}

/// "Liv Aamodt (liv.aamodt), it/plattform, level 3 advanced" and, when the
/// goal has a host, "; job rotation: it/plattform". A goal without a mentor
/// points to an external network: nobody qualified, or everyone was full.
pub fn mentor_cell(l: Labels, levels: &[String], g: &Goal) -> String {
    let mut cell = match (&g.mentor, &g.mentor_info) {
        (Some(id), Some(info)) => {
            let mut parts = vec![person(id, info.name.as_deref())];
            parts.extend(info.unit.as_deref().map(str::to_string));
            parts.push(l.fill(Key::MentorLevel, &[&level(levels, info.level)]));
            parts.join(", ")
        }
        (Some(id), None) => id.to_string(),
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
pub fn mentors_summary(l: Labels, s: &PlanSummary, dialect: Dialect, out: &mut Builder) {
    let mentors = &s.mentors;
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
    const FIELDS: &[Field<MentorLoad>] = &[
        Field::new("person", |m| Cell::text(&m.person)),
        Field::new("name", |m| Cell::opt_text(m.name.as_ref())),
        Field::new("unit", |m| Cell::opt_text(m.unit.as_ref())),
        Field::new("mentees", |m| Cell::int(m.mentees)),
    ];
    Sheet::of(Key::SheetMentors, FIELDS, &report.summary.mentors)
}

/// A goal with its person's plan and the report: a row of `plan`.
type GoalRow<'a> = (&'a PlanReport, &'a PersonPlan, &'a Goal);

/// The columns of `plan`'s goals, for every format: the CSV's one row per
/// goal (r2's `renew`, `finish` (empty without capacity, or never) and
/// `late`, then r2 "Mentors"' `mentor` (person id) and `host` (unit),
/// empty when none), and the human table's columns by heading.
fn goal_fields<'a>() -> [Field<GoalRow<'a>>; 23] {
    use Key::*;
    type G<'a> = Field<GoalRow<'a>>;
    [
        G::new("person", |(_, p, _)| Cell::text(p.person.as_str())),
        G::new("name", |(_, p, _)| Cell::opt_text(p.name.as_ref())),
        G::new("unit", |(_, p, _)| Cell::opt_text(p.unit.as_ref())),
        G::new("role", |(_, p, _)| Cell::opt_text(p.role.as_ref())),
        G::new("skill", |(_, _, g)| Cell::text(g.skill.as_str()))
            .head(L, ColSkill)
            .shows(|(_, _, g), _| g.skill_name.to_string()),
        G::new("from", |(_, _, g)| Cell::int(g.from))
            .head(L, ColFrom)
            .shows(|(r, _, g), h| goal_from(h.l, &r.levels, g)),
        G::new("to", |(_, _, g)| Cell::int(g.to))
            .head(L, ColTo)
            .shows(|(r, _, g), _| level(&r.levels, g.to)),
        G::new(EFFORT_COLUMNS[0], |(_, _, g)| Cell::Num(g.effort.total)).head(R, ColHours),
        G::new(EFFORT_COLUMNS[1], |(_, _, g)| {
            Cell::Num(g.effort.experience)
        })
        .head(R, Experience),
        G::new(EFFORT_COLUMNS[2], |(_, _, g)| Cell::Num(g.effort.social)).head(R, Social),
        G::new(EFFORT_COLUMNS[3], |(_, _, g)| Cell::Num(g.effort.formal)).head(R, Formal),
        G::new("reasons", |(_, _, g)| {
            Cell::Tagged(
                g.reasons
                    .iter()
                    .map(|r| match r {
                        Reason::Role { role, .. } => ("role", role.to_string()),
                        Reason::Need { need, .. } => ("need", need.to_string()),
                    })
                    .collect(),
            )
        })
        .head(L, ColWhy)
        .shows(|(_, _, g), h| {
            let why: Vec<String> = g.reasons.iter().map(|r| reason(h.l, r)).collect();
            why.join("; ")
        }),
        G::new("by", |(_, _, g)| Cell::opt_date(g.by)).head(L, ColBy),
        G::new("activities", |(r, _, g)| {
            let names: Vec<&str> = r
                .activities_for(&g.skill)
                .iter()
                .map(|a| a.name.as_str())
                .collect();
            Cell::Text(names.join("; "))
        }),
        G::new("renew", |(_, _, g)| Cell::Bool(g.renew)),
        G::new("finish", |(_, _, g)| Cell::opt_date(g.finish))
            .head(L, ColFinish)
            .shows(|(_, p, g), h| schedule_cells(h.l, p, g)[0].clone()),
        G::new("late", |(_, _, g)| Cell::Bool(g.late))
            .head(L, ColLate)
            .shows(|(_, p, g), h| schedule_cells(h.l, p, g)[1].clone()),
        G::new("mentor", |(_, _, g)| Cell::opt_text(g.mentor.as_ref()))
            .head(L, ColMentor)
            .shows(|(r, _, g), h| mentor_cell(h.l, &r.levels, g)),
        // The workbook's goals name each mentor too, after the mentor's id
        // (the CSV keeps the id only): a person reads "Liv Aamodt", not "10008".
        G::new(MENTOR_NAME, |(_, _, g)| {
            Cell::opt_text(g.mentor_info.as_ref().and_then(|m| m.name.as_ref()))
        }),
        G::new("host", |(_, _, g)| Cell::opt_text(g.host.as_ref())),
        // FORMAT r3 "Hours done", last and only with an activity log
        // ([`LOG_COLUMNS`]), so a CSV without a log is as it was.
        G::new(LOG_COLUMNS[0], |(_, _, g)| {
            g.done.map_or(Cell::Empty, Cell::Num)
        })
        .head(R, ColDone),
        G::new(LOG_COLUMNS[1], |(_, _, g)| {
            g.remaining.map_or(Cell::Empty, |r| Cell::Num(r.total))
        })
        .head(R, ColRemaining)
        .shows(|(_, _, g), h| remaining_cell(h.l, g)),
        // Issue 25: the goal's cost, only with `[cost]`.
        G::new("cost", |(_, _, g)| {
            g.cost.map_or(Cell::Empty, |c| Cell::Num(c.amount()))
        })
        .head(R, ColCost)
        .shows(|(r, _, g), h| {
            let currency = r.summary.currency.as_deref().unwrap_or_default();
            g.cost
                .map_or_else(String::new, |c| h.l.money(c.amount(), currency))
        }),
    ]
}

/// The goal columns only an activity log gives (r3 "Hours done").
const LOG_COLUMNS: [&str; 2] = ["done_hours", "remaining_hours"];

/// A goal's remaining hours for people: "done, awaiting reassessment"
/// when the log holds every hour of it (r3 "Hours done").
pub fn remaining_cell(l: Labels, g: &Goal) -> String {
    match (g.done, g.remaining) {
        (Some(done), Some(r)) if done > 0.0 && r.total == 0.0 => l.get(Key::DueDone).to_string(),
        (_, Some(r)) => l.hours(r.total),
        _ => String::new(),
    }
}

/// The goal fields of `report`'s machine formats: all but the workbook's
/// mentor name (in CSV), and the log's only with a log.
fn machine_goal_fields<'a>(report: &PlanReport, csv: bool) -> Vec<Field<GoalRow<'a>>> {
    goal_fields()
        .into_iter()
        .filter(|f| !(csv && f.name == MENTOR_NAME))
        .filter(|f| report.logged || !LOG_COLUMNS.contains(&f.name))
        .filter(|f| report.summary.cost.is_some() || f.name != "cost")
        .collect()
}

/// Every goal of `report`, person by person: `plan`'s rows.
fn goal_rows(report: &PlanReport) -> Vec<GoalRow<'_>> {
    report
        .plans
        .iter()
        .flat_map(|p| p.goals.iter().map(move |g| (report, p, g)))
        .collect()
}

/// The workbook-only column of [`goal_fields`].
const MENTOR_NAME: &str = "mentor_name";

field_csv!(PlanReport, |r| machine_goal_fields(r, true), &goal_rows(r));

impl ToXlsx for PlanReport {
    fn sheets(&self) -> io::Result<Vec<Sheet>> {
        let rows = goal_rows(self);
        let goals = Sheet::of(Key::SheetGoals, &machine_goal_fields(self, false), &rows);
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

/// `plan`'s Recruit sheet: a row per need that recruits (gap's columns).
const RECRUIT_FIELDS: &[Field<Recruitment, [String]>] = &[
    Field::new("id", |r: &Recruitment| Cell::text(&r.need)).head(L, Key::ColNeed),
    Field::new("skill", |r: &Recruitment| Cell::text(&r.skill))
        .head(L, Key::ColSkill)
        .shows(|r, _| r.skill_name.clone()),
    Field::new("unit", |r: &Recruitment| Cell::opt_text(r.unit.as_ref())),
    Field::new("role", |r: &Recruitment| Cell::opt_text(r.role.as_ref())),
    Field::new("level", |r: &Recruitment| Cell::int(r.level))
        .head(L, Key::ColLevel)
        .shows(|r, h| level(h.of, r.level)),
    Field::new("recruit", |r: &Recruitment| Cell::int(r.count)).head(R, Key::ColCount),
    Field::new("priority", |r: &Recruitment| Cell::priority(r.priority)).head(L, Key::ColPriority),
    Field::new("by", |r: &Recruitment| Cell::opt_date(r.by)).head(L, Key::ColBy),
    Field::new("driver", |r: &Recruitment| {
        Cell::opt_text(r.driver.as_ref())
    })
    .head(L, Key::ColDriver),
];

/// The plan workbook's late goals: need, deadline, person, skill, whether
/// it renews, its finish (empty: never) and the hours that do not fit.
const LATE_FIELDS: &[Field<LateGoal, PlanReport>] = &[
    Field::new("id", |g: &LateGoal| Cell::text(g.need.as_str())).head(L, Key::ColNeed),
    Field::new("by", |g: &LateGoal| Cell::Date(g.by)).head(L, Key::ColBy),
    Field::new("person", |g: &LateGoal| Cell::text(g.person.as_str()))
        .head(L, Key::ColPerson)
        .shows(|g, _| person(&g.person, g.name.as_deref())),
    Field::new("name", |g: &LateGoal| Cell::opt_text(g.name.as_ref())),
    Field::new("skill", |g: &LateGoal| Cell::text(g.skill.as_str()))
        .head(L, Key::ColSkill)
        .shows(|g, h| {
            // The skill's name is on the person's goal; the id stands in.
            let name =
                h.of.plans
                    .iter()
                    .find(|p| p.person == g.person)
                    .and_then(|p| p.goals.iter().find(|x| x.skill == g.skill))
                    .map_or(g.skill.as_str(), |x| x.skill_name.as_str());
            if g.renew {
                h.l.fill(Key::RenewSkill, &[&name])
            } else {
                name.to_string()
            }
        }),
    Field::new("renew", |g: &LateGoal| Cell::Bool(g.renew)),
    Field::new("finish", |g: &LateGoal| Cell::opt_date(g.finish))
        .head(L, Key::ColFinish)
        .shows(|g, h| match g.finish {
            Some(date) => date.to_string(),
            None => h.l.get(Key::Never).to_string(),
        }),
    Field::new("short", |g: &LateGoal| Cell::Num(g.short)).head(R, Key::ColHoursShort),
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
