//! Reads `people.csv` (or a sheet): who exists, with their name, unit and
//! role. Once it is read the set of people is closed: assessment files may
//! not add anyone.

use std::path::Path;

use crate::diagnostics::Diagnostics;
use crate::load::columns::{Header, meant_as, warn_ignored};
use crate::load::fields::optional_date;
use crate::load::org::HOURS_PER_YEAR;
use crate::load::place::Place;
use crate::load::profiles::{Profiles, each_row, no_header, open, warn_skipped};
use crate::model::Terms;

/// The columns people.csv reads (`person` and its aliases mean `id` here).
const KNOWN: &[&str] = &[
    "id",
    "name",
    "first name",
    "last name",
    "unit",
    "role",
    "capacity",
    "starts",
    "leaves",
];

impl Profiles<'_> {
    /// Reads people.csv (or a sheet of a workbook).
    pub fn read_people(
        &mut self,
        path: &Path,
        shown: &str,
        sheet: Option<&str>,
        diags: &mut Diagnostics,
    ) {
        self.closed = true;
        self.people_failed = true;
        let Some(mut file) = open(path, shown, sheet, true, self.label_sheets, diags) else {
            return;
        };
        warn_skipped(&file, diags);
        self.people_columns = Some((shown.to_string(), file.header_raw.clone()));
        let Some(header) = Header::new(&file, diags) else {
            return;
        };
        let place = Place::of(&file);
        let shown = place.path.clone();
        let shown = shown.as_str();
        let file_id = self.file_id(shown);
        let (id, person) = (header.find("id"), header.find("person"));
        let id_col = match (id, person) {
            // `person` (ansattnr) is people.csv's id: two of them is the
            // same mistake as 'Enhet' beside 'unit', said the same way.
            (Some(i), Some(p)) => {
                let (first, second) = (i.min(p), i.max(p));
                place.header_error(
                    diags,
                    second,
                    format!(
                        "columns '{}' and '{}' both mean 'id': keep one",
                        file.header_raw[first], file.header_raw[second]
                    ),
                );
                return;
            }
            (Some(c), None) | (None, Some(c)) => c,
            (None, None) => {
                let hint = meant_as(&file, &header, "id", |_| false);
                place.file_error(
                    diags,
                    format!(
                        "people file has no 'id' column (or person, ansatt, ansattnr){hint}: {}",
                        no_header(&file, "id")
                    ),
                );
                return;
            }
        };
        self.people_failed = false;
        warn_ignored(&file, &header, KNOWN, &["person"], true, diags);
        let (name_col, unit_col) = (header.find("name"), header.find("unit"));
        // FORMAT.md r3 "Names": without a name column, first and last name.
        let (first_col, last_col) = match name_col {
            Some(_) => (None, None),
            None => (header.find("first name"), header.find("last name")),
        };
        let role_col = self.role_column(header.find("role"), &file, diags);
        let (capacity_col, starts_col, leaves_col) = (
            header.find("capacity"),
            header.find("starts"),
            header.find("leaves"),
        );
        each_row(
            &mut file,
            "give it a header or delete it",
            diags,
            |row, diags| {
                let line = row.line;
                let id = row.get(id_col);
                if id.is_empty() {
                    place.cell_error(diags, line, id_col, "person id is empty");
                    return;
                }
                if let Some(first) = self.people.find(id) {
                    let at = self.origin(first as u32);
                    place.cell_error(
                        diags,
                        line,
                        id_col,
                        format!("duplicate person id '{id}' (first at {at})"),
                    );
                    return;
                }
                let joined;
                let name = match name_col {
                    Some(c) => Some(row.get(c)),
                    None if first_col.is_some() || last_col.is_some() => {
                        let parts = [first_col, last_col].map(|c| c.map_or("", |c| row.get(c)));
                        joined = parts
                            .iter()
                            .filter(|p| !p.is_empty())
                            .copied()
                            .collect::<Vec<_>>()
                            .join(" ");
                        Some(joined.as_str())
                    }
                    None => None,
                }
                .filter(|s| !s.is_empty());
                // A bad unit or role is reported once; the person is kept so that
                // their assessments do not each fail as "unknown person".
                let unit = match unit_col {
                    Some(c) => self
                        .unit(row.get(c))
                        .map_err(|message| place.cell_error(diags, line, c, message)),
                    None => Ok(None),
                };
                // An unknown job title is counted for one warning a title.
                let titled = role_col.is_some_and(|c| !row.get(c).is_empty());
                let role = role_col.and_then(|c| self.role(row.get(c)));
                let mut terms = Terms::default();
                if let Some(c) = capacity_col {
                    match capacity(row.get(c)) {
                        Ok(hours) => terms.capacity = hours,
                        Err(message) => place.cell_error(diags, line, c, message),
                    }
                }
                for (c, what) in [(starts_col, "starts"), (leaves_col, "leaves")] {
                    let Some(c) = c else { continue };
                    match optional_date(row.get(c), what) {
                        Ok(date) if what == "starts" => terms.starts = date,
                        Ok(date) => terms.leaves = date,
                        Err(message) => place.cell_error(diags, line, c, message),
                    }
                }
                if let (Some(starts), Some(leaves)) = (terms.starts, terms.leaves)
                    && leaves < starts
                {
                    let c = leaves_col.unwrap_or(id_col);
                    place.cell_error(
                        diags,
                        line,
                        c,
                        format!("leaves {leaves} is before starts {starts}: the last working day comes after the first"),
                    );
                }
                let (bad, unit) = (unit.is_err(), unit.unwrap_or(None));
                if role.is_none() && !bad && !titled && !self.roles.is_empty() {
                    diags.repeated_warning(
                        "no-role",
                        shown,
                        Some(line),
                        || {
                            format!(
                                "person '{id}' has no role, so no role gap can be computed for them"
                            )
                        },
                        "people without a role",
                    );
                }
                // FORMAT.md r2 "Present": someone who has left by D is counted
                // nowhere; the file should not hold them.
                if let Some(leaves) = terms.leaves.filter(|&l| l < self.freshness.as_of) {
                    let as_of = self.freshness.as_of;
                    diags.repeated_warning(
                        "left",
                        shown,
                        Some(line),
                        || {
                            format!(
                                "person '{id}' left on {leaves}, before the reference date {as_of}: they are not counted; remove them from the file"
                            )
                        },
                        "people who have left",
                    );
                }
                let person = self.add_person(id, name, unit, role, file_id, line);
                self.people.set_terms(person as usize, terms);
            },
        );
        if let Some(c) = role_col {
            self.warn_titles(&place, c, diags);
        }
    }
}

/// A `capacity` cell: learning hours a year, a decimal comma allowed
/// (`18,5`); blank: none of the person's own.
fn capacity(text: &str) -> Result<Option<f64>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    let max = HOURS_PER_YEAR.1 as f64;
    match text.replace(',', ".").parse::<f64>() {
        Ok(h) if (0.0..=max).contains(&h) => Ok(Some(h)),
        _ => Err(format!(
            "capacity '{text}' is not a number of learning hours a year (0 to {max})"
        )),
    }
}
