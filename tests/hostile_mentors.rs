//! Mentor matching whose memory grew as units^2 x skills (issue 27, F5):
//! 3,000 units x 20 skills aborted at 3.9 GB in `plan` and `report`. It is
//! linear in people, units and goals now (and a host is found without a
//! walk over every unit per goal). Run under `common/bounded.rs`: 2 GiB,
//! and 60 s rather than 10, since a debug build plans 120,000 goals in
//! about 5 s of CPU, which a machine shared with other builds stretches
//! (the limit here is memory: the old matching needed 3.9 GB).

#[path = "common/bounded.rs"]
mod bounded;
#[path = "common/tool.rs"]
mod tool;

use std::fmt::Write;

#[test]
fn mentors_for_3000_units_and_20_skills_fit_in_the_limits() {
    let dir = tempfile::tempdir().unwrap();
    let skills: Vec<String> = (0..20).map(|s| format!("s{s:02}")).collect();
    let mut org = String::from(
        "[organisation]\nname = \"Mange enheter\"\nas_of = 2026-11-26\n\n[plan]\nmax_mentees = 100\n\n[profiles]\npeople = \"people.csv\"\nassessments = \"levels.csv\"\n\n",
    );
    for s in &skills {
        writeln!(org, "[[skill]]\nid = \"{s}\"\n").unwrap();
    }
    let requires: Vec<String> = skills.iter().map(|s| format!("{s} = 3")).collect();
    writeln!(
        org,
        "[[role]]\nid = \"dev\"\nrequires = {{ {} }}",
        requires.join(", ")
    )
    .unwrap();
    std::fs::write(dir.path().join("org.toml"), org).unwrap();
    // In each of 3,000 units (30 departments of 100): an expert in every
    // skill and a newcomer with a goal in every skill.
    let mut people = String::from("id,name,unit,role\n");
    let mut levels = format!("id,{}\n", skills.join(","));
    for u in 0..3000 {
        let unit = format!("d{:02}/u{u:04}", u / 100);
        for (who, level) in [("a", 4), ("b", 0)] {
            writeln!(people, "{who}{u},{who} {u},{unit},dev").unwrap();
            let row: Vec<String> = skills.iter().map(|_| level.to_string()).collect();
            writeln!(levels, "{who}{u},{}", row.join(",")).unwrap();
        }
    }
    std::fs::write(dir.path().join("people.csv"), people).unwrap();
    std::fs::write(dir.path().join("levels.csv"), levels).unwrap();
    let args = ["plan", "org.toml", "-q", "--format", "json"];
    let Some(run) = bounded::run_for(dir.path(), &args, 60) else {
        return;
    };
    run.assert_exit(0);
    let plan: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    let text = plan.to_string();
    // Everyone's newcomer is mentored by the expert next door.
    assert!(text.contains("\"a2999\""), "mentors named");
}
