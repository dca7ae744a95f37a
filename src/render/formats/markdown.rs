//! Markdown: headings and pipe tables that read well as plain text and
//! render in a wiki, a pull request, an e-mail or through pandoc. Like the
//! tables, this output is for people and may change between versions. It
//! lays out a report's [`Outline`] in the document [`Dialect`]: what the
//! report shows and in which words is [`reports`](crate::render::reports)'s;
//! this file owns only markdown's syntax and spacing.
//!
//! Every text is escaped ([`escape`]): a name is data, never markup. It
//! cannot open a heading, a list, a link or emphasis, close a table cell,
//! break a row with a CR or LF, or carry HTML (`<script>` comes out as
//! `&lt;script>`, which a renderer shows as the text it was).

use std::io::{self, Write};

use crate::render::Style;
use crate::render::formats::terminal::visible;
use crate::render::outline::{Block, Dialect, Span, Text, ToOutline, localise, lower};
use crate::render::table::Grid;
use crate::render::words::Labels;

/// Writes `report` as markdown, each block as the report tells it (so a
/// long document is never held whole). Every block is followed by a blank
/// line, but for a closing paragraph or list: a document ends on its last
/// line.
pub fn write<R: ToOutline + ?Sized, W: Write>(report: &R, style: Style, out: W) -> io::Result<()> {
    let labels = Labels::new(style.lang);
    let mut blocks = Blocks {
        out,
        held: None,
        result: Ok(()),
    };
    report.tell(Dialect::Document, labels, &mut |block| {
        for block in lower(localise(vec![block], labels)) {
            blocks.next(block);
        }
    });
    blocks.finish()
}

/// Blocks as they come, each written when the next comes, so that the
/// last is known; the first error stops the writing.
struct Blocks<W> {
    out: W,
    held: Option<Block>,
    result: io::Result<()>,
}

impl<W: Write> Blocks<W> {
    fn next(&mut self, block: Block) {
        // A table told in parts is one table: no blank line inside it.
        let more = matches!(block, Block::Rows(_));
        if let Some(held) = self.held.replace(block) {
            self.write(held, false, more);
        }
    }

    fn finish(mut self) -> io::Result<()> {
        if let Some(held) = self.held.take() {
            self.write(held, true, false);
        }
        self.result
    }

    fn write(&mut self, block: Block, closing: bool, more: bool) {
        if self.result.is_ok() {
            self.result = write_block(&mut self.out, block, closing, more);
        }
    }
}

/// One block and the blank line after it; `closing`: the document's last
/// block, `more`: a table with more rows to come.
fn write_block<W: Write>(out: &mut W, block: Block, closing: bool, more: bool) -> io::Result<()> {
    match block {
        Block::Title(text) => writeln!(out, "# {}", escape(&text, true))?,
        Block::Heading { level, text } => writeln!(
            out,
            "{} {}",
            "#".repeat(usize::from(level)),
            escape(&text, true)
        )?,
        Block::Paragraph(text) => {
            writeln!(out, "{}", inline(&text))?;
            if closing {
                return Ok(());
            }
        }
        Block::Grid(grid) => table(out, &grid)?,
        Block::Rows(rows) => rows_of(out, &rows)?,
        Block::List(items) => {
            for item in &items {
                writeln!(out, "- {}", inline(item))?;
            }
            if closing {
                return Ok(());
            }
        }
        // `lower` leaves no other block.
        _ => {}
    }
    match more {
        true => Ok(()),
        false => writeln!(out),
    }
}

/// Text with its emphasis in bold, every span escaped.
fn inline(text: &Text) -> String {
    text.0
        .iter()
        .enumerate()
        .map(|(i, span)| match span {
            Span::Plain(s) => escape(s, i == 0),
            Span::Strong(s) if s.is_empty() => String::new(),
            Span::Strong(s) => format!("**{}**", escape(s, false)),
        })
        .collect()
}

/// Text as markdown shows it literally: markdown's punctuation (`\`, `` ` ``,
/// `*`, `_`, `[`, `]`, `|`) backslash-escaped, HTML's `<` and `&` as
/// entities (without a `<` no tag can open), CR and LF as spaces (a line break would end a table row or a
/// heading), other control characters shown as `\x1b` and the like. At the
/// start of a line (`at_start`), `#`, `+`, `-`, `=`, `~` and `>` are escaped
/// too, so a name cannot open a heading, a list, a fence or a quote.
pub fn escape(text: &str, at_start: bool) -> String {
    let text = text.replace(['\r', '\n'], " ");
    let text = visible(&text);
    let mut out = String::with_capacity(text.len() + 8);
    for (i, c) in text.chars().enumerate() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '&' => out.push_str("&amp;"),
            // `>` opens nothing but a quote at the start of a line; inside
            // a line it stays as typed, so "14 -> 9" reads right raw too.
            '#' | '+' | '-' | '=' | '~' | '>' if i == 0 && at_start => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Writes a grid as a pipe table.
fn table<W: Write>(out: &mut W, grid: &Grid) -> io::Result<()> {
    let names: Vec<String> = grid
        .columns
        .iter()
        .map(|c| escape(&c.name, false))
        .collect();
    writeln!(out, "| {} |", names.join(" | "))?;
    let rule: Vec<&str> = grid
        .columns
        .iter()
        .map(|c| if c.right { "---:" } else { "---" })
        .collect();
    writeln!(out, "|{}|", rule.join("|"))?;
    rows_of(out, &grid.rows)
}

/// A table's rows.
fn rows_of<W: Write>(out: &mut W, rows: &[Vec<String>]) -> io::Result<()> {
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| escape(c, false)).collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn names_stay_text() {
        assert_eq!(escape("a|b", false), "a\\|b");
        assert_eq!(escape("<script>", false), "&lt;script>");
        assert_eq!(escape("> quote", true), "\\> quote");
        assert_eq!(escape("14 -> 9", false), "14 -> 9");
        assert_eq!(escape("# x", true), "\\# x");
        assert_eq!(escape("# x", false), "# x");
        assert_eq!(escape("a\rb\nc", false), "a b c");
        assert_eq!(
            escape("**b** [l](u) `c`", false),
            "\\*\\*b\\*\\* \\[l\\](u) \\`c\\`"
        );
        assert_eq!(escape("\u{1b}]0;x\u{7}", false), "\\\\x1b\\]0;x\\\\x07");
    }
}
