//! Competence over time in every output but JSON (FORMAT.md r2 "Horizon",
//! "Renew", "Capacity and schedule"): CSV columns in both dialects, the
//! workbook's Renew and Late sheets, the report page's Renew and Late
//! columns, and the markdown of gap and plan, in English and Norwegian.
//!
//! The fixture is tests/fixtures/renewal (worked by hand in its org.toml):
//! D = 2026-11-26, capacity 73 h a year (one hour every 5 days).
//! - forstehjelp-pleie (level 2 x 4 by 2027-01-31): have 1 (bjorn), short 3;
//!   renew anne (expires 2026-12-15) and cato (2027-01-10), 8 h each;
//!   develop dina 1->2 (40 h); recruit 0; effort 8 + 8 + 40 = 56 h, all
//!   formal (the skill's own mix 0-0-100). anne finishes 2027-01-05 (8 h x
//!   5 days = 40 days), in time; cato has capacity 0: never, 8 h short;
//!   dina finishes 2027-06-14 (200 days), late, 40 - 73 x 66 / 365 = 26.8 h
//!   short. late = 2.
//! - rust-app (level 3 x 2 by 2026-06-30, before D: horizon D): have 1,
//!   develop finn 2->3 (40 h), finishing 2027-06-14: late 1, 40 h short.

#[path = "common/page.rs"]
mod page;

use std::io::Cursor;
use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;
use calamine::{Reader, Xlsx};

#[path = "common/sheets.rs"]
mod sheets;
use sheets::{cells, sheet};

const ORG: &str = "tests/fixtures/renewal/org.toml";

fn run(args: &[&str]) -> Vec<u8> {
    let out = Command::cargo_bin("kompetanse")
        .unwrap()
        .args(args)
        .arg("--quiet")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn text_of(args: &[&str]) -> String {
    String::from_utf8(run(args)).unwrap()
}

#[test]
fn gap_csv_appends_horizon_renew_and_late_in_both_dialects() {
    let csv = text_of(&["gap", ORG, "--format", "csv"]);
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].ends_with(",formal_hours,horizon,renew,late,leaving,arriving"));
    // Nobody has a first or last day: leaving 0, arriving 0 (r2 "Present").
    assert_eq!(
        lines[1],
        "forstehjelp-pleie,forstehjelp,pleie,,2,4,1,3,0.25,critical,2027-01-31,,1,0,\
         56,0,0,56,2027-01-31,2,2,0,0"
    );
    // The deadline has passed: the horizon is D.
    assert_eq!(
        lines[2],
        "rust-app,rust,app,,3,2,1,1,0.5,high,2026-06-30,,1,0,40,28,8,4,2026-11-26,0,1,0,0"
    );
    let excel = text_of(&["gap", ORG, "--format", "csv", "--csv-dialect", "excel"]);
    assert!(excel.contains(";formal_hours;horizon;renew;late;leaving;arriving\r\n"));
    assert!(excel.contains(";56;0;0;56;2027-01-31;2;2;0;0\r\n"));
    // Groups append renew after at_risk: both renewals are first aid.
    let groups = text_of(&["gap", ORG, "--by", "skill", "--format", "csv"]);
    let lines: Vec<&str> = groups.lines().collect();
    assert!(lines[0].ends_with(",at_risk,renew"));
    assert!(lines[1].starts_with("forstehjelp,") && lines[1].ends_with(",critical,2"));
    assert!(lines[2].starts_with("rust,") && lines[2].ends_with(",high,0"));
}

#[test]
fn plan_csv_appends_renew_finish_and_late() {
    let csv = text_of(&["plan", ORG, "--format", "csv"]);
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].ends_with(",activities,renew,finish,late,mentor,host"));
    let tail = |person: &str| {
        let line = lines
            .iter()
            .find(|l| l.starts_with(&format!("{person},")))
            .unwrap_or_else(|| panic!("no goal of {person}"));
        line.rsplitn(6, ',').skip(2).take(3).collect::<Vec<_>>()
    };
    // (late, finish, renew), read from the end of the row before mentor
    // and host.
    assert_eq!(tail("anne"), ["false", "2027-01-05", "true"]);
    assert_eq!(tail("cato"), ["true", "", "true"], "never: no date");
    assert_eq!(tail("dina"), ["true", "2027-06-14", "false"]);
    assert_eq!(tail("finn"), ["true", "2027-06-14", "false"]);
}

#[test]
fn workbooks_have_renew_and_late_sheets() {
    let mut gap = Xlsx::new(Cursor::new(run(&["gap", ORG, "--format", "xlsx"]))).unwrap();
    assert_eq!(gap.sheet_names(), ["Needs", "Develop", "Renew", "Recruit"]);
    assert_eq!(
        cells(&sheet(&mut gap, "Renew")),
        [
            [
                "forstehjelp-pleie",
                "forstehjelp",
                "anne",
                "Anne Aas",
                "2",
                "2026-12-15",
                "8"
            ],
            [
                "forstehjelp-pleie",
                "forstehjelp",
                "cato",
                "Cato Dahl",
                "2",
                "2027-01-10",
                "8"
            ],
        ]
    );
    let needs = cells(&sheet(&mut gap, "Needs"));
    // Columns 18 to 20: horizon, renew, late; then leaving, arriving.
    assert_eq!(needs[0][18..], ["2027-01-31", "2", "2", "0", "0"]);
    assert_eq!(needs[1][18..], ["2026-11-26", "0", "1", "0", "0"]);

    let args = ["plan", ORG, "--format", "xlsx", "--lang", "nb"];
    let mut plan = Xlsx::new(Cursor::new(run(&args))).unwrap();
    assert_eq!(
        plan.sheet_names(),
        [
            "Mål",
            "Innsats per enhet",
            "Innsats per drivkraft",
            "Rekruttere",
            "For sent",
            "Mentorer"
        ]
    );
    let late = sheet(&mut plan, "For sent");
    let header: Vec<String> = late
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        header,
        [
            "Behov",
            "Frist",
            "Person",
            "Navn",
            "Kompetanse",
            "Fornye",
            "Ferdig",
            "Timer mangler"
        ]
    );
    assert_eq!(
        cells(&late),
        [
            [
                "forstehjelp-pleie",
                "2027-01-31",
                "cato",
                "Cato Dahl",
                "forstehjelp",
                "ja",
                "",
                "8"
            ],
            [
                "forstehjelp-pleie",
                "2027-01-31",
                "dina",
                "Dina Eng",
                "forstehjelp",
                "nei",
                "2027-06-14",
                "26.8"
            ],
            [
                "rust-app",
                "2026-06-30",
                "finn",
                "Finn Gran",
                "rust",
                "nei",
                "2027-06-14",
                "40"
            ],
        ]
    );
}

#[test]
fn report_page_has_renew_and_late_columns() {
    let html = text_of(&["report", ORG]);
    // The gap section is gap's own table, with its Renew and Late columns,
    // and its list of who renews.
    page::shows_tables(&html, "gaps", &text_of(&["gap", ORG, "--format", "html"]));
    let gaps = page::section(&html, "gaps");
    assert!(
        gaps.contains(r#"<th scope="col" class="num">Renew</th>"#),
        "{gaps}"
    );
    assert!(
        gaps.contains(r#"<th scope="col" class="num">Late</th>"#),
        "{gaps}"
    );
    assert!(
        gaps.contains("<li>Renew for <strong>forstehjelp-pleie</strong>: "),
        "{gaps}"
    );
    // The summary's Renew card: anne and cato.
    assert!(html.contains("<p class=\"label\">Renew</p>\n<p class=\"value\">2</p>"));
    assert!(html.contains(
        "rust-app: the deadline 2026-06-30 has passed, so the need is counted as of 2026-11-26."
    ));
    // Without renewals or capacity, the page has neither column.
    let tiny = text_of(&["report", "examples/tiny/org.toml"]);
    assert!(!tiny.contains(">Renew<") && !tiny.contains(">Late<"));
}

#[test]
fn gap_markdown_shows_renewals_and_late_counts() {
    let md = text_of(&["gap", ORG, "--format", "markdown"]);
    assert!(md.contains(
        "| Need | Skill | Scope | Level | Have | Short | Coverage | Renew | Develop | Recruit | Late | Hours |"
    ));
    assert!(md.contains("| forstehjelp-pleie | Førstehjelp | pleie | 2 working | 1/4 | 3 | 25 % | 2 | 1 | 0 | 2 | 56 |"));
    assert!(md.contains(
        "**Total:** 2 needs, 2 unmet, shortfall 4, 2 to renew, 2 to develop, 0 to recruit."
    ));
    assert!(md.contains(
        "- Renew for **forstehjelp-pleie**: Anne Aas (anne) at level 2, expires 2026-12-15 (8 h), \
         Cato Dahl (cato) at level 2, expires 2027-01-10 (8 h)"
    ));
    // Grouped by unit: pleie renews both (Fornye before Utvikle).
    let units = text_of(&["gap", ORG, "--by", "unit", "-f", "markdown", "--lang", "nb"]);
    assert!(units.contains("| Mangler | Fornye | Utvikle | Rekruttere |"));
    assert!(units.contains("| pleie |  | 1 | 1 | 25 % | 3 | 2 | 1 | 0 | 56 | kritisk |"));
    // An organisation without expiring holders or capacity: today's table.
    let tiny = text_of(&["gap", "examples/tiny/org.toml", "--format", "markdown"]);
    assert!(!tiny.contains("| Renew") && !tiny.contains("| Late"));
    assert!(!tiny.contains("to renew"));
}

#[test]
fn plan_markdown_in_norwegian_has_finish_dates_and_late_goals() {
    let md = text_of(&["plan", ORG, "--format", "markdown", "--lang", "nb"]);
    assert!(md.contains("Enhet: pleie · Innsats: 8 t: erfaringsbasert 0 t (0 %), sosial 0 t (0 %), formell 8 t (100 %) · Kapasitet: 73 t/år"));
    // A renewal reads as one; cato never finishes (capacity 0).
    assert!(md.contains("| Førstehjelp | forny | 2 working | 8 |"));
    assert!(
        md.contains("| 31.01.2027 | 05.01.2027 |  |"),
        "anne in time"
    );
    assert!(
        md.contains("| 31.01.2027 | aldri | FOR SENT |"),
        "cato never"
    );
    assert!(md.contains("### Mål som blir ferdige for sent"));
    assert!(md.contains(
        "| forstehjelp-pleie | 31.01.2027 | Cato Dahl (cato) | Førstehjelp (fornyes) | aldri | 8 |"
    ));
    assert!(md.contains(
        "| forstehjelp-pleie | 31.01.2027 | Dina Eng (dina) | Førstehjelp | 14.06.2027 | 26,8 |"
    ));
    assert!(md.contains("| rust-app | 30.06.2026 | Finn Gran (finn) | Rust | 14.06.2027 | 40 |"));
    // Without capacity: no finish column, no late section.
    let tiny = text_of(&["plan", "examples/tiny/org.toml", "--format", "markdown"]);
    assert!(!tiny.contains("Finish") && !tiny.contains("Late goals"));
}
