//! JSON output: the report value serialised, nothing added or removed.
//! Every report is `Serialize`, so this format needs no trait of its own.

use std::io::{self, Write};

use serde::Serialize;

pub fn write<T: Serialize + ?Sized, W: Write>(value: &T, out: W) -> io::Result<()> {
    // The serialiser writes many tiny pieces; a buffer of our own keeps them
    // out of the (possibly dynamic) writer underneath.
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut out, value)?;
    out.write_all(b"\n")?;
    out.flush()
}
