//! FORMAT r2 "Mentors" in the outputs: the plan's appended `mentor` and
//! `host` CSV columns (both dialects), the workbook's columns and mentors
//! sheet, the plan's human wording, the market's CSV rows and the key
//! people's mentees. Every expected value is worked by hand from the small
//! fixture below (D = 2026-06-15, the default 0-4 scale).

mod common;

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use common::Fixture;
use kompetanse::analysis::PeopleFilter;
use kompetanse::analysis::balance::{BalanceOptions, balance_report};
use kompetanse::analysis::market::market_report;
use kompetanse::analysis::plan::plan_report;
use kompetanse::render::{Format, Lang, Render, Style, render};

/// Role r requires s = 3 (mia's goal: s 1 -> 3). Role r2 requires t = 2,
/// which only ola holds: a key person nobody is developed to replace.
///
/// Mentor of mia's goal: candidates at >= 3 in s are nora (it/app, 3) and
/// finn (hr, 4); nora shares mia's unit, so nora. Host: it/app has one
/// holder at >= 3 (nora), fewer than two, so the other unit with the most
/// holders, hr (finn).
fn fixture() -> Fixture {
    Fixture::standard(
        "[[skill]]\nid = \"s\"\nname = \"Skill S\"\n\n[[skill]]\nid = \"t\"\n\n\
         [[role]]\nid = \"r\"\nrequires = { s = 3 }\n\n\
         [[role]]\nid = \"r2\"\nrequires = { t = 2 }\n",
        "id,name,unit,role\nmia,Mia Moe,it/app,r\nnora,Nora Nes,it/app,\n\
         finn,Finn Fet,hr,\nola,Ola Ask,hr,r2\n",
        "person,skill,level,interest\nmia,s,1,yes\nnora,s,3,\nfinn,s,4,\nola,t,2,\n",
    )
}

fn bytes<R: Render>(report: &R, format: Format, lang: Lang) -> Vec<u8> {
    let mut out = Vec::new();
    let style = Style {
        lang,
        ..Style::default()
    };
    render(report, format, style, &mut out).expect("render");
    out
}

fn text<R: Render>(report: &R, format: Format, lang: Lang) -> String {
    String::from_utf8(bytes(report, format, lang)).expect("utf-8")
}

#[test]
fn plan_csv_appends_mentor_and_host_in_both_dialects() {
    let plan = plan_report(&fixture().load(), &PeopleFilter::default());
    let csv = text(&plan, Format::Csv, Lang::En);
    let lines: Vec<&str> = csv.lines().collect();
    assert!(
        lines[0].ends_with(",renew,finish,late,mentor,host"),
        "{csv}"
    );
    // mia's one goal (no capacity: finish empty, not late), then nora, hr.
    let mia: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| l.starts_with("mia,"))
        .collect();
    assert_eq!(mia.len(), 1, "{csv}");
    assert!(mia[0].ends_with(",false,,false,nora,hr"), "{csv}");
    // ola has nothing to learn (t at 2 already): no row.
    assert!(!csv.contains("\nola,"), "{csv}");

    let excel = text(&plan, Format::ExcelCsv, Lang::En);
    let lines: Vec<&str> = excel.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert!(
        lines[0].ends_with(";renew;finish;late;mentor;host"),
        "{excel}"
    );
    let mia = lines
        .iter()
        .find(|l| l.starts_with("mia;"))
        .expect("mia's row");
    assert!(mia.ends_with(";false;;false;nora;hr"), "{excel}");
}

#[test]
fn plan_human_output_names_the_mentor_host_and_load() {
    let plan = plan_report(&fixture().load(), &PeopleFilter::default());
    let md = text(&plan, Format::Markdown, Lang::En);
    assert!(
        md.contains("| Nora Nes (nora), it/app, level 3 advanced; job rotation: hr |"),
        "{md}"
    );
    // The summary's mentors: nora mentors one goal.
    assert!(
        md.contains("### Mentors\n\n- Nora Nes (nora), it/app: 1 mentee\n"),
        "{md}"
    );
    let nb = text(&plan, Format::Markdown, Lang::Nb);
    assert!(nb.contains("nivå 3 advanced; hospitering: hr |"), "{nb}");
    assert!(nb.contains("### Mentorer"), "{nb}");

    // plan --mentor nora: the title says whose load it is.
    let org = fixture().load();
    let filter = PeopleFilter {
        mentor: org.people.find("nora"),
        ..PeopleFilter::default()
    };
    let mine = plan_report(&org, &filter);
    let table = text(&mine, Format::Table, Lang::En);
    assert!(
        table.starts_with("Test: goals mentored by Nora Nes (nora) as of 2026-06-15"),
        "{table}"
    );
    let md = text(&mine, Format::Markdown, Lang::Nb);
    assert!(
        md.starts_with("# Mål med Nora Nes (nora) som mentor: Test\n"),
        "{md}"
    );
    // Only mia's goal, the one nora mentors.
    assert_eq!(mine.plans.iter().map(|p| p.goals.len()).sum::<usize>(), 1);
}

#[test]
fn a_goal_without_a_candidate_points_to_an_external_network() {
    // max_mentees = 0: nobody mentors; the host still stands (FORMAT r2).
    let fx = Fixture::standard(
        "[plan]\nmax_mentees = 0\n\n[[skill]]\nid = \"s\"\n\n[[role]]\nid = \"r\"\nrequires = { s = 3 }\n",
        "id,unit,role\nmia,it/app,r\nfinn,hr,\n",
        "person,skill,level\nmia,s,1\nfinn,s,4\n",
    );
    let plan = plan_report(&fx.load(), &PeopleFilter::default());
    let csv = text(&plan, Format::Csv, Lang::En);
    let mia = csv.lines().find(|l| l.starts_with("mia,")).expect("mia");
    assert!(mia.ends_with(",false,,hr"), "{csv}");
    let md = text(&plan, Format::Markdown, Lang::En);
    assert!(
        md.contains("| external network; job rotation: hr |"),
        "{md}"
    );
    assert!(!md.contains("### Mentors"), "no mentor, no list: {md}");
    let nb = text(&plan, Format::Markdown, Lang::Nb);
    assert!(
        nb.contains("| eksternt nettverk; hospitering: hr |"),
        "{nb}"
    );
}

#[test]
fn the_plan_workbook_has_mentor_columns_and_a_mentors_sheet() {
    let plan = plan_report(&fixture().load(), &PeopleFilter::default());
    let mut book = Xlsx::new(Cursor::new(bytes(&plan, Format::Xlsx, Lang::En))).expect("xlsx");
    assert_eq!(
        book.sheet_names().last().map(String::as_str),
        Some("Mentors")
    );
    let goals = book.worksheet_range("Goals").expect("goals");
    let rows: Vec<&[Data]> = goals.rows().collect();
    let header: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
    let n = header.len();
    assert_eq!(header[n - 3..], ["Mentor", "Mentor's name", "Job rotation"]);
    let mia = rows
        .iter()
        .find(|r| r[0] == Data::String("mia".into()))
        .expect("mia");
    assert_eq!(
        mia[n - 3..],
        [
            Data::String("nora".into()),
            Data::String("Nora Nes".into()),
            Data::String("hr".into())
        ]
    );
    let mentors = book.worksheet_range("Mentors").expect("mentors");
    let rows: Vec<Vec<String>> = mentors
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(
        rows,
        [
            ["Person", "Name", "Unit", "Mentees"],
            ["nora", "Nora Nes", "it/app", "1"]
        ]
    );
}

#[test]
fn market_csv_has_a_row_per_skill_and_person() {
    let market = market_report(&fixture().load(), None);
    // s: mia wants it (interest yes, level 1, mentors nothing); teachers at
    // >= 3: finn (4, 0 mentees) before nora (3, 1 mentee: mia's goal),
    // highest level first. t: nobody interested, nobody at >= 3: left out.
    assert_eq!(
        text(&market, Format::Csv, Lang::En),
        "skill,role,person,name,unit,level,mentees\n\
         s,learner,mia,Mia Moe,it/app,1,0\n\
         s,teacher,finn,Finn Fet,hr,4,0\n\
         s,teacher,nora,Nora Nes,it/app,3,1\n"
    );
    assert_eq!(
        text(&market, Format::ExcelCsv, Lang::En),
        "\u{feff}skill;role;person;name;unit;level;mentees\r\n\
         s;learner;mia;Mia Moe;it/app;1;0\r\n\
         s;teacher;finn;Finn Fet;hr;4;0\r\n\
         s;teacher;nora;Nora Nes;it/app;3;1\r\n"
    );
    // --unit it: finn (hr) is not in it.
    let it = market_report(&fixture().load(), Some("it"));
    assert!(!text(&it, Format::Csv, Lang::En).contains("finn"));
    let md = text(&market, Format::Markdown, Lang::Nb);
    assert!(md.starts_with("# Kompetansetorg: "), "{md}");
    assert!(
        md.contains(
            "| Skill S | Mia Moe (mia), it/app, nivå 1 basic | Finn Fet (finn), hr, nivå 4 expert, 0 adepter; Nora Nes (nora), it/app, nivå 3 advanced, 1 adept |"
        ),
        "{md}"
    );
    let mut book = Xlsx::new(Cursor::new(bytes(&market, Format::Xlsx, Lang::Nb))).expect("xlsx");
    assert_eq!(book.sheet_names(), ["Kompetansetorg"]);
    let sheet = book.worksheet_range("Kompetansetorg").expect("sheet");
    assert_eq!(sheet.rows().count(), 4, "a header and three people");
}

#[test]
fn key_people_count_mentees_and_flag_risks_no_plan_addresses() {
    let org = fixture().load();
    let options = BalanceOptions {
        unit: None,
        by_unit: false,
        expiring_days: 90,
    };
    let balance = balance_report(&org, &options);
    // s at 3 (role r): nora and finn hold it, not a risk; nora mentors
    // mia's goal in s: 1. t at 2 (role r2): ola alone, a risk, and no goal
    // develops anyone in t: not addressed.
    let md = text(&balance, Format::Markdown, Lang::En);
    assert!(md.contains("| Mentees | Risk |"), "{md}");
    assert!(md.contains("| 2 |  | 1 |  |"), "{md}");
    assert!(
        md.contains("| 1 | Ola Ask (ola) | 0 | RISK; not addressed by any plan |"),
        "{md}"
    );
    let nb = text(&balance, Format::Markdown, Lang::Nb);
    assert!(nb.contains("RISIKO; ingen plan tar tak i dette"), "{nb}");
    let mut book = Xlsx::new(Cursor::new(bytes(&balance, Format::Xlsx, Lang::En))).expect("xlsx");
    let key = book.worksheet_range("Key people").expect("key people");
    let rows: Vec<Vec<String>> = key
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    let n = rows[0].len();
    assert_eq!(rows[0][n - 2..], ["Mentees", "Addressed by a plan"]);
    assert_eq!(rows[1][n - 2..], ["1", "yes"]);
    assert_eq!(rows[2][n - 2..], ["0", "no"]);
}

fn page(org: &kompetanse::model::Organisation, lang: Lang) -> String {
    let report = kompetanse::analysis::overview::overview_report(org);
    let mut out = Vec::new();
    let style = Style {
        lang,
        ..Style::default()
    };
    let overview = kompetanse::render::Overview {
        report: &report,
        progress: None,
    };
    kompetanse::render::render(&overview, Format::Html, style, &mut out).expect("page");
    String::from_utf8(out).expect("utf-8")
}

#[test]
fn the_report_page_has_the_marketplace_mentors_and_key_person_notes() {
    let html = page(&fixture().load(), Lang::Nb);
    assert!(
        html.contains("<a href=\"#market\">Kompetansetorg</a>"),
        "{html}"
    );
    assert!(html.contains("<section id=\"market\""), "{html}");
    // s: mia wants it; finn then nora teach (as in the market's CSV).
    assert!(
        html.contains(
            "<th scope=\"row\">Skill S</th><td>Mia Moe (mia), it/app, nivå 1 basic</td>\
             <td>Finn Fet (finn), hr, nivå 4 expert, 0 adepter; \
             Nora Nes (nora), it/app, nivå 3 advanced, 1 adept</td>"
        ),
        "{html}"
    );
    assert!(
        html.contains("<ul>\n<li>Nora Nes (nora), it/app: 1 adept</li>\n</ul>"),
        "{html}"
    );
    // t: held by ola alone, and no goal develops anyone in it.
    assert!(
        html.contains(
            "<td>Ola Ask (ola)</td><td class=\"num\">0</td><td>RISIKO; ingen plan tar tak i dette</td>"
        ),
        "{html}"
    );

    // Nobody interested, nobody at 3 or above, no goal: no section and no
    // mentors.
    let fx = Fixture::standard(
        "[[skill]]\nid = \"s\"\n\n[[need]]\nid = \"n\"\nskill = \"s\"\nlevel = 2\ncount = 1\n",
        "id,unit\nana,it\n",
        "person,skill,level\nana,s,2\n",
    );
    let html = page(&fx.load(), Lang::En);
    assert!(!html.contains("#market"), "{html}");
    assert!(!html.contains("mentee"), "{html}");
}
