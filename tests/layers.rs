//! The layers of src/ (STYLE.md: load -> validate -> analyse -> report ->
//! render, the cli on top): each module imports only modules below it, so
//! no import runs back up and no two modules import each other (issue 20).
//! A new module gets a place in `LAYERS`; an import that breaks the order
//! fails here with the file that makes it.

use std::path::Path;

/// The modules of src/, lowest first: a module may use those before it.
const LAYERS: &[&str] = &[
    // A leaf: did-you-mean and clipping, for model and diagnostics alike.
    "suggest",
    // The domain.
    "model",
    // Problems as data.
    "diagnostics",
    "catalogue",
    // Report values (the loaders read earlier reports, the baselines).
    "report",
    "load",
    "analysis",
    "privacy",
    // The one way a command opens an organisation.
    "inputs",
    "render",
    "init",
    // Assessment forms (issue 24): workbooks made from analysis values.
    "survey",
    "cli",
];

/// The top modules a source text names through `crate::`.
fn used(text: &str) -> Vec<String> {
    let code: String = text
        .lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = Vec::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // `crate::{a, b::{c, d}}`: the names at the group's top level.
            let mut depth = 0;
            let mut name = String::new();
            let mut first = true;
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => first = true,
                    c if depth == 0 && first && (c.is_alphanumeric() || c == '_') => name.push(c),
                    _ if depth == 0 && first && !name.is_empty() => {
                        out.push(std::mem::take(&mut name));
                        first = false;
                    }
                    _ => {}
                }
            }
            if !name.is_empty() {
                out.push(name);
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            out.push(name);
        }
    }
    out
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_import_runs_down_the_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut wrong = Vec::new();
    for path in all {
        let relative = path.strip_prefix(&src).unwrap();
        let first = relative.iter().next().unwrap().to_string_lossy();
        let module = first.trim_end_matches(".rs");
        if module == "lib" || module == "main" {
            continue;
        }
        let Some(rank) = LAYERS.iter().position(|l| *l == module) else {
            wrong.push(format!("src/{module} has no place in LAYERS"));
            continue;
        };
        let text = std::fs::read_to_string(&path).unwrap();
        for name in used(&text) {
            if name == module {
                continue;
            }
            match LAYERS.iter().position(|l| *l == name) {
                Some(other) if other < rank => {}
                Some(_) => wrong.push(format!(
                    "{} imports crate::{name}, which is not below {module}",
                    relative.display()
                )),
                None => wrong.push(format!(
                    "{} imports crate::{name}, which has no place in LAYERS",
                    relative.display()
                )),
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_import_reader_sees_groups_and_paths() {
    assert_eq!(
        used(
            "use crate::model::{A, B};\nuse crate::{load::{self, X}, report};\n// crate::cli\nlet x = crate::diagnostics::clip(y);"
        ),
        ["model", "load", "report", "diagnostics"]
    );
}
