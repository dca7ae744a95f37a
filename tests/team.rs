//! The team page, `report ORG --unit UNIT`, and one page each,
//! `report ORG --each person|unit -o DIR` (issue 23 items 2 and 3). A
//! hand-worked organisation checks each part of the page and that it names
//! nobody outside the unit; `--each` writes a page per person or unit and
//! an index whose links resolve, and never outside DIR.

mod common;

use std::path::Path;

use common::Fixture;
use serde_json::Value;

/// D = 2026-06-15. Worked by hand:
/// - rust-dev (rust 3 x 2 in it/dev, high): kari (3) counts; nobody else
///   in it/dev has rust from 1: have 1, recruit 1. It is within "it".
/// - sql-all (sql 2 x 3, everyone, by 2027-01-01): at the horizon siri
///   has left (2026-08-31) and nils has arrived (2026-09-01). Counting:
///   kari (2), per (2), nils (3): have 3. Seen from "it": its people in
///   scope at the horizon are kari and ola (2), of whom kari counts (1).
/// - rust-hr (rust 3 x 1 in hr): not the unit's, and none of its people
///   are in its scope: absent.
///
/// People of "it" present at D: kari, ola, siri (3). Ola (backend, at
/// rust level 1) has a role goal rust 1 -> 3, mentored by kari (same unit,
/// rust 3). Siri is leaving within 90 days, and due in rust (asked by
/// rust-dev, unassessed). Per and nils (hr) appear nowhere on the page.
fn hand_worked() -> Fixture {
    let body = r#"
[[skill]]
id = "rust"
name = "Rust programming"

[[skill]]
id = "sql"

[[role]]
id = "backend"
requires = { rust = 3 }

[[need]]
id = "rust-dev"
skill = "rust"
level = 3
count = 2
unit = "it/dev"
priority = "high"

[[need]]
id = "sql-all"
skill = "sql"
level = 2
count = 3
by = 2027-01-01

[[need]]
id = "rust-hr"
skill = "rust"
level = 3
count = 1
unit = "hr"
"#;
    Fixture::standard(
        body,
        "id,name,unit,role,starts,leaves\n\
         kari.nordmann,Kari Nordmann,it/dev,backend,,\n\
         ola.hansen,Ola Hansen,it,backend,,\n\
         siri.dahl,Siri Dahl,it/dev,,,2026-08-31\n\
         per.berg,Per Berg,hr,,,\n\
         nils.lie,Nils Lie,hr,,2026-09-01,\n",
        "person,skill,level,assessed\n\
         kari.nordmann,rust,3,2026-01-01\n\
         kari.nordmann,sql,2,2026-01-01\n\
         ola.hansen,rust,1,2026-01-01\n\
         ola.hansen,sql,1,2026-01-01\n\
         siri.dahl,sql,3,2026-01-01\n\
         per.berg,rust,4,2026-01-01\n\
         per.berg,sql,2,2026-01-01\n\
         nils.lie,sql,3,2026-01-01\n",
    )
}

fn run_ok(fx: &Fixture, args: &[&str]) -> String {
    let out = fx.run(args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn ids(list: &Value, key: &str) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|x| x[key].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_team_page_holds_each_part_worked_by_hand() {
    let fx = hand_worked();
    let page: Value = serde_json::from_str(&run_ok(
        &fx,
        &["report", "org.toml", "--unit", "it", "-f", "json"],
    ))
    .unwrap();
    assert_eq!(page["report"], "team");
    assert_eq!(page["unit"], "it");
    assert_eq!(page["people_count"], 3);
    assert_eq!(ids(&page["needs"], "id"), ["rust-dev"]);
    assert_eq!(page["needs"][0]["have"], 1);
    assert_eq!(page["needs"][0]["recruit_count"], 1);
    let above = &page["above"];
    assert_eq!(ids(above, "need"), ["sql-all"]);
    assert_eq!(above[0]["have"], 3);
    assert_eq!(above[0]["count"], 3);
    assert_eq!(above[0]["in_scope"], 2);
    assert_eq!(above[0]["unit_have"], 1);
    assert_eq!(above[0]["scope"], Value::Null);
    // Everyone of the unit against their role: kari and ola have one.
    assert_eq!(
        ids(&page["roles"]["people"], "person"),
        ["kari.nordmann", "ola.hansen"]
    );
    let plans: Vec<&Value> = page["plans"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| !p["goals"].as_array().unwrap().is_empty())
        .collect();
    assert_eq!(plans.len(), 1);
    assert_eq!(plans[0]["person"], "ola.hansen");
    assert_eq!(plans[0]["goals"][0]["skill"], "rust");
    assert_eq!(plans[0]["goals"][0]["mentor"], "kari.nordmann");
    assert_eq!(ids(&page["leaving"], "person"), ["siri.dahl"]);
    assert_eq!(ids(&page["arriving"], "person"), Vec::<String>::new());
    let due: Vec<(String, String, String)> = page["due"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["person"].as_str().unwrap().to_string(),
                d["skill"].as_str().unwrap().to_string(),
                d["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        due,
        [(
            "siri.dahl".to_string(),
            "rust".to_string(),
            "missing".to_string()
        )]
    );
}

#[test]
fn the_team_page_names_nobody_outside_the_unit() {
    let fx = hand_worked();
    for format in ["html", "markdown", "json"] {
        for lang in ["en", "nb"] {
            let page = run_ok(
                &fx,
                &[
                    "report", "org.toml", "--unit", "it", "-f", format, "--lang", lang,
                ],
            );
            for name in ["Kari Nordmann", "Ola Hansen", "Siri Dahl"] {
                assert!(
                    format == "json" || page.contains(name),
                    "{format} {lang}: {name} missing"
                );
            }
            for outsider in ["Per Berg", "per.berg", "Nils Lie", "nils.lie", "rust-hr"] {
                assert!(
                    !page.contains(outsider),
                    "{format} {lang}: {outsider} is on the page of it"
                );
            }
        }
    }
    // The unit below sees only its own: ola (it) is not in it/dev.
    let page = run_ok(
        &fx,
        &["report", "org.toml", "--unit", "it/dev", "-f", "markdown"],
    );
    assert!(page.contains("Kari Nordmann") && !page.contains("Ola Hansen"));
}

fn links(index: &str) -> Vec<String> {
    index
        .split("href=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap().to_string())
        .collect()
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn each_writes_a_page_per_person_or_unit_and_an_index_whose_links_resolve() {
    let fx = hand_worked();
    run_ok(
        &fx,
        &[
            "report", "org.toml", "--each", "person", "-o", "people", "-q",
        ],
    );
    let dir = fx.dir().join("people");
    // Present at D: nils starts later.
    assert_eq!(
        listing(&dir),
        [
            "index.html",
            "kari.nordmann.html",
            "ola.hansen.html",
            "per.berg.html",
            "siri.dahl.html"
        ]
    );
    let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
    let targets = links(&index);
    assert_eq!(targets.len(), 4);
    for target in &targets {
        assert!(dir.join(target).is_file(), "{target} does not resolve");
    }
    assert!(index.contains("Kari Nordmann (kari.nordmann)"));
    let kari = std::fs::read_to_string(dir.join("kari.nordmann.html")).unwrap();
    assert!(kari.contains("My competence: Kari Nordmann"));

    run_ok(
        &fx,
        &[
            "report", "org.toml", "--each", "unit", "-o", "units", "-q", "--lang", "nb",
        ],
    );
    let dir = fx.dir().join("units");
    assert_eq!(
        listing(&dir),
        ["hr.html", "index.html", "it.html", "it_dev.html"]
    );
    let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(index.contains("Teamsider: Test") && index.contains("lang=\"nb\""));
    for target in links(&index) {
        assert!(dir.join(&target).is_file(), "{target} does not resolve");
    }
    let it = std::fs::read_to_string(dir.join("it.html")).unwrap();
    assert!(it.contains("Vår kompetanse: it"));
    // The page in the folder is the page --unit writes.
    let alone = run_ok(&fx, &["report", "org.toml", "--unit", "it", "--lang", "nb"]);
    assert_eq!(it, alone);
}

#[test]
fn a_hostile_id_cannot_escape_the_folder_or_take_the_index() {
    let fx = Fixture::standard(
        "[[skill]]\nid = \"rust\"\n",
        "id,name,unit\n\
         ../../evil,Evil <script>,it\n\
         index,Index Person,it\n\
         /abs,Abs,it\n\
         a#b?c,Hash,it\n",
        "person,skill,level,assessed\n",
    );
    run_ok(
        &fx,
        &[
            "report",
            "org.toml",
            "--each",
            "person",
            "-o",
            "out/pages",
            "-q",
        ],
    );
    let dir = fx.dir().join("out/pages");
    let names = listing(&dir);
    assert_eq!(names.len(), 5, "{names:?}");
    assert!(names.contains(&"index.html".to_string()));
    assert!(names.contains(&"index-2.html".to_string()));
    for name in &names {
        assert!(!name.contains('/') && !name.starts_with('.'), "{name}");
    }
    // Nothing beside the folder.
    assert_eq!(listing(&fx.dir().join("out")), ["pages"]);
    assert!(!fx.dir().join("evil.html").exists());
    let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(!index.contains("<script>") && index.contains("Evil &lt;script&gt;"));
    for target in links(&index) {
        let decoded = target.replace("%23", "#").replace("%3F", "?");
        assert!(dir.join(&decoded).is_file(), "{target} does not resolve");
    }
}

#[test]
fn refusals_are_usage_errors_that_write_nothing() {
    let fx = hand_worked();
    let code = |args: &[&str]| fx.run(args).status.code();
    let refused = |args: &[&str], why: &str| {
        let out = fx.run(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(why), "{args:?}: {stderr}");
    };
    refused(
        &["report", "org.toml", "--each", "unit"],
        "give it with -o DIR",
    );
    refused(&["report", "org.toml", "--unit", "nowhere"], "nowhere");
    refused(
        &["report", "org.toml", "--unit", "it", "-f", "csv"],
        "`report --unit` writes html, markdown or json",
    );
    refused(
        &["report", "org.toml", "--unit", "it", "--min-group", "5"],
        "--min-group",
    );
    refused(
        &[
            "report",
            "org.toml",
            "--each",
            "person",
            "-o",
            "p",
            "--pseudonymize",
            "--salt",
            "0123456789abcdef0123456789abcdef",
        ],
        "cannot be pseudonymised",
    );
    assert!(!fx.dir().join("p").exists());
    // A folder with other files in it is refused unless --force.
    std::fs::create_dir(fx.dir().join("full")).unwrap();
    std::fs::write(fx.dir().join("full/notes.txt"), "mine").unwrap();
    assert_eq!(
        code(&["report", "org.toml", "--each", "unit", "-o", "full"]),
        Some(2)
    );
    assert_eq!(listing(&fx.dir().join("full")), ["notes.txt"]);
    assert_eq!(
        code(&[
            "report", "org.toml", "--each", "unit", "-o", "full", "--force", "-q"
        ]),
        Some(0)
    );
    assert!(fx.dir().join("full/notes.txt").exists());
    assert!(fx.dir().join("full/it.html").exists());
}

/// The shipped example, as HR would hand it out: a page for each of its
/// people and each of its units, and index links that all resolve.
#[test]
fn each_on_the_shipped_example_links_every_page() {
    let org = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/virksomhet-x/org.toml");
    let dir = tempfile::tempdir().unwrap();
    for (each, min_pages) in [("person", 30), ("unit", 8)] {
        let out_dir = dir.path().join(each);
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_kompetanse"))
            .arg("report")
            .arg(&org)
            .args(["--each", each, "-q", "--lang", "nb", "-o"])
            .arg(&out_dir)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{each}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let index = std::fs::read_to_string(out_dir.join("index.html")).unwrap();
        let targets = links(&index);
        assert!(
            targets.len() >= min_pages,
            "{each}: {} pages",
            targets.len()
        );
        assert_eq!(listing(&out_dir).len(), targets.len() + 1);
        for target in &targets {
            let page = std::fs::read_to_string(out_dir.join(target)).unwrap();
            let title = if each == "person" {
                "Min kompetanse: "
            } else {
                "Vår kompetanse: "
            };
            assert!(page.contains(title), "{each}/{target}");
        }
    }
}
