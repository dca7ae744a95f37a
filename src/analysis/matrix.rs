//! `kompetanse matrix` (issue 23 item 5): the competence matrix of the
//! people present at D, in a unit (and below it) and role when given. Each
//! cell is the current level L(p, s) against the target the person's role
//! sets for s (below, at, above, or no target), with the FORMAT.md marks:
//! stale, and expiring within a window of D (as `balance --expiring`).
//! Every figure of every format is computed here; the views only word it.

use std::collections::BTreeMap;

use crate::analysis::{DEFAULT_EXPIRING_DAYS, IdOrder};
use crate::model::{Date, Level, Organisation, PackedDate, Scope};
use crate::report::{MatrixCell, MatrixPerson, MatrixReport, MatrixSkill, Standing};

/// What the matrix shows: which people and which skills.
#[derive(Debug, Clone)]
pub struct MatrixOptions {
    /// Only people in this unit or a unit below it.
    pub unit: Option<String>,
    /// Only people with this role (index into `Organisation::roles`).
    pub role: Option<usize>,
    /// These skills (indices), in this order; None: every skill that a
    /// person shown has assessed or a target for, in catalogue order.
    pub skills: Option<Vec<usize>>,
    /// A level expiring on D or within this many days after it is marked.
    pub expiring_days: u32,
}

impl Default for MatrixOptions {
    fn default() -> Self {
        MatrixOptions {
            unit: None,
            role: None,
            skills: None,
            expiring_days: DEFAULT_EXPIRING_DAYS,
        }
    }
}

/// The matrix of one unit (and the units below it), every skill a person
/// in it holds or is asked for: the team page's matrix (`report --unit`).
pub fn unit_matrix(org: &Organisation, unit: &str) -> MatrixReport {
    matrix_report(
        org,
        &MatrixOptions {
            unit: Some(unit.to_string()),
            ..MatrixOptions::default()
        },
    )
}

/// A level against a target (FORMAT.md "Role gap": an unassessed level is 0).
pub fn standing(level: Level, target: Option<Level>) -> Standing {
    match target {
        None => Standing::NoTarget,
        Some(t) if level < t => Standing::Below,
        Some(t) if level == t => Standing::At,
        Some(_) => Standing::Above,
    }
}

/// The competence matrix `options` asks for.
pub fn matrix_report(org: &Organisation, options: &MatrixOptions) -> MatrixReport {
    let scope = Scope::new(org, options.unit.as_deref(), options.role).at(org.as_of);
    let people = &org.people;
    let rows: Vec<usize> = IdOrder::new(people)
        .people()
        .filter(|&p| scope.contains(p))
        .collect();
    let target = |p: usize, s: usize| -> Option<Level> {
        let role = people.role(p)?;
        org.roles[role as usize]
            .requires
            .iter()
            .find(|&&(skill, _)| skill == s)
            .map(|&(_, level)| level)
    };
    let columns: Vec<usize> = match &options.skills {
        Some(skills) => skills.clone(),
        None => (0..org.skills.len())
            .filter(|&s| {
                rows.iter().any(|&p| {
                    org.matrix.assessed(p, s) != PackedDate::NONE || target(p, s).is_some()
                })
            })
            .collect(),
    };
    let rule = org.freshness_rule();
    // A window past the calendar's end reaches its end.
    let until = jiff::Span::new()
        .try_days(i64::from(options.expiring_days))
        .ok()
        .and_then(|span| org.as_of.checked_add(span).ok())
        .unwrap_or(Date::MAX);
    let cell = |p: usize, s: usize| -> MatrixCell {
        let assessed = org.matrix.assessed(p, s);
        let level = org.matrix.level(p, s);
        let expires = org.matrix.expires(p, s);
        let target = target(p, s);
        let known = assessed != PackedDate::NONE;
        MatrixCell {
            level: known.then_some(level),
            target,
            standing: standing(level, target),
            assessed: assessed.date(),
            expires,
            stale: known && org.matrix.is_stale(&rule, p, s, assessed),
            expiring: known && expires.is_some_and(|d| d >= org.as_of && d <= until),
        }
    };
    let found = rows
        .iter()
        .map(|&p| {
            let cells: Vec<MatrixCell> = columns.iter().map(|&s| cell(p, s)).collect();
            let id = |s: usize| org.skills[s].id.clone();
            let each = || columns.iter().copied().zip(cells.iter());
            MatrixPerson {
                person: people.id(p).to_string(),
                name: people.name(p).map(str::to_string),
                unit: people.unit(p).map(|u| org.units[u as usize].clone()),
                role: people.role(p).map(|r| org.roles[r as usize].id.clone()),
                levels: each().map(|(s, c)| (id(s), c.level)).collect(),
                targets: each()
                    .filter_map(|(s, c)| Some((id(s), c.target?)))
                    .collect(),
                stale: each()
                    .filter(|(_, c)| c.stale)
                    .map(|(s, _)| id(s))
                    .collect(),
                expiring: each()
                    .filter(|(_, c)| c.expiring)
                    .filter_map(|(s, c)| Some((id(s), c.expires?)))
                    .collect::<BTreeMap<_, _>>(),
                cells,
            }
        })
        .collect();
    MatrixReport {
        organisation: org.name.clone(),
        as_of: org.as_of,
        unit: options.unit.clone(),
        role: options.role.map(|r| org.roles[r].id.clone()),
        expiring_days: options.expiring_days,
        stale_before: rule.stale_before,
        skills: columns
            .iter()
            .map(|&s| MatrixSkill {
                skill: org.skills[s].id.clone(),
                name: org.skills[s].name.clone(),
            })
            .collect(),
        people: found,
        levels: org.scale.levels.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{LoadOptions, load};

    #[test]
    fn a_level_against_a_target() {
        assert_eq!(standing(2, Some(3)), Standing::Below);
        assert_eq!(standing(3, Some(3)), Standing::At);
        assert_eq!(standing(4, Some(3)), Standing::Above);
        assert_eq!(standing(4, None), Standing::NoTarget);
        // Unassessed is level 0: below any target.
        assert_eq!(standing(0, Some(1)), Standing::Below);
    }

    /// D = 2026-06-15; role dev asks rust 3 and sql 2.
    /// - a (it/app, dev): rust 3 (at), sql 1 assessed 2023-01-01 (below, stale)
    /// - b (it, dev): rust 4 expiring 2026-07-01 (above, expiring); sql unassessed
    /// - c (it): rust 2, no role; left 2026-06-01
    /// - d (hr): sql 3
    fn org() -> (tempfile::TempDir, Organisation) {
        let dir = tempfile::tempdir().expect("a folder");
        let files = [
            (
                "org.toml",
                "[organisation]\nname = \"T\"\nas_of = 2026-06-15\n\n\
                 [profiles]\npeople = \"people.csv\"\nassessments = [\"a.csv\"]\n\n\
                 [[skill]]\nid = \"rust\"\n\n[[skill]]\nid = \"sql\"\n\n[[skill]]\nid = \"go\"\n\n\
                 [[role]]\nid = \"dev\"\nrequires = { rust = 3, sql = 2 }\n",
            ),
            (
                "people.csv",
                "id,unit,role,leaves\na,it/app,dev,\nb,it,dev,\nc,it,,2026-06-01\nd,hr,,\n",
            ),
            (
                "a.csv",
                "person,skill,level,assessed,expires\n\
                 a,rust,3,2026-01-01,\na,sql,1,2023-01-01,\n\
                 b,rust,4,2025-07-01,2026-07-01\nc,rust,2,2026-01-01,\nd,sql,3,2026-01-01,\n",
            ),
        ];
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).expect("write");
        }
        let loaded = load(&dir.path().join("org.toml"), &LoadOptions::default());
        let org = loaded.org.expect("a valid organisation");
        (dir, org)
    }

    #[test]
    fn a_units_matrix_holds_its_sub_units_and_only_people_present() {
        let (_dir, org) = org();
        let r = unit_matrix(&org, "it");
        let ids: Vec<&str> = r.people.iter().map(|p| p.person.as_str()).collect();
        // c has left by D; d is in hr.
        assert_eq!(ids, ["a", "b"]);
        // go is nobody's level or target: no column.
        let skills: Vec<&str> = r.skills.iter().map(|s| s.skill.as_str()).collect();
        assert_eq!(skills, ["rust", "sql"]);
        let a = &r.people[0].cells;
        assert_eq!((a[0].level, a[0].standing), (Some(3), Standing::At));
        assert_eq!((a[1].level, a[1].standing), (Some(1), Standing::Below));
        assert!(a[1].stale && !a[0].stale);
        let b = &r.people[1].cells;
        assert_eq!((b[0].level, b[0].standing), (Some(4), Standing::Above));
        assert!(b[0].expiring && !b[0].stale);
        assert_eq!((b[1].level, b[1].standing), (None, Standing::Below));
        assert_eq!(r.people[1].levels.get("sql"), Some(&None));
        assert_eq!(r.people[1].targets.get("sql"), Some(&2));
    }

    #[test]
    fn the_skills_asked_for_in_their_order_and_no_target_without_a_role() {
        let (_dir, org) = org();
        let r = matrix_report(
            &org,
            &MatrixOptions {
                skills: Some(vec![2, 1]),
                expiring_days: 10,
                ..MatrixOptions::default()
            },
        );
        let skills: Vec<&str> = r.skills.iter().map(|s| s.skill.as_str()).collect();
        assert_eq!(skills, ["go", "sql"]);
        let d = r.people.iter().find(|p| p.person == "d").expect("d");
        assert_eq!(d.cells[1].standing, Standing::NoTarget);
        assert!(d.targets.is_empty());
        // b's rust is outside the columns; nothing of it is marked.
        let b = r.people.iter().find(|p| p.person == "b").expect("b");
        assert!(b.expiring.is_empty());
    }
}
