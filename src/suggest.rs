//! What a message says about a value someone typed or a file holds: the
//! value shortened so a hostile one cannot flood the output (`clip`), and
//! the known value it was probably meant to be (`suggest`, `did_you_mean`).
//!
//! A leaf: it imports nothing of the crate, so the model (look-ups by what
//! a user typed), the loaders and the diagnostics can all use it without
//! importing each other. It prints nothing and stores nothing.

use std::borrow::Cow;

/// Suggestions for misspelt person ids compare against every id; past this
/// many people that costs more than it helps (in loading and in look-ups).
pub const SUGGEST_PEOPLE_LIMIT: usize = 20_000;

/// The longest id (in characters) that gets a did-you-mean: longer ones are
/// not typos of a real id, and comparing them costs length × length.
pub const SUGGEST_CHARS: usize = 64;

/// Characters of a quoted value (a cell, an id, an argument) that are shown.
pub const VALUE_CHARS: usize = 80;

/// `value` as a diagnostic shows it: at most [`VALUE_CHARS`] characters,
/// then `…`. Every message that quotes file content or a command-line
/// argument quotes it through this.
pub fn clip(value: &str) -> Cow<'_, str> {
    clip_to(value, VALUE_CHARS)
}

/// `text` cut to `chars` characters, with `…` when it was longer.
pub fn clip_to(text: &str, chars: usize) -> Cow<'_, str> {
    // Byte length bounds the character count from above: most values are short.
    if text.len() <= chars {
        return Cow::Borrowed(text);
    }
    match text.char_indices().nth(chars) {
        None => Cow::Borrowed(text),
        Some((end, _)) => Cow::Owned(format!("{}…", &text[..end])),
    }
}

/// The closest of `candidates` to a misspelt `word`, if one is close enough
/// to be what was meant: the same but for case, or within a few edits
/// (a swap of two neighbours counts as one), one edit for short words.
///
/// Only words of up to [`SUGGEST_CHARS`] characters get one, and a
/// candidate whose length differs by more than the edits allowed is passed
/// over without comparing, so one search costs at most the number of
/// candidates times 64 × 67, however long the word or the candidates.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    // Bytes bound characters from above (a char is 1 to 4 bytes).
    if word.len() > 4 * SUGGEST_CHARS || word.chars().count() > SUGGEST_CHARS {
        return None;
    }
    let lower = word.to_lowercase();
    let length = lower.chars().count();
    let allowed = (length / 3).clamp(1, 3);
    candidates
        .into_iter()
        .filter(|c| *c != word)
        .filter(|c| {
            // Lowercasing may change a length by a little; the edit
            // distance is at least the difference in lengths.
            c.len() <= 4 * (length + allowed + 1)
                && c.chars().count().abs_diff(length) <= allowed + 1
        })
        .filter_map(|c| {
            let other = c.to_lowercase();
            let distance = strsim::osa_distance(&lower, &other);
            let close = distance <= allowed && distance < other.chars().count();
            close.then(|| (c, distance, strsim::jaro_winkler(&lower, &other)))
        })
        .min_by(|a, b| a.1.cmp(&b.1).then(b.2.total_cmp(&a.2)))
        .map(|(c, _, _)| c)
}

/// " (did you mean 'x'?)" or nothing.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    match suggest(word, candidates) {
        Some(s) => format!(" (did you mean '{s}'?)"),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_values_are_clipped_at_80_characters() {
        assert_eq!(clip("kari"), "kari");
        let long = "x".repeat(81);
        assert_eq!(clip(&long), format!("{}…", "x".repeat(80)));
        assert_eq!(clip(&"x".repeat(80)), "x".repeat(80));
        // Characters, not bytes: 80 'ø' (160 bytes) stay whole.
        assert_eq!(clip(&"ø".repeat(80)), "ø".repeat(80));
        assert_eq!(clip(&"ø".repeat(90)), format!("{}…", "ø".repeat(80)));
    }

    #[test]
    fn suggests_close_words_only() {
        assert_eq!(suggest("rsut", ["rust", "sql"]), Some("rust"));
        assert_eq!(suggest("Rust", ["rust", "sql"]), Some("rust"));
        assert_eq!(suggest("kubernetes", ["rust", "sql"]), None);
        assert_eq!(suggest("aad", ["ada", "bo"]), Some("ada"));
        assert_eq!(suggest("b0", ["ada", "bo"]), Some("bo"));
        assert_eq!(suggest("dve", ["dev", "support"]), Some("dev"));
        assert_eq!(suggest("it/ki", ["it", "it/platform"]), None);
        assert_eq!(suggest("it/ml", ["it/platform"]), None);
        assert_eq!(suggest("apps", ["app", "kunde"]), Some("app"));
        assert_eq!(
            suggest("70-20-11", ["70-20-10", "40-50-10"]),
            Some("70-20-10")
        );
    }

    #[test]
    fn long_words_and_far_lengths_get_no_suggestion() {
        // 65 characters: longer than any id a typo is suggested for.
        let long = "a".repeat(65);
        assert_eq!(suggest(&long, [&long[..64]]), None);
        assert_eq!(suggest(&long[..64], [&long[..63]]), Some(&long[..63]));
        assert_eq!(suggest("rust", ["a-very-long-skill-id"]), None);
    }
}
