//! `kompetanse market ORG`: the competence marketplace (*kompetansetorg*):
//! per skill, who wants to learn it and who can teach it, with the goals
//! each teacher already mentors in the plans (FORMAT r2 "Mentors").

use clap::Args;

use crate::analysis::market::market_report;
use crate::cli::{ReportArgs, Status, unit_arg};

#[derive(Debug, Args)]
pub struct MarketArgs {
    #[command(flatten)]
    pub report: ReportArgs,

    /// Only people in this unit or a unit below it
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,
}

pub fn run(args: &MarketArgs) -> anyhow::Result<Status> {
    args.report.privacy.refuse_min_group("`market`")?;
    let Some((org, format)) = args.report.load(None, "; no report written", false)? else {
        return Ok(Status::Invalid);
    };
    let unit = unit_arg(&org, args.unit.as_deref())?;
    args.report
        .emit(&market_report(&org, unit.as_deref()), format)?;
    Ok(Status::Done)
}
