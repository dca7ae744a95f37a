//! Text for people, shared by the human formats (table, markdown): numbers,
//! levels, reasons, activities and effort lines. One home, so the formats
//! word things alike. Machine formats (JSON, CSV) do not use it: their
//! numbers are unrounded (FORMAT.md "Outputs").

use std::fmt::Display;

use crate::model::{Effort, LearningMix, Level, Mode};
use crate::report::{PlanSummary, Reason, SuggestedActivity, Wish};

/// Hours for people: whole numbers without decimals, others with one.
pub fn hours(value: f64) -> String {
    if (value - value.round()).abs() < 0.005 {
        format!("{}", value.round() as i64)
    } else {
        format!("{value:.1}")
    }
}

/// A share as a percentage for people: `66.7 %`, `100 %`.
pub fn percent(share: f64) -> String {
    let p = share * 100.0;
    if (p - p.round()).abs() < 0.05 {
        format!("{} %", p.round() as i64)
    } else {
        format!("{p:.1} %")
    }
}

/// "1 person", "2 people": a count with its noun.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A value, or an empty cell when there is none (dates, drivers, units).
pub fn or_empty<T: Display>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// A level with its name: "3 advanced".
pub fn level(levels: &[String], level: Level) -> String {
    match levels.get(level as usize) {
        Some(name) => format!("{level} {name}"),
        None => level.to_string(),
    }
}

/// The four effort figures: total, experience, social, formal.
pub fn effort_hours(effort: &Effort) -> [String; 4] {
    [
        hours(effort.total),
        hours(effort.experience),
        hours(effort.social),
        hours(effort.formal),
    ]
}

/// "280 h: experience 196 h (70 %), social 56 h (20 %), formal 28 h (10 %)".
pub fn effort_line(effort: &Effort, mix: &LearningMix) -> String {
    format!(
        "{} h: experience {} h ({} %), social {} h ({} %), formal {} h ({} %)",
        hours(effort.total),
        hours(effort.experience),
        mix.experience,
        hours(effort.social),
        mix.social,
        hours(effort.formal),
        mix.formal
    )
}

/// "3 people, 5 goals": who and how much a set of plans covers.
pub fn plan_counts(summary: &PlanSummary) -> String {
    format!(
        "{}, {}",
        count(summary.people, "person", "people"),
        count(summary.goals, "goal", "goals")
    )
}

/// A person's own wishes, when they have any: "rust (now 1 basic), sql (now 0 none)".
pub fn wishes(levels: &[String], wishes: &[Wish]) -> Option<String> {
    let wishes: Vec<String> = wishes
        .iter()
        .map(|w| format!("{} (now {})", w.skill, level(levels, w.level)))
        .collect();
    (!wishes.is_empty()).then(|| wishes.join(", "))
}

/// The heading of the key column of `gap --by unit|skill|driver`.
pub fn group_title(by: &str) -> &'static str {
    match by {
        "unit" => "Unit",
        "skill" => "Skill",
        _ => "Driver",
    }
}

/// Why a goal is there, for people: "role backend", "need rust-app (critical, by 2027-06-30, cloud)".
pub fn reason(reason: &Reason) -> String {
    match reason {
        Reason::Role { role, .. } => format!("role {role}"),
        Reason::Need {
            need,
            priority,
            by,
            driver,
            ..
        } => {
            let mut details = vec![priority.to_string()];
            details.extend(by.map(|d| format!("by {d}")));
            details.extend(driver.clone());
            format!("need {need} ({})", details.join(", "))
        }
    }
}

/// A goal's suggested activities on one line, or that the catalogue has none.
pub fn activities_line(suggestions: &[SuggestedActivity]) -> String {
    let lines = activities(suggestions);
    if lines.is_empty() {
        "none in the catalogue".to_string()
    } else {
        lines.join("; ")
    }
}

/// Activities shown per mode for people (JSON and CSV list them all).
const ACTIVITIES_SHOWN: usize = 3;

/// A goal's suggested activities, mode by mode, the first few of each:
/// "experience: Hospitering (40 h); social: Mentorordning (mandatory, 20 h), +2 more".
fn activities(suggestions: &[SuggestedActivity]) -> Vec<String> {
    Mode::ALL
        .iter()
        .filter_map(|&mode| {
            let in_mode: Vec<_> = suggestions.iter().filter(|a| a.mode == mode).collect();
            let mut names: Vec<String> = in_mode
                .iter()
                .take(ACTIVITIES_SHOWN)
                .map(|a| {
                    let mut notes = Vec::new();
                    if a.mandatory {
                        notes.push("mandatory".to_string());
                    }
                    notes.extend(a.hours.map(|h| format!("{h} h")));
                    if notes.is_empty() {
                        a.name.clone()
                    } else {
                        format!("{} ({})", a.name, notes.join(", "))
                    }
                })
                .collect();
            if in_mode.len() > ACTIVITIES_SHOWN {
                names.push(format!("+{} more", in_mode.len() - ACTIVITIES_SHOWN));
            }
            (!names.is_empty()).then(|| format!("{}: {}", mode.as_str(), names.join(", ")))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_for_people() {
        assert_eq!(hours(28.0), "28");
        assert_eq!(hours(13.2), "13.2");
        assert_eq!(percent(1.0), "100 %");
        assert_eq!(percent(2.0 / 3.0), "66.7 %");
        assert_eq!(count(1, "person", "people"), "1 person");
    }
}
