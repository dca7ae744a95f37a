//! The arrays of tables of `org.toml`: `[[unit]]`, `[[skill]]`, `[[role]]`'s
//! requirements, `[[need]]` and `[[activity]]`, each turned into the model's
//! value with every problem reported at its line and column.
//!
//! It resolves references between them (a need's skill, role and driver)
//! by the ids read so far; it does not read the single-table sections
//! (that is `org`).

use std::ops::Range;

use toml::de::{DeTable, DeValue};

use crate::diagnostics::did_you_mean;
use crate::load::fields::valid_id;
use crate::load::ids::Ids;
use crate::load::toml_reader::{
    Ctx, Wrong, boolean, date, each_string, get, id_field, integer, level, reference, string,
};
use crate::model::{
    Activity, ActivityKind, LearningMix, Level, Mode, Need, Priority, Scale, Skill, SkillKind,
    Unit, normalise_unit,
};

/// `hours_per_level` (in `[[skill]]` and `[mix]`, which `org` reads): one
/// hour to about 11 years.
pub(crate) const HOURS_PER_LEVEL: (i64, i64) = (1, 100_000);
/// `[[activity]] hours`: up to about 11 years of working hours.
pub(crate) const ACTIVITY_HOURS: (i64, i64) = (0, 100_000);
/// `[[need]] count`: at least one person.
pub(crate) const NEED_COUNT: (i64, i64) = (1, u32::MAX as i64);

/// The keys each array of tables accepts (`kompetanse schema` is tested
/// against these lists).
pub(crate) const UNIT_KEYS: &[&str] = &["id", "name"];
pub(crate) const SKILL_KEYS: &[&str] = &[
    "id",
    "name",
    "kind",
    "group",
    "hours_per_level",
    "renew_hours",
    "mix",
    "esco",
    "description",
    "levels",
    "course_fee",
    "phase_out",
];
pub(crate) const NEED_KEYS: &[&str] = &[
    "id", "skill", "level", "count", "unit", "role", "priority", "by", "driver",
];
pub(crate) const ACTIVITY_KEYS: &[&str] = &["name", "mode", "kind", "mandatory", "skills", "hours"];

/// Column names of assessment files in English and Norwegian (FORMAT.md
/// "Column names"), which skill ids may not take: in a wide file such a
/// column would be read as the column, not the skill.
const RESERVED_COLUMNS: &[&str] = &[
    "person",
    "id",
    "name",
    "unit",
    "role",
    "assessed",
    "skill",
    "level",
    "expires",
    "source",
    "interest",
    "capacity",
    "starts",
    "leaves",
    "ansatt",
    "ansattnr",
    "navn",
    "enhet",
    "avdeling",
    "rolle",
    "stilling",
    "kompetanse",
    "ferdighet",
    "nivå",
    "niva",
    "vurdert",
    "dato",
    "utløper",
    "utloper",
    "kilde",
    "interesse",
    "ønske",
    "kapasitet",
    "startdato",
    "starter",
    "sluttdato",
    "slutter",
];

/// A `[[unit]]`: its path (each level an identifier), unique among `seen`
/// (path, line), and its optional display name.
pub fn parse_unit(
    ctx: &mut Ctx,
    t: &DeTable<'_>,
    span: &Range<usize>,
    seen: &mut Ids,
) -> Option<Unit> {
    const SECTION: &str = "[[unit]]";
    ctx.check_keys(t, UNIT_KEYS, SECTION);
    let name = string(ctx, t, "name", SECTION).map(|(s, _)| s);
    let Some((raw, at)) = string(ctx, t, "id", SECTION) else {
        if get(t, "id").is_none() {
            ctx.error(
                span,
                "[[unit]] has no 'id' (a unit path like \"helse/sykehjem\")",
            );
        }
        return None;
    };
    let Some(id) = normalise_unit(&raw) else {
        ctx.error(
            &at,
            format!("unit '{raw}' is not a unit path like \"it/platform\""),
        );
        return None;
    };
    if let Some(level) = id.split('/').find(|level| !valid_id(level)) {
        ctx.error(
            &at,
            format!("unit '{raw}': '{level}' may only use letters, digits, '_', '.' and '-'"),
        );
        return None;
    }
    if let Some(first) = seen.line(&id) {
        ctx.error(
            &at,
            format!("duplicate unit '{id}' (first declared on line {first})"),
        );
        return None;
    }
    seen.push(&id, ctx.line(&at));
    Some(Unit { id, name })
}

pub fn parse_skill(
    ctx: &mut Ctx,
    t: &DeTable<'_>,
    span: &Range<usize>,
    ids: &mut Ids,
    scale: &Scale,
) -> Option<Skill> {
    const SECTION: &str = "[[skill]]";
    ctx.check_keys(t, SKILL_KEYS, SECTION);
    let id = id_field(ctx, t, span, "skill", ids, true).inspect(|id| {
        // Skill ids are column names in wide assessment files, where
        // headers ignore case (of any letter: `Ø` is `ø`) and some names
        // are taken. The skill is kept either way, so that its uses add no
        // "unknown skill" errors to this one.
        let at = get(t, "id").map(|v| v.span()).unwrap_or(span.clone());
        let lower = id.to_lowercase();
        if RESERVED_COLUMNS.contains(&lower.as_str()) {
            ctx.error(
                &at,
                format!("skill id '{id}' is a column name of assessment files; choose another id"),
            );
            return;
        }
        if let Some((other, line)) = ids.same_but_case(id) {
            ctx.error(
                &at,
                format!(
                    "skill id '{id}' differs from '{other}' (line {line}) only in case; CSV headers ignore case, so skill ids must too"
                ),
            );
        }
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
        integer(ctx, t, "hours_per_level", SECTION, HOURS_PER_LEVEL).map(|n| n as u32);
    // A renewal may be free (a form to sign): 0 is allowed here.
    let renew_hours =
        integer(ctx, t, "renew_hours", SECTION, (0, HOURS_PER_LEVEL.1)).map(|n| n as u32);
    let mix = string(ctx, t, "mix", SECTION).and_then(|(text, at)| {
        LearningMix::parse(&text)
            .map_err(|message| ctx.error(&at, format!("'mix' in [[skill]]: {message}")))
            .ok()
    });
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
    let description = string(ctx, t, "description", SECTION).map(|(s, _)| s.trim().to_string());
    let levels =
        crate::load::org::level_texts(ctx, t, "levels", SECTION, scale).unwrap_or_default();
    let course_fee =
        integer(ctx, t, "course_fee", SECTION, crate::load::org::MONEY).map(|n| n as u64);
    let phase_out = boolean(ctx, t, "phase_out", SECTION).unwrap_or(false);
    let id = id?;
    Some(Skill {
        name: name.unwrap_or_else(|| id.clone()),
        id,
        kind,
        group,
        hours_per_level,
        renew_hours,
        mix,
        esco,
        description,
        levels,
        course_fee,
        phase_out,
    })
}

pub fn parse_requires(
    ctx: &mut Ctx,
    t: &DeTable<'_>,
    scale: &Scale,
    skill_ids: &Ids,
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

pub struct Refs<'a> {
    pub skills: &'a Ids,
    pub roles: &'a Ids,
    pub drivers: &'a Ids,
    /// The skills with `phase_out = true` (r3), with their lines.
    pub phase_out: &'a Ids,
}

pub fn parse_need(
    ctx: &mut Ctx,
    t: &DeTable<'_>,
    span: &Range<usize>,
    scale: &Scale,
    refs: &Refs,
    ids: &mut Ids,
) -> Option<Need> {
    const SECTION: &str = "[[need]]";
    ctx.check_keys(t, NEED_KEYS, SECTION);
    let mut ok = true;
    for key in ["skill", "level", "count"] {
        if get(t, key).is_none() {
            ok = false;
            // A misspelt key was already reported with this key as its suggestion.
            let misspelt = t
                .iter()
                .any(|(k, _)| crate::diagnostics::suggest(k.get_ref(), [key]).is_some());
            if !misspelt {
                ctx.error(span, format!("[[need]] has no '{key}'"));
            }
        }
    }
    let skill_name = string(ctx, t, "skill", SECTION);
    let skill = skill_name
        .as_ref()
        .and_then(|(s, sspan)| reference(ctx, sspan, "skill", s, refs.skills));
    // FORMAT.md r3 "KS measures": competence being wound down (*avvikle*)
    // is not needed, so a need on it contradicts the catalogue.
    if let Some((s, sspan)) = &skill_name
        && let Some(line) = refs.phase_out.line(s)
    {
        ctx.error(
            sspan,
            format!(
                "need on skill '{}', which is being wound down (phase_out = true on line {line}): remove the need or the skill's phase_out",
                crate::suggest::clip(s)
            ),
        );
        ok = false;
    }
    let need_level = get(t, "level").and_then(|v| level(ctx, scale, v, "need level", 1));
    let count = integer(ctx, t, "count", SECTION, NEED_COUNT).map(|n| n as u32);
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
        } else if let Some(first) = ids.line(id) {
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
            ids.push(id, ctx.line(ispan));
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

pub fn parse_activity(
    ctx: &mut Ctx,
    t: &DeTable<'_>,
    span: &Range<usize>,
    skill_ids: &Ids,
) -> Option<Activity> {
    const SECTION: &str = "[[activity]]";
    ctx.check_keys(t, ACTIVITY_KEYS, SECTION);
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
        let wrong = Wrong {
            item: "each of 'skills' must be a skill id",
            whole: "'skills' in [[activity]] must be a list of skill ids",
        };
        each_string(ctx, value, false, &wrong, |ctx, s, span| {
            skills.extend(reference(ctx, &span, "skill", s, skill_ids));
        });
    }
    let hours = integer(ctx, t, "hours", SECTION, ACTIVITY_HOURS).map(|n| n as u32);
    Some(Activity {
        name: name?,
        mode: mode?,
        kind: kind?,
        mandatory,
        skills,
        hours,
    })
}
