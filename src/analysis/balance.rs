//! The competence balance (*kompetansesaldo*): what the organisation has,
//! skill by skill and unit by unit, how old that picture is (competence is
//! fresh produce, not stock), and which required skills hang on one person.
//!
//! Statistics are gathered once per (unit, skill) in one pass over the
//! people and then rolled up the unit tree, so `--by unit` costs the same as
//! the whole-organisation view.
//!
//! It restates no FORMAT.md rule: staleness is `FreshnessRule::classify`,
//! the unit scope `Scope`, both in the model. What it adds is the balance
//! itself: level histograms, medians, key-person risk and the expiring list.

use std::collections::BTreeMap;

use crate::analysis::{DEFAULT_EXPIRING_DAYS, IdOrder, LISTED};
use crate::model::{Level, NONE, Organisation, PackedDate, Scope, unit_within};
use crate::report::{
    BalanceReport, Calibration, DatedAssessment, Departure, ExpiringAssessment, FreshnessReport,
    GoneBefore, KeyPerson, Movement, PhaseOut, PhaseOutHolder, SkillBalance, UnitBalance,
};

/// What `balance` looks at.
#[derive(Debug, Clone)]
pub struct BalanceOptions {
    /// Only people in this unit or below it.
    pub unit: Option<String>,
    /// Also break the balance down by unit.
    pub by_unit: bool,
    /// The window for expiring certificates, in days from the reference date.
    pub expiring_days: u32,
}

impl Default for BalanceOptions {
    fn default() -> Self {
        BalanceOptions {
            unit: None,
            by_unit: false,
            expiring_days: DEFAULT_EXPIRING_DAYS,
        }
    }
}

/// Counts for one skill among some people; they add up across units.
#[derive(Debug, Clone, Default)]
struct Stats {
    people: u64,
    /// People at each level (unassessed at 0).
    levels: Vec<u64>,
    /// Assessed people at each level (for the median).
    assessed: Vec<u64>,
    stale: u64,
    expired: u64,
    interest: u64,
}

impl Stats {
    fn new(top: Level) -> Stats {
        Stats {
            levels: vec![0; top as usize + 1],
            assessed: vec![0; top as usize + 1],
            ..Stats::default()
        }
    }

    fn add(&mut self, other: &Stats) {
        self.people += other.people;
        for (a, b) in self.levels.iter_mut().zip(&other.levels) {
            *a += b;
        }
        for (a, b) in self.assessed.iter_mut().zip(&other.assessed) {
            *a += b;
        }
        self.stale += other.stale;
        self.expired += other.expired;
        self.interest += other.interest;
    }

    /// The median of the assessed levels: the middle one, or the mean of the
    /// two middle ones.
    fn median(&self) -> Option<f64> {
        let n: u64 = self.assessed.iter().sum();
        if n == 0 {
            return None;
        }
        let nth = |k: u64| {
            let mut seen = 0;
            for (level, &count) in self.assessed.iter().enumerate() {
                seen += count;
                if seen > k {
                    return level as f64;
                }
            }
            0.0
        };
        Some((nth((n - 1) / 2) + nth(n / 2)) / 2.0)
    }
}

/// Skills in the order `balance` lists them: grouped by `group` (groups in
/// order of first appearance in the catalogue), catalogue order within.
pub fn skill_order(org: &Organisation) -> Vec<usize> {
    let first = |s: usize| {
        org.skills
            .iter()
            .position(|x| x.group == org.skills[s].group)
            .unwrap_or(s)
    };
    let mut order: Vec<usize> = (0..org.skills.len()).collect();
    order.sort_by_key(|&s| (first(s), s));
    order
}

/// A unit path's ancestors and itself: `a/b/c` -> `a`, `a/b`, `a/b/c`.
fn with_ancestors(unit: &str) -> impl Iterator<Item = &str> {
    unit.match_indices('/')
        .map(move |(i, _)| &unit[..i])
        .chain(std::iter::once(unit))
}

/// Compares unit paths level by level, so a unit's subtree follows it.
fn unit_order(a: &str, b: &str) -> std::cmp::Ordering {
    a.split('/').cmp(b.split('/'))
}

/// Key-person risk for every skill a need or role requires: people present
/// at D at or above the highest level required of it, flagged when 0 or 1;
/// and (FORMAT.md r2) flagged when every one of them leaves before some
/// need of the skill is due: the earliest such need is named, with each
/// holder's last day.
pub fn key_people(org: &Organisation) -> Vec<KeyPerson> {
    let mut required: Vec<Option<Level>> = vec![None; org.skills.len()];
    let mut require = |skill: usize, level: Level| {
        if level > 0 {
            let r = &mut required[skill];
            *r = Some(r.map_or(level, |old| old.max(level)));
        }
    };
    for need in &org.needs {
        require(need.skill, need.level);
    }
    for role in &org.roles {
        for &(skill, level) in &role.requires {
            require(skill, level);
        }
    }
    let ids = IdOrder::new(&org.people);
    (0..org.skills.len())
        .filter_map(|s| required[s].map(|level| (s, level)))
        .map(|(s, level)| {
            // Every level required is above 0: the holders are assessed.
            let mut holders: Vec<usize> = org
                .matrix
                .entries(s)
                .filter(|&(p, cell, _)| cell.level() >= level && org.people.present(p, org.as_of))
                .map(|(p, ..)| p)
                .collect();
            holders.sort_by_key(|&p| ids.rank(p));
            let gone = gone_before_a_need(org, s, &holders);
            KeyPerson {
                skill: org.skills[s].id.clone(),
                level,
                holders: holders.len() as u64,
                people: if holders.len() == 1 {
                    vec![org.people.id(holders[0]).to_string()]
                } else {
                    Vec::new()
                },
                risk: holders.len() <= 1 || gone.is_some(),
                gone,
                mentees: 0,
                addressed: false,
            }
        })
        .collect()
}

/// [`key_people`] with what the plans do about each: the goals the holders
/// mentor in the skill, and whether some goal develops someone to the level.
/// The plans are only matched when some skill is at risk.
pub fn key_people_in_plans(org: &Organisation) -> Vec<KeyPerson> {
    let mut list = key_people(org);
    if !list.iter().any(|k| k.risk) {
        return list;
    }
    let mentoring = crate::analysis::market::mentoring(org);
    for k in &mut list {
        let Some(s) = org.skill_index(&k.skill) else {
            continue;
        };
        for &((skill, renew), m) in &mentoring.matches {
            if skill != s {
                continue;
            }
            let holder = m.mentor.is_some_and(|p| org.matrix.level(p, s) >= k.level);
            k.mentees += u32::from(holder);
            k.addressed |= !renew && m.to >= k.level;
        }
    }
    list
}

/// When every holder has a last day and some need of the skill is due
/// after all of them: that need (the earliest due, then by id) and each
/// holder's last day.
fn gone_before_a_need(org: &Organisation, skill: usize, holders: &[usize]) -> Option<GoneBefore> {
    if holders.is_empty() {
        return None;
    }
    let leaves: Vec<crate::model::Date> = holders
        .iter()
        .map(|&p| org.people.terms(p).leaves)
        .collect::<Option<_>>()?;
    let last = *leaves.iter().max()?;
    let need = org
        .needs
        .iter()
        .filter(|n| n.skill == skill)
        .map(|n| (crate::analysis::gap::horizon(n.by, org.as_of), n))
        .filter(|&(h, _)| h > last)
        .min_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| a.1.id.as_bytes().cmp(b.1.id.as_bytes()))
        })?;
    Some(GoneBefore {
        need: need.1.id.clone(),
        horizon: need.0,
        holders: holders
            .iter()
            .zip(leaves)
            .map(|(&p, leaves)| (org.people.id(p).to_string(), leaves))
            .map(|(person, leaves)| Departure { person, leaves })
            .collect(),
    })
}

/// The most rows (a skill of a unit) a balance by unit may hold: it lists
/// every skill for every unit, so its size is the product of two inputs,
/// and past this it is refused before anything is counted. A million rows
/// took 0.5 GB as JSON and more as a table; a quarter of that is a few
/// hundred MB in any format, and more than anyone reads.
pub const UNIT_ROWS_MAX: u64 = 250_000;

/// A balance by unit larger than [`UNIT_ROWS_MAX`]: its units and skills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooManyRows {
    pub units: u64,
    pub skills: u64,
}

impl TooManyRows {
    pub fn rows(&self) -> u64 {
        self.units * self.skills
    }
}

/// Checks the size of the balance by unit of the people in `unit` (None:
/// everyone) before it is made: the units it lists (each unit of someone
/// present at D and every unit above it, within `unit`) times the skills.
pub fn by_unit_fits(org: &Organisation, unit: Option<&str>) -> Result<(), TooManyRows> {
    let scope = Scope::new(org, unit, None).at(org.as_of);
    let mut seen = vec![false; org.units.len()];
    for p in (0..org.people.len()).filter(|&p| scope.contains(p)) {
        if let Some(u) = org.people.unit(p) {
            seen[u as usize] = true;
        }
    }
    let mut listed: std::collections::HashSet<&str> = Default::default();
    for (u, _) in seen.iter().enumerate().filter(|(_, seen)| **seen) {
        listed.extend(
            with_ancestors(&org.units[u])
                .filter(|a| unit.is_none_or(|scope| unit_within(a, scope))),
        );
    }
    let size = TooManyRows {
        units: listed.len() as u64,
        skills: org.skills.len() as u64,
    };
    if size.rows() > UNIT_ROWS_MAX {
        return Err(size);
    }
    Ok(())
}

/// The balance of the people in scope.
pub fn balance_report(org: &Organisation, options: &BalanceOptions) -> BalanceReport {
    let top = org.scale.top();
    // FORMAT.md r2 "Present": the balance counts the people present at D.
    let scope = Scope::new(org, options.unit.as_deref(), None).at(org.as_of);
    let in_scope = |p: usize| scope.contains(p);
    let rule = org.freshness_rule();
    // Stats per exact unit (NONE = no unit) and skill.
    let skills = org.skills.len();
    let mut people_per_unit: BTreeMap<u32, u64> = BTreeMap::new();
    // Without --by unit one bucket will do (units x skills x levels can be large).
    let bucket = |p: usize| {
        if options.by_unit {
            org.people.units().get(p)
        } else {
            NONE
        }
    };
    let scoped: Vec<usize> = (0..org.people.len()).filter(|&p| in_scope(p)).collect();
    for &p in &scoped {
        *people_per_unit.entry(bucket(p)).or_default() += 1;
    }
    let units_seen: Vec<u32> = people_per_unit.keys().copied().collect();
    // Each person's bucket as its place in `table` (NONE: out of scope).
    let mut slot = vec![NONE; org.people.len()];
    for &p in &scoped {
        slot[p] = units_seen.partition_point(|&u| u < bucket(p)) as u32;
    }
    let mut table: Vec<Vec<Stats>> = units_seen
        .iter()
        .map(|unit| {
            let mut stats = vec![Stats::new(top); skills];
            for st in &mut stats {
                st.people = people_per_unit[unit];
            }
            stats
        })
        .collect();
    // One pass over what is assessed; the people not assessed in a skill
    // are at level 0.
    for s in 0..skills {
        for (p, cell, date) in org.matrix.entries(s) {
            let Some(stats) = table.get_mut(slot[p] as usize) else {
                continue;
            };
            let (st, level) = (&mut stats[s], cell.level() as usize);
            st.levels[level] += 1;
            st.assessed[level] += 1;
            if org.matrix.is_stale(&rule, p, s, date) {
                st.stale += 1;
            }
        }
        // Who wants to develop the skill, assessed or not (FORMAT.md r3
        // interest-only rows).
        for (p, _) in org.matrix.interested(s) {
            if let Some(stats) = table.get_mut(slot[p] as usize) {
                stats[s].interest += 1;
            }
        }
    }
    for st in table.iter_mut().flatten() {
        st.levels[0] += st.people - st.assessed.iter().sum::<u64>();
    }
    for e in org.expired.iter().filter(|e| in_scope(e.person)) {
        if let Some(stats) = table.get_mut(slot[e.person] as usize) {
            stats[e.skill].expired += 1;
        }
    }
    let per_unit: BTreeMap<u32, Vec<Stats>> = units_seen.into_iter().zip(table).collect();

    let order = skill_order(org);
    let rows = |stats: &[Stats]| -> Vec<SkillBalance> {
        order
            .iter()
            .map(|&s| {
                let st = &stats[s];
                let skill = &org.skills[s];
                let assessed: u64 = st.assessed.iter().sum();
                SkillBalance {
                    skill: skill.id.clone(),
                    name: skill.name.clone(),
                    group: skill.group.clone(),
                    kind: skill.kind,
                    people: st.people,
                    levels: st.levels.clone(),
                    assessed,
                    unassessed: st.people - assessed,
                    stale: st.stale,
                    expired: st.expired,
                    median: st.median(),
                    interest: st.interest,
                }
            })
            .collect()
    };
    let mut total = vec![Stats::new(top); skills];
    for stats in per_unit.values() {
        for (t, s) in total.iter_mut().zip(stats) {
            t.add(s);
        }
    }

    let mut units = Vec::new();
    if options.by_unit {
        // Roll each unit's counts up into every unit above it.
        let mut rolled: BTreeMap<String, (u64, Vec<Stats>)> = BTreeMap::new();
        for (&unit, stats) in &per_unit {
            if unit == NONE {
                continue;
            }
            let path = &org.units[unit as usize];
            for ancestor in with_ancestors(path) {
                if let Some(scope) = options.unit.as_deref()
                    && !unit_within(ancestor, scope)
                {
                    continue;
                }
                let entry = rolled
                    .entry(ancestor.to_string())
                    .or_insert_with(|| (0, vec![Stats::new(top); skills]));
                entry.0 += people_per_unit[&unit];
                for (t, s) in entry.1.iter_mut().zip(stats) {
                    t.add(s);
                }
            }
        }
        let mut list: Vec<(String, (u64, Vec<Stats>))> = rolled.into_iter().collect();
        list.sort_by(|a, b| unit_order(&a.0, &b.0));
        units = list
            .into_iter()
            .map(|(unit, (people, stats))| UnitBalance {
                unit,
                people,
                skills: rows(&stats),
                suppressed: false,
            })
            .collect();
    }

    let mut report = BalanceReport {
        organisation: org.name.clone(),
        as_of: org.as_of,
        scale: org.scale.levels.clone(),
        skills: rows(&total),
        units,
        freshness: freshness(org, &in_scope, options.expiring_days),
        key_people: key_people_in_plans(org),
        arriving: arriving(org, &scope),
        leaving: leaving(org, &scope, options.expiring_days),
        calibration: calibration(org, &in_scope),
        due: crate::analysis::survey::due_list(org, &in_scope, options.expiring_days),
        phase_out: phase_out(org, &in_scope),
        calibrate_at: org.policy.sources.calibrate_at,
        names: Default::default(),
    };
    report.names = mentioned_names(org, &report);
    report
}

/// FORMAT.md r3 "KS measures", *avvikle*: for each skill with `phase_out`
/// (in catalogue order), its holders (level 1 or more) among the people in
/// scope, by unit (in path order, no unit last), then person id.
fn phase_out(org: &Organisation, in_scope: &impl Fn(usize) -> bool) -> Vec<PhaseOut> {
    org.skills
        .iter()
        .enumerate()
        .filter(|(_, skill)| skill.phase_out)
        .map(|(s, skill)| {
            let mut holders: Vec<PhaseOutHolder> = org
                .matrix
                .cells(s)
                .enumerate()
                .filter(|&(p, cell)| cell.level() >= 1 && in_scope(p))
                .map(|(p, cell)| PhaseOutHolder {
                    person: org.people.id(p).to_string(),
                    unit: org.people.unit(p).map(|u| org.units[u as usize].clone()),
                    level: cell.level(),
                    name: org.people.name(p).map(str::to_string),
                })
                .collect();
            holders.sort_by(|a, b| {
                fn key(h: &PhaseOutHolder) -> (bool, Option<Vec<&str>>) {
                    (
                        h.unit.is_none(),
                        h.unit.as_deref().map(|u| u.split('/').collect()),
                    )
                }
                key(a)
                    .cmp(&key(b))
                    .then_with(|| a.person.as_bytes().cmp(b.person.as_bytes()))
            });
            PhaseOut {
                skill: skill.id.clone(),
                holders,
                name: skill.name.clone(),
            }
        })
        .collect()
}

/// The names of the people `report`'s lists mention, by id (the views say
/// "Name (id)"; a person without a name is left out).
fn mentioned_names(
    org: &Organisation,
    report: &BalanceReport,
) -> std::collections::BTreeMap<String, String> {
    let f = &report.freshness;
    let ids = f
        .expired_assessments
        .iter()
        .map(|e| &e.person)
        .chain(f.oldest.iter().map(|o| &o.person))
        .chain(f.expiring.iter().map(|e| &e.person))
        .chain(report.key_people.iter().flat_map(|k| {
            k.people.iter().chain(
                k.gone
                    .iter()
                    .flat_map(|g| g.holders.iter().map(|d| &d.person)),
            )
        }));
    ids.filter_map(|id| {
        let p = org.people.find(id)?;
        Some((id.clone(), org.people.name(p)?.to_string()))
    })
    .collect()
}

/// FORMAT.md r3 "Calibration": the pairs of people in scope whose self and
/// manager levels are `calibrate_at` or more apart, whichever counts; by
/// person id (plain byte order), then skill in catalogue order.
pub fn calibration(org: &Organisation, in_scope: &dyn Fn(usize) -> bool) -> Vec<Calibration> {
    let at = org.policy.sources.calibrate_at;
    let ids = IdOrder::new(&org.people);
    let mut list: Vec<(u32, usize, Calibration)> = org
        .self_and_manager
        .iter()
        .filter(|c| in_scope(c.person) && c.own.abs_diff(c.manager) >= at)
        .map(|c| {
            let calibration = Calibration {
                person: org.people.id(c.person).to_string(),
                name: org.people.name(c.person).map(str::to_string),
                skill: org.skills[c.skill].id.clone(),
                own: c.own,
                manager: c.manager,
                counted: org.matrix.level(c.person, c.skill),
            };
            (ids.rank(c.person), c.skill, calibration)
        })
        .collect();
    list.sort_unstable_by_key(|(rank, skill, _)| (*rank, *skill));
    list.into_iter().map(|(.., c)| c).collect()
}

/// People in the unit scope who start after D (signed hires), by first day,
/// then id.
fn arriving(org: &Organisation, scope: &Scope) -> Vec<Movement> {
    let mut list: Vec<Movement> = (0..org.people.len())
        .filter(|&p| scope.matches(p))
        .filter_map(|p| {
            let starts = org.people.terms(p).starts.filter(|&d| d > org.as_of)?;
            Some(movement(org, p, starts))
        })
        .collect();
    list.sort_by(|a, b| (a.date, a.person.as_bytes()).cmp(&(b.date, b.person.as_bytes())));
    list
}

/// People present at D whose last day is within `days` of it, unit by unit
/// (no unit last), then by last day and id.
fn leaving(org: &Organisation, scope: &Scope, days: u32) -> Vec<Movement> {
    // A window past the calendar's end takes in every later last day.
    let until = jiff::Span::new()
        .try_days(days as i64)
        .ok()
        .and_then(|span| org.as_of.checked_add(span).ok())
        .unwrap_or(crate::model::Date::MAX);
    let mut list: Vec<Movement> = (0..org.people.len())
        .filter(|&p| scope.contains(p))
        .filter_map(|p| {
            let leaves = org.people.terms(p).leaves.filter(|&d| d <= until)?;
            Some(movement(org, p, leaves))
        })
        .collect();
    list.sort_by(|a, b| {
        let key = |m: &Movement| (m.unit.is_none(), m.unit.clone(), m.date);
        key(a)
            .cmp(&key(b))
            .then_with(|| a.person.as_bytes().cmp(b.person.as_bytes()))
    });
    list
}

fn movement(org: &Organisation, p: usize, date: crate::model::Date) -> Movement {
    Movement {
        person: org.people.id(p).to_string(),
        name: org.people.name(p).map(str::to_string),
        unit: org.people.unit(p).map(|u| org.units[u as usize].clone()),
        date,
    }
}

/// The freshness summary of the people in scope.
fn freshness(org: &Organisation, in_scope: &dyn Fn(usize) -> bool, days: u32) -> FreshnessReport {
    let rule = org.freshness_rule();
    let ids = IdOrder::new(&org.people);
    let (mut assessments, mut stale, mut undated) = (0u64, 0u64, 0u64);
    // The oldest dated assessments: (date, id rank, skill), kept sorted and short.
    let mut oldest: Vec<(PackedDate, u32, usize)> = Vec::new();
    for s in 0..org.skills.len() {
        for (p, _, date) in org.matrix.entries(s).filter(|&(p, ..)| in_scope(p)) {
            assessments += 1;
            if date == PackedDate::UNDATED {
                undated += 1;
                continue;
            }
            if org.matrix.is_stale(&rule, p, s, date) {
                stale += 1;
            }
            let key = (date, ids.rank(p), s);
            if oldest.len() < LISTED || key < oldest[LISTED - 1] {
                let at = oldest.partition_point(|k| *k < key);
                oldest.insert(at, key);
                oldest.truncate(LISTED);
            }
        }
    }
    let expired_assessments: Vec<_> = org
        .expired
        .iter()
        .filter(|e| in_scope(e.person))
        .map(|e| crate::analysis::gap::expired_row(org, e))
        .collect();
    let expired = expired_assessments.len() as u64;
    let share = |part: u64, whole: u64| {
        if whole == 0 {
            0.0
        } else {
            part as f64 / whole as f64
        }
    };
    // A window past the calendar's end reaches its end.
    let until = jiff::Span::new()
        .try_days(days as i64)
        .ok()
        .and_then(|span| org.as_of.checked_add(span).ok())
        .unwrap_or(crate::model::Date::MAX);
    let mut expiring: Vec<(crate::model::Date, u32, usize, ExpiringAssessment)> = org
        .matrix
        .expiry_dates()
        .filter(|&(p, _, d)| d >= org.as_of && d <= until && in_scope(p))
        .map(|(p, s, d)| {
            let entry = ExpiringAssessment {
                person: org.people.id(p).to_string(),
                skill: org.skills[s].id.clone(),
                level: org.matrix.level(p, s),
                expires: d,
                days: (d - org.as_of).get_days() as i64,
            };
            (d, ids.rank(p), s, entry)
        })
        .collect();
    expiring.sort_by_key(|e| (e.0, e.1, e.2));
    FreshnessReport {
        assessments,
        stale,
        stale_share: share(stale, assessments),
        undated,
        expired,
        expired_share: share(expired, assessments + expired),
        expired_assessments,
        stale_before: rule.stale_before,
        max_age_months: org.policy.max_age_months,
        oldest: oldest
            .into_iter()
            .filter_map(|(date, rank, s)| {
                let p = ids.person(rank);
                Some(DatedAssessment {
                    person: org.people.id(p).to_string(),
                    skill: org.skills[s].id.clone(),
                    level: org.matrix.level(p, s),
                    assessed: date.date()?,
                })
            })
            .collect(),
        expiring_days: days,
        expiring: expiring.into_iter().map(|e| e.3).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_from_histograms() {
        let mut s = Stats::new(4);
        assert_eq!(s.median(), None);
        s.assessed = vec![0, 1, 1, 0, 0];
        assert_eq!(s.median(), Some(1.5));
        s.assessed = vec![1, 0, 2, 0, 1];
        assert_eq!(s.median(), Some(2.0));
    }

    #[test]
    fn units_roll_up_in_tree_order() {
        assert_eq!(
            with_ancestors("a/b/c").collect::<Vec<_>>(),
            ["a", "a/b", "a/b/c"]
        );
        let mut units = vec!["it/x", "it-x", "it", "hr"];
        units.sort_by(|a, b| unit_order(a, b));
        assert_eq!(units, ["hr", "it", "it/x", "it-x"]);
    }
}
