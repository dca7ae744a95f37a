//! `kompetanse schema [-o FILE]`: prints org.toml's JSON Schema (draft-07),
//! for editors (Even Better TOML / taplo read a `#:schema` line at the top
//! of org.toml). The schema itself is made in `load::schema`.

use std::path::PathBuf;

use clap::Args;

use crate::cli::Status;
use crate::cli::output::{is_stdout, to_stdout, write_atomically};

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Write the schema to this file instead of stdout (e.g. org.schema.json); - is stdout
    #[arg(short = 'o', long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

pub fn run(args: &SchemaArgs) -> anyhow::Result<Status> {
    let text = crate::load::schema::org_schema_json();
    let write = |out: &mut dyn std::io::Write| out.write_all(text.as_bytes());
    match args.output.as_deref().filter(|path| !is_stdout(path)) {
        None => to_stdout(write)?,
        Some(path) => write_atomically(path, write)?,
    }
    Ok(Status::Done)
}
