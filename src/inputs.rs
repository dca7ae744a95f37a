//! The one way a command gets the organisation it works on: [`open`] loads
//! the files (`load`), takes out the people of `--without`, and under
//! `--pseudonymize` replaces every person id and name, in the organisation
//! and in the messages that quote them. Every command that reads an
//! organisation calls it; `progress` and `report --since` call it once more
//! for the same files at S ([`Inputs::at`]).
//!
//! The order is what keeps names out: the messages of the load are
//! rewritten as they are made, `--without` is applied to the real ids (its
//! errors rewritten too), and only then is the organisation pseudonymised,
//! before any analysis sees it.
//!
//! Nothing here prints, reads the environment or knows about clap: the
//! caller says what to open ([`Inputs`]) and gets back the diagnostics and
//! the organisation, or why there is none ([`Opened`]), to print as it likes.

use std::path::PathBuf;

use crate::diagnostics::{Diagnostic, Severity};
use crate::load::{self, LoadOptions, Loaded};
use crate::model::{Date, Organisation};
use crate::privacy::{Pseudonyms, Rewriter};

/// What to open: the organisation's file and the options that change what
/// a command sees of it.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    /// org.toml (it names the profile files).
    pub org: PathBuf,
    /// `--as-of` and `--mix`.
    pub load: LoadOptions,
    /// `--without`, each value as given: a person's id, or a comma list of ids.
    pub without: Vec<String>,
    /// `--pseudonymize`: the keyed pseudonyms to replace people with.
    pub pseudonyms: Option<Pseudonyms>,
}

impl Inputs {
    /// The organisation in `org`, as its files say, nobody left out.
    pub fn new(org: impl Into<PathBuf>) -> Inputs {
        Inputs {
            org: org.into(),
            ..Inputs::default()
        }
    }

    /// The same inputs with the reference date `as_of` (`--since`).
    pub fn at(&self, as_of: Date) -> Inputs {
        Inputs {
            load: LoadOptions {
                as_of: Some(as_of),
                ..self.load.clone()
            },
            ..self.clone()
        }
    }
}

/// What opening found.
#[derive(Debug)]
pub struct Opened {
    /// Every error and warning of the files, in order (rewritten under
    /// pseudonyms): the caller prints them whatever `org` is.
    pub diagnostics: Vec<Diagnostic>,
    /// The files read (org.toml and the profile files it names); empty
    /// when the files are invalid.
    pub files: Vec<PathBuf>,
    /// The organisation, `--without` and pseudonyms applied, or why there
    /// is none.
    pub org: Result<Organisation, Unopened>,
}

/// Why there is no organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unopened {
    /// The files have `errors` errors (also those past the caps of
    /// `diagnostics`): the diagnostics say which.
    Invalid { errors: usize },
    /// The files are valid, but an option cannot be applied to them: the
    /// message, one line per problem (an unknown `--without` id, with a
    /// suggestion; pseudonyms that collide).
    Refused(String),
}

/// Opens the organisation `inputs` names: see the module's documentation.
pub fn open(inputs: &Inputs) -> Opened {
    let Some(pseudonyms) = &inputs.pseudonyms else {
        let Loaded {
            org,
            diagnostics,
            errors,
        } = load::load(&inputs.org, &inputs.load);
        let Some(org) = org else {
            return invalid(diagnostics, errors);
        };
        return Opened {
            diagnostics,
            files: org.inputs.clone(),
            org: without(org, &inputs.without).map_err(Unopened::Refused),
        };
    };
    // The organisation as read, even with errors: who is a person decides
    // how a message is rewritten.
    let Loaded {
        org,
        diagnostics,
        errors,
    } = load::load_as_read(
        &inputs.org,
        &LoadOptions {
            label_files: true,
            ..inputs.load.clone()
        },
    );
    let diagnostics = Rewriter::new(pseudonyms, org.as_ref()).diagnostics(diagnostics);
    let invalid_files = errors > 0 || diagnostics.iter().any(|d| d.severity == Severity::Error);
    let org = match org {
        Some(org) if !invalid_files => org,
        _ => return invalid(diagnostics, errors),
    };
    let files = org.inputs.clone();
    // Built before `--without` takes the organisation: its errors quote
    // ids and suggest others.
    let rewriter = (!inputs.without.is_empty()).then(|| Rewriter::new(pseudonyms, Some(&org)));
    let org = without(org, &inputs.without)
        .map_err(|message| match &rewriter {
            Some(r) => r.message(&message),
            None => message,
        })
        .and_then(|org| pseudonyms.organisation(org).map_err(|e| e.to_string()))
        .map_err(Unopened::Refused);
    Opened {
        diagnostics,
        files,
        org,
    }
}

fn invalid(diagnostics: Vec<Diagnostic>, errors: usize) -> Opened {
    Opened {
        diagnostics,
        files: Vec::new(),
        org: Err(Unopened::Invalid { errors }),
    }
}

/// The organisation without the people `values` name (`--without`); every
/// unknown id is an error, all of them named with suggestions, one a line.
fn without(org: Organisation, values: &[String]) -> Result<Organisation, String> {
    if values.is_empty() {
        return Ok(org);
    }
    let mut leaving = Vec::new();
    let mut unknown = Vec::new();
    for value in values {
        let before = unknown.len();
        for id in without_ids(&org, value) {
            match org.find_person(id) {
                Ok(p) => leaving.push(p),
                Err(e) => unknown.push(format!("--without {e}")),
            }
        }
        if unknown.len() > before
            && let Some(hint) = comma_hint(&org, value)
        {
            unknown.push(hint);
        }
    }
    if !unknown.is_empty() {
        return Err(unknown.join("\nerror: "));
    }
    Ok(org.into_without(&leaving))
}

/// The ids one `--without` value names: the whole value (trimmed) when it is
/// a person's id, so an id with a comma can be named; else its
/// comma-separated parts, trimmed, empty ones skipped.
fn without_ids<'a>(org: &Organisation, value: &'a str) -> Vec<&'a str> {
    let whole = value.trim();
    if org.find_person(whole).is_ok() {
        return vec![whole];
    }
    whole
        .split(',')
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .collect()
}

/// For a comma list with an unknown part: when an id with a comma is
/// written in it, the rule that split it (such an id is named on its own).
fn comma_hint(org: &Organisation, value: &str) -> Option<String> {
    // Past this length the value is no list a person typed: no search.
    const LONGEST: usize = 1000;
    if value.len() > LONGEST || !value.contains(',') {
        return None;
    }
    let id = org
        .people
        .ids()
        .find(|id| id.contains(',') && value.contains(id))?;
    Some(format!(
        "'{id}' has a comma: give it on its own, as --without '{id}' (a list is split at every comma)"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TINY: &str = "examples/tiny/org.toml";

    #[test]
    fn opening_applies_without_and_reports_what_stops_it() {
        let all = open(&Inputs::new(TINY)).org.unwrap();
        let inputs = Inputs {
            without: vec!["ada, bo".into()],
            ..Inputs::new(TINY)
        };
        let opened = open(&inputs);
        assert_eq!(opened.org.unwrap().people.len(), all.people.len() - 2);
        assert_eq!(opened.files, all.inputs);
        let inputs = Inputs {
            without: vec!["adaa".into()],
            ..Inputs::new(TINY)
        };
        assert_eq!(
            open(&inputs).org.unwrap_err(),
            Unopened::Refused("--without 'adaa': no such person (did you mean 'ada'?)".into())
        );
        let missing = open(&Inputs::new("examples/tiny/nothing.toml"));
        assert_eq!(missing.org.unwrap_err(), Unopened::Invalid { errors: 1 });
        assert!(missing.files.is_empty());
    }

    #[test]
    fn pseudonyms_replace_people_and_the_messages_that_quote_them() {
        let pseudonyms = Pseudonyms::new(Some("0123456789abcdef0123")).unwrap();
        let inputs = Inputs {
            without: vec!["adx".into()],
            pseudonyms: Some(pseudonyms.clone()),
            ..Inputs::new(TINY)
        };
        let Err(Unopened::Refused(message)) = open(&inputs).org else {
            panic!("an unknown --without id is refused");
        };
        assert!(message.contains(&pseudonyms.of("ada")), "{message}");
        assert!(!message.contains("'ada'"), "{message}");
        let org = open(&Inputs {
            without: Vec::new(),
            ..inputs
        })
        .org
        .unwrap();
        assert_eq!(org.people.id(0), pseudonyms.of("ada"));
    }

    #[test]
    fn at_changes_only_the_reference_date() {
        let since = jiff::civil::date(2025, 1, 1);
        let inputs = Inputs {
            without: vec!["ada".into()],
            ..Inputs::new(TINY)
        };
        let then = inputs.at(since);
        assert_eq!(then.load.as_of, Some(since));
        assert_eq!((then.org, then.without), (inputs.org, inputs.without));
    }
}
