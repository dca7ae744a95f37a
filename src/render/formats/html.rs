//! HTML: one self-contained page per report (inline CSS, inline SVG, no
//! script, nothing fetched: a Content-Security-Policy says so to the
//! browser too). Pages are askama templates in `templates/`, compiled into
//! the binary; askama escapes every value put into them, and [`clean`]
//! first makes control characters visible, so a name from a file is always
//! text, never markup or a terminal command.
//!
//! Every report but `report` writes its document [`Outline`] here
//! ([`write`]); `report` has its own page with the heatmap and the mix bars
//! ([`crate::render::page`]), through [`write_page`] and [`clean`]. Every label on a page comes from [`Labels`], so
//! another language is one more catalogue, not an edit of the templates.

use std::io::{self, Write};

use askama::Template;

use crate::render::Style;
use crate::render::outline::{Block, Dialect, Span, Text, ToOutline};

pub use crate::render::words::{Key, Labels};

/// A name or text from the files, safe to show: control characters (ESC,
/// BEL, CR, ...) become visible escapes like `\x1b`; a line break becomes
/// a space. Markup is left to the template engine, which escapes it.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {
                let code = u32::from(c);
                if code <= 0xff {
                    out.push_str(&format!("\\x{code:02x}"));
                } else {
                    out.push_str(&format!("\\u{{{code:x}}}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// A stretch of text for a template: (emphasised, text).
type Spans = Vec<(bool, String)>;

/// An outline block, cleaned, as the outline template shows it.
enum Part {
    Heading(u8, String),
    Paragraph(Spans),
    /// Column headings with their alignment, and rows of cells.
    Table(Vec<(String, bool)>, Vec<Vec<(String, bool)>>),
    List(Vec<Spans>),
}

/// The page of a report's outline.
#[derive(Template)]
#[template(path = "outline.html")]
struct OutlinePage<'a> {
    labels: &'a Labels,
    title: String,
    parts: Vec<Part>,
}

fn spans(text: &Text) -> Spans {
    text.0
        .iter()
        .map(|span| match span {
            Span::Plain(s) => (false, clean(s)),
            Span::Strong(s) => (true, clean(s)),
        })
        .collect()
}

/// Writes `report`'s document outline as one HTML page.
pub fn write<R: ToOutline + ?Sized, W: Write>(
    report: &R,
    style: Style,
    mut out: W,
) -> io::Result<()> {
    let mut title = String::new();
    let mut parts = Vec::new();
    let words = crate::render::words::Labels::new(style.lang);
    for block in report.outline_in(Dialect::Document, words) {
        match block {
            Block::Title(text) => title = clean(&text),
            // The page's title is its h1, so sections start at h2.
            Block::Heading { level, text } => {
                parts.push(Part::Heading(level.clamp(2, 6), clean(&text)))
            }
            Block::Paragraph(text) => parts.push(Part::Paragraph(spans(&text))),
            Block::Grid(grid) => {
                let right: Vec<bool> = grid.columns.iter().map(|c| c.right).collect();
                let head = grid
                    .columns
                    .iter()
                    .map(|c| (clean(&c.name), c.right))
                    .collect();
                let rows = grid
                    .rows
                    .iter()
                    .map(|row| {
                        row.iter()
                            .enumerate()
                            .map(|(i, cell)| (clean(cell), right.get(i).copied().unwrap_or(false)))
                            .collect()
                    })
                    .collect();
                parts.push(Part::Table(head, rows));
            }
            Block::List(items) => parts.push(Part::List(items.iter().map(spans).collect())),
        }
    }
    let page = OutlinePage {
        labels: &Labels::new(style.lang),
        title,
        parts,
    };
    write_page(&page, &mut out)
}

/// Renders a page into `out`; a template error is an IO error here, as
/// every renderer reports its failures.
pub fn write_page<T: Template, W: Write>(page: &T, out: &mut W) -> io::Result<()> {
    let html = page.render().map_err(io::Error::other)?;
    out.write_all(html.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_visible() {
        assert_eq!(clean("a\u{1b}]0;x\u{7}b"), "a\\x1b]0;x\\x07b");
        assert_eq!(clean("line\rbreak\nnext"), "line break next");
        assert_eq!(clean("\u{9b}2J"), "\\x9b2J");
        assert_eq!(clean("Førstehjelp <b>"), "Førstehjelp <b>");
    }
}
