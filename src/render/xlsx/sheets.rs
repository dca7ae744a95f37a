//! What each report's workbook holds: its sheets, their columns and typed
//! rows. The first sheet of each is the report's CSV (same columns, same
//! rows); the others are the views a person turns to next.

use std::io;

use crate::model::Date;
use crate::render::csv::{Cell, EFFORT_COLUMNS, effort, person_cells};
use crate::render::words::Key;
use crate::render::xlsx::{Sheet, ToXlsx};
use crate::report::{
    BalanceReport, EffortBy, GapGroupsReport, GapReport, OverviewReport, PersonGapReport,
    PlanReport,
};

impl ToXlsx for GapReport {
    fn as_of(&self) -> Date {
        self.as_of
    }

    fn sheets(&self) -> io::Result<Vec<Sheet>> {
        let needs = Sheet::from_csv(Key::SheetNeeds, self)?;
        let mut develop = Sheet::new(
            Key::SheetDevelop,
            &["id", "skill", "person", "from", "to", "hours"],
        );
        for n in &self.needs {
            for d in &n.develop {
                develop.rows.push(vec![
                    Cell::text(&n.id),
                    Cell::text(&n.skill),
                    Cell::text(&d.person),
                    Cell::int(d.from),
                    Cell::int(d.to),
                    Cell::count(d.hours),
                ]);
            }
        }
        let mut recruit = Sheet::new(
            Key::SheetRecruit,
            &[
                "id", "skill", "unit", "role", "level", "recruit", "priority", "by", "driver",
            ],
        );
        for n in self.needs.iter().filter(|n| n.recruit > 0) {
            recruit.rows.push(vec![
                Cell::text(&n.id),
                Cell::text(&n.skill),
                Cell::opt_text(n.unit.as_ref()),
                Cell::opt_text(n.role.as_ref()),
                Cell::int(n.level),
                Cell::int(n.recruit),
                Cell::text(n.priority.to_string()),
                Cell::opt_date(n.by),
                Cell::opt_text(n.driver.as_ref()),
            ]);
        }
        Ok(vec![needs, develop, renewals(self), recruit])
    }
}

impl ToXlsx for PersonGapReport {
    fn as_of(&self) -> Date {
        self.as_of
    }

    fn sheets(&self) -> io::Result<Vec<Sheet>> {
        let gaps = Sheet::from_csv(Key::SheetPersonGaps, self)?;
        let mut columns = vec!["person", "name", "unit", "role", "readiness"];
        columns.extend(EFFORT_COLUMNS);
        let mut people = Sheet::new(Key::SheetPeople, &columns);
        for p in &self.people {
            let mut row = person_cells(p);
            row.extend(effort(&p.effort));
            people.rows.push(row);
        }
        Ok(vec![people, gaps])
    }
}

impl ToXlsx for GapGroupsReport {
    fn as_of(&self) -> Date {
        self.as_of
    }

    fn sheets(&self) -> io::Result<Vec<Sheet>> {
        let name = match self.by.as_str() {
            "unit" => Key::SheetByUnit,
            "skill" => Key::SheetBySkill,
            _ => Key::SheetByDriver,
        };
        Ok(vec![Sheet::from_csv(name, self)?])
    }
}

impl ToXlsx for PlanReport {
    fn as_of(&self) -> Date {
        self.as_of
    }

    fn sheets(&self) -> io::Result<Vec<Sheet>> {
        let goals = Sheet::from_csv(Key::SheetGoals, self)?;
        let by_unit = effort_by(Key::SheetEffortByUnit, "unit", &self.summary.by_unit);
        let by_driver = effort_by(Key::SheetEffortByDriver, "driver", &self.summary.by_driver);
        let mut recruit = Sheet::new(
            Key::SheetRecruit,
            &[
                "id", "skill", "unit", "role", "level", "recruit", "priority", "by", "driver",
            ],
        );
        for r in &self.summary.recruit {
            recruit.rows.push(vec![
                Cell::text(&r.need),
                Cell::text(&r.skill),
                Cell::opt_text(r.unit.as_ref()),
                Cell::opt_text(r.role.as_ref()),
                Cell::int(r.level),
                Cell::int(r.count),
                Cell::text(r.priority.to_string()),
                Cell::opt_date(r.by),
                Cell::opt_text(r.driver.as_ref()),
            ]);
        }
        let mut sheets = vec![goals, by_unit, by_driver, recruit];
        if self.scheduled {
            sheets.push(late_goals(self));
        }
        if !self.summary.mentors.is_empty() {
            sheets.push(crate::render::mentoring::mentors_sheet(self));
        }
        Ok(sheets)
    }
}

/// `gap`: who renews for each need (FORMAT r2 "Renew"), a row per holder.
fn renewals(report: &GapReport) -> Sheet {
    let mut sheet = Sheet::new(
        Key::SheetRenew,
        &["id", "skill", "person", "level", "expires", "hours"],
    );
    for n in &report.needs {
        for r in &n.renew {
            sheet.rows.push(vec![
                Cell::text(&n.id),
                Cell::text(&n.skill),
                Cell::text(&r.person),
                Cell::int(r.level),
                Cell::Date(r.expires),
                Cell::count(r.hours),
            ]);
        }
    }
    sheet
}

/// `plan` with capacity: the goals finishing after a need's deadline
/// (FORMAT r2 "Capacity and schedule"); finish empty: never.
fn late_goals(report: &PlanReport) -> Sheet {
    let mut sheet = Sheet::new(
        Key::SheetLate,
        &[
            "id", "by", "person", "name", "skill", "renew", "finish", "short",
        ],
    );
    for g in &report.summary.late {
        sheet.rows.push(vec![
            Cell::text(&g.need),
            Cell::Date(g.by),
            Cell::text(&g.person),
            Cell::opt_text(g.name.as_ref()),
            Cell::text(&g.skill),
            Cell::Bool(g.renew),
            Cell::opt_date(g.finish),
            Cell::Num(g.short),
        ]);
    }
    sheet
}

/// `report`: the page's views as sheets: the gap's, the plans' totals, the
/// balance's, and the coverage map (one row per skill and unit).
impl ToXlsx for OverviewReport {
    fn as_of(&self) -> Date {
        self.as_of
    }

    fn sheets(&self) -> io::Result<Vec<Sheet>> {
        let mut sheets = self.gap.sheets()?;
        let s = &self.plan;
        sheets.push(effort_by(Key::SheetEffortByUnit, "unit", &s.by_unit));
        sheets.push(effort_by(Key::SheetEffortByDriver, "driver", &s.by_driver));
        sheets.extend(self.balance.sheets()?);
        let mut coverage = Sheet::new(
            Key::SheetCoverage,
            &[
                "skill", "unit", "level", "people", "have", "demand", "coverage",
            ],
        );
        for skill in &self.coverage.skills {
            for (unit, cell) in self.coverage.units.iter().zip(&skill.cells) {
                let mut row = vec![
                    Cell::text(&skill.skill),
                    Cell::opt_text(unit.as_ref()),
                    Cell::int(skill.level),
                    Cell::count(cell.people),
                    Cell::count(cell.have),
                    Cell::count(cell.demand),
                    cell.coverage.map_or(Cell::Empty, Cell::Share),
                ];
                if cell.suppressed {
                    // `--min-group`: as in CSV, the numbers are empty cells.
                    row[4..].fill(Cell::Empty);
                }
                coverage.rows.push(row);
            }
        }
        sheets.push(coverage);
        Ok(sheets)
    }
}

/// Effort added up by unit or driver: one row per key.
fn effort_by(name: Key, key: &str, rows: &[EffortBy]) -> Sheet {
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

impl ToXlsx for BalanceReport {
    fn as_of(&self) -> Date {
        self.as_of
    }

    fn sheets(&self) -> io::Result<Vec<Sheet>> {
        let levels = Sheet::from_csv(Key::SheetLevels, self)?;
        let f = &self.freshness;
        let mut freshness = Sheet::new(
            Key::SheetFreshness,
            &["status", "person", "skill", "level", "date", "days"],
        );
        for a in &f.oldest {
            freshness.rows.push(vec![
                Cell::text("oldest"),
                Cell::text(&a.person),
                Cell::text(&a.skill),
                Cell::int(a.level),
                Cell::Date(a.assessed),
                Cell::Empty,
            ]);
        }
        for a in &f.expiring {
            freshness.rows.push(vec![
                Cell::text("expiring"),
                Cell::text(&a.person),
                Cell::text(&a.skill),
                Cell::int(a.level),
                Cell::Date(a.expires),
                Cell::Int(a.days),
            ]);
        }
        for a in &f.expired_assessments {
            freshness.rows.push(vec![
                Cell::text("expired"),
                Cell::text(&a.person),
                Cell::text(&a.skill),
                Cell::int(a.level),
                Cell::Date(a.expires),
                Cell::Empty,
            ]);
        }
        let mut key_people = Sheet::new(
            Key::SheetKeyPeople,
            &["skill", "level", "holders", "people", "risk"],
        );
        for k in &self.key_people {
            key_people.rows.push(vec![
                Cell::text(&k.skill),
                Cell::int(k.level),
                Cell::count(k.holders),
                Cell::Text(k.people.join(", ")),
                Cell::Bool(k.risk),
            ]);
        }
        gone_columns(self, &mut key_people);
        crate::render::mentoring::key_people_sheet_columns(self, &mut key_people);
        let mut sheets = vec![levels, freshness, key_people];
        sheets.extend(movements(self));
        Ok(sheets)
    }
}

/// `balance` (FORMAT r2 "Present"): when some skill's holders all leave
/// before a need is due, the key-people sheet adds that need, its due date
/// and the holders' last days; a workbook without such a skill keeps the
/// columns it always had.
fn gone_columns(report: &BalanceReport, sheet: &mut Sheet) {
    if report.key_people.iter().all(|k| k.gone.is_none()) {
        return;
    }
    sheet
        .columns
        .extend(["gone_before", "gone_horizon", "gone_holders"].map(String::from));
    for (row, k) in sheet.rows.iter_mut().zip(&report.key_people) {
        row.extend(match &k.gone {
            Some(g) => {
                let who: Vec<String> = g
                    .holders
                    .iter()
                    .map(|d| format!("{} {}", d.person, d.leaves))
                    .collect();
                [
                    Cell::text(&g.need),
                    Cell::Date(g.horizon),
                    Cell::Text(who.join(", ")),
                ]
            }
            None => [Cell::Empty, Cell::Empty, Cell::Empty],
        });
    }
}

/// `balance`: signed hires (kind `arriving`, their first day) and the
/// people leaving within the `--expiring` window (kind `leaving`, their
/// last day), when there are any.
fn movements(report: &BalanceReport) -> Option<Sheet> {
    if report.arriving.is_empty() && report.leaving.is_empty() {
        return None;
    }
    let mut sheet = Sheet::new(
        Key::SheetMovements,
        &["kind", "person", "name", "unit", "date"],
    );
    let kinds = [("arriving", &report.arriving), ("leaving", &report.leaving)];
    for (kind, list) in kinds {
        for m in list {
            sheet.rows.push(vec![
                Cell::text(kind),
                Cell::text(&m.person),
                Cell::opt_text(m.name.as_ref()),
                Cell::opt_text(m.unit.as_ref()),
                Cell::Date(m.date),
            ]);
        }
    }
    Some(sheet)
}
