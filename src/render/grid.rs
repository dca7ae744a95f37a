//! Grids: a report part as a header and rows of text, before any format
//! draws it. The human formats (table, markdown) lay out the same grids
//! their own way, so a part shown alike in both is built here once.
//!
//! A grid holds text only: no borders, no escaping, no alignment beyond a
//! flag per column. Parts that the two formats word differently stay in
//! their format's file.

use crate::render::words::{Key, Labels};
use crate::render::mentoring;
use crate::render::over_time;
use crate::render::present;
use crate::render::text::{effort_hours, group_title, level, or_empty, reason};
use crate::report::{
    BalanceReport, EffortBy, GapGroupsReport, GapReport, NeedGap, PersonPlan, PlanReport,
    PlanSummary, Recruitment, SkillBalance,
};

/// The first fold rank of [`Grid::fold_last`]'s columns.
pub const LAST_RESORT: u8 = 128;

/// One column: its heading, whether its cells are right-aligned (numbers),
/// and whether a narrow table may fold it away (see [`Grid::fold`]).
#[derive(Debug, Clone)]
pub struct Column {
    pub name: String,
    pub right: bool,
    /// When the table is too wide for its terminal, folded columns leave
    /// the table, lowest rank first, and their values become a line under
    /// the row's first cell ("By: 2027-06-30; Driver: sky"). None: kept.
    pub fold: Option<u8>,
}

/// A header and rows of cells, one cell per column.
#[derive(Debug, Clone)]
pub struct Grid {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
}

impl Grid {
    /// A grid with these headings; a leading '>' marks a right-aligned column.
    pub fn new<S: AsRef<str>>(header: &[S]) -> Grid {
        let columns = header
            .iter()
            .map(|h| {
                let h = h.as_ref();
                Column {
                    name: h.trim_start_matches('>').to_string(),
                    right: h.starts_with('>'),
                    fold: None,
                }
            })
            .collect();
        Grid {
            columns,
            rows: Vec::new(),
        }
    }

    /// The columns a narrow table folds first, least important first (by
    /// index). The first column left takes the others' values; a grid keeps
    /// at least one column unfolded.
    pub fn fold(mut self, order: &[usize]) -> Grid {
        for (rank, &i) in order.iter().enumerate() {
            if let Some(c) = self.columns.get_mut(i) {
                c.fold = Some(rank as u8);
            }
        }
        self
    }

    /// Columns folded only when the table cannot fit otherwise, even with
    /// its cells wrapped (its longest words alone too wide), after the
    /// [`fold`](Grid::fold) ones, in this order.
    pub fn fold_last(mut self, order: &[usize]) -> Grid {
        for (rank, &i) in order.iter().enumerate() {
            if let Some(c) = self.columns.get_mut(i) {
                c.fold = Some(LAST_RESORT.saturating_add(rank as u8));
            }
        }
        self
    }

    pub fn push(&mut self, row: impl IntoIterator<Item = String>) {
        self.rows.push(row.into_iter().collect());
    }
}

/// Headings from the catalogue, capitalised (the learning-mix modes are
/// lower case in running text), right-aligned ones (numbers) marked `>`.
pub fn heads(l: Labels, keys: &[(bool, Key)]) -> Vec<String> {
    keys.iter()
        .map(|&(right, k)| {
            let mut chars = l.get(k).chars();
            let first: String = chars
                .next()
                .into_iter()
                .flat_map(char::to_uppercase)
                .collect();
            format!("{}{first}{}", if right { ">" } else { "" }, chars.as_str())
        })
        .collect()
}

/// A left-aligned column, for [`heads`].
pub const L: bool = false;
/// A right-aligned column, for [`heads`].
pub const R: bool = true;

/// The columns of the gap grid: a Renew column only when some need renews
/// (an organisation without expiring holders sees the grid it always had),
/// a Late column only when plans are scheduled (FORMAT r2), and Leaving
/// and Arriving only when some need has people leaving or arriving before
/// its deadline (r2 "Present").
fn need_columns(report: &GapReport) -> Vec<(bool, Key)> {
    use Key::*;
    let renew = report.needs.iter().any(|n| !n.renew.is_empty());
    let (leaving, arriving) = present::gap_columns(&report.needs);
    let mut columns = vec![
        (L, ColNeed),
        (L, ColSkill),
        (L, ColScope),
        (L, ColLevel),
        (R, ColHave),
        (R, ColShort),
        (R, ColCoverage),
    ];
    columns.extend(leaving.then_some((R, ColLeaving)));
    columns.extend(arriving.then_some((R, ColArriving)));
    columns.extend(renew.then_some((R, ColRenew)));
    columns.extend([(R, ColDevelop), (R, ColRecruit)]);
    columns.extend(report.scheduled.then_some((R, ColLate)));
    columns.extend([(R, ColHours), (L, ColPriority), (L, ColBy), (L, ColDriver)]);
    columns
}

/// The indices of `keys` among `columns`, in the order of `keys`.
fn positions(columns: &[(bool, Key)], keys: &[Key]) -> Vec<usize> {
    keys.iter()
        .filter_map(|k| columns.iter().position(|(_, c)| c == k))
        .collect()
}

/// `gap`: a row per need. The formats word a need's scope and level
/// differently, so they pass those in.
pub fn needs(
    l: Labels,
    report: &GapReport,
    scope: impl Fn(&NeedGap) -> String,
    level: impl Fn(&NeedGap) -> String,
) -> Grid {
    use Key::*;
    let columns = need_columns(report);
    // Scope, date and driver say where and why; the counts are the table,
    // and the skill's name says more to a person than the need's id.
    let fold = positions(
        &columns,
        &[
            ColDriver,
            ColBy,
            ColArriving,
            ColLeaving,
            ColScope,
            ColPriority,
            ColNeed,
            ColDevelop,
            ColRenew,
            ColLevel,
        ],
    );
    // Late is a warning sign, kept as long as the counts fit.
    let mut grid = Grid::new(&heads(l, &columns))
        .fold(&fold)
        .fold_last(&positions(&columns, &[ColLate]));
    for n in &report.needs {
        grid.push(columns.iter().map(|&(_, key)| match key {
            ColNeed => n.id.clone(),
            ColSkill => n.skill_name.clone(),
            ColScope => scope(n),
            ColLevel => level(n),
            ColHave => format!("{}/{}", l.int(n.have.into()), l.int(n.count.into())),
            ColShort => l.int(n.shortfall.into()),
            ColCoverage => l.percent(n.coverage),
            ColLeaving => l.int(n.leaving.into()),
            ColArriving => l.int(n.arriving.into()),
            ColRenew => l.int(n.renew.len() as u64),
            ColDevelop => l.int(n.develop.len() as u64),
            ColRecruit => l.int(n.recruit.into()),
            ColLate => l.int(n.late.into()),
            ColHours => l.hours(n.effort.total),
            ColPriority => l.priority(n.priority).to_string(),
            ColBy => or_empty(n.by),
            _ => or_empty(n.driver.as_ref()),
        }));
    }
    grid
}

/// The gap grid's total row: `words` in the skill column (which a narrow
/// table keeps), the totals under their counts.
pub fn needs_total(l: Labels, report: &GapReport, words: String) -> Vec<String> {
    use Key::*;
    let t = &report.totals;
    let mut words = Some(words);
    need_columns(report)
        .iter()
        .map(|&(_, key)| match key {
            ColSkill => words.take().unwrap_or_default(),
            ColShort => l.int(t.shortfall),
            ColRenew => l.int(t.renew as u64),
            ColDevelop => l.int(t.develop as u64),
            ColRecruit => l.int(t.recruit),
            ColHours => l.hours(t.effort.total),
            _ => String::new(),
        })
        .collect()
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
            over_time::goal_from(l, &report.levels, g),
            level(&report.levels, g.to),
        ];
        row.extend(effort_hours(l, &g.effort));
        row.extend([why.join("; "), or_empty(g.by)]);
        if report.scheduled {
            row.extend(over_time::schedule_cells(l, plan, g));
        }
        row.push(mentoring::mentor_cell(l, &report.levels, g));
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

/// A balance: people at each level of the scale per skill, and freshness counts.
pub fn balance(l: Labels, scale: &[String], rows: &[SkillBalance]) -> Grid {
    use Key::*;
    let mut header: Vec<String> = heads(l, &[(L, ColSkill), (L, ColGroup)]);
    header.extend(scale.iter().enumerate().map(|(i, n)| format!(">{i} {n}")));
    header.extend(heads(
        l,
        &[
            (R, ColAssessed),
            (R, ColUnassessed),
            (R, ColStale),
            (R, ColExpired),
            (R, ColMedian),
            (R, ColInterest),
        ],
    ));
    let after = 2 + scale.len();
    // The level histogram is the table; its bookkeeping folds first.
    let mut grid = Grid::new(&header).fold(&[
        1,
        after + 5,
        after + 3,
        after + 1,
        after + 4,
        after + 2,
        after,
    ]);
    for r in rows {
        let mut row = vec![r.name.clone(), or_empty(r.group.as_ref())];
        row.extend(r.levels.iter().map(|&n| l.int(n)));
        row.extend([
            l.int(r.assessed),
            l.int(r.unassessed),
            l.int(r.stale),
            l.int(r.expired),
            r.median.map_or_else(|| "-".into(), |m| l.hours(m)),
            l.int(r.interest),
        ]);
        grid.push(row);
    }
    grid
}

/// Key-person risk per skill, by the skill's name where the report has it;
/// RISK marks the skills held by 0 or 1 person.
pub fn key_people(l: Labels, report: &BalanceReport) -> Grid {
    use Key::*;
    let mut grid = Grid::new(&heads(
        l,
        &[
            (L, ColSkill),
            (L, ColLevel),
            (R, ColHolders),
            (L, ColWho),
            (L, ColRisk),
        ],
    ));
    for k in &report.key_people {
        let name = report
            .skills
            .iter()
            .find(|s| s.skill == k.skill)
            .map_or(&k.skill, |s| &s.name);
        grid.push([
            name.clone(),
            level(&report.scale, k.level),
            l.int(k.holders),
            k.people.join(", "),
            mentoring::risk_cell(l, k),
        ]);
    }
    mentoring::add_mentees(l, report, &mut grid, 4);
    grid
}

/// `gap --by unit|skill|driver`: a row per group; `none` names the null key.
pub fn gap_groups(l: Labels, report: &GapGroupsReport, none: &str) -> Grid {
    use Key::*;
    let mut header = vec![group_title(l, &report.by).to_string()];
    header.extend(heads(
        l,
        &[
            (L, ColName),
            (R, ColNeeds),
            (R, ColUnmet),
            (R, ColCoverage),
            (R, ColShort),
            (R, ColDevelop),
            (R, ColRecruit),
            (R, ColHours),
            (L, ColAtRisk),
        ],
    ));
    let renew = groups_renew(report);
    if renew {
        header.insert(6, heads(l, &[(R, ColRenew)]).remove(0));
    }
    let mut grid = if renew {
        Grid::new(&header).fold(&[10, 1, 7, 6])
    } else {
        Grid::new(&header).fold(&[9, 1, 6])
    }
    .fold_last(&[3]);
    for g in &report.groups {
        let mut row = vec![
            g.key.clone().unwrap_or_else(|| none.to_string()),
            or_empty(g.name.as_ref()),
            l.int(g.needs as u64),
            l.int(g.unmet as u64),
            l.percent(g.coverage),
            l.int(g.shortfall),
            l.int(g.develop as u64),
            l.int(g.recruit),
            l.hours(g.effort.total),
            g.at_risk
                .map_or_else(|| l.get(No).to_string(), |p| l.priority(p).to_string()),
        ];
        if renew {
            row.insert(6, l.int(g.renew as u64));
        }
        if g.suppressed {
            // `--min-group`: dashes, and the reason where the risk would be.
            let last = row.len() - 1;
            row[2..last].fill("–".to_string());
            row[last] = l.get(Suppressed).to_string();
        }
        grid.push(row);
    }
    grid
}

/// Whether `gap --by` shows a Renew column: only when a group renews.
pub fn groups_renew(report: &GapGroupsReport) -> bool {
    report.groups.iter().any(|g| g.renew > 0)
}
