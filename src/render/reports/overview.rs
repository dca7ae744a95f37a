//! `report`'s workbook: the gap, plan and balance sheets of its parts and
//! the coverage map. Its HTML page is [`crate::render::page`]'s.

use std::io;

use crate::model::Date;
use crate::render::reports::plan;
use crate::render::table::{Cell, Sheet, ToXlsx};
use crate::render::words::Key;
use crate::report::OverviewReport;

/// `report`: the page's views as sheets: the gap's, the plans' totals, the
/// balance's, and the coverage map (one row per skill and unit).
impl ToXlsx for OverviewReport {
    fn as_of(&self) -> Date {
        self.as_of
    }

    fn sheets(&self) -> io::Result<Vec<Sheet>> {
        let mut sheets = self.gap.sheets()?;
        let s = &self.plan;
        sheets.push(plan::effort_sheet(
            Key::SheetEffortByUnit,
            "unit",
            &s.by_unit,
        ));
        sheets.push(plan::effort_sheet(
            Key::SheetEffortByDriver,
            "driver",
            &s.by_driver,
        ));
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
