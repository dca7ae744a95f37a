//! CLI cases: each `tests/cmd/**/*.toml` runs the real binary with its args
//! (from its `.in/` folder when it has one) and pins stdout, stderr and the
//! exit code. Regenerate after a deliberate change with
//! `TRYCMD=overwrite cargo test --test cli` and review the diff like code.

#[test]
fn cli_cases() {
    // Snapshots are English whatever the machine's locale (`--lang nb`
    // cases say so themselves).
    trycmd::TestCases::new()
        .env("KOMPETANSE_LANG", "en")
        .case("tests/cmd/*.toml")
        .case("tests/cmd/*/*.toml");
}

/// Each subcommand's help opens with its own one-line description, the
/// one the main help lists. The subcommands' arguments are defined late
/// (`#[command(defer = true)]`), so a doc comment on a flattened argument
/// struct would silently replace it (it did: `gap --help` opened with
/// "The options every report command ... takes").
#[test]
fn each_subcommand_help_opens_with_its_own_description() {
    let run = |args: &[&str]| {
        let out = assert_cmd::Command::cargo_bin("kompetanse")
            .unwrap()
            .args(args)
            .env("COLUMNS", "500")
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let main = run(&["--help"]);
    let listed: Vec<(String, String)> = main
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| {
            let (name, about) = l.trim().split_once(char::is_whitespace)?;
            Some((name.to_string(), about.trim().to_string()))
        })
        .filter(|(name, _)| name != "help")
        .collect();
    assert!(listed.len() >= 14, "{main}");
    for (name, about) in listed {
        let help = run(&[&name, "--help"]);
        let first = help.lines().next().unwrap_or_default();
        assert_eq!(
            first, about,
            "`{name} --help` opens with another description"
        );
    }
}
