//! Words: THE catalogue of everything the human formats (table, Markdown,
//! HTML, XLSX) show, English and Norwegian bokmål side by side, one line a
//! [`Key`], and numbers written the way each language writes them
//! ([`Labels`]). The `catalogue!` list is the only place a word is spelled:
//! a key without both languages does not compile, and a test checks that
//! both fill the same placeholders. JSON and CSV never use it (their field
//! names and values are the machine contract, English and stable); the
//! workbook's headers are those CSV names worded here ([`header`]).
//!
//! A template's `{}` are filled in order by [`Labels::fill`].

use std::fmt::Display;

use crate::model::{Mode, Priority};

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

/// Declares [`Key`], [`Key::ALL`] and each key's words from one list of
/// `Key => "English", "bokmål";` lines. A line may end in `, csv "name"`:
/// the key is the workbook header of that CSV column ([`header`]); and in
/// `, term "word"`: the key words that fixed word of FORMAT.md ([`term`]).
macro_rules! catalogue {
    ($($(#[$doc:meta])* $key:ident => $en:literal, $nb:literal
        $(, csv $column:literal)? $(, term $word:literal)?;)*) => {
        /// Every word of the human formats. A `{}` in a word is filled in order.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Key {
            $($(#[$doc])* $key,)*
        }

        impl Key {
            /// Every key, for the tests that check the catalogue.
            pub const ALL: &[Key] = &[$(Key::$key,)*];

            /// The key's words: English, then bokmål (in [`Lang`]'s order).
            pub const fn words(self) -> [&'static str; 2] {
                match self {
                    $(Key::$key => [$en, $nb],)*
                }
            }
        }

        /// The workbook header of a report's CSV column (FORMAT.md's names);
        /// None for a column named by the organisation (balance's `level_3`),
        /// which the workbook shows as it is.
        pub fn header(column: &str) -> Option<Key> {
            match column {
                $($($column => Some(Key::$key),)?)*
                _ => None,
            }
        }

        /// A fixed word of FORMAT.md in a cell
        /// ([`Cell::Term`](crate::render::table::Cell::Term)): the key that
        /// words it for people; None for a word the catalogue does not know
        /// (the workbook shows it as it is, and a test lists every term).
        pub fn term(word: &str) -> Option<Key> {
            match word {
                $($($word => Some(Key::$key),)?)*
                _ => None,
            }
        }
    };
}

catalogue! {
    // Openings.
    TitleTerminal => "{}: {} as of {} (learning mix {})", "{}: {} per {} (læringsmiks {})";
    TitleTerminalLevels => "{}: {} as of {} (people at each level)", "{}: {} per {} (personer på hvert nivå)";
    AboutDocument => "As of {}, learning mix {}{}.", "Per {}, læringsmiks {}{}.";
    AboutLevels => "As of {}; people at each level.", "Per {}; personer på hvert nivå.";
    WhatGap => "competence gaps", "kompetansegap";
    WhatRoleGap => "role gaps", "rollegap";
    WhatPlans => "development plans", "utviklingsplaner";
    WhatGapBy => "competence gaps by {}", "kompetansegap per {}";
    WhatBalance => "competence balance", "kompetansesaldo";
    PlanMixNote => " (experience, social, formal)", " (erfaringsbasert, sosial, formell)";
    // Units and counts.
    HoursUnit => "h", "t";
    Person => "person", "person";
    People => "people", "personer";
    Goal => "goal", "mål";
    Goals => "goals", "mål";
    // Column headings.
    ColNeed => "Need", "Behov", csv "id";
    ColSkill => "Skill", "Kompetanse", csv "skill";
    ColScope => "Scope", "Omfang";
    ColLevel => "Level", "Nivå", csv "level";
    ColHave => "Have", "Har", csv "have";
    ColShort => "Short", "Mangler";
    ColCoverage => "Coverage", "Dekning", csv "coverage";
    ColDevelop => "Develop", "Utvikle", csv "develop";
    ColRecruit => "Recruit", "Rekruttere", csv "recruit";
    ColHours => "Hours", "Timer", csv "hours";
    ColPriority => "Priority", "Prioritet", csv "priority";
    ColBy => "By", "Frist", csv "by";
    ColDriver => "Driver", "Drivkraft", csv "driver";
    ColFrom => "From", "Fra", csv "from";
    ColTo => "To", "Til", csv "to";
    ColWhy => "Why", "Hvorfor";
    ColUnit => "Unit", "Enhet", csv "unit";
    ColGoals => "Goals", "Mål", csv "goals";
    ColCount => "Count", "Antall", csv "count";
    ColGroup => "Group", "Gruppe", csv "group";
    ColAssessed => "Assessed", "Vurdert", csv "assessed";
    ColUnassessed => "Unassessed", "Ikke vurdert", csv "unassessed";
    ColStale => "Stale", "Foreldet";
    ColExpired => "Expired", "Utløpt", csv "expired";
    ColMedian => "Median", "Median", csv "median";
    ColInterest => "Interest", "Interesse", csv "interest";
    ColHolders => "Holders", "Innehavere", csv "holders";
    ColWho => "Who", "Hvem";
    ColRisk => "Risk", "Risiko", csv "risk";
    ColName => "Name", "Navn", csv "name";
    ColNeeds => "Needs", "Behov", csv "needs";
    ColUnmet => "Unmet", "Udekket", csv "unmet";
    ColAtRisk => "At risk", "I risiko", csv "at_risk";
    ColPerson => "Person", "Person", csv "person";
    ColRole => "Role", "Rolle", csv "role";
    ColReadiness => "Readiness", "Rolledekning";
    ColGaps => "Gaps (now->target)", "Gap (nå->mål)";
    ColNow => "Now", "Nå";
    ColTarget => "Target", "Mål", csv "target";
    ColGap => "Gap", "Gap", csv "gap";
    // Learning-mix modes (also column headings).
    Experience => "experience", "erfaringsbasert", term "experience";
    Social => "social", "sosial", term "social";
    Formal => "formal", "formell", term "formal";
    // Priorities.
    Critical => "critical", "kritisk", term "critical";
    High => "high", "høy", term "high";
    Medium => "medium", "middels", term "medium";
    Low => "low", "lav", term "low";
    // Cell values.
    ScopeAll => "all", "alle";
    NeedViewTitle => "Need {}: {} at level {}", "Behov {}: {} på nivå {}";
    ColWhat => "What", "Hva";
    ColValue => "Value", "Verdi";
    ColHorizon => "Counted as of", "Telles per";
    ScopeRole => "role {}", "rolle {}";
    Total => "Total", "Sum";
    TotalDocument => "Total:", "Sum:";
    NeedNoun => "need", "behov";
    NeedsNoun => "needs", "behov";
    NUnmet => "{} unmet", "{} udekket";
    None => "none", "ingen";
    No => "no", "nei";
    WholeOrganisation => "(whole organisation)", "(hele virksomheten)";
    NoneInParens => "(none)", "(ingen)";
    NoUnit => "(no unit)", "(ingen enhet)";
    RoleRequirements => "(role requirements)", "(rollekrav)";
    Risk => "RISK", "RISIKO";
    WithGap => "{} with a gap", "{} med gap";
    // Gap.
    NoNeeds => "No needs to report.", "Ingen behov å rapportere.";
    Effort => "Effort", "Innsats";
    EffortLine => "{} h: experience {} h ({} %), social {} h ({} %), formal {} h ({} %)", "{} t: erfaringsbasert {} t ({} %), sosial {} t ({} %), formell {} t ({} %)";
    FreshnessPairs => "Freshness: {} assessed person-skill pairs", "Ferskhet: {} vurderte par av person og kompetanse";
    FreshnessStale => ", {} stale ({}; assessed before {}, over {} months old)", ", {} foreldet ({}; vurdert før {}, over {} måneder gamle)";
    FreshnessUndated => ", {} undated", ", {} udatert";
    FreshnessExpired => "; {} expired set aside.", "; {} utløpt holdt utenfor.";
    ExpiredItem => "expired: {} {} level {} (expired {}, {}:{})", "utløpt: {} {} nivå {} (utløp {}, {}:{})";
    ExpiredMore => "... and {} more expired", "... og {} flere utløpt";
    DevelopHeading => "Develop (from -> to level, hours):", "Utvikle (fra -> til nivå, timer):";
    DevelopItem => "{} {}->{} {} h", "{} {}->{} {} t";
    DevelopDocumentItem => "{} {}->{} ({} h)", "{} {}->{} ({} t)";
    DevelopFor => "Develop for ", "Utvikle for ";
    RecruitHeading => "Recruit (rekruttering/innleie):", "Rekruttering/innleie:";
    RecruitFor => "Recruit for ", "Rekruttering/innleie for ";
    RecruitLine => "{} x {} at level {}{}", "{} x {} på nivå {}{}";
    ByDate => "by {}", "innen {}";
    GapTotalDocument => " {}, {} unmet, shortfall {}, {} to develop, {} to recruit.", " {}, {} udekket, mangler {}, {} å utvikle, {} å rekruttere.";
    BasisNeeds => "This effort is what the needs require; gap --by person counts what roles require, and plan merges both.", "Innsatsen er det behovene krever; gap --by person teller det rollene krever, og plan slår sammen begge.";
    BasisRoles => "This effort is what the roles require; gap counts what the needs require, and plan merges both.", "Innsatsen er det rollene krever; gap teller det behovene krever, og plan slår sammen begge.";
    BasisPlan => "This effort merges needs and roles: one goal per person and skill at the higher target, hours counted once.", "Innsatsen slår sammen behov og roller: ett mål per person og kompetanse på det høyeste målnivået, timene telt én gang.";
    // Gap over time (FORMAT r2 "Horizon", "Renew", "Capacity").
    ColRenew => "Renew", "Fornye", csv "renew";
    ColLate => "Late", "For sent", csv "late";
    RenewHeading => "Renew before the deadline (level, expires, hours):", "Fornyes før fristen (nivå, utløper, timer):";
    RenewItem => "{} level {}, expires {}, {} h", "{} nivå {}, utløper {}, {} t";
    RenewDocumentItem => "{} at level {}, expires {} ({} h)", "{} på nivå {}, utløper {} ({} t)";
    RenewFor => "Renew for ", "Fornyes for ";
    GapTotalDocumentRenew => " {}, {} unmet, shortfall {}, {} to renew, {} to develop, {} to recruit.", " {}, {} udekket, mangler {}, {} å fornye, {} å utvikle, {} å rekruttere.";
    HorizonPassed => "{}: the deadline {} has passed, so the need is counted as of {}.", "{}: fristen {} er passert, så behovet telles per {}.";
    LateNote => "Late: people to renew or develop whose plan goal finishes after the need's deadline (see plan); such a need may have to be recruited.", "For sent: personer som skal fornye eller utvikle seg, men som etter planen blir ferdige etter behovets frist (se plan); et slikt behov må kanskje rekrutteres.";
    // Gap by person.
    NobodyWithRole => "Nobody with a role to report.", "Ingen med rolle å rapportere.";
    PeopleTotalDocument => " {}, {} with a gap, readiness {}.", " {}, {} med gap, rolledekning {}.";
    // Plan.
    SummaryTerminal => "Summary: {}, effort {}", "Sammendrag: {}, innsats {}";
    Summary => "Summary", "Sammendrag";
    SummaryDocument => "{}. Effort {}", "{}. Innsats {}";
    RecruitmentNone => "Recruitment: none needed.", "Rekruttering/innleie: ikke nødvendig.";
    RecruitmentTerminal => "Recruitment (rekruttering/innleie):", "Rekruttering/innleie:";
    Recruitment => "Recruitment (rekruttering/innleie)", "Rekruttering/innleie";
    NoneNeeded => "None needed.", "Ikke nødvendig.";
    UnitIs => "Unit: {}", "Enhet: {}";
    RoleIs => "Role: {}", "Rolle: {}";
    EffortIs => "Effort: {}", "Innsats: {}";
    NoGoals => "No development goals.", "Ingen utviklingsmål.";
    SuggestedTerminal => "Suggested activities:", "Foreslåtte aktiviteter:";
    Suggested => "Suggested activities", "Foreslåtte aktiviteter";
    WishesTerminal => "Own wishes, voluntary development: {}", "Egne ønsker, frivillig utvikling: {}";
    WishesDocument => "Own wishes (voluntary development):", "Egne ønsker (frivillig utvikling):";
    WishNow => "{} (now {})", "{} (nå {})";
    ReasonRole => "role {}", "rolle {}";
    ReasonNeed => "need {} ({})", "behov {} ({})";
    NoActivities => "none in the catalogue", "ingen i katalogen";
    Mandatory => "mandatory", "obligatorisk";
    More => "+{} more", "+{} til";
    // Plan over time (FORMAT r2 "Renew", "Capacity and schedule").
    RenewFrom => "renew", "forny";
    RenewSkill => "{} (renew)", "{} (fornyes)";
    ColFinish => "Finish", "Ferdig", csv "finish";
    ColHoursShort => "Hours short", "Timer mangler", csv "short";
    Never => "never", "aldri";
    LateMark => "LATE", "FOR SENT";
    CapacityTerminal => "capacity {} h/year", "kapasitet {} t/år";
    CapacityIs => "Capacity: {} h/year", "Kapasitet: {} t/år";
    LateGoalsTerminal => "Late goals (finishing after a need's deadline):", "Mål som blir ferdige for sent (etter behovets frist):";
    LateGoals => "Late goals", "Mål som blir ferdige for sent";
    LateGoalsNone => "Late goals: none.", "Mål som blir ferdige for sent: ingen.";
    // Balance.
    UnitPeople => "{} ({})", "{} ({})";
    FreshnessBalance => "Freshness: {} current assessments; {} stale ({}, assessed before {}, over {} months old); {} undated; {} expired set aside ({}).", "Ferskhet: {} gjeldende vurderinger; {} foreldet ({}, vurdert før {}, over {} måneder gamle); {} udatert; {} utløpt holdt utenfor ({}).";
    Oldest => "Oldest: {}", "Eldste: {}";
    NoneDot => "none.", "ingen.";
    ExpiringItem => "{} {} {} (in {} days)", "{} {} {} (om {} dager)";
    ExpiringWithin => "Expiring within {} days: {}", "Utløper innen {} dager: {}";
    KeyPersonTerminal => "Key-person risk (people at or above the highest level required):", "Nøkkelpersonrisiko (personer på eller over høyeste nivå som kreves):";
    FreshnessHeading => "Freshness", "Ferskhet";
    FreshnessBalanceDocument => "{} current assessments: {} stale ({}, assessed before {}), {} undated; {} expired set aside ({}).", "{} gjeldende vurderinger: {} foreldet ({}, vurdert før {}), {} udatert; {} utløpt holdt utenfor ({}).";
    ExpiredDocumentItem => "expired: {} in {} level {} (expired {}, {}:{})", "utløpt: {} i {} nivå {} (utløp {}, {}:{})";
    OldestDocumentItem => "oldest: {} in {} ({})", "eldst: {} i {} ({})";
    ExpiringDocumentItem => "expiring: {} in {} on {} (in {} days)", "utløper: {} i {} den {} (om {} dager)";
    KeyPersonHeading => "Key-person risk", "Nøkkelpersonrisiko";
    GroupUnit => "unit", "enhet";
    GroupSkill => "skill", "kompetanse";
    GroupDriver => "driver", "drivkraft";
    // Progress.
    ProgressTitleTerminal => "{}: progress from {} to {}", "{}: utvikling fra {} til {}";
    ProgressTitleDocument => "Progress: {}", "Utvikling: {}";
    ProgressAbout => "From {} to {}: the organisation then and now, from the same files.", "Fra {} til {}: virksomheten da og nå, fra de samme filene.";
    ProgressNeedsLine => "Needs met: {} of {} then, {} now; shortfall {} then, {} now.", "Behov dekket: {} av {} da, {} nå; mangler {} da, {} nå.";
    ProgressMovesLine => "Moved up: {}; levels gained: {} ({} in first assessments). Moved down: {}; levels lost: {}.", "Gikk opp: {}; nivåer vunnet: {} ({} i første vurderinger). Gikk ned: {}; nivåer tapt: {}.";
    ProgressNeedsHeading => "Coverage per need, then -> now", "Dekning per behov, da -> nå";
    ProgressSkillsHeading => "People at each level, then -> now", "Personer på hvert nivå, da -> nå";
    MovedUpHeading => "Moved up", "Gikk opp";
    MovedDownHeading => "Moved down (expired or reassessed lower)", "Gikk ned (utløpt eller vurdert lavere)";
    GainedByUnitHeading => "Levels gained by unit", "Nivåer vunnet per enhet";
    GainedByDriverHeading => "Levels gained by driver (a gain counts for every driver with a need on the skill that covers the person)", "Nivåer vunnet per drivkraft (en økning teller for hver drivkraft med et behov i kompetansen som omfatter personen)";
    Nobody => "Nobody.", "Ingen.";
    NoDriver => "(no driver)", "(ingen drivkraft)";
    Points => "{} pp", "{} %-poeng";
    ColChange => "Change", "Endring", csv "change";
    ColPeople => "People", "Personer", csv "people";
    ColSkillsUp => "Skills", "Kompetanser";
    ColLevels => "Levels", "Nivåer";
    NotAssessedThen => "(not assessed)", "(ikke vurdert)";
    ProgressSince => "Progress since {}", "Utvikling siden {}";
    ThenOn => "Then ({})", "Da ({})";
    NowOn => "Now ({})", "Nå ({})";
    // What the logged learning did (issue 26, FORMAT r3 "Effect").
    EffectHeading => "Effect by learning mode (levels gained and the hours logged for them)", "Effekt per læringsform (nivåer vunnet og timene logget for dem)";
    EffectIntro => "Each skill that rose counts for the mode with most of its logged hours (a tie goes to experience, then social).", "Hver kompetanse som gikk opp teller for læringsformen med flest loggede timer (ved likhet erfaringsbasert, så sosial).";
    ColMode => "Mode", "Læringsform", csv "mode";
    ColPairs => "Rose", "Gikk opp", csv "pairs";
    ColHoursPerLevel => "Hours per level", "Timer per nivå", csv "hours_per_level";
    NoHoursLogged => "no hours logged", "ingen timer logget", term "none";
    LivedMixHeading => "The learning mix lived, against the declared", "Læringsmiksen slik den ble levd, mot den erklærte";
    MixDeclared => "Declared mix", "Erklært miks";
    MixLived => "Lived (all logged hours)", "Levd (alle loggede timer)";
    ColExperiencePct => "Experience", "Erfaringsbasert";
    ColSocialPct => "Social", "Sosial";
    ColFormalPct => "Formal", "Formell";
    ActivityEffectHeading => "Per catalogue activity (levels where it was the largest activity)", "Per aktivitet i katalogen (nivåer der den var den største aktiviteten)";
    ColActivity => "Activity", "Aktivitet", csv "activity";
    ReachLogLine => "Reach: {} of {} people present logged learning; {} with experience, {} with social, {} with formal hours.", "Rekkevidde: {} av {} ansatte logget læring; {} med erfaringsbaserte, {} med sosiale, {} med formelle timer.";
    ReachLogNote => "logged learning since {}; experience {}, social {}, formal {}", "logget læring siden {}; erfaringsbasert {}, sosial {}, formell {}";
    ColReachLog => "Reach, logged", "Rekkevidde, logget";
    EffectTitle => "What the learning did", "Hva læringen ga";
    EffectPageIntro => "The hours people logged since {}, by how they learned, against the mix the organisation declares.", "Timene de ansatte har logget siden {}, etter hvordan de lærte, mot miksen virksomheten har erklært.";
    LivedByUnit => "Lived mix by unit", "Levd miks per enhet";
    LivedByDriver => "Lived mix by driver", "Levd miks per drivkraft";
    // People over time (FORMAT r2 "Present").
    ColLeaving => "Leaving", "Slutter", csv "leaving";
    ColArriving => "Arriving", "Begynner", csv "arriving";
    LeavingNote => "Leaving: people in the need's scope today whose last day is before its deadline; Have does not count them.", "Slutter: personer i behovets omfang i dag som har siste dag før fristen; Har teller dem ikke.";
    ArrivingNote => "Arriving: signed hires in the need's scope who start by its deadline; Have counts them at their assessed levels.", "Begynner: nyansatte i behovets omfang som begynner innen fristen; Har teller dem med sine vurderte nivåer.";
    ArrivingTerminal => "Arriving (signed hires, first day):", "Nyansatte som begynner (første dag):";
    ArrivingHeading => "Arriving (signed hires)", "Nyansatte som begynner";
    LeavingTerminal => "Leaving within {} days (last day, by unit):", "Slutter innen {} dager (siste dag, per enhet):";
    LeavingHeading => "Leaving within {} days", "Slutter innen {} dager";
    ColFirstDay => "First day", "Første dag";
    ColLastDay => "Last day", "Siste dag", csv "leaves";
    // Calibration (FORMAT r3): self and manager far apart.
    CalibrationTerminal => "Self and manager {} or more levels apart (for a competence talk):", "Egen og leders vurdering {} nivåer eller mer fra hverandre (til kompetansedrøfting):";
    CalibrationHeading => "Self and manager {} or more levels apart", "Egen og leders vurdering {} nivåer eller mer fra hverandre";
    ColSelf => "Self", "Egen";
    ColManager => "Manager", "Leder";
    ColCounted => "Counts", "Teller";
    // Due for reassessment (issue 24, item 5).
    DueTerminal => "Due for reassessment (survey --due):", "Skal vurderes på nytt (survey --due):";
    DueHeading => "Due for reassessment", "Skal vurderes på nytt";
    ColDueWhy => "Skills, and why", "Kompetanser, og hvorfor";
    DueMissing => "not assessed", "ikke vurdert";
    DueStale => "stale, assessed {}", "foreldet, vurdert {}";
    DueExpiring => "expires {}", "utløper {}";
    DueDone => "done, awaiting reassessment", "gjennomført, venter på ny vurdering";
    ColDone => "Done", "Gjort";
    ColRemaining => "Remaining", "Gjenstår";
    EffortDone => "{}; {} h of it done (activity log)", "{}; {} t av dette er gjennomført (aktivitetslogg)";
    HeadDoneHours => "Done (h)", "Gjort (t)", csv "done_hours";
    HeadRemainingHours => "Remaining (h)", "Gjenstår (t)", csv "remaining_hours";
    GoneOne => "the only holder leaves before {} is due ({}): {}", "eneste innehaver slutter før fristen for {} ({}): {}";
    GoneEvery => "every holder leaves before {} is due ({}): {}", "alle innehaverne slutter før fristen for {} ({}): {}";
    LastDayItem => "{} (last day {})", "{} (siste dag {})";
    // Who to learn from (FORMAT r2 "Mentors") and the marketplace.
    ColMentor => "Mentor", "Mentor", csv "mentor";
    MentorLevel => "level {}", "nivå {}";
    ExternalNetwork => "external network", "eksternt nettverk";
    HostCell => "job rotation: {}", "hospitering: {}";
    MentorsHeading => "Mentors", "Mentorer";
    MentorsTerminal => "Mentors (goals each mentors in these plans):", "Mentorer (mål hver er mentor for i disse planene):";
    MenteeNoun => "mentee", "adept";
    MenteesNoun => "mentees", "adepter";
    WhatMentored => "goals mentored by {}", "mål med {} som mentor";
    ColLearners => "Wants to learn", "Vil lære";
    ColTeachers => "Can teach", "Kan lære bort";
    MarketNone => "No skill has anyone who wants to learn it or can teach it.", "Ingen ferdighet har noen som vil lære den eller kan lære den bort.";
    MarketNote => "Wants to learn: interest in the skill. Can teach: level {} or above, with the goals each already mentors in the plans.", "Vil lære: interesse for ferdigheten. Kan lære bort: nivå {} eller høyere, med målene hver allerede er mentor for i planene.";
    MarketHeading => "Competence marketplace", "Kompetansetorg";
    ColMentees => "Mentees", "Adepter", csv "mentees";
    NotAddressed => "not addressed by any plan", "ingen plan tar tak i dette";
    MarketTitleTerminal => "{}: competence marketplace as of {}", "{}: kompetansetorg per {}";
    MarketAbout => "As of {}.", "Per {}.";
    // Baselines (FORMAT r2 "Baseline").
    BaselineTitle => "{}: {} as of {}, compared with {}", "{}: {} per {}, sammenlignet med {}";
    BaselineShortfall => "shortfall {} -> {}", "mangel {} -> {}";
    BaselineClosed => "{} closed", "{} lukket";
    BaselineOpened => "{} opened", "{} åpnet";
    BaselineNewOne => "{} new", "{} nytt";
    BaselineNewMany => "{} new", "{} nye";
    BaselineRemoved => "{} removed", "{} fjernet";
    BaselineWorse => "{} worse", "{} dårligere";
    BaselineRedefined => "{} redefined", "{} omdefinert";
    BaselineNothing => "nothing (no baseline yet: every need is new)", "ingenting (ingen baseline ennå: alle behov er nye)";
    BaselineNothingSkills => "nothing (no baseline yet: every skill is new)", "ingenting (ingen baseline ennå: alle kompetanser er nye)";
    BaselineFailing => "gate {} or higher: {} failing", "port {} eller høyere: {} stopper";
    BaselineCompared => "{} compared", "{} sammenlignet";
    BaselineSkillNoun => "skill", "kompetanse";
    BaselineSkillsNoun => "skills", "kompetanser";
    ColDeltaHave => "Δ have", "Δ har";
    ColDeltaShort => "Δ short", "Δ mangler";
    ColDeltaCoverage => "Δ coverage", "Δ dekning";
    ColDeltaRenew => "Δ renew", "Δ fornye";
    ColDeltaPeople => "Δ people", "Δ personer";
    MarkNew => "new", "ny";
    MarkWorse => "worse", "dårligere";
    MarkBetter => "better", "bedre";
    MarkChanged => "changed", "endret";
    PercentPoints => "{} pp", "{} pp";
    BaselineRemovedHeading => "Removed since {}", "Fjernet siden {}";
    BaselineRemovedNeed => "{} ({}): shortfall was {}", "{} ({}): manglet {}";
    BaselineRemovedSkill => "{}: {} people then", "{}: {} personer da";
    BaselineUnchanged => "{} unchanged.", "{} uendret.";
    // --min-group.
    Suppressed => "suppressed: fewer people than --min-group", "skjult: færre personer enn --min-group";
    // The report page (`kompetanse report`).
    ReportTitle => "Competence report", "Kompetanserapport";
    AsOf => "as of", "per";
    LearningMix => "learning mix", "læringsmiks";
    StatusBad => "needs action", "krever tiltak";
    StatusGood => "in order", "i orden";
    Contents => "Contents", "Innhold";
    Met => "met", "dekket";
    Unmet => "unmet", "udekket";
    Shortfall => "Shortfall", "Mangler", csv "shortfall";
    ShortfallNote => "people missing across all needs", "personer som mangler, alle behov samlet";
    DevelopNote => "people to develop for a need", "personer å utvikle for et behov";
    RecruitNote => "people to recruit or hire in", "personer å rekruttere eller leie inn";
    RenewNote => "holders whose certificate expires before a deadline", "innehavere med sertifikat som utløper før fristen";
    EffortNeeds => "Effort for the needs", "Innsats for behovene";
    EffortNeedsNote => "what the needs require", "det behovene krever";
    EffortPlans => "Effort in the plans", "Innsats i planene";
    EffortPlansNote => "needs and roles merged into goals", "behov og roller slått sammen til mål";
    PlanTotalsIntro => "Development hours of the plans: the needs' develop lists and the people's role gaps, merged per person and skill.", "Utviklingstimer i planene: behovenes utviklingslister og personenes rollegap, slått sammen per person og kompetanse.";
    CoverageMap => "Coverage by unit", "Dekning per enhet";
    CoverageMapIntro => "Each cell: the skill's needs scoped to the unit or a unit below it, added up as in the gap table: the people they have (each need counted up to its count) against the people they ask for. The whole organisation's column holds every need of the skill. A grey cell has no need scoped there; it shows the people in the unit at or above the highest level the skill's needs ask for.", "Hver celle: kompetansens behov i enheten eller en enhet under den, lagt sammen som i gaptabellen: hvor mange de har (hvert behov talt opp til antallet det ber om) mot hvor mange de ber om. Kolonnen for hele virksomheten har alle behov for kompetansen. En grå celle har ingen behov i enheten; den viser personene i enheten på eller over det høyeste nivået kompetansens behov krever.";
    PageWholeOrganisation => "Whole organisation", "Hele virksomheten";
    AtLevel => "level", "nivå";
    NoNeedHere => "no need here", "ingen behov her";
    Legend => "Legend", "Tegnforklaring";
    LegendNone => "no need scoped here (people at the level shown)", "ingen behov i enheten (personer på nivået vises)";
    MixTitle => "Learning mix", "Læringsmiks";
    MixIntro => "Development hours split by how people learn: on the job, from others, and in courses.", "Utviklingstimer fordelt på hvordan folk lærer: i arbeidet, av andre og på kurs.";
    MixByNeed => "By need", "Per behov";
    MixByUnit => "By unit (plans)", "Per enhet (planer)";
    NoDevelopment => "Needs with no development hours", "Behov uten utviklingstimer";
    Gaps => "Gaps, need by need", "Gap, behov for behov";
    Role => "role", "rolle";
    Balance => "Competence balance", "Kompetansesaldo";
    Stale => "Stale", "Foreldet", csv "stale", term "stale";
    Interest => "Interested", "Interessert";
    Expired => "expired, set aside", "utløpt, holdt utenfor";
    Expiring => "Expiring soon", "Utløper snart";
    Expires => "Expires", "Utløper", csv "expires";
    Days => "days", "dager";
    PageRecruitment => "Recruitment", "Rekruttering";
    NoRecruitment => "Nothing to recruit: every shortfall can be developed.", "Ingenting å rekruttere: alle mangler kan utvikles.";
    PlanTotals => "Plan totals", "Planene samlet";
    GeneratedBy => "Made by kompetanse", "Laget med kompetanse";
    // Workbook sheets and column headers.
    SheetNeeds => "Needs", "Behov";
    SheetDevelop => "Develop", "Utvikle";
    SheetRecruit => "Recruit", "Rekruttere";
    SheetBudget => "Budget", "Økonomiplan";
    // KS's measures and the budget (issue 25, FORMAT r3): KS's own words
    // head the measures in both languages.
    KsHeading => "KS's measures (beholde, utvikle, mobilisere, rekruttere):", "KS-tiltak (beholde, utvikle, mobilisere, rekruttere):";
    ColBeholde => "Retain", "Beholde", csv "beholde";
    ColUtvikle => "Develop (KS)", "Utvikle", csv "utvikle";
    ColMobilisere => "Mobilise (KS)", "Mobilisere", csv "mobilisere";
    ColRekruttere => "Recruit (KS)", "Rekruttere", csv "rekruttere";
    ColSurplus => "Surplus", "Overskudd", csv "surplus";
    ColCost => "Cost", "Kostnad", csv "cost";
    ColYear => "Year", "År", csv "year";
    HeadDevelopCost => "Develop cost", "Kostnad utvikle", csv "develop_cost";
    HeadRecruitCost => "Recruit cost", "Kostnad rekruttere", csv "recruit_cost";
    HeadInTime => "In time", "I tide", csv "in_time";
    KsTotalLine => "KS's measures: beholde {} (retain), utvikle {} (develop), mobilisere {} (from elsewhere), rekruttere {} (recruit)", "KS-tiltak: beholde {}, utvikle {}, mobilisere {}, rekruttere {}";
    ElsewhereHeading => "Elsewhere in the organisation (mobilisere before recruiting):", "Andre steder i virksomheten (mobilisere før rekruttering):";
    ElsewhereFor => "Elsewhere for ", "Andre steder for ";
    ElsewhereItem => "{}, {}, level {}", "{}, {}, nivå {}";
    BudgetHeading => "Budget by year (økonomiplan):", "Økonomiplan, kostnad per år:";
    BudgetLine => "{}: {}", "{}: {}";
    BudgetTotal => "Total cost {}", "Kostnad i alt {}";
    ChoiceHeading => "Develop or recruit (the develop list's cost against recruiting as many):", "Utvikle eller rekruttere (utviklingslistens kostnad mot å rekruttere like mange):";
    ChoiceItem => "develop {} against recruit {}; {}", "utvikle {} mot rekruttere {}; {}";
    InTime => "done by the deadline", "ferdig innen fristen";
    NotInTime => "not done by the deadline", "ikke ferdig innen fristen";
    NoSchedule => "no schedule (no capacity)", "uten tidsplan (ingen kapasitet)";
    AvvikleHeading => "Being wound down (avvikle): {}", "Avvikle (fases ut): {}";
    BudgetCard => "Budget", "Budsjett";
    BudgetCardNote => "the needs' cost; the dearest year {}", "behovenes kostnad; dyreste år {}";
    BudgetSection => "Budget by year (økonomiplan)", "Økonomiplan";
    BudgetIntro => "What the needs cost, booked in the year each goal finishes (else the year of its deadline) and each recruitment in the year of its deadline.", "Hva behovene koster, ført i året hvert mål blir ferdig (ellers fristens år) og hver rekruttering i fristens år.";
    PlanCostLine => "Cost {} (goals and recruitment); by year: {}", "Kostnad {} (mål og rekruttering); per år: {}";
    SheetPeople => "People", "Personer";
    SheetPersonGaps => "Gaps", "Gap";
    SheetByUnit => "By unit", "Per enhet";
    SheetBySkill => "By skill", "Per kompetanse";
    SheetByDriver => "By driver", "Per drivkraft";
    SheetGoals => "Goals", "Mål";
    SheetEffortByUnit => "Effort by unit", "Innsats per enhet";
    SheetEffortByDriver => "Effort by driver", "Innsats per drivkraft";
    SheetLevels => "Levels", "Nivåer";
    SheetFreshness => "Freshness", "Ferskhet";
    SheetKeyPeople => "Key people", "Nøkkelpersoner";
    SheetCoverage => "Coverage map", "Dekningskart";
    HeadEffortHours => "Effort (h)", "Innsats (t)", csv "effort_hours";
    HeadExperienceHours => "Experience (h)", "Erfaringsbasert (t)", csv "experience_hours";
    HeadSocialHours => "Social (h)", "Sosial (t)", csv "social_hours";
    HeadFormalHours => "Formal (h)", "Formell (t)", csv "formal_hours";
    HeadReadiness => "Readiness", "Beredskap", csv "readiness";
    HeadCurrent => "Current", "Nå", csv "current";
    HeadReasons => "Reasons", "Begrunnelse", csv "reasons";
    HeadActivities => "Activities", "Aktiviteter", csv "activities";
    HeadKey => "Key", "Nøkkel", csv "key";
    TermOldest => "oldest", "eldst", term "oldest";
    TermExpiring => "expiring", "utløper", term "expiring";
    TermExpired => "expired", "utløpt", term "expired";
    TermArriving => "arriving", "begynner", term "arriving";
    TermLeaving => "leaving", "slutter", term "leaving";
    TermBreadth => "breadth", "bredde", term "breadth";
    TermSpecialist => "specialist", "spiss", term "specialist";
    TermLearner => "learner", "vil lære", term "learner";
    TermTeacher => "teacher", "kan lære bort", term "teacher";
    HeadLevelN => "Level {}", "Nivå {}";
    HeadLevelNThen => "Level {} then", "Nivå {} da";
    HeadLevelNNow => "Level {} now", "Nivå {} nå";
    HeadBaselineLevelN => "Level {} before", "Nivå {} før";
    HeadChangeLevelN => "Level {} change", "Nivå {} endring";
    HeadMentorName => "Mentor's name", "Mentorens navn", csv "mentor_name";
    Yes => "yes", "ja";
    TermRole => "role", "rolle", term "role";
    TermNeed => "need", "behov", term "need";
    HeadKind => "Kind", "Type", csv "kind";
    HeadStatus => "Status", "Status", csv "status";
    HeadDate => "Date", "Dato", csv "date";
    HeadDays => "Days", "Dager", csv "days";
    HeadDemand => "Demand", "Etterspørsel", csv "demand";
    SheetMovedUp => "Moved up", "Gikk opp";
    SheetMovedDown => "Moved down", "Gikk ned";
    SheetEffect => "Effect", "Effekt";
    SheetActivities => "Activities", "Aktiviteter";
    HeadHaveThen => "Have then", "Har da", csv "have_then";
    HeadHaveNow => "Have now", "Har nå", csv "have_now";
    HeadShortfallThen => "Shortfall then", "Mangler da", csv "shortfall_then";
    HeadShortfallNow => "Shortfall now", "Mangler nå", csv "shortfall_now";
    HeadCoverageThen => "Coverage then", "Dekning da", csv "coverage_then";
    HeadCoverageNow => "Coverage now", "Dekning nå", csv "coverage_now";
    HeadAssessedThen => "Assessed then", "Vurdert da", csv "assessed_then";
    HeadAssessedNow => "Assessed now", "Vurdert nå", csv "assessed_now";
    HeadGained => "Gained", "Endring", csv "gained";
    SheetRenew => "Renew", "Fornye";
    SheetLate => "Late", "For sent";
    HeadHorizon => "Horizon", "Horisont", csv "horizon";
    SheetMovements => "Arriving and leaving", "Begynner og slutter";
    HeadGoneBefore => "All leave before", "Alle slutter før", csv "gone_before";
    HeadGoneHorizon => "Due", "Frist", csv "gone_horizon";
    HeadGoneHolders => "Last days", "Siste dager", csv "gone_holders";
    HeadHost => "Job rotation", "Hospitering", csv "host";
    HeadAddressed => "Addressed by a plan", "En plan tar tak i det", csv "addressed";
    SheetMarket => "Marketplace", "Kompetansetorg";
    SheetMentors => "Mentors", "Mentorer";
    // Assessment forms (`survey`, issue 24): the headings and the columns
    // shown for information (the columns the reader reads, and the values
    // it parses, are named in crate::survey, not here: they are data).
    FormTitle => "Competence assessment: {}", "Kompetansekartlegging: {}";
    FormSheet => "Assessment form", "Skjema";
    FormScaleSheet => "Levels", "Nivåer";
    FormUnit => "Unit", "Enhet";
    FormRole => "Role", "Rolle";
    FormRoundDate => "Round date", "Kartleggingsdato";
    FormInstruction => "For each skill, pick your level in the column 'level' (the sheet 'Levels' says what each level means), and 'yes' under 'interest' where you want to learn more. Leave a row's level blank if you do not assess it now. Change the date under 'assessed' if you fill the form in on another day, and give the date under 'expires' for a certificate. Save the file and send it back.", "Velg nivået ditt i kolonnen «nivå» for hver kompetanse (arket «Nivåer» sier hva nivåene betyr), og «ja» under «interesse» der du vil lære mer. La nivået stå tomt på en rad du ikke vurderer nå. Endre datoen under «vurdert» om du fyller ut skjemaet en annen dag, og skriv datoen under «utløper» for et sertifikat. Lagre filen og send den tilbake.";
    FormInstructionManager => "For each skill, pick the person's level in the column 'level' (the sheet 'Levels' says what each level means), and 'yes' under 'interest' where they want to learn more. Leave a row's level blank if you do not assess it now. Change the date under 'assessed' if you fill the form in on another day, and give the date under 'expires' for a certificate. Save the file and send it back.", "Velg den ansattes nivå i kolonnen «nivå» for hver kompetanse (arket «Nivåer» sier hva nivåene betyr), og «ja» under «interesse» der den ansatte vil lære mer. La nivået stå tomt på en rad du ikke vurderer nå. Endre datoen under «vurdert» om du fyller ut skjemaet en annen dag, og skriv datoen under «utløper» for et sertifikat. Lagre filen og send den tilbake.";
    FormSkillName => "Skill name", "Navn på kompetansen";
    FormDescription => "Description", "Beskrivelse";
    FormCurrent => "Current level", "Nåværende nivå";
    FormTarget => "Target", "Mål";
    FormNote => "Note", "Merknad";
    FormNotAssessed => "not assessed", "ikke vurdert";
    FormMissing => "not assessed yet: please assess", "mangler vurdering";
    FormStale => "assessed {}, over {} months ago: please reassess", "vurdert {}, for over {} måneder siden: vurder på nytt";
    FormExpiring => "expires {}: renew it and give the new date", "utløper {}: forny og skriv ny dato";
    FormDone => "the plan's hours are done: please reassess", "timene i planen er gjennomført: vurder på nytt";
    FormExpired => "expired {}", "utløpt {}";
    FormScaleLevel => "Level", "Nivå";
    FormScaleGeneral => "In general", "Generelt";
    // Where a level comes from (issue 24 item 3).
    SourceSelf => "self", "egen", term "self";
    SourceManager => "manager", "leder", term "manager";
    SourceCertificate => "certificate", "sertifikat", term "certificate";
    ColSource => "Source", "Kilde";
    PersonMeanings => "What my levels mean", "Hva nivåene mine betyr";
    PersonCalibration => "For the competence talk", "Til kompetansedrøftingen";
    PersonCalibrationItem => "self-assessed {}, the manager's {}; {} counts", "egenvurdert {}, leders vurdering {}; {} teller";
    // The team page (issue 23).
    IndexPeople => "Personal pages: {}", "Personlige sider: {}";
    IndexUnits => "Team pages: {}", "Teamsider: {}";
    IndexAbout => "{} pages, as of {}.", "{} sider, per {}.";
    TeamTitle => "Our competence: {}", "Vår kompetanse: {}";
    TeamNeeds => "Needs in the unit", "Behov i enheten";
    TeamNoNeeds => "No need is scoped to the unit or below it.", "Ingen behov gjelder enheten eller enheter under den.";
    TeamAbove => "Needs above the unit", "Behov over enheten";
    TeamAboveAbout => "Needs of a larger part of the organisation that the unit's people are in: the unit's share only.", "Behov for en større del av virksomheten som enhetens folk hører til: bare enhetens andel.";
    ColUnitInScope => "Our people", "Våre folk";
    ColUnitHave => "At level", "På nivå";
    TeamRoles => "People and role targets", "Folk og rollemål";
    TeamPlans => "Development plans", "Utviklingsplaner";
    TeamMatrix => "Competence matrix", "Kompetansematrise";
    // The personal page (issue 23).
    PersonTitle => "My competence: {}", "Min kompetanse: {}";
    PersonLevels => "My levels", "Mine nivåer";
    PersonLevelsNone => "No skill of yours is assessed yet.", "Ingen av kompetansene dine er vurdert ennå.";
    PersonRole => "My role: {}", "Min rolle: {}";
    PersonReadiness => "Readiness for the role: {} of the targets held.", "Rolledekning: {} av målene nådd.";
    PersonNoRole => "You have no role, so no role targets.", "Du har ingen rolle, og dermed ingen rollemål.";
    PersonNeeds => "Needs that concern me", "Behov som gjelder meg";
    PersonNeedsNone => "No need of the organisation counts on you now.", "Ingen behov i virksomheten regner med deg nå.";
    ColPart => "My part", "Min del", csv "part";
    PartCounts => "have the level", "har nivået", term "counts";
    PartRenew => "to renew", "skal fornyes", term "renew";
    PartDevelop => "to develop", "skal utvikles", term "develop";
    PersonGoals => "My goals", "Mine mål";
    PersonWishes => "My wishes", "Mine ønsker";
    WishMeets => "meets the need {}", "treffer behovet {}";
    WishInPlan => "in my plan", "i planen min";
    WishNoNeed => "no need asks for it", "ingen behov ber om det";
    PersonMentees => "I mentor", "Jeg er mentor for";
    SheetWishes => "Wishes", "Ønsker";
    SheetMentees => "Mentees", "Adepter";
    // Readiness for another role (issue 23, FORMAT r3 "Readiness").
    WhatToward => "readiness for the role {}", "beredskap for rollen {}";
    TowardBasis => "Readiness here is the share of {}'s required skills at or above target.", "Beredskap er her andelen av kompetansene {} krever som er på eller over målet.";
    TowardHeading => "Toward the role {}: readiness {}", "Mot rollen {}: beredskap {}";
    // Reach (issue 23, FORMAT r3 "Reach").
    ReachLine => "Reach: {} of {} people present have a goal; {} with experience, {} with social, {} with formal hours.", "Rekkevidde: {} av {} ansatte har et mål; {} med erfaringsbaserte, {} med sosiale, {} med formelle timer.";
    ColReach => "Reach", "Rekkevidde";
    ReachNote => "people with a goal; experience {}, social {}, formal {}", "ansatte med et mål; erfaringsbasert {}, sosial {}, formell {}";
    // Who knows what (issue 23).
    WhoTitle => "{}: who has {} as of {}", "{}: hvem har {} per {}";
    WhoTitleDocument => "Who knows what: {}", "Hvem kan hva: {}";
    WhoAbout => "As of {}, the people present who have {}.", "Per {}, de som er ansatt og har {}.";
    WhoNone => "Nobody present meets every criterion.", "Ingen ansatte oppfyller alle kriteriene.";
    WhoAnd => "and", "og";
    WhoExpires => "expires {}", "utløper {}";
    WhoInterest => "wants to develop it", "ønsker å utvikle den";
    // The competence matrix (issue 23 item 5).
    MatrixTitle => "{}: competence matrix as of {}", "{}: kompetansematrise per {}";
    MatrixTitleDocument => "Competence matrix: {}", "Kompetansematrise: {}";
    MatrixAbout => "As of {}, each person's level in each skill against their role's target.", "Per {}, hver ansatts nivå i hver kompetanse målt mot rollens målnivå.";
    MatrixNone => "Nobody present is in the matrix.", "Ingen ansatte er med i matrisen.";
    MatrixNoSkills => "No skill is assessed or asked for here.", "Ingen kompetanse er vurdert eller påkrevd her.";
    MatrixSkills => "Skills", "Kompetanser";
    MatrixBelow => "below target", "under mål", term "below";
    MatrixAt => "at target", "på mål", term "at";
    MatrixAbove => "above target", "over mål", term "above";
    MatrixNoTarget => "no target", "uten mål", term "no-target";
    MatrixUnassessed => "not assessed", "ikke vurdert";
    MatrixNoMark => "no mark: no target", "uten merke: uten mål";
    MatrixStale => "stale: assessed before {}", "foreldet: vurdert før {}";
    MatrixExpiring => "expires within {} days", "utløper innen {} dager";
    MatrixTarget => "target {}", "mål {}";
    MatrixAssessed => "assessed {}", "vurdert {}";
    MatrixExpires => "expires {}", "utløper {}";
    /// The marks of a cell: symbols, the same in both languages.
    MarkBelow => "↓", "↓";
    MarkAt => "=", "=";
    MarkAbove => "↑", "↑";
    MarkStale => "*", "*";
    MarkExpiring => "!", "!";
    MarkUnassessed => "·", "·";
    HeadStanding => "Against target", "Mot målnivå", csv "standing";
    HeadExpiring => "Expiring", "Utløper snart", csv "expiring";
    SheetMatrix => "Matrix", "Matrise";
    SheetTargets => "Targets", "Målnivåer";
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
        key.words()[self.lang as usize]
    }

    /// The language's code, for a page's `lang` attribute.
    pub fn code(self) -> &'static str {
        match self.lang {
            Lang::En => "en",
            Lang::Nb => "nb",
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
                out.push_str(&self.value(&arg.to_string()));
            }
            out.push_str(part);
        }
        out
    }

    /// A value as the language writes it: a date (a value that is exactly
    /// `YYYY-MM-DD`) is `14.03.2026` in Norwegian; anything else as it is.
    pub fn value(self, text: &str) -> std::borrow::Cow<'_, str> {
        let b = text.as_bytes();
        let iso = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if self.lang == Lang::Nb && iso {
            std::borrow::Cow::Owned(format!("{}.{}.{}", &text[8..10], &text[5..7], &text[..4]))
        } else {
            std::borrow::Cow::Borrowed(text)
        }
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
        let text = decimal_digits(value.abs(), decimals);
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let sign = if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
            "-"
        } else {
            ""
        };
        let mut out = String::with_capacity(text.len() + 8);
        out.push_str(sign);
        match self.lang {
            Lang::En => out.push_str(whole),
            Lang::Nb => out.push_str(&group(whole)),
        }
        if !fraction.is_empty() {
            out.push(match self.lang {
                Lang::En => '.',
                Lang::Nb => ',',
            });
            out.push_str(fraction);
        }
        out
    }

    /// Hours for people: whole numbers without decimals, others with one.
    pub fn hours(self, value: f64) -> String {
        if (value - value.round()).abs() < 0.005 {
            self.decimal(value.round(), 0)
        } else {
            self.decimal(value, 1)
        }
    }

    /// An amount of money for people: whole units and the currency's
    /// label, `1142000 NOK` / `1 142 000 NOK` (JSON and CSV keep it exact).
    pub fn money(self, amount: f64, currency: &str) -> String {
        format!("{} {currency}", self.decimal(amount.round(), 0))
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
/// `format!("{:.*}", decimals, value)` for a value from 0 up, without
/// the float formatter when the value is (the nearest double to) a whole
/// number of `decimals`-th parts: that number's digits are the correctly
/// rounded ones, since the value is then within half a unit in the last
/// place of it, far closer than half a `decimals`-th. Most hours, shares
/// and amounts are such numbers, and the formatter's exact mode costs
/// about a thousand instructions a call.
fn decimal_digits(value: f64, decimals: usize) -> String {
    const SCALES: [f64; 4] = [1.0, 10.0, 100.0, 1000.0];
    if let Some(&scale) = SCALES.get(decimals) {
        let n = (value * scale).round();
        if (0.0..2f64.powi(48)).contains(&n) && n / scale == value {
            let n = n as u64;
            let whole = (n / scale as u64).to_string();
            if decimals == 0 {
                return whole;
            }
            let fraction = n % scale as u64;
            return format!("{whole}.{fraction:0decimals$}");
        }
    }
    format!("{:.*}", decimals, value)
}

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
    fn decimal_digits_are_the_float_formatters() {
        let mut values = vec![
            0.0,
            0.05,
            0.15,
            0.25,
            0.35,
            0.45,
            1.0,
            1.5,
            2.5,
            12.75,
            13.2,
            37.5,
            99.95,
            99.99,
            0.1 + 0.2,
            1e15,
            123456789.125,
            2f64.powi(47),
            2f64.powi(49),
            1e300,
            f64::INFINITY,
            f64::NAN,
            f64::MIN_POSITIVE,
            0.000_4,
            0.000_5,
            0.000_6,
        ];
        // Every hundredth and thousandth of the first ten (shares, hours).
        values.extend((0..10_000).map(|i| f64::from(i) / 1000.0));
        values.extend((0..1_000).map(|i| f64::from(i) / 100.0 * 3.0));
        values.extend((0..1_000).map(|i| f64::from(i) / 7.0));
        for value in values {
            for decimals in 0..5 {
                assert_eq!(
                    decimal_digits(value, decimals),
                    format!("{:.*}", decimals, value),
                    "{value:?} to {decimals} decimals"
                );
            }
        }
    }

    #[test]
    fn every_key_is_in_both_catalogues_with_the_same_placeholders() {
        for &key in Key::ALL {
            for lang in [Lang::En, Lang::Nb] {
                assert!(
                    !Labels::new(lang).get(key).is_empty(),
                    "{key:?} in {lang:?}"
                );
            }
            let [en, nb] = key.words();
            assert_eq!(
                en.matches("{}").count(),
                nb.matches("{}").count(),
                "{key:?}: the two catalogues fill a different number of values"
            );
        }
        // ALL lists each key once (a key left out of ALL escapes the test).
        for (i, a) in Key::ALL.iter().enumerate() {
            assert!(!Key::ALL[i + 1..].contains(a), "{a:?} twice in Key::ALL");
        }
    }

    /// One word for each idea: wherever the English says one of these
    /// words, the Norwegian says the matching one (any inflection).
    #[test]
    fn one_norwegian_word_for_each_idea() {
        const GLOSSARY: &[(&str, &str)] = &[
            ("stale", "foreldet"),
            ("expired", "utløpt"),
            ("coverage", "dekning"),
            ("recruit", "rekrutter"),
            ("renew", "forny"),
            ("mentee", "adept"),
            ("mentees", "adept"),
            ("driver", "drivkraft"),
            ("priority", "prioritet"),
            ("interest", "interesse"),
            ("marketplace", "kompetansetorg"),
            ("horizon", "horisont"),
        ];
        let mut mismatches = Vec::new();
        for &key in Key::ALL {
            let [en, nb] = key.words();
            let en_words: Vec<String> = en
                .split(|c: char| !c.is_alphanumeric())
                .map(str::to_lowercase)
                .collect();
            for (word, norsk) in GLOSSARY {
                if en_words.iter().any(|w| w == word) && !nb.to_lowercase().contains(norsk) {
                    mismatches.push(format!("{key:?}: '{word}' is not '{norsk}' in \"{nb}\""));
                }
            }
        }
        assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
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
