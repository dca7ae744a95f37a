//! JSON output: the report value serialised, under the three fields every
//! report opens with: `schema_version` (the contract's version), `report`
//! (what it is), from [`ReportKind`], and `tool_version` (the package
//! version that wrote it, issue 30). Nothing else is added or
//! removed; the report's own fields follow, flattened, in their order.

use std::io::{self, Write};

use serde::Serialize;

use crate::report::{ReportKind, SCHEMA_VERSION};

/// A report with its version and kind in front (`#[serde(flatten)]` keeps
/// the report's own fields at the top level, after these two).
#[derive(Serialize)]
struct Versioned<'a, T: ?Sized> {
    schema_version: u32,
    report: &'static str,
    tool_version: &'static str,
    #[serde(flatten)]
    value: &'a T,
}

pub fn write<T: Serialize + ReportKind + ?Sized, W: Write>(value: &T, out: W) -> io::Result<()> {
    // The serialiser writes many tiny pieces; a buffer of our own keeps them
    // out of the (possibly dynamic) writer underneath.
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    let versioned = Versioned {
        schema_version: SCHEMA_VERSION,
        report: value.kind(),
        tool_version: env!("CARGO_PKG_VERSION"),
        value,
    };
    serde_json::to_writer_pretty(&mut out, &versioned)?;
    out.write_all(b"\n")?;
    out.flush()
}
