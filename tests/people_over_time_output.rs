//! People over time in every output (FORMAT.md r2 "Present" and "Scope"):
//! the gap's Leaving and Arriving columns in the table, Markdown, CSV (both
//! dialects), XLSX and HTML; balance's signed hires, people leaving within
//! the `--expiring` window, and key-person risk from holders who all leave
//! before a need is due; in English and Norwegian.
//!
//! The fixture is tests/fixtures/people-over-time (worked by hand in its
//! org.toml). D = 2026-11-26.
//! - sky-plattform (sky >= 3 x 2 by 2027-06-30): kari (last day
//!   2027-03-31) and lars (2027-05-15) are here at D and gone by the
//!   deadline: leaving 2, not counted; nina starts 2027-01-04: arriving 1,
//!   counted. have 2 (per, nina), shortfall 0.
//! - sky-drift (sky >= 3 x 3, no `by`): counted at D, where nina is not
//!   here yet: have 2 (kari, per), shortfall 1, recruit 1; leaving 0,
//!   arriving 0.
//! - sikkerhet-revisjon (sikkerhet >= 2 x 1 by 2027-06-30): both holders
//!   leave (leaving 2), nina arrives (arriving 1); have 0, shortfall 1,
//!   develop per 1->2 (40 h).
//! - Key people: sikkerhet at 2 is held by kari and lars, who both leave
//!   before sikkerhet-revisjon is due: risk with 2 holders.
//! - balance: arriving nina (it, 2027-01-04), tor (it/drift, 2027-08-01);
//!   with --expiring 180 (to 2027-05-25) leaving kari (it, 2027-03-31),
//!   lars (it/drift, 2027-05-15); with the default 90 days nobody.
//! - ola left 2026-10-31, before D: a warning for people.csv line 5.

#[path = "common/page.rs"]
mod page;

use std::io::Cursor;
use std::process::{Command, Output};

use assert_cmd::cargo::CommandCargoExt;
use calamine::{Reader, Xlsx};

#[path = "common/sheets.rs"]
mod sheets;
use sheets::{rows as cells, sheet};

const ORG: &str = "tests/fixtures/people-over-time/org.toml";
const TINY: &str = "examples/tiny/org.toml";

fn output(args: &[&str]) -> Output {
    let out = Command::cargo_bin("kompetanse")
        .unwrap()
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn run(args: &[&str]) -> Vec<u8> {
    let mut args = args.to_vec();
    args.push("--quiet");
    output(&args).stdout
}

fn text_of(args: &[&str]) -> String {
    String::from_utf8(run(args)).unwrap()
}

#[test]
fn gap_csv_appends_leaving_and_arriving_in_both_dialects() {
    let csv = text_of(&["gap", ORG, "--format", "csv"]);
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].ends_with(",horizon,renew,late,leaving,arriving"));
    // Priority order: critical, high, medium.
    assert_eq!(
        lines[1],
        "sky-plattform,sky,it,,3,2,2,0,1,critical,2027-06-30,,0,0,0,0,0,0,2027-06-30,0,0,2,1"
    );
    assert_eq!(
        lines[2],
        "sky-drift,sky,it,,3,3,2,1,0.6666666666666666,high,,,0,1,0,0,0,0,2026-11-26,0,0,0,0"
    );
    assert_eq!(
        lines[3],
        "sikkerhet-revisjon,sikkerhet,it,,2,1,0,1,0,medium,2027-06-30,,1,0,40,28,8,4,\
         2027-06-30,0,0,2,1"
    );
    let excel = text_of(&["gap", ORG, "--format", "csv", "--csv-dialect", "excel"]);
    let lines: Vec<&str> = excel.split("\r\n").collect();
    assert!(lines[0].ends_with(";horizon;renew;late;leaving;arriving"));
    assert!(lines[1].ends_with(";2027-06-30;0;0;2;1"), "{}", lines[1]);
    assert!(lines[2].ends_with(";2026-11-26;0;0;0;0"), "{}", lines[2]);
    assert!(lines[3].ends_with(";2027-06-30;0;0;2;1"), "{}", lines[3]);
}

#[test]
fn gap_table_and_markdown_show_the_counts_and_the_note() {
    let table = text_of(&["gap", ORG, "--width", "200"]);
    let row = |id: &str| {
        table
            .lines()
            .find(|l| l.contains(&format!(" {id} ")))
            .unwrap_or_else(|| panic!("no row {id} in {table}"))
            .split('┆')
            .map(|c| {
                c.trim_matches(|ch: char| ch == '│' || ch.is_whitespace())
                    .to_string()
            })
            .collect::<Vec<String>>()
    };
    let header = row("Need");
    let (leaving, arriving) = (
        header.iter().position(|c| c == "Leaving").unwrap(),
        header.iter().position(|c| c == "Arriving").unwrap(),
    );
    for (id, have, l, a) in [
        ("sky-plattform", "2/2", "2", "1"),
        ("sky-drift", "2/3", "0", "0"),
        ("sikkerhet-revisjon", "0/1", "2", "1"),
    ] {
        let cells = row(id);
        assert_eq!(cells[4], have, "{id}");
        assert_eq!(
            (cells[leaving].as_str(), cells[arriving].as_str()),
            (l, a),
            "{id}"
        );
    }
    assert!(table.contains("Leaving: people in the need's scope today whose last day"));
    assert!(table.contains("Arriving: signed hires in the need's scope"));

    let md = text_of(&["gap", ORG, "--format", "markdown", "--lang", "nb"]);
    assert!(md.contains("| Har | Mangler | Dekning | Slutter | Begynner | Utvikle |"));
    assert!(md.contains(
        "| sky-plattform | Sky-arkitektur | it | 3 advanced | 2/2 | 0 | 100 % | 2 | 1 |"
    ));
    assert!(
        md.contains("| sky-drift | Sky-arkitektur | it | 3 advanced | 2/3 | 1 | 66,7 % | 0 | 0 |")
    );
    assert!(
        md.contains("| sikkerhet-revisjon | Sikkerhet | it | 2 working | 0/1 | 1 | 0 % | 2 | 1 |")
    );
    assert!(md.contains("Slutter: personer i behovets omfang i dag"));
    assert!(md.contains("Begynner: nyansatte i behovets omfang"));
}

#[test]
fn without_first_or_last_days_the_gap_looks_as_it_did() {
    for format in ["table", "markdown", "html"] {
        let out = text_of(&["gap", TINY, "--format", format, "--width", "200"]);
        for word in ["Leaving", "Arriving"] {
            assert!(!out.contains(word), "{format}: {word}");
        }
    }
    let page = text_of(&["report", TINY]);
    assert!(!page.contains(">Leaving<") && !page.contains(">Arriving<"));
    assert!(!page.contains("signed hires"));
}

#[test]
fn a_person_who_left_before_d_is_a_warning_naming_the_line() {
    let out = output(&["gap", ORG]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(
            "people.csv:5: warning: person 'ola' left on 2026-10-31, before the reference date 2026-11-26"
        ),
        "{stderr}"
    );
}

#[test]
fn balance_lists_arrivals_leavers_and_holders_who_all_leave() {
    let table = text_of(&["balance", ORG, "--expiring", "180", "--width", "200"]);
    assert!(table.contains(
        "Sikkerhet: every holder leaves before sikkerhet-revisjon is due (2027-06-30): \
         Kari Lunde (kari) (last day 2027-03-31), Lars Vik (lars) (last day 2027-05-15)"
    ));
    let arriving = table
        .split("Arriving (signed hires, first day):")
        .nth(1)
        .unwrap();
    let nina = arriving
        .find("Nina Holm (nina) ┆ it       ┆ 2027-01-04")
        .unwrap();
    let tor = arriving
        .find("Tor Berg (tor)   ┆ it/drift ┆ 2027-08-01")
        .unwrap();
    assert!(nina < tor, "by first day");
    let leaving = table
        .split("Leaving within 180 days (last day, by unit):")
        .nth(1)
        .unwrap();
    let kari = leaving
        .find("│ it       ┆ Kari Lunde (kari) ┆ 2027-03-31 │")
        .unwrap();
    let lars = leaving
        .find("│ it/drift ┆ Lars Vik (lars)   ┆ 2027-05-15 │")
        .unwrap();
    assert!(kari < lars, "unit by unit");

    // The default window (90 days, to 2027-02-24) holds nobody's last day.
    let default = text_of(&["balance", ORG, "--width", "200"]);
    assert!(default.contains("Arriving (signed hires, first day):"));
    assert!(!default.contains("Leaving within"));

    let md = text_of(&[
        "balance",
        ORG,
        "--expiring",
        "180",
        "--format",
        "markdown",
        "--lang",
        "nb",
    ]);
    assert!(md.contains(
        "- Sikkerhet: alle innehaverne slutter før fristen for sikkerhet-revisjon (30.06.2027): \
         Kari Lunde (kari) (siste dag 31.03.2027), Lars Vik (lars) (siste dag 15.05.2027)"
    ));
    assert!(md.contains(
        "## Nyansatte som begynner\n\n| Person | Enhet | Første dag |\n|---|---|---|\n\
         | Nina Holm (nina) | it | 04.01.2027 |\n| Tor Berg (tor) | it/drift | 01.08.2027 |\n"
    ));
    assert!(md.contains(
        "## Slutter innen 180 dager\n\n| Enhet | Person | Siste dag |\n|---|---|---|\n\
         | it | Kari Lunde (kari) | 31.03.2027 |\n| it/drift | Lars Vik (lars) | 15.05.2027 |\n"
    ));

    // Without first or last days balance says nothing of them.
    let tiny = text_of(&["balance", TINY, "--expiring", "3650", "--width", "200"]);
    assert!(!tiny.contains("Arriving") && !tiny.contains("Leaving"));
    assert!(!tiny.contains("leaves before"));
}

#[test]
fn xlsx_gap_and_balance_carry_the_people_over_time() {
    let mut gap = Xlsx::new(Cursor::new(run(&["gap", ORG, "--format", "xlsx"]))).unwrap();
    let needs = cells(&sheet(&mut gap, "Needs"));
    assert_eq!(needs[0][21..], ["Leaving", "Arriving"]);
    assert_eq!(needs[1][..1], ["sky-plattform"]);
    assert_eq!(needs[1][21..], ["2", "1"]);
    assert_eq!(needs[2][21..], ["0", "0"]);
    assert_eq!(needs[3][21..], ["2", "1"]);

    let args = [
        "balance",
        ORG,
        "--format",
        "xlsx",
        "--expiring",
        "180",
        "--lang",
        "nb",
    ];
    let mut book = Xlsx::new(Cursor::new(run(&args))).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "Nivåer",
            "Ferskhet",
            "Nøkkelpersoner",
            "Begynner og slutter"
        ]
    );
    assert_eq!(
        cells(&sheet(&mut book, "Begynner og slutter")),
        [
            ["Type", "Person", "Navn", "Enhet", "Dato"],
            ["begynner", "nina", "Nina Holm", "it", "2027-01-04"],
            ["begynner", "tor", "Tor Berg", "it/drift", "2027-08-01"],
            ["slutter", "kari", "Kari Lunde", "it", "2027-03-31"],
            ["slutter", "lars", "Lars Vik", "it/drift", "2027-05-15"],
        ]
    );
    let key = cells(&sheet(&mut book, "Nøkkelpersoner"));
    assert_eq!(key[0][5..8], ["Alle slutter før", "Frist", "Siste dager"]);
    assert_eq!(key[1][..5], ["sky", "3", "2", "", "nei"]);
    assert_eq!(key[1][5..8], ["", "", ""]);
    assert_eq!(
        key[2][..8],
        [
            "sikkerhet",
            "2",
            "2",
            "",
            "ja",
            "sikkerhet-revisjon",
            "2027-06-30",
            "Kari Lunde (kari) 2027-03-31, Lars Vik (lars) 2027-05-15"
        ]
    );

    // Without first or last days: the sheets and columns they always had.
    let args = ["balance", TINY, "--format", "xlsx", "--expiring", "3650"];
    let mut tiny = Xlsx::new(Cursor::new(run(&args))).unwrap();
    assert_eq!(tiny.sheet_names(), ["Levels", "Freshness", "Key people"]);
    let key = cells(&sheet(&mut tiny, "Key people"));
    assert_eq!(key[0][..5], ["Skill", "Level", "Holders", "People", "Risk"]);
}

#[test]
fn html_pages_show_the_columns_and_the_sections() {
    let page = text_of(&["report", ORG]);
    // The gap section is gap's own table, with its Leaving and Arriving.
    page::shows_tables(&page, "gaps", &text_of(&["gap", ORG, "--format", "html"]));
    assert!(page.contains(
        "<li>Sikkerhet: every holder leaves before \
         sikkerhet-revisjon is due (2027-06-30): Kari Lunde (kari) (last day 2027-03-31), Lars Vik (lars) (last day 2027-05-15)"
    ));
    let balance = page::section(&page, "balance");
    assert!(balance.contains("<h3>Arriving (signed hires)</h3>"));
    assert!(balance.contains(
        "<caption class=\"vh\">Arriving (signed hires)</caption>\n\
         <thead><tr><th scope=\"col\">Person</th><th scope=\"col\">Unit</th><th scope=\"col\">First day</th></tr></thead>\n\
         <tbody>\n<tr><th scope=\"row\">Nina Holm (nina)</th><td>it</td><td>2027-01-04</td></tr>\n\
         <tr><th scope=\"row\">Tor Berg (tor)</th><td>it/drift</td><td>2027-08-01</td></tr>\n"
    ), "{balance}");
    // report has the default window (90 days): nobody leaves by 2027-02-24.
    assert!(!page.contains("Leaving within"));

    // At 2027-01-10 nina is here, kari leaves within 90 days (2027-04-10).
    let later = text_of(&["report", ORG, "--as-of", "2027-01-10", "--lang", "nb"]);
    assert!(later.contains("<h3>Slutter innen 90 dager</h3>"));
    assert!(later.contains(
        "<caption class=\"vh\">Slutter innen 90 dager</caption>\n\
         <thead><tr><th scope=\"col\">Enhet</th><th scope=\"col\">Person</th><th scope=\"col\">Siste dag</th></tr></thead>\n\
         <tbody>\n<tr><th scope=\"row\">it</th><td>Kari Lunde (kari)</td><td>31.03.2027</td></tr>\n</tbody>"
    ), "{later}");
    assert!(later.contains("<th scope=\"row\">Tor Berg (tor)</th><td>it/drift</td>"));
    assert!(!later.contains("Nina Holm (nina)</th>"));

    // gap and balance pages are their outlines.
    let gap = text_of(&["gap", ORG, "--format", "html"]);
    assert!(gap.contains(">Leaving</th>") && gap.contains(">Arriving</th>"));
    let balance = text_of(&["balance", ORG, "--format", "html", "--expiring", "180"]);
    assert!(balance.contains("Leaving within 180 days"));
    assert!(balance.contains("<td>Lars Vik (lars)</td>"), "{balance}");
}
