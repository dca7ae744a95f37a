//! Issue 27, F19 and F6: a baseline with numbers no report of ours could
//! hold is refused with exit 2 and nothing written: a coverage of -1, a
//! shortfall above the count, a repeated need id, a balance histogram of a
//! million levels (which also took 59 s to compare) or whose people do not
//! add up. Each file is a real report of the fixture, then edited.

mod common;

use common::Fixture;
use serde_json::Value;

fn fixture() -> Fixture {
    Fixture::standard(
        "[[skill]]\nid = \"s\"\n\n[[need]]\nid = \"n\"\nskill = \"s\"\nlevel = 3\ncount = 3\n",
        "id\na\nb\n",
        "person,skill,level\na,s,3\nb,s,2\n",
    )
}

/// Runs `command` with `--baseline base.json` after `edit` on its own
/// JSON; returns (exit code, stderr) and checks that `-o` wrote only an accepted run's output.
fn with_baseline(fx: &Fixture, command: &str, edit: impl Fn(&mut Value)) -> (Option<i32>, String) {
    let mut report = fx.json(&[command, "org.toml", "-f", "json", "-q"]);
    edit(&mut report);
    std::fs::write(fx.dir().join("base.json"), report.to_string()).unwrap();
    let _ = std::fs::remove_file(fx.dir().join("out.json"));
    let out = fx.run(&[
        command,
        "org.toml",
        "--baseline",
        "base.json",
        "-f",
        "json",
        "-o",
        "out.json",
    ]);
    let written = fx.dir().join("out.json").exists();
    assert_eq!(written, out.status.success(), "written only when accepted");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// An edit of a report's JSON.
type Edit = Box<dyn Fn(&mut Value)>;

#[test]
fn a_gap_baseline_with_impossible_numbers_is_refused() {
    let fx = fixture();
    let cases: [(&str, Edit); 4] = [
        (
            "has coverage -1, not from 0 to 1",
            Box::new(|r| r["needs"][0]["coverage"] = (-1).into()),
        ),
        (
            "has shortfall 5 with have 1 of count 3 (it would be 2)",
            Box::new(|r| r["needs"][0]["shortfall"] = 5.into()),
        ),
        (
            "has count 0",
            Box::new(|r| r["needs"][0]["count"] = 0.into()),
        ),
        (
            "appears twice",
            Box::new(|r| {
                let need = r["needs"][0].clone();
                r["needs"].as_array_mut().unwrap().push(need);
            }),
        ),
    ];
    for (why, edit) in cases {
        let (code, stderr) = with_baseline(&fx, "gap", edit);
        assert_eq!(code, Some(2), "{why}: {stderr}");
        assert!(
            stderr.contains("cannot be a kompetanse report: need 'n' ") && stderr.contains(why),
            "{why}: {stderr}"
        );
    }
    // The report itself is accepted.
    let (code, stderr) = with_baseline(&fx, "gap", |_| {});
    assert_eq!(code, Some(0), "{stderr}");
}

#[test]
fn a_balance_baseline_with_impossible_numbers_is_refused_at_once() {
    let fx = fixture();
    let (code, stderr) = with_baseline(&fx, "balance", |r| {
        let mut levels = vec![0u64; 1_000_000];
        levels[0] = r["skills"][0]["people_count"].as_u64().unwrap();
        r["skills"][0]["levels"] = levels.into();
    });
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("skill 's' has 1000000 levels; a scale has at most 101"),
        "{stderr}"
    );
    let (code, stderr) = with_baseline(&fx, "balance", |r| {
        r["skills"][0]["people_count"] = 7.into();
    });
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("skill 's' has 7 people but 2 at its levels"),
        "{stderr}"
    );
    let (code, stderr) = with_baseline(&fx, "balance", |_| {});
    assert_eq!(code, Some(0), "{stderr}");
}

/// Issue 27, F20: a `schema_version` that is not a whole number is named as
/// such, not "not a kompetanse report".
#[test]
fn a_wrong_typed_schema_version_says_so() {
    let fx = fixture();
    for (written, shown) in [("\"1\"", "\"1\""), ("1.5", "1.5"), ("-1", "-1")] {
        let (code, stderr) = with_baseline(&fx, "gap", |r| {
            r["schema_version"] = serde_json::from_str(written).unwrap();
        });
        assert_eq!(code, Some(2), "{stderr}");
        assert!(
            stderr.contains(&format!(
                "has schema_version {shown}, which is not a whole number"
            )),
            "{stderr}"
        );
    }
}
