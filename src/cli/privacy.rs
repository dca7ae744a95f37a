//! The personal-data options every report command takes: `--pseudonymize`
//! with `--salt` (or `KOMPETANSE_SALT`), and `--min-group`. This file only
//! wires them: pseudonyms and suppression are `crate::privacy`'s, and
//! `crate::inputs::open` applies the pseudonyms (in the order that keeps
//! names out of every message).

use clap::Args;

use crate::cli::UsageError;
use crate::model::Organisation;
use crate::privacy::Pseudonyms;

/// The environment variable that holds the salt (safer than `--salt`,
/// which other users of the machine can see in the process list).
pub const SALT_VAR: &str = "KOMPETANSE_SALT";

#[derive(Debug, Args, Default)]
pub struct PrivacyArgs {
    /// Replace person ids and names in every output with keyed pseudonyms (p-...); needs --salt or KOMPETANSE_SALT
    #[arg(long)]
    pub pseudonymize: bool,

    /// The secret key of --pseudonymize, at least 16 characters (prefer KOMPETANSE_SALT: a command line is visible to others)
    #[arg(long, value_name = "SECRET", requires = "pseudonymize")]
    pub salt: Option<String>,

    /// Suppress aggregates of fewer than N people (unit rows, heatmap cells); 1 suppresses nothing
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub min_group: u32,
}

impl PrivacyArgs {
    /// The pseudonyms to apply, None without `--pseudonymize`; no salt (or
    /// a short one) is a usage error (exit 2).
    pub fn pseudonyms(&self) -> Result<Option<Pseudonyms>, UsageError> {
        if !self.pseudonymize {
            return Ok(None);
        }
        let env = std::env::var(SALT_VAR).ok();
        Pseudonyms::new(self.salt.as_deref().or(env.as_deref()))
            .map(Some)
            .map_err(|e| UsageError(e.to_string()))
    }

    /// Issue 27, F7 d: `--min-group` protects the aggregates by unit of
    /// `balance` (with or without `--by unit`) and `gap --by unit` only.
    /// Every other view (`view`) lists needs, people and levels of units of
    /// any size, which no suppression of unit rows hides: refused.
    pub fn refuse_min_group(&self, view: &str) -> Result<(), UsageError> {
        if self.min_group <= 1 {
            return Ok(());
        }
        Err(UsageError(format!(
            "--min-group protects only `balance` (also --by unit) and `gap --by unit`: {view} lists needs, people and levels of units of any size, which it cannot suppress; leave out --min-group, or use `balance --by unit` or `gap --by unit`"
        )))
    }

    /// A person named on the command line (`option` is its name, e.g.
    /// `--person`): by id or, when pseudonymising, also by pseudonym.
    pub fn person(
        &self,
        org: &Organisation,
        option: &str,
        typed: Option<&str>,
    ) -> Result<Option<usize>, UsageError> {
        let Some(typed) = typed else {
            return Ok(None);
        };
        let Some(pseudonyms) = self.pseudonyms()? else {
            return org
                .find_person(typed)
                .map(Some)
                .map_err(|e| UsageError::lookup(option, &e));
        };
        pseudonyms.lookup(org, typed).map(Some).ok_or_else(|| {
            // Suggesting a near pseudonym would be meaningless, and echoing
            // the id would put it in a log: name its pseudonym instead.
            UsageError(format!(
                "{option}: no person with that id or pseudonym (the id's pseudonym would be '{}')",
                pseudonyms.of(typed.trim())
            ))
        })
    }
}
