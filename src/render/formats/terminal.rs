//! Tables for people at a terminal (comfy-table). This output may change
//! freely between versions; scripts should use JSON or CSV. It lays out a
//! report's [`Outline`] in the terminal [`Dialect`]: what the report shows
//! and in which words is [`reports`](crate::render::reports)'s; this file owns
//! only how a block looks on a terminal: what is left of a table at a
//! given width, and that no name can send the terminal a control sequence.
//!
//! Fitting a table to a width: first the grid's foldable columns (less
//! important ones such as `By` and `Driver`) leave the table one by one,
//! their values becoming a line under the row's first cell; then, if it is
//! still too wide, cells wrap between words, never inside one (a column is
//! never narrower than its longest word). Without a width (output piped to
//! a script, or `--wide`) every column stays, unwrapped.

use std::borrow::Cow;
use std::io::{self, Write};

pub mod paint;

use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets};

use self::paint::Palette;
use crate::render::Style;
use crate::render::outline::{Block, Dialect, Span, Text, ToOutline, localise, lower};
use crate::render::table::{Column, Grid, LAST_RESORT};
use crate::render::words::Labels;

/// Writes `report` as text tables.
pub fn write<R: ToOutline + ?Sized, W: Write>(
    report: &R,
    style: Style,
    mut out: W,
) -> io::Result<()> {
    let labels = Labels::new(style.lang);
    let palette = style.color.then(|| Palette::new(labels));
    // Lines of text fit the terminal too (tables fit it by themselves).
    let width = style.width.filter(|_| !style.wide).map(usize::from);
    let fit = |text: &str| match width {
        Some(width) => wrap_text(text, width),
        None => text.to_string(),
    };
    // Titles and headings stand out in bold when coloured.
    let strong = |text: &str| {
        let text = fit(&visible(text));
        if style.color {
            text.lines().map(paint::bold).collect::<Vec<_>>().join("\n")
        } else {
            text
        }
    };
    let mut one = |block: Block| -> io::Result<()> {
        match block {
            Block::Title(text) => writeln!(out, "{}", strong(&text))?,
            // A section opens after a blank line.
            Block::Heading { text, .. } => writeln!(out, "\n{}", strong(&text))?,
            Block::Paragraph(text) => writeln!(out, "{}", fit(&plain(&text)))?,
            Block::Grid(grid) => writeln!(out, "{}", draw(style, &grid, palette.as_ref()))?,
            Block::List(items) => {
                for item in items {
                    let item = plain(&item);
                    match width {
                        Some(width) => writeln!(out, "{}", hang(&item, width))?,
                        None => writeln!(out, "  {item}")?,
                    }
                }
            }
            // `lower` leaves no other block.
            _ => {}
        }
        Ok(())
    };
    // Each block as the report tells it, a grid once its last rows have
    // come (its widths are all its rows'): a long document is never held
    // whole. The first error stops the writing.
    let mut result = Ok(());
    let mut table: Option<Grid> = None;
    report.tell(Dialect::Terminal, labels, &mut |block| {
        for block in lower(localise(vec![block], labels)) {
            let (held, block) = match block {
                Block::Rows(rows) => {
                    if let Some(grid) = &mut table {
                        grid.rows.extend(rows);
                    }
                    continue;
                }
                Block::Grid(grid) => (table.replace(grid), None),
                block => (table.take(), Some(block)),
            };
            for block in held.map(Block::Grid).into_iter().chain(block) {
                if result.is_ok() {
                    result = one(block);
                }
            }
        }
    });
    if let Some(grid) = table
        && result.is_ok()
    {
        result = one(Block::Grid(grid));
    }
    result
}

/// Text as it reads on a terminal: emphasis is not shown, and control
/// characters are shown escaped.
fn plain(text: &Text) -> String {
    let text: String = text
        .0
        .iter()
        .map(|span| match span {
            Span::Plain(s) | Span::Strong(s) => s.as_str(),
        })
        .collect();
    visible(&text).into_owned()
}

/// Draws a grid, fitted to the style's width unless `wide`, coloured
/// with `palette` when there is one.
fn draw(style: Style, grid: &Grid, palette: Option<&Palette>) -> Table {
    let grid = escaped(grid);
    let width = match style.width {
        Some(width) if !style.wide => usize::from(width),
        _ => return table(&grid.columns, &grid.rows, palette),
    };
    // Details first: they leave the table, their values shown elsewhere.
    let mut grid = grid;
    let mut details: Vec<u8> = grid.columns.iter().filter_map(|c| c.detail).collect();
    details.sort_unstable();
    for rank in details {
        if fold(&grid, &[]).comfortable() <= width {
            break;
        }
        let keep: Vec<usize> = (0..grid.columns.len())
            .filter(|&i| grid.columns[i].detail != Some(rank))
            .collect();
        grid = Grid {
            columns: keep.iter().map(|&i| grid.columns[i].clone()).collect(),
            rows: grid.rows.iter().map(|row| kept(row, &keep)).collect(),
        };
    }
    let mut ranks: Vec<u8> = grid.columns.iter().filter_map(|c| c.fold).collect();
    ranks.sort_unstable();
    let mut folded = 0;
    let mut fitted = fold(&grid, &[]);
    while let Some(&next) = ranks.get(folded) {
        let too_wide = if next >= LAST_RESORT {
            fitted.narrowest() > width
        } else {
            fitted.comfortable() > width
        };
        if !too_wide {
            break;
        }
        folded += 1;
        fitted = fold(&grid, &ranks[..folded]);
    }
    fitted.wrap(width, palette)
}

/// The grid with every cell and heading made safe for a terminal (before
/// folding adds its own line breaks).
fn escaped(grid: &Grid) -> Grid {
    let mut grid = grid.clone();
    for c in &mut grid.columns {
        c.name = visible(&c.name).into_owned();
    }
    for cell in grid.rows.iter_mut().flatten() {
        *cell = visible(cell).into_owned();
    }
    grid
}

/// A row's cells in the columns `keep`, an absent one empty.
fn kept(row: &[String], keep: &[usize]) -> Vec<String> {
    keep.iter()
        .map(|&i| row.get(i).cloned().unwrap_or_default())
        .collect()
}

/// A grid some of whose columns were folded: each row's folded values, one
/// line of text that goes under its first cell.
struct Folded {
    grid: Grid,
    extra: Vec<String>,
}

/// The grid without the columns of these fold ranks; their non-empty values
/// become one line, "Heading: value" joined by "; ", under the first cell
/// left.
fn fold(grid: &Grid, ranks: &[u8]) -> Folded {
    let gone = |i: usize| grid.columns[i].fold.is_some_and(|r| ranks.contains(&r));
    let keep: Vec<usize> = (0..grid.columns.len()).filter(|&i| !gone(i)).collect();
    let mut out = Folded {
        grid: Grid {
            columns: keep.iter().map(|&i| grid.columns[i].clone()).collect(),
            rows: Vec::with_capacity(grid.rows.len()),
        },
        extra: Vec::with_capacity(grid.rows.len()),
    };
    for row in &grid.rows {
        let extra: Vec<String> = (0..grid.columns.len())
            .filter(|&i| gone(i))
            .filter_map(|i| {
                let value = row.get(i).filter(|v| !v.is_empty())?;
                Some(format!("{}: {value}", grid.columns[i].name))
            })
            .collect();
        out.grid.rows.push(kept(row, &keep));
        out.extra.push(extra.join("; "));
    }
    out
}

/// Characters of a table's frame around `n` columns of content:
/// `│ a ┆ b │` is the content plus three per column plus one.
fn frame(n: usize) -> usize {
    3 * n + 1
}

/// Width of text on a terminal, one a character (the labels and names
/// this tool shows are Latin; a wide character only makes a cell roomier).
fn chars(text: &str) -> usize {
    text.chars().count()
}

/// The longest word of a text, which its column may not be narrower than.
fn longest_word(text: &str) -> usize {
    text.split_whitespace().map(chars).max().unwrap_or(0)
}

impl Folded {
    /// Each column's widest line and longest word; the folded lines count
    /// only by their longest word (they wrap under the first cell).
    fn widths(&self) -> Vec<(usize, usize)> {
        let columns = &self.grid.columns;
        (0..columns.len())
            .map(|i| {
                let cells = std::iter::once(columns[i].name.as_str()).chain(
                    self.grid
                        .rows
                        .iter()
                        .filter_map(|r| r.get(i).map(String::as_str)),
                );
                let (mut widest, mut word) = (0, 0);
                for cell in cells {
                    widest = widest.max(cell.lines().map(chars).max().unwrap_or(0));
                    word = word.max(longest_word(cell));
                }
                if columns[i].clip {
                    // Cut, not wrapped: as narrow as its heading's words
                    // or CLIP_MIN, whichever is wider.
                    word = longest_word(&columns[i].name).max(CLIP_MIN).min(widest);
                    let extra = if i == 0 {
                        self.extra.iter().map(|e| chars(e)).max().unwrap_or(0)
                    } else {
                        0
                    };
                    return (widest.max(extra.min(widest)), word);
                }
                if i == 0 {
                    word = word.max(
                        self.extra
                            .iter()
                            .map(|e| longest_word(e))
                            .max()
                            .unwrap_or(0),
                    );
                    widest = widest.max(word);
                }
                (widest, word)
            })
            .collect()
    }

    /// The table's width with every cell wrapped as far as its words allow.
    fn narrowest(&self) -> usize {
        let widths = self.widths();
        widths.iter().map(|w| w.1).sum::<usize>() + frame(widths.len())
    }

    /// The table's width with no cell wrapped and clipped columns at a
    /// comfortable width: what a table needs before it leaves out details.
    fn comfortable(&self) -> usize {
        let widths = self.widths();
        let columns = &self.grid.columns;
        let content: usize = widths
            .iter()
            .zip(columns)
            .map(|(w, c)| if c.clip { w.0.min(CLIP_COMFORT) } else { w.0 })
            .sum();
        content + frame(widths.len())
    }

    /// The table within `width`: the widest columns narrowed first, none
    /// below its longest word (a clipped one: a few characters), cells
    /// wrapped between words or cut (a table whose words alone are too wide
    /// is drawn wider than `width`, unbroken).
    fn wrap(self, width: usize, palette: Option<&Palette>) -> Table {
        let bounds = self.widths();
        let mut widths: Vec<usize> = bounds.iter().map(|b| b.0).collect();
        let room = width.saturating_sub(frame(widths.len()));
        while widths.iter().sum::<usize>() > room {
            let narrowest_allowed = (0..widths.len())
                .filter(|&i| widths[i] > bounds[i].1)
                .max_by_key(|&i| (widths[i], std::cmp::Reverse(i)));
            match narrowest_allowed {
                Some(i) => widths[i] -= 1,
                None => break,
            }
        }
        let columns: Vec<_> = self
            .grid
            .columns
            .iter()
            .zip(&widths)
            .map(|(c, &w)| {
                let mut c = c.clone();
                c.name = wrap_text(&c.name, w);
                c
            })
            .collect();
        let rows: Vec<Vec<String>> = self
            .grid
            .rows
            .iter()
            .zip(&self.extra)
            .map(|(row, extra)| {
                let clipped = |i: usize| self.grid.columns.get(i).is_some_and(|c| c.clip);
                let mut cells: Vec<String> = row
                    .iter()
                    .zip(&widths)
                    .enumerate()
                    .map(|(i, (cell, &w))| match clipped(i) {
                        true => clip_text(cell, w),
                        false => wrap_text(cell, w),
                    })
                    .collect();
                if let Some(first) = cells.first_mut().filter(|_| !extra.is_empty()) {
                    first.push('\n');
                    first.push_str(&match clipped(0) {
                        true => clip_text(extra, widths[0]),
                        false => wrap_text(extra, widths[0]),
                    });
                }
                cells
            })
            .collect();
        table(&columns, &rows, palette)
    }
}

/// A list item wrapped to `width` between words, indented two spaces and
/// its further lines four (a hanging indent); a word longer than the line
/// keeps its own line, whole.
fn hang(item: &str, width: usize) -> String {
    let text = wrap_text(item, width.saturating_sub(4).max(20));
    let mut out = String::with_capacity(text.len() + 16);
    for (n, line) in text.lines().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        out.push_str(if n == 0 { "  " } else { "    " });
        out.push_str(line);
    }
    out
}

/// The narrowest a clipped column gets.
const CLIP_MIN: usize = 12;

/// A clipped column's width that a table keeps before leaving out details.
const CLIP_COMFORT: usize = 24;

/// Text cut to `width` characters, its end marked "…" when cut; one line.
fn clip_text(text: &str, width: usize) -> String {
    let line = text.lines().collect::<Vec<_>>().join(" ");
    if chars(&line) <= width {
        return line;
    }
    let mut out: String = line.chars().take(width.saturating_sub(1)).collect();
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

/// Text wrapped to `width` between words (a word longer than the width
/// keeps its own line, whole); its own line breaks are kept.
fn wrap_text(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (n, line) in text.lines().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let mut used = 0;
        for word in line.split_whitespace() {
            let w = chars(word);
            if used > 0 && used + 1 + w > width {
                out.push('\n');
                used = 0;
            } else if used > 0 {
                out.push(' ');
                used += 1;
            }
            out.push_str(word);
            used += w;
        }
    }
    out
}

/// Columns and rows as a comfy table, drawn as given (no wrapping of its
/// own: wrapping is [`Folded::wrap`]'s, which never cuts a word);
/// right-aligned columns right-aligned. With a `palette` its colours are
/// applied whatever stdout is (the caller decided), after comfy-table
/// measured the plain text, so colour never changes a width.
fn table(columns: &[Column], rows: &[Vec<String>], palette: Option<&Palette>) -> Table {
    let mut table = Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED);
    table.set_content_arrangement(ContentArrangement::Disabled);
    // Whether stdout is a terminal was decided by the caller (`palette`):
    // comfy-table need not ask the system again for every table.
    table.force_no_tty();
    if palette.is_some() {
        table.enforce_styling();
        // crossterm, which writes comfy-table's colours, leaves them out
        // when NO_COLOR is set; the command line has decided already (an
        // explicit `--color always` wins over NO_COLOR), so it is told.
        crossterm::style::Colored::set_ansi_color_disabled(false);
        // The words are coloured, not the padding around them.
        table.style_text_only();
    }
    table.set_header(columns.iter().map(|c| {
        let cell = Cell::new(&c.name);
        match palette {
            Some(p) => p.heading(cell),
            None => cell,
        }
    }));
    for row in rows {
        table.add_row(row.iter().zip(columns).map(|(text, column)| {
            let cell = Cell::new(text);
            let cell = match palette {
                Some(p) => p.cell(&column.name, text, cell),
                None => cell,
            };
            if column.right {
                cell.set_alignment(CellAlignment::Right)
            } else {
                cell
            }
        }));
    }
    table
}

/// Text safe for a terminal: every control character (ESC, CR, LF, BEL,
/// DEL, the C1 range) shown as a visible escape (`\x1b`, `\r`, `\n`), so
/// a name cannot move the cursor, retitle the window or fake a line.
pub fn visible(text: &str) -> Cow<'_, str> {
    // Printable ASCII hides nothing; anything else is read char by char.
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) || !text.chars().any(hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\x{:02x}", u32::from(c))),
            c if hidden(c) => out.push_str(&format!("\\u{{{:04x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A character a terminal acts on rather than shows: controls, and the
/// bidirectional overrides that make text read other than it is stored.
fn hidden(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_not_sent() {
        assert_eq!(visible("plain æøå"), "plain æøå");
        assert_eq!(visible("a\u{1b}]0;x\u{7}b"), "a\\x1b]0;x\\x07b");
        assert_eq!(visible("a\rb\nc"), "a\\rb\\nc");
        assert_eq!(visible("\u{9b}"), "\\x9b");
        assert_eq!(visible("a\u{202e}b"), "a\\u{202e}b");
    }

    #[test]
    fn wrapping_never_cuts_a_word() {
        assert_eq!(wrap_text("by 2027-06-30 sky", 10), "by\n2027-06-30\nsky");
        assert_eq!(
            wrap_text("Informasjonssikkerhet og", 5),
            "Informasjonssikkerhet\nog"
        );
        assert_eq!(wrap_text("a b\nc", 80), "a b\nc");
    }
}
