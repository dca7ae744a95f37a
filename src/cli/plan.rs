//! `kompetanse plan ORG`: one development plan per person (role gaps and
//! needs merged into goals, split by the learning mix, with activities),
//! and the organisation's summary with the recruitment list.

use clap::Args;

use crate::analysis::PeopleFilter;
use crate::analysis::plan::{plan_json, plan_report, plan_toward};
use crate::cli::{ReportArgs, Status, parse_mix_arg, role_arg, unit_arg};
use crate::model::LearningMix;
use crate::render::Format;

#[derive(Debug, Args)]
pub struct PlanArgs {
    #[command(flatten)]
    pub report: ReportArgs,

    /// Only this person's plan
    #[arg(long, value_name = "ID")]
    pub person: Option<String>,

    /// Only people in this unit or a unit below it
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,

    /// Only the goals this person mentors (mentee, skill, levels, deadline): their mentoring load
    #[arg(long, value_name = "ID")]
    pub mentor: Option<String>,

    /// With --person: also their gap to this role's targets and their readiness for it ("could Kari take over?")
    #[arg(long, value_name = "ROLE", requires = "person")]
    pub toward: Option<String>,

    /// Learning mix: 70-20-10, 40-50-10 or E-S-F percentages; replaces the organisation's [mix], not a skill's own mix
    #[arg(long, value_name = "MIX", value_parser = parse_mix_arg)]
    pub mix: Option<LearningMix>,
}

pub fn run(args: &PlanArgs) -> anyhow::Result<Status> {
    args.report.privacy.refuse_min_group("`plan`")?;
    let Some((org, format)) = args.report.load(args.mix, "; no plan written", false)? else {
        return Ok(Status::Invalid);
    };
    let filter = PeopleFilter {
        unit: unit_arg(&org, args.unit.as_deref())?,
        role: None,
        person: args
            .report
            .privacy
            .person(&org, "--person", args.person.as_deref())?,
        mentor: args
            .report
            .privacy
            .person(&org, "--mentor", args.mentor.as_deref())?,
    };
    let toward = role_arg(&org, args.toward.as_deref())?;
    if format == Format::Json {
        // Printed plan by plan, never held whole (issue 28).
        args.report
            .output
            .write_with(|out| plan_json(&org, &filter, toward, out))?;
        return Ok(Status::Done);
    }
    let report = match toward {
        Some(role) => plan_toward(&org, &filter, role),
        None => plan_report(&org, &filter),
    };
    args.report.emit(&report, format)?;
    Ok(Status::Done)
}
