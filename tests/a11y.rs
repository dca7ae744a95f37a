//! Universell utforming (WCAG 2.1 AA, issue 21): the report page (and the
//! personal page of `--person`, issue 23) passes
//! axe-core in headless Chromium with no serious or critical violation, in
//! both languages, at 1280, 390 and 320 px; the page never scrolls
//! sideways (reflow, 1.4.10), and at 1280 px no table does either. And it
//! prints: a PDF of the page (Chromium's `--print-to-pdf`, read back with
//! `pdftotext`) has every column heading of the gap table on one line.
//!
//! axe-core and puppeteer-core come from `KOMPETANSE_NODE_MODULES` (`.ci/run`
//! installs them in target/ci-node, pinned by tests/a11y/package-lock.json);
//! under `CI=true` a missing Chromium, node or module fails the test.

#[path = "common/tool.rs"]
mod tool;

use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;
use serde_json::Value;

fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("KOMPETANSE_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    let present = path.exists();
    tool::required("headless Chromium", present, "apt-get install chromium").then_some(path)
}

/// The folder holding axe-core and puppeteer-core.
fn node_modules() -> Option<PathBuf> {
    let dir = std::env::var_os("KOMPETANSE_NODE_MODULES")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("target/ci-node/node_modules")
        });
    let present = tool::on_path("node")
        && dir.join("axe-core").is_dir()
        && dir.join("puppeteer-core").is_dir();
    tool::required(
        "node with axe-core and puppeteer-core",
        present,
        "apt-get install nodejs npm; npm ci in target/ci-node with tests/a11y/package*.json",
    )
    .then_some(dir)
}

/// `kompetanse report EXAMPLE -o PAGE ARGS`, in `dir`; the page's path.
fn page(dir: &Path, example: &str, lang: &str, extra: &[&str]) -> PathBuf {
    let name = format!(
        "{example}-{lang}{}.html",
        extra.join("").replace(['-', '/'], "")
    );
    let page = dir.join(name);
    let org = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(example)
        .join("org.toml");
    let status = Command::cargo_bin("kompetanse")
        .unwrap()
        .arg("report")
        .arg(&org)
        .args(["-q", "--lang", lang, "-o"])
        .arg(&page)
        .args(extra)
        .status()
        .unwrap();
    assert!(status.success(), "report {example} --lang {lang}");
    page
}

#[test]
fn the_report_page_passes_axe_core_at_every_width_in_both_languages() {
    let (Some(chromium), Some(modules)) = (chromium(), node_modules()) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut pages = Vec::new();
    for example in ["virksomhet-x", "nordvik-kommune"] {
        for lang in ["en", "nb"] {
            pages.push(page(dir.path(), example, lang, &[]));
        }
    }
    pages.push(page(
        dir.path(),
        "virksomhet-x",
        "nb",
        &["--since", "2026-01-01"],
    ));
    // The personal page (issue 23), in both languages.
    for lang in ["en", "nb"] {
        pages.push(page(
            dir.path(),
            "virksomhet-x",
            lang,
            &["--person", "anne.myhre"],
        ));
    }
    // The team page (issue 23), in both languages.
    for lang in ["en", "nb"] {
        pages.push(page(
            dir.path(),
            "virksomhet-x",
            lang,
            &["--unit", "it/plattform"],
        ));
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/a11y/axe.js");
    let out = Command::new("node")
        .arg(&script)
        .arg(&chromium)
        .arg("1280,390,320")
        .args(&pages)
        .env("NODE_PATH", &modules)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "axe.js failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let results: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(
        results.len(),
        pages.len() * 3,
        "a result per page and width"
    );
    let mut problems = Vec::new();
    for r in &results {
        let (page, width) = (r["page"].as_str().unwrap(), r["width"].as_u64().unwrap());
        let name = Path::new(page).file_name().unwrap().to_string_lossy();
        for v in r["violations"].as_array().unwrap() {
            if matches!(v["impact"].as_str(), Some("serious" | "critical")) {
                problems.push(format!(
                    "{name} at {width} px: {} ({}): {}",
                    v["id"], v["impact"], v["nodes"]
                ));
            }
        }
        if r["overflow"].as_i64().unwrap() > 0 {
            problems.push(format!(
                "{name} at {width} px: the page scrolls sideways by {} px",
                r["overflow"]
            ));
        }
        let scrolling = r["scrolling"].as_array().unwrap();
        if width >= 1280 && !scrolling.is_empty() {
            problems.push(format!(
                "{name} at {width} px: tables scroll sideways: {scrolling:?}"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every `<th scope="col">` heading of the page's gap table.
fn gap_headings(html: &str) -> Vec<String> {
    let gaps = &html[html.find("<section id=\"gaps\"").expect("a gap section")..];
    let head = &gaps[gaps.find("<thead>").unwrap()..gaps.find("</thead>").unwrap()];
    head.split("<th scope=\"col\"")
        .skip(1)
        .map(|th| {
            let text = &th[th.find('>').unwrap() + 1..th.find("</th>").unwrap()];
            text.to_string()
        })
        .collect()
}

#[test]
fn the_printed_report_keeps_every_column_of_the_gap_table() {
    let Some(chromium) = chromium() else { return };
    if !tool::required(
        "pdftotext",
        tool::on_path("pdftotext"),
        "apt-get install poppler-utils",
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for lang in ["en", "nb"] {
        let page = page(dir.path(), "virksomhet-x", lang, &[]);
        let headings = gap_headings(&std::fs::read_to_string(&page).unwrap());
        assert!(headings.len() >= 14, "{headings:?}");
        let pdf = dir.path().join(format!("report-{lang}.pdf"));
        let profile = tempfile::tempdir().unwrap();
        let status = Command::new(&chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-pdf-header-footer",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(format!("file://{}", page.display()))
            .output()
            .unwrap();
        assert!(status.status.success() && pdf.exists(), "printing failed");
        let text = Command::new("pdftotext")
            .args(["-layout"])
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&text.stdout);
        // The heading row: the line with the first two headings, and the
        // line under it (a heading of two words may wrap).
        let lines: Vec<&str> = text.lines().collect();
        let at = lines
            .iter()
            .position(|l| {
                let words: Vec<&str> = l.split_whitespace().collect();
                words.first() == Some(&headings[0].as_str())
                    && words.get(1) == Some(&headings[1].as_str())
            })
            .unwrap_or_else(|| panic!("no heading row in the PDF:\n{text}"));
        let row = lines[at..(at + 2).min(lines.len())].join("\n");
        let words: Vec<&str> = row.split_whitespace().collect();
        for heading in &headings {
            for word in heading.split_whitespace() {
                assert!(
                    words.contains(&word),
                    "{lang}: the printed gap table lost '{heading}':\n{row}"
                );
            }
        }
        // The screen keeps them too (the copy for people, not the test).
        let _ = std::fs::copy(
            &pdf,
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(format!("target/report-virksomhet-x-{lang}.pdf")),
        );
    }
}
