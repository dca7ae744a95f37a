//! CLI cases: each `tests/cmd/**/*.toml` runs the real binary with its args
//! (from its `.in/` folder when it has one) and pins stdout, stderr and the
//! exit code. Regenerate after a deliberate change with
//! `TRYCMD=overwrite cargo test --test cli` and review the diff like code.

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .case("tests/cmd/*.toml")
        .case("tests/cmd/*/*.toml");
}
