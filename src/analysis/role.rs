//! The individual perspective's first step: each person's gap to their
//! role's requirements (FORMAT.md "Role gap"): for every required skill,
//! gap = max(0, target - L(p, s)), with effort as for needs.

use crate::model::{Effort, Level, Organisation};

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
    /// Sum of min(L, target) over the sum of targets, 0..=1 (1 when nothing is required).
    pub readiness: f64,
    pub effort: Effort,
}

/// The role gap of `person`, or None when they have no role.
pub fn role_gap(org: &Organisation, person: usize) -> Option<RoleGap> {
    let role = org.people.role(person)? as usize;
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
            hours: gap as u64 * org.hours_per_level(skill) as u64,
        });
    }
    let hours = skills.iter().map(|s| s.hours).sum();
    Some(RoleGap {
        person,
        role,
        readiness: if required == 0 {
            1.0
        } else {
            held as f64 / required as f64
        },
        effort: org.policy.mix.split(hours),
        skills,
    })
}
