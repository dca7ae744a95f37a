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
            "{}: valid: {} skills, {} roles, {} needs, {} people, {} assessments{expired}",
            args.org.org.display(),
            org.skills.len(),
            org.roles.len(),
            org.needs.len(),
            org.people.len(),
            org.assessment_rows,
        )
    })?;
    Ok(Status::Done)
}
