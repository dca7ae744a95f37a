//! `kompetanse progress ORG --since DATE`: the organisation then (at S,
//! `--since`) and now (at D), from the same files: coverage per need,
//! people at each level per skill, who moved up or down, and the levels
//! gained by unit and by driver.
//!
//! It opens the organisation twice (`inputs::open`): at D as every report
//! does, and at S (`--as-of S`), printing only the second opening's errors
//! since its warnings would repeat the first's. The comparison is the
//! analysis's.

use std::io::Write;

use clap::Args;

use crate::analysis::progress::progress_report;
use crate::cli::{ReportArgs, Status, UsageError, parse_date_arg, print_diagnostics};
use crate::diagnostics::{Diagnostic, Severity};
use crate::inputs::{self, Opened, Unopened};
use crate::model::{Date, Organisation};

#[derive(Debug, Args)]
pub struct ProgressArgs {
    #[command(flatten)]
    pub report: ReportArgs,

    /// The date to compare with (YYYY-MM-DD): the organisation as it was then, on or before the reference date
    #[arg(long, value_name = "DATE", value_parser = parse_date_arg)]
    pub since: Date,
}

pub fn run(args: &ProgressArgs) -> anyhow::Result<Status> {
    args.report.privacy.refuse_min_group("`progress`")?;
    let Some((now, format)) = args.report.load(None, "; no report written", false)? else {
        return Ok(Status::Invalid);
    };
    let Some(then) = load_then(&args.report, args.since, now.as_of)? else {
        return Ok(Status::Invalid);
    };
    args.report.emit(&progress_report(&then, &now), format)?;
    Ok(Status::Done)
}

/// The organisation at `since` from the same files, `--without` and
/// pseudonyms applied; None when it is invalid (its errors printed).
/// `since` after the reference date `as_of` is a usage error: progress runs
/// forward.
pub fn load_then(
    args: &ReportArgs,
    since: Date,
    as_of: Date,
) -> anyhow::Result<Option<Organisation>> {
    if since > as_of {
        return Err(UsageError(format!(
            "--since {since} is after the reference date {as_of}: give an earlier --since (or a later --as-of)"
        ))
        .into());
    }
    let Opened {
        diagnostics, org, ..
    } = inputs::open(&args.inputs(None)?.at(since));
    // The warnings of the files are the same on both dates: printed once, by the load at D.
    let errors: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    let _ = print_diagnostics(&errors, true, std::io::stderr().lock());
    match org {
        Ok(org) => Ok(Some(org)),
        Err(Unopened::Refused(message)) => Err(UsageError(message).into()),
        Err(Unopened::Invalid { .. }) if !crate::cli::annotate::human_lines() => Ok(None),
        Err(Unopened::Invalid { .. }) => {
            let _ = writeln!(
                std::io::stderr(),
                "{}: invalid as of --since {since}; no report written",
                crate::cli::messages::place(
                    &args.org.org.display().to_string(),
                    crate::cli::color::stderr()
                )
            );
            Ok(None)
        }
    }
}
