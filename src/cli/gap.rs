//! `kompetanse gap ORG`: the gap report, need by need (the organisation
//! perspective) or `--by person` (each person against their role).

use clap::{Args, ValueEnum};

use crate::analysis::PeopleFilter;
use crate::analysis::gap::{GapFilter, Grouping, gap_report, group_report};
use crate::analysis::role::person_report;
use crate::cli::output::OutputArgs;
use crate::cli::{
    OrgArgs, Status, UsageError, WhatIfArgs, check_unit, find_person, find_role, load_org,
    parse_mix_arg, parse_priority_arg, warn_key_people,
};
use crate::model::{LearningMix, Priority};
use crate::render::{self, Format, table::TableStyle};

/// What a gap report is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum By {
    /// Need by need: have, shortfall, who to develop, what to recruit.
    #[default]
    Need,
    /// Person by person: gaps to their role's requirements, and readiness.
    Person,
    /// Needs added up per unit.
    Unit,
    /// Needs added up per skill.
    Skill,
    /// Needs added up per strategic driver: which drivers are at risk.
    Driver,
}

#[derive(Debug, Args)]
pub struct GapArgs {
    #[command(flatten)]
    pub org: OrgArgs,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub what_if: WhatIfArgs,

    /// What the report lists
    #[arg(long, value_enum, default_value_t = By::Need)]
    pub by: By,

    /// Exit with 1 when a need in the report at this priority or higher has a shortfall
    #[arg(long, value_name = "PRIORITY", value_parser = parse_priority_arg)]
    pub fail_on: Option<Priority>,

    /// Only needs scoped to this unit or below it (--by person: people in it or below it)
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,

    /// Only needs at this priority or higher (critical > high > medium > low)
    #[arg(long, value_name = "PRIORITY", value_parser = parse_priority_arg)]
    pub priority: Option<Priority>,

    /// Only people with this role (--by person)
    #[arg(long, value_name = "ROLE")]
    pub role: Option<String>,

    /// Only this person (--by person)
    #[arg(long, value_name = "ID")]
    pub person: Option<String>,

    /// Learning mix: 70-20-10, 40-50-10 or E-S-F percentages; overrides [mix]
    #[arg(long, value_name = "MIX", value_parser = parse_mix_arg)]
    pub mix: Option<LearningMix>,
}

pub fn run(args: &GapArgs) -> anyhow::Result<Status> {
    if args.by != By::Person {
        for (given, flag) in [
            (args.role.is_some(), "--role"),
            (args.person.is_some(), "--person"),
        ] {
            if given {
                return Err(UsageError(format!("{flag} only applies to `gap --by person`")).into());
            }
        }
    } else if args.priority.is_some() {
        return Err(
            UsageError("--priority applies to needs, not to `gap --by person`".into()).into(),
        );
    }
    let Some(org) = load_org(&args.org, args.mix, "; no report written")? else {
        return Ok(Status::Invalid);
    };
    args.output.check(&org.inputs)?;
    let org = args.what_if.apply(org)?;
    warn_key_people(&org, &args.org);
    let format = args.output.format()?;
    let unit = args
        .unit
        .as_deref()
        .map(|u| check_unit(&org, u))
        .transpose()?;
    let style = TableStyle {
        wrap: args.output.to_terminal(),
    };
    // The need view is needed for the need report and for --fail-on only.
    let needs = (args.by != By::Person || args.fail_on.is_some()).then(|| {
        gap_report(
            &org,
            &GapFilter {
                unit: unit.clone(),
                priority: args.priority,
            },
        )
    });
    match (args.by, &needs) {
        (By::Need, Some(needs)) => args.output.emit(|out| match format {
            Format::Table => render::table::write_gap(needs, style, out),
            Format::Json => render::json::write(needs, out),
            Format::Csv => render::csv::write_gap(needs, out),
            Format::Markdown => render::markdown::write_gap(needs, out),
        })?,
        (By::Unit | By::Skill | By::Driver, Some(needs)) => {
            let grouping = match args.by {
                By::Unit => Grouping::Unit,
                By::Skill => Grouping::Skill,
                _ => Grouping::Driver,
            };
            let groups = group_report(&org, needs, grouping);
            args.output.emit(|out| match format {
                Format::Table => render::table::write_gap_groups(&groups, style, out),
                Format::Json => render::json::write(&groups, out),
                Format::Csv => render::csv::write_gap_groups(&groups, out),
                Format::Markdown => render::markdown::write_gap_groups(&groups, out),
            })?
        }
        _ => {
            let filter = PeopleFilter {
                unit,
                role: args
                    .role
                    .as_deref()
                    .map(|r| find_role(&org, r))
                    .transpose()?,
                person: args
                    .person
                    .as_deref()
                    .map(|p| find_person(&org, p))
                    .transpose()?,
            };
            let report = person_report(&org, &filter);
            args.output.emit(|out| match format {
                Format::Table => render::table::write_person_gap(&report, style, out),
                Format::Json => render::json::write(&report, out),
                Format::Csv => render::csv::write_person_gap(&report, out),
                Format::Markdown => render::markdown::write_person_gap(&report, out),
            })?
        }
    }
    let failed = match (args.fail_on, &needs) {
        (Some(threshold), Some(needs)) => needs
            .needs
            .iter()
            .any(|n| n.shortfall > 0 && n.priority.at_least(threshold)),
        _ => false,
    };
    Ok(if failed { Status::Failed } else { Status::Done })
}
