//! `kompetanse plan ORG`: one development plan per person (role gaps and
//! needs merged into goals, split by the learning mix, with activities),
//! and the organisation's summary with the recruitment list.

use clap::Args;

use crate::analysis::PeopleFilter;
use crate::analysis::plan::plan_report;
use crate::cli::output::OutputArgs;
use crate::cli::{OrgArgs, Status, WhatIfArgs, load_org, parse_mix_arg, person_arg, unit_arg};
use crate::model::LearningMix;

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
        unit: unit_arg(&org, args.unit.as_deref())?,
        role: None,
        person: person_arg(&org, args.person.as_deref())?,
    };
    args.output.emit(&plan_report(&org, &filter), format)?;
    Ok(Status::Done)
}
