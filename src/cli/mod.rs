//! The command line: clap definitions (one file per subcommand) and the IO
//! choices they share (which organisation, reference date, output path and
//! format). Subcommands return an exit status; `main` maps errors to codes.

pub mod balance;
pub mod check;
pub mod gap;
pub mod output;
pub mod plan;

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::load::{self, LoadOptions, Loaded};
use crate::model::{Date, LearningMix, Organisation, Priority};
use crate::validate::{Diagnostic, Severity};

/// kompetanse: competence gap analysis (kompetansegap og kompetansesaldo).
///
/// Reads an organisation's needs (org.toml) and its people's assessed levels
/// (CSV), and reports what is missing, who can be developed, what must be
/// recruited, and the development effort split by the learning mix.
#[derive(Debug, Parser)]
#[command(name = "kompetanse", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Report the organisation's competence gaps: need by need, who to develop, what to recruit.
    Gap(gap::GapArgs),
    /// Development plans per person, split by the learning mix, with activities and recruitment.
    Plan(plan::PlanArgs),
    /// The competence balance: people at each level per skill, freshness, key-person risk.
    Balance(balance::BalanceArgs),
    /// Validate an organisation and its profile files without reporting.
    Check(check::CheckArgs),
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

/// A usage mistake found after parsing (exit 2), e.g. an unknown `--unit`.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// Options every command that reads an organisation takes.
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
}

pub fn parse_date_arg(text: &str) -> Result<Date, String> {
    load::org::parse_date(text).ok_or_else(|| format!("'{text}' is not a date like 2026-11-26"))
}

pub fn parse_priority_arg(text: &str) -> Result<Priority, String> {
    Priority::parse(text)
        .ok_or_else(|| format!("'{text}' is not a priority: use critical, high, medium or low"))
}

pub fn parse_mix_arg(text: &str) -> Result<LearningMix, String> {
    LearningMix::parse(text)
}

/// Prints diagnostics to `err`, warnings only unless `quiet`.
pub fn print_diagnostics(
    diagnostics: &[Diagnostic],
    quiet: bool,
    mut err: impl Write,
) -> std::io::Result<()> {
    for d in diagnostics {
        if quiet && d.severity == Severity::Warning {
            continue;
        }
        writeln!(err, "{d}")?;
    }
    Ok(())
}

/// Loads the organisation and prints its diagnostics; None when it is
/// invalid, after a closing line that ends with `outcome` (what was not done).
pub fn load_org(
    args: &OrgArgs,
    mix: Option<LearningMix>,
    outcome: &str,
) -> std::io::Result<Option<Organisation>> {
    let Loaded { org, diagnostics } = load::load(
        &args.org,
        &LoadOptions {
            as_of: args.as_of,
            mix,
        },
    );
    // A closed stderr must not change what the command does or its exit code.
    let _ = print_diagnostics(&diagnostics, args.quiet, std::io::stderr().lock());
    if org.is_none() {
        let errors = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        let plural = if errors == 1 { "" } else { "s" };
        let _ = writeln!(
            std::io::stderr(),
            "{}: {errors} error{plural}{outcome}",
            args.org.display()
        );
    }
    Ok(org)
}

/// Checks a `--unit` argument names a unit that has people or needs.
pub fn check_unit(org: &Organisation, unit: &str) -> Result<String, UsageError> {
    let normalised = load::org::normalise_unit(unit).ok_or_else(|| {
        UsageError(format!(
            "--unit '{unit}' is not a unit path like it/platform"
        ))
    })?;
    let known = org.unit_has_people(&normalised)
        || org.needs.iter().any(|n| {
            n.unit
                .as_deref()
                .is_some_and(|u| crate::model::unit_within(u, &normalised))
        });
    if known {
        return Ok(normalised);
    }
    // Only units someone is in (after --without) are worth suggesting.
    let mut units: Vec<&str> = org
        .units
        .iter()
        .map(String::as_str)
        .filter(|u| org.unit_has_people(u))
        .collect();
    units.extend(org.needs.iter().filter_map(|n| n.unit.as_deref()));
    let hint = crate::validate::did_you_mean(&normalised, units);
    Err(UsageError(format!(
        "--unit '{normalised}': no person or need is in that unit{hint}"
    )))
}

/// Finds a `--person` by id, or says which ids are close.
pub fn find_person(org: &Organisation, id: &str) -> Result<usize, UsageError> {
    org.people.find(id).ok_or_else(|| {
        let hint = if org.people.len() <= crate::load::long::SUGGEST_PEOPLE_LIMIT {
            crate::validate::did_you_mean(id, org.people.ids())
        } else {
            String::new()
        };
        UsageError(format!("--person '{id}': no such person{hint}"))
    })
}

/// The what-if option of `gap`, `balance` and `plan`.
#[derive(Debug, Args)]
pub struct WhatIfArgs {
    /// Recompute as if these people had left (comma-separated ids)
    #[arg(long, value_name = "PERSON[,PERSON...]", value_delimiter = ',')]
    pub without: Vec<String>,
}

impl WhatIfArgs {
    /// The organisation without the `--without` people; every unknown id is
    /// an error (all of them named, with suggestions).
    pub fn apply(&self, org: Organisation) -> Result<Organisation, UsageError> {
        if self.without.is_empty() {
            return Ok(org);
        }
        let mut leaving = Vec::new();
        let mut unknown = Vec::new();
        for id in self
            .without
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
        {
            match find_person(&org, id) {
                Ok(p) => leaving.push(p),
                Err(e) => unknown.push(e.0.replacen("--person", "--without", 1)),
            }
        }
        if !unknown.is_empty() {
            return Err(UsageError(unknown.join("\nerror: ")));
        }
        Ok(org.without(&leaving))
    }
}

/// Prints a warning line for each skill held by 0 or 1 person at the highest
/// level any need or role requires of it.
pub fn warn_key_people(org: &Organisation, args: &OrgArgs) {
    if args.quiet {
        return;
    }
    for k in crate::analysis::balance::key_people(org)
        .iter()
        .filter(|k| k.risk)
    {
        let who = match k.people.first() {
            Some(p) => format!("only '{p}' holds"),
            None => "nobody holds".to_string(),
        };
        let _ = writeln!(
            std::io::stderr(),
            "{}: warning: key-person risk: {who} '{}' at level {} or above",
            args.org.display(),
            k.skill,
            k.level
        );
    }
}

/// Finds a `--role` by id, or says which ids are close.
pub fn find_role(org: &Organisation, id: &str) -> Result<usize, UsageError> {
    org.role_index(id).ok_or_else(|| {
        let hint = crate::validate::did_you_mean(id, org.roles.iter().map(|r| r.id.as_str()));
        UsageError(format!("--role '{id}': no such role{hint}"))
    })
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<Status> {
    match cli.command {
        Command::Gap(args) => gap::run(&args),
        Command::Plan(args) => plan::run(&args),
        Command::Balance(args) => balance::run(&args),
        Command::Check(args) => check::run(&args),
    }
}
