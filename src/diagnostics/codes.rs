//! Stable codes of diagnostics (issue 30): `K0203 unknown-skill`. A CI job
//! filters and counts problems by code, never by the wording, which may
//! change. This module owns the one table from a message's kind to its
//! code; docs/format.md ("Diagnostic codes") lists the same table, and a
//! test keeps the two equal. A kind that has no code of its own yet gets
//! its area's (`K0100 organisation`, `K0300 file`, `K0500 workbook`,
//! `K0600 baseline`, `K0700 usage`), so every diagnostic has one.
//!
//! The kind is read from the message (the loaders build messages, not
//! codes): each row names words that only that kind of message has, and
//! the first row that matches wins, so the specific rows come first.

/// A diagnostic's code: `K` and four digits, and a name in kebab case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Code {
    pub id: &'static str,
    pub name: &'static str,
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.id, self.name)
    }
}

const fn code(id: &'static str, name: &'static str) -> Code {
    Code { id, name }
}

/// Each code, and the words (all of them) a message of its kind holds.
pub const TABLE: &[(Code, &[&str])] = &[
    // Baselines (src/load/baseline.rs).
    (code("K0601", "no-baseline-yet"), &["no baseline yet"]),
    (
        code("K0602", "baseline-renamed-organisation"),
        &["the baseline is for organisation"],
    ),
    (
        code("K0603", "baseline-not-json"),
        &["the baseline is not JSON"],
    ),
    (
        code("K0604", "baseline-other-organisation"),
        &["is for organisation"],
    ),
    (
        code("K0605", "baseline-impossible"),
        &["cannot be a kompetanse report"],
    ),
    (code("K0606", "baseline-wrong-report"), &["report, not a"]),
    (
        code("K0607", "baseline-not-a-report"),
        &["is not a kompetanse report"],
    ),
    (
        code("K0608", "baseline-newer"),
        &["newer than this kompetanse reads"],
    ),
    // Files and their structure.
    (code("K0301", "missing-file"), &["does not exist"]),
    (code("K0302", "unreadable-file"), &["cannot read"]),
    (code("K0303", "empty-file"), &["the file is empty"]),
    (code("K0304", "field-count"), &["fields but the header has"]),
    (
        code("K0305", "duplicate-column"),
        &["appears twice in the header"],
    ),
    (code("K0305", "duplicate-column"), &["both mean"]),
    (code("K0305", "duplicate-column"), &["has both a"]),
    (code("K0306", "ignored-column"), &["ignored (known columns"]),
    (code("K0307", "missing-column"), &["has no '"]),
    (code("K0307", "missing-column"), &["has neither a"]),
    (
        code("K0308", "unnamed-column"),
        &["has no header but holds values"],
    ),
    (code("K0309", "skipped-row"), &["has a blank level"]),
    (code("K0310", "duplicate-person"), &["duplicate person id"]),
    (code("K0311", "id-clash"), &["two different names"]),
    // Workbooks.
    (code("K0501", "unknown-sheet"), &["has no sheet"]),
    (code("K0502", "cell-error"), &["the cell holds the error"]),
    (code("K0503", "damaged-workbook"), &["damaged"]),
    // org.toml.
    (code("K0101", "invalid-toml"), &["invalid TOML"]),
    (code("K0102", "unknown-key"), &["unknown key"]),
    (code("K0103", "duplicate-id"), &["duplicate"]),
    (code("K0104", "invalid-id"), &["may only use letters"]),
    (code("K0104", "invalid-id"), &["only in case"]),
    (code("K0104", "invalid-id"), &["id is empty"]),
    (code("K0104", "invalid-id"), &["is a column name of"]),
    (code("K0105", "no-skills"), &["no [[skill]] is defined"]),
    (code("K0106", "invalid-mix"), &["mix"]),
    // References between files.
    (code("K0201", "unknown-person"), &["unknown person"]),
    (code("K0202", "unknown-role"), &["unknown role"]),
    (code("K0202", "unknown-role"), &["is not a [[role]]"]),
    (code("K0203", "unknown-skill"), &["unknown skill"]),
    (
        code("K0203", "unknown-skill"),
        &["is not a skill id or name"],
    ),
    (code("K0204", "unknown-unit"), &["is not declared"]),
    (code("K0205", "unit-without-people"), &["has no people"]),
    (code("K0205", "unit-without-people"), &["has a unit"]),
    (code("K0206", "unknown-driver"), &["unknown driver"]),
    (code("K0207", "no-role"), &["has no role"]),
    (code("K0208", "key-person"), &["key-person risk"]),
    // Values.
    (code("K0401", "invalid-level"), &["is not on the scale"]),
    (code("K0401", "invalid-level"), &["is not a level"]),
    (code("K0401", "invalid-level"), &["level", "whole number"]),
    (code("K0401", "invalid-level"), &["contradicts itself"]),
    (code("K0402", "invalid-date"), &["date"]),
    (code("K0402", "invalid-date"), &["is ambiguous"]),
    (code("K0402", "invalid-date"), &["two-digit year"]),
    (code("K0403", "invalid-number"), &["is not a number"]),
    (code("K0404", "invalid-flag"), &["must be yes/no"]),
    (code("K0405", "invalid-value"), &["must be"]),
    (code("K0406", "stale"), &["stale"]),
    (code("K0407", "expired"), &["expire"]),
    // Usage (main's errors).
    (code("K0701", "output-over-input"), &["refusing to write"]),
    (code("K0702", "unknown-format"), &["cannot tell the format"]),
    (code("K0703", "invalid-argument"), &["invalid value"]),
    (code("K0704", "unknown-argument"), &["unexpected argument"]),
    (
        code("K0705", "missing-argument"),
        &["required arguments were not provided"],
    ),
];

/// The areas: the code of a kind without its own, by where it was found.
pub const ORGANISATION: Code = code("K0100", "organisation");
pub const FILE: Code = code("K0300", "file");
pub const WORKBOOK: Code = code("K0500", "workbook");
pub const BASELINE: Code = code("K0600", "baseline");
pub const USAGE: Code = code("K0700", "usage");

/// The code of a message found in `path` (None: not in a file, e.g. an
/// argument).
pub fn code_of(message: &str, path: Option<&str>) -> Code {
    if let Some((code, _)) = TABLE
        .iter()
        .find(|(_, words)| words.iter().all(|w| message.contains(w)))
    {
        return *code;
    }
    match path {
        Some(p) if p.contains('#') || is_workbook(p) => WORKBOOK,
        Some(p) if p.ends_with(".toml") => ORGANISATION,
        Some(p) if p.ends_with(".json") => BASELINE,
        Some(_) => FILE,
        None => USAGE,
    }
}

/// A spreadsheet's file, by its extension.
pub fn is_workbook(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    [".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"]
        .iter()
        .any(|e| lower.ends_with(e))
}

/// Every code once, in table order, then the areas: what docs/format.md lists.
pub fn all() -> Vec<Code> {
    let mut codes: Vec<Code> = vec![ORGANISATION, FILE, WORKBOOK, BASELINE, USAGE];
    for (code, _) in TABLE {
        if !codes.contains(code) {
            codes.push(*code);
        }
    }
    codes.sort_by_key(|c| c.id);
    codes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specific_kinds_win_over_their_area() {
        let at = |m: &str, p: &str| code_of(m, Some(p)).to_string();
        assert_eq!(
            at(
                "unknown skill 'kubernets' (did you mean 'kubernetes'?)",
                "org.toml"
            ),
            "K0203 unknown-skill"
        );
        assert_eq!(
            at(
                "column 'level' (cell C2): level 'x' is not on the scale: use 0 to 4",
                "a.xlsx#Ark1"
            ),
            "K0401 invalid-level"
        );
        assert_eq!(at("something new", "org.toml"), "K0100 organisation");
        assert_eq!(at("something new", "a.xlsx#Ark1"), "K0500 workbook");
        assert_eq!(code_of("something new", None).id, "K0700");
        assert_eq!(
            at("no baseline yet: every need is new", "main.json"),
            "K0601 no-baseline-yet"
        );
    }

    #[test]
    fn one_id_has_one_name() {
        let codes = all();
        for (i, a) in codes.iter().enumerate() {
            for b in &codes[i + 1..] {
                assert!(a.id != b.id && a.name != b.name, "{a} and {b}");
            }
        }
    }
}
