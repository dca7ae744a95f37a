//! How much of a problem is shown (issue 13): hostile files must not make
//! the tool print gigabytes or hold millions of messages. This module owns
//! the caps on diagnostics (per file and kind, and in all) and the "kind"
//! of a message that the per-kind cap counts by. The shortening of values a
//! diagnostic quotes is `crate::suggest::clip`. It stores nothing itself and prints nothing:
//! `Diagnostics` keeps the counters.

use crate::suggest::clip_to;

/// Diagnostics of one kind in one file that are listed; the rest are
/// counted in one line ("... and N more errors like this in FILE").
pub const PER_KIND: usize = 20;

/// Diagnostics listed in all; the rest are counted, file by file.
pub const TOTAL: usize = 1000;

/// Characters of one message: a safety net for messages that list many
/// values (each of them clipped already).
pub const MESSAGE_CHARS: usize = 2000;

/// Distinct kinds of message counted one by one; past this many, new
/// kinds are counted together per file, so the counters stay small
/// whatever a file holds.
pub const KINDS: usize = 500;

/// What makes two messages "the same kind": the message with quoted
/// values, numbers and spreadsheet cell names (`C2`, `AB`) left out, from
/// its first 200 characters. "level 'x' is not on the scale" in cell C2 and
/// in cell D9 are one kind; an unknown person and an unknown skill are two.
pub fn kind_of(message: &str) -> String {
    let mut kind = String::with_capacity(64);
    let mut quoted = false;
    for word in clip_to(message, 200).split(' ') {
        // A quoted value may hold spaces: skip words until its closing quote.
        if quoted {
            quoted = !word
                .trim_end_matches([',', ':', ')', ';', '?'])
                .ends_with('\'');
            continue;
        }
        if word.starts_with('\'') || word.starts_with("('") {
            let rest = word.trim_start_matches(['(', '\'']);
            quoted = !(rest
                .trim_end_matches([',', ':', ')', ';', '?'])
                .ends_with('\''));
            kind.push_str("'' ");
            continue;
        }
        let varies = word.chars().any(|c| c.is_ascii_digit() || c.is_uppercase());
        kind.push_str(if varies { "#" } else { word });
        kind.push(' ');
    }
    kind
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kind_ignores_values_numbers_and_cells() {
        let a = kind_of("column 'level' (cell C2): level 'zz 0' is not on the scale: use 0 to 4");
        let b = kind_of("column 'level' (cell D91): level 'q' is not on the scale: use 0 to 4");
        assert_eq!(a, b);
        let c = kind_of("column 'person' (cell A2): unknown person 'x': not in the people file");
        assert_ne!(a, c);
        assert_eq!(
            kind_of("column C has no header but holds values (first in cell C2): fix"),
            kind_of("column AB has no header but holds values (first in cell AB7): fix")
        );
    }
}
