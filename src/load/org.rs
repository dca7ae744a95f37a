//! Reads `org.toml`: every section of FORMAT.md, with defaults, into the
//! model, reporting every problem with its line and column.
//!
//! The document is walked by hand over toml's spanned tree rather than
//! deserialised with serde, so that one run reports every unknown key (with a
//! did-you-mean), every wrong type and every dangling reference, not only the
//! first. It reads no other file: the CSV files it names are returned as paths
//! with the line that named them.

use std::ops::Range;
use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::model::{
    Activity, ActivityKind, Date, Driver, LearningMix, Level, Mode, Need, Policy, Priority, Role,
    Scale, Skill, SkillKind,
};
use crate::validate::{Diagnostics, did_you_mean};

type Value<'i> = Spanned<DeValue<'i>>;

/// What org.toml says, before the profile files are read.
#[derive(Debug, Default)]
pub struct OrgFile {
    pub name: Option<String>,
    pub as_of: Option<Date>,
    pub scale: Scale,
    pub policy: Policy,
    pub drivers: Vec<Driver>,
    pub skills: Vec<Skill>,
    pub roles: Vec<Role>,
    pub needs: Vec<Need>,
    /// Where each need's `unit` is written (line, column), for later diagnostics.
    pub need_units: Vec<(usize, usize)>,
    pub activities: Vec<Activity>,
    pub people: Option<FileRef>,
    pub assessments: Vec<FileRef>,
}

/// A file named in org.toml: its path (relative to org.toml's folder made
/// absolute-or-relative as the user gave org.toml) and where it was named.
#[derive(Debug, Clone)]
pub struct FileRef {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
}

/// Byte offset -> (line, column), both from 1; columns count characters.
pub struct LineIndex<'a> {
    src: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(src: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(src.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { src, starts }
    }

    pub fn locate(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.src.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let column = self
            .src
            .get(start..offset)
            .map(|s| s.chars().count())
            .unwrap_or(0);
        (line + 1, column + 1)
    }
}

struct Ctx<'a> {
    path: &'a str,
    lines: LineIndex<'a>,
    diags: &'a mut Diagnostics,
}

impl Ctx<'_> {
    fn error(&mut self, span: &Range<usize>, message: impl Into<String>) {
        let (line, column) = self.lines.locate(span.start);
        self.diags.error_at(self.path, line, column, message);
    }

    fn warning(&mut self, span: &Range<usize>, message: impl Into<String>) {
        let (line, _) = self.lines.locate(span.start);
        self.diags.warning(self.path, Some(line), message);
    }

    fn line(&self, span: &Range<usize>) -> usize {
        self.lines.locate(span.start).0
    }

    /// Reports keys of `table` that are not in `allowed`.
    fn check_keys(&mut self, table: &DeTable<'_>, allowed: &[&str], section: &str) {
        for (key, _) in table.iter() {
            let name: &str = key.get_ref();
            if !allowed.contains(&name) {
                let hint = did_you_mean(name, allowed.iter().copied());
                let span = key.span();
                self.error(&span, format!("unknown key '{name}' in {section}{hint}"));
            }
        }
    }
}

fn get<'t, 'i>(table: &'t DeTable<'i>, key: &str) -> Option<&'t Value<'i>> {
    table
        .iter()
        .find(|(k, _)| k.get_ref().as_ref() == key)
        .map(|(_, v)| v)
}

fn type_name(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

fn string(
    ctx: &mut Ctx,
    table: &DeTable<'_>,
    key: &str,
    section: &str,
) -> Option<(String, Range<usize>)> {
    let value = get(table, key)?;
    match value.get_ref() {
        DeValue::String(s) => Some((s.to_string(), value.span())),
        other => {
            ctx.error(
                &value.span(),
                format!(
                    "'{key}' in {section} must be a string, not {}",
                    type_name(other)
                ),
            );
            None
        }
    }
}

fn integer(
    ctx: &mut Ctx,
    table: &DeTable<'_>,
    key: &str,
    section: &str,
    range: (i64, i64),
) -> Option<i64> {
    let value = get(table, key)?;
    let parsed = match value.get_ref() {
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).ok(),
        _ => None,
    };
    match parsed {
        Some(n) if n >= range.0 && n <= range.1 => Some(n),
        Some(n) => {
            let bound = if range.1 >= u32::MAX as i64 && n < range.0 {
                format!("at least {}", range.0)
            } else if range.1 >= u32::MAX as i64 {
                format!("at most {}", range.1)
            } else {
                format!("from {} to {}", range.0, range.1)
            };
            ctx.error(
                &value.span(),
                format!("'{key}' in {section} must be {bound}, not {n}"),
            );
            None
        }
        None => {
            let what = match value.get_ref() {
                DeValue::Integer(i) => format!("{} (too large)", i.as_str()),
                DeValue::Float(f) => f.as_str().to_string(),
                other => type_name(other).to_string(),
            };
            ctx.error(
                &value.span(),
                format!("'{key}' in {section} must be a whole number, not {what}"),
            );
            None
        }
    }
}

fn boolean(ctx: &mut Ctx, table: &DeTable<'_>, key: &str, section: &str) -> Option<bool> {
    let value = get(table, key)?;
    match value.get_ref() {
        DeValue::Boolean(b) => Some(*b),
        other => {
            ctx.error(
                &value.span(),
                format!(
                    "'{key}' in {section} must be true or false, not {}",
                    type_name(other)
                ),
            );
            None
        }
    }
}

/// Why `text` is not an ISO date, for messages: "'2026-13-01' is not a real date".
pub fn date_problem(text: &str) -> String {
    let b = text.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if shaped {
        format!("'{text}' is not a real date")
    } else {
        format!("'{text}' is not a date like 2026-03-31 (YYYY-MM-DD)")
    }
}

/// Parses an ISO date (`2027-06-30`).
pub fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim();
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digits = |range: std::ops::Range<usize>| {
        b[range].iter().try_fold(0i16, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + (c - b'0') as i16)
        })
    };
    let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    Date::new(year, month as i8, day as i8).ok()
}

fn date(ctx: &mut Ctx, table: &DeTable<'_>, key: &str, section: &str) -> Option<Date> {
    let value = get(table, key)?;
    let parsed = match value.get_ref() {
        DeValue::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => dt
            .date
            .and_then(|d| Date::new(d.year as i16, d.month as i8, d.day as i8).ok()),
        DeValue::String(s) => parse_date(s),
        _ => None,
    };
    if parsed.is_none() {
        let problem = match value.get_ref() {
            DeValue::String(s) => date_problem(s),
            DeValue::Datetime(_) => "give a date without a time or offset".to_string(),
            other => format!("{} is not a date", type_name(other)),
        };
        ctx.error(
            &value.span(),
            format!("'{key}' in {section}: {problem}; write it like 2027-06-30"),
        );
    }
    parsed
}

fn level(ctx: &mut Ctx, scale: &Scale, value: &Value<'_>, what: &str, min: Level) -> Option<Level> {
    let parsed = match value.get_ref() {
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
            .ok()
            .filter(|n| (0..=scale.top() as i64).contains(n))
            .map(|n| n as Level),
        DeValue::String(s) => scale.parse(s),
        _ => None,
    };
    match parsed {
        Some(l) if l >= min => Some(l),
        _ => {
            let shown = match value.get_ref() {
                DeValue::String(s) => format!("'{s}'"),
                DeValue::Integer(i) => i.as_str().to_string(),
                DeValue::Float(f) => {
                    let text = f.as_str().to_string();
                    ctx.error(
                        &value.span(),
                        format!("{what} {text} must be a whole number or a level name"),
                    );
                    return None;
                }
                other => type_name(other).to_string(),
            };
            let names: Vec<&str> = scale.levels.iter().map(String::as_str).collect();
            let hint = match value.get_ref() {
                DeValue::String(s) => did_you_mean(s, names.iter().copied()),
                _ => String::new(),
            };
            ctx.error(
                &value.span(),
                format!(
                    "{what} {shown} is not a level from {min} to {} ({}){hint}",
                    scale.top(),
                    names[min as usize..].join(", ")
                ),
            );
            None
        }
    }
}

fn table<'t, 'i>(ctx: &mut Ctx, root: &'t DeTable<'i>, key: &str) -> Option<&'t DeTable<'i>> {
    let value = get(root, key)?;
    match value.get_ref() {
        DeValue::Table(t) => Some(t),
        other => {
            ctx.error(
                &value.span(),
                format!(
                    "'{key}' must be a table ([{key}]), not {}",
                    type_name(other)
                ),
            );
            None
        }
    }
}

/// The tables of an array of tables (`[[skill]]`), with their spans.
fn tables<'t, 'i>(
    ctx: &mut Ctx,
    root: &'t DeTable<'i>,
    key: &str,
) -> Vec<(&'t DeTable<'i>, Range<usize>)> {
    let Some(value) = get(root, key) else {
        return Vec::new();
    };
    let items = match value.get_ref() {
        DeValue::Array(items) => items,
        other => {
            ctx.error(
                &value.span(),
                format!(
                    "'{key}' must be an array of tables ([[{key}]]), not {}",
                    type_name(other)
                ),
            );
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for item in items.iter() {
        match item.get_ref() {
            DeValue::Table(t) => out.push((t, item.span())),
            other => ctx.error(
                &item.span(),
                format!(
                    "each '{key}' must be a table ([[{key}]]), not {}",
                    type_name(other)
                ),
            ),
        }
    }
    out
}

/// The bare word (key or value) starting at `offset`, for messages.
fn word_at(src: &str, offset: usize) -> &str {
    let rest = src.get(offset..).unwrap_or("");
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '.')))
        .unwrap_or(rest.len());
    &rest[..end]
}

/// Column names of assessment files, which skill ids may not take.
const RESERVED_COLUMNS: &[&str] = &[
    "person", "id", "name", "unit", "role", "assessed", "skill", "level", "expires", "source",
    "interest",
];

/// True for ids made of `[A-Za-z0-9_.-]+`.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
}

/// Normalises a unit path (`/it/platform/` -> `it/platform`); None when it has an empty level.
pub fn normalise_unit(text: &str) -> Option<String> {
    let trimmed = text.trim().trim_matches('/');
    if trimmed.is_empty() || trimmed.split('/').any(|part| part.trim().is_empty()) {
        return None;
    }
    Some(
        trimmed
            .split('/')
            .map(str::trim)
            .collect::<Vec<_>>()
            .join("/"),
    )
}

/// An id field: required, and unique among `seen` (id, line).
fn id_field(
    ctx: &mut Ctx,
    t: &DeTable<'_>,
    span: &Range<usize>,
    section: &str,
    seen: &mut Vec<(String, usize)>,
    charset: bool,
) -> Option<String> {
    let Some((id, id_span)) = string(ctx, t, "id", section) else {
        if get(t, "id").is_none() {
            ctx.error(span, format!("{section} has no 'id'"));
        }
        return None;
    };
    if id.trim().is_empty() {
        ctx.error(&id_span, format!("{section} id is empty"));
        return None;
    }
    if charset && !valid_id(&id) {
        ctx.error(
            &id_span,
            format!("{section} id '{id}' may only use letters, digits, '_', '.' and '-'"),
        );
        return None;
    }
    let line = ctx.line(&id_span);
    if let Some((_, first)) = seen.iter().find(|(s, _)| *s == id) {
        ctx.error(
            &id_span,
            format!("duplicate {section} id '{id}' (first defined on line {first})"),
        );
        return None;
    }
    seen.push((id.clone(), line));
    Some(id)
}

/// Looks an id up among `ids`, reporting a miss with a suggestion.
fn reference(
    ctx: &mut Ctx,
    span: &Range<usize>,
    what: &str,
    id: &str,
    ids: &[(String, usize)],
) -> Option<usize> {
    let found = ids.iter().position(|(s, _)| s == id);
    if found.is_none() {
        let hint = did_you_mean(id, ids.iter().map(|(s, _)| s.as_str()));
        let declared = if ids.is_empty() {
            format!(" (no [[{what}]] is defined)")
        } else {
            String::new()
        };
        ctx.error(span, format!("unknown {what} '{id}'{hint}{declared}"));
    }
    found
}

const TOP_KEYS: &[&str] = &[
    "organisation",
    "scale",
    "mix",
    "freshness",
    "profiles",
    "driver",
    "skill",
    "role",
    "need",
    "activity",
];

/// Parses org.toml's text. `path` is how diagnostics name the file; `dir` is
/// where relative profile paths start.
pub fn parse(path: &str, src: &str, dir: &Path, diags: &mut Diagnostics) -> Option<OrgFile> {
    let lines = LineIndex::new(src);
    let (doc, errors) = DeTable::parse_recoverable(src);
    let mut ctx = Ctx { path, lines, diags };
    if !errors.is_empty() {
        for e in errors {
            let span = e.span().unwrap_or(0..0);
            let message = e.message().trim().replace('\n', " ");
            let word = word_at(src, span.start);
            let message = if message == "duplicate key" && !word.is_empty() {
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
    let mut org = OrgFile::default();
    ctx.check_keys(root, TOP_KEYS, "org.toml");

    if let Some(t) = table(&mut ctx, root, "organisation") {
        ctx.check_keys(t, &["name", "as_of"], "[organisation]");
        org.name = string(&mut ctx, t, "name", "[organisation]").map(|(s, _)| s);
        org.as_of = date(&mut ctx, t, "as_of", "[organisation]");
    }
    if let Some(t) = table(&mut ctx, root, "scale") {
        ctx.check_keys(t, &["levels"], "[scale]");
        if let Some(scale) = parse_scale(&mut ctx, t) {
            org.scale = scale;
        }
    }
    if let Some(t) = table(&mut ctx, root, "mix") {
        parse_mix(&mut ctx, t, &org.scale, &mut org.policy);
    }
    if let Some(t) = table(&mut ctx, root, "freshness") {
        ctx.check_keys(t, &["max_age_months"], "[freshness]");
        if let Some(n) = integer(&mut ctx, t, "max_age_months", "[freshness]", (0, 1200)) {
            org.policy.max_age_months = n as u32;
        }
    }
    if let Some(t) = table(&mut ctx, root, "profiles") {
        parse_profiles(&mut ctx, t, dir, &mut org);
    }

    let mut driver_ids = Vec::new();
    for (t, span) in tables(&mut ctx, root, "driver") {
        ctx.check_keys(t, &["id", "name"], "[[driver]]");
        let id = id_field(&mut ctx, t, &span, "driver", &mut driver_ids, false);
        let name = string(&mut ctx, t, "name", "[[driver]]").map(|(s, _)| s);
        if let Some(id) = id {
            org.drivers.push(Driver {
                name: name.unwrap_or_else(|| id.clone()),
                id,
            });
        }
    }

    let mut skill_ids = Vec::new();
    for (t, span) in tables(&mut ctx, root, "skill") {
        if let Some(skill) = parse_skill(&mut ctx, t, &span, &mut skill_ids) {
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

    let mut role_ids = Vec::new();
    for (t, span) in tables(&mut ctx, root, "role") {
        ctx.check_keys(t, &["id", "name", "requires"], "[[role]]");
        let id = id_field(&mut ctx, t, &span, "role", &mut role_ids, false);
        let name = string(&mut ctx, t, "name", "[[role]]").map(|(s, _)| s);
        let requires = parse_requires(&mut ctx, t, &org.scale, &skill_ids);
        if let Some(id) = id {
            org.roles.push(Role {
                name: name.unwrap_or_else(|| id.clone()),
                id,
                requires,
            });
        }
    }

    let mut need_ids = Vec::new();
    for (t, span) in tables(&mut ctx, root, "need") {
        let refs = Refs {
            skills: &skill_ids,
            roles: &role_ids,
            drivers: &driver_ids,
        };
        if let Some(need) = parse_need(&mut ctx, t, &span, &org.scale, &refs, &mut need_ids) {
            let at = get(t, "unit").map(|v| v.span()).unwrap_or(span);
            org.need_units.push(ctx.lines.locate(at.start));
            org.needs.push(need);
        }
    }

    for (t, span) in tables(&mut ctx, root, "activity") {
        if let Some(activity) = parse_activity(&mut ctx, t, &span, &skill_ids) {
            org.activities.push(activity);
        }
    }
    Some(org)
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
    if ok && !(2..=101).contains(&levels.len()) {
        ctx.error(
            &value.span(),
            "[scale] needs from 2 to 101 levels, the first being \"none\" (level 0)",
        );
        ok = false;
    }
    ok.then_some(Scale { levels })
}

fn parse_mix(ctx: &mut Ctx, t: &DeTable<'_>, scale: &Scale, policy: &mut Policy) {
    const SECTION: &str = "[mix]";
    ctx.check_keys(
        t,
        &[
            "preset",
            "experience",
            "social",
            "formal",
            "hours_per_level",
            "max_steps",
        ],
        SECTION,
    );
    let preset = string(ctx, t, "preset", SECTION);
    let parts: Vec<Option<i64>> = ["experience", "social", "formal"]
        .iter()
        .map(|k| integer(ctx, t, k, SECTION, (0, 100)))
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
    if let Some(n) = integer(ctx, t, "hours_per_level", SECTION, (1, 100_000)) {
        policy.hours_per_level = n as u32;
    }
    if let Some(n) = integer(ctx, t, "max_steps", SECTION, (0, scale.top() as i64)) {
        policy.max_steps = n as Level;
    }
}

fn parse_profiles(ctx: &mut Ctx, t: &DeTable<'_>, dir: &Path, org: &mut OrgFile) {
    ctx.check_keys(t, &["people", "assessments"], "[profiles]");
    let file_ref = |ctx: &Ctx, name: &str, span: &Range<usize>| {
        let (line, column) = ctx.lines.locate(span.start);
        FileRef {
            path: dir.join(name),
            line,
            column,
        }
    };
    if let Some((name, span)) = string(ctx, t, "people", "[profiles]") {
        org.people = Some(file_ref(ctx, &name, &span));
    }
    if let Some(value) = get(t, "assessments") {
        match value.get_ref() {
            DeValue::String(s) => org.assessments.push(file_ref(ctx, s, &value.span())),
            DeValue::Array(items) => {
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::String(s) => org.assessments.push(file_ref(ctx, s, &item.span())),
                        other => ctx.error(
                            &item.span(),
                            format!(
                                "each assessment file must be a path string, not {}",
                                type_name(other)
                            ),
                        ),
                    }
                }
            }
            other => ctx.error(
                &value.span(),
                format!(
                    "'assessments' in [profiles] must be a path or a list of paths, not {}",
                    type_name(other)
                ),
            ),
        }
    }
}

fn parse_skill(
    ctx: &mut Ctx,
    t: &DeTable<'_>,
    span: &Range<usize>,
    ids: &mut Vec<(String, usize)>,
) -> Option<Skill> {
    const SECTION: &str = "[[skill]]";
    ctx.check_keys(
        t,
        &["id", "name", "kind", "group", "hours_per_level", "esco"],
        SECTION,
    );
    let id = id_field(ctx, t, span, "skill", ids, true).and_then(|id| {
        // Skill ids are column names in wide assessment files, where
        // headers ignore case and some names are taken.
        let at = get(t, "id").map(|v| v.span()).unwrap_or(span.clone());
        if RESERVED_COLUMNS.iter().any(|c| c.eq_ignore_ascii_case(&id)) {
            ctx.error(
                &at,
                format!("skill id '{id}' is a column name of assessment files; choose another id"),
            );
            return None;
        }
        let same = ids
            .iter()
            .find(|(other, _)| *other != id && other.eq_ignore_ascii_case(&id));
        if let Some((other, line)) = same {
            ctx.error(
                &at,
                format!(
                    "skill id '{id}' differs from '{other}' (line {line}) only in case; CSV headers ignore case, so skill ids must too"
                ),
            );
            return None;
        }
        Some(id)
    });
    let name = string(ctx, t, "name", SECTION).map(|(s, _)| s);
    let kind = match string(ctx, t, "kind", SECTION) {
        None => SkillKind::Breadth,
        Some((k, kspan)) => match k.trim().to_lowercase().as_str() {
            "breadth" => SkillKind::Breadth,
            "specialist" => SkillKind::Specialist,
            _ => {
                ctx.error(
                    &kspan,
                    format!(
                        "skill kind '{k}' must be \"breadth\" or \"specialist\"{}",
                        did_you_mean(&k, ["breadth", "specialist"])
                    ),
                );
                SkillKind::Breadth
            }
        },
    };
    let group = string(ctx, t, "group", SECTION).map(|(s, _)| s);
    let hours_per_level =
        integer(ctx, t, "hours_per_level", SECTION, (1, 100_000)).map(|n| n as u32);
    let esco = string(ctx, t, "esco", SECTION).map(|(uri, uspan)| {
        if !uri.starts_with("http://") && !uri.starts_with("https://") {
            ctx.warning(
                &uspan,
                format!(
                    "esco '{uri}' does not look like a URI (http://data.europa.eu/esco/skill/...)"
                ),
            );
        }
        uri
    });
    let id = id?;
    Some(Skill {
        name: name.unwrap_or_else(|| id.clone()),
        id,
        kind,
        group,
        hours_per_level,
        esco,
    })
}

fn parse_requires(
    ctx: &mut Ctx,
    t: &DeTable<'_>,
    scale: &Scale,
    skill_ids: &[(String, usize)],
) -> Vec<(usize, Level)> {
    let Some(value) = get(t, "requires") else {
        return Vec::new();
    };
    let DeValue::Table(req) = value.get_ref() else {
        ctx.error(
            &value.span(),
            "'requires' in [[role]] must be a table of skill = level, like { rust = 3 }",
        );
        return Vec::new();
    };
    let mut entries: Vec<_> = req.iter().collect();
    entries.sort_by_key(|(k, _)| k.span().start);
    let mut out = Vec::new();
    for (key, value) in entries {
        let skill = reference(ctx, &key.span(), "skill", key.get_ref(), skill_ids);
        let target = level(
            ctx,
            scale,
            value,
            &format!("required level of '{}'", key.get_ref()),
            0,
        );
        if let (Some(s), Some(l)) = (skill, target) {
            out.push((s, l));
        }
    }
    out
}

struct Refs<'a> {
    skills: &'a [(String, usize)],
    roles: &'a [(String, usize)],
    drivers: &'a [(String, usize)],
}

fn parse_need(
    ctx: &mut Ctx,
    t: &DeTable<'_>,
    span: &Range<usize>,
    scale: &Scale,
    refs: &Refs,
    ids: &mut Vec<(String, usize)>,
) -> Option<Need> {
    const SECTION: &str = "[[need]]";
    ctx.check_keys(
        t,
        &[
            "id", "skill", "level", "count", "unit", "role", "priority", "by", "driver",
        ],
        SECTION,
    );
    let mut ok = true;
    for key in ["skill", "level", "count"] {
        if get(t, key).is_none() {
            ok = false;
            // A misspelt key was already reported with this key as its suggestion.
            let misspelt = t
                .iter()
                .any(|(k, _)| crate::validate::suggest(k.get_ref(), [key]).is_some());
            if !misspelt {
                ctx.error(span, format!("[[need]] has no '{key}'"));
            }
        }
    }
    let skill_name = string(ctx, t, "skill", SECTION);
    let skill = skill_name
        .as_ref()
        .and_then(|(s, sspan)| reference(ctx, sspan, "skill", s, refs.skills));
    let need_level = get(t, "level").and_then(|v| level(ctx, scale, v, "need level", 1));
    let count = integer(ctx, t, "count", SECTION, (1, u32::MAX as i64)).map(|n| n as u32);
    let unit = string(ctx, t, "unit", SECTION).and_then(|(u, uspan)| {
        let normalised = normalise_unit(&u);
        if normalised.is_none() {
            ctx.error(
                &uspan,
                format!("unit '{u}' is not a unit path like \"it/platform\""),
            );
        }
        normalised
    });
    let role_name = string(ctx, t, "role", SECTION);
    let role = role_name
        .as_ref()
        .and_then(|(r, rspan)| reference(ctx, rspan, "role", r, refs.roles));
    let priority = match string(ctx, t, "priority", SECTION) {
        None => Some(Priority::Medium),
        Some((p, pspan)) => {
            let parsed = Priority::parse(&p);
            if parsed.is_none() {
                ctx.error(
                    &pspan,
                    format!(
                        "priority '{p}' must be critical, high, medium or low{}",
                        did_you_mean(&p, Priority::ALL.map(Priority::as_str))
                    ),
                );
            }
            parsed
        }
    };
    let by = date(ctx, t, "by", SECTION);
    let driver = string(ctx, t, "driver", SECTION)
        .and_then(|(d, dspan)| reference(ctx, &dspan, "driver", &d, refs.drivers).map(Some))
        .unwrap_or(None);
    let driver_bad = get(t, "driver").is_some() && driver.is_none();
    let role_bad = get(t, "role").is_some() && role.is_none();
    let by_bad = get(t, "by").is_some() && by.is_none();

    let id = match string(ctx, t, "id", SECTION) {
        Some((id, ispan)) => Some((id, ispan)),
        None if get(t, "id").is_some() => {
            ok = false;
            None
        }
        None => skill_name.as_ref().map(|(s, _)| {
            let mut id = format!("{s}@{}", unit.as_deref().unwrap_or("*"));
            if let Some((r, _)) = &role_name {
                id.push('#');
                id.push_str(r);
            }
            (id, span.clone())
        }),
    };
    if let Some((id, ispan)) = &id {
        if id.trim().is_empty() {
            ctx.error(ispan, "need id must not be empty");
            ok = false;
        } else if let Some((_, first)) = ids.iter().find(|(s, _)| s == id) {
            let explicit = get(t, "id").is_some();
            let hint = if explicit {
                ""
            } else {
                "; give one of them an 'id'"
            };
            ctx.error(
                ispan,
                format!("duplicate need id '{id}' (first defined on line {first}){hint}"),
            );
            ok = false;
        } else {
            ids.push((id.clone(), ctx.line(ispan)));
        }
    }
    if !ok || driver_bad || role_bad || by_bad {
        return None;
    }
    Some(Need {
        id: id?.0,
        skill: skill?,
        level: need_level?,
        count: count?,
        unit,
        role,
        priority: priority?,
        by,
        driver,
    })
}

fn parse_activity(
    ctx: &mut Ctx,
    t: &DeTable<'_>,
    span: &Range<usize>,
    skill_ids: &[(String, usize)],
) -> Option<Activity> {
    const SECTION: &str = "[[activity]]";
    ctx.check_keys(
        t,
        &["name", "mode", "kind", "mandatory", "skills", "hours"],
        SECTION,
    );
    let name = string(ctx, t, "name", SECTION).map(|(s, _)| s);
    if get(t, "name").is_none() {
        ctx.error(span, "[[activity]] has no 'name'");
    }
    let modes = Mode::ALL.map(Mode::as_str);
    let mode = match string(ctx, t, "mode", SECTION) {
        None => {
            if get(t, "mode").is_none() {
                ctx.error(
                    span,
                    "[[activity]] has no 'mode' (experience, social or formal)",
                );
            }
            None
        }
        Some((m, mspan)) => {
            let found = Mode::ALL
                .into_iter()
                .find(|x| x.as_str().eq_ignore_ascii_case(m.trim()));
            if found.is_none() {
                ctx.error(
                    &mspan,
                    format!(
                        "activity mode '{m}' must be experience, social or formal{}",
                        did_you_mean(&m, modes)
                    ),
                );
            }
            found
        }
    };
    let kind = match string(ctx, t, "kind", SECTION) {
        None => Some(ActivityKind::Any),
        Some((k, kspan)) => {
            let found = match k.trim().to_lowercase().as_str() {
                "breadth" => Some(ActivityKind::Breadth),
                "specialist" => Some(ActivityKind::Specialist),
                "any" => Some(ActivityKind::Any),
                _ => None,
            };
            if found.is_none() {
                ctx.error(
                    &kspan,
                    format!(
                        "activity kind '{k}' must be breadth, specialist or any{}",
                        did_you_mean(&k, ["breadth", "specialist", "any"])
                    ),
                );
            }
            found
        }
    };
    let mandatory = boolean(ctx, t, "mandatory", SECTION).unwrap_or(false);
    let mut skills = Vec::new();
    if let Some(value) = get(t, "skills") {
        match value.get_ref() {
            DeValue::Array(items) => {
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::String(s) => {
                            if let Some(i) = reference(ctx, &item.span(), "skill", s, skill_ids) {
                                skills.push(i);
                            }
                        }
                        other => ctx.error(
                            &item.span(),
                            format!(
                                "each of 'skills' must be a skill id, not {}",
                                type_name(other)
                            ),
                        ),
                    }
                }
            }
            other => ctx.error(
                &value.span(),
                format!(
                    "'skills' in [[activity]] must be a list of skill ids, not {}",
                    type_name(other)
                ),
            ),
        }
    }
    let hours = integer(ctx, t, "hours", SECTION, (0, 100_000)).map(|n| n as u32);
    Some(Activity {
        name: name?,
        mode: mode?,
        kind: kind?,
        mandatory,
        skills,
        hours,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(src: &str) -> (Option<OrgFile>, Vec<String>) {
        let mut d = Diagnostics::default();
        let org = parse("org.toml", src, Path::new("."), &mut d);
        (org, d.into_vec().iter().map(|d| d.to_string()).collect())
    }

    #[test]
    fn line_index_counts_lines_and_characters() {
        let idx = LineIndex::new("ab\næøå x\n");
        assert_eq!(idx.locate(0), (1, 1));
        assert_eq!(idx.locate(3), (2, 1));
        assert_eq!(idx.locate(3 + 7), (2, 5));
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
    fn units_normalise() {
        assert_eq!(normalise_unit("/it/platform/"), Some("it/platform".into()));
        assert_eq!(normalise_unit("it//x"), None);
        assert_eq!(normalise_unit(""), None);
    }
}
