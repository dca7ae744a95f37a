//! The fuzz harness: how each fuzz target turns libFuzzer's bytes into
//! files and runs them through the library, the way the CLI would.
//!
//! It owns the input shapes (which file a target's bytes become, the fixed
//! org.toml the profile readers are given, the separator of the whole-path
//! target) and nothing else: it must not check results or print, only run
//! the code so that a panic, a hang or an allocation blow-up shows. The
//! same functions replay the regression corpus in `cargo test`
//! (tests/fuzz_regressions.rs includes this file by path), so a crash found
//! here is a test there without a second copy of the shapes.

use std::path::{Path, PathBuf};

use kompetanse::analysis::PeopleFilter;
use kompetanse::analysis::balance::{BalanceOptions, balance_report};
use kompetanse::analysis::gap::{GapFilter, gap_report};
use kompetanse::analysis::plan::plan_report;
use kompetanse::load::{self, LoadOptions};
use kompetanse::render::{self, Format, Style};

/// Splits the whole-path target's input into org.toml, people.csv and
/// assessments.csv (in that order; a missing part is a missing file).
pub const SEPARATOR: &[u8] = b"\n=====\n";

/// The org.toml given to the CSV and workbook targets: the scale, skills
/// (with the names the wide seeds head their columns with) and roles of
/// examples/tiny and examples/nordvik-kommune, no closed unit list, so that
/// the seeds load cleanly and the fuzzer starts from files that read.
const PROFILE_ORG: &str = r#"
[organisation]
name = "Fuzz"
as_of = 2026-11-26

[scale]
levels = ["ingen", "grunnleggende", "god", "avansert", "ekspert"]

[[skill]]
id = "rust"
name = "Rust programming"
[[skill]]
id = "sql"
name = "SQL"
[[skill]]
id = "kundedialog"
name = "Kundedialog"
[[skill]]
id = "førstehjelp"
name = "Førstehjelp (gyldig kurs)"
renew_hours = 8
[[skill]]
id = "legemiddelhåndtering"
name = "Legemiddelhåndtering"
[[skill]]
id = "demensomsorg"
name = "Demensomsorg"
[[skill]]
id = "dokumentasjon"
name = "Dokumentasjon i EPJ"
[[skill]]
id = "velferdsteknologi"
name = "Velferdsteknologi"
[[skill]]
id = "språkutvikling"
name = "Språkutvikling hos barn"

[[role]]
id = "dev"
requires = { rust = 3, sql = 2 }
[[role]]
id = "sykepleier"
requires = { "legemiddelhåndtering" = 3, "førstehjelp" = 2 }
[[role]]
id = "helsefagarbeider"
requires = { demensomsorg = 2 }
[[role]]
id = "pedagog"
requires = { "språkutvikling" = 3 }

[[need]]
skill = "rust"
level = 3
count = 2
[[need]]
skill = "førstehjelp"
level = 2
count = 3
"#;

/// A people file the assessment cases are read against.
const PEOPLE: &str = "id,name,unit,role\nada,Ada,app,dev\n1001,Kari,helse/sykehjem,sykepleier\n";

/// An assessment file the people cases are read with.
const ASSESSMENTS: &str =
    "person,skill,level,assessed\nada,rust,3,2026-03-01\n1001,førstehjelp,2,2026-03-01\n";

/// A scratch folder for one input (one per process and thread, so parallel
/// fuzz jobs and test threads never share files), removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!(
            "kompetanse-fuzz-{}-{name}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        // Left over when a previous input aborted the process.
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create the scratch folder");
        Scratch(dir)
    }
}

impl std::ops::Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).expect("write a scratch file");
}

/// The org.toml loader: the bytes are org.toml, alone in a folder.
pub fn org_toml(data: &[u8]) {
    let dir = Scratch::new("org");
    write(&dir, "org.toml", data);
    let _ = load::load(&dir.join("org.toml"), &LoadOptions::default());
}

/// The CSV readers. The first byte chooses what the rest is: people.csv
/// (read with a fixed assessments.csv), assessments.csv (long or wide, as
/// its header says; read with a fixed people.csv) or assessments.csv with
/// no people file (people are then added as they are named).
pub fn csv(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let dir = Scratch::new("csv");
    let profiles = match mode % 3 {
        0 => {
            write(&dir, "people.csv", rest);
            write(&dir, "assessments.csv", ASSESSMENTS.as_bytes());
            "people = \"people.csv\"\nassessments = [\"assessments.csv\"]"
        }
        1 => {
            write(&dir, "people.csv", PEOPLE.as_bytes());
            write(&dir, "assessments.csv", rest);
            "people = \"people.csv\"\nassessments = [\"assessments.csv\"]"
        }
        _ => {
            write(&dir, "assessments.csv", rest);
            "assessments = [\"assessments.csv\"]"
        }
    };
    write(
        &dir,
        "org.toml",
        format!("[profiles]\n{profiles}\n{PROFILE_ORG}").as_bytes(),
    );
    let _ = load::load(&dir.join("org.toml"), &LoadOptions::default());
}

/// The workbook reader. The first byte chooses whether the rest is the
/// people or the assessments workbook, and whether it is named `.xlsx` or
/// `.ods` (calamine chooses its reader by the name); the other file is a
/// fixed CSV.
pub fn xlsx(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let ext = if mode & 2 == 0 { "xlsx" } else { "ods" };
    workbook("xlsx", mode, ext, rest);
}

/// The OpenDocument reader alone: as [`xlsx`], but the workbook is always
/// named `.ods`, so every input reaches calamine's ODS reader (its own zip
/// layout and XML, with repeated rows and columns); the first byte's bit 0
/// chooses the people or the assessments workbook.
pub fn ods(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    workbook("ods", mode, "ods", rest);
}

/// `rest` written as the people (`mode` bit 0 clear) or the assessments
/// workbook named `.{ext}`, the other file a fixed CSV, then loaded.
fn workbook(target: &str, mode: u8, ext: &str, rest: &[u8]) {
    let dir = Scratch::new(target);
    let (people, assessments) = if mode & 1 == 0 {
        write(&dir, &format!("people.{ext}"), rest);
        write(&dir, "assessments.csv", ASSESSMENTS.as_bytes());
        (format!("people.{ext}"), "assessments.csv".to_string())
    } else {
        write(&dir, "people.csv", PEOPLE.as_bytes());
        write(&dir, &format!("assessments.{ext}"), rest);
        ("people.csv".to_string(), format!("assessments.{ext}"))
    };
    write(
        &dir,
        "org.toml",
        format!(
            "[profiles]\npeople = \"{people}\"\nassessments = [\"{assessments}\"]\n{PROFILE_ORG}"
        )
        .as_bytes(),
    );
    let _ = load::load(&dir.join("org.toml"), &LoadOptions::default());
}

/// The whole path: org.toml, people.csv and assessments.csv from one input
/// split by [`SEPARATOR`], loaded, and when valid analysed (gap, plan,
/// balance with and without units) and rendered as JSON.
pub fn pipeline(data: &[u8]) {
    let dir = Scratch::new("pipeline");
    let names = ["org.toml", "people.csv", "assessments.csv"];
    for (name, part) in names.iter().zip(split(data, SEPARATOR)) {
        write(&dir, name, part);
    }
    let loaded = load::load(&dir.join("org.toml"), &LoadOptions::default());
    let Some(org) = loaded.org else {
        return;
    };
    let style = Style::default();
    let gap = gap_report(&org, &GapFilter::default());
    let _ = render::render(&gap, Format::Json, style, std::io::sink());
    let plan = plan_report(&org, &PeopleFilter::default());
    let _ = render::render(&plan, Format::Json, style, std::io::sink());
    for by_unit in [false, true] {
        let options = BalanceOptions {
            by_unit,
            ..BalanceOptions::default()
        };
        let balance = balance_report(&org, &options);
        let _ = render::render(&balance, Format::Json, style, std::io::sink());
    }
}

/// `data` cut at each `separator` (at most three parts: the last keeps the rest).
fn split<'a>(data: &'a [u8], separator: &[u8]) -> Vec<&'a [u8]> {
    let mut parts = Vec::new();
    let mut rest = data;
    while parts.len() < 2 {
        match memfind(rest, separator) {
            Some(at) => {
                parts.push(&rest[..at]);
                rest = &rest[at + separator.len()..];
            }
            None => break,
        }
    }
    parts.push(rest);
    parts
}

fn memfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}
