//! Tables for people at a terminal (comfy-table). This output may change
//! freely between versions; scripts should use JSON or CSV. It lays out a
//! report's [`Outline`] in the terminal [`Dialect`]: what the report shows
//! and in which words is [`layout`](crate::render::layout)'s; this file owns
//! only how a block looks on a terminal.

use std::io::{self, Write};

use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets};

use crate::render::grid::Grid;
use crate::render::outline::{Block, Dialect, Span, Text, ToOutline};

/// How tables are laid out.
#[derive(Debug, Clone, Copy, Default)]
pub struct TableStyle {
    /// Wrap to the terminal's width (only when writing to a terminal).
    pub wrap: bool,
}

/// Writes `report` as text tables.
pub fn write<R: ToOutline + ?Sized, W: Write>(
    report: &R,
    style: TableStyle,
    mut out: W,
) -> io::Result<()> {
    for block in report.outline(Dialect::Terminal) {
        match block {
            Block::Title(text) => writeln!(out, "{text}")?,
            // A section opens after a blank line.
            Block::Heading { text, .. } => writeln!(out, "\n{text}")?,
            Block::Paragraph(text) => writeln!(out, "{}", plain(&text))?,
            Block::Grid(grid) => writeln!(out, "{}", draw(style, &grid))?,
            Block::List(items) => {
                for item in items {
                    writeln!(out, "  {}", plain(&item))?;
                }
            }
        }
    }
    Ok(())
}

/// Text as it reads on a terminal: emphasis is not shown.
fn plain(text: &Text) -> String {
    text.0
        .iter()
        .map(|span| match span {
            Span::Plain(s) | Span::Strong(s) => s.as_str(),
        })
        .collect()
}

/// Draws a grid: its right-aligned columns right-aligned.
fn draw(style: TableStyle, grid: &Grid) -> Table {
    let mut table = Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED);
    table.set_content_arrangement(if style.wrap {
        ContentArrangement::Dynamic
    } else {
        ContentArrangement::Disabled
    });
    table.set_header(grid.columns.iter().map(|c| Cell::new(&c.name)));
    for row in &grid.rows {
        table.add_row(row.iter().zip(&grid.columns).map(|(text, column)| {
            let cell = Cell::new(text);
            if column.right {
                cell.set_alignment(CellAlignment::Right)
            } else {
                cell
            }
        }));
    }
    table
}
