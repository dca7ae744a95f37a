//! Whether output is coloured: `--color auto|always|never` and the
//! conventions a user of a terminal expects of `auto` (NO_COLOR,
//! CLICOLOR_FORCE, TERM=dumb). The decision is [`colour`], pure; this file
//! also keeps the one choice the command line made, so that every place
//! that prints (diagnostics, the table, `main`'s error line) asks the same
//! question of its own stream.
//!
//! It decides only; how coloured text looks is `render::paint`'s. Files
//! written with `-o` and the machine formats are never coloured: that is
//! decided where the style is built (`DisplayArgs::style`), not here.

use std::io::IsTerminal;
use std::sync::OnceLock;

use clap::ValueEnum;

/// `--color`'s values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ColorArg {
    /// Colour on a terminal, unless NO_COLOR is set or TERM is dumb (CLICOLOR_FORCE=1 forces it).
    #[default]
    Auto,
    /// Always colour, also when piped (NO_COLOR does not apply).
    Always,
    /// Never colour.
    Never,
}

/// What the environment says about colour, read once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ColorEnv {
    /// NO_COLOR is set and not empty (https://no-color.org).
    pub no_color: bool,
    /// CLICOLOR_FORCE is set, not empty and not `0`.
    pub force: bool,
    /// TERM is `dumb`: a terminal that shows escape codes as text.
    pub dumb: bool,
}

impl ColorEnv {
    /// The environment as `var` reads it.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> ColorEnv {
        let set = |name: &str| var(name).filter(|v| !v.is_empty());
        ColorEnv {
            no_color: set("NO_COLOR").is_some(),
            force: set("CLICOLOR_FORCE").is_some_and(|v| v != "0"),
            dumb: set("TERM").is_some_and(|v| v == "dumb"),
        }
    }
}

/// Whether a stream is coloured. An explicit `always` or `never` wins over
/// everything; `auto` colours a terminal, NO_COLOR first turning it off
/// (a user's standing wish), then CLICOLOR_FORCE turning it on even when
/// piped (`| less -R`), then TERM=dumb turning a terminal's off.
pub fn colour(choice: ColorArg, is_terminal: bool, env: ColorEnv) -> bool {
    match choice {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto if env.no_color => false,
        ColorArg::Auto if env.force => true,
        ColorArg::Auto => is_terminal && !env.dumb,
    }
}

/// The choice the command line made, set once by [`set`] before a command
/// runs; `auto` if it never was (a library caller).
static CHOICE: OnceLock<ColorArg> = OnceLock::new();

/// Records `--color` for the rest of the run (the first call wins).
pub fn set(choice: ColorArg) {
    let _ = CHOICE.set(choice);
}

fn decide(is_terminal: bool) -> bool {
    let choice = CHOICE.get().copied().unwrap_or_default();
    colour(
        choice,
        is_terminal,
        ColorEnv::from_env(|name| std::env::var(name).ok()),
    )
}

/// Whether what goes to stdout is coloured (the table, when not `-o`).
/// Decided once a run (after [`set`]): the environment and the stream do
/// not change, and asking them again was two system calls and three
/// variables read for every line of diagnostics.
pub fn stdout() -> bool {
    static STDOUT: OnceLock<bool> = OnceLock::new();
    *STDOUT.get_or_init(|| decide(std::io::stdout().is_terminal()))
}

/// Whether what goes to stderr is coloured (diagnostics, errors), decided
/// once a run like [`stdout`].
pub fn stderr() -> bool {
    static STDERR: OnceLock<bool> = OnceLock::new();
    *STDERR.get_or_init(|| decide(std::io::stderr().is_terminal()))
}

/// The same choice for clap's own help and errors. `auto` stays clap's
/// auto, which asks the same of each stream (NO_COLOR, CLICOLOR_FORCE,
/// TERM=dumb, a terminal).
pub fn clap_choice(choice: ColorArg) -> clap::ColorChoice {
    match choice {
        ColorArg::Auto => clap::ColorChoice::Auto,
        ColorArg::Always => clap::ColorChoice::Always,
        ColorArg::Never => clap::ColorChoice::Never,
    }
}

/// `--color`'s value in raw arguments, before clap parses them (clap's own
/// help and errors need the choice before there is a parse): the last
/// `--color WHEN` or `--color=WHEN` before a `--`; None when absent or not
/// a value (clap then reports it).
pub fn scan<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Option<ColorArg> {
    let mut found = None;
    let mut args = args.iter().map(|a| a.as_ref().to_str());
    while let Some(arg) = args.next() {
        let value = match arg {
            Some("--") => break,
            Some("--color") => args.next().flatten(),
            Some(a) => a.strip_prefix("--color="),
            None => None,
        };
        if let Some(v) = value.and_then(|v| ColorArg::from_str(v, true).ok()) {
            found = Some(v);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every combination: 3 choices x terminal or not x each variable.
    #[test]
    fn every_combination() {
        use ColorArg::*;
        let envs = [
            (false, false, false),
            (true, false, false),
            (false, true, false),
            (false, false, true),
            (true, true, false),
            (true, false, true),
            (false, true, true),
            (true, true, true),
        ];
        for (no_color, force, dumb) in envs {
            let env = ColorEnv {
                no_color,
                force,
                dumb,
            };
            for tty in [false, true] {
                assert!(colour(Always, tty, env), "always wins: {env:?} tty={tty}");
                assert!(!colour(Never, tty, env), "never wins: {env:?} tty={tty}");
                // auto: NO_COLOR off, else CLICOLOR_FORCE on, else a
                // terminal that is not dumb.
                let expected = !no_color && (force || (tty && !dumb));
                assert_eq!(colour(Auto, tty, env), expected, "{env:?} tty={tty}");
            }
        }
    }

    #[test]
    fn the_plain_cases() {
        let none = ColorEnv::default();
        assert!(colour(ColorArg::Auto, true, none));
        assert!(!colour(ColorArg::Auto, false, none));
    }

    #[test]
    fn reading_the_environment() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            ColorEnv::from_env(move |n| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == n)
                    .map(|(_, v)| v.to_string())
            })
        };
        assert_eq!(env(&[]), ColorEnv::default());
        // An empty NO_COLOR is as good as unset (no-color.org).
        assert!(!env(&[("NO_COLOR", "")]).no_color);
        assert!(env(&[("NO_COLOR", "1")]).no_color);
        assert!(env(&[("NO_COLOR", "0")]).no_color);
        assert!(env(&[("CLICOLOR_FORCE", "1")]).force);
        assert!(!env(&[("CLICOLOR_FORCE", "0")]).force);
        assert!(!env(&[("CLICOLOR_FORCE", "")]).force);
        assert!(env(&[("TERM", "dumb")]).dumb);
        assert!(!env(&[("TERM", "xterm-256color")]).dumb);
    }

    #[test]
    fn scanning_raw_arguments() {
        assert_eq!(scan(&["kompetanse", "gap", "org.toml"]), None);
        assert_eq!(
            scan(&["kompetanse", "--color", "always", "gap"]),
            Some(ColorArg::Always)
        );
        assert_eq!(
            scan(&["kompetanse", "gap", "--color=never"]),
            Some(ColorArg::Never)
        );
        // The last one counts; after `--` nothing is an option.
        assert_eq!(
            scan(&["k", "--color=always", "--color", "never"]),
            Some(ColorArg::Never)
        );
        assert_eq!(scan(&["k", "--", "--color=always"]), None);
        assert_eq!(scan(&["k", "--color", "purple"]), None);
        assert_eq!(scan(&["k", "--color"]), None);
    }
}
