//! Property tests (proptest) for FORMAT.md's invariants, over random
//! organisations written as real files and loaded as the tool loads them
//! (units in a tree, roles, several assessments per person and skill,
//! expiry dates, interest, `max_steps`, hours per level and skills' own
//! mixes, needs scoped by unit and role, some with `by`):
//! - 0 <= coverage <= 1, and renew + develop + recruit = shortfall, per need
//!   (and KS's utvikle + mobilisere + rekruttere = shortfall, issue 25)
//!   and in the totals;
//! - every develop candidate is in the need's scope, below its level, within
//!   `max_steps` of it, and developed to it from their current level;
//! - experience + social + formal = total effort, per need and in the totals;
//! - adding a person at the top level of every skill never increases a
//!   shortfall;
//! - the order of assessment rows with distinct dates changes no byte of the
//!   JSON reports (gap, plan, balance);
//! - `--without` (`Organisation::without`) equals deleting those people from
//!   the files, byte for byte in JSON (gap, plan, balance);
//! - the same files give the same bytes in every format, loaded and rendered
//!   twice.
//!
//! Cases: 32 per property by default, 8 for the one that renders every
//! format (the file runs in well under a minute in a debug build). More: `KOMPETANSE_PROPTEST_CASES=2000 cargo test
//! --test properties` (proptest's own `PROPTEST_CASES` works too; ours wins
//! when both are set).

mod common;

use common::Fixture;
use kompetanse::analysis::PeopleFilter;
use kompetanse::analysis::balance::{BalanceOptions, balance_report};
use kompetanse::analysis::gap::{GapFilter, gap_report};
use kompetanse::analysis::plan::plan_report;
use kompetanse::model::{Effort, Organisation};
use kompetanse::render::{self, Format, Lang, Style};
use proptest::prelude::*;

const UNITS: [&str; 4] = ["a", "a/x", "a/x/y", "b"];
const SKILLS: usize = 3;
const ROLES: usize = 2;
const TOP: u8 = 4;
const D: &str = "2026-06-15";

/// Cases per property: `KOMPETANSE_PROPTEST_CASES`, else `PROPTEST_CASES`,
/// else 32.
fn config() -> ProptestConfig {
    config_divided(1)
}

/// [`config`]'s cases divided by `by` (at least 4), for the property that
/// renders every format (workbooks and pages are slow in a debug build).
fn config_divided(by: u32) -> ProptestConfig {
    let from = |name: &str| std::env::var(name).ok().and_then(|v| v.parse().ok());
    let cases = from("KOMPETANSE_PROPTEST_CASES")
        .or_else(|| from("PROPTEST_CASES"))
        .unwrap_or(32);
    ProptestConfig {
        cases: (cases / by).max(4),
        ..ProptestConfig::default()
    }
}

#[derive(Debug, Clone)]
struct Row {
    level: u8,
    /// Days before D it was assessed (distinct per person and skill).
    age: u16,
    /// Days after 2026-01-01 it expires, if it does (0..800).
    expires: Option<u16>,
    interest: bool,
}

#[derive(Debug, Clone)]
struct Person {
    unit: usize,
    role: Option<usize>,
    /// rows[skill]: the person's assessments of it, in file order.
    rows: Vec<Vec<Row>>,
}

#[derive(Debug, Clone)]
struct NeedSpec {
    skill: usize,
    level: u8,
    count: u32,
    unit: Option<usize>,
    role: Option<usize>,
    /// Days after 2026-01-01 it is due, if it is (0..900).
    by: Option<u16>,
}

#[derive(Debug, Clone)]
struct OrgSpec {
    people: Vec<Person>,
    needs: Vec<NeedSpec>,
    max_steps: u8,
    hours_per_level: u16,
    /// The organisation's mix: 70-20-10 or 40-50-10.
    preset: bool,
    skills: Vec<SkillSpec>,
}

/// A skill's own hours per level, renew hours and mix (E, S; F is the rest).
type SkillSpec = (Option<u16>, Option<u16>, Option<(u8, u8)>);

/// A person's assessments of one skill: 0 to 3 rows with distinct dates.
fn rows() -> impl Strategy<Value = Vec<Row>> {
    prop::collection::btree_set(0u16..600, 0..=3).prop_flat_map(|ages| {
        let n = ages.len();
        (
            Just(ages.into_iter().collect::<Vec<_>>()),
            prop::collection::vec(
                (
                    0u8..=TOP,
                    prop::option::weighted(0.3, 0u16..800),
                    any::<bool>(),
                ),
                n,
            ),
        )
            .prop_map(|(ages, rest)| {
                ages.into_iter()
                    .zip(rest)
                    .map(|(age, (level, expires, interest))| Row {
                        level,
                        age,
                        expires,
                        interest,
                    })
                    .collect()
            })
    })
}

fn person() -> impl Strategy<Value = Person> {
    (
        0..UNITS.len(),
        prop::option::of(0..ROLES),
        prop::collection::vec(rows(), SKILLS),
    )
        .prop_map(|(unit, role, rows)| Person { unit, role, rows })
}

fn org_spec() -> impl Strategy<Value = OrgSpec> {
    let need = (
        0..SKILLS,
        1u8..=TOP,
        1u32..=5,
        prop::option::of(0..UNITS.len()),
        prop::option::weighted(0.2, 0..ROLES),
        prop::option::weighted(0.3, 0u16..900),
    )
        .prop_map(|(skill, level, count, unit, role, by)| NeedSpec {
            skill,
            level,
            count,
            unit,
            role,
            by,
        });
    let skill = (
        prop::option::of(1u16..100),
        prop::option::of(0u16..50),
        prop::option::weighted(0.3, (0u8..=100, 0u8..=100)),
    );
    (
        prop::collection::vec(person(), 1..10),
        prop::collection::vec(need, 1..6),
        0u8..=TOP,
        1u16..100,
        any::<bool>(),
        prop::collection::vec(skill, SKILLS),
    )
        .prop_map(
            |(people, needs, max_steps, hours_per_level, preset, skills)| OrgSpec {
                people,
                needs,
                max_steps,
                hours_per_level,
                preset,
                skills,
            },
        )
}

fn date_after(base: &str, days: i64) -> String {
    let base: jiff::civil::Date = base.parse().expect("date");
    base.checked_add(jiff::Span::new().days(days))
        .expect("date")
        .to_string()
}

/// How the files are written.
#[derive(Debug, Clone, Default)]
struct Write {
    /// These people (indexes) are left out of both files.
    without: Vec<usize>,
    /// The assessment rows in this order (a permutation of their indexes in
    /// file order); None: file order.
    order: Option<Vec<usize>>,
    /// people.csv has a `starts` column, with a first day long before D
    /// for the first person written (who is then always present).
    dated: bool,
    /// Person `p` of `n` is `p{n-1-p}`: people.csv is then not in id order.
    reversed_ids: bool,
}

fn org_body(spec: &OrgSpec) -> String {
    let mut body = format!(
        "[mix]\npreset = \"{}\"\nhours_per_level = {}\nmax_steps = {}\n\n",
        if spec.preset { "70-20-10" } else { "40-50-10" },
        spec.hours_per_level,
        spec.max_steps
    );
    for (s, (hours, renew, mix)) in spec.skills.iter().enumerate() {
        body.push_str(&format!("[[skill]]\nid = \"s{s}\"\n"));
        if let Some(h) = hours {
            body.push_str(&format!("hours_per_level = {h}\n"));
        }
        if let Some(h) = renew {
            body.push_str(&format!("renew_hours = {h}\n"));
        }
        if let Some((e, s)) = mix {
            let e = *e;
            let s = (*s).min(100 - e);
            body.push_str(&format!("mix = \"{e}-{s}-{}\"\n", 100 - e - s));
        }
        body.push('\n');
    }
    for r in 0..ROLES {
        body.push_str(&format!(
            "[[role]]\nid = \"r{r}\"\nrequires = {{ s{r} = 2 }}\n\n"
        ));
    }
    for (i, n) in spec.needs.iter().enumerate() {
        body.push_str(&format!(
            "[[need]]\nid = \"n{i}\"\nskill = \"s{}\"\nlevel = {}\ncount = {}\n",
            n.skill, n.level, n.count
        ));
        if let Some(u) = n.unit {
            body.push_str(&format!("unit = \"{}\"\n", UNITS[u]));
        }
        if let Some(r) = n.role {
            body.push_str(&format!("role = \"r{r}\"\n"));
        }
        if let Some(by) = n.by {
            body.push_str(&format!("by = {}\n", date_after("2026-01-01", by as i64)));
        }
        body.push('\n');
    }
    body
}

/// The people and assessment files of `people`.
fn profile_files(people: &[Person], how: &Write) -> (String, String) {
    let mut people_csv = String::from(match how.dated {
        true => "id,unit,role,starts\n",
        false => "id,unit,role\n",
    });
    let mut lines = Vec::new();
    let mut first = true;
    for (p, person) in people.iter().enumerate() {
        if how.without.contains(&p) {
            continue;
        }
        let role = person.role.map(|r| format!("r{r}")).unwrap_or_default();
        let starts = match (how.dated, first) {
            (true, true) => ",2000-01-01",
            (true, false) => ",",
            (false, _) => "",
        };
        first = false;
        let p = match how.reversed_ids {
            true => people.len() - 1 - p,
            false => p,
        };
        people_csv.push_str(&format!("p{p},{},{role}{starts}\n", UNITS[person.unit]));
        for (s, rows) in person.rows.iter().enumerate() {
            for r in rows {
                let expires = r
                    .expires
                    .map(|e| date_after("2026-01-01", e as i64))
                    .unwrap_or_default();
                lines.push(format!(
                    "p{p},s{s},{},{},{expires},{}\n",
                    r.level,
                    date_after(D, -(r.age as i64)),
                    if r.interest { "yes" } else { "" }
                ));
            }
        }
    }
    let mut rows = String::from("person,skill,level,assessed,expires,interest\n");
    match &how.order {
        None => lines.iter().for_each(|l| rows.push_str(l)),
        Some(order) => order
            .iter()
            .filter_map(|&i| lines.get(i))
            .for_each(|l| rows.push_str(l)),
    }
    (people_csv, rows)
}

fn files(spec: &OrgSpec, how: &Write) -> Fixture {
    let (people, rows) = profile_files(&spec.people, how);
    Fixture::standard(&org_body(spec), &people, &rows)
}

fn rows_in(spec: &OrgSpec) -> usize {
    spec.people
        .iter()
        .map(|p| p.rows.iter().map(Vec::len).sum::<usize>())
        .sum()
}

/// The report rendered in `format`, as text (a workbook as hex).
fn bytes<R: render::Render>(report: &R, format: Format) -> String {
    let mut out = Vec::new();
    let style = Style {
        lang: Lang::default(),
        width: None,
        wide: true,
        color: false,
        data_lang: None,
    };
    render::render(report, format, style, &mut out).expect("render");
    match String::from_utf8(out) {
        Ok(text) => text,
        Err(e) => e.into_bytes().iter().map(|b| format!("{b:02x}")).collect(),
    }
}

/// gap, plan and balance (with units) of `org` in `format`: text, or for
/// a workbook its bytes as hex (so that a failure reads as a diff).
fn reports(org: &Organisation, format: Format) -> [String; 3] {
    let balance = BalanceOptions {
        by_unit: true,
        ..BalanceOptions::default()
    };
    [
        bytes(&gap_report(org, &GapFilter::default()), format),
        bytes(&plan_report(org, &PeopleFilter::default()), format),
        bytes(&balance_report(org, &balance), format),
    ]
}

/// Two efforts' parts add up to their total (the parts are exact sums of
/// hours x percent / 100, so only floating-point rounding may differ).
fn adds_up(e: &Effort) -> bool {
    let parts = e.experience + e.social + e.formal;
    (parts - e.total).abs() <= 1e-9 * e.total.abs().max(1.0)
}

/// Passes when the reports are equal; else fails naming the report and
/// the first line that differs.
fn same(what: &str, left: &[String; 3], right: &[String; 3]) -> Result<(), TestCaseError> {
    for (name, (l, r)) in ["gap", "plan", "balance"]
        .iter()
        .zip(left.iter().zip(right))
    {
        if l != r {
            let at = l
                .lines()
                .zip(r.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(0);
            let show = |t: &str| {
                t.lines()
                    .skip(at.saturating_sub(3))
                    .take(6)
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            return Err(TestCaseError::fail(format!(
                "{what}: {name} differs at line {}:\n{}\n---- vs ----\n{}",
                at + 1,
                show(l),
                show(r)
            )));
        }
    }
    Ok(())
}

/// A balance report's JSON with `freshness.expired_assessments` sorted.
fn expired_sorted(json: &str) -> String {
    let mut value: serde_json::Value = serde_json::from_str(json).expect("balance JSON");
    if let Some(list) = value
        .pointer_mut("/freshness/expired_assessments")
        .and_then(|v| v.as_array_mut())
    {
        list.sort_by_key(|row| row.to_string());
    }
    serde_json::to_string_pretty(&value).expect("JSON")
}

fn in_unit(person: &Person, unit: Option<usize>) -> bool {
    match unit {
        None => true,
        Some(u) => {
            let (mine, want) = (UNITS[person.unit], UNITS[u]);
            mine == want || mine.starts_with(&format!("{want}/"))
        }
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn needs_add_up_and_candidates_are_in_scope(spec in org_spec()) {
        let org = files(&spec, &Write::default()).load();
        let report = gap_report(&org, &GapFilter::default());
        for n in &report.needs {
            let need = &spec.needs[n.id[1..].parse::<usize>().expect("need index")];
            prop_assert!((0.0..=1.0).contains(&n.coverage), "{}: coverage {}", n.id, n.coverage);
            prop_assert_eq!(
                n.renew.len() as u32 + n.develop.len() as u32 + n.recruit,
                n.shortfall,
                "{}: renew + develop + recruit", n.id
            );
            // Issue 25, KS's measures: utvikle + mobilisere + rekruttere is
            // the shortfall, beholde + surplus never exceeds have, and
            // nobody elsewhere is in scope.
            let m = n.measures;
            prop_assert_eq!(m.utvikle + m.mobilisere + m.rekruttere, u64::from(n.shortfall), "{}: measures", n.id);
            prop_assert!(m.beholde + u64::from(n.surplus) <= u64::from(n.have), "{}: beholde", n.id);
            prop_assert!(n.recruit > 0 || n.elsewhere.is_empty(), "{}: elsewhere without recruit", n.id);
            for e in &n.elsewhere {
                let p = e.person[1..].parse::<usize>().expect("person index");
                let person = &spec.people[p];
                let in_role = need.role.is_none_or(|r| person.role == Some(r));
                prop_assert!(!(in_unit(person, need.unit) && in_role), "{} elsewhere but in {}'s scope", e.person, n.id);
                prop_assert!(e.level >= n.level, "{} elsewhere below {}", e.person, n.id);
            }
            prop_assert!(adds_up(&n.effort), "{}: {:?}", n.id, n.effort);
            let skill = need.skill;
            for d in &n.develop {
                let p = d.person[1..].parse::<usize>().expect("person index");
                let person = &spec.people[p];
                prop_assert!(in_unit(person, need.unit), "{} in {}'s unit", d.person, n.id);
                if let Some(r) = need.role {
                    prop_assert_eq!(person.role, Some(r), "{} has {}'s role", &d.person, &n.id);
                }
                prop_assert!(d.from < n.level, "{} below {}", d.person, n.id);
                prop_assert!(n.level - d.from <= spec.max_steps, "{} within max_steps", d.person);
                prop_assert_eq!(d.to, n.level);
                let index = org.people.find(&d.person).expect("the person");
                prop_assert_eq!(d.from, org.matrix.level(index, skill), "{} from their level", &d.person);
            }
        }
        let t = &report.totals;
        prop_assert_eq!(t.renew as u64 + t.develop as u64 + t.recruit, t.shortfall);
        prop_assert!(adds_up(&t.effort), "totals: {:?}", t.effort);
        let total: f64 = report.needs.iter().map(|n| n.effort.total).sum();
        prop_assert!((total - t.effort.total).abs() <= 1e-9 * total.max(1.0));
    }

    /// A need of the whole organisation is counted without a pass over
    /// everyone when no one has a first or last day (the levels held are
    /// counted once a skill, and candidates looked for only as far as
    /// needed): the same files with a first day long before D for one
    /// person take every need through the pass over its scope, and give the
    /// same gap, byte for byte. With people.csv in id order the look for
    /// candidates may end early; with the ids reversed it may not.
    #[test]
    fn whole_organisation_needs_count_as_the_pass_does(spec in org_spec()) {
        for reversed_ids in [false, true] {
            let plain = files(&spec, &Write { reversed_ids, ..Write::default() }).load();
            let dated = files(&spec, &Write { dated: true, reversed_ids, ..Write::default() }).load();
            prop_assert!(!plain.people.any_dates() && dated.people.any_dates());
            let json = |org: &Organisation| bytes(&gap_report(org, &GapFilter::default()), Format::Json);
            prop_assert_eq!(json(&plain), json(&dated), "reversed ids: {}", reversed_ids);
        }
    }

    #[test]
    fn an_expert_more_never_increases_a_shortfall(spec in org_spec(), unit in 0..UNITS.len(), role in prop::option::of(0..ROLES)) {
        let shortfalls = |spec: &OrgSpec| {
            let report = gap_report(&files(spec, &Write::default()).load(), &GapFilter::default());
            let mut s: Vec<(String, u32)> = report.needs.iter().map(|n| (n.id.clone(), n.shortfall)).collect();
            s.sort();
            s
        };
        let before = shortfalls(&spec);
        let mut more = spec.clone();
        let top = Row { level: TOP, age: 0, expires: None, interest: false };
        more.people.push(Person { unit, role, rows: vec![vec![top]; SKILLS] });
        let after = shortfalls(&more);
        prop_assert_eq!(before.len(), after.len());
        for ((id, b), (_, a)) in before.iter().zip(&after) {
            prop_assert!(a <= b, "{}: {} -> {}", id, b, a);
        }
    }

    #[test]
    fn row_order_changes_no_byte(spec in org_spec(), seed in any::<u64>()) {
        let n = rows_in(&spec);
        // A permutation from the seed (a Fisher-Yates shuffle on a small LCG).
        let mut order: Vec<usize> = (0..n).collect();
        let mut state = seed | 1;
        for i in (1..n).rev() {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            order.swap(i, (state >> 33) as usize % (i + 1));
        }
        let plain = files(&spec, &Write::default()).load();
        let shuffled = files(&spec, &Write { order: Some(order), ..Write::default() }).load();
        let (mut plain, mut shuffled) = (reports(&plain, Format::Json), reports(&shuffled, Format::Json));
        // balance lists expired assessments in file order (FORMAT.md does
        // not say which order): the same rows, perhaps in another order.
        plain[2] = expired_sorted(&plain[2]);
        shuffled[2] = expired_sorted(&shuffled[2]);
        same("shuffled", &plain, &shuffled)?;
    }

    #[test]
    fn without_equals_deleting_them(spec in org_spec(), picks in prop::collection::vec(0usize..10, 1..4)) {
        let mut gone: Vec<usize> = picks.iter().map(|p| p % spec.people.len()).collect();
        gone.sort();
        gone.dedup();
        let org = files(&spec, &Write::default()).load();
        let leaving: Vec<usize> = gone
            .iter()
            .map(|p| org.people.find(&format!("p{p}")).expect("the person"))
            .collect();
        let without = org.into_without(&leaving);
        let deleted = files(&spec, &Write { without: gone, ..Write::default() }).load();
        same("without", &reports(&without, Format::Json), &reports(&deleted, Format::Json))?;
    }
}

proptest! {
    #![proptest_config(config_divided(4))]

    #[test]
    fn the_same_files_give_the_same_bytes(spec in org_spec()) {
        let fx = files(&spec, &Write::default());
        let (once, twice) = (fx.load(), fx.load());
        for format in [
            Format::Table,
            Format::Json,
            Format::Csv,
            Format::ExcelCsv,
            Format::Markdown,
            Format::Xlsx,
            Format::Html,
        ] {
            same(&format.to_string(), &reports(&once, format), &reports(&twice, format))?;
        }
    }
}
