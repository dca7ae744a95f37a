//! The binary: parse arguments, run, and map the outcome to an exit code
//! (0 done, 1 `--fail-on` tripped, 2 bad usage or invalid input). A closed
//! stdout (`kompetanse gap org.toml | head`) is not an error (the commands
//! see to that); a closed stderr changes nothing.

use std::io::Write;
use std::process::ExitCode;

use kompetanse::cli::{self, Status};

fn main() -> ExitCode {
    let cli = cli::parse();
    let code = match cli::run(cli) {
        Ok(Status::Done) => ExitCode::SUCCESS,
        Ok(Status::Failed) => ExitCode::from(1),
        Ok(Status::Invalid) => ExitCode::from(2),
        Err(e) => {
            // Errors quote arguments and file content: control characters
            // are shown escaped, line by line (several errors are lines),
            // in the shape --diagnostics asks for.
            let path = e.downcast_ref::<cli::FileError>().map(|f| f.path.as_path());
            let line = cli::annotate::fatal(&format!("{e:#}"), path);
            let _ = writeln!(std::io::stderr(), "{line}");
            ExitCode::from(2)
        }
    };
    if let Err(e) = cli::annotate::finish() {
        let _ = writeln!(
            std::io::stderr(),
            "error: cannot write the code-quality report: {e}"
        );
        return ExitCode::from(2);
    }
    code
}
