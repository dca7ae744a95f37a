//! Running the binary on hostile input under hard limits (issue 13): at
//! most 2 GiB of address space (`ulimit -v`) and 10 s of wall time
//! (`timeout`), the way a reviewer ran the mutated organisations. Included
//! with `#[path = "common/bounded.rs"] mod bounded;` by the tests that need
//! it. Where `sh` or `timeout` is missing the run is skipped (None), with a
//! note on stderr.

#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// The address-space limit, in KiB (2 GiB).
pub const MEMORY_KIB: u64 = 2 * 1024 * 1024;
/// The wall-time limit, in seconds.
pub const SECONDS: u64 = 10;

/// What a bounded run did.
pub struct Bounded {
    pub output: Output,
    pub elapsed: Duration,
}

impl Bounded {
    /// The exit code; None when a signal ended the process.
    pub fn code(&self) -> Option<i32> {
        self.output.status.code()
    }

    /// True when `timeout` stopped the run (exit 124) or a signal (an
    /// abort on a failed allocation: 134) ended it.
    pub fn hit_a_limit(&self) -> bool {
        matches!(self.code(), Some(124) | Some(134) | Some(137) | None)
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }

    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.output.stdout).into_owned()
    }

    /// Panics with what happened unless the run stayed within the limits
    /// and exited with `code`.
    pub fn assert_exit(&self, code: i32) {
        let stderr = self.stderr();
        let shown: String = stderr.chars().take(2000).collect();
        assert!(
            !self.hit_a_limit(),
            "hit a limit ({:?} after {:?}); stderr: {shown}",
            self.code(),
            self.elapsed
        );
        assert_eq!(self.code(), Some(code), "stderr: {shown}");
    }
}

fn have(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// One bounded run at a time in a test binary: the limit is on wall time,
/// and two debug builds of a hostile case side by side on a 2-core machine
/// each take twice as long, which made the limit measure the neighbour.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Runs `kompetanse ARGS` in `dir` under the limits; None (skipped, with
/// a note) where `sh` or `timeout` is missing.
pub fn run(dir: &Path, args: &[&str]) -> Option<Bounded> {
    run_for(dir, args, SECONDS)
}

/// [`run`] with `seconds` of wall time instead of [`SECONDS`]: for a case
/// about memory whose input takes a debug build long to read (a 100 MB
/// baseline), on a machine whose cores other builds share.
pub fn run_for(dir: &Path, args: &[&str], seconds: u64) -> Option<Bounded> {
    if !crate::tool::required(
        "`timeout` (coreutils)",
        have("timeout"),
        "apt-get install coreutils",
    ) {
        return None;
    }
    let bin = env!("CARGO_BIN_EXE_kompetanse");
    let script = format!("ulimit -v {MEMORY_KIB} && exec timeout -s KILL {seconds} \"$@\"");
    // A test that failed while holding the lock poisons it; the next run
    // need not fail for that.
    let _alone = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let start = Instant::now();
    let output = Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg("sh")
        .arg(bin)
        .args(args)
        .current_dir(dir)
        .env("LANG", "C")
        .env_remove("KOMPETANSE_LANG")
        .env("NO_COLOR", "1")
        .output()
        .ok()?;
    Some(Bounded {
        output,
        elapsed: start.elapsed(),
    })
}
