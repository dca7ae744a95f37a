//! `--baseline FILE` and `--fail-on-regression` (FORMAT.md r2 "Baseline"),
//! shared by `gap` and `balance`: the options, the formats a comparison is
//! written in, and the exit status it asks for. The file is read by
//! `load::baseline` and compared by `analysis::baseline`; this only wires.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use crate::cli::{ReportArgs, UsageError};
use crate::render::{self, Format, ToCsv, ToOutline};
use crate::report::ReportKind;

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
    /// A comparison is written as table, JSON, CSV or Markdown; the
    /// workbook and the page have no place for it yet, and saying so beats
    /// writing them without the comparison asked for.
    pub fn check_format(&self, format: Format) -> Result<(), UsageError> {
        match (&self.baseline, format) {
            (Some(_), Format::Xlsx | Format::Html) => Err(UsageError(format!(
                "--baseline is shown in table, json, csv and markdown, not in {format}"
            ))),
            _ => Ok(()),
        }
    }
}

/// Writes a comparison in `format` where `--output` says (the formats
/// [`BaselineArgs::check_format`] lets through).
pub fn emit<R: Serialize + ReportKind + ToOutline + ToCsv>(
    args: &ReportArgs,
    report: &R,
    format: Format,
) -> anyhow::Result<()> {
    let style = args.display.style(args.output.to_terminal());
    args.output.write_with(|out: &mut dyn Write| match format {
        Format::Json => render::json::write(report, out),
        Format::Csv => render::csv::write(report, out),
        Format::ExcelCsv => render::csv::write_dialect(report, render::csv::Dialect::Excel, out),
        Format::Markdown => render::markdown::write(report, style, out),
        _ => render::table::write(report, style, out),
    })
}
