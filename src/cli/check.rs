//! `kompetanse check ORG`: validate only. Prints every problem, or one line
//! saying the organisation is valid, with its counts. `--strict` makes
//! warnings fail it too (exit 2, for CI); `--pseudonymize` keeps person ids
//! out of a CI log (issue 30).

use std::io::Write;

use clap::Args;

use crate::cli::privacy::PrivacyArgs;
use crate::cli::{OrgArgs, Status, annotate, color, messages, open_counting};
use crate::inputs::Inputs;

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub org: OrgArgs,

    /// Treat warnings as errors: exit 2 when there is any (they are printed, also with --quiet)
    #[arg(long)]
    pub strict: bool,

    /// Replace person ids and names in every message with keyed pseudonyms (p-...); needs --salt or KOMPETANSE_SALT
    #[arg(long)]
    pub pseudonymize: bool,

    /// The secret key of --pseudonymize, at least 16 characters (prefer KOMPETANSE_SALT: a command line is visible to others)
    #[arg(long, value_name = "SECRET", requires = "pseudonymize")]
    pub salt: Option<String>,
}

pub fn run(args: &CheckArgs) -> anyhow::Result<Status> {
    let privacy = PrivacyArgs {
        pseudonymize: args.pseudonymize,
        salt: args.salt.clone(),
        ..PrivacyArgs::default()
    };
    let inputs = Inputs {
        pseudonyms: privacy.pseudonyms()?,
        ..args.org.inputs(None)
    };
    // --strict shows the warnings that fail it, whatever --quiet says.
    let shown = OrgArgs {
        org: args.org.org.clone(),
        as_of: args.org.as_of,
        quiet: args.org.quiet && !args.strict,
        allow_outside: args.org.allow_outside,
    };
    let Some((_, org, warnings)) = open_counting(&shown, &inputs, "") else {
        return Ok(Status::Invalid);
    };
    // Without --without there is nothing to refuse.
    let org = org?;
    if args.strict && warnings > 0 {
        if annotate::human_lines() {
            let plural = if warnings == 1 { "" } else { "s" };
            let path = args.org.org.display().to_string();
            let _ = writeln!(
                std::io::stderr(),
                "{}: {warnings} warning{plural}, errors under --strict",
                messages::place(&path, color::stderr())
            );
        }
        return Ok(Status::Invalid);
    }
    let expired = if org.expired.is_empty() {
        String::new()
    } else {
        format!(" ({} expired)", org.expired.len())
    };
    let people = people(&org);
    // FORMAT r3 "Activity log": said only when there is one, so that the
    // line of an organisation without a log stays as it was.
    let logged = org.log.as_ref().map_or(String::new(), |log| {
        format!(
            ", {}",
            counted(log.entries.len(), "activity logged", "activities logged")
        )
    });
    crate::cli::output::to_stdout(|out| {
        writeln!(
            out,
            "{}: valid: {}, {}, {}, {people}, {}{expired}{logged}",
            crate::render::formats::terminal::visible(&args.org.org.display().to_string()),
            counted(org.skills.len(), "skill", "skills"),
            counted(org.roles.len(), "role", "roles"),
            counted(org.needs.len(), "need", "needs"),
            counted(org.assessment_rows, "assessment", "assessments"),
        )
    })?;
    Ok(Status::Done)
}

/// The people counted as the reports count them (FORMAT.md r2 "Present"):
/// those present at D, and how many of the rest have left or start later.
fn people(org: &crate::model::Organisation) -> String {
    let d = org.as_of;
    let (mut left, mut later) = (0, 0);
    for p in 0..org.people.len() {
        let terms = org.people.terms(p);
        if terms.leaves.is_some_and(|l| l < d) {
            left += 1;
        } else if terms.starts.is_some_and(|s| s > d) {
            later += 1;
        }
    }
    let present = org.people.len() - left - later;
    let counted = counted(present, "person", "people");
    if left + later == 0 {
        return counted;
    }
    let mut rest = Vec::new();
    if left > 0 {
        rest.push(format!(
            "{left} {} left",
            if left == 1 { "has" } else { "have" }
        ));
    }
    if later > 0 {
        rest.push(format!(
            "{later} {} later",
            if later == 1 { "starts" } else { "start" }
        ));
    }
    format!("{counted} present on {d} ({})", rest.join(", "))
}

/// "1 role", "2 roles": a count with its noun.
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
