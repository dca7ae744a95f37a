//! The personal-data options every report command takes: `--pseudonymize`
//! with `--salt` (or `KOMPETANSE_SALT`), and `--min-group`. This file only
//! wires them: pseudonyms and suppression are `crate::privacy`'s.
//!
//! The order is what keeps names out: load (messages rewritten before they
//! are printed), `--without` on the real ids (its errors rewritten), then
//! the organisation pseudonymised before any report is computed.

use clap::Args;

use crate::cli::{OrgArgs, UsageError, WhatIfArgs};
use crate::load::{self, LoadOptions, Loaded};
use crate::model::{LearningMix, Organisation};
use crate::privacy::{Pseudonyms, Rewriter};

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

    /// `load_org` with the messages rewritten when pseudonymising. The
    /// organisation returned still has its real ids (for `--without`).
    pub fn load_org(
        &self,
        args: &OrgArgs,
        mix: Option<LearningMix>,
        outcome: &str,
    ) -> anyhow::Result<Option<Organisation>> {
        if !self.pseudonymize {
            return Ok(crate::cli::load_org(args, mix, outcome)?);
        }
        let options = LoadOptions {
            as_of: args.as_of,
            mix,
        };
        let loaded = self.load(&args.org, &options)?;
        Ok(crate::cli::report_loaded(args, loaded, outcome))
    }

    /// Loads as `load::load` does; when pseudonymising, the messages are
    /// rewritten by what was read (who is a person, what is a skill...).
    pub fn load(
        &self,
        path: &std::path::Path,
        options: &LoadOptions,
    ) -> Result<Loaded, UsageError> {
        let Some(pseudonyms) = self.pseudonyms()? else {
            return Ok(load::load(path, options));
        };
        let Loaded {
            org,
            diagnostics,
            errors,
        } = load::load_as_read(path, options);
        let rewriter = Rewriter::new(&pseudonyms, org.as_ref());
        let diagnostics = rewriter.diagnostics(diagnostics);
        let invalid = errors > 0
            || diagnostics
                .iter()
                .any(|d| d.severity == crate::diagnostics::Severity::Error);
        Ok(Loaded {
            org: if invalid { None } else { org },
            diagnostics,
            errors,
        })
    }

    /// `--without` applied (to the real ids), then, when pseudonymising,
    /// every id and name replaced.
    pub fn apply(&self, what_if: &WhatIfArgs, org: Organisation) -> anyhow::Result<Organisation> {
        let Some(pseudonyms) = self.pseudonyms()? else {
            return Ok(what_if.apply(org)?);
        };
        // Built before `--without` consumes the organisation: its errors
        // quote ids and suggest others.
        let rewriter =
            (!what_if.without.is_empty()).then(|| Rewriter::new(&pseudonyms, Some(&org)));
        let org = what_if.apply(org).map_err(|e| match &rewriter {
            Some(r) => UsageError(r.message(&e.0)),
            None => e,
        })?;
        Ok(pseudonyms
            .organisation(org)
            .map_err(|e| UsageError(e.to_string()))?)
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
