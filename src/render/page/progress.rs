//! The before/after section of `kompetanse report --since S`: per need, two
//! bars (coverage at S, grey; coverage now, in the heatmap's colours), the
//! totals in words, who moved up and the levels gained by driver. This file
//! turns a [`ProgressReport`] into what `templates/report.html` shows:
//! cleaned text and bar widths. It computes nothing.
//!
//! Its words come from the label catalogue ([`Key`]), in the page's language.

use crate::render::formats::html::{Labels, clean};
use crate::render::page::coverage_class;
use crate::render::reports::text::{level, person};
use crate::render::words::Key;
use crate::report::ProgressReport;

/// The section, worded.
pub struct ProgressSection {
    pub heading: String,
    /// The needs line and the moves line.
    pub intro: Vec<String>,
    pub then_label: String,
    pub now_label: String,
    pub needs: Vec<NeedBars>,
    pub moved_up_heading: String,
    pub nobody: String,
    /// Column headings of the moved-up table.
    pub moved_head: Vec<String>,
    pub moved_up: Vec<Vec<String>>,
    pub drivers_heading: String,
    pub drivers_head: Vec<String>,
    pub drivers: Vec<Vec<String>>,
}

/// One need's two bars.
pub struct NeedBars {
    pub name: String,
    pub id: String,
    /// Coverage in percent (bar widths) and in words.
    pub then_width: String,
    pub then_text: String,
    pub now_width: String,
    pub now_text: String,
    /// The heatmap's colour class of the coverage now.
    pub class: &'static str,
    pub change: String,
}

fn width(share: f64) -> String {
    format!("{:.1}", (share * 100.0).clamp(0.0, 100.0))
}

/// The section for `report`, worded as `labels` say.
pub fn section(r: &ProgressReport, labels: &Labels) -> ProgressSection {
    let l = *labels;
    let intro = crate::render::reports::progress::summary(l, r).to_vec();
    let needs = r
        .needs
        .iter()
        .map(|n| NeedBars {
            name: clean(&n.skill_name),
            id: clean(&n.id),
            then_width: width(n.then.coverage),
            then_text: l.percent(n.then.coverage),
            now_width: width(n.now.coverage),
            now_text: l.percent(n.now.coverage),
            class: coverage_class(n.now.coverage),
            change: crate::render::reports::progress::points(l, n.change),
        })
        .collect();
    let moved_up = r
        .moved_up
        .iter()
        .map(|m| {
            let from = if m.first_assessed {
                l.get(Key::NotAssessedThen).to_string()
            } else {
                level(&r.scale, m.from)
            };
            vec![
                clean(&person(&m.person, m.name.as_deref())),
                clean(m.unit.as_deref().unwrap_or("")),
                clean(&m.skill_name),
                format!("{} -> {}", clean(&from), clean(&level(&r.scale, m.to))),
                format!("+{}", m.gained),
            ]
        })
        .collect();
    let drivers = r
        .gained_by_driver
        .iter()
        .map(|g| {
            vec![
                clean(
                    g.name
                        .as_deref()
                        .or(g.key.as_deref())
                        .unwrap_or(l.get(Key::NoDriver)),
                ),
                l.int(g.people as u64),
                l.int(g.levels),
            ]
        })
        .collect();
    ProgressSection {
        heading: l.fill(Key::ProgressSince, &[&r.since]),
        intro,
        then_label: l.fill(Key::ThenOn, &[&r.since]),
        now_label: l.fill(Key::NowOn, &[&r.as_of]),
        needs,
        moved_up_heading: l.get(Key::MovedUpHeading).to_string(),
        nobody: l.get(Key::Nobody).to_string(),
        moved_head: [
            Key::ColPerson,
            Key::ColUnit,
            Key::ColSkill,
            Key::ColLevel,
            Key::ColChange,
        ]
        .iter()
        .map(|&k| l.get(k).to_string())
        .collect(),
        moved_up,
        drivers_heading: l.get(Key::GainedByDriverHeading).to_string(),
        drivers_head: [Key::ColDriver, Key::ColPeople, Key::ColLevels]
            .iter()
            .map(|&k| l.get(k).to_string())
            .collect(),
        drivers,
    }
}
