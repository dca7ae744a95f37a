//! The team page (`report --unit UNIT`): the unit's needs, its share of
//! the needs above it, its people against their roles, their plans, and
//! who is due, leaving or arriving. Each part is laid out by the report
//! that owns it (gap's need grid, `gap --by person`'s rows, plan's person
//! plans, balance's lists), so the page shows what those reports show.

use crate::render::outline::{Block, Builder, Dialect, Outline, ToOutline};
use crate::render::reports::text::level;
use crate::render::reports::{balance, gap, matrix, person_gap, plan};
use crate::render::table::{Cell, Field, Grid, Human, L, R};
use crate::render::words::{Key, Labels};
use crate::report::{TeamReport, UnitShare};

impl ToOutline for TeamReport {
    fn outline_in(&self, _dialect: Dialect, l: Labels) -> Outline {
        use Key::*;
        let r = self;
        let dialect = Dialect::Document;
        let mut out = Builder::default();
        let unit = match &r.name {
            Some(name) => format!("{name} ({})", r.unit),
            Option::None => r.unit.clone(),
        };
        out.title(l.fill(TeamTitle, &[&unit]))
            .push(Block::Subtitle(format!(
                "{} · {} · {} {}",
                r.organisation,
                l.count(r.people, Person, People),
                l.get(AsOf),
                l.value(&r.as_of.to_string())
            )));
        out.heading(2, l.get(TeamNeeds));
        if r.needs.is_empty() {
            out.para(l.get(TeamNoNeeds));
        } else {
            out.grid(gap::needs(l, &r.gap, dialect));
        }
        if !r.above.is_empty() {
            out.heading(2, l.get(TeamAbove))
                .para(l.get(TeamAboveAbout))
                .grid(above(l, r));
        }
        out.heading(2, l.get(TeamRoles));
        if r.roles.people.is_empty() {
            out.para(l.get(NobodyWithRole));
        } else {
            out.grid(person_gap::person_rows(l, &r.roles));
        }
        out.heading(2, l.get(TeamMatrix))
            .body(matrix::matrix_part(l, &r.matrix, dialect));
        out.heading(2, l.get(TeamPlans));
        let with_goals: Vec<_> = r.plans.iter().filter(|p| !p.goals.is_empty()).collect();
        if with_goals.is_empty() {
            out.para(l.get(NoGoals));
        }
        for p in with_goals {
            plan::person_plan(l, &r.plan, p, dialect, &mut out);
        }
        balance::people_over_time(l, &r.balance, dialect, &mut out);
        out.build()
    }
}

/// The needs above the unit, seen from it: no other unit's people.
fn above(l: Labels, r: &TeamReport) -> Grid {
    use Key::*;
    let h = Human::new(l, Dialect::Document, r);
    let order = [
        ColNeed,
        ColSkill,
        ColScope,
        ColLevel,
        ColUnitInScope,
        ColUnitHave,
        ColHave,
        ColPriority,
        ColBy,
    ];
    Grid::of(&h, ABOVE_FIELDS, &order, &r.above)
}

/// A column of the needs above the unit.
type ShareField = Field<UnitShare, TeamReport>;

const ABOVE_FIELDS: &[ShareField] = &[
    ShareField::new("need", |s| Cell::text(&s.need)).head(L, Key::ColNeed),
    ShareField::new("skill", |s| Cell::text(&s.skill))
        .head(L, Key::ColSkill)
        .shows(|s, _| s.skill_name.clone()),
    ShareField::new("scope", |s| Cell::opt_text(s.scope.as_ref()))
        .head(L, Key::ColScope)
        .shows(|s, h| {
            s.scope
                .clone()
                .unwrap_or_else(|| h.l.get(Key::ScopeAll).to_string())
        }),
    ShareField::new("level", |s| Cell::int(s.level))
        .head(L, Key::ColLevel)
        .shows(|s, h| level(&h.of.gap.levels, s.level)),
    ShareField::new("in_scope", |s| Cell::int(s.in_scope)).head(R, Key::ColUnitInScope),
    ShareField::new("unit_have", |s| Cell::int(s.unit_have)).head(R, Key::ColUnitHave),
    ShareField::new("have", |s| Cell::int(s.have))
        .head(R, Key::ColHave)
        .shows(|s, h| format!("{}/{}", h.l.int(s.have.into()), h.l.int(s.count.into()))),
    ShareField::new("priority", |s| Cell::priority(s.priority)).head(L, Key::ColPriority),
    ShareField::new("by", |s| Cell::opt_date(s.by)).head(L, Key::ColBy),
];
