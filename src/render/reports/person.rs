//! The personal page (`report --person ID`, issue 23), "Min kompetanse":
//! its outline (HTML and Markdown lay it out) and its workbook. It words
//! what [`PersonReport`] holds, one section a part of the page, and
//! computes nothing; the page's privacy is the report's (no one else is
//! in it but mentors and mentees).

use std::io;

use crate::render::outline::{Block, Builder, Dialect, Outline, Text, ToOutline};
use crate::render::reports::plan::{goal_from, mentor_cell, schedule_cells};
use crate::render::reports::text::{
    activities_line, effort_hours, effort_line, level, or_empty, person,
};
use crate::render::table::{Cell, Field, Grid, Human, L, R, Sheet, ToXlsx, heads};
use crate::render::words::{Key, Labels};
use crate::report::{
    Goal, NeedPart, PersonGap, PersonLevel, PersonNeed, PersonPlan, PersonReport, PersonWish,
    RoleSkillGap,
};

/// The page, in either dialect (it is a document: HTML and Markdown). Two
/// columns where there is room, so a typical person's page prints on one
/// sheet: levels beside the role, needs beside wishes and mentees, then
/// the goals across the page.
impl ToOutline for PersonReport {
    fn outline_in(&self, _dialect: Dialect, l: Labels) -> Outline {
        use Key::*;
        let r = self;
        let mut out = Builder::default();
        let who = r.name.as_deref().unwrap_or(&r.person);
        let mut about = vec![r.organisation.clone()];
        about.extend(r.unit.as_ref().map(|u| l.fill(UnitIs, &[u])));
        about.extend(r.role.as_ref().map(|role| l.fill(RoleIs, &[role])));
        about.push(format!("{} {}", l.get(AsOf), l.value(&r.as_of.to_string())));
        out.title(l.fill(PersonTitle, &[&who]))
            .push(Block::Subtitle(about.join(" · ")))
            .push(Block::Columns(vec![levels_part(r, l), role_part(r, l)]))
            .push(Block::Columns(vec![needs_part(r, l), wishes_part(r, l)]))
            .body(goals_part(r, l))
            .body(activities_part(r, l));
        out.build()
    }
}

/// Every assessed skill: level, when assessed, expiry, stale, interest.
fn levels_part(r: &PersonReport, l: Labels) -> Outline {
    use Key::*;
    let mut out = Builder::default();
    out.heading(2, l.get(PersonLevels));
    if r.levels.is_empty() {
        out.para(l.get(PersonLevelsNone));
        return out.build();
    }
    // A Source column only where some level says where it comes from.
    let sources = r.levels.iter().any(|s| s.source.is_some());
    let mut order = vec![ColSkill, ColLevel, ColAssessed, Expires, Stale, ColInterest];
    order.extend(sources.then_some(ColSource));
    let h = Human::new(l, Dialect::Document, r);
    out.grid(Grid::of(&h, LEVEL_FIELDS, &order, &r.levels));
    out.build()
}

/// An assessed skill: the page's table and the workbook's sheet.
const LEVEL_FIELDS: &[LevelField] = &[
    LevelField::new("skill", |s| Cell::text(&s.skill))
        .head(L, Key::ColSkill)
        .shows(|s, _| s.skill_name.clone()),
    LevelField::new("level", |s| Cell::int(s.level))
        .head(R, Key::ColLevel)
        .shows(|s, h| level(&h.of.levels_named, s.level)),
    LevelField::new("assessed", |s| Cell::opt_date(s.assessed)).head(R, Key::ColAssessed),
    LevelField::new("expires", |s| Cell::opt_date(s.expires)).head(R, Key::Expires),
    LevelField::new("stale", |s| Cell::Bool(s.stale))
        .head(L, Key::Stale)
        .shows(|s, h| yes(h.l, s.stale)),
    LevelField::new("interest", |s| Cell::Bool(s.interest))
        .head(L, Key::ColInterest)
        .shows(|s, h| yes(h.l, s.interest)),
    LevelField::new("source", |s| s.source.map_or(Cell::Empty, Cell::Term)).head(L, Key::ColSource),
];

type LevelField = Field<PersonLevel, PersonReport>;

/// The role's targets, the gaps and readiness.
fn role_part(r: &PersonReport, l: Labels) -> Outline {
    use Key::*;
    let levels = &r.levels_named;
    let mut out = Builder::default();
    let Some(gap) = &r.role_gap else {
        out.heading(2, l.get(ColRole)).para(l.get(PersonNoRole));
        talk_part(r, l, &mut out);
        return out.build();
    };
    out.heading(2, l.fill(PersonRole, &[&gap.role]))
        .para(l.fill(PersonReadiness, &[&l.percent(gap.readiness)]));
    let mut grid = Grid::new(&heads(
        l,
        &[
            (L, ColSkill),
            (R, HeadCurrent),
            (R, ColTarget),
            (R, ColGap),
            (R, ColHours),
        ],
    ));
    for s in &gap.skills {
        grid.push([
            s.skill_name.clone(),
            level(levels, s.current),
            level(levels, s.target),
            s.gap.to_string(),
            l.hours(s.effort.total),
        ]);
    }
    out.grid(grid);
    talk_part(r, l, &mut out);
    out.build()
}

/// The needs that concern the person, and their part in each.
fn needs_part(r: &PersonReport, l: Labels) -> Outline {
    use Key::*;
    let mut out = Builder::default();
    out.heading(2, l.get(PersonNeeds));
    if r.needs.is_empty() {
        out.para(l.get(PersonNeedsNone));
        return out.build();
    }
    let order = [ColNeed, ColLevel, ColPriority, ColBy, ColPart];
    let h = Human::new(l, Dialect::Document, r);
    out.grid(Grid::of(&h, NEED_FIELDS, &order, &r.needs));
    out.build()
}

/// A need that concerns the person: the page's table and the workbook's
/// sheet.
const NEED_FIELDS: &[Field<PersonNeed, PersonReport>] = &[
    Field::new("id", |n: &PersonNeed| Cell::text(&n.need)).head(L, Key::ColNeed),
    Field::new("skill", |n: &PersonNeed| Cell::text(&n.skill)),
    Field::new("level", |n: &PersonNeed| Cell::int(n.level))
        .head(L, Key::ColLevel)
        .shows(|n, h| format!("{} {}", n.skill_name, level(&h.of.levels_named, n.level))),
    Field::new("priority", |n: &PersonNeed| Cell::priority(n.priority)).head(L, Key::ColPriority),
    Field::new("by", |n: &PersonNeed| Cell::opt_date(n.by)).head(R, Key::ColBy),
    Field::new("part", |n: &PersonNeed| {
        Cell::Term(match n.part {
            NeedPart::Counts => "counts",
            NeedPart::Renew => "renew",
            NeedPart::Develop => "develop",
        })
    })
    .head(L, Key::ColPart),
];

/// What the person's skills and levels mean (r3 descriptions), and their
/// skills whose self and manager levels are far apart (r3 "Calibration"):
/// under the role's targets, where the page has room.
fn talk_part(r: &PersonReport, l: Labels, out: &mut Builder) {
    use Key::*;
    let levels = &r.levels_named;
    // What the skills and the person's levels in them mean (r3).
    let meanings: Vec<Text> = r
        .levels
        .iter()
        // Skills described; a level meaning only the scale gives is the same
        // text for every skill, and the page has room for what differs.
        .filter(|s| s.description.is_some())
        .map(|s| {
            let mut text = Text::default().strong(&s.skill_name);
            if let Some(d) = &s.description {
                let stop = if d.trim_end().ends_with(['.', '!', '?']) {
                    ""
                } else {
                    "."
                };
                text = text.and(format!(": {}{stop}", d.trim_end()));
            }
            if let Some(m) = &s.meaning {
                text = text.and(format!(" {}: {m}", level(levels, s.level)));
            }
            text
        })
        .collect();
    if !meanings.is_empty() {
        out.heading(3, l.get(PersonMeanings)).list(meanings);
    }
    if !r.calibration.is_empty() {
        let name = |skill: &str| {
            r.levels
                .iter()
                .find(|s| s.skill == skill)
                .map_or(skill.to_string(), |s| s.skill_name.clone())
        };
        out.heading(3, l.get(PersonCalibration))
            .list(r.calibration.iter().map(|c| {
                Text::default().strong(name(&c.skill)).and(format!(
                    ": {}",
                    l.fill(
                        PersonCalibrationItem,
                        &[
                            &level(levels, c.own),
                            &level(levels, c.manager),
                            &level(levels, c.counted)
                        ]
                    )
                ))
            }));
    }
}

/// Wishes and where they meet a need, and the goals the person mentors.
fn wishes_part(r: &PersonReport, l: Labels) -> Outline {
    use Key::*;
    let levels = &r.levels_named;
    let mut out = Builder::default();
    if !r.wishes.is_empty() {
        out.heading(2, l.get(PersonWishes))
            .list(r.wishes.iter().map(|w| {
                let mut notes: Vec<String> =
                    w.needs.iter().map(|n| l.fill(WishMeets, &[n])).collect();
                if w.goal {
                    notes.push(l.get(WishInPlan).to_string());
                }
                if notes.is_empty() {
                    notes.push(l.get(WishNoNeed).to_string());
                }
                Text::default().strong(&w.skill_name).and(format!(
                    " ({}): {}",
                    level(levels, w.level),
                    notes.join("; ")
                ))
            }));
    }
    if !r.mentees.is_empty() {
        let mut grid = Grid::new(&heads(
            l,
            &[
                (L, ColPerson),
                (L, ColSkill),
                (L, ColFrom),
                (L, ColTo),
                (L, ColBy),
            ],
        ));
        for (mentee, g) in mentee_goals(&r.mentees) {
            grid.push([
                person(&mentee.person, mentee.name.as_deref()),
                g.skill_name.to_string(),
                goal_from(l, levels, g),
                level(levels, g.to),
                or_empty(g.by),
            ]);
        }
        out.heading(2, l.get(PersonMentees)).grid(grid);
    }
    out.build()
}

/// The goals (hours by mode, finish, mentor and host) and the effort.
fn goals_part(r: &PersonReport, l: Labels) -> Outline {
    use Key::*;
    let mut out = Builder::default();
    // `body` puts headings one level down: this is a level-2 heading.
    out.heading(1, l.get(PersonGoals));
    let plan = &r.plan;
    if plan.goals.is_empty() {
        out.para(l.get(NoGoals));
        return out.build();
    }
    out.grid(goal_grid(r, l)).para(
        Text::default()
            .strong(l.get(Effort))
            .and(format!(" {}", effort_line(l, &plan.effort, &r.mix))),
    );
    out.build()
}

/// The activities suggested for each goal's skill.
fn activities_part(r: &PersonReport, l: Labels) -> Outline {
    let mut out = Builder::default();
    let plan = &r.plan;
    if plan.goals.is_empty() {
        return out.build();
    }
    let activities: Vec<Text> = plan
        .goals
        .iter()
        .map(|g| {
            let found = r
                .activities
                .iter()
                .find(|a| a.skill == g.skill)
                .map_or(&[][..], |a| &a.suggestions);
            Text::default()
                .strong(g.skill_name.as_str())
                .and(format!(": {}", activities_line(l, found)))
        })
        .collect();
    // `body` puts headings one level down: this is a level-2 heading.
    out.heading(1, l.get(Key::Suggested)).list(activities);
    out.build()
}

/// The page's goals, narrower than `plan`'s (the needs and the role, the
/// reasons, are beside them on the page): levels as "1 → 3 advanced",
/// hours by mode, deadline, finish and mentor.
fn goal_grid(r: &PersonReport, l: Labels) -> Grid {
    use Key::*;
    let levels = &r.levels_named;
    let mut columns = vec![
        (L, ColSkill),
        (R, ColLevel),
        (R, ColHours),
        (R, Experience),
        (R, Social),
        (R, Formal),
        (R, ColBy),
    ];
    // FORMAT r3 "Hours done": with an activity log, what remains.
    let logged = r.plan.goals.iter().any(|g| g.remaining.is_some());
    if logged {
        columns.push((R, ColRemaining));
    }
    if r.scheduled {
        columns.push((R, ColFinish));
    }
    columns.push((L, ColMentor));
    let mut grid = Grid::new(&heads(l, &columns));
    for g in &r.plan.goals {
        let step = if g.renew {
            format!("{} {}", goal_from(l, levels, g), level(levels, g.to))
        } else {
            format!("{} → {}", g.from, level(levels, g.to))
        };
        let mut row = vec![g.skill_name.to_string(), step];
        row.extend(effort_hours(l, &g.effort));
        row.push(or_empty(g.by));
        if logged {
            row.push(crate::render::reports::plan::remaining_cell(l, g));
        }
        if r.scheduled {
            row.push(
                schedule_cells(l, &r.plan, g)
                    .join(" ")
                    .trim_end()
                    .to_string(),
            );
        }
        row.push(mentor_cell(l, levels, g));
        grid.push(row);
    }
    grid
}

fn yes(l: Labels, value: bool) -> String {
    if value {
        l.get(Key::Yes).to_string()
    } else {
        String::new()
    }
}

/// Each mentored goal with its mentee, mentee by mentee.
fn mentee_goals(
    mentees: &[PersonPlan],
) -> impl Iterator<Item = (&PersonPlan, &crate::report::Goal)> {
    mentees
        .iter()
        .flat_map(|m| m.goals.iter().map(move |g| (m, g)))
}

/// The page's workbook: levels, role gaps, needs, goals, wishes, mentees.
impl ToXlsx for PersonReport {
    fn sheets(&self) -> io::Result<Vec<Sheet>> {
        let r = self;
        let levels = Sheet::of(Key::SheetLevels, LEVEL_FIELDS, &r.levels);
        let gaps: Vec<RoleRow> = (r.role_gap.iter())
            .flat_map(|gap| gap.skills.iter().map(move |s| (gap, s)))
            .collect();
        let gaps = Sheet::of(Key::SheetPersonGaps, &role_fields(), &gaps);
        let needs = Sheet::of(Key::SheetNeeds, NEED_FIELDS, &r.needs);
        let goals = Sheet::of(Key::SheetGoals, GOAL_FIELDS, &r.plan.goals);
        let wishes = Sheet::of(Key::SheetWishes, WISH_FIELDS, &r.wishes);
        let mentees: Vec<_> = mentee_goals(&r.mentees).collect();
        let mentees = Sheet::of(Key::SheetMentees, &mentee_fields(), &mentees);
        Ok(vec![levels, gaps, needs, goals, wishes, mentees])
    }
}

/// A skill of the person's role, with the role's gap: a row of the sheet.
type RoleRow<'a> = (&'a PersonGap, &'a RoleSkillGap);

fn role_fields<'a>() -> [Field<RoleRow<'a>>; 6] {
    [
        Field::new("role", |(gap, _)| Cell::text(&gap.role)),
        Field::new("skill", |(_, s)| Cell::text(&s.skill)),
        Field::new("current", |(_, s)| Cell::int(s.current)),
        Field::new("target", |(_, s)| Cell::int(s.target)),
        Field::new("gap", |(_, s)| Cell::int(s.gap)),
        Field::new("hours", |(_, s)| Cell::Num(s.effort.total)),
    ]
}

const GOAL_FIELDS: &[Field<Goal>] = &[
    Field::new("skill", |g| Cell::text(g.skill.as_str())),
    Field::new("from", |g| Cell::int(g.from)),
    Field::new("to", |g| Cell::int(g.to)),
    Field::new("effort_hours", |g| Cell::Num(g.effort.total)),
    Field::new("experience_hours", |g| Cell::Num(g.effort.experience)),
    Field::new("social_hours", |g| Cell::Num(g.effort.social)),
    Field::new("formal_hours", |g| Cell::Num(g.effort.formal)),
    Field::new("by", |g| Cell::opt_date(g.by)),
    Field::new("finish", |g| Cell::opt_date(g.finish)),
    Field::new("late", |g| Cell::Bool(g.late)),
    Field::new("mentor", |g| Cell::opt_text(g.mentor.as_ref())),
    Field::new("mentor_name", |g| {
        Cell::opt_text(g.mentor_info.as_ref().and_then(|m| m.name.as_ref()))
    }),
    Field::new("host", |g| Cell::opt_text(g.host.as_ref())),
];

const WISH_FIELDS: &[Field<PersonWish>] = &[
    Field::new("skill", |w| Cell::text(&w.skill)),
    Field::new("level", |w| Cell::int(w.level)),
    Field::new("needs", |w| Cell::text(w.needs.join(", "))),
    Field::new("goals", |w| Cell::Bool(w.goal)),
];

fn mentee_fields<'a>() -> [Field<(&'a PersonPlan, &'a Goal)>; 6] {
    [
        Field::new("person", |(m, _)| Cell::text(m.person.as_str())),
        Field::new("name", |(m, _)| Cell::opt_text(m.name.as_ref())),
        Field::new("skill", |(_, g)| Cell::text(g.skill.as_str())),
        Field::new("from", |(_, g)| Cell::int(g.from)),
        Field::new("to", |(_, g)| Cell::int(g.to)),
        Field::new("by", |(_, g)| Cell::opt_date(g.by)),
    ]
}
