//! How each field of the input files is spelt: levels, interest, ids and
//! unit paths, and dates (whose spelling is `model::date`'s, since the
//! command line reads them too). This is the ONE place each of them is
//! parsed, for org.toml and every CSV reader alike.
//!
//! A parser takes trimmed text and gives the value or None (or the message
//! saying why not); it never knows the file, line or column, which the
//! caller reports.

use crate::diagnostics::{clip, did_you_mean};
use crate::model::{Date, Level, PackedDate, Scale};

// Dates are spelt the same on the command line and in every file: the
// model owns them, and they are re-exported here with the other fields.
pub use crate::model::date::{date_problem, parse_date};

/// [`optional_date`] for the hot loop of the long format, which keeps only
/// the packed date: the same dates, the same messages. An ISO date with a
/// day up to 28 is real in every month of every year `0000..=9999`, so it
/// skips the calendar; everything else goes the way of [`parse_date`].
#[inline]
pub fn optional_packed_date(text: &str, column: &str) -> Result<Option<PackedDate>, String> {
    if let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *text.as_bytes() {
        let digit = |c: u8| c.wrapping_sub(b'0');
        let (year, month, day) = (
            [y0, y1, y2, y3]
                .iter()
                .fold(0u32, |n, &c| n * 10 + digit(c) as u32),
            digit(m0) as u32 * 10 + digit(m1) as u32,
            digit(d0) as u32 * 10 + digit(d1) as u32,
        );
        let digits = [y0, y1, y2, y3, m0, m1, d0, d1];
        if digits.iter().all(u8::is_ascii_digit)
            && (1..=12).contains(&month)
            && (1..=28).contains(&day)
        {
            return Ok(Some(PackedDate((year * 512 + month * 32 + day) as i32)));
        }
    }
    optional_date(text, column).map(|date| date.map(PackedDate::new))
}

/// An optional date column: blank is None; otherwise the date, or the
/// message naming the column ("assessed '2026-13-01' is not a real date").
#[inline]
pub fn optional_date(text: &str, column: &str) -> Result<Option<Date>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    parse_date(text)
        .map(Some)
        .ok_or_else(|| format!("{column} {}", date_problem(text)))
}

/// True for ids made of letters of any script, digits, `_`, `.` and `-`
/// (FORMAT.md "Identifiers"): `førstehjelp` is an id, `first aid` is not.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-'))
}

/// [`valid_id`] for person ids, which may also hold `@` (e-mail addresses).
pub fn valid_person_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-' | '@'))
}

/// The level named by `text`, or the message saying why it is not one:
/// a whole number `0..=top`, a level name (any case), or a drop-down label
/// joining both (`3 - avansert`, `3 avansert`, `3. avansert`).
#[inline]
pub fn parse_level(scale: &Scale, text: &str) -> Result<Level, String> {
    // Fast path: a single digit, as almost every level is written.
    if let [digit @ b'0'..=b'9'] = text.as_bytes()
        && digit - b'0' <= scale.top()
    {
        return Ok(digit - b'0');
    }
    if let Some(level) = scale.parse(text) {
        return Ok(level);
    }
    label(scale, text.trim())
}

/// The slow path of [`parse_level`]: labels, and the messages.
fn label(scale: &Scale, text: &str) -> Result<Level, String> {
    let names = || scale.levels.join(", ");
    // What the messages quote: a cell may be megabytes long.
    let shown = clip(text);
    let top = scale.top();
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let (number, rest) = text.split_at(digits);
    let mut after = rest.chars();
    if digits > 0
        && matches!(after.next(), Some('.' | ','))
        && after.next().is_some_and(|c| c.is_ascii_digit())
    {
        // FORMAT.md r3: `2,0` and `3.0` (a number cell formatted with a
        // decimal, typed as text) are whole levels; `2,5` is not.
        let decimals = &rest[1..];
        if decimals.bytes().all(|b| b == b'0') {
            return match number.parse::<u32>() {
                Ok(n) if n <= top as u32 => Ok(n as Level),
                _ => Err(not_on_scale_of(&shown, top, &names())),
            };
        }
        return Err(format!(
            "level '{shown}' is not a whole number: levels are whole numbers from 0 to {top} (or {})",
            names()
        ));
    }
    let not_on_scale = |hint: String| format!("{}{hint}", not_on_scale_of(&shown, top, &names()));
    if digits == 0 {
        let hint = did_you_mean(text, scale.levels.iter().map(String::as_str));
        return Err(not_on_scale(hint));
    }
    let name = rest
        .trim_start()
        .trim_start_matches(['-', '–', '—', '.', ':', ')'])
        .trim_start();
    let n = number.parse::<u32>().ok().filter(|&n| n <= top as u32);
    let found = scale
        .levels
        .iter()
        .position(|l| l.to_lowercase() == name.to_lowercase());
    match (n, found) {
        // "3." or "3 -": a number with nothing after its separator.
        (Some(n), _) if name.is_empty() => Ok(n as Level),
        (Some(n), Some(i)) if i as u32 == n => Ok(n as Level),
        (Some(n), Some(i)) => Err(format!(
            "level '{shown}' contradicts itself: {n} is '{}' and '{}' is {i}",
            scale.levels[n as usize],
            clip(name)
        )),
        (Some(_), None) => {
            let hint = did_you_mean(name, scale.levels.iter().map(String::as_str));
            Err(format!(
                "level '{shown}': '{}' is not a level name (use {}){hint}",
                clip(name),
                names()
            ))
        }
        (None, _) => Err(not_on_scale(String::new())),
    }
}

/// "level 'x' is not on the scale: use 0 to 4 or none, basic, ...".
fn not_on_scale_of(shown: &str, top: Level, names: &str) -> String {
    format!("level '{shown}' is not on the scale: use 0 to {top} or {names}")
}

/// yes/no, true/false, ja/nei, 1/0 (any case); blank = no.
#[inline]
pub fn parse_interest(text: &str) -> Option<bool> {
    match text.as_bytes() {
        b"" => return Some(false),
        b"yes" | b"1" | b"ja" | b"true" => return Some(true),
        b"no" | b"0" | b"nei" | b"false" => return Some(false),
        _ => {}
    }
    match text.trim().to_lowercase().as_str() {
        "" | "no" | "false" | "nei" | "0" | "n" => Some(false),
        "yes" | "true" | "ja" | "1" | "y" | "j" => Some(true),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_parse_fast_and_slow() {
        let scale = Scale::default();
        assert_eq!(parse_level(&scale, "3"), Ok(3));
        assert_eq!(parse_level(&scale, "Expert"), Ok(4));
        assert!(
            parse_level(&scale, "5")
                .unwrap_err()
                .contains("not on the scale")
        );
        assert!(
            parse_level(&scale, "expret")
                .unwrap_err()
                .contains("did you mean 'expert'")
        );
    }

    #[test]
    fn levels_as_dropdown_labels() {
        let scale = Scale {
            levels: ["ingen", "grunnleggende", "god", "avansert", "ekspert"]
                .map(String::from)
                .to_vec(),
            descriptions: Vec::new(),
        };
        for label in [
            "3 - avansert",
            "3 avansert",
            "3. avansert",
            "3 – Avansert",
            " 3-avansert ",
        ] {
            assert_eq!(parse_level(&scale, label), Ok(3), "{label}");
        }
        assert_eq!(parse_level(&scale, "AVANSERT"), Ok(3));
        assert_eq!(
            parse_level(&scale, "3 - god").unwrap_err(),
            "level '3 - god' contradicts itself: 3 is 'avansert' and 'god' is 2"
        );
        assert_eq!(
            parse_level(&scale, "3 - avansret").unwrap_err(),
            "level '3 - avansret': 'avansret' is not a level name (use ingen, grunnleggende, god, avansert, ekspert) (did you mean 'avansert'?)"
        );
        assert_eq!(parse_level(&scale, "2,0"), Ok(2));
        assert_eq!(parse_level(&scale, "3.0"), Ok(3));
        assert_eq!(parse_level(&scale, "3.00"), Ok(3));
        assert!(
            parse_level(&scale, "7,0")
                .unwrap_err()
                .contains("not on the scale")
        );
        for decimal in ["2,5", "2.5", "2,05"] {
            assert_eq!(
                parse_level(&scale, decimal).unwrap_err(),
                format!(
                    "level '{decimal}' is not a whole number: levels are whole numbers from 0 to 4 (or ingen, grunnleggende, god, avansert, ekspert)"
                )
            );
        }
        assert!(
            parse_level(&scale, "7 - ekspert")
                .unwrap_err()
                .contains("not on the scale")
        );
    }

    #[test]
    fn packed_dates_are_the_dates_packed() {
        let mut texts = vec![
            String::new(),
            "2026-02-29".into(),
            "2024-02-29".into(),
            "0000-01-01".into(),
            "9999-12-31".into(),
            "2026-00-10".into(),
            "2026-1a-10".into(),
            "14.03.2026".into(),
            " 2026-03-14".into(),
        ];
        for y in [1999, 2000, 2024, 2026] {
            for m in 0..=13 {
                for d in 0..=32 {
                    texts.push(format!("{y:04}-{m:02}-{d:02}"));
                }
            }
        }
        for text in &texts {
            let packed = optional_packed_date(text, "assessed");
            let plain = optional_date(text, "assessed").map(|d| d.map(PackedDate::new));
            assert_eq!(packed, plain, "{text}");
        }
    }

    #[test]
    fn ids_take_letters_of_any_script() {
        for id in [
            "førstehjelp",
            "legemiddelhåndtering",
            "Ærø",
            "日本語",
            "c-sharp",
            "a.b_c",
        ] {
            assert!(valid_id(id), "{id}");
        }
        for id in ["first aid", "c++", "", "a@b", "x/y"] {
            assert!(!valid_id(id), "{id}");
        }
        assert!(valid_person_id("kari@nordvik.kommune.no"));
        assert!(!valid_person_id("kari nordmann"));
    }

    #[test]
    fn interest_words() {
        for yes in ["yes", "Ja", "TRUE", "1"] {
            assert_eq!(parse_interest(yes), Some(true), "{yes}");
        }
        for no in ["", "no", "Nei", "false", "0"] {
            assert_eq!(parse_interest(no), Some(false), "{no}");
        }
        assert_eq!(parse_interest("maybe"), None);
    }
}
