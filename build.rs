//! Records the version a build was made from (issue 30): the package
//! version, and when the sources are a git checkout, the commit and its
//! date (`0.1.0 (a1b2c3d 2026-12-07)`), for `--version`. Without git (a
//! crate from a registry, a tarball, no git installed) it is the package
//! version alone. Nothing else: reports record only the package version
//! (`tool_version`), so that outputs stay byte-identical across commits.

use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (!text.is_empty()).then_some(text)
}

fn main() {
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    // Only a checkout of this package: not a parent repository that
    // happens to hold an unpacked crate.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let ours = git(&["-C", &manifest, "rev-parse", "--show-toplevel"])
        .is_some_and(|top| std::path::Path::new(&top) == std::path::Path::new(&manifest));
    let built = if ours {
        let commit = git(&["-C", &manifest, "rev-parse", "--short=12", "HEAD"]);
        let date = git(&["-C", &manifest, "log", "-1", "--format=%cs"]);
        // Rebuild when HEAD moves: a checkout changes HEAD, a commit the
        // branch it names (or packed-refs).
        let branch = git(&["-C", &manifest, "rev-parse", "--symbolic-full-name", "HEAD"])
            .filter(|b| b.starts_with("refs/"));
        let watched = ["HEAD".to_string(), "packed-refs".to_string()];
        for path in watched.iter().chain(branch.iter()) {
            if let Some(p) = git(&["-C", &manifest, "rev-parse", "--git-path", path]) {
                let p = std::path::Path::new(&manifest).join(p);
                // A path that does not exist would rerun this every build.
                if !p.exists() {
                    continue;
                }
                println!("cargo:rerun-if-changed={}", p.display());
            }
        }
        match (commit, date) {
            (Some(commit), Some(date)) => format!("{version} ({commit} {date})"),
            _ => version,
        }
    } else {
        version
    };
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rustc-env=KOMPETANSE_BUILD_VERSION={built}");
}
