//! The HTML report in a real browser, and its escaping.
//!
//! Where headless Chromium is installed (`/usr/bin/chromium`, or the
//! program named by `KOMPETANSE_CHROMIUM`), each example's report is opened
//! in it: the page must load with no console message at all, the DOM it
//! builds must hold a heatmap cell per skill and column and a mix bar per
//! need and unit with hours (counted against the report's JSON), and a
//! screenshot at desktop and at phone width is saved under `target/` for
//! people to look at. Where it is not installed, those tests say they
//! skipped and pass locally, and fail under `CI=true` (.ci/run installs it).
//!
//! How console errors are caught: Chromium started with
//! `--enable-logging=stderr --v=0` writes every console message of the
//! page to stderr as a line with `:CONSOLE` in it. The report has no
//! script, so any such line is the browser complaining (a blocked load
//! under the page's Content-Security-Policy, a bad resource): the test
//! fails on any. A canary page that logs an error first proves the lines
//! are there to be seen, so a Chromium that stopped logging them would
//! fail the test rather than pass it silently.

#[path = "common/tool.rs"]
mod tool;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use assert_cmd::cargo::CommandCargoExt;
use serde_json::Value;

/// The examples the report is tried on.
const EXAMPLES: [&str; 2] = ["virksomhet-x", "nordvik-kommune"];

/// Chromium's path when it is installed; says why the test is skipped when not.
fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("KOMPETANSE_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    let install = format!(
        "not at {}; apt-get install chromium, or set KOMPETANSE_CHROMIUM",
        path.display()
    );
    tool::required("headless Chromium", path.exists(), &install).then_some(path)
}

/// Runs Chromium headless on `page` with a fresh profile and `extra`
/// arguments (`--dump-dom`, `--screenshot=...`); its output.
fn run_chromium(chromium: &Path, page: &Path, extra: &[String]) -> Output {
    let profile = tempfile::tempdir().expect("a temporary profile folder");
    let url = format!(
        "file://{}",
        page.canonicalize().expect("the page exists").display()
    );
    Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(url)
        .output()
        .expect("run chromium")
}

/// The console lines of a Chromium run's stderr.
fn console_lines(output: &Output) -> Vec<String> {
    String::from_utf8_lossy(&output.stderr)
        .lines()
        .filter(|l| l.contains(":CONSOLE"))
        .map(str::to_string)
        .collect()
}

/// The target folder, where screenshots and pages are kept for people.
fn target() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target");
    std::fs::create_dir_all(&dir).expect("create target/");
    dir
}

/// Runs `kompetanse args...`; its stdout, after checking it succeeded.
fn kompetanse(args: &[&str]) -> Vec<u8> {
    let out = Command::cargo_bin("kompetanse")
        .expect("the binary")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run kompetanse");
    assert!(
        out.status.success(),
        "kompetanse {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn org(example: &str) -> String {
    format!("examples/{example}/org.toml")
}

/// How many times `needle` occurs in `hay`.
fn occurrences(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

#[test]
fn chromium_console_lines_are_seen() {
    let Some(chromium) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let canary = dir.path().join("canary.html");
    std::fs::write(
        &canary,
        "<!DOCTYPE html><title>canary</title><script>console.error('canary-error')</script>",
    )
    .unwrap();
    let out = run_chromium(&chromium, &canary, &["--dump-dom".into()]);
    let lines = console_lines(&out);
    assert!(
        lines.iter().any(|l| l.contains("canary-error")),
        "Chromium did not log the canary's console error; stderr:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn report_renders_in_chromium() {
    let Some(chromium) = chromium() else { return };
    for example in EXAMPLES {
        let page = target().join(format!("report-{example}.html"));
        let page_arg = page.display().to_string();
        kompetanse(&["report", &org(example), "-q", "-o", &page_arg]);
        let json: Value = serde_json::from_slice(&kompetanse(&[
            "report",
            &org(example),
            "-q",
            "--format",
            "json",
        ]))
        .expect("report --format json is JSON");

        let out = run_chromium(&chromium, &page, &["--dump-dom".into()]);
        assert!(out.status.success(), "chromium failed on {example}");
        let console = console_lines(&out);
        assert!(
            console.is_empty(),
            "{example}: the page logged to the console:\n{}",
            console.join("\n")
        );
        let dom = String::from_utf8(out.stdout).expect("the DOM is UTF-8");

        // The heatmap: a row per skill, a cell per skill and column.
        let coverage = &json["coverage_map"];
        let rows = coverage["skills"].as_array().unwrap().len();
        let columns = coverage["units"].as_array().unwrap().len();
        assert!(rows > 0 && columns > 1, "{example}: an empty coverage map");
        assert_eq!(
            occurrences(&dom, "data-heatmap"),
            1,
            "{example}: one heatmap"
        );
        assert_eq!(
            occurrences(&dom, "data-heat-row="),
            rows,
            "{example}: heatmap rows"
        );
        assert_eq!(
            occurrences(&dom, "data-heat-cell"),
            rows * columns,
            "{example}: heatmap cells"
        );

        // A mix bar per need with hours and per unit with hours in the plans.
        let with_hours = |list: &Value| {
            list.as_array()
                .unwrap()
                .iter()
                .filter(|x| x["effort"]["total"].as_f64().unwrap() > 0.0)
                .count()
        };
        let needs = with_hours(&json["gap"]["needs"]);
        let units = with_hours(&json["plan"]["by_unit"]);
        assert!(needs > 0 && units > 0, "{example}: no effort to show");
        assert_eq!(
            occurrences(&dom, "data-bar=\"need\""),
            needs,
            "{example}: need bars"
        );
        assert_eq!(
            occurrences(&dom, "data-bar=\"unit\""),
            units,
            "{example}: unit bars"
        );
        // Each bar has its three modes, and its hours as text.
        assert_eq!(
            occurrences(&dom, "<span class=\"exp\""),
            needs + units,
            "{example}: experience parts"
        );
        let total = json["gap"]["totals"]["effort"]["total"].as_f64().unwrap();
        assert!(
            dom.contains(&format!("{total} h")),
            "{example}: total hours shown"
        );

        // Self-contained: nothing to fetch.
        let html = std::fs::read_to_string(&page).unwrap();
        for needle in ["src=", "href=\"http", "url(", "@import", "<link", "<script"] {
            assert!(!html.contains(needle), "{example}: the page has {needle}");
        }

        // Screenshots for people, at desktop and at phone width.
        for (name, size) in [("", "1280,2400"), ("-phone", "390,2400")] {
            let shot = target().join(format!("report-{example}{name}.png"));
            let _ = std::fs::remove_file(&shot);
            let out = run_chromium(
                &chromium,
                &page,
                &[
                    format!("--screenshot={}", shot.display()),
                    format!("--window-size={size}"),
                ],
            );
            assert!(out.status.success(), "{example}: screenshot failed");
            let png = std::fs::read(&shot).expect("the screenshot was written");
            assert!(png.starts_with(b"\x89PNG"), "{example}: a PNG screenshot");
        }
    }
}

#[test]
fn outline_pages_render_in_chromium() {
    let Some(chromium) = chromium() else { return };
    for command in ["gap", "plan", "balance"] {
        let page = target().join(format!("{command}-virksomhet-x.html"));
        let page_arg = page.display().to_string();
        kompetanse(&[command, &org("virksomhet-x"), "-q", "-o", &page_arg]);
        let out = run_chromium(&chromium, &page, &["--dump-dom".into()]);
        let console = console_lines(&out);
        assert!(console.is_empty(), "{command}: {}", console.join("\n"));
        let dom = String::from_utf8(out.stdout).unwrap();
        assert!(
            dom.contains("<h1") && dom.contains("Virksomhet X</h1>"),
            "{command}: the title is the h1"
        );
        assert!(dom.contains("<table"), "{command}: its grids are tables");
    }
}

/// The hostile organisation's pages: markup stays text, no ESC byte.
#[test]
fn hostile_names_are_escaped() {
    let hostile = "tests/fixtures/hostile/org.toml";
    let pages = [
        kompetanse(&["report", hostile, "-q"]),
        kompetanse(&["gap", hostile, "-q", "--format", "html"]),
        kompetanse(&["plan", hostile, "-q", "--format", "html"]),
        kompetanse(&["balance", hostile, "-q", "--format", "html"]),
    ];
    for page in pages {
        let html = String::from_utf8(page).expect("UTF-8");
        assert!(!html.contains("<script"), "a raw <script>");
        assert!(!html.contains("<img"), "a raw <img");
        assert!(!html.contains("<b>html</b>"), "raw markup from a name");
        assert!(!html.contains('\u{1b}'), "an ESC byte");
        assert!(!html.contains('\u{7}'), "a BEL byte");
        assert!(!html.contains('\r'), "a CR");
        // The names are there, as text.
        assert!(html.contains("&#60;script&#62;alert(&#39;org&#39;)&#60;/script&#62;"));
        assert!(html.contains("\\x1b]0;pwned\\x07Org"));
    }
}

/// `report` writes HTML by default (or for .html/.htm), JSON when asked,
/// and refuses the formats it has no page for.
#[test]
fn report_formats() {
    let page = kompetanse(&["report", &org("virksomhet-x"), "-q"]);
    assert!(page.starts_with(b"<!DOCTYPE html>"), "HTML by default");
    let dir = tempfile::tempdir().unwrap();
    let htm = dir.path().join("r.htm");
    kompetanse(&[
        "report",
        &org("virksomhet-x"),
        "-q",
        "-o",
        htm.to_str().unwrap(),
    ]);
    assert!(std::fs::read(&htm).unwrap().starts_with(b"<!DOCTYPE html>"));
    let json: Value =
        serde_json::from_slice(&kompetanse(&["report", &org("tiny"), "-q", "-f", "json"])).unwrap();
    assert!(
        json["coverage_map"]["units"][0].is_null(),
        "the whole organisation first"
    );
    let refused = Command::cargo_bin("kompetanse")
        .unwrap()
        .args(["report", &org("tiny"), "-q", "--format", "csv"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("`report` writes html, xlsx or json")
    );
}

/// `report --since`: the page gains the before/after section, two bars per
/// need (as many as `progress` has needs), the moved-up table, and nothing
/// else changes; without --since there is no such section. `progress`'s own
/// HTML (its outline) renders too.
#[test]
fn report_since_adds_a_before_after_section_in_chromium() {
    let x = org("virksomhet-x");
    let plain = String::from_utf8(kompetanse(&["report", &x, "-q"])).unwrap();
    assert!(
        !plain.contains("data-bar=\"progress\""),
        "no section without --since"
    );
    let progress: Value = serde_json::from_slice(&kompetanse(&[
        "progress",
        &x,
        "--since",
        "2026-01-01",
        "-q",
        "-f",
        "json",
    ]))
    .expect("progress JSON");
    let needs = progress["needs"].as_array().unwrap().len();
    let moved = progress["moved_up"].as_array().unwrap().len();
    assert!(needs > 0 && moved > 0);

    let Some(chromium) = chromium() else { return };
    let page = target().join("report-since-virksomhet-x.html");
    let page_arg = page.display().to_string();
    kompetanse(&["report", &x, "--since", "2026-01-01", "-q", "-o", &page_arg]);
    let out = run_chromium(&chromium, &page, &["--dump-dom".into()]);
    let console = console_lines(&out);
    assert!(console.is_empty(), "{}", console.join("\n"));
    let dom = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        occurrences(&dom, "<section id=\"progress\""),
        1,
        "one section"
    );
    assert_eq!(occurrences(&dom, "data-bar=\"progress\""), needs);
    let progress_part = &dom[dom.find("<section id=\"progress\"").unwrap()..];
    let progress_part = &progress_part[..progress_part.find("</section>").unwrap()];
    assert_eq!(
        occurrences(progress_part, "class=\"track\""),
        2 * needs,
        "two bars a need"
    );
    assert_eq!(
        occurrences(&dom, "<span class=\"was\""),
        needs,
        "a then bar each"
    );
    // Who moved up: the progress report's own table, as `progress` shows it.
    let alone = String::from_utf8(kompetanse(&[
        "progress",
        &x,
        "--since",
        "2026-01-01",
        "-q",
        "-f",
        "html",
    ]))
    .unwrap();
    let raw = std::fs::read_to_string(&page).unwrap();
    let raw_part = &raw[raw.find("<section id=\"progress\"").unwrap()..];
    let raw_part = &raw_part[..raw_part.find("</section>").unwrap()];
    let grids: Vec<&str> = alone.split("<table").skip(1).collect();
    assert!(grids.len() > 1);
    for grid in grids {
        // From the caption's end: the page's caption is its section's.
        let grid = &grid[grid.find("</caption>").unwrap()..grid.find("</table>").unwrap()];
        assert!(raw_part.contains(grid), "the page lacks {grid}");
    }
    // The rest of the page is the page without --since.
    assert_eq!(
        occurrences(&dom, "data-heat-cell"),
        occurrences(&plain, "data-heat-cell")
    );
    let shot = target().join("report-since-virksomhet-x.png");
    let _ = std::fs::remove_file(&shot);
    let out = run_chromium(
        &chromium,
        &page,
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1280,5200".to_string(),
        ],
    );
    assert!(out.status.success(), "screenshot failed");

    let outline = target().join("progress-virksomhet-x.html");
    let outline_arg = outline.display().to_string();
    kompetanse(&[
        "progress",
        &x,
        "--since",
        "2026-01-01",
        "-q",
        "-o",
        &outline_arg,
    ]);
    let out = run_chromium(&chromium, &outline, &["--dump-dom".into()]);
    let dom = String::from_utf8(out.stdout).unwrap();
    assert!(
        dom.contains("Progress: Virksomhet X</h1>"),
        "the title is the h1"
    );
    assert!(dom.contains("<table"), "its grids are tables");
}
