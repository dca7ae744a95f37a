//! Long-format files over several 2 MB blocks that turn out not to be
//! UTF-8 late (FORMAT.md "CSV dialect": a file that is not valid UTF-8 is
//! read as Windows-1252, with one warning). The reader takes such a file
//! as UTF-8 block by block and, at the first block that is not, goes back
//! to the last state that reads the same either way (the snapshot before
//! the first non-ASCII block, or the start). Each test builds a file with
//! a Windows-1252 byte only in a late block and the same text properly
//! UTF-8-encoded, runs the binary on both, and expects the same `gap` and
//! `balance` JSON, the same diagnostics in the same order, and exactly one
//! Windows-1252 warning for the file.

mod common;

use common::Fixture;

/// The warning for a file read as Windows-1252.
const WARNING: &str = "assessments.csv: warning: not UTF-8: read as Windows-1252";

/// Over 5 MB: two 2 MB blocks and some of a third.
const SIZE: usize = 5_400_000;

/// How the file's text differs from plain ASCII, and where.
struct Shape {
    /// A last column headed `vår ref` (no values), which makes the header
    /// itself non-ASCII: the reader then goes back to the very start.
    extra_column: bool,
    /// Byte offset of an early row whose source is valid UTF-8 (`Åse`).
    early_utf8: Option<usize>,
    /// Byte offset of the late rows with `Bjørn` (a person and a source).
    late: usize,
    /// Whether people.csv names the people (else the assessments do).
    people_file: bool,
}

/// The file as bytes: `windows_1252` writes the late `ø` as the single
/// byte 0xF8; otherwise everything is UTF-8 of the text the Windows-1252
/// file means (the early `Åse`, valid UTF-8 in the first file, is then
/// Windows-1252 text too: `Ã…se`, as the whole file is read that way).
fn assessments(shape: &Shape, windows_1252: bool) -> Vec<u8> {
    // The header is text too: read as Windows-1252 its `å` (valid UTF-8)
    // is `Ã¥`, an unknown column either way.
    let (extra, end) = match (shape.extra_column, windows_1252) {
        (false, _) => ("", "\n"),
        (true, true) => (",vår ref", ",\n"),
        (true, false) => (",vÃ¥r ref", ",\n"),
    };
    let mut out = format!("person,skill,level,assessed,source{extra}\n").into_bytes();
    let mut i = 0usize;
    let mut early_done = shape.early_utf8.is_none();
    let mut late_done = false;
    while out.len() < SIZE {
        let person = format!("p{:03}", i % 300);
        let skill = format!("s{:02}", (i / 300) % 40);
        let level = (i * 7 + i / 300) % 5;
        // Every few thousand rows a stale one (a warning listed a few
        // times, then counted), in every block.
        let assessed = if i % 4999 == 17 {
            "2019-01-15"
        } else {
            ["2026-01-15", "2026-02-15", "2026-03-15"][i % 3]
        };
        out.extend_from_slice(
            format!("{person},{skill},{level},{assessed},manager review yearly appraisal {i}{end}")
                .as_bytes(),
        );
        if !early_done && out.len() >= shape.early_utf8.unwrap_or(0) {
            early_done = true;
            let source: &[u8] = if windows_1252 {
                "Åse".as_bytes()
            } else {
                "Ã…se".as_bytes()
            };
            out.extend_from_slice(b"p001,s00,2,2026-01-20,");
            out.extend_from_slice(source);
            out.extend_from_slice(end.as_bytes());
        }
        if !late_done && out.len() >= shape.late {
            late_done = true;
            let o: &[u8] = if windows_1252 {
                b"\xF8"
            } else {
                "ø".as_bytes()
            };
            for (skill, level) in [("s00", "4"), ("s01", "3"), ("s02", "4")] {
                out.extend_from_slice(b"bj");
                out.extend_from_slice(o);
                out.extend_from_slice(format!("rn,{skill},{level},2026-03-01,").as_bytes());
                out.extend_from_slice(b"Bj");
                out.extend_from_slice(o);
                out.extend_from_slice(b"rn selv");
                out.extend_from_slice(end.as_bytes());
            }
        }
        i += 1;
    }
    assert!(
        early_done && late_done,
        "the file is too small for its shape"
    );
    out
}

/// An organisation reading `assessments` (and people.csv when asked).
fn fixture(shape: &Shape, assessments_csv: Vec<u8>) -> Fixture {
    let mut skills = String::new();
    for s in 0..40 {
        skills.push_str(&format!("[[skill]]\nid = \"s{s:02}\"\n\n"));
    }
    let mut org = String::from(
        "[organisation]\nname = \"Test\"\nas_of = 2026-06-15\n\n[profiles]\n\
         assessments = [\"assessments.csv\"]\n",
    );
    if shape.people_file {
        org.push_str("people = \"people.csv\"\n");
    }
    org.push('\n');
    org.push_str(&skills);
    for (id, skill, level, count) in [
        ("n0", "s00", 4, 20),
        ("n1", "s01", 3, 80),
        ("n2", "s02", 4, 30),
    ] {
        org.push_str(&format!(
            "[[need]]\nid = \"{id}\"\nskill = \"{skill}\"\nlevel = {level}\ncount = {count}\n\n"
        ));
    }
    let mut people = String::from("id,name\n");
    for p in 0..300 {
        people.push_str(&format!("p{p:03},Person {p}\n"));
    }
    people.push_str("bjørn,Bjørn Ås\n");
    Fixture::new(&org)
        .file("people.csv", &people)
        .bytes("assessments.csv", &assessments_csv)
}

/// stdout and stderr of a run that must succeed.
fn run(fixture: &Fixture, args: &[&str]) -> (String, String) {
    let out = fixture.run(args);
    let stderr = String::from_utf8(out.stderr).expect("stderr is UTF-8");
    assert_eq!(out.status.code(), Some(0), "{args:?} failed:\n{stderr}");
    (
        String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr,
    )
}

/// The Windows-1252 file and its UTF-8 twin read the same, with one warning.
fn assert_reads_like_utf8(shape: Shape) {
    let cp1252 = assessments(&shape, true);
    let utf8 = assessments(&shape, false);
    assert!(cp1252.len() > 5_000_000);
    assert!(std::str::from_utf8(&cp1252).is_err());
    let first_bad = cp1252.iter().position(|&b| b == 0xF8).unwrap();
    assert!(first_bad > 4 << 20, "the bad byte is in a late block");
    let (with_bad, twin) = (fixture(&shape, cp1252), fixture(&shape, utf8));
    for view in [
        &["gap", "org.toml", "-f", "json"][..],
        &["balance", "org.toml", "-f", "json"],
        &["gap", "org.toml", "--by", "skill", "-f", "json"],
    ] {
        let (out, err) = run(&with_bad, view);
        let (want, want_err) = run(&twin, view);
        assert_eq!(
            out, want,
            "{view:?}: the output differs from the UTF-8 file's"
        );
        let warnings = err.lines().filter(|l| l.starts_with(WARNING)).count();
        assert_eq!(warnings, 1, "{view:?}: one Windows-1252 warning:\n{err}");
        assert_eq!(
            want_err
                .lines()
                .filter(|l| l.contains("Windows-1252"))
                .count(),
            0,
            "the UTF-8 twin is read as UTF-8"
        );
        // Every other diagnostic once, as reading the UTF-8 file gives them.
        let rest: Vec<&str> = err.lines().filter(|l| !l.starts_with(WARNING)).collect();
        let want_rest: Vec<&str> = want_err.lines().collect();
        assert_eq!(rest, want_rest, "{view:?}: diagnostics differ");
        assert!(
            want_rest.iter().any(|l| l.contains("stale")),
            "there are warnings from the blocks before the restart: {want_err}"
        );
    }
    // Bjørn's late rows were read (as 'bjørn', not lost or mis-decoded):
    // leaving him out changes the gaps.
    let (all, _) = run(&with_bad, &["gap", "org.toml", "-f", "json"]);
    let (without, _) = run(
        &with_bad,
        &["gap", "org.toml", "--without", "bjørn", "-f", "json"],
    );
    assert_ne!(all, without, "bjørn holds levels the needs count");
}

#[test]
fn an_ascii_file_with_a_late_windows_1252_byte_reads_like_utf8() {
    assert_reads_like_utf8(Shape {
        extra_column: false,
        early_utf8: None,
        late: 4_800_000,
        people_file: true,
    });
}

#[test]
fn people_from_the_assessments_survive_the_restart() {
    assert_reads_like_utf8(Shape {
        extra_column: false,
        early_utf8: None,
        late: 4_800_000,
        people_file: false,
    });
}

#[test]
fn valid_utf8_in_an_early_block_then_a_bad_byte_restarts_from_the_snapshot() {
    for people_file in [true, false] {
        assert_reads_like_utf8(Shape {
            extra_column: false,
            early_utf8: Some(2_500_000),
            late: 4_800_000,
            people_file,
        });
    }
}

#[test]
fn valid_utf8_in_the_first_block_then_a_bad_byte() {
    assert_reads_like_utf8(Shape {
        extra_column: false,
        early_utf8: Some(1_000),
        late: 4_800_000,
        people_file: true,
    });
}

#[test]
fn a_non_ascii_header_then_a_bad_byte_reads_the_file_again() {
    assert_reads_like_utf8(Shape {
        extra_column: true,
        early_utf8: None,
        late: 4_800_000,
        people_file: false,
    });
}
