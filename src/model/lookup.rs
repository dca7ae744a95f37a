//! Look-ups by what a user typed: a person, a role or a unit named on the
//! command line. Each returns the index or normalised value, or a typed
//! [`LookupError`] carrying what was looked for, the value given and the
//! closest known one. The caller (the CLI) names the option; nothing here
//! knows about options or prints.

use std::fmt;

use crate::model::{Organisation, unit_within};
use crate::suggest::{SUGGEST_PEOPLE_LIMIT, clip, suggest};

/// What was looked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Looked {
    Person,
    Role,
    /// A skill, by id or name.
    Skill,
    /// A unit path in which no person or need is.
    Unit,
    /// Text that is not a unit path at all.
    UnitPath,
}

/// A look-up that found nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LookupError {
    pub looked: Looked,
    /// The value as given (a unit: as normalised, when it could be).
    pub value: String,
    /// The closest known value, when one is close enough to be meant.
    pub suggestion: Option<String>,
}

/// "'x': no such person (did you mean 'y'?)": the option name goes before it.
impl fmt::Display for LookupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // An argument may be anything: it is quoted shortened.
        let value = clip(&self.value);
        match self.looked {
            Looked::Person => write!(f, "'{value}': no such person")?,
            Looked::Role => write!(f, "'{value}': no such role")?,
            Looked::Skill => write!(f, "'{value}': no skill has that id or name")?,
            Looked::Unit => write!(f, "'{value}': no person or need is in that unit")?,
            Looked::UnitPath => write!(f, "'{value}' is not a unit path like it/platform")?,
        }
        match &self.suggestion {
            Some(s) => write!(f, " (did you mean '{s}'?)"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for LookupError {}

impl Organisation {
    /// A person's index by id.
    pub fn find_person(&self, id: &str) -> Result<usize, LookupError> {
        self.people.find(id).ok_or_else(|| LookupError {
            looked: Looked::Person,
            value: id.to_string(),
            // Comparing against every id costs more than it helps past a limit.
            suggestion: (self.people.len() <= SUGGEST_PEOPLE_LIMIT)
                .then(|| suggest(id, self.people.ids()).map(String::from))
                .flatten(),
        })
    }

    /// A skill's index by id or by name, compared as headers are (FORMAT
    /// r3: letter case folded, runs of white space as one space).
    pub fn find_skill(&self, text: &str) -> Result<usize, LookupError> {
        let fold = |t: &str| {
            t.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        };
        let wanted = fold(text);
        self.skill_index(text.trim())
            .or_else(|| {
                self.skills
                    .iter()
                    .position(|s| fold(&s.id) == wanted || fold(&s.name) == wanted)
            })
            .ok_or_else(|| LookupError {
                looked: Looked::Skill,
                value: text.to_string(),
                suggestion: suggest(text, self.skills.iter().map(|s| s.id.as_str()))
                    .map(String::from),
            })
    }

    /// A role's index by id.
    pub fn find_role(&self, id: &str) -> Result<usize, LookupError> {
        self.role_index(id).ok_or_else(|| LookupError {
            looked: Looked::Role,
            value: id.to_string(),
            suggestion: suggest(id, self.roles.iter().map(|r| r.id.as_str())).map(String::from),
        })
    }

    /// A unit path, normalised, that some person or need is in (or below).
    pub fn find_unit(&self, unit: &str) -> Result<String, LookupError> {
        let normalised = crate::model::normalise_unit(unit).ok_or_else(|| LookupError {
            looked: Looked::UnitPath,
            value: unit.to_string(),
            suggestion: None,
        })?;
        let known = self.unit_has_people(&normalised)
            || self.needs.iter().any(|n| {
                n.unit
                    .as_deref()
                    .is_some_and(|u| unit_within(u, &normalised))
            });
        if known {
            return Ok(normalised);
        }
        // Only units someone is in (after --without) are worth suggesting.
        let mut units: Vec<&str> = self
            .units
            .iter()
            .map(String::as_str)
            .filter(|u| self.unit_has_people(u))
            .collect();
        units.extend(self.needs.iter().filter_map(|n| n.unit.as_deref()));
        let suggestion = suggest(&normalised, units).map(String::from);
        Err(LookupError {
            looked: Looked::Unit,
            value: normalised,
            suggestion,
        })
    }
}
