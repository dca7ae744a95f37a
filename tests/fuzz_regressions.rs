//! Replays every input the fuzzers (fuzz/, `cargo fuzz`) found crashing,
//! hanging or blowing up memory through the same harness the fuzz targets
//! use (fuzz/src/lib.rs, included by path, so the input shapes have one
//! home): each must finish without a panic, within a time limit.
//!
//! - `tests/fuzz_regressions/<target>/*`: fixed; replayed by `cargo test`.
//! - `tests/fuzz_regressions/pending/<target>/*`: found, but the fix belongs
//!   to work in progress elsewhere (its README says which); replayed by the
//!   ignored test `pending_inputs_finish` (`cargo test --test
//!   fuzz_regressions -- --ignored`).
//!
//! The fuzzers' seed corpora (fuzz/seeds/<target>) are replayed too, so the
//! harness itself is built and run by every `cargo test`.

#[allow(dead_code)]
#[path = "../fuzz/src/lib.rs"]
mod harness;

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Each input's limit. Generous: a debug build on a busy CI machine; a
/// regression is an input that never finishes (the fuzzers' limit was 10 s
/// in an optimised build).
const LIMIT: Duration = Duration::from_secs(60);

/// A fuzz target's harness function.
type Target = fn(&[u8]);

const TARGETS: [(&str, Target); 5] = [
    ("org_toml", harness::org_toml),
    ("csv", harness::csv),
    ("xlsx", harness::xlsx),
    ("ods", harness::ods),
    ("pipeline", harness::pipeline),
];

/// The files in `dir` (none when it does not exist), README.md left out.
fn inputs(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "README.md"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// Runs `run` on the file's bytes on its own thread; panics when it
/// panics or has not finished within [`LIMIT`].
fn replay(path: &Path, run: Target) {
    let bytes = std::fs::read(path).expect("read the input");
    let (done, finished) = mpsc::channel();
    let start = Instant::now();
    let worker = std::thread::spawn(move || {
        run(&bytes);
        let _ = done.send(());
    });
    match finished.recv_timeout(LIMIT) {
        Ok(()) => worker.join().expect("the harness thread"),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            panic!("{} panicked (see above)", path.display())
        }
        Err(mpsc::RecvTimeoutError::Timeout) => panic!(
            "{} did not finish within {:?} ({:?} so far)",
            path.display(),
            LIMIT,
            start.elapsed()
        ),
    }
}

fn replay_all(root: &str) -> usize {
    let mut count = 0;
    for (target, run) in TARGETS {
        for path in inputs(
            &Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(root)
                .join(target),
        ) {
            replay(&path, run);
            count += 1;
        }
    }
    count
}

#[test]
fn found_inputs_finish() {
    replay_all("tests/fuzz_regressions");
}

#[test]
fn seed_inputs_finish() {
    // Every target has seeds: an empty replay would test nothing.
    assert!(replay_all("fuzz/seeds") >= 4);
}

#[test]
#[ignore = "inputs whose fix is other work in progress: see tests/fuzz_regressions/pending/README.md"]
fn pending_inputs_finish() {
    replay_all("tests/fuzz_regressions/pending");
}

/// The first crash found (xlsx, 2026-11-27): calamine overflowed parsing a
/// cell reference of a damaged sheet and panicked (debug builds). It is an
/// error at the workbook now, and loading goes on to report it.
#[test]
fn a_damaged_workbook_is_an_error_not_a_crash() {
    let input = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fuzz_regressions/xlsx/calamine-cell-reference-overflow"),
    )
    .expect("the regression input");
    // The harness's shape: first byte 1 = the assessments workbook (.xlsx).
    assert_eq!(input[0] & 3, 1);
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join("assessments.xlsx"), &input[1..]).expect("write");
    std::fs::write(
        dir.path().join("org.toml"),
        "[profiles]\nassessments = [\"assessments.xlsx\"]\n[organisation]\nas_of = 2026-11-26\n[[skill]]\nid = \"rust\"\n",
    )
    .expect("write");
    let loaded = kompetanse::load::load(&dir.path().join("org.toml"), &Default::default());
    assert!(loaded.org.is_none());
    let messages: Vec<String> = loaded.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("assessments.xlsx") && m.contains("the workbook is damaged")),
        "{messages:#?}"
    );
}
