//! How each field of the input files is spelt: dates, levels, interest,
//! ids and unit paths. This is the ONE place each of them is parsed, for
//! org.toml and every CSV reader alike.
//!
//! A parser takes trimmed text and gives the value or None (or the message
//! saying why not); it never knows the file, line or column, which the
//! caller reports.

use crate::diagnostics::did_you_mean;
use crate::model::{Date, Level, Scale};

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
#[inline]
pub fn parse_date(text: &str) -> Option<Date> {
    // CSV fields come trimmed: only other text pays for the trim (text
    // of 10 bytes with spaces is no date either way).
    let b = match text.as_bytes() {
        b if b.len() == 10 => b,
        _ => text.trim().as_bytes(),
    };
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

/// True for ids made of `[A-Za-z0-9_.-]+`.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
}

/// The level named by `text`, or the message saying why it is not one.
#[inline]
pub fn parse_level(scale: &Scale, text: &str) -> Result<Level, String> {
    // Fast path: a single digit, as almost every level is written.
    if let [digit @ b'0'..=b'9'] = text.as_bytes()
        && digit - b'0' <= scale.top()
    {
        return Ok(digit - b'0');
    }
    scale.parse(text).ok_or_else(|| {
        let hint = did_you_mean(text, scale.levels.iter().map(String::as_str));
        format!(
            "level '{text}' is not on the scale: use 0 to {} or {}{hint}",
            scale.top(),
            scale.levels.join(", ")
        )
    })
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
