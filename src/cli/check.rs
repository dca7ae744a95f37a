//! `kompetanse check ORG`: validate only. Prints every problem, or one line
//! saying the organisation is valid, with its counts.

use clap::Args;

use crate::cli::{OrgArgs, Status, load_org};

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub org: OrgArgs,
}

pub fn run(args: &CheckArgs) -> anyhow::Result<Status> {
    let Some(org) = load_org(&args.org, None, "")? else {
        return Ok(Status::Invalid);
    };
    let expired = if org.expired.is_empty() {
        String::new()
    } else {
        format!(" ({} expired)", org.expired.len())
    };
    crate::cli::output::to_stdout(|out| {
        writeln!(
            out,
            "{}: valid: {}, {}, {}, {}, {}{expired}",
            crate::render::formats::terminal::visible(&args.org.org.display().to_string()),
            counted(org.skills.len(), "skill", "skills"),
            counted(org.roles.len(), "role", "roles"),
            counted(org.needs.len(), "need", "needs"),
            counted(org.people.len(), "person", "people"),
            counted(org.assessment_rows, "assessment", "assessments"),
        )
    })?;
    Ok(Status::Done)
}

/// "1 role", "2 roles": a count with its noun.
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
