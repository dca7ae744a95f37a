//! `kompetanse gap ORG`: the gap report, need by need (the organisation
//! perspective) or `--by person` (each person against their role).

use clap::{Args, ValueEnum};

use crate::analysis::PeopleFilter;
use crate::analysis::baseline::compare_gap;
use crate::analysis::gap::{GapFilter, Grouping, gap_report, group_report};
use crate::analysis::role::{person_json, person_report, toward_report};
use crate::cli::baseline::BaselineArgs;
use crate::cli::{
    ReportArgs, Status, UsageError, check_format, parse_amount_arg, parse_mix_arg,
    parse_priority_arg, role_arg, unit_arg,
};
use crate::model::{LearningMix, Priority};
use crate::render::{Format, NeedView};
use crate::report::GapReport;
use crate::report::baseline::GapComparison;

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
    pub report: ReportArgs,

    /// What the report lists
    #[arg(long, value_enum, default_value_t = By::Need)]
    pub by: By,

    /// Exit with 1 when a need in the report at this priority or higher has a shortfall
    #[arg(long, value_name = "PRIORITY", value_parser = parse_priority_arg)]
    pub fail_on: Option<Priority>,

    /// Exit with 1 when the needs' cost in a calendar year exceeds this amount (needs [cost] in org.toml)
    #[arg(long, value_name = "AMOUNT", value_parser = parse_amount_arg)]
    pub fail_on_budget: Option<f64>,

    /// Only needs scoped to this unit or below it (--by person: people in it or below it)
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,

    /// Only needs at this priority or higher (critical > high > medium > low)
    #[arg(long, value_name = "PRIORITY", value_parser = parse_priority_arg)]
    pub priority: Option<Priority>,

    /// Only people with this role (--by person)
    #[arg(long, value_name = "ROLE")]
    pub role: Option<String>,

    /// Readiness for another role (--by person): each person's gap to this role's targets, and the share of its skills at target
    #[arg(long, value_name = "ROLE")]
    pub toward: Option<String>,

    /// Only this person (--by person)
    #[arg(long, value_name = "ID")]
    pub person: Option<String>,

    /// Show one need with everything: scope, figures, deadline, and who renews, develops or is recruited, by name
    #[arg(long, value_name = "NEED", conflicts_with_all = ["by", "baseline"])]
    pub need: Option<String>,

    /// Learning mix: 70-20-10, 40-50-10 or E-S-F percentages; replaces the organisation's [mix], not a skill's own mix
    #[arg(long, value_name = "MIX", value_parser = parse_mix_arg)]
    pub mix: Option<LearningMix>,

    #[command(flatten)]
    pub baseline: BaselineArgs,
}

pub fn run(args: &GapArgs) -> anyhow::Result<Status> {
    if args.by != By::Person {
        for (given, flag) in [
            (args.role.is_some(), "--role"),
            (args.person.is_some(), "--person"),
            (args.toward.is_some(), "--toward"),
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
    if args.baseline.baseline.is_some() && args.by != By::Need {
        return Err(UsageError(
            "--baseline compares need by need: it applies to `gap` (--by need), not to --by person, unit, skill or driver".into(),
        )
        .into());
    }
    if args.by != By::Unit {
        let view = match args.by {
            By::Person => "`gap --by person`",
            By::Skill => "`gap --by skill`",
            By::Driver => "`gap --by driver`",
            _ => "`gap` (by need)",
        };
        args.report.privacy.refuse_min_group(view)?;
    }
    let Some((org, format)) = args.report.load(args.mix, "; no report written", true)? else {
        return Ok(Status::Invalid);
    };
    args.baseline.check_format::<GapComparison>(format)?;
    if args.need.is_some() {
        check_format::<NeedView>(format, |names| {
            format!("`gap --need` writes {}", names.join(", "))
        })?;
    }
    if args.fail_on_budget.is_some() {
        if args.by == By::Person {
            return Err(UsageError(
                "--fail-on-budget gates the needs' budget: it applies to `gap`, not to `gap --by person`".into(),
            )
            .into());
        }
        if org.policy.cost.is_none() {
            return Err(UsageError(
                "--fail-on-budget needs a [cost] table in org.toml (what an hour and a recruitment cost)".into(),
            )
            .into());
        }
    }
    let unit = unit_arg(&org, args.unit.as_deref())?;
    let min = args.report.privacy.min_group;
    crate::privacy::min_group::check_scope(&org, unit.as_deref(), min).map_err(UsageError)?;
    // The need view is needed for the need report and for --fail-on only.
    let filter = GapFilter {
        unit: unit.clone(),
        priority: args.priority,
    };
    let needs =
        (args.by != By::Person || args.fail_on.is_some()).then(|| gap_report(&org, &filter));
    let mut regressed = false;
    match (args.by, &needs, &args.baseline.baseline) {
        (By::Need, Some(needs), Some(path)) => {
            // Every need of the organisation, so that a filter does not
            // make needs "removed" or let a redefined one leave the gate.
            let filtered = filter.unit.is_some() || filter.priority.is_some();
            let all = filtered.then(|| gap_report(&org, &GapFilter::default()));
            let all = all.as_ref().unwrap_or(needs);
            let known: std::collections::HashSet<&str> =
                all.needs.iter().map(|n| n.id.as_str()).collect();
            let read =
                crate::load::baseline::read_gap(path, &needs.organisation, |id| known.contains(id))
                    .map_err(|e| crate::cli::FileError {
                        path: path.clone(),
                        message: e.0,
                    })?;
            args.baseline.warn(&read.warnings, &args.report.org);
            let compared = compare_gap(
                &read.earlier,
                needs.clone(),
                all,
                &filter,
                args.baseline.gate(),
                args.baseline.gating(),
            );
            regressed = args.baseline.gating() && compared.regressed();
            args.report.emit(&compared, format)?
        }
        (By::Need, Some(needs), None) => match &args.need {
            Some(id) => {
                let view = need_view(needs, id)?;
                args.report.emit(&view, format)?
            }
            None => args.report.emit(needs, format)?,
        },
        (By::Unit | By::Skill | By::Driver, Some(needs), _) => {
            let grouping = match args.by {
                By::Unit => Grouping::Unit,
                By::Skill => Grouping::Skill,
                _ => Grouping::Driver,
            };
            let mut groups = group_report(&org, needs, grouping);
            crate::privacy::min_group::gap_groups(&mut groups, &org, min).map_err(UsageError)?;
            args.report.emit(&groups, format)?
        }
        _ => {
            let filter = PeopleFilter {
                unit,
                role: role_arg(&org, args.role.as_deref())?,
                person: args
                    .report
                    .privacy
                    .person(&org, "--person", args.person.as_deref())?,
                mentor: None,
            };
            let toward = role_arg(&org, args.toward.as_deref())?;
            if format == Format::Json {
                // Printed person by person, never held whole (issue 28).
                args.report
                    .output
                    .write_with(|out| person_json(&org, &filter, toward, out))?
            } else {
                let report = match toward {
                    Some(role) => toward_report(&org, &filter, role),
                    None => person_report(&org, &filter),
                };
                args.report.emit(&report, format)?
            }
        }
    }
    let failed = match (args.fail_on, &needs) {
        (Some(threshold), Some(needs)) => needs.fails_at(threshold),
        _ => false,
    };
    let over_budget = match (args.fail_on_budget, &needs) {
        (Some(amount), Some(needs)) => needs.over_budget(amount),
        _ => false,
    };
    let failed = failed || over_budget;
    Ok(if failed || regressed {
        Status::Failed
    } else {
        Status::Done
    })
}

/// `--need ID`: the need in the report, or a usage error naming the
/// closest id.
fn need_view<'a>(report: &'a GapReport, id: &str) -> Result<NeedView<'a>, UsageError> {
    match report.needs.iter().find(|n| n.id == id) {
        Some(need) => Ok(NeedView { report, need }),
        None => Err(UsageError(format!(
            "--need: unknown need '{}'{}",
            crate::suggest::clip(id),
            crate::suggest::did_you_mean(id, report.needs.iter().map(|n| n.id.as_str()))
        ))),
    }
}
