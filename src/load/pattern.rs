//! FORMAT.md r3: an assessment file named by a pattern (`"svar/*.xlsx"`)
//! names every matching file, in name order. Only the last part of the
//! path may hold `*` (any run of characters) and `?` (any one character);
//! the folders before it are taken as written. A pattern that matches
//! nothing is a warning, not an error, so an empty `svar/` before the first
//! answers come back is fine.

use std::path::{Path, PathBuf};

/// Does the file name part of `path` hold a wildcard?
pub fn is_pattern(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.contains(['*', '?']))
}

/// The files in `pattern`'s folder whose names match its last part, in
/// plain byte order of names (folders and dot files left out, as a shell's
/// `*` leaves them out). An unreadable or missing folder matches nothing.
pub fn expand(pattern: &Path) -> Vec<PathBuf> {
    let Some(name) = pattern.file_name().and_then(|n| n.to_str()) else {
        return Vec::new();
    };
    let dir = match pattern.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<(String, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let file = entry.file_name().into_string().ok()?;
            let keep = !file.starts_with('.')
                && matches(name.as_bytes(), file.as_bytes())
                && entry.path().is_file();
            keep.then(|| (file, pattern.with_file_name(entry.file_name())))
        })
        .collect();
    found.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    found.into_iter().map(|(_, path)| path).collect()
}

/// Glob matching of `*` and `?` over bytes (`?` is one byte: names here
/// are matched as written, and a wildcard next to æøå still works, since
/// `*` takes any run of bytes). Iterative with one backtrack point: linear
/// in practice, never exponential.
fn matches(pattern: &[u8], name: &[u8]) -> bool {
    let (mut p, mut n) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while n < name.len() {
        match pattern.get(p) {
            Some(b'*') => {
                star = Some((p, n));
                p += 1;
            }
            Some(&c) if c == b'?' || c == name[n] => {
                p += 1;
                n += 1;
            }
            _ => match star {
                Some((sp, sn)) => {
                    p = sp + 1;
                    n = sn + 1;
                    star = Some((sp, sn + 1));
                }
                None => return false,
            },
        }
    }
    pattern[p..].iter().all(|&c| c == b'*')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stars_and_question_marks() {
        assert!(matches(b"*.xlsx", b"kari.xlsx"));
        assert!(matches(b"*.xlsx", b".xlsx"));
        assert!(!matches(b"*.xlsx", b"kari.xlsx.bak"));
        assert!(matches(b"svar-??.csv", b"svar-01.csv"));
        assert!(!matches(b"svar-??.csv", b"svar-1.csv"));
        assert!(matches(b"*", b"anything"));
        assert!(matches(b"a*b*c", b"aXXbYYc"));
        assert!(!matches(b"a*b*c", b"aXXbYY"));
        assert!(matches("*å*.csv".as_bytes(), "kåre.csv".as_bytes()));
        assert!(!matches(b"", b"x"));
    }

    #[test]
    fn a_folder_is_listed_in_name_order_without_folders_or_dot_files() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.csv", "a.csv", ".hidden.csv", "c.txt", "10.csv"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        std::fs::create_dir(dir.path().join("d.csv")).unwrap();
        let found = expand(&dir.path().join("*.csv"));
        let names: Vec<_> = found
            .iter()
            .map(|p| p.file_name().unwrap().to_str().unwrap())
            .collect();
        assert_eq!(names, ["10.csv", "a.csv", "b.csv"]);
        assert!(expand(&dir.path().join("nothing/*.csv")).is_empty());
        assert!(is_pattern(Path::new("svar/*.xlsx")));
        assert!(!is_pattern(Path::new("svar*/a.xlsx")));
    }
}
