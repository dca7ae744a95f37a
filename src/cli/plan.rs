//! `kompetanse plan ORG`: one development plan per person (role gaps and
//! needs merged into goals, split by the learning mix, with activities),
//! and the organisation's summary with the recruitment list.

use clap::Args;

use crate::analysis::PeopleFilter;
use crate::analysis::plan::plan_report;
use crate::cli::output::OutputArgs;
use crate::cli::{OrgArgs, Status, WhatIfArgs, check_unit, find_person, load_org, parse_mix_arg};
use crate::model::LearningMix;
use crate::render::{self, Format, table::TableStyle};

#[derive(Debug, Args)]
pub struct PlanArgs {
    #[command(flatten)]
    pub org: OrgArgs,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub what_if: WhatIfArgs,

    /// Only this person's plan
    #[arg(long, value_name = "ID")]
    pub person: Option<String>,

    /// Only people in this unit or a unit below it
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,

    /// Learning mix: 70-20-10, 40-50-10 or E-S-F percentages; overrides [mix]
    #[arg(long, value_name = "MIX", value_parser = parse_mix_arg)]
    pub mix: Option<LearningMix>,
}

pub fn run(args: &PlanArgs) -> anyhow::Result<Status> {
    let Some(org) = load_org(&args.org, args.mix, "; no plan written")? else {
        return Ok(Status::Invalid);
    };
    args.output.check(&org.inputs)?;
    let org = args.what_if.apply(org)?;
    let format = args.output.format()?;
    let filter = PeopleFilter {
        unit: args
            .unit
            .as_deref()
            .map(|u| check_unit(&org, u))
            .transpose()?,
        role: None,
        person: args
            .person
            .as_deref()
            .map(|p| find_person(&org, p))
            .transpose()?,
    };
    let report = plan_report(&org, &filter);
    let style = TableStyle {
        wrap: args.output.to_terminal(),
    };
    args.output.emit(|out| match format {
        Format::Table => render::table::write_plan(&report, style, out),
        Format::Json => render::json::write(&report, out),
        Format::Csv => render::csv::write_plan(&report, out),
        Format::Markdown => render::markdown::write_plan(&report, out),
    })?;
    Ok(Status::Done)
}
