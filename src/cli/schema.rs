//! `kompetanse schema [-o FILE]`: prints org.toml's JSON Schema (draft-07),
//! for editors (Even Better TOML / taplo read a `#:schema` line at the top
//! of org.toml). The schema itself is made in `load::schema`. With
//! `--report KIND`, a JSON report's schema instead (issue 30), made in
//! `report::schema`, for scripts and CI jobs that validate the output.

use std::path::PathBuf;

use clap::Args;

use crate::cli::Status;
use crate::cli::output::{is_stdout, to_stdout, write_atomically};

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The schema of a JSON report instead of org.toml's: gap, gap-by-person, gap-by-unit, gap-by-skill, gap-by-driver, plan, balance (also `--baseline`'s), progress, market, person, team, who, matrix, report, need (`gap --need`), check (one `--diagnostics json` line) or baseline (a `--baseline` comparison, gap's or balance's)
    #[arg(long, value_name = "KIND", value_parser = clap::builder::PossibleValuesParser::new(crate::report::schema::KINDS))]
    pub report: Option<String>,
    /// Write the schema to this file instead of stdout (e.g. org.schema.json); - is stdout
    #[arg(short = 'o', long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

pub fn run(args: &SchemaArgs) -> anyhow::Result<Status> {
    let text = match &args.report {
        None => crate::load::schema::org_schema_json(),
        Some(kind) => crate::report::schema::report_schema_json(kind)
            .ok_or_else(|| anyhow::anyhow!("no schema of a '{kind}' report"))?,
    };
    let write = |out: &mut dyn std::io::Write| out.write_all(text.as_bytes());
    match args.output.as_deref().filter(|path| !is_stdout(path)) {
        None => to_stdout(write)?,
        Some(path) => write_atomically(path, write)?,
    }
    Ok(Status::Done)
}
