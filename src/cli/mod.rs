//! The command line: clap definitions (one file per subcommand) and the IO
//! choices they share (which organisation, reference date, output path and
//! format). Subcommands return an exit status; `main` maps errors to codes.
//!
//! The CLI parses and wires: it opens the organisation through
//! `inputs::open` (every command, `--since` included), looks things up
//! through the organisation (src/model/lookup.rs), decides through the
//! reports (`GapReport::fails_at`) and renders through `render::render`;
//! the only thing it adds is the option names in messages, and it is the
//! one place that prints.

pub mod annotate;
pub mod balance;
pub mod baseline;
pub mod check;
pub mod cleanup;
pub mod color;
pub mod completions;
pub mod display;
pub mod folder;
pub mod gap;
pub mod init;
pub mod man;
pub mod market;
pub mod matrix;
pub mod messages;
pub mod output;
pub mod plan;
pub mod privacy;
pub mod progress;
pub mod report;
pub mod schema;
pub mod survey;
pub mod who;

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::cli::display::DisplayArgs;
use crate::cli::output::OutputArgs;
use crate::diagnostics::{Diagnostic, Severity};
use crate::inputs::{self, Inputs, Opened, Unopened};
use crate::load::LoadOptions;
use crate::model::{Date, LearningMix, LookupError, Organisation, Priority};
use crate::render::{self, Format, Render};

/// kompetanse: competence gap analysis (kompetansegap og kompetansesaldo).
///
/// Reads an organisation's needs (org.toml) and its people's assessed levels
/// (CSV), and reports what is missing, who can be developed, what must be
/// recruited, and the development effort split by the learning mix.
#[derive(Debug, Parser)]
#[command(name = "kompetanse", version = env!("KOMPETANSE_BUILD_VERSION"), about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// When to colour: auto (a terminal, unless NO_COLOR is set), always or never
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = color::ColorArg::Auto)]
    pub color: color::ColorArg,

    /// How problems go to stderr: human, json (one object a line), github (annotations) or gitlab (human, and a code-quality report) [default: KOMPETANSE_DIAGNOSTICS, else human]
    #[arg(long, global = true, value_enum, value_name = "FORMAT")]
    pub diagnostics: Option<annotate::DiagnosticsFormat>,

    /// The file --diagnostics gitlab writes its code-quality report to [default: gl-code-quality-report.json]
    #[arg(long, global = true, value_name = "FILE")]
    pub diagnostics_output: Option<PathBuf>,
}

/// Each subcommand's arguments are defined when it is run (or when help,
/// completions or a manual page need them), not for every run: building
/// all fourteen was most of a short run's start-up.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Command {
    /// Report the organisation's competence gaps: need by need, who to develop, what to recruit.
    Gap(gap::GapArgs),
    /// Development plans per person, split by the learning mix, with activities and recruitment.
    Plan(plan::PlanArgs),
    /// The competence balance: people at each level per skill, freshness, key-person risk.
    Balance(balance::BalanceArgs),
    /// One HTML page with everything: summary, coverage heatmap, learning mix, gaps, balance, plans.
    Report(report::ReportCmdArgs),
    /// Validate an organisation and its profile files without reporting.
    Check(check::CheckArgs),
    /// Progress since a date: coverage, levels and who moved up, then and now.
    Progress(progress::ProgressArgs),
    /// The competence marketplace (kompetansetorg): per skill, who wants to learn it and who can teach it.
    Market(market::MarketArgs),
    /// Write an assessment round's forms: one XLSX workbook per person, read back as they are returned.
    Survey(survey::SurveyArgs),
    /// Write a commented starter organisation (org.toml, people, assessments, schema) to begin from.
    Init(init::InitArgs),
    /// Print the JSON Schema of org.toml, for editors (Even Better TOML / taplo), or with --report of a report's JSON.
    Schema(schema::SchemaArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell) to stdout.
    Completions(completions::CompletionsArgs),
    /// Print the manual page (roff) to stdout, or write every page into a folder.
    Man(man::ManArgs),
    /// Who knows what: the people present who meet every SKILL>=LEVEL (the CV base).
    Who(who::WhoArgs),
    /// The competence matrix: people by skills, each level against the role's target.
    Matrix(matrix::MatrixArgs),
}

/// What a finished command asks `main` to exit with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Exit 0: the command did its job.
    Done,
    /// Exit 1: `--fail-on` found a need with a shortfall.
    Failed,
    /// Exit 2: invalid input (already reported on stderr).
    Invalid,
}

/// A file given as an option that cannot be used (exit 2), e.g. a
/// baseline of another command: the message, and the file it is about
/// (for `--diagnostics`' `path`).
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct FileError {
    pub path: PathBuf,
    pub message: String,
}

/// A usage mistake found after parsing (exit 2), e.g. an unknown `--unit`.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

impl UsageError {
    /// A failed look-up of `option`'s value: "--unit 'x': no person or need ...".
    pub fn lookup(option: &str, error: &LookupError) -> UsageError {
        UsageError(format!("{option} {error}"))
    }
}

// Options every command that reads an organisation takes. (A plain
// comment: clap would make a doc comment the subcommand's about, over the
// subcommand's own, since its arguments are defined late; see `Command`.)
#[derive(Debug, Args)]
pub struct OrgArgs {
    /// The organisation file (org.toml).
    #[arg(value_name = "ORG")]
    pub org: PathBuf,

    /// Reference date (YYYY-MM-DD) for expiry and staleness; overrides organisation.as_of [default: today]
    #[arg(long, value_name = "DATE", value_parser = parse_date_arg)]
    pub as_of: Option<Date>,

    /// Don't print warnings (errors are always printed).
    #[arg(short, long)]
    pub quiet: bool,

    /// Read profile files outside org.toml's folder (links resolved); refused by default, as a pull request could name any file
    #[arg(long)]
    pub allow_outside: bool,
}

impl OrgArgs {
    /// What to open: the organisation at `--as-of`, with `mix` for `--mix`.
    pub fn inputs(&self, mix: Option<LearningMix>) -> Inputs {
        Inputs {
            load: LoadOptions {
                as_of: self.as_of,
                mix,
                allow_outside: self.allow_outside,
                ..LoadOptions::default()
            },
            ..Inputs::new(&self.org)
        }
    }
}

pub fn parse_date_arg(text: &str) -> Result<Date, String> {
    crate::model::parse_date(text).ok_or_else(|| format!("'{text}' is not a date like 2026-11-26"))
}

pub fn parse_priority_arg(text: &str) -> Result<Priority, String> {
    Priority::parse(text)
        .ok_or_else(|| format!("'{text}' is not a priority: use critical, high, medium or low"))
}

/// `--fail-on-budget AMOUNT`: a non-negative amount in the organisation's
/// currency (`_` and spaces between digits allowed: 2_000_000).
pub fn parse_amount_arg(text: &str) -> Result<f64, String> {
    let digits: String = text.chars().filter(|c| !matches!(c, '_' | ' ')).collect();
    match digits.parse::<f64>() {
        Ok(amount) if amount.is_finite() && amount >= 0.0 => Ok(amount),
        _ => Err(format!(
            "'{text}' is not an amount: use a number such as 2000000"
        )),
    }
}

pub fn parse_mix_arg(text: &str) -> Result<LearningMix, String> {
    LearningMix::parse(text)
}

/// Prints diagnostics to `err` (stderr, whose colour it follows), warnings
/// only unless `quiet`. A diagnostic quotes file content (names, cells), so
/// its control characters are shown escaped (`\x1b`, `\r`, `\n`): a name
/// cannot retitle the terminal, clear it, or fake a line of output.
pub fn print_diagnostics(
    diagnostics: &[Diagnostic],
    quiet: bool,
    mut err: impl Write,
) -> std::io::Result<()> {
    // Every line is made before any is written: making a line also records
    // the problem for `--diagnostics gitlab`'s report, which must not lose
    // problems because stderr failed (a full disk, a closed pipe).
    let lines: Vec<String> = diagnostics
        .iter()
        .filter(|d| !(quiet && d.severity == Severity::Warning))
        .map(annotate::line)
        .collect();
    for line in lines {
        writeln!(err, "{line}")?;
    }
    err.flush()
}

/// Opens `inputs` ([`inputs::open`]) and prints the diagnostics to stderr
/// (warnings only unless `--quiet`). None when the files are invalid,
/// after a closing line that ends with `outcome` (what was not done);
/// otherwise the files read, and the organisation or why an option could
/// not be applied to it (for the caller to report after its own checks).
pub fn open(
    args: &OrgArgs,
    inputs: &Inputs,
    outcome: &str,
) -> Option<(Vec<PathBuf>, Result<Organisation, UsageError>)> {
    open_counting(args, inputs, outcome).map(|(files, org, _)| (files, org))
}

/// [`open`], also saying how many warnings the files gave (`check
/// --strict` fails on them).
pub fn open_counting(
    args: &OrgArgs,
    inputs: &Inputs,
    outcome: &str,
) -> Option<(Vec<PathBuf>, Result<Organisation, UsageError>, usize)> {
    let Opened {
        diagnostics,
        files,
        org,
    } = inputs::open(inputs);
    let warnings = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count();
    // A closed stderr must not change what the command does or its exit
    // code. Buffered: one write for all the lines, not several a line.
    let _ = print_diagnostics(
        &diagnostics,
        args.quiet,
        std::io::BufWriter::new(std::io::stderr().lock()),
    );
    match org {
        Ok(org) => {
            fit_pool(&org);
            Some((files, Ok(org), warnings))
        }
        Err(Unopened::Refused(message)) => Some((files, Err(UsageError(message)), warnings)),
        Err(Unopened::Invalid { .. }) if !annotate::human_lines() => None,
        Err(Unopened::Invalid { errors }) => {
            let plural = if errors == 1 { "" } else { "s" };
            let path = args.org.display().to_string();
            let _ = writeln!(
                std::io::stderr(),
                "{}: {errors} error{plural}{outcome}",
                messages::place(&path, color::stderr())
            );
            None
        }
    }
}

/// Below this many matrix cells (people times skills) a command runs on
/// one thread: handing work to a second thread and waking it costs more
/// than the work (the shipped example, 32 people and 16 skills, runs
/// about 10 % faster on one; at 625 people and 20 skills the two are even).
const ONE_THREAD_BELOW: usize = 8_192;

/// Sizes rayon's pool for `org`: a small organisation runs on the calling
/// thread alone (no worker threads started at all); a larger one keeps the
/// default pool, one thread a core. Reading a file of more than one block
/// has already started the default pool, and this then changes nothing.
///
/// The calling thread becomes the one-thread pool's only worker, so rayon
/// may then be used from this thread alone: a job sent from another thread
/// would wait for a worker that never looks for it. The commands run on the
/// main thread, and their one other thread (`cleanup`'s signal handler)
/// does not use rayon.
fn fit_pool(org: &Organisation) {
    if org.people.len().saturating_mul(org.skills.len()) < ONE_THREAD_BELOW {
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .use_current_thread()
            .build_global();
    }
}

/// A `--unit` argument, normalised, when it names a unit with people or needs.
pub fn unit_arg(org: &Organisation, unit: Option<&str>) -> Result<Option<String>, UsageError> {
    unit.map(|u| {
        org.find_unit(u)
            .map_err(|e| UsageError::lookup("--unit", &e))
    })
    .transpose()
}

/// A `--person` argument as the person's index.
pub fn person_arg(org: &Organisation, id: Option<&str>) -> Result<Option<usize>, UsageError> {
    id.map(|p| {
        org.find_person(p)
            .map_err(|e| UsageError::lookup("--person", &e))
    })
    .transpose()
}

/// A `--role` argument as the role's index.
pub fn role_arg(org: &Organisation, id: Option<&str>) -> Result<Option<usize>, UsageError> {
    id.map(|r| {
        org.find_role(r)
            .map_err(|e| UsageError::lookup("--role", &e))
    })
    .transpose()
}

// The options every report command (`gap`, `plan`, `balance`) takes:
// which organisation, where and how the report goes, who to leave out.
// (A plain comment, as on `OrgArgs`.)
#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub org: OrgArgs,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub what_if: WhatIfArgs,

    #[command(flatten)]
    pub display: DisplayArgs,

    #[command(flatten)]
    pub privacy: privacy::PrivacyArgs,
}

impl ReportArgs {
    /// The organisation a report is about, `--without` applied, and the
    /// report's format; None when it is invalid (already reported, the
    /// closing line ending with `outcome`). The output path is checked
    /// before any work, and `gap` warns of key people (`warn_key_people`)
    /// before a format mistake can stop it, as it always has.
    pub fn load(
        &self,
        mix: Option<LearningMix>,
        outcome: &str,
        warn_key_people: bool,
    ) -> anyhow::Result<Option<(Organisation, Format)>> {
        let Some((files, org)) = open(&self.org, &self.inputs(mix)?, outcome) else {
            return Ok(None);
        };
        self.output.check(&files)?;
        let org = org?;
        display::set_data_language(org.language);
        if warn_key_people {
            self::warn_key_people(&org, &self.org);
        }
        let format = self.output.format()?;
        Ok(Some((org, format)))
    }

    /// What to open: [`OrgArgs::inputs`] with `--without` and, under
    /// `--pseudonymize`, the pseudonyms (a missing or short salt is a usage
    /// error, found before anything is read).
    pub fn inputs(&self, mix: Option<LearningMix>) -> Result<Inputs, UsageError> {
        Ok(Inputs {
            without: self.what_if.without.clone(),
            pseudonyms: self.privacy.pseudonyms()?,
            ..self.org.inputs(mix)
        })
    }

    /// Writes `report` in `format` where `--output` says, styled as
    /// `--lang`, `--wide`, `--width` and `--color` say: the one place a
    /// report leaves the cli.
    pub fn emit<R: Render>(&self, report: &R, format: Format) -> anyhow::Result<()> {
        let style = self.display.style(&self.output);
        self.output
            .write_with(|out: &mut dyn Write| render::render(report, format, style, out))
    }
}

/// Refuses, before any work, a format the report `R` is not written in
/// ([`Render::formats`]); `refusal` words it from the formats' names
/// (`csv` once, in either dialect).
pub fn check_format<R: Render>(
    format: Format,
    refusal: impl FnOnce(&[String]) -> String,
) -> Result<(), UsageError> {
    if R::formats().contains(&format) {
        return Ok(());
    }
    let mut names: Vec<String> = Vec::new();
    for name in R::formats().iter().map(Format::to_string) {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    Err(UsageError(refusal(&names)))
}

/// "a, b and c" (`and`) or "a, b or c".
pub fn listed(names: &[String], and: &str) -> String {
    match names.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {and} {last}", rest.join(", ")),
        None => String::new(),
    }
}

// The what-if option of `gap`, `balance` and `plan` (applied by
// `inputs::open`). (A plain comment, as on `OrgArgs`.)
#[derive(Debug, Args)]
pub struct WhatIfArgs {
    /// Recompute as if these people had left. Repeat it, or give a comma list; a value that is exactly one person's id is taken whole, so an id with a comma goes alone: --without "smith, j"
    #[arg(long, value_name = "PERSON[,PERSON...]")]
    pub without: Vec<String>,
}

/// Warns, like any other warning, of each skill held by 0 or 1 person at
/// the highest level any need or role requires of it.
pub fn warn_key_people(org: &Organisation, args: &OrgArgs) {
    // Finding key people costs a pass over everyone: skip it when quiet.
    if args.quiet {
        return;
    }
    let path = args.org.display().to_string();
    let warnings: Vec<Diagnostic> = crate::analysis::balance::key_people(org)
        .iter()
        .filter_map(|k| k.warning(&path))
        .collect();
    // A closed stderr must not change what the command does or its exit code.
    let _ = print_diagnostics(&warnings, args.quiet, std::io::stderr().lock());
}

/// Parses the command line; clap's own help and errors are coloured as
/// `--color` says, which is why it is looked for before clap parses.
pub fn parse() -> Cli {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let choice = color::scan(&args).unwrap_or_default();
    let mut command = Cli::command().color(color::clap_choice(choice));
    // Parsed in place, not on a clone: the tree of every subcommand's
    // arguments is a fifth of a short run's start-up.
    let matches = match command.try_get_matches_from_mut(&args) {
        Ok(matches) => matches,
        Err(e) => usage_exit(e, &args),
    };
    let cli = Cli::from_arg_matches(&matches)
        .unwrap_or_else(|e| usage_exit(e.format(&mut command), &args));
    // Needed no more, and freeing it node by node would cost as much again.
    std::mem::forget(command);
    cli
}

/// Ends the run on clap's error: help and version as clap prints them, a
/// usage error (exit 2) in the shape `--diagnostics` asks for (issue 30:
/// one shape for every error).
fn usage_exit(e: clap::Error, args: &[std::ffi::OsString]) -> ! {
    use clap::error::ErrorKind;
    let machine = matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    )
    .then_some(None)
    .unwrap_or_else(|| {
        annotate::scan(args).and_then(|f| annotate::usage_error(f, &e.render().to_string()))
    });
    match machine {
        Some(line) => {
            let _ = writeln!(std::io::stderr(), "{line}");
            std::process::exit(2)
        }
        None => e.exit(),
    }
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<Status> {
    color::set(cli.color);
    annotate::set_lang(&std::env::args_os().collect::<Vec<_>>());
    match annotate::choose(cli.diagnostics) {
        Ok(format) => annotate::set(format, cli.diagnostics_output.clone()),
        Err(message) => return Err(UsageError(message).into()),
    }
    match cli.command {
        Command::Gap(args) => gap::run(&args),
        Command::Plan(args) => plan::run(&args),
        Command::Balance(args) => balance::run(&args),
        Command::Report(args) => report::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Progress(args) => progress::run(&args),
        Command::Market(args) => market::run(&args),
        Command::Who(args) => who::run(&args),
        Command::Matrix(args) => matrix::run(&args),
        Command::Survey(args) => survey::run(&args),
        Command::Init(args) => init::run(&args),
        Command::Schema(args) => schema::run(&args),
        Command::Completions(args) => completions::run(&args),
        Command::Man(args) => man::run(&args),
    }
}
