//! The individual perspective: each person's gap to their role's
//! requirements (FORMAT.md "Role gap"): for every required skill,
//! gap = max(0, target - L(p, s)), with effort as for needs, and the
//! person's readiness for the role.

use crate::analysis::{IdOrder, PeopleFilter};
use crate::model::{Effort, Level, Organisation};
use crate::report::{PersonGap, PersonGapReport, PersonGapTotals, RoleSkillGap};

/// One required skill of one person's role.
#[derive(Debug, Clone, PartialEq)]
pub struct SkillGap {
    pub skill: usize,
    pub current: Level,
    pub target: Level,
    pub gap: Level,
    pub hours: u64,
}

/// One person's gaps to their role.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleGap {
    pub person: usize,
    pub role: usize,
    pub skills: Vec<SkillGap>,
    /// Sum of min(L, target) over the required skills.
    pub held: u64,
    /// Sum of the targets.
    pub required: u64,
    /// `held / required`, 0..=1 (1 when nothing is required).
    pub readiness: f64,
    pub effort: Effort,
}

/// The role gap of `person`, or None when they have no role.
pub fn role_gap(org: &Organisation, person: usize) -> Option<RoleGap> {
    let role = org.people.role(person)? as usize;
    Some(gap_to(org, person, role))
}

/// FORMAT r3 "Readiness" for a role R (`--toward R`): the person's gap to
/// R's targets, as [`role_gap`] for their own role, but with `readiness`
/// the share of R's required skills where L >= target (1 when R requires
/// nothing).
pub fn toward(org: &Organisation, person: usize, role: usize) -> RoleGap {
    let mut gap = gap_to(org, person, role);
    let at_target = gap.skills.iter().filter(|s| s.gap == 0).count() as u64;
    gap.readiness = readiness(at_target, gap.skills.len() as u64);
    gap
}

/// The gap of `person` to `role`'s targets (FORMAT "Role gap").
fn gap_to(org: &Organisation, person: usize, role: usize) -> RoleGap {
    let mut skills = Vec::new();
    let (mut held, mut required) = (0u64, 0u64);
    for &(skill, target) in &org.roles[role].requires {
        let current = org.matrix.level(person, skill);
        let gap = target.saturating_sub(current);
        held += current.min(target) as u64;
        required += target as u64;
        skills.push(SkillGap {
            skill,
            current,
            target,
            gap,
            hours: org.development_hours(skill, current, target),
        });
    }
    let hours = skills.iter().map(|s| s.hours).sum();
    RoleGap {
        person,
        role,
        held,
        required,
        readiness: readiness(held, required),
        effort: org.policy.mix.split(hours),
        skills,
    }
}

fn readiness(held: u64, required: u64) -> f64 {
    if required == 0 {
        1.0
    } else {
        held as f64 / required as f64
    }
}

/// `gap --by person`: the role gap of everyone with a role that the filter
/// keeps, in person id order.
pub fn person_report(org: &Organisation, filter: &PeopleFilter) -> PersonGapReport {
    report(org, filter, None)
}

/// `gap --by person --toward R`: everyone the filter keeps (with a role or
/// not) against R's targets, readiness as FORMAT r3 "Readiness" has it;
/// the totals' readiness is the share of all (person, required skill)
/// pairs at target.
pub fn toward_report(org: &Organisation, filter: &PeopleFilter, role: usize) -> PersonGapReport {
    report(org, filter, Some(role))
}

/// The role gaps the filter keeps (against `toward_role` when given), in
/// person id order, and their totals.
fn gaps_and_totals(
    org: &Organisation,
    filter: &PeopleFilter,
    toward_role: Option<usize>,
) -> (Vec<RoleGap>, PersonGapTotals) {
    let ids = IdOrder::new(&org.people);
    let keep = filter.matcher(org);
    let gaps: Vec<RoleGap> = ids
        .people()
        .filter(|&p| keep(p))
        .filter_map(|p| match toward_role {
            Some(role) => Some(toward(org, p, role)),
            None => role_gap(org, p),
        })
        .collect();
    let (held, required) = match toward_role {
        None => gaps
            .iter()
            .fold((0, 0), |(h, r), g| (h + g.held, r + g.required)),
        Some(_) => gaps.iter().fold((0, 0), |(h, r), g| {
            let at = g.skills.iter().filter(|s| s.gap == 0).count() as u64;
            (h + at, r + g.skills.len() as u64)
        }),
    };
    let hours: u64 = gaps.iter().map(|g| g.effort.total as u64).sum();
    let totals = PersonGapTotals {
        people: gaps.len(),
        with_gap: gaps
            .iter()
            .filter(|g| g.skills.iter().any(|s| s.gap > 0))
            .count(),
        readiness: readiness(held, required),
        effort: org.policy.mix.split(hours),
    };
    (gaps, totals)
}

/// One role gap as the report shows it.
fn person_gap(org: &Organisation, g: &RoleGap) -> PersonGap {
    PersonGap {
        person: org.people.id(g.person).to_string(),
        name: org.people.name(g.person).map(str::to_string),
        unit: org
            .people
            .unit(g.person)
            .map(|u| org.units[u as usize].clone()),
        role: org.roles[g.role].id.clone(),
        readiness: g.readiness,
        skills: g
            .skills
            .iter()
            .map(|s| RoleSkillGap {
                skill: org.skills[s.skill].id.clone(),
                current: s.current,
                target: s.target,
                gap: s.gap,
                effort: org.policy.mix.split(s.hours),
                skill_name: org.skills[s.skill].name.clone(),
            })
            .collect(),
        effort: g.effort,
    }
}

fn report(
    org: &Organisation,
    filter: &PeopleFilter,
    toward_role: Option<usize>,
) -> PersonGapReport {
    let (gaps, totals) = gaps_and_totals(org, filter, toward_role);
    PersonGapReport {
        organisation: org.name.clone(),
        as_of: org.as_of,
        mix: org.policy.mix,
        people: gaps.iter().map(|g| person_gap(org, g)).collect(),
        totals,
        toward: toward_role.map(|r| org.roles[r].id.clone()),
        levels: org.scale.levels.clone(),
    }
}

/// How many people's gaps are printed at a time by [`person_json`].
const CHUNK: usize = 4096;

/// `gap --by person -f json` ([`person_report`], or [`toward_report`] with
/// `toward_role`) printed as the JSON writer prints it, the people
/// serialised a chunk at a time on all cores and never held whole as
/// report values (issue 28).
pub fn person_json(
    org: &Organisation,
    filter: &PeopleFilter,
    toward_role: Option<usize>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    use crate::report::stream::{Document, list_items};
    use rayon::prelude::*;
    let (gaps, totals) = gaps_and_totals(org, filter, toward_role);
    let out = std::io::BufWriter::with_capacity(1 << 16, out);
    let mut doc = Document::new(out, crate::report::kind::name::GAP_BY_PERSON)?;
    doc.field("organisation", &org.name)?;
    doc.field("as_of", &org.as_of)?;
    doc.field("mix", &org.policy.mix)?;
    let mut list = doc.list("people")?;
    for chunk in gaps.chunks(CHUNK) {
        let runs = chunk
            .par_chunks(64)
            .map(|run| {
                let people: Vec<PersonGap> = run.iter().map(|g| person_gap(org, g)).collect();
                list_items(&people)
            })
            .collect::<std::io::Result<Vec<_>>>()?;
        runs.iter().try_for_each(|run| list.push(run))?;
    }
    list.end()?;
    doc.field("totals", &totals)?;
    if let Some(role) = toward_role {
        doc.field("toward", &org.roles[role].id)?;
    }
    doc.end()
}
