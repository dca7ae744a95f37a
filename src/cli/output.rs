//! Where a report goes: stdout or a file (`-o PATH`), and in which format.
//! Files are written atomically (a temporary file renamed into place) and
//! never over an input file, so a failed run leaves nothing half-written.
//! A reader that hangs up on stdout is success, whatever the format: that
//! is decided here, once, by [`to_stdout`].

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::{Args, ValueEnum};

use crate::cli::UsageError;
use crate::render::{self, Format, Render, Style};

/// `--format`'s values: the command line's name for each [`Format`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Aligned tables for a terminal.
    Table,
    /// One JSON object (the report value).
    Json,
    /// One row per item, comma-separated, for spreadsheets and scripts.
    Csv,
    /// Markdown: headings and pipe tables, ready for a wiki, a mail or pandoc.
    #[value(alias = "md")]
    Markdown,
    /// An Excel workbook, one sheet per view (needs -o or a pipe).
    Xlsx,
    /// One self-contained HTML page, for a browser.
    Html,
}

/// `--csv-dialect`'s values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CsvDialectArg {
    /// RFC 4180: `,`, `.` decimals, LF; for scripts (the default).
    Rfc4180,
    /// For Excel: UTF-8 BOM, `;`, decimal comma, CRLF.
    Excel,
}

impl From<FormatArg> for Format {
    fn from(arg: FormatArg) -> Format {
        match arg {
            FormatArg::Table => Format::Table,
            FormatArg::Json => Format::Json,
            FormatArg::Csv => Format::Csv,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Xlsx => Format::Xlsx,
            FormatArg::Html => Format::Html,
        }
    }
}

#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Output format [default: from the -o extension, else table]
    #[arg(short = 'f', visible_short_alias = 'O', long, value_enum)]
    pub format: Option<FormatArg>,

    /// Write the report to this file instead of stdout (.json, .csv, .md, .txt, .xlsx, .html)
    #[arg(short = 'o', long, value_name = "PATH")]
    pub output: Option<PathBuf>,

    /// CSV spelling: rfc4180 for scripts, excel for double-click in Excel [default: rfc4180]
    #[arg(long, value_enum, value_name = "DIALECT")]
    pub csv_dialect: Option<CsvDialectArg>,
}

impl OutputArgs {
    /// The format: `--format`, else the output file's extension, else
    /// table; CSV in the `--csv-dialect` asked for. A workbook is binary:
    /// it goes to a file or a pipe, never to a terminal.
    pub fn format(&self) -> Result<Format, UsageError> {
        let format = match (self.format, &self.output) {
            (Some(f), _) => f.into(),
            (None, None) => Format::Table,
            (None, Some(path)) => Format::from_extension(path).ok_or_else(|| {
                UsageError(format!(
                    "cannot tell the format of '{}' from its extension: use .json, .csv, .md, .txt, .xlsx or .html, or give --format",
                    path.display()
                ))
            })?,
        };
        if format == Format::Xlsx && self.output.is_none() && io::stdout().is_terminal() {
            return Err(UsageError(
                "an xlsx workbook is binary and is not written to a terminal: give -o FILE.xlsx (or pipe it)".into(),
            ));
        }
        match (format, self.csv_dialect) {
            (Format::Csv, Some(CsvDialectArg::Excel)) => Ok(Format::ExcelCsv),
            (Format::Csv, _) | (_, None) => Ok(format),
            (other, Some(_)) => Err(UsageError(format!(
                "--csv-dialect applies to CSV output, not to {other}"
            ))),
        }
    }

    /// True when the report goes to a terminal (tables may then wrap).
    pub fn to_terminal(&self) -> bool {
        self.output.is_none() && io::stdout().is_terminal()
    }

    /// True when the report is coloured: never in a file (`-o`), else as
    /// `--color` and the environment say of stdout.
    pub fn color(&self) -> bool {
        self.output.is_none() && crate::cli::color::stdout()
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

    /// Writes `report` in `format` and `style` to the output: stdout, or a
    /// temporary file renamed over the target only when rendering succeeded.
    pub fn emit<R: Render>(&self, report: &R, format: Format, style: Style) -> anyhow::Result<()> {
        self.write_with(|out: &mut dyn Write| render::render(report, format, style, out))
    }

    /// Writes with `write` to the output (stdout or the file, atomically):
    /// for reports that have their own writer (`report`'s HTML page).
    pub fn write_with(
        &self,
        write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> anyhow::Result<()> {
        match &self.output {
            None => to_stdout(write),
            Some(path) => write_atomically(path, write),
        }
    }
}

/// Writes to stdout. A reader that hung up (`| head`) is not an error, and
/// the command goes on to its exit status (so `--fail-on` still says 1).
pub fn to_stdout(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> anyhow::Result<()> {
    let mut stdout = Stdout {
        inner: io::BufWriter::new(io::stdout().lock()),
        hung_up: false,
    };
    let written = write(&mut stdout).and_then(|()| stdout.flush());
    match written {
        // Renderers may wrap the io::Error (the csv crate does), so the
        // writer's own record decides, not the error's kind.
        Err(_) if stdout.hung_up => Ok(()),
        other => Ok(other?),
    }
}

/// Stdout that remembers whether its reader hung up.
struct Stdout<W: Write> {
    inner: W,
    hung_up: bool,
}

impl<W: Write> Stdout<W> {
    fn note<T>(&mut self, result: io::Result<T>) -> io::Result<T> {
        if let Err(e) = &result
            && e.kind() == io::ErrorKind::BrokenPipe
        {
            self.hung_up = true;
        }
        result
    }
}

impl<W: Write> Write for Stdout<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let result = self.inner.write(buf);
        self.note(result)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        let result = self.inner.write_all(buf);
        self.note(result)
    }

    fn flush(&mut self) -> io::Result<()> {
        let result = self.inner.flush();
        self.note(result)
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
pub fn write_atomically(
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
