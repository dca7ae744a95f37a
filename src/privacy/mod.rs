//! Personal data in outputs: `--pseudonymize` (keyed pseudonyms for
//! person ids and names, in the organisation and in the messages that
//! quote them) and `--min-group` (`min_group`: aggregates of too few people
//! suppressed).
//!
//! Pseudonyms are applied to the loaded organisation, after `--without`
//! and before any analysis: every report and every format then only ever
//! sees pseudonyms, so no renderer can forget one. Messages printed before
//! that (load diagnostics, `--without`'s errors) are rewritten by
//! [`Rewriter`]. Nothing here prints or reads files.

pub mod min_group;

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use std::collections::{HashMap, HashSet};

use crate::analysis::IdOrder;
use crate::diagnostics::Diagnostic;
use crate::model::{Organisation, People};

/// Hex digits of a pseudonym: 64 bits, so that among a million people the
/// chance of two sharing one is about 3 in 100 million (n^2 / 2^65). The
/// length is fixed, never lengthened on a collision, so that two reports
/// made with the same salt always agree (a collision is an error instead).
pub const PSEUDONYM_HEX: usize = 16;

/// The shortest salt accepted: a short salt can be guessed together with
/// the ids (employee numbers are few), which would undo the pseudonyms.
pub const MIN_SALT: usize = 16;

/// What a quoted value no one can vouch for is shown as under
/// `--pseudonymize` (it may be a misspelt person id or a name).
pub const HIDDEN: &str = "[hidden]";

/// Why pseudonyms cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PseudonymError {
    #[error(
        "--pseudonymize needs a secret salt: give --salt SECRET or set KOMPETANSE_SALT (at least {MIN_SALT} characters, e.g. `openssl rand -hex 16`); without one a pseudonym is a plain hash of the id, which anyone can undo by hashing every possible employee number"
    )]
    NoSalt,
    #[error(
        "the salt of --pseudonymize is {0} characters long: use at least {MIN_SALT} (e.g. `openssl rand -hex 16`), since a short salt can be guessed along with the ids"
    )]
    ShortSalt(usize),
    #[error(
        "two people's pseudonyms collide ({0}): use another salt (different people never share a pseudonym)"
    )]
    Collision(String),
}

/// The keyed pseudonym function: `p-` and the first [`PSEUDONYM_HEX`] hex
/// digits of HMAC-SHA256(salt, id).
#[derive(Clone)]
pub struct Pseudonyms {
    mac: Hmac<Sha256>,
    hex: usize,
}

impl std::fmt::Debug for Pseudonyms {
    // The key is a secret: never shown, not even in debug output.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pseudonyms(..)")
    }
}

impl Pseudonyms {
    /// Pseudonyms keyed by `salt` (None or empty: no salt given).
    pub fn new(salt: Option<&str>) -> Result<Pseudonyms, PseudonymError> {
        let salt = salt
            .filter(|s| !s.is_empty())
            .ok_or(PseudonymError::NoSalt)?;
        let length = salt.chars().count();
        if length < MIN_SALT {
            return Err(PseudonymError::ShortSalt(length));
        }
        Ok(Pseudonyms::with_length(salt, PSEUDONYM_HEX))
    }

    /// Any salt, any length of pseudonym: for tests of collisions.
    pub fn with_length(salt: &str, hex: usize) -> Pseudonyms {
        // HMAC takes a key of any length: this cannot fail.
        let mac = <Hmac<Sha256> as KeyInit>::new_from_slice(salt.as_bytes())
            .unwrap_or_else(|_| unreachable!("HMAC accepts keys of every length"));
        Pseudonyms {
            mac,
            hex: hex.clamp(1, 64),
        }
    }

    /// The pseudonym of one person id.
    pub fn of(&self, id: &str) -> String {
        let mut mac = self.mac.clone();
        mac.update(id.as_bytes());
        let digest = mac.finalize().into_bytes();
        let mut out = String::with_capacity(2 + self.hex);
        out.push_str("p-");
        for byte in digest.iter() {
            for nibble in [byte >> 4, byte & 0xf] {
                if out.len() < 2 + self.hex {
                    out.push(char::from_digit(nibble as u32, 16).unwrap_or('0'));
                }
            }
        }
        out
    }

    /// The organisation with every person's id replaced by its pseudonym
    /// and every name removed (a name would identify the person). Nothing
    /// else changes: people keep their unit, role, terms and assessments.
    pub fn organisation(&self, mut org: Organisation) -> Result<Organisation, PseudonymError> {
        org.people = self.people(&org.people)?;
        Ok(org)
    }

    fn people(&self, people: &People) -> Result<People, PseudonymError> {
        let mut out = People::default();
        for p in 0..people.len() {
            let pseudonym = self.of(people.id(p));
            if out.find(&pseudonym).is_some() {
                return Err(PseudonymError::Collision(pseudonym));
            }
            let added = out.push(&pseudonym, None, people.unit(p), people.role(p));
            out.set_terms(added, people.terms(p));
        }
        // FORMAT.md r3: ties among people are broken by the original ids,
        // so every number equals the named report's.
        let original = IdOrder::new(people);
        out.set_tie_keys((0..people.len()).map(|p| original.rank(p)).collect());
        Ok(out)
    }

    /// What `--person`, `--mentor` and the like name: an id as in the
    /// files (mapped to its pseudonym) or a pseudonym from a report.
    pub fn lookup(&self, pseudonymous: &Organisation, typed: &str) -> Option<usize> {
        let typed = typed.trim();
        pseudonymous
            .people
            .find(typed)
            .or_else(|| pseudonymous.people.find(&self.of(typed)))
    }
}

/// Rewrites messages that quote file content (`'value'`) for
/// `--pseudonymize`: a person's id or name becomes their pseudonym, the
/// organisation's own vocabulary (skills, roles, units, needs, drivers,
/// activities, levels, column names) and dates stay, and any other quoted
/// value becomes [`HIDDEN`]: it may be a misspelt id or a name. Numbers are
/// hidden too, since employee numbers are numbers.
pub struct Rewriter {
    pseudonyms: Pseudonyms,
    /// Person ids and names, to their pseudonym (None: a name two share).
    people: HashMap<String, Option<String>>,
    vocabulary: HashSet<String>,
}

impl Rewriter {
    /// A rewriter that knows `org`'s people and vocabulary (the organisation
    /// as read, even with errors; None when not even org.toml could be).
    pub fn new(pseudonyms: &Pseudonyms, org: Option<&Organisation>) -> Rewriter {
        let mut people: HashMap<String, Option<String>> = HashMap::new();
        let mut vocabulary = HashSet::new();
        if let Some(org) = org {
            for p in 0..org.people.len() {
                let pseudonym = pseudonyms.of(org.people.id(p));
                people.insert(org.people.id(p).to_string(), Some(pseudonym.clone()));
                if let Some(name) = org.people.name(p) {
                    people
                        .entry(name.to_string())
                        .and_modify(|known| {
                            if known.as_deref() != Some(&pseudonym) {
                                *known = None;
                            }
                        })
                        .or_insert(Some(pseudonym));
                }
            }
            let words = org
                .skills
                .iter()
                .flat_map(|s| [&s.id, &s.name])
                .chain(org.roles.iter().flat_map(|r| [&r.id, &r.name]))
                .chain(org.drivers.iter().flat_map(|d| [&d.id, &d.name]))
                .chain(org.needs.iter().map(|n| &n.id))
                .chain(org.activities.iter().map(|a| &a.name))
                .chain(&org.units)
                .chain(org.declared_units.iter().map(|u| &u.id))
                .chain(&org.scale.levels)
                .chain(std::iter::once(&org.name));
            // Somebody's id or name that is also a skill or unit name is a person's first.
            vocabulary.extend(words.filter(|w| !people.contains_key(*w)).cloned());
        }
        Rewriter {
            pseudonyms: pseudonyms.clone(),
            people,
            vocabulary,
        }
    }

    /// The diagnostics with their messages rewritten.
    pub fn diagnostics(&self, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
        diagnostics
            .into_iter()
            .map(|d| Diagnostic {
                message: self.message(&d.message),
                ..d
            })
            .collect()
    }

    /// One message rewritten: each quoted value in turn. A quote opens a
    /// value unless a letter comes before it (Excel's) and closes one unless
    /// a letter follows it; a value may itself hold a quote (O'Brien), so
    /// the longest quoted span that is a known person or word comes first.
    ///
    /// A value no one vouches for may hold quotes too (`X' 5 SECRET`), and
    /// then where it ends cannot be told from the text (issue 27, F12). So
    /// what is hidden is never less than the whole value, whatever it
    /// holds: unknown values in a row are hidden as one, with the text
    /// between them; a quote that can only close (a letter before it, none
    /// after) where no value is open hides the last value up to it; a
    /// value never closed hides the rest.
    pub fn message(&self, text: &str) -> String {
        let quotes: Vec<usize> = text.match_indices('\'').map(|(i, _)| i).collect();
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let opens = |i: usize| !word(text[..i].chars().next_back());
        let closes = |i: usize| !word(text[i + 1..].chars().next());
        // Quoted spans: the byte range from the opening quote to past the
        // closing one, and how the value is shown (None: hidden).
        let mut spans: Vec<(usize, usize, Option<&str>)> = Vec::new();
        let mut q = 0;
        while q < quotes.len() {
            let open = quotes[q];
            if !opens(open) {
                if let Some(last) = spans.last_mut().filter(|_| closes(open)) {
                    // A stray closing quote: the last value held quotes.
                    *last = (last.0, open + 1, None);
                }
                q += 1;
                continue;
            }
            let later = q + 1..quotes.len();
            let known = later
                .clone()
                .rev()
                .find(|&c| self.known(&text[open + 1..quotes[c]]).is_some());
            let Some(close) = known.or_else(|| later.clone().find(|&c| closes(quotes[c]))) else {
                spans.push((open, text.len(), None));
                break;
            };
            let shown = self.known(&text[open + 1..quotes[close]]);
            spans.push((open, quotes[close] + 1, shown));
            q = close + 1;
        }
        let mut merged: Vec<(usize, usize, Option<&str>)> = Vec::with_capacity(spans.len());
        for span in spans {
            match merged.last_mut() {
                Some(last) if last.2.is_none() && span.2.is_none() => last.1 = span.1,
                _ => merged.push(span),
            }
        }
        let mut out = String::with_capacity(text.len());
        let mut done = 0;
        for (start, end, shown) in merged {
            out.push_str(&text[done..start]);
            out.push('\'');
            out.push_str(shown.unwrap_or(HIDDEN));
            out.push('\'');
            done = end;
        }
        out.push_str(&text[done..]);
        out
    }

    /// How a quoted value is shown, when it may be shown.
    fn known<'a>(&'a self, value: &'a str) -> Option<&'a str> {
        if let Some(person) = self.people.get(value) {
            return Some(person.as_deref().unwrap_or(HIDDEN));
        }
        let harmless = self.vocabulary.contains(value)
            || value.is_empty()
            || crate::model::parse_date(value).is_some()
            || crate::load::column_name(value)
            || is_pseudonym(value);
        harmless.then_some(value)
    }

    /// The pseudonym of an id typed on the command line.
    pub fn pseudonym(&self, id: &str) -> String {
        self.pseudonyms.of(id)
    }
}

/// True for a value shaped like a pseudonym (`p-` and hex digits).
fn is_pseudonym(value: &str) -> bool {
    value
        .strip_prefix("p-")
        .is_some_and(|hex| !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests;
