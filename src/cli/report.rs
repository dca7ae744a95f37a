//! `kompetanse report ORG`: everything on one self-contained HTML page
//! (summary, coverage heatmap, learning mix, gaps, balance, recruitment,
//! plan totals), or `--format json` for the same report as one value.

use clap::Args;

use crate::analysis::balance::by_unit_fits;
use crate::analysis::overview::overview_report;
use crate::analysis::person::person_page;
use crate::cli::balance::too_many_rows;
use crate::cli::{ReportArgs, Status, UsageError, check_format, listed, parse_mix_arg};
use crate::model::LearningMix;
use crate::render::{Format, Overview};
use crate::report::PersonReport;

/// `report` writes a page: its --format and -o say so in its help (issue
/// 30), though the option is the one every report command shares.
#[derive(Debug, Args)]
#[command(mut_arg("format", |a| a
    .help("Output format [default: from the -o extension, else html] [possible values: html, xlsx, json; with --person also markdown]")
    .hide_possible_values(true)))]
#[command(mut_arg("output", |a| a
    .help("Write the report to this file instead of stdout (.html, .xlsx, .json; with --person also .md); - is stdout")))]
#[command(mut_arg("csv_dialect", |a| a.hide(true)))]
pub struct ReportCmdArgs {
    #[command(flatten)]
    pub report: ReportArgs,

    /// Learning mix: 70-20-10, 40-50-10 or E-S-F percentages; replaces the organisation's [mix], not a skill's own mix
    #[arg(long, value_name = "MIX", value_parser = parse_mix_arg)]
    pub mix: Option<LearningMix>,

    /// Add a before/after section: coverage per need at DATE and now, and who moved up (HTML only)
    #[arg(long, value_name = "DATE", value_parser = crate::cli::parse_date_arg)]
    pub since: Option<crate::model::Date>,

    /// One person's own page ("My competence: NAME"): levels, role gaps, the needs that concern them, goals, wishes, mentees (html, markdown, xlsx, json)
    #[arg(long, value_name = "ID", conflicts_with = "since")]
    pub person: Option<String>,
}

pub fn run(args: &ReportCmdArgs) -> anyhow::Result<Status> {
    if let Some(person) = args.person.as_deref() {
        return run_person(args, person);
    }
    let output = &args.report.output;
    // The report is a page: HTML unless told otherwise.
    let format = match (output.format, output.file()) {
        (None, None) => Format::Html,
        _ => output.format()?,
    };
    check_format::<Overview>(format, |names| {
        format!(
            "`report` writes {}, not {format}: use gap, plan or balance for tables, csv and markdown",
            listed(names, "or")
        )
    })?;
    if args.since.is_some() && format != Format::Html {
        return Err(UsageError(format!(
            "--since adds a section to the HTML page, not to {format}: use `progress --since` for {format}"
        ))
        .into());
    }
    args.report.privacy.refuse_min_group("`report`")?;
    let Some((org, _)) = args.report.load(args.mix, "; no report written", true)? else {
        return Ok(Status::Invalid);
    };
    let progress = match args.since {
        Some(since) => match crate::cli::progress::load_then(&args.report, since, org.as_of)? {
            Some(then) => Some(crate::analysis::progress::progress_report(&then, &org)),
            None => return Ok(Status::Invalid),
        },
        None => None,
    };
    by_unit_fits(&org, None).map_err(|size| {
        too_many_rows(
            "the report's balance by unit and coverage map",
            size,
            "use `balance --by unit --unit UNIT` for one part of the organisation, and `gap` for the needs",
        )
    })?;
    let mut report = overview_report(&org);
    crate::privacy::min_group::overview(&mut report, args.report.privacy.min_group);
    let page = Overview {
        report: &report,
        progress: progress.as_ref(),
    };
    args.report.emit(&page, format)?;
    Ok(Status::Done)
}

/// `report --person ID`: the personal page. It names one person by design,
/// so `--pseudonymize` is refused before anything is read.
fn run_person(args: &ReportCmdArgs, id: &str) -> anyhow::Result<Status> {
    if args.report.privacy.pseudonymize {
        return Err(UsageError(
            "--person writes a page that names one person by design: it cannot be pseudonymised (leave out --pseudonymize)".into(),
        )
        .into());
    }
    let output = &args.report.output;
    let format = match (output.format, output.file()) {
        (None, None) => Format::Html,
        _ => output.format()?,
    };
    check_format::<PersonReport>(format, |names| {
        format!(
            "`report --person` writes {}, not {format}: use `plan --person` for tables and csv",
            listed(names, "or")
        )
    })?;
    let Some((org, _)) = args.report.load(args.mix, "; no page written", false)? else {
        return Ok(Status::Invalid);
    };
    let person = crate::cli::person_arg(&org, Some(id))?;
    let Some(person) = person else {
        return Ok(Status::Invalid);
    };
    args.report.emit(&person_page(&org, person), format)?;
    Ok(Status::Done)
}
