//! `kompetanse man [--out-dir DIR]`: manual pages in roff, generated from
//! the clap definitions (clap_mangen) with the sections clap does not know:
//! a longer DESCRIPTION, EXIT STATUS, ENVIRONMENT and SEE ALSO. Without
//! `--out-dir` the main page goes to stdout; with it, one page per command
//! (`kompetanse.1`, `kompetanse-gap.1`, ...), each file written whole or
//! not at all.
//!
//! The words of those sections are here, once, for every page; what an
//! option means stays in its doc comment, which `--help` shows too.

use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, Command, CommandFactory};
use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, italic, roman};

use crate::cli::{Cli, Status};

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write kompetanse.1 and a page per command (kompetanse-gap.1, ...) into this folder (made if missing) instead of the main page to stdout
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
}

/// The main page's DESCRIPTION: what the tool is for and the conventions a
/// script relies on. Paragraphs are separated by a blank line.
const DESCRIPTION: &str = "\
kompetanse compares what an organisation needs (org.toml: skills, roles and \
needs, each need a number of people at a level by a date) with its people's \
assessed levels (CSV or XLSX matrices), and reports what is missing, who can \
be developed, what must be recruited, and the development effort split by \
the learning mix (70-20-10: experience, social, formal).

Every command that reads an organisation validates it first. Every problem \
is reported, one per line on standard error, as PATH:LINE: error: MESSAGE; \
warnings read PATH:LINE: warning: MESSAGE and do not change the exit status.

Standard output carries only the report, so it can be piped or redirected; \
diagnostics always go to standard error. --quiet drops warnings (never \
errors). Reports are written as a table (for a terminal), JSON or CSV (the \
stable formats for scripts), Markdown, XLSX or HTML; -o PATH writes a file, \
whole or not at all, and never over an input.

Colour follows --color auto|always|never: auto colours a terminal only, \
unless NO_COLOR is set. Machine formats and files are never coloured.";

/// EXIT STATUS, as FORMAT.md \"Exit codes\" has it.
const EXIT_STATUS: [(&str, &str); 3] = [
    (
        "0",
        "The command did its job. Warnings do not change the status.",
    ),
    (
        "1",
        "--fail-on PRIORITY was given and a need at that priority or higher has a shortfall; \
         or --fail-on-regression was given and a need fell behind its baseline.",
    ),
    (
        "2",
        "Bad usage or invalid input: the problems are on standard error, and no report or \
         file was written.",
    ),
];

/// ENVIRONMENT: every variable the tool reads.
const ENVIRONMENT: [(&str, &str); 6] = [
    (
        "KOMPETANSE_LANG",
        "The language of table, Markdown, HTML and XLSX labels: nb (Norwegian bokm\u{e5}l) or \
         en. Overrides the locale; --lang overrides both. JSON and CSV are the same in every \
         language.",
    ),
    (
        "LC_ALL, LC_MESSAGES, LANG",
        "The locale, when KOMPETANSE_LANG is not set: the first of them that is set and not \
         empty decides; one starting with nb, nn or no gives Norwegian, anything else English.",
    ),
    (
        "COLUMNS",
        "The width tables fit on a terminal (else the terminal's own). Piped tables keep every \
         column unless --width is given.",
    ),
    (
        "NO_COLOR",
        "When set and not empty, --color auto does not colour (https://no-color.org). \
         --color always still does.",
    ),
    (
        "CLICOLOR_FORCE",
        "When set and not 0, --color auto colours also when output is piped (NO_COLOR wins).",
    ),
    ("TERM", "When dumb, --color auto does not colour."),
];

/// Each command's page DESCRIPTION, longer than its one-line `--help`
/// (which stays short); paragraphs separated by a blank line.
const COMMANDS: [(&str, &str); 14] = [
    (
        "gap",
        "Compares each need (a number of people at a level in a scope, by a date) with the \
         people who hold the skill: have, shortfall and coverage, who can be developed (from \
         which level, in how many hours) and how many must be recruited.

--by person compares each person with their role instead; --by unit, skill or driver adds \
         the needs up. --fail-on PRIORITY exits 1 while a need at that priority or higher \
         is short, which stops a CI job.

--baseline FILE compares with an earlier gap --format json of the same organisation: \
         per need the earlier have, shortfall, renewals and coverage and the change, new and \
         removed needs, and a summary line; --fail-on-regression exits 1 when a need's \
         coverage fell or its shortfall grew. --format markdown then makes a pull-request \
         comment with the changed needs first.",
    ),
    (
        "plan",
        "One development plan per person: the goals from their role's gaps and the \
         organisation's needs merged, each split into experience, social and formal learning \
         by the learning mix, with activities and someone to learn from; then the \
         organisation's totals and what must be recruited. --person, --unit and --mentor \
         narrow it.",
    ),
    (
        "balance",
        "The competence balance (kompetansesaldo): per skill, how many people are at each \
         level, how fresh the assessments are, which certificates expire within --expiring \
         days, key-person risk (a skill held at the level needed by one person or none), \
         self and manager levels far apart, and who is due for reassessment. \
         --by unit gives the same per unit. --baseline FILE compares people per level per \
         skill with an earlier balance --format json; --fail-on-regression exits 1 when fewer \
         people stand at or above some level of a skill.",
    ),
    (
        "report",
        "One self-contained HTML page for a browser or an attachment: summary, coverage \
         heatmap, learning mix, gaps, balance, recruitment and plan totals. -f json writes the \
         same report as one JSON value, -f xlsx as a workbook; --since DATE adds a \
         before/after section to the page. --person ID writes one person's own page instead \
         (My competence: levels, role gaps, the needs that concern them, goals with mentor \
         and activities, wishes and mentees; nobody else is named).",
    ),
    (
        "check",
        "Loads and validates the organisation and every file it names without reporting: \
         every problem on standard error, or, when it is valid, one line with its counts on \
         standard output. Exit 0 when valid, 2 when not: the first step of a CI job.",
    ),
    (
        "progress",
        "The organisation at --since DATE and at the reference date, from the same files: \
         coverage per need, people at each level per skill, who moved up or down, and the \
         levels gained by unit and by driver.",
    ),
    (
        "market",
        "The competence marketplace (kompetansetorg): per skill, who wants to learn it and who \
         can teach it, with the goals each teacher already mentors in the plans.",
    ),
    (
        "survey",
        "Writes an assessment round's forms (kartlegging) into the folder -o DIR: one Excel \
         workbook per person present at the reference date, named after their id, with a row \
         per skill their role, a need or their own assessments and interests make matter: \
         the skill's name and description, the current level and the target, and drop-downs \
         for the new level and interest. Returned forms are read as they are: name them in \
         [profiles] assessments, for example \"svar/*.xlsx\". --due writes forms only for \
         people due for reassessment, with only those skills; --unit and --person narrow the \
         round, --lang nb writes the forms in Norwegian. A folder that holds other files is \
         refused unless --force, and input files are never replaced.",
    ),
    (
        "init",
        "Writes a small, commented starter organisation into DIR (default: the current \
         folder): org.toml with every section explained, a people file, an assessments matrix \
         (CSV, or an Excel workbook with --xlsx) and org.schema.json for editors. --lang nb \
         writes it in Norwegian: level names, column names, dd.mm.yyyy dates and the \
         activity catalogue. It never overwrites: if any of the files exists, nothing is \
         written and the exit status is 2.",
    ),
    (
        "schema",
        "Prints a JSON Schema (draft-07) of org.toml with a description of every key. Put \
         it next to org.toml (schema -o org.schema.json) and start org.toml with the line \
         #:schema ./org.schema.json: Even Better TOML and taplo then complete keys and mark \
         misspelt ones while you type.",
    ),
    (
        "completions",
        "Prints a completion script for SHELL on standard output. To install it:

bash: kompetanse completions bash > ~/.local/share/bash-completion/completions/kompetanse

zsh: kompetanse completions zsh > ~/.zfunc/_kompetanse, with fpath+=(~/.zfunc) before \
         compinit in ~/.zshrc

fish: kompetanse completions fish > ~/.config/fish/completions/kompetanse.fish

elvish: eval (kompetanse completions elvish | slurp), in ~/.config/elvish/rc.elv

PowerShell: kompetanse completions powershell | Out-String | Invoke-Expression, in $PROFILE",
    ),
    (
        "man",
        "Prints this manual's main page, kompetanse.1, on standard output. With --out-dir DIR \
         it writes that page and one per command (kompetanse-gap.1, ...) into DIR, each file \
         whole or not at all: kompetanse man --out-dir ~/.local/share/man/man1 and then man \
         kompetanse-gap.",
    ),
    (
        "who",
        "Who knows what (the CV base): the people present at the reference date who meet \
         every criterion SKILL>=LEVEL (a skill id or name, a level number or name), with \
         their unit, role, the levels in question, when assessed, expiry, interest, how many \
         goals they mentor and their last day if they are leaving. --unit and --role narrow \
         it; every format.",
    ),
    (
        "matrix",
        "The competence matrix (kompetansematrise): the people present at the reference date \
         as rows, skills as columns, each cell the current level against the target of the \
         person's role: below, at or above it, or no target; stale and soon expiring levels \
         are marked. --unit (with the units below it), --role and --skills (ids or names, \
         comma-separated) narrow it; every format, the workbook with the targets beside it \
         and the cells coloured against them.",
    ),
];

/// The root command as the pages describe it: built (so each subcommand
/// knows its page name, `kompetanse-gap`), without clap's `help` command.
fn root() -> Command {
    let mut cmd = Cli::command()
        .disable_help_subcommand(true)
        .long_about(DESCRIPTION);
    for (name, text) in COMMANDS {
        cmd = cmd.mut_subcommand(name, |c| c.long_about(text));
    }
    cmd.build();
    cmd
}

/// A page: clap_mangen's sections, then ours; `is_main` for
/// `kompetanse.1`. A page carries no date, so it is the same on every build.
fn page(cmd: Command, is_main: bool, out: &mut dyn Write) -> io::Result<()> {
    let mut text = Vec::new();
    let w: &mut dyn Write = &mut text;
    let title = cmd
        .get_display_name()
        .unwrap_or_else(|| cmd.get_name())
        .to_uppercase();
    let has_options = cmd.get_arguments().any(|a| !a.is_hide_set());
    let has_version = cmd.get_version().is_some();
    // Every page's footer names the tool and its version (a command's
    // page would otherwise say only "gap").
    let man = Man::new(cmd)
        .title(title)
        .manual("User Commands")
        .source(format!("kompetanse {}", env!("CARGO_PKG_VERSION")));
    man.render_title(w)?;
    // Paths and options read whole: no hyphenation breaks one in two, and
    // lines are left-aligned rather than stretched around a long path.
    Roff::new()
        .control("nh", [])
        .control("ad", ["l"])
        .to_writer(w)?;
    man.render_name_section(w)?;
    man.render_synopsis_section(w)?;
    man.render_description_section(w)?;
    if has_options {
        man.render_options_section(w)?;
    }
    if is_main {
        man.render_subcommands_section(w)?;
    }
    let mut roff = Roff::new();
    definitions(&mut roff, "EXIT STATUS", &EXIT_STATUS);
    definitions(&mut roff, "ENVIRONMENT", &ENVIRONMENT);
    roff.control("SH", ["SEE ALSO"]);
    let refs = if is_main {
        vec![
            roman("One page per command: "),
            bold("kompetanse-"),
            italic("command"),
            roman("(1), e.g. "),
            bold("kompetanse-gap"),
            roman("(1). The file formats and reports: docs/format.md."),
        ]
    } else {
        vec![
            bold("kompetanse"),
            roman("(1) for every command; the file formats and reports: docs/format.md."),
        ]
    };
    roff.text(refs);
    roff.to_writer(w)?;
    if has_version {
        man.render_version_section(w)?;
    }
    out.write_all(ascii(&String::from_utf8_lossy(&text)).as_bytes())
}

/// Roff with every character beyond ASCII written as groff's `\[uXXXX]`:
/// groff reads a page as Latin-1 unless told otherwise, so `bokmål` would
/// read `bokmÃ¥l`; the escape reads right in groff, mandoc and man.
fn ascii(roff: &str) -> String {
    let mut out = String::with_capacity(roff.len());
    for c in roff.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            out.push_str(&format!("\\[u{:04X}]", u32::from(c)));
        }
    }
    out
}

/// A section of tagged paragraphs: each term bold, its meaning under it.
fn definitions(roff: &mut Roff, heading: &str, items: &[(&str, &str)]) {
    roff.control("SH", [heading]);
    for (term, meaning) in items {
        roff.control("TP", []);
        roff.text([bold(*term)]);
        roff.text([roman(*meaning)]);
    }
}

/// The main page, `kompetanse.1`.
pub fn main_page(w: &mut dyn Write) -> io::Result<()> {
    page(root(), true, w)
}

/// Every page: its file name and its text, the main page first.
pub fn pages() -> io::Result<Vec<(String, Vec<u8>)>> {
    let root = root();
    let mut text = Vec::new();
    page(root.clone(), true, &mut text)?;
    let mut out = vec![("kompetanse.1".to_string(), text)];
    for sub in root.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = sub.get_display_name().unwrap_or(sub.get_name()).to_string();
        let mut text = Vec::new();
        page(sub.clone(), false, &mut text)?;
        out.push((format!("{name}.1"), text));
    }
    Ok(out)
}

pub fn run(args: &ManArgs) -> anyhow::Result<Status> {
    let Some(dir) = &args.out_dir else {
        let mut text = Vec::new();
        main_page(&mut text)?;
        crate::cli::output::to_stdout(|out| out.write_all(&text))?;
        return Ok(Status::Done);
    };
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot make the folder '{}'", dir.display()))?;
    for (name, text) in pages()? {
        crate::cli::output::write_atomically(&dir.join(name), |out| out.write_all(&text))?;
    }
    Ok(Status::Done)
}

#[cfg(test)]
mod tests {
    use super::{COMMANDS, ascii};
    use clap::CommandFactory;

    #[test]
    fn every_command_has_a_page_description() {
        let names: Vec<String> = crate::cli::Cli::command()
            .get_subcommands()
            .map(|c| c.get_name().to_string())
            .collect();
        let described: Vec<String> = COMMANDS.iter().map(|(n, _)| n.to_string()).collect();
        assert_eq!(
            names, described,
            "COMMANDS lists every subcommand, in order"
        );
    }

    #[test]
    fn characters_beyond_ascii_are_escaped() {
        assert_eq!(ascii("bokm\u{e5}l"), "bokm\\[u00E5]l");
        assert_eq!(ascii("\u{1F600}"), "\\[u1F600]");
        assert_eq!(ascii("plain \\-\\-x"), "plain \\-\\-x");
    }
}
