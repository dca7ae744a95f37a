//! `kompetanse gap ORG`: the organisation-perspective gap report.

use clap::Args;

use crate::analysis::gap::{GapFilter, gap_report};
use crate::cli::output::OutputArgs;
use crate::cli::{OrgArgs, Status, check_unit, load_org, parse_mix_arg, parse_priority_arg};
use crate::model::{LearningMix, Priority};
use crate::render::{self, Format, table::TableStyle};

#[derive(Debug, Args)]
pub struct GapArgs {
    #[command(flatten)]
    pub org: OrgArgs,

    #[command(flatten)]
    pub output: OutputArgs,

    /// Exit with 1 when a reported need at this priority or higher has a shortfall
    #[arg(long, value_name = "PRIORITY", value_parser = parse_priority_arg)]
    pub fail_on: Option<Priority>,

    /// Only needs scoped to this unit or a unit below it
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,

    /// Only needs at this priority or higher (critical > high > medium > low)
    #[arg(long, value_name = "PRIORITY", value_parser = parse_priority_arg)]
    pub priority: Option<Priority>,

    /// Learning mix: 70-20-10, 40-50-10 or E-S-F percentages; overrides [mix]
    #[arg(long, value_name = "MIX", value_parser = parse_mix_arg)]
    pub mix: Option<LearningMix>,
}

pub fn run(args: &GapArgs) -> anyhow::Result<Status> {
    let Some(org) = load_org(&args.org, args.mix, "; no report written")? else {
        return Ok(Status::Invalid);
    };
    args.output.check(&org.inputs)?;
    let format = args.output.format()?;
    let unit = args
        .unit
        .as_deref()
        .map(|u| check_unit(&org, u))
        .transpose()?;
    let filter = GapFilter {
        unit,
        priority: args.priority,
    };
    let report = gap_report(&org, &filter);
    let style = TableStyle {
        wrap: args.output.to_terminal(),
    };
    args.output.emit(|out| match format {
        Format::Table => render::table::write_gap(&report, style, out),
        Format::Json => render::json::write(&report, out),
        Format::Csv => render::csv::write_gap(&report, out),
    })?;
    let failed = args.fail_on.is_some_and(|threshold| {
        report
            .needs
            .iter()
            .any(|n| n.shortfall > 0 && n.priority.at_least(threshold))
    });
    Ok(if failed { Status::Failed } else { Status::Done })
}
