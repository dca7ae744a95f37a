//! `kompetanse matrix ORG [--unit U] [--role R] [--skills ...]` (issue 23
//! item 5): people present at D as rows, skills as columns, each level
//! against the person's role target, stale and expiring levels marked.
//! Worked by hand on a small organisation.

mod common;

use common::Fixture;
use serde_json::{Value, json};

/// D = 2026-06-15, stale before 2024-06-15 (24 months), expiring: by
/// 2026-09-13 (90 days). Role dev asks rust 3, sql 2, k8s 2.
/// - a (it/app, dev): rust 2 (below), sql 2 (at), k8s 3 expiring
///   2026-08-01 (above, expiring)
/// - b (it, dev): rust 4 (above), sql 1 assessed 2024-01-10 (below,
///   stale), k8s unassessed (null, below: L = 0)
/// - c (it, no role): rust 3 (no target); sql, k8s unassessed
/// - d (hr, dev): left 2026-05-01, not present at D
/// - e (it, dev): starts 2026-09-01, not present at D
/// - f (hr, no role): rust 1
///
/// Nobody holds or is asked for excel: no column unless asked for.
fn org() -> Fixture {
    let body = r#"
[[skill]]
id = "rust"
name = "Rust programming"

[[skill]]
id = "sql"

[[skill]]
id = "k8s"
name = "Kubernetes"

[[skill]]
id = "excel"

[[role]]
id = "dev"
requires = { rust = 3, sql = 2, k8s = 2 }
"#;
    Fixture::standard(
        body,
        "id,name,unit,role,starts,leaves\n\
         a,Anna A,it/app,dev,,\n\
         b,Bjørn B,it,dev,,\n\
         c,Cecilie C,it,,,\n\
         d,Dag D,hr,dev,,2026-05-01\n\
         e,Eva E,it,dev,2026-09-01,\n\
         f,Frida F,hr,,,\n",
        "person,skill,level,assessed,expires\n\
         a,rust,2,2026-01-10,\n\
         a,sql,2,2026-01-10,\n\
         a,k8s,3,2025-08-01,2026-08-01\n\
         b,rust,4,2026-01-10,\n\
         b,sql,1,2024-01-10,\n\
         c,rust,3,2026-01-10,\n\
         d,rust,4,2026-01-10,\n\
         e,rust,4,2026-01-10,\n\
         f,rust,1,2026-01-10,\n",
    )
}

fn people(v: &Value) -> Vec<&str> {
    v["people"]
        .as_array()
        .expect("people")
        .iter()
        .map(|p| p["person"].as_str().expect("an id"))
        .collect()
}

fn skills(v: &Value) -> Vec<&str> {
    v["skills"]
        .as_array()
        .expect("skills")
        .iter()
        .map(|s| s["skill"].as_str().expect("an id"))
        .collect()
}

#[test]
fn levels_against_the_roles_targets_with_stale_and_expiring_marked() {
    let fx = org();
    let v = fx.json(&["matrix", "org.toml", "-f", "json"]);
    assert_eq!(v["report"], "matrix");
    assert_eq!(v["as_of"], "2026-06-15");
    assert_eq!(v["stale_before"], "2024-06-15");
    assert_eq!(v["expiring_days"], 90);
    // Only the people present at D: d has left, e has not started.
    assert_eq!(people(&v), ["a", "b", "c", "f"]);
    // Catalogue order; excel is nobody's level or target.
    assert_eq!(skills(&v), ["rust", "sql", "k8s"]);
    assert_eq!(v["skills"][0]["name"], "Rust programming");
    let a = &v["people"][0];
    assert_eq!(a["name"], "Anna A");
    assert_eq!(a["unit"], "it/app");
    assert_eq!(a["role"], "dev");
    assert_eq!(a["levels_by_skill"], json!({"rust": 2, "sql": 2, "k8s": 3}));
    assert_eq!(
        a["targets_by_skill"],
        json!({"rust": 3, "sql": 2, "k8s": 2})
    );
    assert_eq!(a["stale_skills"], json!([]));
    assert_eq!(a["expiring_by_skill"], json!({"k8s": "2026-08-01"}));
    let b = &v["people"][1];
    assert_eq!(
        b["levels_by_skill"],
        json!({"rust": 4, "sql": 1, "k8s": null})
    );
    assert_eq!(b["stale_skills"], json!(["sql"]));
    assert_eq!(b["expiring_by_skill"], json!({}));
    // No role, no targets.
    let c = &v["people"][2];
    assert_eq!(
        c["levels_by_skill"],
        json!({"rust": 3, "sql": null, "k8s": null})
    );
    assert_eq!(c["targets_by_skill"], json!({}));

    // CSV: a row per person and skill, the standing worded.
    let out = fx.run(&["matrix", "org.toml", "-f", "csv"]);
    assert_eq!(out.status.code(), Some(0));
    let csv = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "person,name,unit,role,skill,level,target,standing,assessed,expires,stale,expiring"
    );
    assert_eq!(
        lines[1..4],
        [
            "a,Anna A,it/app,dev,rust,2,3,below,2026-01-10,,false,false",
            "a,Anna A,it/app,dev,sql,2,2,at,2026-01-10,,false,false",
            "a,Anna A,it/app,dev,k8s,3,2,above,2025-08-01,2026-08-01,false,true",
        ]
    );
    assert_eq!(
        lines[4..7],
        [
            "b,Bjørn B,it,dev,rust,4,3,above,2026-01-10,,false,false",
            "b,Bjørn B,it,dev,sql,1,2,below,2024-01-10,,true,false",
            "b,Bjørn B,it,dev,k8s,,2,below,,,false,false",
        ]
    );
    assert_eq!(
        lines[7],
        "c,Cecilie C,it,,rust,3,,no-target,2026-01-10,,false,false"
    );
    assert_eq!(lines.len(), 1 + 4 * 3);

    // A narrower window leaves a's k8s unmarked.
    let v = fx.json(&["matrix", "org.toml", "--expiring", "30", "-f", "json"]);
    assert_eq!(v["people"][0]["expiring_by_skill"], json!({}));
}

#[test]
fn the_table_marks_each_cell_and_names_the_numbered_columns() {
    let fx = org();
    let out = fx.run(&["matrix", "org.toml", "--color", "never"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    // a: rust below, sql at, k8s above and expiring; b: sql below and
    // stale, k8s not assessed (below); c: rust without a target.
    for cell in ["2↓", "2=", "3↑!", "4↑", "1↓*", "·↓"] {
        assert!(text.contains(cell), "{cell}:\n{text}");
    }
    for legend in ["1 Rust programming (rust)", "2 sql", "3 Kubernetes (k8s)"] {
        assert!(text.contains(legend), "{legend}:\n{text}");
    }
    assert!(text.contains("below target"), "{text}");
    assert!(text.contains("stale: assessed before 2024-06-15"), "{text}");
    assert!(!text.contains("Dag D") && !text.contains("Eva E"), "{text}");
    // Colour only when asked for: red below target, green at or above.
    let out = fx.run(&["matrix", "org.toml", "--color", "always"]);
    let coloured = String::from_utf8(out.stdout).unwrap();
    assert!(coloured.contains("\x1b[38;5;9m2↓"), "{coloured}");
    assert!(coloured.contains("\x1b[38;5;10m2="), "{coloured}");
    // A cell without a target is not coloured.
    assert!(coloured.contains("┆ 3  ┆"), "{coloured}");
    assert!(!text.contains('\x1b'));
    // A narrow terminal leaves out the role, then the unit: a row stays one line.
    let out = fx.run(&["matrix", "org.toml", "--color", "never", "--width", "40"]);
    let narrow = String::from_utf8(out.stdout).unwrap();
    assert!(
        !narrow.contains("Role") && !narrow.contains("Unit"),
        "{narrow}"
    );
    assert_eq!(
        narrow.lines().filter(|l| l.contains("┆ 2↓")).count(),
        1,
        "{narrow}"
    );
    // Norwegian.
    let out = fx.run(&["matrix", "org.toml", "--lang", "nb", "--color", "never"]);
    let norsk = String::from_utf8(out.stdout).unwrap();
    for word in [
        "kompetansematrise",
        "under mål",
        "på mål",
        "over mål",
        "uten mål",
    ] {
        assert!(norsk.contains(word), "{word}:\n{norsk}");
    }
    assert!(
        norsk.contains("foreldet: vurdert før 15.06.2024"),
        "{norsk}"
    );
    assert!(norsk.contains("utløper innen 90 dager"), "{norsk}");
}

#[test]
fn every_document_format_shows_the_same_people() {
    let fx = org();
    for format in ["markdown", "html"] {
        for lang in ["en", "nb"] {
            let out = fx.run(&["matrix", "org.toml", "-f", format, "--lang", lang]);
            assert_eq!(out.status.code(), Some(0), "{format}");
            let text = String::from_utf8(out.stdout).unwrap();
            for name in ["Anna A", "Bjørn B", "Cecilie C", "Frida F", "Kubernetes"] {
                assert!(text.contains(name), "{format} {lang}: {name}");
            }
            for name in ["Dag D", "Eva E"] {
                assert!(!text.contains(name), "{format} {lang}: {name}");
            }
            if format == "html" {
                // Narrow coloured columns: below target red, at or above green.
                for class in [
                    "class=\"heat narrow\"",
                    "hm c0",
                    "hm c4",
                    "class=\"legend\"",
                ] {
                    assert!(text.contains(class), "{lang}: {class}");
                }
            }
        }
    }
}

#[test]
fn unit_role_and_skills_narrow_it() {
    let fx = org();
    // A unit holds the units below it: it has a (it/app), b and c.
    let v = fx.json(&["matrix", "org.toml", "--unit", "it", "-f", "json"]);
    assert_eq!(people(&v), ["a", "b", "c"]);
    assert_eq!(v["unit"], "it");
    let v = fx.json(&["matrix", "org.toml", "--unit", "it/app", "-f", "json"]);
    assert_eq!(people(&v), ["a"]);
    // hr has f only (d has left): f holds rust alone, and has no role.
    let v = fx.json(&["matrix", "org.toml", "--unit", "hr", "-f", "json"]);
    assert_eq!(people(&v), ["f"]);
    assert_eq!(skills(&v), ["rust"]);
    let v = fx.json(&["matrix", "org.toml", "--role", "dev", "-f", "json"]);
    assert_eq!(people(&v), ["a", "b"]);
    assert_eq!(v["role"], "dev");
    // Skills by id or name, in the order given, each once.
    let v = fx.json(&[
        "matrix",
        "org.toml",
        "--skills",
        "sql, Rust programming,kubernetes,sql",
        "-f",
        "json",
    ]);
    assert_eq!(skills(&v), ["sql", "rust", "k8s"]);
    // A skill nobody holds is a column of blanks when asked for.
    let v = fx.json(&["matrix", "org.toml", "--skills", "excel", "-f", "json"]);
    assert_eq!(skills(&v), ["excel"]);
    assert_eq!(v["people"][0]["levels_by_skill"], json!({"excel": null}));
    assert_eq!(v["people"][0]["targets_by_skill"], json!({}));
}

#[test]
fn bad_options_are_usage_errors_and_nothing_is_written() {
    let fx = org();
    for (args, says) in [
        (&["--skills", "rsut"][..], "did you mean 'rust'"),
        (&["--skills", "rust,,sql"][..], "a skill is empty"),
        (&["--unit", "xx"][..], "--unit"),
        (&["--role", "boss"][..], "--role"),
        (&["--min-group", "3"][..], "--min-group"),
        (&["--expiring", "soon"][..], "--expiring"),
    ] {
        let out = fx.run(&[&["matrix", "org.toml", "-o", "m.csv"][..], args].concat());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert!(!fx.dir().join("m.csv").exists(), "{args:?}");
    }
}

#[test]
fn pseudonyms_replace_ids_and_names_and_nothing_else() {
    let fx = org();
    let named = fx.json(&["matrix", "org.toml", "-f", "json"]);
    let v = fx.json(&[
        "matrix",
        "org.toml",
        "--pseudonymize",
        "--salt",
        "a-long-enough-secret-salt",
        "-f",
        "json",
    ]);
    let text = v.to_string();
    for id in ["Anna A", "Bjørn B", "\"a\"", "\"b\""] {
        assert!(!text.contains(id), "{id}: {text}");
    }
    assert!(people(&v).iter().all(|p| p.starts_with("p-")), "{text}");
    // The same cells, person by person (the original ids' order).
    for (p, q) in named["people"]
        .as_array()
        .unwrap()
        .iter()
        .zip(v["people"].as_array().unwrap())
    {
        assert_eq!(p["levels_by_skill"], q["levels_by_skill"]);
        assert_eq!(p["targets_by_skill"], q["targets_by_skill"]);
        assert_eq!(p["stale_skills"], q["stale_skills"]);
    }
}

#[test]
fn the_workbook_holds_the_matrix_its_targets_and_the_cells() {
    let fx = org();
    let out = fx.run(&["matrix", "org.toml", "-o", "m.xlsx"]);
    assert_eq!(out.status.code(), Some(0));
    use calamine::Reader;
    let mut book = calamine::open_workbook::<calamine::Xlsx<_>, _>(fx.dir().join("m.xlsx"))
        .expect("a workbook");
    assert_eq!(book.sheet_names(), ["Matrix", "Targets", "Levels"]);
    let matrix = book.worksheet_range("Matrix").expect("Matrix");
    let row = |r: u32| -> Vec<String> {
        (0..7)
            .map(|c| {
                matrix
                    .get_value((r, c))
                    .map(|v| v.to_string())
                    .unwrap_or_default()
            })
            .collect()
    };
    assert_eq!(
        row(0),
        ["Person", "Name", "Unit", "Role", "rust", "sql", "k8s"]
    );
    assert_eq!(row(2), ["b", "Bjørn B", "it", "dev", "4", "1", ""]);
    let targets = book.worksheet_range("Targets").expect("Targets");
    assert_eq!(
        targets.get_value((1, 4)).map(|v| v.to_string()),
        Some("3".into())
    );
    // The conditional formats compare the matrix with the targets sheet.
    let bytes = std::fs::read(fx.dir().join("m.xlsx")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut sheet = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").expect("sheet1"),
        &mut sheet,
    )
    .unwrap();
    assert!(
        sheet.contains("conditionalFormatting sqref=\"E2:G5\""),
        "{sheet}"
    );
    assert!(sheet.contains("N(E2)&lt;'Targets'!E2"), "{sheet}");
    assert!(sheet.contains("<pane ySplit=\"1\""), "{sheet}");
    assert!(sheet.contains("<autoFilter"), "{sheet}");
    // Stale and expiring levels carry a note: b's sql (F3), a's k8s (G2).
    let mut notes = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/comments1.xml").expect("notes"),
        &mut notes,
    )
    .unwrap();
    assert!(notes.contains("ref=\"F3\""), "{notes}");
    assert!(notes.contains("Stale: 2024-01-10"), "{notes}");
    assert!(notes.contains("ref=\"G2\""), "{notes}");
    assert!(notes.contains("expiring: 2026-08-01"), "{notes}");
    assert_eq!(notes.matches("<comment ").count(), 2, "{notes}");
}
