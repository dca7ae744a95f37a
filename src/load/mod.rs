//! The only code that touches input files: `org.toml` and the CSV profile
//! files it names, turned into one [`Organisation`] plus every problem found.
//!
//! Loading never stops at the first problem: it reads everything it can and
//! returns the organisation only when no error was found. This module only
//! orchestrates; each file reads one thing:
//! - `toml_reader`: positions and typed getters over toml's spanned tree;
//!   `org` (single-table sections) and `org_items` (`[[skill]]` ...) read
//!   org.toml with it straight into an [`Organisation`];
//! - `fields`: how each field is spelt (dates, levels, interest, ids, units),
//!   for every file alike;
//! - `csv`: the one CSV tokenizer (blocks, decoding, records with lines);
//!   `workbook` gives a sheet of an `.xlsx`/`.ods` as the same rows;
//! - `columns`: the one table of column names (English and Norwegian);
//!   `place`: where a problem in a profile file is, worded one way;
//! - `profiles`: the state the profile readers share; `people`, `wide` and
//!   `assessments` (with `long` parsing blocks, on the pool of `pipeline`)
//!   and `activities` (the r3 activity log) read one kind of file each.

pub mod activities;
mod assessments;
pub mod baseline;
pub(crate) mod columns;
mod csv;
pub mod fields;
mod ids;
pub mod long;
pub mod org;
mod org_items;
mod pattern;
mod people;
mod pipeline;
mod place;
mod profiles;
pub mod schema;
mod toml_reader;
mod wide;
pub mod workbook;

use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Diagnostics, Places, check_organisation};
use crate::model::{Date, LearningMix, Organisation};

/// Choices made on the command line that change what is loaded.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// `--as-of`: overrides `organisation.as_of`.
    pub as_of: Option<Date>,
    /// `--mix`: overrides `[mix]`'s percentages.
    pub mix: Option<LearningMix>,
    /// `--pseudonymize`: profile files are named by their place in
    /// org.toml (`people`, `assessments[2]`) and sheets by number
    /// (`#sheet1`), never by name, in messages and in what is read: a file
    /// or sheet may be named after the person it holds (issue 27, F13).
    pub label_files: bool,
    /// `--allow-outside`: profile files may lie outside org.toml's folder
    /// (as `[profiles] allow_outside = true`); refused by default (F9).
    pub allow_outside: bool,
}

/// The result of loading: the organisation when it is valid, and every
/// diagnostic (errors and warnings) in the order found.
#[derive(Debug)]
pub struct Loaded {
    pub org: Option<Organisation>,
    pub diagnostics: Vec<Diagnostic>,
    /// Every error found, also those not listed in `diagnostics` (past
    /// the caps of `crate::diagnostics::Diagnostics`).
    pub errors: usize,
}

/// Today in the local time zone (the default reference date).
///
/// Where `TZ` is not set, the zone is read straight from `/etc/localtime`:
/// `jiff`'s own lookup also lists the whole time zone database
/// (`/usr/share/zoneinfo`, some 1,800 files) to give the zone its name,
/// which took more time than loading a small organisation (issue 28: every
/// command on the shipped example within 5 ms). The day is the same: the
/// same TZif rules, only unnamed. `TZ`, another system, or a file that is
/// not TZif goes through `jiff`'s lookup as before.
pub fn today() -> Date {
    let now = jiff::Timestamp::now();
    if cfg!(unix) && std::env::var_os("TZ").is_none() {
        let local = std::fs::read("/etc/localtime")
            .ok()
            .and_then(|tzif| jiff::tz::TimeZone::tzif("Local", &tzif).ok());
        if let Some(zone) = local {
            return now.to_zoned_datetime(zone).date();
        }
    }
    now.to_zoned_datetime(jiff::tz::TimeZone::system()).date()
}

/// Loads an organisation from its org.toml.
pub fn load(path: &Path, options: &LoadOptions) -> Loaded {
    let mut diags = Diagnostics::default();
    let org = load_into(path, options, &mut diags);
    let org = if diags.has_errors() { None } else { org };
    Loaded {
        org,
        errors: diags.error_count(),
        diagnostics: diags.into_vec(),
    }
}

/// As [`load`], but the organisation as far as it was read is kept even
/// when there are errors: `--pseudonymize` needs to know who the people are
/// to rewrite the messages that quote them. Not for analysis.
pub fn load_as_read(path: &Path, options: &LoadOptions) -> Loaded {
    let mut diags = Diagnostics::default();
    let org = load_into(path, options, &mut diags);
    Loaded {
        org,
        errors: diags.error_count(),
        diagnostics: diags.into_vec(),
    }
}

/// True when `text` is a column name of the profile files (FORMAT.md
/// "Column names", any case): not personal data in a message.
pub fn column_name(text: &str) -> bool {
    columns::canonical(&columns::fold(text)).is_some()
}

fn load_into(path: &Path, options: &LoadOptions, diags: &mut Diagnostics) -> Option<Organisation> {
    let shown = path.display().to_string();
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            diags.error(&shown, None, format!("cannot read: {e}"));
            return None;
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let line = e.as_bytes()[..e.utf8_error().valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            diags.error(
                &shown,
                Some(line),
                "org.toml is not UTF-8: save it as UTF-8",
            );
            return None;
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let dir = path.parent().unwrap_or(Path::new(""));
    // One clock for D and for the typo warning of "Known at D".
    let now = today();
    let (mut org, refs) = org::parse(
        &shown,
        text,
        dir,
        options,
        || default_name(path),
        || now,
        diags,
    )?;
    org.inputs.push(path.to_path_buf());
    let freshness = org.freshness_rule().with_today(now);
    let mut profiles = profiles::Profiles::new(
        &org.scale,
        &org.skills,
        &org.roles,
        freshness,
        &org.policy.sources,
    );
    profiles.label_sheets = options.label_files;
    let label = |path: &Path, label: String| match options.label_files {
        true => label,
        false => path.display().to_string(),
    };
    let mut inputs: Vec<PathBuf> = Vec::new();
    let folder = (!(options.allow_outside || refs.allow_outside)).then(|| folder_of(dir));
    let readable = |file: &org::FileRef, diags: &mut Diagnostics| {
        check_exists(&shown, file, diags) && check_inside(&shown, folder.as_deref(), file, diags)
    };
    if let Some(people) = &refs.people {
        if readable(people, diags) {
            let shown = label(&people.path, "people".to_string());
            profiles.read_people(&people.path, &shown, people.sheet.as_deref(), diags);
        }
        inputs.push(people.path.clone());
    }
    for (i, assessments) in expand_patterns(&shown, &refs.assessments, "assessments", diags)
        .iter()
        .enumerate()
    {
        if readable(assessments, diags) {
            profiles.read_assessments(
                &assessments.path,
                &label(&assessments.path, format!("assessments[{}]", i + 1)),
                assessments.sheet.as_deref(),
                diags,
            );
        }
        inputs.push(assessments.path.clone());
    }
    // FORMAT.md r3 "Activity log": read after every assessment file, so
    // that it knows every person.
    let log = refs.activities.as_ref().map(|files| {
        let mut log = crate::model::ActivityLog::default();
        let context = activities::LogContext {
            catalogue: &org.activities,
            as_of: org.as_of,
        };
        for (i, file) in expand_patterns(&shown, files, "activities", diags)
            .iter()
            .enumerate()
        {
            if readable(file, diags) {
                profiles.read_activities(
                    &file.path,
                    &label(&file.path, format!("activities[{}]", i + 1)),
                    file.sheet.as_deref(),
                    &context,
                    &mut log,
                    diags,
                );
            }
            inputs.push(file.path.clone());
        }
        log
    });
    let places = Places {
        org: shown.clone(),
        profiles: refs.people.is_some() || !refs.assessments.is_empty(),
        need_units: refs.need_units,
        units: unit_origins(&profiles),
        people_file: profiles.people_columns.take(),
    };
    let read = profiles.finish();
    org.people = read.people;
    org.units = read.units;
    org.matrix = read.matrix;
    org.expired = read.expired;
    org.self_and_manager = read.self_and_manager;
    org.assessment_rows = read.rows;
    org.log = log;
    org.inputs.extend(inputs);
    check_organisation(&org, &places, diags);
    Some(org)
}

/// For each unit read, the file and line of the first person read with it,
/// for messages about units (None: nobody has it).
fn unit_origins(profiles: &profiles::Profiles<'_>) -> Vec<Option<(String, usize)>> {
    let mut origins = vec![None; profiles.units.len()];
    for (person, unit) in profiles.people.units().iter().enumerate() {
        if let Some(origin @ None) = origins.get_mut(unit as usize) {
            let (file, line) = profiles.origin.get(person);
            *origin = Some((profiles.files[file as usize].clone(), line as usize));
        }
    }
    origins
}

/// A profile file named in org.toml must exist; the error points at org.toml.
/// The assessment files with each pattern (FORMAT.md r3, `"svar/*.xlsx"`)
/// replaced by the files it matches, in name order; a pattern matching
/// nothing is a warning at its place in org.toml.
fn expand_patterns(
    org_path: &str,
    files: &[org::FileRef],
    what: &str,
    diags: &mut Diagnostics,
) -> Vec<org::FileRef> {
    let mut out = Vec::with_capacity(files.len());
    for file in files {
        if !pattern::is_pattern(&file.path) {
            out.push(file.clone());
            continue;
        }
        let found = pattern::expand(&file.path);
        if found.is_empty() {
            diags.warning_at(
                org_path,
                file.line,
                file.column,
                format!(
                    "the pattern {} matches no file yet: no {what} read from it",
                    file.path.display()
                ),
            );
        }
        out.extend(found.into_iter().map(|path| org::FileRef {
            path,
            ..file.clone()
        }));
    }
    out
}

fn check_exists(org_path: &str, file: &org::FileRef, diags: &mut Diagnostics) -> bool {
    if file.path.is_file() {
        return true;
    }
    let why = if file.path.exists() {
        "is not a file".to_string()
    } else {
        "does not exist".to_string()
    };
    diags.error_at(
        org_path,
        file.line,
        file.column,
        format!("{} {why}", file.path.display()),
    );
    false
}

/// org.toml's folder with links resolved (`dir` is "" for org.toml in the
/// working folder).
fn folder_of(dir: &Path) -> PathBuf {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf())
}

/// Issue 27, F9: a profile file must lie inside org.toml's folder once
/// links are resolved (`folder`; None: allowed anywhere), since a pull
/// request's org.toml (or a link in it) could name any file on the machine
/// (`/proc/self/pagemap`, a secret). The error points at org.toml.
fn check_inside(
    org_path: &str,
    folder: Option<&Path>,
    file: &org::FileRef,
    diags: &mut Diagnostics,
) -> bool {
    let Some(folder) = folder else {
        return true;
    };
    let resolved = file
        .path
        .canonicalize()
        .unwrap_or_else(|_| file.path.clone());
    if resolved.starts_with(folder) {
        return true;
    }
    let through = if resolved == file.path {
        String::new()
    } else {
        format!(" (it is {})", resolved.display())
    };
    diags.error_at(
        org_path,
        file.line,
        file.column,
        format!(
            "{}{through} is outside org.toml's folder {}: profile files are read only from there, since a pull request could name any file on the machine; to read it, give --allow-outside or set allow_outside = true in [profiles]",
            file.path.display(),
            folder.display()
        ),
    );
    false
}

fn default_name(path: &Path) -> String {
    path.canonicalize()
        .ok()
        .and_then(|p| {
            p.parent()
                .and_then(|d| d.file_name())
                .map(|n| n.to_string_lossy().into_owned())
        })
        .unwrap_or_else(|| "organisation".to_string())
}

#[cfg(test)]
mod tests {
    /// `today` reads /etc/localtime itself; the day must be the one
    /// `jiff`'s own lookup of the system zone gives (either side of the
    /// call, in case midnight falls in between).
    #[test]
    fn today_is_the_system_zones_day() {
        let before = jiff::ZonedDateTime::now().date();
        let ours = super::today();
        let after = jiff::ZonedDateTime::now().date();
        assert!(
            ours == before || ours == after,
            "{ours} is neither {before} nor {after}"
        );
    }
}
