//! Issue 25: KS's measures and the budget. One or more tests per rule of
//! FORMAT.md r3 "Elsewhere and surplus", "KS measures" and "Cost", each
//! worked out by hand in the comment above its assertions (D = 2026-06-15,
//! 40 hours per level, max_steps 2 and 70-20-10 unless a test says
//! otherwise).

mod common;

use common::Fixture;
use kompetanse::analysis::gap::{GapFilter, gap_report};
use kompetanse::report::{GapReport, NeedGap};
use serde_json::{Value, json};

fn need<'a>(report: &'a GapReport, id: &str) -> &'a NeedGap {
    report
        .needs
        .iter()
        .find(|n| n.id == id)
        .unwrap_or_else(|| panic!("no need '{id}'"))
}

fn json_need<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["needs"]
        .as_array()
        .expect("needs")
        .iter()
        .find(|n| n["id"] == id)
        .unwrap_or_else(|| panic!("no need '{id}' in {report}"))
}

fn measures(n: &NeedGap) -> (u64, u64, u64, u64) {
    let m = n.measures;
    (m.beholde, m.utvikle, m.mobilisere, m.rekruttere)
}

fn elsewhere(n: &NeedGap) -> Vec<(&str, Option<&str>, u8)> {
    n.elsewhere
        .iter()
        .map(|e| (e.person.as_str(), e.unit.as_deref(), e.level))
        .collect()
}

// ---------------------------------------------------------------------------
// Elsewhere and surplus
// ---------------------------------------------------------------------------

/// A need in unit `a` for 2 people at level 3 by 2027-06-30 (H). In scope:
/// a1 (3): have 1, shortfall 1, no candidate, recruit 1. Outside the scope:
/// x (4, b) and y (3, b) are elsewhere, by level descending: x, y. z (3, c)
/// leaves on 2026-12-31, before H: a leaver is not elsewhere. w (3, b)
/// expires 2027-01-01, before H: not elsewhere. v (2, b) is below the level.
/// Measures: beholde = min(1, 2) = 1 (no surplus), utvikle 0, mobilisere =
/// min(1, 2) = 1, rekruttere = 1 - 1 = 0. Neither changes shortfall or
/// recruit.
#[test]
fn elsewhere_lists_holders_outside_the_scope_and_not_a_leaver() {
    let fx = Fixture::standard(
        "[[skill]]\nid = \"s\"\n\n\
         [[need]]\nid = \"n\"\nskill = \"s\"\nlevel = 3\ncount = 2\nunit = \"a\"\nby = 2027-06-30\n",
        "id,unit,leaves\na1,a,\nx,b,\ny,b,\nz,c,2026-12-31\nw,b,\nv,b,\n",
        "person,skill,level,assessed,expires\n\
         a1,s,3,2026-01-01,\n\
         y,s,3,2026-01-01,\n\
         x,s,4,2026-01-01,\n\
         z,s,3,2026-01-01,\n\
         w,s,3,2026-01-01,2027-01-01\n\
         v,s,2,2026-01-01,\n",
    );
    let org = fx.load();
    let report = gap_report(&org, &GapFilter::default());
    let n = need(&report, "n");
    assert_eq!((n.have, n.shortfall, n.recruit), (1, 1, 1));
    assert_eq!(elsewhere(n), [("x", Some("b"), 4), ("y", Some("b"), 3)]);
    assert_eq!(n.surplus, 0);
    assert_eq!(measures(n), (1, 0, 1, 0));
    // The JSON contract: {person, unit, level}.
    let out = fx.json(&["gap", "org.toml", "--format", "json"]);
    assert_eq!(
        json_need(&out, "n")["elsewhere"],
        json!([
            {"person": "x", "unit": "b", "level": 4},
            {"person": "y", "unit": "b", "level": 3}
        ])
    );
}

/// Unit `a` needs 1 at level 2; a1 is at 1, one step short: develop a1,
/// recruit 0. b1 (3, b) holds the level outside the scope, but a need
/// without a recruit has no elsewhere list. Measures: beholde = min(0, 1) =
/// 0, utvikle 1, mobilisere 0, rekruttere 0.
#[test]
fn a_need_without_recruit_has_no_elsewhere_list() {
    let fx = Fixture::standard(
        "[[skill]]\nid = \"s\"\n\n\
         [[need]]\nid = \"n\"\nskill = \"s\"\nlevel = 2\ncount = 1\nunit = \"a\"\n",
        "id,unit\na1,a\nb1,b\n",
        "person,skill,level\na1,s,1\nb1,s,3\n",
    );
    let org = fx.load();
    let report = gap_report(&org, &GapFilter::default());
    let n = need(&report, "n");
    assert_eq!((n.have, n.shortfall, n.recruit), (0, 1, 0));
    assert!(n.elsewhere.is_empty());
    assert_eq!(measures(n), (0, 1, 0, 0));
    let out = fx.json(&["gap", "org.toml", "--format", "json"]);
    assert_eq!(json_need(&out, "n")["elsewhere"], json!([]));
}

/// Two needs of 2 people at level 2: `exact` has 2 holders (surplus 0, so
/// both are to be kept: beholde 2), `over` has 3 (surplus 3 - 2 = 1: no
/// holder is indispensable, beholde 0). Neither has anything to develop,
/// mobilise or recruit.
#[test]
fn surplus_zero_and_one_and_the_measures_in_both_cases() {
    let fx = Fixture::standard(
        "[[skill]]\nid = \"s\"\n\n\
         [[need]]\nid = \"exact\"\nskill = \"s\"\nlevel = 2\ncount = 2\nunit = \"a\"\n\n\
         [[need]]\nid = \"over\"\nskill = \"s\"\nlevel = 2\ncount = 2\nunit = \"b\"\n",
        "id,unit\na1,a\na2,a\nb1,b\nb2,b\nb3,b\n",
        "person,skill,level\na1,s,2\na2,s,3\nb1,s,2\nb2,s,2\nb3,s,4\n",
    );
    let org = fx.load();
    let report = gap_report(&org, &GapFilter::default());
    let exact = need(&report, "exact");
    assert_eq!((exact.have, exact.surplus), (2, 0));
    assert_eq!(measures(exact), (2, 0, 0, 0));
    let over = need(&report, "over");
    assert_eq!((over.have, over.surplus, over.shortfall), (3, 1, 0));
    assert_eq!(measures(over), (0, 0, 0, 0));
    assert_eq!(over.coverage, 1.0, "surplus changes no coverage");
    let out = fx.json(&["gap", "org.toml", "--format", "json"]);
    assert_eq!(json_need(&out, "over")["surplus"], 1);
    assert_eq!(
        json_need(&out, "exact")["measures"],
        json!({"beholde": 2, "utvikle": 0, "mobilisere": 0, "rekruttere": 0})
    );
    // Summed over the needs, and per unit.
    assert_eq!(out["totals"]["measures"]["beholde"], 2);
    let by_unit = fx.json(&["gap", "org.toml", "--by", "unit", "--format", "json"]);
    let groups = by_unit["groups"].as_array().unwrap();
    assert_eq!(groups[0]["key"], "a");
    assert_eq!(groups[0]["measures"]["beholde"], 2);
    assert_eq!(groups[1]["measures"]["beholde"], 0);
}

// ---------------------------------------------------------------------------
// KS measures: avvikle (phase_out)
// ---------------------------------------------------------------------------

/// A need on a skill with `phase_out = true` is an error at the need's
/// `skill`, line 14 column 9 (org_toml's 8 lines, the skill's 4, then the
/// need's header), naming the line of `phase_out` (11): exit 2, and no
/// report.
#[test]
fn a_phase_out_skill_in_a_need_is_an_error_with_file_and_line() {
    let fx = Fixture::standard(
        "[[skill]]\nid = \"old\"\nphase_out = true\n\n\
         [[need]]\nskill = \"old\"\nlevel = 1\ncount = 1\n",
        "id\na\n",
        "person,skill,level\na,old,2\n",
    );
    let out = fx.run(&["gap", "org.toml"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "org.toml:14:9: error: need on skill 'old', which is being wound down (phase_out = true on line 11)"
        ),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}

/// `balance` lists a phase-out skill's holders (level 1 or more, present
/// at D) by unit, then person id: b/a1 (2) is after a/z (1) by unit; c0
/// (level 0) holds nothing; gone left before D. The skill that is not
/// winding down is not listed.
#[test]
fn balance_lists_the_holders_of_a_phase_out_skill_by_unit() {
    let fx = Fixture::standard(
        "[[skill]]\nid = \"old\"\nphase_out = true\n\n[[skill]]\nid = \"new\"\n",
        "id,unit,leaves\nb1,b,\nz,a,\nc0,c,\ngone,a,2026-01-31\nnobody,,\n",
        "person,skill,level\nb1,old,2\nz,old,1\nc0,old,0\ngone,old,3\nnobody,old,3\nb1,new,3\n",
    );
    let out = fx.json(&["balance", "org.toml", "--format", "json"]);
    assert_eq!(
        out["phase_out"],
        json!([{"skill": "old", "holders": [
            {"person": "z", "unit": "a", "level": 1},
            {"person": "b1", "unit": "b", "level": 2},
            {"person": "nobody", "unit": null, "level": 3}
        ]}])
    );
}

// ---------------------------------------------------------------------------
// Cost
// ---------------------------------------------------------------------------

/// Per-mode hour costs: 70-20-10, `hour` 100, `experience_hour` 200,
/// `formal_hour` 1000, course fee 3000. Developing a from 1 to 3 is 80 h:
/// experience 56 h x 200 = 11200, social 16 h x 100 (the `hour`) = 1600,
/// formal 8 h x 1000 = 8000, plus 2 levels x 3000 = 6000: 26800. With no
/// `by`, the horizon is D: booked in 2026.
#[test]
fn hour_costs_per_mode_and_a_fee_per_level_gained() {
    let fx = Fixture::standard(
        "[cost]\nhour = 100\nexperience_hour = 200\nformal_hour = 1000\n\n\
         [[skill]]\nid = \"s\"\ncourse_fee = 3000\n\n\
         [[need]]\nid = \"n\"\nskill = \"s\"\nlevel = 3\ncount = 1\n",
        "id\na\n",
        "person,skill,level\na,s,1\n",
    );
    let out = fx.json(&["gap", "org.toml", "--format", "json"]);
    let n = json_need(&out, "n");
    assert_eq!(n["cost"], 26800);
    assert_eq!(out["totals"]["cost"], 26800);
    assert_eq!(out["totals"]["cost_by_year"], json!({"2026": 26800}));
    // Recruiting one person instead costs the `recruit` of 0 (its default).
    assert_eq!(
        n["develop_or_recruit"],
        json!({"develop_cost": 26800, "recruit_cost": 0, "in_time": null})
    );
}

/// A certificate (level 2) that expires before the need's horizon is
/// renewed: 4 renew hours, all formal at 900 = 3600, plus one course fee
/// of 1500 (not one per level held): 5100.
#[test]
fn a_renewal_pays_one_fee() {
    let fx = Fixture::standard(
        "[cost]\nhour = 500\nformal_hour = 900\n\n\
         [[skill]]\nid = \"hlr\"\nrenew_hours = 4\nmix = \"0-0-100\"\ncourse_fee = 1500\n\n\
         [[need]]\nid = \"n\"\nskill = \"hlr\"\nlevel = 2\ncount = 1\nby = 2027-03-31\n",
        "id\na\n",
        "person,skill,level,assessed,expires\na,hlr,2,2025-06-01,2027-01-31\n",
    );
    let out = fx.json(&["gap", "org.toml", "--format", "json"]);
    let n = json_need(&out, "n");
    assert_eq!(n["renew"].as_array().unwrap().len(), 1);
    assert_eq!(n["cost"], 5100);
    assert_eq!(out["totals"]["cost_by_year"], json!({"2027": 5100}));
}

/// One goal of 80 h (level 1 to 3) at 100 h a year from D = 2026-06-15:
/// it finishes ceil(80 x 365 / 100) = 292 days later, 2027-04-03, its hours
/// spent across the year boundary. The need's deadline is 2028-06-30. The
/// cost (80 h x 100 = 8000) is booked in the year of the finish, 2027: not
/// 2026 (when it starts) nor 2028 (the deadline). Without capacity it is
/// booked in the horizon's year, 2028.
#[test]
fn a_goal_across_a_year_boundary_is_booked_by_its_finish() {
    let body = |capacity: &str| {
        format!(
            "{capacity}[cost]\nhour = 100\n\n[[skill]]\nid = \"s\"\n\n\
             [[need]]\nid = \"n\"\nskill = \"s\"\nlevel = 3\ncount = 1\nby = 2028-06-30\n"
        )
    };
    let people = "id\na\n";
    let assessments = "person,skill,level\na,s,1\n";
    let fx = Fixture::standard(
        &body("[capacity]\nhours_per_year = 100\n\n"),
        people,
        assessments,
    );
    let plan = fx.json(&["plan", "org.toml", "--format", "json"]);
    let goal = &plan["plans"][0]["goals"][0];
    assert_eq!(goal["finish"], "2027-04-03");
    assert_eq!(goal["cost"], 8000);
    assert_eq!(plan["summary"]["cost_by_year"], json!({"2027": 8000}));
    let gap = fx.json(&["gap", "org.toml", "--format", "json"]);
    assert_eq!(gap["totals"]["cost_by_year"], json!({"2027": 8000}));
    // In time: 2027-04-03 is before 2028-06-30.
    assert_eq!(
        json_need(&gap, "n")["develop_or_recruit"]["in_time"],
        json!(true)
    );

    let unscheduled = Fixture::standard(&body(""), people, assessments);
    let gap = unscheduled.json(&["gap", "org.toml", "--format", "json"]);
    assert_eq!(gap["totals"]["cost_by_year"], json!({"2028": 8000}));
}

/// Recruitment is booked in the year of the need's horizon: `later` (by
/// 2027-03-31) recruits 2 x 50000 = 100000 in 2027; `now` (no `by`: the
/// horizon is D) recruits 1 in 2026, 50000. `--fail-on-budget` exits 1
/// when a year's total exceeds the amount: 99999 < 100000 fails, 100000
/// does not.
#[test]
fn recruitment_is_booked_by_the_horizon_year_and_gated_by_budget() {
    let fx = Fixture::standard(
        "[cost]\nrecruit = 50000\n\n[[skill]]\nid = \"s\"\n\n\
         [[need]]\nid = \"later\"\nskill = \"s\"\nlevel = 3\ncount = 2\nby = 2027-03-31\n\n\
         [[need]]\nid = \"now\"\nskill = \"s\"\nlevel = 4\ncount = 1\n",
        "id\na\n",
        "person,skill,level\na,s,0\n",
    );
    let out = fx.json(&["gap", "org.toml", "--format", "json"]);
    assert_eq!(json_need(&out, "later")["cost"], 100000);
    assert_eq!(json_need(&out, "now")["cost"], 50000);
    assert_eq!(out["totals"]["cost"], 150000);
    assert_eq!(
        out["totals"]["cost_by_year"],
        json!({"2026": 50000, "2027": 100000})
    );
    let plan = fx.json(&["plan", "org.toml", "--format", "json"]);
    assert_eq!(plan["summary"]["cost"], 150000);
    assert_eq!(
        plan["summary"]["cost_by_year"],
        json!({"2026": 50000, "2027": 100000})
    );

    let gate = |amount: &str| {
        fx.run(&["gap", "org.toml", "--quiet", "--fail-on-budget", amount])
            .status
            .code()
    };
    assert_eq!(gate("99999"), Some(1));
    assert_eq!(gate("100000"), Some(0));
    assert_eq!(gate("100_000"), Some(0));
    assert_eq!(gate("lots"), Some(2));
}

/// `--fail-on-budget` without `[cost]` has nothing to gate: a usage error.
#[test]
fn fail_on_budget_needs_a_cost_table() {
    let fx = Fixture::standard(
        "[[skill]]\nid = \"s\"\n",
        "id\na\n",
        "person,skill,level\na,s,1\n",
    );
    let out = fx.run(&["gap", "org.toml", "--fail-on-budget", "1000"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("[cost]"));
}

/// Without `[cost]` no cost appears anywhere: not per need, goal, person,
/// unit or driver, not in the totals.
#[test]
fn without_cost_no_cost_appears() {
    let fx = Fixture::standard(
        "[capacity]\nhours_per_year = 100\n\n\
         [[skill]]\nid = \"s\"\ncourse_fee = 3000\n\n\
         [[need]]\nid = \"n\"\nskill = \"s\"\nlevel = 3\ncount = 2\nunit = \"a\"\n",
        "id,unit\na,a\n",
        "person,skill,level\na,s,1\n",
    );
    for args in [
        &["gap", "org.toml", "--format", "json"][..],
        &["gap", "org.toml", "--by", "unit", "--format", "json"],
        &["plan", "org.toml", "--format", "json"],
    ] {
        let text = fx.json(args).to_string();
        assert!(!text.contains("cost"), "{args:?}: {text}");
        assert!(!text.contains("develop_or_recruit"), "{args:?}: {text}");
    }
}

/// Developing or recruiting, by money and time: two people one level
/// short of 3 (40 h each at 1000 an hour = 40000). b learns 40 h a year
/// from D = 2026-06-15 and finishes after 365 days, 2027-06-15; c learns
/// 20 h a year and finishes after 730 days, 2028-06-14, after the deadline
/// 2027-12-31: the development is not in time. Recruiting as many (2)
/// costs 2 x 300000. The need's cost is the two goals: 80000.
#[test]
fn develop_or_recruit_compares_money_and_time() {
    let fx = Fixture::standard(
        "[capacity]\nhours_per_year = 40\n\n[cost]\nhour = 1000\nrecruit = 300000\n\n\
         [[skill]]\nid = \"s\"\n\n\
         [[need]]\nid = \"n\"\nskill = \"s\"\nlevel = 3\ncount = 2\nby = 2027-12-31\n",
        "id,capacity\nb,\nc,20\n",
        "person,skill,level\nb,s,2\nc,s,2\n",
    );
    let out = fx.json(&["gap", "org.toml", "--format", "json"]);
    let n = json_need(&out, "n");
    assert_eq!(n["cost"], 80000);
    assert_eq!(n["late_count"], 1);
    assert_eq!(
        n["develop_or_recruit"],
        json!({"develop_cost": 80000, "recruit_cost": 600000, "in_time": false})
    );
}

/// Plans carry the cost per goal, person, unit and driver: a (unit x) is
/// developed 1 -> 2 for need n (driver d), 40 h x 10 = 400; b (unit y) 0 ->
/// 2 for the same need, 80 h x 10 = 800.
#[test]
fn plans_carry_costs_per_goal_person_unit_and_driver() {
    let fx = Fixture::standard(
        "[cost]\nhour = 10\n\n[[driver]]\nid = \"d\"\n\n[[skill]]\nid = \"s\"\n\n\
         [[need]]\nid = \"n\"\nskill = \"s\"\nlevel = 2\ncount = 2\ndriver = \"d\"\n",
        "id,unit\na,x\nb,y\n",
        "person,skill,level\na,s,1\nb,s,0\n",
    );
    let plan = fx.json(&["plan", "org.toml", "--format", "json"]);
    let plans = plan["plans"].as_array().unwrap();
    let cost_of = |id: &str| {
        let p = plans.iter().find(|p| p["person"] == id).unwrap();
        (p["cost"].clone(), p["goals"][0]["cost"].clone())
    };
    assert_eq!(cost_of("a"), (json!(400), json!(400)));
    assert_eq!(cost_of("b"), (json!(800), json!(800)));
    let summary = &plan["summary"];
    assert_eq!(summary["cost"], 1200);
    assert_eq!(summary["by_unit"][0]["cost"], 400);
    assert_eq!(summary["by_unit"][1]["cost"], 800);
    assert_eq!(summary["by_driver"][0]["cost"], 1200);
}

/// The competence marketplace does not spread a skill being wound down:
/// its holders are not offered as teachers, while the same holders of a
/// skill in use are.
#[test]
fn the_marketplace_leaves_out_a_phase_out_skill() {
    let fx = Fixture::standard(
        "[[skill]]\nid = \"old\"\nphase_out = true\n\n[[skill]]\nid = \"new\"\n",
        "id\na\nb\n",
        "person,skill,level,interest\na,old,4,\na,new,4,\nb,old,0,ja\n",
    );
    let out = fx.json(&["market", "org.toml", "--format", "json"]);
    let skills: Vec<&str> = out["skills"]
        .as_array()
        .expect("skills")
        .iter()
        .map(|s| s["skill"].as_str().unwrap())
        .collect();
    assert_eq!(skills, ["new"]);
}

// ---------------------------------------------------------------------------
// The views: CSV columns, the Budget sheet, the tables' KS words, the page
// ---------------------------------------------------------------------------

#[path = "common/sheets.rs"]
mod sheets;

/// A need with a cost: 2 to recruit at 50000 by 2027-03-31 (100000 in
/// 2027), and one to develop 1 -> 2 at `hour` 10 (40 h: 400, no `by`: 2026).
fn costed() -> Fixture {
    Fixture::standard(
        "[cost]\ncurrency = \"kr\"\nhour = 10\nrecruit = 50000\n\n[[skill]]\nid = \"s\"\nname = \"Saksbehandling\"\n\n\
         [[need]]\nid = \"later\"\nskill = \"s\"\nlevel = 4\ncount = 2\nby = 2027-03-31\n\n\
         [[need]]\nid = \"now\"\nskill = \"s\"\nlevel = 2\ncount = 1\n",
        "id\na\n",
        "person,skill,level\na,s,1\n",
    )
}

/// CSV appends the surplus and KS's measures when the organisation plans
/// in KS's terms (`[cost]` or `phase_out`), and the cost columns only with
/// `[cost]`; without either it is the CSV it always was.
#[test]
fn csv_appends_the_measures_and_with_cost_the_costs() {
    let fx = costed();
    let out = fx.run(&["gap", "org.toml", "-q", "--format", "csv"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let header = text.lines().next().unwrap();
    assert!(
        header.ends_with(
            ",arriving,surplus,beholde,utvikle,mobilisere,rekruttere,cost,develop_cost,recruit_cost,in_time"
        ),
        "{header}"
    );
    // later: recruit 2 (nobody else holds it): rekruttere 2, 100000.
    let later = text.lines().find(|l| l.starts_with("later,")).unwrap();
    assert!(later.ends_with(",0,0,0,0,2,100000,0,0,"), "{later}");
    let plain = Fixture::standard(
        "[[skill]]\nid = \"s\"\n\n[[need]]\nid = \"n\"\nskill = \"s\"\nlevel = 2\ncount = 1\n",
        "id\na\n",
        "person,skill,level\na,s,1\n",
    );
    let out = plain.run(&["gap", "org.toml", "-q", "--format", "csv"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.lines()
            .next()
            .unwrap()
            .ends_with(",late,leaving,arriving"),
        "{text}"
    );
}

/// The workbook's Budget sheet holds the økonomiplan: a year a row, the
/// cost a number (formatted as the currency), not text.
#[test]
fn the_workbook_has_a_budget_sheet_of_numbers() {
    let fx = costed();
    let path = fx.dir().join("gap.xlsx");
    let out = fx.run(&["gap", "org.toml", "-q", "-o", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let mut book = sheets::book(std::fs::read(&path).unwrap());
    let budget = sheets::sheet(&mut book, "Budget");
    assert_eq!(
        sheets::rows(&budget),
        [["Year", "Cost"], ["2026", "400"], ["2027", "100000"]]
    );
    assert!(matches!(
        budget.get((2, 1)),
        Some(calamine::Data::Float(x)) if *x == 100000.0
    ));
}

/// The Norwegian table and the page use KS's words; the page has a
/// budget card and a bar a year.
#[test]
fn the_norwegian_table_and_the_page_use_ks_words() {
    let fx = costed();
    let out = fx.run(&["gap", "org.toml", "-q", "--lang", "nb"]);
    let text = String::from_utf8(out.stdout).unwrap();
    for word in [
        "Beholde",
        "Utvikle",
        "Mobilisere",
        "Rekruttere",
        "Økonomiplan",
        "100\u{202F}000 kr",
    ] {
        assert!(text.contains(word), "{word} in:\n{text}");
    }
    let out = fx.run(&["report", "org.toml", "-q", "--lang", "nb"]);
    let page = String::from_utf8(out.stdout).unwrap();
    for word in ["Beholde", "Rekruttere", "Budsjett", "id=\"budget\""] {
        assert!(page.contains(word), "{word} in the page");
    }
    assert!(
        page.contains("data-bar=\"year\" data-key=\"2027\""),
        "a bar a year"
    );
}

/// A goal's cost is of its remaining effort (FORMAT r3 "Hours done"):
/// developing a from 1 to 2 is 40 h; the log holds 10 h in the skill after
/// the assessment, so 30 h remain: 30 x 100 = 3000, plus one level's fee
/// of 500.
#[test]
fn the_cost_is_of_the_remaining_effort() {
    let fx = Fixture::new(
        "[organisation]\nname = \"Test\"\nas_of = 2026-06-15\n\n\
         [profiles]\npeople = \"people.csv\"\nassessments = [\"assessments.csv\"]\nactivities = [\"log.csv\"]\n\n\
         [cost]\nhour = 100\n\n[[skill]]\nid = \"s\"\ncourse_fee = 500\n\n\
         [[need]]\nid = \"n\"\nskill = \"s\"\nlevel = 2\ncount = 1\n",
    )
    .file("people.csv", "id\na\n")
    .file("assessments.csv", "person,skill,level,assessed\na,s,1,2026-01-01\n")
    .file(
        "log.csv",
        "person,skill,hours,date,mode\na,s,10,2026-03-01,formal\n",
    );
    let out = fx.json(&["gap", "org.toml", "--format", "json"]);
    assert_eq!(json_need(&out, "n")["cost"], 3500);
}
