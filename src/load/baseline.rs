//! Reads a baseline (FORMAT.md r2 "Baseline"): an earlier JSON report of
//! the same command for the same organisation. Only the fields a
//! comparison needs are read; files written before reports carried
//! `schema_version` and `report` are told apart by their shape. Version 1
//! files (before issue 30's renames) are read too: the only renamed field
//! a comparison reads, a balance skill's `people`/`assessed` (now
//! `people_count`/`assessed_count`), is read under either name. Every way a
//! file can be the wrong one is a [`BaselineError`] naming the file; it
//! never computes the comparison (that is `analysis::baseline`).
//!
//! Two cases are warnings, not errors (issue 30): no file at all (a
//! brand-new repository has no baseline yet: every need is new), and a
//! file for another organisation name whose ids overlap today's (the
//! organisation was renamed, the natural first change after `init`).

use std::path::Path;

use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::Value;
use serde_json::value::RawValue;

use crate::diagnostics::{Diagnostic, Severity};

use crate::model::Level;
use crate::report::SCHEMA_VERSION;
use crate::report::baseline::{EarlierBalance, EarlierGap, EarlierNeed, EarlierSkill};
use crate::report::kind::name;

/// Why a file cannot be a baseline, as a sentence that names it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct BaselineError(pub String);

/// The top of a report: what it says it is, and what it is about.
struct Header {
    kind: String,
    organisation: String,
    as_of: String,
}

/// A baseline as read, and what was said of it on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Read<T> {
    pub earlier: T,
    pub warnings: Vec<Diagnostic>,
}

fn warning(path: &Path, message: String) -> Diagnostic {
    Diagnostic {
        path: path.display().to_string(),
        line: None,
        column: None,
        cell: false,
        severity: Severity::Warning,
        message,
    }
}

/// No file at `path`: no baseline yet, said as a warning.
fn nothing_yet(path: &Path, what: &str) -> Diagnostic {
    warning(
        path,
        format!("no baseline yet: every {what} is new (the file does not exist)"),
    )
}

/// The baseline names another organisation: a rename when some of its ids
/// (`ids`) are `known` today (a warning), else the wrong file (an error).
fn other_organisation<'a>(
    path: &Path,
    header: &Header,
    organisation: &str,
    what: &str,
    mut ids: impl Iterator<Item = &'a str>,
    known: impl Fn(&str) -> bool,
) -> Result<Option<Diagnostic>, BaselineError> {
    if header.organisation == organisation {
        return Ok(None);
    }
    let shown = path.display();
    let org = &header.organisation;
    if ids.any(known) {
        return Ok(Some(warning(
            path,
            format!(
                "the baseline is for organisation '{org}', not '{organisation}': compared {what} by id, as a renamed organisation"
            ),
        )));
    }
    Err(BaselineError(format!(
        "'{shown}' is for organisation '{org}', not '{organisation}', and has no {what} id of it"
    )))
}

/// The largest baseline read (1 GiB): far beyond any report's JSON, and
/// still bounded (issue 27, F11).
const MOST_BYTES: u64 = 1 << 30;

/// The top of a report, as little as telling what it is takes: the header
/// fields, and only whether the keys that tell old reports apart are
/// there. Everything else is skipped as it is read (`IgnoredAny`), never
/// built: a 150 MB baseline parsed whole into a `Value` took over 2 GiB
/// (issue 27, F11).
#[derive(Deserialize)]
struct Top<'a> {
    organisation: Option<Value>,
    as_of: Option<Value>,
    schema_version: Option<Value>,
    report: Option<Value>,
    by: Option<Value>,
    gap: Option<IgnoredAny>,
    balance: Option<IgnoredAny>,
    coverage: Option<IgnoredAny>,
    since: Option<IgnoredAny>,
    /// Kept as their text, read by [`field`] once the kind is known.
    #[serde(borrow)]
    needs: Option<&'a RawValue>,
    #[serde(borrow)]
    skills: Option<&'a RawValue>,
    totals: Option<IgnoredAny>,
    people: Option<IgnoredAny>,
    groups: Option<IgnoredAny>,
    plans: Option<IgnoredAny>,
    summary: Option<IgnoredAny>,
    scale: Option<IgnoredAny>,
    freshness: Option<IgnoredAny>,
    teaching_level: Option<IgnoredAny>,
}

/// serde_json's message without the position it ends with.
fn without_position(e: &serde_json::Error) -> String {
    let message = e.to_string();
    message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(m, _)| m)
        .to_string()
}

/// The text of the baseline at `path`, at most [`MOST_BYTES`]; None when
/// there is no such file (no baseline yet).
fn text_of(path: &Path) -> Result<Option<String>, BaselineError> {
    let shown = path.display();
    let cannot =
        |e: std::io::Error| BaselineError(format!("cannot read the baseline '{shown}': {e}"));
    let size = match std::fs::metadata(path) {
        Ok(meta) => meta.len(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(cannot(e)),
    };
    if size > MOST_BYTES {
        return Err(BaselineError(format!(
            "the baseline '{shown}' is {size} bytes, more than the 1 GiB a baseline may be: give a file written by `--format json`"
        )));
    }
    std::fs::read_to_string(path).map(Some).map_err(cannot)
}

/// Reads `text` (of `path`) as a JSON report of kind `want` (a
/// `report::kind::name`), in one pass: its header, and the fields a
/// comparison needs as text ([`field`] reads them). Whose organisation it
/// is, the callers decide ([`other_organisation`]).
fn read<'a>(path: &Path, text: &'a str, want: &str) -> Result<(Header, Top<'a>), BaselineError> {
    let shown = path.display();
    let not_ours = || {
        BaselineError(format!(
            "'{shown}' is not a kompetanse report (no 'organisation' and 'as_of' at its top): give a file written by `--format json`"
        ))
    };
    let top: Top = serde_json::from_str(text).map_err(|e| {
        if e.is_data() {
            return not_ours();
        }
        // serde_json ends its message with the position; say it our way.
        BaselineError(format!(
            "{shown}:{}:{}: the baseline is not JSON ({}): give a file written by `--format json`",
            e.line(),
            e.column(),
            without_position(&e)
        ))
    })?;
    let (Some(Value::String(org)), Some(Value::String(as_of))) = (&top.organisation, &top.as_of)
    else {
        return Err(not_ours());
    };
    match &top.schema_version {
        None => {}
        Some(v) => match v.as_u64() {
            Some(v) if v <= u64::from(SCHEMA_VERSION) => {}
            Some(v) => {
                return Err(BaselineError(format!(
                    "'{shown}' has schema_version {v}, newer than this kompetanse reads ({SCHEMA_VERSION}): compare with the version that wrote it, or a newer one"
                )));
            }
            // Issue 27, F20: say what is wrong, not "not a report".
            None => {
                return Err(BaselineError(format!(
                    "'{shown}' has schema_version {}, which is not a whole number: a kompetanse report has schema_version {SCHEMA_VERSION} or lower",
                    crate::suggest::clip(&v.to_string())
                )));
            }
        },
    }
    let kind = match &top.report {
        Some(Value::String(kind)) => kind.clone(),
        Some(_) => return Err(not_ours()),
        None => kind_by_shape(&top).ok_or_else(not_ours)?.to_string(),
    };
    if kind != want {
        return Err(BaselineError(format!(
            "'{shown}' is a {kind} report, not a {want} report: give the output of an earlier `{}`",
            command(want)
        )));
    }
    let header = Header {
        kind,
        organisation: org.clone(),
        as_of: as_of.clone(),
    };
    Ok((header, top))
}

/// The command line that writes a report of `kind`.
fn command(kind: &str) -> String {
    match kind.strip_prefix("gap-by-") {
        Some(by) => format!("gap --by {by} --format json"),
        None => format!("{kind} --format json"),
    }
}

/// The kind of a report written before reports named themselves, by the
/// keys only it has at its top.
fn kind_by_shape(top: &Top) -> Option<&'static str> {
    let (gap, balance, coverage) = (
        top.gap.is_some(),
        top.balance.is_some(),
        top.coverage.is_some(),
    );
    let (since, needs, skills) = (
        top.since.is_some(),
        top.needs.is_some(),
        top.skills.is_some(),
    );
    let (totals, people, groups) = (
        top.totals.is_some(),
        top.people.is_some(),
        top.groups.is_some(),
    );
    if gap && balance && coverage {
        Some(name::REPORT)
    } else if since && needs && skills {
        Some(name::PROGRESS)
    } else if needs && totals {
        Some(name::GAP)
    } else if people && totals {
        Some(name::GAP_BY_PERSON)
    } else if groups && top.by.is_some() {
        match top.by.as_ref().and_then(Value::as_str) {
            Some("unit") => Some(name::GAP_BY_UNIT),
            Some("skill") => Some(name::GAP_BY_SKILL),
            Some("driver") => Some(name::GAP_BY_DRIVER),
            _ => None,
        }
    } else if top.plans.is_some() && top.summary.is_some() {
        Some(name::PLAN)
    } else if top.scale.is_some() && skills && top.freshness.is_some() {
        Some(name::BALANCE)
    } else if top.teaching_level.is_some() && skills {
        Some(name::MARKET)
    } else {
        None
    }
}

/// Reads the report's field `name` (its text, `raw`) into `T`; a missing
/// or mistyped field means the file is not the report it says it is.
fn field<T: for<'de> Deserialize<'de>>(
    path: &Path,
    header: &Header,
    name: &str,
    raw: Option<&RawValue>,
) -> Result<T, BaselineError> {
    let incomplete = |why: String| {
        BaselineError(format!(
            "'{}' is not a complete {} report: {why}",
            path.display(),
            header.kind
        ))
    };
    let raw = raw.ok_or_else(|| incomplete(format!("missing field `{name}`")))?;
    serde_json::from_str(raw.get()).map_err(|e| incomplete(without_position(&e)))
}

#[derive(Deserialize)]
struct NeedFields {
    id: String,
    skill: String,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    role: Option<String>,
    #[serde(default)]
    level: Option<Level>,
    #[serde(default)]
    count: Option<u32>,
    #[serde(default)]
    priority: Option<String>,
    have: u32,
    shortfall: u32,
    /// Files from before r2 have no renew list: nobody to renew.
    #[serde(default)]
    renew: Vec<IgnoredAny>,
    coverage: f64,
}

/// An earlier `gap --format json` for `organisation`, whose need ids today
/// are those `known` says (for a renamed organisation).
pub fn read_gap(
    path: &Path,
    organisation: &str,
    known: impl Fn(&str) -> bool,
) -> Result<Read<EarlierGap>, BaselineError> {
    let Some(text) = text_of(path)? else {
        return Ok(Read {
            earlier: EarlierGap::nothing(organisation),
            warnings: vec![nothing_yet(path, "need")],
        });
    };
    let (header, top) = read(path, &text, name::GAP)?;
    let needs: Vec<NeedFields> = field(path, &header, "needs", top.needs)?;
    check_needs(path, &needs)?;
    let ids = needs.iter().map(|n| n.id.as_str());
    let warnings = other_organisation(path, &header, organisation, "need", ids, known)?
        .into_iter()
        .collect();
    let earlier = EarlierGap {
        organisation: header.organisation,
        as_of: Some(header.as_of),
        needs: needs
            .into_iter()
            .map(|n| EarlierNeed {
                id: n.id,
                skill: n.skill,
                unit: n.unit,
                role: n.role,
                level: n.level,
                count: n.count,
                priority: n.priority,
                have: n.have,
                shortfall: n.shortfall,
                renew: u32::try_from(n.renew.len()).unwrap_or(u32::MAX),
                coverage: n.coverage,
            })
            .collect(),
    };
    Ok(Read { earlier, warnings })
}

#[derive(Deserialize)]
struct SkillFields {
    skill: String,
    #[serde(default)]
    name: Option<String>,
    levels: Vec<u64>,
    /// `people` in schema version 1 (and earlier), `people_count` since 2.
    #[serde(rename = "people_count", alias = "people")]
    people: u64,
    /// `assessed` in schema version 1 (and earlier), `assessed_count` since 2.
    #[serde(rename = "assessed_count", alias = "assessed")]
    assessed: u64,
}

/// An earlier `balance --format json` for `organisation`, whose skill ids
/// today are those `known` says.
pub fn read_balance(
    path: &Path,
    organisation: &str,
    known: impl Fn(&str) -> bool,
) -> Result<Read<EarlierBalance>, BaselineError> {
    let Some(text) = text_of(path)? else {
        return Ok(Read {
            earlier: EarlierBalance::nothing(organisation),
            warnings: vec![nothing_yet(path, "skill")],
        });
    };
    let (header, top) = read(path, &text, name::BALANCE)?;
    let skills: Vec<SkillFields> = field(path, &header, "skills", top.skills)?;
    check_skills(path, &skills)?;
    let ids = skills.iter().map(|s| s.skill.as_str());
    let warnings = other_organisation(path, &header, organisation, "skill", ids, known)?
        .into_iter()
        .collect();
    let earlier = EarlierBalance {
        organisation: header.organisation,
        as_of: Some(header.as_of),
        skills: skills
            .into_iter()
            .map(|s| EarlierSkill {
                skill: s.skill,
                name: s.name,
                levels: s.levels,
                people: s.people,
                assessed: s.assessed,
            })
            .collect(),
    };
    Ok(Read { earlier, warnings })
}

/// Issue 27, F19: a baseline whose numbers no report of ours could hold
/// (edited by hand, or made to slip a regression past the gate) is refused:
/// a repeated need id, a coverage outside 0 to 1, a count of 0, or a
/// shortfall that is not count minus the covered.
fn check_needs(path: &Path, needs: &[NeedFields]) -> Result<(), BaselineError> {
    let impossible = |id: &str, why: String| {
        Err(BaselineError(format!(
            "'{}' cannot be a kompetanse report: need '{}' {why}",
            path.display(),
            crate::suggest::clip(id)
        )))
    };
    let mut seen = std::collections::HashSet::with_capacity(needs.len());
    for n in needs {
        if !seen.insert(n.id.as_str()) {
            return impossible(&n.id, "appears twice".to_string());
        }
        if !(0.0..=1.0).contains(&n.coverage) {
            return impossible(
                &n.id,
                format!("has coverage {}, not from 0 to 1", n.coverage),
            );
        }
        if let Some(count) = n.count {
            if count == 0 {
                return impossible(&n.id, "has count 0".to_string());
            }
            let expected = count - n.have.min(count);
            if n.shortfall != expected {
                return impossible(
                    &n.id,
                    format!(
                        "has shortfall {} with have {} of count {count} (it would be {expected})",
                        n.shortfall, n.have
                    ),
                );
            }
        }
    }
    Ok(())
}

/// The most levels a scale has ("none" and 100 more): a histogram longer
/// than that is no balance of ours, and comparing it would cost its length
/// squared (issue 27, F6).
const MOST_LEVELS: usize = 101;

/// Issue 27, F19 and F6 for `balance`: a repeated skill, a histogram longer
/// than any scale, or one whose people do not add up.
fn check_skills(path: &Path, skills: &[SkillFields]) -> Result<(), BaselineError> {
    let impossible = |id: &str, why: String| {
        Err(BaselineError(format!(
            "'{}' cannot be a kompetanse report: skill '{}' {why}",
            path.display(),
            crate::suggest::clip(id)
        )))
    };
    let mut seen = std::collections::HashSet::with_capacity(skills.len());
    for s in skills {
        if !seen.insert(s.skill.as_str()) {
            return impossible(&s.skill, "appears twice".to_string());
        }
        if s.levels.len() > MOST_LEVELS {
            return impossible(
                &s.skill,
                format!(
                    "has {} levels; a scale has at most {MOST_LEVELS}",
                    s.levels.len()
                ),
            );
        }
        let counted = s.levels.iter().try_fold(0u64, |a, &b| a.checked_add(b));
        if counted != Some(s.people) || s.assessed > s.people {
            return impossible(
                &s.skill,
                format!(
                    "has {} people but {} at its levels and {} assessed",
                    s.people,
                    counted.map_or("more".to_string(), |c| c.to_string()),
                    s.assessed
                ),
            );
        }
    }
    Ok(())
}
