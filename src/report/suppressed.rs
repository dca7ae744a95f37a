//! The JSON of the values `--min-group` can suppress (FORMAT.md "Outputs"):
//! exactly what `derive(Serialize)` wrote before, field for field, while
//! nothing is suppressed; a suppressed row's numbers are `null` and it
//! gains `"suppressed": true`. Headcounts (`people_count`) stay: they say why.
//!
//! Only serialisation lives here; deciding what to suppress is
//! `privacy::min_group`'s.

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::model::SkillKind;
use crate::report::{CoverageCell, GapGroup, SkillBalance, UnitBalance};

/// A number shown unless suppressed (`None` serialises as `null`).
fn shown<T>(suppressed: bool, value: T) -> Option<T> {
    (!suppressed).then_some(value)
}

impl Serialize for UnitBalance {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("UnitBalance", 3 + usize::from(self.suppressed))?;
        st.serialize_field("unit", &self.unit)?;
        st.serialize_field("people_count", &self.people)?;
        if self.suppressed {
            let hidden: Vec<HiddenSkill> = self.skills.iter().map(HiddenSkill::of).collect();
            st.serialize_field("skills", &hidden)?;
            st.serialize_field("suppressed", &true)?;
        } else {
            st.serialize_field("skills", &self.skills)?;
        }
        st.end()
    }
}

/// A suppressed unit's row of a skill: which skill, its headcount, and
/// its counts as nulls.
#[derive(serde::Serialize)]
struct HiddenSkill<'a> {
    skill: &'a str,
    name: &'a str,
    group: Option<&'a str>,
    kind: SkillKind,
    #[serde(rename = "people_count")]
    people: u64,
    #[serde(flatten)]
    counts: NullCounts,
}

/// `SkillBalance`'s counts, each `()`: `null` in JSON.
#[derive(serde::Serialize, Default)]
struct NullCounts {
    levels: (),
    #[serde(rename = "assessed_count")]
    assessed: (),
    unassessed: (),
    #[serde(rename = "stale_count")]
    stale: (),
    expired: (),
    median: (),
    #[serde(rename = "interest_count")]
    interest: (),
}

impl<'a> HiddenSkill<'a> {
    fn of(s: &'a SkillBalance) -> HiddenSkill<'a> {
        HiddenSkill {
            skill: &s.skill,
            name: &s.name,
            group: s.group.as_deref(),
            kind: s.kind,
            people: s.people,
            counts: NullCounts::default(),
        }
    }
}

impl Serialize for GapGroup {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let hide = self.suppressed;
        let fields = 12 + usize::from(hide) + usize::from(self.cost.is_some());
        let mut st = s.serialize_struct("GapGroup", fields)?;
        st.serialize_field("key", &self.key)?;
        st.serialize_field("name", &self.name)?;
        st.serialize_field("needs_count", &shown(hide, self.needs))?;
        st.serialize_field("unmet", &shown(hide, self.unmet))?;
        st.serialize_field("coverage", &shown(hide, self.coverage))?;
        st.serialize_field("shortfall", &shown(hide, self.shortfall))?;
        st.serialize_field("renew_count", &shown(hide, self.renew))?;
        st.serialize_field("develop_count", &shown(hide, self.develop))?;
        st.serialize_field("recruit_count", &shown(hide, self.recruit))?;
        st.serialize_field("effort", &shown(hide, &self.effort))?;
        st.serialize_field("measures", &shown(hide, &self.measures))?;
        if let Some(cost) = &self.cost {
            st.serialize_field("cost", &shown(hide, cost))?;
        }
        st.serialize_field("at_risk", &self.at_risk.filter(|_| !hide))?;
        if hide {
            st.serialize_field("suppressed", &true)?;
        }
        st.end()
    }
}

impl Serialize for CoverageCell {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let hide = self.suppressed;
        let mut st = s.serialize_struct("CoverageCell", 4 + usize::from(hide))?;
        st.serialize_field("people_count", &self.people)?;
        st.serialize_field("have", &shown(hide, self.have))?;
        st.serialize_field("demand", &shown(hide, self.demand))?;
        st.serialize_field("coverage", &self.coverage.filter(|_| !hide))?;
        if hide {
            st.serialize_field("suppressed", &true)?;
        }
        st.end()
    }
}
