//! The README's console examples say what the binary says (issue 30: the
//! progress example said 37 where the binary said 38). Each ```console
//! block that runs `kompetanse` is run from the repository's root, and the
//! lines it shows before its first table (the summary lines, where the
//! numbers are) must be the output's first lines.

use std::path::Path;
use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;

/// Each console block's command (after `$ kompetanse `) and its lines.
fn console_blocks(readme: &str) -> Vec<(String, Vec<String>)> {
    let mut blocks = Vec::new();
    let mut lines = readme.lines();
    while let Some(line) = lines.next() {
        if line.trim() != "```console" {
            continue;
        }
        let body: Vec<String> = lines
            .by_ref()
            .take_while(|l| l.trim() != "```")
            .map(str::to_string)
            .collect();
        if let Some(command) = body.first().and_then(|l| l.strip_prefix("$ kompetanse ")) {
            blocks.push((command.to_string(), body[1..].to_vec()));
        }
    }
    blocks
}

#[test]
fn console_examples_start_as_the_binary_does() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README");
    let blocks = console_blocks(&readme);
    assert!(blocks.len() >= 3, "{} console blocks", blocks.len());
    let mut progress = false;
    for (command, shown) in blocks {
        // Pipes and redirections are the shell's; these blocks have none.
        if command.contains('|') || command.contains('>') {
            continue;
        }
        let out = Command::cargo_bin("kompetanse")
            .expect("binary")
            .current_dir(root)
            .env("KOMPETANSE_LANG", "en")
            .args(command.split_whitespace())
            .output()
            .expect("run");
        let text = String::from_utf8_lossy(&out.stdout);
        let head: Vec<&String> = shown
            .iter()
            .take_while(|l| !l.starts_with('┌') && l.as_str() != "..." && !l.is_empty())
            .collect();
        let got: Vec<&str> = text.lines().take(head.len()).collect();
        assert_eq!(
            head.iter().map(|l| l.as_str()).collect::<Vec<_>>(),
            got,
            "$ kompetanse {command}"
        );
        progress |= command.starts_with("progress ");
    }
    assert!(progress, "the progress example is checked");
}
