//! How human output looks: `--lang` (labels and numbers in English or
//! Norwegian bokmål), `--wide` and `--width` (how tables fit). Machine
//! formats ignore all three: JSON and CSV are the same in every language
//! and at every width.
//!
//! The language defaults to `KOMPETANSE_LANG`, else the locale as POSIX
//! resolves it (the first set of `LC_ALL`, `LC_MESSAGES`, `LANG`): one
//! starting with `nb`, `nn` or `no` gives Norwegian, anything else English.
//! Tables fit the terminal's width (`COLUMNS`, else the terminal's own)
//! only when they are written to a terminal: piped output keeps every
//! column, as a script wants.

use clap::{Args, ValueEnum};

use crate::cli::output::OutputArgs;
use crate::render::{Lang, Style};

/// `--lang`'s values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Norwegian bokmål.
    Nb,
    /// English.
    En,
}

#[derive(Debug, Args)]
pub struct DisplayArgs {
    /// Language of table and markdown labels [default: KOMPETANSE_LANG, else nb when LC_ALL, LC_MESSAGES or LANG (the first set) starts with nb, nn or no, else en]
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,

    /// Show every table column, however wide (tables on a terminal otherwise fit its width)
    #[arg(long)]
    pub wide: bool,

    /// Fit tables to this many columns, also when piped [default: the terminal's width]
    #[arg(long, value_name = "COLUMNS", value_parser = clap::value_parser!(u16).range(20..))]
    pub width: Option<u16>,
}

impl DisplayArgs {
    /// The language: `--lang`, else from the environment.
    pub fn lang(&self) -> Lang {
        match self.lang {
            Some(LangArg::Nb) => Lang::Nb,
            Some(LangArg::En) => Lang::En,
            None => Lang::from_env(|name| std::env::var(name).ok()),
        }
    }

    /// The whole style of human output, colour included, for `output`:
    /// fitted to a terminal's width when it goes to one.
    pub fn style(&self, output: &OutputArgs) -> Style {
        let width = self
            .width
            .or_else(|| output.to_terminal().then(terminal_width).flatten());
        Style {
            lang: self.lang(),
            width,
            wide: self.wide,
            // Colour is for stdout only, decided by the report's output.
            color: output.color(),
            data_lang: DATA_LANGUAGE.get().copied().flatten().map(|l| l.code()),
        }
    }
}

/// The language of the organisation's own words, once it is loaded.
static DATA_LANGUAGE: std::sync::OnceLock<Option<crate::model::DataLanguage>> =
    std::sync::OnceLock::new();

/// Records the organisation's language for the styles made after (the
/// first call wins: one organisation a run).
pub fn set_data_language(language: Option<crate::model::DataLanguage>) {
    let _ = DATA_LANGUAGE.set(language);
}

/// The terminal's width: `COLUMNS` when set (shells export it, and it lets
/// a user narrow a table), else what the terminal reports.
fn terminal_width() -> Option<u16> {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<u16>().ok())
        .filter(|&c| c > 0)
        .or_else(|| comfy_table::Table::new().width())
}
