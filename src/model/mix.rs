//! How people learn and what it costs (FORMAT.md "Effort"): the learning
//! mix and its split of hours into experience, social and formal, the
//! activity catalogue's vocabulary, and the policy numbers from org.toml.
//!
//! The effort of one development, (b - a) x hours_per_level, is
//! `Organisation::hours_per_level` times the steps; [`LearningMix::split`]
//! splits it. Nothing here reads files or knows about reports.

use std::fmt;

use serde::{Serialize, Serializer};

use crate::model::Level;

/// The three ways people learn, in the order of the 70-20-10 model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Experience,
    Social,
    Formal,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::Experience, Mode::Social, Mode::Formal];

    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Experience => "experience",
            Mode::Social => "social",
            Mode::Formal => "formal",
        }
    }
}

/// Which skills an activity fits: breadth, specialist or any.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ActivityKind {
    Breadth,
    Specialist,
    #[default]
    Any,
}

/// A learning activity from the catalogue (*kompetansepraksis*).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity {
    pub name: String,
    pub mode: Mode,
    pub kind: ActivityKind,
    pub mandatory: bool,
    /// Skills it is meant for; empty = any skill of its kind.
    pub skills: Vec<usize>,
    pub hours: Option<u32>,
}

/// The learning mix: how development effort splits by mode, in whole percent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct LearningMix {
    pub experience: u32,
    pub social: u32,
    pub formal: u32,
}

impl LearningMix {
    pub const SEVENTY_TWENTY_TEN: LearningMix = LearningMix {
        experience: 70,
        social: 20,
        formal: 10,
    };
    pub const FORTY_FIFTY_TEN: LearningMix = LearningMix {
        experience: 40,
        social: 50,
        formal: 10,
    };

    /// The named presets: "70-20-10" and "40-50-10".
    pub fn preset(name: &str) -> Option<LearningMix> {
        match name.trim() {
            "70-20-10" => Some(Self::SEVENTY_TWENTY_TEN),
            "40-50-10" => Some(Self::FORTY_FIFTY_TEN),
            _ => None,
        }
    }

    /// Parses a preset name or any `E-S-F` triple of whole numbers summing to 100.
    pub fn parse(text: &str) -> Result<LearningMix, String> {
        if let Some(mix) = Self::preset(text) {
            return Ok(mix);
        }
        let parts: Vec<&str> = text.trim().split(['-', '/', ',']).collect();
        let numbers: Option<Vec<u32>> = parts.iter().map(|p| p.trim().parse().ok()).collect();
        match numbers.as_deref() {
            Some(&[experience, social, formal]) => {
                let mix = LearningMix {
                    experience,
                    social,
                    formal,
                };
                mix.check()?;
                Ok(mix)
            }
            _ => Err(format!(
                "'{text}' is not a learning mix: use 70-20-10, 40-50-10 or three whole percentages like 60-30-10"
            )),
        }
    }

    /// The percentages must sum to 100.
    pub fn check(&self) -> Result<(), String> {
        let parts = [self.experience, self.social, self.formal];
        if parts.iter().any(|&p| p > 100) {
            return Err(format!(
                "each part of the learning mix is a percentage from 0 to 100, not {}-{}-{}",
                self.experience, self.social, self.formal
            ));
        }
        let sum: u32 = parts.iter().sum();
        if sum == 100 {
            Ok(())
        } else {
            Err(format!(
                "the learning mix must sum to 100, but {} + {} + {} = {sum}",
                self.experience, self.social, self.formal
            ))
        }
    }

    /// Splits whole hours by the mix. The parts are exact up to one rounding
    /// each (integer product, one division), and never rounded for display here.
    pub fn split(&self, hours: u64) -> Effort {
        let mut mixed = MixedHours::default();
        mixed.add(*self, hours);
        mixed.effort()
    }
}

/// Hours split by more than one mix (FORMAT.md r2: a skill's own mix beside
/// the organisation's), added up exactly: each mode keeps the sum of hours x
/// percent as an integer and divides by 100 once, so hours under one mix
/// split exactly as [`LearningMix::split`] of their sum does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MixedHours {
    hours: u64,
    /// Sum of hours x percent for experience, social and formal.
    parts: [u64; 3],
}

impl MixedHours {
    /// Adds `hours` split by `mix`.
    pub fn add(&mut self, mix: LearningMix, hours: u64) {
        self.hours += hours;
        let pcts = [mix.experience, mix.social, mix.formal];
        for (part, pct) in self.parts.iter_mut().zip(pcts) {
            *part += hours * pct as u64;
        }
    }

    /// Adds hours already split.
    pub fn add_all(&mut self, other: MixedHours) {
        self.hours += other.hours;
        for (part, more) in self.parts.iter_mut().zip(other.parts) {
            *part += more;
        }
    }

    pub fn hours(&self) -> u64 {
        self.hours
    }

    /// The hours and their split.
    pub fn effort(&self) -> Effort {
        let part = |i: usize| self.parts[i] as f64 / 100.0;
        Effort {
            total: self.hours as f64,
            experience: part(0),
            social: part(1),
            formal: part(2),
        }
    }
}

impl fmt::Display for LearningMix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}-{}", self.experience, self.social, self.formal)
    }
}

/// Hours of development effort and their split by the learning mix.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default, schemars::JsonSchema)]
pub struct Effort {
    #[serde(serialize_with = "serialize_hours")]
    pub total: f64,
    #[serde(serialize_with = "serialize_hours")]
    pub experience: f64,
    #[serde(serialize_with = "serialize_hours")]
    pub social: f64,
    #[serde(serialize_with = "serialize_hours")]
    pub formal: f64,
}

/// The organisation's philosophy in numbers: mix, effort rates and freshness.
#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    pub mix: LearningMix,
    pub hours_per_level: u32,
    pub max_steps: Level,
    pub max_age_months: u32,
    /// `[capacity] hours_per_year` (r2): learning hours a person can spend a
    /// year; None: unlimited (unless a person has their own).
    pub capacity: Option<f64>,
    /// `[plan] max_mentees` (r2): goals one person mentors at most.
    pub max_mentees: u32,
    /// `[assessment]` (r3): which source's level counts, and calibration.
    pub sources: crate::model::SourceRule,
    /// `[cost]` (r3): money for budgets; None: no cost anywhere.
    pub cost: Option<crate::model::CostRates>,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            mix: LearningMix::SEVENTY_TWENTY_TEN,
            hours_per_level: 40,
            max_steps: 2,
            max_age_months: 24,
            capacity: None,
            max_mentees: 3,
            sources: crate::model::SourceRule::default(),
            cost: None,
        }
    }
}

/// Serialises hours: whole numbers as integers (`40`), others as decimals (`13.2`).
pub fn serialize_hours<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    if value.fract() == 0.0 && value.abs() < 9_007_199_254_740_992.0 {
        serializer.serialize_i64(*value as i64)
    } else {
        serializer.serialize_f64(*value)
    }
}

/// [`serialize_hours`] of a value that is there (fields that are absent
/// when None skip it).
pub fn serialize_optional_hours<S: Serializer>(
    value: &Option<f64>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => serialize_hours(v, serializer),
        None => serializer.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixed_hours_add_each_mix_exactly() {
        let mut mixed = MixedHours::default();
        mixed.add(LearningMix::SEVENTY_TWENTY_TEN, 30);
        mixed.add(LearningMix::SEVENTY_TWENTY_TEN, 10);
        assert_eq!(mixed.effort(), LearningMix::SEVENTY_TWENTY_TEN.split(40));
        // 40 h at 70-20-10 (28, 8, 4) and 8 h all formal (0, 0, 8).
        mixed.add(LearningMix::parse("0-0-100").unwrap(), 8);
        let e = mixed.effort();
        assert_eq!(
            (e.total, e.experience, e.social, e.formal),
            (48.0, 28.0, 8.0, 12.0)
        );
    }

    #[test]
    fn mix_split_and_parse() {
        let e = LearningMix::SEVENTY_TWENTY_TEN.split(40);
        assert_eq!(
            (e.total, e.experience, e.social, e.formal),
            (40.0, 28.0, 8.0, 4.0)
        );
        assert_eq!(
            LearningMix::parse("40-50-10"),
            Ok(LearningMix::FORTY_FIFTY_TEN)
        );
        assert_eq!(
            LearningMix::parse("60-30-10"),
            Ok(LearningMix {
                experience: 60,
                social: 30,
                formal: 10
            })
        );
        assert!(LearningMix::parse("60-30-20").is_err());
        assert!(LearningMix::parse("abc").is_err());
    }
}
