//! Dates as the organisation's files and the command line spell them
//! (`YYYY-MM-DD`, `DD.MM.YYYY`, `D.M.YYYY`), the message saying why a text
//! is not one, and [`PackedDate`], the form the level matrix stores.
//!
//! The one place a date is parsed: the loaders (through `load::fields`),
//! the command line's `--as-of` and `--since`, `init` and the privacy
//! rewriter all call [`parse_date`]. No IO.

use crate::model::Date;

/// How to write a date, for messages.
const DATE_FORMS: &str = "write it as YYYY-MM-DD or DD.MM.YYYY";

/// Why `text` is not a date, for messages: "'2026-13-01' is not a real
/// date". Every message but "not a real date" says which forms work.
pub fn date_problem(text: &str) -> String {
    let t = text.trim();
    let numbers: Vec<&str> = t.split(['-', '.', '/']).collect();
    let digits = numbers.len() == 3
        && numbers
            .iter()
            .all(|n| !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()));
    let shape: Vec<usize> = numbers.iter().map(|n| n.len()).collect();
    if digits && t.contains('/') && shape[0] <= 2 && shape[1] <= 2 && shape[2] == 4 {
        // 01/02/2026 is 1 February in Norway and 2 January in the US:
        // nothing in the text says which was meant, unless one part is
        // over 12. Then the rewrite can be given exactly.
        let part = |i: usize| numbers[i].parse::<u32>().unwrap_or(0);
        let (a, b) = (part(0), part(1));
        let rewrite = |day: u32, month: u32| {
            let year = numbers[2];
            match Date::new(part(2) as i16, month as i8, day as i8) {
                Ok(_) => format!(
                    ": write it as {year}-{month:02}-{day:02} or {day:02}.{month:02}.{year}"
                ),
                Err(_) => format!(" and not a real date: {DATE_FORMS}"),
            }
        };
        if a > 12 && b <= 12 {
            format!("'{t}' uses slashes{}", rewrite(a, b))
        } else if b > 12 && a <= 12 {
            format!("'{t}' is a US-style date (month/day){}", rewrite(b, a))
        } else {
            format!("'{t}' is ambiguous (day/month or month/day?): {DATE_FORMS}")
        }
    } else if digits && t.contains('/') && shape[0] <= 2 {
        format!("'{t}' is ambiguous (day/month or month/day?): {DATE_FORMS}")
    } else if digits && t.contains('.') && shape[0] <= 2 && shape[1] <= 2 && shape[2] == 2 {
        format!("'{t}' has a two-digit year: {DATE_FORMS}")
    } else if digits && (iso_shaped(t.as_bytes()) || dotted(t.as_bytes()).is_some()) {
        format!("'{t}' is not a real date")
    } else {
        format!("'{t}' is not a date like 2026-03-31 or 31.03.2026 ({DATE_FORMS})")
    }
}

fn iso_shaped(b: &[u8]) -> bool {
    b.len() == 10 && b[4] == b'-' && b[7] == b'-'
}

/// A date written `YYYY-MM-DD`, `DD.MM.YYYY` or `D.M.YYYY` (Norwegian
/// spreadsheets' default), checked against the calendar.
#[inline]
pub fn parse_date(text: &str) -> Option<Date> {
    // CSV fields come trimmed: only other text pays for the trim (text
    // of 10 bytes with spaces is no date either way).
    let b = match text.as_bytes() {
        b if b.len() == 10 => b,
        _ => text.trim().as_bytes(),
    };
    let (year, month, day) = if iso_shaped(b) {
        (number(&b[0..4])?, number(&b[5..7])?, number(&b[8..10])?)
    } else {
        dotted(b)?
    };
    Date::new(year, month as i8, day as i8).ok()
}

/// (year, month, day) of `D.M.YYYY` with one or two digits of day and
/// month, not yet checked against the calendar.
fn dotted(b: &[u8]) -> Option<(i16, i16, i16)> {
    let mut parts = b.splitn(3, |&c| c == b'.');
    let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
    let short = |p: &[u8]| (1..=2).contains(&p.len());
    if !short(day) || !short(month) || year.len() != 4 {
        return None;
    }
    Some((number(year)?, number(month)?, number(day)?))
}

/// The value of 1 to 4 ASCII digits.
#[inline]
fn number(digits: &[u8]) -> Option<i16> {
    digits.iter().try_fold(0i16, |n, &c| {
        c.is_ascii_digit().then(|| n * 10 + (c - b'0') as i16)
    })
}

/// A date packed into an `i32` that orders like the date (`y * 512 + m * 32 + d`).
/// Two sentinels sort below every real date: no assessment at all, and an undated one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PackedDate(pub i32);

impl PackedDate {
    pub const NONE: PackedDate = PackedDate(i32::MIN);
    pub const UNDATED: PackedDate = PackedDate(i32::MIN + 1);

    pub fn new(date: Date) -> PackedDate {
        PackedDate(date.year() as i32 * 512 + date.month() as i32 * 32 + date.day() as i32)
    }

    pub fn date(self) -> Option<Date> {
        if self.0 < 0 {
            return None;
        }
        let (y, m, d) = (self.0 / 512, (self.0 % 512) / 32, self.0 % 32);
        Date::new(y as i16, m as i8, d as i8).ok()
    }

    /// True for a real date (neither sentinel).
    #[inline]
    pub fn is_dated(self) -> bool {
        self > PackedDate::UNDATED
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_iso_and_norwegian() {
        let d = |y, m, d| Some(jiff::civil::date(y, m, d));
        assert_eq!(parse_date("2026-03-14"), d(2026, 3, 14));
        assert_eq!(parse_date("14.03.2026"), d(2026, 3, 14));
        assert_eq!(parse_date("4.3.2026"), d(2026, 3, 4));
        assert_eq!(parse_date(" 04.3.2026 "), d(2026, 3, 4));
        assert_eq!(parse_date("29.02.2024"), d(2024, 2, 29));
        for bad in [
            "29.02.2026",
            "32.01.2026",
            "2026-13-01",
            "01/02/2026",
            "14.03.26",
            "1.2.3.2026",
            "x",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        assert_eq!(
            date_problem("29.02.2026"),
            "'29.02.2026' is not a real date"
        );
        assert_eq!(
            date_problem("01/02/2026"),
            "'01/02/2026' is ambiguous (day/month or month/day?): write it as YYYY-MM-DD or DD.MM.YYYY"
        );
        // One part over 12 says which is the day: the rewrite is exact.
        assert_eq!(
            date_problem("03/14/2026"),
            "'03/14/2026' is a US-style date (month/day): write it as 2026-03-14 or 14.03.2026"
        );
        assert_eq!(
            date_problem("14/03/2026"),
            "'14/03/2026' uses slashes: write it as 2026-03-14 or 14.03.2026"
        );
        assert_eq!(
            date_problem("02/30/2026"),
            "'02/30/2026' is a US-style date (month/day) and not a real date: write it as YYYY-MM-DD or DD.MM.YYYY"
        );
        assert_eq!(
            date_problem("14.03.26"),
            "'14.03.26' has a two-digit year: write it as YYYY-MM-DD or DD.MM.YYYY"
        );
        assert_eq!(
            date_problem("soon"),
            "'soon' is not a date like 2026-03-31 or 31.03.2026 (write it as YYYY-MM-DD or DD.MM.YYYY)"
        );
    }
}
