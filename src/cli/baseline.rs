//! `--baseline FILE` and `--fail-on-regression` (FORMAT.md r2 "Baseline"),
//! shared by `gap` and `balance`: the options, the formats a comparison
//! is written in, and the exit status it asks for. The file is read by
//! `load::baseline` and compared by `analysis::baseline`; this only wires.

use std::path::PathBuf;

use clap::Args;

use crate::cli::{UsageError, check_format, listed};
use crate::render::{Format, Render};

#[derive(Debug, Args)]
pub struct BaselineArgs {
    /// Compare with an earlier JSON output of the same command (--format json): changes, new and removed
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Exit with 1 when something fell behind the --baseline (coverage fell, shortfall grew)
    #[arg(long, requires = "baseline")]
    pub fail_on_regression: bool,
}

impl BaselineArgs {
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
