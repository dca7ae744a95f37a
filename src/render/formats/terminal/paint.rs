//! How coloured output looks, when the command line asked for colour
//! (`Style::color`; whether to colour is decided in `cli::color`, never
//! here). Colour only underlines what the words already say, so nothing is
//! lost without it: in a table the headings are bold, a shortfall is red,
//! full coverage green and a critical priority bold red, a matrix cell
//! below its target red and one at or above it green; in a diagnostic
//! the place is bold, `error:` bold red and `warning:` bold yellow.
//!
//! Table cells are styled through comfy-table's own cell colours, applied
//! after it measures the columns, so colour never changes a width. Text
//! outside tables gets plain SGR escapes, added after any escaping of the
//! text itself ([`visible`](crate::render::text::visible)): a name cannot
//! smuggle an escape of its own in.

use comfy_table::{Attribute, Cell, Color};

use crate::model::Priority;
use crate::render::table::{L, heads};
use crate::render::words::{Key, Labels};

const BOLD: &str = "\x1b[1m";
const RED: &str = "\x1b[31m";
const YELLOW: &str = "\x1b[33m";
const RESET: &str = "\x1b[0m";

/// Text in bold.
pub fn bold(text: &str) -> String {
    format!("{BOLD}{text}{RESET}")
}

/// `error` in bold red.
pub fn error(text: &str) -> String {
    format!("{BOLD}{RED}{text}{RESET}")
}

/// `warning` in bold yellow.
pub fn warning(text: &str) -> String {
    format!("{BOLD}{YELLOW}{text}{RESET}")
}

/// How a table's cells are coloured, in the report's language: columns are
/// known by their headings, which come from the same catalogue as the
/// grids', and values by the same number formatting.
#[derive(Debug, Clone)]
pub struct Palette {
    short: String,
    coverage: String,
    priority: String,
    zero: String,
    full: String,
    critical: String,
    /// A matrix cell's marks (`kompetanse matrix`): below the target, at it, above it.
    below: String,
    met: [String; 2],
}

impl Palette {
    pub fn new(l: Labels) -> Palette {
        let head = |key| heads(l, &[(L, key)]).concat();
        Palette {
            short: head(Key::ColShort),
            coverage: head(Key::ColCoverage),
            priority: head(Key::ColPriority),
            zero: l.int(0),
            full: l.percent(1.0),
            critical: l.priority(Priority::Critical).to_string(),
            below: l.get(Key::MarkBelow).to_string(),
            met: [
                l.get(Key::MarkAt).to_string(),
                l.get(Key::MarkAbove).to_string(),
            ],
        }
    }

    /// A heading cell: bold.
    pub fn heading(&self, cell: Cell) -> Cell {
        cell.add_attribute(Attribute::Bold)
    }

    /// A body cell of the column headed `column`, holding `text`, coloured.
    pub fn cell(&self, column: &str, text: &str, cell: Cell) -> Cell {
        match self.tone(column, text) {
            Some(Tone::Bad) => cell.fg(Color::Red),
            Some(Tone::Good) => cell.fg(Color::Green),
            Some(Tone::Urgent) => cell.fg(Color::Red).add_attribute(Attribute::Bold),
            None => cell,
        }
    }

    /// What a value says, if anything colour should underline. A cell may
    /// have been wrapped onto several lines: it is compared word by word.
    pub fn tone(&self, column: &str, text: &str) -> Option<Tone> {
        // A numbered skill column of the matrix: its marks say it.
        let numbered =
            !column.trim().is_empty() && column.trim().bytes().all(|b| b.is_ascii_digit());
        let below = numbered && text.contains(self.below.as_str());
        let met = numbered && self.met.iter().any(|m| text.contains(m.as_str()));
        let column = words(column);
        let text = words(text);
        if text.is_empty() {
            None
        } else if column == words(&self.short) && text != words(&self.zero) {
            Some(Tone::Bad)
        } else if column == words(&self.coverage) && text == words(&self.full) {
            Some(Tone::Good)
        } else if column == words(&self.priority) && text == words(&self.critical) {
            Some(Tone::Urgent)
        } else if below {
            Some(Tone::Bad)
        } else if met {
            Some(Tone::Good)
        } else {
            None
        }
    }
}

/// What a coloured cell says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Something is missing (a shortfall): red.
    Bad,
    /// Nothing is missing (full coverage): green.
    Good,
    /// The most pressing (critical priority): bold red.
    Urgent,
}

/// Text as its words, so a wrapped cell or heading compares as written.
fn words(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::Lang;

    #[test]
    fn cells_by_column_and_value() {
        let l = Labels::new(Lang::En);
        let p = Palette::new(l);
        assert_eq!(p.tone("Short", "2"), Some(Tone::Bad));
        assert_eq!(p.tone("Short", "0"), None);
        assert_eq!(p.tone("Short", ""), None);
        assert_eq!(p.tone("Coverage", &l.percent(1.0)), Some(Tone::Good));
        assert_eq!(p.tone("Coverage", &l.percent(0.5)), None);
        assert_eq!(p.tone("Priority", "critical"), Some(Tone::Urgent));
        assert_eq!(p.tone("Priority", "high"), None);
        // A cell wrapped onto lines is still itself.
        assert_eq!(p.tone("Coverage", "100\n%"), Some(Tone::Good));
        // Another column with the same values says nothing.
        assert_eq!(p.tone("Need", "2"), None);
        assert_eq!(p.tone("Driver", "critical"), None);
        // The matrix's numbered skill columns: their marks say it.
        assert_eq!(p.tone("3", "2↓*"), Some(Tone::Bad));
        assert_eq!(p.tone("3", "·↓"), Some(Tone::Bad));
        assert_eq!(p.tone("12", "3="), Some(Tone::Good));
        assert_eq!(p.tone("1", "4↑!"), Some(Tone::Good));
        assert_eq!(p.tone("1", "3"), None);
        assert_eq!(p.tone("Person", "2↓"), None);
    }

    #[test]
    fn norwegian_headings_and_values() {
        let l = Labels::new(Lang::Nb);
        let p = Palette::new(l);
        let head = |key| heads(l, &[(L, key)]).concat();
        assert_eq!(p.tone(&head(Key::ColShort), "3"), Some(Tone::Bad));
        assert_eq!(
            p.tone(&head(Key::ColCoverage), &l.percent(1.0)),
            Some(Tone::Good)
        );
        assert_eq!(
            p.tone(&head(Key::ColPriority), l.priority(Priority::Critical)),
            Some(Tone::Urgent)
        );
        // The English words mean nothing in a Norwegian table.
        assert_eq!(p.tone("Priority", "critical"), None);
    }

    #[test]
    fn escapes_wrap_the_text() {
        assert_eq!(bold("a"), "\x1b[1ma\x1b[0m");
        assert_eq!(error("error"), "\x1b[1m\x1b[31merror\x1b[0m");
        assert_eq!(warning("warning"), "\x1b[1m\x1b[33mwarning\x1b[0m");
    }
}
