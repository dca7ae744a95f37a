//! Reads `people.csv`: who exists, with their name, unit and role. Once it
//! is read the set of people is closed: assessment files may not add anyone.

use std::path::Path;

use crate::diagnostics::Diagnostics;
use crate::load::profiles::{Profiles, each_row, meant_as, open, warn_near_misses};

impl Profiles<'_> {
    /// Reads people.csv.
    pub fn read_people(&mut self, path: &Path, shown: &str, diags: &mut Diagnostics) {
        self.closed = true;
        let Some(mut file) = open(path, shown, diags) else {
            return;
        };
        self.people_columns = Some((shown.to_string(), file.header_raw.clone()));
        let file_id = self.file_id(shown);
        let Some(id_col) = file.column("id") else {
            let hint = meant_as(&file, "id");
            diags.error(
                shown,
                Some(1),
                format!("people file has no 'id' column{hint} (columns: id, name, unit, role)"),
            );
            return;
        };
        warn_near_misses(&file, &["id", "name", "unit", "role"], diags);
        let name_col = file.column("name");
        let unit_col = file.column("unit");
        let role_col = file.column("role");
        each_row(&mut file, diags, |row, diags| {
            let line = row.line;
            let id = row.get(id_col);
            if id.is_empty() {
                diags.error(shown, Some(line), "person id is empty");
                return;
            }
            if let Some(first) = self.people.find(id) {
                let at = self.origin(first as u32);
                diags.error(
                    shown,
                    Some(line),
                    format!("duplicate person id '{id}' (first at {at})"),
                );
                return;
            }
            let name = name_col.map(|c| row.get(c)).filter(|s| !s.is_empty());
            let unit_text = unit_col.map(|c| row.get(c)).unwrap_or("");
            let role_text = role_col.map(|c| row.get(c)).unwrap_or("");
            // A bad unit or role is reported once; the person is kept so that
            // their assessments do not each fail as "unknown person".
            let mut report = |found: Result<_, String>| {
                found.map_err(|message| diags.error(shown, Some(line), message))
            };
            let unit = report(self.unit(unit_text));
            let role = report(self.role(role_text));
            let (bad, unit, role) = (
                unit.is_err() || role.is_err(),
                unit.unwrap_or(None),
                role.unwrap_or(None),
            );
            if role.is_none() && !bad && !self.roles.is_empty() {
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
            self.add_person(id, name, unit, role, file_id, line);
        });
    }
}
