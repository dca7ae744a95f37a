//! `kompetanse matrix ORG [--unit U] [--role R] [--skills a,b,...]` (issue
//! 23 item 5, the deck's *kompetansematrise*): people as rows, skills as
//! columns, each level against the person's role target. Skills are given
//! by id or name, as `who` takes them; a bad option is a usage error (exit
//! 2) before anything is written.

use clap::Args;

use crate::analysis::matrix::{MatrixOptions, matrix_report};
use crate::cli::{ReportArgs, Status, UsageError, role_arg, unit_arg};

#[derive(Debug, Args)]
pub struct MatrixArgs {
    #[command(flatten)]
    pub report: ReportArgs,

    /// Only people in this unit or a unit below it
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,

    /// Only people with this role
    #[arg(long, value_name = "ROLE")]
    pub role: Option<String>,

    /// These skills as the columns, in this order: ids or names, comma-separated [default: every skill someone shown has assessed or a target for]
    #[arg(long, value_name = "SKILL,...", value_delimiter = ',', value_parser = parse_skill)]
    pub skills: Vec<String>,

    /// Mark levels expiring within this many days of the reference date
    #[arg(long, value_name = "DAYS", default_value_t = crate::analysis::DEFAULT_EXPIRING_DAYS)]
    pub expiring: u32,
}

/// A skill of `--skills`, trimmed and not empty.
fn parse_skill(text: &str) -> Result<String, String> {
    match text.trim() {
        "" => Err(
            "a skill is empty: give ids or names between the commas, e.g. --skills rust,sql".into(),
        ),
        skill => Ok(skill.to_string()),
    }
}

pub fn run(args: &MatrixArgs) -> anyhow::Result<Status> {
    // Every cell is one person's level: no suppression of small groups can
    // hide it (issue 27, F7 d).
    args.report.privacy.refuse_min_group("`matrix`")?;
    let Some((org, format)) = args.report.load(None, "; no matrix written", false)? else {
        return Ok(Status::Invalid);
    };
    let unit = unit_arg(&org, args.unit.as_deref())?;
    let role = role_arg(&org, args.role.as_deref())?;
    let skills = if args.skills.is_empty() {
        None
    } else {
        let mut chosen: Vec<usize> = Vec::new();
        for skill in &args.skills {
            let s = org
                .find_skill(skill)
                .map_err(|e| UsageError::lookup("--skills", &e))?;
            if !chosen.contains(&s) {
                chosen.push(s);
            }
        }
        Some(chosen)
    };
    let options = MatrixOptions {
        unit,
        role,
        skills,
        expiring_days: args.expiring,
    };
    args.report.emit(&matrix_report(&org, &options), format)?;
    Ok(Status::Done)
}
