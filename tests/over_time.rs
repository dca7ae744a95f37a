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

// ---------------------------------------------------------------------------
// Horizon, Have and Renew
// ---------------------------------------------------------------------------

/// A certificate skill `c` (level 2 needed by `n`), due 2026-12-31.
fn cert_need(count: u32, extra: &str) -> String {
    format!(
        "[[skill]]\nid = \"c\"\n{extra}\n\n[[need]]\nid = \"n\"\nskill = \"c\"\nlevel = 2\ncount = {count}\nby = 2026-12-31\n"
    )
}

/// (person, level, expires, hours) of a need's renew list.
fn renewals(n: &NeedGap) -> Vec<(&str, Level, String, u64)> {
    n.renew
        .iter()
        .map(|r| (r.person.as_str(), r.level, r.expires.to_string(), r.hours))
        .collect()
}

/// H = by = 2026-12-31 (after D = 2026-06-15). A certificate expiring the
/// day before H (2026-12-30) does not count and is renewed; one expiring on
/// H still counts.
#[test]
fn horizon_expiring_the_day_before_h_is_renewed_on_h_counts() {
    let fx = Fixture::standard(
        &cert_need(2, ""),
        "id\na\nb\n",
        "person,skill,level,assessed,expires\n\
         a,c,2,2026-01-01,2026-12-30\n\
         b,c,3,2026-01-01,2026-12-31\n",
    );
    let r = report(&fx.load());
    let n = need(&r, "n");
    // have: b (expires on H); a expires before H: shortfall 2 - 1 = 1,
    // filled by renewing a at her level 2, at hours_per_level = 40 (no
    // renew_hours). coverage 1/2.
    assert_eq!(n.horizon, date(2026, 12, 31));
    assert_eq!((n.have, n.shortfall, n.recruit), (1, 1, 0));
    assert_eq!(n.coverage, 0.5);
    assert_eq!(renewals(n), [("a", 2, "2026-12-30".into(), 40)]);
    assert!(n.develop.is_empty());
    assert_eq!(r.totals.renew, 1);
    // Effort 40 h at 70-20-10.
    assert_eq!(
        (
            n.effort.total,
            n.effort.experience,
            n.effort.social,
            n.effort.formal
        ),
        (40.0, 28.0, 8.0, 4.0)
    );
}

/// Without `by`, H = D: a certificate valid at D counts, as before r2; and
/// a `by` before D also gives H = D.
#[test]
fn horizon_need_without_by_or_by_before_d_is_evaluated_at_d() {
    let assessments = "person,skill,level,assessed,expires\n\
                       a,c,2,2026-01-01,2026-06-20\n";
    let body = "[[skill]]\nid = \"c\"\n\n\
                [[need]]\nid = \"undated\"\nskill = \"c\"\nlevel = 2\ncount = 1\n\n\
                [[need]]\nid = \"overdue\"\nskill = \"c\"\nlevel = 2\ncount = 1\nby = 2026-01-01\n\n\
                [[need]]\nid = \"later\"\nskill = \"c\"\nlevel = 2\ncount = 1\nby = 2026-07-01\n";
    let fx = Fixture::standard(body, "id\na\n", assessments);
    let r = report(&fx.load());
    // a's certificate runs to 2026-06-20: valid at D = 2026-06-15.
    for id in ["undated", "overdue"] {
        let n = need(&r, id);
        assert_eq!(n.horizon, date(2026, 6, 15), "{id}");
        assert_eq!((n.have, n.shortfall), (1, 0), "{id}");
        assert!(n.renew.is_empty(), "{id}");
    }
    // Due 2026-07-01: the certificate is gone by then: renew a.
    let n = need(&r, "later");
    assert_eq!(n.horizon, date(2026, 7, 1));
    assert_eq!((n.have, n.shortfall), (0, 1));
    assert_eq!(renewals(n), [("a", 2, "2026-06-20".into(), 40)]);
}

/// The shortfall is filled by renewal first (expires ascending, then id),
/// then by the develop list, then by recruitment; renew_hours prices a
/// renewal.
#[test]
fn renew_fills_the_shortfall_first_then_develop_then_recruit() {
    let fx = Fixture::standard(
        &cert_need(5, "renew_hours = 8"),
        "id\nx\nb\na\nd\ne\n",
        "person,skill,level,assessed,expires\n\
         x,c,2,2026-01-01,\n\
         b,c,2,2026-01-01,2026-09-01\n\
         a,c,3,2026-01-01,2026-09-01\n\
         d,c,2,2026-01-01,2026-08-01\n\
         e,c,1,2026-01-01,\n",
    );
    let r = report(&fx.load());
    let n = need(&r, "n");
    // have: x (no expiry) = 1; count 5: shortfall 4. Expiring before H
    // 2026-12-31: d (08-01), then a and b (09-01, by id): renew all three
    // at 8 h. 1 left: develop e 1 -> 2 (40 h). recruit 4 - 3 - 1 = 0.
    assert_eq!((n.have, n.shortfall), (1, 4));
    assert_eq!(
        renewals(n),
        [
            ("d", 2, "2026-08-01".into(), 8),
            ("a", 3, "2026-09-01".into(), 8),
            ("b", 2, "2026-09-01".into(), 8),
        ]
    );
    assert_eq!(n.develop.len(), 1);
    assert_eq!(
        (n.develop[0].person.as_str(), n.develop[0].hours),
        ("e", 40)
    );
    assert_eq!(n.recruit, 0);
    assert_eq!(n.effort.total, 3.0 * 8.0 + 40.0);

    // count 2: shortfall 1 (have 1): only the earliest expiry is renewed;
    // nobody is developed or recruited.
    let fx = Fixture::standard(
        &cert_need(2, "renew_hours = 8"),
        "id\nx\nb\na\nd\ne\n",
        "person,skill,level,assessed,expires\n\
         x,c,2,2026-01-01,\n\
         b,c,2,2026-01-01,2026-09-01\n\
         a,c,3,2026-01-01,2026-09-01\n\
         d,c,2,2026-01-01,2026-08-01\n\
         e,c,1,2026-01-01,\n",
    );
    let r = report(&fx.load());
    let n = need(&r, "n");
    assert_eq!(renewals(n), [("d", 2, "2026-08-01".into(), 8)]);
    assert!(n.develop.is_empty());
    assert_eq!(n.recruit, 0);

    // count 8: shortfall 7 = renew 3 + develop 1 + recruit 3.
    let fx = Fixture::standard(
        &cert_need(8, "renew_hours = 8"),
        "id\nx\nb\na\nd\ne\n",
        "person,skill,level,assessed,expires\n\
         x,c,2,2026-01-01,\n\
         b,c,2,2026-01-01,2026-09-01\n\
         a,c,3,2026-01-01,2026-09-01\n\
         d,c,2,2026-01-01,2026-08-01\n\
         e,c,1,2026-01-01,\n",
    );
    let n = need(&report(&fx.load()), "n").clone();
    assert_eq!(
        (n.shortfall, n.renew.len(), n.develop.len(), n.recruit),
        (7, 3, 1, 3)
    );
}

/// Expiring holders outside the need's scope are neither counted nor renewed.
#[test]
fn renew_only_in_scope() {
    let body = "[[skill]]\nid = \"c\"\n\n[[need]]\nid = \"n\"\nskill = \"c\"\nlevel = 2\ncount = 2\nunit = \"helse\"\nby = 2026-12-31\n";
    let fx = Fixture::standard(
        body,
        "id,unit\na,helse\nb,skole\n",
        "person,skill,level,assessed,expires\n\
         a,c,2,2026-01-01,2026-07-01\n\
         b,c,2,2026-01-01,2026-07-01\n",
    );
    let n = need(&report(&fx.load()), "n").clone();
    assert_eq!((n.have, n.shortfall, n.recruit), (0, 2, 1));
    assert_eq!(renewals(&n), [("a", 2, "2026-07-01".into(), 40)]);
}

// ---------------------------------------------------------------------------
// Effort: the skill's own mix
// ---------------------------------------------------------------------------

/// A skill's `mix` splits its effort; the organisation's mix (and --mix,
/// which replaces it) splits the others; totals add each need's split.
#[test]
fn skill_mix_overrides_the_organisations_and_not_the_option() {
    let body = "[[skill]]\nid = \"c\"\nmix = \"0-0-100\"\nrenew_hours = 8\n\n\
                [[skill]]\nid = \"s\"\n\n\
                [[need]]\nid = \"cert\"\nskill = \"c\"\nlevel = 2\ncount = 1\nby = 2026-12-31\n\n\
                [[need]]\nid = \"plain\"\nskill = \"s\"\nlevel = 2\ncount = 1\n";
    let fx = Fixture::standard(
        body,
        "id\na\nb\n",
        "person,skill,level,assessed,expires\n\
         a,c,2,2026-01-01,2026-07-01\n\
         b,s,1,2026-01-01,\n",
    );
    let split = |e: &kompetanse::model::Effort| (e.total, e.experience, e.social, e.formal);
    // cert: renew a, 8 h, all formal. plain: develop b 1 -> 2, 40 h at
    // 70-20-10 = 28, 8, 4. Totals: 48 h = 28, 8, 12.
    let r = report(&fx.load());
    assert_eq!(split(&need(&r, "cert").effort), (8.0, 0.0, 0.0, 8.0));
    assert_eq!(split(&need(&r, "plain").effort), (40.0, 28.0, 8.0, 4.0));
    assert_eq!(split(&r.totals.effort), (48.0, 28.0, 8.0, 12.0));
    // --mix 40-50-10 replaces the organisation's mix only: plain = 16, 20, 4.
    let r = report(&fx.load_with(&LoadOptions {
        mix: Some(kompetanse::model::LearningMix::FORTY_FIFTY_TEN),
        ..LoadOptions::default()
    }));
    assert_eq!(split(&need(&r, "cert").effort), (8.0, 0.0, 0.0, 8.0));
    assert_eq!(split(&need(&r, "plain").effort), (40.0, 16.0, 20.0, 4.0));
    assert_eq!(split(&r.totals.effort), (48.0, 16.0, 20.0, 12.0));
}

/// A skill's mix that does not add up is an error at its line.
#[test]
fn skill_mix_must_be_a_mix() {
    let fx = Fixture::standard(
        "[[skill]]\nid = \"c\"\nmix = \"50-50-50\"\n",
        "id\na\n",
        "person,skill,level\n",
    );
    let loaded = fx.loaded(&LoadOptions::default());
    assert!(loaded.org.is_none());
    let e = &loaded.diagnostics[0];
    assert_eq!(e.severity, Severity::Error);
    assert!(e.message.contains("must sum to 100"), "{}", e.message);
    assert_eq!(e.line, Some(11));
}

// ---------------------------------------------------------------------------
// Capacity and schedule
// ---------------------------------------------------------------------------

use kompetanse::analysis::PeopleFilter;
use kompetanse::analysis::plan::plan_report;
use kompetanse::report::{Goal, PlanReport};

fn plan(org: &Organisation) -> PlanReport {
    plan_report(org, &PeopleFilter::default())
}

fn goal<'a>(plan: &'a PlanReport, person: &str, skill: &str) -> &'a Goal {
    plan.plans
        .iter()
        .find(|p| p.person == person)
        .and_then(|p| p.goals.iter().find(|g| g.skill == skill))
        .unwrap_or_else(|| panic!("no goal {person}/{skill}"))
}

/// Two skills s and t, a need on each at level 2 x 1, due `by_s` and `by_t`.
fn two_needs(capacity: &str, by_s: &str, by_t: &str) -> String {
    format!(
        "{capacity}\n[[skill]]\nid = \"s\"\n\n[[skill]]\nid = \"t\"\n\n\
         [[need]]\nid = \"ns\"\nskill = \"s\"\nlevel = 2\ncount = 1\nby = {by_s}\n\n\
         [[need]]\nid = \"nt\"\nskill = \"t\"\nlevel = 2\ncount = 1\nby = {by_t}\n"
    )
}

const BOTH_AT_ONE: &str = "person,skill,level\na,s,1\na,t,1\n";

/// 365 h a year is one hour a day from D = 2026-06-15. Developing a in s
/// (40 h) finishes on D + 40 days = 2026-07-25: exactly its deadline, in
/// time. Then t (40 h more, 80 in all) finishes D + 80 = 2026-09-03, after
/// its deadline 2026-08-01: late, and 80 - 47 (the hours of the 47 days
/// to 2026-08-01) = 33 h short.
#[test]
fn schedule_two_goals_compete_for_one_persons_hours() {
    let body = two_needs(
        "[capacity]\nhours_per_year = 365",
        "2026-07-25",
        "2026-08-01",
    );
    let fx = Fixture::standard(&body, "id\na\n", BOTH_AT_ONE);
    let org = fx.load();
    let p = plan(&org);
    let s = goal(&p, "a", "s");
    assert_eq!((s.finish, s.late), (Some(date(2026, 7, 25)), false));
    let t = goal(&p, "a", "t");
    assert_eq!((t.finish, t.late), (Some(date(2026, 9, 3)), true));
    assert_eq!(p.plans[0].capacity, Some(365.0));
    // Goals are listed in schedule order: deadline first.
    let order: Vec<_> = p.plans[0].goals.iter().map(|g| g.skill.as_str()).collect();
    assert_eq!(order, ["s", "t"]);
    let late: Vec<_> = p
        .summary
        .late
        .iter()
        .map(|l| {
            (
                l.need.as_str(),
                l.person.as_str(),
                l.skill.as_str(),
                l.finish,
                l.short,
            )
        })
        .collect();
    assert_eq!(late, [("nt", "a", "t", Some(date(2026, 9, 3)), 33.0)]);
    // gap: ns has a in time (late 0), nt has a late (late 1).
    let r = report(&org);
    assert_eq!((need(&r, "ns").late, need(&r, "nt").late), (0, 1));

    // Swap the deadlines: t comes first and s is the late one.
    let body = two_needs(
        "[capacity]\nhours_per_year = 365",
        "2026-08-01",
        "2026-07-25",
    );
    let p = plan(&Fixture::standard(&body, "id\na\n", BOTH_AT_ONE).load());
    assert_eq!(goal(&p, "a", "t").finish, Some(date(2026, 7, 25)));
    assert!(goal(&p, "a", "s").late);
}

/// A deadline one day earlier than the finish is late by one day's hours.
#[test]
fn schedule_a_goal_finishing_the_day_after_its_deadline_is_late() {
    let body = two_needs(
        "[capacity]\nhours_per_year = 365",
        "2026-07-24",
        "2027-12-31",
    );
    let fx = Fixture::standard(&body, "id\na\n", "person,skill,level\na,s,1\n");
    let p = plan(&fx.load());
    let s = goal(&p, "a", "s");
    assert_eq!((s.finish, s.late), (Some(date(2026, 7, 25)), true));
    // 39 days to the deadline: 39 h of 40 fit, 1 h short.
    assert_eq!(p.summary.late[0].short, 1.0);
}

/// A person's own `capacity` overrides `[capacity]`: 0 (on leave) never
/// finishes a goal with hours, which is late when it has a deadline; 182.5
/// (half time) takes twice as long. Capacity takes a decimal comma.
#[test]
fn schedule_capacity_zero_and_part_time() {
    let body = two_needs(
        "[capacity]\nhours_per_year = 365",
        "2026-12-31",
        "2027-12-31",
    );
    let fx = Fixture::standard(
        &body,
        "id;capacity\na;0\nb;182,5\nc;\n",
        "person,skill,level\na,s,1\nb,s,1\nc,t,1\n",
    );
    let org = fx.load();
    let p = plan(&org);
    // ns (count 1) develops a (id order: a before b, both 1 step).
    let a = goal(&p, "a", "s");
    assert_eq!((a.finish, a.late), (None, true));
    assert_eq!(p.plans[0].capacity, Some(0.0));
    let late = &p.summary.late[0];
    assert_eq!(
        (late.need.as_str(), late.finish, late.short),
        ("ns", None, 40.0)
    );
    // c has no capacity of their own: [capacity] 365, 40 h: 2026-07-25.
    assert_eq!(goal(&p, "c", "t").finish, Some(date(2026, 7, 25)));
    assert_eq!(need(&report(&org), "ns").late, 1);

    // With a = 0 left out of the need (count 1, b is the only candidate
    // once a is without): half time, 40 h = 80 days: 2026-09-03.
    let org = org.without(&[org.people.find("a").expect("a")]);
    let p = plan(&org);
    let b = goal(&p, "b", "s");
    assert_eq!((b.finish, b.late), (Some(date(2026, 9, 3)), false));
    assert_eq!(p.plans[0].capacity, Some(182.5));
}

/// Without capacity nothing is scheduled: no finish, nothing late, and the
/// goals keep their order (need goals by priority).
#[test]
fn schedule_without_capacity_changes_nothing() {
    let body = two_needs("", "2026-07-24", "2026-07-01");
    let fx = Fixture::standard(&body, "id\na\n", BOTH_AT_ONE);
    let org = fx.load();
    assert!(!org.schedules());
    let p = plan(&org);
    for g in &p.plans[0].goals {
        assert_eq!((g.finish, g.late), (None, false));
    }
    assert!(p.summary.late.is_empty());
    assert!(report(&org).needs.iter().all(|n| n.late == 0));
}

/// A renewal is a goal of its own in the plan: from L to L, renew_hours,
/// reason the need, renew true, split by the skill's mix, scheduled like any
/// other goal (before a development of the same deadline and priority).
#[test]
fn schedule_a_renewal_is_a_goal_of_its_own() {
    let body = format!(
        "[capacity]\nhours_per_year = 365\n{}",
        cert_need(1, "renew_hours = 8\nmix = \"0-0-100\"")
    );
    let fx = Fixture::standard(
        &body,
        "id\na\n",
        "person,skill,level,assessed,expires\na,c,2,2026-01-01,2026-10-01\n",
    );
    let p = plan(&fx.load());
    let g = goal(&p, "a", "c");
    assert!(g.renew);
    assert_eq!((g.from, g.to), (2, 2));
    assert_eq!(
        (
            g.effort.total,
            g.effort.experience,
            g.effort.social,
            g.effort.formal
        ),
        (8.0, 0.0, 0.0, 8.0)
    );
    // 8 h at an hour a day: D + 8 = 2026-06-23.
    assert_eq!((g.finish, g.late), (Some(date(2026, 6, 23)), false));
    assert_eq!(p.summary.effort.formal, 8.0);
}
