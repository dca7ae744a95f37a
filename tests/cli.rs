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
