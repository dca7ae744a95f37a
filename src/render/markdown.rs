//! Markdown: headings and pipe tables that read well as plain text and
//! render in a wiki, a pull request, an e-mail or through pandoc. Like the
//! tables, this output is for people and may change between versions. It
//! lays out a report's [`Outline`] in the document [`Dialect`]: what the
//! report shows and in which words is [`layout`](crate::render::layout)'s;
//! this file owns only markdown's syntax and spacing.

use std::io::{self, Write};

use crate::render::grid::Grid;
use crate::render::outline::{Block, Dialect, Span, Text, ToOutline};

/// Writes `report` as markdown. Every block is followed by a blank line,
/// but for a closing paragraph or list: a document ends on its last line.
pub fn write<R: ToOutline + ?Sized, W: Write>(report: &R, mut out: W) -> io::Result<()> {
    let blocks = report.outline(Dialect::Document);
    let last = blocks.len().saturating_sub(1);
    for (i, block) in blocks.into_iter().enumerate() {
        let closing = i == last;
        match block {
            Block::Title(text) => writeln!(out, "# {text}")?,
            Block::Heading { level, text } => {
                writeln!(out, "{} {text}", "#".repeat(usize::from(level)))?
            }
            Block::Paragraph(text) => {
                writeln!(out, "{}", inline(&text))?;
                if closing {
                    break;
                }
            }
            Block::Grid(grid) => table(&mut out, &grid)?,
            Block::List(items) => {
                for item in &items {
                    writeln!(out, "- {}", inline(item))?;
                }
                if closing {
                    break;
                }
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

/// Text with its emphasis in bold.
fn inline(text: &Text) -> String {
    text.0
        .iter()
        .map(|span| match span {
            Span::Plain(s) => s.clone(),
            Span::Strong(s) => format!("**{s}**"),
        })
        .collect()
}

/// Escapes what would break a table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// Writes a grid as a pipe table.
fn table<W: Write>(out: &mut W, grid: &Grid) -> io::Result<()> {
    let names: Vec<&str> = grid.columns.iter().map(|c| c.name.as_str()).collect();
    writeln!(out, "| {} |", names.join(" | "))?;
    let rule: Vec<&str> = grid
        .columns
        .iter()
        .map(|c| if c.right { "---:" } else { "---" })
        .collect();
    writeln!(out, "|{}|", rule.join("|"))?;
    for row in &grid.rows {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}
