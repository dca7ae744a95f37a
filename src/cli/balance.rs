//! `kompetanse balance ORG`: the competence balance (*kompetansesaldo*):
//! people at each level per skill (and per unit), freshness, expiring
//! certificates and key-person risk.

use clap::{Args, ValueEnum};

use crate::analysis::balance::{BalanceOptions, balance_report};
use crate::cli::{ReportArgs, Status, unit_arg};

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
}

pub fn run(args: &BalanceArgs) -> anyhow::Result<Status> {
    let Some((org, format)) = args.report.load(None, "; no report written", false)? else {
        return Ok(Status::Invalid);
    };
    let options = BalanceOptions {
        unit: unit_arg(&org, args.unit.as_deref())?,
        by_unit: args.by == By::Unit,
        expiring_days: args.expiring,
    };
    args.report.emit(&balance_report(&org, &options), format)?;
    Ok(Status::Done)
}
