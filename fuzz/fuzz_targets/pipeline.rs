//! Fuzz target `pipeline`: see `kompetanse_fuzz::pipeline` for the input's shape.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| kompetanse_fuzz::pipeline(data));
