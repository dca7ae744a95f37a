//! Where a report goes: stdout or a file (`-o PATH`), and in which format.
//! Files are written atomically (a temporary file renamed into place) and
//! never over an input file, so a failed run leaves nothing half-written.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Args;

use crate::cli::UsageError;
use crate::render::Format;

#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Output format [default: from the -o extension, else table]
    #[arg(short = 'f', short_alias = 'O', long, value_enum)]
    pub format: Option<Format>,

    /// Write the report to this file instead of stdout (.json, .csv, .txt)
    #[arg(short = 'o', long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

impl OutputArgs {
    /// The format: `--format`, else the output file's extension, else table.
    pub fn format(&self) -> Result<Format, UsageError> {
        if let Some(f) = self.format {
            return Ok(f);
        }
        match &self.output {
            None => Ok(Format::Table),
            Some(path) => Format::from_extension(path).ok_or_else(|| {
                UsageError(format!(
                    "cannot tell the format of '{}' from its extension: use .json, .csv or .txt, or give --format",
                    path.display()
                ))
            }),
        }
    }

    /// True when the report goes to a terminal (tables may then wrap).
    pub fn to_terminal(&self) -> bool {
        self.output.is_none() && io::stdout().is_terminal()
    }

    /// Checks the output path before any work: it must not be an input.
    pub fn check(&self, inputs: &[PathBuf]) -> Result<(), UsageError> {
        let Some(path) = &self.output else {
            return Ok(());
        };
        let target = resolve(path);
        for input in inputs {
            if resolve(input) == target {
                return Err(UsageError(format!(
                    "refusing to write the report over the input file '{}'",
                    path.display()
                )));
            }
        }
        if path.is_dir() {
            return Err(UsageError(format!(
                "'{}' is a folder, not a file",
                path.display()
            )));
        }
        Ok(())
    }

    /// Renders into the output: stdout, or a temporary file renamed over the
    /// target only when rendering succeeded.
    pub fn emit(
        &self,
        render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> anyhow::Result<()> {
        match &self.output {
            None => {
                let stdout = io::stdout();
                let mut lock = io::BufWriter::new(stdout.lock());
                render(&mut lock)?;
                lock.flush()?;
                Ok(())
            }
            Some(path) => write_atomically(path, render),
        }
    }
}

/// The absolute, symlink-free form of a path that may not exist yet.
fn resolve(path: &Path) -> PathBuf {
    if let Ok(p) = path.canonicalize() {
        return p;
    }
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    match (parent.canonicalize(), path.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => path.to_path_buf(),
    }
}

fn write_atomically(
    path: &Path,
    render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".kompetanse-")
        .tempfile_in(dir)
        .with_context(|| format!("cannot write in '{}'", dir.display()))?;
    {
        let mut w = io::BufWriter::new(temp.as_file_mut());
        render(&mut w).with_context(|| format!("cannot write '{}'", path.display()))?;
        w.flush()
            .with_context(|| format!("cannot write '{}'", path.display()))?;
    }
    temp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot write '{}'", path.display()))?;
    Ok(())
}
