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
                let written = render(&mut lock).and_then(|()| lock.flush());
                stdout_result(written)
            }
            Some(path) => write_atomically(path, render),
        }
    }
}

/// A write to stdout: a reader that hung up (`| head`) is not an error, and
/// the command goes on to its exit status (so `--fail-on` still says 1).
pub fn stdout_result(written: io::Result<()>) -> anyhow::Result<()> {
    match written {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
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

/// Writes next to the target, then renames over it: readers never see a
/// partial report. A new file gets the usual permissions (0666 less the
/// umask, not the temporary file's 0600); a replaced one keeps its own.
fn write_atomically(
    path: &Path,
    render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<()> {
    // A symlink is written through: the file it points to is replaced.
    let target = match std::fs::read_link(path) {
        Ok(link) => path.parent().unwrap_or(Path::new("")).join(link),
        Err(_) => path.to_path_buf(),
    };
    let path = target.as_path();
    // A FIFO, a device (/dev/stdout) or a socket is written to as it is:
    // renaming over it would replace it.
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
        && !meta.is_dir()
    {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .with_context(|| format!("cannot write '{}'", path.display()))?;
        render(&mut file).with_context(|| format!("cannot write '{}'", path.display()))?;
        return Ok(());
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let cannot = |why: String| anyhow::anyhow!("cannot write '{}': {why}", path.display());
    if !dir.is_dir() {
        return Err(cannot(format!("folder '{}' does not exist", dir.display())));
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(".kompetanse-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder
        .tempfile_in(dir)
        .map_err(|e| cannot(io::Error::from(e.kind()).to_string()))?;
    {
        let mut w = io::BufWriter::new(temp.as_file_mut());
        render(&mut w).with_context(|| format!("cannot write '{}'", path.display()))?;
        w.flush()
            .with_context(|| format!("cannot write '{}'", path.display()))?;
    }
    if let Ok(existing) = std::fs::metadata(path) {
        // Best effort: keeping the old mode is a courtesy, not a requirement.
        let _ = temp.as_file().set_permissions(existing.permissions());
    }
    temp.persist(path)
        .map_err(|e| cannot(io::Error::from(e.error.kind()).to_string()))?;
    Ok(())
}
