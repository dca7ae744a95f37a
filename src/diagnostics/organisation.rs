//! The checks that need the whole organisation at once, after loading:
//! units against each other, against `[[unit]]` declarations and against
//! the needs (FORMAT.md "Units", "people.csv"). Each problem is reported
//! once, where it was written, from the places the loader kept
//! ([`Places`]).

use crate::diagnostics::{Diagnostics, did_you_mean};
use crate::model::Organisation;

/// Where the things the organisation-wide checks talk about were written,
/// kept by the loader for these checks.
#[derive(Debug, Default, Clone)]
pub struct Places {
    /// The org.toml, as diagnostics name it.
    pub org: String,
    /// (line, column) in org.toml of each need's `unit`, by need.
    pub need_units: Vec<(usize, usize)>,
    /// For each of `Organisation::units`, the file and line of a person
    /// first read with it (None: no person has it).
    pub units: Vec<Option<(String, usize)>>,
    /// The people file and the columns of its header, when there is one.
    pub people_file: Option<(String, Vec<String>)>,
    /// True when org.toml names profile files (people or assessments).
    pub profiles: bool,
}

/// Checks that need the whole organisation, after loading: units against
/// each other and against the needs (FORMAT.md "Units", "people.csv").
pub fn check_organisation(org: &Organisation, places: &Places, diags: &mut Diagnostics) {
    let unit_needs: Vec<usize> = (0..org.needs.len())
        .filter(|&i| org.needs[i].unit.is_some())
        .collect();
    // FORMAT.md "people.csv": with a people file, nobody in a unit means
    // its unit column is missing or misnamed. (People from long-format
    // files alone have no units to give: their needs stay planned units.)
    let nobody_has_a_unit = places.people_file.is_some()
        && !org.people.is_empty()
        && org.people.units().iter().all(|u| u == crate::model::NONE);
    if nobody_has_a_unit && let Some(&first) = unit_needs.first() {
        // One root cause, one error: not a 0 % per need.
        no_units(org, places, first, unit_needs.len() - 1, diags);
    }
    let undeclared = if org.declared_units.is_empty() {
        unit_case_variants(org, places, diags);
        vec![false; org.needs.len()]
    } else {
        closed_units(org, places, diags)
    };
    // Nobody read because a profile file failed: every unit would look
    // planned, which the file's error already explains.
    if nobody_has_a_unit || (org.people.is_empty() && places.profiles && diags.has_errors()) {
        return;
    }
    let used = used_units(org);
    for &i in &unit_needs {
        let need = &org.needs[i];
        let Some(unit) = &need.unit else { continue };
        if undeclared[i] || org.unit_has_people(unit) {
            continue;
        }
        let (line, column) = places.need_units.get(i).copied().unwrap_or((0, 0));
        // A misspelt existing unit (or parent of one) is worth a hint; a
        // unit the need's unit lies in is not.
        let hint = did_you_mean(
            unit,
            used.iter()
                .copied()
                .filter(|u| !crate::model::unit_within(unit, u)),
        );
        diags.warning_at(
            &places.org,
            line,
            column,
            format!(
                "need '{}': unit '{unit}' has no people (a planned unit?); all {} must be recruited{hint}",
                need.id, need.count,
            ),
        );
    }
}

/// Every unit people are in, and every parent of one, without repeats.
fn used_units(org: &Organisation) -> Vec<&str> {
    let mut all: Vec<&str> = Vec::new();
    for unit in &org.units {
        for u in crate::model::unit_and_parents(unit) {
            if !all.contains(&u) {
                all.push(u);
            }
        }
    }
    all
}

/// The error for needs scoped to units when nobody has a unit: the unit
/// column is missing, misnamed or empty.
fn no_units(
    org: &Organisation,
    places: &Places,
    first: usize,
    more: usize,
    diags: &mut Diagnostics,
) {
    let need = &org.needs[first];
    let unit = need.unit.as_deref().unwrap_or("");
    let (line, column) = places.need_units.get(first).copied().unwrap_or((0, 0));
    let others = match more {
        0 => String::new(),
        1 => " (as is 1 more need)".to_string(),
        n => format!(" (as are {n} more needs)"),
    };
    let (path, header) = places.people_file.clone().unwrap_or_default();
    let who = std::path::Path::new(&path)
        .file_name()
        .map_or(path.clone(), |n| n.to_string_lossy().into_owned());
    let columns = header.join(", ");
    diags.error_at(
        &places.org,
        line,
        column,
        format!(
            "need '{}' is scoped to unit '{unit}'{others}, but nobody in {who} has a unit: is the unit column missing, misnamed or empty? (its columns: {columns})",
            need.id
        ),
    );
}

/// FORMAT.md "Units" with `[[unit]]` declarations: every unit used must be
/// declared or the parent of one. Reports each undeclared unit once, where
/// it is first used; returns which needs name an undeclared unit.
fn closed_units(org: &Organisation, places: &Places, diags: &mut Diagnostics) -> Vec<bool> {
    let mut declared: Vec<&str> = Vec::new();
    for unit in &org.declared_units {
        for u in crate::model::unit_and_parents(&unit.id) {
            if !declared.contains(&u) {
                declared.push(u);
            }
        }
    }
    // The declared units as written, a few of them: the hint names the close one.
    const LISTED: usize = 8;
    let mut listed: Vec<&str> = org.declared_units.iter().map(|u| u.id.as_str()).collect();
    if listed.len() > LISTED {
        listed.truncate(LISTED);
        listed.push("...");
    }
    let listed = listed.join(", ");
    let message = |unit: &str| {
        format!(
            "unit '{unit}' is not declared in org.toml (its [[unit]]s: {listed}){}",
            did_you_mean(unit, declared.iter().copied())
        )
    };
    let mut undeclared = vec![false; org.needs.len()];
    for (i, need) in org.needs.iter().enumerate() {
        if let Some(unit) = &need.unit
            && !org.unit_declared(unit)
        {
            let (line, column) = places.need_units.get(i).copied().unwrap_or((0, 0));
            diags.error_at(&places.org, line, column, message(unit));
            undeclared[i] = true;
        }
    }
    for (u, unit) in org.units.iter().enumerate() {
        if org.unit_declared(unit) {
            continue;
        }
        match places.units.get(u).cloned().flatten() {
            Some((path, line)) => diags.error(&path, Some(line), message(unit)),
            None => diags.error(&places.org, None, message(unit)),
        }
    }
    undeclared
}

/// FORMAT.md "Units" without declarations: a unit spelt like another used
/// unit except for letter case is a warning naming both spellings and where
/// each is first used. Needs' units come first (org.toml is where units are
/// meant), then people's in the order they were read; parents are compared
/// too (`Helse/x` against `helse/y`), the shortest difference once.
fn unit_case_variants(org: &Organisation, places: &Places, diags: &mut Diagnostics) {
    let mut uses: Vec<UnitUse> = Vec::new();
    for (i, need) in org.needs.iter().enumerate() {
        if let Some(unit) = &need.unit {
            let (line, column) = places.need_units.get(i).copied().unwrap_or((0, 0));
            uses.push(UnitUse::new(unit, &places.org, line, Some(column)));
        }
    }
    for (u, unit) in org.units.iter().enumerate() {
        // A unit no person holds (a wide file's unit that people.csv
        // overrode) was already reported where it conflicts.
        if let Some(Some((path, line))) = places.units.get(u) {
            uses.push(UnitUse::new(unit, path, *line, None));
        }
    }
    // The first spelling of each lower-cased unit or parent, and its use.
    let mut first: Vec<(String, &str, &UnitUse)> = Vec::new();
    for (i, this) in uses.iter().enumerate() {
        if uses[..i].iter().any(|u| u.unit == this.unit) {
            continue;
        }
        let lower = this.unit.to_lowercase();
        // The whole unit spelt otherwise is the plainest thing to say;
        // else the shortest parent spelt otherwise (`Helse/x`, `helse/y`).
        let message = if let Some(other) = uses[..i]
            .iter()
            .find(|u| u.unit != this.unit && u.unit.to_lowercase() == lower)
        {
            Some(format!(
                "unit '{}' differs from '{}' ({}) only in letter case: units are compared exactly, so these are two units",
                this.unit, other.unit, other.shown
            ))
        } else {
            crate::model::unit_and_parents(this.unit).find_map(|part| {
                let lower = part.to_lowercase();
                let &(_, spelt, other) = first.iter().find(|(l, ..)| *l == lower)?;
                (spelt != part).then(|| {
                    format!(
                        "unit '{}' writes '{part}' where '{}' ({}) writes '{spelt}': units are compared exactly, so letter case makes these two units",
                        this.unit, other.unit, other.shown
                    )
                })
            })
        };
        for part in crate::model::unit_and_parents(this.unit) {
            let lower = part.to_lowercase();
            if !first.iter().any(|(l, ..)| *l == lower) {
                first.push((lower, part, this));
            }
        }
        if let Some(message) = message {
            match this.column {
                Some(column) => diags.warning_at(&this.path, this.line, column, message),
                None => diags.warning(&this.path, Some(this.line), message),
            }
        }
    }
}

/// Where a unit is used, for [`unit_case_variants`].
struct UnitUse<'a> {
    unit: &'a str,
    path: String,
    line: usize,
    column: Option<usize>,
    /// `path:line[:column]`, as messages name the place.
    shown: String,
}

impl<'a> UnitUse<'a> {
    fn new(unit: &'a str, path: &str, line: usize, column: Option<usize>) -> Self {
        let shown = match column {
            Some(c) => format!("{path}:{line}:{c}"),
            None => format!("{path}:{line}"),
        };
        UnitUse {
            unit,
            path: path.to_string(),
            line,
            column,
            shown,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An organisation whose people are in `units` (one person each, read
    /// from people.csv lines 2, 3 ...) with one need per unit in `needs`.
    fn org_with(units: &[&str], needs: &[&str], declared: &[&str]) -> (Organisation, Places) {
        use crate::model::{Need, Unit};
        let mut org = Organisation::default();
        let mut places = Places {
            org: "org.toml".into(),
            people_file: Some(("people.csv".into(), vec!["id".into(), "unit".into()])),
            ..Places::default()
        };
        for (p, unit) in units.iter().enumerate() {
            let u = match org.units.iter().position(|x| x == unit) {
                Some(u) => u,
                None => {
                    org.units.push(unit.to_string());
                    places.units.push(Some(("people.csv".into(), p + 2)));
                    org.units.len() - 1
                }
            };
            org.people
                .push(&format!("p{p}"), None, Some(u as u32), None);
        }
        for (i, unit) in needs.iter().enumerate() {
            org.needs.push(Need {
                id: format!("n{i}"),
                skill: 0,
                level: 1,
                count: 1,
                unit: Some(unit.to_string()),
                role: None,
                priority: Default::default(),
                by: None,
                driver: None,
            });
            places.need_units.push((10 + i, 8));
        }
        org.declared_units = declared
            .iter()
            .map(|id| Unit {
                id: id.to_string(),
                name: None,
            })
            .collect();
        (org, places)
    }

    fn checked(org: &Organisation, places: &Places) -> Vec<String> {
        let mut d = Diagnostics::default();
        check_organisation(org, places, &mut d);
        d.into_vec().iter().map(|d| d.to_string()).collect()
    }

    #[test]
    fn declared_units_are_a_closed_list() {
        let (org, places) = org_with(
            &[
                "helse/sykehjem",
                "Helse/Sykehjem",
                "helse/sykehjem",
                "helse",
            ],
            &["helse", "helse/sykehjm"],
            &["helse/sykehjem", "oppvekst/barnehage"],
        );
        let lines = checked(&org, &places);
        let list = "(its [[unit]]s: helse/sykehjem, oppvekst/barnehage)";
        assert_eq!(
            lines,
            [
                format!(
                    "org.toml:11:8: error: unit 'helse/sykehjm' is not declared in org.toml {list} (did you mean 'helse/sykehjem'?)"
                ),
                format!(
                    "people.csv:3: error: unit 'Helse/Sykehjem' is not declared in org.toml {list} (did you mean 'helse/sykehjem'?)"
                ),
            ]
        );
    }

    #[test]
    fn units_differing_in_case_are_a_warning_once_each() {
        let (org, places) = org_with(
            &[
                "helse/sykehjem",
                "Helse/Sykehjem",
                "Helse/Sykehjem",
                "Helse/hjemme",
                "it",
            ],
            &[],
            &[],
        );
        assert_eq!(
            checked(&org, &places),
            [
                "people.csv:3: warning: unit 'Helse/Sykehjem' differs from 'helse/sykehjem' (people.csv:2) only in letter case: units are compared exactly, so these are two units",
                "people.csv:5: warning: unit 'Helse/hjemme' writes 'Helse' where 'helse/sykehjem' (people.csv:2) writes 'helse': units are compared exactly, so letter case makes these two units",
            ]
        );
    }

    #[test]
    fn a_planned_unit_gets_a_did_you_mean_to_a_unit_or_parent() {
        let (org, places) = org_with(&["helse/sykehjem"], &["helsse", "oppvekst"], &[]);
        let lines = checked(&org, &places);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines[0].ends_with("(did you mean 'helse'?)"), "{lines:?}");
        assert!(lines[1].ends_with("must be recruited"), "{lines:?}");
    }

    #[test]
    fn needs_by_unit_while_nobody_has_a_unit_is_one_error() {
        let (mut org, mut places) = org_with(&[], &["helse", "helse/sykehjem"], &[]);
        org.people.push("kari", None, None, None);
        places.people_file = Some(("data/people.csv".into(), vec!["id".into(), "avd".into()]));
        assert_eq!(
            checked(&org, &places),
            [
                "org.toml:10:8: error: need 'n0' is scoped to unit 'helse' (as is 1 more need), but nobody in people.csv has a unit: is the unit column missing, misnamed or empty? (its columns: id, avd)"
            ]
        );
        // People from long-format files alone have no unit column to miss.
        places.people_file = None;
        let lines = checked(&org, &places);
        assert!(
            lines.iter().all(|l| l.contains("planned unit")),
            "{lines:?}"
        );
    }

    #[test]
    fn no_planned_units_when_the_profile_files_failed() {
        let (org, mut places) = org_with(&[], &["helse"], &[]);
        places.profiles = true;
        let mut d = Diagnostics::default();
        d.error("people.csv", Some(1), "people file has no 'id' column");
        check_organisation(&org, &places, &mut d);
        assert_eq!(d.into_vec().len(), 1, "only the file's own error");
        // Without profile files named, a unit need is a planned unit.
        places.profiles = false;
        let lines = checked(&org, &places);
        assert!(lines[0].contains("planned unit"), "{lines:?}");
    }
}
