//! Semantic tests for people over time (FORMAT.md r2 "Present" and the r2
//! part of "Scope"): people.csv's `starts` (first working day) and `leaves`
//! (last working day), needs counted among the people present at their
//! horizon, and balance, role gaps and plans among those present at D.
//!
//! Every expected number was worked out by hand from FORMAT.md; the comment
//! above each block shows the working. D is 2026-06-15, hours_per_level 40,
//! max_steps 2, mix 70-20-10.

mod common;

use common::Fixture;
use jiff::civil::date;
use kompetanse::analysis::PeopleFilter;
use kompetanse::analysis::balance::{BalanceOptions, balance_report, key_people};
use kompetanse::analysis::gap::{GapFilter, gap_report};
use kompetanse::analysis::plan::plan_report;
use kompetanse::analysis::role::person_report;
use kompetanse::diagnostics::Severity;
use kompetanse::load::LoadOptions;
use kompetanse::model::Organisation;
use kompetanse::report::NeedGap;

fn need(org: &Organisation, id: &str) -> NeedGap {
    gap_report(org, &GapFilter::default())
        .needs
        .into_iter()
        .find(|n| n.id == id)
        .unwrap_or_else(|| panic!("no need '{id}'"))
}

fn develop(n: &NeedGap) -> Vec<&str> {
    n.develop.iter().map(|d| d.person.as_str()).collect()
}

/// Skill s; need `n` at level 2 x `count`, due `by` (or without `by`).
fn one_need(count: u32, by: Option<&str>) -> String {
    let by = by.map(|b| format!("by = {b}\n")).unwrap_or_default();
    format!(
        "[[skill]]\nid = \"s\"\n\n[[need]]\nid = \"n\"\nskill = \"s\"\nlevel = 2\ncount = {count}\n{by}"
    )
}

/// H = 2026-12-31. A last day on H counts; the day before does not (and
/// that person is leaving). A first day on H counts (arriving); the day
/// after does not.
#[test]
fn present_at_h_last_day_on_h_counts_first_day_on_h_counts() {
    let fx = Fixture::standard(
        &one_need(5, Some("2026-12-31")),
        "id,starts,leaves\n\
         on_h,,2026-12-31\n\
         before_h,,2026-12-30\n\
         starts_h,2026-12-31,\n\
         after_h,2027-01-01,\n\
         stays,,\n",
        "person,skill,level\n\
         on_h,s,2\nbefore_h,s,2\nstarts_h,s,2\nafter_h,s,2\nstays,s,2\n",
    );
    let n = need(&fx.load(), "n");
    // Present at H: on_h, starts_h, stays: have 3 of 5, shortfall 2.
    // Leaving: before_h (present at D, gone by H). Arriving: starts_h.
    // Candidates: none below level 2 in scope: recruit 2.
    assert_eq!((n.have, n.shortfall, n.recruit), (3, 2, 2));
    assert_eq!((n.leaving, n.arriving), (1, 1));
}

/// A leaver is neither counted nor a development candidate; a signed hire
/// who starts by H is a candidate at their assessed level.
#[test]
fn leaver_is_not_a_candidate_and_a_hire_is() {
    let fx = Fixture::standard(
        &one_need(2, Some("2027-03-31")),
        "id;startdato;sluttdato\n\
         a;;31.01.2027\n\
         b;04.01.2027;\n\
         c;;\n",
        "person,skill,level,interest\n\
         a,s,1,ja\n\
         b,s,1,\n\
         c,s,0,\n",
    );
    let n = need(&fx.load(), "n");
    // Present at H = 2027-03-31: b (started 2027-01-04) and c; a left
    // 2027-01-31. have 0, shortfall 2. Candidates: b (1 step), c (2 steps);
    // a (1 step, interest) would come first but has left.
    assert_eq!((n.have, n.shortfall), (0, 2));
    assert_eq!(develop(&n), ["b", "c"]);
    assert_eq!((n.leaving, n.arriving), (1, 1));
}

/// A need without `by` is evaluated at D: a hire who has not started is not
/// counted; someone leaving later still is.
#[test]
fn need_without_by_counts_the_people_present_at_d() {
    let fx = Fixture::standard(
        &one_need(3, None),
        "id,starts,leaves\nhire,2026-09-01,\nleaver,,2026-07-01\nstays,,\n",
        "person,skill,level\nhire,s,3\nleaver,s,2\nstays,s,2\n",
    );
    let n = need(&fx.load(), "n");
    // At D = 2026-06-15: leaver (until 2026-07-01) and stays: have 2.
    assert_eq!((n.have, n.shortfall, n.leaving, n.arriving), (2, 1, 0, 0));
    assert_eq!(n.horizon, date(2026, 6, 15));
}

/// Someone whose last day is before D is a warning naming the file and
/// line, and is counted nowhere: not in needs, balance, role gaps or plans.
#[test]
fn a_person_who_left_before_d_is_a_warning_and_counted_nowhere() {
    let body = format!(
        "{}\n[[role]]\nid = \"r\"\nrequires = {{ s = 3 }}\n",
        one_need(2, None)
    );
    let fx = Fixture::standard(
        &body,
        "id,role,leaves\ngone,r,2026-05-31\nhere,r,\n",
        "person,skill,level\ngone,s,3\nhere,s,2\n",
    );
    let loaded = fx.loaded(&LoadOptions::default());
    let warnings: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].path.ends_with("people.csv"));
    assert_eq!(warnings[0].line, Some(2));
    assert!(
        warnings[0]
            .message
            .contains("left on 2026-05-31, before the reference date 2026-06-15"),
        "{}",
        warnings[0].message
    );
    let org = loaded.org.expect("loads");
    // need: here only: have 1 of 2.
    assert_eq!(need(&org, "n").have, 1);
    // balance: one person, at level 2.
    let b = balance_report(&org, &BalanceOptions::default());
    assert_eq!(b.skills[0].people, 1);
    assert_eq!(b.skills[0].levels, [0, 0, 1, 0, 0]);
    // role gaps: here only (2 -> 3).
    let r = person_report(&org, &PeopleFilter::default());
    let listed: Vec<_> = r.people.iter().map(|p| p.person.as_str()).collect();
    assert_eq!(listed, ["here"]);
    // plans: here only.
    let p = plan_report(&org, &PeopleFilter::default());
    let planned: Vec<_> = p.plans.iter().map(|p| p.person.as_str()).collect();
    assert_eq!(planned, ["here"]);
}

/// Balance lists who arrives (after D) and who leaves within the window;
/// role gaps leave out a hire who has not started.
#[test]
fn balance_lists_arriving_and_leaving_and_role_gaps_wait_for_hires() {
    let body = format!(
        "{}\n[[role]]\nid = \"r\"\nrequires = {{ s = 3 }}\n",
        one_need(1, None)
    );
    let fx = Fixture::standard(
        &body,
        "id,unit,role,starts,leaves\n\
         hire,it,r,2026-08-01,\n\
         soon,it,r,,2026-08-31\n\
         later,hr,r,,2027-06-30\n\
         early,hr,r,,2026-07-01\n",
        "person,skill,level\nhire,s,3\nsoon,s,1\nlater,s,1\nearly,s,1\n",
    );
    let org = fx.load();
    let b = balance_report(&org, &BalanceOptions::default());
    // Present at D: soon, later, early (hire starts 2026-08-01).
    assert_eq!(b.skills[0].people, 3);
    let arriving: Vec<_> = b
        .arriving
        .iter()
        .map(|m| (m.person.as_str(), m.date))
        .collect();
    assert_eq!(arriving, [("hire", date(2026, 8, 1))]);
    // Within 90 days of D (to 2026-09-13): early (hr, 07-01), soon (it,
    // 08-31); unit by unit: hr before it. later (2027) is outside.
    let leaving: Vec<_> = b
        .leaving
        .iter()
        .map(|m| (m.unit.as_deref(), m.person.as_str(), m.date))
        .collect();
    assert_eq!(
        leaving,
        [
            (Some("hr"), "early", date(2026, 7, 1)),
            (Some("it"), "soon", date(2026, 8, 31)),
        ]
    );
    // A wider window takes in `later`.
    let wide = balance_report(
        &org,
        &BalanceOptions {
            expiring_days: 400,
            ..BalanceOptions::default()
        },
    );
    assert_eq!(wide.leaving.len(), 3);
    let r = person_report(&org, &PeopleFilter::default());
    let listed: Vec<_> = r.people.iter().map(|p| p.person.as_str()).collect();
    assert_eq!(
        listed,
        ["early", "later", "soon"],
        "the hire has not started"
    );
}

/// Key-person risk over time: two holders who both leave before a need is
/// due are a risk, naming the need and each last day; if one stays, no risk.
#[test]
fn key_people_who_all_leave_before_a_need_is_due() {
    let body = "[[skill]]\nid = \"s\"\n\n\
                [[need]]\nid = \"late\"\nskill = \"s\"\nlevel = 3\ncount = 1\nby = 2027-06-30\n\n\
                [[need]]\nid = \"soon\"\nskill = \"s\"\nlevel = 3\ncount = 1\nby = 2026-09-30\n";
    let fx = Fixture::standard(
        body,
        "id,leaves\na,2027-03-31\nb,2026-12-31\nc,\n",
        "person,skill,level\na,s,3\nb,s,4\nc,s,2\n",
    );
    let org = fx.load();
    let k = &key_people(&org)[0];
    // Holders at 3: a and b (c is at 2). Both leave, the last on
    // 2027-03-31; "soon" (2026-09-30) is due before that, "late"
    // (2027-06-30) after: risk, naming "late".
    assert_eq!(k.holders, 2);
    assert!(k.risk);
    let gone = k.gone.as_ref().expect("gone");
    assert_eq!(
        (gone.need.as_str(), gone.horizon),
        ("late", date(2027, 6, 30))
    );
    let who: Vec<_> = gone
        .holders
        .iter()
        .map(|d| (d.person.as_str(), d.leaves))
        .collect();
    assert_eq!(who, [("a", date(2027, 3, 31)), ("b", date(2026, 12, 31))]);
    let warning = k.warning("org.toml").expect("a warning");
    assert!(
        warning
            .message
            .contains("leaves before need 'late' is due 2027-06-30")
            && warning.message.contains("'a' (last day 2027-03-31)"),
        "{}",
        warning.message
    );

    // c raised to 3 stays: no risk.
    let fx = Fixture::standard(
        body,
        "id,leaves\na,2027-03-31\nb,2026-12-31\nc,\n",
        "person,skill,level\na,s,3\nb,s,4\nc,s,3\n",
    );
    let k = &key_people(&fx.load())[0];
    assert!(!k.risk && k.gone.is_none());
}

/// A signed hire on a develop list gets a plan whose hours start on their
/// first day.
#[test]
fn a_hires_plan_starts_on_the_first_day() {
    let body = format!(
        "[capacity]\nhours_per_year = 365\n\n{}",
        one_need(1, Some("2026-12-31"))
    );
    let fx = Fixture::standard(
        &body,
        "id,starts\nhire,2026-09-01\n",
        "person,skill,level\nhire,s,1\n",
    );
    let org = fx.load();
    let n = need(&org, "n");
    assert_eq!(develop(&n), ["hire"]);
    // 40 h at an hour a day from 2026-09-01: 2026-10-11.
    let p = plan_report(&org, &PeopleFilter::default());
    assert_eq!(p.plans.len(), 1);
    assert_eq!(p.plans[0].goals[0].finish, Some(date(2026, 10, 11)));
}

/// Dates in people.csv are checked: a bad date, and a last day before the
/// first, are errors at the cell.
#[test]
fn bad_first_and_last_days_are_errors() {
    let fx = Fixture::standard(
        &one_need(1, None),
        "id,starts,leaves\na,2027-13-01,\nb,2027-02-01,2027-01-31\n",
        "person,skill,level\n",
    );
    let loaded = fx.loaded(&LoadOptions::default());
    assert!(loaded.org.is_none());
    let errors: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| (d.line, d.column))
        .collect();
    assert_eq!(errors, [(Some(2), Some(2)), (Some(3), Some(3))]);
}

/// Progress counts, at each date, the people present then: a hire who has
/// not started and someone who left in between move neither up nor down,
/// and the level counts equal the balance at each date.
#[test]
fn progress_counts_the_people_present_at_each_date() {
    use kompetanse::analysis::progress::progress_report;
    let fx = Fixture::standard(
        &one_need(1, None),
        "id,starts,leaves\nhire,2026-09-01,\nleft,,2026-03-31\nstays,,\n",
        "person,skill,level,assessed\n\
         hire,s,3,2026-05-01\n\
         left,s,2,2025-06-01\n\
         stays,s,1,2025-06-01\n\
         stays,s,2,2026-05-01\n",
    );
    let now = fx.load();
    let then = fx.load_with(&LoadOptions {
        as_of: Some(date(2026, 1, 1)),
        ..LoadOptions::default()
    });
    let r = progress_report(&then, &now);
    // At S = 2026-01-01: left (2) and stays (1) are here; at D: stays (2).
    let up: Vec<_> = r
        .moved_up
        .iter()
        .map(|m| (m.person.as_str(), m.from, m.to))
        .collect();
    assert_eq!(up, [("stays", 1, 2)]);
    assert!(r.moved_down.is_empty());
    let balance = |o: &Organisation| {
        balance_report(o, &BalanceOptions::default()).skills[0]
            .levels
            .clone()
    };
    assert_eq!(r.skills[0].levels_then, balance(&then));
    assert_eq!(r.skills[0].levels_now, balance(&now));
    assert_eq!(r.skills[0].levels_now, [0, 0, 1, 0, 0]);
}

/// The case, through the command line: a unit's only expert in
/// sky-arkitektur retires 2027-03-31; a need for one expert by 2027-06-30.
/// Without the last day it is covered; with it, it is short by one, the
/// expert is leaving, and the key-person warning names her last day and
/// the need.
#[test]
fn the_only_expert_retires_before_the_need_is_due() {
    let body = "[[skill]]\nid = \"sky-arkitektur\"\n\n\
                [[need]]\nid = \"sky\"\nskill = \"sky-arkitektur\"\nlevel = 4\ncount = 1\nunit = \"it\"\nby = 2027-06-30\n";
    let assessments = "person,skill,level\nkari,sky-arkitektur,4\nola,sky-arkitektur,3\n";
    let gap = |people: &str| {
        let fx = Fixture::standard(body, people, assessments);
        let out = fx.run(&["gap", "org.toml", "-f", "json"]);
        assert_eq!(out.status.code(), Some(0));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        (
            json["needs"][0].clone(),
            String::from_utf8(out.stderr).expect("UTF-8"),
        )
    };
    let (before, warned) = gap("id,unit\nkari,it\nola,it\n");
    assert_eq!(
        (&before["have"], &before["shortfall"]),
        (&1.into(), &0.into())
    );
    assert!(
        warned.contains("only 'kari' holds 'sky-arkitektur'"),
        "{warned}"
    );
    let (after, warned) = gap("id,unit,sluttdato\nkari,it,31.03.2027\nola,it,\n");
    // kari is gone by H: have 0, shortfall 1, leaving 1; ola (3) is one
    // step below: develop ola 3 -> 4.
    assert_eq!(
        (&after["have"], &after["shortfall"]),
        (&0.into(), &1.into())
    );
    assert_eq!(after["leaving_count"], 1);
    assert_eq!(after["develop"][0]["person"], "ola");
    assert!(
        warned.contains(
            "the only holder of 'sky-arkitektur' at level 4 or above leaves before need 'sky' is due 2027-06-30: 'kari' (last day 2027-03-31)"
        ),
        "{warned}"
    );
}
