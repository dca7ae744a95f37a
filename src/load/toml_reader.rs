//! A position-keeping reader over toml's spanned tree: typed getters
//! (`string`, `integer`, `date`, `level`, ...) that report a wrong type or
//! range at the value's line and column, and return None so the caller goes
//! on to the next key.
//!
//! It knows TOML and the wording of type errors, not which sections or keys
//! org.toml has (that is `org` and `org_items`); how a date or unit is
//! spelt is `fields`'s business.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostics::{Diagnostics, clip, did_you_mean};
use crate::load::fields::{date_problem, parse_date, parse_level, valid_id};
use crate::load::ids::Ids;
use crate::model::{Date, Level, Scale};

pub type Value<'i> = Spanned<DeValue<'i>>;

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

pub struct Ctx<'a> {
    pub path: &'a str,
    pub lines: LineIndex<'a>,
    pub diags: &'a mut Diagnostics,
}

impl Ctx<'_> {
    pub fn error(&mut self, span: &Range<usize>, message: impl Into<String>) {
        let (line, column) = self.lines.locate(span.start);
        self.diags.error_at(self.path, line, column, message);
    }

    pub fn warning(&mut self, span: &Range<usize>, message: impl Into<String>) {
        let (line, _) = self.lines.locate(span.start);
        self.diags.warning(self.path, Some(line), message);
    }

    pub fn line(&self, span: &Range<usize>) -> usize {
        self.lines.locate(span.start).0
    }

    /// Reports keys of `table` that are not in `allowed`.
    pub fn check_keys(&mut self, table: &DeTable<'_>, allowed: &[&str], section: &str) {
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

pub fn get<'t, 'i>(table: &'t DeTable<'i>, key: &str) -> Option<&'t Value<'i>> {
    table
        .iter()
        .find(|(k, _)| k.get_ref().as_ref() == key)
        .map(|(_, v)| v)
}

pub fn type_name(value: &DeValue<'_>) -> &'static str {
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

pub fn string(
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

pub fn integer(
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

pub fn boolean(ctx: &mut Ctx, table: &DeTable<'_>, key: &str, section: &str) -> Option<bool> {
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

pub fn date(ctx: &mut Ctx, table: &DeTable<'_>, key: &str, section: &str) -> Option<Date> {
    let value = get(table, key)?;
    let parsed = match value.get_ref() {
        DeValue::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => dt
            .date
            .and_then(|d| Date::new(d.year as i16, d.month as i8, d.day as i8).ok()),
        DeValue::String(s) => parse_date(s),
        _ => None,
    };
    if parsed.is_none() {
        // A string's problem says itself how dates are written.
        let problem = match value.get_ref() {
            DeValue::String(s) => date_problem(s),
            DeValue::Datetime(_) => {
                "give a date without a time or offset; write it like 2027-06-30".to_string()
            }
            other => format!(
                "{} is not a date; write it like 2027-06-30",
                type_name(other)
            ),
        };
        ctx.error(&value.span(), format!("'{key}' in {section}: {problem}"));
    }
    parsed
}

pub fn level(
    ctx: &mut Ctx,
    scale: &Scale,
    value: &Value<'_>,
    what: &str,
    min: Level,
) -> Option<Level> {
    let parsed = match value.get_ref() {
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
            .ok()
            .filter(|n| (0..=scale.top() as i64).contains(n))
            .map(|n| n as Level),
        DeValue::String(s) => parse_level(scale, s).ok(),
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

pub fn table<'t, 'i>(ctx: &mut Ctx, root: &'t DeTable<'i>, key: &str) -> Option<&'t DeTable<'i>> {
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
pub fn tables<'t, 'i>(
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

/// How to word a value that is not a string or list of strings: each is
/// followed by ", not <what it is>".
pub struct Wrong {
    pub item: &'static str,
    pub whole: &'static str,
}

/// Calls `each` with every string of a list of strings (or of one string,
/// when `single` allows it), in order, reporting anything else.
pub fn each_string(
    ctx: &mut Ctx,
    value: &Value<'_>,
    single: bool,
    wrong: &Wrong,
    mut each: impl FnMut(&mut Ctx, &str, Range<usize>),
) {
    match value.get_ref() {
        DeValue::String(s) if single => each(ctx, s, value.span()),
        DeValue::Array(items) => {
            for item in items.iter() {
                match item.get_ref() {
                    DeValue::String(s) => each(ctx, s, item.span()),
                    other => ctx.error(
                        &item.span(),
                        format!("{}, not {}", wrong.item, type_name(other)),
                    ),
                }
            }
        }
        other => ctx.error(
            &value.span(),
            format!("{}, not {}", wrong.whole, type_name(other)),
        ),
    }
}

/// The bare word (key or value) starting at `offset`, for messages.
pub fn word_at(src: &str, offset: usize) -> &str {
    let rest = src.get(offset..).unwrap_or("");
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '.')))
        .unwrap_or(rest.len());
    &rest[..end]
}

/// Where `src` nests deepest, as a byte offset: arrays and inline tables
/// opened and not yet closed, plus the dots of a dotted key or table
/// header, counted outside strings and comments. The TOML parser gives
/// its recursion-limit error no place; this is the place to show.
pub fn deepest_nesting(src: &str) -> usize {
    let (mut depth, mut dots, mut best, mut at) = (0usize, 0usize, 0usize, 0usize);
    let (mut quote, mut escaped, mut comment, mut in_value) = (None, false, false, false);
    for (i, b) in src.bytes().enumerate() {
        if b == b'\n' {
            (comment, dots, in_value) = (false, 0, depth > 0);
            continue;
        }
        if comment {
            continue;
        }
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if b == b'\\' && q == b'"' {
                escaped = true;
            } else if b == q {
                quote = None;
            }
            continue;
        }
        match b {
            b'"' | b'\'' => quote = Some(b),
            b'#' => comment = true,
            b'[' | b'{' => depth += 1,
            b']' | b'}' => depth = depth.saturating_sub(1),
            b'=' => in_value = true,
            b'.' if !in_value || depth > 0 => dots += 1,
            _ => continue,
        }
        if depth + dots > best {
            (best, at) = (depth + dots, i);
        }
    }
    at
}

/// An id field: required, and unique among `seen` (id, line).
pub fn id_field(
    ctx: &mut Ctx,
    t: &DeTable<'_>,
    span: &Range<usize>,
    section: &str,
    seen: &mut Ids,
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
        // The item is kept (the load fails on this error anyway) so that
        // what refers to it does not add an "unknown" error per use: one
        // root cause, one error.
    }
    let line = ctx.line(&id_span);
    if let Some(first) = seen.line(&id) {
        ctx.error(
            &id_span,
            format!(
                "duplicate {section} id '{}' (first defined on line {first})",
                clip(&id)
            ),
        );
        return None;
    }
    seen.push(&id, line);
    Some(id)
}

/// Looks an id up among `ids`, reporting a miss with a suggestion.
pub fn reference(
    ctx: &mut Ctx,
    span: &Range<usize>,
    what: &str,
    id: &str,
    ids: &Ids,
) -> Option<usize> {
    let found = ids.position(id);
    if found.is_none() {
        // Each search compares with every id: only the first few get one.
        let hint = if ctx.diags.may_suggest() {
            did_you_mean(id, ids.names())
        } else {
            String::new()
        };
        let id = clip(id);
        let declared = if ids.is_empty() {
            format!(" (no [[{what}]] is defined)")
        } else {
            String::new()
        };
        ctx.error(span, format!("unknown {what} '{id}'{hint}{declared}"));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_deepest_point_is_found() {
        let src = "a = 1\nb = [[1], \"[[[[\"]\nc.d.e.f = 2 # [[[[[\n";
        // c.d.e.f has three dots: deeper than b's two brackets.
        assert_eq!(deepest_nesting(src), src.find("e.f").unwrap() + 1);
        let src = "x = 0.5\ny = [[[\n[\n]]]]\n";
        assert_eq!(deepest_nesting(src), src.find("[\n]").unwrap());
    }

    #[test]
    fn line_index_counts_lines_and_characters() {
        let idx = LineIndex::new("ab\næøå x\n");
        assert_eq!(idx.locate(0), (1, 1));
        assert_eq!(idx.locate(3), (2, 1));
        assert_eq!(idx.locate(3 + 7), (2, 5));
    }
}
