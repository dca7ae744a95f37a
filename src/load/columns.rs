//! Column names (FORMAT.md "Column names"): the one table of the English
//! and Norwegian names every reader (people, wide, long) accepts, matched
//! case-insensitively and trimmed, and the header checks built on it: which
//! column is which, two names for one column, columns that are ignored, a
//! missing column that a header probably meant.

use crate::diagnostics::{Diagnostics, clip, suggest};
use crate::load::csv::CsvFile;
use crate::load::place::Place;

/// Each column's name and the other names it may be written as.
pub const ALIASES: &[(&str, &[&str])] = &[
    ("id", &[]),
    ("person", &["ansatt", "ansattnr"]),
    ("name", &["navn"]),
    (
        "first name",
        &["fornavn", "first_name", "firstname", "given name"],
    ),
    (
        "last name",
        &["etternavn", "last_name", "lastname", "surname"],
    ),
    ("unit", &["enhet", "avdeling"]),
    ("role", &["rolle", "stilling"]),
    ("skill", &["kompetanse", "ferdighet"]),
    ("level", &["nivå", "niva"]),
    ("assessed", &["vurdert", "dato"]),
    ("expires", &["utløper", "utloper", "gyldig til"]),
    ("source", &["kilde"]),
    ("interest", &["interesse", "ønske"]),
    ("capacity", &["kapasitet"]),
    ("starts", &["startdato", "starter"]),
    ("leaves", &["sluttdato", "slutter"]),
];

/// A header cell, skill id or name as it is compared (FORMAT.md r3
/// "Headers as people write them"): lowercased, trimmed, and every run of
/// white space (a line break from Alt+Enter, a non-breaking space, a tab)
/// one space. Only headers and the catalogue are folded, never data cells.
pub fn fold(text: &str) -> String {
    let bytes = text.as_bytes();
    // Most headers and names are ASCII words with single spaces between.
    if bytes.iter().all(|&b| b.is_ascii_graphic() || b == b' ')
        && !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ")
    {
        return text.to_ascii_lowercase();
    }
    fold_words(text)
}

/// [`fold`] for any text, word by word.
fn fold_words(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !folded.is_empty() {
            folded.push(' ');
        }
        folded.extend(word.chars().flat_map(char::to_lowercase));
    }
    folded
}

/// Longer than any column name (`gyldig til`), with room for space around
/// it: a longer cell is never one, and is not folded to find out.
const KEY_BYTES: usize = 24;

/// The known column a cell (trimmed, as written) names, if any: rows are
/// searched for the header before it is known.
pub fn known_cell(cell: &str) -> Option<&'static str> {
    (cell.len() <= KEY_BYTES)
        .then(|| canonical(&fold(cell)))
        .flatten()
}

/// The column a header (folded, see [`fold`]) names, if it is a known one.
pub fn canonical(header: &str) -> Option<&'static str> {
    ALIASES
        .iter()
        .find(|(name, also)| *name == header || also.contains(&header))
        .map(|(name, _)| *name)
}

/// Every accepted spelling of the columns `known`, for did-you-mean.
fn spellings<'a>(known: &'a [&'a str]) -> impl Iterator<Item = &'static str> + 'a {
    ALIASES
        .iter()
        .filter(|(name, _)| known.contains(name))
        .flat_map(|(name, also)| std::iter::once(*name).chain(also.iter().copied()))
}

/// A file's header read as known columns.
pub struct Header {
    /// The known column each header cell names.
    pub known: Vec<Option<&'static str>>,
}

impl Header {
    /// Reads `file`'s header; two cells naming one column (`enhet` and
    /// `unit`) are an error, and then there is no header to read by.
    pub fn new(file: &CsvFile, diags: &mut Diagnostics) -> Option<Header> {
        let known: Vec<Option<&'static str>> = file.header.iter().map(|h| canonical(h)).collect();
        let place = Place::of(file);
        let mut ok = true;
        // Known column -> its first cell: a header may have 200,000 cells.
        let mut firsts: Vec<(&'static str, usize)> = Vec::new();
        for (i, k) in known.iter().enumerate() {
            let Some(k) = k else { continue };
            let first = match firsts.iter().find(|(name, _)| name == k) {
                Some(&(_, first)) => Some(first),
                None => {
                    firsts.push((k, i));
                    None
                }
            };
            if let Some(first) = first {
                place.header_error(
                    diags,
                    i,
                    format!(
                        "columns '{}' and '{}' both mean '{k}': keep one",
                        clip(&file.header_raw[first]),
                        clip(&file.header_raw[i])
                    ),
                );
                ok = false;
            }
        }
        ok.then_some(Header { known })
    }

    /// The index of the column `name` (by any of its names).
    pub fn find(&self, name: &str) -> Option<usize> {
        self.known.iter().position(|k| *k == Some(name))
    }

    /// True when column `index` is one of `names`.
    pub fn is(&self, index: usize, names: &[&str]) -> bool {
        self.known[index].is_some_and(|k| names.contains(&k))
    }
}

/// " (is 'ident' meant to be 'id'?)" when a header cell that is not a
/// known column looks like the missing one; `taken` says which cells are
/// something else (a skill's column is never proposed as a misspelling).
pub fn meant_as(
    file: &CsvFile,
    header: &Header,
    missing: &str,
    taken: impl Fn(usize) -> bool,
) -> String {
    let names: Vec<&str> = spellings(&[missing]).collect();
    file.header_raw
        .iter()
        .enumerate()
        .filter(|&(i, h)| header.known[i].is_none() && !h.is_empty() && !taken(i))
        .find(|(i, _)| {
            let lower = &file.header[*i];
            names.iter().any(|n| lower.starts_with(n))
                || suggest(lower, names.iter().copied()).is_some()
        })
        .map(|(_, h)| format!(" (is '{}' meant to be '{missing}'?)", clip(h)))
        .unwrap_or_default()
}

/// Ignored columns named one by one in the warning about them.
const IGNORED_LISTED: usize = 20;

/// One warning for the header cells that are not among the `known`
/// columns: `all` lists every one (people.csv, where an HR export has
/// many), otherwise only those that look like a misspelt known column.
/// `also` are columns read under another's name (`person` is people.csv's
/// `id`): accepted, but not listed, so each column is named once.
/// Cells with no header are left to `unnamed_columns`.
pub fn warn_ignored(
    file: &CsvFile,
    header: &Header,
    known: &[&str],
    also: &[&str],
    all: bool,
    diags: &mut Diagnostics,
) {
    let accepted: Vec<&str> = known.iter().chain(also).copied().collect();
    let mut listed = Vec::new();
    // Only so many are named; the rest are counted.
    let mut unnamed = 0;
    let mut more = false;
    for (i, raw) in file.header_raw.iter().enumerate() {
        if raw.is_empty() || header.known[i].is_some_and(|k| accepted.contains(&k)) {
            continue;
        }
        if listed.len() >= IGNORED_LISTED {
            // Past the list, a did-you-mean per column is work for nothing:
            // all are counted; the misspelt ones only, without looking.
            if all {
                unnamed += 1;
                continue;
            }
            more = true;
            break;
        }
        let near = suggest(&file.header[i], spellings(&accepted))
            .filter(|s| header.find(canonical(s).unwrap_or(s)).is_none());
        match near {
            Some(s) => listed.push(format!("'{}' (did you mean '{s}'?)", clip(raw))),
            None if all => listed.push(format!("'{}'", clip(raw))),
            None => {}
        }
    }
    if listed.is_empty() {
        return;
    }
    if unnamed > 0 {
        listed.push(format!("and {unnamed} more"));
    } else if more {
        listed.push("and more".to_string());
    }
    let (what, verb) = if listed.len() == 1 {
        ("column", "is")
    } else {
        ("columns", "are")
    };
    Place::of(file).file_warning(
        diags,
        format!(
            "{what} {} {verb} ignored (known columns: {})",
            listed.join(", "),
            known.join(", ")
        ),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norwegian_names_are_the_same_columns() {
        assert_eq!(canonical("ansattnr"), Some("person"));
        assert_eq!(canonical("nivå"), Some("level"));
        assert_eq!(canonical("gyldig til"), Some("expires"));
        assert_eq!(canonical("ønske"), Some("interest"));
        assert_eq!(canonical("kapasitet"), Some("capacity"));
        assert_eq!(canonical("enhte"), None);
    }

    #[test]
    fn headers_fold_case_and_every_white_space() {
        assert_eq!(fold(" Rust\nprogramming "), "rust programming");
        assert_eq!(fold("Gyldig\u{a0}\u{a0}til\t"), "gyldig til");
        assert_eq!(fold("ÆRØ"), "ærø");
        // The ASCII shortcut folds as the word-by-word way does.
        for text in [
            "",
            " ",
            "Rust",
            "Gyldig til",
            "a  b",
            " a",
            "a ",
            "a\tb",
            "MiXed-Case_42 X",
            "ÆRØ x",
            "~!@ Z",
            "a\u{a0}b",
            "\u{7f}A",
            "İ",
        ] {
            assert_eq!(fold(text), fold_words(text), "{text:?}");
        }
        assert_eq!(known_cell("Ansattnr"), Some("person"));
        assert_eq!(known_cell("PERSON"), Some("person"));
        assert_eq!(known_cell("Navn"), Some("name"));
        assert_eq!(known_cell(&"x".repeat(100)), None);
    }

    #[test]
    fn ignored_columns_name_each_known_column_once() {
        let text = "Ansattnr;Navn;Epost;Enhte\n1001;Kari;k@x.no;it\n";
        let source = Box::new(std::io::Cursor::new(text.as_bytes().to_vec()));
        let file = CsvFile::from_reader(source, "people.csv", None)
            .ok()
            .unwrap();
        let mut diags = Diagnostics::default();
        let header = Header::new(&file, &mut diags).unwrap();
        let known = ["id", "name", "unit", "role"];
        warn_ignored(&file, &header, &known, &["person"], true, &mut diags);
        let all = diags.into_vec();
        assert_eq!(all.len(), 1, "{all:?}");
        assert_eq!(
            all[0].message,
            "columns 'Epost', 'Enhte' (did you mean 'enhet'?) are ignored \
             (known columns: id, name, unit, role)"
        );
    }
}
