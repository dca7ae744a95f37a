//! The temporary files being written right now (the `.kompetanse-*` file
//! next to an `-o` target, `init`'s files, `man --out-dir`'s pages), and
//! their removal when SIGINT or SIGTERM ends the run: a report of tens of
//! MB interrupted half-way leaves neither a temporary file nor a partial
//! target. The handler only removes the files registered here and exits
//! with 128 + the signal (130, 143); it prints nothing. It is installed
//! the first time a temporary file is made, so commands that write no file
//! keep the default signal behaviour.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// The temporary files that exist and are not yet renamed into place.
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn live() -> MutexGuard<'static, Vec<PathBuf>> {
    // A panic while holding the list leaves it usable: it is only paths.
    LIVE.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A registered temporary file: removed if a signal ends the run before
/// [`Tracked::finish`]; dropping it (the file was removed) unregisters it.
#[derive(Debug)]
pub struct Tracked {
    path: PathBuf,
}

/// Makes a temporary file with `make` and registers its path (`path_of`)
/// in one step: the signal handler waits while it is made, so no signal
/// can fall between the file existing and it being known here.
pub fn track<T>(
    make: impl FnOnce() -> io::Result<T>,
    path_of: impl FnOnce(&T) -> &Path,
) -> io::Result<(T, Tracked)> {
    install();
    let mut live = live();
    let made = make()?;
    let path = path_of(&made).to_path_buf();
    live.push(path.clone());
    Ok((made, Tracked { path }))
}

impl Tracked {
    /// Runs `rename` (the file's move into place) with the handler held
    /// off, then unregisters the file: a signal during it finds the file
    /// either still to remove or already the complete target, never gone
    /// half-way.
    pub fn finish<T>(self, rename: impl FnOnce() -> T) -> T {
        let mut live = live();
        let done = rename();
        live.retain(|p| p != &self.path);
        done
    }
}

impl Drop for Tracked {
    fn drop(&mut self) {
        live().retain(|p| p != &self.path);
    }
}

/// Debug builds only: waits `KOMPETANSE_TEST_WRITE_DELAY_MS` milliseconds
/// after a temporary file is made, so tests can interrupt even a small
/// write in the middle (tests/output_edges.rs). Release builds never wait.
pub fn test_delay() {
    #[cfg(debug_assertions)]
    if let Some(ms) = std::env::var("KOMPETANSE_TEST_WRITE_DELAY_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
}

/// Installs, once, a thread that waits for SIGINT or SIGTERM, removes the
/// registered files and exits with 128 + the signal. Best effort: where
/// the handler cannot be installed the default behaviour stays.
#[cfg(unix)]
fn install() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        use signal_hook::consts::{SIGINT, SIGTERM};
        // The thread registers the handler itself, so a thread that cannot
        // be started leaves the default behaviour; the caller waits until
        // the handler is in place before making the first file.
        let (ready, wait) = std::sync::mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("kompetanse-signals".into())
            .spawn(move || {
                let signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]);
                let _ = ready.send(());
                let Ok(mut signals) = signals else {
                    return;
                };
                if let Some(signal) = signals.forever().next() {
                    // Held until exit: no file is made or renamed meanwhile.
                    let live = live();
                    for path in live.iter() {
                        let _ = std::fs::remove_file(path);
                    }
                    std::process::exit(128 + signal);
                }
            });
        if spawned.is_ok() {
            let _ = wait.recv();
        }
    });
}

/// Elsewhere temporary files are tracked but no handler is installed.
#[cfg(not(unix))]
fn install() {}

#[cfg(test)]
mod tests {
    use super::*;

    fn registered(path: &Path) -> bool {
        live().iter().any(|p| p == path)
    }

    #[test]
    fn a_file_is_registered_until_it_is_renamed_or_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let (temp, tracked) =
            track(|| tempfile::NamedTempFile::new_in(dir.path()), |t| t.path()).unwrap();
        let path = temp.path().to_path_buf();
        assert!(registered(&path));
        let target = dir.path().join("target");
        tracked.finish(|| temp.persist(&target)).unwrap();
        assert!(!registered(&path));
        assert!(target.exists());

        let (temp, tracked) =
            track(|| tempfile::NamedTempFile::new_in(dir.path()), |t| t.path()).unwrap();
        let path = temp.path().to_path_buf();
        assert!(registered(&path));
        drop(tracked);
        assert!(!registered(&path));
    }
}
