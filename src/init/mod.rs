//! The starter organisation `kompetanse init` writes: a commented org.toml
//! that explains every section, a people file, an assessments matrix (CSV,
//! or an Excel workbook with drop-down levels), an activity log (FORMAT.md
//! r3) and org.toml's JSON Schema,
//! in English or Norwegian.
//!
//! The texts are templates under src/init/{en,nb}/, one set per language,
//! with three blanks filled here: the assessments file's name, today's date
//! (the matrix's assessment date, so the starter is never stale) and next
//! year (deadlines and start/leave dates that lie ahead). This module only
//! makes the files' bytes; it neither checks for nor writes files (that is
//! `cli::init`), and it prints nothing.

use rust_xlsxwriter::{DataValidation, ExcelDateTime, Format, Workbook, XlsxError};

use crate::model::Date;
use crate::model::parse_date;
use crate::render::Lang;

/// One file of the starter: its name in the target folder and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StarterFile {
    pub name: &'static str,
    pub contents: Vec<u8>,
}

/// One language's templates and names.
struct Templates {
    org: &'static str,
    people_name: &'static str,
    people: &'static str,
    /// The matrix's name as CSV and as a workbook.
    matrix_names: [&'static str; 2],
    matrix: &'static str,
    /// The activity log (FORMAT.md r3): its name and rows.
    log_name: &'static str,
    log: &'static str,
    /// The matrix's delimiter (Norwegian Excel writes `;`).
    delimiter: char,
    /// The sheet the workbook's matrix is on.
    sheet: &'static str,
    /// The level names of the template's `[scale]` (a test holds them equal).
    levels: [&'static str; 5],
    /// How dates are written in the CSV files.
    date: fn(Date) -> String,
    /// The workbook's title row and comment column (FORMAT.md r3: rows
    /// above the header and other columns are allowed), and a comment.
    title: &'static str,
    comment: [&'static str; 2],
}

const EN: Templates = Templates {
    org: include_str!("en/org.toml"),
    people_name: "people.csv",
    people: include_str!("en/people.csv"),
    matrix_names: ["assessments.csv", "assessments.xlsx"],
    matrix: include_str!("en/assessments.csv"),
    log_name: "activities.csv",
    log: include_str!("en/activities.csv"),
    delimiter: ',',
    sheet: "Assessments",
    levels: ["none", "basic", "working", "advanced", "expert"],
    date: |d| d.to_string(),
    title: "Skills matrix",
    comment: [
        "Comment",
        "Wants to learn welfare technology (the * after a level)",
    ],
};

const NB: Templates = Templates {
    org: include_str!("nb/org.toml"),
    people_name: "ansatte.csv",
    people: include_str!("nb/ansatte.csv"),
    matrix_names: ["kartlegging.csv", "kartlegging.xlsx"],
    matrix: include_str!("nb/kartlegging.csv"),
    log_name: "aktiviteter.csv",
    log: include_str!("nb/aktiviteter.csv"),
    delimiter: ';',
    sheet: "Kartlegging",
    levels: ["ingen", "grunnleggende", "god", "avansert", "ekspert"],
    date: |d| d.strftime("%d.%m.%Y").to_string(),
    title: "Kompetansekartlegging",
    comment: ["Kommentar", "Vil lære velferdsteknologi (* etter nivået)"],
};

/// The name of org.toml's schema next to it, as its `#:schema` line says.
pub const SCHEMA_FILE: &str = "org.schema.json";

fn templates(lang: Lang) -> &'static Templates {
    match lang {
        Lang::En => &EN,
        Lang::Nb => &NB,
    }
}

/// The names of the files `starter(lang, xlsx, ..)` makes, in the order it
/// makes them: known before any is made, so that existing files can be
/// found first.
pub fn file_names(lang: Lang, xlsx: bool) -> [&'static str; 5] {
    let t = templates(lang);
    [
        "org.toml",
        t.people_name,
        matrix_name(t, xlsx),
        t.log_name,
        SCHEMA_FILE,
    ]
}

fn matrix_name(t: &Templates, xlsx: bool) -> &'static str {
    t.matrix_names[usize::from(xlsx)]
}

/// The starter's files for `lang`, the matrix as a workbook when `xlsx`,
/// dated from `today`.
pub fn starter(lang: Lang, xlsx: bool, today: Date) -> Result<Vec<StarterFile>, XlsxError> {
    let t = templates(lang);
    let matrix_name = matrix_name(t, xlsx);
    let fill = |text: &str| {
        text.replace("{{assessments}}", matrix_name)
            .replace("{{today}}", &(t.date)(today))
            .replace("{{next_year}}", &(today.year() + 1).to_string())
    };
    let matrix_csv = fill(t.matrix);
    let matrix = if xlsx {
        workbook(t, &matrix_csv)?
    } else {
        matrix_csv.into_bytes()
    };
    let [org, people, _, log, schema] = file_names(lang, xlsx);
    Ok(vec![
        StarterFile {
            name: org,
            contents: fill(t.org).into_bytes(),
        },
        StarterFile {
            name: people,
            contents: fill(t.people).into_bytes(),
        },
        StarterFile {
            name: matrix_name,
            contents: matrix,
        },
        StarterFile {
            name: log,
            contents: fill(t.log).into_bytes(),
        },
        StarterFile {
            name: schema,
            contents: crate::load::schema::org_schema_json().into_bytes(),
        },
    ])
}

/// The matrix as an HR adviser's workbook: a title row above the header
/// and a comment column after the skills (both allowed: FORMAT.md r3, so
/// new users see it), a bold, frozen header row and name column, the
/// assessment date as a date cell (dd.mm.yyyy), and each level as a
/// drop-down label ("3 - avansert"), also with the interest mark
/// ("1 - grunnleggende*": wants to learn more; "*" alone: interest only).
fn workbook(t: &Templates, csv: &str) -> Result<Vec<u8>, XlsxError> {
    let labels: Vec<String> = t
        .levels
        .iter()
        .enumerate()
        .map(|(i, name)| format!("{i} - {name}"))
        .collect();
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(t.sheet)?;
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_font_size(14);
    let date_format = Format::new().set_num_format("dd.mm.yyyy");
    let rows: Vec<Vec<&str>> = csv
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split(t.delimiter).collect())
        .filter(|cells: &Vec<&str>| cells.iter().any(|c| !c.trim().is_empty()))
        .collect();
    // The CSV template may have its own title row: the header is the
    // first row of more than one cell.
    let at = rows
        .iter()
        .position(|r| r.iter().filter(|c| !c.is_empty()).count() > 1)
        .unwrap_or(0);
    let mut header = rows.get(at).cloned().unwrap_or_default();
    let comment = match header
        .iter()
        .position(|h| h.eq_ignore_ascii_case(t.comment[0]))
    {
        Some(c) => c,
        None => {
            header.push(t.comment[0]);
            header.len() - 1
        }
    };
    // Row 1 the title, row 2 blank, the header on row 3.
    const HEADER: u32 = 2;
    ws.write_with_format(0, 0, t.title, &title)?;
    // The template's columns: person, name, assessed date, then skills.
    const FIRST_SKILL: usize = 3;
    for (c, name) in header.iter().enumerate() {
        let c = c as u16;
        ws.write_with_format(HEADER, c, *name, &bold)?;
        ws.set_column_width(c, (name.chars().count().max(12) + 2) as f64)?;
    }
    for (r, cells) in rows.iter().skip(at + 1).enumerate() {
        let r = HEADER + 1 + r as u32;
        for (c, cell) in cells.iter().enumerate() {
            let col = c as u16;
            if cell.is_empty() {
                continue;
            }
            let (level, star) = match cell.strip_suffix('*') {
                Some(level) => (level, "*"),
                None => (*cell, ""),
            };
            if c == FIRST_SKILL - 1
                && let Some(d) = parse_date(cell)
            {
                let date =
                    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
                ws.write_datetime_with_format(r, col, &date, &date_format)?;
            } else if c >= FIRST_SKILL
                && c != comment
                && let Some(label) = level.parse::<usize>().ok().and_then(|l| labels.get(l))
            {
                ws.write(r, col, format!("{label}{star}"))?;
            } else {
                ws.write(r, col, *cell)?;
            }
        }
        if r == HEADER + 1 && comment >= cells.len() {
            ws.write(r, comment as u16, t.comment[1])?;
        }
    }
    ws.set_column_width(comment as u16, 40)?;
    if comment > FIRST_SKILL {
        let mut choices: Vec<String> = labels.clone();
        choices.extend(labels.iter().map(|l| format!("{l}*")));
        choices.push("*".to_string());
        let choices: Vec<&str> = choices.iter().map(String::as_str).collect();
        let validation = DataValidation::new().allow_list_strings(&choices)?;
        // Room below the starter's people for the organisation's own.
        ws.add_data_validation(
            HEADER + 1,
            FIRST_SKILL as u16,
            500,
            (comment - 1) as u16,
            &validation,
        )?;
    }
    ws.set_freeze_panes(HEADER + 1, 2)?;
    book.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_follow_the_language() {
        assert_eq!(
            file_names(Lang::Nb, true),
            [
                "org.toml",
                "ansatte.csv",
                "kartlegging.xlsx",
                "aktiviteter.csv",
                "org.schema.json"
            ]
        );
        assert_eq!(
            file_names(Lang::En, false),
            [
                "org.toml",
                "people.csv",
                "assessments.csv",
                "activities.csv",
                "org.schema.json"
            ]
        );
    }

    /// The workbook's drop-down labels come from `levels`: they must be the
    /// template's own `[scale]`.
    #[test]
    fn level_labels_are_the_template_s_scale() {
        let today = jiff::civil::date(2026, 11, 27);
        for lang in [Lang::En, Lang::Nb] {
            let files = starter(lang, false, today).unwrap();
            let org = String::from_utf8(files[0].contents.clone()).unwrap();
            let mut diags = crate::diagnostics::Diagnostics::default();
            let (org, _) = crate::load::org::parse(
                "org.toml",
                &org,
                std::path::Path::new("."),
                &crate::load::LoadOptions::default(),
                || "x".into(),
                || today,
                &mut diags,
            )
            .unwrap();
            assert!(diags.into_vec().is_empty());
            assert_eq!(org.scale.levels, templates(lang).levels);
        }
    }

    #[test]
    fn blanks_are_filled() {
        let today = jiff::civil::date(2026, 11, 27);
        for lang in [Lang::En, Lang::Nb] {
            for xlsx in [false, true] {
                let files = starter(lang, xlsx, today).unwrap();
                let names: Vec<&str> = files.iter().map(|f| f.name).collect();
                assert_eq!(names, file_names(lang, xlsx));
                for f in files.iter().filter(|f| !f.name.ends_with(".xlsx")) {
                    let text = String::from_utf8(f.contents.clone()).unwrap();
                    assert!(!text.contains("{{"), "{}: {text}", f.name);
                }
                let org = String::from_utf8(files[0].contents.clone()).unwrap();
                assert!(org.starts_with("#:schema ./org.schema.json\n"));
                assert!(org.contains(&format!("assessments = [\"{}\"]", names[2])));
                assert!(org.contains("by = 2027-06-30"));
            }
        }
        let nb = starter(Lang::Nb, false, today).unwrap();
        let people = String::from_utf8(nb[1].contents.clone()).unwrap();
        assert!(people.contains("1002;Ola Hansen;helse/sykehjem;sykepleier;80;;31.03.2027"));
        let matrix = String::from_utf8(nb[2].contents.clone()).unwrap();
        assert!(
            matrix.contains("1001;Kari Nordmann;27.11.2026;2;3;1;1"),
            "{matrix}"
        );
    }
}
