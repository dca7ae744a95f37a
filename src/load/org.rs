//! Reads `org.toml`: every section of FORMAT.md, with defaults, straight
//! into the model's [`Organisation`] (its profiles still empty), reporting
//! every problem with its line and column.
//!
//! The document is walked by hand over toml's spanned tree rather than
//! deserialised with serde, so that one run reports every unknown key (with a
//! did-you-mean), every wrong type and every dangling reference, not only the
//! first. It reads no other file: the CSV files it names are returned as
//! [`FileRef`]s with the place that named them. The single-table sections
//! live here, the arrays of tables (`[[skill]]` ...) in `org_items`.

use std::ops::Range;
use std::path::{Path, PathBuf};

use toml::de::{DeTable, DeValue};

use crate::diagnostics::{Diagnostics, clip, did_you_mean};
use crate::load::LoadOptions;
use crate::load::fields::parse_date;
use crate::load::ids::Ids;
use crate::load::org_items::{
    HOURS_PER_LEVEL, Refs, parse_activity, parse_need, parse_requires, parse_skill, parse_unit,
};
use crate::load::toml_reader::{
    Ctx, LineIndex, Wrong, boolean, date, deepest_nesting, each_string, get, id_field, integer,
    string, table, tables, word_at,
};
use crate::model::source::plain_source;
use crate::model::{
    Date, Driver, LearningMix, Level, Organisation, Policy, Role, Scale, SourceRule, reference_date,
};

/// `[freshness] max_age_months`: 0 to 100 years.
pub(crate) const MAX_AGE_MONTHS: (i64, i64) = (0, 1200);
/// `[mix]` percentages.
pub(crate) const PERCENT: (i64, i64) = (0, 100);
/// `[capacity] hours_per_year`: none at all to every hour of a leap year.
pub(crate) const HOURS_PER_YEAR: (i64, i64) = (0, 8784);
/// `[plan] max_mentees`.
pub(crate) const MAX_MENTEES: (i64, i64) = (0, 10_000);
/// An amount of money (`[cost]`, `course_fee`): nothing to a trillion.
pub(crate) const MONEY: (i64, i64) = (0, 1_000_000_000_000);
/// `[scale] levels`: "none" plus 1 to 100 levels.
const SCALE_LEVELS: std::ops::RangeInclusive<usize> = 2..=101;

/// What only loading needs from org.toml besides the organisation: the
/// profile files to read and where each need's unit is written.
#[derive(Debug, Default)]
pub struct OrgRefs {
    pub people: Option<FileRef>,
    pub assessments: Vec<FileRef>,
    /// `[profiles] activities` (r3 "Activity log"); None: no log at all.
    pub activities: Option<Vec<FileRef>>,
    /// Where each need's `unit` is written (line, column), for later diagnostics.
    pub need_units: Vec<(usize, usize)>,
    /// `[profiles] allow_outside`: profile files may lie outside org.toml's folder.
    pub allow_outside: bool,
}

/// A file named in org.toml: its path (relative to org.toml's folder made
/// absolute-or-relative as the user gave org.toml) and where it was named.
#[derive(Debug, Clone)]
pub struct FileRef {
    pub path: PathBuf,
    /// The sheet after `#` in a workbook's name (`kartlegging.xlsx#Helse`).
    pub sheet: Option<String>,
    pub line: usize,
    pub column: usize,
}

/// The keys each table of org.toml accepts (`kompetanse schema` is tested
/// against these lists).
pub(crate) const ORGANISATION_KEYS: &[&str] = &["name", "as_of", "language"];
pub(crate) const SCALE_KEYS: &[&str] = &["levels", "descriptions"];
pub(crate) const MIX_KEYS: &[&str] = &[
    "preset",
    "experience",
    "social",
    "formal",
    "hours_per_level",
    "max_steps",
];
pub(crate) const FRESHNESS_KEYS: &[&str] = &["max_age_months"];
pub(crate) const CAPACITY_KEYS: &[&str] = &["hours_per_year"];
pub(crate) const PLAN_KEYS: &[&str] = &["max_mentees"];
pub(crate) const COST_KEYS: &[&str] = &[
    "currency",
    "hour",
    "experience_hour",
    "social_hour",
    "formal_hour",
    "recruit",
];
pub(crate) const ASSESSMENT_KEYS: &[&str] = &["prefer", "calibrate_at"];
pub(crate) const PROFILES_KEYS: &[&str] = &["people", "assessments", "activities", "allow_outside"];
pub(crate) const DRIVER_KEYS: &[&str] = &["id", "name"];
pub(crate) const ROLE_KEYS: &[&str] = &["id", "name", "requires", "titles"];
pub(crate) const TOP_KEYS: &[&str] = &[
    "organisation",
    "scale",
    "mix",
    "freshness",
    "capacity",
    "plan",
    "assessment",
    "cost",
    "profiles",
    "unit",
    "driver",
    "skill",
    "role",
    "need",
    "activity",
];

/// Parses org.toml's text. `path` is how diagnostics name the file; `dir` is
/// where relative profile paths start. The command line's `options` win over
/// the file; `default_name` and `today` are asked only when nothing gives a
/// name or reference date.
pub fn parse(
    path: &str,
    src: &str,
    dir: &Path,
    options: &LoadOptions,
    default_name: impl FnOnce() -> String,
    today: impl FnOnce() -> Date,
    diags: &mut Diagnostics,
) -> Option<(Organisation, OrgRefs)> {
    let lines = LineIndex::new(src);
    let (doc, errors) = DeTable::parse_recoverable(src);
    let mut ctx = Ctx { path, lines, diags };
    if !errors.is_empty() {
        for e in errors {
            // The recursion limit comes without a place: show the deepest one.
            let mut span = e.span().unwrap_or_else(|| {
                let at = deepest_nesting(src);
                at..at
            });
            let message = e.message().trim().replace('\n', " ");
            // Errors may point into the middle of a word: name the whole word.
            span.start = word_start(src, span.start);
            let word = &*clip(word_at(src, span.start));
            let message = if let Some(advice) = unquoted_date(word) {
                advice
            } else if message.starts_with("invalid unquoted key") && !word.is_ascii() {
                format!(
                    "a key with letters beyond a-z must be quoted: \"{word}\" (TOML allows only a-z, A-Z, 0-9, '-' and '_' in bare keys)"
                )
            } else if message == "duplicate key" && !word.is_empty() {
                format!("duplicate key '{word}'")
            } else if message.starts_with("invalid")
                && word.chars().any(char::is_alphabetic)
                && !matches!(word, "true" | "false")
            {
                format!("{message} (if '{word}' is text, quote it: \"{word}\")")
            } else {
                message
            };
            ctx.error(&span, format!("invalid TOML: {message}"));
        }
        return None;
    }
    let root = doc.get_ref();
    let mut org = Organisation::default();
    let mut refs = OrgRefs::default();
    ctx.check_keys(root, TOP_KEYS, "org.toml");

    let (mut name, mut as_of) = (None, None);
    if let Some(t) = table(&mut ctx, root, "organisation") {
        ctx.check_keys(t, ORGANISATION_KEYS, "[organisation]");
        name = string(&mut ctx, t, "name", "[organisation]").map(|(s, _)| s);
        as_of = date(&mut ctx, t, "as_of", "[organisation]");
        if let Some((code, span)) = string(&mut ctx, t, "language", "[organisation]") {
            match crate::model::DataLanguage::parse(&code) {
                Some(language) => org.language = Some(language),
                None => ctx.error(
                    &span,
                    format!(
                        "[organisation] language '{}' must be \"nb\", \"nn\" or \"en\" (the language the organisation's files are written in)",
                        crate::suggest::clip(&code)
                    ),
                ),
            }
        }
    }
    if let Some(t) = table(&mut ctx, root, "scale") {
        ctx.check_keys(t, SCALE_KEYS, "[scale]");
        if let Some(scale) = parse_scale(&mut ctx, t) {
            org.scale = scale;
        }
        if let Some(descriptions) = level_texts(&mut ctx, t, "descriptions", "[scale]", &org.scale)
        {
            org.scale.descriptions = descriptions;
        }
    }
    if let Some(t) = table(&mut ctx, root, "mix") {
        parse_mix(&mut ctx, t, &org.scale, &mut org.policy);
    }
    if let Some(t) = table(&mut ctx, root, "freshness") {
        ctx.check_keys(t, FRESHNESS_KEYS, "[freshness]");
        if let Some(n) = integer(&mut ctx, t, "max_age_months", "[freshness]", MAX_AGE_MONTHS) {
            org.policy.max_age_months = n as u32;
        }
    }
    if let Some(t) = table(&mut ctx, root, "capacity") {
        ctx.check_keys(t, CAPACITY_KEYS, "[capacity]");
        if let Some(n) = integer(&mut ctx, t, "hours_per_year", "[capacity]", HOURS_PER_YEAR) {
            org.policy.capacity = Some(n as f64);
        }
    }
    if let Some(t) = table(&mut ctx, root, "plan") {
        ctx.check_keys(t, PLAN_KEYS, "[plan]");
        if let Some(n) = integer(&mut ctx, t, "max_mentees", "[plan]", MAX_MENTEES) {
            org.policy.max_mentees = n as u32;
        }
    }
    if let Some(t) = table(&mut ctx, root, "assessment") {
        parse_assessment(&mut ctx, t, &org.scale, &mut org.policy.sources);
    }
    if let Some(t) = table(&mut ctx, root, "cost") {
        org.policy.cost = Some(parse_cost(&mut ctx, t));
    }
    if let Some(t) = table(&mut ctx, root, "profiles") {
        parse_profiles(&mut ctx, t, dir, &mut refs);
    }

    let mut unit_ids = Ids::default();
    for (t, span) in tables(&mut ctx, root, "unit") {
        org.declared_units
            .extend(parse_unit(&mut ctx, t, &span, &mut unit_ids));
    }

    let mut driver_ids = Ids::default();
    for (t, span) in tables(&mut ctx, root, "driver") {
        ctx.check_keys(t, DRIVER_KEYS, "[[driver]]");
        let id = id_field(&mut ctx, t, &span, "driver", &mut driver_ids, false);
        let name = string(&mut ctx, t, "name", "[[driver]]").map(|(s, _)| s);
        if let Some(id) = id {
            org.drivers.push(Driver {
                name: name.unwrap_or_else(|| id.clone()),
                id,
            });
        }
    }

    let mut skill_ids = Ids::default();
    // Skills being wound down (r3 `phase_out`), which no need may name.
    let mut phase_out = Ids::default();
    for (t, span) in tables(&mut ctx, root, "skill") {
        if let Some(skill) = parse_skill(&mut ctx, t, &span, &mut skill_ids, &org.scale) {
            if skill.phase_out {
                let at = get(t, "phase_out").map_or(span, |v| v.span());
                phase_out.push(&skill.id, ctx.line(&at));
            }
            org.skills.push(skill);
        }
    }
    let no_skills = match get(root, "skill").map(|v| v.get_ref()) {
        None => true,
        Some(DeValue::Array(items)) => items.is_empty(),
        Some(_) => false,
    };
    if no_skills {
        ctx.error(
            &(0..0),
            "no [[skill]] is defined: the skill catalogue needs at least one",
        );
    }

    let mut role_ids = Ids::default();
    // Folded job title -> the role that claimed it first: a title meaning
    // two roles could not be read as either.
    let mut claimed: rustc_hash::FxHashMap<String, String> = Default::default();
    for (t, span) in tables(&mut ctx, root, "role") {
        ctx.check_keys(t, ROLE_KEYS, "[[role]]");
        let id = id_field(&mut ctx, t, &span, "role", &mut role_ids, false);
        // FORMAT.md r3: a people file's role cell is matched ignoring case,
        // so two role ids that differ only in case could not be told apart.
        if let Some(id) = &id
            && let Some((other, line)) = role_ids.same_but_case(id)
        {
            let at = get(t, "id").map(|v| v.span()).unwrap_or(span.clone());
            ctx.error(
                &at,
                format!(
                    "role id '{id}' differs from '{other}' (line {line}) only in letter case: role ids are unique ignoring case"
                ),
            );
        }
        let name = string(&mut ctx, t, "name", "[[role]]").map(|(s, _)| s);
        let requires = parse_requires(&mut ctx, t, &org.scale, &skill_ids);
        let mut titles = Vec::new();
        if let Some(value) = get(t, "titles") {
            let wrong = Wrong {
                item: "each of 'titles' must be a job title",
                whole: "'titles' in [[role]] must be a list of job titles",
            };
            let this = id.clone().unwrap_or_default();
            each_string(&mut ctx, value, false, &wrong, |ctx, s, span| {
                let folded = crate::load::columns::fold(s);
                match claimed.get(&folded) {
                    Some(other) if *other != this => ctx.error(
                        &span,
                        format!("job title '{s}' is already a title of role '{other}': a title means one role"),
                    ),
                    _ => {
                        claimed.insert(folded, this.clone());
                    }
                }
                titles.push(s.to_string());
            });
        }
        if let Some(id) = id {
            org.roles.push(Role {
                name: name.unwrap_or_else(|| id.clone()),
                id,
                requires,
                titles,
            });
        }
    }

    let mut need_ids = Ids::default();
    for (t, span) in tables(&mut ctx, root, "need") {
        let known = Refs {
            skills: &skill_ids,
            roles: &role_ids,
            drivers: &driver_ids,
            phase_out: &phase_out,
        };
        if let Some(need) = parse_need(&mut ctx, t, &span, &org.scale, &known, &mut need_ids) {
            let at = get(t, "unit").map(|v| v.span()).unwrap_or(span);
            refs.need_units.push(ctx.lines.locate(at.start));
            org.needs.push(need);
        }
    }

    for (t, span) in tables(&mut ctx, root, "activity") {
        if let Some(activity) = parse_activity(&mut ctx, t, &span, &skill_ids) {
            org.activities.push(activity);
        }
    }
    org.name = name.unwrap_or_else(default_name);
    org.as_of = reference_date(options.as_of, as_of, today);
    if let Some(mix) = options.mix {
        org.policy.mix = mix;
    }
    org.default_catalogue = org.activities.is_empty();
    if org.default_catalogue {
        org.activities = crate::catalogue::default_activities();
    }
    Some((org, refs))
}

/// Where the bare word (key or value) that `offset` points into starts
/// (`offset` itself when it points at no word, e.g. the end of a line).
fn word_start(src: &str, offset: usize) -> usize {
    let in_word = |c: char| c.is_alphanumeric() || matches!(c, '_' | '-' | '.');
    let (Some(before), Some(at)) = (src.get(..offset), src.get(offset..)) else {
        return offset;
    };
    if !at.chars().next().is_some_and(in_word) {
        return offset;
    }
    before
        .char_indices()
        .rev()
        .find(|&(_, c)| !in_word(c))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// The advice for a TOML syntax error at `word` when it is an unquoted
/// Norwegian date (`by = 30.06.2027`, which TOML reads as a bad float).
fn unquoted_date(word: &str) -> Option<String> {
    let shaped = word.matches('.').count() == 2
        && word.len() >= 8
        && word.chars().all(|c| c.is_ascii_digit() || c == '.');
    if !shaped {
        return None;
    }
    let iso = parse_date(word).map_or("YYYY-MM-DD".to_string(), |d| d.to_string());
    Some(format!("write dates as {iso} (or quote them: \"{word}\")"))
}

/// A list of one text per level of `scale`, lowest first (FORMAT.md r3:
/// `[scale] descriptions`, `[[skill]] levels`): a list of another length,
/// or longer than the scale, is an error, never a quadratic surprise later.
pub(crate) fn level_texts(
    ctx: &mut Ctx,
    t: &DeTable<'_>,
    key: &str,
    section: &str,
    scale: &Scale,
) -> Option<Vec<String>> {
    let value = get(t, key)?;
    let DeValue::Array(items) = value.get_ref() else {
        ctx.error(
            &value.span(),
            format!("'{key}' in {section} must be a list of texts, one per level, lowest first"),
        );
        return None;
    };
    if items.len() != scale.levels.len() {
        ctx.error(
            &value.span(),
            format!(
                "'{key}' in {section} has {} texts; the scale has {} levels ({}), one text each, lowest first",
                items.len(),
                scale.levels.len(),
                scale.levels.join(", ")
            ),
        );
        return None;
    }
    let mut texts = Vec::with_capacity(items.len());
    for item in items.iter() {
        match item.get_ref() {
            DeValue::String(s) => texts.push(s.trim().to_string()),
            _ => {
                ctx.error(
                    &item.span(),
                    format!("each of '{key}' in {section} must be a text"),
                );
                return None;
            }
        }
    }
    Some(texts)
}

fn parse_scale(ctx: &mut Ctx, t: &DeTable<'_>) -> Option<Scale> {
    let value = get(t, "levels")?;
    let DeValue::Array(items) = value.get_ref() else {
        ctx.error(
            &value.span(),
            "'levels' in [scale] must be an array of level names",
        );
        return None;
    };
    let mut levels: Vec<String> = Vec::new();
    let mut ok = true;
    for item in items.iter() {
        match item.get_ref() {
            DeValue::String(s) if !s.trim().is_empty() && s.trim().parse::<u32>().is_err() => {
                let name = s.trim().to_string();
                if levels
                    .iter()
                    .any(|l| l.to_lowercase() == name.to_lowercase())
                {
                    ctx.error(
                        &item.span(),
                        format!("level name '{name}' appears twice in [scale]"),
                    );
                    ok = false;
                }
                levels.push(name);
            }
            _ => {
                ctx.error(
                    &item.span(),
                    "each level in [scale] must be a non-empty name that is not a number",
                );
                ok = false;
            }
        }
    }
    if ok && !SCALE_LEVELS.contains(&levels.len()) {
        ctx.error(
            &value.span(),
            "[scale] needs from 2 to 101 levels, the first being \"none\" (level 0)",
        );
        ok = false;
    }
    ok.then_some(Scale {
        levels,
        descriptions: Vec::new(),
    })
}

fn parse_mix(ctx: &mut Ctx, t: &DeTable<'_>, scale: &Scale, policy: &mut Policy) {
    const SECTION: &str = "[mix]";
    ctx.check_keys(t, MIX_KEYS, SECTION);
    let preset = string(ctx, t, "preset", SECTION);
    let parts: Vec<Option<i64>> = ["experience", "social", "formal"]
        .iter()
        .map(|k| integer(ctx, t, k, SECTION, PERCENT))
        .collect();
    let given: Vec<&str> = ["experience", "social", "formal"]
        .into_iter()
        .filter(|k| get(t, k).is_some())
        .collect();
    if let Some((name, span)) = preset {
        if !given.is_empty() {
            ctx.error(
                &span,
                "give either 'preset' or 'experience', 'social' and 'formal' in [mix], not both",
            );
        } else {
            match LearningMix::preset(&name) {
                Some(mix) => policy.mix = mix,
                None => ctx.error(
                    &span,
                    format!(
                        "unknown mix preset '{name}': use \"70-20-10\" or \"40-50-10\", or give experience, social and formal{}",
                        did_you_mean(&name, ["70-20-10", "40-50-10"])
                    ),
                ),
            }
        }
    } else if !given.is_empty() {
        let missing: Vec<&str> = ["experience", "social", "formal"]
            .into_iter()
            .filter(|k| !given.contains(k))
            .collect();
        let span = get(t, given[0]).map(|v| v.span()).unwrap_or(0..0);
        if !missing.is_empty() {
            ctx.error(
                &span,
                format!(
                    "[mix] gives {} but not {}: a custom mix needs all three percentages",
                    given.join(", "),
                    missing.join(", ")
                ),
            );
        } else if let [Some(e), Some(s), Some(f)] = parts[..] {
            let mix = LearningMix {
                experience: e as u32,
                social: s as u32,
                formal: f as u32,
            };
            match mix.check() {
                Ok(()) => policy.mix = mix,
                Err(message) => ctx.error(&span, message),
            }
        }
    }
    if let Some(n) = integer(ctx, t, "hours_per_level", SECTION, HOURS_PER_LEVEL) {
        policy.hours_per_level = n as u32;
    }
    if let Some(n) = integer(ctx, t, "max_steps", SECTION, (0, scale.top() as i64)) {
        policy.max_steps = n as Level;
    }
}

/// `[assessment]` (FORMAT.md r3): `prefer`, a list of sources (each once),
/// and `calibrate_at`, 1 to the top level.
fn parse_assessment(ctx: &mut Ctx, t: &DeTable<'_>, scale: &Scale, rule: &mut SourceRule) {
    ctx.check_keys(t, ASSESSMENT_KEYS, "[assessment]");
    if let Some(value) = get(t, "prefer") {
        let wrong = Wrong {
            item: "each source in 'prefer' must be a string such as \"manager\"",
            whole: "'prefer' in [assessment] must be a list of sources, such as [\"certificate\", \"manager\", \"self\"]",
        };
        each_string(ctx, value, false, &wrong, |ctx, s, span| {
            let plain = plain_source(s);
            if plain.is_empty() {
                ctx.error(&span, "a source in 'prefer' is empty");
            } else if rule.prefer.contains(&plain) {
                ctx.error(
                    &span,
                    format!("source '{}' is listed twice in 'prefer'", clip(s)),
                );
            } else {
                rule.prefer.push(plain);
            }
        });
    }
    let top = i64::from(scale.top()).max(1);
    if let Some(n) = integer(ctx, t, "calibrate_at", "[assessment]", (1, top)) {
        rule.calibrate_at = n as Level;
    }
}

/// `[cost]` (FORMAT.md r3 "Cost"): the currency label and the rates, each
/// a whole amount; absent rates are 0 and a mode without its own hour cost
/// takes `hour`.
fn parse_cost(ctx: &mut Ctx, t: &DeTable<'_>) -> crate::model::CostRates {
    const SECTION: &str = "[cost]";
    ctx.check_keys(t, COST_KEYS, SECTION);
    let mut rates = crate::model::CostRates::default();
    if let Some((currency, at)) = string(ctx, t, "currency", SECTION) {
        if currency.trim().is_empty() {
            ctx.error(
                &at,
                "[cost] currency must not be empty (a label such as \"NOK\")",
            );
        } else {
            rates.currency = currency.trim().to_string();
        }
    }
    let amount = |ctx: &mut Ctx, key: &str| integer(ctx, t, key, SECTION, MONEY).map(|n| n as u64);
    rates.hour = amount(ctx, "hour").unwrap_or(0);
    for (i, key) in ["experience_hour", "social_hour", "formal_hour"]
        .into_iter()
        .enumerate()
    {
        rates.mode_hour[i] = amount(ctx, key);
    }
    rates.recruit = amount(ctx, "recruit").unwrap_or(0);
    rates
}

fn parse_profiles(ctx: &mut Ctx, t: &DeTable<'_>, dir: &Path, refs: &mut OrgRefs) {
    ctx.check_keys(t, PROFILES_KEYS, "[profiles]");
    let file_ref = |ctx: &Ctx, name: &str, span: &Range<usize>| {
        let (line, column) = ctx.lines.locate(span.start);
        // `book.xlsx#Sheet`: only a workbook's name is split at `#`.
        let (name, sheet) = match name.rsplit_once('#') {
            Some((book, sheet)) if crate::load::workbook::is_workbook(Path::new(book)) => {
                (book, Some(sheet.to_string()))
            }
            _ => (name, None),
        };
        FileRef {
            path: dir.join(name),
            sheet,
            line,
            column,
        }
    };
    if let Some((name, span)) = string(ctx, t, "people", "[profiles]") {
        refs.people = Some(file_ref(ctx, &name, &span));
    }
    if let Some(allow) = boolean(ctx, t, "allow_outside", "[profiles]") {
        refs.allow_outside = allow;
    }
    if let Some(value) = get(t, "assessments") {
        let wrong = Wrong {
            item: "each assessment file must be a path string",
            whole: "'assessments' in [profiles] must be a path or a list of paths",
        };
        each_string(ctx, value, true, &wrong, |ctx, s, span| {
            refs.assessments.push(file_ref(ctx, s, &span));
        });
    }
    if let Some(value) = get(t, "activities") {
        let wrong = Wrong {
            item: "each activity log must be a path string",
            whole: "'activities' in [profiles] must be a path or a list of paths",
        };
        let files = refs.activities.get_or_insert_with(Vec::new);
        each_string(ctx, value, true, &wrong, |ctx, s, span| {
            files.push(file_ref(ctx, s, &span));
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SkillKind;

    fn parse_str(src: &str) -> (Option<Organisation>, Vec<String>) {
        let mut d = Diagnostics::default();
        let today = || jiff::civil::date(2026, 1, 1);
        let options = LoadOptions::default();
        let org = parse(
            "org.toml",
            src,
            Path::new("."),
            &options,
            || "test".into(),
            today,
            &mut d,
        )
        .map(|(org, _)| org);
        (org, d.into_vec().iter().map(|d| d.to_string()).collect())
    }

    #[test]
    fn defaults_apply() {
        let (org, diags) = parse_str("[[skill]]\nid = \"rust\"\n");
        assert!(diags.is_empty(), "{diags:?}");
        let org = org.unwrap();
        assert_eq!(org.policy, Policy::default());
        assert_eq!(org.scale, Scale::default());
        assert_eq!(org.skills[0].name, "rust");
        assert_eq!(org.skills[0].kind, SkillKind::Breadth);
    }

    #[test]
    fn default_need_ids() {
        let (org, diags) = parse_str(
            "[[skill]]\nid='rust'\n[[role]]\nid='be'\n[[need]]\nskill='rust'\nlevel=2\ncount=1\n\
             [[need]]\nskill='rust'\nlevel=2\ncount=1\nunit='it/platform'\nrole='be'\n",
        );
        assert!(diags.is_empty(), "{diags:?}");
        let ids: Vec<String> = org.unwrap().needs.into_iter().map(|n| n.id).collect();
        assert_eq!(ids, ["rust@*", "rust@it/platform#be"]);
    }

    #[test]
    fn every_problem_is_reported() {
        let (_, diags) = parse_str(
            "[mixx]\n[[skill]]\nid='rust'\nknd='specialist'\n[[need]]\nskill='rsut'\nlevel=9\ncount=0\n",
        );
        assert_eq!(
            diags,
            [
                "org.toml:1:2: error: unknown key 'mixx' in org.toml (did you mean 'mix'?)",
                "org.toml:4:1: error: unknown key 'knd' in [[skill]] (did you mean 'kind'?)",
                "org.toml:6:7: error: unknown skill 'rsut' (did you mean 'rust'?)",
                "org.toml:7:7: error: need level 9 is not a level from 1 to 4 (basic, working, advanced, expert)",
                "org.toml:8:7: error: 'count' in [[need]] must be at least 1, not 0",
            ]
        );
    }

    #[test]
    fn custom_mix_must_sum_to_100() {
        let (_, diags) =
            parse_str("[mix]\nexperience=50\nsocial=30\nformal=10\n[[skill]]\nid='a'\n");
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(diags[0].contains("must sum to 100"), "{diags:?}");
        let (org, diags) =
            parse_str("[mix]\nexperience=50\nsocial=40\nformal=10\n[[skill]]\nid='a'\n");
        assert!(diags.is_empty());
        assert_eq!(
            org.unwrap().policy.mix,
            LearningMix {
                experience: 50,
                social: 40,
                formal: 10
            }
        );
    }

    #[test]
    fn the_nordvik_example_parses() {
        let (org, diags) = parse_str(include_str!("../../examples/nordvik-kommune/org.toml"));
        assert!(diags.is_empty(), "{diags:?}");
        let org = org.unwrap();
        let units: Vec<&str> = org.declared_units.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(
            units,
            [
                "helse/sykehjem",
                "helse/hjemmetjeneste",
                "oppvekst/barnehage"
            ]
        );
        assert_eq!(
            org.declared_units[0].name.as_deref(),
            Some("Nordvik sykehjem")
        );
        assert_eq!(org.skills[0].id, "førstehjelp");
        // Quoted æøå keys in `requires` resolve to their skills.
        let nurse = &org.roles[0];
        let required: Vec<&str> = nurse
            .requires
            .iter()
            .map(|&(s, _)| org.skills[s].id.as_str())
            .collect();
        assert_eq!(
            required,
            ["legemiddelhåndtering", "førstehjelp", "dokumentasjon"]
        );
        assert_eq!(org.needs.len(), 5);
        assert_eq!(org.needs[1].level, 3, "level = \"avansert\"");
    }

    #[test]
    fn dates_in_org_toml() {
        let (org, diags) = parse_str(
            "[organisation]\nas_of = \"26.11.2026\"\n[[skill]]\nid='a'\n\
             [[need]]\nskill='a'\nlevel=1\ncount=1\nby='1.7.2027'\n",
        );
        assert!(diags.is_empty(), "{diags:?}");
        let org = org.unwrap();
        assert_eq!(org.as_of, jiff::civil::date(2026, 11, 26));
        assert_eq!(org.needs[0].by, Some(jiff::civil::date(2027, 7, 1)));

        let (_, diags) = parse_str("[organisation]\nas_of = 26.11.2026\n[[skill]]\nid='a'\n");
        assert_eq!(
            diags,
            [
                "org.toml:2:9: error: invalid TOML: write dates as 2026-11-26 (or quote them: \"26.11.2026\")"
            ]
        );
        let (_, diags) = parse_str("[organisation]\nas_of = '01/02/2026'\n[[skill]]\nid='a'\n");
        assert_eq!(
            diags,
            [
                "org.toml:2:9: error: 'as_of' in [organisation]: '01/02/2026' is ambiguous (day/month or month/day?): write it as YYYY-MM-DD or DD.MM.YYYY"
            ]
        );
    }

    #[test]
    fn bare_keys_beyond_a_to_z_must_be_quoted() {
        let (_, diags) = parse_str(
            "[[skill]]\nid='førstehjelp'\n[[role]]\nid='x'\nrequires = { førstehjelp = 2 }\n",
        );
        assert_eq!(
            diags,
            [
                "org.toml:5:14: error: invalid TOML: a key with letters beyond a-z must be quoted: \"førstehjelp\" (TOML allows only a-z, A-Z, 0-9, '-' and '_' in bare keys)"
            ]
        );
    }

    #[test]
    fn a_rejected_skill_id_is_one_error() {
        let (_, diags) = parse_str(
            "[[skill]]\nid='first aid'\n[[role]]\nid='r'\nrequires={'first aid'=2}\n\
             [[need]]\nskill='first aid'\nlevel=1\ncount=1\n\
             [[activity]]\nname='c'\nmode='formal'\nskills=['first aid']\n",
        );
        assert_eq!(
            diags,
            [
                "org.toml:2:4: error: skill id 'first aid' may only use letters, digits, '_', '.' and '-'"
            ]
        );
        let (_, diags) =
            parse_str("[[skill]]\nid='Språk'\n[[skill]]\nid='SPRÅK'\n[[skill]]\nid='Navn'\n");
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert!(
            diags[0].contains("differs from 'Språk' (line 2) only in case"),
            "{diags:?}"
        );
        assert!(diags[1].contains("'Navn' is a column name"), "{diags:?}");
    }

    #[test]
    fn unit_declarations() {
        let (org, diags) = parse_str(
            "[[unit]]\nid='/helse/sykehjem/'\nname='Sykehjemmet'\n[[unit]]\nid='helse/sykehjem'\n\
             [[unit]]\nid='a b'\n[[unit]]\nnavn='x'\n[[skill]]\nid='s'\n",
        );
        assert_eq!(
            diags,
            [
                "org.toml:5:4: error: duplicate unit 'helse/sykehjem' (first declared on line 2)",
                "org.toml:7:4: error: unit 'a b': 'a b' may only use letters, digits, '_', '.' and '-'",
                "org.toml:8:1: error: [[unit]] has no 'id' (a unit path like \"helse/sykehjem\")",
                "org.toml:9:1: error: unknown key 'navn' in [[unit]]",
            ]
        );
        let units = org.unwrap().declared_units;
        assert_eq!(units.len(), 1);
        assert_eq!(
            (units[0].id.as_str(), units[0].name.as_deref()),
            ("helse/sykehjem", Some("Sykehjemmet"))
        );
    }
}
