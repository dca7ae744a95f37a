//! Text for people, shared by the reports' outlines: levels, people,
//! reasons, activities and effort lines. One home, so the formats
//! word things alike. Machine formats (JSON, CSV) do not use it: their
//! numbers are unrounded (FORMAT.md "Outputs").

use std::fmt::Display;

use crate::model::{Effort, LearningMix, Level, Mode};
use crate::render::words::{Key, Labels};
use crate::report::{PlanSummary, Reason, SuggestedActivity, Wish};

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

/// A person for people: "Hanne Berg (hanne.berg)", or the id alone when
/// the person has no name (or it is the id).
pub fn person(id: &str, name: Option<&str>) -> String {
    match name {
        Some(name) if !name.is_empty() && name != id => format!("{name} ({id})"),
        _ => id.to_string(),
    }
}

/// The four effort figures: total, experience, social, formal.
pub fn effort_hours(l: Labels, effort: &Effort) -> [String; 4] {
    [
        l.hours(effort.total),
        l.hours(effort.experience),
        l.hours(effort.social),
        l.hours(effort.formal),
    ]
}

/// "280 h: experience 196 h (70 %), social 56 h (20 %), formal 28 h (10 %)".
///
/// The shares are those of the hours themselves: where skills have mixes of
/// their own (FORMAT r2) they differ from the organisation's `mix`, which
/// is shown only when there are no hours to share.
pub fn effort_line(l: Labels, effort: &Effort, mix: &LearningMix) -> String {
    let share = |part: f64, pct: u32| {
        if effort.total > 0.0 {
            l.hours(part * 100.0 / effort.total)
        } else {
            pct.to_string()
        }
    };
    l.fill(
        Key::EffortLine,
        &[
            &l.hours(effort.total),
            &l.hours(effort.experience),
            &share(effort.experience, mix.experience),
            &l.hours(effort.social),
            &share(effort.social, mix.social),
            &l.hours(effort.formal),
            &share(effort.formal, mix.formal),
        ],
    )
}

/// "3 people, 5 goals": who and how much a set of plans covers.
pub fn plan_counts(l: Labels, summary: &PlanSummary) -> String {
    format!(
        "{}, {}",
        l.count(summary.people, Key::Person, Key::People),
        l.count(summary.goals, Key::Goal, Key::Goals)
    )
}

/// A person's own wishes, when they have any: "rust (now 1 basic), sql (now 0 none)".
pub fn wishes(l: Labels, levels: &[String], wishes: &[Wish]) -> Option<String> {
    let wishes: Vec<String> = wishes
        .iter()
        .map(|w| l.fill(Key::WishNow, &[&w.skill_name, &level(levels, w.level)]))
        .collect();
    (!wishes.is_empty()).then(|| wishes.join(", "))
}

/// What `gap --by unit|skill|driver` groups by, in words.
pub fn group_word(l: Labels, by: &str) -> &'static str {
    l.get(match by {
        "unit" => Key::GroupUnit,
        "skill" => Key::GroupSkill,
        _ => Key::GroupDriver,
    })
}

/// Why a goal is there, for people: "role backend", "need rust-app (critical, by 2027-06-30, cloud)".
pub fn reason(l: Labels, reason: &Reason) -> String {
    match reason {
        Reason::Role { role, .. } => l.fill(Key::ReasonRole, &[role]),
        Reason::Need {
            need,
            priority,
            by,
            driver,
            ..
        } => {
            let mut details = vec![l.priority(*priority).to_string()];
            details.extend(by.map(|d| l.fill(Key::ByDate, &[&d])));
            details.extend(driver.as_deref().map(str::to_string));
            l.fill(Key::ReasonNeed, &[need, &details.join(", ")])
        }
    }
}

/// A goal's suggested activities on one line, or that the catalogue has none.
pub fn activities_line(l: Labels, suggestions: &[SuggestedActivity]) -> String {
    let lines = activities(l, suggestions);
    if lines.is_empty() {
        l.get(Key::NoActivities).to_string()
    } else {
        lines.join("; ")
    }
}

/// Activities shown per mode for people (JSON and CSV list them all).
const ACTIVITIES_SHOWN: usize = 3;

/// A goal's suggested activities, mode by mode, the first few of each:
/// "experience: Hospitering (40 h); social: Mentorordning (mandatory, 20 h), +2 more".
fn activities(l: Labels, suggestions: &[SuggestedActivity]) -> Vec<String> {
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
                        notes.push(l.get(Key::Mandatory).to_string());
                    }
                    notes.extend(
                        a.hours
                            .map(|h| format!("{} {}", l.int(h.into()), l.get(Key::HoursUnit))),
                    );
                    if notes.is_empty() {
                        a.name.clone()
                    } else {
                        format!("{} ({})", a.name, notes.join(", "))
                    }
                })
                .collect();
            if in_mode.len() > ACTIVITIES_SHOWN {
                names.push(l.fill(Key::More, &[&(in_mode.len() - ACTIVITIES_SHOWN)]));
            }
            (!names.is_empty()).then(|| format!("{}: {}", l.mode(mode), names.join(", ")))
        })
        .collect()
}

/// "2 -> 3", or "3" when nothing changed.
pub fn then_now(l: Labels, then: Option<u64>, now: u64) -> String {
    match then {
        Some(then) if then != now => format!("{} -> {}", l.int(then), l.int(now)),
        _ => l.int(now),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_by_name_and_id() {
        assert_eq!(
            person("hanne.berg", Some("Hanne Berg")),
            "Hanne Berg (hanne.berg)"
        );
        assert_eq!(person("x", None), "x");
    }
}
