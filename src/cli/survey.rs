//! `kompetanse survey ORG -o DIR`: an assessment round's forms, one XLSX
//! workbook per person present at D (made by `crate::survey` from
//! `crate::analysis::survey`), named by a safe form of the id, written
//! into DIR by the folder rules of `cli::folder`. What was written goes to
//! stderr: stdout stays empty for scripts.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::analysis::survey::{SurveyOptions, survey_forms};
use crate::cli::display::LangArg;
use crate::cli::folder::{check_folder, file_names, write_all};
use crate::cli::{OrgArgs, Status, UsageError, open, person_arg, unit_arg};
use crate::model::Date;
use crate::render::Lang;
use crate::survey::{Filler, FormStyle, form_workbook};

/// `--source`'s values: who fills the forms in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SourceArg {
    /// Each person assesses themself (source `self`).
    #[value(name = "self")]
    Own,
    /// Their line manager assesses them (source `manager`), for calibration.
    Manager,
}

#[derive(Debug, Args)]
pub struct SurveyArgs {
    #[command(flatten)]
    pub org: OrgArgs,

    /// The folder to write the forms into (one <id>.xlsx per person); made if missing
    #[arg(short = 'o', long = "output", value_name = "DIR")]
    pub dir: PathBuf,

    /// Only people in this unit or a unit below it
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,

    /// Only this person
    #[arg(long, value_name = "ID")]
    pub person: Option<String>,

    /// The date pre-filled in every row's `assessed` cell [default: the reference date]
    #[arg(long, value_name = "DATE", value_parser = crate::cli::parse_date_arg)]
    pub date: Option<Date>,

    /// Only people due for reassessment (a stale or missing assessment their role or a need asks for, or a certificate expiring within --expiring days), and only those skills
    #[arg(long)]
    pub due: bool,

    /// With --due: certificates expiring within this many days of the reference date are due
    #[arg(long, value_name = "DAYS", default_value_t = crate::analysis::DEFAULT_EXPIRING_DAYS)]
    pub expiring: u32,

    /// Who fills the forms in: the people themselves (self) or their manager
    #[arg(long, value_enum, value_name = "WHO", default_value = "self")]
    pub source: SourceArg,

    /// Language of the forms: headings, instruction, columns, dates [default: as --lang of the other commands]
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,

    /// Write into a folder that already holds files (forms of the same names are replaced; input files never are)
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: &SurveyArgs) -> anyhow::Result<Status> {
    let lang = match args.lang {
        Some(LangArg::Nb) => Lang::Nb,
        Some(LangArg::En) => Lang::En,
        None => Lang::from_env(|name| std::env::var(name).ok()),
    };
    if crate::cli::output::is_stdout(&args.dir) {
        return Err(UsageError(
            "survey writes one workbook per person into a folder: give -o DIR".into(),
        )
        .into());
    }
    check_folder(&args.dir, args.force)?;
    let Some((files, org)) = open(&args.org, &args.org.inputs(None), "; no forms written") else {
        return Ok(Status::Invalid);
    };
    let org = org?;
    let options = SurveyOptions {
        unit: unit_arg(&org, args.unit.as_deref())?,
        person: person_arg(&org, args.person.as_deref())?,
        due_only: args.due,
        expiring_days: args.expiring,
    };
    if let Some(p) = options.person
        && !org.people.present(p, org.as_of)
    {
        return Err(UsageError(format!(
            "--person '{}' is not present at {} (before their first day or after their last): no form written",
            org.people.id(p),
            org.as_of
        ))
        .into());
    }
    let date = args.date.unwrap_or(org.as_of);
    if date > org.as_of && !args.org.quiet {
        // FORMAT.md r2 "Known at D": such answers are ignored until then.
        let _ = writeln!(
            std::io::stderr(),
            "warning: --date {date} is after the reference date {}: answers dated then count only from --as-of {date} on",
            org.as_of
        );
    }
    let forms = survey_forms(&org, &options);
    let style = FormStyle {
        lang,
        date,
        filler: match args.source {
            SourceArg::Own => Filler::Own,
            SourceArg::Manager => Filler::Manager,
        },
    };
    let ids: Vec<&str> = forms.iter().map(|f| org.people.id(f.person)).collect();
    let names = file_names(&ids, "xlsx");
    let mut made = Vec::with_capacity(forms.len());
    for (form, name) in forms.iter().zip(names) {
        let bytes = form_workbook(&org, form, style).map_err(|e| {
            anyhow::anyhow!(
                "cannot make the form of '{}': {e}",
                org.people.id(form.person)
            )
        })?;
        made.push((name, bytes));
    }
    let written = write_all(&args.dir, &made, &files)?;
    let mut err = std::io::stderr().lock();
    // A closed stderr must not change what the command did or its exit code.
    let shown =
        crate::render::formats::terminal::visible(&args.dir.display().to_string()).into_owned();
    let _ = match (lang, written.len(), args.due) {
        (Lang::Nb, 0, true) => writeln!(err, "ingen skal vurderes på nytt: ingen skjema skrevet"),
        (Lang::En, 0, true) => writeln!(err, "nobody is due for reassessment: no forms written"),
        (Lang::Nb, 0, false) => writeln!(err, "ingen personer i utvalget: ingen skjema skrevet"),
        (Lang::En, 0, false) => writeln!(err, "nobody in scope: no forms written"),
        (Lang::Nb, n, _) => writeln!(err, "skrev {n} skjema i {shown}"),
        (Lang::En, 1, _) => writeln!(err, "wrote 1 form in {shown}"),
        (Lang::En, n, _) => writeln!(err, "wrote {n} forms in {shown}"),
    };
    Ok(Status::Done)
}
