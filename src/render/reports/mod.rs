//! Reports: one file per report, each holding everything the report shows
//! in any format: its outline (what table, markdown and HTML lay out, in
//! both dialects), its CSV columns and typed rows, and its workbook's
//! sheets. They say what and in which words, never how: a report imports
//! [`table`](crate::render::table), [`outline`](crate::render::outline) and
//! [`words`](crate::render::words), never a format. What several reports
//! word alike (openings, effort lines) is here and in [`text`].

pub mod balance;
pub mod baseline;
pub mod baseline_balance;
pub mod gap;
pub mod groups;
pub mod market;
pub mod matrix;
pub mod overview;
pub mod person;
pub mod person_gap;
pub mod plan;
pub mod progress;
pub mod team;
pub mod text;
pub mod who;

use crate::model::{Date, Effort, LearningMix};
use crate::render::outline::{Builder, Dialect, Text};
use crate::render::table::Cell;
use crate::render::words::{Key, Labels};

use Dialect::{Document, Terminal};

/// A document's opening, from what the report is about ("competence
/// gaps"): the terminal's one line "ORG: competence gaps as of DATE
/// (learning mix M)", or a document's title "Competence gaps: ORG" and a
/// line of context. A report without a learning mix counts people at each
/// level; `note` follows the mix in a document.
fn opening(
    l: Labels,
    dialect: Dialect,
    what: &str,
    organisation: &str,
    as_of: Date,
    mix: Option<(&LearningMix, &str)>,
) -> Builder<'static> {
    let mut out = Builder::default();
    match (dialect, mix) {
        (Terminal, Some((mix, _))) => {
            out.title(l.fill(Key::TitleTerminal, &[&organisation, &what, &as_of, mix]))
        }
        (Terminal, None) => {
            out.title(l.fill(Key::TitleTerminalLevels, &[&organisation, &what, &as_of]))
        }
        (Document, _) => {
            let mut chars = what.chars();
            let what: String = chars
                .next()
                .into_iter()
                .flat_map(char::to_uppercase)
                .chain(chars)
                .collect();
            let about = match mix {
                Some((mix, note)) => l.fill(Key::AboutDocument, &[&as_of, mix, &note]),
                None => l.fill(Key::AboutLevels, &[&as_of]),
            };
            out.title(format!("{what}: {organisation}")).para(about)
        }
    };
    out
}

/// "Effort 280 h: ..." and, on the next line, what that effort counts.
fn effort_lines(l: Labels, dialect: Dialect, line: &str, basis: Key, out: &mut Builder) {
    match dialect {
        Terminal => out.para(format!("{} {line}", l.get(Key::Effort))),
        Document => out.para(
            Text::default()
                .strong(l.get(Key::Effort))
                .and(format!(" {line}")),
        ),
    };
    out.para(l.get(basis));
}

/// The four effort cells: total, experience, social, formal.
pub fn effort(effort: &Effort) -> [Cell; 4] {
    [
        Cell::Num(effort.total),
        Cell::Num(effort.experience),
        Cell::Num(effort.social),
        Cell::Num(effort.formal),
    ]
}

/// The four effort column names, after any others.
pub const EFFORT_COLUMNS: [&str; 4] = [
    "effort_hours",
    "experience_hours",
    "social_hours",
    "formal_hours",
];

/// Reports whose `as_of` field dates their workbook.
macro_rules! dated {
    ($($report:ty),* $(,)?) => {
        $(impl crate::render::table::Dated for $report {
            fn as_of(&self) -> Date {
                self.as_of
            }
        })*
    };
}

dated!(
    crate::report::GapReport,
    crate::report::PersonGapReport,
    crate::report::GapGroupsReport,
    crate::report::PlanReport,
    crate::report::MarketReport,
    crate::report::ProgressReport,
    crate::report::WhoReport,
    crate::report::MatrixReport,
    crate::report::BalanceReport,
    crate::report::OverviewReport,
    crate::report::PersonReport,
);

fn names(columns: &[&str]) -> Vec<String> {
    columns.iter().map(|c| c.to_string()).collect()
}
