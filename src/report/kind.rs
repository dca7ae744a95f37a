//! What a JSON report says about itself: the `schema_version` of the JSON
//! contract and the `report` it is (`gap`, `balance`, ...), so a script, or
//! `--baseline`, can tell one command's output from another's and an old
//! file from a new one. The names live here, once; `render::json` writes
//! them at the top of every report, and `load::baseline` reads them back.
//! Nothing here computes or formats.

use super::{
    BalanceReport, GapGroupsReport, GapReport, MarketReport, MatrixReport, OverviewReport,
    PersonGapReport, PersonReport, PlanReport, ProgressReport, TeamReport, WhoReport,
};

/// The version of the JSON contract (FORMAT.md "Outputs"): raised when a
/// field changes meaning, so a script or a baseline can refuse what it
/// would misread. Adding a field does not raise it. Version 2 (issue 30)
/// renamed the fields whose name had two JSON types across reports (a
/// count beside a list, `renew` beside `renew_count`; CHANGELOG.md has the
/// table); `load::baseline` still reads version 1 files, by their old names.
pub const SCHEMA_VERSION: u32 = 2;

/// The `report` names, one per kind of JSON report (the command, and for
/// `gap --by` the view): a baseline must be of the same kind.
pub mod name {
    pub const GAP: &str = "gap";
    pub const GAP_BY_PERSON: &str = "gap-by-person";
    pub const GAP_BY_UNIT: &str = "gap-by-unit";
    pub const GAP_BY_SKILL: &str = "gap-by-skill";
    pub const GAP_BY_DRIVER: &str = "gap-by-driver";
    pub const PLAN: &str = "plan";
    pub const BALANCE: &str = "balance";
    pub const PROGRESS: &str = "progress";
    pub const MARKET: &str = "market";
    /// `report --person ID`: one person's page.
    pub const PERSON: &str = "person";
    /// `report --unit UNIT`: a line manager's page.
    pub const TEAM: &str = "team";
    /// `kompetanse who`: who knows what.
    pub const WHO: &str = "who";
    /// `kompetanse matrix`: the competence matrix.
    pub const MATRIX: &str = "matrix";
    /// `kompetanse report --format json`: the whole picture.
    pub const REPORT: &str = "report";
}

/// A report that names what it is in its JSON (`"report": "gap"`).
pub trait ReportKind {
    /// The `report` value: one of [`name`]'s.
    fn kind(&self) -> &'static str;
}

macro_rules! kind {
    ($($report:ty => $name:expr),* $(,)?) => {
        $(impl ReportKind for $report {
            fn kind(&self) -> &'static str {
                $name
            }
        })*
    };
}

kind! {
    GapReport => name::GAP,
    PersonGapReport => name::GAP_BY_PERSON,
    PlanReport => name::PLAN,
    BalanceReport => name::BALANCE,
    ProgressReport => name::PROGRESS,
    MarketReport => name::MARKET,
    OverviewReport => name::REPORT,
    PersonReport => name::PERSON,
    TeamReport => name::TEAM,
    WhoReport => name::WHO,
    MatrixReport => name::MATRIX,
}

impl ReportKind for GapGroupsReport {
    /// `gap --by unit|skill|driver`: one kind per grouping, since their
    /// groups are not comparable with each other.
    fn kind(&self) -> &'static str {
        match self.by.as_str() {
            "unit" => name::GAP_BY_UNIT,
            "skill" => name::GAP_BY_SKILL,
            _ => name::GAP_BY_DRIVER,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_of_groupings_are_their_own() {
        let report = |by: &str| GapGroupsReport {
            organisation: String::new(),
            as_of: crate::model::Date::constant(2026, 1, 1),
            mix: crate::model::LearningMix::SEVENTY_TWENTY_TEN,
            by: by.to_string(),
            groups: Vec::new(),
            totals: Default::default(),
            ks: false,
        };
        assert_eq!(report("unit").kind(), "gap-by-unit");
        assert_eq!(report("skill").kind(), "gap-by-skill");
        assert_eq!(report("driver").kind(), "gap-by-driver");
    }
}
