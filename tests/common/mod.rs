//! Fixture helpers shared by the integration tests (semantics, plans and
//! balance): a temporary folder holding an org.toml and the files it names,
//! loaded through the library or run through the binary.

// Each test crate compiles this module separately and uses only part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use assert_cmd::cargo::CommandCargoExt;
use kompetanse::load::{self, LoadOptions, Loaded};
use kompetanse::model::{Effort, Organisation};
use serde_json::Value;
use tempfile::TempDir;

/// A temporary folder with an org.toml and the files it names.
pub struct Fixture {
    dir: TempDir,
}

impl Fixture {
    /// A folder holding `org.toml` with exactly this text.
    pub fn new(org_toml: &str) -> Fixture {
        let dir = tempfile::tempdir().expect("create a temporary directory");
        std::fs::write(dir.path().join("org.toml"), org_toml).expect("write org.toml");
        Fixture { dir }
    }

    /// The usual fixture: org.toml (D = 2026-06-15, people.csv and
    /// assessments.csv as profiles, then `body`), people.csv, assessments.csv.
    pub fn standard(body: &str, people: &str, assessments: &str) -> Fixture {
        Fixture::new(&org_toml(body))
            .file("people.csv", people)
            .file("assessments.csv", assessments)
    }

    /// Adds (or replaces) a file in the folder.
    pub fn file(self, name: &str, text: &str) -> Fixture {
        self.bytes(name, text.as_bytes())
    }

    /// Adds (or replaces) a file in the folder with these exact bytes.
    pub fn bytes(self, name: &str, bytes: &[u8]) -> Fixture {
        std::fs::write(self.dir.path().join(name), bytes).expect("write fixture file");
        self
    }

    /// The fixture's folder.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// The path of its org.toml.
    pub fn path(&self) -> PathBuf {
        self.dir.path().join("org.toml")
    }

    /// Loads with the given options, keeping every diagnostic.
    pub fn loaded(&self, options: &LoadOptions) -> Loaded {
        load::load(&self.path(), options)
    }

    /// Loads with the given options; panics with every diagnostic when invalid.
    pub fn load_with(&self, options: &LoadOptions) -> Organisation {
        let loaded = self.loaded(options);
        match loaded.org {
            Some(org) => org,
            None => panic!(
                "fixture did not load:\n{}",
                loaded
                    .diagnostics
                    .iter()
                    .map(|d| d.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            ),
        }
    }

    /// Loads with the default options; panics when invalid.
    pub fn load(&self) -> Organisation {
        self.load_with(&LoadOptions::default())
    }

    /// Runs the binary in the fixture's folder.
    pub fn run(&self, args: &[&str]) -> Output {
        Command::cargo_bin("kompetanse")
            .expect("the kompetanse binary")
            .current_dir(self.dir())
            .args(args)
            .output()
            .expect("run kompetanse")
    }

    /// Runs the binary, expects exit 0, and parses stdout as JSON.
    pub fn json(&self, args: &[&str]) -> Value {
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?} failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("stdout is JSON")
    }
}

/// An org.toml with D = 2026-06-15, the standard profile files, then `body`.
pub fn org_toml(body: &str) -> String {
    format!(
        "[organisation]\nname = \"Test\"\nas_of = 2026-06-15\n\n\
         [profiles]\npeople = \"people.csv\"\nassessments = [\"assessments.csv\"]\n\n{body}"
    )
}

/// An effort as (total, experience, social, formal).
pub fn split(effort: &Effort) -> (f64, f64, f64, f64) {
    (
        effort.total,
        effort.experience,
        effort.social,
        effort.formal,
    )
}

/// Equal to within 1e-9.
pub fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}
