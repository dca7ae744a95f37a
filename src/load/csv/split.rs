//! The tokenizer: where a record ends and how it splits into fields, by
//! RFC 4180 with the delimiter detected from the header line. It works on
//! bytes in memory and keeps no state between calls; [`super::Records`]
//! walks a chunk with it and [`super::Blocks`] cuts files with
//! [`record_boundary`], so both agree on what a record is.

use std::ops::Range;

/// Picks the delimiter that splits the header line into the most fields,
/// counting only outside quotes; `,` when there is none.
pub fn detect_delimiter(header_line: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in header_line {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            b'\n' | b'\r' if !quoted => break,
            _ => {}
        }
    }
    let delimiters = [b',', b';', b'\t'];
    let mut best = 0;
    for i in 1..3 {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    delimiters[best]
}

/// The fields of the record [`split`] found last.
#[derive(Debug, Default)]
pub struct Fields {
    /// Each field's bytes: from the record's start in the data, or in
    /// `decoded` for a record with quotes.
    pub ranges: Vec<Range<usize>>,
    /// A quoted record's fields, unquoted, end to end.
    pub decoded: String,
}

/// What [`split`] found at a position.
#[derive(Debug, PartialEq, Eq)]
pub enum Split {
    /// A record, now in the [`Fields`]; the next record starts at `next`,
    /// after `breaks` line breaks. Without quotes its text is
    /// `data[start..end]`.
    Record {
        next: usize,
        breaks: usize,
        quoted: bool,
        end: usize,
    },
    /// A blank line; the next record starts at `next`.
    Blank { next: usize },
    /// The data ends here.
    End,
    /// A quoted field is never closed before the end of the data.
    Unclosed,
}

/// Splits the record at `data[start..]` by `delimiter` (RFC 4180). `data`
/// holds whole records (a [`Blocks`](super::Blocks) block), so its end is a
/// record's end. Line ends are LF, CR LF or a bare CR. Records without
/// quotes are split in place with memchr.
#[inline]
pub fn split(data: &[u8], start: usize, delimiter: u8, fields: &mut Fields) -> Split {
    if start >= data.len() {
        return Split::End;
    }
    let (end, next) = match memchr::memchr2(b'\n', b'\r', &data[start..]) {
        Some(i) => {
            let end = start + i;
            // CR LF is one line end.
            let crlf = data[end] == b'\r' && data.get(end + 1) == Some(&b'\n');
            (end, end + 1 + usize::from(crlf))
        }
        None => (data.len(), data.len()),
    };
    let line = &data[start..end];
    if memchr::memchr(b'"', line).is_some() {
        return split_quoted(data, start, delimiter, fields);
    }
    // Excel writes rows of bare delimiters for empty formatted rows: blank too.
    if line
        .iter()
        .all(|&b| b == delimiter || b == b' ' || b == b'\t')
    {
        return Split::Blank { next };
    }
    let ranges = &mut fields.ranges;
    ranges.clear();
    let mut field_start = 0;
    for (i, &b) in line.iter().enumerate() {
        if b == delimiter {
            ranges.push(field_start..i);
            field_start = i + 1;
        }
    }
    ranges.push(field_start..line.len());
    Split::Record {
        next,
        breaks: usize::from(next > end),
        quoted: false,
        end,
    }
}

/// The slow path of [`split`], for records with quotes: fields are decoded
/// into `decoded` (doubled quotes made single), and may span lines. A quote
/// opens or closes quoting wherever it stands, not only at a field's start.
fn split_quoted(data: &[u8], start: usize, delimiter: u8, fields: &mut Fields) -> Split {
    let ranges = &mut fields.ranges;
    // Decoded into the last record's buffer: no allocation per record.
    let mut bytes = std::mem::take(&mut fields.decoded).into_bytes();
    bytes.clear();
    ranges.clear();
    let mut field_start = 0;
    let mut in_quotes = false;
    let mut breaks = 0;
    let mut i = start;
    let (end, next) = loop {
        let Some(&b) = data.get(i) else {
            if in_quotes {
                return Split::Unclosed;
            }
            break (i, i);
        };
        if in_quotes {
            if b == b'"' {
                if data.get(i + 1) == Some(&b'"') {
                    bytes.push(b'"');
                    i += 2;
                    continue;
                }
                in_quotes = false;
            } else {
                // A CR LF inside quotes is one line break, counted at its LF.
                if b == b'\n' || (b == b'\r' && data.get(i + 1) != Some(&b'\n')) {
                    breaks += 1;
                }
                bytes.push(b);
            }
            i += 1;
            continue;
        }
        match b {
            b'"' => in_quotes = true,
            b'\n' => break (i, i + 1),
            b'\r' => break (i, i + 1 + usize::from(data.get(i + 1) == Some(&b'\n'))),
            d if d == delimiter => {
                ranges.push(field_start..bytes.len());
                field_start = bytes.len();
            }
            _ => bytes.push(b),
        }
        i += 1;
    };
    ranges.push(field_start..bytes.len());
    fields.decoded = match String::from_utf8(bytes) {
        Ok(text) => text,
        // No fields: the caller reports the record as not UTF-8.
        Err(e) => {
            ranges.clear();
            let mut bytes = e.into_bytes();
            bytes.clear();
            String::from_utf8(bytes).unwrap_or_default()
        }
    };
    Split::Record {
        next,
        breaks: breaks + usize::from(next > end),
        quoted: true,
        end,
    }
}

/// Where the last whole record in `bytes` ends: after the last line break
/// that is outside quotes. None when there is none.
pub fn record_boundary(bytes: &[u8]) -> Option<usize> {
    let newline = if memchr::memchr(b'\n', bytes).is_some() {
        b'\n'
    } else {
        b'\r'
    };
    if memchr::memchr(b'"', bytes).is_none() {
        return memchr::memrchr(newline, bytes).map(|i| i + 1);
    }
    // RFC 4180 doubles quotes inside quotes, so parity tells inside from outside.
    let mut inside = false;
    let mut last = None;
    for i in memchr::memchr2_iter(b'"', newline, bytes) {
        if bytes[i] == b'"' {
            inside = !inside;
        } else if !inside {
            last = Some(i + 1);
        }
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_boundaries_skip_line_breaks_inside_quotes() {
        assert_eq!(record_boundary(b"a,b\nc,d\ne"), Some(8));
        assert_eq!(record_boundary(b"a,\"b\nc\"\nd"), Some(8));
        assert_eq!(record_boundary(b"a,\"b\nc"), None);
        assert_eq!(record_boundary(b"a\rb\rc"), Some(4));
        assert_eq!(record_boundary(b"abc"), None);
    }

    #[test]
    fn detects_the_delimiter_from_the_header() {
        assert_eq!(detect_delimiter(b"id,name,unit\n1;2;3"), b',');
        assert_eq!(detect_delimiter(b"id;name;unit\n"), b';');
        assert_eq!(detect_delimiter(b"id\tname\n"), b'\t');
        assert_eq!(detect_delimiter(b"\"a;b\",c\n"), b',');
        assert_eq!(detect_delimiter(b"id\n"), b',');
    }
}
