//! Fuzz target `ods`: see `kompetanse_fuzz::ods` for the input's shape.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| kompetanse_fuzz::ods(data));
