//! A baseline far larger than the report it stands for (issue 27, F11): it
//! was parsed whole into a `serde_json::Value`, and 150 MB aborted the run.
//! Only the fields a comparison needs are read now; the rest is skipped as
//! it is read. Run under `common/bounded.rs`: 2 GiB, and 120 s rather than
//! 10, since a debug build reads 100 MB of JSON slowly on a shared machine
//! (the limit here is memory: the old reader needed over 2 GiB and
//! aborted).

#[path = "common/bounded.rs"]
mod bounded;
#[path = "common/tool.rs"]
mod tool;

use std::io::Write;
use std::process::Command;

#[test]
fn a_100_mb_baseline_is_read_within_the_limits() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["org.toml", "people.csv", "assessments.csv"] {
        std::fs::copy(format!("examples/tiny/{f}"), dir.path().join(f)).unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_kompetanse"))
        .args(["gap", "org.toml", "-q", "--format", "json"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let json = String::from_utf8(out.stdout).unwrap();
    // The report, with 100 MB of numbers nobody compares before its end:
    // 50M numbers, 32 bytes each as a Value, more than 2 GiB with the
    // array's growth.
    let body = json.trim_end().strip_suffix('}').unwrap();
    let mut file = std::fs::File::create(dir.path().join("big.json")).unwrap();
    file.write_all(body.as_bytes()).unwrap();
    file.write_all(b",\"padding\":[").unwrap();
    let chunk = "0,".repeat(1 << 20);
    for _ in 0..50 {
        file.write_all(chunk.as_bytes()).unwrap();
    }
    file.write_all(b"0]}\n").unwrap();
    drop(file);
    let args = ["gap", "org.toml", "-q", "--baseline", "big.json"];
    let Some(run) = bounded::run_for(
        dir.path(),
        &[&args[..], &["--format", "json"]].concat(),
        120,
    ) else {
        return;
    };
    run.assert_exit(0);
    let compared: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    assert!(
        compared["needs"].as_array().is_some_and(|n| !n.is_empty()),
        "{compared}"
    );
}
