//! `kompetanse who ORG CRITERION...` (issue 23 item 4, the deck's
//! *CV-base*): who here knows Kubernetes at level 3 or better? A criterion
//! is `SKILL>=LEVEL`, the skill an id or a name, the level a number or a
//! level name; several must all hold. Its syntax is checked before
//! anything is read, its skill and level once the organisation is loaded.

use clap::Args;

use crate::analysis::who::who_report;
use crate::cli::{ReportArgs, Status, UsageError, role_arg, unit_arg};
use crate::model::{Level, Organisation};

#[derive(Debug, Args)]
pub struct WhoArgs {
    #[command(flatten)]
    pub report: ReportArgs,

    /// SKILL>=LEVEL: a skill id or name, a level number or name (quote it in the shell); every one must hold
    #[arg(value_name = "CRITERION", required = true, value_parser = parse_criterion)]
    pub criteria: Vec<(String, String)>,

    /// Only people in this unit or a unit below it
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,

    /// Only people with this role
    #[arg(long, value_name = "ROLE")]
    pub role: Option<String>,
}

/// `SKILL>=LEVEL` split at `>=`, both sides trimmed and not empty.
fn parse_criterion(text: &str) -> Result<(String, String), String> {
    match text.split_once(">=") {
        Some((skill, level)) if !skill.trim().is_empty() && !level.trim().is_empty() => {
            Ok((skill.trim().to_string(), level.trim().to_string()))
        }
        _ => Err(format!(
            "'{}' is not SKILL>=LEVEL (e.g. 'kubernetes>=3' or 'Rust programming>=advanced')",
            crate::suggest::clip(text)
        )),
    }
}

/// A criterion's skill index and level in `org`.
fn resolve(
    org: &Organisation,
    (skill, level): &(String, String),
) -> Result<(usize, Level), UsageError> {
    let s = org
        .find_skill(skill)
        .map_err(|e| UsageError::lookup("CRITERION", &e))?;
    let l = org.scale.parse(level).filter(|&l| l > 0).ok_or_else(|| {
        UsageError(format!(
            "CRITERION '{}': '{}' is not a level: give 1 to {} or one of {}",
            crate::suggest::clip(skill),
            crate::suggest::clip(level),
            org.scale.top(),
            org.scale.levels[1..].join(", ")
        ))
    })?;
    Ok((s, l))
}

pub fn run(args: &WhoArgs) -> anyhow::Result<Status> {
    // A list of named people: no group suppression hides them (F7 d).
    args.report.privacy.refuse_min_group("`who`")?;
    let Some((org, format)) = args.report.load(None, "; no list written", false)? else {
        return Ok(Status::Invalid);
    };
    let criteria = args
        .criteria
        .iter()
        .map(|c| resolve(&org, c))
        .collect::<Result<Vec<_>, _>>()?;
    let unit = unit_arg(&org, args.unit.as_deref())?;
    let role = role_arg(&org, args.role.as_deref())?;
    args.report
        .emit(&who_report(&org, &criteria, unit.as_deref(), role), format)?;
    Ok(Status::Done)
}
