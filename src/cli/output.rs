//! Where a report goes: stdout or a file (`-o PATH`), and in which format.
//! Files are written atomically (a temporary file renamed into place) and
//! never over an input file, so a failed run leaves nothing half-written.
//! A reader that hangs up on stdout is success, whatever the format: that
//! is decided here, once, by [`to_stdout`]. `-o -` and `-o /dev/stdout`
//! are stdout ([`is_stdout`]). A symlink, or a chain of them, is written
//! through to the file at its end ([`follow_links`]); the temporary file
//! is flushed to disk before the rename, and removed if SIGINT or SIGTERM
//! ends the run first (`cli::cleanup`).

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::{Args, ValueEnum};

use crate::cli::{UsageError, cleanup};
use crate::render::Format;

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

    /// Write the report to this file instead of stdout (.json, .csv, .md, .txt, .xlsx, .html); - is stdout
    #[arg(short = 'o', long, value_name = "PATH")]
    pub output: Option<PathBuf>,

    /// CSV spelling: rfc4180 for scripts, excel for double-click in Excel [default: rfc4180]
    #[arg(long, value_enum, value_name = "DIALECT")]
    pub csv_dialect: Option<CsvDialectArg>,

    /// Refuse an -o that is a symbolic link, or behind one in this folder [default when CI is set]
    #[arg(long, overrides_with = "follow")]
    pub no_follow: bool,

    /// Write through a symbolic link at -o to the file it names [default unless CI is set]
    #[arg(long, overrides_with = "no_follow")]
    pub follow: bool,
}

impl OutputArgs {
    /// The output file; None for stdout (no `-o`, `-o -`, `-o /dev/stdout`).
    pub fn file(&self) -> Option<&Path> {
        self.output.as_deref().filter(|path| !is_stdout(path))
    }

    /// The format: `--format`, else the output file's extension, else
    /// table; CSV in the `--csv-dialect` asked for. A workbook is binary:
    /// it goes to a file or a pipe, never to a terminal.
    pub fn format(&self) -> Result<Format, UsageError> {
        self.format_for(io::stdout().is_terminal())
    }

    /// [`OutputArgs::format`], told whether stdout is a terminal.
    fn format_for(&self, terminal: bool) -> Result<Format, UsageError> {
        let format = match (self.format, self.file()) {
            (Some(f), _) => f.into(),
            (None, None) => Format::Table,
            (None, Some(path)) => Format::from_extension(path).ok_or_else(|| {
                UsageError(format!(
                    "cannot tell the format of '{}' from its extension: use .json, .csv, .md, .txt, .xlsx or .html, or give --format",
                    path.display()
                ))
            })?,
        };
        if format == Format::Xlsx && self.file().is_none() && terminal {
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
        self.file().is_none() && io::stdout().is_terminal()
    }

    /// True when the report is coloured: never in a file (`-o`), else as
    /// `--color` and the environment say of stdout.
    pub fn color(&self) -> bool {
        self.file().is_none() && crate::cli::color::stdout()
    }

    /// True when `-o` may not be a symbolic link: `--no-follow`, or `CI`
    /// set (to anything but empty, `0` or `false`) without `--follow`.
    pub fn no_follow(&self) -> bool {
        let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "0" && v != "false");
        self.no_follow || (ci && !self.follow)
    }

    /// Checks the output path before any work: it must not be an input,
    /// even behind a chain of symlinks, nor under `--no-follow` a link.
    pub fn check(&self, inputs: &[PathBuf]) -> Result<(), UsageError> {
        let Some(path) = self.file() else {
            return Ok(());
        };
        if self.no_follow() {
            refuse_links(path)?;
        }
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

    /// Writes with `write` to the output: stdout, or a temporary file
    /// renamed over the target only when writing succeeded.
    pub fn write_with(
        &self,
        write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> anyhow::Result<()> {
        match self.file() {
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

/// True when `path` names stdout: `-`, or stdout's own device names. Such
/// an output is written as stdout is (no temporary file, a hang-up is
/// success), and its format comes from `--format`, else table.
pub fn is_stdout(path: &Path) -> bool {
    ["-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"]
        .iter()
        .any(|name| path.as_os_str() == *name)
}

/// Issue 27, F10: under `--no-follow` (the default when `CI` is set) the
/// output may not be a symbolic link, nor lie behind one in the working
/// folder: a pull request's `comment.md -> ../outside/victim.txt` would
/// make a CI job overwrite a file outside its checkout. Links in the folders
/// above the working folder (`/tmp` on macOS) are the runner's, not the
/// checkout's, and are allowed.
pub fn refuse_links(path: &Path) -> Result<(), UsageError> {
    let here = std::env::current_dir().unwrap_or_default();
    for part in path.ancestors().filter(|a| !a.as_os_str().is_empty()) {
        let inside = path.is_relative() || part.starts_with(&here);
        if part != path && !inside {
            continue;
        }
        let Ok(meta) = std::fs::symlink_metadata(part) else {
            continue;
        };
        if !meta.file_type().is_symlink() {
            continue;
        }
        let to = std::fs::read_link(part)
            .map(|t| format!(" (to {})", t.display()))
            .unwrap_or_default();
        let what = if part == path {
            format!("'{}' is a symbolic link{to}", path.display())
        } else {
            format!(
                "'{}' lies behind the symbolic link '{}'{to}",
                path.display(),
                part.display()
            )
        };
        return Err(UsageError(format!(
            "refusing to write the report: {what}, and --no-follow (the default when CI is set) writes through no links; write to a fresh folder (mktemp -d), or give --follow"
        )));
    }
    Ok(())
}

/// The most symlinks followed in a chain: Linux's own limit (ELOOP).
const MAX_LINKS: usize = 40;

/// The path a write to `path` lands on: every symlink of a chain followed,
/// each relative target read from its own link's folder. A dangling last
/// link gives the path it names (the file is made there). A chain that
/// loops, or is longer than [`MAX_LINKS`], is an error.
pub fn follow_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    let mut seen = std::collections::HashSet::new();
    while let Ok(target) = std::fs::read_link(&current) {
        if !seen.insert(current.clone()) || seen.len() > MAX_LINKS {
            return Err(io::Error::other(
                "its symbolic links go round in a loop (or are too many levels deep)",
            ));
        }
        // An absolute target replaces the path; a relative one is joined.
        current = current.parent().unwrap_or(Path::new("")).join(target);
    }
    Ok(current)
}

/// The absolute, symlink-free form of a path that may not exist yet.
fn resolve(path: &Path) -> PathBuf {
    if let Ok(p) = path.canonicalize() {
        return p;
    }
    let followed = follow_links(path).unwrap_or_else(|_| path.to_path_buf());
    let path = followed.as_path();
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
    // A FIFO, a device (/dev/stderr) or a socket is written to as it is:
    // renaming over it would replace it. The kernel follows the path, so
    // /proc's links to pipes (which read_link cannot follow) work too.
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
    // A symlink, or a chain of them, is written through: the file at the
    // end is replaced and every link stays.
    let target =
        follow_links(path).with_context(|| format!("cannot write '{}'", path.display()))?;
    let path = target.as_path();
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
    // Registered as it is made: SIGINT or SIGTERM from here on removes it.
    // Made only once the first bytes are ready (issue 27, F17): a report
    // that runs out of memory while it is built leaves no empty file.
    let open = || {
        let made = cleanup::track(|| builder.tempfile_in(dir), |t| t.path());
        cleanup::test_delay();
        made
    };
    let mut pending = Pending {
        held: Vec::new(),
        open: Some(open),
        temp: None,
    };
    render(&mut pending).with_context(|| format!("cannot write '{}'", path.display()))?;
    pending
        .flush()
        .with_context(|| format!("cannot write '{}'", path.display()))?;
    let Some((writer, tracked)) = pending.temp else {
        unreachable!("flush makes the file")
    };
    let temp = writer
        .into_inner()
        .map_err(|e| cannot(e.error().to_string()))?;
    if let Ok(existing) = std::fs::metadata(path) {
        // Best effort: keeping the old mode is a courtesy, not a requirement.
        let _ = temp.as_file().set_permissions(existing.permissions());
    }
    // On disk before the rename: a crash then leaves the old file or the
    // whole new one, never an empty file under the target's name.
    temp.as_file()
        .sync_all()
        .with_context(|| format!("cannot write '{}'", path.display()))?;
    tracked
        .finish(|| temp.persist(path))
        .map_err(|e| cannot(io::Error::from(e.error.kind()).to_string()))?;
    sync_folder(dir);
    Ok(())
}

/// The first bytes a temporary file is made for (8 MiB): held in memory
/// until then, so a report that fails or runs out of memory before them
/// leaves no file behind.
const HELD: usize = 8 << 20;

type Temp = (io::BufWriter<tempfile::NamedTempFile>, cleanup::Tracked);

/// The output of [`write_atomically`]: bytes held until [`HELD`] of them
/// or the end, then the temporary file, made by `open`.
struct Pending<F: FnOnce() -> io::Result<(tempfile::NamedTempFile, cleanup::Tracked)>> {
    held: Vec<u8>,
    open: Option<F>,
    temp: Option<Temp>,
}

impl<F: FnOnce() -> io::Result<(tempfile::NamedTempFile, cleanup::Tracked)>> Pending<F> {
    /// The temporary file, made (and the held bytes written) on first use.
    fn file(&mut self) -> io::Result<&mut io::BufWriter<tempfile::NamedTempFile>> {
        if self.temp.is_none() {
            let open = self
                .open
                .take()
                .ok_or_else(|| io::Error::other("no file"))?;
            let (temp, tracked) = open().map_err(|e| io::Error::from(e.kind()))?;
            let mut writer = io::BufWriter::with_capacity(1 << 16, temp);
            writer.write_all(&std::mem::take(&mut self.held))?;
            self.temp = Some((writer, tracked));
        }
        match &mut self.temp {
            Some((writer, _)) => Ok(writer),
            None => unreachable!("made above"),
        }
    }
}

impl<F: FnOnce() -> io::Result<(tempfile::NamedTempFile, cleanup::Tracked)>> Write for Pending<F> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.temp.is_none() && self.held.len() + buf.len() <= HELD {
            self.held.extend_from_slice(buf);
            return Ok(buf.len());
        }
        self.file()?.write(buf)
    }

    /// The end of the report: the file is made now if it was not yet.
    fn flush(&mut self) -> io::Result<()> {
        self.file()?.flush()
    }
}

/// Flushes a folder's entries (the rename) to disk. Best effort: some
/// file systems cannot sync a folder, and the file itself already is.
fn sync_folder(dir: &Path) {
    #[cfg(unix)]
    if let Ok(folder) = std::fs::File::open(dir) {
        let _ = folder.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(format: Option<FormatArg>, output: &str) -> OutputArgs {
        OutputArgs {
            format,
            output: Some(PathBuf::from(output)),
            csv_dialect: None,
            no_follow: false,
            follow: false,
        }
    }

    #[test]
    fn dash_and_dev_stdout_are_stdout_and_other_paths_are_files() {
        for path in ["-", "/dev/stdout", "/dev/fd/1"] {
            assert!(is_stdout(Path::new(path)), "{path}");
            assert_eq!(args(None, path).file(), None, "{path}");
        }
        for path in ["--", "./-", "/dev/stderr", "stdout", "report.json"] {
            assert!(!is_stdout(Path::new(path)), "{path}");
        }
    }

    #[test]
    fn stdout_by_name_takes_its_format_from_format_else_table() {
        assert_eq!(args(None, "-").format_for(false).ok(), Some(Format::Table));
        assert_eq!(
            args(None, "/dev/stdout").format_for(true).ok(),
            Some(Format::Table)
        );
        assert_eq!(
            args(Some(FormatArg::Json), "-").format_for(false).ok(),
            Some(Format::Json)
        );
        // A workbook is binary: to a pipe, yes; to a terminal, no.
        let xlsx = args(Some(FormatArg::Xlsx), "-");
        assert_eq!(xlsx.format_for(false).ok(), Some(Format::Xlsx));
        let refused = xlsx.format_for(true).map_err(|e| e.0);
        assert!(refused.is_err_and(|e| e.contains("not written to a terminal")));
        // A real file still needs an extension or --format.
        assert!(args(None, "report").format_for(false).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn links_are_followed_to_the_end_and_a_loop_is_an_error() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("sub")).unwrap();
        // d/out -> sub/a; sub/a -> b (d/sub/b) -> /abs (d/end, absolute).
        symlink("sub/a", d.join("out")).unwrap();
        symlink("b", d.join("sub/a")).unwrap();
        symlink(d.join("end"), d.join("sub/b")).unwrap();
        assert_eq!(follow_links(&d.join("out")).unwrap(), d.join("end"));
        // Not a link at all: itself.
        assert_eq!(follow_links(&d.join("plain")).unwrap(), d.join("plain"));
        symlink("y", d.join("x")).unwrap();
        symlink("x", d.join("y")).unwrap();
        assert!(follow_links(&d.join("x")).is_err());
        // A chain longer than the limit is refused like a loop.
        for i in 0..=MAX_LINKS {
            symlink(format!("l{}", i + 1), d.join(format!("l{i}"))).unwrap();
        }
        assert!(follow_links(&d.join("l0")).is_err());
        assert!(follow_links(&d.join("l1")).is_ok());
    }

    /// Issue 27, F17: when memory ran out while a report was rendered, an
    /// empty `.kompetanse-XXXXXX` was left behind, since the temporary file
    /// was made before the first byte. It is made when the bytes are ready.
    #[test]
    fn the_temporary_file_is_made_only_when_the_bytes_are_ready() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.json");
        let temporary = || {
            std::fs::read_dir(dir.path())
                .unwrap()
                .filter(|e| {
                    let name = e.as_ref().unwrap().file_name();
                    name.to_string_lossy().starts_with(".kompetanse-")
                })
                .count()
        };
        write_atomically(&target, |out| {
            out.write_all(&[b'x'; 1000])?;
            assert_eq!(temporary(), 0, "no file while the report is made");
            out.write_all(b"\n")
        })
        .unwrap();
        assert_eq!(std::fs::read(&target).unwrap().len(), 1001);
        assert_eq!(temporary(), 0);
        // A long report spills to the file once the first 8 MiB are ready.
        write_atomically(&target, |out| {
            for _ in 0..(HELD / 4096 + 2) {
                out.write_all(&[b'y'; 4096])?;
            }
            assert_eq!(temporary(), 1, "spilled");
            Ok(())
        })
        .unwrap();
        assert_eq!(
            std::fs::read(&target).unwrap().len(),
            (HELD / 4096 + 2) * 4096
        );
        // A report that fails before its end leaves nothing.
        let failed = write_atomically(&target, |out| {
            out.write_all(b"half")?;
            Err(io::Error::other("out of luck"))
        });
        assert!(failed.is_err());
        assert_eq!(temporary(), 0);
    }
}
