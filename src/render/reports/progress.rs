//! `progress`: what the report shows people (its [`Outline`], for table,
//! markdown and the generic HTML page), its CSV rows (one per need, with
//! then and now columns) and its workbook (needs, levels, moved up, moved
//! down). Kept apart from `layout.rs` so each stays short; the wording is
//! the catalogue's ([`Key`]), as everywhere.
//!
//! It formats the report's figures; it never computes one the report does
//! not hold.

use std::io;

use crate::model::{LearningMix, Mode};
use crate::render::outline::{Builder, Dialect, Outline, ToOutline};
use crate::render::reports::plan;
use crate::render::reports::text::{level, or_empty, person, then_now};
use crate::render::table::{Cell, Field, field_csv};
use crate::render::table::{Grid, Human, L, R, heads};
use crate::render::table::{Sheet, ToXlsx};
use crate::render::words::{Key, Labels};
use crate::report::{
    ActivityEffect, Effect, GainBy, LevelChange, ModeEffect, ModeHours, NeedProgress,
    ProgressReport,
};

impl ToOutline for ProgressReport {
    fn outline_in(&self, dialect: Dialect, l: Labels) -> Outline {
        let r = self;
        let mut out = Builder::default();
        match dialect {
            Dialect::Terminal => out.title(l.fill(
                Key::ProgressTitleTerminal,
                &[&r.organisation, &r.since, &r.as_of],
            )),
            Dialect::Document => out
                .title(l.fill(Key::ProgressTitleDocument, &[&r.organisation]))
                .para(l.fill(Key::ProgressAbout, &[&r.since, &r.as_of])),
        };
        let [needs_line, moves_line] = summary(l, r);
        out.para(needs_line).para(moves_line);
        if !r.needs.is_empty() {
            out.heading(2, l.get(Key::ProgressNeedsHeading))
                .grid(needs(l, r));
        }
        moves(l, r, Key::MovedUpHeading, &r.moved_up, &mut out);
        moves(l, r, Key::MovedDownHeading, &r.moved_down, &mut out);
        if !r.gained_by_unit.is_empty() {
            out.heading(2, l.get(Key::GainedByUnitHeading)).grid(gains(
                l,
                Key::ColUnit,
                &r.gained_by_unit,
                l.get(Key::NoUnit),
            ));
        }
        if !r.gained_by_driver.is_empty() {
            out.heading(2, l.get(Key::GainedByDriverHeading))
                .grid(gains(
                    l,
                    Key::ColDriver,
                    &r.gained_by_driver,
                    l.get(Key::NoDriver),
                ));
        }
        out.heading(2, l.get(Key::ProgressSkillsHeading))
            .grid(skills(l, r));
        logged(l, r, dialect, &mut out);
        out.build()
    }
}

/// The totals in words: needs met and shortfall then and now; who moved
/// up and down, and the levels (the HTML report's section says them too).
pub fn summary(l: Labels, r: &ProgressReport) -> [String; 2] {
    let t = &r.totals;
    [
        l.fill(
            Key::ProgressNeedsLine,
            &[
                &l.int(t.met_then as u64),
                &l.int(t.needs as u64),
                &l.int(t.met_now as u64),
                &l.int(t.shortfall_then),
                &l.int(t.shortfall_now),
            ],
        ),
        l.fill(
            Key::ProgressMovesLine,
            &[
                &l.count(t.moved_up, Key::Person, Key::People),
                &l.int(t.levels_gained),
                &l.int(t.levels_first_assessed),
                &l.count(t.moved_down, Key::Person, Key::People),
                &l.int(t.levels_lost),
            ],
        ),
    ]
}

/// A change in coverage for people: "+25 pp", "-12.5 pp", "0 pp".
pub fn points(l: Labels, change: f64) -> String {
    let p = l.decimal(change.abs() * 100.0, 1);
    let sign = if change > 0.000_5 {
        "+"
    } else if change < -0.000_5 {
        "-"
    } else {
        ""
    };
    // decimal() drops a trailing ",0"/".0" only for whole values it is given.
    let p = p
        .strip_suffix(".0")
        .or_else(|| p.strip_suffix(",0"))
        .unwrap_or(&p);
    l.fill(Key::Points, &[&format!("{sign}{p}")])
}

fn needs(l: Labels, r: &ProgressReport) -> Grid {
    use Key::*;
    let h = Human::new(l, Dialect::Terminal, r);
    let order = [
        ColNeed,
        ColSkill,
        ColLevel,
        ColCount,
        ColHave,
        ColShort,
        ColCoverage,
        ColChange,
    ];
    let grid = Grid::of(&h, NEED_FIELDS, &order, &r.needs);
    let fold = grid.at(&[ColLevel, ColSkill, ColShort]);
    grid.fold(&fold)
}

fn moves(l: Labels, r: &ProgressReport, title: Key, rows: &[LevelChange], out: &mut Builder) {
    use Key::*;
    out.heading(2, l.get(title));
    if rows.is_empty() {
        out.para(l.get(Nobody));
        return;
    }
    let order = [ColPerson, ColUnit, ColSkill, ColFrom, ColTo, ColChange];
    let h = Human::new(l, Dialect::Terminal, &r.scale[..]);
    let grid = Grid::of(&h, MOVE_FIELDS, &order, rows);
    out.grid(grid.fold(&[1]).fold_last(&[3]));
}

/// A person's level moving in a skill: the moves' grids and sheets.
const MOVE_FIELDS: &[MoveField] = &[
    MoveField::new("person", |m| Cell::text(&m.person))
        .head(L, Key::ColPerson)
        .shows(|m, _| person(&m.person, m.name.as_deref())),
    MoveField::new("name", |m| Cell::opt_text(m.name.as_ref())),
    MoveField::new("unit", |m| Cell::opt_text(m.unit.as_ref())).head(L, Key::ColUnit),
    MoveField::new("skill", |m| Cell::text(&m.skill))
        .head(L, Key::ColSkill)
        .shows(|m, _| m.skill_name.clone()),
    MoveField::new("from", |m| Cell::int(m.from))
        .head(L, Key::ColFrom)
        .shows(|m, h| match m.first_assessed {
            true => h.l.get(Key::NotAssessedThen).to_string(),
            false => level(h.of, m.from),
        }),
    MoveField::new("to", |m| Cell::int(m.to))
        .head(L, Key::ColTo)
        .shows(|m, h| level(h.of, m.to)),
    MoveField::new("gained", |m| Cell::int(m.gained))
        .head(R, Key::ColChange)
        .shows(|m, _| format!("{}{}", if m.gained > 0 { "+" } else { "" }, m.gained)),
];

type MoveField = Field<LevelChange, [String]>;

/// Levels gained per unit or driver; only drivers have a name column.
fn gains(l: Labels, key: Key, rows: &[GainBy], none: &str) -> Grid {
    use Key::*;
    let named = rows.iter().any(|g| g.name.is_some());
    let mut header = heads(l, &[(L, key)]);
    if named {
        header.extend(heads(l, &[(L, ColName)]));
    }
    header.extend(heads(
        l,
        &[(R, ColPeople), (R, ColSkillsUp), (R, ColLevels)],
    ));
    let mut grid = Grid::new(&header).fold(if named { &[1] } else { &[] });
    for g in rows {
        let mut row = vec![g.key.clone().unwrap_or_else(|| none.to_string())];
        if named {
            row.push(or_empty(g.name.as_ref()));
        }
        row.extend([
            l.int(g.people as u64),
            l.int(g.moves as u64),
            l.int(g.levels),
        ]);
        grid.push(row);
    }
    grid
}

fn skills(l: Labels, r: &ProgressReport) -> Grid {
    let mut header = heads(l, &[(L, Key::ColSkill)]);
    header.extend(r.scale.iter().enumerate().map(|(i, n)| format!(">{i} {n}")));
    header.extend(heads(l, &[(R, Key::ColAssessed)]));
    // The histogram is the table; the count of assessed folds first.
    let mut grid = Grid::new(&header).fold(&[r.scale.len() + 1]);
    for s in &r.skills {
        let mut row = vec![s.name.clone()];
        for i in 0..r.scale.len() {
            let at = |v: &[u64]| v.get(i).copied().unwrap_or(0);
            row.push(then_now(l, Some(at(&s.levels_then)), at(&s.levels_now)));
        }
        row.push(then_now(l, Some(s.assessed_then), s.assessed_now));
        grid.push(row);
    }
    grid
}

/// A need's row in `progress --format csv` and the workbook's Needs
/// sheet, in order: then and now side by side.
pub const NEED_FIELDS: &[NeedField] = &[
    NeedField::new("id", |n| Cell::text(&n.id)).head(L, Key::ColNeed),
    NeedField::new("skill", |n| Cell::text(&n.skill))
        .head(L, Key::ColSkill)
        .shows(|n, _| n.skill_name.clone()),
    NeedField::new("unit", |n| Cell::opt_text(n.unit.as_ref())),
    NeedField::new("role", |n| Cell::opt_text(n.role.as_ref())),
    NeedField::new("level", |n| Cell::int(n.level))
        .head(L, Key::ColLevel)
        .shows(|n, h| level(&h.of.scale, n.level)),
    NeedField::new("count", |n| Cell::int(n.count)).head(R, Key::ColCount),
    NeedField::new("have_then", |n| Cell::int(n.then.have)),
    NeedField::new("have_now", |n| Cell::int(n.now.have))
        .head(R, Key::ColHave)
        .shows(|n, h| then_now(h.l, Some(n.then.have.into()), n.now.have.into())),
    NeedField::new("shortfall_then", |n| Cell::int(n.then.shortfall)),
    NeedField::new("shortfall_now", |n| Cell::int(n.now.shortfall))
        .head(R, Key::ColShort)
        .shows(|n, h| then_now(h.l, Some(n.then.shortfall.into()), n.now.shortfall.into())),
    NeedField::new("coverage_then", |n| Cell::Share(n.then.coverage)),
    NeedField::new("coverage_now", |n| Cell::Share(n.now.coverage))
        .head(R, Key::ColCoverage)
        .shows(|n, h| {
            let (then, now) = (h.l.percent(n.then.coverage), h.l.percent(n.now.coverage));
            if n.then.coverage == n.now.coverage {
                now
            } else {
                format!("{then} -> {now}")
            }
        }),
    NeedField::new("change", |n| Cell::Share(n.change))
        .head(R, Key::ColChange)
        .shows(|n, h| points(h.l, n.change)),
];

/// A column of `progress`'s need rows.
type NeedField = Field<NeedProgress, ProgressReport>;

field_csv!(ProgressReport, |r| NEED_FIELDS, &r.needs);

impl ToXlsx for ProgressReport {
    fn sheets(&self) -> io::Result<Vec<Sheet>> {
        let needs = Sheet::from_csv(Key::SheetNeeds, self)?;
        let mut columns = vec![
            "skill".to_string(),
            "name".into(),
            "assessed_then".into(),
            "assessed_now".into(),
        ];
        for i in 0..self.scale.len() {
            columns.push(format!("level_{i}_then"));
            columns.push(format!("level_{i}_now"));
        }
        let mut levels = Sheet {
            name: Key::SheetLevels,
            columns,
            rows: Vec::new(),
            against_next: None,
        };
        for s in &self.skills {
            let mut row = vec![
                Cell::text(&s.skill),
                Cell::text(&s.name),
                Cell::count(s.assessed_then),
                Cell::count(s.assessed_now),
            ];
            for i in 0..self.scale.len() {
                row.push(Cell::count(s.levels_then.get(i).copied().unwrap_or(0)));
                row.push(Cell::count(s.levels_now.get(i).copied().unwrap_or(0)));
            }
            levels.rows.push(row);
        }
        let moved = |name: Key, rows: &[LevelChange]| Sheet::of(name, MOVE_FIELDS, rows);
        let mut sheets = vec![
            needs,
            levels,
            moved(Key::SheetMovedUp, &self.moved_up),
            moved(Key::SheetMovedDown, &self.moved_down),
        ];
        // Issue 26: with an activity log, the effect and each activity's.
        if let Some(effect) = &self.effect {
            sheets.push(Sheet::of(
                Key::SheetEffect,
                EFFECT_FIELDS,
                &effect_rows(effect),
            ));
        }
        if let Some(activities) = &self.activity_effect {
            sheets.push(Sheet::of(Key::SheetActivities, ACTIVITY_FIELDS, activities));
        }
        Ok(sheets)
    }
}

/// What the activity log says about the period (issue 26, FORMAT r3
/// "Effect" and "Reach"): the effect table, the lived mix against the
/// declared one, each catalogue activity's share, and reach. Nothing
/// without a log.
fn logged(l: Labels, r: &ProgressReport, dialect: Dialect, out: &mut Builder) {
    let (Some(effect), Some(mix)) = (&r.effect, &r.lived_mix) else {
        return;
    };
    let h = Human::new(l, dialect, r);
    use Key::*;
    let rows = effect_rows(effect);
    out.heading(2, l.get(EffectHeading))
        .para(l.get(EffectIntro))
        .grid(Grid::of(
            &h,
            EFFECT_FIELDS,
            &[ColMode, ColPairs, ColHours, ColLevels, ColHoursPerLevel],
            &rows,
        ));
    let mut lived: Vec<MixRow> = vec![
        (l.get(MixDeclared).to_string(), declared(&mix.declared)),
        (l.get(MixLived).to_string(), mix.hours.clone()),
    ];
    lived.extend(mix.by_unit.iter().map(|u| {
        let unit = u.key.clone().unwrap_or_else(|| l.get(NoUnit).to_string());
        (format!("{}: {unit}", l.get(ColUnit)), u.hours.clone())
    }));
    lived.extend(mix.by_driver.iter().map(|d| {
        let driver = d.key.clone().unwrap_or_else(|| l.get(NoDriver).to_string());
        (format!("{}: {driver}", l.get(ColDriver)), d.hours.clone())
    }));
    out.heading(2, l.get(LivedMixHeading)).grid(Grid::of(
        &h,
        MIX_FIELDS,
        &[
            ColWhat,
            ColHours,
            ColExperiencePct,
            ColSocialPct,
            ColFormalPct,
        ],
        &lived,
    ));
    if let Some(activities) = r.activity_effect.as_ref().filter(|a| !a.is_empty()) {
        out.heading(2, l.get(ActivityEffectHeading)).grid(
            Grid::of(
                &h,
                ACTIVITY_FIELDS,
                &[ColActivity, ColMode, ColHours, ColPairs, ColLevels],
                activities,
            )
            .fold(&[1]),
        );
    }
    if let Some(reach) = &r.reach {
        out.para(plan::reach_line(l, Key::ReachLogLine, reach));
    }
}

/// The effect table's rows: each mode, then the rising pairs without
/// logged hours when there are any.
fn effect_rows(effect: &Effect) -> Vec<EffectRow> {
    let mut rows: Vec<EffectRow> = effect
        .by_mode()
        .iter()
        .map(|&(mode, e)| (Some(mode), e.clone()))
        .collect();
    if effect.unlogged.pairs > 0 {
        rows.push((None, effect.unlogged.clone()));
    }
    rows
}

/// The declared mix as a row of the lived-mix table: its percentages, no
/// hours.
fn declared(mix: &LearningMix) -> ModeHours {
    ModeHours {
        share: [mix.experience, mix.social, mix.formal].map(f64::from),
        ..ModeHours::default()
    }
}

/// A row of the effect table: a mode (None: the rising pairs without
/// logged hours) and its figures.
type EffectRow = (Option<Mode>, ModeEffect);

/// The effect table's columns (human tables only: the machine formats
/// have the report's JSON).
type EffectField = Field<EffectRow, ProgressReport>;

const EFFECT_FIELDS: &[EffectField] = &[
    EffectField::new("mode", |(mode, _)| {
        Cell::Term(mode.map_or("none", Mode::as_str))
    })
    .head(L, Key::ColMode)
    .shows(|(mode, _), h| match mode {
        Some(m) => h.l.mode(*m).to_string(),
        None => h.l.get(Key::NoHoursLogged).to_string(),
    }),
    EffectField::new("pairs", |(_, e)| Cell::count(e.pairs as u64)).head(R, Key::ColPairs),
    EffectField::new("hours", |(_, e)| Cell::Num(e.hours)).head(R, Key::ColHours),
    EffectField::new("levels", |(_, e)| Cell::count(e.levels)).head(R, Key::ColLevels),
    EffectField::new("hours_per_level", |(_, e)| {
        e.hours_per_level.map_or(Cell::Empty, Cell::Num)
    })
    .head(R, Key::ColHoursPerLevel),
];

/// A row of the lived-mix table: what (declared, lived, a unit, a
/// driver) and its hours by mode with their shares.
type MixRow = (String, ModeHours);

/// A mode's share of a row, in percent as the report holds it.
fn share(h: &Human<'_, ProgressReport>, percent: f64) -> String {
    format!("{} %", h.l.hours(percent))
}

type MixField = Field<MixRow, ProgressReport>;

const MIX_FIELDS: &[MixField] = &[
    MixField::human(L, Key::ColWhat, |(what, _), _| what.clone()),
    MixField::human(R, Key::ColHours, |(_, m), h| {
        if m.total > 0.0 {
            h.l.hours(m.total)
        } else {
            String::new()
        }
    }),
    MixField::human(R, Key::ColExperiencePct, |(_, m), h| share(h, m.share[0])),
    MixField::human(R, Key::ColSocialPct, |(_, m), h| share(h, m.share[1])),
    MixField::human(R, Key::ColFormalPct, |(_, m), h| share(h, m.share[2])),
];

type ActivityField = Field<ActivityEffect, ProgressReport>;

const ACTIVITY_FIELDS: &[ActivityField] = &[
    ActivityField::new("activity", |a| Cell::text(&a.activity)).head(L, Key::ColActivity),
    ActivityField::new("mode", |a| Cell::Term(a.mode.as_str()))
        .head(L, Key::ColMode)
        .shows(|a, h| h.l.mode(a.mode).to_string()),
    ActivityField::new("hours", |a| Cell::Num(a.hours)).head(R, Key::ColHours),
    ActivityField::new("pairs", |a| Cell::count(a.pairs as u64)).head(R, Key::ColPairs),
    ActivityField::new("levels", |a| Cell::count(a.levels)).head(R, Key::ColLevels),
];
