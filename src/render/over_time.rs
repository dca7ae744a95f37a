//! The human wording of competence over time (FORMAT.md r2 "Horizon",
//! "Renew", "Capacity and schedule"): who renews a need, a deadline that
//! has passed, late counts, a goal that is a renewal, finish dates, a
//! person's capacity and the plan summary's late goals. [`layout`] calls
//! these where a gap or a plan shows them, so the outlines of reports
//! without renewals or capacity stay as they were.
//!
//! Like the layouts, this only words what the report holds: it never
//! computes a date, a count or an hour.
//!
//! [`layout`]: crate::render::layout

use crate::render::grid::{self, Grid, L, R};
use crate::render::words::{Key, Labels};
use crate::render::outline::{Builder, Dialect, Text};
use crate::render::text::{level, person};
use crate::report::{GapReport, GapTotals, Goal, NeedGap, PersonPlan, PlanReport};

/// `gap` (terminal): the needs whose deadline has passed, the late note,
/// and who to renew for each need, before the develop list.
pub fn gap_terminal(l: Labels, r: &GapReport, out: &mut Builder) {
    gap_notes(l, r, out);
    let renew: Vec<Text> = r
        .needs
        .iter()
        .filter(|n| !n.renew.is_empty())
        .map(|n| Text::plain(format!("{}: {}", n.id, renewals(l, n, Key::RenewItem))))
        .collect();
    if !renew.is_empty() {
        out.heading(2, l.get(Key::RenewHeading)).list(renew);
    }
}

/// A need's renewals on one line, each worded by `item` (person, level,
/// expires, hours).
fn renewals(l: Labels, n: &NeedGap, item: Key) -> String {
    let people: Vec<String> = n
        .renew
        .iter()
        .map(|x| {
            let who = person(&x.person, x.name.as_deref());
            l.fill(item, &[&who, &x.level, &x.expires, &l.int(x.hours)])
        })
        .collect();
    people.join(", ")
}

/// `gap`, both dialects: a paragraph per need whose deadline has passed,
/// and what the Late column counts when some need has late people.
pub fn gap_notes(l: Labels, r: &GapReport, out: &mut Builder) {
    // FORMAT r2 "Horizon": a deadline before D is evaluated at D.
    for n in &r.needs {
        if let Some(by) = n.by.filter(|&by| by != n.horizon) {
            out.para(l.fill(Key::HorizonPassed, &[&n.id, &by, &n.horizon]));
        }
    }
    if r.scheduled && r.needs.iter().any(|n| n.late > 0) {
        out.para(l.get(Key::LateNote));
    }
    // FORMAT r2 "Present": what the Leaving and Arriving columns count.
    for note in crate::render::present::gap_notes(l, &r.needs) {
        out.para(note);
    }
}

/// `gap` (document): "Renew for **need**: ..." items, one per need that
/// renews, to go before the develop items.
pub fn renew_document(l: Labels, r: &GapReport) -> Vec<Text> {
    r.needs
        .iter()
        .filter(|n| !n.renew.is_empty())
        .map(|n| {
            Text::plain(l.get(Key::RenewFor))
                .strong(&n.id)
                .and(format!(": {}", renewals(l, n, Key::RenewDocumentItem)))
        })
        .collect()
}

/// `gap` (document): the totals sentence, naming renewals only when there
/// are some (so a report without them reads as it always did).
pub fn gap_total_document(l: Labels, t: &GapTotals) -> String {
    let needs = l.count(t.needs, Key::NeedNoun, Key::NeedsNoun);
    let (unmet, shortfall) = (l.int(t.unmet as u64), l.int(t.shortfall));
    let (develop, recruit) = (l.int(t.develop as u64), l.int(t.recruit));
    if t.renew > 0 {
        let renew = l.int(t.renew as u64);
        l.fill(
            Key::GapTotalDocumentRenew,
            &[&needs, &unmet, &shortfall, &renew, &develop, &recruit],
        )
    } else {
        l.fill(
            Key::GapTotalDocument,
            &[&needs, &unmet, &shortfall, &develop, &recruit],
        )
    }
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
        (Some(date), _) => date.to_string(),
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
    let mut grid = Grid::new(&grid::heads(
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
