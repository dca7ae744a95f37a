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
    fn utf8_stays_as_it_is() {
        let bytes = "\u{feff}id;navn\n1;Åse".as_bytes().to_vec();
        assert_eq!(decode_whole(bytes.clone()), (bytes, Encoding::Utf8));
    }
}
