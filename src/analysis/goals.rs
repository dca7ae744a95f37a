//! The goals of development plans, before they are shown: for each person
//! their role gaps, and the needs whose develop or renew lists they are on,
//! merged into one development goal per skill (the higher target wins and
//! every reason is kept) and one renewal goal per skill (FORMAT.md r2
//! "Renew"); each person's goals scheduled at their capacity
//! (`analysis::schedule`) by their remaining effort (FORMAT.md r3 "Hours
//! done": [`Scheduled::remaining`]).
//!
//! Reasons are kept as indexes here and become report values only for the
//! plans a report shows, so that `gap` can schedule everyone's goals (to
//! count a need's late people) without building a plan for each.

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use crate::analysis::IdOrder;
use crate::analysis::role::role_gap;
use crate::analysis::schedule::{ScheduleKey, Slot, schedule};
use crate::model::{Date, Effort, Level, MixedHours, Organisation, Priority};
use crate::report::{GapReport, NeedGap, Reason, Short};

/// Why a goal is there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// The person's role requires `level`.
    Role { level: Level },
    /// The person is on the develop or renew list of need `.0` (an index
    /// into the gap report's needs).
    Need(usize),
}

/// A goal being assembled: the highest target asked for and all reasons.
#[derive(Debug, Clone)]
pub struct Draft {
    pub to: Level,
    pub reasons: Vec<Why>,
}

/// One scheduled goal of a person, in schedule order.
#[derive(Debug, Clone)]
pub struct Scheduled<'g> {
    pub skill: usize,
    pub renew: bool,
    pub draft: &'g Draft,
    /// Hours by the skill's mix: the goal's full effort.
    pub hours: MixedHours,
    /// FORMAT.md r3 "Hours done": the hours logged for it since the
    /// person's assessment in the skill (0 without a log).
    pub done: f64,
    /// The earliest deadline of its needs.
    pub by: Option<Date>,
    /// Its place in the schedule (deadline and priority of its most
    /// urgent need).
    pub key: ScheduleKey,
    pub slot: Slot,
}

impl Scheduled<'_> {
    /// FORMAT.md r3 "Hours done": the goal's remaining effort,
    /// max(0, effort - done), split by the skill's mix as the full effort
    /// is. The one home of the rule: the schedule, late marks, plans and
    /// costs all take it from here.
    pub fn remaining(&self) -> Effort {
        remaining(self.hours, self.done)
    }

    /// True when the log holds every hour of the goal (r3): done,
    /// awaiting reassessment.
    pub fn awaiting_reassessment(&self) -> bool {
        self.done > 0.0 && self.remaining().total == 0.0
    }
}

/// `hours` less `done`, never below 0, split in the proportions of `hours`.
pub fn remaining(hours: MixedHours, done: f64) -> Effort {
    let full = hours.effort();
    if full.total <= 0.0 {
        return full;
    }
    let left = (full.total - done).max(0.0);
    // To the hundredth of an hour, as a log's hours are written; the
    // parts in the full effort's proportions.
    let hundredths = |h: f64| (h * 100.0).round() / 100.0;
    let share = left / full.total;
    Effort {
        total: hundredths(left),
        experience: hundredths(full.experience * share),
        social: hundredths(full.social * share),
        formal: hundredths(full.formal * share),
    }
}

/// Every goal of the people kept, by (person, skill, renewal).
pub struct Goals<'a> {
    pub org: &'a Organisation,
    pub gaps: &'a GapReport,
    pub drafts: BTreeMap<(usize, usize, bool), Draft>,
    /// Each skill's rank in plain byte order of ids: the schedule's
    /// "skill id" order without comparing strings.
    skill_rank: Vec<u32>,
}

impl<'a> Goals<'a> {
    /// The goals of the people `keep` keeps: their role gaps, and the
    /// develop and renew lists of the needs in `gaps`.
    pub fn new(
        org: &'a Organisation,
        gaps: &'a GapReport,
        keep: &(dyn Fn(usize) -> bool + Sync),
    ) -> Self {
        let ids = IdOrder::new(&org.people);
        // Every goal's target and reason in the order the reasons are kept:
        // the role gaps person by person in id order, then the needs in
        // order, each found on all cores (issue 28: one by one, on one
        // core, they took as long as matching every goal with a mentor).
        // Role gaps are for the people present at D (FORMAT.md r2 "Present").
        let here = |p: usize| keep(p) && org.people.present(p, org.as_of);
        let people: Vec<usize> = ids.people().filter(|&p| here(p)).collect();
        let mut asked: Vec<((usize, usize, bool), Level, Why)> = people
            .par_iter()
            .flat_map_iter(|&p| {
                let skills = role_gap(org, p).map(|gap| gap.skills).unwrap_or_default();
                skills.into_iter().filter(|s| s.gap > 0).map(move |s| {
                    let why = Why::Role { level: s.target };
                    ((p, s.skill, false), s.target, why)
                })
            })
            .collect();
        asked.par_extend(
            gaps.needs
                .par_iter()
                .enumerate()
                .flat_map_iter(|(i, need)| {
                    let skill = org.skill_index(&need.skill).unwrap_or_default();
                    let people = need
                        .renew
                        .iter()
                        .map(|r| (&r.person, r.level, true))
                        .chain(need.develop.iter().map(|d| (&d.person, d.to, false)));
                    people.filter_map(move |(person, to, renew)| {
                        let p = org.people.find(person).filter(|&p| keep(p))?;
                        Some(((p, skill, renew), to, Why::Need(i)))
                    })
                }),
        );
        // One goal per key: the highest target wins, every reason is kept
        // in the order above (the sort is stable).
        asked.par_sort_by_key(|&(key, ..)| key);
        let mut merged: Vec<((usize, usize, bool), Draft)> = Vec::new();
        for (key, to, why) in asked {
            match merged.last_mut() {
                Some((last, draft)) if *last == key => {
                    draft.to = draft.to.max(to);
                    draft.reasons.push(why);
                }
                _ => merged.push((
                    key,
                    Draft {
                        to,
                        reasons: vec![why],
                    },
                )),
            }
        }
        // Built at once from keys in order.
        let drafts: BTreeMap<(usize, usize, bool), Draft> = merged.into_iter().collect();
        let mut by_id: Vec<usize> = (0..org.skills.len()).collect();
        by_id.sort_by(|&a, &b| org.skills[a].id.as_bytes().cmp(org.skills[b].id.as_bytes()));
        let mut skill_rank = vec![0u32; org.skills.len()];
        for (rank, &s) in by_id.iter().enumerate() {
            skill_rank[s] = rank as u32;
        }
        Goals {
            org,
            gaps,
            drafts,
            skill_rank,
        }
    }

    /// True when the person has a goal in the skill.
    pub fn has_goal(&self, p: usize, skill: usize) -> bool {
        self.drafts.contains_key(&(p, skill, false)) || self.drafts.contains_key(&(p, skill, true))
    }

    /// How many goals person p has.
    pub fn count(&self, p: usize) -> usize {
        self.drafts.range((p, 0, false)..(p + 1, 0, false)).count()
    }

    /// The need behind a reason.
    pub fn need(&self, i: usize) -> &'a NeedGap {
        &self.gaps.needs[i]
    }

    /// A reason as reports show it.
    pub fn reason(&self, p: usize, why: Why) -> Reason {
        match why {
            Why::Role { level } => Reason::Role {
                role: self
                    .org
                    .people
                    .role(p)
                    .map(|r| Short::from(&self.org.roles[r as usize].id))
                    .unwrap_or_default(),
                level,
            },
            Why::Need(i) => {
                let need = self.need(i);
                Reason::Need {
                    need: Short::from(&need.id),
                    level: need.level,
                    priority: need.priority,
                    by: need.by,
                    driver: need.driver.as_deref().map(Short::from),
                }
            }
        }
    }

    /// The schedule place of a goal (FORMAT.md r2 "Capacity and schedule"):
    /// the deadline and priority of its most urgent need (earliest
    /// deadline, then priority); a goal from a role alone has no deadline
    /// and priority medium.
    fn key(&self, skill: usize, renew: bool, reasons: &[Why]) -> ScheduleKey {
        let urgent = reasons
            .iter()
            .filter_map(|&why| match why {
                Why::Need(i) => {
                    let need = self.need(i);
                    Some(((need.by.is_none(), need.by), need.priority))
                }
                Why::Role { .. } => None,
            })
            .min();
        ScheduleKey {
            by: urgent.and_then(|((_, by), _)| by),
            priority: urgent.map_or(Priority::Medium, |(_, p)| p),
            skill: self.skill_rank[skill],
            renew,
        }
    }

    /// FORMAT.md r3 "Hours done" of one goal. A person with both a
    /// renewal and a development goal in a skill logs one set of hours
    /// for both: they go to the renewal first (it is due first), the rest
    /// to the development, so no hour is done twice.
    fn done(&self, p: usize, skill: usize, renew: bool) -> f64 {
        let org = self.org;
        let logged = org.done_hours(p, skill);
        let renewing = self.drafts.contains_key(&(p, skill, true));
        match (renew, renewing) {
            (true, _) => logged.min(org.renew_hours(skill) as f64),
            (false, true) => (logged - org.renew_hours(skill) as f64).max(0.0),
            (false, false) => logged,
        }
    }

    /// A person's goals in schedule order, each with its hours and slot.
    pub fn scheduled(&self, p: usize) -> Vec<Scheduled<'_>> {
        let org = self.org;
        let mut goals: Vec<(ScheduleKey, Scheduled)> = self
            .drafts
            .range((p, 0, false)..(p + 1, 0, false))
            .map(|(&(_, skill, renew), draft)| {
                let h = if renew {
                    org.renew_hours(skill)
                } else {
                    org.development_hours(skill, org.matrix.level(p, skill), draft.to)
                };
                let mut hours = MixedHours::default();
                hours.add(org.mix_of(skill), h);
                let by = draft
                    .reasons
                    .iter()
                    .filter_map(|&why| match why {
                        Why::Need(i) => self.need(i).by,
                        Why::Role { .. } => None,
                    })
                    .min();
                let key = self.key(skill, renew, &draft.reasons);
                let goal = Scheduled {
                    skill,
                    renew,
                    draft,
                    hours,
                    done: self.done(p, skill, renew),
                    by,
                    key: key.clone(),
                    slot: Slot::default(),
                };
                (key, goal)
            })
            .collect();
        goals.sort_by(|a, b| a.0.cmp(&b.0));
        // The schedule spends the remaining hours (r3 "Hours done"); a
        // started hour is a whole hour of the schedule's.
        let work: Vec<(u64, Option<Date>)> = goals
            .iter()
            .map(|(key, g)| (g.remaining().total.ceil() as u64, key.by))
            .collect();
        let slots = schedule(org.learning_starts(p), org.capacity(p), &work);
        goals
            .into_iter()
            .zip(slots)
            .map(|((_, mut goal), slot)| {
                goal.slot = slot;
                goal
            })
            .collect()
    }

    /// The slot of every goal, by (person, skill, renewal): what `gap`
    /// needs to count a need's late people.
    pub fn slots(&self) -> HashMap<(usize, usize, bool), Slot> {
        let mut people: Vec<usize> = self.drafts.keys().map(|k| k.0).collect();
        people.dedup();
        people
            .par_iter()
            .flat_map_iter(|&p| {
                self.scheduled(p)
                    .into_iter()
                    .map(move |g| ((p, g.skill, g.renew), g.slot))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LearningMix;

    fn hours(h: u64, mix: LearningMix) -> MixedHours {
        let mut m = MixedHours::default();
        m.add(mix, h);
        m
    }

    /// FORMAT r3 "Hours done": remaining = max(0, effort - done), split in
    /// the effort's proportions. 80 h at 70-20-10 with 30 done: 50 =
    /// 35/10/5; with 100 done: 0, never below.
    #[test]
    fn remaining_is_the_effort_less_done_and_never_below_zero() {
        let e = remaining(hours(80, LearningMix::SEVENTY_TWENTY_TEN), 30.0);
        assert_eq!(
            (e.total, e.experience, e.social, e.formal),
            (50.0, 35.0, 10.0, 5.0)
        );
        let e = remaining(hours(80, LearningMix::SEVENTY_TWENTY_TEN), 100.0);
        assert_eq!(
            (e.total, e.experience, e.social, e.formal),
            (0.0, 0.0, 0.0, 0.0)
        );
        // A skill's own mix (a course): all formal.
        let course = LearningMix::parse("0-0-100").unwrap();
        let e = remaining(hours(8, course), 2.5);
        assert_eq!((e.total, e.formal, e.experience), (5.5, 5.5, 0.0));
        // Nothing done: the full effort.
        let e = remaining(hours(40, LearningMix::FORTY_FIFTY_TEN), 0.0);
        assert_eq!(
            (e.total, e.experience, e.social, e.formal),
            (40.0, 16.0, 20.0, 4.0)
        );
    }
}
