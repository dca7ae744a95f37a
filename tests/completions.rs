//! `kompetanse completions SHELL` and `kompetanse man` (issue 12): every
//! shell gets a script naming the commands and their options, and the
//! scripts load in the shells installed here; the manual pages carry their
//! sections and render without a warning where groff or man is installed.
//! A missing shell or formatter skips its part with a message saying so
//! (.ci/run installs them: zsh, fish, groff-base, man-db).

#[path = "common/tool.rs"]
mod tool;

use std::path::Path;
use std::process::{Command, Output};

use assert_cmd::cargo::CommandCargoExt;

fn kompetanse(args: &[&str]) -> Output {
    Command::cargo_bin("kompetanse")
        .expect("the binary")
        .args(args)
        .env("KOMPETANSE_LANG", "en")
        .output()
        .expect("run kompetanse")
}

fn stdout(args: &[&str]) -> String {
    let out = kompetanse(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty(), "{args:?} wrote to stderr");
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// Whether a program can be run here (`PROGRAM --version` or similar starts).
fn installed(program: &str) -> bool {
    Command::new(program).arg("--version").output().is_ok()
}

/// Shells whose completion scripts are generated but that CI cannot
/// install (they are not in Debian's archive).
const NOT_IN_DEBIAN: [&str; 2] = ["elvish", "pwsh"];

const SHELLS: [&str; 5] = ["bash", "zsh", "fish", "elvish", "powershell"];

#[test]
fn every_shell_gets_a_script_naming_commands_and_options() {
    for shell in SHELLS {
        let script = stdout(&["completions", shell]);
        assert!(script.len() > 1000, "{shell}: {} bytes", script.len());
        for word in [
            "kompetanse",
            "gap",
            "plan",
            "balance",
            "market",
            "man",
            "--as-of",
            "--fail-on",
            "--color",
        ] {
            // fish names a long option without its dashes: `-l as-of`.
            let word = match (shell, word.strip_prefix("--")) {
                ("fish", Some(long)) => format!("-l {long}"),
                _ => word.to_string(),
            };
            assert!(script.contains(&word), "{shell} script lacks {word}");
        }
    }
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    let out = kompetanse(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("possible values"), "{err}");
}

/// Loads `script` in `program` with `args` (the script's path last, or
/// in place of `{}`); the shell must exit 0 with nothing on stderr.
fn loads(program: &str, args: &[&str], script: &str) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = dir.path().join("kompetanse.completion");
    std::fs::write(&file, script).expect("write the script");
    let file = file.display().to_string();
    let args: Vec<String> = args.iter().map(|a| a.replace("{}", &file)).collect();
    let out = Command::new(program)
        .args(&args)
        .output()
        .expect("run the shell");
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "{program} could not load the script: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn bash_loads_its_script_and_completes_kompetanse() {
    let script = stdout(&["completions", "bash"]);
    // `complete -p` fails unless the script registered a completion.
    loads(
        "bash",
        &[
            "--norc",
            "--noprofile",
            "-c",
            "source '{}' && complete -p kompetanse",
        ],
        &script,
    );
}

#[test]
fn zsh_fish_elvish_and_powershell_load_their_scripts_where_installed() {
    let cases: [(&str, &str, &[&str]); 4] = [
        // compdef needs the completion system initialised first.
        (
            "zsh",
            "zsh",
            &[
                "-f",
                "-c",
                "autoload -Uz compinit && compinit -u -D && source '{}'",
            ],
        ),
        ("fish", "fish", &["--no-config", "-c", "source '{}'"]),
        // Its completer lives in the interactive editor: compile only.
        ("elvish", "elvish", &["-norc", "-compileonly", "{}"]),
        (
            "powershell",
            "pwsh",
            &["-NoProfile", "-NonInteractive", "-Command", ". '{}'"],
        ),
    ];
    for (shell, program, args) in cases {
        if NOT_IN_DEBIAN.contains(&program) {
            // Not in Debian's archive, so CI cannot install them: their
            // scripts are checked for content by the test above only.
            if !installed(program) {
                eprintln!("note: {program} is not in Debian's archive; its script was not loaded");
                continue;
            }
        } else if !tool::required(
            program,
            installed(program),
            &format!("apt-get install {program}"),
        ) {
            continue;
        }
        loads(program, args, &stdout(&["completions", shell]));
    }
}

const SECTIONS: [&str; 7] = [
    ".SH NAME",
    ".SH SYNOPSIS",
    ".SH DESCRIPTION",
    ".SH OPTIONS",
    ".SH \"EXIT STATUS\"",
    ".SH ENVIRONMENT",
    ".SH \"SEE ALSO\"",
];

const COMMANDS: [&str; 14] = [
    "gap",
    "plan",
    "balance",
    "report",
    "check",
    "progress",
    "market",
    "survey",
    "init",
    "schema",
    "completions",
    "man",
    "who",
    "matrix",
];

#[test]
fn the_main_page_has_its_sections() {
    let page = stdout(&["man"]);
    assert!(page.contains("\n.TH KOMPETANSE 1 "), "{}", &page[..80]);
    for section in SECTIONS.iter().chain(&[".SH SUBCOMMANDS"]) {
        assert!(page.contains(section), "main page lacks {section}");
    }
    for command in COMMANDS {
        assert!(
            page.contains(&format!("kompetanse\\-{command}(1)")),
            "main page does not list {command}"
        );
    }
    // The exit codes as FORMAT.md "Exit codes" has them, and the variables.
    for text in [
        "\\-\\-fail\\-on PRIORITY",
        "Bad usage or invalid input",
        "KOMPETANSE_LANG",
        "LC_ALL, LC_MESSAGES, LANG",
        "COLUMNS",
        "NO_COLOR",
    ] {
        assert!(page.contains(text), "main page lacks {text}");
    }
    // groff reads pages as Latin-1: anything else is escaped (bokmål).
    assert!(page.is_ascii());
    assert!(page.contains("bokm\\[u00E5]l"));
}

#[test]
fn out_dir_gets_one_whole_page_per_command() {
    let dir = tempfile::tempdir().expect("temporary folder");
    // A folder that does not exist yet is made.
    let pages = dir.path().join("man1");
    let target = pages.display().to_string();
    for _ in 0..2 {
        // Twice: the second run replaces the pages.
        assert!(stdout(&["man", "--out-dir", &target]).is_empty());
    }
    let mut names: Vec<String> = std::fs::read_dir(&pages)
        .expect("the folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut expected: Vec<String> = COMMANDS
        .iter()
        .map(|c| format!("kompetanse-{c}.1"))
        .chain(["kompetanse.1".to_string()])
        .collect();
    expected.sort();
    // No temporary file is left beside them.
    assert_eq!(names, expected);
    for command in COMMANDS {
        let page = std::fs::read_to_string(pages.join(format!("kompetanse-{command}.1")))
            .expect("the page");
        let title = format!("\n.TH KOMPETANSE-{} 1 ", command.to_uppercase());
        assert!(page.contains(&title), "{command}: {}", &page[..80]);
        for section in SECTIONS {
            assert!(page.contains(section), "{command} page lacks {section}");
        }
    }
    let main = std::fs::read_to_string(pages.join("kompetanse.1")).expect("main page");
    assert_eq!(main, stdout(&["man"]), "the folder's main page is stdout's");
}

#[test]
fn out_dir_that_is_a_file_is_an_error_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, "x").expect("write");
    let out = kompetanse(&["man", "--out-dir", &file.display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&file).expect("still there"), "x");
}

/// Renders a page with `program args PAGE`; asserts no warning and returns the text.
fn rendered(program: &str, args: &[&str], page: &Path) -> String {
    let out = Command::new(program)
        .args(args)
        .arg(page)
        .env("MANWIDTH", "100")
        .env("MANPAGER", "cat")
        .env("LANG", "C.UTF-8")
        .output()
        .expect("run the formatter");
    assert!(
        out.status.success(),
        "{program} failed on {}",
        page.display()
    );
    assert!(
        out.stderr.is_empty(),
        "{program} warned on {}: {}",
        page.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn every_page_renders_without_a_warning_where_groff_or_man_is_installed() {
    let formatters: [(&str, &[&str]); 2] =
        [("groff", &["-man", "-Tutf8", "-ww"]), ("man", &["-l"])];
    let dir = tempfile::tempdir().expect("temporary folder");
    let target = dir.path().display().to_string();
    stdout(&["man", "--out-dir", &target]);
    for (program, args) in formatters {
        if !tool::required(
            program,
            installed(program),
            "apt-get install groff-base man-db",
        ) {
            continue;
        }
        // groff marks bold by overstriking: drop the backspaced letters.
        let plain = |text: String| {
            let mut out = String::new();
            for c in text.chars() {
                if c == '\u{8}' {
                    out.pop();
                } else {
                    out.push(c);
                }
            }
            out
        };
        let main = plain(rendered(program, args, &dir.path().join("kompetanse.1")));
        for text in ["EXIT STATUS", "ENVIRONMENT", "NO_COLOR", "bokmål"] {
            assert!(main.contains(text), "{program}: main page lacks {text}");
        }
        for command in COMMANDS {
            assert!(
                main.contains(&format!("kompetanse-{command}(1)")),
                "{program}: main page lacks {command}"
            );
            let page = dir.path().join(format!("kompetanse-{command}.1"));
            let text = plain(rendered(program, args, &page));
            assert!(text.contains("kompetanse"), "{program}: {command}");
        }
        let gap = plain(rendered(
            program,
            args,
            &dir.path().join("kompetanse-gap.1"),
        ));
        for option in ["--as-of", "--fail-on", "--quiet", "--color"] {
            assert!(gap.contains(option), "{program}: gap page lacks {option}");
        }
    }
}
