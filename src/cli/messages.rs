//! How lines on stderr read: a diagnostic `PATH:LINE: error: MESSAGE`, a
//! closing `PATH: 2 errors...` line, and `main`'s `error: ...`. Each is
//! the same text with or without colour; colour (the place bold, `error:`
//! bold red, `warning:` bold yellow) is added after the text was made
//! [`visible`], so file content can never send the terminal an escape.
//! Whether to colour is the caller's (`cli::color::stderr`).

use crate::diagnostics::{Diagnostic, Severity};
use crate::render::formats::terminal::paint;
use crate::render::formats::terminal::visible;

/// One diagnostic as its line (no newline).
pub fn diagnostic(d: &Diagnostic, color: bool) -> String {
    // In Norwegian, the problems people meet most are told in Norwegian.
    if crate::cli::annotate::lang() == crate::render::Lang::Nb
        && let Some(message) = crate::diagnostics::norsk::translate(&d.message)
    {
        let d = Diagnostic {
            message,
            ..d.clone()
        };
        return diagnostic_in(&d, color, ("feil", "advarsel"));
    }
    diagnostic_in(d, color, ("error", "warning"))
}

/// A problem's line, its severity worded `words` (error, warning).
fn diagnostic_in(d: &Diagnostic, color: bool, words: (&str, &str)) -> String {
    let line = d.to_string();
    let (english, word) = match d.severity {
        Severity::Error => ("error", words.0),
        Severity::Warning => ("warning", words.1),
    };
    // The line is PLACE + ": WORD: " + MESSAGE (Diagnostic's Display); the
    // place is what is left when both ends are taken off.
    let separator = format!(": {english}: ");
    let place = line
        .strip_suffix(d.message.as_str())
        .and_then(|rest| rest.strip_suffix(separator.as_str()));
    match place {
        Some(place) if color => {
            let word = match d.severity {
                Severity::Error => paint::error(word),
                Severity::Warning => paint::warning(word),
            };
            format!(
                "{}: {word}: {}",
                paint::bold(&visible(place)),
                visible(&d.message)
            )
        }
        Some(place) => format!("{}: {word}: {}", visible(place), visible(&d.message)),
        None => visible(&line).into_owned(),
    }
}

/// A path at the start of a line of its own (`PATH: 2 errors`), bold when coloured.
pub fn place(path: &str, color: bool) -> String {
    let path = visible(path);
    if color {
        paint::bold(&path)
    } else {
        path.into_owned()
    }
}

/// `main`'s line for an error that ends the run: `error: TEXT`, each line
/// of the text made visible (several errors are several lines).
pub fn error(text: &str, color: bool) -> String {
    let lines: Vec<_> = text.lines().map(visible).collect();
    let word = if color {
        paint::error("error")
    } else {
        "error".to_string()
    };
    format!("{word}: {}", lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(path: &str, severity: Severity, message: &str) -> Diagnostic {
        Diagnostic {
            path: path.into(),
            line: Some(4),
            column: None,
            cell: false,
            severity,
            message: message.into(),
        }
    }

    #[test]
    fn plain_lines_are_the_display() {
        let d = at("org.toml", Severity::Warning, "stale");
        assert_eq!(diagnostic(&d, false), "org.toml:4: warning: stale");
        assert_eq!(error("bad\nworse", false), "error: bad\nworse");
    }

    #[test]
    fn coloured_lines_mark_place_and_severity() {
        let d = at("org.toml", Severity::Error, "unknown skill 'x'");
        assert_eq!(
            diagnostic(&d, true),
            "\x1b[1morg.toml:4\x1b[0m: \x1b[1m\x1b[31merror\x1b[0m: unknown skill 'x'"
        );
        let w = at("p.csv", Severity::Warning, "stale");
        assert_eq!(
            diagnostic(&w, true),
            "\x1b[1mp.csv:4\x1b[0m: \x1b[1m\x1b[33mwarning\x1b[0m: stale"
        );
    }

    #[test]
    fn content_escapes_stay_escaped_in_colour() {
        // A name with an escape of its own is shown, not obeyed.
        let d = at("a\x1b[2Jb.csv", Severity::Warning, "name \x1b]0;x\x07");
        let line = diagnostic(&d, true);
        assert!(line.contains("a\\x1b[2Jb.csv"), "{line}");
        assert!(line.contains("name \\x1b]0;x\\x07"), "{line}");
        // The only escapes left are ours: bold, yellow and reset.
        assert_eq!(line.matches('\x1b').count(), 5, "{line:?}");
    }
}
