//! Terminal tables people can scan (issue 21, item 10): `gap` keeps a need
//! to one line at 100 columns and wider and to two below, no line is wider
//! than the terminal, no column is all zeros, lists wrap with a hanging
//! indent, and `gap --need ID` shows one need with its people by name.

use assert_cmd::Command;
use serde_json::Value;

const X: &str = "examples/virksomhet-x/org.toml";

fn run(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("kompetanse")
        .unwrap()
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn text(args: &[&str]) -> String {
    let out = run(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The table's body rows: the lines between the heading rule and the end.
fn body(table: &str) -> Vec<&str> {
    table
        .lines()
        .skip_while(|l| !l.starts_with('╞'))
        .skip(1)
        .take_while(|l| !l.starts_with('└'))
        .collect()
}

#[test]
fn a_need_is_one_line_from_100_columns_and_two_below() {
    let needs =
        serde_json::from_str::<Value>(&text(&["gap", X, "-q", "-f", "json"])).unwrap()["needs"]
            .as_array()
            .unwrap()
            .len();
    for width in [80, 100, 120, 200] {
        let w = width.to_string();
        let out = text(&["gap", X, "-q", "--width", &w]);
        for line in out.lines() {
            assert!(
                line.chars().count() <= width,
                "{width}: a line of {} characters:\n{line}",
                line.chars().count()
            );
        }
        // The needs and the total row.
        let rows = body(&out).len();
        if width >= 100 {
            assert_eq!(rows, needs + 1, "{width}: one line a need\n{out}");
        } else {
            assert!(
                rows <= 2 * needs + 1,
                "{width}: two lines a need at most\n{out}"
            );
            assert!(
                rows > needs + 1,
                "{width}: the level folds under the skill\n{out}"
            );
        }
        // The most useful columns stay at every width.
        for heading in ["Skill", "Have", "Short", "Develop", "Recruit"] {
            assert!(
                out.lines().nth(2).unwrap().contains(heading),
                "{width}: {heading}\n{out}"
            );
        }
    }
}

#[test]
fn the_terminal_never_shows_a_column_of_zeros() {
    // Tiny's needs have nobody to develop and no hours; the JSON says so.
    let json: Value = serde_json::from_str(&text(&[
        "gap",
        "examples/tiny/org.toml",
        "-q",
        "-f",
        "json",
        "--unit",
        "kunde",
    ]))
    .unwrap();
    assert!(
        json["needs"]
            .as_array()
            .unwrap()
            .iter()
            .all(|n| n["develop"].as_array().unwrap().is_empty())
    );
    let table = text(&[
        "gap",
        "examples/tiny/org.toml",
        "-q",
        "--unit",
        "kunde",
        "--width",
        "200",
    ]);
    let header = table.lines().nth(2).unwrap();
    assert!(
        !header.contains("Develop") && !header.contains("Hours"),
        "{header}"
    );
    assert!(header.contains("Recruit"), "{header}");
    // A document keeps every column (a reader compares reports).
    let md = text(&[
        "gap",
        "examples/tiny/org.toml",
        "-q",
        "--unit",
        "kunde",
        "-f",
        "markdown",
    ]);
    assert!(
        md.contains("| Develop |") || md.contains("Develop |"),
        "{md}"
    );
}

#[test]
fn lists_wrap_with_a_hanging_indent() {
    let out = text(&["gap", X, "-q", "--width", "80"]);
    let develop = out
        .split("Develop (from -> to level, hours):")
        .nth(1)
        .unwrap();
    let lines: Vec<&str> = develop
        .lines()
        .skip(1)
        .take_while(|l| !l.is_empty())
        .collect();
    assert!(
        lines.iter().any(|l| l.starts_with("    ")),
        "continuations indent four"
    );
    assert!(
        lines
            .iter()
            .all(|l| l.starts_with("  ") && l.chars().count() <= 80)
    );
    // Without a width (a pipe), an item is one line.
    let piped = text(&["gap", X, "-q"]);
    let develop = piped
        .split("Develop (from -> to level, hours):")
        .nth(1)
        .unwrap();
    assert!(
        develop
            .lines()
            .skip(1)
            .take_while(|l| !l.is_empty())
            .all(|l| !l.starts_with("    "))
    );
}

#[test]
fn gap_need_shows_one_need_with_its_people_by_name() {
    let out = text(&[
        "gap",
        X,
        "-q",
        "--need",
        "sikkerhet-grunnmur",
        "--width",
        "100",
    ]);
    assert!(out.starts_with(
        "Need sikkerhet-grunnmur: Informasjonssikkerhet og personvern at level 2 god"
    ));
    for fact in [
        "Scope",
        "all",
        "Priority",
        "high",
        "2027-09-30",
        "14/20",
        "70 %",
        "Late",
    ] {
        assert!(out.contains(fact), "{fact}\n{out}");
    }
    // Everyone to develop, by name, as the JSON lists them.
    let json: Value = serde_json::from_str(&text(&[
        "gap",
        X,
        "-q",
        "--need",
        "sikkerhet-grunnmur",
        "-f",
        "json",
    ]))
    .unwrap();
    assert_eq!(json["id"], "sikkerhet-grunnmur", "the need's own object");
    // (The JSON keeps ids; the view puts the name before each.)
    for d in json["develop"].as_array().unwrap() {
        let id = format!(
            "({}) {}->{}",
            d["person"].as_str().unwrap(),
            d["from"],
            d["to"]
        );
        let line = out
            .lines()
            .find(|l| l.contains(&id))
            .unwrap_or_else(|| panic!("{id}\n{out}"));
        let name = line.trim_start().split(" (").next().unwrap();
        assert!(
            name.chars().any(char::is_uppercase),
            "a name before {id}: {line}"
        );
    }
    assert!(out.contains("Bjørn Strand (bjorn.strand) at level 3, expires 2027-02-15"));
    let nb = text(&[
        "gap", X, "-q", "--need", "ki-team", "--lang", "nb", "-f", "markdown",
    ]);
    assert!(
        nb.starts_with("# Behov ki-team: Maskinlæring og KI på nivå 3 avansert"),
        "{nb}"
    );
    assert!(nb.contains("2 x Maskinlæring og KI på nivå 3"), "{nb}");
}

#[test]
fn gap_need_refuses_an_unknown_need_and_other_views() {
    let out = run(&["gap", X, "-q", "--need", "sikkerhet-grunmur"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("unknown need 'sikkerhet-grunmur' (did you mean 'sikkerhet-grunnmur'?)"),
        "{err}"
    );
    let out = run(&["gap", X, "-q", "--need", "barekraft", "-f", "csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("`gap --need` writes table, markdown, html, json")
    );
    let out = run(&["gap", X, "-q", "--need", "barekraft", "--by", "unit"]);
    assert_eq!(out.status.code(), Some(2));
}
