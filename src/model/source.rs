//! FORMAT.md r3: several sources of one person's level. `[assessment]
//! prefer` orders sources (the earliest listed wins, whatever its date; a
//! source not in the list after every listed one), and "Calibration" pairs
//! a person's latest `self` and `manager` levels in a skill. What a
//! `source` cell says is decided once here, by [`SourceRule::classify`].
//!
//! Sources are compared ignoring case, and the Norwegian words people
//! write are the same source: `selv`/`egen`/`egenvurdering` are `self`,
//! `leder` is `manager`, `sertifikat`/`sertifisering` are `certificate`.

use crate::model::Level;

/// Who made an assessment, as far as calibration cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SourceKind {
    /// The person's own assessment (`self`).
    Own,
    /// Their line manager's (`manager`).
    Manager,
    /// A certificate's (`certificate`).
    Certificate,
    /// Anything else, or no source at all.
    #[default]
    Other,
}

impl SourceKind {
    /// FORMAT.md's word for the source a report shows ("self", "manager",
    /// "certificate"); None for any other.
    pub fn word(self) -> Option<&'static str> {
        match self {
            SourceKind::Own => Some("self"),
            SourceKind::Manager => Some("manager"),
            SourceKind::Certificate => Some("certificate"),
            SourceKind::Other => None,
        }
    }
}

/// What one `source` cell means: its place in `prefer` (0 first; without
/// `prefer` every source is 0, so only dates count) and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Source {
    pub rank: u8,
    pub kind: SourceKind,
}

/// `[assessment]`: the source order and the calibration threshold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRule {
    /// `prefer`, each source in its plain form (lower case, aliases
    /// resolved); empty: the latest assessment wins whatever its source.
    pub prefer: Vec<String>,
    /// `calibrate_at`: self and manager this many levels apart or more are
    /// listed for a competence talk (default 2).
    pub calibrate_at: Level,
}

impl Default for SourceRule {
    fn default() -> Self {
        SourceRule {
            prefer: Vec::new(),
            calibrate_at: 2,
        }
    }
}

/// The words for the three common sources, in English and Norwegian, and
/// the source each means.
const ALIASES: &[(&str, &str)] = &[
    ("self", "self"),
    ("selv", "self"),
    ("egen", "self"),
    ("egenvurdering", "self"),
    ("self-assessment", "self"),
    ("manager", "manager"),
    ("leder", "manager"),
    ("lederens", "manager"),
    ("nærmeste leder", "manager"),
    ("certificate", "certificate"),
    ("cert", "certificate"),
    ("sertifikat", "certificate"),
    ("sertifikater", "certificate"),
    ("sertifisering", "certificate"),
];

/// The common source a (trimmed) text names, ignoring case; no allocation
/// for ASCII text, so a `source` column costs little per row.
fn alias(text: &str) -> Option<&'static str> {
    let found = |t: &str| {
        ALIASES
            .iter()
            .find(|(word, _)| word.eq_ignore_ascii_case(t))
            .map(|&(_, source)| source)
    };
    if text.is_ascii() {
        found(text)
    } else {
        found(&text.to_lowercase())
    }
}

/// The plain form of a source: trimmed, lower case, with the Norwegian
/// words for the three common sources turned into English.
pub fn plain_source(text: &str) -> String {
    let text = text.trim();
    alias(text).map_or_else(|| text.to_lowercase(), str::to_string)
}

impl SourceRule {
    /// True when `prefer` orders sources (else only dates decide).
    pub fn ranks(&self) -> bool {
        !self.prefer.is_empty()
    }

    /// What a `source` cell means (blank: no source, after every listed one).
    pub fn classify(&self, text: &str) -> Source {
        let text = text.trim();
        let common = alias(text);
        let kind = match common {
            Some("self") => SourceKind::Own,
            Some("manager") => SourceKind::Manager,
            Some("certificate") => SourceKind::Certificate,
            _ => SourceKind::Other,
        };
        let rank = if self.prefer.is_empty() {
            0
        } else if text.is_empty() {
            self.unlisted()
        } else {
            let listed = |plain: &str| self.prefer.iter().position(|p| p == plain);
            match common {
                Some(source) => listed(source),
                None => listed(&text.to_lowercase()),
            }
            .map_or(self.unlisted(), |i| i as u8)
        };
        Source { rank, kind }
    }

    /// The rank of a source not in `prefer`: after every listed one.
    pub fn unlisted(&self) -> u8 {
        self.prefer.len().min(u8::MAX as usize) as u8
    }
}

/// A person's latest self and manager levels in a skill, both known at D
/// and unexpired (FORMAT.md r3 "Calibration"); person and skill are
/// indexes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SelfAndManager {
    pub person: usize,
    pub skill: usize,
    pub own: Level,
    pub manager: Level,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_rank_by_prefer_and_unlisted_ones_come_last() {
        let rule = SourceRule {
            prefer: vec!["certificate".into(), "manager".into(), "self".into()],
            calibrate_at: 2,
        };
        assert_eq!(rule.classify("Certificate").rank, 0);
        assert_eq!(rule.classify(" leder ").rank, 1);
        assert_eq!(rule.classify("LEDER").kind, SourceKind::Manager);
        assert_eq!(rule.classify("selv").rank, 2);
        assert_eq!(rule.classify("selv").kind, SourceKind::Own);
        assert_eq!(rule.classify("kollega").rank, 3);
        assert_eq!(rule.classify("").rank, 3);
        let latest = SourceRule::default();
        assert!(!latest.ranks());
        assert_eq!(latest.classify("manager").rank, 0);
        assert_eq!(latest.classify("self").kind, SourceKind::Own);
    }
}
