//! JSON output: the report value serialised, nothing added or removed.

use std::io::{self, Write};

use serde::Serialize;

pub fn write<T: Serialize, W: Write>(value: &T, mut out: W) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut out, value)?;
    out.write_all(b"\n")
}
