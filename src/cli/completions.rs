//! `kompetanse completions SHELL`: a completion script for bash, zsh,
//! fish, elvish or PowerShell on stdout, generated from the same clap
//! definitions that parse the command line, so it never falls behind.

use clap::{Args, CommandFactory};
use clap_complete::Shell;

use crate::cli::{Cli, Status};

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: Shell,
}

/// The script for `shell`, whole. clap_complete panics when its writer
/// fails, so it writes to memory and stdout gets the finished script.
pub fn script(shell: Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "kompetanse", &mut out);
    out
}

pub fn run(args: &CompletionsArgs) -> anyhow::Result<Status> {
    let script = script(args.shell);
    crate::cli::output::to_stdout(|out| out.write_all(&script))?;
    Ok(Status::Done)
}
