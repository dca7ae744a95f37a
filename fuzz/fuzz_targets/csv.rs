//! Fuzz target `csv`: see `kompetanse_fuzz::csv` for the input's shape.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| kompetanse_fuzz::csv(data));
