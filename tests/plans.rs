//! Individual-perspective tests: the role-gap report (`gap --by person`) and
//! development plans (`plan`): the merge of role gaps and develop lists into
//! one goal per skill, readiness, activity matching, wishes, the learning
//! mix, the organisation summary and the recruitment list.
//!
//! Every fixture is a fresh temporary directory holding a small org.toml,
//! people.csv and assessments.csv. Every expected number below was worked
//! out by hand from FORMAT.md "Semantics" and the issue text, not copied
//! from the program's output; the comment above each assertion block shows
//! the working.
//!
//! Unless a test says otherwise, the reference date D is 2026-06-15, the
//! scale is the default (none=0, basic=1, working=2, advanced=3, expert=4),
//! hours_per_level = 40, max_steps = 2 and the mix is 70-20-10.

use std::collections::BTreeMap;

mod common;

use common::{Fixture, close, split};
use jiff::civil::{Date, date};
use kompetanse::analysis::PeopleFilter;
use kompetanse::analysis::plan::{activities_for, plan_report};
use kompetanse::analysis::role::person_report;
use kompetanse::load::LoadOptions;
use kompetanse::model::{Effort, LearningMix, Level, Mode, Organisation, Priority};
use kompetanse::report::{Goal, PersonGapReport, PersonPlan, PlanReport, Reason};

// ---------------------------------------------------------------------------
// Fixture helpers
// ---------------------------------------------------------------------------

/// Plans with no filter.
fn plans(org: &Organisation) -> PlanReport {
    plan_report(org, &PeopleFilter::default())
}

/// A filter keeping only this person.
fn only_person(org: &Organisation, id: &str) -> PeopleFilter {
    PeopleFilter {
        person: Some(
            org.people
                .find(id)
                .unwrap_or_else(|| panic!("no person '{id}'")),
        ),
        ..PeopleFilter::default()
    }
}

/// A filter keeping only people in this unit or below.
fn only_unit(unit: &str) -> PeopleFilter {
    PeopleFilter {
        unit: Some(unit.to_string()),
        ..PeopleFilter::default()
    }
}

/// The person ids of the plans, in order.
fn plan_people(report: &PlanReport) -> Vec<&str> {
    report.plans.iter().map(|p| p.person.as_str()).collect()
}

/// The plan of this person; panics when there is none.
fn plan_of<'a>(report: &'a PlanReport, person: &str) -> &'a PersonPlan {
    report
        .plans
        .iter()
        .find(|p| p.person == person)
        .unwrap_or_else(|| panic!("no plan for '{person}': {:?}", plan_people(report)))
}

/// The goal for this skill; panics when there is none.
fn goal<'a>(plan: &'a PersonPlan, skill: &str) -> &'a Goal {
    plan.goals
        .iter()
        .find(|g| g.skill == skill)
        .unwrap_or_else(|| panic!("{} has no goal for '{skill}'", plan.person))
}

/// A plan's goals as (skill, from, to, total hours), in order.
fn goals(plan: &PersonPlan) -> Vec<(&str, Level, Level, f64)> {
    plan.goals
        .iter()
        .map(|g| (g.skill.as_str(), g.from, g.to, g.effort.total))
        .collect()
}

/// The parts of an effort add up to its total.
fn assert_parts_add_up(effort: &Effort, what: &str) {
    let sum = effort.experience + effort.social + effort.formal;
    assert!(
        close(sum, effort.total),
        "{what}: {} + {} + {} = {sum} != {}",
        effort.experience,
        effort.social,
        effort.formal,
        effort.total
    );
}

fn role_reason(role: &str, level: Level) -> Reason {
    Reason::Role {
        role: role.into(),
        level,
    }
}

fn need_reason(
    need: &str,
    level: Level,
    priority: Priority,
    by: Option<Date>,
    driver: Option<&str>,
) -> Reason {
    Reason::Need {
        need: need.into(),
        level,
        priority,
        by,
        driver: driver.map(Into::into),
    }
}

/// Asserts that `reasons` holds exactly `expected`, in any order.
fn assert_reasons(reasons: &[Reason], expected: &[Reason]) {
    assert_eq!(
        reasons.len(),
        expected.len(),
        "reasons {reasons:?}, expected {expected:?}"
    );
    for e in expected {
        assert!(
            reasons.contains(e),
            "missing {e:?} in {reasons:?} (expected {expected:?})"
        );
    }
}

/// The person ids of a role-gap report, in order.
fn gap_people(report: &PersonGapReport) -> Vec<&str> {
    report.people.iter().map(|p| p.person.as_str()).collect()
}

// ---------------------------------------------------------------------------
// Merge: role gaps and develop lists become one goal per skill
// ---------------------------------------------------------------------------

/// Three roles on one skill `rust`, each with a need scoped to that role so
/// that each person is the only one in scope of "their" need:
///
/// - a: role r3 (rust = 3), L = 1; need n3 (rust 3 x 1, role r3)
/// - b: role r2 (rust = 2), L = 1; need n2 (rust 3 x 1, role r2)
/// - c: role r4 (rust = 4), L = 2; need n4 (rust 3 x 1, role r4)
fn merge_fixture() -> Fixture {
    let body = "[[driver]]\nid = \"cloud\"\nname = \"Cloud\"\n\n\
                [[skill]]\nid = \"rust\"\nkind = \"specialist\"\n\n\
                [[role]]\nid = \"r3\"\nrequires = { rust = 3 }\n\n\
                [[role]]\nid = \"r2\"\nrequires = { rust = 2 }\n\n\
                [[role]]\nid = \"r4\"\nrequires = { rust = 4 }\n\n\
                [[need]]\nid = \"n3\"\nskill = \"rust\"\nlevel = 3\ncount = 1\nrole = \"r3\"\n\
                priority = \"high\"\nby = 2027-01-31\ndriver = \"cloud\"\n\n\
                [[need]]\nid = \"n2\"\nskill = \"rust\"\nlevel = 3\ncount = 1\nrole = \"r2\"\n\n\
                [[need]]\nid = \"n4\"\nskill = \"rust\"\nlevel = 3\ncount = 1\nrole = \"r4\"\n";
    Fixture::standard(
        body,
        "id,role\na,r3\nb,r2\nc,r4\n",
        "person,skill,level,assessed\n\
         a,rust,1,2026-01-01\n\
         b,rust,1,2026-01-01\n\
         c,rust,2,2026-01-01\n",
    )
}

/// Role asks rust 3 and need n3 puts the person on its develop list to 3:
/// one goal, two reasons, hours counted once.
#[test]
fn merge_role_and_need_at_same_level_give_one_goal_with_both_reasons() {
    let org = merge_fixture().load();
    let r = plans(&org);
    // n3: scope = role r3 = {a}; have 0 (1 < 3), shortfall 1; candidates
    // 3 - 2 = 1 <= L < 3: a -> develop [a 1->3]. Role r3: gap 3 - 1 = 2.
    // One goal rust 1 -> 3, (3 - 1) x 40 = 80 h (not 160), 70-20-10:
    // 56 / 16 / 8.
    let a = plan_of(&r, "a");
    assert_eq!(goals(a), vec![("rust", 1, 3, 80.0)]);
    let g = goal(a, "rust");
    assert_reasons(
        &g.reasons,
        &[
            role_reason("r3", 3),
            need_reason(
                "n3",
                3,
                Priority::High,
                Some(date(2027, 1, 31)),
                Some("cloud"),
            ),
        ],
    );
    assert_eq!(split(&g.effort), (80.0, 56.0, 16.0, 8.0));
    assert_eq!(split(&a.effort), (80.0, 56.0, 16.0, 8.0));
    // The goal's deadline is its need's.
    assert_eq!(g.by, Some(date(2027, 1, 31)));
}

/// Role target 2 and need level 3: one goal at the higher level, 3.
#[test]
fn merge_need_above_role_target_gives_goal_at_need_level_counted_once() {
    let org = merge_fixture().load();
    let r = plans(&org);
    // b: L = 1. Role r2: gap 2 - 1 = 1. n2: scope {b}, develop [b 1->3].
    // One goal 1 -> 3 = 80 h (not 40 + 80 = 120).
    let b = plan_of(&r, "b");
    assert_eq!(goals(b), vec![("rust", 1, 3, 80.0)]);
    assert_reasons(
        &goal(b, "rust").reasons,
        &[
            role_reason("r2", 2),
            need_reason("n2", 3, Priority::Medium, None, None),
        ],
    );
    assert_eq!(b.effort.total, 80.0);
    // n2 has no deadline, so neither has the goal.
    assert_eq!(goal(b, "rust").by, None);
}

/// Role target 4 and need level 3: one goal at the higher level, 4.
#[test]
fn merge_role_above_need_level_gives_goal_at_role_target_counted_once() {
    let org = merge_fixture().load();
    let r = plans(&org);
    // c: L = 2. Role r4: gap 4 - 2 = 2. n4: scope {c}, candidates
    // 1 <= 2 < 3 -> develop [c 2->3]. One goal 2 -> 4 = 80 h (not 80 + 40).
    let c = plan_of(&r, "c");
    assert_eq!(goals(c), vec![("rust", 2, 4, 80.0)]);
    assert_reasons(
        &goal(c, "rust").reasons,
        &[
            role_reason("r4", 4),
            need_reason("n4", 3, Priority::Medium, None, None),
        ],
    );
    assert_eq!(split(&c.effort), (80.0, 56.0, 16.0, 8.0));
}

/// Summing the merged fixture: three goals of 80 h each, never a skill step
/// counted twice.
#[test]
fn merge_summary_counts_each_goal_once() {
    let org = merge_fixture().load();
    let r = plans(&org);
    // a, b, c: one goal each, 80 h each -> 3 goals, 240 h, 168 / 48 / 24.
    assert_eq!(plan_people(&r), vec!["a", "b", "c"]);
    assert_eq!(r.summary.people, 3);
    assert_eq!(r.summary.goals, 3);
    assert_eq!(split(&r.summary.effort), (240.0, 168.0, 48.0, 24.0));
}

/// Need-only and role-only goals side by side; a goal's deadline is the
/// earliest of its needs'; a Need reason carries the need's id, level,
/// priority, deadline and driver.
#[test]
fn need_only_and_role_only_goals_with_earliest_deadline() {
    let body = "[[driver]]\nid = \"cloud\"\nname = \"Cloud\"\n\n\
                [[driver]]\nid = \"data\"\nname = \"Data\"\n\n\
                [[skill]]\nid = \"rust\"\nkind = \"specialist\"\n\n\
                [[skill]]\nid = \"sql\"\n\n\
                [[role]]\nid = \"dev\"\nrequires = { sql = 2 }\n\n\
                [[need]]\nid = \"r-late\"\nskill = \"rust\"\nlevel = 3\ncount = 1\n\
                priority = \"high\"\nby = 2027-06-30\ndriver = \"cloud\"\n\n\
                [[need]]\nid = \"r-early\"\nskill = \"rust\"\nlevel = 3\ncount = 1\n\
                priority = \"low\"\nby = 2026-12-31\ndriver = \"data\"\n";
    let fx = Fixture::standard(
        body,
        "id,role\np,dev\n",
        "person,skill,level,assessed\np,rust,2,2026-01-01\n",
    );
    let org = fx.load();
    let r = plans(&org);
    let p = plan_of(&r, "p");
    // Both rust needs: scope everyone = {p}; have 0, shortfall 1;
    // candidates 1 <= L < 3: p (L = 2) -> each develops p 2 -> 3.
    // Role dev: sql 0 -> 2, gap 2.
    // rust: need-only goal 2 -> 3 = 40 h, both needs as reasons, by =
    //   min(2027-06-30, 2026-12-31) = 2026-12-31.
    // sql: role-only goal 0 -> 2 = 80 h, by none.
    assert_eq!(p.goals.len(), 2);
    let rust = goal(p, "rust");
    assert_eq!((rust.from, rust.to, rust.effort.total), (2, 3, 40.0));
    assert_reasons(
        &rust.reasons,
        &[
            need_reason(
                "r-late",
                3,
                Priority::High,
                Some(date(2027, 6, 30)),
                Some("cloud"),
            ),
            need_reason(
                "r-early",
                3,
                Priority::Low,
                Some(date(2026, 12, 31)),
                Some("data"),
            ),
        ],
    );
    assert_eq!(rust.by, Some(date(2026, 12, 31)));
    let sql = goal(p, "sql");
    assert_eq!((sql.from, sql.to, sql.effort.total), (0, 2, 80.0));
    assert_reasons(&sql.reasons, &[role_reason("dev", 2)]);
    assert_eq!(sql.by, None);
    // 40 + 80 = 120 h -> 84 / 24 / 12.
    assert_eq!(split(&p.effort), (120.0, 84.0, 24.0, 12.0));
}

/// A need-only goal for a person without a role, and a role that is already
/// met adds no reason (and no goal).
#[test]
fn need_goal_for_person_without_role_and_met_role_adds_nothing() {
    let body = "[[skill]]\nid = \"k\"\n\n[[skill]]\nid = \"m\"\n\n\
                [[role]]\nid = \"dev\"\nrequires = { k = 2, m = 1 }\n\n\
                [[need]]\nid = \"n\"\nskill = \"k\"\nlevel = 3\ncount = 2\n";
    let fx = Fixture::standard(
        body,
        "id,role\np,dev\nq,\n",
        "person,skill,level,assessed\n\
         p,k,2,2026-01-01\n\
         p,m,1,2026-01-01\n\
         q,k,1,2026-01-01\n",
    );
    let org = fx.load();
    let r = plans(&org);
    // n: k 3 x 2, scope {p, q}; have 0, shortfall 2; candidates
    // 1 <= L < 3: p (1 step), q (2 steps) -> develop [p 2->3, q 1->3].
    // p: role dev met (k 2 >= 2, m 1 >= 1) -> only the need reason.
    // q: no role -> need-only goal 1 -> 3 = 80 h.
    let p = plan_of(&r, "p");
    assert_eq!(goals(p), vec![("k", 2, 3, 40.0)]);
    assert_reasons(
        &goal(p, "k").reasons,
        &[need_reason("n", 3, Priority::Medium, None, None)],
    );
    let q = plan_of(&r, "q");
    assert_eq!(q.role, None);
    assert_eq!(goals(q), vec![("k", 1, 3, 80.0)]);
    assert_reasons(
        &goal(q, "k").reasons,
        &[need_reason("n", 3, Priority::Medium, None, None)],
    );
}

// ---------------------------------------------------------------------------
// Role gap report (gap --by person): readiness, totals, filters
// ---------------------------------------------------------------------------

/// Roles dev { a = 3, b = 2, c = 1 } and ops { a = 1 }:
///
/// - p: it/platform, dev, a 1, b 4, c 0 -> held 1 + 2 + 0 = 3 of 6
/// - q: it, dev, a 3, b 2, c 1 -> held 6 of 6
/// - r: it, no role -> not in the report
/// - s: itx, ops, a 0 -> held 0 of 1
fn readiness_fixture(mix: &str) -> Fixture {
    let body = format!(
        "{mix}[[skill]]\nid = \"a\"\n\n[[skill]]\nid = \"b\"\n\n[[skill]]\nid = \"c\"\n\n\
         [[role]]\nid = \"dev\"\nrequires = {{ a = 3, b = 2, c = 1 }}\n\n\
         [[role]]\nid = \"ops\"\nrequires = {{ a = 1 }}\n"
    );
    Fixture::standard(
        &body,
        "id,unit,role\np,it/platform,dev\nq,it,dev\nr,it,\ns,itx,ops\n",
        "person,skill,level,assessed\n\
         p,a,1,2026-01-01\n\
         p,b,4,2026-01-01\n\
         q,a,3,2026-01-01\n\
         q,b,2,2026-01-01\n\
         q,c,1,2026-01-01\n\
         r,a,4,2026-01-01\n",
    )
}

#[test]
fn person_gap_rows_readiness_and_effort() {
    let org = readiness_fixture("").load();
    let rep = person_report(&org, &PeopleFilter::default());
    // r has no role: not listed. Order by id: p, q, s.
    assert_eq!(gap_people(&rep), vec!["p", "q", "s"]);
    let p = &rep.people[0];
    assert_eq!(
        (p.role.as_str(), p.unit.as_deref()),
        ("dev", Some("it/platform"))
    );
    // p: a 3 - 1 = 2 (80 h), b above target (0), c 1 - 0 = 1 (40 h).
    let rows: Vec<(&str, Level, Level, Level, f64)> = p
        .skills
        .iter()
        .map(|s| (s.skill.as_str(), s.current, s.target, s.gap, s.effort.total))
        .collect();
    assert_eq!(
        rows,
        vec![
            ("a", 1, 3, 2, 80.0),
            ("b", 4, 2, 0, 0.0),
            ("c", 0, 1, 1, 40.0)
        ]
    );
    // readiness (1 + 2 + 0) / (3 + 2 + 1) = 0.5; 120 h -> 84 / 24 / 12.
    assert!(close(p.readiness, 0.5), "{}", p.readiness);
    assert_eq!(split(&p.effort), (120.0, 84.0, 24.0, 12.0));
    // a: 80 h -> 56 / 16 / 8 per skill row.
    assert_eq!(split(&p.skills[0].effort), (80.0, 56.0, 16.0, 8.0));
    // q: all met -> 6 / 6 = 1, no effort.
    let q = &rep.people[1];
    assert!(close(q.readiness, 1.0), "{}", q.readiness);
    assert_eq!(q.effort.total, 0.0);
    assert!(q.skills.iter().all(|s| s.gap == 0));
    // s: a 0 of 1 -> readiness 0, 40 h.
    let s = &rep.people[2];
    assert!(close(s.readiness, 0.0), "{}", s.readiness);
    assert_eq!(s.effort.total, 40.0);
}

#[test]
fn person_gap_totals_sum_over_people() {
    let org = readiness_fixture("").load();
    let rep = person_report(&org, &PeopleFilter::default());
    // held 3 + 6 + 0 = 9 over required 6 + 6 + 1 = 13 (not the mean of the
    // people's readiness, (0.5 + 1 + 0) / 3).
    assert_eq!(rep.totals.people, 3);
    assert!(
        close(rep.totals.readiness, 9.0 / 13.0),
        "{}",
        rep.totals.readiness
    );
    // With a gap: p and s.
    assert_eq!(rep.totals.with_gap, 2);
    // 120 + 0 + 40 = 160 h -> 112 / 32 / 16.
    assert_eq!(split(&rep.totals.effort), (160.0, 112.0, 32.0, 16.0));
}

#[test]
fn person_gap_filters_unit_and_below_role_and_person() {
    let org = readiness_fixture("").load();
    let people = |filter: &PeopleFilter| -> Vec<String> {
        gap_people(&person_report(&org, filter))
            .into_iter()
            .map(str::to_string)
            .collect()
    };
    // unit it: p (it/platform, below it), q (it); not s (itx), not r (no role).
    let it = person_report(&org, &only_unit("it"));
    assert_eq!(gap_people(&it), vec!["p", "q"]);
    // totals over p and q: (3 + 6) / (6 + 6) = 0.75; with_gap 1; 120 h.
    assert!(close(it.totals.readiness, 0.75), "{}", it.totals.readiness);
    assert_eq!((it.totals.people, it.totals.with_gap), (2, 1));
    assert_eq!(it.totals.effort.total, 120.0);
    assert_eq!(people(&only_unit("it/platform")), vec!["p"]);
    assert_eq!(people(&only_unit("itx")), vec!["s"]);
    // role ops: s only.
    let ops = PeopleFilter {
        role: org.role_index("ops"),
        ..PeopleFilter::default()
    };
    let rep = person_report(&org, &ops);
    assert_eq!(gap_people(&rep), vec!["s"]);
    assert!(close(rep.totals.readiness, 0.0));
    // person q only; person r (no role) gives nobody.
    assert_eq!(people(&only_person(&org, "q")), vec!["q"]);
    assert!(people(&only_person(&org, "r")).is_empty());
}

/// LoadOptions.mix (--mix) 40-50-10 overrides the file's 70-20-10 in the
/// role-gap report.
#[test]
fn person_gap_mix_load_option_overrides_file() {
    let fx = readiness_fixture("[mix]\npreset = \"70-20-10\"\n\n");
    let org = fx.load();
    let p = &person_report(&org, &PeopleFilter::default()).people[0];
    // p: 120 h by 70-20-10 -> 84 / 24 / 12.
    assert_eq!(split(&p.effort), (120.0, 84.0, 24.0, 12.0));
    let org = fx.load_with(&LoadOptions {
        mix: Some(LearningMix::FORTY_FIFTY_TEN),
        ..LoadOptions::default()
    });
    let rep = person_report(&org, &PeopleFilter::default());
    assert_eq!(rep.mix, LearningMix::FORTY_FIFTY_TEN);
    // 120 h by 40-50-10 -> 48 / 60 / 12; totals 160 h -> 64 / 80 / 16.
    assert_eq!(split(&rep.people[0].effort), (120.0, 48.0, 60.0, 12.0));
    assert_eq!(split(&rep.totals.effort), (160.0, 64.0, 80.0, 16.0));
}

// ---------------------------------------------------------------------------
// Activity matching
// ---------------------------------------------------------------------------

/// Skills rust and sql (specialist), excel (breadth); role dev requires
/// each at 1 and p has none of them, so p has a goal for each. The
/// catalogue, in this order:
///
/// 1. Rust pairing    experience  skills [rust]                 30 h
/// 2. Stretch         experience  any                           40 h
/// 3. Rust meetup     social      skills [rust]                  3 h
/// 4. Fagforum        social      specialist                    15 h
/// 5. Kaffeprat       social      breadth                        5 h
/// 6. Rust mentor     social      skills [rust], mandatory      10 h
/// 7. SQL course      formal      skills [sql]                  20 h
/// 8. Nettkurs        formal      any                           (no hours)
/// 9. Sertifisering   formal      specialist, mandatory         40 h
fn activity_fixture() -> Fixture {
    let body = "[[skill]]\nid = \"rust\"\nkind = \"specialist\"\n\n\
                [[skill]]\nid = \"sql\"\nkind = \"specialist\"\n\n\
                [[skill]]\nid = \"excel\"\nkind = \"breadth\"\n\n\
                [[role]]\nid = \"dev\"\nrequires = { rust = 1, sql = 1, excel = 1 }\n\n\
                [[activity]]\nname = \"Rust pairing\"\nmode = \"experience\"\nskills = [\"rust\"]\nhours = 30\n\n\
                [[activity]]\nname = \"Stretch\"\nmode = \"experience\"\nkind = \"any\"\nhours = 40\n\n\
                [[activity]]\nname = \"Rust meetup\"\nmode = \"social\"\nskills = [\"rust\"]\nhours = 3\n\n\
                [[activity]]\nname = \"Fagforum\"\nmode = \"social\"\nkind = \"specialist\"\nhours = 15\n\n\
                [[activity]]\nname = \"Kaffeprat\"\nmode = \"social\"\nkind = \"breadth\"\nhours = 5\n\n\
                [[activity]]\nname = \"Rust mentor\"\nmode = \"social\"\nskills = [\"rust\"]\nmandatory = true\nhours = 10\n\n\
                [[activity]]\nname = \"SQL course\"\nmode = \"formal\"\nskills = [\"sql\"]\nhours = 20\n\n\
                [[activity]]\nname = \"Nettkurs\"\nmode = \"formal\"\nkind = \"any\"\n\n\
                [[activity]]\nname = \"Sertifisering\"\nmode = \"formal\"\nkind = \"specialist\"\nmandatory = true\nhours = 40\n";
    Fixture::standard(body, "id,role\np,dev\n", "person,skill,level\np,rust,0\n")
}

type Suggestion = (String, Mode, bool, Option<u32>);

/// The activities the plans suggest for a skill, as (name, mode,
/// mandatory, hours), in order.
fn suggestions(report: &PlanReport, skill: &str) -> Vec<Suggestion> {
    report
        .activities_for(skill)
        .iter()
        .map(|a| (a.name.clone(), a.mode, a.mandatory, a.hours))
        .collect()
}

fn s(name: &str, mode: Mode, mandatory: bool, hours: Option<u32>) -> Suggestion {
    (name.to_string(), mode, mandatory, hours)
}

#[test]
fn activities_for_a_skill_with_its_own_activities() {
    let org = activity_fixture().load();
    assert!(!org.default_catalogue);
    let r = plans(&org);
    assert_eq!(goals(plan_of(&r, "p"))[0].0, "rust");
    // rust (specialist):
    // experience: made for rust: Rust pairing (beats the generic Stretch).
    // social: made for rust: Rust meetup, Rust mentor; mandatory first ->
    //   Rust mentor, Rust meetup (Fagforum, Kaffeprat not suggested).
    // formal: nothing made for rust -> generic ones of kind specialist or
    //   any: Nettkurs (any), Sertifisering (specialist, mandatory); not
    //   SQL course (made for sql). Mandatory first -> Sertifisering, Nettkurs.
    assert_eq!(
        suggestions(&r, "rust"),
        vec![
            s("Rust pairing", Mode::Experience, false, Some(30)),
            s("Rust mentor", Mode::Social, true, Some(10)),
            s("Rust meetup", Mode::Social, false, Some(3)),
            s("Sertifisering", Mode::Formal, true, Some(40)),
            s("Nettkurs", Mode::Formal, false, None),
        ]
    );
}

#[test]
fn activities_for_a_skill_fall_back_to_its_kind_per_mode() {
    let org = activity_fixture().load();
    let r = plans(&org);
    // sql (specialist):
    // experience: nothing made for sql; generic: Stretch (any); not Rust
    //   pairing (made for rust).
    // social: generic specialist/any: Fagforum; not Kaffeprat (breadth),
    //   not the rust ones.
    // formal: made for sql: SQL course (beats Nettkurs and Sertifisering).
    assert_eq!(
        suggestions(&r, "sql"),
        vec![
            s("Stretch", Mode::Experience, false, Some(40)),
            s("Fagforum", Mode::Social, false, Some(15)),
            s("SQL course", Mode::Formal, false, Some(20)),
        ]
    );
    // excel (breadth):
    // experience: Stretch (any). social: Kaffeprat (breadth), not Fagforum
    // (specialist). formal: Nettkurs (any), not Sertifisering (specialist),
    // not SQL course.
    assert_eq!(
        suggestions(&r, "excel"),
        vec![
            s("Stretch", Mode::Experience, false, Some(40)),
            s("Kaffeprat", Mode::Social, false, Some(5)),
            s("Nettkurs", Mode::Formal, false, None),
        ]
    );
}

/// `activities_for` (the library entry point) gives what the plans list.
#[test]
fn activities_for_matches_plan_goals() {
    let org = activity_fixture().load();
    let r = plans(&org);
    let p = plan_of(&r, "p");
    // p has a goal in each of the three skills; each skill's suggestions are
    // listed once.
    assert_eq!(p.goals.len(), 3);
    let mut listed: Vec<&str> = r.activities.iter().map(|a| a.skill.as_str()).collect();
    listed.sort_unstable();
    assert_eq!(listed, vec!["excel", "rust", "sql"]);
    for skill in ["rust", "sql", "excel"] {
        let index = org.skill_index(skill).unwrap();
        assert_eq!(activities_for(&org, index), r.activities_for(skill));
    }
    // Modes come in the order experience, social, formal for every skill.
    for g in &p.goals {
        let modes: Vec<Mode> = r.activities_for(&g.skill).iter().map(|a| a.mode).collect();
        let mut sorted = modes.clone();
        sorted.sort();
        assert_eq!(modes, sorted, "{}", g.skill);
    }
}

/// Without [[activity]] the built-in catalogue is used.
#[test]
fn default_catalogue_when_org_has_no_activities() {
    let body = "[[skill]]\nid = \"rust\"\nkind = \"specialist\"\n\n\
                [[skill]]\nid = \"excel\"\nkind = \"breadth\"\n\n\
                [[role]]\nid = \"dev\"\nrequires = { rust = 1, excel = 1 }\n";
    let fx = Fixture::standard(body, "id,role\np,dev\n", "person,skill,level\np,rust,0\n");
    let org = fx.load();
    assert!(org.default_catalogue);
    assert!(!org.activities.is_empty());
    let r = plans(&org);
    let p = plan_of(&r, "p");
    let rust = suggestions(&r, "rust");
    // Hospitering: experience, specialist, voluntary, 40 h.
    assert!(
        rust.contains(&s("Hospitering", Mode::Experience, false, Some(40))),
        "{rust:?}"
    );
    // Kompetansedrøftinger is for breadth skills: not for rust.
    assert!(
        !rust.iter().any(|a| a.0 == "Kompetansedrøftinger"),
        "{rust:?}"
    );
    // Every mode has a suggestion for either kind of skill.
    for g in &p.goals {
        for mode in Mode::ALL {
            assert!(
                r.activities_for(&g.skill).iter().any(|a| a.mode == mode),
                "{} has nothing in {mode:?}",
                g.skill
            );
        }
    }
    // excel (breadth): the mandatory Kompetansedrøftinger comes first in the
    // social mode; Hospitering (specialist) is not suggested.
    let excel = suggestions(&r, "excel");
    let social: Vec<&Suggestion> = excel.iter().filter(|a| a.1 == Mode::Social).collect();
    assert_eq!(social[0].0, "Kompetansedrøftinger");
    assert!(social[0].2, "Kompetansedrøftinger is mandatory");
    assert!(!excel.iter().any(|a| a.0 == "Hospitering"), "{excel:?}");
}

// ---------------------------------------------------------------------------
// Wishes and who gets a plan
// ---------------------------------------------------------------------------

/// Skills a, b, c, d; role dev { a = 2 }; need nc: c 2 x 1.
///
/// - p (dev): a 1 (interest), b 2 (interest), d 3 (no interest)
/// - q: c 1 (interest)
/// - r: nothing
/// - w: d 1 (interest)
fn wish_fixture() -> Fixture {
    let body = "[[skill]]\nid = \"a\"\n\n[[skill]]\nid = \"b\"\n\n\
                [[skill]]\nid = \"c\"\n\n[[skill]]\nid = \"d\"\n\n\
                [[role]]\nid = \"dev\"\nrequires = { a = 2 }\n\n\
                [[need]]\nid = \"nc\"\nskill = \"c\"\nlevel = 2\ncount = 1\n";
    Fixture::standard(
        body,
        "id,role\np,dev\nq,\nr,\nw,\n",
        "person,skill,level,interest\n\
         p,a,1,yes\n\
         p,b,2,yes\n\
         p,d,3,no\n\
         q,c,1,yes\n\
         w,d,1,yes\n",
    )
}

#[test]
fn wishes_are_interests_no_goal_covers() {
    let org = wish_fixture().load();
    let r = plans(&org);
    // nc: scope everyone; have 0, shortfall 1; candidates 0 <= L < 2:
    // q (1 step), then p, r, w (2 steps) -> develop [q 1->2].
    // p: role goal a 1 -> 2; interest in a is covered -> no wish; b wanted
    //   and no goal -> wish b at 2; d not wanted -> nothing.
    // q: goal c 1 -> 2 (need nc); interest in c is covered -> no wish.
    // w: no goal; wish d at 1 -> still gets a plan.
    // r: nothing -> no plan.
    assert_eq!(plan_people(&r), vec!["p", "q", "w"]);
    let p = plan_of(&r, "p");
    assert_eq!(goals(p), vec![("a", 1, 2, 40.0)]);
    let wishes = |plan: &PersonPlan| -> Vec<(String, Level)> {
        plan.wishes
            .iter()
            .map(|w| (w.skill.to_string(), w.level))
            .collect()
    };
    assert_eq!(wishes(p), vec![("b".to_string(), 2)]);
    let q = plan_of(&r, "q");
    assert_eq!(goals(q), vec![("c", 1, 2, 40.0)]);
    assert!(q.wishes.is_empty(), "{:?}", q.wishes);
    let w = plan_of(&r, "w");
    assert!(w.goals.is_empty());
    assert_eq!(wishes(w), vec![("d".to_string(), 1)]);
    // Wishes are voluntary: no hours. 40 + 40 = 80 h in all.
    assert_eq!(w.effort.total, 0.0);
    assert_eq!(r.summary.goals, 2);
    assert_eq!(r.summary.effort.total, 80.0);
}

#[test]
fn plan_for_one_person_with_nothing_to_do_is_returned_empty() {
    let org = wish_fixture().load();
    // r has no goals and no wishes: omitted without --person ...
    assert!(!plan_people(&plans(&org)).contains(&"r"));
    // ... but asked for by name, their (empty) plan is there.
    let r = plan_report(&org, &only_person(&org, "r"));
    assert_eq!(plan_people(&r), vec!["r"]);
    let plan = &r.plans[0];
    assert!(plan.goals.is_empty());
    assert!(plan.wishes.is_empty());
    assert_eq!(split(&plan.effort), (0.0, 0.0, 0.0, 0.0));
    assert_eq!(r.summary.goals, 0);
    assert_eq!(r.summary.effort.total, 0.0);
}

#[test]
fn plan_person_filter_keeps_only_that_person() {
    let org = wish_fixture().load();
    // q's plan as in the full report: goal c 1 -> 2 (need nc).
    let r = plan_report(&org, &only_person(&org, "q"));
    assert_eq!(plan_people(&r), vec!["q"]);
    assert_eq!(goals(&r.plans[0]), vec![("c", 1, 2, 40.0)]);
    assert_eq!((r.summary.goals, r.summary.effort.total), (1, 40.0));
}

// ---------------------------------------------------------------------------
// Learning mix
// ---------------------------------------------------------------------------

/// Custom mix 33 / 33 / 34 and odd hours per level: x at 7 (the mix's), y
/// at 13 (its own). Role dev { x = 3, y = 2 }.
///
/// - p: x 0, y 0 -> x 0 -> 3 = 21 h, y 0 -> 2 = 26 h: 47 h
/// - q: x 2, y 2 -> x 2 -> 3 = 7 h: 7 h
#[test]
fn mix_split_adds_up_and_totals_do_not_drift() {
    let body = "[mix]\nexperience = 33\nsocial = 33\nformal = 34\nhours_per_level = 7\n\n\
                [[skill]]\nid = \"x\"\n\n[[skill]]\nid = \"y\"\nhours_per_level = 13\n\n\
                [[role]]\nid = \"dev\"\nrequires = { x = 3, y = 2 }\n";
    let fx = Fixture::standard(
        body,
        "id,role\np,dev\nq,dev\n",
        "person,skill,level\nq,x,2\nq,y,2\n",
    );
    let org = fx.load();
    let mix = LearningMix {
        experience: 33,
        social: 33,
        formal: 34,
    };
    assert_eq!(org.policy.mix, mix);
    let r = plans(&org);
    assert_eq!(r.mix, mix);
    let p = plan_of(&r, "p");
    assert_eq!(goals(p), vec![("x", 0, 3, 21.0), ("y", 0, 2, 26.0)]);
    assert_eq!(goals(plan_of(&r, "q")), vec![("x", 2, 3, 7.0)]);
    // Every goal's and plan's parts add up to its total.
    for plan in &r.plans {
        for g in &plan.goals {
            assert_parts_add_up(&g.effort, &format!("{} {}", plan.person, g.skill));
        }
        assert_parts_add_up(&plan.effort, &plan.person);
    }
    // x for p: 21 h -> 21 x 33 / 100 = 6.93, 6.93, 21 x 34 / 100 = 7.14.
    let x = goal(p, "x");
    assert!(close(x.effort.experience, 6.93), "{}", x.effort.experience);
    assert!(close(x.effort.social, 6.93), "{}", x.effort.social);
    assert!(close(x.effort.formal, 7.14), "{}", x.effort.formal);
    // p: 47 h -> 15.51 / 15.51 / 15.98.
    assert!(close(p.effort.experience, 15.51), "{}", p.effort.experience);
    assert!(close(p.effort.formal, 15.98), "{}", p.effort.formal);
    // Summary: 21 + 26 + 7 = 54 h exactly, the sum of the goal totals, and
    // its split is the mix applied once to 54 (17.82 / 17.82 / 18.36), not
    // a sum of rounded or split parts.
    let goal_sum: f64 = r
        .plans
        .iter()
        .flat_map(|p| &p.goals)
        .map(|g| g.effort.total)
        .sum();
    assert_eq!(goal_sum, 54.0);
    assert_eq!(r.summary.effort.total, 54.0);
    assert_eq!(r.summary.effort, mix.split(54));
    assert!(close(r.summary.effort.experience, 17.82));
    assert!(close(r.summary.effort.social, 17.82));
    assert!(close(r.summary.effort.formal, 18.36));
    assert_parts_add_up(&r.summary.effort, "summary");
    // Both plans have no unit: one by_unit row, the same 54 h.
    assert_eq!(r.summary.by_unit.len(), 1);
    assert_eq!(r.summary.by_unit[0].effort, mix.split(54));
}

/// LoadOptions.mix (--mix) 40-50-10 overrides the file's 70-20-10 in plans.
#[test]
fn plan_mix_load_option_overrides_file() {
    let body = "[mix]\npreset = \"70-20-10\"\n\n[[skill]]\nid = \"x\"\n\n\
                [[role]]\nid = \"dev\"\nrequires = { x = 3 }\n";
    let fx = Fixture::standard(body, "id,role\np,dev\n", "person,skill,level\np,x,1\n");
    // p: x 1 -> 3 = 80 h.
    // From the file: 70-20-10 -> 56 / 16 / 8.
    let r = plans(&fx.load());
    assert_eq!(r.mix, LearningMix::SEVENTY_TWENTY_TEN);
    assert_eq!(
        split(&goal(plan_of(&r, "p"), "x").effort),
        (80.0, 56.0, 16.0, 8.0)
    );
    // With --mix 40-50-10: 32 / 40 / 8, in the goal, the plan and the summary.
    let org = fx.load_with(&LoadOptions {
        mix: Some(LearningMix::FORTY_FIFTY_TEN),
        ..LoadOptions::default()
    });
    let r = plans(&org);
    assert_eq!(r.mix, LearningMix::FORTY_FIFTY_TEN);
    let p = plan_of(&r, "p");
    assert_eq!(split(&goal(p, "x").effort), (80.0, 32.0, 40.0, 8.0));
    assert_eq!(split(&p.effort), (80.0, 32.0, 40.0, 8.0));
    assert_eq!(split(&r.summary.effort), (80.0, 32.0, 40.0, 8.0));
}

// ---------------------------------------------------------------------------
// Organisation summary and recruitment list
// ---------------------------------------------------------------------------

/// Drivers cloud, data; skills k (specialist), m (breadth); role dev
/// { m = 1 }. People:
///
/// - a: it/platform, dev, k 2, m 0
/// - b: it/platform, no role, k 0
/// - c: it, dev, k 1, m 0
/// - d: hr, dev, m 1
/// - e: no unit, dev, m 0
///
/// Needs:
///
/// - k-plat: k 3 x 3, unit it/platform, critical, by 2027-03-31, data
/// - k-it: k 3 x 1, unit it, critical, by 2026-12-31, cloud
/// - m-hr: m 2 x 2, unit hr, high, no deadline, data
/// - m-hr-soon: m 2 x 1, unit hr, low, by 2026-09-30, cloud
/// - k-new: k 2 x 2, unit it/new (no people yet), high, by 2027-01-01
///
/// Worked out:
///
/// - k-plat: scope {a, b}; have 0, shortfall 3; candidates 1 <= L < 3: a
///   (b at 0 is 3 steps away) -> develop [a 2->3], recruit 2.
/// - k-it: scope {a, b, c}; have 0, shortfall 1; candidates a (1 step),
///   c (2 steps) -> develop [a 2->3], recruit 0.
/// - m-hr: scope {d}; have 0, shortfall 2; develop [d 1->2], recruit 1.
/// - m-hr-soon: scope {d}; shortfall 1; develop [d 1->2], recruit 0.
/// - k-new: nobody in scope; shortfall 2, recruit 2.
///
/// Goals (40 h per level):
///
/// - a: k 2 -> 3 (k-plat, k-it) 40 h; m 0 -> 1 (role) 40 h
/// - c: m 0 -> 1 (role) 40 h
/// - d: m 1 -> 2 (m-hr, m-hr-soon) 40 h; role met (1 >= 1)
/// - e: m 0 -> 1 (role) 40 h
/// - b: nothing -> no plan
fn summary_fixture() -> Fixture {
    let body = "[[driver]]\nid = \"cloud\"\nname = \"Cloud\"\n\n\
                [[driver]]\nid = \"data\"\nname = \"Data\"\n\n\
                [[skill]]\nid = \"k\"\nkind = \"specialist\"\n\n\
                [[skill]]\nid = \"m\"\nkind = \"breadth\"\n\n\
                [[role]]\nid = \"dev\"\nrequires = { m = 1 }\n\n\
                [[need]]\nid = \"k-plat\"\nskill = \"k\"\nlevel = 3\ncount = 3\nunit = \"it/platform\"\n\
                priority = \"critical\"\nby = 2027-03-31\ndriver = \"data\"\n\n\
                [[need]]\nid = \"k-it\"\nskill = \"k\"\nlevel = 3\ncount = 1\nunit = \"it\"\n\
                priority = \"critical\"\nby = 2026-12-31\ndriver = \"cloud\"\n\n\
                [[need]]\nid = \"m-hr\"\nskill = \"m\"\nlevel = 2\ncount = 2\nunit = \"hr\"\n\
                priority = \"high\"\ndriver = \"data\"\n\n\
                [[need]]\nid = \"m-hr-soon\"\nskill = \"m\"\nlevel = 2\ncount = 1\nunit = \"hr\"\n\
                priority = \"low\"\nby = 2026-09-30\ndriver = \"cloud\"\n\n\
                [[need]]\nid = \"k-new\"\nskill = \"k\"\nlevel = 2\ncount = 2\nunit = \"it/new\"\n\
                priority = \"high\"\nby = 2027-01-01\n";
    Fixture::standard(
        body,
        "id,unit,role\n\
         a,it/platform,dev\n\
         b,it/platform,\n\
         c,it,dev\n\
         d,hr,dev\n\
         e,,dev\n",
        "person,skill,level,assessed\n\
         a,k,2,2026-01-01\n\
         a,m,0,2026-01-01\n\
         b,k,0,2026-01-01\n\
         c,k,1,2026-01-01\n\
         c,m,0,2026-01-01\n\
         d,m,1,2026-01-01\n",
    )
}

/// (goals, total hours) by key.
fn by_key(rows: &[kompetanse::report::EffortBy]) -> BTreeMap<Option<String>, (usize, f64)> {
    rows.iter()
        .map(|r| (r.key.clone(), (r.goals, r.effort.total)))
        .collect()
}

fn key(k: &str) -> Option<String> {
    Some(k.to_string())
}

#[test]
fn summary_plans_goals_and_deadlines() {
    let org = summary_fixture().load();
    let r = plans(&org);
    assert_eq!(plan_people(&r), vec!["a", "c", "d", "e"]);
    let a = plan_of(&r, "a");
    let k = goal(a, "k");
    assert_eq!((k.from, k.to, k.effort.total), (2, 3, 40.0));
    assert_reasons(
        &k.reasons,
        &[
            need_reason(
                "k-plat",
                3,
                Priority::Critical,
                Some(date(2027, 3, 31)),
                Some("data"),
            ),
            need_reason(
                "k-it",
                3,
                Priority::Critical,
                Some(date(2026, 12, 31)),
                Some("cloud"),
            ),
        ],
    );
    // by = min(2027-03-31, 2026-12-31).
    assert_eq!(k.by, Some(date(2026, 12, 31)));
    assert_eq!(a.effort.total, 80.0);
    let d = plan_of(&r, "d");
    assert_eq!(goals(d), vec![("m", 1, 2, 40.0)]);
    // m-hr has no deadline, m-hr-soon 2026-09-30: the earliest is that one.
    assert_eq!(goal(d, "m").by, Some(date(2026, 9, 30)));
    // 4 plans, 5 goals of 40 h: 200 h -> 140 / 40 / 20.
    assert_eq!((r.summary.people, r.summary.goals), (4, 5));
    assert_eq!(split(&r.summary.effort), (200.0, 140.0, 40.0, 20.0));
}

#[test]
fn summary_by_unit_with_people_without_unit_last() {
    let org = summary_fixture().load();
    let r = plans(&org);
    // hr: d (1 goal, 40 h); it: c (1, 40); it/platform: a (2, 80); no unit:
    // e (1, 40). Units in path order, no unit last.
    let keys: Vec<Option<String>> = r.summary.by_unit.iter().map(|u| u.key.clone()).collect();
    assert_eq!(keys, vec![key("hr"), key("it"), key("it/platform"), None]);
    let rows = by_key(&r.summary.by_unit);
    assert_eq!(rows[&key("hr")], (1, 40.0));
    assert_eq!(rows[&key("it")], (1, 40.0));
    assert_eq!(rows[&key("it/platform")], (2, 80.0));
    assert_eq!(rows[&None], (1, 40.0));
    // 80 h -> 56 / 16 / 8.
    let platform = &r.summary.by_unit[2];
    assert_eq!(split(&platform.effort), (80.0, 56.0, 16.0, 8.0));
}

#[test]
fn summary_by_driver_uses_the_most_urgent_need() {
    let org = summary_fixture().load();
    let r = plans(&org);
    // a's k: k-plat and k-it both critical -> earlier deadline: k-it (cloud).
    // d's m: m-hr high beats m-hr-soon low despite its later (no) deadline
    //   -> data.
    // Role-only goals (a's m, c's m, e's m) -> no driver.
    let rows = by_key(&r.summary.by_driver);
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert_eq!(rows[&key("cloud")], (1, 40.0));
    assert_eq!(rows[&key("data")], (1, 40.0));
    assert_eq!(rows[&None], (3, 120.0));
    // No row attributes more goals or hours than there are.
    let goals: usize = r.summary.by_driver.iter().map(|d| d.goals).sum();
    let hours: f64 = r.summary.by_driver.iter().map(|d| d.effort.total).sum();
    assert_eq!((goals, hours), (5, 200.0));
}

#[test]
fn summary_recruitment_list_in_report_order() {
    let org = summary_fixture().load();
    let r = plans(&org);
    // recruit > 0: k-plat (critical, shortfall 3, recruit 2), m-hr (high,
    // shortfall 2, recruit 1), k-new (high, shortfall 2, recruit 2).
    // Report order: priority, shortfall desc, id -> k-plat; then k-new vs
    // m-hr (both high, shortfall 2): "k-new" < "m-hr".
    let list: Vec<(&str, &str, Level, u32, Option<Date>)> = r
        .summary
        .recruit
        .iter()
        .map(|n| (n.need.as_str(), n.skill.as_str(), n.level, n.count, n.by))
        .collect();
    assert_eq!(
        list,
        vec![
            ("k-plat", "k", 3, 2, Some(date(2027, 3, 31))),
            ("k-new", "k", 2, 2, Some(date(2027, 1, 1))),
            ("m-hr", "m", 2, 1, None),
        ]
    );
    let first = &r.summary.recruit[0];
    assert_eq!(first.unit.as_deref(), Some("it/platform"));
    assert_eq!(first.priority, Priority::Critical);
    assert_eq!(first.driver.as_deref(), Some("data"));
}

#[test]
fn summary_unit_filter_restricts_plans_and_recruitment() {
    let org = summary_fixture().load();
    // --unit it: a (it/platform) and c (it); b has no goals; d (hr) and e
    // (no unit) are outside. Needs are still evaluated for everyone, so a's
    // k goal keeps both reasons.
    let r = plan_report(&org, &only_unit("it"));
    assert_eq!(plan_people(&r), vec!["a", "c"]);
    assert_eq!(goal(plan_of(&r, "a"), "k").reasons.len(), 2);
    // 3 goals: a's two (80 h), c's one (40 h) -> 120 h.
    assert_eq!((r.summary.people, r.summary.goals), (2, 3));
    assert_eq!(split(&r.summary.effort), (120.0, 84.0, 24.0, 12.0));
    let rows = by_key(&r.summary.by_unit);
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[&key("it")], (1, 40.0));
    assert_eq!(rows[&key("it/platform")], (2, 80.0));
    // Recruitment in it and below: k-plat (it/platform), k-new (it/new);
    // not m-hr (hr).
    let needs: Vec<&str> = r.summary.recruit.iter().map(|n| n.need.as_str()).collect();
    assert_eq!(needs, vec!["k-plat", "k-new"]);

    // --unit it/platform: a only; recruitment k-plat only.
    let r = plan_report(&org, &only_unit("it/platform"));
    assert_eq!(plan_people(&r), vec!["a"]);
    let needs: Vec<&str> = r.summary.recruit.iter().map(|n| n.need.as_str()).collect();
    assert_eq!(needs, vec!["k-plat"]);

    // --unit hr: d; recruitment m-hr.
    let r = plan_report(&org, &only_unit("hr"));
    assert_eq!(plan_people(&r), vec!["d"]);
    let needs: Vec<&str> = r.summary.recruit.iter().map(|n| n.need.as_str()).collect();
    assert_eq!(needs, vec!["m-hr"]);
}
