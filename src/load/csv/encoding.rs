//! How a file's bytes are read as text (FORMAT.md "CSV dialect"): UTF-8
//! with or without a byte-order mark; UTF-16 with a byte-order mark (Excel's
//! "Unicode text"), decoded whole; anything else that is not valid UTF-8 as
//! Windows-1252 (Norwegian Excel's "CSV (semikolondelt)"). `encoding_rs`
//! does the decoding: Windows-1252 maps every byte, so `–` and `€` come
//! through as themselves rather than as invisible control characters.

use encoding_rs::{Encoding as Decoder, WINDOWS_1252};

/// What a file was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    Windows1252,
}

/// The warning a file read as Windows-1252 gets, once.
pub const READ_AS_1252: &str = "not UTF-8: read as Windows-1252 (Excel's \"CSV (semikolondelt)\"); save as \"CSV UTF-8\" to be sure";

/// True when `bytes` open with a UTF-16 byte-order mark.
pub fn is_utf16(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF")
}

/// What a file is when its first bytes show it is no CSV text this
/// reader can decode (issue 27, F20): a zip archive (a workbook named
/// `.csv`), an old binary Excel file, UTF-32, or UTF-16 without a
/// byte-order mark (which would be read as Windows-1252, a NUL between
/// every two letters). None for anything else.
pub fn not_text(head: &[u8]) -> Option<String> {
    const SAVE: &str = "save it as \"CSV UTF-8\"";
    if head.starts_with(b"PK\x03\x04") {
        return Some(
            "the file is a zip archive (an .xlsx or .ods workbook?), not CSV text: name it .xlsx or .ods, or export the sheet as CSV".into(),
        );
    }
    if head.starts_with(b"\xD0\xCF\x11\xE0") {
        return Some(
            "the file is an old binary Excel file (.xls), not CSV text: save it as .xlsx or as \"CSV UTF-8\"".into(),
        );
    }
    // A UTF-32 BOM, or a first character of UTF-32 (no CSV starts with NUL).
    if head.starts_with(b"\xFF\xFE\0\0")
        || head.starts_with(b"\0\0\xFE\xFF")
        || (head.len() >= 4 && head[0] != 0 && head[1..4] == [0, 0, 0])
        || (head.len() >= 4 && head[..3] == [0, 0, 0] && head[3] != 0)
    {
        return Some(format!("the file is UTF-32, which is not read: {SAVE}"));
    }
    if is_utf16(head) {
        return None;
    }
    // UTF-16 without a BOM: ASCII text has a NUL in every other byte.
    let sample = &head[..head.len().min(512) & !1];
    let pairs = sample.len() / 2;
    if pairs >= 2 {
        let zeros = |odd: usize| {
            sample
                .iter()
                .skip(odd)
                .step_by(2)
                .filter(|b| **b == 0)
                .count()
        };
        let (even, odd) = (zeros(0), zeros(1));
        let order = if odd * 2 >= pairs && even * 10 < pairs {
            Some("little-endian")
        } else if even * 2 >= pairs && odd * 10 < pairs {
            Some("big-endian")
        } else {
            None
        };
        if let Some(order) = order {
            return Some(format!(
                "the file is UTF-16 ({order}) without a byte-order mark, which is not read: {SAVE}, or as UTF-16 with its mark (Excel's \"Unicode text\")"
            ));
        }
    }
    None
}

/// A whole file as UTF-8 text (a UTF-8 byte-order mark is kept: the
/// tokenizer skips it), and what it was read as.
pub fn decode_whole(bytes: Vec<u8>) -> (Vec<u8>, Encoding) {
    if let Some((decoder, bom)) = Decoder::for_bom(&bytes)
        && decoder != encoding_rs::UTF_8
    {
        let text = decoder.decode_without_bom_handling(&bytes[bom..]).0;
        return (text.into_owned().into_bytes(), Encoding::Utf16);
    }
    match String::from_utf8(bytes) {
        Ok(text) => (text.into_bytes(), Encoding::Utf8),
        Err(e) => (
            decode_1252(e.as_bytes()).into_bytes(),
            Encoding::Windows1252,
        ),
    }
}

/// Windows-1252 bytes as text.
pub fn decode_1252(bytes: &[u8]) -> String {
    WINDOWS_1252
        .decode_without_bom_handling(bytes)
        .0
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_keeps_dash_and_euro() {
        let (text, encoding) =
            decode_whole(b"kurs \x96 Norsk Folkehjelp;\x80 5;f\xF8rstehjelp".to_vec());
        assert_eq!(encoding, Encoding::Windows1252);
        assert_eq!(
            String::from_utf8(text).unwrap(),
            "kurs – Norsk Folkehjelp;€ 5;førstehjelp"
        );
    }

    #[test]
    fn utf16_both_byte_orders() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("id\tnavn\nø".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("id\tnavn\nø".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        for bytes in [le, be] {
            assert!(is_utf16(&bytes));
            let (text, encoding) = decode_whole(bytes);
            assert_eq!(
                (text.as_slice(), encoding),
                ("id\tnavn\nø".as_bytes(), Encoding::Utf16)
            );
        }
    }

    #[test]
    fn what_is_not_text_is_named() {
        let text = "id;navn\nø";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert!(not_text(&le).unwrap().contains("UTF-16 (little-endian)"));
        assert!(not_text(&be).unwrap().contains("UTF-16 (big-endian)"));
        let utf32: Vec<u8> = text
            .chars()
            .flat_map(|c| (c as u32).to_le_bytes())
            .collect();
        assert!(not_text(&utf32).unwrap().contains("UTF-32"));
        assert!(not_text(b"PK\x03\x04rest").unwrap().contains("zip archive"));
        for fine in [&b"id;navn\n1;\xC5se"[..], b"\xFF\xFEi\0d\0", b"", b"a"] {
            assert_eq!(not_text(fine), None);
        }
    }

    #[test]
    fn utf8_stays_as_it_is() {
        let bytes = "\u{feff}id;navn\n1;Åse".as_bytes().to_vec();
        assert_eq!(decode_whole(bytes.clone()), (bytes, Encoding::Utf8));
    }
}
