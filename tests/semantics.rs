//! Semantic tests: one or more tests per rule of FORMAT.md "Semantics" (and
//! the parts of "Files" and "Outputs" the rules rely on).
//!
//! Every fixture is a fresh temporary directory holding a small org.toml,
//! people.csv and assessment files. Every expected number below was worked
//! out by hand from FORMAT.md, not copied from the program's output; the
//! comment above each assertion block shows the working.
//!
//! Unless a test says otherwise, the reference date D is 2026-06-15, the
//! scale is the default (none=0, basic=1, working=2, advanced=3, expert=4),
//! hours_per_level = 40, max_steps = 2, max_age_months = 24 and the mix is
//! 70-20-10.

use std::collections::BTreeSet;

mod common;

use common::{Fixture, close, org_toml, split};
use jiff::civil::date;
use kompetanse::analysis::gap::{GapFilter, gap_report};
use kompetanse::diagnostics::Severity;
use kompetanse::load::{self, LoadOptions};
use kompetanse::model::{LearningMix, Level, Organisation, Priority};
use kompetanse::report::{GapReport, NeedGap};
use serde_json::{Value, json};

// ---------------------------------------------------------------------------
// Fixture helpers
// ---------------------------------------------------------------------------

/// The report with no filter.
fn report(org: &Organisation) -> GapReport {
    gap_report(org, &GapFilter::default())
}

/// The need with this id; panics when the report has none.
fn need<'a>(report: &'a GapReport, id: &str) -> &'a NeedGap {
    report
        .needs
        .iter()
        .find(|n| n.id == id)
        .unwrap_or_else(|| panic!("no need '{id}' in report: {:?}", ids(report)))
}

/// The need ids in report order.
fn ids(report: &GapReport) -> Vec<&str> {
    report.needs.iter().map(|n| n.id.as_str()).collect()
}

/// A need's develop list as (person, from, to, hours), in order.
fn develop(need: &NeedGap) -> Vec<(&str, Level, Level, u64)> {
    need.develop
        .iter()
        .map(|d| (d.person.as_str(), d.from, d.to, d.hours))
        .collect()
}

/// (have, shortfall, recruit) of a need.
fn counts(need: &NeedGap) -> (u32, u32, u32) {
    (need.have, need.shortfall, need.recruit)
}

/// L(p, s) as loaded.
fn level_of(org: &Organisation, person: &str, skill: &str) -> Level {
    let p = org
        .people
        .find(person)
        .unwrap_or_else(|| panic!("no person '{person}'"));
    let s = org
        .skill_index(skill)
        .unwrap_or_else(|| panic!("no skill '{skill}'"));
    org.matrix.level(p, s)
}

/// One skill `s` and one need `n` on it.
fn one_need(level: u8, count: u32) -> String {
    format!(
        "[[skill]]\nid = \"s\"\n\n[[need]]\nid = \"n\"\nskill = \"s\"\nlevel = {level}\ncount = {count}\n"
    )
}

// ---------------------------------------------------------------------------
// Reference date
// ---------------------------------------------------------------------------

/// D = `--as-of` (LoadOptions.as_of) else organisation.as_of: moving D
/// changes which assessments are expired and which are stale.
#[test]
fn reference_date_load_option_overrides_organisation_as_of() {
    let fx = Fixture::standard(
        &one_need(2, 1),
        "id\na\nb\n",
        "person,skill,level,assessed,expires\n\
         a,s,2,2026-01-01,2026-06-30\n\
         b,s,1,2024-07-01,\n",
    );

    // D = 2026-06-15 (organisation.as_of): a's expiry 2026-06-30 is not
    // before D, so a = 2 and the need (2 x 1) is met. Stale before
    // 2024-06-15: b's 2024-07-01 is fresh.
    let org = fx.load();
    assert_eq!(org.as_of, date(2026, 6, 15));
    assert!(org.expired.is_empty());
    let r = report(&org);
    assert_eq!(r.as_of, date(2026, 6, 15));
    let n = need(&r, "n");
    assert_eq!(counts(n), (1, 0, 0));
    assert_eq!(r.freshness.assessed, 2);
    assert_eq!(r.freshness.stale, 0);
    assert_eq!(r.freshness.stale_before, Some(date(2024, 6, 15)));

    // D = 2026-07-02 (LoadOptions.as_of wins): a's row expired (2026-06-30 <
    // D), so a = 0; b = 1 and is now stale (2024-07-01 < 2024-07-02).
    // have 0, shortfall 1; candidates 0 <= L < 2: b (1 step), a (2 steps);
    // develop [b 1->2, 40 h], recruit 0.
    let org = fx.load_with(&LoadOptions {
        as_of: Some(date(2026, 7, 2)),
        ..LoadOptions::default()
    });
    assert_eq!(org.as_of, date(2026, 7, 2));
    assert_eq!(org.expired.len(), 1);
    let r = report(&org);
    assert_eq!(r.as_of, date(2026, 7, 2));
    let n = need(&r, "n");
    assert_eq!(counts(n), (0, 1, 0));
    assert_eq!(develop(n), vec![("b", 1, 2, 40)]);
    assert_eq!(r.freshness.expired, 1);
    assert_eq!(r.freshness.assessed, 1);
    assert_eq!(r.freshness.stale, 1);
    assert_eq!(r.freshness.stale_before, Some(date(2024, 7, 2)));
}

/// Without --as-of and organisation.as_of, D is today.
#[test]
fn reference_date_defaults_to_today() {
    let fx = Fixture::new(
        "[organisation]\nname = \"Test\"\n\n[[skill]]\nid = \"s\"\n\n\
         [[need]]\nid = \"n\"\nskill = \"s\"\nlevel = 1\ncount = 1\n",
    );
    let before = load::today();
    let org = fx.load();
    let after = load::today();
    assert!(
        org.as_of == before || org.as_of == after,
        "as_of {} is not today ({before})",
        org.as_of
    );
}

// ---------------------------------------------------------------------------
// Expired
// ---------------------------------------------------------------------------

/// An assessment whose `expires` is before D is set aside as if it did not
/// exist: the level falls back to an older unexpired one, or to 0. Expired
/// rows are counted and listed.
#[test]
fn expired_assessment_is_set_aside_and_older_unexpired_one_wins() {
    let fx = Fixture::standard(
        &one_need(3, 2),
        "id\na\nb\n",
        "person,skill,level,assessed,expires\n\
         a,s,1,2025-06-20,\n\
         a,s,3,2026-01-10,2026-06-14\n\
         b,s,4,2026-02-01,2026-06-01\n",
    );
    let org = fx.load();
    // a: the later-dated row (level 3) expired 2026-06-14 < D, so the older
    // 2025-06-20 row (level 1) is chosen. b: its only row expired, so 0.
    assert_eq!(level_of(&org, "a", "s"), 1);
    assert_eq!(level_of(&org, "b", "s"), 0);
    assert_eq!(org.assessment_rows, 3);
    let listed: Vec<_> = org
        .expired
        .iter()
        .map(|e| (org.people.id(e.person), e.level, e.expires, e.line))
        .collect();
    assert_eq!(
        listed,
        vec![
            ("a", 3, date(2026, 6, 14), 3),
            ("b", 4, date(2026, 6, 1), 4)
        ]
    );

    // Need s >= 3 x 2: have 0, shortfall 2. Candidates 1 <= L < 3: a (1, 2
    // steps); b (0) is 3 steps away. develop [a 1->3, 80 h], recruit 1.
    let r = report(&org);
    let n = need(&r, "n");
    assert_eq!(counts(n), (0, 2, 1));
    assert_eq!(develop(n), vec![("a", 1, 3, 80)]);
    assert_eq!(r.freshness.expired, 2);
    assert_eq!(r.freshness.assessed, 1);
}

/// `expires` == D is not before D, so not expired; one day earlier is.
#[test]
fn expired_boundary_expires_on_reference_date_is_not_expired() {
    let fx = Fixture::standard(
        &one_need(3, 2),
        "id\na\nb\n",
        "person,skill,level,assessed,expires\n\
         a,s,3,2026-01-10,2026-06-15\n\
         b,s,3,2026-01-10,2026-06-14\n",
    );
    let org = fx.load();
    assert_eq!(level_of(&org, "a", "s"), 3);
    assert_eq!(level_of(&org, "b", "s"), 0);
    assert_eq!(org.expired.len(), 1);
    assert_eq!(org.people.id(org.expired[0].person), "b");
    // have 1 (a), shortfall 1; b (0) is 3 steps away: recruit 1.
    let r = report(&org);
    let n = need(&r, "n");
    assert_eq!(counts(n), (1, 1, 1));
    assert!(n.develop.is_empty());
    assert_eq!(r.freshness.expired, 1);
}

// ---------------------------------------------------------------------------
// Current level
// ---------------------------------------------------------------------------

/// The assessment with the latest `assessed` date wins, whatever the row order.
#[test]
fn current_level_latest_assessed_date_wins() {
    let fx = Fixture::standard(
        &one_need(3, 2),
        "id\na\nb\n",
        "person,skill,level,assessed\n\
         a,s,2,2026-03-01\n\
         a,s,4,2025-03-01\n\
         b,s,1,2025-01-01\n\
         b,s,3,2026-01-01\n",
    );
    let org = fx.load();
    // a: 2026-03-01 (level 2) beats the later row dated 2025-03-01.
    assert_eq!(level_of(&org, "a", "s"), 2);
    assert_eq!(level_of(&org, "b", "s"), 3);
    // have 1 (b), shortfall 1, develop [a 2->3, 40 h].
    let r = report(&org);
    let n = need(&r, "n");
    assert_eq!(counts(n), (1, 1, 0));
    assert_eq!(develop(n), vec![("a", 2, 3, 40)]);
}

/// An undated assessment counts as older than any dated one; two undated
/// ones tie and the later row wins.
#[test]
fn current_level_undated_counts_as_older_than_any_dated() {
    let fx = Fixture::standard(
        &one_need(2, 3),
        "id\na\nb\nc\n",
        "person,skill,level,assessed\n\
         a,s,1,2025-01-01\n\
         a,s,4,\n\
         b,s,4,\n\
         b,s,1,2025-01-01\n\
         c,s,4,\n\
         c,s,2,\n",
    );
    let org = fx.load();
    // a: dated 1 beats the later undated 4. b: dated 1 beats the earlier
    // undated 4. c: both undated, the later row (2) wins.
    assert_eq!(level_of(&org, "a", "s"), 1);
    assert_eq!(level_of(&org, "b", "s"), 1);
    assert_eq!(level_of(&org, "c", "s"), 2);
    // Need s >= 2 x 3: have 1 (c), shortfall 2; candidates 0 <= L < 2:
    // a, b (1 step each, no interest, by id): develop both, 40 h each.
    let r = report(&org);
    let n = need(&r, "n");
    assert_eq!(counts(n), (1, 2, 0));
    assert_eq!(develop(n), vec![("a", 1, 2, 40), ("b", 1, 2, 40)]);
    assert_eq!(r.freshness.assessed, 3);
    assert_eq!(r.freshness.undated, 1);
}

/// On an equal date the later line of the same file wins.
#[test]
fn current_level_same_date_later_line_wins_within_a_file() {
    let fx = Fixture::standard(
        &one_need(3, 2),
        "id\na\nb\n",
        "person,skill,level,assessed\n\
         a,s,3,2026-01-01\n\
         a,s,1,2026-01-01\n\
         b,s,1,2026-01-01\n\
         b,s,3,2026-01-01\n",
    );
    let org = fx.load();
    assert_eq!(level_of(&org, "a", "s"), 1);
    assert_eq!(level_of(&org, "b", "s"), 3);
    // have 1 (b), shortfall 1, develop [a 1->3, 2 x 40 = 80 h].
    let r = report(&org);
    let n = need(&r, "n");
    assert_eq!(counts(n), (1, 1, 0));
    assert_eq!(develop(n), vec![("a", 1, 3, 80)]);
}

/// On an equal date the later file (in `assessments` order, not by name)
/// wins; a later file with an older date still loses.
#[test]
fn current_level_same_date_later_file_wins() {
    let fx = Fixture::new(&format!(
        "[organisation]\nname = \"Test\"\nas_of = 2026-06-15\n\n\
         [profiles]\npeople = \"people.csv\"\nassessments = [\"z.csv\", \"a.csv\"]\n\n{}",
        one_need(3, 3)
    ))
    .file("people.csv", "id\na\nb\nc\n")
    .file(
        "z.csv",
        "person,skill,level,assessed\n\
         a,s,1,2026-01-01\n\
         b,s,3,2026-01-01\n\
         c,s,4,2026-02-01\n",
    )
    .file(
        "a.csv",
        "person,skill,level,assessed\n\
         a,s,3,2026-01-01\n\
         b,s,1,2026-01-01\n\
         c,s,2,2026-01-01\n",
    );
    let org = fx.load();
    assert_eq!(level_of(&org, "a", "s"), 3, "a.csv is read after z.csv");
    assert_eq!(level_of(&org, "b", "s"), 1, "a.csv is read after z.csv");
    assert_eq!(
        level_of(&org, "c", "s"),
        4,
        "a later date beats a later file"
    );
    // have 2 (a, c), shortfall 1, develop [b 1->3, 80 h].
    let r = report(&org);
    let n = need(&r, "n");
    assert_eq!(counts(n), (2, 1, 0));
    assert_eq!(develop(n), vec![("b", 1, 3, 80)]);
}

/// A person without an assessment in a skill is at level 0 (unassessed).
#[test]
fn current_level_unassessed_is_zero() {
    let body = "[[skill]]\nid = \"s\"\n\n\
                [[need]]\nid = \"n2\"\nskill = \"s\"\nlevel = 2\ncount = 2\n\n\
                [[need]]\nid = \"n3\"\nskill = \"s\"\nlevel = 3\ncount = 2\n";
    let fx = Fixture::standard(
        body,
        "id\na\nb\nc\n",
        "person,skill,level,assessed\nc,s,4,2026-01-01\n",
    );
    let org = fx.load();
    assert_eq!(level_of(&org, "a", "s"), 0);
    assert_eq!(level_of(&org, "b", "s"), 0);
    let r = report(&org);
    assert_eq!(r.freshness.assessed, 1);
    // n2 (s >= 2 x 2): have 1 (c), shortfall 1; a, b at 0 are 2 steps away:
    // develop [a 0->2, 80 h].
    let n2 = need(&r, "n2");
    assert_eq!(counts(n2), (1, 1, 0));
    assert_eq!(develop(n2), vec![("a", 0, 2, 80)]);
    // n3 (s >= 3 x 2): have 1, shortfall 1; 0 is 3 steps away: recruit 1.
    let n3 = need(&r, "n3");
    assert_eq!(counts(n3), (1, 1, 1));
    assert!(n3.develop.is_empty());
}

// ---------------------------------------------------------------------------
// Stale
// ---------------------------------------------------------------------------

/// Stale = assessed more than max_age_months calendar months before D:
/// exactly max_age_months before D is fresh, one day earlier is stale.
/// Stale assessments still count toward `have`.
#[test]
fn stale_boundary_and_stale_still_counts() {
    let body = format!("[freshness]\nmax_age_months = 12\n\n{}", one_need(3, 4));
    let fx = Fixture::standard(
        &body,
        "id\na\nb\nc\nd\n",
        "person,skill,level,assessed\n\
         a,s,3,2025-06-15\n\
         b,s,3,2025-06-14\n\
         c,s,3,2026-01-01\n\
         d,s,3,\n",
    );
    let org = fx.load();
    let r = report(&org);
    // D - 12 months = 2025-06-15: a fresh, b stale, c fresh, d undated.
    assert_eq!(r.freshness.stale_before, Some(date(2025, 6, 15)));
    assert_eq!(r.freshness.max_age_months, 12);
    assert_eq!(r.freshness.assessed, 4);
    assert_eq!(r.freshness.stale, 1);
    assert_eq!(r.freshness.undated, 1);
    // All four count: have 4, shortfall 0, coverage 1.
    let n = need(&r, "n");
    assert_eq!(counts(n), (4, 0, 0));
    assert_eq!(n.coverage, 1.0);
}

/// The default max_age_months is 24.
#[test]
fn stale_default_max_age_is_24_months() {
    let fx = Fixture::standard(
        &one_need(3, 2),
        "id\na\nb\n",
        "person,skill,level,assessed\n\
         a,s,3,2024-06-15\n\
         b,s,3,2024-06-14\n",
    );
    let r = report(&fx.load());
    assert_eq!(r.freshness.max_age_months, 24);
    assert_eq!(r.freshness.stale_before, Some(date(2024, 6, 15)));
    assert_eq!(r.freshness.stale, 1);
    assert_eq!(counts(need(&r, "n")), (2, 0, 0));
}

/// Months are calendar months, not 30 days: with D = 2026-03-15 and one
/// month, 2026-02-14 (29 days before D) is stale, 2026-02-15 is not.
#[test]
fn stale_counts_calendar_months_not_days() {
    let fx = Fixture::new(&format!(
        "[organisation]\nname = \"Test\"\nas_of = 2026-03-15\n\n\
         [freshness]\nmax_age_months = 1\n\n\
         [profiles]\npeople = \"people.csv\"\nassessments = [\"assessments.csv\"]\n\n{}",
        one_need(1, 1)
    ))
    .file("people.csv", "id\na\nb\nc\n")
    .file(
        "assessments.csv",
        "person,skill,level,assessed\n\
         a,s,2,2026-02-15\n\
         b,s,2,2026-02-14\n\
         c,s,2,2026-01-20\n",
    );
    let r = report(&fx.load());
    assert_eq!(r.freshness.stale_before, Some(date(2026, 2, 15)));
    assert_eq!(r.freshness.assessed, 3);
    assert_eq!(r.freshness.stale, 2);
}

// ---------------------------------------------------------------------------
// Scope
// ---------------------------------------------------------------------------

/// A need for unit `it` covers `it`, `it/platform` and `it/data/ml`, not
/// `itx`; candidates come from the scope too.
#[test]
fn scope_unit_covers_units_below_but_not_prefix_siblings() {
    let body = "[mix]\nmax_steps = 2\n\n[[skill]]\nid = \"s\"\n\n\
                [[need]]\nid = \"it\"\nskill = \"s\"\nlevel = 3\ncount = 5\nunit = \"it\"\n\n\
                [[need]]\nid = \"all\"\nskill = \"s\"\nlevel = 3\ncount = 6\n\n\
                [[need]]\nid = \"plat\"\nskill = \"s\"\nlevel = 3\ncount = 2\nunit = \"it/platform\"\n\n\
                [[need]]\nid = \"itx\"\nskill = \"s\"\nlevel = 3\ncount = 1\nunit = \"itx\"\n\n\
                [[need]]\nid = \"data\"\nskill = \"s\"\nlevel = 3\ncount = 1\nunit = \"it/data\"\n";
    let fx = Fixture::standard(
        body,
        "id,unit\np1,it\np2,it/platform\np3,it/data/ml\np4,itx\np5,\np6,hr\n",
        "person,skill,level,assessed\n\
         p1,s,3,2026-01-01\n\
         p2,s,3,2026-01-01\n\
         p3,s,3,2026-01-01\n\
         p4,s,2,2026-01-01\n\
         p5,s,2,2026-01-01\n\
         p6,s,2,2026-01-01\n",
    );
    let r = report(&fx.load());
    // it: scope p1, p2, p3 (not p4 in itx): have 3, shortfall 2, no
    // candidate in scope: recruit 2.
    let it = need(&r, "it");
    assert_eq!(counts(it), (3, 2, 2));
    assert!(it.develop.is_empty());
    // all: everyone: have 3, shortfall 3, candidates p4, p5, p6 (1 step).
    let all = need(&r, "all");
    assert_eq!(counts(all), (3, 3, 0));
    assert_eq!(
        develop(all),
        vec![("p4", 2, 3, 40), ("p5", 2, 3, 40), ("p6", 2, 3, 40)]
    );
    // plat: p2 only: have 1, shortfall 1, recruit 1.
    assert_eq!(counts(need(&r, "plat")), (1, 1, 1));
    // itx: p4 only (itx is not below it, it is not below itx).
    let itx = need(&r, "itx");
    assert_eq!(counts(itx), (0, 1, 0));
    assert_eq!(develop(itx), vec![("p4", 2, 3, 40)]);
    // it/data covers it/data/ml: have 1.
    assert_eq!(counts(need(&r, "data")), (1, 0, 0));
}

/// People without a unit are only in needs without a unit.
#[test]
fn scope_people_without_unit_count_only_in_org_wide_needs() {
    let body = "[[skill]]\nid = \"s\"\n\n\
                [[need]]\nid = \"it\"\nskill = \"s\"\nlevel = 3\ncount = 1\nunit = \"it\"\n\n\
                [[need]]\nid = \"it1\"\nskill = \"s\"\nlevel = 1\ncount = 2\nunit = \"it\"\n\n\
                [[need]]\nid = \"all\"\nskill = \"s\"\nlevel = 3\ncount = 1\n";
    let fx = Fixture::standard(
        body,
        "id,unit\nx,\ny,it\n",
        "person,skill,level,assessed\nx,s,3,2026-01-01\n",
    );
    let r = report(&fx.load());
    // it: y (0) only: have 0, shortfall 1, 3 steps away: recruit 1.
    assert_eq!(counts(need(&r, "it")), (0, 1, 1));
    // it1 (s >= 1 x 2): have 0 (x is not in it), develop [y 0->1], recruit 1.
    let it1 = need(&r, "it1");
    assert_eq!(counts(it1), (0, 2, 1));
    assert_eq!(develop(it1), vec![("y", 0, 1, 40)]);
    // all: x counts.
    assert_eq!(counts(need(&r, "all")), (1, 0, 0));
}

/// A need with a role covers only people with that role.
#[test]
fn scope_role_covers_only_people_with_that_role() {
    let body = "[[skill]]\nid = \"s\"\n\n[[role]]\nid = \"dev\"\n\n[[role]]\nid = \"ops\"\n\n\
                [[need]]\nid = \"dev\"\nskill = \"s\"\nlevel = 2\ncount = 3\nrole = \"dev\"\n\n\
                [[need]]\nid = \"any\"\nskill = \"s\"\nlevel = 2\ncount = 3\n";
    let fx = Fixture::standard(
        body,
        "id,role\na,dev\nb,ops\nc,\nd,dev\ne,ops\n",
        "person,skill,level,assessed\n\
         a,s,2,2026-01-01\n\
         b,s,2,2026-01-01\n\
         c,s,2,2026-01-01\n\
         d,s,1,2026-01-01\n\
         e,s,1,2026-01-01\n",
    );
    let r = report(&fx.load());
    // dev: a, d: have 1 (a), shortfall 2, candidates d only (e is ops):
    // develop [d 1->2], recruit 1.
    let dev = need(&r, "dev");
    assert_eq!(counts(dev), (1, 2, 1));
    assert_eq!(develop(dev), vec![("d", 1, 2, 40)]);
    // any: a, b, c have 2: have 3, shortfall 0.
    assert_eq!(counts(need(&r, "any")), (3, 0, 0));
}

/// Unit and role together: both must match.
#[test]
fn scope_unit_and_role_together() {
    let body = "[[skill]]\nid = \"s\"\n\n[[role]]\nid = \"dev\"\n\n[[role]]\nid = \"ops\"\n\n\
                [[need]]\nid = \"n\"\nskill = \"s\"\nlevel = 3\ncount = 4\nunit = \"it\"\nrole = \"dev\"\n";
    let fx = Fixture::standard(
        body,
        "id,unit,role\na,it,dev\nb,it,ops\nc,hr,dev\nd,it/platform,dev\ne,itx,dev\nf,it/platform,ops\ng,it,dev\n",
        "person,skill,level,assessed\n\
         a,s,3,2026-01-01\n\
         b,s,3,2026-01-01\n\
         c,s,3,2026-01-01\n\
         d,s,3,2026-01-01\n\
         e,s,3,2026-01-01\n\
         f,s,2,2026-01-01\n\
         g,s,2,2026-01-01\n",
    );
    let r = report(&fx.load());
    // Scope: a, d, g (b and f are ops, c is in hr, e in itx). have 2 (a,
    // d), shortfall 2, candidates g: develop [g 2->3], recruit 1.
    let n = need(&r, "n");
    assert_eq!(counts(n), (2, 2, 1));
    assert_eq!(develop(n), vec![("g", 2, 3, 40)]);
}

// ---------------------------------------------------------------------------
// Have, shortfall, coverage
// ---------------------------------------------------------------------------

/// have = people in scope at or above the level; shortfall = max(0, count -
/// have); coverage = min(have, count) / count.
#[test]
fn have_shortfall_and_coverage() {
    let body = "[[skill]]\nid = \"s\"\n\n\
                [[need]]\nid = \"n1\"\nskill = \"s\"\nlevel = 2\ncount = 4\n\n\
                [[need]]\nid = \"n2\"\nskill = \"s\"\nlevel = 2\ncount = 2\n\n\
                [[need]]\nid = \"n3\"\nskill = \"s\"\nlevel = 4\ncount = 3\n\n\
                [[need]]\nid = \"n4\"\nskill = \"s\"\nlevel = 4\ncount = 1\n";
    let fx = Fixture::standard(
        body,
        "id\na\nb\nc\nd\n",
        "person,skill,level,assessed\n\
         a,s,2,2026-01-01\n\
         b,s,3,2026-01-01\n\
         c,s,4,2026-01-01\n\
         d,s,1,2026-01-01\n",
    );
    let r = report(&fx.load());
    // n1 (>= 2 x 4): have 3 (a = 2 counts: "at or above"), shortfall 1,
    // coverage 3/4; develop [d 1->2].
    let n1 = need(&r, "n1");
    assert_eq!(counts(n1), (3, 1, 0));
    assert_eq!(n1.coverage, 0.75);
    assert_eq!(develop(n1), vec![("d", 1, 2, 40)]);
    // n2 (>= 2 x 2): have 3 > count: shortfall 0, coverage 1, nobody to
    // develop (d is a candidate only when there is a shortfall), effort 0.
    let n2 = need(&r, "n2");
    assert_eq!(counts(n2), (3, 0, 0));
    assert_eq!(n2.coverage, 1.0);
    assert!(n2.develop.is_empty());
    assert_eq!(split(&n2.effort), (0.0, 0.0, 0.0, 0.0));
    // n3 (>= 4 x 3): have 1 (c), shortfall 2, coverage 1/3; candidates
    // 2 <= L < 4: b (1 step), a (2 steps); d (1) is 3 steps away.
    let n3 = need(&r, "n3");
    assert_eq!(counts(n3), (1, 2, 0));
    assert!(close(n3.coverage, 1.0 / 3.0), "{}", n3.coverage);
    assert_eq!(develop(n3), vec![("b", 3, 4, 40), ("a", 2, 4, 80)]);
    assert_eq!(split(&n3.effort), (120.0, 84.0, 24.0, 12.0));
    // n4 (>= 4 x 1): have 1, shortfall 0, coverage 1.
    let n4 = need(&r, "n4");
    assert_eq!(counts(n4), (1, 0, 0));
    assert_eq!(n4.coverage, 1.0);
}

// ---------------------------------------------------------------------------
// Development candidates, develop, recruit
// ---------------------------------------------------------------------------

/// Candidates: level - max_steps <= L < level (default max_steps 2): a
/// person max_steps + 1 below is not a candidate.
#[test]
fn candidates_within_max_steps_default_two() {
    let fx = Fixture::standard(
        &one_need(4, 5),
        "id\na\nb\nc\nd\ne\n",
        "person,skill,level,assessed\n\
         a,s,3,2026-01-01\n\
         b,s,2,2026-01-01\n\
         c,s,1,2026-01-01\n\
         d,s,0,2026-01-01\n\
         e,s,4,2026-01-01\n",
    );
    let r = report(&fx.load());
    // have 1 (e), shortfall 4; candidates 2 <= L < 4: a (1), b (2 steps).
    // c is 3 steps (max_steps + 1) away, d 4: recruit 4 - 2 = 2.
    let n = need(&r, "n");
    assert_eq!(counts(n), (1, 4, 2));
    assert_eq!(develop(n), vec![("a", 3, 4, 40), ("b", 2, 4, 80)]);
}

/// With max_steps = 1 only people one step below are candidates.
#[test]
fn candidates_within_max_steps_one() {
    let body = format!("[mix]\nmax_steps = 1\n\n{}", one_need(3, 4));
    let fx = Fixture::standard(
        &body,
        "id\na\nb\nc\n",
        "person,skill,level,assessed\n\
         a,s,2,2026-01-01\n\
         b,s,1,2026-01-01\n\
         c,s,0,2026-01-01\n",
    );
    let r = report(&fx.load());
    // have 0, shortfall 4; candidates 2 <= L < 3: a. recruit 3.
    let n = need(&r, "n");
    assert_eq!(counts(n), (0, 4, 3));
    assert_eq!(develop(n), vec![("a", 2, 3, 40)]);
}

/// With max_steps = 0 there are no candidates: recruit = shortfall.
#[test]
fn candidates_none_with_max_steps_zero() {
    let body = format!("[mix]\nmax_steps = 0\n\n{}", one_need(3, 2));
    let fx = Fixture::standard(
        &body,
        "id\na\n",
        "person,skill,level,assessed\na,s,2,2026-01-01\n",
    );
    let r = report(&fx.load());
    let n = need(&r, "n");
    assert_eq!(counts(n), (0, 2, 2));
    assert!(n.develop.is_empty());
    assert_eq!(n.effort.total, 0.0);
}

/// Candidates are ordered by steps ascending, then interest (yes first),
/// then person id in plain byte order ("B" < "a", "Zoe" < "anna"); the first
/// `shortfall` are developed and the rest of the shortfall is recruited.
#[test]
fn candidates_order_steps_then_interest_then_id_in_byte_order() {
    let body = "[[skill]]\nid = \"s\"\n\n\
                [[need]]\nid = \"all\"\nskill = \"s\"\nlevel = 3\ncount = 10\n\n\
                [[need]]\nid = \"three\"\nskill = \"s\"\nlevel = 3\ncount = 4\n\n\
                [[need]]\nid = \"one\"\nskill = \"s\"\nlevel = 3\ncount = 2\n";
    let fx = Fixture::standard(
        body,
        "id\nx2\nanna\nA1\nZoe\nh\na\nZ9\nB\n",
        "person,skill,level,assessed,interest\n\
         x2,s,1,2026-01-01,1\n\
         anna,s,2,2026-01-01,nei\n\
         A1,s,1,2026-01-01,0\n\
         Zoe,s,2,2026-01-01,\n\
         h,s,3,2026-01-01,no\n\
         a,s,2,2026-01-01,yes\n\
         Z9,s,1,2026-01-01,true\n\
         B,s,2,2026-01-01,ja\n",
    );
    let r = report(&fx.load());
    // have 1 (h). 1 step with interest: B, a (byte order: 'B' 0x42 < 'a'
    // 0x61). 1 step without: Zoe, anna. 2 steps with interest: Z9, x2
    // (interest never beats steps). 2 steps without: A1.
    let all = need(&r, "all");
    // shortfall 9, 7 candidates: recruit 2. Effort 4 x 40 + 3 x 80 = 400.
    assert_eq!(counts(all), (1, 9, 2));
    assert_eq!(
        develop(all),
        vec![
            ("B", 2, 3, 40),
            ("a", 2, 3, 40),
            ("Zoe", 2, 3, 40),
            ("anna", 2, 3, 40),
            ("Z9", 1, 3, 80),
            ("x2", 1, 3, 80),
            ("A1", 1, 3, 80),
        ]
    );
    assert_eq!(all.effort.total, 400.0);
    // three (x 4): shortfall 3: the first three.
    let three = need(&r, "three");
    assert_eq!(counts(three), (1, 3, 0));
    assert_eq!(
        develop(three),
        vec![("B", 2, 3, 40), ("a", 2, 3, 40), ("Zoe", 2, 3, 40)]
    );
    // one (x 2): shortfall 1: B only.
    let one = need(&r, "one");
    assert_eq!(counts(one), (1, 1, 0));
    assert_eq!(develop(one), vec![("B", 2, 3, 40)]);
}

/// Each need is evaluated on its own: the same person may be on several
/// needs' develop lists, and totals count people-need pairs.
#[test]
fn candidates_each_need_evaluated_on_its_own() {
    let body = "[[skill]]\nid = \"s\"\n\n\
                [[need]]\nid = \"first\"\nskill = \"s\"\nlevel = 3\ncount = 1\npriority = \"high\"\n\n\
                [[need]]\nid = \"second\"\nskill = \"s\"\nlevel = 3\ncount = 1\n\n\
                [[need]]\nid = \"third\"\nskill = \"s\"\nlevel = 3\ncount = 2\npriority = \"low\"\n";
    let fx = Fixture::standard(
        body,
        "id\na\nb\n",
        "person,skill,level,assessed,interest\n\
         b,s,2,2026-01-01,no\n\
         a,s,2,2026-01-01,yes\n",
    );
    let r = report(&fx.load());
    assert_eq!(develop(need(&r, "first")), vec![("a", 2, 3, 40)]);
    assert_eq!(develop(need(&r, "second")), vec![("a", 2, 3, 40)]);
    assert_eq!(
        develop(need(&r, "third")),
        vec![("a", 2, 3, 40), ("b", 2, 3, 40)]
    );
    assert_eq!(r.totals.develop, 4);
    assert_eq!(r.totals.recruit, 0);
    assert_eq!(r.totals.effort.total, 160.0);
}

// ---------------------------------------------------------------------------
// Effort
// ---------------------------------------------------------------------------

/// (to - from) x 40 hours by default, split 70-20-10 by default.
#[test]
fn effort_default_hours_and_default_70_20_10_split() {
    let fx = Fixture::standard(
        &one_need(3, 1),
        "id\na\n",
        "person,skill,level,assessed\na,s,1,2026-01-01\n",
    );
    let r = report(&fx.load());
    assert_eq!(r.mix, LearningMix::SEVENTY_TWENTY_TEN);
    let n = need(&r, "n");
    // a 1 -> 3: 2 x 40 = 80 h = 56 + 16 + 8.
    assert_eq!(develop(n), vec![("a", 1, 3, 80)]);
    assert_eq!(split(&n.effort), (80.0, 56.0, 16.0, 8.0));
}

/// [mix].hours_per_level sets the rate; a skill's own hours_per_level
/// overrides it for that skill.
#[test]
fn effort_mix_hours_per_level_and_per_skill_override() {
    let body = "[mix]\nhours_per_level = 50\n\n\
                [[skill]]\nid = \"r\"\nhours_per_level = 80\n\n[[skill]]\nid = \"s\"\n\n\
                [[need]]\nid = \"nr\"\nskill = \"r\"\nlevel = 3\ncount = 1\n\n\
                [[need]]\nid = \"nr4\"\nskill = \"r\"\nlevel = 4\ncount = 1\n\n\
                [[need]]\nid = \"ns\"\nskill = \"s\"\nlevel = 3\ncount = 1\n\n\
                [[need]]\nid = \"ns4\"\nskill = \"s\"\nlevel = 4\ncount = 1\n";
    let fx = Fixture::standard(
        body,
        "id\na\n",
        "person,skill,level,assessed\na,r,2,2026-01-01\na,s,2,2026-01-01\n",
    );
    let r = report(&fx.load());
    assert_eq!(develop(need(&r, "nr")), vec![("a", 2, 3, 80)]);
    assert_eq!(develop(need(&r, "nr4")), vec![("a", 2, 4, 160)]);
    assert_eq!(develop(need(&r, "ns")), vec![("a", 2, 3, 50)]);
    assert_eq!(develop(need(&r, "ns4")), vec![("a", 2, 4, 100)]);
    // ns: 50 h = 35 + 10 + 5; nr4: 160 h = 112 + 32 + 16.
    assert_eq!(split(&need(&r, "ns").effort), (50.0, 35.0, 10.0, 5.0));
    assert_eq!(split(&need(&r, "nr4").effort), (160.0, 112.0, 32.0, 16.0));
    // Totals: 80 + 160 + 50 + 100 = 390 h = 273 + 78 + 39.
    assert_eq!(split(&r.totals.effort), (390.0, 273.0, 78.0, 39.0));
}

/// The 40-50-10 preset.
#[test]
fn effort_split_by_40_50_10_preset() {
    let body = format!("[mix]\npreset = \"40-50-10\"\n\n{}", one_need(3, 1));
    let fx = Fixture::standard(
        &body,
        "id\na\n",
        "person,skill,level,assessed\na,s,1,2026-01-01\n",
    );
    let r = report(&fx.load());
    assert_eq!(r.mix, LearningMix::FORTY_FIFTY_TEN);
    // 80 h = 32 + 40 + 8.
    assert_eq!(split(&need(&r, "n").effort), (80.0, 32.0, 40.0, 8.0));
}

/// A custom mix given as three percentages.
#[test]
fn effort_split_by_custom_mix() {
    let body = format!(
        "[mix]\nexperience = 50\nsocial = 30\nformal = 20\nhours_per_level = 60\n\n{}",
        one_need(3, 1)
    );
    let fx = Fixture::standard(
        &body,
        "id\na\n",
        "person,skill,level,assessed\na,s,1,2026-01-01\n",
    );
    let r = report(&fx.load());
    assert_eq!(
        r.mix,
        LearningMix {
            experience: 50,
            social: 30,
            formal: 20
        }
    );
    // 2 x 60 = 120 h = 60 + 36 + 24.
    let n = need(&r, "n");
    assert_eq!(develop(n), vec![("a", 1, 3, 120)]);
    assert_eq!(split(&n.effort), (120.0, 60.0, 36.0, 24.0));
}

/// LoadOptions.mix (--mix) overrides [mix]'s percentages.
#[test]
fn effort_load_option_mix_overrides_org_mix() {
    let body = format!("[mix]\npreset = \"40-50-10\"\n\n{}", one_need(3, 1));
    let fx = Fixture::standard(
        &body,
        "id\na\n",
        "person,skill,level,assessed\na,s,2,2026-01-01\n",
    );
    let mix = LearningMix {
        experience: 60,
        social: 30,
        formal: 10,
    };
    let org = fx.load_with(&LoadOptions {
        mix: Some(mix),
        ..LoadOptions::default()
    });
    let r = report(&org);
    assert_eq!(r.mix, mix);
    // 40 h = 24 + 12 + 4 (40-50-10 would be 16 + 20 + 4).
    assert_eq!(split(&need(&r, "n").effort), (40.0, 24.0, 12.0, 4.0));
    assert_eq!(split(&r.totals.effort), (40.0, 24.0, 12.0, 4.0));
}

/// The split parts add up to the total, also when they are not whole hours.
#[test]
fn effort_split_parts_add_up_to_total() {
    let body = format!("[mix]\nhours_per_level = 33\n\n{}", one_need(3, 2));
    let fx = Fixture::standard(
        &body,
        "id\na\nb\n",
        "person,skill,level,assessed\na,s,2,2026-01-01\nb,s,1,2026-01-01\n",
    );
    let r = report(&fx.load());
    let n = need(&r, "n");
    // a 2 -> 3 (33 h) and b 1 -> 3 (66 h): 99 h = 69.3 + 19.8 + 9.9.
    assert_eq!(develop(n), vec![("a", 2, 3, 33), ("b", 1, 3, 66)]);
    let (total, e, s, f) = split(&n.effort);
    assert_eq!(total, 99.0);
    assert!(close(e, 69.3), "{e}");
    assert!(close(s, 19.8), "{s}");
    assert!(close(f, 9.9), "{f}");
    assert!(close(e + s + f, total), "{e} + {s} + {f} != {total}");
    let (total, e, s, f) = split(&r.totals.effort);
    assert_eq!(total, 99.0);
    assert!(close(e + s + f, total), "{e} + {s} + {f} != {total}");
}

// ---------------------------------------------------------------------------
// Level names
// ---------------------------------------------------------------------------

/// Levels may be given as names, in any case, in org.toml (need level, role
/// requires) and in the CSV files.
#[test]
fn level_names_in_org_toml_and_csv_are_case_insensitive() {
    let body = "[[skill]]\nid = \"s\"\n\n[[skill]]\nid = \"t\"\n\n\
                [[role]]\nid = \"dev\"\nrequires = { s = \"Working\", t = 4 }\n\n\
                [[need]]\nid = \"n\"\nskill = \"s\"\nlevel = \"Advanced\"\ncount = 4\n";
    let fx = Fixture::standard(
        body,
        "id\na\nb\nc\nd\ne\n",
        "person,skill,level,assessed\n\
         a,s,ADVANCED,2026-01-01\n\
         b,s,Working,2026-01-01\n\
         c,s,basic,2026-01-01\n\
         d,s,Expert,2026-01-01\n\
         e,s,none,2026-01-01\n",
    );
    let org = fx.load();
    assert_eq!(org.needs[0].level, 3);
    assert_eq!(org.roles[0].requires, vec![(0, 2), (1, 4)]);
    let levels: Vec<Level> = ["a", "b", "c", "d", "e"]
        .iter()
        .map(|p| level_of(&org, p, "s"))
        .collect();
    assert_eq!(levels, vec![3, 2, 1, 4, 0]);
    // have 2 (a, d), shortfall 2; candidates 1 <= L < 3: b (1 step), c (2).
    let r = report(&org);
    let n = need(&r, "n");
    assert_eq!(counts(n), (2, 2, 0));
    assert_eq!(develop(n), vec![("b", 2, 3, 40), ("c", 1, 3, 80)]);
}

/// A custom [scale] has its own names (and its own top).
#[test]
fn level_names_of_a_custom_scale() {
    let body = "[scale]\nlevels = [\"ingen\", \"grunnleggende\", \"god\", \"ekspert\"]\n\n\
                [[skill]]\nid = \"s\"\n\n\
                [[role]]\nid = \"dev\"\nrequires = { s = \"god\" }\n\n\
                [[need]]\nid = \"n\"\nskill = \"s\"\nlevel = \"Ekspert\"\ncount = 4\n";
    let fx = Fixture::standard(
        body,
        "id\na\nb\nc\nd\ne\n",
        "person,skill,level,assessed\n\
         a,s,Ekspert,2026-01-01\n\
         b,s,GOD,2026-01-01\n\
         c,s,grunnleggende,2026-01-01\n\
         d,s,INGEN,2026-01-01\n\
         e,s,3,2026-01-01\n",
    );
    let org = fx.load();
    assert_eq!(org.scale.top(), 3);
    assert_eq!(org.needs[0].level, 3);
    assert_eq!(org.roles[0].requires, vec![(0, 2)]);
    // have 2 (a, e), shortfall 2; candidates 1 <= L < 3: b (1 step), c (2);
    // d (0) is 3 steps away.
    let r = report(&org);
    let n = need(&r, "n");
    assert_eq!(counts(n), (2, 2, 0));
    assert_eq!(develop(n), vec![("b", 2, 3, 40), ("c", 1, 3, 80)]);
}

/// Under a custom scale, the default scale's names are not levels.
#[test]
fn level_names_of_the_default_scale_are_not_levels_of_a_custom_scale() {
    let body = "[scale]\nlevels = [\"ingen\", \"god\", \"ekspert\"]\n\n\
                [[skill]]\nid = \"s\"\n\n\
                [[need]]\nid = \"n\"\nskill = \"s\"\nlevel = \"god\"\ncount = 1\n";
    let fx = Fixture::standard(
        body,
        "id\na\n",
        "person,skill,level,assessed\na,s,advanced,2026-01-01\n",
    );
    let loaded = fx.loaded(&LoadOptions::default());
    assert!(loaded.org.is_none());
    assert!(
        loaded
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error && d.message.contains("'advanced'")),
        "{:?}",
        loaded.diagnostics
    );
}

// ---------------------------------------------------------------------------
// Priority order
// ---------------------------------------------------------------------------

/// Needs are listed critical > high > medium > low, then by shortfall
/// descending, then by need id in byte order ("M-c" < "m-a").
#[test]
fn priority_order_then_shortfall_descending_then_id_byte_order() {
    // x is at 4; max_steps = 0 keeps develop lists empty. Every need is
    // s >= 4, so have = 1 and shortfall = count - 1.
    let mut body = String::from("[mix]\nmax_steps = 0\n\n[[skill]]\nid = \"s\"\n");
    for (id, count, priority) in [
        ("m-b", 2, Some("medium")),
        ("low-big", 6, Some("low")),
        ("h-a", 2, Some("high")),
        ("c1", 1, Some("critical")),
        ("d", 3, None),
        ("m-a", 2, Some("medium")),
        ("h-b", 4, Some("high")),
        ("M-c", 2, Some("medium")),
        ("c2", 2, Some("critical")),
    ] {
        body.push_str(&format!(
            "\n[[need]]\nid = \"{id}\"\nskill = \"s\"\nlevel = 4\ncount = {count}\n"
        ));
        if let Some(p) = priority {
            body.push_str(&format!("priority = \"{p}\"\n"));
        }
    }
    let fx = Fixture::standard(
        &body,
        "id\nx\n",
        "person,skill,level,assessed\nx,s,4,2026-01-01\n",
    );
    let r = report(&fx.load());
    // critical: c2 (shortfall 1), c1 (0). high: h-b (3), h-a (1).
    // medium: d (2, medium by default), then shortfall 1: M-c, m-a, m-b.
    // low: low-big (5: a big shortfall never beats priority).
    assert_eq!(
        ids(&r),
        vec![
            "c2", "c1", "h-b", "h-a", "d", "M-c", "m-a", "m-b", "low-big"
        ]
    );
    assert_eq!(need(&r, "d").priority, Priority::Medium);
    let shortfalls: Vec<u32> = r.needs.iter().map(|n| n.shortfall).collect();
    assert_eq!(shortfalls, vec![1, 0, 3, 1, 2, 1, 1, 1, 5]);
}

/// Default need ids (FORMAT.md org.toml): "<skill>@<unit or *>", plus
/// "#<role>" when scoped to a role.
#[test]
fn need_ids_default_to_skill_at_unit_hash_role() {
    let body = "[[skill]]\nid = \"s\"\n\n[[role]]\nid = \"dev\"\n\n\
                [[need]]\nskill = \"s\"\nlevel = 1\ncount = 1\n\n\
                [[need]]\nskill = \"s\"\nlevel = 1\ncount = 1\nunit = \"it\"\n\n\
                [[need]]\nskill = \"s\"\nlevel = 1\ncount = 1\nrole = \"dev\"\n\n\
                [[need]]\nskill = \"s\"\nlevel = 1\ncount = 1\nunit = \"it/platform\"\nrole = \"dev\"\n";
    let fx = Fixture::standard(
        body,
        "id,unit,role\na,it/platform,dev\n",
        "person,skill,level,assessed\na,s,1,2026-01-01\n",
    );
    let org = fx.load();
    let ids: Vec<&str> = org.needs.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, vec!["s@*", "s@it", "s@*#dev", "s@it/platform#dev"]);
}

// ---------------------------------------------------------------------------
// Totals
// ---------------------------------------------------------------------------

/// totals: needs, unmet (needs with a shortfall), shortfall, develop
/// (people-need pairs), recruit and effort (split by the mix).
#[test]
fn totals_sum_the_needs() {
    let body = "[mix]\nmax_steps = 1\n\n[[skill]]\nid = \"s\"\n\n\
                [[need]]\nid = \"A\"\nskill = \"s\"\nlevel = 3\ncount = 3\n\n\
                [[need]]\nid = \"B\"\nskill = \"s\"\nlevel = 1\ncount = 2\n\n\
                [[need]]\nid = \"C\"\nskill = \"s\"\nlevel = 4\ncount = 3\n";
    let fx = Fixture::standard(
        body,
        "id\na\nb\nc\n",
        "person,skill,level,assessed\n\
         a,s,2,2026-01-01\n\
         b,s,1,2026-01-01\n\
         c,s,3,2026-01-01\n",
    );
    let r = report(&fx.load());
    // A (>= 3 x 3): have 1 (c), shortfall 2, candidates (max 1 step) a:
    // develop [a 2->3], recruit 1, 40 h.
    let a = need(&r, "A");
    assert_eq!(counts(a), (1, 2, 1));
    assert_eq!(develop(a), vec![("a", 2, 3, 40)]);
    // B (>= 1 x 2): have 3, shortfall 0.
    assert_eq!(counts(need(&r, "B")), (3, 0, 0));
    // C (>= 4 x 3): have 0, shortfall 3, candidates c: recruit 2, 40 h.
    let c = need(&r, "C");
    assert_eq!(counts(c), (0, 3, 2));
    assert_eq!(develop(c), vec![("c", 3, 4, 40)]);
    // Totals: 3 needs, 2 unmet, shortfall 5, develop 2, recruit 3, 80 h.
    let t = &r.totals;
    assert_eq!(
        (t.needs, t.unmet, t.shortfall, t.develop, t.recruit),
        (3, 2, 5, 2, 3)
    );
    assert_eq!(split(&t.effort), (80.0, 56.0, 16.0, 8.0));
}

/// No needs: all totals are zero.
#[test]
fn totals_are_zero_without_needs() {
    let fx = Fixture::standard(
        "[[skill]]\nid = \"s\"\n",
        "id\na\n",
        "person,skill,level,assessed\na,s,2,2026-01-01\n",
    );
    let r = report(&fx.load());
    assert!(r.needs.is_empty());
    let t = &r.totals;
    assert_eq!(
        (t.needs, t.unmet, t.shortfall, t.develop, t.recruit),
        (0, 0, 0, 0, 0)
    );
    assert_eq!(split(&t.effort), (0.0, 0.0, 0.0, 0.0));
}

// ---------------------------------------------------------------------------
// GapFilter
// ---------------------------------------------------------------------------

fn filter_fixture() -> Fixture {
    let body = "[mix]\nmax_steps = 0\n\n[[skill]]\nid = \"s\"\n\n\
                [[need]]\nid = \"it\"\nskill = \"s\"\nlevel = 1\ncount = 1\nunit = \"it\"\npriority = \"critical\"\n\n\
                [[need]]\nid = \"plat\"\nskill = \"s\"\nlevel = 1\ncount = 1\nunit = \"it/platform\"\npriority = \"low\"\n\n\
                [[need]]\nid = \"itx\"\nskill = \"s\"\nlevel = 1\ncount = 1\nunit = \"itx\"\npriority = \"high\"\n\n\
                [[need]]\nid = \"all\"\nskill = \"s\"\nlevel = 1\ncount = 1\npriority = \"high\"\n\n\
                [[need]]\nid = \"hr\"\nskill = \"s\"\nlevel = 1\ncount = 2\nunit = \"hr\"\n";
    Fixture::standard(
        body,
        "id,unit\na,it\nb,it/platform\nc,itx\nd,hr\n",
        "person,skill,level,assessed\nd,s,1,2026-01-01\n",
    )
}

/// The unit filter keeps needs in that unit or below it.
#[test]
fn gap_filter_unit_keeps_needs_in_that_unit_or_below() {
    let org = filter_fixture().load();
    let r = gap_report(
        &org,
        &GapFilter {
            unit: Some("it".into()),
            ..GapFilter::default()
        },
    );
    assert_eq!(ids(&r), vec!["it", "plat"]);
    assert_eq!((r.totals.needs, r.totals.shortfall), (2, 2));
    let r = gap_report(
        &org,
        &GapFilter {
            unit: Some("it/platform".into()),
            ..GapFilter::default()
        },
    );
    assert_eq!(ids(&r), vec!["plat"]);
}

/// The priority filter keeps that priority and more urgent ones.
#[test]
fn gap_filter_priority_keeps_that_priority_or_higher() {
    let org = filter_fixture().load();
    let with = |p| {
        let r = gap_report(
            &org,
            &GapFilter {
                priority: Some(p),
                ..GapFilter::default()
            },
        );
        ids(&r).iter().map(|s| s.to_string()).collect::<Vec<_>>()
    };
    assert_eq!(with(Priority::Critical), vec!["it"]);
    // High: itx (shortfall 1) before all (d, in hr, is at 1: shortfall 0).
    assert_eq!(with(Priority::High), vec!["it", "itx", "all"]);
    // hr: medium (default), have 1 of 2: shortfall 1.
    assert_eq!(with(Priority::Medium), vec!["it", "itx", "all", "hr"]);
    assert_eq!(with(Priority::Low), vec!["it", "itx", "all", "hr", "plat"]);
    // Both filters at once.
    let r = gap_report(
        &org,
        &GapFilter {
            unit: Some("it".into()),
            priority: Some(Priority::High),
        },
    );
    assert_eq!(ids(&r), vec!["it"]);
    assert_eq!(r.totals.needs, 1);
}

// ---------------------------------------------------------------------------
// Outputs: JSON and CSV
// ---------------------------------------------------------------------------

fn output_fixture() -> Fixture {
    let body = "[[driver]]\nid = \"cloud\"\nname = \"Cloud\"\n\n\
                [[skill]]\nid = \"s\"\n\n[[role]]\nid = \"dev\"\n\n\
                [[need]]\nid = \"full\"\nskill = \"s\"\nlevel = 3\ncount = 2\nunit = \"it\"\nrole = \"dev\"\n\
                priority = \"critical\"\nby = 2027-01-31\ndriver = \"cloud\"\n\n\
                [[need]]\nid = \"bare\"\nskill = \"s\"\nlevel = 4\ncount = 1\n";
    Fixture::standard(
        body,
        "id,unit,role\na,it,dev\nb,it,dev\n",
        "person,skill,level,assessed,interest\n\
         a,s,2,2026-01-01,yes\n\
         b,s,3,2026-01-01,no\n",
    )
}

fn keys(value: &Value) -> BTreeSet<&str> {
    value
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {value}"))
        .keys()
        .map(String::as_str)
        .collect()
}

fn set<'a>(names: &[&'a str]) -> BTreeSet<&'a str> {
    names.iter().copied().collect()
}

/// The JSON report has exactly FORMAT.md's keys, ISO dates, and null for a
/// missing unit, role, by and driver.
#[test]
fn json_report_shape() {
    let r = report(&output_fixture().load());
    let mut bytes = Vec::new();
    kompetanse::render::json::write(&r, &mut bytes).expect("render JSON");
    let v: Value = serde_json::from_slice(&bytes).expect("valid JSON");
    // The report value, under the contract's version and the report's kind.
    let mut bare = v.clone();
    let top = bare.as_object_mut().expect("an object");
    assert_eq!(top.remove("schema_version"), Some(json!(2)));
    assert_eq!(top.remove("report"), Some(json!("gap")));
    assert_eq!(
        top.remove("tool_version"),
        Some(json!(env!("CARGO_PKG_VERSION")))
    );
    assert_eq!(bare, serde_json::to_value(&r).expect("serialise"));

    assert_eq!(
        keys(&v),
        set(&[
            "schema_version",
            "report",
            "tool_version",
            "organisation",
            "as_of",
            "mix",
            "needs",
            "totals"
        ])
    );
    assert_eq!(v["organisation"], json!("Test"));
    assert_eq!(v["as_of"], json!("2026-06-15"));
    assert_eq!(
        v["mix"],
        json!({"experience": 70, "social": 20, "formal": 10})
    );

    let needs = v["needs"].as_array().expect("needs is an array");
    assert_eq!(needs.len(), 2);
    let need_keys = set(&[
        "id",
        "skill",
        "unit",
        "role",
        "level",
        "count",
        "have",
        "shortfall",
        "coverage",
        "priority",
        "by",
        "horizon",
        "driver",
        "renew",
        "develop",
        "recruit_count",
        "late_count",
        "leaving_count",
        "arriving_count",
        "effort",
        // r3 (issue 25), on every organisation; `cost` only with [cost].
        "surplus",
        "elsewhere",
        "measures",
    ]);
    let effort_keys = set(&["total", "experience", "social", "formal"]);
    for n in needs {
        assert_eq!(keys(n), need_keys);
        assert_eq!(keys(&n["effort"]), effort_keys);
        for d in n["develop"].as_array().expect("develop is an array") {
            assert_eq!(keys(d), set(&["person", "from", "to", "hours"]));
        }
    }

    // full (critical first): scope a, b: have 1 (b), shortfall 1, develop
    // [a 2->3, 40 h] = 28 + 8 + 4.
    let full = &needs[0];
    assert_eq!(full["id"], json!("full"));
    assert_eq!(full["skill"], json!("s"));
    assert_eq!(full["unit"], json!("it"));
    assert_eq!(full["role"], json!("dev"));
    assert_eq!(full["level"], json!(3));
    assert_eq!(full["count"], json!(2));
    assert_eq!(full["have"], json!(1));
    assert_eq!(full["shortfall"], json!(1));
    assert_eq!(full["coverage"].as_f64(), Some(0.5));
    assert_eq!(full["priority"], json!("critical"));
    assert_eq!(full["by"], json!("2027-01-31"));
    // H = by, after D; nothing expires, so no renewal; no capacity, no late.
    assert_eq!(full["horizon"], json!("2027-01-31"));
    assert_eq!(full["renew"], json!([]));
    assert_eq!(full["late_count"], json!(0));
    // Nobody has a first or last day: nobody leaves or arrives.
    assert_eq!(
        (&full["leaving_count"], &full["arriving_count"]),
        (&json!(0), &json!(0))
    );
    assert_eq!(full["driver"], json!("cloud"));
    assert_eq!(full["recruit_count"], json!(0));
    let d = &full["develop"][0];
    assert_eq!(d["person"], json!("a"));
    assert_eq!((d["from"].as_u64(), d["to"].as_u64()), (Some(2), Some(3)));
    assert_eq!(d["hours"].as_f64(), Some(40.0));
    let hours = |e: &Value| {
        ["total", "experience", "social", "formal"]
            .map(|k| e[k].as_f64().unwrap_or_else(|| panic!("{k} in {e}")))
    };
    assert_eq!(hours(&full["effort"]), [40.0, 28.0, 8.0, 4.0]);

    // bare: no unit, role, by or driver: all null; medium by default.
    // have 0, shortfall 1, candidates b (1 step), a (2): develop [b 3->4].
    let bare = &needs[1];
    assert_eq!(bare["id"], json!("bare"));
    for k in ["unit", "role", "by", "driver"] {
        assert_eq!(bare[k], Value::Null, "{k}");
    }
    assert_eq!(bare["priority"], json!("medium"));
    assert_eq!(bare["horizon"], json!("2026-06-15"), "no by: H = D");
    assert_eq!(bare["coverage"].as_f64(), Some(0.0));
    assert_eq!(bare["develop"][0]["person"], json!("b"));

    // totals: 2 needs, 2 unmet, shortfall 2, develop 2, recruit 0, 80 h.
    let t = &v["totals"];
    assert_eq!(
        keys(t),
        set(&[
            "needs_count",
            "unmet",
            "shortfall",
            "renew_count",
            "develop_count",
            "recruit_count",
            "effort",
            "measures"
        ])
    );
    assert_eq!(keys(&t["effort"]), effort_keys);
    assert_eq!(t["needs_count"], json!(2));
    assert_eq!(t["unmet"], json!(2));
    assert_eq!(t["shortfall"], json!(2));
    assert_eq!(t["develop_count"], json!(2));
    assert_eq!(t["renew_count"], json!(0));
    assert_eq!(t["recruit_count"], json!(0));
    assert_eq!(hours(&t["effort"]), [80.0, 56.0, 16.0, 8.0]);
}

/// The CSV report: FORMAT.md's scalar columns, develop as a count and the
/// effort split as four hour columns; empty cells for missing values.
#[test]
fn csv_report_columns_and_rows() {
    let r = report(&output_fixture().load());
    let mut out = Vec::new();
    kompetanse::render::render(
        &r,
        kompetanse::render::Format::Csv,
        Default::default(),
        &mut out,
    )
    .expect("render CSV");
    let text = String::from_utf8(out).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "id,skill,unit,role,level,count,have,shortfall,coverage,priority,by,driver,\
         develop,recruit,effort_hours,experience_hours,social_hours,formal_hours,\
         horizon,renew,late,leaving,arriving"
    );
    // r2 appends horizon (by when after D = 2026-06-15, else D), renew
    // (nobody expires) and late (no capacity: 0), then leaving and
    // arriving (nobody has a first or last day: 0, 0).
    assert_eq!(
        lines[1],
        "full,s,it,dev,3,2,1,1,0.5,critical,2027-01-31,cloud,1,0,40,28,8,4,2027-01-31,0,0,0,0"
    );
    assert_eq!(
        lines[2],
        "bare,s,,,4,1,0,1,0,medium,,,1,0,40,28,8,4,2026-06-15,0,0,0,0"
    );
    assert_eq!(lines.len(), 3);
}

// ---------------------------------------------------------------------------
// Assessment file formats and the CSV dialect
// ---------------------------------------------------------------------------

/// A wide skills matrix (no `skill` column), semicolon-delimited with a BOM:
/// people (with name, unit, role) come from it when there is no people.csv;
/// a blank cell is not assessed.
#[test]
fn wide_format_matrix_without_people_csv() {
    let org_toml = "[organisation]\nname = \"Test\"\nas_of = 2026-06-15\n\n\
                    [profiles]\nassessments = [\"matrix.csv\"]\n\n\
                    [[skill]]\nid = \"rust\"\n\n[[skill]]\nid = \"sql\"\n\n[[role]]\nid = \"dev\"\n\n\
                    [[need]]\nid = \"rust-it\"\nskill = \"rust\"\nlevel = 3\ncount = 3\nunit = \"it\"\n\n\
                    [[need]]\nid = \"sql-all\"\nskill = \"sql\"\nlevel = 2\ncount = 2\n\n\
                    [[need]]\nid = \"rust-dev\"\nskill = \"rust\"\nlevel = 3\ncount = 2\nrole = \"dev\"\n";
    let matrix = "\u{feff}Person;Name;Unit;Role;Assessed;rust;sql\n\
                  a;Ann;it/platform;dev;2026-01-10;3;\n\
                  b;Bo;it;;2026-02-01;advanced;1\n\
                  c;;hr;;;2;working\n";
    let fx = Fixture::new(org_toml).file("matrix.csv", matrix);
    let org = fx.load();
    let people: Vec<_> = (0..org.people.len())
        .map(|p| {
            (
                org.people.id(p),
                org.people.name(p),
                org.people.unit(p).map(|u| org.units[u as usize].as_str()),
                org.people
                    .role(p)
                    .map(|r| org.roles[r as usize].id.as_str()),
            )
        })
        .collect();
    assert_eq!(
        people,
        vec![
            ("a", Some("Ann"), Some("it/platform"), Some("dev")),
            ("b", Some("Bo"), Some("it"), None),
            ("c", None, Some("hr"), None),
        ]
    );
    assert_eq!(level_of(&org, "a", "rust"), 3);
    assert_eq!(level_of(&org, "a", "sql"), 0);
    assert_eq!(level_of(&org, "b", "rust"), 3);
    assert_eq!(level_of(&org, "b", "sql"), 1);
    assert_eq!(level_of(&org, "c", "rust"), 2);
    assert_eq!(level_of(&org, "c", "sql"), 2);

    let r = report(&org);
    // 5 non-blank cells; c's row has no date: 2 undated.
    assert_eq!(r.freshness.assessed, 5);
    assert_eq!(r.freshness.undated, 2);
    // rust-it: a, b (c is in hr): have 2, shortfall 1, recruit 1.
    let rust_it = need(&r, "rust-it");
    assert_eq!(counts(rust_it), (2, 1, 1));
    assert!(rust_it.develop.is_empty());
    // sql-all: have 1 (c), shortfall 1; candidates b (1, 1 step), a (blank
    // = 0, 2 steps): develop [b 1->2].
    let sql_all = need(&r, "sql-all");
    assert_eq!(counts(sql_all), (1, 1, 0));
    assert_eq!(develop(sql_all), vec![("b", 1, 2, 40)]);
    // rust-dev: a only: have 1, shortfall 1, recruit 1.
    assert_eq!(counts(need(&r, "rust-dev")), (1, 1, 1));
}

/// A wide matrix may name people in an `id` column; with people.csv the
/// people come from people.csv.
#[test]
fn wide_format_with_id_column_and_people_csv() {
    let fx = Fixture::new(&org_toml(&format!("{}unit = \"it\"\n", one_need(2, 2))))
        .file("people.csv", "id,unit\nx,it\ny,it\n")
        .file("assessments.csv", "ID,s\nx,2\ny,\n");
    let org = fx.load();
    assert_eq!(level_of(&org, "x", "s"), 2);
    assert_eq!(level_of(&org, "y", "s"), 0);
    let r = report(&org);
    assert_eq!(r.freshness.assessed, 1);
    // have 1 (x), shortfall 1, develop [y 0->2, 80 h].
    let n = need(&r, "n");
    assert_eq!(counts(n), (1, 1, 0));
    assert_eq!(develop(n), vec![("y", 0, 2, 80)]);
}

/// Long format without people.csv: the people come from the assessments
/// (in order of appearance, without unit or role). A need for a unit with
/// nobody in it is a warning, and the whole count is recruited.
#[test]
fn long_format_without_people_csv_people_come_from_assessments() {
    let org_toml = "[organisation]\nname = \"Test\"\nas_of = 2026-06-15\n\n\
                    [profiles]\nassessments = [\"assessments.csv\"]\n\n\
                    [[skill]]\nid = \"s\"\n\n[[skill]]\nid = \"t\"\n\n\
                    [[need]]\nid = \"n\"\nskill = \"s\"\nlevel = 2\ncount = 3\n\n\
                    [[need]]\nid = \"planned\"\nskill = \"s\"\nlevel = 1\ncount = 2\nunit = \"it\"\n";
    let fx = Fixture::new(org_toml).file(
        "assessments.csv",
        "person,skill,level\nx,s,2\ny,s,1\nx,t,3\nz,s,0\n",
    );
    let loaded = fx.loaded(&LoadOptions::default());
    assert!(
        loaded
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Warning && d.message.contains("'planned'")),
        "{:?}",
        loaded.diagnostics
    );
    let org = loaded.org.expect("valid");
    let people: Vec<&str> = org.people.ids().collect();
    assert_eq!(people, vec!["x", "y", "z"]);
    assert!(
        (0..org.people.len()).all(|p| org.people.unit(p).is_none() && org.people.role(p).is_none())
    );
    assert_eq!(level_of(&org, "x", "t"), 3);
    let r = report(&org);
    // n: have 1 (x), shortfall 2; y (1 step), z (2 steps): recruit 0.
    let n = need(&r, "n");
    assert_eq!(counts(n), (1, 2, 0));
    assert_eq!(develop(n), vec![("y", 1, 2, 40), ("z", 0, 2, 80)]);
    // planned: nobody in it: have 0, all 2 recruited.
    let planned = need(&r, "planned");
    assert_eq!(counts(planned), (0, 2, 2));
    assert!(planned.develop.is_empty());
}

/// With people.csv, a person named only in an assessment file is an error.
#[test]
fn long_format_unknown_person_is_an_error_with_people_csv() {
    let fx = Fixture::standard(
        &one_need(1, 1),
        "id\nanna\n",
        "person,skill,level\nanne,s,2\n",
    );
    let loaded = fx.loaded(&LoadOptions::default());
    assert!(loaded.org.is_none());
    assert!(
        loaded
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error && d.message.contains("'anne'")),
        "{:?}",
        loaded.diagnostics
    );
}

/// Tab-delimited files, quoted fields holding the delimiter or a doubled
/// quote, CRLF line ends, header names in any case, unknown people.csv
/// columns ignored.
#[test]
fn csv_dialect_tab_delimiter_quotes_and_case_insensitive_headers() {
    let people = "ID\tName\tUNIT\tEmail\r\n\
                  a\t\"Hansen\tOla\"\tit\tola@example.no\r\n\
                  b\t\"Kari \"\"KK\"\" Berg\"\t\"it/platform\"\t\r\n";
    let assessments = "PERSON\tSkill\tLEVEL\tAssessed\tSource\tInterest\r\n\
                       a\ts\t2\t2026-01-01\t\"self\tmanager\"\tJA\r\n\
                       \"b\"\t\"s\"\t\"1\"\t2026-01-01\t\"x\"\t\"nei\"\r\n";
    let body = format!("{}unit = \"it\"\n", one_need(3, 2));
    let fx = Fixture::standard(&body, people, assessments);
    let org = fx.load();
    let names: Vec<Option<&str>> = (0..org.people.len()).map(|p| org.people.name(p)).collect();
    assert_eq!(names, vec![Some("Hansen\tOla"), Some("Kari \"KK\" Berg")]);
    let units: Vec<&str> = (0..org.people.len())
        .map(|p| org.units[org.people.unit(p).expect("unit") as usize].as_str())
        .collect();
    assert_eq!(units, vec!["it", "it/platform"]);
    assert_eq!(level_of(&org, "a", "s"), 2);
    assert_eq!(level_of(&org, "b", "s"), 1);
    // have 0, shortfall 2: a (1 step), b (2 steps).
    let r = report(&org);
    let n = need(&r, "n");
    assert_eq!(counts(n), (0, 2, 0));
    assert_eq!(develop(n), vec![("a", 2, 3, 40), ("b", 1, 3, 80)]);
}

/// Comma and semicolon files (with and without a BOM) with quoted
/// delimiters; interest words in any case.
#[test]
fn csv_dialect_comma_and_semicolon_with_quoted_delimiters() {
    let people = "\u{feff}Id;Name;Unit\n\
                  a;\"Berg; Kari\";it\n\
                  b;\"Dahl, Cy\";it\n\
                  c;Eng;it\n";
    let assessments = "Person,SKILL,Level,Source,INTEREST\n\
                       a,s,2,\"self, manager\",No\n\
                       b,s,2,\"cert; 2026\",YES\n\
                       c,s,2,,\n";
    let fx = Fixture::standard(&one_need(3, 2), people, assessments);
    let org = fx.load();
    let names: Vec<Option<&str>> = (0..org.people.len()).map(|p| org.people.name(p)).collect();
    assert_eq!(
        names,
        vec![Some("Berg; Kari"), Some("Dahl, Cy"), Some("Eng")]
    );
    // All at 2, 1 step: b (interest YES) first, then a, c by id.
    let r = report(&org);
    let n = need(&r, "n");
    assert_eq!(counts(n), (0, 2, 0));
    assert_eq!(develop(n), vec![("b", 2, 3, 40), ("a", 2, 3, 40)]);
}

// ---------------------------------------------------------------------------
// Role gap (individual perspective)
// ---------------------------------------------------------------------------

/// gap = max(0, target - L) per required skill, effort = gap x the skill's
/// hours per level, split by the mix; readiness = sum min(L, target) / sum
/// targets; no role, no role gap.
#[test]
fn role_gap_per_required_skill_with_effort_and_readiness() {
    let body = "[[skill]]\nid = \"a\"\nhours_per_level = 80\n\n[[skill]]\nid = \"b\"\n\n\
                [[skill]]\nid = \"c\"\n\n\
                [[role]]\nid = \"dev\"\nrequires = { a = 3, b = \"working\", c = 1 }\n";
    let fx = Fixture::standard(
        body,
        "id,role\np,dev\nq,\n",
        "person,skill,level,assessed\n\
         p,a,1,2026-01-01\n\
         p,b,4,2026-01-01\n\
         q,a,1,2026-01-01\n",
    );
    let org = fx.load();
    let p = org.people.find("p").unwrap();
    let q = org.people.find("q").unwrap();
    let gap = kompetanse::analysis::role::role_gap(&org, p).expect("p has a role");
    let rows: Vec<(&str, Level, Level, Level, u64)> = gap
        .skills
        .iter()
        .map(|s| {
            (
                org.skills[s.skill].id.as_str(),
                s.current,
                s.target,
                s.gap,
                s.hours,
            )
        })
        .collect();
    // a: 3 - 1 = 2 levels x 80 h; b: above target, gap 0; c: unassessed, 1 x 40 h.
    assert_eq!(
        rows,
        vec![("a", 1, 3, 2, 160), ("b", 4, 2, 0, 0), ("c", 0, 1, 1, 40)]
    );
    // readiness: (min(1,3) + min(4,2) + min(0,1)) / (3 + 2 + 1) = 3 / 6.
    assert!(close(gap.readiness, 0.5), "{}", gap.readiness);
    // 200 h split 70-20-10.
    assert_eq!(split(&gap.effort), (200.0, 140.0, 40.0, 20.0));
    assert!(kompetanse::analysis::role::role_gap(&org, q).is_none());
}
