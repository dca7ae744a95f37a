//! `kompetanse balance ORG`: the competence balance (*kompetansesaldo*):
//! people at each level per skill (and per unit), freshness, expiring
//! certificates and key-person risk.

use clap::{Args, ValueEnum};

use crate::analysis::balance::{
    BalanceOptions, TooManyRows, UNIT_ROWS_MAX, balance_report, by_unit_fits,
};
use crate::analysis::baseline::compare_balance;
use crate::cli::baseline::BaselineArgs;
use crate::cli::{ReportArgs, Status, UsageError, unit_arg};
use crate::load::baseline::read_balance;
use crate::report::baseline::BalanceComparison;

/// How the balance is broken down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum By {
    /// Skill by skill, for everyone in scope.
    #[default]
    Skill,
    /// The same for every unit (units roll up: `it` includes `it/platform`).
    Unit,
}

#[derive(Debug, Args)]
pub struct BalanceArgs {
    #[command(flatten)]
    pub report: ReportArgs,

    /// Break the balance down by skill (default) or by unit
    #[arg(long, value_enum, default_value_t = By::Skill)]
    pub by: By,

    /// Only people in this unit or a unit below it
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,

    /// List certificates expiring within this many days of the reference date
    #[arg(long, value_name = "DAYS", default_value_t = crate::analysis::DEFAULT_EXPIRING_DAYS)]
    pub expiring: u32,

    #[command(flatten)]
    pub baseline: BaselineArgs,
}

pub fn run(args: &BalanceArgs) -> anyhow::Result<Status> {
    if args.baseline.baseline.is_some() && args.by == By::Unit {
        return Err(UsageError(
            "--baseline compares skill by skill for everyone in scope: it does not apply to --by unit (use --unit to narrow the scope)".into(),
        )
        .into());
    }
    let Some((org, format)) = args.report.load(None, "; no report written", false)? else {
        return Ok(Status::Invalid);
    };
    args.baseline.check_format::<BalanceComparison>(format)?;
    let options = BalanceOptions {
        unit: unit_arg(&org, args.unit.as_deref())?,
        by_unit: args.by == By::Unit,
        expiring_days: args.expiring,
    };
    let min = args.report.privacy.min_group;
    crate::privacy::min_group::check_scope(&org, options.unit.as_deref(), min)
        .map_err(UsageError)?;
    if options.by_unit {
        by_unit_fits(&org, options.unit.as_deref()).map_err(|size| {
            too_many_rows(
                "--by unit",
                size,
                "narrow it with --unit UNIT, or leave out --by unit",
            )
        })?;
    }
    let mut report = balance_report(&org, &options);
    crate::privacy::min_group::balance(&mut report, args.report.privacy.min_group);
    let Some(path) = &args.baseline.baseline else {
        args.report.emit(&report, format)?;
        return Ok(Status::Done);
    };
    let known: std::collections::HashSet<&str> =
        report.skills.iter().map(|s| s.skill.as_str()).collect();
    let read = read_balance(path, &report.organisation, |id| known.contains(id)).map_err(|e| {
        crate::cli::FileError {
            path: path.clone(),
            message: e.0,
        }
    })?;
    drop(known);
    args.baseline.warn(&read.warnings, &args.report.org);
    let compared = compare_balance(&read.earlier, report);
    args.report.emit(&compared, format)?;
    Ok(if args.baseline.gating() && compared.regressed() {
        Status::Failed
    } else {
        Status::Done
    })
}

/// Why a balance by unit (of `what`) is refused: how large it would be,
/// and what to do instead (`instead`). Decided before it is made.
pub fn too_many_rows(what: &str, size: TooManyRows, instead: &str) -> UsageError {
    UsageError(format!(
        "{what} would list {} skills for each of {} units: {} rows, more than the {UNIT_ROWS_MAX} one report holds; {instead}",
        size.skills,
        size.units,
        size.rows()
    ))
}
