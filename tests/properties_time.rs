//! Property tests (proptest) for competence over time, over random small
//! organisations written as real files and loaded as the tool loads them:
//! - removing every `by` gives the pre-r2 results (checked against a plain
//!   re-statement of FORMAT.md's "Have", "Shortfall", "Development
//!   candidates" without horizons);
//! - renewing never needs more recruits than letting the certificates run
//!   out (the same files at D = the need's horizon), and renew + develop +
//!   recruit = shortfall for every need;
//! - the schedule never finishes a goal before D, finishes goals in
//!   schedule order, and a goal is late exactly when it finishes after its
//!   deadline;
//! - (people over time) last days after every horizon change nothing, and
//!   `--without` equals deleting those people from the files, with first
//!   and last days in them.

mod common;

use common::Fixture;
use kompetanse::analysis::PeopleFilter;
use kompetanse::analysis::gap::{GapFilter, gap_report};
use kompetanse::analysis::plan::plan_report;
use kompetanse::load::LoadOptions;
use kompetanse::model::Organisation;
use proptest::prelude::*;

const UNITS: [&str; 3] = ["a", "a/x", "b"];
const D: &str = "2026-06-15";

#[derive(Debug, Clone)]
struct Row {
    level: u8,
    /// Days before D it was assessed (0..500).
    age: u16,
    /// Days after 2026-01-01 it expires, if it does (0..800).
    expires: Option<u16>,
}

#[derive(Debug, Clone)]
struct NeedSpec {
    skill: usize,
    level: u8,
    count: u32,
    unit: Option<usize>,
    /// Days after 2026-01-01 it is due, if it is (0..900).
    by: Option<u16>,
}

#[derive(Debug, Clone)]
struct OrgSpec {
    units: Vec<usize>,
    /// Each person's first day (days from D, -300..300) and, if any, last
    /// day (days from the first, 0..800); None: neither.
    dates: Vec<Option<(i16, Option<u16>)>>,
    /// rows[person][skill]
    rows: Vec<[Option<Row>; 2]>,
    needs: Vec<NeedSpec>,
    renew_hours: [Option<u16>; 2],
    capacity: Option<u16>,
}

fn row() -> impl Strategy<Value = Option<Row>> {
    prop::option::of((0u8..=4, 0u16..500, prop::option::of(0u16..800)).prop_map(
        |(level, age, expires)| Row {
            level,
            age,
            expires,
        },
    ))
}

fn org_spec() -> impl Strategy<Value = OrgSpec> {
    let need = (
        0usize..2,
        1u8..=4,
        1u32..=5,
        prop::option::of(0usize..3),
        prop::option::of(0u16..900),
    )
        .prop_map(|(skill, level, count, unit, by)| NeedSpec {
            skill,
            level,
            count,
            unit,
            by,
        });
    let dates = prop::option::weighted(0.3, (-300i16..300, prop::option::of(0u16..800)));
    (
        prop::collection::vec((0usize..3, row(), row(), dates), 1..9),
        prop::collection::vec(need, 1..5),
        [prop::option::of(0u16..60), prop::option::of(0u16..60)],
        prop::option::of(0u16..400),
    )
        .prop_map(|(people, needs, renew_hours, capacity)| OrgSpec {
            units: people.iter().map(|p| p.0).collect(),
            dates: people.iter().map(|p| p.3).collect(),
            rows: people.into_iter().map(|p| [p.1, p.2]).collect(),
            needs,
            renew_hours,
            capacity,
        })
}

fn date_after(base: &str, days: i64) -> String {
    let base: jiff::civil::Date = base.parse().expect("date");
    base.checked_add(jiff::Span::new().days(days))
        .expect("date")
        .to_string()
}

/// How the files write people's first and last days.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Days {
    /// As the spec says.
    AsGiven,
    /// No `starts`/`leaves` at all.
    None,
    /// Everyone's last day after every horizon and every goal's finish
    /// (and no first day): a goal of a person with 1 h a year may finish
    /// in 2106, and a mentor must be there at its end (FORMAT r3), so the
    /// last day is the last a date can be.
    LeaveLate,
}

/// The spec as files; `with_by = false` drops every need's `by`.
fn fixture(spec: &OrgSpec, with_by: bool) -> Fixture {
    files(spec, with_by, Days::AsGiven, None)
}

/// The spec as files, with people's days as `days` says, and without the
/// person `without` (their row and assessments deleted).
fn files(spec: &OrgSpec, with_by: bool, days: Days, without: Option<usize>) -> Fixture {
    let mut body = String::new();
    if let Some(c) = spec.capacity {
        body.push_str(&format!("[capacity]\nhours_per_year = {c}\n\n"));
    }
    for (s, renew) in spec.renew_hours.iter().enumerate() {
        body.push_str(&format!("[[skill]]\nid = \"s{s}\"\n"));
        if let Some(h) = renew {
            body.push_str(&format!("renew_hours = {h}\n"));
        }
        body.push('\n');
    }
    for (i, n) in spec.needs.iter().enumerate() {
        body.push_str(&format!(
            "[[need]]\nid = \"n{i}\"\nskill = \"s{}\"\nlevel = {}\ncount = {}\n",
            n.skill, n.level, n.count
        ));
        if let Some(u) = n.unit {
            body.push_str(&format!("unit = \"{}\"\n", UNITS[u]));
        }
        if let (Some(by), true) = (n.by, with_by) {
            body.push_str(&format!("by = {}\n", date_after("2026-01-01", by as i64)));
        }
        body.push('\n');
    }
    let mut people = String::from("id,unit,starts,leaves\n");
    let mut rows = String::from("person,skill,level,assessed,expires\n");
    for (p, unit) in spec.units.iter().enumerate() {
        if without == Some(p) {
            continue;
        }
        let (starts, leaves) = match (days, spec.dates[p]) {
            (Days::AsGiven, Some((start, length))) => {
                let first = date_after(D, start as i64);
                let last = length.map(|l| date_after(&first, l as i64));
                (first, last.unwrap_or_default())
            }
            (Days::LeaveLate, _) => (String::new(), "9999-12-31".to_string()),
            _ => (String::new(), String::new()),
        };
        people.push_str(&format!("p{p},{},{starts},{leaves}\n", UNITS[*unit]));
        for (s, row) in spec.rows[p].iter().enumerate() {
            if let Some(r) = row {
                let expires = r
                    .expires
                    .map(|e| date_after("2026-01-01", e as i64))
                    .unwrap_or_default();
                rows.push_str(&format!(
                    "p{p},s{s},{},{},{expires}\n",
                    r.level,
                    date_after(D, -(r.age as i64))
                ));
            }
        }
    }
    Fixture::standard(&body, &people, &rows)
}

fn load(fx: &Fixture) -> Organisation {
    fx.load()
}

/// FORMAT.md before r2, restated plainly: (have, shortfall, develop ids,
/// recruit) of each need at D.
fn pre_r2(spec: &OrgSpec) -> Vec<(String, u32, u32, Vec<String>, u32)> {
    let d: jiff::civil::Date = D.parse().expect("D");
    let level = |p: usize, s: usize| -> u8 {
        match &spec.rows[p][s] {
            Some(r) => {
                let expired = r.expires.is_some_and(|e| {
                    date_after("2026-01-01", e as i64)
                        .parse::<jiff::civil::Date>()
                        .expect("d")
                        < d
                });
                if expired { 0 } else { r.level }
            }
            None => 0,
        }
    };
    let in_unit = |p: usize, unit: Option<usize>| match unit {
        None => true,
        Some(u) => {
            let (mine, want) = (UNITS[spec.units[p]], UNITS[u]);
            mine == want || mine.starts_with(&format!("{want}/"))
        }
    };
    spec.needs
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let present = |p: usize| match spec.dates[p] {
                None => true,
                Some((start, length)) => {
                    start <= 0 && length.is_none_or(|l| start as i64 + l as i64 >= 0)
                }
            };
            let scope: Vec<usize> = (0..spec.units.len())
                .filter(|&p| in_unit(p, n.unit) && present(p))
                .collect();
            let have = scope
                .iter()
                .filter(|&&p| level(p, n.skill) >= n.level)
                .count() as u32;
            let shortfall = n.count.saturating_sub(have);
            let mut candidates: Vec<(u8, String)> = scope
                .iter()
                .filter(|&&p| {
                    let l = level(p, n.skill);
                    l < n.level && l + 2 >= n.level
                })
                .map(|&p| (n.level - level(p, n.skill), format!("p{p}")))
                .collect();
            candidates.sort();
            let develop: Vec<String> = candidates
                .into_iter()
                .take(shortfall as usize)
                .map(|c| c.1)
                .collect();
            let recruit = shortfall - develop.len() as u32;
            (format!("n{i}"), have, shortfall, develop, recruit)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn without_by_the_results_are_the_pre_r2_ones(spec in org_spec()) {
        let org = load(&fixture(&spec, false));
        let report = gap_report(&org, &GapFilter::default());
        let mut got: Vec<_> = report
            .needs
            .iter()
            .map(|n| {
                prop_assert!(n.renew.is_empty());
                prop_assert_eq!(n.horizon, org.as_of);
                let develop = n.develop.iter().map(|d| d.person.clone()).collect();
                Ok((n.id.clone(), n.have, n.shortfall, develop, n.recruit))
            })
            .collect::<Result<_, _>>()?;
        got.sort();
        let mut want = pre_r2(&spec);
        want.sort();
        prop_assert_eq!(got, want);
    }

    #[test]
    fn renewal_never_adds_recruitment(spec in org_spec()) {
        let fx = fixture(&spec, true);
        let org = load(&fx);
        let report = gap_report(&org, &GapFilter::default());
        for n in &report.needs {
            prop_assert_eq!(
                n.renew.len() as u32 + n.develop.len() as u32 + n.recruit,
                n.shortfall
            );
            // Letting the certificates run out instead is the same files
            // at D = H: the expiring holders are expired then. That never
            // needs fewer recruits than renewing them.
            if n.horizon > org.as_of {
                let at_h = fx.load_with(&LoadOptions {
                    as_of: Some(n.horizon),
                    ..LoadOptions::default()
                });
                let then = gap_report(&at_h, &GapFilter::default());
                let same = then.needs.iter().find(|m| m.id == n.id).expect("the need");
                prop_assert!(same.renew.is_empty());
                prop_assert_eq!(same.shortfall, n.shortfall);
                prop_assert!(n.recruit <= same.recruit, "{} renews and recruits {}, lapsing recruits {}", n.id, n.recruit, same.recruit);
            }
            for r in &n.renew {
                prop_assert!(r.expires < n.horizon);
                prop_assert!(r.level >= n.level);
            }
        }
        prop_assert_eq!(
            report.totals.renew as u64 + report.totals.develop as u64 + report.totals.recruit,
            report.totals.shortfall
        );
    }

    #[test]
    fn the_schedule_runs_forward_and_late_means_after_the_deadline(spec in org_spec()) {
        let org = load(&fixture(&spec, true));
        let plan = plan_report(&org, &PeopleFilter::default());
        for p in &plan.plans {
            let mut last = org.as_of;
            for g in &p.goals {
                match (p.capacity, g.finish) {
                    (None, f) => {
                        prop_assert_eq!(f, None);
                        prop_assert!(!g.late);
                    }
                    (Some(_), Some(f)) => {
                        prop_assert!(f >= last, "finishes in schedule order");
                        last = f;
                        prop_assert_eq!(g.late, g.by.is_some_and(|by| f > by));
                    }
                    (Some(c), None) => {
                        prop_assert_eq!(c, 0.0);
                        prop_assert_eq!(g.late, g.by.is_some());
                    }
                }
            }
        }
    }

    #[test]
    fn last_days_after_every_horizon_change_nothing(spec in org_spec()) {
        let json = |fx: &Fixture| {
            let org = load(fx);
            let gap = serde_json::to_value(gap_report(&org, &GapFilter::default())).expect("json");
            let plan = serde_json::to_value(plan_report(&org, &PeopleFilter::default())).expect("json");
            (gap, plan)
        };
        let none = json(&files(&spec, true, Days::None, None));
        let late = json(&files(&spec, true, Days::LeaveLate, None));
        prop_assert_eq!(none, late);
    }

    #[test]
    fn without_equals_deleting_the_person_with_days_in_the_files(spec in org_spec(), pick in 0usize..8) {
        let gone = pick % spec.units.len();
        let org = load(&files(&spec, true, Days::AsGiven, None));
        let p = org.people.find(&format!("p{gone}")).expect("the person");
        let without = org.without(&[p]);
        let deleted = load(&files(&spec, true, Days::AsGiven, Some(gone)));
        let gap = |o: &Organisation| serde_json::to_value(gap_report(o, &GapFilter::default())).expect("json");
        let plan = |o: &Organisation| serde_json::to_value(plan_report(o, &PeopleFilter::default())).expect("json");
        let balance = |o: &Organisation| {
            serde_json::to_value(kompetanse::analysis::balance::balance_report(o, &Default::default())).expect("json")
        };
        prop_assert_eq!(gap(&without), gap(&deleted));
        prop_assert_eq!(plan(&without), plan(&deleted));
        prop_assert_eq!(balance(&without), balance(&deleted));
    }
}
