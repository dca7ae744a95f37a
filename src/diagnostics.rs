//! Problems as data: every error and warning found in an organisation's
//! files, with the file and line it came from, and the checks that need the
//! whole organisation at once (after loading).
//!
//! Nothing here prints. The CLI renders diagnostics one per line as
//! `PATH:LINE: error: MESSAGE` (or `PATH:LINE:COLUMN:` for TOML).

use std::fmt;

use crate::model::Organisation;

/// Suggestions for misspelt person ids compare against every id; past this
/// many people that costs more than it helps (in loading and in look-ups).
pub const SUGGEST_PEOPLE_LIMIT: usize = 20_000;

/// Unknown person ids that get a did-you-mean when read sequentially (wide
/// format), counted over the whole load.
pub const SUGGESTIONS_PER_LOAD: usize = 50;

/// Unknown person ids per block of a long-format file that get a
/// did-you-mean: blocks are parsed in parallel and know nothing of each
/// other, so the cap is per block (a file gets up to this many per 2 MB).
pub const SUGGESTIONS_PER_BLOCK: usize = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub severity: Severity,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, ": {severity}: {}", self.message)
    }
}

/// How many warnings of one kind in one file are listed before they are summed up.
const WARNINGS_LISTED: usize = 5;

/// All problems found so far, in the order found.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
    /// Counters of repeated warnings, one per (file, kind); few, so a Vec.
    repeated: Vec<Repeated>,
}

#[derive(Debug, Clone)]
struct Repeated {
    path: String,
    kind: &'static str,
    listed: usize,
    more: usize,
    summary: &'static str,
}

impl Diagnostics {
    pub fn error(&mut self, path: &str, line: Option<usize>, message: impl Into<String>) {
        self.push(path, line, None, Severity::Error, message.into());
    }

    pub fn error_at(&mut self, path: &str, line: usize, column: usize, message: impl Into<String>) {
        self.push(
            path,
            Some(line),
            Some(column),
            Severity::Error,
            message.into(),
        );
    }

    pub fn warning(&mut self, path: &str, line: Option<usize>, message: impl Into<String>) {
        self.push(path, line, None, Severity::Warning, message.into());
    }

    pub fn warning_at(
        &mut self,
        path: &str,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) {
        self.push(
            path,
            Some(line),
            Some(column),
            Severity::Warning,
            message.into(),
        );
    }

    /// A warning that may repeat many times in a file (stale rows, people
    /// without a role): the first few are listed, the rest counted in one
    /// summary line, `summary` being the plural noun phrase for them. The
    /// message is only built when it is listed: this sits on hot paths.
    pub fn repeated_warning(
        &mut self,
        kind: &'static str,
        path: &str,
        line: Option<usize>,
        message: impl FnOnce() -> String,
        summary: &'static str,
    ) {
        let at = match self
            .repeated
            .iter()
            .position(|r| r.kind == kind && r.path == path)
        {
            Some(i) => i,
            None => {
                self.repeated.push(Repeated {
                    path: path.to_string(),
                    kind,
                    listed: 0,
                    more: 0,
                    summary,
                });
                self.repeated.len() - 1
            }
        };
        let counter = &mut self.repeated[at];
        if counter.listed < WARNINGS_LISTED {
            counter.listed += 1;
            self.warning(path, line, message());
        } else {
            counter.more += 1;
        }
    }

    fn push(
        &mut self,
        path: &str,
        line: Option<usize>,
        column: Option<usize>,
        severity: Severity,
        message: String,
    ) {
        self.items.push(Diagnostic {
            path: path.to_string(),
            line,
            column,
            severity,
            message,
        });
    }

    /// True while warnings of `kind` in `path` are still listed one by one
    /// (callers with many at once may count the rest with `repeated_more`).
    pub fn listing(&self, kind: &'static str, path: &str) -> bool {
        self.repeated
            .iter()
            .find(|r| r.kind == kind && r.path == path)
            .is_none_or(|r| r.listed < WARNINGS_LISTED)
    }

    /// Counts `n` more warnings of `kind` in `path` past the listed ones.
    pub fn repeated_more(
        &mut self,
        kind: &'static str,
        path: &str,
        n: usize,
        summary: &'static str,
    ) {
        if n == 0 {
            return;
        }
        match self
            .repeated
            .iter_mut()
            .find(|r| r.kind == kind && r.path == path)
        {
            Some(r) => r.more += n,
            None => self.repeated.push(Repeated {
                path: path.to_string(),
                kind,
                listed: WARNINGS_LISTED,
                more: n,
                summary,
            }),
        }
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    /// Every diagnostic: file by file in the order files were first
    /// mentioned, by line within a file (file-wide ones first), and the
    /// summaries of repeated warnings last.
    pub fn into_vec(mut self) -> Vec<Diagnostic> {
        let mut files: Vec<String> = Vec::new();
        for d in &self.items {
            if !files.contains(&d.path) {
                files.push(d.path.clone());
            }
        }
        self.items.sort_by_key(|d| {
            let file = files.iter().position(|f| *f == d.path);
            (file, d.line.unwrap_or(0), d.column.unwrap_or(0))
        });
        for r in std::mem::take(&mut self.repeated) {
            if r.more > 0 {
                let message = format!("{} more {} not listed", r.more, r.summary);
                self.push(&r.path, None, None, Severity::Warning, message);
            }
        }
        self.items
    }
}

/// The closest of `candidates` to a misspelt `word`, if one is close enough
/// to be what was meant: the same but for case, or within a few edits
/// (a swap of two neighbours counts as one), one edit for short words.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = word.to_lowercase();
    let allowed = (lower.chars().count() / 3).clamp(1, 3);
    candidates
        .into_iter()
        .filter(|c| *c != word)
        .filter_map(|c| {
            let other = c.to_lowercase();
            let distance = strsim::osa_distance(&lower, &other);
            let close = distance <= allowed && distance < other.chars().count();
            close.then(|| (c, distance, strsim::jaro_winkler(&lower, &other)))
        })
        .min_by(|a, b| a.1.cmp(&b.1).then(b.2.total_cmp(&a.2)))
        .map(|(c, _, _)| c)
}

/// " (did you mean 'x'?)" or nothing.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    match suggest(word, candidates) {
        Some(s) => format!(" (did you mean '{s}'?)"),
        None => String::new(),
    }
}

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
        && org.people.unit.iter().all(|&u| u == crate::model::NONE);
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
    if nobody_has_a_unit {
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

    #[test]
    fn suggests_close_words_only() {
        assert_eq!(suggest("rsut", ["rust", "sql"]), Some("rust"));
        assert_eq!(suggest("Rust", ["rust", "sql"]), Some("rust"));
        assert_eq!(suggest("kubernetes", ["rust", "sql"]), None);
        assert_eq!(suggest("aad", ["ada", "bo"]), Some("ada"));
        assert_eq!(suggest("b0", ["ada", "bo"]), Some("bo"));
        assert_eq!(suggest("dve", ["dev", "support"]), Some("dev"));
        assert_eq!(suggest("it/ki", ["it", "it/platform"]), None);
        assert_eq!(suggest("it/ml", ["it/platform"]), None);
        assert_eq!(suggest("apps", ["app", "kunde"]), Some("app"));
        assert_eq!(
            suggest("70-20-11", ["70-20-10", "40-50-10"]),
            Some("70-20-10")
        );
    }

    #[test]
    fn diagnostics_render_path_line_column() {
        let mut d = Diagnostics::default();
        d.error("org.toml", Some(3), "bad");
        d.error_at("org.toml", 3, 7, "worse");
        d.warning("people.csv", None, "meh");
        let lines: Vec<String> = d.into_vec().iter().map(|d| d.to_string()).collect();
        assert_eq!(
            lines,
            [
                "org.toml:3: error: bad",
                "org.toml:3:7: error: worse",
                "people.csv: warning: meh"
            ]
        );
    }

    #[test]
    fn repeated_warnings_are_summed_up() {
        let mut d = Diagnostics::default();
        for i in 0..8 {
            d.repeated_warning(
                "stale",
                "a.csv",
                Some(i + 2),
                || "stale".into(),
                "stale assessments",
            );
        }
        let v = d.into_vec();
        assert_eq!(v.len(), WARNINGS_LISTED + 1);
        assert_eq!(
            v.last().unwrap().to_string(),
            "a.csv: warning: 3 more stale assessments not listed"
        );
    }

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
}
