//! Labels: every word the human formats show, in English and Norwegian
//! bokmål, and numbers written the way each language writes them. One
//! catalogue per language ([`en`] and [`nb`], each an exhaustive `match` on
//! [`Key`], so a key missing from either is a compile error, and a test
//! checks that both fill the same placeholders). Table, Markdown, HTML and
//! XLSX take their words from [`Labels`]; JSON and CSV never do (their
//! field names and values are the machine contract, English and stable).
//!
//! A template's `{}` are filled in order by [`Labels::fill`].

use std::fmt::Display;

use crate::model::{Mode, Priority};

mod en;
mod nb;

pub use self::en::en;
pub use self::nb::nb;

/// A language of the human formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    /// Norwegian bokmål (also chosen for `nn` and `no` locales: the labels
    /// are bokmål, closer to nynorsk readers than English is).
    Nb,
}

impl Lang {
    /// A language from a name or a locale: `nb`, `nn`, `no` (and
    /// `nb_NO.UTF-8` and the like) are Norwegian; anything else English.
    pub fn from_locale(text: &str) -> Lang {
        let t = text.trim().to_ascii_lowercase();
        if ["nb", "nn", "no"].iter().any(|p| {
            t.strip_prefix(p)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(['_', '-', '.', '@']))
        }) {
            Lang::Nb
        } else {
            Lang::En
        }
    }

    /// The default language from the environment, `var` reading a
    /// variable: `KOMPETANSE_LANG`, else the locale as POSIX resolves it
    /// (the first set and non-empty of `LC_ALL`, `LC_MESSAGES`, `LANG`; a
    /// set `LC_ALL=C` means English even when `LANG` is Norwegian).
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Lang {
        ["KOMPETANSE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| var(name))
            .find(|value| !value.trim().is_empty())
            .map_or(Lang::En, |value| Lang::from_locale(&value))
    }
}

/// Every label of the human formats. A `{}` in a label is filled in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    // Openings.
    TitleTerminal,
    TitleTerminalLevels,
    AboutDocument,
    AboutLevels,
    WhatGap,
    WhatRoleGap,
    WhatPlans,
    WhatGapBy,
    WhatBalance,
    PlanMixNote,
    // Units and counts.
    HoursUnit,
    Person,
    People,
    Goal,
    Goals,
    // Column headings.
    ColNeed,
    ColSkill,
    ColScope,
    ColLevel,
    ColHave,
    ColShort,
    ColCoverage,
    ColDevelop,
    ColRecruit,
    ColHours,
    ColPriority,
    ColBy,
    ColDriver,
    ColFrom,
    ColTo,
    ColWhy,
    ColUnit,
    ColGoals,
    ColCount,
    ColGroup,
    ColAssessed,
    ColUnassessed,
    ColStale,
    ColExpired,
    ColMedian,
    ColInterest,
    ColHolders,
    ColWho,
    ColRisk,
    ColName,
    ColNeeds,
    ColUnmet,
    ColAtRisk,
    ColPerson,
    ColRole,
    ColReadiness,
    ColGaps,
    ColNow,
    ColTarget,
    ColGap,
    // Learning-mix modes (also column headings).
    Experience,
    Social,
    Formal,
    // Priorities.
    Critical,
    High,
    Medium,
    Low,
    // Cell values.
    ScopeAll,
    ScopeRole,
    Total,
    TotalDocument,
    NeedNoun,
    NeedsNoun,
    NUnmet,
    None,
    No,
    WholeOrganisation,
    NoneInParens,
    NoUnit,
    RoleRequirements,
    Risk,
    WithGap,
    // Gap.
    NoNeeds,
    Effort,
    EffortLine,
    FreshnessPairs,
    FreshnessStale,
    FreshnessUndated,
    FreshnessExpired,
    ExpiredItem,
    ExpiredMore,
    DevelopHeading,
    DevelopItem,
    DevelopDocumentItem,
    DevelopFor,
    RecruitHeading,
    RecruitFor,
    RecruitLine,
    ByDate,
    GapTotalDocument,
    BasisNeeds,
    BasisRoles,
    BasisPlan,
    // Gap over time (FORMAT r2 "Horizon", "Renew", "Capacity").
    ColRenew,
    ColLate,
    RenewHeading,
    RenewItem,
    RenewDocumentItem,
    RenewFor,
    GapTotalDocumentRenew,
    HorizonPassed,
    LateNote,
    // Gap by person.
    NobodyWithRole,
    PeopleTotalDocument,
    // Plan.
    SummaryTerminal,
    Summary,
    SummaryDocument,
    RecruitmentNone,
    RecruitmentTerminal,
    Recruitment,
    NoneNeeded,
    UnitIs,
    RoleIs,
    EffortIs,
    NoGoals,
    SuggestedTerminal,
    Suggested,
    WishesTerminal,
    WishesDocument,
    WishNow,
    ReasonRole,
    ReasonNeed,
    NoActivities,
    Mandatory,
    More,
    // Plan over time (FORMAT r2 "Renew", "Capacity and schedule").
    RenewFrom,
    RenewSkill,
    ColFinish,
    ColHoursShort,
    Never,
    LateMark,
    CapacityTerminal,
    CapacityIs,
    LateGoalsTerminal,
    LateGoals,
    LateGoalsNone,
    // Balance.
    UnitPeople,
    FreshnessBalance,
    Oldest,
    NoneDot,
    ExpiringItem,
    ExpiringWithin,
    KeyPersonTerminal,
    FreshnessHeading,
    FreshnessBalanceDocument,
    ExpiredDocumentItem,
    OldestDocumentItem,
    ExpiringDocumentItem,
    KeyPersonHeading,
    GroupUnit,
    GroupSkill,
    GroupDriver,
    // Progress.
    ProgressTitleTerminal,
    ProgressTitleDocument,
    ProgressAbout,
    ProgressNeedsLine,
    ProgressMovesLine,
    ProgressNeedsHeading,
    ProgressSkillsHeading,
    MovedUpHeading,
    MovedDownHeading,
    GainedByUnitHeading,
    GainedByDriverHeading,
    Nobody,
    NoDriver,
    Points,
    ColChange,
    ColPeople,
    ColSkillsUp,
    ColLevels,
    NotAssessedThen,
    ProgressSince,
    ThenOn,
    NowOn,
    // People over time (FORMAT r2 "Present").
    ColLeaving,
    ColArriving,
    LeavingNote,
    ArrivingNote,
    ArrivingTerminal,
    ArrivingHeading,
    LeavingTerminal,
    LeavingHeading,
    ColFirstDay,
    ColLastDay,
    GoneOne,
    GoneEvery,
    LastDayItem,
    // Who to learn from (FORMAT r2 "Mentors") and the marketplace.
    ColMentor,
    MentorLevel,
    ExternalNetwork,
    HostCell,
    MentorsHeading,
    MentorsTerminal,
    MenteeNoun,
    MenteesNoun,
    WhatMentored,
    WhatMarket,
    ColLearners,
    ColTeachers,
    MarketNone,
    MarketNote,
    MarketHeading,
    ColMentees,
    NotAddressed,
    MarketTitleTerminal,
    MarketAbout,
    // Baselines (FORMAT r2 "Baseline").
    BaselineTitle,
    BaselineShortfall,
    BaselineClosed,
    BaselineOpened,
    BaselineNewOne,
    BaselineNewMany,
    BaselineRemoved,
    BaselineWorse,
    BaselineCompared,
    BaselineSkillNoun,
    BaselineSkillsNoun,
    ColDeltaHave,
    ColDeltaShort,
    ColDeltaCoverage,
    ColDeltaRenew,
    ColDeltaPeople,
    MarkNew,
    MarkWorse,
    MarkBetter,
    MarkChanged,
    PercentPoints,
    BaselineRemovedHeading,
    BaselineRemovedNeed,
    BaselineRemovedSkill,
    BaselineUnchanged,
    // --min-group.
    Suppressed,
}

impl Key {
    /// Every key, for the tests that compare the catalogues.
    #[rustfmt::skip]
    pub const ALL: &[Key] = &{
        use Key::*;
        [
            TitleTerminal, TitleTerminalLevels, AboutDocument, AboutLevels, WhatGap,
            WhatRoleGap, WhatPlans, WhatGapBy, WhatBalance, PlanMixNote, HoursUnit,
            Person, People, Goal, Goals, ColNeed, ColSkill, ColScope, ColLevel, ColHave,
            ColShort, ColCoverage, ColDevelop, ColRecruit, ColHours, ColPriority, ColBy,
            ColDriver, ColFrom, ColTo, ColWhy, ColUnit, ColGoals, ColCount, ColGroup,
            ColAssessed, ColUnassessed, ColStale, ColExpired, ColMedian, ColInterest,
            ColHolders, ColWho, ColRisk, ColName, ColNeeds, ColUnmet, ColAtRisk,
            ColPerson, ColRole, ColReadiness, ColGaps, ColNow, ColTarget, ColGap,
            Experience, Social, Formal, Critical, High, Medium, Low, ScopeAll,
            ScopeRole, Total, TotalDocument, NeedNoun, NeedsNoun, NUnmet, None, No,
            WholeOrganisation, NoneInParens, NoUnit, RoleRequirements, Risk, WithGap,
            NoNeeds, Effort, EffortLine, FreshnessPairs, FreshnessStale,
            FreshnessUndated, FreshnessExpired, ExpiredItem, ExpiredMore,
            DevelopHeading, DevelopItem, DevelopDocumentItem, DevelopFor,
            RecruitHeading, RecruitFor, RecruitLine, ByDate, GapTotalDocument,
            BasisNeeds, BasisRoles, BasisPlan, NobodyWithRole, PeopleTotalDocument,
            SummaryTerminal, Summary, SummaryDocument, RecruitmentNone,
            RecruitmentTerminal, Recruitment, NoneNeeded, UnitIs, RoleIs, EffortIs,
            NoGoals, SuggestedTerminal, Suggested, WishesTerminal, WishesDocument,
            WishNow, ReasonRole, ReasonNeed, NoActivities, Mandatory, More, UnitPeople,
            FreshnessBalance, Oldest, NoneDot, ExpiringItem, ExpiringWithin,
            KeyPersonTerminal, FreshnessHeading, FreshnessBalanceDocument,
            ExpiredDocumentItem, OldestDocumentItem, ExpiringDocumentItem,
            KeyPersonHeading, GroupUnit, GroupSkill, GroupDriver,
            ProgressTitleTerminal, ProgressTitleDocument, ProgressAbout, ProgressNeedsLine, ProgressMovesLine, ProgressNeedsHeading, ProgressSkillsHeading, MovedUpHeading,
            MovedDownHeading, GainedByUnitHeading, GainedByDriverHeading, Nobody, NoDriver, Points,
            ColChange, ColPeople, ColSkillsUp, ColLevels, NotAssessedThen,
            ProgressSince, ThenOn, NowOn,
            ColRenew, ColLate, RenewHeading, RenewItem, RenewDocumentItem, RenewFor,
            GapTotalDocumentRenew, HorizonPassed, LateNote, RenewFrom, RenewSkill,
            ColFinish, ColHoursShort, Never, LateMark, CapacityTerminal, CapacityIs,
            LateGoalsTerminal, LateGoals, LateGoalsNone,
            ColLeaving, ColArriving, LeavingNote, ArrivingNote, ArrivingTerminal,
            ArrivingHeading, LeavingTerminal, LeavingHeading, ColFirstDay, ColLastDay,
            GoneOne, GoneEvery, LastDayItem,
            ColMentor, MentorLevel, ExternalNetwork, HostCell, MentorsHeading, MentorsTerminal, MenteeNoun, MenteesNoun, WhatMentored, WhatMarket, ColLearners, ColTeachers, MarketNone, MarketNote, MarketHeading, ColMentees, NotAddressed, MarketTitleTerminal, MarketAbout,
            BaselineTitle, BaselineShortfall, BaselineClosed, BaselineOpened, BaselineNewOne, BaselineNewMany, BaselineRemoved, BaselineWorse, BaselineCompared, BaselineSkillNoun, BaselineSkillsNoun, ColDeltaHave, ColDeltaShort, ColDeltaCoverage, ColDeltaPeople, MarkNew, MarkWorse, MarkBetter, MarkChanged, PercentPoints, BaselineRemovedHeading, BaselineRemovedNeed, BaselineRemovedSkill, BaselineUnchanged, ColDeltaRenew,
            Suppressed,
        ]
    };
}

/// The thousands separator in Norwegian: U+202F NARROW NO-BREAK SPACE.
/// Thin like U+2009 (Språkrådet asks for a small space), but no-break, so
/// neither a table's wrapping nor a browser splits `1 234` across lines;
/// it is also what CLDR and Excel's nb-NO locale data use for grouping.
pub const NB_THOUSANDS: char = '\u{202F}';

/// The labels and number style of one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Labels {
    pub lang: Lang,
}

impl Labels {
    pub fn new(lang: Lang) -> Labels {
        Labels { lang }
    }

    /// A label as it stands (its `{}` unfilled).
    pub fn get(self, key: Key) -> &'static str {
        match self.lang {
            Lang::En => en(key),
            Lang::Nb => nb(key),
        }
    }

    /// A label with its `{}` filled in order by `args` (a missing argument
    /// leaves the rest empty; the catalogue test keeps the counts right).
    pub fn fill(self, key: Key, args: &[&dyn Display]) -> String {
        let mut out = String::new();
        let mut args = args.iter();
        let mut parts = self.get(key).split("{}");
        if let Some(first) = parts.next() {
            out.push_str(first);
        }
        for part in parts {
            if let Some(arg) = args.next() {
                out.push_str(&arg.to_string());
            }
            out.push_str(part);
        }
        out
    }

    /// "1 person", "2 people": a count with its noun.
    pub fn count(self, n: usize, one: Key, many: Key) -> String {
        format!(
            "{} {}",
            self.int(n as u64),
            self.get(if n == 1 { one } else { many })
        )
    }

    /// A whole number: `1234` in English (as always), `1 234` in Norwegian.
    pub fn int(self, n: u64) -> String {
        let digits = n.to_string();
        match self.lang {
            Lang::En => digits,
            Lang::Nb => group(&digits),
        }
    }

    /// A number for people with at most `decimals` decimals, none when it is
    /// whole: `13.2` / `13,2`, `1 234,5` in Norwegian.
    pub fn decimal(self, value: f64, decimals: usize) -> String {
        let text = format!("{:.*}", decimals, value.abs());
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let sign = if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
            "-"
        } else {
            ""
        };
        let whole = match self.lang {
            Lang::En => whole.to_string(),
            Lang::Nb => group(whole),
        };
        let point = match self.lang {
            Lang::En => ".",
            Lang::Nb => ",",
        };
        if fraction.is_empty() {
            format!("{sign}{whole}")
        } else {
            format!("{sign}{whole}{point}{fraction}")
        }
    }

    /// Hours for people: whole numbers without decimals, others with one.
    pub fn hours(self, value: f64) -> String {
        if (value - value.round()).abs() < 0.005 {
            self.decimal(value.round(), 0)
        } else {
            self.decimal(value, 1)
        }
    }

    /// A share as a percentage for people: `66.7 %` / `66,7 %`, `100 %`.
    pub fn percent(self, share: f64) -> String {
        let p = share * 100.0;
        if (p - p.round()).abs() < 0.05 {
            format!("{} %", self.decimal(p.round(), 0))
        } else {
            format!("{} %", self.decimal(p, 1))
        }
    }

    pub fn priority(self, priority: Priority) -> &'static str {
        self.get(match priority {
            Priority::Critical => Key::Critical,
            Priority::High => Key::High,
            Priority::Medium => Key::Medium,
            Priority::Low => Key::Low,
        })
    }

    pub fn mode(self, mode: Mode) -> &'static str {
        self.get(match mode {
            Mode::Experience => Key::Experience,
            Mode::Social => Key::Social,
            Mode::Formal => Key::Formal,
        })
    }
}

/// Digits grouped by three with [`NB_THOUSANDS`]: `1234567` -> `1 234 567`.
fn group(digits: &str) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / 3 * 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(3) {
            out.push(NB_THOUSANDS);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_in_both_catalogues_with_the_same_placeholders() {
        for &key in Key::ALL {
            for lang in [Lang::En, Lang::Nb] {
                assert!(
                    !Labels::new(lang).get(key).is_empty(),
                    "{key:?} in {lang:?}"
                );
            }
            assert_eq!(
                en(key).matches("{}").count(),
                nb(key).matches("{}").count(),
                "{key:?}: the two catalogues fill a different number of values"
            );
        }
        // ALL lists each key once (a key left out of ALL escapes the test).
        for (i, a) in Key::ALL.iter().enumerate() {
            assert!(!Key::ALL[i + 1..].contains(a), "{a:?} twice in Key::ALL");
        }
    }

    #[test]
    fn numbers_in_each_language() {
        let (en, nb) = (Labels::new(Lang::En), Labels::new(Lang::Nb));
        assert_eq!(en.hours(1234.5), "1234.5");
        assert_eq!(nb.hours(1234.5), "1\u{202F}234,5");
        assert_eq!(nb.hours(28.0), "28");
        assert_eq!(nb.hours(1_000_000.0), "1\u{202F}000\u{202F}000");
        assert_eq!(en.percent(2.0 / 3.0), "66.7 %");
        assert_eq!(nb.percent(2.0 / 3.0), "66,7 %");
        assert_eq!(nb.percent(1.0), "100 %");
        assert_eq!(nb.int(12345), "12\u{202F}345");
        assert_eq!(nb.count(2, Key::Person, Key::People), "2 personer");
        assert_eq!(en.count(1, Key::Person, Key::People), "1 person");
        assert_eq!(en.fill(Key::NUnmet, &[&3]), "3 unmet");
        assert_eq!(en.count(1, Key::NeedNoun, Key::NeedsNoun), "1 need");
    }

    #[test]
    fn language_from_the_environment() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::from_env(env(&[])), Lang::En);
        assert_eq!(Lang::from_env(env(&[("LANG", "nb_NO.UTF-8")])), Lang::Nb);
        assert_eq!(Lang::from_env(env(&[("LANG", "nn_NO")])), Lang::Nb);
        assert_eq!(Lang::from_env(env(&[("LANG", "no")])), Lang::Nb);
        assert_eq!(Lang::from_env(env(&[("LANG", "nl_NL.UTF-8")])), Lang::En);
        // LC_ALL wins over LANG, as POSIX has it; an empty one is unset.
        assert_eq!(
            Lang::from_env(env(&[("LC_ALL", "C"), ("LANG", "nb_NO.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_env(env(&[("LC_ALL", ""), ("LANG", "nb_NO.UTF-8")])),
            Lang::Nb
        );
        assert_eq!(
            Lang::from_env(env(&[("KOMPETANSE_LANG", "en"), ("LC_ALL", "nb_NO")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_env(env(&[("KOMPETANSE_LANG", "nb"), ("LANG", "en_US")])),
            Lang::Nb
        );
    }
}
