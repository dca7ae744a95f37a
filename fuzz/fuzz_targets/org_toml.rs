//! Fuzz target `org_toml`: see `kompetanse_fuzz::org_toml` for the input's shape.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| kompetanse_fuzz::org_toml(data));
