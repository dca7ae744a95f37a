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
/// quotes are split in place, eight bytes at a time: one pass finds the
/// line end, the delimiters and any quote (which sends the record to the
/// slow path).
#[inline]
pub fn split(data: &[u8], start: usize, delimiter: u8, fields: &mut Fields) -> Split {
    if start >= data.len() {
        return Split::End;
    }
    let rest = &data[start..];
    let ranges = &mut fields.ranges;
    ranges.clear();
    let mut field_start = 0;
    let mut found = None;
    let (words, tail) = rest.as_chunks::<8>();
    for (w, word) in words.iter().enumerate() {
        let word = u64::from_le_bytes(*word);
        let breaks = bytes_equal(word, b'\n') | bytes_equal(word, b'\r');
        // Only what stands before the line end belongs to this record.
        let before = match breaks {
            0 => u64::MAX,
            b => (1u64 << b.trailing_zeros()) - 1,
        };
        if bytes_equal(word, b'"') & before != 0 {
            return split_quoted(data, start, delimiter, fields);
        }
        let mut delimiters = bytes_equal(word, delimiter) & before;
        while delimiters != 0 {
            let at = w * 8 + (delimiters.trailing_zeros() / 8) as usize;
            ranges.push(field_start..at);
            field_start = at + 1;
            delimiters &= delimiters - 1;
        }
        if breaks != 0 {
            found = Some(w * 8 + (breaks.trailing_zeros() / 8) as usize);
            break;
        }
    }
    let end = match found {
        Some(i) => i,
        None => {
            let base = words.len() * 8;
            let mut end = rest.len();
            for (i, &b) in tail.iter().enumerate() {
                match b {
                    b'\n' | b'\r' => {
                        end = base + i;
                        break;
                    }
                    b'"' => return split_quoted(data, start, delimiter, fields),
                    d if d == delimiter => {
                        ranges.push(field_start..base + i);
                        field_start = base + i + 1;
                    }
                    _ => {}
                }
            }
            end
        }
    };
    let line = &rest[..end];
    let (end, next) = match rest.get(end) {
        // CR LF is one line end.
        Some(b'\r') if rest.get(end + 1) == Some(&b'\n') => (start + end, start + end + 2),
        Some(_) => (start + end, start + end + 1),
        None => (data.len(), data.len()),
    };
    // Excel writes rows of bare delimiters for empty formatted rows: blank too.
    if line
        .iter()
        .all(|&b| b == delimiter || b == b' ' || b == b'\t')
    {
        return Split::Blank { next };
    }
    ranges.push(field_start..line.len());
    Split::Record {
        next,
        breaks: usize::from(next > end),
        quoted: false,
        end,
    }
}

/// 0x80 in each byte of `word` that equals `byte`, 0 in the others (exact:
/// no carry crosses bytes).
#[inline]
fn bytes_equal(word: u64, byte: u8) -> u64 {
    const LOW: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let x = word ^ (0x0101_0101_0101_0101 * byte as u64);
    !(((x & LOW) + LOW) | x) & !LOW
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

    /// The fields of every record, as the byte-by-byte reading of RFC 4180
    /// without quotes gives them.
    #[test]
    fn unquoted_records_split_as_byte_by_byte() {
        let texts: [&[u8]; 9] = [
            b"a,b,c\nd,e\r\nf\rg,,h",
            b"person,skill,level,assessed,interest\np0000001,s002,3,2022-04-08,\n",
            b",,,\n , \t\nx,\n,y",
            b"abcdefghijklmnop,qrstuvwxyz0123456789,\nlong\r\n",
            b"12345678\n12345678,\n1234567,\r\n",
            b"a,b\"c,d\nq,r",
            b"ab,cd,ef,gh,\"i\nj\",k\nl",
            b"x;y;z\nw",
            b"",
        ];
        for text in texts {
            for delimiter in [b',', b';'] {
                let (mut fields, mut start, mut got) = (Fields::default(), 0, Vec::new());
                loop {
                    match split(text, start, delimiter, &mut fields) {
                        Split::Record { next, quoted, .. } => {
                            let line = if quoted {
                                fields.decoded.as_bytes()
                            } else {
                                &text[start..]
                            };
                            let cells: Vec<Vec<u8>> = fields
                                .ranges
                                .iter()
                                .map(|r| line[r.clone()].to_vec())
                                .collect();
                            got.push((cells, next));
                            start = next;
                        }
                        Split::Blank { next } => {
                            got.push((Vec::new(), next));
                            start = next;
                        }
                        Split::End | Split::Unclosed => break,
                    }
                }
                assert_eq!(
                    got,
                    by_bytes(text, delimiter),
                    "{:?}",
                    String::from_utf8_lossy(text)
                );
            }
        }
    }

    /// The plain reading: lines, blank lines, then fields (quoted lines
    /// decoded by `split_quoted`, which the fast path hands over to).
    fn by_bytes(text: &[u8], delimiter: u8) -> Vec<(Vec<Vec<u8>>, usize)> {
        let (mut fields, mut start, mut out) = (Fields::default(), 0, Vec::new());
        while start < text.len() {
            let end = text[start..]
                .iter()
                .position(|&b| b == b'\n' || b == b'\r')
                .map_or(text.len(), |i| start + i);
            let crlf = text.get(end) == Some(&b'\r') && text.get(end + 1) == Some(&b'\n');
            let next = (end + 1 + usize::from(crlf)).min(text.len());
            let line = &text[start..end];
            if line.contains(&b'"') {
                match split_quoted(text, start, delimiter, &mut fields) {
                    Split::Record { next, .. } => {
                        let cells = fields
                            .ranges
                            .iter()
                            .map(|r| fields.decoded.as_bytes()[r.clone()].to_vec())
                            .collect();
                        out.push((cells, next));
                        start = next;
                    }
                    _ => break,
                }
                continue;
            }
            if line
                .iter()
                .all(|&b| b == delimiter || b == b' ' || b == b'\t')
            {
                out.push((Vec::new(), next));
            } else {
                let cells = line
                    .split(|&b| b == delimiter)
                    .map(<[u8]>::to_vec)
                    .collect();
                out.push((cells, next));
            }
            start = next;
        }
        out
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
