//! Semantic tests for competence over time (FORMAT.md r2): "Known at D",
//! "Horizon", "Have" at the horizon, "Renew", the per-skill mix of "Effort",
//! and "Capacity and schedule".
//!
//! Every expected number was worked out by hand from FORMAT.md; the comment
//! above each block shows the working. Unless a test says otherwise D is
//! 2026-06-15, hours_per_level = 40, max_steps = 2 and the mix is 70-20-10.

mod common;

use common::Fixture;
use jiff::civil::date;
use kompetanse::analysis::gap::{GapFilter, gap_report};
use kompetanse::diagnostics::Severity;
use kompetanse::load::LoadOptions;
use kompetanse::model::{Level, Organisation};
use kompetanse::report::{GapReport, NeedGap};

fn report(org: &Organisation) -> GapReport {
    gap_report(org, &GapFilter::default())
}

fn need<'a>(report: &'a GapReport, id: &str) -> &'a NeedGap {
    report
        .needs
        .iter()
        .find(|n| n.id == id)
        .unwrap_or_else(|| panic!("no need '{id}'"))
}

fn level_of(org: &Organisation, person: &str, skill: &str) -> Level {
    let p = org.people.find(person).expect("person");
    let s = org.skill_index(skill).expect("skill");
    org.matrix.level(p, s)
}

/// One skill `s` and one need `n` on it.
fn one_need(level: u8, count: u32) -> String {
    format!(
        "[[skill]]\nid = \"s\"\n\n[[need]]\nid = \"n\"\nskill = \"s\"\nlevel = {level}\ncount = {count}\n"
    )
}

fn as_of(d: jiff::civil::Date) -> LoadOptions {
    LoadOptions {
        as_of: Some(d),
        ..LoadOptions::default()
    }
}

// ---------------------------------------------------------------------------
// Known at D
// ---------------------------------------------------------------------------

/// An assessment dated after D does not exist yet at D: the earlier one is
/// chosen, and with none earlier the pair is unassessed. No warning, since
/// the dates are not after the real today.
#[test]
fn known_at_d_an_assessment_after_d_is_ignored() {
    let fx = Fixture::standard(
        &one_need(3, 1),
        "id\na\nb\n",
        "person,skill,level,assessed\n\
         a,s,2,2025-06-01\n\
         a,s,3,2026-06-16\n\
         b,s,3,2026-06-16\n",
    );
    // D = 2026-06-15: a's 2026-06-16 row is not known, so a = 2 (2025-06-01);
    // b's only row is not known, so b = 0. Need s >= 3 x 1: have 0,
    // shortfall 1, candidates a (1 step), b (3 steps: out of max_steps 2):
    // develop [a 2->3].
    let loaded = fx.loaded(&LoadOptions::default());
    assert!(
        !loaded
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Warning),
        "no warning for dates after D but before today: {:?}",
        loaded.diagnostics
    );
    let org = loaded.org.expect("loads");
    assert_eq!(level_of(&org, "a", "s"), 2);
    assert_eq!(level_of(&org, "b", "s"), 0);
    let r = report(&org);
    let n = need(&r, "n");
    assert_eq!((n.have, n.shortfall), (0, 1));
    assert_eq!(n.develop[0].person, "a");

    // D = 2026-06-16: both rows are known (made on D), a = 3, b = 3: have 2.
    let org = fx.load_with(&as_of(date(2026, 6, 16)));
    assert_eq!(level_of(&org, "a", "s"), 3);
    assert_eq!(level_of(&org, "b", "s"), 3);
    assert_eq!(need(&report(&org), "n").have, 2);
}

/// The same files at two reference dates give the organisation as it was:
/// the wide format too.
#[test]
fn known_at_d_in_the_wide_format() {
    let fx = Fixture::standard(
        &one_need(2, 1),
        "id\na\n",
        "person,assessed,s\na,2026-03-01,2\n",
    );
    assert_eq!(
        level_of(&fx.load_with(&as_of(date(2026, 2, 28))), "a", "s"),
        0
    );
    assert_eq!(
        level_of(&fx.load_with(&as_of(date(2026, 3, 1))), "a", "s"),
        2
    );
}

/// A date after the real today is a warning (a typo), whether or not it is
/// after D; one after D is also ignored.
#[test]
fn known_at_d_a_date_after_today_is_a_warning() {
    let fx = Fixture::standard(
        &one_need(2, 1),
        "id\na\n",
        "person,skill,level,assessed\na,s,2,2099-01-01\n",
    );
    let loaded = fx.loaded(&LoadOptions::default());
    let warnings: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].message.contains("2099-01-01 is after today"));
    assert_eq!(warnings[0].line, Some(2));
    // Not known at D = 2026-06-15.
    assert_eq!(level_of(&loaded.org.expect("loads"), "a", "s"), 0);
    // At D = 2099-01-01 it counts, and is still a warning.
    let loaded = fx.loaded(&as_of(date(2099, 1, 1)));
    assert_eq!(loaded.diagnostics.len(), 1);
    assert_eq!(level_of(&loaded.org.expect("loads"), "a", "s"), 2);
}
