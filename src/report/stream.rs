//! A JSON report written piece by piece, byte for byte what
//! `render::formats::json` writes for the whole value (serde_json's pretty
//! printer, two spaces a level, the `schema_version`, `report` and
//! `tool_version` first, a newline last). Reports with a long list (`plan`,
//! `gap --by person`) use it to serialise the list a chunk at a time on all
//! cores, and to drop each chunk once written, instead of holding the whole
//! report and printing it on one core (issue 28: `plan` at 1M rows built
//! 120 MB of JSON from 250 MiB of values).
//!
//! A value is printed by serde_json's own pretty printer started at the
//! value's depth in the report ([`pretty_at`]).

use std::io::{self, Write};

use serde::Serialize;

use crate::report::SCHEMA_VERSION;

/// One level of the pretty printer's indentation.
const INDENT: &[u8] = b"  ";

/// serde_json's `PrettyFormatter` (two spaces) started at a nesting depth:
/// the same bytes it writes for a value at that depth of a whole report.
/// Its methods are the printer's own, line for line.
struct Pretty {
    current_indent: usize,
    has_value: bool,
}

fn indent<W: ?Sized + Write>(writer: &mut W, n: usize) -> io::Result<()> {
    for _ in 0..n {
        writer.write_all(INDENT)?;
    }
    Ok(())
}

impl serde_json::ser::Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.current_indent += 1;
        self.has_value = false;
        writer.write_all(b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.current_indent -= 1;
        if self.has_value {
            writer.write_all(b"\n")?;
            indent(writer, self.current_indent)?;
        }
        writer.write_all(b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        writer.write_all(if first { b"\n" } else { b",\n" })?;
        indent(writer, self.current_indent)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.current_indent += 1;
        self.has_value = false;
        writer.write_all(b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.current_indent -= 1;
        if self.has_value {
            writer.write_all(b"\n")?;
            indent(writer, self.current_indent)?;
        }
        writer.write_all(b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        writer.write_all(if first { b"\n" } else { b",\n" })?;
        indent(writer, self.current_indent)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Appends `value` to `out` as the pretty printer writes it at nesting
/// `depth` (its first line not indented: the caller writes that).
pub fn pretty_at<T: Serialize + ?Sized>(
    value: &T,
    depth: usize,
    out: &mut Vec<u8>,
) -> io::Result<()> {
    let pretty = Pretty {
        current_indent: depth,
        has_value: false,
    };
    let mut serializer = serde_json::Serializer::with_formatter(out, pretty);
    value.serialize(&mut serializer).map_err(io::Error::from)
}

/// A run of items of a top-level list, ready for one [`List::push`]:
/// each printed at depth 2 (the report's object, then the list), joined as
/// the list joins them (empty for none). One buffer for many items spares
/// the allocator.
pub fn list_items<T: Serialize>(values: &[T]) -> io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(512 * values.len());
    for (i, value) in values.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(b",\n");
            out.extend_from_slice(INDENT);
            out.extend_from_slice(INDENT);
        }
        pretty_at(value, 2, &mut out)?;
    }
    Ok(out)
}

/// The report's top-level object, written field by field.
pub struct Document<W: Write> {
    out: W,
}

impl<W: Write> Document<W> {
    /// Opens the object with the three fields every report starts with.
    pub fn new(out: W, kind: &'static str) -> io::Result<Self> {
        let mut doc = Document { out };
        doc.out.write_all(b"{")?;
        doc.key("schema_version", true)?;
        serde_json::to_writer(&mut doc.out, &SCHEMA_VERSION)?;
        doc.field("report", kind)?;
        doc.field("tool_version", env!("CARGO_PKG_VERSION"))?;
        Ok(doc)
    }

    fn key(&mut self, key: &str, first: bool) -> io::Result<()> {
        self.out.write_all(if first { b"\n" } else { b",\n" })?;
        self.out.write_all(INDENT)?;
        serde_json::to_writer(&mut self.out, key)?;
        self.out.write_all(b": ")
    }

    /// A field whose value is printed whole.
    pub fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> io::Result<()> {
        self.key(key, false)?;
        let mut buf = Vec::new();
        pretty_at(value, 1, &mut buf)?;
        self.out.write_all(&buf)
    }

    /// A field whose value is a list given a run of items at a time
    /// ([`List::push`]).
    pub fn list(&mut self, key: &str) -> io::Result<List<'_, W>> {
        self.key(key, false)?;
        self.out.write_all(b"[")?;
        Ok(List {
            doc: self,
            empty: true,
        })
    }

    /// Closes the object and the line.
    pub fn end(mut self) -> io::Result<()> {
        self.out.write_all(b"\n}\n")?;
        self.out.flush()
    }
}

/// A list being written.
pub struct List<'d, W: Write> {
    doc: &'d mut Document<W>,
    empty: bool,
}

impl<W: Write> List<'_, W> {
    /// Appends a run of items printed by [`list_items`] (not an empty
    /// one).
    pub fn push(&mut self, item: &[u8]) -> io::Result<()> {
        let out = &mut self.doc.out;
        out.write_all(if self.empty { b"\n" } else { b",\n" })?;
        out.write_all(INDENT)?;
        out.write_all(INDENT)?;
        self.empty = false;
        out.write_all(item)
    }

    /// Closes the list.
    pub fn end(self) -> io::Result<()> {
        let out = &mut self.doc.out;
        if !self.empty {
            out.write_all(b"\n")?;
            out.write_all(INDENT)?;
        }
        out.write_all(b"]")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Item {
        name: String,
        tags: Vec<u32>,
        empty: Vec<u32>,
        nested: Option<Box<Item>>,
    }

    #[derive(Serialize)]
    struct Whole {
        organisation: String,
        items: Vec<Item>,
        none: Vec<Item>,
        after: Item,
    }

    /// What `render::formats::json` prints: the three fields first, the
    /// report's own flattened after them (restated here: `report` sits
    /// below `render`).
    #[derive(Serialize)]
    struct Versioned<'a> {
        schema_version: u32,
        report: &'static str,
        tool_version: &'static str,
        #[serde(flatten)]
        value: &'a Whole,
    }

    fn item(name: &str) -> Item {
        Item {
            name: name.into(),
            tags: vec![1, 2],
            empty: Vec::new(),
            nested: Some(Box::new(Item {
                name: "a\nb \"c\"".into(),
                tags: Vec::new(),
                empty: Vec::new(),
                nested: None,
            })),
        }
    }

    /// The pieces add up to what the JSON writer prints for the whole.
    #[test]
    fn pieces_print_what_the_whole_value_prints() {
        let whole = Whole {
            organisation: "Org \u{e6}".into(),
            items: vec![item("x"), item("y"), item("z")],
            none: Vec::new(),
            after: item("z"),
        };
        let versioned = Versioned {
            schema_version: SCHEMA_VERSION,
            report: "plan",
            tool_version: env!("CARGO_PKG_VERSION"),
            value: &whole,
        };
        let mut expected = serde_json::to_vec_pretty(&versioned).unwrap();
        expected.push(b'\n');

        let mut got = Vec::new();
        let mut doc = Document::new(&mut got, "plan").unwrap();
        doc.field("organisation", &whole.organisation).unwrap();
        let mut list = doc.list("items").unwrap();
        list.push(&list_items(&whole.items[..1]).unwrap()).unwrap();
        list.push(&list_items(&whole.items[1..]).unwrap()).unwrap();
        list.end().unwrap();
        doc.list("none").unwrap().end().unwrap();
        doc.field("after", &whole.after).unwrap();
        doc.end().unwrap();
        assert_eq!(
            String::from_utf8(got).unwrap(),
            String::from_utf8(expected).unwrap()
        );
    }
}
