//! One file per item in a folder (`survey -o DIR`): safe file names made
//! from ids, and the folder's rules. Nothing is ever written outside the
//! folder: a name is one path component, never `.`, `..` or hidden, and a
//! target that is a symbolic link is refused rather than followed. A
//! folder that holds other files is refused unless `--force`, and even
//! then no input file is written over. Every file is made in memory
//! before the first is written, and each is written atomically; if one
//! cannot be written, the files this run made are removed again.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::cli::UsageError;
use crate::cli::output::write_atomically;

/// The longest file name made (in bytes, before the extension): file
/// systems allow 255, and a folder of forms is read by people.
const NAME_BYTES: usize = 100;

/// Names Windows reserves for devices, whatever the extension.
const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// A safe file name stem for `id`: letters (any script), digits, `_`,
/// `-`, `.` and `@` are kept, anything else (`/`, `\`, `:`, spaces,
/// control characters) becomes `_`; a leading `.` becomes `_` (no hidden
/// files, no `..`); an empty or device name (`con`, `nul.x`) gets a `_`;
/// long ids are cut at a character boundary.
pub fn safe_stem(id: &str) -> String {
    let mut stem = String::new();
    for c in id.chars() {
        let keep = c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '@');
        let c = if keep { c } else { '_' };
        if stem.len() + c.len_utf8() > NAME_BYTES {
            break;
        }
        stem.push(c);
    }
    if stem.starts_with('.') {
        stem.replace_range(0..1, "_");
    }
    // Windows drops trailing dots and spaces: "a." and "a" would clash.
    while stem.ends_with('.') {
        stem.pop();
        stem.push('_');
    }
    let bare = stem.split('.').next().unwrap_or("");
    if RESERVED.contains(&bare.to_lowercase().as_str()) {
        stem.insert(bare.len(), '_');
    }
    if stem.is_empty() {
        stem.push('_');
    }
    stem
}

/// A file name for each id, with `extension`: [`safe_stem`], and where two
/// ids would give one name (ignoring letter case, as Windows and macOS
/// do), the later gets `-2`, `-3`... Ids are taken in the order given.
pub fn file_names(ids: &[&str], extension: &str) -> Vec<String> {
    let mut taken: HashSet<String> = HashSet::new();
    ids.iter()
        .map(|id| {
            let stem = safe_stem(id);
            let mut name = format!("{stem}.{extension}");
            let mut n = 2;
            while !taken.insert(name.to_lowercase()) {
                name = format!("{stem}-{n}.{extension}");
                n += 1;
            }
            name
        })
        .collect()
}

/// Checks `dir` before anything is made: it is a folder or does not exist
/// yet, and (unless `force`) holds nothing.
pub fn check_folder(dir: &Path, force: bool) -> Result<(), UsageError> {
    if !dir.exists() {
        return Ok(());
    }
    if !dir.is_dir() {
        return Err(UsageError(format!(
            "'{}' is a file, not a folder: give a folder for the forms",
            dir.display()
        )));
    }
    let entries = std::fs::read_dir(dir)
        .map_err(|e| UsageError(format!("cannot read folder '{}': {e}", dir.display())))?
        .count();
    if entries > 0 && !force {
        return Err(UsageError(format!(
            "folder '{}' is not empty ({entries} entries): give an empty or new folder, or --force to write into it (files of the same names are replaced)",
            dir.display()
        )));
    }
    Ok(())
}

/// Writes each `(name, bytes)` into `dir` (made if missing), after
/// checking every target: none may be a symbolic link, a folder, or one
/// of `inputs`. Returns the paths written.
pub fn write_all(
    dir: &Path,
    files: &[(String, Vec<u8>)],
    inputs: &[PathBuf],
) -> anyhow::Result<Vec<PathBuf>> {
    let inputs: HashSet<PathBuf> = inputs
        .iter()
        .filter_map(|p| p.canonicalize().ok())
        .collect();
    let mut refused = Vec::new();
    for (name, _) in files {
        let target = dir.join(name);
        let Ok(meta) = target.symlink_metadata() else {
            continue;
        };
        if meta.file_type().is_symlink() {
            refused.push(format!(
                "'{}' is a symbolic link: refusing to write through it",
                target.display()
            ));
        } else if meta.is_dir() {
            refused.push(format!("'{}' is a folder", target.display()));
        } else if target.canonicalize().is_ok_and(|t| inputs.contains(&t)) {
            refused.push(format!(
                "refusing to write a form over the input file '{}'",
                target.display()
            ));
        }
    }
    if !refused.is_empty() {
        return Err(UsageError(format!(
            "{}\nerror: nothing was written",
            refused.join("\nerror: ")
        ))
        .into());
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| anyhow::anyhow!("cannot create folder '{}': {e}", dir.display()))?;
    let mut written: Vec<(PathBuf, bool)> = Vec::new();
    for (name, bytes) in files {
        let target = dir.join(name);
        let existed = target.exists();
        if let Err(e) = write_atomically(&target, |out| out.write_all(bytes)) {
            // Leave the folder as it was, as far as this run made it.
            for (path, existed) in &written {
                if !existed {
                    let _ = std::fs::remove_file(path);
                }
            }
            return Err(e);
        }
        written.push((target, existed));
    }
    Ok(written.into_iter().map(|(p, _)| p).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_stay_in_the_folder_and_are_not_hidden() {
        assert_eq!(safe_stem("kari.nordmann"), "kari.nordmann");
        assert_eq!(safe_stem("åse.bjørkli"), "åse.bjørkli");
        assert_eq!(safe_stem("../../etc/passwd"), "_._.._etc_passwd");
        assert_eq!(safe_stem(".."), "__");
        assert_eq!(safe_stem(".skjult"), "_skjult");
        assert_eq!(safe_stem("a/b\\c:d e\u{1b}"), "a_b_c_d_e_");
        assert_eq!(safe_stem(""), "_");
        assert_eq!(safe_stem("CON"), "CON_");
        assert_eq!(safe_stem("nul.x"), "nul_.x");
        assert_eq!(safe_stem("x."), "x_");
        assert!(safe_stem(&"é".repeat(200)).len() <= NAME_BYTES);
        for stem in [safe_stem("../x"), safe_stem("/abs"), safe_stem("a/../../b")] {
            assert!(!stem.contains('/') && !stem.starts_with('.'), "{stem}");
        }
    }

    #[test]
    fn names_that_clash_ignoring_case_are_numbered() {
        let names = file_names(&["Kari", "kari", "ka/ri", "ka_ri"], "xlsx");
        assert_eq!(
            names,
            ["Kari.xlsx", "kari-2.xlsx", "ka_ri.xlsx", "ka_ri-2.xlsx"]
        );
    }
}
