//! `--baseline FILE` and `--fail-on-regression` (FORMAT.md r2 "Baseline"),
//! shared by `gap` and `balance`: the options, the formats a comparison
//! is written in, and the exit status it asks for. The file is read by
//! `load::baseline` and compared by `analysis::baseline`; this only wires.

use std::path::PathBuf;

use clap::Args;

use crate::cli::{
    OrgArgs, UsageError, check_format, listed, parse_priority_arg, print_diagnostics,
};
use crate::diagnostics::Diagnostic;
use crate::model::Priority;
use crate::render::{Format, Render};
use crate::report::baseline::Gate;

#[derive(Debug, Args)]
pub struct BaselineArgs {
    /// Compare with an earlier JSON output of the same command (--format json): changes, new and removed
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Exit with 1 when a need at PRIORITY or higher (default: any) fell behind the --baseline: coverage fell, shortfall grew, or it was removed, renamed, downgraded, lowered in level or count, or rescoped
    #[arg(
        long,
        value_name = "PRIORITY",
        requires = "baseline",
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = "low",
        value_parser = parse_priority_arg
    )]
    pub fail_on_regression: Option<Priority>,

    /// Accept needs redefined under the same id (removed, lowered, downgraded, rescoped): --fail-on-regression then only counts coverage and shortfall
    #[arg(long, requires = "baseline")]
    pub allow_redefined: bool,
}

impl BaselineArgs {
    /// The gate of `--fail-on-regression[=PRIORITY]` and `--allow-redefined`
    /// (every need counts when no priority is given).
    pub fn gate(&self) -> Gate {
        Gate {
            priority: self.fail_on_regression.unwrap_or(Priority::Low),
            allow_redefined: self.allow_redefined,
        }
    }

    /// Whether a comparison's regressions fail the run.
    pub fn gating(&self) -> bool {
        self.fail_on_regression.is_some()
    }

    /// Prints what reading the baseline said (no file yet, another
    /// organisation name), as any other warning.
    pub fn warn(&self, warnings: &[Diagnostic], org: &OrgArgs) {
        // A closed stderr must not change what the command does.
        let _ = print_diagnostics(warnings, org.quiet, std::io::stderr().lock());
    }

    /// A comparison is written as table, JSON, CSV or Markdown
    /// ([`Render::formats`] of a comparison); the workbook and the page
    /// have no place for it yet, and saying so beats writing them without
    /// the comparison asked for.
    pub fn check_format<R: Render>(&self, format: Format) -> Result<(), UsageError> {
        match self.baseline {
            Some(_) => check_format::<R>(format, |names| {
                format!(
                    "--baseline is shown in {}, not in {format}",
                    listed(names, "and")
                )
            }),
            None => Ok(()),
        }
    }
}
