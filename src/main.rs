//! The binary: parse arguments, run, and map the outcome to an exit code
//! (0 done, 1 `--fail-on` tripped, 2 bad usage or invalid input). A closed
//! stdout (`kompetanse gap org.toml | head`) is not an error (the commands
//! see to that); a closed stderr changes nothing.

use std::io::Write;
use std::process::ExitCode;

use kompetanse::cli::{self, Status};

fn main() -> ExitCode {
    let cli = cli::parse();
    match cli::run(cli) {
        Ok(Status::Done) => ExitCode::SUCCESS,
        Ok(Status::Failed) => ExitCode::from(1),
        Ok(Status::Invalid) => ExitCode::from(2),
        Err(e) => {
            // Errors quote arguments and file content: control characters
            // are shown escaped, line by line (several errors are lines).
            let line = cli::messages::error(&format!("{e:#}"), cli::color::stderr());
            let _ = writeln!(std::io::stderr(), "{line}");
            ExitCode::from(2)
        }
    }
}
