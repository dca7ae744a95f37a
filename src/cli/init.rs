//! `kompetanse init [DIR] [--lang nb|en] [--xlsx]`: writes a starter
//! organisation (made by `crate::init`) into DIR, creating it if missing.
//!
//! It never overwrites: every target is looked for before anything is
//! written, and if any exists the command names each one and writes
//! nothing (exit 2). Each file is written atomically. What was written, and
//! the commands to try next, go to stderr: stdout stays empty for scripts.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Args;

use crate::cli::display::LangArg;
use crate::cli::output::write_atomically;
use crate::cli::{Status, UsageError};
use crate::render::Lang;

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to write into; created if missing
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,

    /// Language of the files: names, comments, columns, dates [default: as --lang of the other commands]
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,

    /// Write the assessments matrix as an Excel workbook (with drop-down levels) instead of CSV
    #[arg(long)]
    pub xlsx: bool,

    /// Don't print what was written and what to try next (errors are always printed)
    #[arg(short, long)]
    pub quiet: bool,
}

pub fn run(args: &InitArgs) -> anyhow::Result<Status> {
    let lang = match args.lang {
        Some(LangArg::Nb) => Lang::Nb,
        Some(LangArg::En) => Lang::En,
        None => Lang::from_env(|name| std::env::var(name).ok()),
    };
    let shown = |name: &str| shown(&args.dir, name);
    let names = crate::init::file_names(lang, args.xlsx);
    // A dangling symlink exists too: writing through it would surprise.
    let existing: Vec<String> = names
        .iter()
        .filter(|name| args.dir.join(name).symlink_metadata().is_ok())
        .map(|name| format!("'{}' already exists", shown(name)))
        .collect();
    if !existing.is_empty() {
        return Err(UsageError(format!(
            "{}\nerror: nothing was written: kompetanse init does not overwrite files (choose another folder)",
            existing.join("\nerror: ")
        ))
        .into());
    }
    let files = crate::init::starter(lang, args.xlsx, crate::load::today())
        .context("cannot make the starter workbook")?;
    std::fs::create_dir_all(&args.dir)
        .with_context(|| format!("cannot create folder '{}'", args.dir.display()))?;
    for file in &files {
        write_atomically(&args.dir.join(file.name), |out| {
            out.write_all(&file.contents)
        })?;
    }
    if args.quiet {
        return Ok(Status::Done);
    }
    let org = shown("org.toml");
    let (wrote, next) = match lang {
        Lang::Nb => ("skrev", "Prøv så:"),
        Lang::En => ("wrote", "Next, try:"),
    };
    let mut err = std::io::stderr().lock();
    // A closed stderr must not change what the command did or its exit code.
    for file in &files {
        let _ = writeln!(err, "{wrote} {}", shown(file.name));
    }
    let _ = writeln!(
        err,
        "{next}\n  kompetanse check {org}\n  kompetanse gap {org}"
    );
    Ok(Status::Done)
}

/// How a file in `dir` is named to the user: bare in the current folder.
fn shown(dir: &Path, name: &str) -> String {
    let path = if dir == Path::new(".") {
        PathBuf::from(name)
    } else {
        dir.join(name)
    };
    crate::render::formats::terminal::visible(&path.display().to_string()).into_owned()
}
