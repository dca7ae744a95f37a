//! `kompetanse init`: the starter organisation in both languages, with a
//! CSV or a workbook matrix, passes `check` without a warning and shows a
//! gap; init never overwrites; DIR is created, and defaults to ".".

use std::path::Path;
use std::process::{Command, Output};

use assert_cmd::cargo::CommandCargoExt;
use serde_json::Value;

fn kompetanse(dir: &Path, args: &[&str]) -> Output {
    Command::cargo_bin("kompetanse")
        .expect("the binary is built")
        .current_dir(dir)
        .env("KOMPETANSE_LANG", "en")
        .args(args)
        .output()
        .expect("run kompetanse")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The sorted names of the files in `dir`.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Runs init into a folder that does not exist yet, then check and gap.
/// `warnings`: what `check` says about the starter's matrix, each one line:
/// the workbook and the Norwegian CSV show a title row and a comment column
/// (FORMAT.md r3: allowed, with a warning each).
fn starter(lang: &str, xlsx: bool, expected: &[&str]) {
    let warnings: &[&str] = if xlsx || lang == "nb" {
        &[
            "the header is on row 3: the row above it is skipped (row 1 holds 'Kompetansekartlegging')",
            "is ignored: neither a skill id or name",
        ]
    } else {
        &[]
    };
    let tmp = tempfile::tempdir().unwrap();
    let mut args = vec!["init", "new/org", "--lang", lang];
    if xlsx {
        args.push("--xlsx");
    }
    let out = kompetanse(tmp.path(), &args);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty(), "stdout is for reports only");
    let err = text(&out.stderr);
    for name in expected {
        assert!(err.contains(&format!("new/org/{name}")), "{err}");
    }
    assert!(err.contains("kompetanse check new/org/org.toml"), "{err}");
    assert!(err.contains("kompetanse gap new/org/org.toml"), "{err}");
    let dir = tmp.path().join("new/org");
    let mut sorted: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
    sorted.sort();
    assert_eq!(listing(&dir), sorted);
    let org = std::fs::read_to_string(dir.join("org.toml")).unwrap();
    assert!(org.starts_with("#:schema ./org.schema.json\n"), "{org}");

    let check = kompetanse(&dir, &["check", "org.toml"]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    let err = text(&check.stderr);
    assert_eq!(err.lines().count(), warnings.len(), "{err}");
    for (line, warning) in err.lines().zip(warnings) {
        let warning = if lang == "en" {
            warning.replace("Kompetansekartlegging", "Skills matrix")
        } else {
            warning.to_string()
        };
        assert!(line.contains(&warning), "{err}");
    }
    // 1005 starts next year: check counts the people present today.
    let stdout = text(&check.stdout);
    assert!(
        stdout.contains("4 skills, 2 roles, 4 needs, 4 people present on ")
            && stdout.contains(" (1 starts later), 19 assessments"),
        "{stdout}"
    );

    let gap = kompetanse(&dir, &["gap", "org.toml", "-f", "json", "-q"]);
    assert_eq!(gap.status.code(), Some(0), "{}", text(&gap.stderr));
    let report: Value = serde_json::from_slice(&gap.stdout).unwrap();
    // Worked by hand from the templates (D = today, next year's deadlines):
    // the critical medication need (level 3, 3 people, nursing home, by
    // 30 June next year) has one holder (1001 at 3); 1002 (at 2) leaves on
    // 31 March, before the deadline, so does not count and is not
    // developed; 1003 (at 1) is two steps away, within max_steps 2, so is
    // developed; shortfall 2 - 1 developed = 1 to recruit. First aid (2 x
    // 5, everyone present today; 1005 starts next year): 1001, 1002, 1004
    // hold it, 1003 is one step away: shortfall 2, develop 1, recruit 1.
    // Dementia care (3 x 2 in care): 1003 holds it; 1002 and 1004 are one
    // step away, 1002 first by id: shortfall 1, develop 1. Welfare tech
    // (2 x 2 in home care, by 31 December): 1005 (at 3) starts by then and
    // counts; 1004 (at 1) is developed: shortfall 1, develop 1.
    let totals = &report["totals"];
    assert_eq!(totals["unmet"], 4);
    assert_eq!(totals["shortfall"], 6);
    assert_eq!(totals["develop_count"], 4);
    assert_eq!(totals["recruit_count"], 2);
    let critical = &report["needs"][0];
    assert_eq!(critical["priority"], "critical");
    assert_eq!(
        (&critical["have"], &critical["shortfall"]),
        (&1.into(), &2.into())
    );
    assert_eq!(critical["develop"][0]["person"], "1003");
    assert_eq!(
        (
            &critical["develop"][0]["from"],
            &critical["develop"][0]["to"]
        ),
        (&1.into(), &3.into())
    );
    assert_eq!(critical["recruit_count"], 1);
}

#[test]
fn english_starter_passes_check_and_shows_a_gap() {
    starter(
        "en",
        false,
        &[
            "org.toml",
            "people.csv",
            "assessments.csv",
            "activities.csv",
            "org.schema.json",
        ],
    );
}

#[test]
fn norwegian_starter_passes_check_and_shows_a_gap() {
    starter(
        "nb",
        false,
        &[
            "org.toml",
            "ansatte.csv",
            "kartlegging.csv",
            "aktiviteter.csv",
            "org.schema.json",
        ],
    );
}

#[test]
fn workbook_starters_pass_check_and_show_a_gap() {
    starter(
        "nb",
        true,
        &[
            "org.toml",
            "ansatte.csv",
            "kartlegging.xlsx",
            "aktiviteter.csv",
            "org.schema.json",
        ],
    );
    starter(
        "en",
        true,
        &[
            "org.toml",
            "people.csv",
            "assessments.xlsx",
            "activities.csv",
            "org.schema.json",
        ],
    );
}

#[test]
fn norwegian_files_speak_norwegian() {
    let tmp = tempfile::tempdir().unwrap();
    let out = kompetanse(tmp.path(), &["init", "--lang", "nb"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let org = std::fs::read_to_string(tmp.path().join("org.toml")).unwrap();
    for word in [
        r#"levels = ["ingen", "grunnleggende", "god", "avansert", "ekspert"]"#,
        "Legemiddelhåndtering",
        "Hospitering",
        "Mentorordning",
        "Kompetansetorg",
        "E-læring",
    ] {
        assert!(org.contains(word), "{word}");
    }
    let people = std::fs::read_to_string(tmp.path().join("ansatte.csv")).unwrap();
    assert!(people.starts_with("ansattnr;navn;enhet;stilling;kapasitet;startdato;sluttdato\n"));
    assert!(people.contains(";31.03."), "dd.mm.yyyy dates: {people}");
}

#[test]
fn init_writes_into_the_current_folder_in_the_environment_s_language() {
    let tmp = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("kompetanse")
        .unwrap()
        .current_dir(tmp.path())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("KOMPETANSE_LANG", "nb")
        .arg("init")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        listing(tmp.path()),
        [
            "aktiviteter.csv",
            "ansatte.csv",
            "kartlegging.csv",
            "org.schema.json",
            "org.toml"
        ]
    );
    // In the current folder, files are named bare.
    assert!(text(&out.stderr).contains("kompetanse check org.toml"));
}

#[test]
fn init_never_overwrites() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("org.toml"), "mine").unwrap();
    let out = kompetanse(tmp.path(), &["init", ".", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("'org.toml' already exists"), "{err}");
    assert!(err.contains("nothing was written"), "{err}");
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("org.toml")).unwrap(),
        "mine"
    );
    assert_eq!(
        listing(tmp.path()),
        ["org.toml"],
        "no other file is written"
    );

    // Any one of the files stops it, and each one is named.
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("ansatte.csv"), "x").unwrap();
    std::fs::write(tmp.path().join("org.schema.json"), "{}").unwrap();
    let out = kompetanse(tmp.path(), &["init", "--lang", "nb"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("'ansatte.csv' already exists"), "{err}");
    assert!(err.contains("'org.schema.json' already exists"), "{err}");
    assert!(!err.contains("'org.toml'"), "{err}");
    assert_eq!(listing(tmp.path()), ["ansatte.csv", "org.schema.json"]);
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("org.schema.json")).unwrap(),
        "{}"
    );
}

/// Issue 26: the starter shows an activity log in both languages, and it
/// is read (a plan's goal for one of its people shows hours done).
#[test]
fn the_starter_has_an_activity_log_in_both_languages() {
    for (lang, name, header) in [
        (
            "en",
            "activities.csv",
            "person,skill,activity,mode,hours,date\n",
        ),
        (
            "nb",
            "aktiviteter.csv",
            "ansattnr;kompetanse;aktivitet;læringsform;timer;dato\n",
        ),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let out = kompetanse(tmp.path(), &["init", "-q", "--lang", lang]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let log = std::fs::read_to_string(tmp.path().join(name)).unwrap();
        assert!(log.starts_with(header), "{log}");
        let org = std::fs::read_to_string(tmp.path().join("org.toml")).unwrap();
        assert!(org.contains(&format!("activities = [\"{name}\"]")), "{org}");
        let plan = kompetanse(tmp.path(), &["plan", "org.toml", "-f", "json"]);
        assert_eq!(plan.status.code(), Some(0), "{}", text(&plan.stderr));
        let v: serde_json::Value = serde_json::from_slice(&plan.stdout).unwrap();
        let goals = v["plans"][0]["goals"].as_array().unwrap();
        assert!(goals.iter().all(|g| g.get("done").is_some()), "{v}");
    }
}
