//! `kompetanse report ORG`: everything on one self-contained HTML page
//! (summary, coverage heatmap, learning mix, gaps, balance, recruitment,
//! plan totals), or `--format json` for the same report as one value.

use clap::Args;

use crate::analysis::balance::by_unit_fits;
use crate::analysis::overview::overview_report;
use std::io::Write;

use crate::analysis::person::person_page;
use crate::analysis::team::team_page;
use crate::cli::balance::too_many_rows;
use crate::cli::folder::{check_folder, file_names, write_all};
use crate::cli::{
    ReportArgs, Status, UsageError, check_format, listed, open, parse_mix_arg, unit_arg,
};
use crate::model::LearningMix;
use crate::render::words::{Key, Labels, Lang};
use crate::render::{Format, Overview};
use crate::report::{PersonReport, TeamReport};

// `report` writes a page: its --format and -o say so in its help (issue
// 30), though the option is the one every report command shares. (A plain
// comment, as on `cli::OrgArgs`.)
#[derive(Debug, Args)]
#[command(mut_arg("format", |a| a
    .help("Output format [default: from the -o extension, else html] [possible values: html, xlsx, json; with --person also markdown]")
    .hide_possible_values(true)))]
#[command(mut_arg("output", |a| a
    .help("Write the report to this file instead of stdout (.html, .xlsx, .json; with --person also .md); - is stdout")))]
#[command(mut_arg("csv_dialect", |a| a.hide(true)))]
pub struct ReportCmdArgs {
    #[command(flatten)]
    pub report: ReportArgs,

    /// Learning mix: 70-20-10, 40-50-10 or E-S-F percentages; replaces the organisation's [mix], not a skill's own mix
    #[arg(long, value_name = "MIX", value_parser = parse_mix_arg)]
    pub mix: Option<LearningMix>,

    /// Add a before/after section: coverage per need at DATE and now, and who moved up (HTML only)
    #[arg(long, value_name = "DATE", value_parser = crate::cli::parse_date_arg)]
    pub since: Option<crate::model::Date>,

    /// One person's own page ("My competence: NAME"): levels, role gaps, the needs that concern them, goals, wishes, mentees (html, markdown, xlsx, json)
    #[arg(long, value_name = "ID", conflicts_with = "since")]
    pub person: Option<String>,

    /// A line manager's page of one unit (and the units below it): its needs, its share of the needs above it, its people against their roles, their plans, who is due, leaving or arriving (html, markdown, json)
    #[arg(long, value_name = "UNIT", conflicts_with_all = ["since", "person"])]
    pub unit: Option<String>,

    /// One page per person present, or per unit with people, into the folder -o DIR, with an index.html linking them
    #[arg(long, value_enum, value_name = "WHO", conflicts_with_all = ["since", "person", "unit"])]
    pub each: Option<Each>,

    /// The team page's window for expiring certificates, in days from the reference date
    #[arg(long, value_name = "DAYS", default_value_t = crate::analysis::DEFAULT_EXPIRING_DAYS)]
    pub expiring: u32,

    /// With --each: write into a folder that already holds files (pages of the same names are replaced; input files never are)
    #[arg(long, requires = "each")]
    pub force: bool,
}

/// What `--each` makes a page of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Each {
    /// Each person present at the reference date: their personal page.
    Person,
    /// Each unit with people: its team page.
    Unit,
}

pub fn run(args: &ReportCmdArgs) -> anyhow::Result<Status> {
    if let Some(person) = args.person.as_deref() {
        return run_person(args, person);
    }
    if let Some(unit) = args.unit.as_deref() {
        return run_unit(args, unit);
    }
    if let Some(each) = args.each {
        return run_each(args, each);
    }
    let output = &args.report.output;
    // The report is a page: HTML unless told otherwise.
    let format = match (output.format, output.file()) {
        (None, None) => Format::Html,
        _ => output.format()?,
    };
    check_format::<Overview>(format, |names| {
        format!(
            "`report` writes {}, not {format}: use gap, plan or balance for tables, csv and markdown",
            listed(names, "or")
        )
    })?;
    if args.since.is_some() && format != Format::Html {
        return Err(UsageError(format!(
            "--since adds a section to the HTML page, not to {format}: use `progress --since` for {format}"
        ))
        .into());
    }
    args.report.privacy.refuse_min_group("`report`")?;
    let Some((org, _)) = args.report.load(args.mix, "; no report written", true)? else {
        return Ok(Status::Invalid);
    };
    let progress = match args.since {
        Some(since) => match crate::cli::progress::load_then(&args.report, since, org.as_of)? {
            Some(then) => Some(crate::analysis::progress::progress_report(&then, &org)),
            None => return Ok(Status::Invalid),
        },
        None => None,
    };
    by_unit_fits(&org, None).map_err(|size| {
        too_many_rows(
            "the report's balance by unit and coverage map",
            size,
            "use `balance --by unit --unit UNIT` for one part of the organisation, and `gap` for the needs",
        )
    })?;
    let mut report = overview_report(&org);
    crate::privacy::min_group::overview(&mut report, args.report.privacy.min_group);
    let page = Overview {
        report: &report,
        progress: progress.as_ref(),
    };
    args.report.emit(&page, format)?;
    // The process ends here: freeing a million rows' report and
    // organisation piece by piece would only delay the exit (issue 28).
    std::mem::forget(report);
    std::mem::forget(org);
    Ok(Status::Done)
}

/// `report --person ID`: the personal page. It names one person by design,
/// so `--pseudonymize` is refused before anything is read.
fn run_person(args: &ReportCmdArgs, id: &str) -> anyhow::Result<Status> {
    if args.report.privacy.pseudonymize {
        return Err(UsageError(
            "--person writes a page that names one person by design: it cannot be pseudonymised (leave out --pseudonymize)".into(),
        )
        .into());
    }
    let output = &args.report.output;
    let format = match (output.format, output.file()) {
        (None, None) => Format::Html,
        _ => output.format()?,
    };
    check_format::<PersonReport>(format, |names| {
        format!(
            "`report --person` writes {}, not {format}: use `plan --person` for tables and csv",
            listed(names, "or")
        )
    })?;
    let Some((org, _)) = args.report.load(args.mix, "; no page written", false)? else {
        return Ok(Status::Invalid);
    };
    let person = crate::cli::person_arg(&org, Some(id))?;
    let Some(person) = person else {
        return Ok(Status::Invalid);
    };
    args.report.emit(&person_page(&org, person), format)?;
    Ok(Status::Done)
}

/// `report --unit UNIT`: a line manager's page. It names the unit's
/// people, so `--min-group` (which hides groups too small to be
/// anonymous) is refused; `--pseudonymize` replaces their names.
fn run_unit(args: &ReportCmdArgs, unit: &str) -> anyhow::Result<Status> {
    let format = page_format(args)?;
    check_format::<TeamReport>(format, |names| {
        format!(
            "`report --unit` writes {}, not {format}: use `gap --unit`, `plan --unit` or `balance --unit` for tables and csv",
            listed(names, "or")
        )
    })?;
    args.report.privacy.refuse_min_group("`report --unit`")?;
    let Some((org, _)) = args.report.load(args.mix, "; no page written", false)? else {
        return Ok(Status::Invalid);
    };
    let Some(unit) = unit_arg(&org, Some(unit))? else {
        return Ok(Status::Invalid);
    };
    args.report
        .emit(&team_page(&org, &unit, args.expiring), format)?;
    Ok(Status::Done)
}

/// A page's format: `--format`, else the -o extension, else HTML.
fn page_format(args: &ReportCmdArgs) -> Result<Format, UsageError> {
    let output = &args.report.output;
    match (output.format, output.file()) {
        (None, None) => Ok(Format::Html),
        _ => output.format(),
    }
}

/// `report --each person|unit -o DIR`: every page made in memory, then
/// written into DIR with the folder's rules (`cli::folder`), with an
/// `index.html` that links them.
fn run_each(args: &ReportCmdArgs, each: Each) -> anyhow::Result<Status> {
    let Some(dir) = args.report.output.file() else {
        return Err(UsageError(
            "--each writes one page per person or unit into a folder: give it with -o DIR".into(),
        )
        .into());
    };
    let format = match args.report.output.format {
        Some(_) => args.report.output.format()?,
        None => Format::Html,
    };
    let extension = match format {
        Format::Html => "html",
        Format::Markdown => "md",
        Format::Json => "json",
        _ => {
            return Err(UsageError(format!(
                "--each writes html, markdown or json pages, not {format}"
            ))
            .into());
        }
    };
    match each {
        Each::Person if args.report.privacy.pseudonymize => {
            return Err(UsageError(
                "--each person writes pages that each name one person by design: they cannot be pseudonymised (leave out --pseudonymize)".into(),
            )
            .into());
        }
        Each::Unit => args
            .report
            .privacy
            .refuse_min_group("`report --each unit`")?,
        Each::Person => {}
    }
    check_folder(dir, args.force)?;
    let Some((files, org)) = open(
        &args.report.org,
        &args.report.inputs(args.mix)?,
        "; no pages written",
    ) else {
        return Ok(Status::Invalid);
    };
    let org = org?;
    crate::cli::display::set_data_language(org.language);
    let style = args.report.display.style(&args.report.output);
    let render = |page: &dyn Fn(&mut dyn std::io::Write) -> std::io::Result<()>| {
        let mut bytes = Vec::new();
        page(&mut bytes).map(|()| bytes)
    };
    // (id, title, bytes) per page, in id order.
    let mut pages: Vec<(String, String, Vec<u8>)> = Vec::new();
    match each {
        Each::Person => {
            let ids = crate::analysis::IdOrder::new(&org.people);
            for p in ids.people().filter(|&p| org.people.present(p, org.as_of)) {
                let page = person_page(&org, p);
                let bytes = render(&|out| crate::render::render(&page, format, style, out))?;
                let id = org.people.id(p).to_string();
                let title = match org.people.name(p) {
                    Some(name) => format!("{name} ({id})"),
                    None => id.clone(),
                };
                pages.push((id, title, bytes));
            }
        }
        Each::Unit => {
            let mut units: Vec<&String> = org
                .units
                .iter()
                .filter(|u| {
                    let scope = crate::model::Scope::new(&org, Some(u), None).at(org.as_of);
                    (0..org.people.len()).any(|p| scope.contains(p))
                })
                .collect();
            units.sort();
            for unit in units {
                let page = team_page(&org, unit, args.expiring);
                let bytes = render(&|out| crate::render::render(&page, format, style, out))?;
                let title = match &page.name {
                    Some(name) => format!("{name} ({unit})"),
                    None => unit.clone(),
                };
                pages.push((unit.clone(), title, bytes));
            }
        }
    }
    // index.html is the folder's own: no page may take its name.
    let mut ids: Vec<&str> = vec!["index"];
    ids.extend(pages.iter().map(|(id, _, _)| id.as_str()));
    let mut names = file_names(&ids, extension);
    names.remove(0);
    let index = index_page(&org, each, &pages, &names, style.lang);
    let mut made: Vec<(String, Vec<u8>)> = names
        .into_iter()
        .zip(pages)
        .map(|(name, (_, _, bytes))| (name, bytes))
        .collect();
    made.push(("index.html".to_string(), index.into_bytes()));
    let written = write_all(dir, &made, &files)?;
    if !args.report.org.quiet {
        let shown =
            crate::render::formats::terminal::visible(&dir.display().to_string()).into_owned();
        let _ = writeln!(
            std::io::stderr(),
            "wrote {} pages and index.html in {shown}",
            written.len() - 1
        );
    }
    Ok(Status::Done)
}

/// The folder's `index.html`: a link to each page, by name.
fn index_page(
    org: &crate::model::Organisation,
    each: Each,
    pages: &[(String, String, Vec<u8>)],
    names: &[String],
    lang: Lang,
) -> String {
    let l = Labels::new(lang);
    let title = l.fill(
        match each {
            Each::Person => Key::IndexPeople,
            Each::Unit => Key::IndexUnits,
        },
        &[&org.name],
    );
    let items: String = pages
        .iter()
        .zip(names)
        .map(|((_, title, _), name)| {
            format!(
                "<li><a href=\"{}\">{}</a></li>\n",
                escape(&percent_encode(name)),
                escape(title)
            )
        })
        .collect();
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{t}</title>\n<style>body{{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}}a{{color:#0b5394}}li{{margin:.2rem 0}}</style>\n</head>\n<body>\n<main>\n<h1>{t}</h1>\n<p>{}</p>\n<ul>\n{items}</ul>\n</main>\n</body>\n</html>\n",
        l.code(),
        escape(&l.fill(Key::IndexAbout, &[&pages.len(), &org.as_of])),
        t = escape(&title),
    )
}

/// Text for HTML: `&`, `<`, `>`, `"` and `'` as entities.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A file name as a relative URL: every byte but unreserved ASCII
/// percent-encoded, so `#`, `?`, `%` or `:` in a name stay part of it.
fn percent_encode(name: &str) -> String {
    name.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
